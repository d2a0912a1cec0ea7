import base64
import io
from datetime import datetime, time, timedelta

from openpyxl import Workbook

from odoo import fields, models
from odoo.exceptions import UserError

# Columns of the per-organisation sheet: (key, label) in order; labels are translated when built.
HEALTH_KEYS = ("on_track", "needs_attention", "at_risk")


class MentorshipRegionReportWizard(models.TransientModel):
    """The regional roll-up of mentoring: one row per organisation (company) and the region's
    totals, from grouped reads whose number does not grow with the number of organisations. The
    user's record rules apply, so a regional manager sees every organisation they work in and a
    curator only their own."""

    _name = "mentorship.region.report.wizard"
    _description = "Regional Mentoring Report"

    company_ids = fields.Many2many(
        "res.company",
        string="Organisations",
        required=True,
        default=lambda self: self.env.companies,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    xlsx_file = fields.Binary(string="Workbook", readonly=True, attachment=False)
    xlsx_name = fields.Char(readonly=True)

    def _check(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts: correct the dates."))
        # sudo: reading the selection itself would fail on a company the user cannot open.
        foreign = self.sudo().company_ids - self.env.user.company_ids
        if foreign:
            raise UserError(
                self.env._(
                    "You do not work in %(companies)s: remove them from the organisations of the report.",
                    companies=", ".join(foreign.mapped("name")),
                )
            )

    def _collect(self):
        """Per organisation: programmes, participants, pairs by state and health, meetings of the
        period by state, plan activities, latest indicator values; and the region's totals."""
        self._check()
        env = self.env(context=dict(self.env.context, allowed_company_ids=self.company_ids.ids))
        in_companies = [("company_id", "in", self.company_ids.ids)]
        start = datetime.combine(self.date_from, time.min)
        end = datetime.combine(self.date_to + timedelta(days=1), time.min)
        rows = {
            company: {"company": company.name, "programmes": 0, "mentors": 0, "mentees": 0}
            for company in self.company_ids.sorted("name")
        }
        for company, count in env["mentorship.programme"]._read_group(
            in_companies + [("state", "=", "running")], ["company_id"], ["__count"]
        ):
            rows[company]["programmes"] = count
        for company, role, count in env["mentorship.participant"]._read_group(
            in_companies + [("state", "!=", "rejected")], ["company_id", "role"], ["__count"]
        ):
            rows[company][f"{role}s"] = count
        for row in rows.values():
            row.update(dict.fromkeys(("active", "done", "terminated", *HEALTH_KEYS), 0))
            row.update(dict.fromkeys(("held", "missed", "lines", "lines_done", "lines_overdue"), 0))
        for company, state, health, count in env["mentorship.pair"]._read_group(
            in_companies + [("date_start", "<=", self.date_to), ("date_end", ">=", self.date_from)],
            ["company_id", "state", "health"],
            ["__count"],
        ):
            if state in ("active", "done", "terminated"):
                rows[company][state] += count
            if state == "active" and health:
                rows[company][health] += count
        for company, state, count in env["mentorship.meeting"]._read_group(
            in_companies + [("start", ">=", start), ("start", "<", end), ("state", "in", ("held", "missed"))],
            ["company_id", "state"],
            ["__count"],
        ):
            rows[company][state] = count
        today = fields.Date.context_today(self)
        # Activities: done and overdue (not done, deadline passed) by organisation.
        Line = env["mentorship.plan.line"]
        for company, state, count in Line._read_group(
            in_companies + [("state", "!=", "cancelled")], ["company_id", "state"], ["__count"]
        ):
            rows[company]["lines"] += count
            if state == "done":
                rows[company]["lines_done"] += count
        for company, count in Line._read_group(
            in_companies + [("state", "in", ("planned", "in_progress")), ("date_deadline", "<", today)],
            ["company_id"],
            ["__count"],
        ):
            rows[company]["lines_overdue"] = count
        for row in rows.values():
            row["completion"] = round(100.0 * row["lines_done"] / row["lines"], 1) if row["lines"] else 0.0
        totals = {
            key: sum(row[key] for row in rows.values())
            for key in next(iter(rows.values()), {})
            if key not in ("company", "completion")
        }
        totals["company"] = self.env._("Region")
        totals["completion"] = (
            round(100.0 * totals["lines_done"] / totals["lines"], 1) if totals.get("lines") else 0.0
        )
        indicators = [
            {
                "company": value.company_id.name,
                "programme": value.programme_id.name,
                "indicator": value.kpi_id.name,
                "unit": value.unit or "",
                "date": value.date,
                "value": round(value.value, 2),
                "target": round(value.target_value, 2),
                "status": dict(value._fields["status"]._description_selection(env)).get(value.status, ""),
            }
            for value in env["mentorship.kpi.value"].search(
                in_companies + [("is_latest", "=", True)], order="company_id, programme_id, kpi_sequence"
            )
        ]
        return {"rows": list(rows.values()), "totals": totals, "indicators": indicators}

    def _columns(self):
        return [
            ("company", self.env._("Organisation")),
            ("programmes", self.env._("Running Programmes")),
            ("mentors", self.env._("Mentors")),
            ("mentees", self.env._("Mentees")),
            ("active", self.env._("Active Pairs")),
            ("done", self.env._("Completed Pairs")),
            ("terminated", self.env._("Terminated Pairs")),
            ("on_track", self.env._("On Track")),
            ("needs_attention", self.env._("Needs Attention")),
            ("at_risk", self.env._("At Risk")),
            ("held", self.env._("Meetings Held")),
            ("missed", self.env._("Meetings Missed")),
            ("lines", self.env._("Plan Activities")),
            ("lines_done", self.env._("Activities Done")),
            ("lines_overdue", self.env._("Activities Overdue")),
            ("completion", self.env._("Completion (%)")),
        ]

    def _build_xlsx(self, report):
        builder = self.env["report.mentorship_odoo.report_monitoring"]
        workbook = Workbook()
        workbook.remove(workbook.active)
        columns = self._columns()
        builder._xlsx_sheet(
            workbook,
            self.env._("Organisations"),
            [label for _key, label in columns],
            [[row[key] for key, _label in columns] for row in [*report["rows"], report["totals"]]],
        )
        builder._xlsx_table(
            workbook,
            self.env._("Indicators"),
            [
                (self.env._("Organisation"), "company"),
                (self.env._("Programme"), "programme"),
                (self.env._("Indicator"), "indicator"),
                (self.env._("Unit"), "unit"),
                (self.env._("Date"), "date"),
                (self.env._("Actual"), "value"),
                (self.env._("Target"), "target"),
                (self.env._("Status"), "status"),
            ],
            report["indicators"],
        )
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()

    def action_export_xlsx(self):
        content = self._build_xlsx(self._collect())
        self.write(
            {
                "xlsx_file": base64.b64encode(content),
                "xlsx_name": self.env._(
                    "Regional report %(start)s-%(end)s.xlsx",
                    start=fields.Date.to_string(self.date_from),
                    end=fields.Date.to_string(self.date_to),
                ),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/xlsx_file/{self.xlsx_name}?download=true",
            "target": "download",
        }
