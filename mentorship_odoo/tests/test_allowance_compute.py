import random
from datetime import date
from fractions import Fraction

from odoo import Command
from odoo.exceptions import ValidationError

from ..tools.allowance_calculator import allowance_amount, exact, prorated_sum, round_half_up
from .allowance_common import AUG, NOV, OCT, AllowanceCase


class TestAllowanceCompute(AllowanceCase):
    """Architecture §5, rule by rule, to the kopeck."""

    def test_seed_example_sick_leave(self):
        """40 000.00 wage, 21 working days, the mentee on sick leave for 10 of them:
        15 % × 40 000 × 11/21 = 3 142.86 paid, 2 857.14 suspended out of 6 000.00."""
        leave = self._leave(self.teacher_young, date(2026, 8, 3), date(2026, 8, 14))
        self.assertEqual(leave.state, "validate")
        allowances = self.generate(AUG)
        self.assertEqual(allowances.employee_id, self.teacher_senior)
        line = self.line_of(allowances)
        self.assertLine(line, eligible=11, suspended=10, amount=3142.86, full=6000.00, month_days=21)
        self.assertEqual(line.period_days, 21)
        self.assertEqual(line.rate, 15.0)
        self.assertEqual(line.leave_ids, leave)
        self.assertIn("Больничный", line.suspension_reason)
        self.assertIn("03.08.2026–14.08.2026", line.suspension_reason)
        self.assertIn("10", line.suspension_reason)
        self.assertEqual(f"{allowances.sudo().amount_total:.2f}", "3142.86")
        self.assertEqual(allowances.eligible_days, 11)
        self.assertEqual(allowances.state, "draft")

    def test_kopeck_arithmetic(self):
        """The pure arithmetic: exact fractions, rounded half-up (away from zero) once, to kopecks.
        1/3 shares: three mentees, one absent for 5 of 21 days, 58 shares of 63."""
        self.assertEqual(str(round_half_up(Fraction(1, 200))), "0.01")
        self.assertEqual(str(round_half_up(Fraction(-1, 200))), "-0.01")
        self.assertEqual(str(round_half_up(Fraction(1, 201))), "0.00")
        self.assertEqual(str(allowance_amount(15.0, {(40000.0, 21): 11})), "3142.86")
        self.assertEqual(str(allowance_amount(15.0, {(40000.0, 21): 58}, 3)), "5523.81")
        # A contract change: 40 000 for 10 days and 50 000 for 11 days of 21.
        self.assertEqual(str(allowance_amount(15.0, {(40000.0, 21): 10, (50000.0, 21): 11})), "6785.71")

    def test_integer_amounts_equal_fractions(self):
        """The amounts are computed in integers (a region's month computes hundreds of thousands):
        the same kopecks as the exact fractions, on random wages, rates, contract changes, shares
        and adjustments (negative days)."""
        rnd = random.Random(15)
        for _attempt in range(5000):
            tallies = {
                (
                    rnd.choice([0.0, 40000.0, 40000.1, rnd.randrange(10**7) / 100]),
                    rnd.randint(15, 24),
                ): rnd.randint(-30, 75)
                for _segment in range(rnd.randint(0, 3))
            }
            rate, shares = rnd.choice([15.0, 20.0, 12.5, 33.33]), rnd.randint(1, 4)
            expected = round_half_up(exact(rate) / 100 * prorated_sum(tallies, shares))
            self.assertEqual(
                str(allowance_amount(rate, tallies, shares)), str(expected), (rate, tallies, shares)
            )

    def test_contract_change_mid_month(self):
        """40 000.00 until 14.08, 50 000.00 from 15.08: 0.15 × (40 000 × 10 + 50 000 × 11) / 21."""
        self.contract.write({"date_end": date(2026, 8, 14), "state": "close"})
        self._contract(self.teacher_senior, 50000.0, date(2026, 8, 15))
        line = self.line_of(self.generate(AUG))
        self.assertLine(line, eligible=21, suspended=0, amount=6785.71, full=6785.71)
        self.assertEqual(line.wage, 50000.0)
        self.assertIn("40\u00a0000.00 from 01.08.2026 to 14.08.2026", line.wage_details)
        self.assertIn("50\u00a0000.00 from 15.08.2026 to 31.08.2026", line.wage_details)

    def test_contract_change_with_suspension(self):
        """The suspended days are taken at the wage of their own day: sick 17–21.08 at 50 000."""
        self.contract.write({"date_end": date(2026, 8, 14), "state": "close"})
        self._contract(self.teacher_senior, 50000.0, date(2026, 8, 15))
        self._leave(self.teacher_young, date(2026, 8, 17), date(2026, 8, 21))
        # 0.15 × (40 000 × 10 + 50 000 × 6) / 21 = 5 000.00
        self.assertLine(
            self.line_of(self.generate(AUG)), eligible=16, suspended=5, amount=5000.00, full=6785.71
        )

    def test_no_contract_days(self):
        """A mentor hired on 17.08: no wage before, so no allowance for those days."""
        self.contract.write({"date_start": date(2026, 8, 17)})
        line = self.line_of(self.generate(AUG))
        # 0.15 × 40 000 × 11 / 21 = 3 142.86; 10 days without a contract count as suspended.
        self.assertLine(line, eligible=11, suspended=10, amount=3142.86, full=3142.86)
        self.assertIn("No running contract: 10 working days", line.suspension_reason)

    def test_public_holiday(self):
        """04.11 is a company-wide public holiday: November has 19 working days, not 20; another
        company's holiday (05.11) does not count."""
        Leaves = self.env["resource.calendar.leaves"]
        # Public holidays belong to the company they are entered in (their company is computed).
        Leaves.with_company(self.company).create(
            {
                "name": "День народного единства",
                "calendar_id": False,
                "date_from": self.utc("Europe/Moscow", 2025, 11, 4, 0, 0),
                "date_to": self.utc("Europe/Moscow", 2025, 11, 4, 23, 59, 59),
            }
        )
        other_calendar = self.env["resource.calendar"].create({"name": "Б", "company_id": self.company_b.id})
        Leaves.with_company(self.company_b).create(
            {
                "name": "Праздник колледжа Б",
                "calendar_id": other_calendar.id,
                "date_from": self.utc("Europe/Moscow", 2025, 11, 5, 0, 0),
                "date_to": self.utc("Europe/Moscow", 2025, 11, 5, 23, 59, 59),
            }
        )
        self._leave(self.teacher_young, date(2025, 11, 10), date(2025, 11, 14))
        line = self.line_of(self.generate(NOV))
        # 0.15 × 40 000 × 14 / 19 = 4 421.05
        self.assertLine(line, eligible=14, suspended=5, amount=4421.05, full=6000.00, month_days=19)

    def test_pair_starting_and_ending_mid_month(self):
        """A pair from 15.10 has 13 of October's 23 working days; a pair terminated on 10.10 has 8."""
        late = self._active_pair(
            self.mentor_2, self.mentee_2, date_start=date(2025, 10, 15), date_end=date(2026, 8, 31)
        )
        self.pair._terminate("organisation", "Переезд наставника", date(2025, 10, 10))
        allowances = self.generate(OCT)
        # 0.15 × 40 000 × 13 / 23 = 3 391.30
        self.assertLine(
            self.line_of(allowances, late), eligible=13, suspended=0, amount=3391.30, month_days=23
        )
        self.assertEqual(self.line_of(allowances, late).period_days, 13)
        # 0.15 × 40 000 × 8 / 23 = 2 086.96
        self.assertLine(self.line_of(allowances, self.pair), eligible=8, suspended=0, amount=2086.96)
        # November: the terminated pair gives nothing, the other one a full month.
        november = self.generate(NOV)
        self.assertFalse(self.line_of(november, self.pair))
        self.assertLine(self.line_of(november, late), eligible=20, suspended=0, amount=6000.00)

    def _group_pair(self, *mentees):
        """A group of mentor 2 with mentee 2 and new young teachers, from 01.08.2026."""
        self.form_tt.capacity = 1 + len(mentees)
        participants = self.mentee_2
        for name in mentees:
            teacher = self.env["hr.employee"].create(
                {
                    "name": name,
                    "company_id": self.company.id,
                    "teaching_start_date": date(2025, 9, 1),
                    "resource_calendar_id": self.calendar_msk.id,
                    "tz": "Europe/Moscow",
                }
            )
            participants |= self._participant("mentee", teacher, self.form_tt)
        return self._active_pair(
            self.mentor_2,
            participants,
            kind_id=self.kind_group.id,
            # Within the programme (it ends on 31.08.2026) and the form's 3-month minimum.
            date_start=date(2026, 6, 1),
            date_end=date(2026, 8, 31),
        )

    def _two_mentee_group(self):
        pair = self._group_pair("Орлова Анна Сергеевна")
        # Mentee 2 sick 03–14.08, mentee 3 sick 10–21.08: both absent 10–14.08 (5 days).
        self._leave(self.teacher_young_2, date(2026, 8, 3), date(2026, 8, 14))
        self._leave(pair.mentee_ids[1].employee_id, date(2026, 8, 10), date(2026, 8, 21))
        return pair

    def test_group_all_absent(self):
        """Default group mode: a day is suspended only when every mentee is absent."""
        pair = self._two_mentee_group()
        self.assertTrue(pair.is_group)
        # 0.15 × 40 000 × 16 / 21 = 4 571.43
        self.assertLine(
            self.line_of(self.generate(AUG), pair), eligible=16, suspended=5, amount=4571.43, full=6000
        )

    def test_group_proportional(self):
        """Proportional mode: each absent mentee takes 1/2 of the day: 5 × ½ + 5 × 0 + 5 × ½ + 6."""
        pair = self._two_mentee_group()
        self.env["mentorship.allowance.policy"].create(
            {"company_id": self.company.id, "form_id": self.form_tt.id, "group_mode": "proportional"}
        )
        line = self.line_of(self.generate(AUG), pair)
        # 0.15 × 40 000 × 11 / 21 = 3 142.86
        self.assertLine(line, eligible=11, suspended=10, amount=3142.86, full=6000)
        self.assertEqual(line.group_mode, "proportional")
        self.assertEqual(len(line.leave_ids), 2)

    def test_proportional_with_three_mentees(self):
        """1/3 shares: one of three mentees absent for 5 days suspends 5/3 days.
        0.15 × 40 000 × (21 − 5/3) / 21 = 5 523.81."""
        pair = self._group_pair("Орлова Анна Сергеевна", "Белов Артём Павлович")
        self.env["mentorship.allowance.policy"].create(
            {"company_id": self.company.id, "programme_id": self.programme.id, "group_mode": "proportional"}
        )
        self._leave(self.teacher_young_2, date(2026, 8, 3), date(2026, 8, 7))
        self.assertLine(
            self.line_of(self.generate(AUG), pair), eligible=19.33, suspended=1.67, amount=5523.81
        )

    def test_mentor_own_leave(self):
        """The mentor's own vacation suspends by default, and does not when the policy says so."""
        self._leave(self.teacher_senior, date(2026, 8, 17), date(2026, 8, 21), self.type_vacation)
        line = self.line_of(self.generate(AUG))
        self.assertLine(line, eligible=16, suspended=5, amount=4571.43, full=6000)
        self.assertIn("Mentor Скоробогатов Андрей Викторович: Отпуск", line.suspension_reason)
        self.env["mentorship.allowance.policy"].create(
            {"company_id": self.company.id, "suspend_on_mentor_leave": False}
        )
        self.assertLine(self.line_of(self.generate(AUG)), eligible=21, suspended=0, amount=6000.00)

    def test_half_day_leave_does_not_suspend(self):
        """A morning off (08:00–12:00) leaves the afternoon scheduled: no suspension; a full day does."""
        half = self._leave(
            self.teacher_young,
            date(2026, 8, 3),
            leave_type=self.type_hours,
            request_unit_hours=True,
            request_hour_from=8.0,
            request_hour_to=12.0,
        )
        self.assertEqual(half.state, "validate")
        self.assertEqual(half.date_from, self.utc("Europe/Moscow", 2026, 8, 3, 8, 0))
        self.assertLine(self.line_of(self.generate(AUG)), eligible=21, suspended=0, amount=6000.00)
        self._leave(self.teacher_young, date(2026, 8, 4))
        # 0.15 × 40 000 × 20 / 21 = 5 714.29
        self.assertLine(self.line_of(self.generate(AUG)), eligible=20, suspended=1, amount=5714.29)

    def test_hours_covering_the_whole_schedule_suspend(self):
        """Time off in hours that covers 08:00–17:00 covers the whole working day."""
        self._leave(
            self.teacher_young,
            date(2026, 8, 3),
            leave_type=self.type_hours,
            request_unit_hours=True,
            request_hour_from=8.0,
            request_hour_to=17.0,
        )
        self.assertLine(self.line_of(self.generate(AUG)), eligible=20, suspended=1, amount=5714.29)

    def test_time_zones(self):
        """The mentee's time off is read in the mentee's own schedule and time zone.

        The same UTC interval, 05:00–14:00 on 04.08, is 08:00–17:00 in Moscow (a whole working day)
        but 12:00–21:00 in Novokuznetsk (08:00–12:00 still scheduled): it suspends the Moscow
        mentee's pair and not the Novokuznetsk one. A full day off on 03.08 in Novokuznetsk
        (01:00–10:00 UTC) suspends although it covers only part of the Moscow mentor's day."""
        self.teacher_young.write({"tz": "Asia/Novokuznetsk", "resource_calendar_id": self.calendar_nkz.id})
        pair_msk = self._active_pair(self.mentor_2, self.mentee_2)
        full_day_nkz = self._leave(self.teacher_young, date(2026, 8, 3))
        self.assertEqual(full_day_nkz.date_from, self.utc("Asia/Novokuznetsk", 2026, 8, 3, 8, 0))
        self.assertEqual(full_day_nkz.date_from.hour, 1)
        hours = {"leave_type": self.type_hours, "request_unit_hours": True}
        nkz = self._leave(
            self.teacher_young, date(2026, 8, 4), request_hour_from=12.0, request_hour_to=21.0, **hours
        )
        msk = self._leave(
            self.teacher_young_2, date(2026, 8, 4), request_hour_from=8.0, request_hour_to=17.0, **hours
        )
        self.assertEqual((nkz.date_from, nkz.date_to), (msk.date_from, msk.date_to))
        self.assertEqual(msk.date_from, self.utc("UTC", 2026, 8, 4, 5, 0))
        allowances = self.generate(AUG)
        line_nkz = self.line_of(allowances)
        line_msk = self.line_of(allowances, pair_msk)
        self.assertLine(line_nkz, eligible=20, suspended=1, amount=5714.29)
        self.assertEqual(line_nkz.leave_ids, full_day_nkz)
        self.assertLine(line_msk, eligible=20, suspended=1, amount=5714.29)
        self.assertEqual(line_msk.leave_ids, msk)

    def test_mentor_time_zone_sets_working_days(self):
        """Working days are the mentor's, in the mentor's time zone: a holiday over the whole of
        Monday 03.08 in Novokuznetsk (02.08 17:00 – 03.08 17:00 UTC) removes that Monday from the
        Novokuznetsk mentor's month, which then has 20 working days."""
        self.teacher_senior.write({"tz": "Asia/Novokuznetsk", "resource_calendar_id": self.calendar_nkz.id})
        self.contract.resource_calendar_id = self.calendar_nkz
        self.env["resource.calendar.leaves"].with_company(self.company).create(
            {
                "name": "Региональный праздник",
                "date_from": self.utc("Asia/Novokuznetsk", 2026, 8, 3, 0, 0),
                "date_to": self.utc("Asia/Novokuznetsk", 2026, 8, 3, 23, 59, 59),
            }
        )
        line = self.line_of(self.generate(AUG))
        self.assertLine(line, eligible=20, suspended=0, amount=6000.00, month_days=20)

    def _flexible_calendar(self):
        return self.env["resource.calendar"].create(
            {
                "name": "Гибкий график",
                "tz": "Europe/Moscow",
                "company_id": self.company.id,
                "flexible_hours": True,
                "hours_per_day": 8.0,
                "attendance_ids": [Command.clear()],
            }
        )

    def test_flexible_hours_mentor(self):
        """A mentor on a flexible-hours calendar works, as resource.calendar defines it, on every
        day of the month: August has 31 working days. The mentee's sick leave 03–14.08 covers 12 of
        them (the weekend in between too, whose whole days it covers):
        0.15 × 40 000 × 19 / 31 = 3 677.42."""
        flexible = self._flexible_calendar()
        self.teacher_senior.resource_calendar_id = flexible
        self.contract.resource_calendar_id = flexible
        self._leave(self.teacher_young, date(2026, 8, 3), date(2026, 8, 14))
        line = self.line_of(self.generate(AUG))
        self.assertLine(line, eligible=19, suspended=12, amount=3677.42, full=6000.00, month_days=31)

    def test_flexible_hours_mentee(self):
        """A day off of a mentee on flexible hours spans the whole local day (as resource.calendar
        reads the leaves of a flexible resource), so it suspends the mentor's working day 04.08:
        0.15 × 40 000 × 20 / 21 = 5 714.29."""
        self.teacher_young.resource_calendar_id = self._flexible_calendar()
        leave = self._leave(self.teacher_young, date(2026, 8, 4))
        self.assertEqual(leave.state, "validate")
        line = self.line_of(self.generate(AUG))
        self.assertLine(line, eligible=20, suspended=1, amount=5714.29, month_days=21)
        self.assertEqual(line.leave_ids, leave)
        self.assertIn("04.08.2026", line.suspension_reason)

    def test_student_absence(self):
        """Student mentees have recorded absences instead of time off."""
        self.form_ts.allowance_applicable = True
        student = self._participant("mentee", self.student_adult, self.form_ts)
        pair = self._active_pair(self.mentor_2, student, self.form_ts)
        absence = (
            self.env["mentorship.absence"]
            .with_user(self.user_curator)
            .create(
                {
                    "partner_id": self.student_adult.id,
                    "date_from": date(2026, 8, 3),
                    "date_to": date(2026, 8, 9),
                    "reason": "ОРВИ, справка № 12",
                }
            )
        )
        self.assertEqual(absence.company_id, self.company)
        self.assertEqual(absence.day_count, 7)
        line = self.line_of(self.generate(AUG), pair)
        self.assertLine(line, eligible=16, suspended=5, amount=4571.43)
        self.assertEqual(line.absence_ids, absence)
        self.assertIn("ОРВИ, справка № 12", line.suspension_reason)

    def test_no_allowance_cases(self):
        """No line when mentoring is part of the job duties, when the form has no allowance, or
        for a draft pair; an external mentor is never an employee."""
        self.pair.duties_include_mentoring = True
        self._pair(self.mentor_2, self.mentee_2, self.form_tt, date_start=date(2025, 10, 1))  # draft
        self.assertFalse(self.generate(AUG))
        self.pair.duties_include_mentoring = False
        self.form_tt.allowance_applicable = False
        self.assertFalse(self.generate(AUG))

    def test_policy_overrides(self):
        """Programme and form beats programme, which beats form, which beats the company."""
        Policy = self.env["mentorship.allowance.policy"]
        Policy.create({"company_id": self.company.id, "form_id": self.form_tt.id, "rate": 10.0})
        self.assertLine(self.line_of(self.generate(AUG)), eligible=21, suspended=0, amount=4000.00)
        Policy.create({"company_id": self.company.id, "programme_id": self.programme.id, "rate": 20.0})
        self.assertLine(self.line_of(self.generate(AUG)), eligible=21, suspended=0, amount=8000.00)
        both = Policy.create(
            {
                "company_id": self.company.id,
                "programme_id": self.programme.id,
                "form_id": self.form_tt.id,
                "rate": 12.5,
                "earning_code": "НДН",
            }
        )
        line = self.line_of(self.generate(AUG))
        self.assertLine(line, eligible=21, suspended=0, amount=5000.00)
        self.assertEqual(line.policy_id, both)
        self.assertEqual(line.earning_code, "НДН")

    def test_policy_leave_types(self):
        """Only the listed time off types suspend; the others do not."""
        self._leave(self.teacher_young, date(2026, 8, 3), date(2026, 8, 7), self.type_vacation)
        self._leave(self.teacher_young, date(2026, 8, 10), date(2026, 8, 11), self.type_sick)
        self.env["mentorship.allowance.policy"].create(
            {
                "company_id": self.company.id,
                "programme_id": self.programme.id,
                "leave_type_ids": [Command.set(self.type_sick.ids)],
            }
        )
        # 0.15 × 40 000 × 19 / 21 = 5 428.57
        self.assertLine(self.line_of(self.generate(AUG)), eligible=19, suspended=2, amount=5428.57)

    def test_unvalidated_leave_does_not_suspend(self):
        leave = self._leave(self.teacher_young, date(2026, 8, 3), date(2026, 8, 7), self.type_approved)
        self.assertEqual(leave.state, "confirm")
        self.assertLine(self.line_of(self.generate(AUG)), eligible=21, suspended=0, amount=6000.00)
        leave.action_validate()
        self.assertLine(self.line_of(self.generate(AUG)), eligible=16, suspended=5, amount=4571.43)

    def test_policy_unique_per_scope(self):
        Policy = self.env["mentorship.allowance.policy"]
        Policy.create({"company_id": self.company_b.id})
        with self.assertRaises(ValidationError), self.cr.savepoint():
            Policy.create({"company_id": self.company_b.id})
