from datetime import date, datetime

from odoo import Command

from .common import MentorshipCase


class MentorshipWorkCase(MentorshipCase):
    """Two active teacher pairs (one per mentor) and a draft student pair, on top of the
    foundation fixtures: user_mentor mentors user_mentee; user_mentor_2 mentors a teacher
    without a user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.teacher_senior.write(
            {"teacher_education": "высшее, КемГУ, учитель физики", "job_title": "Преподаватель физики"}
        )
        cls.teacher_young.write({"teacher_education": "высшее, КузГТУ", "job_title": "Преподаватель"})
        cls.mentor = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentee = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls.mentor_2 = cls._participant("mentor", cls.teacher_senior_2, cls.form_tt)
        cls.mentee_2 = cls._participant("mentee", cls.teacher_young_2, cls.form_tt)
        cls._consent("appointment", cls.teacher_senior)
        cls._consent("appointment", cls.teacher_senior_2)
        cls.pair = cls._pair(cls.mentor, cls.mentee, cls.form_tt, kind_id=cls.kind_individual.id)
        cls.pair_2 = cls._pair(cls.mentor_2, cls.mentee_2, cls.form_tt, kind_id=cls.kind_individual.id)
        (cls.pair | cls.pair_2).action_activate()

    @classmethod
    def _student_pair(cls):
        mentor = cls._participant("mentor", cls.student_adult, cls.form_ss)
        mentee = cls._participant("mentee", cls.student_minor, cls.form_ss)
        return cls._pair(mentor, mentee, cls.form_ss, kind_id=cls.kind_individual.id)

    @classmethod
    def _meeting(cls, pair, start, state=None, **vals):
        meeting = cls.env["mentorship.meeting"].create(
            {"pair_id": pair.id, "start": start if isinstance(start, datetime) else datetime(*start), **vals}
        )
        if state:
            meeting.with_context(mentorship_skip_event_sync=True).write({"state": state})
        return meeting

    @classmethod
    def _plan(cls, pair, lines=()):
        plan = cls.env["mentorship.plan"].create({"pair_id": pair.id})
        if lines:
            plan.write(
                {
                    "line_ids": [
                        Command.create({"name": name, "date_deadline": deadline, **extra})
                        for name, deadline, extra in lines
                    ]
                }
            )
        return plan


def d(*args):
    return date(*args)
