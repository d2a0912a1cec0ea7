from datetime import date

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form

from odoo.addons.mentorship_odoo.tests.allowance_common import AUG, AllowanceCase


class TestPayrollBridge(AllowanceCase):
    """The confirmed allowance reaches a real OCA payroll 18.0 payslip through the
    MENTOR_ALLOWANCE input and salary rule; a done payslip marks the accrual paid."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rule = cls.env.ref("mentorship_odoo_payroll.hr_salary_rule_mentor_allowance")
        category_basic = cls.env["hr.salary.rule.category"].create({"name": "Оклад", "code": "BASIC"})
        cls.rule_basic = cls.env["hr.salary.rule"].create(
            {
                "name": "Оклад",
                "code": "BASIC",
                "sequence": 1,
                "category_id": category_basic.id,
                "condition_select": "none",
                "amount_select": "code",
                "amount_python_compute": "result = contract.wage",
            }
        )
        cls.structure = cls.env["hr.payroll.structure"].create(
            {
                "name": "Педагогические работники",
                "code": "TEACH",
                "company_id": cls.company.id,
                "rule_ids": [Command.set((cls.rule_basic | cls.rule).ids)],
            }
        )
        cls.contract.struct_id = cls.structure
        cls._leave(cls.teacher_young, date(2026, 8, 3), date(2026, 8, 14))

    def _payslip(self, date_from=AUG, date_to=date(2026, 8, 31)):
        # The period is a date range widget in the form: set it through the defaults.
        Payslip = self.env["hr.payslip"].with_company(self.company)
        form = Form(Payslip.with_context(default_date_from=date_from, default_date_to=date_to))
        form.employee_id = self.teacher_senior
        return form.save()

    def _line(self, slip, code):
        return slip.line_ids.filtered(lambda line: line.code == code)

    def test_rule_and_input_are_installed(self):
        self.assertEqual(self.rule.code, "MENTOR_ALLOWANCE")
        self.assertEqual(self.rule.input_ids.code, "MENTOR_ALLOWANCE")

    def test_confirmed_allowance_is_paid_by_the_payslip(self):
        accrual = self.generate(AUG)
        accrual.action_confirm()
        slip = self._payslip()
        self.assertEqual(slip.contract_id, self.contract)
        self.assertEqual(slip.struct_id, self.structure)
        mentor_input = slip.input_line_ids.filtered(lambda line: line.code == "MENTOR_ALLOWANCE")
        self.assertEqual(len(mentor_input), 1)
        self.assertEqual(f"{mentor_input.amount:.2f}", "3142.86")
        slip.compute_sheet()
        self.assertEqual(mentor_input.mentorship_allowance_ids, accrual)
        self.assertEqual(f"{self._line(slip, 'MENTOR_ALLOWANCE').total:.2f}", "3142.86")
        self.assertEqual(f"{self._line(slip, 'BASIC').total:.2f}", "40000.00")
        self.assertEqual(accrual.state, "confirmed")
        slip.action_payslip_done()
        self.assertEqual(slip.state, "done")
        self.assertEqual(accrual.state, "paid")
        self.assertEqual(accrual.sudo().payslip_id, slip)
        self.assertEqual(slip.mentorship_allowance_ids, accrual)
        # Paid: neither exported to 1C nor paid again by another payslip.
        with self.assertRaisesRegex(UserError, "only confirmed"):
            accrual._mark_exported()
        second = self._payslip()
        second.compute_sheet()
        self.assertFalse(self._line(second, "MENTOR_ALLOWANCE"))

    def test_compute_takes_accruals_confirmed_after_the_slip_was_made(self):
        accrual = self.generate(AUG)
        slip = self._payslip()
        self.assertEqual(
            slip.input_line_ids.filtered(lambda line: line.code == "MENTOR_ALLOWANCE").amount, 0.0
        )
        slip.compute_sheet()
        self.assertFalse(self._line(slip, "MENTOR_ALLOWANCE"), "a draft accrual is not paid")
        accrual.action_confirm()
        slip.compute_sheet()
        self.assertEqual(f"{self._line(slip, 'MENTOR_ALLOWANCE').total:.2f}", "3142.86")

    def test_exported_accrual_is_not_paid_in_odoo(self):
        accrual = self.generate(AUG)
        accrual.action_confirm()
        export = self.env["mentorship.allowance.export"].with_user(self.user_payroll).create({"month": AUG})
        export.action_export()
        slip = self._payslip()
        slip.compute_sheet()
        self.assertFalse(self._line(slip, "MENTOR_ALLOWANCE"))
        slip.action_payslip_done()
        self.assertEqual(accrual.state, "exported")

    def test_stale_slip_cannot_pay_twice(self):
        accrual = self.generate(AUG)
        accrual.action_confirm()
        first, second = self._payslip(), self._payslip()
        first.compute_sheet()
        second.compute_sheet()
        first.action_payslip_done()
        self.env["ir.config_parameter"].sudo().set_param("payroll.prevent_compute_on_confirm", True)
        second.invalidate_recordset(["prevent_compute_on_confirm"])
        with self.assertRaisesRegex(UserError, "no longer confirmed"):
            second.action_payslip_done()
        self.assertEqual(accrual.sudo().payslip_id, first)

    def test_cancelled_or_refunded_slip_unpays(self):
        accrual = self.generate(AUG)
        accrual.action_confirm()
        slip = self._payslip()
        slip.action_payslip_done()
        self.assertEqual(accrual.state, "paid")
        slip.refund_sheet()
        self.assertEqual(accrual.state, "confirmed")
        self.assertFalse(accrual.sudo().payslip_id)
        again = self._payslip()
        again.action_payslip_done()
        self.assertEqual(accrual.state, "paid")
        self.env["ir.config_parameter"].sudo().set_param("payroll.allow_cancel_payslips", True)
        again.invalidate_recordset(["allow_cancel_payslips"])
        again.action_payslip_cancel()
        self.assertEqual(accrual.state, "confirmed")

    def test_structure_without_the_rule_pays_nothing(self):
        self.structure.rule_ids = [Command.unlink(self.rule.id)]
        accrual = self.generate(AUG)
        accrual.action_confirm()
        slip = self._payslip()
        slip.action_payslip_done()
        self.assertFalse(self._line(slip, "MENTOR_ALLOWANCE"))
        self.assertEqual(accrual.state, "confirmed")
