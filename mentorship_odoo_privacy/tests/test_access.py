from datetime import date

from odoo import Command
from odoo.exceptions import AccessError

from .common import PrivacyCase


class TestPrivacyAccess(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consent_pd_minor.action_withdraw()
        cls.pair_s._terminate("organisation", "отзыв согласия", date(2026, 1, 15))
        cls.erasure = cls.env["mentorship.privacy.erasure"].create(
            {
                "company_id": cls.company.id,
                "partner_ids": [Command.set(cls.student_minor.ids)],
                "commission_chair_id": cls.director.id,
            }
        )

    def test_curator_destroys_and_reads_the_act(self):
        erasure = self.erasure.with_user(self.user_curator)
        erasure.action_erase()
        self.assertEqual(erasure.state, "done")
        self.assertEqual(len(erasure.line_ids), 2)
        with self.assertRaises(AccessError):
            erasure.event_ids.read(["description"])

    def test_manager_reads_the_event_log_of_a_destruction(self):
        self.erasure.action_erase()
        events = self.erasure.with_user(self.user_manager).event_ids
        self.assertTrue(events.mapped("description"))

    def test_curator_of_another_company_and_mentor_cannot(self):
        for user in (self.user_curator_b, self.user_mentor):
            with self.assertRaises(AccessError):
                self.erasure.with_user(user).read(["state"])
            with self.assertRaises(AccessError):
                self.erasure.with_user(user).action_erase()
        with self.assertRaises(AccessError):
            self.env["mentorship.privacy.erase.wizard"].with_user(self.user_mentor).create(
                {"partner_ids": [Command.set(self.student_minor.ids)]}
            )
        self.assertEqual(self.erasure.state, "draft")
        # Another company's curator finds no destruction of this one.
        self.erasure.action_erase()
        self.assertFalse(self.env["mentorship.privacy.erasure"].with_user(self.user_curator_b).search([]))
        self.assertFalse(
            self.env["mentorship.privacy.erasure.line"].with_user(self.user_curator_b).search([])
        )

    def test_mentor_cannot_withdraw_someone_elses_consent(self):
        with self.assertRaises(AccessError):
            self._consent("personal_data", self.teacher_young).with_user(self.user_mentor).action_withdraw()
