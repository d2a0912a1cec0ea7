from datetime import date

from odoo import Command
from odoo.exceptions import AccessError

from ..reports.mentorship_document_report import selection_label
from .common_documents import DocumentCase

REPORT = "mentorship_odoo.action_report_personalised_programme"


class TestReportPersonalisedProgramme(DocumentCase):
    """The printed personalised mentoring programme (seed 004 template): title page, general
    information from HR, explanatory note, activity table, self-diagnosis or goals per period,
    its place in the register and who may print it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.teacher_senior.write(
            {
                "teacher_education": "высшее, КемГУ, учитель математики",
                "teaching_start_date": date(2005, 9, 1),
                "qualification_category": "highest",
            }
        )
        cls.teacher_young.write(
            {
                "teacher_education": "высшее, КузГТУ, информатика",
                "teaching_start_date": date(2023, 9, 1),
                "qualification_category": "none",
            }
        )
        direction = cls.env.ref("mentorship_odoo.plan_direction_methodical")
        cls.plan_t = cls.env["mentorship.plan"].create(
            {
                "pair_id": cls.pair_t.id,
                "problem": "затруднения в разработке рабочих программ",
                "goal": "успешная адаптация молодого преподавателя",
                "task_text": "освоить требования ФГОС СПО",
                "content": "посещение уроков и взаимопосещение",
                "planned_results": "проведение открытого урока",
                "line_ids": [
                    Command.create(
                        {
                            "direction_id": direction.id,
                            "name": "Разработка рабочей программы дисциплины",
                            "date_deadline": date(2025, 10, 31),
                            "mentor_methods": "консультация, совместная разработка",
                            "expected_result": "утверждённая рабочая программа",
                        }
                    ),
                    Command.create(
                        {
                            "name": "Подготовка открытого урока",
                            "date_deadline": date(2026, 3, 15),
                            "mentor_methods": "анализ урока",
                            "expected_result": "открытый урок проведён",
                        }
                    ),
                ],
            }
        )
        cls.plan_s = cls.env["mentorship.plan"].create(
            {
                "pair_id": cls.pair_s.id,
                "goal_ids": [
                    Command.create(
                        {
                            "date_from": date(2025, 10, 1),
                            "date_to": date(2025, 12, 31),
                            "name": "Закрыть задолженности за первый семестр",
                            "tasks": "посещать консультации",
                        }
                    )
                ],
            }
        )

    def test_teacher_programme(self):
        text = self.pdf_text(self.render_pdf(REPORT, self.plan_t, name="plan_teacher"))
        self.assertInText(
            [
                "ГБПОУ «Кемеровский горнотехнический техникум»",
                "УТВЕРЖДАЮ",
                "Ковалёв С.Н.",
                "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА",
                "Наставник",
                "Скоробогатов Андрей Викторович",
                "Петров Илья Сергеевич, преподаватель информатики",
                "Срок реализации",
                "с «01» октября 2025 г. по «31» мая 2026 г.",
                "Кемерово",
                "Общие сведения",
                "Фамилия, имя, отчество",
                "высшее, КемГУ, учитель математики",
                "Педагогический стаж",
                "20 лет",
                "Квалификационная категория",
                "Пояснительная записка",
                "затруднения в разработке рабочих программ",
                "успешная адаптация молодого преподавателя",
                "Разработка рабочей",
                "31.10.2025",
                "консультация,",
                "утверждённая",
                "Подготовка",
                "15.03.2026",
                "Самодиагностика наставляемого",
                "Наставник",
                "Скоробогатов А.В.",
                "Петров И.С.",
                "Куратор программы наставничества",
                "Белова Н.В.",
            ],
            text,
        )
        flat = self.flat(text)
        lang = self.company._get_mentorship_document_lang()
        mentor_column = self.plan_t.member_ids.filtered(lambda m: m.role == "mentor").with_context(lang=lang)
        category = selection_label(mentor_column, "qualification_category")
        self.assertTrue(category)
        self.assertIn(category, flat)
        # The experience of the mentee (2 full years on the start of the programme).
        self.assertIn("2 года", flat)
        self.assertNotIn("Цели наставляемого по периодам", flat)

    def test_russian_labels_without_none(self):
        """The addon loads Russian on install (as `make test` installs it): catalogue names and
        selection labels print in Russian, and an empty category never prints as «None»."""
        self.assertTrue(self.env["res.lang"]._get_data(code="ru_RU"), "ru_RU is loaded on install")
        self.assertEqual(self.company._get_mentorship_document_lang(), "ru_RU")
        mentee_column = self.plan_t.member_ids.filtered(lambda member: member.role != "mentor")
        self.assertEqual(mentee_column.qualification_category, "none")
        flat = self.flat(self.pdf_text(self.render_pdf(REPORT, self.plan_t, name="plan_russian")))
        self.assertInText(
            [
                "Педагог – педагог (Индивидуальное)",
                # Narrow table columns wrap: one word of each label.
                "Методическая",
                "Запланирована",
                "Научно-теоретическая",
                "Квалификационная категория Без категории Высшая",
            ],
            flat,
        )
        mentee_column.qualification_category = False
        flat = self.flat(self.pdf_text(self.render_pdf(REPORT, self.plan_t, name="plan_russian_empty")))
        self.assertInText(["Квалификационная категория Высшая"], flat)
        for english in (
            "None",
            "Methodical Work",
            "Planned",
            "Scientific and Theoretical",
            "Teacher – Teacher",
        ):
            self.assertNotIn(english, flat)

    def test_student_programme_prints_goals_per_period(self):
        text = self.pdf_text(self.render_pdf(REPORT, self.plan_s, name="plan_student"))
        self.assertInText(
            [
                "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА",
                "Цели наставляемого по периодам",
                "01.10.2025 – 31.12.2025",
                "Закрыть задолженности",
                "посещать консультации",
            ],
            text,
        )
        self.assertNotIn("Самодиагностика", self.flat(text))

    def test_registered_in_the_register_with_a_number(self):
        document = self.make_document("personalised_programme", self.plan_t, date=date(2025, 10, 2))
        self.assertEqual(document.res_model, "mentorship.plan")
        self.assertEqual(document.plan_id, self.plan_t)
        self.assertEqual(document.pair_id, self.pair_t)
        self.assertEqual(document.programme_id, self.programme)
        second = self.make_document("personalised_programme", self.plan_s, date=date(2025, 10, 3))
        document.with_context(force_report_rendering=True).action_register()
        second.action_register()
        self.assertEqual((document.number, second.number), ("ПП-1", "ПП-2"))
        text = self.pdf_text(document.attachment_id.raw)
        self.assertInText(
            ["ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", "№ ПП-1", "«02» октября 2025 г."], text
        )
        # The mentee of the pair finds it in the register; another mentor does not.
        self.assertIn(document, self.env["mentorship.document"].with_user(self.user_mentee).search([]))
        self.assertNotIn(document, self.env["mentorship.document"].with_user(self.user_mentor_2).search([]))

    def test_mentor_mentee_and_curator_may_print(self):
        for user in (self.user_mentor, self.user_mentee, self.user_curator):
            with self.subTest(user=user.login):
                self.render_pdf(REPORT, self.plan_t, user=user)

    def test_others_are_refused(self):
        for user in (self.user_mentor_2, self.user_curator_b, self.user_plain):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.render_pdf(REPORT, self.plan_t, user=user)
