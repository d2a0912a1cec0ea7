from datetime import date
from unittest.mock import patch

from ..tools.bulk_insert import insert_records
from ..tools.no_query_env import NoQueryCursor
from .allowance_common import NOV, OCT, AllowanceCase

# Stored computed fields whose value the bulk writer sets itself instead of the ORM.
ALLOWANCE_COMPUTED = (
    "name",
    "mentor_user_id",
    "line_count",
    "has_adjustment",
    "eligible_days",
    "suspended_days",
)
LINE_COMPUTED = ("company_id", "month", "state", "amount_suspended")


class TestAllowanceBulk(AllowanceCase):
    """Accruals and lines are written by multi-row INSERTs (tools/bulk_insert.py): what they store
    must be what the ORM's own computations give."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.department = cls.env["hr.department"].create({"name": "Кафедра истории"})
        cls.teacher_senior.department_id = cls.department
        cls.pair_2 = cls._active_pair(cls.mentor_2, cls.mentee_2)

    def assertStoredAsComputed(self, allowances):
        allowances = allowances.sudo()
        stored = {
            allowance.id: (
                allowance.read(list(ALLOWANCE_COMPUTED) + ["amount_total"], load=None)[0],
                {line.id: line.read(list(LINE_COMPUTED), load=None)[0] for line in allowance.line_ids},
            )
            for allowance in allowances
        }
        # Compute again, as the ORM would, and compare with what was inserted.
        lines = allowances.line_ids
        for fname in ALLOWANCE_COMPUTED + ("amount_total",):
            self.env.add_to_compute(allowances._fields[fname], allowances)
        for fname in LINE_COMPUTED:
            self.env.add_to_compute(lines._fields[fname], lines)
        allowances.flush_recordset()
        lines.flush_recordset()
        self.env.invalidate_all()
        for allowance in allowances:
            values, line_values = stored[allowance.id]
            self.assertEqual(allowance.read(list(values), load=None)[0], values)
            for line in allowance.line_ids:
                self.assertEqual(line.read(list(LINE_COMPUTED), load=None)[0], line_values[line.id])

    def test_accruals_store_what_the_orm_computes(self):
        allowances = self.generate(OCT)
        self.assertEqual(len(allowances), 2)
        mine = allowances.filtered(lambda a: a.employee_id == self.teacher_senior)
        self.assertEqual(mine.sudo().department_id, self.department)
        self.assertEqual(mine.sudo().mentor_user_id, self.user_mentor)
        self.assertEqual(mine.sudo().line_ids.department_id, self.department)
        self.assertStoredAsComputed(allowances)

    def test_adjustment_accruals_store_what_the_orm_computes(self):
        """A confirmed month, then a late sick leave: the next month's accrual has an adjustment."""
        self.generate(OCT).action_confirm()
        self._leave(self.teacher_young, date(2025, 10, 13), date(2025, 10, 14))
        allowances = self.generate(NOV)
        mine = allowances.filtered(lambda a: a.employee_id == self.teacher_senior).sudo()
        self.assertTrue(mine.has_adjustment)
        self.assertEqual(mine.line_count, 2)
        adjustment = mine.line_ids.filtered("is_adjustment")
        self.assertEqual(adjustment.leave_ids.employee_id, self.teacher_young)
        self.assertStoredAsComputed(allowances)

    def test_insert_records_fills_defaults_and_computes_the_rest(self):
        """A row that leaves out a default (state) and a stored computed field (name): the default
        is stored and the ORM computes the field at the next flush."""
        Allowance = self.env["mentorship.allowance"].sudo()
        created = insert_records(
            Allowance,
            [{"company_id": self.company.id, "employee_id": self.teacher_old.id, "month": date(2024, 1, 1)}],
        )
        created.flush_recordset()
        self.env.invalidate_all()
        self.assertEqual(created.state, "draft")
        self.assertEqual(created.name, f"{self.teacher_old.name}, 01.2024")
        self.assertEqual(created.line_count, 0)
        self.assertEqual(created.create_uid, self.env.user)
        with self.assertRaises(ValueError):
            insert_records(Allowance, [{"company_id": self.company.id}, {"month": date(2024, 1, 1)}])

    def _snapshot(self, allowances):
        """What the accruals say, without their ids: per mentor, the totals and the lines."""
        return {
            allowance.employee_id.id: (
                allowance.name,
                allowance.amount_total,
                allowance.line_count,
                sorted(
                    (line.pair_id.id, line.amount, line.eligible_days, line.suspension_reason, leaves)
                    for line in allowance.line_ids
                    for leaves in [line.leave_ids.ids]
                ),
            )
            for allowance in allowances.sudo()
        }

    def test_chunks_give_what_one_chunk_gives(self):
        """The accruals are computed and written chunk by chunk (a thread writes one chunk while the
        next is computed): one accrual per chunk stores exactly what one chunk of all stores."""
        self._leave(self.teacher_young, date(2025, 10, 13), date(2025, 10, 15))
        self._leave(self.teacher_senior_2, date(2025, 10, 20))
        with patch("odoo.addons.mentorship_odoo.models.mentorship_allowance.STORE_CHUNK", 1):
            chunked = self.generate(OCT)
        self.assertEqual(len(chunked), 2)
        self.assertStoredAsComputed(chunked)
        expected = self._snapshot(chunked)
        self.assertTrue(any(leaves for *_r, lines in expected.values() for *_l, leaves in lines))
        whole = self.generate(OCT)  # the drafts are replaced, in one chunk
        self.assertFalse(chunked.exists())
        self.assertEqual(self._snapshot(whole), expected)

    def test_computing_steps_cannot_query_the_database(self):
        """The steps computed while earlier lines are being written must not use the cursor (the
        thread writing has it): a query there fails at once with an error that says so, nothing
        of the month is written, and the transaction goes on."""
        Calculator = type(self.env["mentorship.allowance.calculator"])
        original = Calculator._prepare_line_values

        def querying(calculator, data, pair, tally):
            calculator.env.cr.execute("SELECT 1")
            return original(calculator, data, pair, tally)

        with patch.object(Calculator, "_prepare_line_values", querying):
            with self.assertRaisesRegex(RuntimeError, "must not query the database"):
                self.generate(OCT)
        transaction = self.env.cr.transaction
        self.assertFalse([env for env in transaction.envs if isinstance(env.cr, NoQueryCursor)])
        self.assertFalse(self.env["mentorship.allowance"].sudo().search_count([("month", "=", OCT)]))
        self.assertEqual(len(self.generate(OCT)), 2)
