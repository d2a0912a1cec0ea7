from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_odoo.tools.actions import window_action

from ..tools import matching


class MentorshipMatchWizard(models.TransientModel):
    """Cohort assignment (автоподбор пар): the unmatched mentees of a form against the mentors with
    free places, solved for the highest total score, beside a one-by-one (greedy) pass."""

    _name = "mentorship.match.wizard"
    _description = "Cohort Matching"
    _check_company_auto = True

    programme_id = fields.Many2one(
        "mentorship.programme", required=True, readonly=True, ondelete="cascade", check_company=True
    )
    company_id = fields.Many2one(related="programme_id.company_id", store=True)
    programme_form_ids = fields.Many2many(related="programme_id.form_ids", string="Programme Forms")
    form_id = fields.Many2one(
        "mentorship.form",
        string="Form of Mentoring",
        required=True,
        compute="_compute_form_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('id', 'in', programme_form_ids)]",
    )
    date_start = fields.Date(
        string="Pairs Start On",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_end = fields.Date(
        string="Pairs End On",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    line_ids = fields.One2many(
        "mentorship.match.wizard.line",
        "wizard_id",
        string="Proposed Pairs",
        domain=[("mentor_id", "!=", False)],
    )
    unmatched_line_ids = fields.One2many(
        "mentorship.match.wizard.line",
        "wizard_id",
        string="Unmatched Mentees",
        domain=[("mentor_id", "=", False)],
    )
    mentee_count = fields.Integer(string="Mentees Waiting", readonly=True)
    mentor_count = fields.Integer(string="Mentors with Free Places", readonly=True)
    place_count = fields.Integer(string="Free Places", readonly=True)
    matched_count = fields.Integer(string="Matched", readonly=True)
    total_score = fields.Float(digits=(16, 1), readonly=True)
    mean_score = fields.Float(string="Mean Score (%)", digits=(5, 1), readonly=True)
    greedy_matched_count = fields.Integer(string="Matched One by One", readonly=True)
    greedy_total_score = fields.Float(string="Total Score One by One", digits=(16, 1), readonly=True)
    greedy_mean_score = fields.Float(string="Mean Score One by One (%)", digits=(5, 1), readonly=True)
    gain_percent = fields.Float(
        string="Gain over One by One (%)",
        digits=(6, 1),
        readonly=True,
        help="How much higher the total score of the optimal assignment is than that of picking the "
        "best free mentor for each mentee in turn.",
    )

    @api.depends("programme_id")
    def _compute_form_id(self):
        # Open on the form where most mentees wait for a mentor.
        Engine = self.env["mentorship.match.engine"]
        for wizard in self:
            forms = wizard.programme_id.form_ids
            if forms and (not wizard.form_id or wizard.form_id not in forms):
                waiting = {form: len(Engine._unmatched_mentees(wizard.programme_id, form)) for form in forms}
                wizard.form_id = max(forms, key=lambda form, counts=waiting: counts[form])

    @api.depends("programme_id", "form_id")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            programme = wizard.programme_id
            if not programme:
                continue
            start = wizard.date_start or min(max(today, programme.date_start), programme.date_end)
            wizard.date_start = start
            if wizard.form_id:
                wizard.date_end = self.env["mentorship.match.engine"]._default_dates(
                    programme, wizard.form_id, start
                )
            else:
                wizard.date_end = programme.date_end

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start and self.form_id and self.programme_id:
            self.date_end = self.env["mentorship.match.engine"]._default_dates(
                self.programme_id, self.form_id, self.date_start
            )

    def _reopen(self):
        return window_action(
            self.env._("Match Mentees: %(programme)s", programme=self.programme_id.name),
            self._name,
            res_id=self.id,
            target="new",
        )

    def _all_lines(self):
        return self.env["mentorship.match.wizard.line"].search([("wizard_id", "in", self.ids)])

    def action_solve(self):
        """(Re)compute the proposals; the pairs the curator forced are kept as they are."""
        self.ensure_one()
        Engine = self.env["mentorship.match.engine"]
        problem = Engine._build(self.programme_id, self.form_id, self.date_start)
        row_of = {mentee.id: row for row, mentee in enumerate(problem.mentees)}
        col_of = {mentor.id: col for col, mentor in enumerate(problem.mentors)}
        forced = []
        for line in self._all_lines().filtered(lambda line: line.forced and line.mentor_id):
            row, col = row_of.get(line.mentee_id.id), col_of.get(line.mentor_id.id)
            if row is None or col is None or not problem.allowed[row, col]:
                raise UserError(
                    self.env._(
                        "%(mentor)s cannot be the mentor of %(mentee)s in form «%(form)s»: the pair breaks a "
                        "filter (eligibility, free places, a «must» criterion) or the mentee already has a "
                        "pair. Choose another mentor or untick «Set by Hand».",
                        mentor=line.mentor_id.name,
                        mentee=line.mentee_id.name,
                        form=self.form_id.name,
                    )
                )
            forced.append((row, col))
        try:
            optimal = problem.solve(forced)
        except ValueError as error:
            raise UserError(
                self.env._(
                    "The pairs set by hand give a mentor more mentees than their free places, or one mentee "
                    "two mentors: correct them (%(detail)s).",
                    detail=error,
                )
            ) from error
        greedy = problem.greedy(forced)
        reasons = matching.unmatched_reasons(problem.allowed, problem.capacity, optimal)
        self._all_lines().unlink()
        vals_list = []
        for row, mentee in enumerate(problem.mentees):
            col = int(optimal.mentor[row])
            vals = {"wizard_id": self.id, "mentee_id": mentee.id, "forced": row in optimal.forced}
            if col >= 0:
                vals.update(
                    mentor_id=problem.mentors[col].id,
                    score=float(problem.score[row, col]),
                    explanation=problem.explain(row, col),
                    selected=True,
                )
            else:
                vals.update(reason=reasons[row], selected=False)
            vals_list.append(vals)
        self.env["mentorship.match.wizard.line"].create(vals_list)
        places = problem.capacity[problem.capacity > 0]
        self.write(
            {
                "mentee_count": len(problem.mentees),
                "mentor_count": len(places),
                "place_count": int(places.clip(max=len(problem.mentees)).sum()),
                "matched_count": optimal.matched,
                "total_score": optimal.total,
                "mean_score": optimal.mean,
                "greedy_matched_count": greedy.matched,
                "greedy_total_score": greedy.total,
                "greedy_mean_score": greedy.mean,
                "gain_percent": 100.0 * (optimal.total - greedy.total) / greedy.total
                if greedy.total
                else 0.0,
            }
        )
        return self._reopen()

    def _accept(self, lines):
        self.ensure_one()
        lines = lines.filtered("mentor_id")
        pairs = self.env["mentorship.match.engine"]._create_draft_pairs(
            self.programme_id,
            self.form_id,
            [(line.mentee_id, line.mentor_id) for line in lines],
            self.date_start,
            self.date_end,
        )
        return window_action(
            self.env._("Draft Pairs from Matching"),
            "mentorship.pair",
            "list,form",
            domain=[("id", "in", pairs.ids)],
        )

    def action_accept_selected(self):
        return self._accept(self.line_ids.filtered("selected"))

    def action_accept_all(self):
        return self._accept(self.line_ids)
