from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import MentorshipCase


class TestMultiCompany(MentorshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentee = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls.consent = cls._consent("appointment", cls.teacher_senior)
        cls.pair = cls._pair(cls.mentor, cls.mentee, cls.form_tt)
        cls.pair.action_activate()
        cls.programme_b = cls.env["mentorship.programme"].create(
            {
                "name": "Программа колледжа Б",
                "company_id": cls.company_b.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 8, 31),
                "form_ids": [Command.set(cls.form_tt.ids)],
            }
        )
        cls.teacher_b = cls.env["hr.employee"].create(
            {
                "name": "Орлова Нина Павловна",
                "company_id": cls.company_b.id,
                "teaching_start_date": date(2000, 9, 1),
            }
        )
        cls.participant_b = cls._participant("mentor", cls.teacher_b, programme=cls.programme_b)
        cls.consent_b = cls.env["mentorship.consent"].create(
            {
                "consent_type": "appointment",
                "employee_id": cls.teacher_b.id,
                "company_id": cls.company_b.id,
                "date": date(2025, 8, 20),
            }
        )
        cls.records_a = {
            "mentorship.programme": cls.programme,
            "mentorship.participant": cls.mentor | cls.mentee,
            "mentorship.pair": cls.pair,
            "mentorship.consent": cls.consent,
        }

    def test_curator_of_b_does_not_see_company_a(self):
        for model, records in self.records_a.items():
            with self.subTest(model=model):
                Model = self.env[model].with_user(self.user_curator_b)
                self.assertFalse(Model.search([("id", "in", records.ids)]))
                with self.assertRaises(AccessError):
                    Model.browse(records[:1].id).read(["display_name"])
        self.assertEqual(
            self.env["mentorship.programme"].with_user(self.user_curator_b).search([]), self.programme_b
        )
        self.assertEqual(
            self.env["mentorship.consent"].with_user(self.user_curator_b).search([]), self.consent_b
        )

    def test_curator_of_a_does_not_see_company_b(self):
        Programme = self.env["mentorship.programme"].with_user(self.user_curator)
        self.assertEqual(Programme.search([]), self.programme)
        self.assertFalse(
            self.env["mentorship.participant"]
            .with_user(self.user_curator)
            .search([("id", "=", self.participant_b.id)])
        )
        with self.assertRaises(AccessError):
            self.programme_b.with_user(self.user_curator).write({"name": "Чужая программа"})

    def test_manager_of_both_sees_the_allowed_companies(self):
        Programme = self.env["mentorship.programme"].with_user(self.user_manager)
        both = Programme.with_context(allowed_company_ids=[self.company.id, self.company_b.id])
        self.assertEqual(
            both.search([("id", "in", (self.programme | self.programme_b).ids)]),
            self.programme | self.programme_b,
        )
        only_b = Programme.with_context(allowed_company_ids=[self.company_b.id])
        self.assertEqual(
            only_b.search([("id", "in", (self.programme | self.programme_b).ids)]), self.programme_b
        )

    def test_records_follow_the_programme_company(self):
        self.assertEqual(self.participant_b.company_id, self.company_b)
        self.assertEqual(self.pair.company_id, self.company)
        self.assertEqual(self.mentor.company_id, self.company)

    def test_employee_of_another_company_is_refused(self):
        with self.assertRaisesText(UserError, "Incompatible companies"):
            self._participant("mentee", self.teacher_young, approve=False, programme=self.programme_b)
        with self.assertRaisesText(UserError, "Incompatible companies"):
            self.env["mentorship.consent"].create(
                {
                    "consent_type": "appointment",
                    "employee_id": self.teacher_b.id,
                    "company_id": self.company.id,
                }
            )

    def test_shared_and_company_catalogues(self):
        own_form = self.env["mentorship.form"].create(
            {
                "name": "Наставник-методист – педагог",
                "code": "methodist_teacher",
                "company_id": self.company.id,
            }
        )
        Form_b = self.env["mentorship.form"].with_user(self.user_curator_b)
        self.assertIn(self.form_tt, Form_b.search([]))  # shared forms are seen by everybody
        self.assertNotIn(own_form, Form_b.search([]))
        self.assertIn(own_form, self.env["mentorship.form"].with_user(self.user_curator).search([]))
        with self.assertRaises(AccessError):
            own_form.with_user(self.user_curator_b).read(["name"])
