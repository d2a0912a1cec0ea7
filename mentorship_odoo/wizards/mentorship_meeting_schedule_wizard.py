from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from ..models.mentorship_meeting import MEETING_KINDS
from ..tools.actions import window_action

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]
PREVIEW_MAX = 20


class MentorshipMeetingScheduleWizard(models.TransientModel):
    """Plan the meetings of pairs on a regular schedule, e.g. every two weeks on Wednesday at 15:00
    between two dates (the meeting schedule of seed 002 #20)."""

    _name = "mentorship.meeting.schedule.wizard"
    _description = "Schedule Mentoring Meetings"

    pair_ids = fields.Many2many("mentorship.pair", string="Pairs and Groups", required=True)
    date_from = fields.Date(string="From", required=True, default=fields.Date.context_today)
    date_to = fields.Date(string="To", required=True)
    interval_weeks = fields.Integer(string="Every (weeks)", required=True, default=2)
    weekday = fields.Selection(WEEKDAYS, required=True, default="2")
    time = fields.Float(required=True, default=15.0, help="Local time of the meeting, e.g. 15:30.")
    duration = fields.Float(required=True, default=1.0, help="In hours.")
    kind = fields.Selection(
        [kind for kind in MEETING_KINDS if kind[0] != "joint_final"], required=True, default="regular"
    )
    use_sequence = fields.Boolean(
        string="Opening and Final Meetings",
        help="The first three meetings of each pair become the first, trial and planning meetings and "
        "the last one the final meeting.",
    )
    location = fields.Char(string="Place")
    online_url = fields.Char(string="Online Link")
    skip_existing = fields.Boolean(
        string="Skip Days with a Meeting",
        default=True,
        help="No meeting is added on a day the pair already meets.",
    )
    preview = fields.Text(compute="_compute_preview")
    meeting_count = fields.Integer(string="Meetings per Pair", compute="_compute_preview")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        context = self.env.context
        if (
            "pair_ids" in fields_list
            and not res.get("pair_ids")
            and context.get("active_model") == "mentorship.pair"
        ):
            res["pair_ids"] = [fields.Command.set(context.get("active_ids") or [])]
        return res

    def _get_dates(self):
        """Dates from ``date_from`` to ``date_to`` on the weekday, every ``interval_weeks`` weeks."""
        self.ensure_one()
        if not (self.date_from and self.date_to) or self.interval_weeks < 1 or self.date_to < self.date_from:
            return []
        first = self.date_from + timedelta(days=(int(self.weekday) - self.date_from.weekday()) % 7)
        dates = []
        day = first
        while day <= self.date_to:
            dates.append(day)
            day += timedelta(weeks=self.interval_weeks)
        return dates

    @api.depends("date_from", "date_to", "interval_weeks", "weekday")
    def _compute_preview(self):
        for wizard in self:
            dates = wizard._get_dates()
            wizard.meeting_count = len(dates)
            shown = ", ".join(format_date(self.env, day) for day in dates[:PREVIEW_MAX])
            wizard.preview = shown + (" …" if len(dates) > PREVIEW_MAX else "")

    def _local_to_utc(self, day):
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        hours = int(self.time)
        minutes = round((self.time - hours) * 60)
        local = datetime.combine(day, time(hours, minutes))
        return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _check_values(self):
        if self.date_to < self.date_from:
            raise UserError(self.env._("The schedule ends before it starts: correct the dates."))
        if self.interval_weeks < 1:
            raise UserError(self.env._("Meetings repeat every 1 week or more."))
        if not 0 <= self.time < 24:
            raise UserError(self.env._("The time of the meetings must be between 00:00 and 23:59."))
        if not 0 < self.duration <= 24:
            raise UserError(self.env._("A meeting lasts more than 0 and at most 24 hours."))
        not_running = self.pair_ids.filtered(lambda pair: pair.state not in ("draft", "active"))
        if not_running:
            raise UserError(
                self.env._(
                    "These pairs have ended: %(pairs)s. Meetings are scheduled for draft or active "
                    "pairs only.",
                    pairs=", ".join(not_running.mapped("name")),
                )
            )

    def _kind_for(self, index, count):
        if not self.use_sequence:
            return self.kind
        opening = ("first", "trial", "planning")
        if index < len(opening) and index < count - 1:
            return opening[index]
        if index == count - 1 and count > 1:
            return "final"
        return "regular"

    def action_generate(self):
        self.ensure_one()
        self._check_values()
        dates = self._get_dates()
        if not dates:
            weekday = dict(self._fields["weekday"]._description_selection(self.env))[self.weekday]
            raise UserError(self.env._("No %(weekday)s falls in the chosen period.", weekday=weekday))
        existing_days = set()
        if self.skip_existing:
            existing = self.env["mentorship.meeting"].search(
                [("pair_id", "in", self.pair_ids.ids), ("state", "!=", "cancelled")]
            )
            existing_days = {
                (meeting.pair_id.id, fields.Datetime.context_timestamp(self, meeting.start).date())
                for meeting in existing
            }
        vals_list = []
        for pair in self.pair_ids:
            days = [
                day
                for day in dates
                if pair.date_start <= day <= (pair.date_end or day) and (pair.id, day) not in existing_days
            ]
            for index, day in enumerate(days):
                vals_list.append(
                    {
                        "pair_id": pair.id,
                        "kind": self._kind_for(index, len(days)),
                        "start": self._local_to_utc(day),
                        "duration": self.duration,
                        "location": self.location,
                        "online_url": self.online_url,
                    }
                )
        if not vals_list:
            raise UserError(
                self.env._(
                    "Every date of the schedule is outside the pairs' periods or already has a meeting."
                )
            )
        meetings = self.env["mentorship.meeting"].create(vals_list)
        return window_action(
            self.env._("Scheduled Meetings"),
            "mentorship.meeting",
            "list,calendar,form",
            domain=[("id", "in", meetings.ids)],
        )
