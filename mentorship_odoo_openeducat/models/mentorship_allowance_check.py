from odoo import api, models


class MentorshipAllowanceCheck(models.Model):
    _inherit = "mentorship.allowance.check"

    @api.model
    def _signature_tables(self):
        """Marks and attendance sheets deleted since a month was checked: its mentors are rechecked."""
        return {**super()._signature_tables(), "op_attendance_line": None, "op_attendance_sheet": None}
