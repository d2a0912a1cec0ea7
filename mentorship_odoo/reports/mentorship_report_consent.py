from odoo import api, fields, models


class ReportMentorshipConsent(models.AbstractModel):
    """The consent to personal-data processing, printed from a consent or from a participant (for
    a minor, the legal representative's consent)."""

    _name = "mentorship.document.report.consent"
    _inherit = "mentorship.document.report"
    _description = "Mentoring Documents: Consents"

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        content = super()._get_document_content(doc_type, records, document, data)
        content["card"] = self._get_consent_card(records[:1])
        return content

    @api.model
    def _get_consent_card(self, record):
        """Who gives a consent to personal-data processing, about whom, and when."""
        partner, employee = record.partner_id, record.employee_id
        if record._name == "mentorship.consent":
            by_representative = record.given_by == "representative"
            representative = record.representative_id
            on_date = record.date
            programme = (
                self.env["mentorship.participant"]
                .sudo()
                .search(
                    ["|", ("employee_id", "=", employee.id or 0), ("partner_id", "=", partner.id or 0)],
                    limit=1,
                )
                .programme_id
            )
        else:
            by_representative = bool(partner and partner._is_minor_on(fields.Date.context_today(self)))
            representative = partner.legal_representative_ids[:1] if by_representative else partner.browse()
            on_date = False
            programme = record.programme_id
        subject_name = employee.name or partner.name or ""
        if employee:
            employee = employee.sudo()
            birthdate = employee.birthday
            address = self._get_employee_address(employee)
            passport = employee.passport_id or ""
        else:
            birthdate = partner.birthdate_date
            address = self._get_address(partner)
            passport = ""
        return {
            "subject_name": subject_name,
            "subject_birthdate": birthdate,
            "subject_address": address,
            "subject_passport": passport,
            "is_employee": bool(employee),
            "is_student": bool(partner and partner.is_student),
            "by_representative": by_representative,
            "representative_name": representative.name or "",
            "representative_address": self._get_address(representative),
            "date": on_date,
            "programme": programme,
            "signer_name": representative.name if by_representative else subject_name,
        }


# The print actions of the consent (Odoo renders each with report.<its report name>).


class ReportMentorshipConsentPersonalData(models.AbstractModel):
    _name = "report.mentorship_odoo.report_consent_personal_data"
    _inherit = "mentorship.document.report.consent"
    _description = "Mentoring Documents: Consent to Personal-Data Processing"


class ReportMentorshipConsentPersonalDataParticipant(models.AbstractModel):
    _name = "report.mentorship_odoo.report_consent_personal_data_participant"
    _inherit = "mentorship.document.report.consent"
    _description = "Mentoring Documents: Consent to Personal-Data Processing (Participant)"
