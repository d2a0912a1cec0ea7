import base64
from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common_documents import DocumentCase


class TestDocumentRegister(DocumentCase):
    """Numbering per type and year, registration, immutability, versions."""

    def test_numbers_per_type_and_year_restart(self):
        first = self.make_document("order_pairs", self.programme, date=date(2025, 9, 10))
        second = self.make_document("order_pairs", self.programme, date=date(2025, 12, 1))
        agreement = self.make_document("agreement_employment", self.pair_t, date=date(2025, 9, 30))
        next_year = self.make_document("order_pairs", self.programme, date=date(2026, 1, 12))
        (first | second | agreement | next_year).action_register()
        self.assertEqual(first.number, "1-н")
        self.assertEqual(second.number, "2-н")
        self.assertEqual(agreement.number, "1-ДС", "each type has its own numbering")
        self.assertEqual(next_year.number, "1-н", "numbering restarts every year")
        self.assertEqual(
            first.name, "Order Appointing Mentors and Fixing Pairs and Groups No. 1-н of 10.09.2025"
        )

    def test_registration_follows_dates_within_a_batch(self):
        later = self.make_document("order_pairs", self.programme, date=date(2025, 11, 1))
        earlier = self.make_document("order_pairs", self.programme, date=date(2025, 10, 1))
        (later | earlier).action_register()
        self.assertEqual((earlier.number, later.number), ("1-н", "2-н"))

    def test_number_format_is_configurable(self):
        doc_type = self.doc_type("order_termination")
        doc_type.write({"prefix": "Н-%(year)s/", "suffix": "", "padding": 3})
        self.pair_t._terminate("mentor", "болезнью наставника", date(2026, 2, 2))
        document = self.make_document("order_termination", self.pair_t, date=date(2026, 2, 3))
        document.action_register()
        self.assertEqual(document.number, "Н-2026/001")

    def test_companies_have_their_own_numbering(self):
        programme_b = self.env["mentorship.programme"].create(
            {
                "name": "Программа колледжа Б",
                "company_id": self.company_b.id,
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 6, 30),
                "form_ids": [Command.set(self.form_tt.ids)],
            }
        )
        ours = self.make_document("order_target_model", self.programme, date=date(2025, 9, 1))
        theirs = self.make_document("order_target_model", programme_b, date=date(2025, 9, 1))
        (ours | theirs).action_register()
        self.assertEqual(theirs.company_id, self.company_b)
        self.assertEqual((ours.number, theirs.number), ("1-од", "1-од"))

    def test_registration_stores_the_rendered_pdf(self):
        document = self.make_document("agreement_employment", self.pair_t, date=date(2025, 9, 30))
        self.assertEqual((document.allowance_rate, document.allowance_base), (15.0, 40000.0))
        self.assertEqual(document.allowance_amount, 6000.0)
        document.with_context(force_report_rendering=True).action_register()
        self.assertEqual(document.state, "registered")
        attachment = document.attachment_id
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertEqual((attachment.res_model, attachment.res_id), (document._name, document.id))
        text = self.pdf_text(attachment.raw)
        self.assertInText(
            [
                "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № 1-ДС",
                "«30» сентября 2025 г.",
                "6 000,00 (шесть тысяч) руб. 00 коп.",
            ],
            text,
        )
        # The pair takes the agreement's number; printing the register entry gives the stored file.
        self.assertEqual(
            (self.pair_t.agreement_number, self.pair_t.agreement_date), ("1-ДС", date(2025, 9, 30))
        )
        self.assertEqual(document.message_ids[:1].attachment_ids, attachment)
        printed = self.render_pdf("mentorship_odoo.action_report_mentorship_document", document)
        self.assertEqual(printed, attachment.raw)

    def test_draft_prints_from_the_register_with_its_date(self):
        document = self.make_document("order_pairs", self.programme, date=date(2025, 10, 2))
        document.pair_ids = self.pair_s
        text = self.pdf_text(self.render_pdf("mentorship_odoo.action_report_mentorship_document", document))
        self.assertInText(["«02» октября 2025 г.", "№ __________", "Морозов Денис Алексеевич"], text)
        self.assertNotIn(
            "Скоробогатов Андрей", text, "the order lists the pairs chosen on the register entry"
        )

    def test_registration_gives_the_programme_its_approval_order(self):
        programme = self.env["mentorship.programme"].create(
            {
                "name": "Программа 2026–2027",
                "company_id": self.company.id,
                "date_start": date(2026, 9, 1),
                "date_end": date(2027, 6, 30),
                "form_ids": [Command.set(self.form_tt.ids)],
            }
        )
        document = self.make_document("order_programme", programme, date=date(2026, 8, 30))
        document.action_register()
        self.assertEqual((programme.order_number, programme.order_date), ("1-од", date(2026, 8, 30)))
        programme.action_approve()
        # A programme approved by an order keeps its number.
        other = self.make_document("order_programme", self.programme, date=date(2026, 8, 31))
        other.action_register()
        self.assertEqual(self.programme.order_number, "15-н")

    def test_termination_order_cites_the_order_that_fixed_the_pair(self):
        fixing = self.make_document(
            "order_pairs", self.programme, date=date(2025, 9, 10), pair_ids=[Command.set(self.pair_t.ids)]
        )
        fixing.action_register()
        self.pair_t._terminate("organisation", "увольнением наставника", date(2026, 3, 2))
        text = self.pdf_text(self.render_pdf("mentorship_odoo.action_report_order_termination", self.pair_t))
        self.assertInText(
            ["закреплённой приказом от «10» сентября 2025 г. № 1-н", "по инициативе организации"], text
        )

    def test_registered_documents_are_frozen(self):
        document = self.make_document("agreement_tripartite", self.pair_s, date=date(2025, 9, 30))
        document.extra_text = "Встречи проводятся в библиотеке колледжа."
        document.action_register()
        for vals in (
            {"date": date(2025, 10, 1)},
            {"extra_text": "Другое"},
            {"pair_id": self.pair_t.id},
            {"number": "99"},
            {"type_id": self.doc_type("agreement_employment").id},
        ):
            with self.assertRaisesRegex(UserError, "registered: its content can no longer change"):
                document.write(vals)
        with self.assertRaisesRegex(UserError, "never deleted"):
            document.unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            document.attachment_id.unlink()
        with self.assertRaisesRegex(UserError, "already registered"):
            document.action_register()
        # The chatter and the signed scan stay open.
        document.message_post(body="Передано на подпись")
        document.signed_file = base64.b64encode(b"%PDF-1.4 scan")

    def test_pairs_listed_in_documents_are_kept(self):
        draft_pair = self._pair(
            self._participant("mentor", self.teacher_senior_2, self.form_tt),
            self._participant("mentee", self.teacher_young_2, self.form_tt),
            self.form_tt,
        )
        self.make_document("order_pairs", self.programme, pair_ids=[Command.set(draft_pair.ids)])
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            draft_pair.unlink()

    def test_drafts_can_be_deleted(self):
        document = self.make_document("agreement_tripartite", self.pair_s)
        document.unlink()
        self.assertFalse(document.exists())

    def test_signing_needs_the_scan(self):
        document = self.make_document("agreement_tripartite", self.pair_s)
        with self.assertRaisesRegex(UserError, "Only a registered document"):
            document.action_mark_signed()
        document.action_register()
        with self.assertRaisesRegex(UserError, "Attach the scan"):
            document.action_mark_signed()
        # A wrong scan can be replaced or removed until the document is marked as signed.
        document.signed_file = base64.b64encode(b"%PDF-1.4 wrong scan")
        document.signed_file = False
        document.write({"signed_file": base64.b64encode(b"%PDF-1.4 scan"), "signed_filename": "scan.pdf"})
        document.action_mark_signed()
        self.assertEqual(document.state, "signed")
        self.assertTrue(document.signed_date)
        with self.assertRaisesRegex(UserError, "cannot be removed"):
            document.signed_file = False
        scan = self.env["ir.attachment"].search(
            [
                ("res_model", "=", document._name),
                ("res_id", "=", document.id),
                ("res_field", "=", "signed_file"),
            ]
        )
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            scan.unlink()
        with self.assertRaisesRegex(UserError, "never deleted"):
            document.unlink()

    def test_correction_is_a_new_version(self):
        original = self.make_document("agreement_employment", self.pair_t, date=date(2025, 9, 30))
        original.action_register()
        action = original.action_create_correction()
        correction = self.env["mentorship.document"].browse(action["res_id"])
        self.assertEqual(correction.state, "draft")
        self.assertEqual(correction.previous_version_id, original)
        self.assertEqual(correction.version, 2)
        self.assertFalse(correction.number)
        self.assertEqual((correction.pair_id, correction.allowance_rate), (self.pair_t, 15.0))
        self.assertIn("version 2", correction.name)
        # Asking again opens the same pending correction.
        self.assertEqual(original.action_create_correction()["res_id"], correction.id)
        correction.write({"allowance_rate": 20.0, "date": date(2025, 10, 5)})
        self.assertEqual(correction.allowance_amount, 8000.0)
        correction.action_register()
        self.assertEqual(correction.number, "2-ДС")
        self.assertTrue(original.superseded)
        self.assertEqual(original.state, "registered", "the replaced version is kept as it was")
        self.assertEqual(original.next_version_ids, correction)
        with self.assertRaisesRegex(UserError, "already replaced"):
            original.action_create_correction()
        with self.assertRaisesRegex(UserError, "edited directly"):
            self.make_document("agreement_tripartite", self.pair_s).action_create_correction()

    def test_a_document_needs_what_it_is_about(self):
        with self.assertRaisesRegex(ValidationError, "Choose what document"):
            self.env["mentorship.document"].create(
                {"type_id": self.doc_type("agreement_employment").id, "res_model": "mentorship.pair"}
            )
        with self.assertRaisesRegex(ValidationError, "cannot be made from this kind of record"):
            self.env["mentorship.document"].create(
                {
                    "type_id": self.doc_type("agreement_employment").id,
                    "res_model": "mentorship.programme",
                    "programme_id": self.programme.id,
                }
            )

    def test_registration_checks_the_document_applies(self):
        document = self.make_document("agreement_employment", self.pair_s)
        with self.assertRaisesRegex(UserError, "not an employee"):
            document.action_register()
        self.assertEqual(document.state, "draft")


class TestDocumentForms(DocumentCase):
    """The register and the wizards through their form views, as a curator."""

    def test_document_form_proposes_the_pay_terms(self):
        with Form(self.env["mentorship.document"].with_user(self.user_curator)) as form:
            form.type_id = self.doc_type("agreement_employment")
            self.assertEqual(form.res_model, "mentorship.pair")
            form.pair_id = self.pair_t
            self.assertEqual((form.allowance_rate, form.allowance_base), (15.0, 40000.0))
            self.assertEqual(form.programme_id, self.programme)
            self.assertEqual(form.signatory_id, self.director)
        document = form.record
        self.assertEqual((document.company_id, document.employee_id), (self.company, self.teacher_senior))
        self.assertEqual(
            document.name, "Supplementary Agreement to the Employment Contract on Mentoring (draft)"
        )
        self.assertEqual(
            self.env["mentorship.document"].name_search("Supplementary Agreement")[0][0], document.id
        )

    def test_print_wizard_form_lists_the_programme_pairs(self):
        context = {"default_programme_id": self.programme.id}
        with Form(
            self.env["mentorship.document.print.wizard"].with_user(self.user_curator).with_context(**context)
        ) as form:
            form.type_id = self.doc_type("agreement_tripartite")
            self.assertEqual(len(form.pair_ids), 2)
        self.assertEqual(form.record.pair_ids, self.pair_t | self.pair_s)

    def test_award_wizard_form_from_selected_participants(self):
        context = {"active_model": "mentorship.participant", "active_ids": self.mentor_t.ids}
        with Form(
            self.env["mentorship.award.wizard"].with_user(self.user_curator).with_context(**context)
        ) as form:
            form.nomination_choice = "best_pair"
            self.assertEqual(form.nomination, "победу в номинации «Лучшая наставническая пара»")
            form.nomination_choice = "custom"
            form.nomination = "наставничество в период подготовки к чемпионату"
        self.assertEqual(form.record.participant_ids, self.mentor_t)
        self.assertEqual(form.record.nomination, "наставничество в период подготовки к чемпионату")


class TestDocumentBatches(DocumentCase):
    """Printing documents for a whole programme, and encouragements, in one go."""

    def _wizard(self, code, **vals):
        return self.env["mentorship.document.print.wizard"].create(
            {"programme_id": self.programme.id, "type_id": self.doc_type(code).id, **vals}
        )

    def _documents(self, code):
        return self.env["mentorship.document"].search(
            [("type_id.code", "=", code), ("programme_id", "=", self.programme.id)], order="id"
        )

    def test_agreements_for_all_pairs_registered_in_one_go(self):
        wizard = self._wizard("agreement_tripartite", date=date(2025, 9, 30))
        self.assertEqual(wizard.pair_ids, self.pair_t | self.pair_s)
        action = wizard.with_context(force_report_rendering=True).action_generate()
        documents = self._documents("agreement_tripartite")
        self.assertEqual(documents.pair_id, self.pair_t | self.pair_s)
        self.assertEqual(set(documents.mapped("state")), {"registered"})
        self.assertEqual(sorted(documents.mapped("number")), ["1-С", "2-С"])
        self.assertTrue(all(documents.mapped("attachment_id")))
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(action["report_name"], "mentorship_odoo.report_mentorship_document")
        self.assertEqual(action["context"]["active_ids"], documents.ids)
        # The batch prints as one PDF made of the stored files.
        pdf = self.render_pdf("mentorship_odoo.action_report_mentorship_document", documents, name="batch")
        self.assertEqual(
            self.page_count(pdf), sum(self.page_count(doc.attachment_id.raw) for doc in documents)
        )

    def test_supplementary_agreements_skip_pairs_without_employee_mentor(self):
        self._wizard("agreement_employment").action_generate()
        documents = self._documents("agreement_employment")
        self.assertEqual(documents.pair_id, self.pair_t)
        self.assertIn("not an employee", self.programme.message_ids[:1].body)

    def test_nothing_to_print_is_explained(self):
        with self.assertRaisesRegex(UserError, "has not been terminated early"):
            self._wizard("order_termination").action_generate()

    def test_order_fixing_the_chosen_pairs(self):
        self._wizard("order_pairs", pair_ids=[Command.set(self.pair_s.ids)], register=False).action_generate()
        document = self._documents("order_pairs")
        self.assertEqual(len(document), 1)
        self.assertEqual(
            (document.res_model, document.pair_ids, document.state),
            ("mentorship.programme", self.pair_s, "draft"),
        )

    def test_consents_of_all_participants(self):
        self._wizard("consent_personal_data", register=False).action_generate()
        documents = self.env["mentorship.document"].search([("type_id.code", "=", "consent_personal_data")])
        self.assertEqual(
            documents.participant_id, self.mentor_t | self.mentee_t | self.mentor_s | self.mentee_s
        )
        self.assertEqual(
            documents.filtered(lambda d: d.participant_id == self.mentee_s).partner_id, self.student_minor
        )

    def test_encouragement_wizard_registers_letters_and_an_order(self):
        Wizard = self.env["mentorship.award.wizard"].with_context(
            active_model="mentorship.participant", active_ids=(self.mentor_t | self.mentor_s).ids
        )
        wizard = Wizard.create(
            {"type_id": self.doc_type("letter_thanks").id, "nomination_choice": "mentor_of_year"}
        )
        self.assertEqual(wizard.nomination, "победу в номинации «Наставник года»")
        wizard.action_print()
        letters = self.env["mentorship.document"].search([("type_id.code", "=", "letter_thanks")])
        self.assertEqual(letters.participant_id, self.mentor_t | self.mentor_s)
        self.assertEqual(set(letters.mapped("nomination")), {"победу в номинации «Наставник года»"})
        self.assertEqual(set(letters.mapped("state")), {"registered"})
        order_wizard = Wizard.create(
            {
                "type_id": self.doc_type("order_encouragement").id,
                "nomination_choice": "custom",
                "nomination": "подготовку победителей регионального чемпионата",
            }
        )
        order_wizard.action_print()
        order = self.env["mentorship.document"].search([("type_id.code", "=", "order_encouragement")])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.participant_ids, self.mentor_t | self.mentor_s)
        self.assertEqual(order.nomination, "подготовку победителей регионального чемпионата")

    def test_encouragement_printed_without_registering_carries_the_wording(self):
        wizard = (
            self.env["mentorship.award.wizard"]
            .with_context(active_model="mentorship.pair", active_ids=self.pair_s.ids)
            .create(
                {
                    "type_id": self.doc_type("certificate").id,
                    "nomination_choice": "best_pair",
                    "register": False,
                }
            )
        )
        action = wizard.action_print()
        self.assertFalse(self.env["mentorship.document"].search([("type_id.code", "=", "certificate")]))
        self.assertEqual(action["report_name"], "mentorship_odoo.report_certificate_pairs")
        text = self.pdf_text(
            self.render_pdf(action["report_name"], None, data=action["data"], name="certificate_wizard")
        )
        self.assertInText(["ПОЧЁТНАЯ ГРАМОТА", "за победу в номинации «Лучшая наставническая пара»"], text)


class TestDocumentAccess(DocumentCase):
    """Who may print what, and who sees the register."""

    def _html(self, report, records, user):
        return self.env["ir.actions.report"].with_user(user)._render_qweb_html(report, records.ids)

    def test_mentor_prints_only_their_own_pair(self):
        pdf = self.render_pdf(
            "mentorship_odoo.action_report_agreement_employment", self.pair_t, user=self.user_mentor
        )
        self.assertInText(["Скоробогатов А.В."], self.pdf_text(pdf))
        other_pair = self._pair(
            self._participant("mentor", self.teacher_senior_2, self.form_tt),
            self._participant("mentee", self.teacher_young_2, self.form_tt),
            self.form_tt,
        )
        with self.assertRaises(AccessError):
            self._html("mentorship_odoo.action_report_agreement_tripartite", other_pair, self.user_mentor)
        with self.assertRaises(AccessError):
            self._html("mentorship_odoo.action_report_agreement_tripartite", self.pair_s, self.user_mentor)

    def test_mentee_cannot_print_the_mentor_s_pay(self):
        self._html("mentorship_odoo.action_report_agreement_tripartite", self.pair_t, self.user_mentee)
        with self.assertRaisesRegex(AccessError, "Only the mentor and the curators"):
            self._html("mentorship_odoo.action_report_agreement_employment", self.pair_t, self.user_mentee)

    def test_orders_are_printed_by_curators(self):
        with self.assertRaisesRegex(AccessError, "not allowed to print"):
            self._html("mentorship_odoo.action_report_order_pairs", self.programme, self.user_mentor)
        self._html("mentorship_odoo.action_report_order_pairs", self.programme, self.user_curator)

    def test_curator_of_another_company_cannot_print(self):
        with self.assertRaises(AccessError):
            self._html("mentorship_odoo.action_report_agreement_tripartite", self.pair_t, self.user_curator_b)
        with self.assertRaises(AccessError):
            self._html(
                "mentorship_odoo.action_report_order_target_model", self.programme, self.user_curator_b
            )

    def test_user_without_mentoring_group_cannot_print(self):
        with self.assertRaises(AccessError):
            self._html("mentorship_odoo.action_report_agreement_tripartite", self.pair_t, self.user_plain)

    def test_register_rules(self):
        own = self.make_document("agreement_employment", self.pair_t)
        order = self.make_document("order_pairs", self.programme, pair_ids=[Command.set(self.pair_t.ids)])
        foreign = self.make_document("agreement_tripartite", self.pair_s)
        (own | order | foreign).with_context(force_report_rendering=True).action_register()
        Document = self.env["mentorship.document"]
        self.assertEqual(Document.with_user(self.user_mentor).search([]), own | order)
        self.assertEqual(Document.with_user(self.user_curator).search([]), own | order | foreign)
        self.assertFalse(Document.with_user(self.user_curator_b).search([]))
        self.assertEqual(Document.with_user(self.user_payroll).search_count([]), 3)
        with self.assertRaises(AccessError):
            foreign.with_user(self.user_mentor).read(["number"])
        with self.assertRaises(AccessError):
            foreign.with_user(self.user_curator_b).read(["number"])
        # The mentor reads the stored file of their own document, but cannot register anything.
        self.assertTrue(own.with_user(self.user_mentor).attachment_id.sudo().raw)
        self.render_pdf(
            "mentorship_odoo.action_report_mentorship_document", own, user=self.user_mentor, name="own_doc"
        )
        with self.assertRaises(AccessError):
            self.make_document("agreement_tripartite", self.pair_t, user=self.user_mentor)
        with self.assertRaises(AccessError):
            self._html("mentorship_odoo.action_report_mentorship_document", foreign, self.user_mentor)

    def test_curator_registers_and_corrects(self):
        document = self.make_document("agreement_tripartite", self.pair_t, user=self.user_curator)
        document.action_register()
        self.assertEqual(document.registered_by_id, self.user_curator)
        document.action_create_correction()
        with self.assertRaises(UserError):
            document.unlink()
