from odoo import models


class ResPartner(models.Model):
    """A birth date typed on the mentoring side reaches the OpenEduCat student too, so that the
    two never disagree about whether a student is a minor."""

    _inherit = "res.partner"

    def write(self, vals):
        result = super().write(vals)
        if "birthdate_date" in vals and not self.env.context.get("mentorship_openeducat_sync"):
            students = self.env["op.student"].sudo().with_context(active_test=False)
            for student in students.search([("partner_id", "in", self.ids)]):
                if student.birth_date != student.partner_id.birthdate_date:
                    student.birth_date = student.partner_id.birthdate_date
        return result
