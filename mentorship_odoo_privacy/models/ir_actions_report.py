from odoo import models

from .mentorship_privacy_trail_mixin import MINOR_PATHS


class IrActionsReport(models.Model):
    """Printing a report that holds minors' data is logged once per print, PDF or HTML."""

    _inherit = "ir.actions.report"

    def _privacy_log_print(self, report_ref, res_ids, data):
        report = self._get_report(report_ref)
        ids = res_ids or (data or {}).get("record_ids")
        if report.model in MINOR_PATHS and ids:
            records = self.env[report.model].browse(ids)
            records._privacy_log_access("print", self.env._("Printed «%(report)s»", report=report.name)[:250])

    def _render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        if not self.env.context.get("mentorship_privacy_printing"):
            self._privacy_log_print(report_ref, res_ids, data)
        return super(IrActionsReport, self.with_context(mentorship_privacy_printing=True))._render_qweb_pdf(
            report_ref, res_ids=res_ids, data=data
        )

    def _render_qweb_html(self, report_ref, docids, data=None):
        if not self.env.context.get("mentorship_privacy_printing"):
            self._privacy_log_print(report_ref, docids, data)
        return super(IrActionsReport, self.with_context(mentorship_privacy_printing=True))._render_qweb_html(
            report_ref, docids, data=data
        )
