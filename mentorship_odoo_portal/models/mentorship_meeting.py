from datetime import datetime, time, timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class MentorshipMeeting(models.Model):
    _name = "mentorship.meeting"
    _inherit = ["mentorship.meeting", "portal.mixin"]

    portal_logged_by_id = fields.Many2one(
        "res.partner", string="Logged on the Portal By", readonly=True, copy=False
    )
    portal_logged_side = fields.Selection(
        [("mentor", "Mentor"), ("mentee", "Mentee")], string="Logged by Side", readonly=True, copy=False
    )
    portal_confirmed_by_id = fields.Many2one("res.partner", string="Confirmed By", readonly=True, copy=False)
    portal_confirmed_on = fields.Datetime(string="Confirmed On", readonly=True, copy=False)
    rating_ids = fields.One2many("mentorship.meeting.rating", "meeting_id", string="Ratings")

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for meeting in self:
            meeting.access_url = f"/my/mentorship/meetings/{meeting.id}"
        return res

    @api.model
    def _portal_log_held(self, pair, values, user=None):
        """Record a held meeting of ``pair`` logged by ``user`` on the portal. ``values``: date
        (YYYY-MM-DD or date), duration in hours, topic, minutes, attendee participant ids."""
        user = user or self.env.user
        pair._portal_check_role(("mentor", "mentee"), user)
        pair._portal_check_open()
        day = values.get("date")
        if isinstance(day, str):
            try:
                day = fields.Date.from_string(day)
            except ValueError:
                day = None
        if not day:
            raise UserError(self.env._("Give the date of the meeting."))
        if day > fields.Date.context_today(self):
            raise UserError(self.env._("A meeting can be logged once it has been held, not before."))
        if not (values.get("topic") or "").strip():
            raise UserError(self.env._("Give the topic of the meeting."))
        try:
            duration = float(values.get("duration") or 1.0)
        except ValueError as error:
            raise UserError(self.env._("The duration is a number of hours, e.g. 1 or 1.5.")) from error
        # Noon UTC keeps the day the same in every Russian time zone; a meeting of today ends now.
        start = datetime.combine(day, time(12, 0))
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        if start > now:
            start = max(datetime.combine(day, time.min), now - timedelta(hours=duration))
        pair_sudo = pair.sudo()
        people = pair_sudo.mentor_id | pair_sudo.mentee_ids
        attendee_ids = [int(i) for i in values.get("attendee_ids") or []]
        attendees = people.filtered(lambda p: p.id in attendee_ids) or people
        # sudo: checked above that the user works in this pair; the meeting and its calendar event
        # are written with the curator's rights.
        meeting = self.sudo().create(
            {
                "pair_id": pair.id,
                "kind": "regular",
                "name": values["topic"].strip(),
                "start": start,
                "duration": duration,
                "minutes": values.get("minutes") or False,
                "attendee_ids": [Command.set(attendees.ids)],
                "portal_logged_by_id": user.partner_id.id,
                "portal_logged_side": pair._portal_role(user),
            }
        )
        meeting.action_mark_held()
        meeting.message_post(
            body=self.env._("Held meeting logged on the portal by %(name)s.", name=user.partner_id.name),
            author_id=user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )
        return meeting

    def _portal_can_confirm(self, user=None):
        """The other side of the one who logged the meeting confirms it."""
        self.ensure_one()
        user = user or self.env.user
        role = self.pair_id._portal_role(user)
        return (
            self.state == "held"
            and self.portal_logged_side
            and not self.portal_confirmed_by_id
            and role in ("mentor", "mentee")
            and role != self.portal_logged_side
        )

    def _portal_confirm(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        if not self._portal_can_confirm(user):
            raise UserError(
                self.env._("Only the other side of a meeting logged on the portal confirms it, once.")
            )
        self.sudo().write(
            {"portal_confirmed_by_id": user.partner_id.id, "portal_confirmed_on": fields.Datetime.now()}
        )
        self.sudo().message_post(
            body=Markup("%s") % self.env._("Meeting confirmed by %(name)s.", name=user.partner_id.name),
            author_id=user.partner_id.id,
            subtype_xmlid="mail.mt_note",
        )

    def _portal_my_rating(self, user=None):
        self.ensure_one()
        user = user or self.env.user
        return self.sudo().rating_ids.filtered(lambda r: r.partner_id == user.partner_id)[:1]
