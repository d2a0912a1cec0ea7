"""The regional dashboard: a row per programme of each organisation whose sums by organisation are
the figures of the regional report, the indicators of every organisation side by side, under the
same access rules (a curator sees only their own organisation), at a cost in queries that does not
grow with the number of organisations.

The dates are pinned: pairs, meetings and indicator values on fixed days, and the deadlines of the
plan activities in 2001 (overdue) and 2999 (not yet), so that the overdue counts, which the view
takes against the database's current date, are the same on any day."""

from ast import literal_eval
from datetime import date, datetime

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common_work import MentorshipWorkCase

# Field of the dashboard → key of a row of the regional report (_collect).
REPORT_KEYS = {
    "running_programme_count": "programmes",
    "mentor_count": "mentors",
    "mentee_count": "mentees",
    "pair_active_count": "active",
    "pair_done_count": "done",
    "pair_terminated_count": "terminated",
    "pair_on_track_count": "on_track",
    "pair_attention_count": "needs_attention",
    "pair_at_risk_count": "at_risk",
    "meeting_held_count": "held",
    "meeting_missed_count": "missed",
    "activity_count": "lines",
    "activity_done_count": "lines_done",
    "activity_overdue_count": "lines_overdue",
}
OVERDUE, NOT_YET = date(2001, 1, 31), date(2999, 12, 31)


@tagged("post_install", "-at_install")
class TestRegionDashboard(MentorshipWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.both = cls.company | cls.company_b
        cls.programme_b = cls._running_programme(cls.company_b, "Программа колледжа Б")
        cls.pair_b = cls._active_pair(cls.programme_b, "Орлов Пётр Ильич", "Лебедева Анна Олеговна")
        # Organisation A: a second programme (approved, not started) with a candidate in its database,
        # so that the organisation's figures are the sum of two rows.
        cls.programme_a_next = cls.env["mentorship.programme"].create(
            {
                "name": "Программа наставничества 2026–2027",
                "company_id": cls.company.id,
                "date_start": date(2026, 9, 1),
                "date_end": date(2027, 8, 31),
                "form_ids": [Command.set(cls.form_tt.ids)],
                "order_number": "20-н",
                "order_date": date(2026, 8, 28),
            }
        )
        cls.programme_a_next.action_approve()
        cls._participant(
            "mentor", cls.teacher_old, cls.form_tt, approve=False, programme=cls.programme_a_next
        )
        cls._meeting(cls.pair, datetime(2025, 10, 6, 9), state="held")
        cls._meeting(cls.pair, datetime(2025, 10, 20, 9), state="missed")
        cls._meeting(cls.pair, datetime(2025, 11, 3, 9))  # planned: neither held nor missed
        cls._meeting(cls.pair_2, datetime(2025, 10, 7, 9), state="held")
        cls._meeting(cls.pair_b, datetime(2025, 10, 8, 9), state="held")
        cls._meeting(cls.pair_b, datetime(2025, 10, 22, 9), state="held")
        cls._plan(
            cls.pair,
            [
                ("Посетить уроки наставника", OVERDUE, {"state": "done"}),
                ("Открытый урок", OVERDUE, {}),
                ("Отчёт", NOT_YET, {}),
                ("Отменённое мероприятие", OVERDUE, {"state": "cancelled"}),
            ],
        )
        cls._plan(
            cls.pair_b,
            [
                ("Посетить уроки", OVERDUE, {"state": "done"}),
                ("Мастер-класс", NOT_YET, {"state": "done"}),
                ("Открытый урок", NOT_YET, {"state": "in_progress"}),
            ],
        )
        cls.pair_2.action_done()
        # Health as of a fixed day (it is computed against today): A's pair needs attention. Set
        # once every pending computation is done, so that none recomputes it against today.
        cls.env.flush_all()
        cls.pair.write({"health": "needs_attention", "health_rank": 2})
        cls.pair_b.write({"health": "on_track", "health_rank": 1})

    @classmethod
    def _running_programme(cls, company, name):
        programme = cls.env["mentorship.programme"].create(
            {
                "name": name,
                "company_id": company.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 8, 31),
                "form_ids": [Command.set(cls.form_tt.ids)],
                "order_number": "3-н",
                "order_date": date(2025, 8, 29),
            }
        )
        programme.action_approve()
        programme.action_start()
        return programme

    @classmethod
    def _active_pair(cls, programme, mentor_name, mentee_name):
        company = programme.company_id
        senior, young = (
            cls.env["hr.employee"]
            .with_company(company)
            .create(
                [
                    {"name": mentor_name, "company_id": company.id, "teaching_start_date": date(2001, 9, 1)},
                    {"name": mentee_name, "company_id": company.id, "teaching_start_date": date(2025, 9, 1)},
                ]
            )
        )
        mentor = cls._participant("mentor", senior, cls.form_tt, programme=programme)
        mentee = cls._participant("mentee", young, cls.form_tt, programme=programme)
        cls._consent("appointment", senior, company_id=company.id)
        pair = cls.env["mentorship.pair"].create(
            {
                "programme_id": programme.id,
                "form_id": cls.form_tt.id,
                "kind_id": cls.kind_individual.id,
                "mentor_id": mentor.id,
                "mentee_ids": [Command.set(mentee.ids)],
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        pair.action_activate()
        return pair

    def _dashboard(self, user, companies=None):
        companies = companies or user.company_id
        return (
            self.env["mentorship.region.dashboard"]
            .with_user(user)
            .with_context(allowed_company_ids=companies.ids)
        )

    def _by_company(self, dashboard, domain=()):
        aggregates = [f"{fname}:sum" for fname in REPORT_KEYS] + ["completion_rate:avg"]
        return {
            company: dict(zip([*REPORT_KEYS.values(), "completion"], values, strict=True))
            for company, *values in dashboard._read_group(list(domain), ["company_id"], aggregates)
        }

    def test_figures_are_those_of_the_regional_report(self):
        wizard = (
            self.env["mentorship.region.report.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "company_ids": [Command.set(self.both.ids)],
                    # The whole history: the dashboard counts every pair and meeting of a programme.
                    "date_from": date(2000, 1, 1),
                    "date_to": date(2999, 12, 31),
                }
            )
        )
        report = wizard._collect()
        dashboard = self._dashboard(self.user_manager, self.both)
        rows = self._by_company(dashboard)
        self.assertEqual(set(rows), set(self.both))
        for company, row in rows.items():
            expected = next(line for line in report["rows"] if line["company"] == company.name)
            for key, value in row.items():
                if key == "completion":
                    self.assertAlmostEqual(value, expected[key], places=1, msg=f"{company.name}: {key}")
                else:
                    self.assertEqual(value, expected[key], f"{company.name}: {key}")
        # The region: every row together, completion weighted by the activities of each.
        [totals] = dashboard._read_group(
            [], [], [f"{fname}:sum" for fname in REPORT_KEYS] + ["completion_rate:avg"]
        )
        region = dict(zip([*REPORT_KEYS.values(), "completion"], totals, strict=True))
        region["completion"] = round(region["completion"], 1)
        self.assertEqual(region, {key: value for key, value in report["totals"].items() if key != "company"})
        # The figures themselves, so that the comparison does not hold by both being empty.
        a, b = rows[self.company], rows[self.company_b]
        self.assertEqual((a["programmes"], a["mentors"], a["mentees"]), (1, 3, 2))
        self.assertEqual((a["active"], a["done"], b["active"]), (1, 1, 1))
        self.assertEqual((a["held"], a["missed"], b["held"], b["missed"]), (2, 1, 2, 0))
        self.assertEqual((a["lines"], a["lines_done"], a["lines_overdue"]), (3, 1, 1))
        self.assertEqual((b["lines"], b["lines_done"], b["lines_overdue"]), (3, 2, 0))
        self.assertEqual(a["on_track"] + a["needs_attention"] + a["at_risk"], a["active"])
        self.assertEqual(region["completion"], 50.0)  # 3 of 6 activities, whatever each row's share
        # One row per programme: organisation A has two.
        self.assertEqual(
            dashboard.search([("company_id", "=", self.company.id)]).programme_id,
            self.programme | self.programme_a_next,
        )
        self.assertEqual(
            dashboard.search(
                [("company_id", "=", self.company.id), ("programme_state", "=", "running")]
            ).mapped("running_programme_count"),
            [1],
        )

    def test_organisation_without_a_programme(self):
        """An organisation that has not started yet is a row of zeros beside the others (as in the
        regional report), with nothing to open, seen only by those who work in it; its row gives way
        to its programme's as soon as it has one."""
        company_c = self.env["res.company"].create({"name": "Колледж В"})
        self.user_manager.company_ids = [Command.link(company_c.id)]
        three = self.both | company_c
        dashboard = self._dashboard(self.user_manager, three)
        row = dashboard.search([("company_id", "=", company_c.id)])
        self.assertEqual(len(row), 1)
        self.assertFalse(row.programme_id)
        self.assertEqual(row.display_name, "Колледж В: no programme yet")
        self.assertEqual({fname: row[fname] for fname in REPORT_KEYS}, dict.fromkeys(REPORT_KEYS, 0))
        for action in (
            "action_open_programme_dashboard",
            "action_open_pairs",
            "action_open_overdue_activities",
        ):
            with self.assertRaisesRegex(UserError, "Колледж В has no mentoring programme yet"):
                getattr(row, action)()
        # The regional report of the three organisations has the same rows and totals.
        report = (
            self.env["mentorship.region.report.wizard"]
            .with_user(self.user_manager)
            .create(
                {
                    "company_ids": [Command.set(three.ids)],
                    "date_from": date(2000, 1, 1),
                    "date_to": date(2999, 12, 31),
                }
            )
            ._collect()
        )
        rows = self._by_company(dashboard)
        self.assertEqual(set(rows), set(three))
        self.assertEqual(
            [line["company"] for line in report["rows"]], sorted(company.name for company in three)
        )
        self.assertEqual(rows[company_c]["mentors"], 0)
        # Not seen by the curator of another organisation, nor outside the switcher's selection.
        self.assertFalse(self._dashboard(self.user_curator).search([("company_id", "=", company_c.id)]))
        self.assertFalse(self._dashboard(self.user_manager, self.both).search([("programme_id", "=", False)]))
        # Its first programme replaces the row of zeros.
        programme_c = self._running_programme(company_c, "Программа колледжа В")
        self.env.flush_all()
        self.assertEqual(dashboard.search([("company_id", "=", company_c.id)]).programme_id, programme_c)

    def test_curator_sees_only_their_organisation(self):
        dashboard = self._dashboard(self.user_curator)
        rows = dashboard.search([])
        self.assertEqual(rows.company_id, self.company)
        self.assertEqual(set(self._by_company(dashboard)), {self.company})
        self.assertFalse(dashboard.search([("company_id", "=", self.company_b.id)]))
        # Organisation B's row exists, but a curator of A can neither read it nor open it.
        row_b = self._dashboard(self.user_manager, self.both).search([("company_id", "=", self.company_b.id)])
        self.assertEqual(row_b.programme_id, self.programme_b)
        with self.assertRaises(AccessError):
            dashboard.browse(row_b.id).read(["pair_active_count"])
        with self.assertRaises(AccessError):
            dashboard.browse(row_b.id).action_open_pairs()
        # Nor by choosing B in the company switcher.
        with self.assertRaises(AccessError):
            self.env["mentorship.region.dashboard"].with_user(self.user_curator).with_context(
                allowed_company_ids=self.both.ids
            ).search([])
        # Read only, and only for curators and managers.
        with self.assertRaises(AccessError):
            rows.write({"pair_active_count": 0})
        with self.assertRaises(AccessError):
            self._dashboard(self.user_mentor).search([])
        self.assertEqual(self._dashboard(self.user_curator_b).search([]).company_id, self.company_b)

    def test_manager_sees_every_organisation_they_work_in(self):
        self.assertEqual(self._dashboard(self.user_manager, self.both).search([]).company_id, self.both)
        # Only the organisations selected in the switcher…
        self.assertEqual(self._dashboard(self.user_manager, self.company).search([]).company_id, self.company)
        # …among those they work in.
        manager_a = new_test_user(
            self.env,
            login="t_manager_a",
            groups="mentorship_odoo.group_mentorship_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertEqual(self._dashboard(manager_a).search([]).company_id, self.company)
        self.assertFalse(self._dashboard(manager_a).search([("company_id", "=", self.company_b.id)]))

    def test_drill_down(self):
        dashboard = self._dashboard(self.user_manager, self.both)
        row = dashboard.browse(self.programme.id)
        env = dashboard.env

        def records(action):
            return env[action["res_model"]].search(action["domain"])

        action = row.action_open_programme_dashboard()
        self.assertEqual((action["res_model"], action["res_id"]), ("mentorship.programme", self.programme.id))
        self.assertEqual(
            action["views"],
            [(self.env.ref("mentorship_odoo.mentorship_programme_view_form_dashboard").id, "form")],
        )
        self.assertEqual(records(row.action_open_pairs()), self.pair | self.pair_2)
        self.assertEqual(len(records(row.action_open_meetings())), 4)
        self.assertEqual(records(row.action_open_overdue_activities()).mapped("name"), ["Открытый урок"])
        self.assertEqual(records(row.action_open_attention_pairs()), self.pair)
        self.assertEqual(records(dashboard.browse(self.programme_b.id).action_open_pairs()), self.pair_b)

    def test_needs_attention_filter(self):
        arch = etree.fromstring(self.env.ref("mentorship_odoo.mentorship_region_dashboard_view_search").arch)
        domain = literal_eval(arch.xpath("//filter[@name='needs_attention']")[0].get("domain"))
        dashboard = self._dashboard(self.user_manager, self.both)
        self.assertEqual(dashboard.search(domain).programme_id, self.programme)
        row = dashboard.browse(self.programme.id)
        health = (row.pair_on_track_count, row.pair_attention_count, row.pair_at_risk_count)
        self.assertEqual(health, (0, 1, 0))
        self.assertEqual(dashboard.browse(self.programme_b.id).pair_on_track_count, 1)

    def test_views_and_menu(self):
        Dashboard = self._dashboard(self.user_curator)
        views = Dashboard.get_views(
            [(False, "list"), (False, "form"), (False, "pivot"), (False, "graph"), (False, "search")]
        )
        self.assertEqual(set(views["views"]), {"list", "form", "pivot", "graph", "search"})
        action = self.env.ref("mentorship_odoo.mentorship_kpi_value_action_region")
        KpiValue = self.env["mentorship.kpi.value"].with_user(self.user_curator)
        for view in action.view_ids:
            KpiValue.get_views([(view.view_id.id, view.view_mode)])
        menus = ("mentorship_region_dashboard_organisation_menu", "mentorship_region_dashboard_kpi_menu")
        for user, visible in (
            (self.user_curator, True),
            (self.user_manager, True),
            (self.user_mentor, False),
        ):
            visible_ids = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for menu in menus:
                self.assertEqual(
                    self.env.ref(f"mentorship_odoo.{menu}").id in visible_ids, visible, (user.login, menu)
                )
        self.assertEqual(
            self.env.ref("mentorship_odoo.mentorship_region_dashboard_menu").name, "Regional Dashboard"
        )

    def test_indicators_by_organisation(self):
        """The most recent value of each indicator and programme, whatever its year: a programme
        that spans two calendar years has a «latest of the year» in each."""
        kpi = self.env.ref("mentorship_odoo.kpi_young_teachers")
        Value = self.env["mentorship.kpi.value"]
        old_a, new_a, value_b = Value.create(
            [
                {
                    "kpi_id": kpi.id,
                    "programme_id": self.programme.id,
                    "date": date(2025, 12, 1),
                    "value": 4.0,
                },
                {"kpi_id": kpi.id, "programme_id": self.programme.id, "date": date(2026, 3, 2), "value": 6.0},
                {
                    "kpi_id": kpi.id,
                    "programme_id": self.programme_b.id,
                    "date": date(2026, 2, 2),
                    "value": 9.0,
                },
            ]
        )
        self.assertTrue(old_a.is_latest and new_a.is_latest)
        self.assertEqual((old_a.is_current, new_a.is_current, value_b.is_current), (False, True, True))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mentorship_odoo.mentorship_kpi_value_action_region"
        )
        self.assertIn("search_default_current", action["context"])
        Manager = Value.with_user(self.user_manager).with_context(allowed_company_ids=self.both.ids)
        pivot = Manager._read_group(
            [("is_current", "=", True), ("programme_id.state", "=", "running")],
            ["company_id", "kpi_id"],
            ["value:avg", "target_value:avg"],
        )
        self.assertEqual(
            {(company, indicator): value for company, indicator, value, _target in pivot},
            {(self.company, kpi): 6.0, (self.company_b, kpi): 9.0},
        )
        self.assertEqual(Manager.search([("is_current", "=", False)]), old_a)
        curator = Value.with_user(self.user_curator).with_context(allowed_company_ids=self.company.ids)
        self.assertEqual(curator.search([("is_current", "=", True)]), new_a)
        self.assertEqual(
            curator.browse(new_a.id).action_open_programme_dashboard()["res_id"], self.programme.id
        )

    def test_cost_does_not_grow_with_organisations(self):
        """The list (with its pager), the pivot by organisation and the sums by parent organisation
        cost the same number of queries for 2 organisations of a region as for 5."""
        region = self.env["res.company"].create({"name": "Региональный центр наставничества"})

        def colleges(numbers):
            companies = self.env["res.company"].create(
                [{"name": f"Колледж № {number}", "parent_id": region.id} for number in numbers]
            )
            for number, company in zip(numbers, companies, strict=True):
                self._active_pair(
                    self._running_programme(company, f"Программа колледжа № {number}"),
                    f"Наставников{number} Иван Петрович",
                    f"Наставляемов{number} Олег Ильич",
                )
            self.user_manager.company_ids = [Command.link(company.id) for company in companies]
            return companies

        Dashboard = self.env["mentorship.region.dashboard"].with_user(self.user_manager)
        views = Dashboard.get_views([(False, "list")])
        spec = {
            name: {"fields": {"display_name": {}}} if field["type"] == "many2one" else {}
            for name, field in views["models"][Dashboard._name]["fields"].items()
        }
        aggregates = [f"{fname}:sum" for fname in REPORT_KEYS] + ["completion_rate:avg"]

        def screens(companies):
            dashboard = Dashboard.with_context(allowed_company_ids=companies.ids)
            rows = dashboard.web_search_read([], spec, limit=80, count_limit=10001)
            dashboard.web_read_group([], aggregates, ["company_id"], lazy=False)
            dashboard.web_read_group([], aggregates, ["parent_company_id", "company_id"], lazy=True)
            return rows["length"]

        def queries(companies):
            self.env.invalidate_all()
            self.assertEqual(screens(companies), len(companies))  # warm the caches of views and rules
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            screens(companies)
            return self.cr.sql_log_count - before

        few = colleges([1, 2])
        few_queries = queries(few)
        many = few | colleges([3, 4, 5])
        self.assertEqual(few_queries, queries(many))
        by_parent = Dashboard.with_context(allowed_company_ids=(many | self.company).ids)._read_group(
            [], ["parent_company_id"], ["pair_active_count:sum"]
        )
        self.assertEqual(set(by_parent), {(region, 5), (self.env["res.company"], 1)})
