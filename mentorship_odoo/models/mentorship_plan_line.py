import textwrap

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import format_date

LINE_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# Changes of these fields in a started programme are corrections: they go to the plan's chatter.
LINE_TRACKED_FIELDS = (
    "direction_id",
    "name",
    "date_deadline",
    "mentor_methods",
    "expected_result",
    "state",
    "mentee_reflection",
)


class MentorshipPlanLine(models.Model):
    """A row of the activity table of a personalised programme (мероприятия по планированию,
    организации и содержанию деятельности): direction, activity, deadline, the mentor's forms and
    methods, the expected result, and what came of it: status, the "pedagogical products" that
    prove it (seed 004 §6.5) and the mentee's reflection."""

    _name = "mentorship.plan.line"
    _description = "Personalised Programme Activity"
    _inherit = ["mentorship.mentee.access.mixin"]
    _order = "plan_id, sequence, id"
    _mentee_writable_fields = ("mentee_reflection", "evidence_ids")

    plan_id = fields.Many2one(
        "mentorship.plan", string="Personalised Programme", required=True, ondelete="cascade", index=True
    )
    pair_id = fields.Many2one(related="plan_id.pair_id", store=True, index=True, string="Pair or Group")
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    plan_state = fields.Selection(related="plan_id.state", string="Programme State")
    sequence = fields.Integer(default=10)
    number = fields.Integer(string="No.", compute="_compute_number")
    direction_id = fields.Many2one("mentorship.plan.direction", ondelete="restrict")
    name = fields.Char(string="Activity", required=True)
    date_deadline = fields.Date(string="Deadline")
    mentor_methods = fields.Text(string="Mentor's Forms and Methods")
    expected_result = fields.Text()
    state = fields.Selection(LINE_STATES, string="Status", default="planned", required=True)
    date_done = fields.Date(
        string="Done On", compute="_compute_date_done", store=True, readonly=False, precompute=True
    )
    evidence_ids = fields.Many2many(
        "ir.attachment",
        "mentorship_plan_line_evidence_rel",
        "line_id",
        "attachment_id",
        string="Pedagogical Products",
        help="Evidence of the result: lesson plans, methodical recommendations, diagnostics, scenarios…",
    )
    evidence_count = fields.Integer(compute="_compute_evidence_count")
    mentee_reflection = fields.Text(
        string="Mentee's Reflection", help="How the mentee sees what they achieved in this activity."
    )
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue")

    @api.depends("plan_id.line_ids.sequence")
    def _compute_number(self):
        for plan in self.plan_id:
            for number, line in enumerate(plan.line_ids.sorted(lambda li: (li.sequence, li.id)), start=1):
                line.number = number
        for line in self.filtered(lambda li: not li.plan_id):
            line.number = 0

    @api.depends("evidence_ids")
    def _compute_evidence_count(self):
        for line in self:
            line.evidence_count = len(line.evidence_ids)

    @api.depends("state")
    def _compute_date_done(self):
        """The day the activity is marked done (a date given with it, or entered later, is kept);
        cleared when it is reopened or cancelled."""
        today = fields.Date.context_today(self)
        for line in self:
            line.date_done = (line.date_done or today) if line.state == "done" else False

    def _is_overdue_on(self, day):
        self.ensure_one()
        return bool(
            self.date_deadline and self.date_deadline < day and self.state in ("planned", "in_progress")
        )

    @api.depends("date_deadline", "state")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.is_overdue = line._is_overdue_on(today)

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!="):
            raise NotImplementedError(self.env._("Search on “Overdue” supports only = and !=."))
        overdue = [
            ("date_deadline", "<", fields.Date.context_today(self)),
            ("state", "in", ("planned", "in_progress")),
        ]
        if (operator == "=") == bool(value):
            return overdue
        return ["!", "&", *overdue]

    def _get_mentorship_pair(self):
        return self.plan_id.pair_id

    # --- Corrections history ------------------------------------------------------------------

    def _format_tracked_value(self, fname, value):
        field = self._fields[fname]
        if not value:
            return "—"
        if field.type == "many2one":
            return value.display_name
        if field.type == "date":
            return format_date(self.env, value)
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        return textwrap.shorten(str(value), width=200, placeholder="…")

    def _log_to_plans(self, lines_messages):
        """Post one internal note per plan listing ``(line, message)`` corrections, for started
        programmes only: changes of a draft are drafting, not corrections."""
        if self.env.context.get("tracking_disable") or self.env.context.get("mail_notrack"):
            return
        by_plan = {}
        for line, message in lines_messages:
            if line.plan_id.state in ("active", "done"):
                by_plan.setdefault(line.plan_id, []).append(message)
        for plan, messages in by_plan.items():
            items = Markup("").join(Markup("<li>%s</li>") % message for message in messages)
            plan._message_log(
                body=Markup("<p>%s</p><ul>%s</ul>") % (self.env._("Activities corrected:"), items)
            )

    def _line_label(self):
        self.ensure_one()
        return self.env._("activity %(number)s «%(name)s»", number=self.number, name=self.name)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._log_to_plans([(line, self.env._("added %(line)s", line=line._line_label())) for line in lines])
        return lines

    def write(self, vals):
        tracked = [fname for fname in LINE_TRACKED_FIELDS if fname in vals]
        before = {line.id: {fname: line[fname] for fname in tracked} for line in self}
        res = super().write(vals)
        if tracked:
            corrections = []
            for line in self:
                for fname in tracked:
                    old, new = before[line.id][fname], line[fname]
                    if old != new:
                        message = self.env._(
                            "%(line)s: %(field)s %(old)s → %(new)s",
                            line=line._line_label(),
                            field=self._fields[fname]._description_string(self.env),
                            old=self._format_tracked_value(fname, old),
                            new=self._format_tracked_value(fname, new),
                        )
                        corrections.append((line, message))
            self._log_to_plans(corrections)
        return res

    def unlink(self):
        self._log_to_plans([(line, self.env._("removed %(line)s", line=line._line_label())) for line in self])
        return super().unlink()
