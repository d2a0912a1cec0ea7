from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools.actions import window_action

TERMINATION_INITIATORS = [
    ("mentor", "Mentor"),
    ("mentee", "Mentee"),
    ("organisation", "Organisation"),
]

HEALTH_STATES = [
    ("on_track", "On Track"),
    ("needs_attention", "Needs Attention"),
    ("at_risk", "At Risk"),
]
# The fields of _compute_health: what the daily scheduled action refreshes, as they depend on today.
HEALTH_FIELDS = ["days_since_last_meeting", "overdue_activity_count", "health", "health_rank"]
# What the health statement reads, flushed before it runs.
HEALTH_INPUTS = {
    "mentorship.pair": ["state", "date_start", "last_meeting_date", "missed_meeting_count"],
    "mentorship.plan": ["state"],
    "mentorship.plan.line": ["pair_id", "plan_id", "state", "date_deadline"],
}
# Thresholds of pair health: system parameters (Settings > Mentoring) and their defaults.
# A threshold of 0 is not used.
HEALTH_PARAMS = {
    "attention_days": ("mentorship_odoo.health_attention_days", 21),
    "risk_days": ("mentorship_odoo.health_risk_days", 42),
    "attention_missed": ("mentorship_odoo.health_attention_missed", 1),
    "risk_missed": ("mentorship_odoo.health_risk_missed", 3),
    "attention_overdue": ("mentorship_odoo.health_attention_overdue", 1),
    "risk_overdue": ("mentorship_odoo.health_risk_overdue", 3),
}


class MentorshipPair(models.Model):
    """A pair or group (наставническая пара / группа): one mentor, one or more mentees, under an
    agreement with its terms (Labour Code art. 351.8)."""

    _name = "mentorship.pair"
    _description = "Mentoring Pair or Group"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    programme_id = fields.Many2one(
        "mentorship.programme",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True, index=True)
    programme_form_ids = fields.Many2many(related="programme_id.form_ids", string="Programme Forms")
    form_id = fields.Many2one(
        "mentorship.form",
        string="Form of Mentoring",
        required=True,
        tracking=True,
        domain="[('id', 'in', programme_form_ids)]",
    )
    form_kind_ids = fields.Many2many(related="form_id.kind_ids", string="Kinds of the Form")
    kind_id = fields.Many2one("mentorship.kind", tracking=True)
    role_model_id = fields.Many2one("mentorship.role.model", domain="[('form_id', '=', form_id)]")
    mentor_id = fields.Many2one(
        "mentorship.participant",
        required=True,
        index=True,
        tracking=True,
        domain="[('programme_id', '=', programme_id), ('role', '=', 'mentor'), "
        "('state', 'in', ('approved', 'active', 'former'))]",
    )
    mentee_ids = fields.Many2many(
        "mentorship.participant",
        "mentorship_pair_mentee_rel",
        "pair_id",
        "participant_id",
        string="Mentees",
        tracking=True,
        domain="[('programme_id', '=', programme_id), ('role', '=', 'mentee'), "
        "('state', 'in', ('approved', 'active', 'former'))]",
    )
    mentee_count = fields.Integer(compute="_compute_mentee_count", store=True)
    is_group = fields.Boolean(compute="_compute_mentee_count", store=True)
    mentor_user_id = fields.Many2one(related="mentor_id.user_id", store=True, string="Mentor's User")
    mentee_user_ids = fields.Many2many(
        "res.users", compute="_compute_mentee_user_ids", store=True, string="Mentees' Users"
    )
    mentor_employee_id = fields.Many2one(
        related="mentor_id.employee_id", store=True, string="Mentor Employee"
    )
    date_start = fields.Date(string="Start", required=True, tracking=True)
    date_end = fields.Date(string="Planned End", required=True, tracking=True)
    date_closed = fields.Date(string="Ended On", readonly=True, copy=False, tracking=True)
    # Whether a pair ever worked (a draft called off never did): its people are former participants
    # once it ends or goes back to draft.
    date_activated = fields.Date(string="Activated On", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("active", "Active"),
            ("done", "Completed"),
            ("terminated", "Terminated Early"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    # The agreement (соглашение / дополнительное соглашение) and its terms.
    agreement_number = fields.Char(tracking=True, copy=False)
    agreement_date = fields.Date(tracking=True, copy=False)
    agreement_content = fields.Text(string="Content of Mentoring")
    agreement_term = fields.Char(string="Term", help="E.g. «с 01.10.2025 по 31.05.2026».")
    agreement_form = fields.Char(string="Form of Work", help="E.g. individual, in person, weekly meetings.")
    agreement_pay_terms = fields.Text(string="Pay Terms")
    duties_include_mentoring = fields.Boolean(
        string="Mentoring Is Part of Job Duties",
        help="Mentoring is written into the mentor's job duties: no allowance is due "
        "(Rostrud letter of 02.10.2025).",
        tracking=True,
    )
    goal = fields.Text()
    # Early termination
    termination_initiator = fields.Selection(TERMINATION_INITIATORS, readonly=True, copy=False, tracking=True)
    termination_reason = fields.Text(readonly=True, copy=False)
    termination_date = fields.Date(readonly=True, copy=False)
    # Mentor replacement keeps the history in both directions.
    previous_pair_id = fields.Many2one(
        "mentorship.pair", string="Replaces", readonly=True, copy=False, index="btree_not_null"
    )
    next_pair_id = fields.Many2one("mentorship.pair", string="Replaced By", compute="_compute_next_pair_id")
    note = fields.Html()
    # Personalised programme and meetings
    plan_ids = fields.One2many("mentorship.plan", "pair_id", string="Personalised Programmes")
    plan_id = fields.Many2one("mentorship.plan", compute="_compute_plan_id", string="Personalised Programme")
    meeting_ids = fields.One2many("mentorship.meeting", "pair_id", string="Meetings")
    meeting_count = fields.Integer(compute="_compute_meeting_count")
    # Health: stored so that pairs can be filtered, grouped and sorted by it. The meeting figures
    # follow the meetings; the rest also depends on today, which the daily scheduled action
    # brings forward (_cron_recompute_health).
    last_meeting_date = fields.Date(string="Last Held Meeting", compute="_compute_meeting_stats", store=True)
    missed_meeting_count = fields.Integer(
        string="Missed Meetings", compute="_compute_meeting_stats", store=True
    )
    days_since_last_meeting = fields.Integer(
        compute="_compute_health",
        store=True,
        help="Days since the last held meeting (since the start when none was held yet), for active pairs.",
    )
    overdue_activity_count = fields.Integer(
        string="Overdue Plan Activities", compute="_compute_health", store=True
    )
    health = fields.Selection(
        HEALTH_STATES,
        compute="_compute_health",
        store=True,
        index=True,
        group_expand=True,
        help="For active pairs, from the days since the last held meeting, the missed meetings and the "
        "overdue activities of the personalised programme, against the thresholds in the settings.",
    )
    health_rank = fields.Integer(
        compute="_compute_health",
        store=True,
        help="3 at risk, 2 needs attention, 1 on track, 0 not active: for sorting.",
    )

    @api.depends("plan_ids")
    def _compute_plan_id(self):
        for pair in self:
            pair.plan_id = pair.plan_ids[:1]

    def _compute_meeting_count(self):
        counts = dict(
            self.env["mentorship.meeting"]._read_group(
                [("pair_id", "in", self.ids)], ["pair_id"], ["__count"]
            )
        )
        for pair in self:
            pair.meeting_count = counts.get(pair, 0)

    @api.depends("mentee_ids")
    def _compute_mentee_count(self):
        for pair in self:
            pair.mentee_count = len(pair.mentee_ids)
            pair.is_group = pair.mentee_count > 1

    @api.depends("mentee_ids.user_id")
    def _compute_mentee_user_ids(self):
        for pair in self:
            pair.mentee_user_ids = pair.mentee_ids.user_id

    def _compute_next_pair_id(self):
        successors = self.search([("previous_pair_id", "in", self.ids)])
        for pair in self:
            pair.next_pair_id = successors.filtered(lambda succ, p=pair: succ.previous_pair_id == p)[:1]

    @api.depends("name", "mentor_id.name", "mentee_ids.name")
    def _compute_display_name(self):
        for pair in self:
            mentees = ", ".join(pair.mentee_ids.mapped("name"))
            pair.display_name = f"{pair.name}: {pair.mentor_id.name or ''} → {mentees}"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code("mentorship.pair") or "/"
        return super().create(vals_list)

    @api.onchange("form_id")
    def _onchange_form_id(self):
        if self.form_id and self.date_start and not self.date_end and self.form_id.duration_max_months:
            longest = self.date_start + relativedelta(months=self.form_id.duration_max_months, days=-1)
            programme_end = self.programme_id.date_end
            self.date_end = min(longest, programme_end) if programme_end else longest

    # --- Constraints ---------------------------------------------------------------------

    @api.constrains("date_start", "date_end", "form_id", "programme_id")
    def _check_dates(self):
        for pair in self:
            if pair.date_end < pair.date_start:
                raise ValidationError(
                    self.env._("Pair %(pair)s ends before it starts: correct its dates.", pair=pair.name)
                )
            programme = pair.programme_id
            if pair.date_start < programme.date_start or pair.date_end > programme.date_end:
                raise ValidationError(
                    self.env._(
                        "Pair %(pair)s (%(start)s – %(end)s) must lie within the period of programme "
                        "«%(programme)s» (%(p_start)s – %(p_end)s).",
                        pair=pair.name,
                        start=pair.date_start,
                        end=pair.date_end,
                        programme=programme.name,
                        p_start=programme.date_start,
                        p_end=programme.date_end,
                    )
                )
            form = pair.form_id
            # Compare (whole months, days) of the inclusive period: 01.09–31.05 is exactly 9 months.
            span = relativedelta(pair.date_end + relativedelta(days=1), pair.date_start)
            length = (span.years * 12 + span.months, span.days)
            # A pair that replaces a mentor only finishes the work of the pair it continues.
            too_short = (
                form.duration_min_months
                and not pair.previous_pair_id
                and length < (form.duration_min_months, 0)
            )
            too_long = form.duration_max_months and length > (form.duration_max_months, 0)
            if too_short or too_long:
                raise ValidationError(
                    self.env._(
                        "Pair %(pair)s lasts %(months)s months and %(days)s days, but form «%(form)s» "
                        "allows %(low)s to %(high)s months: correct the planned dates.",
                        pair=pair.name,
                        months=length[0],
                        days=length[1],
                        form=form.name,
                        low=form.duration_min_months,
                        high=form.duration_max_months or "∞",
                    )
                )

    @api.constrains("mentor_id", "mentee_ids", "programme_id", "form_id", "kind_id")
    def _check_participants(self):
        for pair in self:
            if pair.mentor_id.role != "mentor" or pair.mentor_id.programme_id != pair.programme_id:
                raise ValidationError(
                    self.env._(
                        "%(person)s is not in the database of mentors of programme «%(programme)s».",
                        person=pair.mentor_id.name,
                        programme=pair.programme_id.name,
                    )
                )
            for mentee in pair.mentee_ids:
                if mentee.role != "mentee" or mentee.programme_id != pair.programme_id:
                    raise ValidationError(
                        self.env._(
                            "%(person)s is not in the database of mentees of programme «%(programme)s».",
                            person=mentee.name,
                            programme=pair.programme_id.name,
                        )
                    )
            if pair.form_id not in pair.programme_id.form_ids:
                raise ValidationError(
                    self.env._(
                        "Form «%(form)s» is not enabled in programme «%(programme)s».",
                        form=pair.form_id.name,
                        programme=pair.programme_id.name,
                    )
                )
            mentor_person = pair.mentor_id._person_key()
            for mentee in pair.mentee_ids:
                if mentee._person_key() == mentor_person:
                    raise ValidationError(
                        self.env._("%(person)s cannot be their own mentor.", person=pair.mentor_id.name)
                    )
            if pair.kind_id and not pair.kind_id.is_group and len(pair.mentee_ids) > 1:
                raise ValidationError(
                    self.env._(
                        "Kind «%(kind)s» is one-to-one: choose a group kind for %(count)s mentees.",
                        kind=pair.kind_id.name,
                        count=len(pair.mentee_ids),
                    )
                )

    @api.constrains("mentor_id", "mentee_ids", "state", "date_start", "date_end")
    def _check_duplicates(self):
        for pair in self.filtered(lambda p: p.state in ("draft", "active")):
            others = self.search(
                [
                    ("id", "!=", pair.id),
                    ("mentor_id", "=", pair.mentor_id.id),
                    ("state", "in", ("draft", "active")),
                    ("date_start", "<=", pair.date_end),
                    ("date_end", ">=", pair.date_start),
                    ("mentee_ids", "in", pair.mentee_ids.ids),
                ],
                limit=1,
            )
            if others:
                common = others.mentee_ids & pair.mentee_ids
                raise ValidationError(
                    self.env._(
                        "%(mentor)s already mentors %(mentees)s in pair %(pair)s for the same period.",
                        mentor=pair.mentor_id.name,
                        mentees=", ".join(common.mapped("name")),
                        pair=others.name,
                    )
                )

    @api.constrains("mentee_ids", "mentor_id", "state")
    def _check_active_capacity(self):
        # Activation checks capacity; this catches mentees added to a pair that is already active.
        self.filtered(lambda pair: pair.state == "active")._check_capacity()

    def _check_capacity(self):
        for pair in self:
            capacity = pair.form_id.capacity
            if not capacity:
                continue
            active_pairs = self.search(
                [
                    ("mentor_id", "=", pair.mentor_id.id),
                    ("form_id", "=", pair.form_id.id),
                    ("state", "=", "active"),
                    ("id", "!=", pair.id),
                ]
            )
            total = len(active_pairs.mentee_ids | pair.mentee_ids)
            if total > capacity:
                raise ValidationError(
                    self.env._(
                        "%(mentor)s would have %(total)s mentees in form «%(form)s», which allows at "
                        "most %(capacity)s per mentor.",
                        mentor=pair.mentor_id.name,
                        total=total,
                        form=pair.form_id.name,
                        capacity=capacity,
                    )
                )

    def _get_missing_consents(self, on_date):
        """Consents required before activation, as translated messages naming consent and person."""
        self.ensure_one()
        consent_model = self.env["mentorship.consent"]
        labels = dict(consent_model._fields["consent_type"]._description_selection(self.env))
        missing = []
        for participant in self.mentor_id | self.mentee_ids:
            partner = participant.partner_id
            if partner and partner._is_minor_on(on_date):
                for consent_type in ("personal_data", "participation"):
                    if not consent_model._find_valid(
                        consent_type, on_date, partner=partner, by_representative=True
                    ):
                        missing.append(
                            self.env._(
                                "«%(consent)s» from a legal representative of %(person)s (a minor)",
                                consent=labels[consent_type],
                                person=participant.name,
                            )
                        )
        if self.mentor_id.employee_id and not consent_model._find_valid(
            "appointment", on_date, employee=self.mentor_id.employee_id
        ):
            missing.append(
                self.env._(
                    "«%(consent)s» of the mentor %(person)s (Labour Code art. 351.8)",
                    consent=labels["appointment"],
                    person=self.mentor_id.name,
                )
            )
        return missing

    # --- Actions --------------------------------------------------------------------------

    def action_activate(self):
        for pair in self:
            if pair.state != "draft":
                raise UserError(self.env._("Only a draft pair can be activated (%(pair)s).", pair=pair.name))
            if not pair.mentee_ids:
                raise UserError(self.env._("Add at least one mentee to pair %(pair)s.", pair=pair.name))
            if pair.kind_id.is_group and len(pair.mentee_ids) < 2:
                raise UserError(
                    self.env._(
                        "Kind «%(kind)s» needs two or more mentees in group %(pair)s.",
                        kind=pair.kind_id.name,
                        pair=pair.name,
                    )
                )
            if pair.programme_id.state not in ("approved", "running"):
                raise UserError(
                    self.env._(
                        "Programme «%(programme)s» is not approved or running: pairs cannot start yet.",
                        programme=pair.programme_id.name,
                    )
                )
            # Former participants (their earlier pairs ended) may be paired again.
            not_approved = (pair.mentor_id | pair.mentee_ids).filtered(
                lambda p: p.state not in ("approved", "active", "former")
            )
            if not_approved:
                raise UserError(
                    self.env._(
                        "Approve these participants in the programme's database first: %(names)s.",
                        names=", ".join(not_approved.mapped("name")),
                    )
                )
            (pair.mentor_id | pair.mentee_ids)._raise_if_ineligible(pair.form_id, pair.date_start)
            missing = pair._get_missing_consents(pair.date_start)
            today = fields.Date.context_today(self)
            if today > pair.date_start:
                # Activated after the start: a consent withdrawn since then does not count either.
                missing += [line for line in pair._get_missing_consents(today) if line not in missing]
            if missing:
                raise UserError(
                    self.env._(
                        "Pair %(pair)s cannot be activated while these consents are missing:\n%(list)s",
                        pair=pair.name,
                        list="\n".join(f"• {line}" for line in missing),
                    )
                )
            pair._check_capacity()
        self.filtered(lambda pair: not pair.date_activated).write(
            {"date_activated": fields.Date.context_today(self)}
        )
        self.write({"state": "active"})
        return True

    def action_done(self):
        for pair in self:
            if pair.state != "active":
                raise UserError(
                    self.env._("Only an active pair can be completed (%(pair)s).", pair=pair.name)
                )
        self.write({"state": "done", "date_closed": fields.Date.context_today(self)})
        return True

    def _terminate(self, initiator, reason, date):
        for pair in self:
            if pair.state not in ("draft", "active"):
                raise UserError(
                    self.env._("Pair %(pair)s has already ended and cannot be terminated.", pair=pair.name)
                )
            if not (reason or "").strip():
                raise UserError(self.env._("Give the reason for ending pair %(pair)s early.", pair=pair.name))
            if date < pair.date_start:
                raise UserError(
                    self.env._(
                        "Pair %(pair)s cannot end before it started (%(start)s).",
                        pair=pair.name,
                        start=pair.date_start,
                    )
                )
        self.write(
            {
                "state": "terminated",
                "termination_initiator": initiator,
                "termination_reason": reason,
                "termination_date": date,
                "date_closed": date,
            }
        )

    def _replace_mentor(self, new_mentor, date, reason):
        """End this pair on ``date`` and start a linked pair with ``new_mentor`` the next day."""
        self.ensure_one()
        if self.state != "active":
            raise UserError(self.env._("Only an active pair's mentor can be replaced."))
        if new_mentor == self.mentor_id:
            raise UserError(self.env._("Choose a mentor other than the current one."))
        self._terminate("organisation", reason, date)
        new_pair = self.copy(
            {
                "mentor_id": new_mentor.id,
                "mentee_ids": [Command.set(self.mentee_ids.ids)],
                "date_start": date + relativedelta(days=1),
                "date_end": max(self.date_end, date + relativedelta(days=1)),
                "previous_pair_id": self.id,
            }
        )
        new_pair.action_activate()
        self.message_post(
            body=self.env._(
                "Mentor replaced by %(mentor)s in pair %(pair)s.", mentor=new_mentor.name, pair=new_pair.name
            )
        )
        return new_pair

    def action_open_terminate_wizard(self):
        return window_action(
            self.env._("Terminate Early"),
            "mentorship.pair.terminate.wizard",
            context={"default_pair_ids": self.ids},
            target="new",
        )

    def action_open_replace_wizard(self):
        self.ensure_one()
        return window_action(
            self.env._("Replace Mentor"),
            "mentorship.pair.replace.wizard",
            context={"default_pair_id": self.id},
            target="new",
        )

    def action_reset_draft(self):
        if any(pair.state != "active" for pair in self):
            raise UserError(self.env._("Only an active pair can go back to draft."))
        self.write({"state": "draft"})

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(pair.state != "draft" for pair in self):
            raise UserError(
                self.env._(
                    "Only draft pairs can be deleted; pairs that were active stay on record "
                    "(terminate an active pair instead)."
                )
            )

    def action_open_plan(self):
        """Open the pair's personalised programme, drawing it up first when there is none."""
        self.ensure_one()
        plan = self.plan_ids[:1] or self.env["mentorship.plan"].create({"pair_id": self.id})
        return window_action(self.env._("Personalised Programme"), "mentorship.plan", res_id=plan.id)

    def action_open_meetings(self):
        self.ensure_one()
        return window_action(
            self.env._("Meetings of %(pair)s", pair=self.name),
            "mentorship.meeting",
            "list,calendar,form",
            domain=[("pair_id", "=", self.id)],
            context={"default_pair_id": self.id},
        )

    def action_open_schedule_wizard(self):
        return window_action(
            self.env._("Schedule Meetings"),
            "mentorship.meeting.schedule.wizard",
            context={"default_pair_ids": self.ids},
            target="new",
        )

    # --- Health -------------------------------------------------------------------------------

    @api.model
    def _get_health_thresholds(self):
        # sudo: system parameters are readable by administrators only; these are not secret.
        params = self.env["ir.config_parameter"].sudo()
        thresholds = {}
        for key, (param, default) in HEALTH_PARAMS.items():
            try:
                thresholds[key] = max(int(params.get_param(param, default)), 0)
            except ValueError:
                thresholds[key] = default
        return thresholds

    @api.depends("meeting_ids.state", "meeting_ids.start")
    def _compute_meeting_stats(self):
        groups = self.env["mentorship.meeting"]._read_group(
            [("pair_id", "in", self._origin.ids), ("state", "in", ("held", "missed"))],
            ["pair_id", "state"],
            ["start:max", "__count"],
        )
        last_held = {pair: start.date() for pair, state, start, _count in groups if state == "held"}
        missed = {pair: count for pair, state, _start, count in groups if state == "missed"}
        for pair in self:
            pair.last_meeting_date = last_held.get(pair._origin, False)
            pair.missed_meeting_count = missed.get(pair._origin, 0)

    @api.depends(
        "state",
        "date_start",
        "last_meeting_date",
        "missed_meeting_count",
        "plan_ids.state",
        "plan_ids.line_ids.state",
        "plan_ids.line_ids.date_deadline",
    )
    def _compute_health(self):
        """Run the statement of the daily refresh for the batch, so that the rule has one
        definition (and one query, however many pairs changed)."""
        values = {}
        if self._origin:
            self._flush_health_inputs()
            self.env.cr.execute(self._get_health_query(SQL("pr.id = ANY(%s)", self._origin.ids)))
            values = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for pair in self:
            # A pair not saved yet is a draft: no meetings, no health. (A saved pair edited in a
            # form shows its saved health until it is saved again.)
            days, overdue, health, rank = values.get(pair._origin.id, (0, 0, False, 0))
            pair.days_since_last_meeting = days
            pair.overdue_activity_count = overdue
            pair.health = health
            pair.health_rank = rank

    @api.model
    def _cron_recompute_health(self):
        """Daily: bring the days since the last meeting and the overdue activities (and the health
        they give) of every pair forward to today; also after the thresholds change. Everything
        else keeps itself up to date through the dependencies of the fields."""
        return self._refresh_health(SQL("TRUE"))

    def _recompute_health(self):
        """The daily refresh for these pairs only: the same single statement."""
        if not self:
            return 0
        return self._refresh_health(SQL("pr.id = ANY(%s)", self.ids))

    @api.model
    def _refresh_health(self, pair_filter):
        """Write the health of the pairs matching ``pair_filter`` where it changed, in one
        set-based statement (through the ORM, 10,000 pairs would be a query to compute and a
        hundred batched UPDATEs to flush); returns the number of pairs written."""
        self._flush_health_inputs()
        self.env["mentorship.pair"].flush_model(HEALTH_FIELDS)
        self.env.cr.execute(
            SQL(
                """
                UPDATE mentorship_pair AS p
                   SET days_since_last_meeting = h.days,
                       overdue_activity_count = h.overdue,
                       health = h.health,
                       health_rank = h.health_rank
                  FROM (%s) AS h
                 WHERE p.id = h.id
                   AND (p.days_since_last_meeting, p.overdue_activity_count, p.health, p.health_rank)
                       IS DISTINCT FROM (h.days, h.overdue, h.health::varchar, h.health_rank)
                """,
                self._get_health_query(pair_filter),
            )
        )
        updated = self.env.cr.rowcount
        self.env["mentorship.pair"].invalidate_model(HEALTH_FIELDS, flush=False)
        return updated

    @api.model
    def _flush_health_inputs(self):
        for model, fnames in HEALTH_INPUTS.items():
            self.env[model].flush_model(fnames)

    @api.model
    def _get_health_query(self, pair_filter):
        """SELECT id, days, overdue, health, health_rank of the pairs matching ``pair_filter``
        (on alias ``pr``), from their stored meeting figures and their plan activities today."""
        today = fields.Date.context_today(self)
        t = self._get_health_thresholds()

        def over(column, key):
            return SQL("(%s > 0 AND %s >= %s)", t[key], SQL.identifier("s", column), t[key])

        at_risk = SQL(
            "%s OR %s OR %s",
            over("days", "risk_days"),
            over("missed", "risk_missed"),
            over("overdue", "risk_overdue"),
        )
        attention = SQL(
            "%s OR %s OR %s",
            over("days", "attention_days"),
            over("missed", "attention_missed"),
            over("overdue", "attention_overdue"),
        )
        return SQL(
            """
            SELECT s.id, s.days, s.overdue,
                   CASE WHEN s.state != 'active' THEN NULL
                        WHEN %(at_risk)s THEN 'at_risk'
                        WHEN %(attention)s THEN 'needs_attention'
                        ELSE 'on_track' END AS health,
                   CASE WHEN s.state != 'active' THEN 0
                        WHEN %(at_risk)s THEN 3
                        WHEN %(attention)s THEN 2
                        ELSE 1 END AS health_rank
              FROM (
                SELECT pr.id, pr.state,
                       CASE WHEN pr.state = 'active'
                            THEN GREATEST(%(today)s::date - COALESCE(pr.last_meeting_date, pr.date_start), 0)
                            ELSE 0 END AS days,
                       COALESCE(pr.missed_meeting_count, 0) AS missed,
                       COALESCE(l.overdue, 0) AS overdue
                  FROM mentorship_pair pr
                  LEFT JOIN (
                        SELECT line.pair_id, COUNT(*) AS overdue
                          FROM mentorship_plan_line line
                          JOIN mentorship_plan plan ON plan.id = line.plan_id
                          JOIN mentorship_pair pr ON pr.id = line.pair_id
                         WHERE line.state IN ('planned', 'in_progress')
                           AND line.date_deadline < %(today)s
                           AND plan.state IN ('draft', 'active')
                           AND %(pair_filter)s
                         GROUP BY line.pair_id
                       ) l ON l.pair_id = pr.id
                 WHERE %(pair_filter)s
              ) s
            """,
            at_risk=at_risk,
            attention=attention,
            today=today,
            pair_filter=pair_filter,
        )
