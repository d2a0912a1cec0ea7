from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.tests import Form

from .common_work import MentorshipWorkCase


class TestWorkViews(MentorshipWorkCase):
    """The forms as users see them: what the views make read-only and what they fill in."""

    def test_views_load_for_every_role(self):
        models = (
            "mentorship.plan",
            "mentorship.plan.line",
            "mentorship.meeting",
            "mentorship.roadmap.item",
            "mentorship.pair",
        )
        for user in (self.user_mentor, self.user_mentee, self.user_curator):
            for model in models:
                views = (
                    self.env[model]
                    .with_user(user)
                    .get_views([(False, "list"), (False, "form"), (False, "search")])
                )
                self.assertIn("form", views["views"], f"{model} as {user.login}")
        calendar = self.env["mentorship.meeting"].with_user(self.user_mentor).get_views([(False, "calendar")])
        self.assertIn("calendar", calendar["views"])
        health = self.env.ref("mentorship_odoo.mentorship_pair_view_list_health")
        self.assertIn("health_rank desc", health.arch)

    def test_mentee_form_allows_only_the_reflection(self):
        plan = self._plan(self.pair, [("Посещение уроков", date(2025, 11, 1), {})])
        with Form(plan.with_user(self.user_mentee)) as form:
            with self.assertRaises(AssertionError):
                form.goal = "Не моя часть"
            with form.line_ids.edit(0) as line:
                with self.assertRaises(AssertionError):
                    line.name = "Другое мероприятие"
                line.mentee_reflection = "Понял, как строить урок"
            form.final_reflection = "Стал увереннее"
        self.assertEqual(plan.line_ids.mentee_reflection, "Понял, как строить урок")
        self.assertEqual(plan.final_reflection, "Стал увереннее")

    def test_mentor_form_draws_up_the_plan(self):
        with Form(self.env["mentorship.plan"].with_user(self.user_mentor)) as form:
            form.pair_id = self.pair
            self.assertEqual(form.date_start, date(2025, 10, 1))
            form.goal = "Адаптация молодого специалиста"
            with form.line_ids.new() as line:
                line.name = "Взаимопосещение уроков"
                line.date_deadline = date(2025, 11, 15)
                line.direction_id = self.env.ref("mentorship_odoo.plan_direction_subject")
        plan = form.record
        self.assertEqual(plan.line_ids.name, "Взаимопосещение уроков")
        self.assertEqual(len(plan.member_ids), 2)

    def test_meeting_form_and_schedule_wizard_form(self):
        with Form(self.env["mentorship.meeting"].with_user(self.user_mentor)) as form:
            form.pair_id = self.pair
            form.kind = "planning"
            self.assertEqual(form.name, "Planning Meeting")
            form.start = datetime(2025, 11, 5, 10, 0)
            form.online_url = "https://meet.example/pair"
        self.assertTrue(form.record.calendar_event_id)
        wizard_form = Form(
            self.env["mentorship.meeting.schedule.wizard"]
            .with_user(self.user_mentor)
            .with_context(active_model="mentorship.pair", active_ids=self.pair.ids)
        )
        wizard_form.date_from = date(2025, 11, 1)
        wizard_form.date_to = date(2025, 12, 31)
        wizard_form.weekday = "3"
        self.assertEqual(wizard_form.meeting_count, 4)  # 6 and 20 November, 4 and 18 December
        self.assertIn("11/06/2025", wizard_form.preview)
        wizard_form.save().action_generate()
        self.assertEqual(self.pair.meeting_count, 5)

    def test_roadmap_item_form_asks_for_the_fields_of_its_kind(self):
        stage = self.env.ref("mentorship_odoo.roadmap_stage_matching")
        form = Form(self.env["mentorship.roadmap.item"].with_user(self.user_curator))
        form.programme_id = self.programme
        form.stage_id = stage
        form.name = "Закрепление пар приказом"
        form.deadline_kind = "range"
        with self.assertRaises(AssertionError):
            form.save()  # From and To are required for a range
        form.date_from = date(2025, 11, 1)
        form.date_to = date(2025, 12, 15)
        item = form.save()
        self.assertEqual(item.date_deadline_computed, date(2025, 12, 15))

    @freeze_time("2025-11-20")
    def test_scheduled_actions_run(self):
        item = self.env["mentorship.roadmap.item"].create(
            {
                "programme_id": self.programme.id,
                "stage_id": self.env.ref("mentorship_odoo.roadmap_stage_work").id,
                "name": "Анкетирование",
                "deadline_kind": "by_date",
                "date_deadline": date(2025, 11, 22),
                "responsible_employee_ids": [Command.set(self.teacher_senior.ids)],
            }
        )
        self.env.ref("mentorship_odoo.ir_cron_mentorship_roadmap_reminders").method_direct_trigger()
        self.assertEqual(item.activity_ids.user_id, self.user_mentor)
        self.env.ref("mentorship_odoo.ir_cron_mentorship_health").method_direct_trigger()
        self.assertEqual(self.pair.health, "at_risk")
