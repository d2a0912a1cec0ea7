from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import MentorshipCase


class RoadmapCase(MentorshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_prep = cls.env.ref("mentorship_odoo.roadmap_stage_preparation")
        cls.stage_work = cls.env.ref("mentorship_odoo.roadmap_stage_work")
        cls.stage_end = cls.env.ref("mentorship_odoo.roadmap_stage_completion")

    @classmethod
    def _programme(cls, start, end, name="Программа"):
        return cls.env["mentorship.programme"].create(
            {"name": name, "company_id": cls.company.id, "date_start": start, "date_end": end}
        )

    def _item(self, programme=None, **vals):
        return self.env["mentorship.roadmap.item"].create(
            {
                "programme_id": (programme or self.programme).id,
                "stage_id": self.stage_prep.id,
                "name": "Приказ о закреплении пар",
                "deadline_kind": "whole_period",
                **vals,
            }
        )

    def _generate(self, template_xmlid, programme, **vals):
        template = self.env.ref(template_xmlid)
        wizard = self.env["mentorship.roadmap.generate.wizard"].create(
            {"programme_id": programme.id, "template_id": template.id, **vals}
        )
        self.assertFalse(wizard.warning, "a programme of the template's own period fits it")
        wizard.action_generate()
        items = self.env["mentorship.roadmap.item"].search([("programme_id", "=", programme.id)])
        self.assertEqual(len(items), len(template.line_ids))
        return items

    def _by_name(self, items, name, number=None):
        found = items.filtered(lambda i: i.name.startswith(name) and (number is None or i.number == number))
        self.assertEqual(len(found), 1, name)
        return found


class TestRoadmapTemplates(RoadmapCase):
    def test_shipped_templates_reproduce_the_seeds(self):
        counts = {
            "mentorship_odoo.roadmap_template_000": 37,
            "mentorship_odoo.roadmap_template_001": 35,
            "mentorship_odoo.roadmap_template_002": 29,
            "mentorship_odoo.roadmap_template_003": 38,
        }
        for xmlid, count in counts.items():
            template = self.env.ref(xmlid)
            self.assertEqual(len(template.line_ids), count, xmlid)
            self.assertEqual(len(template.line_ids.stage_id), 7, f"{xmlid} covers the seven stages")

    def test_generate_from_seed_000_kemerovo_2022_2024(self):
        programme = self._programme(date(2022, 6, 1), date(2024, 6, 30))
        items = self._generate("mentorship_odoo.roadmap_template_000", programme)
        study = self._by_name(items, "Изучение нормативной базы")
        self.assertEqual((study.deadline_kind, study.date_deadline_computed), ("month", date(2022, 6, 30)))
        self.assertEqual(study.responsible_note, "Куратор, администрация")
        inform = self._by_name(items, "Информирование педагогического коллектива")
        self.assertEqual((inform.date_from, inform.date_to), (date(2022, 9, 1), date(2022, 10, 31)))
        regular = self._by_name(items, "Регулярные встречи")
        self.assertEqual((regular.date_from, regular.date_to), (date(2022, 11, 1), date(2023, 12, 31)))
        ceremony = self._by_name(items, "Проведение торжественного мероприятия")
        self.assertEqual((ceremony.date_from, ceremony.date_to), (date(2024, 1, 1), date(2024, 6, 30)))
        popular = self._by_name(items, "Популяризация")
        self.assertEqual(
            (popular.deadline_kind, popular.date_deadline_computed), ("whole_period", date(2024, 6, 30))
        )
        self.assertEqual(set(items.mapped("state")), {"planned"})

    def test_generate_from_seed_001_chita_2020(self):
        programme = self._programme(date(2020, 9, 1), date(2021, 8, 31))
        items = self._generate("mentorship_odoo.roadmap_template_001", programme)
        launch = self._by_name(items, "Подготовка условий", "1.")
        self.assertEqual((launch.deadline_kind, launch.date_deadline), ("by_date", date(2020, 10, 12)))
        self.assertEqual(launch.document_note, "Приказ о внедрении целевой модели наставничества")
        self.assertEqual(launch.responsible_note, "Спиридонова А.В.")
        self.assertEqual(self._by_name(items, "Нормативно-правовое").date_deadline, date(2020, 9, 1))
        courses = self._by_name(items, "Направление на обучение")
        self.assertEqual((courses.date_from, courses.date_to), (date(2020, 11, 1), date(2021, 5, 31)))
        round_table = self._by_name(items, "Внутрифирменное")
        self.assertEqual(round_table.date_deadline_computed, date(2021, 2, 28))
        yearly = self._by_name(items, "Формирование базы наставляемых", "2.")
        self.assertEqual((yearly.deadline_kind, yearly.date_deadline_computed), ("yearly", date(2021, 8, 31)))
        forms = self._by_name(items, "Выбор форм наставничества")
        self.assertEqual(forms.deadline_kind, "continuous")
        self.assertFalse(forms.date_deadline_computed)

    def test_generate_from_seed_002_school_6_plan(self):
        programme = self._programme(date(2021, 11, 1), date(2025, 8, 31))
        items = self._generate("mentorship_odoo.roadmap_template_002", programme)
        self.assertEqual(
            self._by_name(items, "Административное совещание").date_deadline_computed, date(2021, 11, 30)
        )
        self.assertEqual(
            self._by_name(items, "Заседание методического совета «О").date_deadline_computed,
            date(2022, 1, 31),
        )
        survey = self._by_name(items, "Проведение анкетирования среди педагогов")
        self.assertEqual((survey.deadline_kind, survey.date_deadline_computed), ("yearly", date(2022, 8, 31)))
        planning = self._by_name(items, "Проведение встречи планирования")
        self.assertEqual(planning.date_deadline_computed, date(2022, 11, 30))
        regular = self._by_name(items, "Регулярные встречи")
        self.assertEqual((regular.date_from, regular.date_to), (date(2022, 11, 1), date(2023, 4, 30)))
        ird = self._by_name(items, "Прохождение административной командой")
        self.assertEqual((ird.deadline_kind, ird.deadline_note), ("continuous", "согласно плану ИРО"))
        self.assertIn("согласно плану ИРО", ird.deadline_display)
        award = self._by_name(items, "Проведение мероприятия для подведения итогов")
        self.assertEqual(award.date_deadline_computed, date(2023, 5, 31))
        # A yearly item, once done, comes back for the next year while the programme runs.
        award.action_done()
        next_award = items.search(
            [("programme_id", "=", programme.id), ("name", "=", award.name), ("state", "=", "planned")]
        )
        self.assertEqual(next_award.date_deadline_computed, date(2024, 5, 31))
        next_award.action_done()
        last = items.search(
            [("programme_id", "=", programme.id), ("name", "=", award.name), ("state", "=", "planned")]
        )
        self.assertEqual(last.date_deadline_computed, date(2025, 5, 31))
        last.action_done()
        self.assertFalse(
            items.search(
                [("programme_id", "=", programme.id), ("name", "=", award.name), ("state", "=", "planned")]
            ),
            "May 2026 is after the programme",
        )

    def test_generate_from_seed_003_kaspiysk_2023_2024(self):
        programme = self._programme(date(2023, 9, 1), date(2024, 12, 31))
        items = self._generate("mentorship_odoo.roadmap_template_003", programme)
        self.assertEqual(
            self._by_name(items, "Проведение анкетирования среди обучающихся").date_deadline_computed,
            date(2024, 1, 31),
        )
        self.assertEqual(
            self._by_name(items, "Оценка участников-наставников").date_deadline_computed, date(2023, 9, 30)
        )
        self.assertEqual(self._by_name(items, "Проведение первой").date_deadline_computed, date(2023, 10, 31))
        regular = self._by_name(items, "Регулярные встречи")
        self.assertEqual((regular.date_from, regular.date_to), (date(2023, 12, 1), date(2024, 5, 31)))
        self.assertEqual(
            self._by_name(items, "Проведение мониторинга качества").date_deadline_computed, date(2024, 9, 30)
        )
        self.assertEqual(
            self._by_name(items, "Формирование долгосрочной").date_deadline_computed, date(2024, 12, 31)
        )
        stage_two = self._by_name(items, "Формирование базы наставляемых", "2")
        self.assertEqual((stage_two.date_from, stage_two.date_to), (date(2024, 1, 1), date(2024, 2, 29)))
        self.assertTrue(stage_two.key_result.startswith("Сформирована база наставляемых"))

    def test_short_programme_gets_a_warning_and_responsible_default_to_curators(self):
        employee = self.env["hr.employee"].create(
            {"name": "Куратор Анна", "company_id": self.company.id, "user_id": self.user_curator.id}
        )
        programme = self._programme(date(2022, 6, 1), date(2023, 5, 31))
        programme.curator_ids = self.user_curator
        wizard = self.env["mentorship.roadmap.generate.wizard"].create(
            {
                "programme_id": programme.id,
                "template_id": self.env.ref("mentorship_odoo.roadmap_template_000").id,
            }
        )
        self.assertIn("outside the programme's period", wizard.warning)
        self.assertEqual(wizard.responsible_employee_ids, employee)
        wizard.action_generate()
        self.assertEqual(programme.roadmap_item_ids.responsible_employee_ids, employee)
        self.assertEqual(programme.roadmap_item_count, 37)

    def test_generating_again_needs_replace_and_keeps_started_items(self):
        programme = self._programme(date(2020, 9, 1), date(2021, 8, 31))
        template = self.env.ref("mentorship_odoo.roadmap_template_001")
        self._generate("mentorship_odoo.roadmap_template_001", programme)
        started = programme.roadmap_item_ids[:2]
        started[0].action_start()
        started[1].action_done()
        with self.assertRaisesRegex(UserError, "Replace Planned Items"):
            template._generate_items(programme)
        template._generate_items(programme, replace=True)
        self.assertEqual(len(programme.roadmap_item_ids), len(template.line_ids) + 2)
        self.assertTrue(started.exists())


class TestRoadmapItems(RoadmapCase):
    def test_deadline_kinds(self):
        cases = [
            (
                {"deadline_kind": "exact", "date_deadline": date(2025, 10, 15)},
                date(2025, 10, 15),
                "10/15/2025",
            ),
            (
                {"deadline_kind": "by_date", "date_deadline": date(2025, 10, 1)},
                date(2025, 10, 1),
                "by 10/01/2025",
            ),
            (
                {"deadline_kind": "month", "deadline_month": "2", "deadline_year": 2026},
                date(2026, 2, 28),
                "February 2026",
            ),
            (
                {"deadline_kind": "range", "date_from": date(2025, 11, 1), "date_to": date(2026, 4, 30)},
                date(2026, 4, 30),
                "11/01/2025 – 04/30/2026",
            ),
            (
                {"deadline_kind": "yearly", "deadline_month": "5", "deadline_year": 2026},
                date(2026, 5, 31),
                "every year",
            ),
            ({"deadline_kind": "yearly", "deadline_year": 2026}, date(2026, 8, 31), "every year"),
            ({"deadline_kind": "continuous"}, False, "continuously"),
            ({"deadline_kind": "whole_period"}, date(2026, 8, 31), "whole period"),
        ]
        for vals, deadline, display in cases:
            item = self._item(**vals)
            self.assertEqual(item.date_deadline_computed, deadline, vals)
            self.assertIn(display, item.deadline_display, vals)

    def test_each_kind_needs_its_fields(self):
        for vals in (
            {"deadline_kind": "by_date"},
            {"deadline_kind": "month", "deadline_month": "2"},
            {"deadline_kind": "range", "date_from": date(2025, 11, 1)},
            {"deadline_kind": "range", "date_from": date(2025, 11, 1), "date_to": date(2025, 10, 1)},
            {"deadline_kind": "yearly", "deadline_month": "5"},
        ):
            with self.assertRaises(ValidationError, msg=str(vals)):
                self._item(**vals)

    def test_template_line_needs_its_months(self):
        template = self.env["mentorship.roadmap.template"].create({"name": "Своя"})
        with self.assertRaisesRegex(ValidationError, "choose the month"):
            self.env["mentorship.roadmap.template.line"].create(
                {
                    "template_id": template.id,
                    "stage_id": self.stage_prep.id,
                    "name": "X",
                    "deadline_kind": "range",
                    "month": "9",
                }
            )

    @freeze_time("2025-11-10")
    def test_overdue_is_computed_and_searchable(self):
        late = self._item(deadline_kind="by_date", date_deadline=date(2025, 11, 1))
        done = self._item(deadline_kind="by_date", date_deadline=date(2025, 11, 1))
        done.action_done()
        later = self._item(deadline_kind="month", deadline_month="12", deadline_year=2025)
        continuous = self._item(deadline_kind="continuous")
        self.assertTrue(late.is_overdue)
        self.assertFalse(done.is_overdue)
        self.assertEqual(done.date_done, date(2025, 11, 10))
        Item = self.env["mentorship.roadmap.item"]
        domain = [("programme_id", "=", self.programme.id)]
        self.assertEqual(Item.search(domain + [("is_overdue", "=", True)]), late)
        self.assertEqual(Item.search(domain + [("is_overdue", "=", False)]), done | later | continuous)
        self.assertEqual(self.programme.roadmap_overdue_count, 1)
        done.action_reset_planned()
        self.assertFalse(done.date_done)
        late.action_done()
        with self.assertRaisesRegex(UserError, "already done"):
            late.action_done()

    def test_programme_buttons(self):
        action = self.programme.action_open_roadmap()
        self.assertEqual(action["domain"], [("programme_id", "=", self.programme.id)])
        wizard_action = self.programme.action_open_roadmap_wizard()
        self.assertEqual(wizard_action["res_model"], "mentorship.roadmap.generate.wizard")


class TestRoadmapAccess(RoadmapCase):
    def test_responsible_mentor_sees_and_updates_own_items(self):
        own = self._item(responsible_employee_ids=[Command.set(self.teacher_senior.ids)])
        other = self._item(responsible_employee_ids=[Command.set(self.teacher_old.ids)])
        Item = self.env["mentorship.roadmap.item"].with_user(self.user_mentor)
        self.assertEqual(Item.search([]), own)
        own.with_user(self.user_mentor).action_done()
        with self.assertRaises(AccessError):
            other.with_user(self.user_mentor).read(["name"])
        with self.assertRaises(AccessError):
            Item.create({"programme_id": self.programme.id, "stage_id": self.stage_prep.id, "name": "X"})

    def test_curators_by_company_and_wizard_rights(self):
        item = self._item()
        self.assertEqual(self.env["mentorship.roadmap.item"].with_user(self.user_curator).search([]), item)
        self.assertFalse(self.env["mentorship.roadmap.item"].with_user(self.user_curator_b).search([]))
        with self.assertRaises(AccessError):
            item.with_user(self.user_curator_b).write({"state": "done"})
        with self.assertRaises(AccessError):
            self.env["mentorship.roadmap.generate.wizard"].with_user(self.user_mentor).create(
                {
                    "programme_id": self.programme.id,
                    "template_id": self.env.ref("mentorship_odoo.roadmap_template_003").id,
                }
            )
        wizard = (
            self.env["mentorship.roadmap.generate.wizard"]
            .with_user(self.user_curator)
            .create(
                {
                    "programme_id": self.programme.id,
                    "template_id": self.env.ref("mentorship_odoo.roadmap_template_003").id,
                }
            )
        )
        wizard.action_generate()
        self.assertEqual(len(self.programme.roadmap_item_ids), 39)
        with self.assertRaises(AccessError):
            self.stage_prep.with_user(self.user_curator).write({"name": "Подготовка"})
        self.stage_prep.with_user(self.user_manager).write({"name": "Preparation"})
