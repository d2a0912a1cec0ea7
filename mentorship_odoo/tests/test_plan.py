from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common_work import MentorshipWorkCase


class TestPlan(MentorshipWorkCase):
    def _commit_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_plan_title_and_general_information_from_hr(self):
        plan = self.env["mentorship.plan"].create({"pair_id": self.pair.id})
        self.assertEqual(plan.date_start, self.pair.date_start)
        self.assertEqual(plan.date_end, self.pair.date_end)
        self.assertEqual(plan.institution, self.company.name)
        self.assertEqual(plan.year, 2025)
        self.assertEqual(plan.form_id, self.form_tt)
        mentor_row = plan.member_ids.filtered(lambda m: m.role == "mentor")
        mentee_row = plan.member_ids.filtered(lambda m: m.role == "mentee")
        self.assertEqual(mentor_row.name, "Скоробогатов Андрей Викторович")
        self.assertEqual(mentor_row.education, "высшее, КемГУ, учитель физики")
        self.assertEqual(mentor_row.position, "Преподаватель физики")
        self.assertEqual(mentor_row.qualification_category, "highest")
        # Experience counted on the start of the programme (01.10.2025), from 01.09.2005.
        self.assertEqual(mentor_row.teaching_experience_years, 20)
        self.assertEqual(mentee_row.name, "Петров Илья Сергеевич")
        self.assertEqual(mentee_row.teaching_experience_years, 1)

    def test_refresh_members_copies_current_hr_data(self):
        plan = self._plan(self.pair)
        self.teacher_young.write({"qualification_category": "first", "job_title": "Старший преподаватель"})
        mentee_row = plan.member_ids.filtered(lambda m: m.role == "mentee")
        self.assertEqual(mentee_row.position, "Преподаватель", "the document keeps the data it was made with")
        plan.action_refresh_members()
        self.assertEqual(mentee_row.position, "Старший преподаватель")
        self.assertEqual(mentee_row.qualification_category, "first")

    def test_self_diagnosis_has_the_eight_domains_of_seed_004(self):
        plan = self._plan(self.pair)
        self.assertEqual(
            set(plan.diagnosis_ids.mapped("domain")),
            {
                "scientific",
                "legal",
                "subject",
                "psychological",
                "methodical",
                "digital",
                "upbringing",
                "health",
            },
        )
        self.assertEqual(len(plan.diagnosis_ids), 8)
        self.assertEqual(plan.diagnosis_ids.mentee_id, self.mentee)
        line = plan.diagnosis_ids[0]
        line.write({"level_before": 2, "level_after": 4, "deficits": "Нет опыта открытых уроков"})
        self.assertEqual(line.level_change, 2)
        with self.assertRaises(ValidationError):
            line.level_after = 7

    def test_student_plan_has_goals_not_diagnosis(self):
        student_pair = self._student_pair()
        plan = self._plan(student_pair)
        self.assertEqual(plan.mentee_type, "student")
        self.assertFalse(plan.diagnosis_ids)
        row = plan.member_ids.filtered(lambda m: m.role == "mentee")
        self.assertEqual(row.study_group, "ТМ-25")
        plan.write(
            {
                "goal_ids": [
                    Command.create(
                        {
                            "date_from": date(2025, 10, 1),
                            "date_to": date(2025, 12, 31),
                            "name": "Закрыть долги",
                        }
                    )
                ]
            }
        )
        self.assertEqual(plan.goal_ids.state, "planned")
        with self.assertRaises(ValidationError):
            plan.goal_ids.date_to = date(2025, 9, 1)

    def test_one_plan_per_pair(self):
        self._plan(self.pair)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["mentorship.plan"].create({"pair_id": self.pair.id})

    def test_period_from_three_months_to_a_year_unless_extended(self):
        plan = self._plan(self.pair)
        with self.assertRaisesRegex(ValidationError, "3 months to 1 year"):
            plan.date_end = date(2025, 12, 15)
        with self.assertRaisesRegex(ValidationError, "3 months to 1 year"):
            plan.date_end = date(2026, 10, 1)
        plan.write(
            {"is_extended": True, "extension_reason": "Аттестация в октябре", "date_end": date(2026, 10, 1)}
        )
        self.assertEqual(plan.date_end, date(2026, 10, 1))
        with self.assertRaises(ValidationError):
            plan.date_end = date(2025, 9, 1)

    def test_start_needs_activities_and_workflow(self):
        plan = self._plan(self.pair)
        with self.assertRaisesRegex(UserError, "at least one activity"):
            plan.action_confirm()
        plan.line_ids = [Command.create({"name": "Посещение уроков", "date_deadline": date(2025, 11, 1)})]
        plan.action_confirm()
        self.assertEqual(plan.state, "active")
        with self.assertRaises(UserError):
            plan.action_confirm()
        plan.action_done()
        self.assertEqual(plan.state, "done")
        with self.assertRaises(UserError):
            plan.action_cancel()

    def test_pair_button_draws_up_the_plan_once(self):
        action = self.pair.action_open_plan()
        plan = self.env["mentorship.plan"].browse(action["res_id"])
        self.assertEqual(plan.pair_id, self.pair)
        self.assertEqual(self.pair.action_open_plan()["res_id"], plan.id)
        self.assertEqual(self.pair.plan_id, plan)

    @freeze_time("2025-12-01")
    def test_activity_numbers_status_and_overdue(self):
        plan = self._plan(
            self.pair,
            [
                ("Диагностика затруднений", date(2025, 10, 15), {"sequence": 1}),
                ("Посещение уроков", date(2025, 11, 15), {"sequence": 2}),
                ("Открытый урок", date(2026, 3, 1), {"sequence": 3}),
            ],
        )
        first, second, third = plan.line_ids
        self.assertEqual((first.number, second.number, third.number), (1, 2, 3))
        self.assertEqual(plan.overdue_line_count, 2)
        first.state = "done"
        self.assertEqual(first.date_done, date(2025, 12, 1))
        self.assertFalse(first.is_overdue)
        self.assertTrue(second.is_overdue)
        Line = self.env["mentorship.plan.line"]
        self.assertEqual(Line.search([("plan_id", "=", plan.id), ("is_overdue", "=", True)]), second)
        self.assertEqual(Line.search([("plan_id", "=", plan.id), ("is_overdue", "=", False)]), first | third)
        self.assertEqual(plan.progress, 100.0 / 3)
        first.state = "in_progress"
        self.assertFalse(first.date_done)

    def test_corrections_of_a_started_plan_keep_their_history(self):
        plan = self._plan(self.pair, [("Посещение уроков", date(2025, 11, 1), {})])
        self._commit_tracking()  # records are tracked from the transaction after their creation
        plan = plan.with_context(tracking_disable=False, mail_notrack=False)
        line = plan.line_ids.with_context(tracking_disable=False, mail_notrack=False)
        messages_before = plan.message_ids
        line.date_deadline = date(2025, 11, 20)
        self.assertEqual(plan.message_ids, messages_before, "drafting is not a correction")
        plan.action_confirm()
        line.write({"date_deadline": date(2025, 12, 5), "expected_result": "Анализ урока"})
        plan.line_ids.create({"plan_id": plan.id, "name": "Курсы повышения квалификации"})
        new_messages = plan.message_ids - messages_before
        bodies = " ".join(new_messages.mapped("body"))
        self.assertIn("11/20/2025 → 12/05/2025", bodies)
        self.assertIn("Анализ урока", bodies)
        self.assertIn("Курсы повышения квалификации", bodies)
        # The plan's own fields are tracked too.
        plan.goal = "Адаптация молодого педагога"
        self._commit_tracking()
        tracked = self.env["mail.tracking.value"].search(
            [("mail_message_id.model", "=", "mentorship.plan"), ("mail_message_id.res_id", "=", plan.id)]
        )
        self.assertIn("goal", tracked.field_id.mapped("name"))

    def test_template_application_fills_activities_and_note(self):
        template = self.env.ref("mentorship_odoo.plan_template_teacher_teacher")
        template.line_ids[0].write({"deadline_months": 1})
        template.line_ids[1].write({"deadline_months": 9})
        plan = self._plan(self.pair)
        plan.goal = "Своя цель"
        plan._apply_template(template)
        self.assertEqual(len(plan.line_ids), len(template.line_ids))
        self.assertEqual(plan.line_ids[0].date_deadline, date(2025, 11, 1))
        self.assertEqual(plan.line_ids[1].date_deadline, self.pair.date_end, "never after the plan's end")
        self.assertFalse(plan.line_ids[2].date_deadline, "no offset means no deadline")
        self.assertEqual(
            plan.line_ids[0].direction_id, self.env.ref("mentorship_odoo.plan_direction_methodical")
        )
        self.assertIn("Посещение уроков и взаимопосещение", plan.content)
        self.assertEqual(plan.goal, "Своя цель", "what the user wrote is kept")
        self.assertEqual(plan.template_id, template)

    def test_template_wizard_applies_to_many_pairs(self):
        template = self.env["mentorship.plan.template"].create(
            {
                "name": "Молодой педагог",
                "form_id": self.form_tt.id,
                "line_ids": [
                    Command.create({"name": "Взаимопосещение уроков", "deadline_months": 2}),
                    Command.create({"name": "Открытый урок", "deadline_months": 6}),
                ],
            }
        )
        existing = self._plan(self.pair, [("Своя задача", date(2025, 12, 1), {})])
        existing.line_ids.state = "in_progress"
        wizard = (
            self.env["mentorship.plan.template.apply.wizard"]
            .with_context(active_model="mentorship.pair", active_ids=(self.pair | self.pair_2).ids)
            .create({"template_id": template.id})
        )
        self.assertEqual(wizard.pair_ids, self.pair | self.pair_2)
        action = wizard.action_apply()
        plans = self.env["mentorship.plan"].search(action["domain"])
        self.assertEqual(plans.pair_id, self.pair | self.pair_2)
        new_plan = plans.filtered(lambda p: p.pair_id == self.pair_2)
        self.assertEqual(new_plan.line_ids.mapped("name"), ["Взаимопосещение уроков", "Открытый урок"])
        self.assertEqual(new_plan.line_ids[0].date_deadline, date(2025, 12, 1))
        self.assertEqual(len(existing.line_ids), 3, "appended after the existing activity")
        # Replace: planned activities go, the one in progress stays.
        self.env["mentorship.plan.template.apply.wizard"].create(
            {"pair_ids": [Command.set(self.pair.ids)], "template_id": template.id, "replace": True}
        ).action_apply()
        self.assertEqual(
            sorted(existing.line_ids.mapped("name")),
            ["Взаимопосещение уроков", "Открытый урок", "Своя задача"],
        )

    def test_template_wizard_refuses_pairs_of_another_form(self):
        template = self.env["mentorship.plan.template"].create(
            {"name": "Студенты", "form_id": self.form_ss.id}
        )
        wizard = self.env["mentorship.plan.template.apply.wizard"].create(
            {"pair_ids": [Command.set(self.pair.ids)], "template_id": template.id}
        )
        with self.assertRaisesRegex(UserError, "another form"):
            wizard.action_apply()
        self.assertFalse(self.pair.plan_ids, "nothing is created")

    def test_template_offsets_cannot_be_negative(self):
        with self.assertRaises(ValidationError):
            self.env["mentorship.plan.template"].create(
                {
                    "name": "X",
                    "form_id": self.form_tt.id,
                    "line_ids": [Command.create({"name": "Y", "deadline_months": -1})],
                }
            )
