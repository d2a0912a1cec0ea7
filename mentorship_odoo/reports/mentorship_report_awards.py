from odoo import api, fields, models

DEFAULT_NOMINATION = "активное участие в наставнической деятельности"


class ReportMentorshipAward(models.AbstractModel):
    """Encouragements: the order of encouragement, letters of thanks and certificates of honour.
    They print what the encouragement is for (the register entry's wording, the wizard's, or the
    default) and the people it names."""

    _name = "mentorship.document.report.awards"
    _inherit = "mentorship.document.report"
    _description = "Mentoring Documents: Encouragements"

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        content = super()._get_document_content(doc_type, records, document, data)
        if records._name == "mentorship.pair":
            participants = records.mentor_id | records.mentee_ids
        else:
            participants = records
        content.update(
            nomination=self._get_nomination(document, data.get("nomination")),
            positions=self._get_positions(participants),
            year=(document.date if document else fields.Date.context_today(self)).year,
        )
        if doc_type.code == "order_encouragement":
            content["rows"] = self._get_award_rows(records, content["positions"])
        return content

    @api.model
    def _get_nomination(self, document, nomination):
        """What the encouragement is for, to print after «за»."""
        text = (document and document.nomination) or nomination or DEFAULT_NOMINATION
        return text.strip().rstrip(".")

    @api.model
    def _get_award_rows(self, records, positions):
        """People of an encouragement: participants, or the mentor and mentees of each pair."""
        if records._name != "mentorship.pair":
            return [self._get_award_row(participant, positions) for participant in records]
        rows = []
        for pair in records:
            for participant in [pair.mentor_id, *pair.mentee_ids]:
                rows.append(self._get_award_row(participant, positions, pair))
        return rows

    @api.model
    def _get_award_row(self, participant, positions, pair=None):
        return {
            "name": participant.name,
            "position": positions[participant],
            "role": "наставник" if participant.role == "mentor" else "наставляемый",
            "pair": pair.name if pair else "",
            "employee": bool(participant.employee_id),
        }


# The print actions of the encouragements (Odoo renders each with report.<its report name>).


class ReportMentorshipOrderEncouragement(models.AbstractModel):
    _name = "report.mentorship_odoo.report_order_encouragement"
    _inherit = "mentorship.document.report.awards"
    _description = "Mentoring Documents: Order of Encouragement"


class ReportMentorshipOrderEncouragementPairs(models.AbstractModel):
    _name = "report.mentorship_odoo.report_order_encouragement_pairs"
    _inherit = "mentorship.document.report.awards"
    _description = "Mentoring Documents: Order of Encouragement (Pairs)"


class ReportMentorshipLetterThanks(models.AbstractModel):
    _name = "report.mentorship_odoo.report_letter_thanks"
    _inherit = "mentorship.document.report.awards"
    _description = "Mentoring Documents: Letter of Thanks"


class ReportMentorshipLetterThanksPairs(models.AbstractModel):
    _name = "report.mentorship_odoo.report_letter_thanks_pairs"
    _inherit = "mentorship.document.report.awards"
    _description = "Mentoring Documents: Letter of Thanks (Pairs)"


class ReportMentorshipCertificate(models.AbstractModel):
    _name = "report.mentorship_odoo.report_certificate"
    _inherit = "mentorship.document.report.awards"
    _description = "Mentoring Documents: Certificate of Honour"


class ReportMentorshipCertificatePairs(models.AbstractModel):
    _name = "report.mentorship_odoo.report_certificate_pairs"
    _inherit = "mentorship.document.report.awards"
    _description = "Mentoring Documents: Certificate of Honour (Pairs)"
