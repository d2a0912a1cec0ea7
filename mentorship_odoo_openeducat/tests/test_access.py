import os
from datetime import date

import pytest

from odoo import Command
from odoo.exceptions import AccessError, UserError

from odoo.addons.mentorship_odoo.tests.allowance_common import AUG

from .common import OpenEduCatCase

# Without OpenEduCat there is nothing to test: reported as skipped with the reason (scripts/lib.sh).
if os.environ.get("OPENEDUCAT_MISSING"):
    pytest.skip(os.environ["OPENEDUCAT_MISSING"], allow_module_level=True)


class TestAccess(OpenEduCatCase):
    """Curators import and read the students and sheets of their company; payroll officers see
    the sheets behind a suspension; mentors see neither; a user without mentoring rights sees no
    student's mentoring."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.student = cls._op_student("Морозов Денис Алексеевич", date(2005, 1, 10), cls.batch)
        cls.student.partner_id.company_id = cls.company
        cls.student_b = cls._op_student("Орлов Никита Павлович", date(2005, 9, 9), cls.batch)
        cls.student_b.partner_id.company_id = cls.company_b
        mentee = cls._participant("mentee", cls.student.partner_id, cls.form_ts)
        cls.student_pair = cls._active_pair(cls.mentor_2, mentee, cls.form_ts)
        cls.sheet = cls._sheet(date(2026, 8, 4), [(cls.student, "absent"), (cls.student_b, "absent")])

    def test_curator(self):
        Student = self.env["op.student"].with_user(self.user_curator)
        self.assertEqual(Student.search([("id", "in", (self.student | self.student_b).ids)]), self.student)
        self.assertEqual(Student.browse(self.student.id).mentorship_participant_count, 1)
        action = Student.browse(self.student.id).action_open_mentorship()
        self.assertEqual(action["res_model"], "mentorship.participant")
        marks = self.env["op.attendance.line"].with_user(self.user_curator).search([])
        self.assertEqual(marks.student_id, self.student, "the other company's marks are hidden")
        with self.assertRaises(AccessError):
            self.env["op.student"].with_user(self.user_curator).browse(self.student.id).name = "Другое имя"
        # A curator of another programme may not import into this one.
        other = self.env["mentorship.programme"].create(
            {
                "name": "Программа 2026–2027",
                "company_id": self.company.id,
                "date_start": date(2026, 9, 1),
                "date_end": date(2027, 8, 31),
            }
        )
        curator_other = self.user_curator.copy({"login": "t_curator_other"})
        other.curator_ids = [Command.set(curator_other.ids)]
        wizard = (
            self.env["mentorship.openeducat.import.wizard"]
            .with_user(self.user_curator)
            .create({"programme_id": other.id, "course_id": self.course.id})
        )
        with self.assertRaisesText(UserError, "Only the curators"):
            wizard.action_import()

    def test_payroll_sees_the_sheets(self):
        allowances = self.generate(AUG)
        line = allowances.line_ids.filtered(lambda line: line.pair_id == self.student_pair)
        self.assertEqual(line.attendance_sheet_ids, self.sheet)
        self.assertEqual(line.attendance_line_ids.student_id, self.student)
        self.assertEqual(line.attendance_sheet_ids.display_name, self.sheet.name)

    def test_mentor_and_plain_user(self):
        line = self.line_of(self.generate(AUG), self.student_pair)
        with self.assertRaises(AccessError):
            line.with_user(self.user_mentor_2).attendance_line_ids  # noqa: B018
        with self.assertRaises(AccessError):
            self.env["mentorship.openeducat.import.wizard"].with_user(self.user_mentor).create(
                {"programme_id": self.programme.id, "course_id": self.course.id}
            )
        with self.assertRaises(AccessError):
            self.env["op.student"].with_user(self.user_mentor).search([])
        with self.assertRaises(AccessError):
            self.env["op.attendance.line"].with_user(self.user_plain).search([])
        with self.assertRaises(AccessError):
            self.env["mentorship.participant"].with_user(self.user_plain).search(
                [("partner_id", "=", self.student.partner_id.id)]
            )
