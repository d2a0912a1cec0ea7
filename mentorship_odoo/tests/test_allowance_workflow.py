from datetime import date

import psycopg2
import psycopg2.errors
from freezegun import freeze_time

from odoo import sql_db
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tools import mute_logger

from ..models.mentorship_allowance import GENERATION_LOCK
from .allowance_common import AUG, NOV, OCT, AllowanceCase

DEC = date(2025, 12, 1)


class TestAllowanceWorkflow(AllowanceCase):
    def test_regeneration_replaces_drafts_only(self):
        first = self.generate(OCT)
        self.assertEqual(len(first), 1)
        self.assertEqual(f"{first.sudo().amount_total:.2f}", "6000.00")
        self._leave(self.teacher_young, date(2025, 10, 20), date(2025, 10, 24))
        second = self.generate(OCT)
        self.assertFalse(first.exists(), "the draft is replaced")
        # 0.15 × 40 000 × 18 / 23 = 4 695.65
        self.assertLine(self.line_of(second), eligible=18, suspended=5, amount=4695.65)
        second.action_confirm()
        self.assertEqual(second.state, "confirmed")
        self._leave(self.teacher_young, date(2025, 10, 27), date(2025, 10, 28))
        third = self.generate(OCT)
        self.assertFalse(third, "a confirmed accrual is not generated again")
        self.assertTrue(second.exists())
        self.assertLine(self.line_of(second), eligible=18, suspended=5, amount=4695.65)
        self.assertEqual(
            self.env["mentorship.allowance"].search_count(
                [("employee_id", "=", self.teacher_senior.id), ("month", "=", OCT)]
            ),
            1,
        )

    def test_retroactive_adjustment(self):
        """Time off validated after October was confirmed: November gets an adjustment line naming
        October; October's accrual does not change."""
        october = self.generate(OCT)
        october.action_confirm()
        leave = self._leave(self.teacher_young, date(2025, 10, 20), date(2025, 10, 24), self.type_approved)
        leave.action_validate()
        november = self.generate(NOV)
        self.assertLine(self.line_of(october), eligible=23, suspended=0, amount=6000.00)
        lines = november.sudo().line_ids
        regular = lines.filtered(lambda line: not line.is_adjustment)
        adjustment = lines.filtered("is_adjustment")
        self.assertLine(regular, eligible=20, suspended=0, amount=6000.00)
        self.assertEqual(len(adjustment), 1)
        self.assertEqual(adjustment.corrected_month, OCT)
        self.assertEqual(adjustment.pair_id, self.pair)
        # 4 695.65 − 6 000.00
        self.assertEqual(f"{adjustment.amount:.2f}", "-1304.35")
        self.assertEqual(adjustment.eligible_days, -5)
        self.assertEqual(adjustment.suspended_days, 5)
        self.assertEqual(adjustment.leave_ids, leave)
        self.assertIn("Correction of 10.2025", adjustment.suspension_reason)
        self.assertIn("10.2025", adjustment.display_name)
        self.assertEqual(f"{november.sudo().amount_total:.2f}", "4695.65")
        self.assertTrue(november.has_adjustment)
        # Regenerating November keeps exactly one adjustment; December, once November is
        # confirmed, has none.
        november = self.generate(NOV)
        self.assertEqual(len(november.sudo().line_ids.filtered("is_adjustment")), 1)
        november.action_confirm()
        december = self.generate(DEC)
        self.assertFalse(december.sudo().line_ids.filtered("is_adjustment"))

    def test_adjustment_goes_to_one_open_month_only(self):
        """Two open months after a confirmed one: the adjustment appears once, never twice."""
        self.generate(OCT).action_confirm()
        self._leave(self.teacher_young, date(2025, 10, 20), date(2025, 10, 24))
        november = self.generate(NOV)
        december = self.generate(DEC)
        self.assertEqual(len(november.sudo().line_ids.filtered("is_adjustment")), 1)
        self.assertFalse(december.sudo().line_ids.filtered("is_adjustment"))
        # Cancelling November's draft hands the adjustment to the next generation.
        november._cancel("Пересчёт")
        december = self.generate(DEC)
        self.assertEqual(len(december.sudo().line_ids.filtered("is_adjustment")), 1)

    def test_wage_correction_adjustment(self):
        """A wage corrected after confirmation: +0.15 × 4 000 = +600.00 in the next month."""
        self.generate(OCT).action_confirm()
        self.contract.wage = 44000.0
        november = self.generate(NOV)
        adjustment = november.sudo().line_ids.filtered("is_adjustment")
        self.assertEqual(f"{adjustment.amount:.2f}", "600.00")
        self.assertEqual(adjustment.eligible_days, 0)
        self.assertLine(self.line_of(november), eligible=20, suspended=0, amount=6600.00)

    def test_pair_no_longer_eligible_is_recovered(self):
        """Mentoring written into the job duties after the fact: October's 6 000.00 is recovered."""
        self.generate(OCT).action_confirm()
        self.pair.duties_include_mentoring = True
        november = self.generate(NOV)
        self.assertEqual(len(november), 1)
        adjustment = november.sudo().line_ids
        self.assertTrue(adjustment.is_adjustment)
        self.assertEqual(f"{adjustment.amount:.2f}", "-6000.00")
        self.assertEqual(adjustment.eligible_days, -23)

    def test_double_generation_sequential(self):
        self.generate(AUG)
        self.generate(AUG)
        self.generate(AUG)
        accruals = self.env["mentorship.allowance"].search(
            [("month", "=", AUG), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(len(accruals), 1)
        self.assertEqual(len(accruals.line_ids), 1)

    def test_database_refuses_duplicate_accrual(self):
        """The partial unique index, not Python, refuses a second accrual for the same mentor and
        month; a cancelled accrual does not count."""
        accrual = self.generate(AUG)
        values = {"company_id": self.company.id, "employee_id": self.teacher_senior.id, "month": AUG}
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.cr.savepoint(),
        ):
            self.env["mentorship.allowance"].create(values)
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(psycopg2.errors.UniqueViolation),
            self.cr.savepoint(),
        ):
            self.cr.execute(
                "INSERT INTO mentorship_allowance (company_id, employee_id, month, state) "
                "VALUES (%s, %s, %s, 'draft')",
                (self.company.id, self.teacher_senior.id, AUG),
            )
        accrual._cancel("Ошибка в договоре")
        again = self.generate(AUG)
        self.assertEqual(len(again), 1)
        self.assertNotEqual(again, accrual)

    def test_concurrent_insert_waits_on_the_index(self):
        """Another transaction inserting the same accrual while ours is not committed waits on the
        unique index (here: until its lock timeout), it cannot slip a duplicate in."""
        self.generate(AUG)
        self.env.flush_all()
        other = sql_db.db_connect(self.cr.dbname).cursor()
        try:
            other.execute("SET lock_timeout = '500ms'")
            with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.LockNotAvailable):
                other.execute(
                    "INSERT INTO mentorship_allowance (company_id, employee_id, month, state) "
                    "VALUES (%s, %s, %s, 'draft')",
                    (self.company.id, self.teacher_senior.id, AUG),
                )
        finally:
            other.rollback()
            other.close()

    def test_concurrent_generation_is_refused(self):
        """While another session generates this company's allowances, a second one stops at once
        with a message instead of racing it."""
        other = sql_db.db_connect(self.cr.dbname).cursor()
        try:
            other.execute("SELECT pg_advisory_lock(%s, %s)", (GENERATION_LOCK, self.company.id))
            with self.assertRaisesRegex(UserError, "being generated by someone else"):
                self.generate(AUG)
        finally:
            other.execute("SELECT pg_advisory_unlock(%s, %s)", (GENERATION_LOCK, self.company.id))
            other.close()
        self.assertEqual(len(self.generate(AUG)), 1)

    def test_confirmed_accrual_never_changes(self):
        accrual = self.generate(AUG)
        accrual.action_confirm()
        with self.assertRaisesRegex(UserError, "cannot change"):
            accrual.sudo().write({"month": date(2026, 7, 1)})
        with self.assertRaisesRegex(UserError, "never change"):
            accrual.sudo().line_ids.write({"eligible_days": 1})
        with self.assertRaisesRegex(UserError, "Lines of a confirmed accrual cannot be deleted"):
            accrual.sudo().line_ids.unlink()
        with self.assertRaisesRegex(UserError, "Only draft accruals can be deleted"):
            accrual.sudo().unlink()
        with self.assertRaisesRegex(UserError, "Only draft accruals can be confirmed"):
            accrual.action_confirm()

    def test_paid_and_unpaid_transitions(self):
        """Payroll marks a confirmed accrual paid and, when its payslip is undone, payable again;
        both steps refuse an accrual in any other state."""
        accrual = self.generate(AUG).sudo()
        with self.assertRaisesRegex(UserError, "no longer confirmed"):
            accrual._mark_paid()
        with self.assertRaisesRegex(UserError, "is not paid"):
            accrual._mark_unpaid()
        accrual.action_confirm()
        with self.assertRaisesRegex(UserError, "is not paid"):
            accrual._mark_unpaid()
        accrual._mark_paid()
        self.assertEqual(accrual.state, "paid")
        accrual._mark_unpaid()
        self.assertEqual(accrual.state, "confirmed")
        accrual._mark_exported()
        with self.assertRaisesRegex(UserError, "is not paid"):
            accrual._mark_unpaid()
        self.assertEqual(accrual.state, "exported")

    def test_cancel_needs_a_reason(self):
        accrual = self.generate(AUG)
        with self.assertRaisesRegex(UserError, "reason"):
            accrual._cancel("  ")
        wizard = Form(
            self.env["mentorship.allowance.cancel.wizard"]
            .with_user(self.user_payroll)
            .with_context(default_allowance_ids=accrual.ids)
        )
        wizard.reason = "Договор наставничества расторгнут задним числом"
        wizard.save().action_confirm()
        self.assertEqual(accrual.state, "cancelled")
        self.assertEqual(accrual.cancel_reason, "Договор наставничества расторгнут задним числом")

    def test_list_actions_confirm_and_cancel_many(self):
        self._active_pair(self.mentor_2, self.mentee_2)
        accruals = self.generate(AUG)
        context = {"active_model": "mentorship.allowance", "active_ids": accruals.ids}
        confirm = self.env.ref("mentorship_odoo.mentorship_allowance_action_server_confirm")
        confirm.with_user(self.user_payroll).with_context(**context).run()
        self.assertEqual(set(accruals.mapped("state")), {"confirmed"})
        cancel = self.env.ref("mentorship_odoo.mentorship_allowance_action_server_cancel")
        action = cancel.with_user(self.user_payroll).with_context(**context).run()
        self.assertEqual(action["res_model"], "mentorship.allowance.cancel.wizard")
        self.assertEqual(action["context"]["default_allowance_ids"], accruals.ids)

    def test_generation_wizard(self):
        wizard = Form(self.env["mentorship.allowance.generate.wizard"].with_user(self.user_payroll))
        wizard.month = date(2026, 8, 20)
        action = wizard.save().action_generate()
        accruals = self.env["mentorship.allowance"].search(action["domain"])
        self.assertEqual(accruals.month, AUG)
        self.assertEqual(accruals.employee_id, self.teacher_senior)
        self.assertEqual(accruals.department_id, self.teacher_senior.department_id)

    def test_generation_for_some_mentors_only(self):
        self._active_pair(self.mentor_2, self.mentee_2)
        only = self.generate(AUG, self.teacher_senior_2)
        self.assertEqual(only.employee_id, self.teacher_senior_2)
        both = self.generate(AUG)
        self.assertEqual(both.employee_id, self.teacher_senior | self.teacher_senior_2)

    def test_monthly_cron(self):
        cron = self.env.ref("mentorship_odoo.ir_cron_mentorship_allowance_generate")
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "months"))
        with freeze_time("2026-09-01 02:00:00"):
            self.env["mentorship.allowance"]._cron_generate_previous_month()
        accrual = self.env["mentorship.allowance"].search([("company_id", "=", self.company.id)])
        self.assertEqual(accrual.month, AUG)
        self.assertEqual(f"{accrual.amount_total:.2f}", "6000.00")
