from datetime import date

from odoo import Command

from .common import PrivacyCase


class TestRetention(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A programme of 2021–2022, closed, with an external mentor and a graduate.
        cls.old_programme = cls.env["mentorship.programme"].create(
            {
                "name": "Программа наставничества 2021–2022",
                "company_id": cls.company.id,
                "date_start": date(2021, 9, 1),
                "date_end": date(2022, 6, 30),
                "curator_ids": [Command.set(cls.user_curator.ids)],
                "form_ids": [Command.set(cls.form_es.ids)],
            }
        )
        cls.graduate = cls.env["res.partner"].create(
            {"name": "Волков Артём Игоревич", "is_graduate": True, "birthdate_date": date(2003, 5, 5)}
        )
        cls.old_mentor = cls._participant(
            "mentor", cls.external_mentor, programme=cls.old_programme, approve=False
        )
        cls.old_mentee = cls._participant("mentee", cls.graduate, programme=cls.old_programme, approve=False)
        cls.old_programme.write({"state": "closed"})

    def due(self):
        return self.env["mentorship.privacy.erasure"]._get_due(self.company)

    def test_closed_programme_after_its_period(self):
        due = self.due()
        # 30.06.2022 + 3 years = 30.06.2025: due on 15.01.2026.
        self.assertEqual(due[self.graduate], ("retention", date(2025, 6, 30)))
        self.assertEqual(due[self.external_mentor], ("retention", date(2025, 6, 30)))
        self.company.mentorship_pd_closed_programme_years = 5
        self.assertNotIn(self.graduate, self.due())
        # Someone who still takes part in a running programme is not due.
        self.company.mentorship_pd_closed_programme_years = 3
        self._participant("mentee", self.graduate, programme=self.programme, approve=False)
        self.assertNotIn(self.graduate, self.due())

    def test_withdrawal_is_due_with_its_deadline(self):
        self.consent_pd_minor.action_withdraw()
        self.assertEqual(self.due()[self.student_minor], ("withdrawal", date(2026, 2, 14)))
        self.assertNotIn(self.student_adult, self.due())

    def test_rejected_candidate_after_a_year(self):
        candidate = self.env["res.partner"].create(
            {"name": "Зайцев Роман Олегович", "is_student": True, "birthdate_date": date(2006, 2, 2)}
        )
        rejected = self._participant("mentee", candidate, approve=False)
        rejected.action_reject()
        self.assertNotIn(candidate, self.due())
        # Rejected in September 2024: the year is over.
        rejected.flush_recordset()
        self.env.cr.execute(
            "UPDATE mentorship_participant SET write_date = '2024-09-01' WHERE id = %s", [rejected.id]
        )
        rejected.invalidate_recordset(["write_date"])
        self.assertEqual(self.due()[candidate], ("retention", date(2025, 9, 1)))

    def test_daily_job_lists_what_is_due(self):
        self.consent_pd_minor.action_withdraw()
        Erasure = self.env["mentorship.privacy.erasure"]
        Erasure._cron_retention()
        draft = Erasure.search([("company_id", "=", self.company.id), ("state", "=", "draft")])
        self.assertEqual(len(draft), 1)
        self.assertEqual(draft.reason, "retention")
        self.assertEqual(draft.partner_ids, self.student_minor | self.graduate | self.external_mentor)
        self.assertEqual(draft.activity_ids.user_id, self.user_curator)
        self.assertIn("Волков Артём Игоревич", draft.message_ids[0].body)
        # The next run updates the same list.
        Erasure._cron_retention()
        self.assertEqual(
            Erasure.search_count([("company_id", "=", self.company.id), ("state", "=", "draft")]), 1
        )
        self.assertEqual(len(draft.activity_ids), 1)

    def test_erase_everyone_due_from_the_wizard(self):
        action = (
            self.env["mentorship.privacy.erase.wizard"]
            .with_user(self.user_curator)
            .create(
                {
                    "scope": "due",
                    "reason": "retention",
                    "commission_chair_id": self.director.id,
                    "register_act": False,
                }
            )
            .action_erase()
        )
        erasure = self.env["mentorship.privacy.erasure"].browse(action["res_id"])
        self.assertEqual(len(erasure.line_ids), 2)
        self.assertFalse(self.due())
        self.assertTrue(self.old_mentee.privacy_erased)
        self.assertNotIn("Волков", self.graduate.name)
