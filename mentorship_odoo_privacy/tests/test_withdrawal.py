from datetime import date

from odoo import Command
from odoo.exceptions import UserError

from .common import PrivacyCase


class TestWithdrawal(PrivacyCase):
    def test_withdrawal_stops_processing_at_once(self):
        consent = self.consent_pd_minor.with_user(self.user_curator)
        consent.action_withdraw()
        self.assertEqual(consent.date_withdrawn, date(2026, 1, 15))
        self.assertEqual(consent.destruction_deadline, date(2026, 2, 14))
        self.assertTrue(self.mentee_s.privacy_stopped)
        self.assertFalse(self.mentor_s.privacy_stopped)
        self.assertEqual(
            self.env["mentorship.participant"].search([("privacy_stopped", "=", True)]), self.mentee_s
        )
        # The active pair is flagged for the curator, the other one is not.
        self.assertTrue(self.pair_s.privacy_flag)
        self.assertFalse(self.pair_t.privacy_flag)
        self.assertIn("withdrew the consent", self.pair_s.message_ids[0].body)
        # The curator of the programme gets the destruction activity with the deadline.
        activity = consent.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("mentorship_odoo_privacy.mail_activity_type_pd_destruction"),
        )
        self.assertEqual(activity.user_id, self.user_curator)
        self.assertEqual(activity.date_deadline, date(2026, 2, 14))
        event = self.events("withdrawal", consent)
        self.assertEqual(event.res_ids, str(consent.id))
        self.assertEqual(event.user_id, self.user_curator)

    def test_deadline_is_configurable(self):
        self.company.mentorship_pd_destruction_days = 10
        self.consent_pd_minor.action_withdraw()
        self.assertEqual(self.consent_pd_minor.destruction_deadline, date(2026, 1, 25))

    def test_withdrawal_by_state_change_as_on_the_portal(self):
        # The portal writes the withdrawal as the person: the consequences follow the write.
        self.consent_pd_minor.write(
            {"date_withdrawn": date(2026, 1, 15), "withdrawal_reason": "по заявлению"}
        )
        self.assertTrue(self.pair_s.privacy_flag)
        self.assertEqual(self.consent_pd_minor.destruction_deadline, date(2026, 2, 14))
        self.assertTrue(self.consent_pd_minor.activity_ids)

    def test_cannot_be_put_in_an_active_pair(self):
        self.consent_pd_minor.action_withdraw()
        self.pair_s.action_reset_draft()
        with self.assertRaisesText(
            UserError,
            "Соколов Кирилл Дмитриевич withdrew the consent .* on 15.01.2026: they cannot be put in an",
        ):
            self.pair_s.action_activate()
        # An adult employee too: the stop does not depend on age.
        mentor = self._participant("mentor", self.teacher_senior_2, self.form_tt)
        mentee = self._participant("mentee", self.teacher_young_2, self.form_tt)
        self._consent("appointment", self.teacher_senior_2)
        self._consent("personal_data", self.teacher_young_2).action_withdraw()
        pair = self._pair(mentor, mentee, self.form_tt, kind_id=self.kind_individual.id)
        with self.assertRaisesText(UserError, "Смирнова Ольга Игоревна withdrew the consent"):
            pair.with_user(self.user_curator).action_activate()
        self.assertEqual(pair.state, "draft")

    def test_a_new_consent_lifts_the_stop(self):
        self.consent_pd_minor.action_withdraw()
        self._consent(
            "personal_data",
            self.student_minor,
            given_by="representative",
            representative_id=self.parent.id,
            date=date(2026, 1, 15),
        )
        self.assertFalse(self.mentee_s.privacy_stopped)

    def test_cannot_receive_questionnaires(self):
        self.consent_pd_minor.action_withdraw()
        with self.assertRaisesText(
            UserError, "Соколов Кирилл Дмитриевич withdrew .* cannot receive questionnaires"
        ):
            self.survey_satisfaction._create_answer(
                partner=self.student_minor,
                check_attempts=False,
                mentorship_programme_id=self.programme.id,
                mentorship_participant_id=self.mentee_s.id,
                mentorship_pair_id=self.pair_s.id,
            )
        wizard = self.env["mentorship.survey.send.wizard"].create(
            {
                "survey_id": self.survey_satisfaction.id,
                "programme_id": self.programme.id,
                "audience": "pairs",
                "pair_ids": [Command.set(self.pair_s.ids)],
                "send_email": False,
            }
        )
        self.assertEqual([participant for participant, _pair in wizard._get_targets()], [self.mentor_s])
        result = wizard.action_send()
        self.assertIn("Соколов Кирилл Дмитриевич", result["params"]["message"])
        answers = self.env["survey.user_input"].search([("mentorship_pair_id", "=", self.pair_s.id)])
        self.assertEqual(answers.mentorship_participant_id, self.mentor_s)

    def test_cannot_be_printed_on_new_documents(self):
        self.consent_pd_minor.action_withdraw()
        document = self.make_document("agreement_tripartite", self.pair_s)
        with self.assertRaisesText(
            UserError, "Соколов Кирилл Дмитриевич withdrew .* cannot be printed on new documents"
        ):
            document.action_register()
        with self.assertRaisesText(UserError, "cannot be printed on new documents"):
            self.env["ir.actions.report"]._render_qweb_html(
                "mentorship_odoo.action_report_consent_personal_data_participant", self.mentee_s.ids
            )
        # Documents about others still print.
        other = self.make_document("agreement_employment", self.pair_t)
        other.action_register()
        self.assertEqual(other.state, "registered")

    def test_publication_withdrawal_leaves_the_honour_board_at_once(self):
        consent = self._consent("publication", self.teacher_senior)
        board = (
            self.env["mentorship.participant"]
            .with_user(self.user_curator)
            .search([("role", "=", "mentor"), ("has_publication_consent", "=", True)])
        )
        self.assertEqual(board, self.mentor_t)
        consent.with_user(self.user_curator).action_withdraw()
        self.assertFalse(
            self.env["mentorship.participant"]
            .with_user(self.user_curator)
            .search([("role", "=", "mentor"), ("has_publication_consent", "=", True)])
        )
        self.assertFalse(self.mentor_t.has_publication_consent)
        # A publication consent is not about processing: the teacher keeps working in his pair.
        self.assertFalse(self.pair_t.privacy_flag)
        self.assertFalse(consent.destruction_deadline)
