from types import SimpleNamespace

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.ir_actions_report import _wkhtmltopdf_has_patched_qt
from ..tools import russian_format

# wkhtmltopdf on an unpatched Qt always lays the page out ~1.305 times wider than the paper and
# shrinks it (it ignores --zoom and --disable-smart-shrinking): 12pt would print as 9.2pt and 100mm
# as 76.6mm. The documents' CSS `zoom` undoes it, so their sizes are real sizes on paper.
UNPATCHED_QT_ZOOM = 1.305
# The formatting functions as the templates reach them: fmt.long_date(…), fmt.initials(…).
FORMAT = SimpleNamespace(**{name: getattr(russian_format, name) for name in russian_format.__all__})


def selection_label(record, field_name):
    """The label of a selection value in the record's language ('' when empty, never None)."""
    value = record[field_name]
    if not value:
        return ""
    selection = record._fields[field_name]._description_selection(record.env)
    return dict(selection).get(value, value)


class MentorshipDocumentReport(models.AbstractModel):
    """What every printed mentoring document shares when it is rendered: who may print it, the
    split of the printed records into documents (by the document type), the company's documents
    language, the register entry and the institution's details.

    Each report ``report.mentorship_odoo.report_*`` of this addon inherits it; the family models
    (orders, agreements, consent, awards, personalised programme) add what their templates print
    in :meth:`_get_document_content`. The templates get ``documents``, one values dict per
    document (see ``document_container``), and ``fmt``, the Russian formatting functions."""

    _name = "mentorship.document.report"
    _description = "Mentoring Documents: Rendering"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        report = self._get_report()
        self._check_report_groups(report)
        # Printed from a wizard with options (data), the client sends the ids in the data.
        docs = self.env[report.model].browse(docids or data.get("record_ids") or [])
        docs.check_access("read")
        # Contracts, addresses and representatives are read for the document only: the records
        # the user may read are rendered as superuser.
        documents = [
            self._prepare_document(doc_type, records, document, data)
            for doc_type, records, document in self._get_documents(report, docs)
        ]
        return {
            "doc_ids": docs.ids,
            "doc_model": report.model,
            "docs": docs.sudo(),
            "documents": documents,
            "fmt": FORMAT,
            "selection_label": selection_label,
            "css_zoom": self._get_css_zoom(data.get("report_type")),
        }

    @api.model
    def _get_report(self):
        return self.env["ir.actions.report"]._get_report_from_name(self._name.removeprefix("report."))

    @api.model
    def _check_report_groups(self, report):
        """The groups of the print action bind it, whichever way it is called."""
        user = self.env.user
        if report.groups_id and not self.env.su and not (user.groups_id & report.groups_id):
            raise AccessError(self.env._("You are not allowed to print «%(report)s».", report=report.name))

    @api.model
    def _get_documents(self, report, docs):
        """[(document type, records, register entry)] of each document to render, checked."""
        doc_type = (
            self.env["mentorship.document.type"].sudo().search([("report_ids", "in", report.id)], limit=1)
        )
        if not doc_type:
            raise UserError(
                self.env._("No type of mentoring document prints «%(report)s».", report=report.name)
            )
        if not self.env.su:
            doc_type._check_print_access(docs, self.env.user)
        docs = docs.sudo()
        doc_type._check_printable(docs)
        no_entry = self.env["mentorship.document"].sudo()
        return [(doc_type, records, no_entry) for records in doc_type._get_print_units(docs)]

    @api.model
    def _prepare_document(self, doc_type, records, document, data):
        """The values of one document, in the language of documents of its company."""
        company = self._get_company(records)
        lang = company._get_mentorship_document_lang()
        records = records.with_context(lang=lang)
        document = document.with_context(lang=lang)
        content = self.sudo().with_context(lang=lang)._get_document_content(doc_type, records, document, data)
        content.update(
            doc_type=doc_type,
            doc_lang=lang,
            company=company.with_context(lang=lang),
            records=records,
            document=document,
        )
        return content

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        """What the body template of ``doc_type`` prints beyond its records: here the parts of
        every document; the family models add theirs."""
        company = self._get_company(records)
        return {
            "company_lines": self._get_company_lines(company),
            "company_address": self._get_address(company.partner_id),
            "signatory": self._get_signatory(company, document),
            "extra_lines": self._get_extra_lines(document),
        }

    @api.model
    def _get_css_zoom(self, report_type):
        if report_type == "pdf" and not _wkhtmltopdf_has_patched_qt():
            return UNPATCHED_QT_ZOOM
        return 1

    @api.model
    def _get_company(self, records):
        company = records.company_id[:1] if "company_id" in records._fields else False
        return company or self.env.company

    # --- Institution and people ---------------------------------------------------------------

    @api.model
    def _get_address(self, partner):
        if not partner:
            return ""
        parts = [partner.zip, partner.state_id.name, partner.city, partner.street, partner.street2]
        return ", ".join(part for part in parts if part)

    @api.model
    def _get_employee_address(self, employee):
        if not employee:
            return ""
        employee = employee.sudo()
        parts = [
            employee.private_zip,
            employee.private_state_id.name,
            employee.private_city,
            employee.private_street,
            employee.private_street2,
        ]
        return ", ".join(part for part in parts if part)

    @api.model
    def _get_company_lines(self, company):
        """Lines under the institution's name: address, registration numbers, contacts."""
        registration = [
            company.vat and f"ИНН {company.vat}",
            company.company_registry and f"ОГРН {company.company_registry}",
        ]
        contacts = [company.phone and f"тел. {company.phone}", company.email and f"e-mail: {company.email}"]
        lines = [
            self._get_address(company.partner_id),
            ", ".join(filter(None, registration)),
            ", ".join(filter(None, contacts)),
        ]
        return [line for line in lines if line]

    @api.model
    def _get_signatory(self, company, document):
        """(position, full name) of who signs for the institution: the register entry's signatory,
        else the head set on the company."""
        employee = (document and document.signatory_id) or company.mentorship_director_id
        employee = employee.sudo()
        position = employee.job_title or employee.job_id.name or "Директор"
        return position, employee.name or ""

    @api.model
    def _get_extra_lines(self, document):
        """The non-empty lines of the register entry's additional provisions."""
        if not document or not document.extra_text:
            return []
        return [line.strip() for line in document.extra_text.splitlines() if line.strip()]

    @api.model
    def _get_position(self, participant):
        """The participant's position or study group, for lists and tables."""
        if participant.employee_id:
            employee = participant.employee_id.sudo()
            return employee.job_title or employee.job_id.name or ""
        partner = participant.partner_id
        if partner.is_external_mentor:
            return ", ".join(part for part in (partner.function, partner.parent_id.name) if part)
        if partner.is_graduate:
            return "выпускник"
        if partner.study_group:
            return f"обучающийся группы {partner.study_group}"
        if partner.is_student:
            return "обучающийся"
        return partner.function or ""

    @api.model
    def _get_positions(self, participants):
        """{participant: position} for the templates, e.g. fmt.with_position(p.name, positions[p])."""
        return {participant: self._get_position(participant) for participant in participants}

    @api.model
    def _get_curators(self, programme):
        """[(full name, position)] of the programme's curators (their employee records)."""
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [("user_id", "in", programme.curator_ids.ids), ("company_id", "=", programme.company_id.id)]
            )
        )
        result = []
        for user in programme.curator_ids.sudo():
            employee = employees.filtered(lambda e, u=user: e.user_id == u)[:1]
            result.append((employee.name or user.name, employee.job_title or ""))
        return result

    @api.model
    def _get_representatives(self, participant):
        """The legal representatives of a participant who is a minor today."""
        partner = participant.partner_id
        if partner and partner._is_minor_on(fields.Date.context_today(self)):
            return partner.legal_representative_ids
        return partner.browse()

    @api.model
    def _get_pair_content(self, pair):
        """What the documents of a pair print about it: its form and its people's positions."""
        return {
            "form_text": self._get_form_text(pair),
            "positions": self._get_positions(pair.mentor_id | pair.mentee_ids),
        }

    @api.model
    def _get_form_text(self, pair):
        """«Педагог – педагог (индивидуальное); форма работы: …»"""
        text = pair.form_id.name or ""
        if pair.kind_id:
            text += f" ({pair.kind_id.name})"
        if pair.agreement_form:
            text += f"; форма работы: {russian_format.clause(pair.agreement_form).rstrip('.')}"
        return text
