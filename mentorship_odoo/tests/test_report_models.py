from odoo.tests import TransactionCase


class TestReportModels(TransactionCase):
    """Each print action of the addon gets its values from its own report model, as Odoo looks
    it up (report.<report name>): no global hook on the rendering of every report."""

    def test_every_report_has_its_report_model(self):
        reports = self.env["ir.actions.report"].search([("report_name", "=like", "mentorship_odoo.%")])
        self.assertGreaterEqual(len(reports), 17)
        missing = [
            report.report_name
            for report in reports
            if self.env["ir.actions.report"]._get_rendering_context_model(report) is None
        ]
        self.assertFalse(missing, "reports without a report model")

    def test_document_reports_share_the_document_rendering(self):
        """The documents of the register render through the shared base, and the print actions
        of one type belong to one family (the register renders an entry with the first one's)."""
        base = type(self.env["mentorship.document.report"])
        for doc_type in self.env["mentorship.document.type"].search([]):
            families = {
                type(self.env[f"report.{report.report_name}"])._get_document_content
                for report in doc_type.report_ids
            }
            with self.subTest(type=doc_type.code):
                self.assertEqual(len(families), 1)
                for report in doc_type.report_ids:
                    self.assertIsInstance(self.env[f"report.{report.report_name}"], base)
