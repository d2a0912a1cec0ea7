from odoo import api, fields, models


class MentorshipAllowance(models.Model):
    _inherit = "mentorship.allowance"

    payslip_id = fields.Many2one(
        "hr.payslip", string="Paid by Payslip", readonly=True, copy=False, index="btree_not_null"
    )

    @api.model
    def _frozen_writable_fields(self):
        # Payroll links the payslip that paid an accrual when it marks it paid.
        return super()._frozen_writable_fields() | {"payslip_id"}
