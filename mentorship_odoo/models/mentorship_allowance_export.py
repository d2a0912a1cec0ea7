import base64
import csv
import io
from collections import defaultdict
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..tools.actions import window_action
from .mentorship_allowance import AMOUNT_GROUPS


class MentorshipAllowanceExport(models.Model):
    """A file of confirmed accruals for 1C:ZUP (XLSX or CSV), kept as an attachment. Exporting
    locks the accruals; exporting them again is possible and is marked as a re-export."""

    _name = "mentorship.allowance.export"
    _description = "Mentor Allowance Export for 1C"
    _inherit = ["mail.thread", "mentorship.frozen.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to export; the first day is kept.",
    )
    file_format = fields.Selection([("xlsx", "Excel (XLSX)"), ("csv", "CSV")], default="xlsx", required=True)
    encoding = fields.Selection(
        [("utf-8", "UTF-8"), ("cp1251", "Windows-1251")],
        default="cp1251",
        required=True,
        help="For CSV files: 1C:ZUP on Windows reads Windows-1251 by default.",
    )
    allowance_ids = fields.Many2many(
        "mentorship.allowance",
        "mentorship_allowance_export_rel",
        "export_id",
        "allowance_id",
        string="Accruals",
        compute="_compute_allowance_ids",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('company_id', '=', company_id), ('state', 'in', ('confirmed', 'exported'))]",
    )
    allowance_count = fields.Integer(compute="_compute_totals")
    amount_total = fields.Monetary(compute="_compute_totals", string="Amount", groups=AMOUNT_GROUPS)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Exported")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    is_reexport = fields.Boolean(
        string="Re-export", readonly=True, help="Some of these accruals had already been exported."
    )
    reexport_of_id = fields.Many2one("mentorship.allowance.export", string="Re-export of", readonly=True)
    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True, copy=False)
    file_name = fields.Char(related="attachment_id.name", string="File Name")
    file_data = fields.Binary(related="attachment_id.datas", string="Download")
    row_count = fields.Integer(readonly=True)
    exported_by_id = fields.Many2one("res.users", readonly=True)
    exported_on = fields.Datetime(readonly=True)

    @api.depends("month", "is_reexport")
    def _compute_name(self):
        for export in self:
            month = export.month and export.month.strftime("%m.%Y") or ""
            if export.is_reexport:
                export.name = self.env._("1C export %(month)s (re-export)", month=month)
            else:
                export.name = self.env._("1C export %(month)s", month=month)

    @api.depends("month", "company_id")
    def _compute_allowance_ids(self):
        for export in self:
            if export.state != "draft" or not export.month:
                continue
            export.allowance_ids = self.env["mentorship.allowance"].search(
                [
                    ("company_id", "=", export.company_id.id),
                    ("month", "=", export.month.replace(day=1)),
                    ("state", "=", "confirmed"),
                ]
            )

    @api.depends("allowance_ids")
    def _compute_totals(self):
        for export in self:
            export.allowance_count = len(export.allowance_ids)
            export.amount_total = sum(export.allowance_ids.sudo().mapped("amount_total"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().create(vals_list)

    # --- locking (mentorship.frozen.mixin): a finished export never changes (only the chatter,
    # which may set its main attachment).

    def _frozen_write_message(self, frozen):
        return self.env._("A finished export cannot change: make a re-export instead.")

    def _frozen_unlink_message(self, frozen):
        return self.env._("A finished export is kept as a record of what was sent to 1C.")

    def _check_write(self, vals):
        """A draft is finished by `action_export` alone, in the one write that stores its file with
        the state: setting the state without a file is refused."""
        result = super()._check_write(vals)
        if vals.get("state", "draft") != "draft" and not vals.get("attachment_id"):
            raise UserError(self.env._("An export is finished by exporting it, which writes its file."))
        return result

    def write(self, vals):
        if vals.get("month"):
            vals["month"] = fields.Date.to_date(vals["month"]).replace(day=1)
        return super().write(vals)

    # --- file --------------------------------------------------------------------------------

    def _headers(self):
        return [
            self.env._("Personnel No."),
            self.env._("Full Name"),
            self.env._("Earning Code"),
            self.env._("Period"),
            self.env._("Days"),
            self.env._("Amount"),
        ]

    def _rows(self):
        """One row per mentor, earning code and period (the month of the accrual, or the month an
        adjustment corrects): personnel number, full name, earning code, period (first day of the
        month), days, amount."""
        self.ensure_one()
        lines = self.allowance_ids.sudo().line_ids
        groups = defaultdict(lambda: {"days": 0.0, "amount": Decimal(0), "adjustment_days": 0.0})
        for line in lines:
            period = line.corrected_month if line.is_adjustment else line.month
            group = groups[(line.employee_id, line.earning_code or "", period)]
            if line.is_adjustment:
                group["adjustment_days"] += line.eligible_days
            else:
                group["days"] = max(group["days"], line.eligible_days)
            group["amount"] += Decimal(str(line.amount)).quantize(Decimal("0.01"))
        rows = []
        for (employee, code, period), group in sorted(
            groups.items(), key=lambda item: (item[0][0].name or "", item[0][0].id, item[0][2], item[0][1])
        ):
            if not employee.registration_number:
                raise UserError(
                    self.env._(
                        "%(mentor)s has no personnel number: enter it on the employee (HR Settings) "
                        "before exporting to 1C.",
                        mentor=employee.name,
                    )
                )
            days = round(group["days"] + group["adjustment_days"], 2)
            rows.append([employee.registration_number, employee.name, code, period, days, group["amount"]])
        return rows

    def _render_xlsx(self, rows):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.env._("Mentor allowance")
        sheet.append(self._headers())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, name, code, period, days, amount in rows:
            sheet.append([number, name, code, period, days, float(amount)])
            row = sheet.max_row
            sheet.cell(row, 4).number_format = "MM.YYYY"
            sheet.cell(row, 5).number_format = "0.##"
            sheet.cell(row, 6).number_format = "#,##0.00"
        for column, width in zip("ABCDEF", (14, 40, 14, 10, 8, 14), strict=True):
            sheet.column_dimensions[column].width = width
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()

    def _render_csv(self, rows):
        """Semicolon-separated, decimal comma: what Excel and 1C expect in a Russian locale."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(self._headers())
        for number, name, code, period, days, amount in rows:
            writer.writerow(
                [
                    number,
                    name,
                    code,
                    period.strftime("%m.%Y"),
                    f"{days:g}".replace(".", ","),
                    f"{amount:.2f}".replace(".", ","),
                ]
            )
        text = buffer.getvalue()
        try:
            return text.encode(self.encoding)
        except UnicodeEncodeError as error:
            raise UserError(
                self.env._(
                    "«%(text)s» cannot be written in %(encoding)s: choose UTF-8 or correct the name.",
                    text=text[max(error.start - 20, 0) : error.end + 20].strip(),
                    encoding=dict(self._fields["encoding"]._description_selection(self.env))[self.encoding],
                )
            ) from error

    def action_export(self):
        self.env["mentorship.allowance"]._check_payroll_officer()
        if any(export.state != "draft" for export in self):
            raise UserError(self.env._("This export is finished: make a re-export instead."))
        for export in self:
            if not export.allowance_ids:
                raise UserError(
                    self.env._(
                        "There are no confirmed accruals of %(month)s to export: confirm them first.",
                        month=export.month.strftime("%m.%Y"),
                    )
                )
            wrong_month = export.allowance_ids.filtered(lambda a, e=export: a.month != e.month)
            if wrong_month:
                raise UserError(
                    self.env._(
                        "Accrual %(accrual)s is not of %(month)s: export one month at a time.",
                        accrual=wrong_month[0].name,
                        month=export.month.strftime("%m.%Y"),
                    )
                )
            reexport = any(allowance.state == "exported" for allowance in export.allowance_ids)
            export.allowance_ids._mark_exported()
            rows = export._rows()
            if export.file_format == "xlsx":
                data = export._render_xlsx(rows)
                extension = "xlsx"
                mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            else:
                data = export._render_csv(rows)
                extension = "csv"
                mimetype = "text/csv"
            suffix = "_reexport" if reexport else ""
            file_name = f"mentor_allowance_{export.month.strftime('%Y_%m')}{suffix}_{export.id}.{extension}"
            attachment = self.env["ir.attachment"].create(
                {
                    "name": file_name,
                    "datas": base64.b64encode(data),
                    "mimetype": mimetype,
                    "res_model": export._name,
                    "res_id": export.id,
                }
            )
            # Still a draft: the guard of write() lets this one write (file and state together) in.
            export.write(
                {
                    "attachment_id": attachment.id,
                    "state": "done",
                    "is_reexport": reexport,
                    "row_count": len(rows),
                    "exported_by_id": self.env.user.id,
                    "exported_on": fields.Datetime.now(),
                }
            )
            export.message_post(
                body=self.env._(
                    "%(count)s accruals exported to %(file)s.",
                    count=len(export.allowance_ids),
                    file=file_name,
                ),
                attachment_ids=attachment.ids,
            )
        return True

    def action_reexport(self):
        """A new export of the same accruals, marked as a re-export."""
        self.ensure_one()
        self.env["mentorship.allowance"]._check_payroll_officer()
        if self.state != "done":
            raise UserError(self.env._("Only a finished export can be exported again."))
        new = self.create(
            {
                "company_id": self.company_id.id,
                "month": self.month,
                "file_format": self.file_format,
                "encoding": self.encoding,
                "reexport_of_id": self.id,
            }
        )
        new.allowance_ids = [Command.set(self.allowance_ids.ids)]
        new.action_export()
        return window_action(None, self._name, res_id=new.id)
