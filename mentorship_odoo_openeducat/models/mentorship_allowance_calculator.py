from collections import defaultdict

from odoo import api, fields, models


class MentorshipAllowanceCalculator(models.AbstractModel):
    """OpenEduCat attendance as a source of student absences (architecture §5).

    A day counts as an absence of a student mentee when every lesson marked for them that day in
    OpenEduCat (the lines of all their attendance sheets that are not cancelled) says absent,
    excused or not; a few missed lessons do not suspend, as a few hours of time off do not. A
    late arrival is a presence. The month's marks of all the mentees are read in one grouped
    query."""

    _inherit = "mentorship.allowance.calculator"

    @api.model
    def _load_absences(self, data):
        result = super()._load_absences(data)
        self._load_attendance_absences(data)
        return result

    @api.model
    def _load_attendance_absences(self, data):
        data.attendance_days = defaultdict(dict)  # partner id: {day: record of the day}
        partner_ids = [
            rec["partner_id"] for rec in data.mentees.values() if rec["partner_id"] and not rec["employee_id"]
        ]
        if not partner_ids:
            return
        partner_of = {
            rec["id"]: rec["partner_id"]
            for rec in self.env["op.student"].search_read(
                [("partner_id", "in", partner_ids)], ["partner_id"], load=None
            )
        }
        if not partner_of:
            return
        groups = self.env["op.attendance.line"]._read_group(
            [
                ("student_id", "in", list(partner_of)),
                ("attendance_date", ">=", data.first),
                ("attendance_date", "<=", data.last),
                ("active", "=", True),
                ("attendance_id.active", "=", True),
                ("attendance_id.state", "!=", "cancel"),
            ],
            ["student_id", "attendance_date:day"],
            ["present:bool_or", "late:bool_or", "id:array_agg", "attendance_id:array_agg"],
        )
        absent = [
            (student, day, line_ids, sheet_ids)
            for student, day, present, late, line_ids, sheet_ids in groups
            if not present and not late
        ]
        sheet_names = {
            rec["id"]: rec["name"] or ""
            for rec in self.env["op.attendance.sheet"].search_read(
                [("id", "in", sorted({sid for *_rest, sheet_ids in absent for sid in sheet_ids}))], ["name"]
            )
        }
        for student, day, line_ids, sheet_ids in absent:
            day = fields.Date.to_date(day)
            sheets = sorted(set(sheet_ids))
            data.attendance_days[partner_of[student.id]][day] = {
                "id": min(line_ids),
                "line_ids": sorted(line_ids),
                "date_from": day,
                "date_to": day,
                "sheets": ", ".join(sheet_names.get(sid, "") for sid in sheets),
            }

    @api.model
    def _changed_absence_partners(self, since):
        """The students whose marks, or whose attendance sheets, were written from ``since`` on."""
        self.env.cr.execute(
            """SELECT s.partner_id, greatest(l.write_date, sheet.write_date)
                 FROM op_attendance_line l
                 JOIN op_attendance_sheet sheet ON sheet.id = l.attendance_id
                 JOIN op_student s ON s.id = l.student_id
                WHERE (l.write_date >= %(since)s OR sheet.write_date >= %(since)s)
                  AND s.partner_id IS NOT NULL""",
            {"since": since},
        )
        return super()._changed_absence_partners(since) + self.env.cr.fetchall()

    @api.model
    def _mentee_absence_days(self, data, mentee, policy):
        found = super()._mentee_absence_days(data, mentee, policy)
        days = None if mentee["employee_id"] else data.attendance_days.get(mentee["partner_id"])
        if not days:
            return found
        # The core's result may be a cached dict: build a new one.
        found = {day: list(items) for day, items in found.items()}
        for day, rec in days.items():
            found.setdefault(day, []).append(("attendance", rec))
        return found

    @api.model
    def _absence_line_fields(self):
        return {**super()._absence_line_fields(), "attendance": "attendance_line_ids"}

    @api.model
    def _absence_label(self, data, mentor, kind, rec, mentee):
        if kind != "attendance":
            return super()._absence_label(data, mentor, kind, rec, mentee)
        label = self.env._(
            "%(person)s: absent from every lesson (attendance sheets %(sheets)s)",
            person=mentee["name"],
            sheets=rec["sheets"],
        )
        return label, rec["date_from"], rec["date_to"]

    @api.model
    def _reason_lines(self, data, mentor, tally):
        """A day of attendance stands for all of that day's marks: the line lists them all."""
        lines, records = super()._reason_lines(data, mentor, tally)
        if records.get("attendance"):
            records["attendance"] = sorted(
                {
                    line_id
                    for (kind, _record_id), (_mentee, rec, _days) in tally.reasons.items()
                    if kind == "attendance"
                    for line_id in rec["line_ids"]
                }
            )
        return lines, records
