from datetime import date, datetime

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .monitoring_common import MonitoringCase

ON = date(2025, 12, 1)


class TestKpiCatalogue(MonitoringCase):
    def test_seed_000_indicators_and_targets(self):
        expected = {
            "kpi_children_mentees": ("students_mentees", (20, 40, 60)),
            "kpi_teen_mentors": ("students_mentors", (3, 5, 8)),
            "kpi_young_teachers": ("young_teachers_mentees", (5, 8, 10)),
            "kpi_enterprises": ("partner_organisations", (3, 8, 15)),
            "kpi_mentor_satisfaction": ("satisfied_mentors", (50, 60, 65)),
            "kpi_mentee_satisfaction": ("satisfied_mentees", (50, 60, 65)),
        }
        for xmlid, (code, targets) in expected.items():
            kpi = self.env.ref(f"mentorship_odoo.{xmlid}")
            self.assertEqual(kpi.compute_code, code)
            self.assertEqual(kpi.unit, "%")
            self.assertEqual(
                [(target.year, target.target_value) for target in kpi.target_ids],
                list(zip((2022, 2023, 2024), targets, strict=True)),
            )
        children = self.env.ref("mentorship_odoo.kpi_children_mentees")
        self.assertEqual((children.age_min, children.age_max), (10, 19))
        teens = self.env.ref("mentorship_odoo.kpi_teen_mentors")
        self.assertEqual((teens.age_min, teens.age_max), (15, 19))
        young = self.env.ref("mentorship_odoo.kpi_young_teachers")
        self.assertEqual((young.experience_min, young.experience_max), (0, 3))

    def test_one_target_per_year(self):
        kpi = self.env.ref("mentorship_odoo.kpi_teen_mentors")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["mentorship.kpi.target"].create({"kpi_id": kpi.id, "year": 2022, "target_value": 9})

    def test_computed_indicator_needs_a_computation(self):
        with self.assertRaises(ValidationError):
            self.env["mentorship.kpi"].create({"name": "X", "code": "X", "method": "computed"})
        with self.assertRaises(ValidationError):
            self.env["mentorship.kpi"].create(
                {"name": "Y", "code": "Y", "compute_code": "students_mentees", "age_min": 19, "age_max": 10}
            )

    def test_statuses(self):
        kpi = self.env.ref("mentorship_odoo.kpi_teen_mentors")
        self.assertEqual(kpi._get_status(8, 8), "met")
        self.assertEqual(kpi._get_status(7.2, 8), "close")  # within 10 % of the target
        self.assertEqual(kpi._get_status(7.19, 8), "behind")
        self.assertEqual(kpi._get_status(3, None), "no_target")
        kpi.higher_is_better = False
        self.assertEqual(kpi._get_status(8, 8), "met")
        self.assertEqual(kpi._get_status(8.8, 8), "close")
        self.assertEqual(kpi._get_status(9, 8), "behind")


class TestKpiComputation(MonitoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpis = {
            code: cls.env.ref(f"mentorship_odoo.kpi_{code}")
            for code in (
                "children_mentees",
                "teen_mentors",
                "young_teachers",
                "enterprises",
                "mentor_satisfaction",
                "mentee_satisfaction",
            )
        }
        # Students on 1 December 2025 (fixtures: student_minor is 16, student_adult 20).
        cls.s15 = cls._student("Аксёнов Илья", date(2010, 6, 1))
        cls.s10 = cls._student("Белова Анна", date(2015, 12, 1))  # 10 on that very day
        cls.s9 = cls._student("Васин Олег", date(2015, 12, 2))  # still 9
        cls.s19 = cls._student("Гусева Ольга", date(2005, 12, 2))  # still 19
        cls.s20 = cls._student("Деев Максим", date(2005, 12, 1))  # 20 that day
        cls._student("Ершова Лиза", date(2010, 1, 1), company_id=cls.company_b.id)  # other college
        cls._participant("mentee", cls.s15)
        cls._participant("mentee", cls.s19)
        cls._participant("mentee", cls.s9)
        cls._participant("mentee", cls.s10, approve=False)  # a candidate has not joined
        cls._participant("mentor", cls.student_minor)
        # Teachers: fixtures have 20, 15, 1 (mentee), 0 (mentee) and 10 years of experience.
        Employee = cls.env["hr.employee"]
        for name, start, company in (
            ("Жуков Пётр", date(2021, 12, 2), cls.company),  # 3 full years
            ("Зуева Инна", date(2021, 12, 1), cls.company),  # 4 full years
            ("Ильин Роман", date(2026, 1, 1), cls.company),  # not teaching yet
            ("Киселёва Ада", date(2024, 9, 1), cls.company_b),  # other college
        ):
            Employee.create({"name": name, "teaching_start_date": start, "company_id": company.id})
        # Partner organisations: the fixtures' employer supplies a mentor.
        Partner = cls.env["res.partner"]
        org_2 = Partner.create({"name": "АО «Разрез»", "is_company": True})
        Partner.create({"name": "Лебедев Юрий", "is_external_mentor": True, "parent_id": org_2.id})
        Partner.create({"name": "ООО «Без наставников»", "is_company": True})
        org_b = Partner.create({"name": "ООО «Чужое»", "is_company": True, "company_id": cls.company_b.id})
        Partner.create({"name": "Марков Лев", "is_external_mentor": True, "parent_id": org_b.id})
        cls._participant("mentor", cls.external_mentor)
        # Satisfaction questionnaires (1–10; satisfied from 7).
        cls._answer(cls.survey_satisfaction, cls.mentor, {cls.q_overall: 3}, when=datetime(2025, 11, 1, 9))
        cls._answer(cls.survey_satisfaction, cls.mentor, {cls.q_overall: 8}, when=datetime(2025, 11, 20, 9))
        cls._answer(cls.survey_satisfaction, cls.mentor_2, {cls.q_overall: 6}, when=datetime(2025, 11, 15, 9))
        cls._answer(cls.survey_satisfaction, cls.mentor_2, {cls.q_overall: 10}, done=False)
        cls._answer(cls.survey_satisfaction, cls.mentee, {cls.q_overall: 7}, when=datetime(2025, 11, 10, 9))
        cls._answer(cls.survey_satisfaction, cls.mentee_2, {cls.q_overall: 9}, when=datetime(2025, 11, 5, 9))
        cls._answer(cls.survey_satisfaction, cls.mentee_2, {cls.q_overall: 2}, when=datetime(2025, 12, 5, 9))

    def _actual(self, code, on_date=ON):
        kpi = self.kpis[code]
        return kpi._get_actuals(self.programme, on_date)[kpi]

    def assertActual(self, code, numerator, denominator, on_date=ON):
        actual = self._actual(code, on_date)
        self.assertEqual((actual["numerator"], actual["denominator"]), (numerator, denominator), code)
        self.assertAlmostEqual(actual["value"], 100.0 * numerator / denominator, places=6)

    def test_students_aged_10_to_19_who_are_mentees(self):
        # Aged 10–19: s15, s10, s19, student_minor (4); mentees among them: s15, s19.
        self.assertActual("children_mentees", 2, 4)

    def test_students_aged_15_to_19_who_are_mentors(self):
        # Aged 15–19: s15, s19, student_minor (3); mentor: student_minor.
        self.assertActual("teen_mentors", 1, 3)

    def test_teachers_with_up_to_3_years_who_are_mentees(self):
        # 0–3 years: the two young teachers and the one with exactly 3 years; two are mentees.
        self.assertActual("young_teachers", 2, 3)

    def test_partner_organisations_that_supply_mentors(self):
        # Organisations with external mentors: the employer and «Разрез»; the employer supplies one.
        self.assertActual("enterprises", 1, 2)

    def test_satisfied_mentors_and_mentees(self):
        # Latest answers by 1 December: mentors 8 and 6, mentees 7 and 9 (the later 2 does not count).
        self.assertActual("mentor_satisfaction", 1, 2)
        self.assertActual("mentee_satisfaction", 2, 2)
        self.assertActual("mentee_satisfaction", 1, 2, on_date=date(2025, 12, 10))
        self.kpis["mentee_satisfaction"].satisfaction_threshold = 8
        self.assertActual("mentee_satisfaction", 1, 2)

    def test_satisfaction_is_the_mean_of_overall_items(self):
        self.q_meetings.mentorship_satisfaction_item = True
        answer = self.mentor.survey_answer_ids.sorted("end_datetime")[-1]
        answer._save_lines(self.q_meetings, "5")  # (8 + 5) / 2 = 6.5 < 7
        self.assertActual("mentor_satisfaction", 0, 2)

    def test_no_respondents_gives_no_data(self):
        self.assertEqual(self._actual("mentor_satisfaction", date(2025, 10, 1))["denominator"], 0)
        values = self.programme._snapshot_kpis(date(2025, 10, 1))
        satisfaction = values.filtered(lambda v: v.kpi_id == self.kpis["mentor_satisfaction"])
        self.assertEqual((satisfaction.value, satisfaction.status), (0.0, "no_data"))

    def test_entered_denominators(self):
        kpi = self.kpis["children_mentees"]
        kpi.write({"denominator_source": "entered", "denominator_value": 100})
        self.assertActual("children_mentees", 2, 100)
        self.env["mentorship.kpi.target"].create(
            {"kpi_id": kpi.id, "year": 2025, "target_value": 3, "denominator_value": 40}
        )
        self.assertActual("children_mentees", 2, 40)
        kpi.denominator_value = 0
        with self.assertRaises(UserError):
            self._actual("children_mentees", date(2026, 1, 15))

    def test_snapshots_keep_the_history_and_flag_the_latest(self):
        Target = self.env["mentorship.kpi.target"]
        Target.create({"kpi_id": self.kpis["children_mentees"].id, "year": 2025, "target_value": 50})
        Target.create({"kpi_id": self.kpis["teen_mentors"].id, "year": 2025, "target_value": 35})
        Target.create({"kpi_id": self.kpis["young_teachers"].id, "year": 2025, "target_value": 80})
        first = self.programme._snapshot_kpis(date(2025, 11, 1))
        second = self.programme._snapshot_kpis(ON)
        self.assertEqual(len(first), 6)
        self.assertEqual(len(second), 6)
        self.assertFalse(any(first.mapped("is_latest")))
        self.assertTrue(all(second.mapped("is_latest")))
        by_kpi = {value.kpi_id: value for value in second}
        self.assertEqual(by_kpi[self.kpis["children_mentees"]].status, "met")  # 50 of 50
        self.assertEqual(by_kpi[self.kpis["teen_mentors"]].status, "close")  # 33.3 of 35
        self.assertEqual(by_kpi[self.kpis["young_teachers"]].status, "behind")  # 66.7 of 80
        self.assertEqual(by_kpi[self.kpis["enterprises"]].status, "no_target")
        self.assertEqual(by_kpi[self.kpis["young_teachers"]].target_value, 80)
        # A new year has its own latest value; deleting the latest gives the flag back.
        next_year = self.programme._snapshot_kpis(date(2026, 1, 15))
        self.assertTrue(all(second.mapped("is_latest")))
        self.assertTrue(all(next_year.mapped("is_latest")))
        second.unlink()
        self.assertTrue(all(first.mapped("is_latest")))
        # Targets changed later update the statuses of the stored values.
        self.kpis["enterprises"].target_ids = [Command.create({"year": 2025, "target_value": 40})]
        self.assertEqual(first.filtered(lambda value: value.kpi_id == self.kpis["enterprises"]).status, "met")

    def test_targets_against_actuals_by_year(self):
        self.kpis["children_mentees"].target_ids = [Command.create({"year": 2025, "target_value": 60})]
        self.programme._snapshot_kpis(date(2025, 10, 1))
        self.programme._snapshot_kpis(ON)
        rows = self.programme._get_kpi_rows(date(2025, 9, 1), date(2026, 8, 31))
        children = [row for row in rows if row["kpi"] == self.kpis["children_mentees"].name]
        self.assertEqual(
            [(row["year"], row["target"], round(row["actual"], 1), row["status"]) for row in children],
            [(2025, 60.0, 50.0, "behind")],
        )
        self.assertEqual(len(rows), 6)

    def test_manual_indicator(self):
        kpi = self.env["mentorship.kpi"].create(
            {
                "name": "Share of graduates employed by partner enterprises",
                "code": "GRADUATES_EMPLOYED",
                "method": "manual",
                "target_ids": [Command.create({"year": 2025, "target_value": 30})],
            }
        )
        self.assertNotIn(kpi, kpi._get_actuals(self.programme, ON))
        value = (
            self.env["mentorship.kpi.value"]
            .with_user(self.user_curator)
            .create({"kpi_id": kpi.id, "programme_id": self.programme.id, "date": ON, "value": 31.5})
        )
        self.assertEqual(
            (value.year, value.target_value, value.status, value.is_latest), (2025, 30, "met", True)
        )

    def test_the_cron_snapshots_running_programmes(self):
        self.env["mentorship.programme"]._cron_snapshot_kpis()
        self.assertEqual(len(self.programme.kpi_value_ids), 6)

    def test_access(self):
        values = self.programme._snapshot_kpis(ON)
        self.assertEqual(self.env["mentorship.kpi.value"].with_user(self.user_curator).search([]), values)
        self.assertFalse(self.env["mentorship.kpi.value"].with_user(self.user_curator_b).search([]))
        with self.assertRaises(AccessError):
            self.env["mentorship.kpi.value"].with_user(self.user_mentor).search([])
        with self.assertRaises(AccessError):
            self.kpis["teen_mentors"].with_user(self.user_curator).write({"age_max": 18})
        self.kpis["teen_mentors"].with_user(self.user_manager).write({"age_max": 18})
        action = self.programme.with_user(self.user_curator).action_snapshot_kpis()
        self.assertEqual(action["params"]["type"], "success")
