from odoo import fields, models

from ..tools.actions import window_action


class MentorshipPairReplaceWizard(models.TransientModel):
    _name = "mentorship.pair.replace.wizard"
    _description = "Replace the Mentor of a Pair"

    pair_id = fields.Many2one("mentorship.pair", required=True)
    programme_id = fields.Many2one(related="pair_id.programme_id")
    current_mentor_id = fields.Many2one(related="pair_id.mentor_id", string="Current Mentor")
    new_mentor_id = fields.Many2one(
        "mentorship.participant",
        required=True,
        domain="[('programme_id', '=', programme_id), ('role', '=', 'mentor'), "
        "('state', 'in', ('approved', 'active', 'former')), ('id', '!=', current_mentor_id)]",
    )
    date = fields.Date(
        string="Last Day of the Current Mentor",
        required=True,
        default=fields.Date.context_today,
    )
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        new_pair = self.pair_id._replace_mentor(self.new_mentor_id, self.date, self.reason)
        return window_action(None, "mentorship.pair", res_id=new_pair.id)
