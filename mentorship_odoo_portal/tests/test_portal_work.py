from dateutil.relativedelta import relativedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import PortalFixture


@tagged("post_install", "-at_install")
class TestPortalWork(PortalFixture, TransactionCase):
    """What portal users record: held meetings and their confirmation, private ratings and help
    requests (and their effect on pair health), the plan's activities, consents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_portal_fixture(cls.env)

    def _env(self, key):
        return self.env(user=self.users[key])

    def _log(self, key, pair, **values):
        env = self._env(key)
        vals = {
            "date": str(self.today),
            "duration": "1.5",
            "topic": "Разбор практики",
            "minutes": "Обсудили",
            **values,
        }
        return env["mentorship.meeting"]._portal_log_held(pair.with_env(env), vals, user=env.user)

    def test_mentor_logs_a_held_meeting_and_the_mentee_confirms_it(self):
        meeting = self._log("mentor_a", self.pair_a)
        self.assertEqual(meeting.state, "held")
        self.assertEqual(meeting.name, "Разбор практики")
        self.assertEqual(meeting.duration, 1.5)
        self.assertEqual(meeting.portal_logged_side, "mentor")
        self.assertEqual(meeting.attendee_ids, self.pair_a.mentor_id | self.pair_a.mentee_ids)
        self.assertEqual(self.pair_a.last_meeting_date, self.today)
        self.assertFalse(meeting._portal_can_confirm(self.users["mentor_a"]), "the logger does not confirm")
        self.assertFalse(meeting._portal_can_confirm(self.users["parent_a"]), "the representative only reads")
        meeting._portal_confirm(self.users["mentee_a"])
        self.assertEqual(meeting.portal_confirmed_by_id, self.partners["mentee_a"])
        with self.assertRaises(UserError):
            meeting._portal_confirm(self.users["mentee_a"])

    def test_meeting_log_refusals(self):
        with self.assertRaises(AccessError):
            self._log("mentor_a", self.pair_b)
        with self.assertRaises(AccessError):
            self._log("parent_a", self.pair_a)
        with self.assertRaisesRegex(UserError, "once it has been held"):
            self._log("mentee_a", self.pair_a, date=str(self.today + relativedelta(days=1)))
        with self.assertRaisesRegex(UserError, "topic"):
            self._log("mentee_a", self.pair_a, topic=" ")
        # Only the pair's own people count as attendees, whatever ids are posted.
        meeting = self._log(
            "mentee_a",
            self.pair_a,
            attendee_ids=[str(self.pair_b.mentor_id.id), str(self.pair_a.mentee_ids.id)],
        )
        self.assertEqual(meeting.attendee_ids, self.pair_a.mentee_ids)

    def test_rating_is_private_and_help_reaches_the_curator(self):
        Rating = self.env["mentorship.meeting.rating"]
        meeting = self.meetings["a"]
        rating = Rating._portal_rate(
            meeting, "4", needs_help=True, comment="Не понимаю задание", user=self.users["mentee_a"]
        )
        self.assertEqual(rating.side, "mentee")
        activity = self.pair_a.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("mentorship_odoo_portal.mail_activity_type_portal_help")
        )
        self.assertEqual(activity.user_id, self.curator)
        self.assertIn("Студент A", activity.summary)
        self.assertTrue(self.pair_a.portal_attention)
        self.assertEqual(self.pair_a.health, "needs_attention")
        # The mentor does not see the mentee's rating; the mentee sees their own.
        self.assertFalse(Rating.with_user(self.users["mentor_a"]).search([("meeting_id", "=", meeting.id)]))
        self.assertEqual(
            Rating.with_user(self.users["mentee_a"]).search([("meeting_id", "=", meeting.id)]), rating
        )
        with self.assertRaisesRegex(UserError, "already rated"):
            Rating._portal_rate(meeting, 5, user=self.users["mentee_a"])
        with self.assertRaises(AccessError):
            Rating._portal_rate(meeting, 5, user=self.users["parent_a"])
        with self.assertRaisesRegex(UserError, "1 to 5"):
            Rating._portal_rate(meeting, 9, user=self.users["mentor_a"])
        # The curator answers: the pair is on track again.
        activity.with_user(self.curator).action_done()
        self.assertEqual(rating.help_state, "resolved")
        self.assertFalse(self.pair_a.portal_attention)
        self.assertEqual(self.pair_a.health, "on_track")

    def test_two_low_ratings_in_a_row_need_attention(self):
        Rating = self.env["mentorship.meeting.rating"]
        Rating._portal_rate(self.meetings["a"], 2, user=self.users["mentee_a"])
        self.assertEqual(self.pair_a.health, "on_track", "one low rating is not a streak")
        second = self._log("mentor_a", self.pair_a)
        Rating._portal_rate(second, 1, user=self.users["mentor_a"])
        self.assertTrue(self.pair_a.portal_attention)
        self.assertEqual(self.pair_a.health, "needs_attention")
        # The daily refresh keeps the rule (the same statement over every pair).
        self.env["mentorship.pair"]._cron_recompute_health()
        self.assertEqual(self.pair_a.health, "needs_attention")
        third = self._log("mentee_a", self.pair_a, date=str(self.today))
        Rating._portal_rate(third, 5, user=self.users["mentee_a"])
        self.assertFalse(self.pair_a.portal_attention)
        self.assertEqual(self.pair_a.health, "on_track")
        self.assertEqual(self.pair_b.health, "on_track", "other pairs are untouched")

    def test_mentee_ticks_an_activity_with_evidence_and_the_mentor_confirms(self):
        line = self.lines["a"]
        line._portal_mentee_update(
            done=True,
            reflection="Понял правила",
            files=[("отчёт.txt", b"report")],
            user=self.users["mentee_a"],
        )
        self.assertEqual(line.mentee_done_date, self.today)
        self.assertEqual(line.mentee_reflection, "Понял правила")
        self.assertEqual(line.evidence_ids.mapped("name"), ["отчёт.txt"])
        self.assertEqual(line.state, "planned", "the mentor confirms")
        with self.assertRaises(AccessError):
            line._portal_mentor_update(confirm=True, user=self.users["mentee_a"])
        with self.assertRaises(AccessError):
            line._portal_mentee_update(done=True, user=self.users["mentor_a"])
        with self.assertRaises(AccessError):
            self.lines["b"]._portal_mentee_update(done=True, user=self.users["mentee_a"])
        line._portal_mentor_update(comment="Хорошо", confirm=True, user=self.users["mentor_a"])
        self.assertEqual(line.state, "done")
        self.assertEqual(line.mentor_comment, "Хорошо")

    def test_mentee_field_rights_are_the_back_office_ones(self):
        line = self.lines["a"].with_user(self.users["mentee_a"])
        with self.assertRaises(AccessError):
            line._check_mentee_access("write", ["state"])
        line._check_mentee_access("write", ["mentee_done_date", "mentee_reflection", "evidence_ids"])

    def test_representative_signs_then_withdraws_a_consent(self):
        request = self.requests["a"]
        signature = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        )
        with self.assertRaisesRegex(UserError, "name"):
            request._portal_sign(" ", signature, "10.0.0.1", self.partners["parent_a"])
        consent = request._portal_sign("Родитель A", signature, "10.0.0.1", self.partners["parent_a"])
        self.assertEqual(request.state, "signed")
        self.assertEqual(request.signed_ip, "10.0.0.1")
        self.assertTrue(request.signed_on)
        self.assertEqual(consent.consent_type, "publication")
        self.assertEqual(consent.given_by, "representative")
        self.assertEqual(consent.representative_id, self.partners["parent_a"])
        self.assertTrue(consent.document, "the signed PDF is stored with the consent")
        self.assertTrue(request.message_ids.attachment_ids)
        with self.assertRaisesRegex(UserError, "not awaiting"):
            request._portal_sign("Родитель A", signature, "10.0.0.1", self.partners["parent_a"])
        request._portal_withdraw(self.partners["parent_a"])
        self.assertEqual(request.state, "withdrawn")
        self.assertEqual(consent.date_withdrawn, self.today)

    def test_personal_data_consent_goes_to_the_register_and_withdrawal_blocks_the_pair(self):
        Consent = self.env["mentorship.consent"]
        given = Consent.search(
            [("partner_id", "=", self.partners["mentee_a"].id), ("consent_type", "=", "personal_data")]
        )
        given.action_withdraw()
        self.assertTrue(self.pair_a._portal_blocked_reason())
        self.assertTrue(
            self.pair_a.activity_ids.filtered(lambda a: a.summary == "Consent withdrawn"),
            "the curator hears of the withdrawal",
        )
        with self.assertRaisesRegex(UserError, "suspended"):
            self._log("mentor_a", self.pair_a)
        requests = self.env["mentorship.consent.request"]._create_missing_for_pairs(self.pair_a)
        self.assertEqual(requests.mapped("consent_type"), ["personal_data"])
        self.assertEqual(requests.signer_id, self.partners["parent_a"])
        signature = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
        )
        requests._portal_sign("Родитель A", signature, "10.0.0.2", self.partners["parent_a"])
        self.assertEqual(requests.document_id.state, "registered")
        self.assertTrue(requests.document_id.attachment_id)
        self.assertFalse(self.pair_a._portal_blocked_reason())

    def test_curator_invites_the_whole_programme(self):
        student = self.env["res.partner"].create(
            {"name": "Новый Студент", "email": "new_student@example.com", "is_student": True, "study_year": 3}
        )
        participant = self.env["mentorship.participant"].create(
            {"programme_id": self.programme.id, "role": "mentee", "partner_id": student.id}
        )
        participant.action_approve()
        self.programme.with_user(self.curator).action_portal_invite_all()
        self.assertTrue(student.user_ids)
        self.assertTrue(student.user_ids.has_group("base.group_portal"))
        self.assertEqual(participant.user_id, student.user_ids)
        action = self.pair_a.with_user(self.curator).action_portal_grant_access()
        wizard = self.env["portal.wizard"].browse(action["res_id"])
        self.assertEqual(
            set(wizard.user_ids.partner_id.ids),
            set((self.partners["mentor_a"] | self.partners["mentee_a"] | self.partners["parent_a"]).ids),
        )
