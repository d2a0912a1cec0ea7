from dateutil.relativedelta import relativedelta

from odoo import fields, models


def _previous_month(wizard):
    return fields.Date.context_today(wizard).replace(day=1) - relativedelta(months=1)


class MentorshipAllowanceGenerateWizard(models.TransientModel):
    _name = "mentorship.allowance.generate.wizard"
    _description = "Generate Mentor Allowances"

    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        required=True,
        default=lambda self: self.env.companies,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
        help="The organisations selected in the company switcher by default; their month is computed "
        "in one go.",
    )
    month = fields.Date(required=True, default=_previous_month, help="Any day of the month to generate.")
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Only These Mentors",
        domain="[('company_id', 'in', company_ids)]",
        help="Leave empty to generate for every mentor of the companies.",
    )

    def action_generate(self):
        self.ensure_one()
        month = self.month.replace(day=1)
        Allowance = self.env["mentorship.allowance"]
        Allowance._generate(self.company_ids, month, self.employee_ids or None)
        action = self.env["ir.actions.act_window"]._for_xml_id("mentorship_odoo.mentorship_allowance_action")
        action["domain"] = [("company_id", "in", self.company_ids.ids), ("month", "=", month)]
        action["context"] = {}
        return action
