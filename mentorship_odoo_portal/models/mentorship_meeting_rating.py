from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class MentorshipMeetingRating(models.Model):
    """A participant's private rating (1–5) of a held meeting, with an optional request for help.
    The other side never sees it; the curator does, and gets an activity for each help request."""

    _name = "mentorship.meeting.rating"
    _description = "Mentoring Meeting Rating"
    _order = "meeting_start desc, id desc"
    _check_company_auto = True

    meeting_id = fields.Many2one("mentorship.meeting", required=True, ondelete="cascade", index=True)
    meeting_start = fields.Datetime(related="meeting_id.start", store=True)
    pair_id = fields.Many2one(related="meeting_id.pair_id", store=True, index=True)
    company_id = fields.Many2one(related="meeting_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", string="Rated By", required=True, index=True)
    side = fields.Selection([("mentor", "Mentor"), ("mentee", "Mentee")], required=True)
    rating = fields.Integer(required=True, help="1 (bad) to 5 (very good).")
    comment = fields.Text()
    needs_help = fields.Boolean()
    help_state = fields.Selection(
        [("none", "Not Asked"), ("open", "Open"), ("resolved", "Resolved")],
        compute="_compute_help_state",
        store=True,
        readonly=False,
    )

    _sql_constraints = [
        ("one_per_person", "unique(meeting_id, partner_id)", "Each participant rates a meeting once."),
    ]

    @api.depends("needs_help")
    def _compute_help_state(self):
        for rating in self:
            if not rating.needs_help:
                rating.help_state = "none"
            elif rating.help_state != "resolved":
                rating.help_state = "open"

    @api.depends("meeting_id", "partner_id", "rating")
    def _compute_display_name(self):
        for rating in self:
            rating.display_name = (
                f"{rating.meeting_id.display_name} — {rating.partner_id.name}: {rating.rating}/5"
            )

    @api.constrains("rating")
    def _check_rating(self):
        for rating in self:
            if not 1 <= rating.rating <= 5:
                raise ValidationError(self.env._("A meeting is rated from 1 to 5."))

    @api.model
    def _portal_rate(self, meeting, rating, needs_help=False, comment=None, user=None):
        """Record ``user``'s rating of a held meeting of one of their pairs."""
        user = user or self.env.user
        meeting = meeting.sudo()
        meeting.pair_id._portal_check_role(("mentor", "mentee"), user)
        if meeting.state != "held":
            raise UserError(self.env._("Only a held meeting can be rated."))
        try:
            rating = int(rating)
        except (TypeError, ValueError):
            rating = 0
        if not 1 <= rating <= 5:
            raise UserError(self.env._("Choose a rating from 1 to 5."))
        if meeting._portal_my_rating(user):
            raise UserError(self.env._("You have already rated this meeting."))
        # sudo: the user's role in the pair is checked above; ratings are private to their author.
        record = self.sudo().create(
            {
                "meeting_id": meeting.id,
                "partner_id": user.partner_id.id,
                "side": meeting.pair_id._portal_role(user),
                "rating": rating,
                "comment": comment or False,
                "needs_help": bool(needs_help),
            }
        )
        if record.needs_help:
            record._notify_curators()
        return record

    def _notify_curators(self):
        activity_type = self.env.ref("mentorship_odoo_portal.mail_activity_type_portal_help")
        for rating in self:
            pair = rating.pair_id.sudo()
            curators = pair.programme_id.curator_ids or pair.create_uid
            for curator in curators[:1]:
                pair.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("%(name)s asks for help", name=rating.partner_id.name),
                    note=self.env._(
                        "After meeting «%(meeting)s» of %(date)s, %(name)s rated it %(rating)s/5 and "
                        "asked for help. %(comment)s",
                        meeting=rating.meeting_id.name,
                        date=fields.Date.to_string(rating.meeting_start.date()),
                        name=rating.partner_id.name,
                        rating=rating.rating,
                        comment=rating.comment or "",
                    ),
                    user_id=curator.id,
                )

    def action_resolve_help(self):
        self.filtered(lambda r: r.help_state == "open").write({"help_state": "resolved"})
