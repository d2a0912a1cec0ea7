from odoo import fields, models


class MentorshipNomination(models.Model):
    """A kind of encouragement of mentors and pairs (domain §5.6): «Наставник года», «Лучшая
    пара», thanks in an order, certificates, letters of thanks, the personnel reserve, …"""

    _name = "mentorship.nomination"
    _description = "Mentoring Nomination"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    recipient_type = fields.Selection(
        [("mentor", "Mentors"), ("pair", "Pairs and Groups"), ("both", "Mentors, Pairs and Groups")],
        string="Given To",
        required=True,
        default="both",
    )
    company_id = fields.Many2one("res.company", help="Leave empty to share across companies.")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "The code of a nomination must be unique."),
    ]
