from datetime import date

from odoo.addons.mentorship_odoo.tests.allowance_common import AllowanceCase


class OpenEduCatCase(AllowanceCase):
    """The core's allowance fixtures (two mentors on 40 000.00, a Moscow 5-day week, a running
    programme) plus a real OpenEduCat course with two batches, a parent relationship and an
    attendance register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.form_ts.allowance_applicable = True
        cls.subject = cls.env["op.subject"].create({"name": "Техническая механика", "code": "ОП.02"})
        cls.course = cls.env["op.course"].create(
            {
                "name": "Техническое обслуживание и ремонт автотранспорта",
                "code": "23.02.07",
                "subject_ids": [(6, 0, cls.subject.ids)],
            }
        )
        cls.batch = cls._batch("ТО-25", "TO25", date(2025, 9, 1), date(2029, 6, 30))
        cls.batch_senior = cls._batch("ТО-23", "TO23", date(2023, 9, 1), date(2027, 6, 30))
        cls.relationship = cls.env["op.parent.relationship"].create({"name": "Мать"})
        cls.register = cls.env["op.attendance.register"].create(
            {"name": "Журнал ТО-25", "code": "ЖТО25", "course_id": cls.course.id, "batch_id": cls.batch.id}
        )

    @classmethod
    def _batch(cls, name, code, start, end, course=None):
        return cls.env["op.batch"].create(
            {
                "name": name,
                "code": code,
                "course_id": (course or cls.course).id,
                "start_date": start,
                "end_date": end,
            }
        )

    @classmethod
    def _op_student(cls, name, birth_date, batch=None, **vals):
        student = cls.env["op.student"].create(
            {"name": name, "birth_date": birth_date, "gender": "m", **vals}
        )
        if batch:
            cls.env["op.student.course"].create(
                {"student_id": student.id, "course_id": batch.course_id.id, "batch_id": batch.id}
            )
        return student

    @classmethod
    def _sheet(cls, day, marks, state="done", register=None):
        """An attendance sheet of ``day`` with a line per (student, mark); mark is "present",
        "absent", "excused" or "late"."""
        sheet = cls.env["op.attendance.sheet"].create(
            {"register_id": (register or cls.register).id, "attendance_date": day}
        )
        cls.env["op.attendance.line"].create(
            [
                {
                    "attendance_id": sheet.id,
                    "student_id": student.id,
                    "present": mark == "present",
                    "absent": mark == "absent",
                    "excused": mark == "excused",
                    "late": mark == "late",
                }
                for student, mark in marks
            ]
        )
        sheet.state = state
        return sheet
