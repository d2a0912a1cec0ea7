from odoo import fields, models


class MentorshipPlanDirection(models.Model):
    """Direction of mentoring activity (направление наставнической деятельности), the list at the
    end of the template of the personalised programme (seed 004)."""

    _name = "mentorship.plan.direction"
    _description = "Direction of Mentoring Activity"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")
