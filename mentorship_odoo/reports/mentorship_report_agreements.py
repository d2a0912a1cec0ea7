from odoo import api, models

from ..tools import russian_format


class ReportMentorshipAgreement(models.AbstractModel):
    """Agreements of a pair: the supplementary agreement to the mentor's employment contract
    (contract, pay terms, passport and address) and the agreement of the mentor, the mentees and
    the legal representatives of minors."""

    _name = "mentorship.document.report.agreements"
    _inherit = "mentorship.document.report"
    _description = "Mentoring Documents: Agreements"

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        content = super()._get_document_content(doc_type, records, document, data)
        pair = records[:1]
        content.update(self._get_pair_content(pair))
        if doc_type.code == "agreement_employment":
            employee = pair.mentor_id.employee_id.sudo()
            content.update(
                contract=employee.contract_id,
                pay=self._get_pay_terms(pair, document),
                passport=employee.passport_id or "",
                mentor_address=self._get_employee_address(employee),
            )
        else:
            content.update(
                parties=self._get_parties(pair, content["signatory"]),
                curators=self._get_curators(pair.programme_id),
            )
        return content

    @api.model
    def _get_pay_terms(self, pair, document):
        """The allowance the agreement states: as registered, or the policy's for the pair."""
        currency = pair.company_id.currency_id
        if document:
            rate, base, amount = document.allowance_rate, document.allowance_base, document.allowance_amount
        else:
            rate, base = self.env["mentorship.allowance.policy"]._get_agreement_pay(pair)
            amount = currency.round(base * rate / 100.0)
        return {
            "rate": rate,
            "base": base,
            "amount": amount,
            "rate_text": russian_format.percent_words(rate) if rate else "",
            "amount_text": russian_format.money_words(amount, currency) if amount else "",
            "base_text": russian_format.money_words(base, currency) if base else "",
        }

    @api.model
    def _get_parties(self, pair, signatory):
        """Signatories of the mentoring agreement: organisation, mentor, mentees and the legal
        representatives of minor mentees."""
        position, director = signatory
        parties = [
            {"role": "org", "label": "Организация", "name": director, "note": position},
            {"role": "mentor", "label": "Наставник", "name": pair.mentor_id.name, "note": ""},
        ]
        for mentee in pair.mentee_ids:
            parties.append({"role": "mentee", "label": "Наставляемый", "name": mentee.name, "note": ""})
            for representative in self._get_representatives(mentee):
                parties.append(
                    {
                        "role": "rep",
                        "label": "Законный представитель",
                        "name": representative.name,
                        "note": f"наставляемый — {russian_format.initials(mentee.name)}",
                    }
                )
        return parties


# The print actions of the agreements (Odoo renders each with report.<its report name>).


class ReportMentorshipAgreementEmployment(models.AbstractModel):
    _name = "report.mentorship_odoo.report_agreement_employment"
    _inherit = "mentorship.document.report.agreements"
    _description = "Mentoring Documents: Supplementary Agreement"


class ReportMentorshipAgreementTripartite(models.AbstractModel):
    _name = "report.mentorship_odoo.report_agreement_tripartite"
    _inherit = "mentorship.document.report.agreements"
    _description = "Mentoring Documents: Mentoring Agreement"
