import functools
import subprocess

from odoo import api, models
from odoo.tools.pdf import merge_pdf

from odoo.addons.base.models.ir_actions_report import _get_wkhtmltopdf_bin


@functools.cache
def _wkhtmltopdf_has_patched_qt():
    """Debian's wkhtmltopdf is built on an unpatched Qt: it takes one input document only (and
    no HTML header or footer)."""
    try:
        version = subprocess.run(
            [_get_wkhtmltopdf_bin(), "--version"], capture_output=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return True
    return b"patched qt" in version.lower()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _is_mentorship_report(self, report_ref):
        if not report_ref:
            return False
        report = self._get_report(report_ref)
        return bool(report) and report.report_name.startswith("mentorship_odoo.")

    @api.model
    def _run_wkhtmltopdf(
        self,
        bodies,
        report_ref=False,
        header=None,
        footer=None,
        landscape=False,
        specific_paperformat_args=None,
        set_viewport_size=False,
    ):
        """Several documents at once with an unpatched wkhtmltopdf: one run per document, merged."""
        if len(bodies) > 1 and self._is_mentorship_report(report_ref) and not _wkhtmltopdf_has_patched_qt():
            return merge_pdf(
                [
                    super(IrActionsReport, self)._run_wkhtmltopdf(
                        [body],
                        report_ref=report_ref,
                        header=header,
                        footer=footer,
                        landscape=landscape,
                        specific_paperformat_args=specific_paperformat_args,
                        set_viewport_size=set_viewport_size,
                    )
                    for body in bodies
                ]
            )
        return super()._run_wkhtmltopdf(
            bodies,
            report_ref=report_ref,
            header=header,
            footer=footer,
            landscape=landscape,
            specific_paperformat_args=specific_paperformat_args,
            set_viewport_size=set_viewport_size,
        )
