from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

# The sequence of meetings of a pair (domain §8.1; seeds 000 L186, 002 L211–215, 003 6.1–6.7).
MEETING_KINDS = [
    ("first", "First Meeting"),
    ("trial", "Trial Working Meeting"),
    ("planning", "Planning Meeting"),
    ("regular", "Regular Meeting"),
    ("final", "Final Meeting"),
    ("joint_final", "Joint Final Meeting of All Pairs"),
]
MEETING_STATES = [
    ("planned", "Planned"),
    ("held", "Held"),
    ("missed", "Missed"),
    ("cancelled", "Cancelled"),
]
# Meeting fields that the calendar event mirrors.
EVENT_FIELDS = {"name", "start", "duration", "location", "online_url", "state", "pair_id", "kind"}


class MentorshipMeeting(models.Model):
    """A meeting of a pair or group, mirrored by a calendar event whose attendees are the
    participants. The joint final meeting of a programme is one meeting per pair sharing one
    calendar event, so that every pair records its own attendance and minutes."""

    _name = "mentorship.meeting"
    _description = "Mentoring Meeting"
    _inherit = ["mail.thread", "mail.activity.mixin", "mentorship.mentee.access.mixin"]
    _order = "start desc, id desc"
    _check_company_auto = True
    _mentee_writable_fields = ("mentee_feedback", "attachment_ids")

    name = fields.Char(
        string="Subject", compute="_compute_name", store=True, readonly=False, precompute=True, required=True
    )
    pair_id = fields.Many2one(
        "mentorship.pair",
        string="Pair or Group",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        tracking=True,
    )
    programme_id = fields.Many2one(related="pair_id.programme_id", store=True, index=True)
    company_id = fields.Many2one(related="pair_id.company_id", store=True, index=True)
    mentor_id = fields.Many2one(related="pair_id.mentor_id")
    mentee_ids = fields.Many2many(related="pair_id.mentee_ids")
    kind = fields.Selection(MEETING_KINDS, required=True, default="regular", tracking=True)
    state = fields.Selection(
        MEETING_STATES, default="planned", required=True, readonly=True, copy=False, tracking=True
    )
    start = fields.Datetime(required=True, tracking=True, default=fields.Datetime.now)
    duration = fields.Float(default=1.0, help="In hours.")
    stop = fields.Datetime(string="End", compute="_compute_stop", store=True)
    location = fields.Char(string="Place")
    online_url = fields.Char(string="Online Link", help="Video call link when the meeting is held online.")
    minutes = fields.Html(help="What was discussed and agreed.")
    attendee_ids = fields.Many2many(
        "mentorship.participant",
        "mentorship_meeting_attendee_rel",
        "meeting_id",
        "participant_id",
        string="Attended",
        domain="['|', ('id', '=', mentor_id), ('id', 'in', mentee_ids)]",
    )
    mentee_feedback = fields.Text(string="Mentee's Feedback")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "mentorship_meeting_attachment_rel",
        "meeting_id",
        "attachment_id",
        string="Materials and Evidence",
    )
    calendar_event_id = fields.Many2one(
        "calendar.event", readonly=True, copy=False, ondelete="set null", index=True
    )

    @api.depends("kind")
    def _compute_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for meeting in self:
            meeting.name = labels.get(meeting.kind) or meeting.name

    @api.depends("start", "duration")
    def _compute_stop(self):
        for meeting in self:
            meeting.stop = meeting.start and meeting.start + timedelta(hours=meeting.duration or 0)

    @api.constrains("duration")
    def _check_duration(self):
        for meeting in self:
            if not 0 < meeting.duration <= 24:
                raise ValidationError(
                    self.env._(
                        "Meeting «%(meeting)s» must last more than 0 and at most 24 hours.",
                        meeting=meeting.name,
                    )
                )

    @api.constrains("attendee_ids", "pair_id")
    def _check_attendees(self):
        for meeting in self:
            strangers = meeting.attendee_ids - meeting.pair_id.mentor_id - meeting.pair_id.mentee_ids
            if strangers:
                raise ValidationError(
                    self.env._(
                        "%(people)s are not in pair %(pair)s: record only its mentor and mentees as "
                        "attendees.",
                        people=", ".join(strangers.mapped("name")),
                        pair=meeting.pair_id.name,
                    )
                )

    def _get_mentorship_pair(self):
        return self.pair_id

    # --- Calendar ---------------------------------------------------------------------------

    @api.model
    def _get_participant_partners(self, participants):
        """Contacts that stand for the participants in the calendar."""
        partners = self.env["res.partner"]
        for participant in participants:
            employee = participant.employee_id
            if employee:
                partners |= employee.work_contact_id or employee.user_id.partner_id
            else:
                partners |= participant.partner_id
        return partners

    def _get_event_partners(self):
        partners = self._get_participant_partners(self.pair_id.mentor_id | self.pair_id.mentee_ids)
        if self.filtered(lambda m: m.kind == "joint_final"):
            partners |= self.programme_id.curator_ids.partner_id
        return partners

    def _prepare_event_values(self):
        """Values of the calendar event of the meetings in ``self`` (one meeting, or the meetings
        of all pairs sharing a joint event); the first one gives the time and place."""
        lead = self[:1]
        pair_names = ", ".join(self.pair_id.mapped("name"))
        return {
            "name": lead.name if len(self) > 1 else f"{lead.name}: {lead.pair_id.display_name}",
            "start": lead.start,
            "stop": lead.stop,
            "allday": False,
            "location": lead.location or False,
            "videocall_location": lead.online_url or False,
            "description": pair_names,
            "partner_ids": [Command.set(self._get_event_partners().ids)],
        }

    def _sync_calendar_events(self):
        """Create, update or archive the calendar events of these meetings (set-based: one event
        per meeting, or one per group of meetings sharing a joint event)."""
        Event = self.env["calendar.event"]
        meetings = self.with_context(mentorship_skip_event_sync=True)
        new = meetings.filtered(lambda m: not m.calendar_event_id and m.state != "cancelled")
        if new:
            events = Event.create([meeting._prepare_event_values() for meeting in new])
            for meeting, event in zip(new, events, strict=True):
                meeting.calendar_event_id = event
        linked = meetings.calendar_event_id - (new.calendar_event_id if new else Event)
        if not linked:
            return
        # sudo: a joint event is shared with pairs the user may not see, and its attendees must stay
        # complete whoever records their own pair's part.
        siblings = meetings.sudo().search([("calendar_event_id", "in", linked.ids)])
        for event in siblings.calendar_event_id:
            event_meetings = siblings.filtered(lambda m, e=event: m.calendar_event_id == e)
            alive = event_meetings.filtered(lambda m: m.state != "cancelled")
            if not alive:
                event.active = False
                continue
            vals = alive._prepare_event_values()
            if not event.active:
                vals["active"] = True
            event.write(vals)

    # --- CRUD ---------------------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        meetings = super().create(vals_list)
        if not self.env.context.get("mentorship_skip_event_sync"):
            meetings._sync_calendar_events()
        return meetings

    def write(self, vals):
        if {"start", "duration"} & set(vals) and not self.env.context.get("mentorship_skip_event_sync"):
            # A joint meeting moves for every pair that shares its calendar event (sudo: those pairs
            # may be out of the user's sight; only curators may move it, checked below).
            others = self.sudo().search(
                [("calendar_event_id", "in", self.calendar_event_id.ids), ("id", "not in", self.ids)]
            )
            if others and not (
                self.env.su or self.env.user.has_group("mentorship_odoo.group_mentorship_curator")
            ):
                raise UserError(
                    self.env._(
                        "The joint final meeting moves for every pair at once: ask the curator to change "
                        "its time."
                    )
                )
            if others:
                time_vals = {key: vals[key] for key in ("start", "duration") if key in vals}
                others.with_context(mentorship_skip_event_sync=True).write(time_vals)
        res = super().write(vals)
        if EVENT_FIELDS & set(vals) and not self.env.context.get("mentorship_skip_event_sync"):
            self._sync_calendar_events()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_held(self):
        if any(meeting.state in ("held", "missed") for meeting in self):
            raise UserError(
                self.env._(
                    "Held and missed meetings are part of the pair's record and cannot be deleted; "
                    "set them back to planned and cancel them if they were entered by mistake."
                )
            )

    def unlink(self):
        events = self.calendar_event_id
        res = super().unlink()
        # sudo: other pairs' meetings may still use a joint event the user cannot see.
        remaining = self.sudo().search([("calendar_event_id", "in", events.ids)])
        (events - remaining.calendar_event_id).unlink()
        remaining._sync_calendar_events()  # a joint event loses the attendees of the deleted meetings
        return res

    # --- Actions ------------------------------------------------------------------------------

    def _check_not_future(self, action_label):
        now = fields.Datetime.now()
        future = self.filtered(lambda m: m.start > now)
        if future:
            raise UserError(
                self.env._(
                    "Meeting «%(meeting)s» of %(date)s has not happened yet: it cannot be %(action)s.",
                    meeting=future[0].name,
                    date=fields.Datetime.to_string(future[0].start),
                    action=action_label,
                )
            )

    def action_mark_held(self):
        if any(meeting.state not in ("planned", "missed") for meeting in self):
            raise UserError(self.env._("Only planned or missed meetings can be marked as held."))
        self._check_not_future(self.env._("marked as held"))
        for meeting in self.filtered(lambda m: not m.attendee_ids):
            meeting.attendee_ids = meeting.pair_id.mentor_id | meeting.pair_id.mentee_ids
        self.write({"state": "held"})
        return True

    def action_mark_missed(self):
        if any(meeting.state != "planned" for meeting in self):
            raise UserError(self.env._("Only planned meetings can be marked as missed."))
        self._check_not_future(self.env._("marked as missed"))
        self.write({"state": "missed", "attendee_ids": [Command.clear()]})
        return True

    def action_cancel(self):
        if any(meeting.state != "planned" for meeting in self):
            raise UserError(self.env._("Only planned meetings can be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_reset_planned(self):
        self.write({"state": "planned"})
        return True

    @api.model
    def _create_joint_final_meetings(self, pairs, vals):
        """One joint final meeting per pair, all sharing one calendar event that invites every
        participant and the programme's curators."""
        if not pairs:
            raise UserError(
                self.env._("The programme has no active pairs to invite to a joint final meeting.")
            )
        meetings = self.with_context(mentorship_skip_event_sync=True).create(
            [{**vals, "pair_id": pair.id, "kind": "joint_final"} for pair in pairs]
        )
        event = self.env["calendar.event"].create(meetings._prepare_event_values())
        meetings.with_context(mentorship_skip_event_sync=True).write({"calendar_event_id": event.id})
        return meetings
