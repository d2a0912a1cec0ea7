from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.actions import window_action
from .mentorship_plan_diagnosis import DIAGNOSIS_DOMAINS

PLAN_STATES = [
    ("draft", "Draft"),
    ("active", "In Progress"),
    ("done", "Completed"),
    ("cancelled", "Cancelled"),
]


class MentorshipPlan(models.Model):
    """Personalised mentoring programme of a pair or group (персонализированная программа
    наставничества, seed 004 and its template): title data, the general-information table, the
    explanatory note, the activity table and the mentee's individual route (self-diagnosis,
    deficits, reflection). Student mentees get the same shape with goals per period (seed 001 6.1).
    Every correction is tracked in the chatter, including changes of the activity lines."""

    _name = "mentorship.plan"
    _description = "Personalised Mentoring Programme"
    _inherit = ["mail.thread", "mail.activity.mixin", "mentorship.mentee.access.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _mentee_writable_fields = ("final_reflection", "line_ids", "diagnosis_ids", "goal_ids")

    name = fields.Char(
        string="Title",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    pair_id = fields.Many2one(
        "mentorship.pair",
        string="Pair or Group",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    programme_id = fields.Many2one(related="pair_id.programme_id", store=True, index=True)
    company_id = fields.Many2one(related="pair_id.company_id", store=True, index=True)
    form_id = fields.Many2one(related="pair_id.form_id", store=True, string="Form of Mentoring")
    mentee_type = fields.Selection(related="pair_id.form_id.mentee_type")
    mentor_id = fields.Many2one(related="pair_id.mentor_id")
    mentee_ids = fields.Many2many(related="pair_id.mentee_ids")
    state = fields.Selection(
        PLAN_STATES, default="draft", required=True, readonly=True, copy=False, tracking=True
    )
    # Title page
    institution = fields.Char(
        compute="_compute_title_data",
        store=True,
        readonly=False,
        precompute=True,
        help="The educational organisation.",
    )
    place = fields.Char(
        compute="_compute_title_data",
        store=True,
        readonly=False,
        precompute=True,
        help="Town on the title page, e.g. «Яровое».",
    )
    year = fields.Integer(compute="_compute_title_data", store=True, readonly=False, precompute=True)
    date_start = fields.Date(
        string="Start",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    date_end = fields.Date(
        string="End",
        compute="_compute_period",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    is_extended = fields.Boolean(
        string="Extended Beyond a Year",
        tracking=True,
        help="A personalised programme lasts from 3 months to 1 year, as the regulation on mentoring "
        "of teaching staff sets, and may be extended when needed.",
    )
    extension_reason = fields.Text(tracking=True)
    # General information
    member_ids = fields.One2many("mentorship.plan.member", "plan_id", string="General Information")
    # Explanatory note
    problem = fields.Text(string="Problem (Professional Deficits)", tracking=True)
    goal = fields.Text(tracking=True)
    task_text = fields.Text(string="Tasks", tracking=True)
    content = fields.Text(string="Content of Activity", tracking=True)
    planned_results = fields.Text(tracking=True)
    # Activities
    line_ids = fields.One2many("mentorship.plan.line", "plan_id", string="Activity Table", copy=True)
    line_count = fields.Integer(compute="_compute_line_stats")
    line_done_count = fields.Integer(compute="_compute_line_stats")
    overdue_line_count = fields.Integer(string="Overdue Activities", compute="_compute_line_stats")
    progress = fields.Float(compute="_compute_line_stats", help="Share of activities done, in percent.")
    # Individual route (seed 004 §6)
    desired_image = fields.Text(
        string="Desired Professional Image",
        tracking=True,
        help="Self-determination: the professional the mentee wants to become.",
    )
    diagnosis_ids = fields.One2many("mentorship.plan.diagnosis", "plan_id", string="Self-Diagnosis")
    final_reflection = fields.Text(
        string="Reflection on the Route",
        tracking=True,
        help="The mentee's reflective analysis: how far they came towards the desired image.",
    )
    # Student mentees: goals per period (seed 001 6.1)
    goal_ids = fields.One2many("mentorship.plan.goal", "plan_id", string="Goals per Period")
    template_id = fields.Many2one(
        "mentorship.plan.template", string="Last Template Applied", readonly=True, copy=False
    )

    _sql_constraints = [
        ("pair_uniq", "unique(pair_id)", "A pair or group has one personalised programme."),
    ]

    @api.depends("pair_id")
    def _compute_name(self):
        for plan in self:
            plan.name = plan.pair_id.display_name or False

    @api.depends("pair_id")
    def _compute_title_data(self):
        for plan in self:
            company = plan.pair_id.company_id
            plan.institution = plan.institution or company.name or False
            plan.place = plan.place or company.city or False
            plan.year = plan.year or (plan.pair_id.date_start or fields.Date.context_today(plan)).year

    @api.depends("pair_id")
    def _compute_period(self):
        for plan in self:
            plan.date_start = plan.pair_id.date_start or plan.date_start
            plan.date_end = plan.pair_id.date_end or plan.date_end

    @api.depends("line_ids.state", "line_ids.date_deadline")
    def _compute_line_stats(self):
        today = fields.Date.context_today(self)
        for plan in self:
            lines = plan.line_ids.filtered(lambda line: line.state != "cancelled")
            done = lines.filtered(lambda line: line.state == "done")
            plan.line_count = len(lines)
            plan.line_done_count = len(done)
            plan.overdue_line_count = len(lines.filtered(lambda line: line._is_overdue_on(today)))
            plan.progress = 100.0 * len(done) / len(lines) if lines else 0.0

    @api.constrains("date_start", "date_end", "is_extended", "pair_id")
    def _check_period(self):
        for plan in self:
            if plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "Personalised programme «%(plan)s» ends before it starts: correct its period.",
                        plan=plan.name,
                    )
                )
            if plan.mentee_type == "student":
                continue  # students follow the bounds of their form, checked on the pair
            span = relativedelta(plan.date_end + relativedelta(days=1), plan.date_start)
            months = span.years * 12 + span.months
            if months < 3 or (not plan.is_extended and (months, span.days) > (12, 0)):
                raise ValidationError(
                    self.env._(
                        "A personalised programme lasts from 3 months to 1 year, but "
                        "«%(plan)s» lasts %(months)s months and %(days)s days: correct the period, or "
                        "tick «Extended Beyond a Year» and give the reason.",
                        plan=plan.name,
                        months=months,
                        days=span.days,
                    )
                )

    def _get_mentorship_pair(self):
        return self.pair_id

    # --- Creation -----------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._sync_members()
        plans._create_missing_diagnosis()
        return plans

    def _sync_members(self):
        """Make the general-information table list the pair's mentor and mentees (new people are
        added with their HR data, people no longer in the pair are removed)."""
        Member = self.env["mentorship.plan.member"]
        to_create = []
        for plan in self:
            people = plan.pair_id.mentor_id | plan.pair_id.mentee_ids
            plan.member_ids.filtered(
                lambda member, people=people: member.participant_id not in people
            ).unlink()
            present = plan.member_ids.participant_id
            for sequence, participant in enumerate(people, start=1):
                if participant not in present:
                    to_create.append(
                        {
                            "plan_id": plan.id,
                            "participant_id": participant.id,
                            "sequence": sequence,
                            **Member._prepare_person_values(participant, plan.date_start),
                        }
                    )
        Member.create(to_create)

    def _create_missing_diagnosis(self):
        """The eight self-diagnosis domains of seed 004 §6 for every non-student mentee."""
        to_create = []
        for plan in self.filtered(lambda p: p.mentee_type != "student"):
            existing = {(line.mentee_id.id, line.domain) for line in plan.diagnosis_ids}
            for mentee in plan.pair_id.mentee_ids:
                for sequence, (domain, _label) in enumerate(DIAGNOSIS_DOMAINS, start=1):
                    if (mentee.id, domain) not in existing:
                        to_create.append(
                            {
                                "plan_id": plan.id,
                                "mentee_id": mentee.id,
                                "domain": domain,
                                "sequence": sequence,
                            }
                        )
        self.env["mentorship.plan.diagnosis"].create(to_create)

    # --- Actions ------------------------------------------------------------------------------

    def action_refresh_members(self):
        """Copy the current HR data into the general-information table again."""
        self._sync_members()
        self._create_missing_diagnosis()
        Member = self.env["mentorship.plan.member"]
        for plan in self:
            for member in plan.member_ids:
                member.write(Member._prepare_person_values(member.participant_id, plan.date_start))
        return True

    def action_confirm(self):
        for plan in self:
            if plan.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft personalised programme can be started (%(plan)s).", plan=plan.name
                    )
                )
            if not plan.line_ids:
                raise UserError(
                    self.env._(
                        "Plan at least one activity in «%(plan)s» before starting it, or apply a template.",
                        plan=plan.name,
                    )
                )
        self.write({"state": "active"})
        return True

    def action_done(self):
        for plan in self:
            if plan.state != "active":
                raise UserError(
                    self.env._(
                        "Only a personalised programme in progress can be completed (%(plan)s).",
                        plan=plan.name,
                    )
                )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        if any(plan.state == "done" for plan in self):
            raise UserError(self.env._("A completed personalised programme cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_reset_draft(self):
        self.write({"state": "draft"})
        return True

    def _apply_template(self, template, replace=False):
        """Add the template's activities to these plans (after removing their planned activities
        when ``replace``), and fill the empty parts of the explanatory note."""
        template.ensure_one()
        if replace:
            self.line_ids.filtered(lambda line: line.state == "planned").unlink()
        vals_list = []
        for plan in self:
            last = max(plan.line_ids.mapped("sequence"), default=0)
            for index, tline in enumerate(template.line_ids, start=1):
                vals_list.append(
                    {
                        "plan_id": plan.id,
                        "sequence": last + index * 10,
                        **tline._prepare_plan_line_values(plan),
                    }
                )
            note_vals = {
                fname: template[fname]
                for fname in ("problem", "goal", "task_text", "content", "planned_results")
                if template[fname] and not plan[fname]
            }
            note_vals["template_id"] = template.id
            plan.write(note_vals)
        self.env["mentorship.plan.line"].create(vals_list)
        return True

    def _prepare_plans_for_pairs(self, pairs):
        """The plans of ``pairs``, creating the missing ones in one batch."""
        existing = self.search([("pair_id", "in", pairs.ids)])
        missing = pairs - existing.pair_id
        created = self.create([{"pair_id": pair.id} for pair in missing])
        return existing | created

    def action_open_lines(self):
        self.ensure_one()
        return window_action(
            self.env._("Activities of %(plan)s", plan=self.name),
            "mentorship.plan.line",
            "list,form",
            domain=[("plan_id", "=", self.id)],
            context={"default_plan_id": self.id},
        )
