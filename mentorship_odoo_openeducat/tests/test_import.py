import os
from datetime import date

import pytest

from odoo import Command
from odoo.exceptions import UserError

from .common import OpenEduCatCase

# Without OpenEduCat there is nothing to test: reported as skipped with the reason (scripts/lib.sh).
if os.environ.get("OPENEDUCAT_MISSING"):
    pytest.skip(os.environ["OPENEDUCAT_MISSING"], allow_module_level=True)


class TestImport(OpenEduCatCase):
    """Existing OpenEduCat students join a programme's database in one action, by course and
    batch; running it again adds only who is new."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.juniors = cls._op_student(
            "Соколов Кирилл Дмитриевич", date(2010, 3, 15), cls.batch
        ) | cls._op_student("Козлов Артём Игоревич", date(2010, 7, 1), cls.batch)
        cls.senior = cls._op_student("Морозов Денис Алексеевич", date(2005, 1, 10), cls.batch_senior)
        cls.finished = cls._op_student("Лебедев Олег Романович", date(2005, 2, 2), cls.batch_senior)
        cls.finished.course_detail_ids.state = "finished"
        other_course = cls.env["op.course"].create({"name": "Сварочное производство", "code": "22.02.06"})
        cls.other = cls._op_student(
            "Орлов Никита Павлович",
            date(2009, 9, 9),
            cls._batch("СП-25", "SP25", date(2025, 9, 1), date(2029, 6, 30), other_course),
        )
        cls.faculty = cls.env["op.faculty"].create(
            {
                "name": "Кузнецов Олег Иванович",
                "first_name": "Олег",
                "last_name": "Кузнецов",
                "birth_date": date(1975, 4, 4),
                "gender": "male",
                "emp_id": cls.teacher_old.id,
                "faculty_subject_ids": [Command.set(cls.subject.ids)],
            }
        )
        cls.faculty_no_employee = cls.env["op.faculty"].create(
            {
                "name": "Кузнецова Анна Олеговна",
                "first_name": "Анна",
                "last_name": "Кузнецова",
                "birth_date": date(1980, 1, 1),
                "gender": "female",
                "faculty_subject_ids": [Command.set(cls.subject.ids)],
            }
        )

        cls.fixtures = cls.env["mentorship.participant"].search([("programme_id", "=", cls.programme.id)])

    def _run(self, user=None, **vals):
        wizard = (
            self.env["mentorship.openeducat.import.wizard"]
            .with_user(user or self.user_curator)
            .create({"programme_id": self.programme.id, "course_id": self.course.id, **vals})
        )
        return wizard.action_import()

    def _participants(self, role):
        """The participants of ``role`` the imports added (the fixtures' teachers left out)."""
        return (
            self.env["mentorship.participant"].search(
                [("programme_id", "=", self.programme.id), ("role", "=", role)]
            )
            - self.fixtures
        )

    def test_import_by_batch_twice(self):
        result = self._run(batch_ids=[Command.set(self.batch.ids)], form_id=self.form_ts.id)
        mentees = self._participants("mentee")
        self.assertEqual(mentees.partner_id, self.juniors.partner_id)
        self.assertEqual(set(mentees.mapped("form_id")), {self.form_ts})
        self.assertEqual(set(mentees.mapped("study_group")), {"ТО-25"})
        self.assertEqual(set(mentees.mapped("source")), {"students"})
        self.assertIn("2 added", result["params"]["message"])
        result = self._run(batch_ids=[Command.set(self.batch.ids)], form_id=self.form_ts.id)
        self.assertEqual(self._participants("mentee"), mentees, "nothing is added twice")
        self.assertIn("0 added", result["params"]["message"])
        self.assertIn("2 already there", result["params"]["message"])

    def test_import_whole_course_as_mentors_with_faculty(self):
        """Senior students as mentors (student–student form), the course's teachers through
        their employees; a finished student and another course's are left out."""
        self._run(batch_ids=[Command.set(self.batch_senior.ids)], role="mentor", form_id=self.form_ss.id)
        result = self._run(role="mentor", include_faculty=True)
        mentors = self._participants("mentor")
        self.assertEqual(mentors.partner_id, (self.juniors | self.senior).partner_id)
        self.assertEqual(mentors.employee_id, self.teacher_old)
        self.assertNotIn(self.finished.partner_id, mentors.partner_id)
        self.assertNotIn(self.other.partner_id, mentors.partner_id)
        self.assertIn("Кузнецова Анна Олеговна", result["params"]["message"])
        self.assertFalse(self._participants("mentee"))
        self._run(role="mentor", include_faculty=True)
        self.assertEqual(self._participants("mentor"), mentors)

    def test_nothing_to_import(self):
        empty = self._batch("ТО-26", "TO26", date(2026, 9, 1), date(2030, 6, 30))
        with self.assertRaisesText(UserError, "nothing to import"):
            self._run(batch_ids=[Command.set(empty.ids)])
