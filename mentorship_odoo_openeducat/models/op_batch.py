from odoo import models


class OpBatch(models.Model):
    """A batch is a study group: its name and start date reach the mentoring students in it."""

    _inherit = "op.batch"

    def write(self, vals):
        result = super().write(vals)
        if {"name", "start_date", "end_date"} & vals.keys():
            details = self.env["op.student.course"].sudo().search([("batch_id", "in", self.ids)])
            details.student_id._sync_mentorship_partner()
        return result
