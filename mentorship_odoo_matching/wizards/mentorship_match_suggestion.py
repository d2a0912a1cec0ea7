from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.mentorship_odoo.tools.actions import window_action

from ..tools import matching

SUGGESTION_LIMIT = 5


class MentorshipMatchSuggestion(models.TransientModel):
    """The best mentors for one mentee, with the score and its explanation."""

    _name = "mentorship.match.suggestion"
    _description = "Suggested Mentors"
    _check_company_auto = True

    mentee_id = fields.Many2one(
        "mentorship.participant", required=True, readonly=True, ondelete="cascade", check_company=True
    )
    programme_id = fields.Many2one(related="mentee_id.programme_id")
    company_id = fields.Many2one(related="mentee_id.company_id", store=True)
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
        string="Pair Starts On",
        required=True,
        compute="_compute_date_start",
        store=True,
        readonly=False,
        precompute=True,
    )
    line_ids = fields.One2many("mentorship.match.suggestion.line", "suggestion_id", string="Suggestions")
    note = fields.Text(readonly=True)

    @api.depends("mentee_id")
    def _compute_form_id(self):
        for wizard in self:
            forms = wizard.mentee_id.programme_id.form_ids
            wizard.form_id = (
                wizard.mentee_id.form_id
                or forms.filtered(lambda form, w=wizard: form.mentee_type == w.mentee_id.person_type)[:1]
            )

    @api.depends("mentee_id")
    def _compute_date_start(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            programme = wizard.mentee_id.programme_id
            wizard.date_start = (
                min(max(today, programme.date_start), programme.date_end) if programme else today
            )

    def _reopen(self):
        return window_action(
            self.env._("Suggested Mentors for %(mentee)s", mentee=self.mentee_id.name),
            self._name,
            res_id=self.id,
            target="new",
        )

    def action_refresh(self):
        self.ensure_one()
        mentee = self.mentee_id
        if mentee.role != "mentee":
            raise UserError(
                self.env._("%(person)s is not a mentee: suggestions are for mentees.", person=mentee.name)
            )
        if not self.form_id:
            raise UserError(self.env._("Choose the form of mentoring for the suggestions."))
        Engine = self.env["mentorship.match.engine"]
        unmatched = Engine._unmatched_mentees(self.programme_id, self.form_id)
        if mentee not in unmatched:
            raise UserError(
                self.env._(
                    "%(mentee)s is not waiting for a mentor in form «%(form)s»: approve them first, or they "
                    "are already in a pair.",
                    mentee=mentee.name,
                    form=self.form_id.name,
                )
            )
        # The whole cohort is scored so that the top suggestion follows the optimal assignment
        # and no mentor is offered as the top one beyond their free places.
        problem = Engine._build(self.programme_id, self.form_id, self.date_start, mentees=unmatched)
        assignment = problem.solve()
        row = list(unmatched.ids).index(mentee.id)
        picks = matching.top_suggestions(
            problem.score, problem.allowed, problem.capacity, assignment, row, SUGGESTION_LIMIT
        )
        self.line_ids = [Command.clear()] + [
            Command.create(
                {
                    "rank": rank,
                    "mentor_id": problem.mentors[col].id,
                    "is_top": is_top,
                    "score": float(problem.score[row, col]),
                    "free_places": min(int(problem.capacity[col]), 999),
                    "explanation": problem.explain(row, col),
                }
            )
            for rank, (col, is_top) in enumerate(picks, start=1)
        ]
        if not picks:
            self.note = self.env._(
                "No mentor passes the filters with a free place: check the form's eligibility rules, the "
                "mentors' limits and the «must» criteria of the programme."
            )
        elif not any(is_top for _col, is_top in picks):
            self.note = self.env._(
                "In the best assignment of the whole cohort the free places of these mentors go to "
                "other mentees: the list shows alternatives."
            )
        else:
            self.note = False
        return self._reopen()
