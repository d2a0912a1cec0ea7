import re
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError

from .common_documents import DocumentCase


class TestReportRender(DocumentCase):
    """Every template rendered to a real PDF by wkhtmltopdf and read back with pdftotext."""

    def test_order_target_model(self):
        pdf = self.render_pdf("mentorship_odoo.action_report_order_target_model", self.programme)
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "ГБПОУ «Кемеровский горнотехнический техникум»",
                "650000, Кемерово, ул. Ленина, д. 1",
                "ИНН 4205001234",
                "ПРИКАЗ",
                "О внедрении целевой модели наставничества и назначении куратора",
                "№ Р-145",
                "ПРИКАЗЫВАЮ:",
                "в период с «01» сентября 2025 г. по «31» августа 2026 г.",
                "Белова Наталья Викторовна, заместитель директора по учебно-воспитательной работе",
                "Контроль за исполнением настоящего приказа оставляю за собой",
                "Директор",
                "Ковалёв С.Н.",
                "С приказом ознакомлены:",
                "Белова Н.В.",
            ],
            text,
        )
        # Printed straight from the programme, outside the register: number and date are blanks.
        self.assertInText(["«___» ____________ 20___ г.", "№ __________"], text)

    def test_order_programme_with_road_map_appendix(self):
        pdf = self.render_pdf("mentorship_odoo.action_report_order_programme", self.programme)
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "Об утверждении программы наставничества и дорожной карты её реализации",
                "протокол от «28» августа 2025 г. № 1",
                "Утвердить программу наставничества «Программа наставничества 2025–2026»",
                "Приложение 2",
                "ДОРОЖНАЯ КАРТА",
                "Мероприятие",
                "Ответственные",
            ],
            text,
        )
        self.assertEqual(self.page_count(pdf), 2, "the road map is an appendix on its own page")
        if "mentorship.roadmap.item" not in self.env:
            self.assertInText(["Мероприятия дорожной карты вносятся куратором"], text)

    def test_road_map_table_rows(self):
        rows = [
            {
                "stage": "1. Подготовка условий для запуска программы",
                "number": "1.1",
                "activity": "Информирование педагогического сообщества о реализации программы",
                "result": "Педагоги проинформированы",
                "deadline": "сентябрь 2025",
                "responsible": "Белова Н.В.",
                "documents": "Протокол педсовета",
            },
            {
                "stage": "1. Подготовка условий для запуска программы",
                "number": "1.2",
                "activity": "Формирование базы наставляемых",
                "result": "База наставляемых",
                "deadline": "до 01.10.2025",
                "responsible": "Белова Н.В.",
                "documents": "База",
            },
            {
                "stage": "2. Формирование базы наставников",
                "number": "2.1",
                "activity": "Анкетирование наставников",
                "result": "Анкеты",
                "deadline": "октябрь 2025",
                "responsible": "Скоробогатов А.В.",
                "documents": "Анкеты",
            },
        ]
        report_class = type(self.env["report.mentorship_odoo.report_order_programme"])
        with patch.object(report_class, "_get_roadmap_rows", lambda report, programme: rows):
            pdf = self.render_pdf(
                "mentorship_odoo.action_report_order_programme", self.programme, name="road_map"
            )
        text = self.pdf_text(pdf)
        self.assertNotIn("Мероприятия дорожной карты вносятся", text)
        self.assertTrue(re.search(r"^\s*1\.1\s+Информирование", text, re.M), text)
        self.assertTrue(re.search(r"^\s*2\.1\s+Анкетирование наставников\s+Анкеты\s+октябрь", text, re.M))
        self.assertEqual(
            self.flat(text).count("1. Подготовка условий для запуска программы"), 1, "one row per stage"
        )
        self.assertInText(["2. Формирование базы наставников", "педсовета", "Скоробогатов"], text)

    def test_road_map_items_when_road_maps_are_installed(self):
        if "mentorship.roadmap.item" not in self.env:
            self.skipTest("road maps (mentorship.roadmap.item) are not installed")
        stage = self.env["mentorship.roadmap.stage"].create({"name": "Подготовка условий"})
        self.env["mentorship.roadmap.item"].create(
            {
                "programme_id": self.programme.id,
                "stage_id": stage.id,
                "name": "Информирование педагогов о программе",
                "deadline_kind": "by_date",
                "date_deadline": date(2025, 9, 30),
                "responsible_employee_ids": [(6, 0, self.curator_employee.ids)],
            }
        )
        text = self.pdf_text(self.render_pdf("mentorship_odoo.action_report_order_programme", self.programme))
        # The activity wraps inside its cell, so its words are checked line by line.
        self.assertInText(
            ["Подготовка условий", "Информирование", "педагогов", "программе", "Белова Н.В."], text
        )

    def test_order_pairs_table(self):
        pdf = self.render_pdf("mentorship_odoo.action_report_order_pairs", self.programme)
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "О назначении наставников и закреплении наставнических пар (групп)",
                "утверждённой приказом от «29» августа 2025 г. № 15-н",
                "статья 351.8 Трудового кодекса",
                "дополнительными соглашениями к трудовым договорам",
                "Куратору реализации программы наставничества (Белова Н.В.)",
                "Скоробогатов А.В.",
                "Морозов Д.А.",
                "Белова Н.В.",
            ],
            text,
        )
        # One row per pair, sorted by the mentor's name: number, mentor, mentee, form, period
        # (long names wrap inside their cells).
        row_1 = re.search(r"^\s*1\s+Морозов Денис\s.*Соколов Кирилл Дмитриевич.*с 01\.10\.2025", text, re.M)
        row_2 = re.search(r"^\s*2\s+Скоробогатов Андрей\s.*Петров Илья Сергеевич.*с 01\.10\.2025", text, re.M)
        self.assertTrue(row_1 and row_2, f"table rows not found:\n{text}")
        self.assertLess(row_1.start(), row_2.start())
        self.assertInText(["по 31.05.2026", "обучающийся группы ТМ-25", "Преподаватель информатики"], text)
        self.assertEqual(self.page_count(pdf), 1)

    def test_order_pairs_from_a_selection_of_pairs(self):
        pdf = self.render_pdf("mentorship_odoo.action_report_order_pairs_pairs", self.pair_t)
        text = self.pdf_text(pdf)
        self.assertTrue(re.search(r"^\s*1\s+Скоробогатов Андрей\s.*Петров Илья Сергеевич", text, re.M))
        self.assertNotIn("Морозов", text)
        self.assertEqual(self.page_count(pdf), 1)

    def test_supplementary_agreement(self):
        pdf = self.render_pdf("mentorship_odoo.action_report_agreement_employment", self.pair_t)
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ",
                "Экземпляр соглашения получил(а)",
                "к трудовому договору от «01» сентября 2015 г. № ТД-12",
                "действует директор Ковалёв Сергей Николаевич",
                "работник Скоробогатов Андрей Викторович",
                "статья 351.8 Трудового кодекса Российской Федерации",
                "Петров Илья Сергеевич, преподаватель информатики",
                "Содержание наставничества: помощь в подготовке рабочих программ и проведении открытых "
                "уроков.",
                "Срок наставничества: с «01» октября 2025 г. по «31» мая 2026 г.",
                "форма работы: индивидуальная, очные встречи не реже одного раза в неделю",
                "в размере 15 (пятнадцать) % должностного оклада",
                "составляет 6 000,00 (шесть тысяч) руб. 00 коп. в месяц",
                "досрочно отказаться от выполнения работы по наставничеству",
                "не позднее чем за три рабочих дня",
                "Ковалёв С.Н.",
                "Скоробогатов А.В.",
            ],
            text,
        )
        self.assertEqual(self.page_count(pdf), 1)

    def test_supplementary_agreement_states_the_policy_rate(self):
        """The agreement proposes the rate of the allowance policy that applies to the pair, the one
        the accruals use: the company's 20 %, then a programme's own 25 %; an archived one does not
        count."""
        Policy = self.env["mentorship.allowance.policy"]
        Policy.create({"company_id": self.company.id, "rate": 20.0})
        text = self.pdf_text(
            self.render_pdf(
                "mentorship_odoo.action_report_agreement_employment", self.pair_t, name="agreement_20"
            )
        )
        self.assertInText(
            [
                "в размере 20 (двадцать) % должностного оклада",
                "составляет 8 000,00 (восемь тысяч) руб. 00 коп.",
            ],
            text,
        )
        self.assertNotIn("15 (пятнадцать)", text)
        document = self.make_document("agreement_employment", self.pair_t)
        self.assertEqual((document.allowance_rate, document.allowance_amount), (20.0, 8000.0))

        programme_policy = Policy.create(
            {"company_id": self.company.id, "programme_id": self.programme.id, "rate": 25.0}
        )
        self.assertEqual(Policy._get_agreement_pay(self.pair_t), (25.0, 40000.0))
        programme_policy.active = False
        self.assertEqual(Policy._get_agreement_pay(self.pair_t), (20.0, 40000.0))
        # Another company's policy never applies.
        Policy.create({"company_id": self.company_b.id, "rate": 30.0})
        self.assertEqual(Policy._get_agreement_pay(self.pair_t), (20.0, 40000.0))

    def test_supplementary_agreement_needs_an_employee_mentor(self):
        with self.assertRaisesRegex(UserError, "not an employee"):
            self.render_pdf("mentorship_odoo.action_report_agreement_employment", self.pair_s)

    def test_supplementary_agreement_without_allowance(self):
        self.pair_t.duties_include_mentoring = True
        text = self.pdf_text(
            self.render_pdf(
                "mentorship_odoo.action_report_agreement_employment", self.pair_t, name="agreement_duties"
            )
        )
        self.assertInText(["Наставничество входит в должностные обязанности Работника"], text)
        self.assertNotIn("руб.", text)

    def test_agreement_with_legal_representative(self):
        pdf = self.render_pdf("mentorship_odoo.action_report_agreement_tripartite", self.pair_s)
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "СОГЛАШЕНИЕ",
                "о наставничестве",
                "наставник Морозов Денис Алексеевич, обучающийся группы ТМ-22",
                "наставляемый Соколов Кирилл Дмитриевич, обучающийся группы ТМ-25",
                "законные представители несовершеннолетних наставляемых: Соколова Елена Андреевна",
                "Срок наставничества: с «01» октября 2025 г. по «31» мая 2026 г.",
                "2.4. Законный представитель",
                "в четырёх экземплярах",
                "Законный представитель",
                "Соколова Е.А.",
                "Морозов Д.А.",
                "Соколов К.Д.",
                "Ковалёв С.Н.",
            ],
            text,
        )

    def test_agreement_of_adults_has_no_representative(self):
        text = self.pdf_text(
            self.render_pdf("mentorship_odoo.action_report_agreement_tripartite", self.pair_t)
        )
        self.assertNotIn("Законный представитель", text)
        self.assertInText(["в трёх экземплярах", "Скоробогатов А.В.", "Петров И.С."], text)

    def test_consent_of_legal_representative(self):
        consent = self.env["mentorship.consent"].search(
            [("partner_id", "=", self.student_minor.id), ("consent_type", "=", "personal_data")]
        )
        pdf = self.render_pdf("mentorship_odoo.action_report_consent_personal_data", consent)
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "СОГЛАСИЕ",
                "законного представителя на обработку персональных данных несовершеннолетнего",
                "Я, Соколова Елена Андреевна",
                "паспорт: серия и номер",
                "законный представитель Соколов Кирилл Дмитриевич, дата рождения 15.03.2009",
                "являясь законным представителем указанного несовершеннолетнего",
                "статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ",
                "оператору — ГБПОУ «Кемеровский горнотехнический техникум»",
                "Цель обработки",
                "Перечень персональных данных",
                "учебная группа",
                "Перечень действий с персональными данными",
                "Срок действия согласия",
                "Порядок отзыва",
                "«20» августа 2025 г.",
                "Соколова Е.А.",
            ],
            text,
        )
        self.assertEqual(self.page_count(pdf), 1)

    def test_consent_of_adult_from_participant(self):
        text = self.pdf_text(
            self.render_pdf("mentorship_odoo.action_report_consent_personal_data_participant", self.mentor_t)
        )
        self.assertInText(
            [
                "на обработку персональных данных",
                "Я, Скоробогатов Андрей Викторович",
                "«Программа наставничества 2025–2026»",
                "стаже педагогической работы",
                "оформление и оплата работы по наставничеству",
                "Скоробогатов А.В.",
            ],
            text,
        )
        self.assertNotIn("законного представителя", text)

    def test_consent_of_minor_from_participant_is_the_representative_s(self):
        text = self.pdf_text(
            self.render_pdf("mentorship_odoo.action_report_consent_personal_data_participant", self.mentee_s)
        )
        self.assertInText(["Я, Соколова Елена Андреевна", "Соколов Кирилл Дмитриевич"], text)

    def test_only_personal_data_consents_print_as_such(self):
        consent = self.env["mentorship.consent"].search(
            [("employee_id", "=", self.teacher_senior.id), ("consent_type", "=", "appointment")]
        )
        with self.assertRaisesRegex(UserError, "not a consent to personal-data processing"):
            self.render_pdf("mentorship_odoo.action_report_consent_personal_data", consent)

    def test_order_on_early_termination(self):
        self.pair_t._terminate("mentee", "переездом наставляемого в другой город.", date(2026, 1, 15))
        self.pair_s._terminate("mentor", "болезнью наставника", date(2026, 2, 2))
        pdf = self.render_pdf("mentorship_odoo.action_report_order_termination", self.pair_t | self.pair_s)
        self.assertEqual(self.page_count(pdf), 2, "one order per pair")
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "О досрочном прекращении наставничества",
                "В связи с переездом наставляемого в другой город, по инициативе наставляемого",
                "Прекратить досрочно с «15» января 2026 г.",
                f"№ {self.pair_t.name}",
                "на срок с «01» октября 2025 г. по «31» мая 2026 г.",
                "наставник — Скоробогатов Андрей Викторович, преподаватель математики",
                "Бухгалтерии прекратить выплату компенсационного характера за наставничество "
                "Скоробогатов А.В.",
                "по инициативе наставника",
                "Прекратить досрочно с «02» февраля 2026 г.",
                "уведомить законных представителей несовершеннолетних наставляемых",
                "Скоробогатов А.В.",
            ],
            text,
        )

    def test_order_on_early_termination_needs_a_terminated_pair(self):
        with self.assertRaisesRegex(UserError, "has not been terminated early"):
            self.render_pdf("mentorship_odoo.action_report_order_termination", self.pair_t)

    def test_order_of_encouragement_with_nomination(self):
        participants = self.mentor_t | self.mentor_s
        pdf = self.render_pdf(
            "mentorship_odoo.action_report_order_encouragement",
            None,
            data={"record_ids": participants.ids, "nomination": "победу в номинации «Наставник года»"},
            name="order_encouragement",
        )
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "О поощрении участников программы наставничества",
                "Объявить благодарность за победу в номинации «Наставник года» следующим участникам",
                "Скоробогатов Андрей Викторович",
                "Морозов Денис Алексеевич",
                "Специалисту по кадрам внести сведения о поощрении",
                "Скоробогатов А.В.",
            ],
            text,
        )
        self.assertTrue(
            re.search(
                r"^\s*1\s+Скоробогатов Андрей Викторович\s+Преподаватель математики\s+наставник", text, re.M
            )
        )

    def test_order_of_encouragement_of_pairs(self):
        text = self.pdf_text(
            self.render_pdf(
                "mentorship_odoo.action_report_order_encouragement_pairs", self.pair_t | self.pair_s
            )
        )
        self.assertInText(
            [
                "активное участие в наставнической деятельности",
                self.pair_s.name,
                "Соколов Кирилл Дмитриевич",
                "Петров Илья Сергеевич",
            ],
            text,
        )

    def test_letters_of_thanks_one_page_each(self):
        pdf = self.render_pdf(
            "mentorship_odoo.action_report_letter_thanks",
            self.mentor_t | self.mentor_s,
            data={"nomination": "высокие результаты наставнической деятельности"},
        )
        self.assertEqual(self.page_count(pdf), 2)
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "БЛАГОДАРСТВЕННОЕ ПИСЬМО",
                "Скоробогатов Андрей Викторович",
                "Преподаватель математики",
                "выражает благодарность за высокие результаты наставнической деятельности в рамках "
                "программы наставничества",
                "Морозов Денис Алексеевич",
                "Ковалёв С.Н.",
            ],
            text,
        )

    def test_certificate_for_a_pair(self):
        pdf = self.render_pdf("mentorship_odoo.action_report_certificate_pairs", self.pair_s)
        self.assertEqual(self.page_count(pdf), 1)
        self.assertInText(
            [
                "ПОЧЁТНАЯ ГРАМОТА",
                "награждается",
                "наставническая пара",
                "Морозов Денис Алексеевич",
                "Соколов Кирилл Дмитриевич",
            ],
            self.pdf_text(pdf),
        )

    def test_language_follows_company_documents_language(self):
        """Catalogue names print in the company's documents language, not the user's."""
        self.env["res.lang"]._activate_lang("ru_RU")
        self.form_tt.with_context(lang="ru_RU").name = "Педагог – педагог"
        self.assertEqual(self.env.user.lang, "en_US")
        self.company.mentorship_document_lang = "ru_RU"
        pdf = self.render_pdf(
            "mentorship_odoo.action_report_agreement_employment", self.pair_t, name="agreement_ru"
        )
        self.assertInText(["Форма наставничества: Педагог – педагог"], self.pdf_text(pdf))
        self.company.mentorship_document_lang = "en_US"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("mentorship_odoo.action_report_agreement_employment", self.pair_t.ids)[0]
            .decode()
        )
        self.assertIn("Teacher – Teacher", html)
