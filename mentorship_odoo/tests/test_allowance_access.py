from datetime import date

from odoo.exceptions import AccessError

from .allowance_common import AUG, AllowanceCase

AMOUNT_FIELDS = ["amount_total"]
LINE_AMOUNT_FIELDS = ["wage", "wage_details", "amount_full", "amount_suspended", "amount"]


class TestAllowanceAccess(AllowanceCase):
    """Only payroll officers confirm, cancel and export; amounts for payroll officers, managers and
    the mentor (own accruals, read-only); curators see the days, not the amounts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pair_2 = cls._active_pair(cls.mentor_2, cls.mentee_2)
        cls._leave(cls.teacher_young, date(2026, 8, 3), date(2026, 8, 14))
        accruals = cls.Allowance._generate(cls.company, AUG)
        cls.accrual = accruals.filtered(lambda a: a.employee_id == cls.teacher_senior).sudo()
        cls.accrual_2 = accruals.filtered(lambda a: a.employee_id == cls.teacher_senior_2).sudo()

    def as_user(self, user, records):
        return records.with_user(user)

    def test_curator_sees_days_not_amounts(self):
        Allowance = self.env["mentorship.allowance"].with_user(self.user_curator)
        self.assertEqual(Allowance.search([("month", "=", AUG)]), self.accrual | self.accrual_2)
        accrual = self.as_user(self.user_curator, self.accrual)
        self.assertEqual(accrual.eligible_days, 11)
        self.assertEqual(accrual.suspended_days, 10)
        line = accrual.line_ids
        self.assertEqual((line.month_days, line.eligible_days, line.suspended_days), (21, 11, 10))
        self.assertIn("Больничный", line.suspension_reason)
        for name in AMOUNT_FIELDS:
            with self.assertRaises(AccessError):
                accrual.read([name])
            accrual.invalidate_recordset()
            with self.assertRaises(AccessError):
                self.assertIsNotNone(accrual[name])
        for name in LINE_AMOUNT_FIELDS:
            line.invalidate_recordset()
            with self.assertRaises(AccessError):
                self.assertIsNotNone(line[name])
        self.assertEqual(accrual.own_amount_total, 0.0, "not the curator's own accrual")
        self.assertEqual(line.own_amount, 0.0)
        with self.assertRaises(AccessError):
            Allowance.read_group([], ["amount_total:sum"], ["employee_id"])
        self.assertNotIn("amount_total", Allowance.fields_get())
        arch = Allowance.get_views([(False, "form"), (False, "list"), (False, "pivot")])["views"]
        for view in arch.values():
            self.assertNotIn('name="amount_total"', view["arch"])

    def test_curator_cannot_confirm_cancel_export_or_generate(self):
        accrual = self.as_user(self.user_curator, self.accrual)
        with self.assertRaises(AccessError):
            accrual.action_confirm()
        with self.assertRaises(AccessError):
            accrual._cancel("Нет")
        with self.assertRaises(AccessError):
            accrual.write({"department_id": False})
        with self.assertRaises(AccessError):
            self.env["mentorship.allowance"].with_user(self.user_curator)._generate(self.company, AUG)
        with self.assertRaises(AccessError):
            self.env["mentorship.allowance.export"].with_user(self.user_curator).create({"month": AUG})
        with self.assertRaises(AccessError):
            self.env["mentorship.allowance.generate.wizard"].with_user(self.user_curator).create(
                {"month": AUG}
            )
        with self.assertRaises(AccessError):
            self.env["mentorship.allowance.cancel.wizard"].with_user(self.user_curator).create(
                {"allowance_ids": self.accrual.ids, "reason": "Нет"}
            )
        self.assertEqual(self.accrual.state, "draft")

    def test_mentor_sees_own_accrual_read_only(self):
        self.accrual.action_confirm()
        Allowance = self.env["mentorship.allowance"].with_user(self.user_mentor)
        self.assertEqual(Allowance.search([]), self.accrual)
        accrual = self.as_user(self.user_mentor, self.accrual)
        self.assertEqual(f"{accrual.own_amount_total:.2f}", "3142.86")
        self.assertEqual(f"{accrual.line_ids.own_amount:.2f}", "3142.86")
        self.assertEqual(accrual.line_ids.eligible_days, 11)
        with self.assertRaises(AccessError):
            self.assertIsNotNone(accrual.amount_total)
        with self.assertRaises(AccessError):
            self.assertIsNotNone(accrual.line_ids.suspension_reason)
        with self.assertRaises(AccessError):
            accrual.write({"department_id": False})
        with self.assertRaises(AccessError):
            accrual.action_confirm()
        with self.assertRaises(AccessError):
            self.as_user(self.user_mentor, self.accrual_2).read(["eligible_days"])
        self.assertEqual(
            self.env["mentorship.allowance.line"].with_user(self.user_mentor).search([]),
            self.accrual.line_ids,
        )
        my_action = self.env.ref("mentorship_odoo.mentorship_allowance_action_my")
        domain = [("mentor_user_id", "=", self.user_mentor.id), ("state", "!=", "draft")]
        self.assertIn("mentor_user_id", my_action.domain)
        self.assertEqual(Allowance.search(domain), self.accrual)

    def test_payroll_officer_does_everything(self):
        accrual = self.as_user(self.user_payroll, self.accrual)
        self.assertEqual(f"{accrual.amount_total:.2f}", "3142.86")
        self.assertEqual(f"{accrual.line_ids.wage:.2f}", "40000.00")
        (accrual | self.as_user(self.user_payroll, self.accrual_2)).action_confirm()
        export = self.env["mentorship.allowance.export"].with_user(self.user_payroll).create({"month": AUG})
        export.action_export()
        self.assertEqual(accrual.state, "exported")

    def test_manager_reads_amounts_but_does_not_pay(self):
        accrual = self.as_user(self.user_manager, self.accrual)
        self.assertEqual(f"{accrual.amount_total:.2f}", "3142.86")
        self.assertEqual(f"{accrual.line_ids.amount_full:.2f}", "6000.00")
        self.assertEqual(f"{accrual.own_amount_total:.2f}", "3142.86")
        with self.assertRaises(AccessError):
            accrual.action_confirm()
        with self.assertRaises(AccessError):
            accrual._cancel("Нет")
        with self.assertRaises(AccessError):
            accrual.write({"department_id": False})
        with self.assertRaises(AccessError):
            self.env["mentorship.allowance.export"].with_user(self.user_manager).create({"month": AUG})
        policy = self.env["mentorship.allowance.policy"].with_user(self.user_manager).create({"rate": 20.0})
        self.assertEqual(policy.company_id, self.user_manager.company_id)

    def test_multi_company(self):
        self.assertFalse(self.env["mentorship.allowance"].with_user(self.user_curator_b).search([]))
        with self.assertRaises(AccessError):
            self.as_user(self.user_curator_b, self.accrual).read(["eligible_days"])
        absence = self.env["mentorship.absence"].create(
            {
                "partner_id": self.student_adult.id,
                "company_id": self.company.id,
                "date_from": date(2026, 8, 3),
                "date_to": date(2026, 8, 4),
                "reason": "ОРВИ",
            }
        )
        with self.assertRaises(AccessError):
            absence.with_user(self.user_curator_b).read(["reason"])
        policy_a = self.env["mentorship.allowance.policy"].create({"company_id": self.company.id})
        with self.assertRaises(AccessError):
            policy_a.with_user(self.user_curator_b).read(["rate"])
        employee_b = self.env["hr.employee"].create({"name": "Сотрудник Б", "company_id": self.company_b.id})
        accrual_b = self.env["mentorship.allowance"].create(
            {"company_id": self.company_b.id, "employee_id": employee_b.id, "month": AUG}
        )
        self.assertNotIn(accrual_b, self.env["mentorship.allowance"].with_user(self.user_payroll).search([]))
        export_a = self.env["mentorship.allowance.export"].create(
            {"company_id": self.company.id, "month": AUG}
        )
        with self.assertRaises(AccessError):
            export_a.with_user(self.user_curator_b).read(["name"])

    def test_payroll_officer_only_generates_own_companies(self):
        with self.assertRaisesRegex(AccessError, "not one of your companies"):
            self.env["mentorship.allowance"].with_user(self.user_payroll)._generate(self.company_b, AUG)

    def test_policy_absence_and_import_access(self):
        Policy = self.env["mentorship.allowance.policy"]
        policy = Policy.create({"company_id": self.company.id})
        self.assertEqual(policy.with_user(self.user_curator).rate, 15.0)
        with self.assertRaises(AccessError):
            policy.with_user(self.user_curator).write({"rate": 50.0})
        with self.assertRaises(AccessError):
            Policy.with_user(self.user_mentor).search([])
        policy.with_user(self.user_payroll).write({"rate": 20.0})
        Absence = self.env["mentorship.absence"]
        absence = Absence.with_user(self.user_curator).create(
            {
                "partner_id": self.student_adult.id,
                "date_from": date(2026, 8, 3),
                "date_to": date(2026, 8, 3),
                "reason": "ОРВИ",
            }
        )
        with self.assertRaises(AccessError):
            Absence.with_user(self.user_mentor).search([])
        with self.assertRaises(AccessError):
            absence.with_user(self.user_psychologist).read(["reason"])
        with self.assertRaises(AccessError):
            self.env["mentorship.absence.import.wizard"].with_user(self.user_mentor).create({})
        self.assertTrue(self.env["mentorship.absence.import.wizard"].with_user(self.user_curator).create({}))

    def test_plain_user_and_psychologist_see_no_amounts(self):
        with self.assertRaises(AccessError):
            self.env["mentorship.allowance"].with_user(self.user_plain).search([])
        psychologist = self.env["mentorship.allowance"].with_user(self.user_psychologist)
        self.assertFalse(psychologist.search([]), "a psychologist who mentors nobody sees no accrual")
        with self.assertRaises(AccessError):
            self.env["mentorship.allowance.export"].with_user(self.user_psychologist).search([])

    def test_employee_smart_button(self):
        employee = self.teacher_senior.with_user(self.user_payroll)
        self.assertEqual(employee.mentorship_allowance_count, 1)
        action = employee.action_open_mentorship_allowances()
        self.assertEqual(self.env["mentorship.allowance"].search(action["domain"]), self.accrual)
