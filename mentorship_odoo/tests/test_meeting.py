from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from .common_work import MentorshipWorkCase


class TestMeeting(MentorshipWorkCase):
    def _partners(self, *employees):
        return self.env["res.partner"].union(*(emp.work_contact_id for emp in employees))

    def test_meeting_gets_a_calendar_event_with_the_participants(self):
        meeting = self._meeting(self.pair, (2025, 10, 8, 12, 0), kind="first", location="Каб. 214")
        event = meeting.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(meeting.name, "First Meeting")
        self.assertEqual(event.start, datetime(2025, 10, 8, 12, 0))
        self.assertEqual(event.stop, datetime(2025, 10, 8, 13, 0))
        self.assertEqual(event.location, "Каб. 214")
        self.assertEqual(event.partner_ids, self._partners(self.teacher_senior, self.teacher_young))
        self.assertIn(self.pair.name, event.name)

    def test_event_follows_the_meeting(self):
        meeting = self._meeting(self.pair, (2025, 10, 8, 12, 0))
        event = meeting.calendar_event_id
        meeting.write(
            {"start": datetime(2025, 10, 9, 9, 30), "duration": 1.5, "online_url": "https://meet.example/x"}
        )
        self.assertEqual(event.start, datetime(2025, 10, 9, 9, 30))
        self.assertEqual(event.stop, datetime(2025, 10, 9, 11, 0))
        self.assertEqual(event.videocall_location, "https://meet.example/x")
        meeting.action_cancel()
        self.assertFalse(event.active, "a cancelled meeting leaves the calendars")
        meeting.action_reset_planned()
        self.assertTrue(event.active)
        meeting.unlink()
        self.assertFalse(event.exists())

    @freeze_time("2025-10-20 10:00:00")
    def test_held_missed_and_cancelled(self):
        past = self._meeting(self.pair, (2025, 10, 15, 12, 0))
        future = self._meeting(self.pair, (2025, 10, 29, 12, 0))
        with self.assertRaisesRegex(UserError, "has not happened yet"):
            future.action_mark_held()
        with self.assertRaisesRegex(UserError, "has not happened yet"):
            future.action_mark_missed()
        past.action_mark_held()
        self.assertEqual(past.state, "held")
        self.assertEqual(
            past.attendee_ids, self.mentor | self.mentee, "everybody attended unless told otherwise"
        )
        with self.assertRaises(UserError):
            past.action_cancel()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            past.unlink()
        missed = self._meeting(self.pair, (2025, 10, 1, 12, 0))
        missed.action_mark_missed()
        self.assertEqual(missed.state, "missed")
        self.assertFalse(missed.attendee_ids)
        missed.action_mark_held()
        self.assertEqual(missed.state, "held")
        future.action_cancel()
        self.assertEqual(future.state, "cancelled")
        future.unlink()

    def test_constraints(self):
        with self.assertRaises(ValidationError):
            self._meeting(self.pair, (2025, 10, 8, 12, 0), duration=0)
        with self.assertRaisesRegex(ValidationError, "not in pair"):
            self._meeting(self.pair, (2025, 10, 8, 12, 0), attendee_ids=[Command.set(self.mentee_2.ids)])

    def test_joint_final_meeting_for_all_active_pairs(self):
        draft_pair = self._student_pair()
        wizard = self.env["mentorship.meeting.joint.wizard"].create(
            {
                "programme_id": self.programme.id,
                "start": datetime(2026, 5, 20, 10, 0),
                "duration": 2,
                "location": "Актовый зал",
            }
        )
        self.assertEqual(wizard.pair_ids, self.pair | self.pair_2)
        action = wizard.action_create()
        meetings = self.env["mentorship.meeting"].search(action["domain"])
        self.assertEqual(meetings.pair_id, self.pair | self.pair_2)
        self.assertNotIn(draft_pair, meetings.pair_id)
        self.assertEqual(set(meetings.mapped("kind")), {"joint_final"})
        event = meetings.calendar_event_id
        self.assertEqual(len(event), 1, "one calendar event for all pairs")
        self.assertEqual(
            event.partner_ids,
            self._partners(
                self.teacher_senior, self.teacher_young, self.teacher_senior_2, self.teacher_young_2
            )
            | self.user_curator.partner_id,
        )
        # Moving one moves all; each pair records its own attendance.
        meetings[0].start = datetime(2026, 5, 21, 10, 0)
        self.assertEqual(set(meetings.mapped("start")), {datetime(2026, 5, 21, 10, 0)})
        self.assertEqual(event.start, datetime(2026, 5, 21, 10, 0))
        # One pair cancelling leaves the event to the others.
        meetings[0].action_cancel()
        self.assertTrue(event.active)
        self.assertNotIn(meetings[0].pair_id.mentor_id.employee_id.work_contact_id, event.partner_ids)

    def test_mentor_records_own_part_of_the_joint_meeting(self):
        wizard = self.env["mentorship.meeting.joint.wizard"].create(
            {"programme_id": self.programme.id, "start": datetime(2026, 5, 20, 10, 0)}
        )
        meetings = self.env["mentorship.meeting"].search(wizard.action_create()["domain"])
        event = meetings.calendar_event_id
        partners = event.partner_ids
        own = meetings.filtered(lambda m: m.pair_id == self.pair).with_user(self.user_mentor)
        own.write({"location": "Каб. 1"})
        self.assertEqual(event.partner_ids, partners, "the other pairs stay invited")
        with self.assertRaisesRegex(UserError, "ask the curator"):
            own.start = datetime(2026, 5, 22, 10, 0)
        own.unlink()
        self.assertTrue(event.exists(), "the other pair still meets")
        self.assertEqual(
            event.partner_ids,
            self._partners(self.teacher_senior_2, self.teacher_young_2) | self.user_curator.partner_id,
        )

    def test_joint_final_meeting_needs_active_pairs(self):
        (self.pair | self.pair_2).action_done()
        wizard = self.env["mentorship.meeting.joint.wizard"].create(
            {"programme_id": self.programme.id, "start": datetime(2026, 5, 20, 10, 0)}
        )
        with self.assertRaisesRegex(UserError, "no active pairs"):
            wizard.action_create()

    def test_counts_and_actions(self):
        self._meeting(self.pair, (2025, 10, 8, 12, 0))
        self._meeting(self.pair, (2025, 10, 22, 12, 0))
        self.assertEqual(self.pair.meeting_count, 2)
        self.assertEqual(self.programme.meeting_count, 2)
        self.assertEqual(self.pair.action_open_meetings()["domain"], [("pair_id", "=", self.pair.id)])


class TestMeetingAccess(MentorshipWorkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.meeting = cls._meeting(cls.pair, (2025, 10, 8, 12, 0))
        cls.meeting_2 = cls._meeting(cls.pair_2, (2025, 10, 8, 12, 0))

    def test_mentor_plans_and_records_own_meetings(self):
        Meeting = self.env["mentorship.meeting"].with_user(self.user_mentor)
        self.assertEqual(Meeting.search([]), self.meeting)
        new = Meeting.create(
            {"pair_id": self.pair.id, "start": datetime(2025, 10, 22, 12, 0), "kind": "trial"}
        )
        self.assertTrue(new.calendar_event_id)
        new.write({"minutes": "<p>Обсудили план</p>", "location": "Каб. 5"})
        with self.assertRaises(AccessError):
            self.meeting_2.with_user(self.user_mentor).read(["name"])
        with self.assertRaises(AccessError):
            Meeting.create({"pair_id": self.pair_2.id, "start": datetime(2025, 10, 22, 12, 0)})

    def test_mentee_gives_feedback_only(self):
        meeting = self.meeting.with_user(self.user_mentee)
        self.assertTrue(meeting.is_mentee_only)
        meeting.write({"mentee_feedback": "Полезно"})
        with self.assertRaisesRegex(AccessError, "As a mentee you may change only"):
            meeting.write({"minutes": "<p>Моя версия</p>"})
        with self.assertRaisesRegex(AccessError, "As a mentee"):
            meeting.action_cancel()
        with self.assertRaisesRegex(AccessError, "cannot add or delete"):
            self.env["mentorship.meeting"].with_user(self.user_mentee).create(
                {"pair_id": self.pair.id, "start": datetime(2025, 10, 22, 12, 0)}
            )

    def test_curators_and_companies(self):
        Meeting = self.env["mentorship.meeting"]
        self.assertEqual(Meeting.with_user(self.user_curator).search([]), self.meeting | self.meeting_2)
        self.assertFalse(Meeting.with_user(self.user_curator_b).search([]))
        with self.assertRaises(AccessError):
            self.meeting.with_user(self.user_curator_b).read(["name"])
        with self.assertRaises(AccessError):
            Meeting.with_user(self.user_plain).search([])
        with self.assertRaises(AccessError):
            self.env["mentorship.meeting.joint.wizard"].with_user(self.user_mentor).create(
                {"programme_id": self.programme.id, "start": datetime(2026, 5, 20, 10, 0)}
            )
