import statistics
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.actions import window_action
from ..tools.wilcoxon import wilcoxon_signed_rank
from .survey_user_input import PSYCHOLOGIST_GROUP

SIGNIFICANCE_LEVEL = 0.05
# Aggregates of confidential items over fewer people would reveal individual answers.
CONFIDENTIAL_MIN_GROUP = 3
DEFAULT_SATISFACTION_THRESHOLD = 7.0


class MentorshipProgramme(models.Model):
    """Monitoring of a programme: questionnaires, indicators, before and after, SWOT, awards,
    and the dashboard that sums them up for management."""

    _inherit = "mentorship.programme"

    kpi_value_ids = fields.One2many("mentorship.kpi.value", "programme_id", string="Indicator Values")
    latest_kpi_value_ids = fields.One2many(
        "mentorship.kpi.value",
        "programme_id",
        string="Targets and Actuals",
        domain=[("is_latest", "=", True)],
    )
    swot_item_ids = fields.One2many("mentorship.swot.item", "programme_id", string="SWOT")
    swot_strength_ids = fields.One2many(
        "mentorship.swot.item", "programme_id", string="Strengths", domain=[("quadrant", "=", "strength")]
    )
    swot_weakness_ids = fields.One2many(
        "mentorship.swot.item", "programme_id", string="Weaknesses", domain=[("quadrant", "=", "weakness")]
    )
    swot_opportunity_ids = fields.One2many(
        "mentorship.swot.item",
        "programme_id",
        string="Opportunities",
        domain=[("quadrant", "=", "opportunity")],
    )
    swot_threat_ids = fields.One2many(
        "mentorship.swot.item", "programme_id", string="Threats", domain=[("quadrant", "=", "threat")]
    )
    award_ids = fields.One2many("mentorship.award", "programme_id", string="Awards")
    award_count = fields.Integer(compute="_compute_monitoring_counts")
    survey_answer_ids = fields.One2many(
        "survey.user_input", "mentorship_programme_id", string="Questionnaire Answers"
    )
    survey_invited_count = fields.Integer(string="Questionnaires Sent", compute="_compute_monitoring_counts")
    survey_done_count = fields.Integer(string="Questionnaires Answered", compute="_compute_monitoring_counts")
    survey_response_rate = fields.Float(string="Response Rate (%)", compute="_compute_monitoring_counts")
    # Dashboard
    dashboard_pairs_html = fields.Html(string="Pairs by Form and State", compute="_compute_dashboard_html")
    dashboard_before_after_html = fields.Html(string="Before and After", compute="_compute_dashboard_html")
    dashboard_activity_html = fields.Html(string="Meetings and Plans", compute="_compute_dashboard_html")
    satisfaction_mentor_score = fields.Float(string="Mentors' Satisfaction", compute="_compute_satisfaction")
    satisfaction_mentee_score = fields.Float(string="Mentees' Satisfaction", compute="_compute_satisfaction")
    satisfaction_mentor_share = fields.Float(string="Satisfied Mentors (%)", compute="_compute_satisfaction")
    satisfaction_mentee_share = fields.Float(string="Satisfied Mentees (%)", compute="_compute_satisfaction")
    satisfaction_respondent_count = fields.Integer(string="Respondents", compute="_compute_satisfaction")

    # --- Counts and dashboard -------------------------------------------------------------

    def _compute_monitoring_counts(self):
        # Aggregates only, counted as superuser so that every reader of the programme sees the
        # same figures whatever answers they may open one by one.
        answers = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("mentorship_programme_id", "in", self.ids), ("test_entry", "=", False)],
                ["mentorship_programme_id", "state"],
                ["__count"],
            )
        )
        awards = dict(
            self.env["mentorship.award"]
            .sudo()
            ._read_group([("programme_id", "in", self.ids)], ["programme_id"], ["__count"])
        )
        for programme in self:
            invited = sum(count for prog, _state, count in answers if prog == programme)
            done = sum(count for prog, state, count in answers if prog == programme and state == "done")
            programme.survey_invited_count = invited
            programme.survey_done_count = done
            programme.survey_response_rate = 100.0 * done / invited if invited else 0.0
            programme.award_count = awards.get(programme, 0)

    def _compute_satisfaction(self):
        for programme in self:
            stats = programme._get_satisfaction_stats()
            programme.satisfaction_mentor_score = stats["mentor"]["mean"]
            programme.satisfaction_mentee_score = stats["mentee"]["mean"]
            programme.satisfaction_mentor_share = stats["mentor"]["share"]
            programme.satisfaction_mentee_share = stats["mentee"]["share"]
            programme.satisfaction_respondent_count = (
                stats["mentor"]["respondents"] + stats["mentee"]["respondents"]
            )

    def _compute_dashboard_html(self):
        qweb = self.env["ir.qweb"]
        for programme in self:
            if not programme.id:
                programme.dashboard_pairs_html = False
                programme.dashboard_before_after_html = False
                programme.dashboard_activity_html = False
                continue
            values = {
                "pairs": programme._get_pair_stats(),
                "before_after": programme._get_before_after(),
                "meetings": programme._get_meeting_stats(),
                "plans": programme._get_plan_stats(),
                "fmt": programme._format_number,
            }
            programme.dashboard_pairs_html = qweb._render("mentorship_odoo.dashboard_pairs_table", values)
            programme.dashboard_before_after_html = qweb._render(
                "mentorship_odoo.dashboard_before_after_table", values
            )
            programme.dashboard_activity_html = qweb._render(
                "mentorship_odoo.dashboard_activity_table", values
            )

    @api.model
    def _format_number(self, value, digits=1):
        if value is None or value is False:
            return "—"
        if isinstance(value, int):
            return str(value)
        return f"{value:.{digits}f}"

    # --- Statistics -----------------------------------------------------------------------

    def _period_bounds(self, date_from=None, date_to=None):
        self.ensure_one()
        return date_from or self.date_start, date_to or self.date_end

    def _get_pair_stats(self, date_from=None, date_to=None):
        """Pairs and groups that overlap the period, by form and by state."""
        self.ensure_one()
        date_from, date_to = self._period_bounds(date_from, date_to)
        Pair = self.env["mentorship.pair"].sudo()
        groups = Pair._read_group(
            [
                ("programme_id", "=", self.id),
                ("date_start", "<=", date_to),
                ("date_end", ">=", date_from),
            ],
            ["form_id", "state"],
            ["__count", "mentee_count:sum"],
        )
        states = [key for key, _label in Pair._fields["state"]._description_selection(self.env)]
        labels = dict(Pair._fields["state"]._description_selection(self.env))
        rows = {}
        for form, state, count, mentees in groups:
            row = rows.setdefault(form, {"form": form.name, "counts": dict.fromkeys(states, 0), "mentees": 0})
            row["counts"][state] = count
            row["mentees"] += mentees
        table = sorted(rows.values(), key=lambda row: row["form"])
        totals = {state: sum(row["counts"][state] for row in table) for state in states}
        return {
            "states": [(state, labels[state]) for state in states],
            "rows": table,
            "totals": totals,
            "total": sum(totals.values()),
            "mentees": sum(row["mentees"] for row in table),
        }

    def _get_participant_stats(self):
        self.ensure_one()
        Participant = self.env["mentorship.participant"].sudo()
        groups = Participant._read_group(
            [("programme_id", "=", self.id)], ["role", "source", "state"], ["__count"]
        )
        roles = dict(Participant._fields["role"]._description_selection(self.env))
        sources = dict(Participant._fields["source"]._description_selection(self.env))
        states = dict(Participant._fields["state"]._description_selection(self.env))
        return [
            {
                "role": roles[role],
                "source": sources[source],
                "state": states[state],
                "count": count,
            }
            for role, source, state, count in groups
        ]

    def _get_meeting_stats(self, date_from=None, date_to=None):
        """Meetings that start in the period, by state."""
        self.ensure_one()
        date_from, date_to = self._period_bounds(date_from, date_to)
        counts = dict(
            self.env["mentorship.meeting"]
            .sudo()
            ._read_group(
                [
                    ("programme_id", "=", self.id),
                    ("start", ">=", datetime.combine(date_from, time.min)),
                    ("start", "<", datetime.combine(date_to + timedelta(days=1), time.min)),
                ],
                ["state"],
                ["__count"],
            )
        )
        return {
            "held": counts.get("held", 0),
            "planned": counts.get("planned", 0),
            "missed": counts.get("missed", 0),
            "cancelled": counts.get("cancelled", 0),
            "total": sum(counts.values()),
        }

    def _get_plan_stats(self):
        """Personalised programmes and their activities by state; cancelled ones do not count."""
        self.ensure_one()
        plans = self._count_not_cancelled("mentorship.plan", [("programme_id", "=", self.id)])
        lines = self._count_not_cancelled("mentorship.plan.line", [("plan_id.programme_id", "=", self.id)])
        return {
            "plans": plans["counted"],
            "plans_done": plans["done"],
            "plan_completion": plans["completion"],
            "lines": lines["counted"],
            "lines_done": lines["done"],
            "line_completion": lines["completion"],
        }

    def _count_not_cancelled(self, model, domain):
        """How many records of ``model`` in ``domain`` are not cancelled, how many of them are
        done, and that share in per cent."""
        counts = dict(self.env[model].sudo()._read_group(domain, ["state"], ["__count"]))
        counted = sum(count for state, count in counts.items() if state != "cancelled")
        done = counts.get("done", 0)
        return {"counted": counted, "done": done, "completion": 100.0 * done / counted if counted else 0.0}

    def _get_satisfaction_threshold(self, role):
        self.ensure_one()
        kpi = self.env["mentorship.kpi"].search(
            [
                ("compute_code", "=", f"satisfied_{role}s"),
                "|",
                ("company_id", "=", False),
                ("company_id", "=", self.company_id.id),
            ],
            limit=1,
        )
        return kpi.satisfaction_threshold if kpi else DEFAULT_SATISFACTION_THRESHOLD

    def _get_satisfaction_stats(self, date_from=None, date_to=None):
        """Per role: respondents, mean overall satisfaction and share of satisfied, from each
        respondent's latest satisfaction questionnaire completed in the period (any time when no
        period is given)."""
        self.ensure_one()
        Kpi = self.env["mentorship.kpi"]
        stats = {}
        for role in ("mentor", "mentee"):
            threshold = self._get_satisfaction_threshold(role)
            satisfied, respondents, mean = Kpi._query_satisfaction(self, role, threshold, date_from, date_to)
            stats[role] = {
                "respondents": respondents,
                "satisfied": satisfied,
                "mean": mean or 0.0,
                "share": 100.0 * satisfied / respondents if respondents else 0.0,
                "threshold": threshold,
            }
        return stats

    def _get_before_after(self, date_from=None, date_to=None):
        """One summary per measured item: baseline and final means over the participants who
        answered both, the change, and the Wilcoxon signed-rank test of the paired changes."""
        self.ensure_one()
        rows = self.env["mentorship.measure.result"]._get_rows([self.id], date_from, date_to)
        sees_confidential = self.env.user.has_group(PSYCHOLOGIST_GROUP)
        questions = self.env["survey.question"].sudo().browse({row["question_id"] for row in rows})
        titles = {question.id: question.title for question in questions}
        items = {}
        for row in rows:
            items.setdefault(row["code"], []).append(row)
        summaries = []
        for code, item_rows in sorted(items.items()):
            complete = [row for row in item_rows if row["is_complete"]]
            before = [row["baseline_value"] for row in complete]
            after = [row["final_value"] for row in complete]
            changes = [a - b for b, a in zip(before, after, strict=True)]
            lower_is_better = any(row["lower_is_better"] for row in item_rows)
            confidential = any(row["is_confidential"] for row in item_rows)
            test = wilcoxon_signed_rank(before, after)
            mean_change = statistics.fmean(changes) if changes else None
            improved = sum(1 for change in changes if (change < 0 if lower_is_better else change > 0))
            worsened = sum(1 for change in changes if (change > 0 if lower_is_better else change < 0))
            significant = bool(complete) and test.p_value < SIGNIFICANCE_LEVEL
            if not significant or not mean_change:
                direction = "none"
            elif (mean_change < 0) == lower_is_better:
                direction = "improved"
            else:
                direction = "worsened"
            summaries.append(
                {
                    "code": code,
                    "item": titles[max(row["question_id"] for row in item_rows)],
                    "n": len(complete),
                    "n_baseline": sum(1 for row in item_rows if row["baseline_value"] is not None),
                    "n_final": sum(1 for row in item_rows if row["final_value"] is not None),
                    "baseline_mean": statistics.fmean(before) if before else None,
                    "final_mean": statistics.fmean(after) if after else None,
                    "change_mean": mean_change,
                    "change_median": statistics.median(changes) if changes else None,
                    "improved": improved,
                    "worsened": worsened,
                    "unchanged": len(changes) - improved - worsened,
                    "w_plus": test.w_plus,
                    "w_minus": test.w_minus,
                    "statistic": test.statistic,
                    "p_value": test.p_value if complete else None,
                    "method": test.method,
                    "significant": significant,
                    "direction": direction,
                    "lower_is_better": lower_is_better,
                    "confidential": confidential,
                    "hidden": confidential
                    and not sees_confidential
                    and len(complete) < CONFIDENTIAL_MIN_GROUP,
                }
            )
        return summaries

    # --- KPI snapshots --------------------------------------------------------------------

    def _get_kpis(self):
        self.ensure_one()
        return self.env["mentorship.kpi"].search(
            ["|", ("company_id", "=", False), ("company_id", "=", self.company_id.id)]
        )

    def _snapshot_kpis(self, on_date=None):
        """Store the actual value of every computed indicator of each programme on ``on_date``
        (today by default); earlier snapshots stay."""
        on_date = on_date or fields.Date.context_today(self)
        vals_list = []
        for programme in self:
            actuals = programme._get_kpis()._get_actuals(programme, on_date)
            vals_list += [
                {
                    "kpi_id": kpi.id,
                    "programme_id": programme.id,
                    "date": on_date,
                    "numerator": actual["numerator"],
                    "denominator": actual["denominator"],
                    "value": actual["value"],
                }
                for kpi, actual in actuals.items()
            ]
        return self.env["mentorship.kpi.value"].create(vals_list)

    def action_snapshot_kpis(self):
        values = self._snapshot_kpis()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s indicator values computed.", count=len(values)),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_snapshot_kpis(self):
        """Monthly snapshot of the indicators of running programmes."""
        self.search([("state", "=", "running")])._snapshot_kpis()

    def _get_kpi_rows(self, date_from=None, date_to=None):
        """Targets against actuals by year: the latest value of each indicator in each year of the
        period, with its target and status; indicators without a value show their target."""
        self.ensure_one()
        date_from, date_to = self._period_bounds(date_from, date_to)
        kpis = self._get_kpis()
        values = (
            self.env["mentorship.kpi.value"]
            .sudo()
            .search(
                [("programme_id", "=", self.id), ("date", ">=", date_from), ("date", "<=", date_to)],
                order="date desc, id desc",
            )
        )
        latest = {}
        for value in values:
            latest.setdefault((value.kpi_id, value.year), value)
        statuses = dict(self.env["mentorship.kpi.value"]._fields["status"]._description_selection(self.env))
        rows = []
        for kpi in kpis:
            for year in range(date_from.year, date_to.year + 1):
                value = latest.get((kpi, year))
                target = kpi._get_target(year)
                if not value and not target:
                    continue
                status = value.status if value else "no_data"
                rows.append(
                    {
                        "kpi": kpi.name,
                        "unit": kpi.unit,
                        "year": year,
                        "target": target.target_value if target else None,
                        "actual": value.value if value else None,
                        "numerator": value.numerator if value else None,
                        "denominator": value.denominator if value else None,
                        "date": value.date if value else None,
                        "status": status,
                        "status_label": statuses[status],
                    }
                )
        return rows

    # --- Questionnaires -------------------------------------------------------------------

    def _get_survey_stats(self, date_from=None, date_to=None):
        """Per questionnaire: invitations sent or answered in the period, and how many of them
        were answered."""
        self.ensure_one()
        date_from, date_to = self._period_bounds(date_from, date_to)
        start = datetime.combine(date_from, time.min)
        end = datetime.combine(date_to + timedelta(days=1), time.min)
        groups = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [
                    ("mentorship_programme_id", "=", self.id),
                    ("test_entry", "=", False),
                    "|",
                    "&",
                    ("create_date", ">=", start),
                    ("create_date", "<", end),
                    "&",
                    ("end_datetime", ">=", start),
                    ("end_datetime", "<", end),
                ],
                ["survey_id", "state"],
                ["__count"],
            )
        )
        purposes = dict(
            self.env["survey.survey"]._fields["mentorship_purpose"]._description_selection(self.env)
        )
        rows = {}
        for survey, state, count in groups:
            row = rows.setdefault(
                survey,
                {
                    "survey": survey.title,
                    "purpose": purposes.get(survey.mentorship_purpose, ""),
                    "sent": 0,
                    "done": 0,
                },
            )
            row["sent"] += count
            if state == "done":
                row["done"] += count
        for row in rows.values():  # a row comes from at least one invitation: sent > 0
            row["rate"] = 100.0 * row["done"] / row["sent"]
        return sorted(rows.values(), key=lambda row: row["survey"])

    def _get_remindable_answers(self):
        return self.survey_answer_ids._mentorship_remindable()

    def action_remind_unanswered(self):
        self.ensure_one()
        answers = self._get_remindable_answers()
        if not answers:
            raise UserError(self.env._("Everybody has answered, or the questionnaires have expired."))
        return answers.action_mentorship_remind()

    def action_open_survey_send_wizard(self):
        self.ensure_one()
        return window_action(
            self.env._("Send a Questionnaire"),
            "mentorship.survey.send.wizard",
            context={"default_programme_id": self.id},
            target="new",
        )

    def action_open_survey_answers(self):
        self.ensure_one()
        return window_action(
            self.env._("Questionnaires"),
            "survey.user_input",
            "list,form",
            domain=[("mentorship_programme_id", "=", self.id)],
            context={"search_default_group_by_survey": 1},
            views=[
                (self.env.ref("mentorship_odoo.survey_user_input_view_list_mentorship").id, "list"),
                (False, "form"),
            ],
        )

    # --- SWOT -----------------------------------------------------------------------------

    def action_import_swot(self):
        """Propose a SWOT item for each text answer to an item tagged with a SWOT quadrant that
        no item quotes yet."""
        self.ensure_one()
        lines = (
            self.env["survey.user_input.line"]
            .sudo()
            .search(
                [
                    ("user_input_id.mentorship_programme_id", "=", self.id),
                    ("user_input_id.state", "=", "done"),
                    ("question_id.mentorship_swot_quadrant", "!=", False),
                    ("answer_type", "in", ("text_box", "char_box")),
                ]
            )
        )
        lines -= self.swot_item_ids.sudo().source_line_ids
        items = self.env["mentorship.swot.item"].create(
            [
                {
                    "programme_id": self.id,
                    "quadrant": line.question_id.mentorship_swot_quadrant,
                    "name": (line.value_text_box or line.value_char_box or "").strip(),
                    "source_line_ids": [fields.Command.set(line.ids)],
                }
                for line in lines
                if (line.value_text_box or line.value_char_box or "").strip()
            ]
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if items else "info",
                "message": self.env._("%(count)s SWOT items proposed from the answers.", count=len(items)),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _get_swot(self):
        self.ensure_one()
        quadrants = self.env["mentorship.swot.item"]._fields["quadrant"]._description_selection(self.env)
        return [
            (
                label,
                self.swot_item_ids.filtered(lambda item, key=key: item.quadrant == key).mapped("name"),
            )
            for key, label in quadrants
        ]

    # --- Navigation -----------------------------------------------------------------------

    def action_open_dashboard(self):
        self.ensure_one()
        return window_action(
            self.env._("Dashboard: %(programme)s", programme=self.name),
            "mentorship.programme",
            res_id=self.id,
            views=[(self.env.ref("mentorship_odoo.mentorship_programme_view_form_dashboard").id, "form")],
        )

    def action_open_kpi_values(self):
        self.ensure_one()
        return window_action(
            self.env._("Targets and Actuals"),
            "mentorship.kpi.value",
            "list,pivot,graph,form",
            domain=[("programme_id", "=", self.id)],
            context={"default_programme_id": self.id, "search_default_latest": 1},
        )

    def action_open_measure_results(self):
        self.ensure_one()
        return window_action(
            self.env._("Before and After"),
            "mentorship.measure.result",
            "list,pivot,graph",
            domain=[("programme_id", "=", self.id)],
        )

    def action_open_pair_analysis(self):
        self.ensure_one()
        return window_action(
            self.env._("Pairs by Form and State"),
            "mentorship.pair",
            "pivot,graph,list,form",
            domain=[("programme_id", "=", self.id)],
        )

    def action_open_awards(self):
        self.ensure_one()
        return window_action(
            self.env._("Awards"),
            "mentorship.award",
            "list,form",
            domain=[("programme_id", "=", self.id)],
            context={"default_programme_id": self.id},
        )

    def action_open_monitoring_report(self):
        self.ensure_one()
        return window_action(
            self.env._("Monitoring Report"),
            "mentorship.monitoring.report.wizard",
            context={"default_programme_id": self.id},
            target="new",
        )
