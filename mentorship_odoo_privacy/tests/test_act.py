from datetime import date

from odoo import Command

from .common import PrivacyCase


class TestAct(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.consent_pd_minor.action_withdraw()
        cls.pair_s._terminate(
            "organisation", "отзыв согласия на обработку персональных данных", date(2026, 1, 15)
        )
        cls.erasure = cls.env["mentorship.privacy.erasure"].create(
            {
                "company_id": cls.company.id,
                "reason": "withdrawal",
                "reason_note": "заявление законного представителя от 15.01.2026",
                "partner_ids": [Command.set(cls.student_minor.ids)],
                "commission_chair_id": cls.director.id,
                "commission_ids": [Command.set(cls.curator_employee.ids)],
            }
        )
        cls.erasure.with_user(cls.user_curator).action_erase()

    def test_act_prints_the_fields_of_order_179(self):
        pdf = self.render_pdf(
            "mentorship_odoo_privacy.action_report_privacy_act", self.erasure, user=self.user_curator
        )
        text = self.pdf_text(pdf)
        self.assertInText(
            [
                "АКТ",
                "об уничтожении персональных данных",
                # Operator and its details, in the body.
                "Оператор персональных данных: ГБПОУ «Кемеровский горнотехнический техникум»",
                "650000, Кемерово, ул. Ленина, д. 1",
                "ИНН 4205001234",
                "г. Кемерово",
                # Information system, reason, method, date.
                "Информационная система персональных данных: Odoo: наставничество (mentorship_odoo)",
                "отзыв субъектом персональных данных согласия на их обработку (часть 5 статьи 21",
                "заявление законного представителя от 15.01.2026",
                "Способ уничтожения: Удаление программными средствами",
                "Дата уничтожения: «15» января 2026 г.",
                # Subjects and the categories destroyed and kept.
                "С****** К*****",
                "обучающийся",
                "несовершеннолетний",
                "законный",
                "представитель",
                "дата рождения (обобщена до года)",
                "ответы на анкеты в свободной форме",
                "приказ Росархива от 20.12.2019 № 236",
                # The commission's signatures.
                "Председатель: Директор",
                "Ковалёв С.Н.",
                "Белова Н.В.",
                # The extract from the event log.
                "Приложение к акту об уничтожении персональных данных",
                "Выгрузка из журнала регистрации событий информационной системы",
                "Контакт обезличен",
                "Проверка: поиск privacy_lookup по прежним ФИО и адресам электронной почты нашёл 0 записей",
            ],
            text,
        )
        self.assertNotIn("Соколов", text)
        self.assertGreaterEqual(self.page_count(pdf), 2)

    def test_act_is_registered_in_the_document_register(self):
        self.erasure.with_user(self.user_curator).with_context(
            force_report_rendering=True
        ).action_register_act()
        document = self.erasure.document_id
        self.assertEqual(document.type_id, self.env.ref("mentorship_odoo_privacy.document_type_privacy_act"))
        self.assertEqual(document.category, "act")
        self.assertEqual(document.res_model, "mentorship.privacy.erasure")
        self.assertEqual(document.privacy_erasure_id, self.erasure)
        self.assertEqual(document.company_id, self.company)
        self.assertEqual(document.number, "АУ-1")
        self.assertEqual(document.state, "registered")
        self.assertTrue(document.attachment_id)
        pdf = self.render_pdf(
            "mentorship_odoo.action_report_mentorship_document", document, user=self.user_curator
        )
        self.assertInText(["АКТ", "№ АУ-1", "С****** К*****"], self.pdf_text(pdf))
        # Registering again opens the same act.
        self.assertEqual(
            self.erasure.with_user(self.user_curator).action_register_act()["res_id"], document.id
        )

    def test_a_draft_destruction_prints_no_act(self):
        draft = self.env["mentorship.privacy.erasure"].create(
            {"reason": "retention", "company_id": self.company.id}
        )
        with self.assertRaisesText(Exception, "destroy the data first"):
            self.env["ir.actions.report"].with_user(self.user_curator)._render_qweb_html(
                "mentorship_odoo_privacy.action_report_privacy_act", draft.ids
            )
