from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command

from .common_work import MentorshipWorkCase


class TestPairHealth(MentorshipWorkCase):
    def _recompute(self):
        self.env["mentorship.pair"]._cron_recompute_health()

    def _health(self, pair=None):
        pair = pair or self.pair
        return (
            pair.health,
            pair.days_since_last_meeting,
            pair.missed_meeting_count,
            pair.overdue_activity_count,
        )

    def test_days_since_the_start_without_meetings(self):
        with freeze_time("2025-10-10"):
            self._recompute()
            self.assertEqual(self._health(), ("on_track", 9, 0, 0))
            self.assertFalse(self.pair.last_meeting_date)
        with freeze_time("2025-10-22"):
            self._recompute()
            self.assertEqual(self._health(), ("needs_attention", 21, 0, 0))
            self.assertEqual(self.pair.health_rank, 2)
        with freeze_time("2025-11-12"):
            self._recompute()
            self.assertEqual(self._health(), ("at_risk", 42, 0, 0))
            self.assertEqual(self.pair.health_rank, 3)

    def test_a_held_meeting_resets_the_days(self):
        with freeze_time("2025-11-12 10:00:00"):
            meeting = self._meeting(self.pair, (2025, 11, 10, 9, 0))
            self._meeting(self.pair, (2025, 11, 11, 9, 0), state="cancelled")
            self._recompute()
            self.assertEqual(self.pair.health, "at_risk")
            meeting.action_mark_held()  # the trigger recomputes at once, without the daily run
            self.assertEqual(self._health(), ("on_track", 2, 0, 0))
            self.assertEqual(self.pair.last_meeting_date, date(2025, 11, 10))
            self.assertEqual(self._health(self.pair_2)[0], "at_risk", "the other pair is untouched")
        with freeze_time("2025-12-05"):
            self._recompute()
            self.assertEqual(self._health(), ("needs_attention", 25, 0, 0))

    def test_missed_meetings(self):
        with freeze_time("2025-11-01 12:00:00"):
            self._meeting(self.pair, (2025, 10, 28, 9, 0), state="held")
            missed = [self._meeting(self.pair, (2025, 10, day, 9, 0)) for day in (8, 15, 22)]
            missed[0].action_mark_missed()
            self.assertEqual(self._health(), ("needs_attention", 4, 1, 0))
            missed[1].action_mark_missed()
            missed[2].action_mark_missed()
            self.assertEqual(self._health(), ("at_risk", 4, 3, 0))
            missed[2].action_mark_held()
            self.assertEqual(self._health(), ("needs_attention", 4, 2, 0))

    def test_overdue_activities_of_the_plan(self):
        with freeze_time("2025-11-01 12:00:00"):
            self._meeting(self.pair, (2025, 10, 30, 9, 0), state="held")
            plan = self._plan(
                self.pair,
                [
                    ("Диагностика", date(2025, 10, 10), {}),
                    ("Посещение уроков", date(2025, 10, 20), {}),
                    ("Открытый урок", date(2025, 10, 25), {}),
                    ("Курсы", date(2025, 12, 1), {}),
                ],
            )
            self.assertEqual(self._health(), ("at_risk", 2, 0, 3))
            plan.line_ids[0].state = "done"
            self.assertEqual(self._health(), ("needs_attention", 2, 0, 2))
            plan.line_ids[1].date_deadline = date(2025, 11, 20)
            self.assertEqual(self._health(), ("needs_attention", 2, 0, 1))
            plan.action_cancel()
            self.assertEqual(
                self._health(), ("on_track", 2, 0, 0), "a cancelled programme has no overdue work"
            )
        with freeze_time("2025-12-10"):
            plan.action_reset_draft()
            self._recompute()
            self.assertEqual(self._health()[3], 3)

    def test_only_active_pairs_have_a_health(self):
        with freeze_time("2025-12-01"):
            student_pair = self._student_pair()
            self._recompute()
            self.assertFalse(student_pair.health)
            self.assertEqual(student_pair.health_rank, 0)
            self.assertEqual(self.pair.health, "at_risk")
            self.pair.action_done()  # the state trigger clears it
            self.assertFalse(self.pair.health)
            self.assertEqual(self.pair.health_rank, 0)

    def test_thresholds_are_settings(self):
        params = self.env["ir.config_parameter"]
        with freeze_time("2025-10-10"):
            params.set_param("mentorship_odoo.health_attention_days", "5")
            self._recompute()
            self.assertEqual(self.pair.health, "needs_attention")
            params.set_param("mentorship_odoo.health_risk_days", "8")
            self._recompute()
            self.assertEqual(self.pair.health, "at_risk")
            params.set_param("mentorship_odoo.health_risk_days", "0")
            params.set_param("mentorship_odoo.health_attention_days", "0")
            self._recompute()
            self.assertEqual(self.pair.health, "on_track", "0 switches a threshold off")
            params.set_param("mentorship_odoo.health_attention_days", "not a number")
            self._recompute()
            self.assertEqual(self.pair.health, "on_track", "a bad value falls back to the default")
            settings = self.env["res.config.settings"].create({"mentorship_health_attention_days": 3})
            settings.execute()
            self.assertEqual(params.get_param("mentorship_odoo.health_attention_days"), "3")
            self.assertEqual(self.pair.health, "needs_attention", "saving the settings applies them at once")

    def test_stored_health_is_filtered_grouped_and_sorted(self):
        with freeze_time("2025-11-15 12:00:00"):
            self._meeting(self.pair, (2025, 10, 30, 9, 0), state="held")
            self._recompute()
            Pair = self.env["mentorship.pair"]
            self.assertEqual(Pair.search([("health", "=", "at_risk")]), self.pair_2)
            self.assertEqual(Pair.search([("health", "=", "on_track")]), self.pair)
            groups = dict(Pair._read_group([("state", "=", "active")], ["health"], ["__count"]))
            self.assertEqual(groups, {"at_risk": 1, "on_track": 1})
            self.assertEqual(
                Pair.search(
                    [("state", "=", "active")], order="health_rank desc, days_since_last_meeting desc"
                ),
                self.pair_2 | self.pair,
            )
            action = self.env.ref("mentorship_odoo.mentorship_pair_action_health")
            self.assertEqual(action.domain, "[('state', '=', 'active')]")

    def test_curator_reads_health_and_mentor_sees_own(self):
        with freeze_time("2025-11-01"):
            self._recompute()
            Pair = self.env["mentorship.pair"]
            curator_pairs = Pair.with_user(self.user_curator).search([("health", "=", "needs_attention")])
            self.assertEqual(curator_pairs, self.pair | self.pair_2)
            mentor_pairs = (
                self.env["mentorship.pair"].with_user(self.user_mentor).search([("health", "!=", False)])
            )
            self.assertEqual(mentor_pairs, self.pair)
            self.assertFalse(
                self.env["mentorship.pair"].with_user(self.user_curator_b).search([("health", "!=", False)])
            )

    def test_recompute_is_set_based(self):
        """The number of queries does not grow with the number of pairs."""
        with freeze_time("2025-11-01 12:00:00"):
            self._meeting(self.pair, (2025, 10, 30, 9, 0), state="held")
            self._meeting(self.pair_2, (2025, 10, 20, 9, 0), state="missed")
            Pair = self.env["mentorship.pair"]
            Pair._cron_recompute_health()  # warm the caches (system parameters)
            self.env.flush_all()
            counts = []
            for pairs in (self.pair, self.pair | self.pair_2):
                before = self.env.cr.sql_log_count
                pairs._recompute_health()
                counts.append(self.env.cr.sql_log_count - before)
            before = self.env.cr.sql_log_count
            Pair._cron_recompute_health()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(set(counts)), 1, counts)
            self.assertLessEqual(counts[0], 3, counts)
            self.assertEqual(self._health(self.pair_2), ("needs_attention", 31, 1, 0))

    def test_group_pair_health_counts_every_meeting_of_the_group(self):
        with freeze_time("2025-11-01 12:00:00"):
            group_mentee = self._participant("mentee", self.teacher_old, self.form_tt, approve=False)
            group_mentee.write({"state": "approved"})
            self.pair.write({"mentee_ids": [Command.link(group_mentee.id)], "kind_id": self.kind_group.id})
            self._meeting(self.pair, datetime(2025, 10, 31, 9, 0), state="held")
            self._recompute()
            self.assertEqual(self._health(), ("on_track", 1, 0, 0))
