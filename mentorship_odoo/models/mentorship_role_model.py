from odoo import fields, models


class MentorshipRoleModel(models.Model):
    """Role model of a form (ролевая модель), e.g. «успевающий – неуспевающий» (seed 000 §2.1)."""

    _name = "mentorship.role.model"
    _description = "Role Model of a Form of Mentoring"
    _order = "form_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    form_id = fields.Many2one("mentorship.form", required=True, ondelete="cascade", index=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one(related="form_id.company_id", store=True)
