from odoo import api, models


class OpParent(models.Model):
    """An OpenEduCat parent is a legal representative of their students: consents of a minor are
    given by them."""

    _inherit = "op.parent"

    @api.model_create_multi
    def create(self, vals_list):
        parents = super().create(vals_list)
        parents.student_ids._sync_legal_representatives()
        return parents

    def write(self, vals):
        students = self.with_context(active_test=False).student_ids
        partners = self.name
        result = super().write(vals)
        if {"student_ids", "name", "active"} & vals.keys():
            released = partners - self.name if "name" in vals else None
            (students | self.with_context(active_test=False).student_ids)._sync_legal_representatives(
                released
            )
        return result

    def unlink(self):
        students = self.with_context(active_test=False).student_ids
        partners = self.name
        result = super().unlink()
        students.exists()._sync_legal_representatives(partners)
        return result
