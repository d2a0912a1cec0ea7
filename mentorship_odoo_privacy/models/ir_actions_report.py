from odoo import models

from .mentorship_privacy_trail_mixin import MINOR_PATHS


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render(self, report_ref, res_ids, data=None):
        result = super()._render(report_ref, res_ids, data=data)
        report = self._get_report(report_ref)
        ids = res_ids or (data or {}).get("record_ids")
        if report.model in MINOR_PATHS and ids:
            records = self.env[report.model].browse(ids)
            records._privacy_log_access("print", self.env._("Printed «%(report)s»", report=report.name)[:250])
        return result
