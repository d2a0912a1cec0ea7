from odoo import fields, models


class MentorshipKind(models.Model):
    """Kind of mentoring (вид наставничества), seed 004 §3: individual, group, reverse, …"""

    _name = "mentorship.kind"
    _description = "Kind of Mentoring"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    is_group = fields.Boolean(
        string="Group",
        help="One mentor works with two or more mentees at once.",
    )
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")

    _sql_constraints = [
        (
            "code_company_uniq",
            # NULLS NOT DISTINCT (PostgreSQL 15): shared records (no company) may not repeat a code either.
            "unique nulls not distinct (code, company_id)",
            "The code of a kind must be unique within its company and among shared kinds.",
        ),
    ]
