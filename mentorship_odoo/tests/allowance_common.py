from datetime import date, datetime

import pytz

from odoo import Command

from .common import MentorshipCase

AUG = date(2026, 8, 1)  # 21 working days (Mon–Fri), no public holiday in these tests
OCT = date(2025, 10, 1)  # 23 working days
NOV = date(2025, 11, 1)  # 20 working days before public holidays


class AllowanceCase(MentorshipCase):
    """Mentors on a 40 000.00 contract in a Moscow 5-day schedule, one teacher–teacher pair from
    01.10.2025 to 31.08.2026, time off types, and helpers to add time off and generate."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.form_tt.allowance_applicable = True
        cls.calendar_msk = cls._calendar("5/40 Москва", "Europe/Moscow")
        cls.calendar_nkz = cls._calendar("5/40 Новокузнецк", "Asia/Novokuznetsk")
        for number, employee in enumerate(
            (
                cls.teacher_senior,
                cls.teacher_senior_2,
                cls.teacher_young,
                cls.teacher_young_2,
                cls.teacher_old,
            ),
            start=1,
        ):
            employee.write(
                {
                    "resource_calendar_id": cls.calendar_msk.id,
                    "tz": "Europe/Moscow",
                    "registration_number": f"00{number}",
                }
            )
        cls.contract = cls._contract(cls.teacher_senior, 40000.0, date(2025, 1, 1))
        cls.contract_2 = cls._contract(cls.teacher_senior_2, 40000.0, date(2025, 1, 1))
        LeaveType = cls.env["hr.leave.type"]
        common = {"requires_allocation": "no", "company_id": cls.company.id}
        cls.type_sick = LeaveType.create(
            {"name": "Больничный", "leave_validation_type": "no_validation", **common}
        )
        cls.type_vacation = LeaveType.create(
            {"name": "Отпуск", "leave_validation_type": "no_validation", **common}
        )
        cls.type_hours = LeaveType.create(
            {
                "name": "Отгул (часы)",
                "leave_validation_type": "no_validation",
                "request_unit": "hour",
                **common,
            }
        )
        cls.type_approved = LeaveType.create(
            {"name": "Учебный отпуск", "leave_validation_type": "hr", **common}
        )
        cls.mentor = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentor_2 = cls._participant("mentor", cls.teacher_senior_2, cls.form_tt)
        cls.mentee = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls.mentee_2 = cls._participant("mentee", cls.teacher_young_2, cls.form_tt)
        cls._consent("appointment", cls.teacher_senior)
        cls._consent("appointment", cls.teacher_senior_2)
        cls.pair = cls._active_pair(cls.mentor, cls.mentee)
        cls.Allowance = cls.env["mentorship.allowance"].with_user(cls.user_payroll)

    @classmethod
    def _calendar(cls, name, tz):
        # Default attendances: Monday to Friday, 08:00–12:00 and 13:00–17:00 (lunch excluded).
        return cls.env["resource.calendar"].create({"name": name, "tz": tz, "company_id": cls.company.id})

    @classmethod
    def _contract(cls, employee, wage, date_start, date_end=False, state="open"):
        return cls.env["hr.contract"].create(
            {
                "name": f"Трудовой договор {employee.name}",
                "employee_id": employee.id,
                "company_id": cls.company.id,
                "wage": wage,
                "date_start": date_start,
                "date_end": date_end,
                "resource_calendar_id": employee.resource_calendar_id.id,
                "state": state,
            }
        )

    @classmethod
    def _active_pair(cls, mentor, mentees, form=None, **vals):
        values = {"date_start": date(2025, 10, 1), "date_end": date(2026, 8, 31)}
        values.update(vals)
        pair = cls._pair(mentor, mentees, form or cls.form_tt, **values)
        pair.action_activate()
        return pair

    @classmethod
    def _leave(cls, employee, date_from, date_to=None, leave_type=None, **vals):
        return (
            cls.env["hr.leave"]
            .with_context(leave_skip_state_check=True)
            .create(
                {
                    "employee_id": employee.id,
                    "holiday_status_id": (leave_type or cls.type_sick).id,
                    "request_date_from": date_from,
                    "request_date_to": date_to or date_from,
                    **vals,
                }
            )
        )

    def generate(self, month, employees=None):
        return self.Allowance._generate(self.company, month, employees)

    def line_of(self, allowances, pair=None):
        pair = pair or self.pair
        return allowances.sudo().line_ids.filtered(
            lambda line: line.pair_id == pair and not line.is_adjustment
        )

    @staticmethod
    def utc(tz_name, *args):
        """A naive UTC datetime from local wall-clock values in ``tz_name``."""
        local = pytz.timezone(tz_name).localize(datetime(*args))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def assertLine(self, line, eligible, suspended, amount, full=None, month_days=None):
        self.assertEqual(len(line), 1, "expected exactly one line")
        self.assertAlmostEqual(line.eligible_days, eligible, places=2)
        self.assertAlmostEqual(line.suspended_days, suspended, places=2)
        self.assertEqual(f"{line.amount:.2f}", f"{amount:.2f}")
        if full is not None:
            self.assertEqual(f"{line.amount_full:.2f}", f"{full:.2f}")
            self.assertEqual(f"{line.amount_suspended:.2f}", f"{full - amount:.2f}")
        if month_days is not None:
            self.assertEqual(line.month_days, month_days)

    @classmethod
    def _set_mentees(cls, pair, mentees):
        pair.mentee_ids = [Command.set(mentees.ids)]
