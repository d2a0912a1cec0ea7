import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from odoo import api, fields, models
from odoo.tools.misc import format_date

from ..models.mentorship_achievement import ACHIEVEMENT_LEVEL_CODES
from ..models.mentorship_programme_monitoring import SIGNIFICANCE_LEVEL
from ..models.survey_user_input import PSYCHOLOGIST_GROUP

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TITLE_FONT = Font(bold=True, size=14)
STATUS_FILLS = {
    "met": PatternFill("solid", fgColor="C6EFCE"),
    "close": PatternFill("solid", fgColor="FFEB9C"),
    "behind": PatternFill("solid", fgColor="FFC7CE"),
}


class ReportMentorshipMonitoring(models.AbstractModel):
    """The monitoring report of a programme for a period: the data, the XLSX workbook (a sheet
    per section) and the values of the PDF final analytical report (QWeb)."""

    _name = "report.mentorship_odoo.report_monitoring"
    _description = "Mentoring Monitoring Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        programmes = self.env["mentorship.programme"].browse(docids)
        date_from = fields.Date.to_date(data.get("date_from"))
        date_to = fields.Date.to_date(data.get("date_to"))
        reports = [
            self._collect(programme, date_from or programme.date_start, date_to or programme.date_end)
            for programme in programmes
        ]
        return {
            "doc_ids": docids,
            "doc_model": "mentorship.programme",
            "docs": programmes,
            "reports": reports,
        }

    # --- Data -----------------------------------------------------------------------------

    @api.model
    def _collect(self, programme, date_from, date_to):
        """Every section of the report as plain Python data."""
        programme.check_access("read")
        kpis = programme._get_kpi_rows(date_from, date_to)
        before_after = programme._get_before_after(date_from, date_to)
        satisfaction = programme._get_satisfaction_stats(date_from, date_to)
        pairs = programme._get_pair_stats(date_from, date_to)
        awards = (
            self.env["mentorship.award"]
            .sudo()
            .search(
                [
                    ("programme_id", "=", programme.id),
                    ("state", "=", "awarded"),
                    ("year", ">=", date_from.year),
                    ("year", "<=", date_to.year),
                ],
                order="year, nomination_id, id",
            )
        )
        achievements = (
            self.env["mentorship.achievement"]
            .sudo()
            .search(
                [
                    ("programme_id", "=", programme.id),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                order="date, id",
            )
        )
        levels = dict(achievements._fields["level"]._description_selection(self.env))
        roles = dict(self.env["mentorship.participant"]._fields["role"]._description_selection(self.env))
        status_counts = {status: sum(1 for row in kpis if row["status"] == status) for status in STATUS_FILLS}
        return {
            "programme": programme,
            "company": programme.company_id,
            "date_from": date_from,
            "date_to": date_to,
            "period": f"{format_date(self.env, date_from)} – {format_date(self.env, date_to)}",
            "printed_on": format_date(self.env, fields.Date.context_today(self)),
            "participants": programme._get_participant_stats(),
            "mentor_count": programme.mentor_count,
            "mentee_count": programme.mentee_count,
            "pairs": pairs,
            "meetings": programme._get_meeting_stats(date_from, date_to),
            "plans": programme._get_plan_stats(),
            "kpis": kpis,
            "kpi_status_counts": status_counts,
            "surveys": programme._get_survey_stats(date_from, date_to),
            "satisfaction": [dict(stats, role=roles[role]) for role, stats in satisfaction.items()],
            "before_after": before_after,
            "before_after_rows": self._before_after_rows(programme, date_from, date_to),
            "significance_level": SIGNIFICANCE_LEVEL,
            "swot": programme._get_swot(),
            "awards": [
                {
                    "nomination": award.nomination_id.name,
                    "recipient": award.recipient_name,
                    "year": award.year,
                    "order": " ".join(
                        filter(
                            None,
                            [
                                award.order_number,
                                award.order_date and format_date(self.env, award.order_date),
                            ],
                        )
                    ),
                }
                for award in awards
            ],
            "achievements": [
                {
                    "person": achievement.participant_id.name,
                    "role": roles[achievement.role],
                    "name": achievement.name,
                    "level": levels[achievement.level],
                    "level_code": ACHIEVEMENT_LEVEL_CODES[achievement.level],
                    "organiser": achievement.organiser or "",
                    "result": achievement.result or "",
                    "date": achievement.date,
                }
                for achievement in achievements
            ],
            "achievement_levels": [
                (label, sum(1 for a in achievements if a.level == level))
                for level, label in achievements._fields["level"]._description_selection(self.env)
            ],
            "conclusions": self._conclusions(kpis, before_after, satisfaction, pairs),
            "fmt": programme._format_number,
            "format_date": lambda value: format_date(self.env, value) if value else "",
        }

    @api.model
    def _before_after_rows(self, programme, date_from, date_to):
        """Individual results: confidential items only for psychologists."""
        rows = self.env["mentorship.measure.result"]._get_rows([programme.id], date_from, date_to)
        if not self.env.user.has_group(PSYCHOLOGIST_GROUP):
            rows = [row for row in rows if not row["is_confidential"]]
        participants = (
            self.env["mentorship.participant"].sudo().browse({row["participant_id"] for row in rows})
        )
        names = {participant.id: participant.name for participant in participants}
        roles = dict(participants._fields["role"]._description_selection(self.env))
        return [
            {
                "person": names[row["participant_id"]],
                "role": roles.get(row["role"], ""),
                "code": row["code"],
                "baseline": row["baseline_value"],
                "final": row["final_value"],
                "change": None
                if row["baseline_value"] is None or row["final_value"] is None
                else row["final_value"] - row["baseline_value"],
            }
            for row in sorted(rows, key=lambda row: (row["code"], names[row["participant_id"]]))
        ]

    @api.model
    def _conclusions(self, kpis, before_after, satisfaction, pairs):
        """Plain sentences for the analytical report."""
        lines = []
        measured = [row for row in kpis if row["actual"] is not None and row["target"] is not None]
        if measured:
            met = sum(1 for row in measured if row["status"] == "met")
            lines.append(
                self.env._(
                    "%(met)s of %(total)s indicator values with a target have reached it.",
                    met=met,
                    total=len(measured),
                )
            )
            behind = sorted({row["kpi"] for row in measured if row["status"] == "behind"})
            if behind:
                lines.append(self.env._("Behind target: %(names)s.", names="; ".join(behind)))
        lines.append(
            self.env._(
                "%(total)s pairs and groups worked in the period, %(done)s completed and %(terminated)s "
                "terminated early.",
                total=pairs["total"],
                done=pairs["totals"].get("done", 0),
                terminated=pairs["totals"].get("terminated", 0),
            )
        )
        for role, label in (("mentor", self.env._("mentors")), ("mentee", self.env._("mentees"))):
            stats = satisfaction[role]
            if stats["respondents"]:
                # Formatted beforehand: Babel's term extraction cannot read f-strings inside the call.
                share = "{:.0f}".format(stats["share"])
                mean = "{:.1f}".format(stats["mean"])
                lines.append(
                    self.env._(
                        "%(share)s%% of %(who)s are satisfied with the programme (%(n)s respondents, "
                        "mean score %(mean)s).",
                        share=share,
                        who=label,
                        n=stats["respondents"],
                        mean=mean,
                    )
                )
        improved = [item["item"] for item in before_after if item["direction"] == "improved"]
        worsened = [item["item"] for item in before_after if item["direction"] == "worsened"]
        if improved:
            lines.append(self.env._("Significant improvement: %(items)s.", items="; ".join(improved)))
        if worsened:
            lines.append(self.env._("Significant deterioration: %(items)s.", items="; ".join(worsened)))
        if before_after and not improved and not worsened:
            lines.append(self.env._("No significant change between the baseline and the final measurement."))
        return lines

    # --- Workbook -------------------------------------------------------------------------

    @api.model
    def _build_xlsx(self, report):
        """The workbook of ``report`` (see _collect) as bytes: a sheet per section."""
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.env._("Summary")[:31]
        programme = report["programme"]
        self._write_rows(
            sheet,
            None,
            [
                (self.env._("Monitoring of the Mentoring Programme"),),
                (),
                (self.env._("Institution"), report["company"].name),
                (self.env._("Programme"), programme.name),
                (self.env._("Period"), report["period"]),
                (self.env._("Printed On"), report["printed_on"]),
                (),
                (self.env._("Mentors"), report["mentor_count"]),
                (self.env._("Mentees"), report["mentee_count"]),
                (self.env._("Pairs and Groups"), report["pairs"]["total"]),
                (self.env._("Indicators Met"), report["kpi_status_counts"]["met"]),
                (self.env._("Indicators Close"), report["kpi_status_counts"]["close"]),
                (self.env._("Indicators Behind"), report["kpi_status_counts"]["behind"]),
                (),
                (self.env._("Conclusions"),),
                *[(line,) for line in report["conclusions"]],
            ],
        )
        sheet["A1"].font = TITLE_FONT

        sheet = workbook.create_sheet(self.env._("Indicators")[:31])
        self._write_rows(
            sheet,
            (
                self.env._("Indicator"),
                self.env._("Unit"),
                self.env._("Year"),
                self.env._("Target"),
                self.env._("Actual"),
                self.env._("Numerator"),
                self.env._("Denominator"),
                self.env._("Date"),
                self.env._("Status"),
            ),
            [
                (
                    row["kpi"],
                    row["unit"],
                    row["year"],
                    row["target"],
                    _round(row["actual"]),
                    row["numerator"],
                    row["denominator"],
                    row["date"],
                    row["status_label"],
                )
                for row in report["kpis"]
            ],
        )
        for index, row in enumerate(report["kpis"], start=2):
            if row["status"] in STATUS_FILLS:
                sheet.cell(index, 9).fill = STATUS_FILLS[row["status"]]

        pairs = report["pairs"]
        sheet = workbook.create_sheet(self.env._("Pairs")[:31])
        self._write_rows(
            sheet,
            (
                self.env._("Form of Mentoring"),
                *[label for _key, label in pairs["states"]],
                self.env._("Total"),
                self.env._("Mentees"),
            ),
            [
                (
                    row["form"],
                    *[row["counts"][key] for key, _label in pairs["states"]],
                    sum(row["counts"].values()),
                    row["mentees"],
                )
                for row in pairs["rows"]
            ]
            + [
                (
                    self.env._("Total"),
                    *[pairs["totals"][key] for key, _label in pairs["states"]],
                    pairs["total"],
                    pairs["mentees"],
                )
            ],
        )

        sheet = workbook.create_sheet(self.env._("Participants")[:31])
        self._write_rows(
            sheet,
            (self.env._("Role"), self.env._("Source"), self.env._("State"), self.env._("Count")),
            [(row["role"], row["source"], row["state"], row["count"]) for row in report["participants"]],
        )

        sheet = workbook.create_sheet(self.env._("Meetings and Plans")[:31])
        activity = []
        if report["meetings"] is not None:
            meetings = report["meetings"]
            activity += [
                (self.env._("Meetings held"), meetings["held"]),
                (self.env._("Meetings planned"), meetings["planned"]),
                (self.env._("Meetings missed"), meetings["missed"]),
                (self.env._("Meetings cancelled"), meetings["cancelled"]),
            ]
        if report["plans"] is not None:
            plans = report["plans"]
            activity += [
                (self.env._("Plans"), plans["plans"]),
                (self.env._("Plans completed"), plans["plans_done"]),
                (self.env._("Plan completion (%)"), _round(plans["plan_completion"])),
            ]
            if plans["lines"] is not None:
                activity += [
                    (self.env._("Plan activities"), plans["lines"]),
                    (self.env._("Activities done"), plans["lines_done"]),
                    (self.env._("Activity completion (%)"), _round(plans["line_completion"])),
                ]
        if not activity:
            activity = [(self.env._("Meetings and plans are not recorded in this database."),)]
        self._write_rows(sheet, (self.env._("Figure"), self.env._("Value")), activity)

        sheet = workbook.create_sheet(self.env._("Questionnaires")[:31])
        self._write_rows(
            sheet,
            (
                self.env._("Questionnaire"),
                self.env._("Purpose"),
                self.env._("Sent"),
                self.env._("Answered"),
                self.env._("Response Rate (%)"),
            ),
            [
                (row["survey"], row["purpose"], row["sent"], row["done"], _round(row["rate"]))
                for row in report["surveys"]
            ],
        )

        sheet = workbook.create_sheet(self.env._("Satisfaction")[:31])
        self._write_rows(
            sheet,
            (
                self.env._("Role"),
                self.env._("Respondents"),
                self.env._("Mean Score"),
                self.env._("Satisfied From"),
                self.env._("Satisfied"),
                self.env._("Satisfied (%)"),
            ),
            [
                (
                    row["role"],
                    row["respondents"],
                    _round(row["mean"]),
                    row["threshold"],
                    row["satisfied"],
                    _round(row["share"]),
                )
                for row in report["satisfaction"]
            ],
        )

        sheet = workbook.create_sheet(self.env._("Before and After")[:31])
        self._write_rows(
            sheet,
            (
                self.env._("Item"),
                self.env._("Code"),
                self.env._("Pairs of Answers"),
                self.env._("Baseline Mean"),
                self.env._("Final Mean"),
                self.env._("Mean Change"),
                self.env._("Median Change"),
                self.env._("Improved"),
                self.env._("Worsened"),
                self.env._("Unchanged"),
                self.env._("W+"),
                self.env._("W-"),
                self.env._("p-value"),
                self.env._("Significant"),
                self.env._("Test"),
            ),
            [
                (
                    item["item"],
                    item["code"],
                    item["n"],
                    *(
                        (self.env._("hidden: fewer than 3 answers"),) * 4
                        if item["hidden"]
                        else (
                            _round(item["baseline_mean"], 2),
                            _round(item["final_mean"], 2),
                            _round(item["change_mean"], 2),
                            _round(item["change_median"], 2),
                        )
                    ),
                    item["improved"],
                    item["worsened"],
                    item["unchanged"],
                    item["w_plus"],
                    item["w_minus"],
                    _round(item["p_value"], 4),
                    self.env._("yes") if item["significant"] else self.env._("no"),
                    self.env._("Wilcoxon signed-rank, exact")
                    if item["method"] == "exact"
                    else self.env._("Wilcoxon signed-rank, normal approximation"),
                )
                for item in report["before_after"]
            ],
        )
        sheet = workbook.create_sheet(self.env._("Before and After by Person")[:31])
        self._write_rows(
            sheet,
            (
                self.env._("Participant"),
                self.env._("Role"),
                self.env._("Code"),
                self.env._("Baseline"),
                self.env._("Final"),
                self.env._("Change"),
            ),
            [
                (row["person"], row["role"], row["code"], row["baseline"], row["final"], row["change"])
                for row in report["before_after_rows"]
            ],
        )

        sheet = workbook.create_sheet(self.env._("SWOT")[:31])
        self._write_rows(
            sheet,
            (self.env._("Quadrant"), self.env._("Statement")),
            [(label, statement) for label, statements in report["swot"] for statement in statements],
        )

        sheet = workbook.create_sheet(self.env._("Awards")[:31])
        self._write_rows(
            sheet,
            (self.env._("Nomination"), self.env._("Recipient"), self.env._("Year"), self.env._("Order")),
            [(row["nomination"], row["recipient"], row["year"], row["order"]) for row in report["awards"]],
        )

        sheet = workbook.create_sheet(self.env._("Achievements")[:31])
        self._write_rows(
            sheet,
            (
                self.env._("Participant"),
                self.env._("Role"),
                self.env._("Achievement"),
                self.env._("Level"),
                self.env._("Organiser"),
                self.env._("Document Received"),
                self.env._("Date"),
            ),
            [
                (
                    row["person"],
                    row["role"],
                    row["name"],
                    row["level_code"],
                    row["organiser"],
                    row["result"],
                    row["date"],
                )
                for row in report["achievements"]
            ],
        )
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()

    @api.model
    def _write_rows(self, sheet, header, rows):
        if header:
            sheet.append(list(header))
            for cell in sheet[1]:
                cell.font = HEADER_FONT
                cell.fill = HEADER_FILL
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.freeze_panes = "A2"
        for row in rows:
            sheet.append(list(row))
        for column in range(1, sheet.max_column + 1):
            width = max(
                (len(str(cell.value)) for cell in sheet[get_column_letter(column)] if cell.value), default=8
            )
            sheet.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 60)
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, date):
                    cell.number_format = "DD.MM.YYYY"
                elif cell.row > 1 and isinstance(cell.value, str) and len(cell.value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _round(value, digits=1):
    return None if value is None else round(value, digits)
