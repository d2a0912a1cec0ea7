from datetime import date, datetime

from odoo import Command
from odoo.exceptions import UserError

from .common_work import MentorshipWorkCase


class TestMeetingSchedule(MentorshipWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Asia/Novokuznetsk"))  # UTC+7

    def _wizard(self, pairs=None, **vals):
        return self.env["mentorship.meeting.schedule.wizard"].create(
            {
                "pair_ids": [Command.set((pairs or self.pair).ids)],
                "date_from": date(2025, 10, 1),
                "date_to": date(2025, 11, 30),
                "interval_weeks": 2,
                "weekday": "2",  # Wednesday
                "time": 15.5,
                **vals,
            }
        )

    def _starts(self, meetings):
        return sorted(meetings.mapped("start"))

    def test_every_two_weeks_on_wednesday_at_local_time(self):
        wizard = self._wizard()
        self.assertEqual(wizard.meeting_count, 5)
        action = wizard.action_generate()
        meetings = self.env["mentorship.meeting"].search(action["domain"])
        # Wednesdays 1, 15, 29 October, 12, 26 November; 15:30 in UTC+7 is 08:30 UTC.
        self.assertEqual(
            self._starts(meetings),
            [datetime(2025, m, d, 8, 30) for m, d in ((10, 1), (10, 15), (10, 29), (11, 12), (11, 26))],
        )
        self.assertEqual(set(meetings.mapped("kind")), {"regular"})
        self.assertEqual(set(meetings.mapped("state")), {"planned"})
        self.assertEqual(len(meetings.calendar_event_id), 5)

    def test_first_weekday_after_the_start_and_weekly(self):
        wizard = self._wizard(
            date_from=date(2025, 10, 2), date_to=date(2025, 10, 31), interval_weeks=1, weekday="0"
        )
        meetings = self.env["mentorship.meeting"].search(wizard.action_generate()["domain"])
        self.assertEqual([start.day for start in self._starts(meetings)], [6, 13, 20, 27])

    def test_opening_and_final_meetings(self):
        wizard = self._wizard(use_sequence=True)
        meetings = self.env["mentorship.meeting"].search(wizard.action_generate()["domain"]).sorted("start")
        self.assertEqual(meetings.mapped("kind"), ["first", "trial", "planning", "regular", "final"])

    def test_dates_outside_the_pair_and_days_with_a_meeting_are_skipped(self):
        self.pair.write({"date_start": date(2025, 10, 10)})
        self._meeting(self.pair, (2025, 10, 29, 3, 0))  # 10:00 local on Wednesday 29 October
        wizard = self._wizard(pairs=self.pair | self.pair_2)
        meetings = self.env["mentorship.meeting"].search(wizard.action_generate()["domain"])
        own = meetings.filtered(lambda m: m.pair_id == self.pair)
        self.assertEqual(
            [start.date() for start in self._starts(own)],
            [date(2025, 10, 15), date(2025, 11, 12), date(2025, 11, 26)],
        )
        self.assertEqual(len(meetings.filtered(lambda m: m.pair_id == self.pair_2)), 5)

    def test_invalid_schedules(self):
        with self.assertRaisesRegex(UserError, "ends before it starts"):
            self._wizard(date_to=date(2025, 9, 1)).action_generate()
        with self.assertRaisesRegex(UserError, "every 1 week or more"):
            self._wizard(interval_weeks=0).action_generate()
        with self.assertRaisesRegex(UserError, "between 00:00 and 23:59"):
            self._wizard(time=25).action_generate()
        with self.assertRaisesRegex(UserError, "No Sunday"):
            self._wizard(
                date_from=date(2025, 10, 6), date_to=date(2025, 10, 10), weekday="6"
            ).action_generate()
        self.pair.action_done()
        with self.assertRaisesRegex(UserError, "have ended"):
            self._wizard().action_generate()

    def test_defaults_from_the_pair_list_and_mentor_access(self):
        wizard = (
            self.env["mentorship.meeting.schedule.wizard"]
            .with_user(self.user_mentor)
            .with_context(active_model="mentorship.pair", active_ids=self.pair.ids)
            .create({"date_to": date(2026, 1, 31), "date_from": date(2025, 10, 1)})
        )
        self.assertEqual(wizard.pair_ids, self.pair)
        meetings = self.env["mentorship.meeting"].search(wizard.action_generate()["domain"])
        self.assertEqual(meetings.create_uid, self.user_mentor)
        self.assertEqual(
            self.pair.action_open_schedule_wizard()["context"]["default_pair_ids"], self.pair.ids
        )
