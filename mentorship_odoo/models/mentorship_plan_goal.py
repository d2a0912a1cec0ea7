from odoo import api, fields, models
from odoo.exceptions import ValidationError

GOAL_STATES = [
    ("planned", "Planned"),
    ("achieved", "Achieved"),
    ("partly", "Partly Achieved"),
    ("not_achieved", "Not Achieved"),
]


class MentorshipPlanGoal(models.Model):
    """A goal of the individual plan for a given period (seed 001 6.1: goals and tasks for
    specific periods, corrected after feedback), used for student mentees."""

    _name = "mentorship.plan.goal"
    _description = "Personalised Programme: Goal per Period"
    _inherit = ["mentorship.mentee.access.mixin"]
    _order = "plan_id, date_from, sequence, id"
    _mentee_writable_fields = ("mentee_reflection",)

    plan_id = fields.Many2one("mentorship.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    name = fields.Char(string="Goal", required=True)
    tasks = fields.Text()
    state = fields.Selection(GOAL_STATES, string="Result", default="planned", required=True)
    mentee_reflection = fields.Text(string="Mentee's Reflection")

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for goal in self:
            if goal.date_to < goal.date_from:
                raise ValidationError(
                    self.env._("The period of goal «%(goal)s» ends before it starts.", goal=goal.name)
                )

    def _get_mentorship_pair(self):
        return self.plan_id.pair_id
