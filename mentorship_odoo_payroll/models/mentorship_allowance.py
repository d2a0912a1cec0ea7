from odoo import api, fields, models


class MentorshipAllowance(models.Model):
    _inherit = "mentorship.allowance"

    payslip_id = fields.Many2one(
        "hr.payslip", string="Paid by Payslip", readonly=True, copy=False, index="btree_not_null"
    )

    @api.model
    def _locked_writable_fields(self):
        return super()._locked_writable_fields() | {"payslip_id"}
