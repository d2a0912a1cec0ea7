"""The main screens of the Mentoring app read their rows set-based: opening a list or a kanban costs
the same number of SQL queries for 3 rows as for 30, and stays within the budget of a screen.

The screens are read the way the web client reads them: the fields of the view (``get_views``)
through ``web_search_read`` (list, kanban), ``web_read`` (form) and ``web_read_group`` (grouped
list, pivot, graph), as the curator of the company."""

from datetime import date, datetime, timedelta

from odoo.tests import tagged

from .common_work import MentorshipWorkCase

# Per screen, for a curator (issue: ≤ 30 queries a screen).
QUERY_BUDGET = 30


@tagged("post_install", "-at_install")
class TestScreenQueries(MentorshipWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"].with_company(cls.company)
        cls.extra_pairs = cls.env["mentorship.pair"]
        for number in range(1, 29):
            mentor = cls._participant(
                "mentor",
                Employee.create(
                    {
                        "name": f"Наставников{number} Иван Петрович",
                        "company_id": cls.company.id,
                        "teaching_start_date": date(2005, 9, 1),
                    }
                ),
                cls.form_tt,
            )
            mentee = cls._participant(
                "mentee",
                Employee.create(
                    {
                        "name": f"Наставляемов{number} Олег Ильич",
                        "company_id": cls.company.id,
                        "teaching_start_date": date(2024, 9, 1),
                    }
                ),
                cls.form_tt,
            )
            cls._consent("appointment", mentor.employee_id)
            pair = cls._pair(mentor, mentee, cls.form_tt, kind_id=cls.kind_individual.id)
            cls.extra_pairs |= pair
        cls.extra_pairs.action_activate()
        for index, pair in enumerate(cls.extra_pairs | cls.pair | cls.pair_2):
            start = datetime(2025, 10, 6, 12, 0) + timedelta(days=index)
            cls._meeting(pair, start, state="held", name=f"Встреча {index}")
            cls._meeting(pair, start + timedelta(days=14), name=f"Планирование {index}")
            cls._plan(pair, [(f"Мероприятие {index}", date(2025, 11, 30), {})])

    def _view_specification(self, model, view_type):
        """The specification the web client sends for a view: its fields, with display names of
        the related records."""
        views = self.env[model].get_views([(False, view_type)])
        fields = views["models"][model]["fields"]
        spec = {}
        for name, field in fields.items():
            if field["type"] in ("many2one", "many2many", "one2many") and view_type != "form":
                spec[name] = {"fields": {"display_name": {}}}
            elif field["type"] in ("one2many", "many2many"):
                # A form's x2many is read by its own sub-view; its ids are enough to count rows.
                spec[name] = {}
            elif field["type"] == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def _queries(self, function):
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        function()  # warm the ORM's caches of views and rules, as a second screen of a session
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        function()
        return self.cr.sql_log_count - before

    def _list_queries(self, model, domain, limit, view_type="list"):
        Model = self.env[model].with_user(self.user_curator)
        spec = self._view_specification(model, view_type)
        return self._queries(lambda: Model.web_search_read(domain, spec, limit=limit))

    def assertSetBased(self, model, domain, view_type="list"):
        # Both pages are full, so both also count the records (the pager) as the web client does.
        rows = self.env[model].with_user(self.user_curator).search_count(domain)
        self.assertGreater(rows, 25, f"{model}: the screen needs many rows to prove anything")
        few = self._list_queries(model, domain, 3, view_type)
        many = self._list_queries(model, domain, 25, view_type)
        self.assertEqual(few, many, f"{model} {view_type}: {few} queries for 3 rows, {many} for 25")
        self.assertLessEqual(many, QUERY_BUDGET, f"{model} {view_type}: {many} queries")

    def test_pair_list_and_kanban(self):
        self.assertSetBased("mentorship.pair", [])
        self.assertSetBased("mentorship.pair", [], "kanban")

    def test_participant_list(self):
        self.assertSetBased("mentorship.participant", [])

    def test_meeting_list_and_kanban(self):
        self.assertSetBased("mentorship.meeting", [])
        self.assertSetBased("mentorship.meeting", [], "kanban")

    def test_consent_list(self):
        self.assertSetBased("mentorship.consent", [])

    def test_plan_list(self):
        self.assertSetBased("mentorship.plan", [])

    def test_pair_form(self):
        """A pair's form costs the same for every pair, whatever the number of pairs."""
        Pair = self.env["mentorship.pair"].with_user(self.user_curator)
        spec = self._view_specification("mentorship.pair", "form")
        counts = {
            self._queries(lambda pair=pair: Pair.browse(pair.id).web_read(spec))
            for pair in (self.pair, self.extra_pairs[-1])
        }
        self.assertEqual(len(counts), 1, counts)
        self.assertLessEqual(counts.pop(), QUERY_BUDGET)

    def test_pair_grouped_views(self):
        """Pivot and graph (read_group by programme, form and health) cost the same for any size."""
        Pair = self.env["mentorship.pair"].with_user(self.user_curator)
        count = self._queries(lambda: Pair.web_read_group([], ["__count"], ["form_id", "health"], lazy=False))
        self.assertLessEqual(count, QUERY_BUDGET)
        self.env["mentorship.pair"].browse(self.extra_pairs[:10].ids).action_done()
        self.assertEqual(
            count,
            self._queries(lambda: Pair.web_read_group([], ["__count"], ["form_id", "health"], lazy=False)),
        )
