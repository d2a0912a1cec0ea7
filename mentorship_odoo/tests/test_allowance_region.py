from datetime import date

import pytz

from odoo import Command
from odoo.exceptions import AccessError

from ..tools.allowance_calculator import local_midnight
from .allowance_common import NOV, OCT, AllowanceCase


class TestAllowanceRegion(AllowanceCase):
    """The month of several companies is one computation: it gives each company the accruals that
    generating it alone gives, with its own policies, calendars, holidays and absences."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company_b = cls.company_b
        cls.calendar_b = cls.env["resource.calendar"].create(
            {"name": "5/40 Новокузнецк (Б)", "tz": "Asia/Novokuznetsk", "company_id": company_b.id}
        )
        company_b.resource_calendar_id = cls.calendar_b
        cls.programme_b = cls.env["mentorship.programme"].create(
            {
                "name": "Программа наставничества колледжа Б",
                "company_id": company_b.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 8, 31),
                "form_ids": [Command.set((cls.form_tt | cls.form_ts).ids)],
                "order_number": "7-н",
                "order_date": date(2025, 8, 28),
            }
        )
        cls.programme_b.action_approve()
        cls.programme_b.action_start()
        Employee = cls.env["hr.employee"]
        cls.mentor_employee_b = Employee.create(
            {
                "name": "Соколова Ирина Петровна",
                "company_id": company_b.id,
                "teaching_start_date": date(2006, 9, 1),
                "qualification_category": "highest",
                "resource_calendar_id": cls.calendar_b.id,
            }
        )
        cls.mentee_employee_b = Employee.create(
            {
                "name": "Орлов Денис Игоревич",
                "company_id": company_b.id,
                "teaching_start_date": date(2024, 9, 1),
                "resource_calendar_id": cls.calendar_b.id,
            }
        )
        cls.env["hr.contract"].create(
            {
                "name": "Трудовой договор Соколовой И. П.",
                "employee_id": cls.mentor_employee_b.id,
                "company_id": company_b.id,
                "wage": 50000.0,
                "date_start": date(2025, 1, 1),
                "resource_calendar_id": cls.calendar_b.id,
                "state": "open",
            }
        )
        cls._consent("appointment", cls.mentor_employee_b, company_id=company_b.id)
        mentor_b = cls._participant("mentor", cls.mentor_employee_b, cls.form_tt, programme=cls.programme_b)
        mentee_b = cls._participant("mentee", cls.mentee_employee_b, cls.form_tt, programme=cls.programme_b)
        cls.pair_b = cls._active_pair(mentor_b, mentee_b, programme_id=cls.programme_b.id)
        cls.env["mentorship.allowance.policy"].create({"company_id": company_b.id, "rate": 20.0})
        # A public holiday of company B only, and time off of B's mentee.
        cls.env["resource.calendar.leaves"].with_company(company_b).create(
            {
                "name": "День шахтёра (перенос)",
                "calendar_id": False,
                "date_from": "2025-10-09 17:00:00",
                "date_to": "2025-10-10 16:59:00",
            }
        )
        cls._leave(cls.mentee_employee_b, date(2025, 10, 20), date(2025, 10, 21))
        cls._leave(cls.teacher_young, date(2025, 10, 13), date(2025, 10, 14))
        cls.Generator = cls.env["mentorship.allowance"]

    def lines(self, accruals):
        return sorted(
            (
                line.company_id.id,
                line.employee_id.id,
                line.pair_id.id,
                line.rate,
                line.eligible_days,
                line.suspended_days,
                f"{line.amount:.2f}",
                line.is_adjustment,
                line.suspension_reason or "",
            )
            for line in accruals.sudo().line_ids
        )

    def test_one_computation_equals_each_company(self):
        companies = self.company | self.company_b
        for month in (OCT, NOV):
            with self.env.cr.savepoint(flush=False) as savepoint:
                each = self.lines(self.Generator._generate(self.company, month)) + self.lines(
                    self.Generator._generate(self.company_b, month)
                )
                savepoint.rollback()
            self.env.invalidate_all()
            together = self.Generator._generate(companies, month)
            self.assertEqual(self.lines(together), sorted(each))
            self.assertEqual(together.company_id, companies)
        line_b = together.sudo().line_ids.filtered(lambda line: line.company_id == self.company_b)
        self.assertEqual(line_b.rate, 20.0, "company B's own policy")
        october_b = self.env["mentorship.allowance.line"].search(
            [("pair_id", "=", self.pair_b.id), ("month", "=", OCT)]
        )
        # 23 working days in October, one a holiday of company B: 22, of which 2 of time off.
        self.assertEqual(
            (october_b.month_days, october_b.eligible_days, october_b.suspended_days), (22, 20, 2)
        )

    def test_adjustments_of_several_companies(self):
        companies = self.company | self.company_b
        self.Generator._generate(companies, OCT).action_confirm()
        self._leave(self.mentee_employee_b, date(2025, 10, 27), date(2025, 10, 27))
        november = self.Generator._generate(companies, NOV)
        adjustments = november.sudo().line_ids.filtered("is_adjustment")
        self.assertEqual(adjustments.pair_id, self.pair_b)
        self.assertEqual(adjustments.company_id, self.company_b)
        self.assertEqual(adjustments.eligible_days, -1)

    def test_payroll_officer_of_one_company_cannot_generate_both(self):
        with self.assertRaisesRegex(AccessError, "Колледж Б"):
            self.Allowance._generate(self.company | self.company_b, OCT)
        self.assertFalse(self.env["mentorship.allowance"].search([("month", "=", OCT)]))

    def test_wizard_generates_the_selected_companies(self):
        self.user_payroll.company_ids = [Command.link(self.company_b.id)]
        wizard = (
            self.env["mentorship.allowance.generate.wizard"]
            .with_user(self.user_payroll)
            .with_context(allowed_company_ids=[self.company.id, self.company_b.id])
            .create({"month": date(2025, 10, 15)})
        )
        self.assertEqual(wizard.company_ids, self.company | self.company_b)
        action = wizard.action_generate()
        accruals = self.env["mentorship.allowance"].search(action["domain"])
        self.assertEqual(accruals.company_id, self.company | self.company_b)
        self.assertEqual(accruals.employee_id, self.teacher_senior | self.mentor_employee_b)

    def test_holidays_as_the_calendar_reads_them(self):
        """The month's public holidays read once for every calendar are those that
        resource.calendar._leave_intervals_batch gives a resource of each company: the calendar's
        own and those of no calendar, of the resource's company, clipped to the month in its time
        zone (a holiday on the last evening of the previous month included)."""
        Leaves = self.env["resource.calendar.leaves"]
        Leaves.with_company(self.company).create(
            [
                {
                    "name": "Ночь",
                    "calendar_id": False,
                    "date_from": "2025-09-30 20:00:00",
                    "date_to": "2025-10-01 05:00:00",
                },
                {
                    "name": "Только 5/40",
                    "calendar_id": self.calendar_msk.id,
                    "date_from": "2025-10-06 05:00:00",
                    "date_to": "2025-10-06 15:00:00",
                },
                {
                    "name": "Конец",
                    "calendar_id": False,
                    "date_from": "2025-10-31 18:00:00",
                    "date_to": "2025-11-01 03:00:00",
                },
            ]
        )
        Calculator = self.env["mentorship.allowance.calculator"]._for_computation()
        data = Calculator._prepare_month(self.company | self.company_b, OCT)
        Calculator._load_holidays(data)
        resources = {
            self.company.id: self.teacher_senior.resource_id,
            self.company_b.id: self.mentor_employee_b.resource_id,
        }
        compared = 0
        for calendar in (self.calendar_msk, self.calendar_nkz, self.calendar_b):
            for tz_name in ("Europe/Moscow", "Asia/Novokuznetsk", "UTC"):
                tz = pytz.timezone(tz_name)
                start, end = local_midnight(OCT, tz), local_midnight(NOV, tz)
                for company_id, resource in resources.items():
                    expected = calendar._leave_intervals_batch(
                        start,
                        end,
                        resource,
                        domain=[("time_type", "=", "leave"), ("resource_id", "=", False)],
                        tz=tz,
                    )[resource.id]
                    expected = tuple((first, last) for first, last, _leaves in expected)
                    found = Calculator._calendar_holidays(data, calendar.id, company_id, tz, start, end)
                    self.assertEqual(found, expected, f"{calendar.name}, {tz_name}, company {company_id}")
                    compared += bool(expected)
        self.assertGreater(compared, 6)
