from odoo import fields, models

SCHEDULES = [
    ("morning", "Mornings"),
    ("afternoon", "Afternoons"),
    ("evening", "Evenings"),
    ("any", "Any Time"),
]


class MentorshipParticipant(models.Model):
    _inherit = "mentorship.participant"

    match_request_direction_ids = fields.Many2many(
        "mentorship.plan.direction",
        "mentorship_participant_match_request_rel",
        "participant_id",
        "direction_id",
        string="Requests (Directions)",
        help="The mentee's requests and deficits as directions of mentoring activity, for matching.",
    )
    match_strength_direction_ids = fields.Many2many(
        "mentorship.plan.direction",
        "mentorship_participant_match_strength_rel",
        "participant_id",
        "direction_id",
        string="Strengths (Directions)",
        help="The directions in which the mentor can help, for matching.",
    )
    match_capacity = fields.Integer(
        string="Own Limit of Mentees",
        help="How many mentees this mentor accepts at once; 0 means the limit of the form. "
        "It can only be lower than the form's limit.",
    )
    match_schedule = fields.Selection(SCHEDULES, string="Convenient Time")
    match_campus = fields.Char(string="Campus", help="Building or site where the person works or studies.")

    _sql_constraints = [
        (
            "match_capacity_positive",
            "CHECK(match_capacity >= 0)",
            "The own limit of mentees cannot be negative.",
        ),
    ]

    def action_open_match_suggestions(self):
        self.ensure_one()
        wizard = self.env["mentorship.match.suggestion"].create({"mentee_id": self.id})
        wizard.action_refresh()
        return wizard._reopen()
