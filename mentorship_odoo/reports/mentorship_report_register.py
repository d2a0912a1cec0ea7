from odoo import api, models


class ReportMentorshipDocument(models.AbstractModel):
    """A register entry prints its own records, date, number and signatory with the template of
    its type; its content comes from the family model of that type's print actions."""

    _name = "report.mentorship_odoo.report_mentorship_document"
    _inherit = "mentorship.document.report"
    _description = "Mentoring Documents: Register Entry"

    @api.model
    def _get_documents(self, report, docs):
        documents = []
        for document in docs.sudo():
            doc_type = document.type_id
            records = document._get_subject_records()
            if not self.env.su:
                doc_type._check_print_access(records, self.env.user)
            # A registered document is the one stored and signed: it prints as it was.
            if document.state == "draft":
                doc_type._check_printable(records)
            documents.append((doc_type, records, document))
        return documents

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        family = self.env[f"report.{doc_type.report_ids[:1].report_name}"]
        return family._get_document_content(doc_type, records, document, data)
