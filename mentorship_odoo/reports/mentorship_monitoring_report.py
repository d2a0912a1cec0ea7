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
WRAP = Alignment(wrap_text=True, vertical="top")


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
                "role": roles[row["role"]],
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
        workbook.remove(workbook.active)
        for add_sheet in (
            self._xlsx_summary,
            self._xlsx_indicators,
            self._xlsx_pairs,
            self._xlsx_participants,
            self._xlsx_activity,
            self._xlsx_surveys,
            self._xlsx_satisfaction,
            self._xlsx_before_after,
            self._xlsx_before_after_by_person,
            self._xlsx_swot,
            self._xlsx_awards,
            self._xlsx_achievements,
        ):
            add_sheet(workbook, report)
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()

    @api.model
    def _xlsx_summary(self, workbook, report):
        status_counts = report["kpi_status_counts"]
        sheet = self._xlsx_sheet(
            workbook,
            self.env._("Summary"),
            None,
            [
                (self.env._("Monitoring of the Mentoring Programme"),),
                (),
                (self.env._("Institution"), report["company"].name),
                (self.env._("Programme"), report["programme"].name),
                (self.env._("Period"), report["period"]),
                (self.env._("Printed On"), report["printed_on"]),
                (),
                (self.env._("Mentors"), report["mentor_count"]),
                (self.env._("Mentees"), report["mentee_count"]),
                (self.env._("Pairs and Groups"), report["pairs"]["total"]),
                (self.env._("Indicators Met"), status_counts["met"]),
                (self.env._("Indicators Close"), status_counts["close"]),
                (self.env._("Indicators Behind"), status_counts["behind"]),
                (),
                (self.env._("Conclusions"),),
                *[(line,) for line in report["conclusions"]],
            ],
        )
        sheet["A1"].font = TITLE_FONT

    @api.model
    def _xlsx_indicators(self, workbook, report):
        columns = [
            (self.env._("Indicator"), "kpi"),
            (self.env._("Unit"), "unit"),
            (self.env._("Year"), "year"),
            (self.env._("Target"), "target"),
            (self.env._("Actual"), _rounded("actual")),
            (self.env._("Numerator"), "numerator"),
            (self.env._("Denominator"), "denominator"),
            (self.env._("Date"), "date"),
            (self.env._("Status"), "status_label"),
        ]
        sheet = self._xlsx_table(workbook, self.env._("Indicators"), columns, report["kpis"])
        # The status, in the last column, is coloured.
        for index, row in enumerate(report["kpis"], start=2):
            if row["status"] in STATUS_FILLS:
                sheet.cell(index, len(columns)).fill = STATUS_FILLS[row["status"]]

    @api.model
    def _xlsx_pairs(self, workbook, report):
        pairs = report["pairs"]
        total = {"form": self.env._("Total"), "counts": pairs["totals"], "mentees": pairs["mentees"]}
        self._xlsx_table(
            workbook,
            self.env._("Pairs"),
            [
                (self.env._("Form of Mentoring"), "form"),
                *[(label, lambda row, key=key: row["counts"][key]) for key, label in pairs["states"]],
                (self.env._("Total"), lambda row: sum(row["counts"].values())),
                (self.env._("Mentees"), "mentees"),
            ],
            [*pairs["rows"], total],
        )

    @api.model
    def _xlsx_participants(self, workbook, report):
        self._xlsx_table(
            workbook,
            self.env._("Participants"),
            [
                (self.env._("Role"), "role"),
                (self.env._("Source"), "source"),
                (self.env._("State"), "state"),
                (self.env._("Count"), "count"),
            ],
            report["participants"],
        )

    @api.model
    def _xlsx_activity(self, workbook, report):
        meetings, plans = report["meetings"], report["plans"]
        self._xlsx_sheet(
            workbook,
            self.env._("Meetings and Plans"),
            (self.env._("Figure"), self.env._("Value")),
            [
                (self.env._("Meetings held"), meetings["held"]),
                (self.env._("Meetings planned"), meetings["planned"]),
                (self.env._("Meetings missed"), meetings["missed"]),
                (self.env._("Meetings cancelled"), meetings["cancelled"]),
                (self.env._("Plans"), plans["plans"]),
                (self.env._("Plans completed"), plans["plans_done"]),
                (self.env._("Plan completion (%)"), _round(plans["plan_completion"])),
                (self.env._("Plan activities"), plans["lines"]),
                (self.env._("Activities done"), plans["lines_done"]),
                (self.env._("Activity completion (%)"), _round(plans["line_completion"])),
            ],
        )

    @api.model
    def _xlsx_surveys(self, workbook, report):
        self._xlsx_table(
            workbook,
            self.env._("Questionnaires"),
            [
                (self.env._("Questionnaire"), "survey"),
                (self.env._("Purpose"), "purpose"),
                (self.env._("Sent"), "sent"),
                (self.env._("Answered"), "done"),
                (self.env._("Response Rate (%)"), _rounded("rate")),
            ],
            report["surveys"],
        )

    @api.model
    def _xlsx_satisfaction(self, workbook, report):
        self._xlsx_table(
            workbook,
            self.env._("Satisfaction"),
            [
                (self.env._("Role"), "role"),
                (self.env._("Respondents"), "respondents"),
                (self.env._("Mean Score"), _rounded("mean")),
                (self.env._("Satisfied From"), "threshold"),
                (self.env._("Satisfied"), "satisfied"),
                (self.env._("Satisfied (%)"), _rounded("share")),
            ],
            report["satisfaction"],
        )

    @api.model
    def _xlsx_before_after(self, workbook, report):
        hidden = self.env._("hidden: fewer than 3 answers")
        yes, no = self.env._("yes"), self.env._("no")
        exact = self.env._("Wilcoxon signed-rank, exact")
        approximation = self.env._("Wilcoxon signed-rank, normal approximation")
        means = [
            (self.env._("Baseline Mean"), "baseline_mean"),
            (self.env._("Final Mean"), "final_mean"),
            (self.env._("Mean Change"), "change_mean"),
            (self.env._("Median Change"), "change_median"),
        ]
        self._xlsx_table(
            workbook,
            self.env._("Before and After"),
            [
                (self.env._("Item"), "item"),
                (self.env._("Code"), "code"),
                (self.env._("Pairs of Answers"), "n"),
                # Means of confidential items over too few people are not shown.
                *[
                    (label, lambda item, key=key: hidden if item["hidden"] else _round(item[key], 2))
                    for label, key in means
                ],
                (self.env._("Improved"), "improved"),
                (self.env._("Worsened"), "worsened"),
                (self.env._("Unchanged"), "unchanged"),
                (self.env._("W+"), "w_plus"),
                (self.env._("W-"), "w_minus"),
                (self.env._("p-value"), _rounded("p_value", 4)),
                (self.env._("Significant"), lambda item: yes if item["significant"] else no),
                (self.env._("Test"), lambda item: exact if item["method"] == "exact" else approximation),
            ],
            report["before_after"],
        )

    @api.model
    def _xlsx_before_after_by_person(self, workbook, report):
        self._xlsx_table(
            workbook,
            self.env._("Before and After by Person"),
            [
                (self.env._("Participant"), "person"),
                (self.env._("Role"), "role"),
                (self.env._("Code"), "code"),
                (self.env._("Baseline"), "baseline"),
                (self.env._("Final"), "final"),
                (self.env._("Change"), "change"),
            ],
            report["before_after_rows"],
        )

    @api.model
    def _xlsx_swot(self, workbook, report):
        self._xlsx_sheet(
            workbook,
            self.env._("SWOT"),
            (self.env._("Quadrant"), self.env._("Statement")),
            [(label, statement) for label, statements in report["swot"] for statement in statements],
        )

    @api.model
    def _xlsx_awards(self, workbook, report):
        self._xlsx_table(
            workbook,
            self.env._("Awards"),
            [
                (self.env._("Nomination"), "nomination"),
                (self.env._("Recipient"), "recipient"),
                (self.env._("Year"), "year"),
                (self.env._("Order"), "order"),
            ],
            report["awards"],
        )

    @api.model
    def _xlsx_achievements(self, workbook, report):
        self._xlsx_table(
            workbook,
            self.env._("Achievements"),
            [
                (self.env._("Participant"), "person"),
                (self.env._("Role"), "role"),
                (self.env._("Achievement"), "name"),
                (self.env._("Level"), "level_code"),
                (self.env._("Organiser"), "organiser"),
                (self.env._("Document Received"), "result"),
                (self.env._("Date"), "date"),
            ],
            report["achievements"],
        )

    # --- Cells and styles -----------------------------------------------------------------

    @api.model
    def _xlsx_table(self, workbook, title, columns, records):
        """A sheet with a header row and a row per record: ``columns`` are (label, value) pairs
        whose value is a key of the record or a function of the record."""
        return self._xlsx_sheet(
            workbook,
            title,
            [label for label, _value in columns],
            [
                [value(record) if callable(value) else record[value] for _label, value in columns]
                for record in records
            ],
        )

    @api.model
    def _xlsx_sheet(self, workbook, title, header, rows):
        """A new sheet named ``title`` (cut to Excel's 31 characters) holding the ``header`` row,
        when given, and the ``rows``."""
        sheet = workbook.create_sheet(title[:31])
        if header:
            sheet.append(list(header))
            self._style_header(sheet)
        for row in rows:
            sheet.append(list(row))
        self._fit_columns(sheet)
        self._format_cells(sheet)
        return sheet

    @api.model
    def _style_header(self, sheet):
        for cell in sheet[1]:
            cell.font = HEADER_FONT
            cell.fill = HEADER_FILL
            cell.alignment = WRAP
        sheet.freeze_panes = "A2"

    @api.model
    def _fit_columns(self, sheet):
        """Each column as wide as its longest value, within 10 to 60 characters."""
        for column in range(1, sheet.max_column + 1):
            letter = get_column_letter(column)
            width = max((len(str(cell.value)) for cell in sheet[letter] if cell.value), default=8)
            sheet.column_dimensions[letter].width = min(max(width + 2, 10), 60)

    @api.model
    def _format_cells(self, sheet):
        """Dates in the Russian format; long texts below the first row wrapped."""
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, date):
                    cell.number_format = "DD.MM.YYYY"
                elif cell.row > 1 and isinstance(cell.value, str) and len(cell.value) > 60:
                    cell.alignment = WRAP


def _round(value, digits=1):
    return None if value is None else round(value, digits)


def _rounded(key, digits=1):
    """A column value of _xlsx_table: the record's ``key`` rounded to ``digits``."""
    return lambda record: _round(record[key], digits)
