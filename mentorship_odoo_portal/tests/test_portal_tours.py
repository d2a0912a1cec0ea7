from odoo.tests import HttpCase, tagged

from .common import PortalFixture


@tagged("post_install", "-at_install")
class TestPortalTours(PortalFixture, HttpCase):
    """The three portal flows in Chromium."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal_fixture(cls.env)

    def test_mentee_ticks_an_activity_and_rates_a_meeting(self):
        self.start_tour("/my", "mentorship_portal_mentee", login="portal_mentee_a")
        line = self.lines["a"]
        self.assertTrue(line.mentee_done_date)
        self.assertEqual(line.mentee_reflection, "Понял, как работать безопасно")
        self.assertEqual(line.evidence_ids.mapped("name"), ["конспект.txt"])
        rating = self.meetings["a"].rating_ids
        self.assertEqual(
            (rating.rating, rating.needs_help, rating.partner_id), (2, True, self.partners["mentee_a"])
        )
        self.assertEqual(self.pair_a.health, "needs_attention")
        self.assertTrue(self.pair_a.activity_ids.filtered(lambda a: a.user_id == self.curator))

    def test_mentor_logs_a_meeting(self):
        before = self.pair_a.meeting_ids
        self.start_tour("/my", "mentorship_portal_mentor", login="portal_mentor_a")
        meeting = self.pair_a.meeting_ids - before
        self.assertEqual(meeting.name, "Техника безопасности на участке")
        self.assertEqual(meeting.state, "held")
        self.assertEqual(meeting.portal_logged_by_id, self.partners["mentor_a"])
        self.assertFalse(
            self.pair_a2.meeting_ids - self.pair_a2.meeting_ids.filtered(lambda m: not m.portal_logged_by_id)
        )

    def test_representative_signs_then_withdraws_a_consent(self):
        self.start_tour("/my", "mentorship_portal_representative", login="portal_parent_a")
        request = self.requests["a"]
        self.assertEqual(request.state, "withdrawn")
        self.assertEqual(request.signed_by, "Родитель A")
        self.assertTrue(request.signature)
        self.assertTrue(request.signed_ip)
        self.assertEqual(request.consent_id.date_withdrawn, self.today)
