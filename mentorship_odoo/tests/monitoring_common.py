from datetime import date, datetime

from odoo import Command

from .common import MentorshipCase


class MonitoringCase(MentorshipCase):
    """Mentoring fixtures plus the shipped questionnaires, two teacher pairs and helpers that
    fill in questionnaires."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.survey_satisfaction = ref("mentorship_odoo.survey_satisfaction")
        cls.survey_baseline = ref("mentorship_odoo.survey_baseline")
        cls.survey_final = ref("mentorship_odoo.survey_final")
        cls.survey_quality = ref("mentorship_odoo.survey_quality")
        cls.q_overall = ref("mentorship_odoo.survey_satisfaction_q1")
        cls.q_meetings = ref("mentorship_odoo.survey_satisfaction_q2")
        cls.mentor = cls._participant("mentor", cls.teacher_senior)
        cls.mentor_2 = cls._participant("mentor", cls.teacher_senior_2)
        cls.mentee = cls._participant("mentee", cls.teacher_young)
        cls.mentee_2 = cls._participant("mentee", cls.teacher_young_2)
        cls.pair = cls._pair(cls.mentor, cls.mentee, cls.form_tt)
        cls.pair_2 = cls._pair(cls.mentor_2, cls.mentee_2, cls.form_tt)

    @classmethod
    def _measure_question(cls, survey, code):
        return survey.question_ids.filtered(lambda question: question.mentorship_measure_code == code)

    @classmethod
    def _answer(cls, survey, participant, values, pair=None, done=True, when=None):
        """Fill in ``survey`` as ``participant``: ``values`` maps questions to answers."""
        answer = survey._create_answer(
            partner=participant._get_survey_partner(),
            check_attempts=False,
            mentorship_programme_id=participant.programme_id.id,
            mentorship_participant_id=participant.id,
            mentorship_pair_id=pair.id if pair else False,
        )
        for question, value in values.items():
            answer._save_lines(question, str(value))
        if done:
            answer._mark_done()
            answer.end_datetime = when or datetime(2026, 5, 20, 10, 0)
        return answer

    @classmethod
    def _student(cls, name, birthdate, **vals):
        return cls.env["res.partner"].create(
            {"name": name, "is_student": True, "birthdate_date": birthdate, "study_year": 2, **vals}
        )

    @classmethod
    def _programme(cls, name="Другая программа", company=None):
        company = company or cls.company
        programme = cls.env["mentorship.programme"].create(
            {
                "name": name,
                "company_id": company.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 8, 31),
                "form_ids": [Command.set((cls.form_tt | cls.form_ss).ids)],
                "order_number": "1",
                "order_date": date(2025, 8, 29),
            }
        )
        programme.action_approve()
        programme.action_start()
        return programme
