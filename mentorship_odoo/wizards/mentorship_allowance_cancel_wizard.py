from odoo import fields, models


class MentorshipAllowanceCancelWizard(models.TransientModel):
    _name = "mentorship.allowance.cancel.wizard"
    _description = "Cancel Mentor Allowances"

    allowance_ids = fields.Many2many("mentorship.allowance", string="Accruals", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.allowance_ids._cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
