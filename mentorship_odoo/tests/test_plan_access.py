import base64
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError

from .common_work import MentorshipWorkCase


class TestPlanAccess(MentorshipWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._plan(cls.pair, [("Посещение уроков", date(2025, 11, 1), {})])
        cls.line = cls.plan.line_ids
        cls.plan_2 = cls._plan(cls.pair_2, [("Открытый урок", date(2026, 2, 1), {})])

    def test_mentor_works_on_own_plan_only(self):
        plan = self.plan.with_user(self.user_mentor)
        plan.write({"goal": "Адаптация", "line_ids": [Command.create({"name": "Методический семинар"})]})
        self.assertEqual(len(plan.line_ids), 2)
        plan.line_ids[0].name = "Взаимопосещение уроков"
        plan.line_ids[1].unlink()
        self.assertFalse(plan.is_mentee_only)
        Plan = self.env["mentorship.plan"].with_user(self.user_mentor)
        self.assertEqual(Plan.search([]), self.plan)
        with self.assertRaises(AccessError):
            self.plan_2.with_user(self.user_mentor).read(["name"])
        with self.assertRaises(AccessError):
            self.plan_2.line_ids.with_user(self.user_mentor).read(["name"])

    def test_mentor_draws_up_the_plan_of_a_new_pair(self):
        self.plan.unlink()
        action = self.pair.with_user(self.user_mentor).action_open_plan()
        plan = self.env["mentorship.plan"].browse(action["res_id"])
        self.assertEqual(plan.create_uid, self.user_mentor)
        self.assertEqual(len(plan.diagnosis_ids), 8)

    def test_mentee_reads_and_writes_only_reflections_and_evidence(self):
        plan = self.plan.with_user(self.user_mentee)
        line = self.line.with_user(self.user_mentee)
        self.assertTrue(plan.is_mentee_only)
        self.assertTrue(line.is_mentee_only)
        self.assertEqual(plan.line_ids.name, "Посещение уроков")
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user_mentee)
            .create(
                {
                    "name": "Конспект урока.docx",
                    "datas": base64.b64encode(b"lesson"),
                    "res_model": "mentorship.plan.line",
                    "res_id": line.id,
                }
            )
        )
        line.write(
            {
                "mentee_reflection": "Научился анализировать урок",
                "evidence_ids": [Command.link(attachment.id)],
            }
        )
        self.assertEqual(self.line.evidence_ids, attachment)
        plan.write({"final_reflection": "Ближе к желаемому образу"})
        plan.diagnosis_ids[0].write(
            {"level_before": 2, "deficits": "Оценивание", "reflection": "Освоил критерии"}
        )
        plan.write({"line_ids": [Command.update(line.id, {"mentee_reflection": "Уточнил"})]})
        self.assertEqual(self.line.mentee_reflection, "Уточнил")

    def test_mentee_cannot_change_the_mentors_part(self):
        plan = self.plan.with_user(self.user_mentee)
        line = self.line.with_user(self.user_mentee)
        with self.assertRaisesRegex(AccessError, "As a mentee you may change only"):
            line.write({"date_deadline": date(2026, 1, 1)})
        with self.assertRaisesRegex(AccessError, "«Deadline»"):
            line.write({"date_deadline": date(2026, 1, 1), "mentee_reflection": "x"})
        with self.assertRaisesRegex(AccessError, "As a mentee"):
            plan.write({"goal": "Другая цель"})
        with self.assertRaisesRegex(AccessError, "As a mentee"):
            plan.write({"line_ids": [Command.update(line.id, {"state": "done"})]})
        with self.assertRaisesRegex(AccessError, "cannot add or delete"):
            plan.write({"line_ids": [Command.create({"name": "Своя строка"})]})
        with self.assertRaisesRegex(AccessError, "cannot add or delete"):
            line.unlink()
        with self.assertRaisesRegex(AccessError, "As a mentee"):
            plan.diagnosis_ids[0].write({"domain": "legal"})
        with self.assertRaisesRegex(AccessError, "As a mentee"):
            plan.action_confirm()
        self.assertEqual(self.line.state, "planned")

    def test_mentee_of_a_group_writes_only_own_self_diagnosis(self):
        other = self._participant("mentee", self.teacher_old, self.form_tt, approve=False)
        other.state = "approved"
        self.pair.write({"mentee_ids": [Command.link(other.id)], "kind_id": self.kind_group.id})
        self.plan.action_refresh_members()
        self.assertEqual(len(self.plan.diagnosis_ids), 16)
        own = self.plan.diagnosis_ids.filtered(lambda d: d.mentee_id == self.mentee)[0]
        theirs = self.plan.diagnosis_ids.filtered(lambda d: d.mentee_id == other)[0]
        own.with_user(self.user_mentee).write({"level_before": 3})
        with self.assertRaisesRegex(AccessError, "another mentee's part"):
            theirs.with_user(self.user_mentee).write({"level_before": 3})
        with self.assertRaisesRegex(AccessError, "cannot change"):
            self.plan.member_ids[0].with_user(self.user_mentee).write({"education": "Другое"})
        self.assertEqual(len(self.plan.member_ids), 3)

    def test_mentee_cannot_draw_up_a_plan(self):
        self.plan.unlink()
        with self.assertRaisesRegex(AccessError, "cannot add or delete"):
            self.env["mentorship.plan"].with_user(self.user_mentee).create({"pair_id": self.pair.id})

    def test_curator_sees_every_plan_of_the_company(self):
        Plan = self.env["mentorship.plan"].with_user(self.user_curator)
        self.assertEqual(Plan.search([]), self.plan | self.plan_2)
        self.plan.with_user(self.user_curator).write({"goal": "Цель куратора"})
        self.line.with_user(self.user_curator).write({"state": "done"})
        self.assertFalse(self.plan.with_user(self.user_curator).is_mentee_only)

    def test_other_company_and_other_roles_see_nothing(self):
        for user in (self.user_curator_b, self.user_payroll, self.user_psychologist):
            self.assertFalse(self.env["mentorship.plan"].with_user(user).search([]), user.login)
            with self.assertRaises(AccessError):
                self.plan.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["mentorship.plan"].with_user(self.user_plain).search([])

    def test_templates_and_wizard_are_for_curators(self):
        template = self.env.ref("mentorship_odoo.plan_template_teacher_teacher")
        template.with_user(self.user_mentor).read(["name"])
        with self.assertRaises(AccessError):
            template.with_user(self.user_mentor).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["mentorship.plan.template.apply.wizard"].with_user(self.user_mentor).create(
                {"pair_ids": [Command.set(self.pair.ids)], "template_id": template.id}
            )
        wizard = (
            self.env["mentorship.plan.template.apply.wizard"]
            .with_user(self.user_curator)
            .create({"pair_ids": [Command.set(self.pair.ids)], "template_id": template.id})
        )
        wizard.action_apply()
        self.assertEqual(len(self.plan.line_ids), 1 + len(template.line_ids))
        with self.assertRaises(AccessError):
            self.env["mentorship.plan.direction"].with_user(self.user_curator).create({"name": "Новое"})
        self.env["mentorship.plan.direction"].with_user(self.user_manager).create({"name": "Новое"})
