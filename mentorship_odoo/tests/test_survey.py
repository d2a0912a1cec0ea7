from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .monitoring_common import MonitoringCase


class TestSurveyTemplates(MonitoringCase):
    def test_a_template_for_each_purpose(self):
        Survey = self.env["survey.survey"]
        purposes = [key for key, _label in Survey._fields["mentorship_purpose"].selection]
        self.assertEqual(len(purposes), 7)
        for purpose in purposes:
            surveys = Survey.search([("mentorship_purpose", "=", purpose)])
            self.assertTrue(surveys, f"no template for {purpose}")
            for survey in surveys:
                survey.check_validity()
                self.assertEqual(survey.access_mode, "token")
                self.assertRegex(survey.title, "[А-Яа-я]")

    def test_satisfaction_on_a_1_to_10_scale(self):
        self.assertEqual(self.q_overall.question_type, "scale")
        self.assertEqual((self.q_overall.scale_min, self.q_overall.scale_max), (1, 10))
        self.assertTrue(self.q_overall.mentorship_satisfaction_item)
        self.assertEqual(
            self.survey_satisfaction.question_ids.filtered("mentorship_satisfaction_item"), self.q_overall
        )

    def test_baseline_and_final_measure_the_same_items(self):
        def codes(survey):
            return {q.mentorship_measure_code for q in survey.question_ids if q.mentorship_measured}

        self.assertGreaterEqual(len(codes(self.survey_baseline)), 8)
        self.assertEqual(codes(self.survey_baseline), codes(self.survey_final))
        for survey in self.survey_baseline | self.survey_final:
            measured = survey.question_ids.filtered("mentorship_measured")
            self.assertTrue(all(q.question_type in ("scale", "numerical_box") for q in measured))
            anxiety = self._measure_question(survey, "anxiety")
            self.assertTrue(anxiety.mentorship_lower_is_better)
            self.assertTrue(anxiety.mentorship_confidential)

    def test_quality_items_feed_the_swot_quadrants(self):
        quadrants = set(self.survey_quality.question_ids.mapped("mentorship_swot_quadrant")) - {False}
        self.assertEqual(quadrants, {"strength", "weakness", "opportunity", "threat"})

    def test_measured_items_must_be_numeric_and_coded(self):
        question = self.survey_quality.question_ids.filtered("mentorship_swot_quadrant")[:1]
        with self.assertRaises(ValidationError):
            question.mentorship_measured = True
        with self.assertRaises(ValidationError):
            self._measure_question(self.survey_final, "motivation").mentorship_measure_code = False


class TestSurveySending(MonitoringCase):
    def _wizard(self, user=None, **vals):
        env = self.env(user=user or self.user_curator)
        wizard_form = Form(
            env["mentorship.survey.send.wizard"].with_context(default_programme_id=self.programme.id)
        )
        wizard_form.survey_id = self.survey_satisfaction.with_env(env)
        for key, value in vals.items():
            setattr(wizard_form, key, value)
        return wizard_form.save()

    def _answers(self, survey=None):
        return self.env["survey.user_input"].search(
            [
                ("survey_id", "=", (survey or self.survey_satisfaction).id),
                ("mentorship_programme_id", "=", self.programme.id),
            ]
        )

    def test_send_to_all_links_participant_and_pair(self):
        wizard = self._wizard()
        self.assertEqual(wizard.audience, "all")
        self.assertEqual(wizard.participant_scope, "joined")
        self.assertEqual(wizard.recipient_count, 4)
        wizard.action_send()
        answers = self._answers()
        self.assertEqual(len(answers), 4)
        self.assertEqual(
            set(answers.mentorship_participant_id.ids),
            {self.mentor.id, self.mentor_2.id, self.mentee.id, self.mentee_2.id},
        )
        by_participant = {answer.mentorship_participant_id: answer for answer in answers}
        self.assertEqual(by_participant[self.mentee].mentorship_pair_id, self.pair)
        self.assertEqual(by_participant[self.mentor_2].mentorship_pair_id, self.pair_2)
        self.assertEqual(by_participant[self.mentor].partner_id, self.user_mentor.partner_id)
        self.assertEqual(by_participant[self.mentee_2].partner_id, self.teacher_young_2.work_contact_id)
        self.assertEqual(answers.mapped("mentorship_company_id"), self.company)
        self.assertEqual(set(answers.mapped("state")), {"new"})
        # Users with an e-mail get the survey's own invitation.
        mails = self.env["mail.mail"].search([("recipient_ids", "in", self.user_mentor.partner_id.ids)])
        self.assertTrue(mails)
        self.assertIn(by_participant[self.mentor].access_token, mails[0].body_html)

    def test_send_again_reuses_unanswered_invitations(self):
        self._wizard().action_send()
        first = self._answers()
        answered = first.filtered(lambda answer: answer.mentorship_participant_id == self.mentor)
        answered._save_lines(self.q_overall, "8")
        answered._mark_done()
        self._wizard().action_send()
        answers = self._answers()
        # The three open invitations are sent again; the mentor, who answered, gets a new one.
        self.assertEqual(len(answers), 5)
        self.assertEqual((answers - first).mentorship_participant_id, self.mentor)

    def test_psychologists_send_questionnaires(self):
        self._wizard(user=self.user_psychologist, audience="mentees").action_send()
        self.assertEqual(self._answers().mentorship_participant_id, self.mentee | self.mentee_2)
        note = self.programme.message_ids[:1]
        self.assertIn(self.survey_satisfaction.title, note.body)
        self.assertEqual(note.author_id, self.user_psychologist.partner_id)

    def test_mentors_cannot_send(self):
        with self.assertRaises(AccessError):
            self.env["mentorship.survey.send.wizard"].with_user(self.user_mentor).create(
                {"programme_id": self.programme.id, "survey_id": self.survey_satisfaction.id}
            )

    def test_audiences(self):
        self._wizard(audience="mentors").action_send()
        self.assertEqual(self._answers().mentorship_participant_id, self.mentor | self.mentor_2)
        wizard = self._wizard(audience="pairs")
        wizard.pair_ids = [Command.set(self.pair_2.ids)]
        wizard.action_send()
        self.assertEqual(len(self._answers()), 3)
        self.assertEqual(
            self._answers().filtered(lambda a: a.mentorship_pair_id == self.pair_2).mentorship_participant_id,
            self.mentor_2 | self.mentee_2,
        )

    def test_candidate_questionnaires_go_to_candidates(self):
        candidate = self._participant("mentee", self.student_adult, approve=False)
        wizard_form = Form(
            self.env["mentorship.survey.send.wizard"]
            .with_user(self.user_curator)
            .with_context(default_programme_id=self.programme.id)
        )
        wizard_form.survey_id = self.env.ref("mentorship_odoo.survey_mentee_request")
        self.assertEqual(wizard_form.audience, "mentees")
        self.assertEqual(wizard_form.participant_scope, "candidates")
        wizard_form.save().action_send()
        answers = self._answers(self.env.ref("mentorship_odoo.survey_mentee_request"))
        self.assertEqual(answers.mentorship_participant_id, candidate)
        self.assertFalse(answers.mentorship_pair_id)

    def test_participant_without_contact_is_skipped(self):
        self.teacher_young_2.work_contact_id = False
        wizard = self._wizard()
        self.assertEqual(wizard.no_contact_names, self.mentee_2.name)
        action = wizard.action_send()
        self.assertIn(self.mentee_2.name, action["params"]["message"])
        self.assertEqual(len(self._answers()), 3)

    def test_pairs_must_be_chosen(self):
        wizard = self._wizard(audience="pairs")
        with self.assertRaises(UserError):
            wizard.action_send()

    def test_answer_links_are_consistent(self):
        other = self._programme()
        with self.assertRaises(ValidationError):
            self._answer(
                self.survey_satisfaction, self.mentee, {}, done=False
            ).mentorship_programme_id = other
        with self.assertRaises(ValidationError):
            self._answer(
                self.survey_satisfaction, self.mentee, {}, done=False
            ).mentorship_pair_id = self.pair_2

    def test_pair_and_participant_show_their_questionnaires(self):
        answer = self._answer(self.survey_satisfaction, self.mentee, {self.q_overall: 9}, pair=self.pair)
        self.assertEqual(self.pair.survey_answer_count, 1)
        self.assertEqual(self.mentee.survey_answer_ids, answer)
        self.assertEqual(self.programme.survey_invited_count, 1)
        self.assertEqual(self.programme.survey_done_count, 1)
        self.assertEqual(self.survey_satisfaction.mentorship_user_input_count, 1)
        action = self.pair.action_open_survey_answers()
        self.assertEqual(self.env["survey.user_input"].search(action["domain"]), answer)


class TestSurveyReminders(MonitoringCase):
    def setUp(self):
        super().setUp()
        self.user_mentor.partner_id.email = "mentor@example.com"
        self.teacher_young.user_id.partner_id.email = "mentee@example.com"

    def _invite(self, **extra):
        return self.survey_satisfaction._create_answer(
            partner=self.user_mentor.partner_id,
            check_attempts=False,
            mentorship_programme_id=self.programme.id,
            mentorship_participant_id=self.mentor.id,
            **extra,
        )

    def _created_on(self, answer, when):
        self.env.cr.execute("UPDATE survey_user_input SET create_date = %s WHERE id = %s", (when, answer.id))
        answer.invalidate_recordset(["create_date"])

    def _reminder_mails(self):
        return self.env["mail.mail"].search([("subject", "ilike", "Reminder")])

    def test_remind_unanswered_from_the_programme(self):
        answer = self._invite()
        done = self._answer(self.survey_satisfaction, self.mentee, {self.q_overall: 7}, pair=self.pair)
        expired = self._invite(deadline=fields.Datetime.now() - timedelta(days=1))
        self.programme.with_user(self.user_curator).action_remind_unanswered()
        self.assertEqual(answer.mentorship_reminder_count, 1)
        self.assertTrue(answer.mentorship_last_reminder)
        self.assertEqual(done.mentorship_reminder_count, 0)
        self.assertEqual(expired.mentorship_reminder_count, 0)
        mails = self._reminder_mails()
        self.assertEqual(len(mails), 1)
        self.assertIn(answer.access_token, mails.body_html)
        self.assertIn(self.programme.name, mails.body_html)

    def test_nothing_to_remind(self):
        self._answer(self.survey_satisfaction, self.mentee, {self.q_overall: 7}, pair=self.pair)
        with self.assertRaises(UserError):
            self.programme.action_remind_unanswered()

    def test_cron_reminds_weekly_at_most_three_times(self):
        answer = self._invite()
        self._created_on(answer, datetime(2026, 3, 2, 9, 0))
        Answer = self.env["survey.user_input"]
        for day, expected in (
            ("2026-03-05", 0),
            ("2026-03-09", 1),
            ("2026-03-12", 1),
            ("2026-03-16", 2),
            ("2026-03-23", 3),
            ("2026-03-30", 3),
        ):
            with freeze_time(f"{day} 09:00:00"):
                Answer._cron_mentorship_survey_reminders()
            self.assertEqual(answer.mentorship_reminder_count, expected, day)

    def test_cron_skips_closed_programmes(self):
        answer = self._invite()
        self._created_on(answer, datetime(2026, 3, 2, 9, 0))
        self.programme.state = "closed"
        with freeze_time("2026-03-20 09:00:00"):
            self.env["survey.user_input"]._cron_mentorship_survey_reminders()
        self.assertEqual(answer.mentorship_reminder_count, 0)

    def test_reminder_failure_is_logged_not_raised(self):
        answer = self._invite()
        with patch.object(type(self.env["survey.invite"]), "_send_mail", side_effect=UserError("no sender")):
            reminded = answer._mentorship_send_reminders()
        self.assertFalse(reminded)
        self.assertEqual(answer.mentorship_reminder_count, 0)


class TestPrintedAnswers(MonitoringCase):
    def test_print_hides_confidential_items_from_curators(self):
        anxiety = self._measure_question(self.survey_baseline, "anxiety")
        motivation = self._measure_question(self.survey_baseline, "motivation")
        answer = self._answer(self.survey_baseline, self.mentee, {anxiety: 8, motivation: 5})
        as_curator = answer.with_user(self.user_curator).sudo()
        self.assertNotIn(anxiety, as_curator._get_print_questions())
        self.assertIn(motivation, as_curator._get_print_questions())
        self.assertIn(anxiety, answer.with_user(self.user_psychologist).sudo()._get_print_questions())
        # The respondent sees their own answers, and so does whoever holds only the link.
        self.assertIn(anxiety, answer.with_user(self.user_mentee).sudo()._get_print_questions())
        public = self.env.ref("base.public_user")
        self.assertIn(anxiety, answer.with_user(public).sudo()._get_print_questions())

    def test_print_hides_a_confidential_questionnaire(self):
        self.survey_baseline.mentorship_confidential = True
        answer = self._answer(self.survey_baseline, self.mentee, {})
        self.assertFalse(answer.with_user(self.user_curator).sudo()._get_print_questions())
        self.assertTrue(answer.with_user(self.user_psychologist).sudo()._get_print_questions())
