from odoo import api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.actions import window_action

PROGRAMME_STATES = [
    ("draft", "Draft"),
    ("approved", "Approved"),
    ("running", "Running"),
    ("closed", "Closed"),
]


class MentorshipRegionDashboard(models.Model):
    """The regional dashboard: one row per programme of each organisation (company), and a row of
    zeros for an organisation without a programme yet, with the
    figures a regional manager compares: participants, pairs by state and health, meetings held
    and missed, plan activities. Grouped by organisation (or its parent), its sums are those of
    the regional report.

    A read-only SQL view: each table is counted in its own subquery grouped by organisation and
    programme, and the subqueries are joined to the programmes (one row each), so no join
    multiplies rows and the cost is one scan of each table, whatever the number of organisations.
    A curator's own organisation reaches the subqueries as a condition on their indexed
    ``company_id``. Overdue activities are counted against the database's current date."""

    _name = "mentorship.region.dashboard"
    _description = "Regional Mentoring Dashboard"
    _auto = False
    _rec_name = "programme_id"
    _order = "company_id, date_start desc, id desc"
    _depends = {
        "mentorship.programme": ["company_id", "state", "date_start", "date_end"],
        "res.company": ["parent_id", "active"],
        "mentorship.participant": ["programme_id", "company_id", "role", "state"],
        "mentorship.pair": ["programme_id", "company_id", "state", "health"],
        "mentorship.meeting": ["programme_id", "company_id", "state"],
        "mentorship.plan": ["programme_id"],
        "mentorship.plan.line": ["plan_id", "company_id", "state", "date_deadline"],
    }

    programme_id = fields.Many2one("mentorship.programme", readonly=True)
    company_id = fields.Many2one("res.company", string="Organisation", readonly=True)
    parent_company_id = fields.Many2one("res.company", string="Parent Organisation", readonly=True)
    programme_state = fields.Selection(PROGRAMME_STATES, readonly=True)
    date_start = fields.Date(string="Programme Start", readonly=True)
    date_end = fields.Date(string="Programme End", readonly=True)
    running_programme_count = fields.Integer(string="Running Programmes", readonly=True)
    mentor_count = fields.Integer(string="Mentors", readonly=True)
    mentee_count = fields.Integer(string="Mentees", readonly=True)
    pair_active_count = fields.Integer(string="Active Pairs", readonly=True)
    pair_done_count = fields.Integer(string="Completed Pairs", readonly=True)
    pair_terminated_count = fields.Integer(string="Terminated Pairs", readonly=True)
    pair_on_track_count = fields.Integer(string="On Track", readonly=True)
    pair_attention_count = fields.Integer(string="Needs Attention", readonly=True)
    pair_at_risk_count = fields.Integer(string="At Risk", readonly=True)
    meeting_held_count = fields.Integer(string="Meetings Held", readonly=True)
    meeting_missed_count = fields.Integer(string="Meetings Missed", readonly=True)
    activity_count = fields.Integer(string="Plan Activities", readonly=True)
    activity_done_count = fields.Integer(string="Activities Done", readonly=True)
    activity_overdue_count = fields.Integer(string="Activities Overdue", readonly=True)
    completion_rate = fields.Float(
        string="Completion (%)",
        digits=(16, 1),
        readonly=True,
        aggregator="avg",
        help="Share of the plan activities (cancelled ones aside) that are done. Over several rows, "
        "the share of all their activities.",
    )

    def _query(self):
        return SQL(
            """
            SELECT COALESCE(programme.id, -company.id) AS id,
                   programme.id AS programme_id,
                   company.id AS company_id,
                   company.parent_id AS parent_company_id,
                   programme.state AS programme_state,
                   programme.date_start,
                   programme.date_end,
                   CASE WHEN programme.state = 'running' THEN 1 ELSE 0 END AS running_programme_count,
                   COALESCE(people.mentor_count, 0) AS mentor_count,
                   COALESCE(people.mentee_count, 0) AS mentee_count,
                   COALESCE(pairs.active_count, 0) AS pair_active_count,
                   COALESCE(pairs.done_count, 0) AS pair_done_count,
                   COALESCE(pairs.terminated_count, 0) AS pair_terminated_count,
                   COALESCE(pairs.on_track_count, 0) AS pair_on_track_count,
                   COALESCE(pairs.attention_count, 0) AS pair_attention_count,
                   COALESCE(pairs.at_risk_count, 0) AS pair_at_risk_count,
                   COALESCE(meetings.held_count, 0) AS meeting_held_count,
                   COALESCE(meetings.missed_count, 0) AS meeting_missed_count,
                   COALESCE(activities.total_count, 0) AS activity_count,
                   COALESCE(activities.done_count, 0) AS activity_done_count,
                   COALESCE(activities.overdue_count, 0) AS activity_overdue_count,
                   CASE WHEN activities.total_count > 0
                        THEN 100.0 * activities.done_count / activities.total_count
                        ELSE 0.0 END AS completion_rate
              FROM res_company company
              -- An organisation without a programme yet: one row of zeros (if it is active), so
              -- that it is seen (and counted) beside the others, as in the regional report.
         LEFT JOIN mentorship_programme programme ON programme.company_id = company.id
         LEFT JOIN (
                    SELECT company_id, programme_id,
                           COUNT(*) FILTER (WHERE role = 'mentor') AS mentor_count,
                           COUNT(*) FILTER (WHERE role = 'mentee') AS mentee_count
                      FROM mentorship_participant
                     WHERE state != 'rejected'
                  GROUP BY company_id, programme_id
                   ) people
                ON people.company_id = company.id AND people.programme_id = programme.id
         LEFT JOIN (
                    SELECT company_id, programme_id,
                           COUNT(*) FILTER (WHERE state = 'active') AS active_count,
                           COUNT(*) FILTER (WHERE state = 'done') AS done_count,
                           COUNT(*) FILTER (WHERE state = 'terminated') AS terminated_count,
                           COUNT(*) FILTER (WHERE state = 'active' AND health = 'on_track') AS on_track_count,
                           COUNT(*) FILTER (WHERE state = 'active' AND health = 'needs_attention')
                               AS attention_count,
                           COUNT(*) FILTER (WHERE state = 'active' AND health = 'at_risk') AS at_risk_count
                      FROM mentorship_pair
                     WHERE state IN ('active', 'done', 'terminated')
                  GROUP BY company_id, programme_id
                   ) pairs
                ON pairs.company_id = company.id AND pairs.programme_id = programme.id
         LEFT JOIN (
                    SELECT company_id, programme_id,
                           COUNT(*) FILTER (WHERE state = 'held') AS held_count,
                           COUNT(*) FILTER (WHERE state = 'missed') AS missed_count
                      FROM mentorship_meeting
                     WHERE state IN ('held', 'missed')
                  GROUP BY company_id, programme_id
                   ) meetings
                ON meetings.company_id = company.id AND meetings.programme_id = programme.id
         LEFT JOIN (
                    SELECT line.company_id, plan.programme_id,
                           COUNT(*) AS total_count,
                           COUNT(*) FILTER (WHERE line.state = 'done') AS done_count,
                           COUNT(*) FILTER (WHERE line.state IN ('planned', 'in_progress')
                                              AND line.date_deadline < CURRENT_DATE) AS overdue_count
                      FROM mentorship_plan_line line
                      JOIN mentorship_plan plan ON plan.id = line.plan_id
                     WHERE line.state != 'cancelled'
                  GROUP BY line.company_id, plan.programme_id
                   ) activities
                ON activities.company_id = company.id AND activities.programme_id = programme.id
             WHERE programme.id IS NOT NULL OR company.active
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _read_group_select(self, aggregate_spec, query):
        """Completion over several rows is the share of all their activities, not the mean of the
        rows' shares (a programme with 3 activities does not weigh as much as one with 3,000)."""
        if aggregate_spec != "completion_rate:avg":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            "CASE WHEN SUM(%(total)s) > 0 THEN 100.0 * SUM(%(done)s) / SUM(%(total)s) ELSE 0.0 END",
            total=self._field_to_sql(self._table, "activity_count", query),
            done=self._field_to_sql(self._table, "activity_done_count", query),
        )

    @api.depends("programme_id", "company_id")
    def _compute_display_name(self):
        for row in self:
            row.display_name = row.programme_id.display_name or self.env._(
                "%(organisation)s: no programme yet", organisation=row.company_id.name or ""
            )

    # --- Drill-down: the row's programme, in the screens that show its details ----------------

    def _programme(self):
        """The row's programme; an organisation without one has nothing to open."""
        self.ensure_one()
        if not self.programme_id:
            raise UserError(
                self.env._(
                    "%(organisation)s has no mentoring programme yet: there is nothing to open.",
                    organisation=self.company_id.name,
                )
            )
        return self.programme_id

    def action_open_programme_dashboard(self):
        return self._programme().action_open_dashboard()

    def action_open_pairs(self):
        return self._programme().action_open_pairs()

    def action_open_attention_pairs(self):
        """The programme's active pairs that need attention or are at risk, worst first."""
        programme = self._programme()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mentorship_odoo.mentorship_pair_action_health"
        )
        action["name"] = self.env._("Pairs Needing Attention: %(programme)s", programme=programme.name)
        action["domain"] = [
            ("state", "=", "active"),
            ("programme_id", "=", programme.id),
            ("health", "in", ("needs_attention", "at_risk")),
        ]
        return action

    def action_open_meetings(self):
        return self._programme().action_open_meetings()

    def action_open_overdue_activities(self):
        programme = self._programme()
        return window_action(
            self.env._("Overdue Activities: %(programme)s", programme=programme.name),
            "mentorship.plan.line",
            "list,form",
            domain=[("plan_id.programme_id", "=", programme.id), ("is_overdue", "=", True)],
            context={"create": False},
        )
