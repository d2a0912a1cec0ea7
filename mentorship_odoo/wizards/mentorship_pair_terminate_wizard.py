from odoo import fields, models

from ..models.mentorship_pair import TERMINATION_INITIATORS


class MentorshipPairTerminateWizard(models.TransientModel):
    _name = "mentorship.pair.terminate.wizard"
    _description = "Terminate Mentoring Early"

    pair_ids = fields.Many2many("mentorship.pair", string="Pairs", required=True)
    initiator = fields.Selection(TERMINATION_INITIATORS, required=True)
    reason = fields.Text(required=True)
    date = fields.Date(required=True, default=fields.Date.context_today)

    def action_confirm(self):
        self.ensure_one()
        self.pair_ids._terminate(self.initiator, self.reason, self.date)
        return {"type": "ir.actions.act_window_close"}
