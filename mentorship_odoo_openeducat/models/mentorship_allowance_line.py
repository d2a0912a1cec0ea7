from odoo import api, fields, models

from odoo.addons.mentorship_odoo.models.mentorship_allowance import DETAIL_GROUPS


class MentorshipAllowanceLine(models.Model):
    """The OpenEduCat attendance marks behind a line's suspended days, and their sheets."""

    _inherit = "mentorship.allowance.line"

    attendance_line_ids = fields.Many2many(
        "op.attendance.line",
        "mentorship_allowance_line_op_attendance_line_rel",
        "line_id",
        "attendance_line_id",
        string="Attendance Marks",
        readonly=True,
        groups=DETAIL_GROUPS,
        help="The OpenEduCat attendance lines that marked the student mentee absent from every "
        "lesson of a suspended day.",
    )
    attendance_sheet_ids = fields.Many2many(
        "op.attendance.sheet",
        string="Attendance Sheets",
        compute="_compute_attendance_sheet_ids",
        groups=DETAIL_GROUPS,
    )

    @api.depends("attendance_line_ids.attendance_id")
    def _compute_attendance_sheet_ids(self):
        for line in self:
            line.attendance_sheet_ids = line.attendance_line_ids.attendance_id
