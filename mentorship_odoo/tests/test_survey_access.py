from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user

from .monitoring_common import MonitoringCase


class TestSurveyAccess(MonitoringCase):
    """Who sees which questionnaire answers: confidential items for psychologists only, the rest
    for curators; mentors see their own answers and their pairs'; other survey users nothing of
    mentoring; companies stay apart."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anxiety = cls._measure_question(cls.survey_baseline, "anxiety")
        cls.motivation = cls._measure_question(cls.survey_baseline, "motivation")
        cls.mentee_answer = cls._answer(
            cls.survey_baseline, cls.mentee, {cls.anxiety: 8, cls.motivation: 4}, pair=cls.pair
        )
        cls.mentee_2_answer = cls._answer(
            cls.survey_baseline, cls.mentee_2, {cls.anxiety: 6, cls.motivation: 5}, pair=cls.pair_2
        )
        cls.mentor_answer = cls._answer(cls.survey_satisfaction, cls.mentor, {cls.q_overall: 9})
        cls.user_survey_officer = new_test_user(
            cls.env,
            login="t_survey_officer",
            groups="base.group_user,survey.group_survey_user",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def _lines(self, user, answer):
        return self.env["survey.user_input.line"].with_user(user).search([("user_input_id", "=", answer.id)])

    def _answers(self, user):
        return (
            self.env["survey.user_input"].with_user(user).search([("mentorship_programme_id", "!=", False)])
        )

    def test_curators_run_surveys(self):
        self.assertTrue(self.user_curator.has_group("survey.group_survey_user"))
        self.assertTrue(self.user_psychologist.has_group("survey.group_survey_user"))
        self.assertFalse(self.user_mentor.has_group("survey.group_survey_user"))

    def test_confidential_items_only_for_psychologists(self):
        curator_lines = self._lines(self.user_curator, self.mentee_answer)
        self.assertEqual(curator_lines.question_id, self.motivation)
        self.assertEqual(
            self._lines(self.user_psychologist, self.mentee_answer).question_id,
            self.anxiety | self.motivation,
        )
        # The curator still sees who answered.
        self.assertIn(self.mentee_answer, self._answers(self.user_curator))
        with self.assertRaises(AccessError):
            self.mentee_answer.user_input_line_ids.filtered(
                lambda line: line.question_id == self.anxiety
            ).with_user(self.user_curator).read(["value_scale"])

    def test_respondent_sees_own_confidential_answers(self):
        self.assertEqual(
            self._lines(self.user_mentee, self.mentee_answer).question_id, self.anxiety | self.motivation
        )

    def test_confidential_questionnaire(self):
        self.survey_baseline.mentorship_confidential = True
        self.assertFalse(self._lines(self.user_curator, self.mentee_answer))
        self.assertEqual(len(self._lines(self.user_psychologist, self.mentee_answer)), 2)

    def test_mentor_sees_own_and_own_pairs_answers(self):
        answers = self._answers(self.user_mentor)
        self.assertEqual(answers, self.mentee_answer | self.mentor_answer)
        self.assertEqual(self._lines(self.user_mentor, self.mentee_answer).question_id, self.motivation)
        self.assertEqual(self._answers(self.user_mentor_2), self.mentee_2_answer)
        self.assertFalse(self._lines(self.user_mentor_2, self.mentee_answer))
        # The pair's page shows the mentor what was answered about it.
        self.assertEqual(self.pair.with_user(self.user_mentor).survey_answer_ids, self.mentee_answer)

    def test_other_survey_users_see_no_mentoring_answers(self):
        self.assertFalse(self._answers(self.user_survey_officer))
        self.assertFalse(self._lines(self.user_survey_officer, self.mentor_answer))
        other = self.env["survey.survey"].create(
            {
                "title": "Опрос о столовой",
                "access_mode": "token",
                "question_and_page_ids": [Command.create({"title": "Оценка", "question_type": "text_box"})],
            }
        )
        other_answer = other._create_answer(partner=self.parent, check_attempts=False)
        officer_answers = self.env["survey.user_input"].with_user(self.user_survey_officer).search([])
        self.assertIn(other_answer, officer_answers)

    def test_only_curators_change_mentoring_questionnaires(self):
        self.user_survey_officer.write(
            {"groups_id": [Command.link(self.env.ref("mentorship_odoo.group_mentorship_mentor").id)]}
        )
        survey = self.survey_satisfaction.with_user(self.user_survey_officer)
        self.assertTrue(survey.title)
        with self.assertRaises(AccessError):
            survey.title = "Изменено"
        with self.assertRaises(AccessError):
            self.q_overall.with_user(self.user_survey_officer).title = "Изменено"
        with self.assertRaises(AccessError):
            self.survey_satisfaction.with_user(self.user_mentor).title = "Изменено"
        self.survey_satisfaction.with_user(self.user_curator).description = "<p>Новое описание</p>"

    def test_mentors_read_mentoring_questionnaires_only(self):
        surveys = self.env["survey.survey"].with_user(self.user_mentor).search([])
        self.assertTrue(surveys)
        self.assertTrue(all(surveys.mapped("mentorship_purpose")))

    def test_other_company(self):
        self.assertFalse(self._answers(self.user_curator_b))
        self.assertFalse(self._lines(self.user_curator_b, self.mentee_answer))

    def test_users_without_mentoring_or_survey_rights(self):
        with self.assertRaises(AccessError):
            self.env["survey.user_input"].with_user(self.user_plain).search([])
