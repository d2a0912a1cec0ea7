from odoo import api, models

from ..tools import russian_format

INITIATOR_GENITIVE = {"mentor": "наставника", "mentee": "наставляемого", "organisation": "организации"}


class ReportMentorshipOrder(models.AbstractModel):
    """Orders about a programme or its pairs: the curators, the road map, the pairs an order
    lists, and for an early termination the order that fixed the pair."""

    _name = "mentorship.document.report.orders"
    _inherit = "mentorship.document.report"
    _description = "Mentoring Documents: Orders"

    @api.model
    def _get_document_content(self, doc_type, records, document, data):
        content = super()._get_document_content(doc_type, records, document, data)
        if doc_type.code == "order_termination":
            pair = records[:1]
            content.update(
                fixing_order=self._get_fixing_order(pair),
                minors=pair.mentee_ids.filtered(self._get_representatives),
                initiator=INITIATOR_GENITIVE.get(pair.termination_initiator, "сторон"),
                positions=self._get_positions(pair.mentor_id | pair.mentee_ids),
            )
            return content
        programme = records if records._name == "mentorship.programme" else records.programme_id[:1]
        content.update(programme=programme, curators=self._get_curators(programme))
        if doc_type.code == "order_pairs":
            pairs = doc_type._get_order_pairs(records, document)
            content.update(pairs=pairs, positions=self._get_positions(pairs.mentor_id | pairs.mentee_ids))
        elif doc_type.code == "order_programme":
            content["roadmap_rows"] = self._get_roadmap_rows(programme)
        return content

    @api.model
    def _get_fixing_order(self, pair):
        """The registered order that fixed ``pair``, if any."""
        return (
            self.env["mentorship.document"]
            .sudo()
            .search(
                [
                    ("type_id.code", "=", "order_pairs"),
                    ("state", "in", ("registered", "signed")),
                    ("superseded", "=", False),
                    ("programme_id", "=", pair.programme_id.id),
                    "|",
                    ("pair_ids", "in", pair.ids),
                    ("pair_ids", "=", False),
                ],
                order="date desc, id desc",
                limit=1,
            )
        )

    @api.model
    def _get_roadmap_rows(self, programme):
        """Rows of the programme's road map, or None when road maps are not installed."""
        if "mentorship.roadmap.item" not in self.env:
            return None
        items = self.env["mentorship.roadmap.item"].sudo().search([("programme_id", "=", programme.id)])

        def value(item, name):
            return item[name] if name in item._fields and item[name] else ""

        rows = []
        for item in items:
            responsible = value(item, "responsible_note")
            if not responsible and "responsible_employee_ids" in item._fields:
                responsible = ", ".join(
                    russian_format.initials(name) for name in item.responsible_employee_ids.mapped("name")
                )
            rows.append(
                {
                    "stage": item.stage_id.name if "stage_id" in item._fields else "",
                    "number": value(item, "number"),
                    "activity": item.display_name,
                    "result": value(item, "key_result"),
                    "deadline": value(item, "deadline_display")
                    or russian_format.short_date(value(item, "date_deadline")),
                    "responsible": responsible,
                    "documents": value(item, "document_note"),
                }
            )
        return rows


# The print actions of the orders (Odoo renders each with the model report.<its report name>).


class ReportMentorshipOrderTargetModel(models.AbstractModel):
    _name = "report.mentorship_odoo.report_order_target_model"
    _inherit = "mentorship.document.report.orders"
    _description = "Mentoring Documents: Order Introducing the Target Model"


class ReportMentorshipOrderProgramme(models.AbstractModel):
    _name = "report.mentorship_odoo.report_order_programme"
    _inherit = "mentorship.document.report.orders"
    _description = "Mentoring Documents: Order Approving the Programme"


class ReportMentorshipOrderPairs(models.AbstractModel):
    _name = "report.mentorship_odoo.report_order_pairs"
    _inherit = "mentorship.document.report.orders"
    _description = "Mentoring Documents: Order Fixing Pairs"


class ReportMentorshipOrderPairsOfPairs(models.AbstractModel):
    _name = "report.mentorship_odoo.report_order_pairs_pairs"
    _inherit = "mentorship.document.report.orders"
    _description = "Mentoring Documents: Order Fixing Pairs (from Pairs)"


class ReportMentorshipOrderTermination(models.AbstractModel):
    _name = "report.mentorship_odoo.report_order_termination"
    _inherit = "mentorship.document.report.orders"
    _description = "Mentoring Documents: Order of Early Termination"
