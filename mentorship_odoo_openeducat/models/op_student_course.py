from odoo import api, models


class OpStudentCourse(models.Model):
    """A student's course and batch: the study group and year of study of the mentoring student."""

    _inherit = "op.student.course"

    @api.model_create_multi
    def create(self, vals_list):
        details = super().create(vals_list)
        details.student_id._sync_mentorship_partner()
        return details

    def write(self, vals):
        before = self.student_id
        result = super().write(vals)
        if {"student_id", "batch_id", "course_id", "state"} & vals.keys():
            (before | self.student_id)._sync_mentorship_partner()
        return result

    def unlink(self):
        students = self.student_id
        result = super().unlink()
        students.exists()._sync_mentorship_partner()
        return result
