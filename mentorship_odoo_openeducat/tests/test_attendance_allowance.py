import os
from datetime import date

import pytest

from odoo.addons.mentorship_odoo.tests.allowance_common import AUG, NOV, OCT
from odoo.addons.mentorship_odoo.tests.test_allowance_recheck import AGED_TABLES

from .common import OpenEduCatCase

# Without OpenEduCat there is nothing to test: reported as skipped with the reason (scripts/lib.sh).
if os.environ.get("OPENEDUCAT_MISSING"):
    pytest.skip(os.environ["OPENEDUCAT_MISSING"], allow_module_level=True)


class TestAttendanceAllowance(OpenEduCatCase):
    """Absences marked in OpenEduCat suspend the allowance of the student mentee's mentor: a day
    counts when every lesson of that day was missed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.student = cls._op_student("Морозов Денис Алексеевич", date(2005, 1, 10), cls.batch)
        cls.classmate = cls._op_student("Козлов Артём Игоревич", date(2006, 6, 6), cls.batch)
        cls.student_mentee = cls._participant("mentee", cls.student.partner_id, cls.form_ts)
        cls.student_pair = cls._active_pair(cls.mentor_2, cls.student_mentee, cls.form_ts)

    def test_whole_days_suspend(self):
        """August 2026, 21 working days: absent from both lessons on 04.08, excused from the only
        lesson on 05.08 and absent on 11.08 suspend; one lesson missed of two (06.08), a late
        arrival (07.08), a Saturday (08.08), a cancelled sheet (12.08) and a classmate's absence
        do not. 0.15 × 40 000 × 18 / 21 = 5 142.86."""
        s1 = self._sheet(date(2026, 8, 4), [(self.student, "absent"), (self.classmate, "present")])
        s2 = self._sheet(date(2026, 8, 4), [(self.student, "absent")], state="start")
        s3 = self._sheet(date(2026, 8, 5), [(self.student, "excused")])
        self._sheet(date(2026, 8, 6), [(self.student, "absent")])
        self._sheet(date(2026, 8, 6), [(self.student, "present")])
        self._sheet(date(2026, 8, 7), [(self.student, "late"), (self.classmate, "absent")])
        self._sheet(date(2026, 8, 8), [(self.student, "absent")])
        s4 = self._sheet(date(2026, 8, 11), [(self.student, "absent")])
        self._sheet(date(2026, 8, 12), [(self.student, "absent")], state="cancel")
        self._sheet(date(2026, 9, 1), [(self.student, "absent")])
        line = self.line_of(self.generate(AUG), self.student_pair)
        self.assertLine(line, eligible=18, suspended=3, amount=5142.86, full=6000.00, month_days=21)
        self.assertEqual(
            line.attendance_line_ids,
            (s1 | s2 | s3 | s4).attendance_line.filtered(lambda mark: mark.student_id == self.student),
        )
        self.assertEqual(line.attendance_sheet_ids, s1 | s2 | s3 | s4)
        self.assertIn(
            f"attendance sheets {s1.name}, {s2.name}) 04.08.2026: 1 working days", line.suspension_reason
        )
        self.assertIn("05.08.2026", line.suspension_reason)
        self.assertNotIn("06.08.2026", line.suspension_reason)
        # The teacher-teacher pair of the same programme is not touched.
        self.assertLine(self.line_of(self.generate(AUG)), eligible=21, suspended=0, amount=6000.00)

    def test_attendance_and_recorded_absence_same_day(self):
        """A day with both a recorded absence and absent marks is suspended once."""
        absence = self.env["mentorship.absence"].create(
            {
                "partner_id": self.student.partner_id.id,
                "company_id": self.company.id,
                "date_from": date(2026, 8, 3),
                "date_to": date(2026, 8, 4),
                "reason": "ОРВИ, справка № 12",
            }
        )
        sheet = self._sheet(date(2026, 8, 4), [(self.student, "absent")])
        line = self.line_of(self.generate(AUG), self.student_pair)
        # 0.15 × 40 000 × 19 / 21 = 5 428.57
        self.assertLine(line, eligible=19, suspended=2, amount=5428.57)
        self.assertEqual(line.absence_ids, absence)
        self.assertEqual(line.attendance_sheet_ids, sheet)

    def test_late_mark_produces_adjustment(self):
        """October 2025 (23 working days) is confirmed; the teacher then marks the student absent
        on 20 and 21.10: November gets the adjustment 0.15 × 40 000 × 21 / 23 − 6 000.00 =
        −521.74, naming the sheets, as a late leave does."""
        october = self.generate(OCT)
        october_line = self.line_of(october, self.student_pair)
        self.assertLine(october_line, eligible=23, suspended=0, amount=6000.00)
        october.action_confirm()
        sheets = self._sheet(date(2025, 10, 20), [(self.student, "absent")]) | self._sheet(
            date(2025, 10, 21), [(self.student, "excused")]
        )
        november = self.generate(NOV)
        self.assertLine(self.line_of(october, self.student_pair), eligible=23, suspended=0, amount=6000.00)
        lines = november.sudo().line_ids.filtered(lambda line: line.pair_id == self.student_pair)
        regular = lines.filtered(lambda line: not line.is_adjustment)
        adjustment = lines.filtered("is_adjustment")
        self.assertLine(regular, eligible=20, suspended=0, amount=6000.00)
        self.assertEqual(len(adjustment), 1)
        self.assertEqual(adjustment.corrected_month, OCT)
        self.assertEqual(f"{adjustment.amount:.2f}", "-521.74")
        self.assertEqual(adjustment.eligible_days, -2)
        self.assertEqual(adjustment.suspended_days, 2)
        self.assertEqual(adjustment.attendance_sheet_ids, sheets)
        self.assertIn("Correction of 10.2025", adjustment.suspension_reason)
        self.assertEqual(
            f"{november.filtered(lambda a: a.employee_id == self.teacher_senior_2).sudo().amount_total:.2f}",
            "5478.26",
        )

    def age(self):
        """The rows written so far moved an hour back, as if written before the next check (see
        mentorship_odoo's test_allowance_recheck)."""
        self.env.flush_all()
        for table in (*AGED_TABLES, "op_attendance_line", "op_attendance_sheet", "op_student"):
            self.env.cr.execute(f"UPDATE {table} SET write_date = write_date - interval '1 hour'")  # noqa: S608
        self.env.cr.execute(
            "UPDATE mentorship_allowance_check SET checked_at = checked_at - interval '1 hour'"
        )
        self.env.invalidate_all()

    def test_late_mark_marks_only_its_mentor_for_the_recheck(self):
        """A month's recheck recomputes the mentor of a student marked absent after the month was
        checked, not the others; a deleted attendance sheet leaves no write date and rechecks every
        mentor of the company."""
        Check = self.env["mentorship.allowance.check"]

        def to_recheck():
            final = self.env["mentorship.allowance"].search(
                [("month", "=", OCT), ("state", "=", "confirmed")]
            )
            candidates = {(self.company.id, OCT): set(final.employee_id.ids)}
            return Check._employees_to_recheck([self.company.id], [OCT], candidates)[(self.company.id, OCT)]

        sheet = self._sheet(date(2025, 10, 6), [(self.student, "present")], state="draft")
        self.age()
        self.generate(OCT).action_confirm()
        self.age()
        self.assertEqual(to_recheck(), set())
        self._sheet(date(2025, 10, 20), [(self.student, "absent")])
        self.assertEqual(to_recheck(), {self.teacher_senior_2.id})
        self.env["op.attendance.line"].search([("attendance_id", "=", sheet.id)]).unlink()
        sheet.unlink()
        self.assertIsNone(to_recheck())

    def test_marks_read_in_one_grouped_query(self):
        """The month's marks of all the mentees are read in a constant number of queries: three
        absent mentees over five days cost what one mentee over one day does."""
        Calculator = self.env["mentorship.allowance.calculator"]._for_computation()

        def queries():
            data = Calculator._prepare_month(self.company, AUG)
            Calculator._load_pairs(data)
            Calculator._load_people(data)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Calculator._load_attendance_absences(data)
            return self.env.cr.sql_log_count - before, data

        self._sheet(date(2026, 8, 3), [(self.student, "absent")])
        one, data = queries()
        self.assertEqual(list(data.attendance_days[self.student.partner_id.id]), [date(2026, 8, 3)])
        others = self.classmate | self._op_student("Орлов Никита Павлович", date(2006, 2, 2), self.batch)
        for other in others:
            self._active_pair(
                self.mentor_2, self._participant("mentee", other.partner_id, self.form_ts), self.form_ts
            )
        for day in range(4, 9):
            self._sheet(date(2026, 8, day), [(student, "absent") for student in self.student | others])
        three, data = queries()
        self.assertEqual(three, one)
        self.assertEqual(len(data.attendance_days), 3)
        self.assertEqual(len(data.attendance_days[self.classmate.partner_id.id]), 5)
