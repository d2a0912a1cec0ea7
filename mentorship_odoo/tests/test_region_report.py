"""The regional roll-up: a row per organisation and the region's totals, for the managers of the
organisations they work in, at a cost that does not grow with the number of organisations."""

import base64
import io
from datetime import date, datetime

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_work import MentorshipWorkCase


@tagged("post_install", "-at_install")
class TestRegionReport(MentorshipWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_company(cls.company_b)
        senior, young = Employee.create(
            [
                {
                    "name": "Орлов Пётр Ильич",
                    "company_id": cls.company_b.id,
                    "teaching_start_date": date(2001, 9, 1),
                },
                {
                    "name": "Лебедева Анна Олеговна",
                    "company_id": cls.company_b.id,
                    "teaching_start_date": date(2025, 9, 1),
                },
            ]
        )
        cls.programme_b = cls.env["mentorship.programme"].create(
            {
                "name": "Программа колледжа Б",
                "company_id": cls.company_b.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 8, 31),
                "form_ids": [Command.set(cls.form_tt.ids)],
                "order_number": "3-н",
                "order_date": date(2025, 8, 29),
            }
        )
        cls.programme_b.action_approve()
        cls.programme_b.action_start()
        mentor = cls._participant("mentor", senior, cls.form_tt, programme=cls.programme_b)
        mentee = cls._participant("mentee", young, cls.form_tt, programme=cls.programme_b)
        cls._consent("appointment", senior, company_id=cls.company_b.id)
        cls.pair_b = cls.env["mentorship.pair"].create(
            {
                "programme_id": cls.programme_b.id,
                "form_id": cls.form_tt.id,
                "kind_id": cls.kind_individual.id,
                "mentor_id": mentor.id,
                "mentee_ids": [Command.set(mentee.ids)],
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        cls.pair_b.action_activate()
        cls._meeting(cls.pair, datetime(2025, 10, 6, 9), state="held")
        cls._meeting(cls.pair, datetime(2025, 10, 20, 9), state="missed")
        cls._meeting(cls.pair_2, datetime(2025, 10, 7, 9), state="held")
        cls._meeting(cls.pair_b, datetime(2025, 10, 8, 9), state="held")
        cls._meeting(cls.pair_b, datetime(2024, 10, 8, 9), state="held")  # before the period
        cls._plan(
            cls.pair_b,
            [
                ("Посетить уроки", date(2025, 10, 31), {"state": "done"}),
                ("Открытый урок", date(2025, 11, 30), {}),
            ],
        )

    def _wizard(self, user, **vals):
        return (
            self.env["mentorship.region.report.wizard"]
            .with_user(user)
            .create({"date_from": date(2025, 9, 1), "date_to": date(2026, 8, 31), **vals})
        )

    def test_rows_per_organisation_and_totals(self):
        wizard = self._wizard(
            self.user_manager, company_ids=[Command.set((self.company | self.company_b).ids)]
        )
        wizard.action_export_xlsx()
        sheet = load_workbook(io.BytesIO(base64.b64decode(wizard.xlsx_file)))["Organisations"]
        rows = {
            row[0]: dict(zip([cell.value for cell in sheet[1]], row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(set(rows), {"Колледж А", "Колледж Б", "Region"})
        a, b, region = rows["Колледж А"], rows["Колледж Б"], rows["Region"]
        self.assertEqual((a["Active Pairs"], b["Active Pairs"], region["Active Pairs"]), (2, 1, 3))
        self.assertEqual((a["Mentors"], a["Mentees"], b["Mentors"], b["Mentees"]), (2, 2, 1, 1))
        self.assertEqual((a["Meetings Held"], a["Meetings Missed"], b["Meetings Held"]), (2, 1, 1))
        self.assertEqual(region["Meetings Held"], 3)
        self.assertEqual((b["Plan Activities"], b["Activities Done"], b["Completion (%)"]), (2, 1, 50.0))
        self.assertEqual(region["Running Programmes"], 2)
        self.assertEqual(
            a["On Track"] + a["Needs Attention"] + a["At Risk"],
            a["Active Pairs"],
            "every active pair has a health",
        )

    def test_cost_does_not_grow_with_organisations(self):
        companies = self.company | self.company_b
        self.user_manager.company_ids = [Command.set(companies.ids)]

        def queries(wizard):
            wizard.invalidate_recordset()
            before = self.cr.sql_log_count
            wizard._collect()
            return self.cr.sql_log_count - before

        few = self._wizard(self.user_manager, company_ids=[Command.set(companies.ids)])
        queries(few)  # warm the caches
        more_companies = self.env["res.company"].create([{"name": f"Колледж {n}"} for n in range(5)])
        self.user_manager.company_ids = [Command.link(company.id) for company in more_companies]
        many = self._wizard(self.user_manager, company_ids=[Command.set((companies | more_companies).ids)])
        queries(many)
        queries(few)  # the first read after new companies fills the caches again
        self.assertEqual(queries(few), queries(many))
        self.assertEqual(len(many._collect()["rows"]), 7)

    def test_access(self):
        with self.assertRaises(AccessError):
            self._wizard(self.user_curator)
        # A manager of one organisation cannot report on another one.
        manager_a = new_test_user(
            self.env,
            login="t_manager_a",
            groups="mentorship_odoo.group_mentorship_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        wizard = self._wizard(manager_a, company_ids=[Command.set(self.company_b.ids)])
        with self.assertRaisesText(UserError, "You do not work in Колледж Б"):
            wizard._collect()
        report = self._wizard(manager_a)._collect()
        self.assertEqual([row["company"] for row in report["rows"]], ["Колледж А"])

    def test_reversed_period(self):
        wizard = self._wizard(self.user_manager, date_from=date(2026, 1, 1), date_to=date(2025, 1, 1))
        with self.assertRaisesText(UserError, "ends before it starts"):
            wizard.action_export_xlsx()
