from odoo import api, models

from ..models.mentorship_privacy_erasure_line import DESTROYED, KEPT

REASON_TEXTS = {
    "withdrawal": "отзыв субъектом персональных данных согласия на их обработку (часть 5 статьи 21 "
    "Федерального закона от 27.07.2006 № 152-ФЗ)",
    "retention": "истечение срока хранения персональных данных (часть 7 статьи 5 Федерального закона "
    "№ 152-ФЗ)",
    "purpose": "достижение цели обработки персональных данных (часть 4 статьи 21 Федерального закона "
    "№ 152-ФЗ)",
    "demand": "требование субъекта персональных данных (статья 21 Федерального закона № 152-ФЗ)",
}
KIND_TEXTS = {
    "student": "обучающийся (выпускник)",
    "external": "наставник из внешней организации",
    "representative": "законный представитель несовершеннолетнего",
    "employee": "работник",
}


class ReportMentorshipPrivacyAct(models.AbstractModel):
    """The act of destruction of personal data (Roskomnadzor order No. 179 of 28.10.2022, item 3):
    operator, subjects, categories, information system, method, reason, date, the commission's
    signatures, and the extract from the event log that goes with it."""

    _name = "mentorship.document.report.privacy.act"
    _inherit = "mentorship.document.report"
    _description = "Mentoring Documents: Act of Destruction of Personal Data"

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        content = super()._get_document_content(doc_type, records, document, data)
        erasure = records[:1].sudo()
        commission = erasure.commission_chair_id | erasure.commission_ids
        content.update(
            erasure=erasure,
            reason_text=REASON_TEXTS.get(erasure.reason, ""),
            subjects=[
                {
                    "label": line.subject_label,
                    "kind": KIND_TEXTS.get(line.subject_kind, "")
                    + (", несовершеннолетний" if line.was_minor else ""),
                    "reference": line.reference or "",
                    "destroyed": DESTROYED.get(line.subject_kind, []),
                    "kept": KEPT.get(line.subject_kind, []),
                }
                for line in erasure.line_ids
            ],
            commission=[
                (employee.name, employee.job_title or employee.job_id.name or "") for employee in commission
            ],
            chair=erasure.commission_chair_id,
            events=erasure.event_ids.sorted(lambda event: (event.date, event.id)),
        )
        return content


class ReportMentorshipPrivacyActPrint(models.AbstractModel):
    _name = "report.mentorship_odoo_privacy.report_privacy_act"
    _inherit = "mentorship.document.report.privacy.act"
    _description = "Mentoring Documents: Act of Destruction of Personal Data (Print)"
