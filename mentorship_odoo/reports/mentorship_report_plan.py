from odoo import api, models


class ReportMentorshipPersonalisedProgramme(models.AbstractModel):
    """The personalised mentoring programme (seed 004 template) of a pair: its people, the
    columns of the general information and the activities that are still planned or done."""

    _name = "report.mentorship_odoo.report_personalised_programme"
    _inherit = "mentorship.document.report"
    _description = "Mentoring Documents: Personalised Programme"

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        content = super()._get_document_content(doc_type, records, document, data)
        plan = records[:1]
        pair = plan.pair_id
        members = plan.member_ids
        content.update(self._get_pair_content(pair))
        content.update(
            curators=self._get_curators(plan.programme_id),
            # The general information lists the mentees, then the mentor.
            columns=members.filtered(lambda member: member.role != "mentor")
            + members.filtered(lambda member: member.role == "mentor"),
            lines=plan.line_ids.filtered(lambda line: line.state != "cancelled").sorted(
                lambda line: (line.sequence, line.id)
            ),
        )
        return content
