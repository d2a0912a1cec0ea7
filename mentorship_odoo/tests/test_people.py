from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import Form

from .common import MentorshipCase


class TestEmployees(MentorshipCase):
    def test_experience_on_a_date(self):
        teacher = self.teacher_young  # since 01.09.2024
        for on_date, years in (
            (date(2024, 9, 1), 0),
            (date(2025, 8, 31), 0),  # the day before the anniversary
            (date(2025, 9, 1), 1),  # the anniversary
            (date(2025, 9, 2), 1),  # the day after
            (date(2027, 8, 31), 2),
            (date(2027, 9, 1), 3),
        ):
            with self.subTest(on_date=on_date):
                self.assertEqual(teacher._get_teaching_experience_years(on_date), years)

    def test_experience_before_start_and_unknown_start(self):
        self.assertEqual(self.teacher_young_2._get_teaching_experience_years(date(2025, 1, 1)), 0)
        self.teacher_young_2.teaching_start_date = False
        self.assertIsNone(self.teacher_young_2._get_teaching_experience_years(date(2025, 1, 1)))

    def test_experience_today(self):
        with freeze_time("2025-08-31"):
            self.teacher_young.invalidate_recordset(["teaching_experience_years"])
            self.assertEqual(self.teacher_young.teaching_experience_years, 0)
        with freeze_time("2025-09-01"):
            self.teacher_young.invalidate_recordset(["teaching_experience_years"])
            self.assertEqual(self.teacher_young.teaching_experience_years, 1)
            self.teacher_young.teaching_start_date = date(2025, 10, 1)  # in the future
            self.assertEqual(self.teacher_young.teaching_experience_years, 0)
            self.teacher_young.teaching_start_date = False
            self.assertEqual(self.teacher_young.teaching_experience_years, 0)

    def test_teaching_fields_on_the_employee(self):
        self.teacher_senior.teacher_education = "высшее, КемГУ, учитель математики"
        self.teacher_senior.qualification_category = "conformity"
        self.assertEqual(self.teacher_young.qualification_category, "none")  # default
        self.assertIn(
            ("conformity", "Conformity to the Position Held"),
            self.env["hr.employee"]._fields["qualification_category"].selection,
        )

    def test_public_profile_exposes_teaching_fields_to_non_hr_users(self):
        self.teacher_senior.teacher_education = "высшее, КемГУ"
        self.env.flush_all()
        with freeze_time("2025-10-01"):
            public = (
                self.env["hr.employee.public"].with_user(self.user_curator).browse(self.teacher_senior.id)
            )
            self.assertFalse(self.user_curator.has_group("hr.group_hr_user"))
            self.assertEqual(public.teaching_start_date, date(2005, 9, 1))
            self.assertEqual(public.teaching_experience_years, 20)
            self.assertEqual(public.qualification_category, "highest")
            self.assertEqual(public.teacher_education, "высшее, КемГУ")
            # Reading hr.employee as a non-HR user goes through the public profile too.
            employee = self.env["hr.employee"].with_user(self.user_curator).browse(self.teacher_senior.id)
            self.assertEqual(employee.teaching_start_date, date(2005, 9, 1))
            self.assertEqual(employee.teaching_experience_years, 20)
            self.assertEqual(employee.qualification_category, "highest")


class TestStudents(MentorshipCase):
    def test_minor_on_a_date(self):
        student = self.student_minor  # born 15.03.2009
        self.assertTrue(student._is_minor_on(date(2027, 3, 14)))  # the day before the 18th birthday
        self.assertFalse(student._is_minor_on(date(2027, 3, 15)))  # the 18th birthday
        self.assertFalse(student._is_minor_on(date(2027, 3, 16)))
        self.assertFalse(self.parent._is_minor_on(date(2027, 3, 14)))  # no birth date: not a minor

    def test_minor_today_and_search(self):
        Partner = self.env["res.partner"]
        scope = [("id", "in", (self.student_minor | self.student_adult | self.parent).ids)]
        with freeze_time("2027-03-14"):
            self.student_minor.invalidate_recordset(["is_minor"])
            self.assertTrue(self.student_minor.is_minor)
            self.assertFalse(self.student_adult.is_minor)
            self.assertEqual(Partner.search([*scope, ("is_minor", "=", True)]), self.student_minor)
            self.assertEqual(
                Partner.search([*scope, ("is_minor", "=", False)]), self.student_adult | self.parent
            )
            self.assertEqual(
                Partner.search([*scope, ("is_minor", "!=", True)]), self.student_adult | self.parent
            )
        with freeze_time("2027-03-15"):
            self.student_minor.invalidate_recordset(["is_minor"])
            self.assertFalse(self.student_minor.is_minor)
            self.assertFalse(Partner.search([*scope, ("is_minor", "=", True)]))

    def test_unsupported_minor_search(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].search([("is_minor", "in", [True])])

    def test_representatives_and_represented(self):
        self.assertEqual(self.parent.represented_partner_ids, self.student_minor)
        father = self.env["res.partner"].create({"name": "Соколов Дмитрий Олегович"})
        self.student_minor.legal_representative_ids = [Command.link(father.id)]
        self.assertEqual(self.student_minor.legal_representative_ids, self.parent | father)

    def test_nobody_represents_themself(self):
        with self.assertRaisesText(ValidationError, "own legal representative"):
            self.student_minor.legal_representative_ids = [Command.link(self.student_minor.id)]
        with self.assertRaises(ValidationError):
            self.parent.represented_partner_ids = [Command.link(self.parent.id)]

    def test_year_of_study_range(self):
        for year in (-1, 12):
            with self.subTest(year=year), self.assertRaises(ValidationError):
                self.student_adult.study_year = year
        self.student_adult.study_year = 11
        self.student_adult.study_year = 0  # empty

    def test_student_created_with_the_contact_form(self):
        with Form(self.env["res.partner"]) as partner_form:
            partner_form.name = "Белова Анна Сергеевна"
            partner_form.is_student = True
            partner_form.birthdate_date = date(2010, 5, 1)
            partner_form.study_group = "ТМ-25"
            partner_form.study_year = 1
            partner_form.legal_representative_ids.add(self.parent)
        student = partner_form.record
        self.assertTrue(student._is_minor_on(date(2025, 10, 1)))
        self.assertEqual(student.legal_representative_ids, self.parent)

    def test_external_mentor_is_linked_to_the_employer(self):
        participant = self._participant("mentor", self.external_mentor, approve=False)
        self.assertEqual(self.external_mentor.parent_id, self.employer)
        self.assertEqual(participant.person_type, "external")
        self.assertEqual(participant.source, "employers")
