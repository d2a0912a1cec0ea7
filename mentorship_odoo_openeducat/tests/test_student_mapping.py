import os
from datetime import date

import pytest
from freezegun import freeze_time

from odoo import Command

from ..models.op_student import study_year_on
from .common import OpenEduCatCase

# Without OpenEduCat there is nothing to test: reported as skipped with the reason (scripts/lib.sh).
if os.environ.get("OPENEDUCAT_MISSING"):
    pytest.skip(os.environ["OPENEDUCAT_MISSING"], allow_module_level=True)


@freeze_time("2026-10-01")
class TestStudentMapping(OpenEduCatCase):
    """An op.student is the mentoring student: its own partner, with the birth date, the batch
    as study group and the year of the course as year of study."""

    def test_student_is_the_mentoring_partner(self):
        student = self._op_student("Новиков Тимур Русланович", date(2010, 3, 15), self.batch)
        partner = student.partner_id
        self.assertTrue(partner.is_student)
        self.assertEqual(partner.birthdate_date, date(2010, 3, 15))
        self.assertTrue(partner.is_minor)
        self.assertEqual(partner.study_group, "ТО-25")
        # The batch started on 01.09.2025: on 01.10.2026 it is in its second year.
        self.assertEqual(partner.study_year, 2)
        # No second student record: the participant is the OpenEduCat student's own partner.
        participant = self._participant("mentee", partner, self.form_ts)
        self.assertEqual(participant.partner_id, student.partner_id)
        self.assertEqual(participant.study_group, "ТО-25")
        self.assertTrue(participant.is_minor)
        self.assertEqual(self.env["res.partner"].search_count([("name", "=", "Новиков Тимур Русланович")]), 1)

    def test_existing_contact_becomes_openeducat_student(self):
        """A student typed by hand before OpenEduCat came is linked, not copied: the OpenEduCat
        record takes the contact and its birth date."""
        partner = self.student_adult
        participant = self._participant("mentee", partner, self.form_ts)
        student = self.env["op.student"].create({"partner_id": partner.id, "gender": "m"})
        self.assertEqual(student.name, "Морозов Денис Алексеевич")
        self.assertEqual(student.birth_date, date(2005, 1, 10))
        self.assertEqual(participant.partner_id, student.partner_id)
        self.assertEqual(student.mentorship_participant_count, 1)
        self.assertEqual(student.action_open_mentorship()["domain"], [("partner_id", "=", partner.id)])

    def test_changes_follow_openeducat(self):
        student = self._op_student("Морозов Денис Алексеевич", date(2005, 1, 10), self.batch)
        partner = student.partner_id
        self.assertFalse(partner.is_minor)
        # Moved to the senior batch: the old course detail finishes, a new one runs.
        student.course_detail_ids.state = "finished"
        self.env["op.student.course"].create(
            {"student_id": student.id, "course_id": self.course.id, "batch_id": self.batch_senior.id}
        )
        self.assertEqual(partner.study_group, "ТО-23")
        self.assertEqual(partner.study_year, 4)
        self.batch_senior.name = "ТО-23а"
        self.assertEqual(partner.study_group, "ТО-23а")
        student.birth_date = date(2011, 5, 20)
        self.assertEqual(partner.birthdate_date, date(2011, 5, 20))
        self.assertTrue(partner.is_minor)
        # A birth date corrected on the mentoring side reaches OpenEduCat too.
        partner.birthdate_date = date(2004, 2, 2)
        self.assertEqual(student.birth_date, date(2004, 2, 2))

    def test_study_year_on(self):
        start = date(2025, 9, 1)
        self.assertEqual(study_year_on(start, date(2025, 8, 31)), 1)
        self.assertEqual(study_year_on(start, date(2025, 9, 1)), 1)
        self.assertEqual(study_year_on(start, date(2026, 8, 31)), 1)
        self.assertEqual(study_year_on(start, date(2026, 9, 1)), 2)
        self.assertEqual(study_year_on(start, date(2040, 9, 1)), 11)
        self.assertEqual(study_year_on(False, date(2026, 9, 1)), 1)

    def test_year_of_study_moves_on(self):
        student = self._op_student("Козлов Артём Игоревич", date(2009, 11, 1), self.batch)
        self.assertEqual(student.partner_id.study_year, 2)
        with freeze_time("2027-09-02"):
            self.env["op.student"]._cron_sync_mentorship_students()
            self.assertEqual(student.partner_id.study_year, 3)

    def test_faculty_employee(self):
        """A faculty member linked to an employee (OpenEduCat's «Create Employee») is that
        employee on the mentoring side."""
        faculty = self.env["op.faculty"].create(
            {
                "name": "Скоробогатов Андрей Викторович",
                "first_name": "Андрей",
                "last_name": "Скоробогатов",
                "birth_date": date(1975, 4, 4),
                "gender": "male",
                "emp_id": self.teacher_senior.id,
                "faculty_subject_ids": [Command.set(self.subject.ids)],
            }
        )
        self.assertEqual(self.teacher_senior.op_faculty_ids, faculty)
