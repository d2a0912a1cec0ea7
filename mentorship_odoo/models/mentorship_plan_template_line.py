from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MentorshipPlanTemplateLine(models.Model):
    """A typical activity; its deadline is given relative to the start of the programme."""

    _name = "mentorship.plan.template.line"
    _description = "Personalised Programme Template Activity"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("mentorship.plan.template", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    direction_id = fields.Many2one("mentorship.plan.direction", ondelete="restrict")
    name = fields.Char(string="Activity", required=True)
    deadline_months = fields.Integer(
        string="Deadline: Months After Start",
        help="The deadline is the programme's start plus these months and days; leave both at 0 for "
        "no deadline.",
    )
    deadline_days = fields.Integer(string="Deadline: Days After Start", help="…plus these days.")
    mentor_methods = fields.Text(string="Mentor's Forms and Methods")
    expected_result = fields.Text()

    @api.constrains("deadline_months", "deadline_days")
    def _check_offsets(self):
        for line in self:
            if line.deadline_months < 0 or line.deadline_days < 0:
                raise ValidationError(
                    self.env._(
                        "Activity «%(activity)s»: the deadline is counted forward from the start; use "
                        "zero or more months and days.",
                        activity=line.name,
                    )
                )

    def _prepare_plan_line_values(self, plan):
        """Values of a plan activity copied from this template line; the deadline is resolved
        from the plan's start and never falls after the plan's end."""
        self.ensure_one()
        deadline = False
        if self.deadline_months or self.deadline_days:
            offset = relativedelta(months=self.deadline_months, days=self.deadline_days)
            deadline = min(plan.date_start + offset, plan.date_end)
        return {
            "direction_id": self.direction_id.id,
            "name": self.name,
            "date_deadline": deadline,
            "mentor_methods": self.mentor_methods,
            "expected_result": self.expected_result,
        }
