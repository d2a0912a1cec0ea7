import base64
from datetime import date, datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.tools import SQL

from .common import PrivacyCase

# Tables outside our addons where a participant's name or e-mail could remain.
OTHER_COLUMNS = [
    ("res_partner", "name"),
    ("res_partner", "email"),
    ("res_partner", "complete_name"),
    ("res_users", "login"),
    ("mail_message", "body"),
    ("mail_message", "subject"),
    ("mail_message", "record_name"),
    ("mail_tracking_value", "old_value_char"),
    ("mail_tracking_value", "new_value_char"),
    ("mail_activity", "summary"),
    ("mail_activity", "note"),
    ("calendar_event", "name"),
    ("survey_user_input", "email"),
    ("survey_user_input_line", "value_char_box"),
    ("survey_user_input_line", "value_text_box"),
    ("ir_attachment", "name"),
    ("privacy_log", "anonymized_name"),
]


class TestErasure(PrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.name_minor = cls.student_minor.name
        cls.mentee_s.request = "Трудности с адаптацией в группе, боится выступать"
        cls.mentee_s.message_post(body=f"Беседа с {cls.name_minor} о выборе профессии")
        cls.pair_s.message_post(body=f"{cls.name_minor} пропустил встречу по болезни")
        cls.env["ir.attachment"].create(
            {
                "name": "Характеристика.pdf",
                "raw": b"%PDF-1.4 characteristic",
                "res_model": "mentorship.participant",
                "res_id": cls.mentee_s.id,
            }
        )
        cls.consent_pd_minor.write(
            {"document": base64.b64encode(b"scan of the consent"), "document_name": "согласие.pdf"}
        )
        cls.meeting = cls.env["mentorship.meeting"].create(
            {
                "pair_id": cls.pair_s.id,
                "name": f"Встреча: {cls.name_minor}",
                "start": datetime(2026, 1, 12, 12, 0),
                "mentee_feedback": "Было полезно, хочу чаще",
            }
        )
        # Questionnaires: scores for the before/after statistics and a free-text answer.
        measured = cls.survey_baseline.question_ids.filtered("mentorship_measured")[:3]
        final_measured = cls.survey_final.question_ids.filtered(
            lambda q: q.mentorship_measure_code in measured.mapped("mentorship_measure_code")
        )
        text_question = cls.survey_satisfaction.question_ids.filtered(
            lambda q: q.question_type == "text_box"
        )[:1]
        cls._answer(
            cls.survey_baseline, cls.mentee_s, dict.fromkeys(measured, 2), cls.pair_s, datetime(2025, 10, 5)
        )
        cls._answer(cls.survey_final, cls.mentee_s, dict.fromkeys(final_measured, 4), cls.pair_s)
        cls._answer(
            cls.survey_baseline, cls.mentee_t, dict.fromkeys(measured, 3), cls.pair_t, datetime(2025, 10, 5)
        )
        cls._answer(cls.survey_final, cls.mentee_t, dict.fromkeys(final_measured, 5), cls.pair_t)
        cls._answer(
            cls.survey_satisfaction,
            cls.mentee_s,
            {text_question: "Мой наставник Морозов, пишите kirill.sokolov@example.com"},
            cls.pair_s,
        )
        cls.allowance = cls.env["mentorship.allowance"]._generate(cls.company, date(2025, 12, 1))

    def _totals(self):
        on_date = date(2026, 1, 15)
        kpis = self.env["mentorship.kpi"].search([("method", "=", "computed")])
        actuals = kpis._get_actuals(self.programme, on_date)
        results = (
            self.env["mentorship.measure.result"].sudo().search([("programme_id", "=", self.programme.id)])
        )
        allowances = self.env["mentorship.allowance"].sudo().search([("company_id", "=", self.company.id)])
        return {
            "kpi": {kpi.code: (v["numerator"], v["denominator"]) for kpi, v in actuals.items()},
            "measures": (
                len(results),
                round(sum(results.mapped("baseline_value")), 6),
                round(sum(results.mapped("final_value")), 6),
            ),
            "allowance": (round(sum(allowances.mapped("amount_total")), 2), len(allowances.line_ids)),
        }

    def _erase(self, partners=None, employees=None, user=None):
        wizard = (
            self.env["mentorship.privacy.erase.wizard"]
            .with_user(user or self.user_curator)
            .create(
                {
                    "partner_ids": [Command.set((self.student_minor if partners is None else partners).ids)],
                    "employee_ids": [Command.set(employees.ids if employees else [])],
                    "reason": "withdrawal",
                    "commission_chair_id": self.director.id,
                    "commission_ids": [Command.set(self.curator_employee.ids)],
                }
            )
        )
        action = wizard.action_erase()
        return self.env["mentorship.privacy.erasure"].browse(action["res_id"])

    def assertNoTrace(self, needle):
        """The text is in no text column of our addons' tables nor where Odoo keeps messages,
        contacts, answers and files."""
        self.env.flush_all()
        columns = list(OTHER_COLUMNS)
        for model_name in self.env.registry:
            model = self.env[model_name]
            if not model_name.startswith("mentorship.") or model._abstract or not model._auto:
                continue
            columns += [
                (model._table, field.name)
                for field in model._fields.values()
                if field.store
                and field.column_type
                and field.type in ("char", "text", "html")
                and not field.translate
            ]
        hits = []
        for table, column in columns:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE %s::text ILIKE %s",
                    SQL.identifier(table),
                    SQL.identifier(column),
                    f"%{needle}%",
                )
            )
            hits += [f"{table}.{column} #{row[0]}" for row in self.env.cr.fetchall()]
        self.assertFalse(hits, f"«{needle}» is still in: {hits}")

    def test_an_active_participant_cannot_be_erased(self):
        self.consent_pd_minor.action_withdraw()
        with self.assertRaisesText(
            UserError, "Соколов Кирилл Дмитриевич is still in an active pair: end or terminate"
        ):
            self._erase()

    def test_erasure_leaves_no_trace_and_keeps_the_totals(self):
        self.assertTrue(self.allowance.amount_total, "the teacher pair earns an allowance in December")
        self.consent_pd_minor.action_withdraw()
        self.pair_s._terminate(
            "organisation", "отзыв согласия на обработку персональных данных", date(2026, 1, 15)
        )
        before = self._totals()
        erasure = self._erase()

        self.assertEqual(erasure.state, "done")
        self.assertEqual(self._totals(), before)
        for needle in (self.name_minor, "Соколов Кирилл", "kirill.sokolov", "+7 900 111-22-33"):
            self.assertNoTrace(needle)
        lookup = self.env["privacy.lookup.wizard"].create(
            {"name": self.name_minor, "email": "kirill.sokolov@example.com"}
        )
        lookup.action_lookup()
        self.assertFalse(lookup.line_ids)
        self.assertEqual(erasure.lookup_count, 0)

        # What stays: the anonymised records for the statistics, with their facts.
        partner = self.student_minor.with_context(active_test=False)
        self.assertIn(f"(ID {partner.id})", partner.name)
        self.assertEqual(partner.birthdate_date, date(2009, 7, 1))
        self.assertFalse(partner.email or partner.phone or partner.study_group)
        self.assertEqual(self.mentee_s.name, partner.name)
        self.assertTrue(self.mentee_s.privacy_erased)
        self.assertFalse(self.mentee_s.request)
        self.assertEqual(self.pair_s.mentee_ids, self.mentee_s)
        self.assertFalse(self.meeting.mentee_feedback)
        self.assertFalse(self.consent_pd_minor.document)
        self.assertEqual(self.consent_pd_minor.privacy_erasure_id, erasure)
        self.assertFalse(
            self.env["ir.attachment"].search(
                [("res_model", "=", "mentorship.participant"), ("res_id", "=", self.mentee_s.id)]
            )
        )
        # Her mother represented nobody else: her data went with the minor's.
        self.assertNotIn("Соколова", self.parent.with_context(active_test=False).name)
        self.assertEqual(erasure.line_ids.mapped("subject_kind"), ["student", "representative"])
        self.assertEqual(erasure.line_ids[0].subject_label, "С****** К***** Д*********")
        self.assertTrue(erasure.line_ids[0].was_minor)

        # Each action is recorded: the event log, privacy_lookup's log, the registered act.
        self.assertGreaterEqual(len(erasure.event_ids), 5)
        self.assertTrue(all(event.user_id == self.user_curator for event in erasure.event_ids))
        self.assertEqual(len(erasure.privacy_log_ids), 2)
        self.assertEqual(erasure.privacy_log_ids[0].anonymized_name, "С****** К***** Д*********")
        self.assertEqual(erasure.document_id.state, "registered")
        self.assertEqual(erasure.document_id.type_id.code, "privacy_act")
        self.assertEqual(erasure.document_id.number, "АУ-1")

    def test_employee_keeps_labour_records(self):
        self.pair_t._terminate("organisation", "увольнение наставляемого", date(2026, 1, 15))
        self.mentee_t.strengths = "Хорошо владеет ИКТ"
        before = self._totals()
        erasure = self._erase(partners=self.env["res.partner"], employees=self.teacher_young)
        self.assertEqual(self._totals(), before)
        # The personnel record, the contract and the mentor's accruals are labour-law records.
        self.assertEqual(self.teacher_young.name, "Петров Илья Сергеевич")
        self.assertEqual(self.mentee_t.name, "Петров Илья Сергеевич")
        self.assertFalse(self.mentee_t.strengths)
        self.assertTrue(self.mentee_t.privacy_erased)
        self.assertEqual(erasure.line_ids.subject_kind, "employee")
        self.assertIn("(ТК РФ ст. 351.8)", erasure.line_ids.kept_text)
        answers = self.env["survey.user_input"].search([("mentorship_participant_id", "=", self.mentee_t.id)])
        self.assertTrue(answers.user_input_line_ids)

    def test_erasure_needs_a_commission_and_people(self):
        erasure = (
            self.env["mentorship.privacy.erasure"].with_user(self.user_curator).create({"reason": "demand"})
        )
        with self.assertRaisesText(UserError, "Choose whose personal data are destroyed"):
            erasure.action_erase()
        erasure.partner_ids = self.external_mentor
        with self.assertRaisesText(UserError, "Choose the commission"):
            erasure.action_erase()
        with self.assertRaisesText(UserError, "Destroy the data first"):
            erasure.action_register_act()

    def test_wizard_takes_the_person_of_the_consent_or_participant(self):
        Wizard = self.env["mentorship.privacy.erase.wizard"].with_user(self.user_curator)
        wizard = Wizard.with_context(
            active_model="mentorship.consent", active_ids=self.consent_pd_minor.ids
        ).create({"commission_chair_id": self.director.id})
        self.assertEqual((wizard.partner_ids, wizard.company_id), (self.student_minor, self.company))
        wizard = Wizard.with_context(
            active_model="mentorship.participant", active_ids=self.mentee_t.ids
        ).create({"commission_chair_id": self.director.id})
        self.assertEqual(
            (wizard.employee_ids, wizard.partner_ids), (self.teacher_young, self.env["res.partner"])
        )
        with self.assertRaisesText(UserError, "Choose whose personal data are destroyed"):
            Wizard.create({"commission_chair_id": self.director.id}).action_erase()
