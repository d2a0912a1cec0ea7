from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_odoo.tools.actions import window_action

from ..models.mentorship_privacy_erasure import ERASURE_REASONS


class MentorshipPrivacyEraseWizard(models.TransientModel):
    """Destroy the personal data of one person (from their consent or participant card) or of
    everyone due, and register the act of destruction."""

    _name = "mentorship.privacy.erase.wizard"
    _description = "Destroy Personal Data"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    scope = fields.Selection(
        [("person", "Chosen People"), ("due", "Everyone Due")], required=True, default="person"
    )
    partner_ids = fields.Many2many("res.partner", string="Students and External People")
    employee_ids = fields.Many2many("hr.employee", string="Employees", check_company=True)
    reason = fields.Selection(ERASURE_REASONS, required=True, default="withdrawal")
    reason_note = fields.Text(string="Reason Details")
    date = fields.Date(required=True, default=fields.Date.context_today)
    commission_chair_id = fields.Many2one("hr.employee", string="Chair of the Commission", check_company=True)
    commission_ids = fields.Many2many(
        "hr.employee",
        "mentorship_privacy_erase_wizard_commission_rel",
        string="Members of the Commission",
        check_company=True,
    )
    register_act = fields.Boolean(string="Register the Act", default=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        model, ids = self.env.context.get("active_model"), self.env.context.get("active_ids") or []
        if model in ("mentorship.consent", "mentorship.participant") and ids:
            records = self.env[model].browse(ids)
            values["partner_ids"] = [Command.set(records.partner_id.ids)]
            values["employee_ids"] = [Command.set(records.employee_id.ids)]
            values["company_id"] = records.company_id[:1].id or self.env.company.id
        return values

    def action_erase(self):
        self.ensure_one()
        if self.scope == "person" and not self.partner_ids and not self.employee_ids:
            raise UserError(self.env._("Choose whose personal data are destroyed."))
        erasure = self.env["mentorship.privacy.erasure"].create(
            {
                "company_id": self.company_id.id,
                "reason": self.reason,
                "reason_note": self.reason_note,
                "date": self.date,
                "partner_ids": [Command.set(self.partner_ids.ids)],
                "employee_ids": [Command.set(self.employee_ids.ids)],
                "commission_chair_id": self.commission_chair_id.id,
                "commission_ids": [Command.set(self.commission_ids.ids)],
            }
        )
        if self.scope == "due":
            erasure.action_fill_due()
            if not erasure.partner_ids and not erasure.employee_ids:
                raise UserError(self.env._("Nobody's personal data are due for destruction today."))
        erasure.action_erase()
        if self.register_act:
            erasure.action_register_act()
        return window_action(self.env._("Destruction of Personal Data"), erasure._name, res_id=erasure.id)
