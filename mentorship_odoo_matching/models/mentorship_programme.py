from odoo import api, fields, models


class MentorshipProgramme(models.Model):
    _inherit = "mentorship.programme"

    match_criterion_ids = fields.One2many(
        "mentorship.match.criterion", "programme_id", string="Matching Criteria"
    )

    @api.model_create_multi
    def create(self, vals_list):
        programmes = super().create(vals_list)
        programmes._ensure_match_criteria()
        return programmes

    def _ensure_match_criteria(self):
        """Give the programmes without criteria the shipped ones."""
        Criterion = self.env["mentorship.match.criterion"].sudo()
        empty = self.filtered(lambda programme: not programme.sudo().match_criterion_ids)
        Criterion.create([vals for programme in empty for vals in Criterion._default_vals(programme)])

    def action_reset_match_criteria(self):
        self.match_criterion_ids.unlink()
        self._ensure_match_criteria()

    def action_open_match_wizard(self):
        self.ensure_one()
        wizard = self.env["mentorship.match.wizard"].create({"programme_id": self.id})
        wizard.action_solve()
        return wizard._reopen()
