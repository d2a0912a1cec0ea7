from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

TERMINATION_INITIATORS = [
    ("mentor", "Mentor"),
    ("mentee", "Mentee"),
    ("organisation", "Organisation"),
]


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
        self.write({"state": "active"})
        (self.mentor_id | self.mentee_ids)._sync_state_from_pairs()
        return True

    def action_done(self):
        for pair in self:
            if pair.state != "active":
                raise UserError(
                    self.env._("Only an active pair can be completed (%(pair)s).", pair=pair.name)
                )
        self.write({"state": "done", "date_closed": fields.Date.context_today(self)})
        (self.mentor_id | self.mentee_ids)._sync_state_from_pairs()
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
        (self.mentor_id | self.mentee_ids)._sync_state_from_pairs()

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
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Terminate Early"),
            "res_model": "mentorship.pair.terminate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pair_ids": self.ids},
        }

    def action_open_replace_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Replace Mentor"),
            "res_model": "mentorship.pair.replace.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_pair_id": self.id},
        }

    def action_reset_draft(self):
        if any(pair.state != "active" for pair in self):
            raise UserError(self.env._("Only an active pair can go back to draft."))
        self.write({"state": "draft"})
        (self.mentor_id | self.mentee_ids)._sync_state_from_pairs()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(pair.state != "draft" for pair in self):
            raise UserError(
                self.env._(
                    "Only draft pairs can be deleted; pairs that were active stay on record "
                    "(terminate an active pair instead)."
                )
            )
