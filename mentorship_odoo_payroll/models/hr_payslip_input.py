from odoo import fields, models


class HrPayslipInput(models.Model):
    _inherit = "hr.payslip.input"

    mentorship_allowance_ids = fields.Many2many(
        "mentorship.allowance",
        "hr_payslip_input_mentorship_allowance_rel",
        "input_id",
        "allowance_id",
        string="Mentor Allowances",
        readonly=True,
        copy=False,
        help="The confirmed accruals whose amount this input carries.",
    )
