import base64
import io
import re
import zipfile
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.actions import window_action

DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d/%m/%Y")


def _normalise(name):
    return re.sub(r"\s+", " ", (name or "").strip().lower().replace("ё", "е"))


class MentorshipAbsenceImportWizard(models.TransientModel):
    """Import student absences from an XLSX file. Every row is checked first; when any row is
    wrong nothing is written and every wrong row is reported with its number."""

    _name = "mentorship.absence.import.wizard"
    _description = "Import Student Absences"

    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    file = fields.Binary(string="XLSX File")
    file_name = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("error", "Errors Found"), ("done", "Imported")], default="draft", required=True
    )
    result = fields.Text(readonly=True)
    absence_ids = fields.Many2many("mentorship.absence", string="Imported Absences", readonly=True)

    def _columns(self):
        return [
            self.env._("Student"),
            self.env._("Study Group"),
            self.env._("From"),
            self.env._("To"),
            self.env._("Reason"),
        ]

    def action_download_template(self):
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.env._("Absences")
        sheet.append(self._columns())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.append(
            ["Иванов Иван Иванович", "ТМ-25", date(2025, 10, 6), date(2025, 10, 10), "ОРВИ, справка"]
        )
        sheet.cell(2, 3).number_format = "DD.MM.YYYY"
        sheet.cell(2, 4).number_format = "DD.MM.YYYY"
        buffer = io.BytesIO()
        workbook.save(buffer)
        attachment = self.env["ir.attachment"].create(
            {
                "name": "student_absences_template.xlsx",
                "datas": base64.b64encode(buffer.getvalue()),
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def _parse_date(self, value):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = str(value).strip()
        for fmt in DATE_FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        return None

    def _read_rows(self):
        if not self.file:
            raise UserError(self.env._("Choose the .xlsx file to import."))
        try:
            workbook = load_workbook(io.BytesIO(base64.b64decode(self.file)), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise UserError(
                self.env._("The file is not an Excel workbook (.xlsx): save it as .xlsx and try again.")
            ) from error
        sheet = workbook.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if number == 1:
                continue  # header
            cells = list(row) + [None] * (5 - len(row))
            if all(cell is None or str(cell).strip() == "" for cell in cells[:5]):
                continue
            rows.append((number, cells[:5]))
        workbook.close()
        return rows

    def _validate(self, rows):
        """Return (values to create, problems as 'Row n: …' strings)."""
        students = self.env["res.partner"].search_read(
            [("is_student", "=", True), ("company_id", "in", [False, self.company_id.id])],
            ["name", "study_group"],
        )
        by_name = {}
        for student in students:
            by_name.setdefault(_normalise(student["name"]), []).append(student)
        problems, values, origin_rows = [], [], []
        for number, (name, group, date_from, date_to, reason) in rows:
            row_problems = []
            name = str(name).strip() if name is not None else ""
            group = str(group).strip() if group is not None else ""
            partner_id = False
            if not name:
                row_problems.append(self.env._("the student's name is empty"))
            else:
                matches = by_name.get(_normalise(name), [])
                if group and len(matches) > 1:
                    matches = [m for m in matches if _normalise(m["study_group"]) == _normalise(group)]
                if not matches:
                    row_problems.append(
                        self.env._("no student «%(name)s» (tick “Student” on the contact first)", name=name)
                    )
                elif len(matches) > 1:
                    row_problems.append(
                        self.env._(
                            "several students are called «%(name)s»: fill in the study group", name=name
                        )
                    )
                else:
                    partner_id = matches[0]["id"]
            parsed_dates = []
            for label, raw in ((self.env._("From"), date_from), (self.env._("To"), date_to)):
                parsed = None
                if raw is None or str(raw).strip() == "":
                    row_problems.append(self.env._("“%(column)s” is empty", column=label))
                else:
                    parsed = self._parse_date(raw)
                    if parsed is None:
                        row_problems.append(
                            self.env._(
                                "“%(column)s” (%(value)s) is not a date: use DD.MM.YYYY",
                                column=label,
                                value=raw,
                            )
                        )
                parsed_dates.append(parsed)
            start, end = parsed_dates
            if start and end and end < start:
                row_problems.append(self.env._("“To” is before “From”"))
            reason = str(reason).strip() if reason is not None else ""
            if not reason:
                row_problems.append(self.env._("the reason is empty"))
            if row_problems:
                problems.extend(
                    self.env._("Row %(row)s: %(problem)s.", row=number, problem=p) for p in row_problems
                )
                continue
            values.append(
                {
                    "partner_id": partner_id,
                    "company_id": self.company_id.id,
                    "date_from": start,
                    "date_to": end,
                    "reason": reason,
                    "source": "import",
                }
            )
            origin_rows.append(number)
        overlaps = self.env["mentorship.absence"]._find_overlaps(
            [(v["partner_id"], v["company_id"], v["date_from"], v["date_to"], None) for v in values]
        )
        for index, message in overlaps:
            problems.append(self.env._("Row %(row)s: %(problem)s", row=origin_rows[index], problem=message))
        return values, problems

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        if not rows:
            raise UserError(self.env._("The file has no rows below the header: nothing to import."))
        values, problems = self._validate(rows)
        if problems:
            self.write(
                {
                    "state": "error",
                    "result": self.env._(
                        "Nothing was imported: correct these rows and import the file again.\n%(problems)s",
                        problems="\n".join(problems),
                    ),
                }
            )
        else:
            absences = self.env["mentorship.absence"].create(values)
            self.write(
                {
                    "state": "done",
                    "absence_ids": [fields.Command.set(absences.ids)],
                    "result": self.env._("%(count)s absences imported.", count=len(absences)),
                }
            )
        return window_action(self.env._("Import Student Absences"), self._name, res_id=self.id, target="new")
