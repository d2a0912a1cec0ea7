from datetime import date

from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMentorshipTours(HttpCase):
    """Web flows in a real browser (Chromium, driven by Odoo's tours)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.curator = new_test_user(
            cls.env, login="tour_curator", groups="mentorship_odoo.group_mentorship_curator"
        )
        cls.mentor_user = new_test_user(
            cls.env, login="tour_mentor", groups="mentorship_odoo.group_mentorship_mentor"
        )
        other_user = new_test_user(
            cls.env, login="tour_other", groups="mentorship_odoo.group_mentorship_mentor"
        )
        form = cls.env.ref("mentorship_odoo.form_teacher_teacher")
        employees = cls.env["hr.employee"].create(
            [
                {
                    "name": "Тестов Опытный Наставник",
                    "teaching_start_date": date(2000, 9, 1),
                    "user_id": cls.mentor_user.id,
                },
                {"name": "Тестов Молодой Педагог", "teaching_start_date": date(2025, 9, 1)},
                {
                    "name": "Чужой Наставник",
                    "teaching_start_date": date(2001, 9, 1),
                    "user_id": other_user.id,
                },
                {"name": "Чужой Наставляемый", "teaching_start_date": date(2025, 9, 1)},
            ]
        )
        programme = cls.env["mentorship.programme"].create(
            {
                "name": "Тур: программа",
                "company_id": company.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 8, 31),
                "form_ids": [Command.set(form.ids)],
                "order_number": "1",
                "order_date": date(2025, 8, 30),
            }
        )
        programme.action_approve()
        Participant = cls.env["mentorship.participant"]
        mentor, mentee, other_mentor, other_mentee = Participant.create(
            [
                {"programme_id": programme.id, "role": role, "employee_id": employee.id}
                for role, employee in zip(("mentor", "mentee", "mentor", "mentee"), employees, strict=True)
            ]
        )
        (mentor | mentee | other_mentor | other_mentee).action_approve()
        Pair = cls.env["mentorship.pair"]
        cls.pair = Pair.create(
            {
                "programme_id": programme.id,
                "form_id": form.id,
                "mentor_id": mentor.id,
                "mentee_ids": [Command.set(mentee.ids)],
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        cls.env["mentorship.consent"].create(
            {"consent_type": "appointment", "employee_id": employees[2].id, "date": date(2025, 9, 1)}
        )
        cls.other_pair = Pair.create(
            {
                "programme_id": programme.id,
                "form_id": form.id,
                "mentor_id": other_mentor.id,
                "mentee_ids": [Command.set(other_mentee.ids)],
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        cls.other_pair.action_activate()

    def test_curator_sees_the_consent_block(self):
        self.start_tour("/odoo", "mentorship_activation_blocked_by_consent", login="tour_curator")
        self.assertEqual(self.pair.state, "draft")

    def test_mentor_sees_own_pairs_only(self):
        self.pair.mentor_id.employee_id.user_id = self.mentor_user
        self.start_tour("/odoo", "mentorship_mentor_sees_own_pairs", login="tour_mentor")
