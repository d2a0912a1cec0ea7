import random
from datetime import date

from .allowance_common import NOV, OCT, AllowanceCase

DEC = date(2025, 12, 1)
JAN = date(2026, 1, 1)
# Every table a month's accruals are computed from, and the checks: moved an hour back in time, the
# rows written so far are before the next check and the next writes after the last one. A test is
# one transaction, whose rows all carry the same write date, and a row written in the transaction
# of a check counts as written after it.
AGED_TABLES = (
    "hr_employee",
    "resource_resource",
    "hr_contract",
    "hr_leave",
    "mentorship_absence",
    "mentorship_participant",
    "mentorship_pair",
    "mentorship_allowance",
    "mentorship_allowance_line",
    "mentorship_allowance_policy",
    "res_company",
    "resource_calendar",
    "resource_calendar_attendance",
    "resource_calendar_leaves",
)


class TestAllowanceRecheck(AllowanceCase):
    """Rechecking paid months recomputes only the mentors whose sources changed since the month was
    last checked, and finds the same adjustments as recomputing every mentor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.form_ts.allowance_applicable = True
        cls.contract_3 = cls._contract(cls.teacher_old, 30000.0, date(2025, 1, 1))
        cls.mentor_3 = cls._participant("mentor", cls.teacher_old, cls.form_ts)
        cls._consent("appointment", cls.teacher_old)
        cls.student = cls._participant("mentee", cls.student_adult, cls.form_ts)
        cls.pair_2 = cls._active_pair(cls.mentor_2, cls.mentee_2)
        cls.pair_3 = cls._active_pair(cls.mentor_3, cls.student, cls.form_ts)
        cls.Check = cls.env["mentorship.allowance.check"]

    def age(self):
        self.env.flush_all()
        for table in AGED_TABLES:
            self.env.cr.execute(f"UPDATE {table} SET write_date = write_date - interval '1 hour'")  # noqa: S608
        self.env.cr.execute(
            "UPDATE mentorship_allowance_check SET checked_at = checked_at - interval '1 hour'"
        )
        self.env.invalidate_all()

    def to_recheck(self, month):
        """The mentors that a generation would recompute for ``month`` (None: all of them)."""
        final = self.env["mentorship.allowance"].search(
            [("month", "=", month), ("state", "in", ("confirmed", "exported", "paid"))]
        )
        candidates = {(self.company.id, month): set(final.employee_id.ids)}
        return self.Check._employees_to_recheck([self.company.id], [month], candidates)[
            (self.company.id, month)
        ]

    def settle(self, month=OCT):
        """Take ``month`` as checked now, with nothing waiting (as a generation that found no
        difference would), then let an hour pass."""
        self.age()
        Check = self.Check
        Check._record(
            {(self.company.id, month): set()}, Check._horizon(), Check._signature([self.company.id])
        )
        self.age()

    def paid_october(self):
        self.age()
        self.generate(OCT).action_confirm()
        self.age()

    def adjustments(self, allowances):
        return sorted(
            (line.pair_id.id, line.corrected_month, f"{line.amount:.2f}", line.eligible_days)
            for line in allowances.sudo().line_ids
            if line.is_adjustment
        )

    def test_only_changed_mentors_are_recomputed(self):
        self.paid_october()
        self.assertEqual(self.to_recheck(OCT), set(), "nothing changed since October was generated")
        self._leave(self.teacher_young, date(2025, 10, 20), date(2025, 10, 24))
        self.assertEqual(self.to_recheck(OCT), {self.teacher_senior.id}, "the mentor of the sick mentee")
        expected = self.adjustments(self.generate(NOV))
        self.assertEqual(len(expected), 1)
        self.age()
        # The difference waits in November's draft: regenerating the draft finds it again.
        self.assertEqual(self.to_recheck(OCT), {self.teacher_senior.id})
        self.assertEqual(self.adjustments(self.generate(NOV)), expected)
        # A draft deleted by hand: the next generation puts the difference back.
        self.Allowance.search([("month", "=", NOV)]).unlink()
        again = self.generate(NOV)
        self.assertEqual(self.adjustments(again), expected)
        again.action_confirm()
        self.age()
        # Paid through November: rechecked once more, then nothing is waiting.
        self.assertEqual(self.to_recheck(OCT), {self.teacher_senior.id})
        self.assertEqual(self.adjustments(self.generate(DEC)), [])
        self.age()
        self.assertEqual(self.to_recheck(OCT), set())

    def test_each_source_marks_its_mentor(self):
        self.paid_october()
        # The mentor's contract: that mentor.
        self.contract_2.wage = 42000.0
        self.assertEqual(self.to_recheck(OCT), {self.teacher_senior_2.id})
        self.settle()
        # A student's absence: the mentor of the student.
        self.env["mentorship.absence"].create(
            {
                "partner_id": self.student_adult.id,
                "date_from": OCT,
                "date_to": date(2025, 10, 3),
                "reason": "ОРВИ",
                "company_id": self.company.id,
            }
        )
        self.assertEqual(self.to_recheck(OCT), {self.teacher_old.id})
        self.settle()
        # A pair given to another mentor: both mentors (the one paid before included).
        self.pair_2.mentor_id = self.mentor
        self.assertEqual(self.to_recheck(OCT), {self.teacher_senior.id, self.teacher_senior_2.id})
        self.settle()
        # A mentee's schedule: the mentor of that mentee.
        self.teacher_young.resource_calendar_id = self.calendar_nkz
        self.assertEqual(self.to_recheck(OCT), {self.teacher_senior.id})
        self.settle()
        self.assertEqual(self.to_recheck(OCT), set())
        # The company's policy or a public holiday: every mentor.
        self.env["mentorship.allowance.policy"].create({"company_id": self.company.id, "rate": 20.0})
        self.assertIsNone(self.to_recheck(OCT))
        self.settle()
        self.assertEqual(self.to_recheck(OCT), set())
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Праздник",
                "calendar_id": False,
                "date_from": "2025-10-15 00:00:00",
                "date_to": "2025-10-15 23:59:00",
            }
        )
        self.assertIsNone(self.to_recheck(OCT))

    def test_deleted_source_rechecks_everyone(self):
        absence = self.env["mentorship.absence"].create(
            {
                "partner_id": self.student_adult.id,
                "date_from": OCT,
                "date_to": date(2025, 10, 3),
                "reason": "ОРВИ",
                "company_id": self.company.id,
            }
        )
        self.paid_october()
        self.assertEqual(self.to_recheck(OCT), set())
        absence.unlink()
        self.assertIsNone(self.to_recheck(OCT), "a deletion leaves no write date: every mentor")
        adjustments = self.adjustments(self.generate(NOV))
        self.assertEqual(len(adjustments), 1)
        self.assertEqual(adjustments[0][0], self.pair_3.id)
        self.assertGreater(float(adjustments[0][2]), 0)

    def test_cancelled_accrual_is_rechecked(self):
        self.paid_october()
        self._leave(self.teacher_young, date(2025, 10, 20), date(2025, 10, 24))
        self.age()  # written before the next check (a write in its own transaction counts as after)
        november = self.generate(NOV)
        november.action_confirm()
        self.generate(DEC)  # October is rechecked with its correction paid: nothing waits
        self.age()
        self.assertEqual(self.to_recheck(OCT), set())
        november.filtered(lambda a: a.employee_id == self.teacher_senior)._cancel("Ошибка в табеле")
        self.assertEqual(self.to_recheck(OCT), {self.teacher_senior.id})
        december = self.generate(DEC)
        self.assertEqual(len(self.adjustments(december)), 1, "the cancelled correction is made again")

    def test_incremental_recheck_finds_what_a_full_one_finds(self):
        """Random late changes to paid months; after each, the adjustments of a generation that
        recomputes only the changed mentors equal those of one that recomputes every mentor."""
        rnd = random.Random(18)
        self.age()
        self.generate(OCT).action_confirm()
        self.generate(NOV).action_confirm()
        people = [
            self.teacher_senior,
            self.teacher_senior_2,
            self.teacher_young,
            self.teacher_young_2,
            self.teacher_old,
        ]
        leaves = self.env["hr.leave"]
        partial = 0
        for step in range(12):
            action = rnd.choice(("leave", "leave", "absence", "wage", "schedule", "drop", "pair_end"))
            month = rnd.choice((OCT, NOV))
            day = month.replace(day=rnd.randint(1, 20))
            if action == "leave":
                employee = rnd.choice(people)
                if not leaves.filtered(
                    lambda lv, e=employee, d=day: lv.employee_id == e and lv.request_date_to >= d
                ):
                    leaves |= self._leave(employee, day, day.replace(day=day.day + rnd.randint(0, 5)))
            elif action == "absence":
                self.env["mentorship.absence"].create(
                    {
                        "partner_id": self.student_adult.id,
                        "date_from": day,
                        "date_to": day,
                        "reason": f"шаг {step}",
                        "company_id": self.company.id,
                    }
                )
            elif action == "wage":
                rnd.choice((self.contract, self.contract_2, self.contract_3)).wage += 1000.0
            elif action == "schedule":
                employee = rnd.choice(people)
                employee.resource_calendar_id = (
                    self.calendar_msk
                    if employee.resource_calendar_id == self.calendar_nkz
                    else self.calendar_nkz
                )
            elif action == "drop":
                absences = self.env["mentorship.absence"].search([])
                if absences:
                    rnd.choice(absences).unlink()
            else:
                self.pair_3.date_end = date(2025, 11, 15)
            self.env.flush_all()
            self.age()
            some = self.to_recheck(OCT)
            partial += some is not None and len(some) < 3
            with self.env.cr.savepoint(flush=False) as savepoint:
                self.env.cr.execute("DELETE FROM mentorship_allowance_check")
                self.env.invalidate_all()
                full = self.adjustments(self.generate(DEC))
                savepoint.rollback()
            self.env.invalidate_all()
            incremental = self.adjustments(self.generate(DEC))
            self.assertEqual(incremental, full, f"step {step}: {action} in {month}")
        self.assertTrue(full, "the changes made adjustments")
        self.assertTrue(partial, "some steps recomputed only some of the mentors")
