from datetime import date

from odoo import Command

from odoo.addons.mentorship_odoo.tests.common import MentorshipCase

ON_DATE = date(2025, 10, 1)


class MatchingCase(MentorshipCase):
    """The core's people, with directions: two young teachers wait for a mentor; three
    experienced teachers mentor (form teacher–teacher, two places each)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Direction = cls.env["mentorship.plan.direction"]
        cls.dir_method = Direction.create({"name": "Методическая работа"})
        cls.dir_class = Direction.create({"name": "Классное руководство"})
        cls.dir_digital = Direction.create({"name": "Цифровые инструменты"})
        cls.mentor_a = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentor_b = cls._participant("mentor", cls.teacher_senior_2, cls.form_tt)
        cls.mentor_c = cls._participant("mentor", cls.teacher_old, cls.form_tt)
        cls.mentee_a = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls.mentee_b = cls._participant("mentee", cls.teacher_young_2, cls.form_tt)
        cls.mentor_a.match_strength_direction_ids = [Command.set((cls.dir_method | cls.dir_class).ids)]
        cls.mentor_b.match_strength_direction_ids = [Command.set(cls.dir_digital.ids)]
        cls.mentor_c.match_strength_direction_ids = [Command.set(cls.dir_method.ids)]
        cls.mentee_a.match_request_direction_ids = [Command.set((cls.dir_method | cls.dir_class).ids)]
        cls.mentee_b.match_request_direction_ids = [Command.set(cls.dir_digital.ids)]

    @classmethod
    def _suggest(cls, mentee, user=None):
        Suggestion = cls.env["mentorship.match.suggestion"]
        if user:
            Suggestion = Suggestion.with_user(user)
        wizard = Suggestion.create({"mentee_id": mentee.id, "form_id": cls.form_tt.id, "date_start": ON_DATE})
        wizard.action_refresh()
        return wizard

    @classmethod
    def _cohort(cls, user=None, form=None):
        Wizard = cls.env["mentorship.match.wizard"]
        if user:
            Wizard = Wizard.with_user(user)
        wizard = Wizard.create(
            {
                "programme_id": cls.programme.id,
                "form_id": (form or cls.form_tt).id,
                "date_start": ON_DATE,
                "date_end": date(2026, 5, 31),
            }
        )
        wizard.action_solve()
        return wizard
