import base64
from urllib.parse import quote

from odoo import api, fields, models
from odoo.exceptions import UserError


class MentorshipMonitoringReportWizard(models.TransientModel):
    """One wizard for the monitoring report of a programme and a period: the XLSX workbook and
    the PDF final analytical report."""

    _name = "mentorship.monitoring.report.wizard"
    _description = "Mentoring Monitoring Report"

    programme_id = fields.Many2one("mentorship.programme", required=True)
    date_from = fields.Date(
        string="From", required=True, compute="_compute_period", store=True, readonly=False, precompute=True
    )
    date_to = fields.Date(
        string="To", required=True, compute="_compute_period", store=True, readonly=False, precompute=True
    )
    take_snapshot = fields.Boolean(
        string="Compute Indicators Now",
        default=True,
        help="Store a fresh value of every computed indicator (dated the end of the period, or today "
        "if that is earlier) before building the report.",
    )
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_name = fields.Char(readonly=True)

    @api.depends("programme_id")
    def _compute_period(self):
        for wizard in self:
            wizard.date_from = wizard.programme_id.date_start
            wizard.date_to = wizard.programme_id.date_end

    def _prepare(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts: correct the dates."))
        if self.take_snapshot:
            self.programme_id._snapshot_kpis(min(self.date_to, fields.Date.context_today(self)))

    def _report_data(self):
        return {
            "date_from": fields.Date.to_string(self.date_from),
            "date_to": fields.Date.to_string(self.date_to),
        }

    def _generate_xlsx(self):
        self.ensure_one()
        report_model = self.env["report.mentorship_odoo.report_monitoring"]
        content = report_model._build_xlsx(
            report_model._collect(self.programme_id, self.date_from, self.date_to)
        )
        self.write(
            {
                "xlsx_file": base64.b64encode(content),
                "xlsx_name": self.env._(
                    "Monitoring %(programme)s %(start)s-%(end)s.xlsx",
                    programme=self.programme_id.name,
                    start=fields.Date.to_string(self.date_from),
                    end=fields.Date.to_string(self.date_to),
                ).replace("/", "-"),
            }
        )
        return content

    def action_export_xlsx(self):
        self._prepare()
        self._generate_xlsx()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/xlsx_file/{quote(self.xlsx_name)}?download=true",
            "target": "download",
        }

    def action_print_pdf(self):
        self._prepare()
        return self.env.ref("mentorship_odoo.action_report_monitoring").report_action(
            self.programme_id, data=self._report_data()
        )
