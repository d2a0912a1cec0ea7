import time
from datetime import datetime

from odoo.exceptions import AccessError

from .common import PrivacyCase


class TestAccessTrail(PrivacyCase):
    def _queries(self, function):
        """(queries, seconds) that ``function`` costs once warm: the user and the defaults of the
        log are loaded once per request and per worker."""
        function()
        count = self.env.cr.sql_log_count
        start = time.perf_counter()
        function()
        return self.env.cr.sql_log_count - count, time.perf_counter() - start

    def test_reading_a_minors_card_is_logged(self):
        spec = {"name": {}, "request": {}, "is_minor": {}}
        self.mentee_s.with_user(self.user_curator).web_read(spec)
        event = self.events("read", self.mentee_s)
        self.assertEqual(len(event), 1)
        self.assertEqual(
            (event.user_id, event.res_ids, event.minor_count, event.company_id),
            (self.user_curator, str(self.mentee_s.id), 1, self.company),
        )
        self.assertEqual(event.date, datetime(2026, 1, 15, 9, 0, 0).replace(second=event.date.second))
        # An adult's card and a list of minors (web_search_read) are not card reads.
        self.mentor_s.with_user(self.user_curator).web_read(spec)
        self.env["mentorship.participant"].with_user(self.user_curator).web_search_read(
            [("id", "=", self.mentee_s.id)], spec
        )
        self.assertEqual(len(self.events("read", self.mentee_s)), 1)
        # The contact card too.
        self.student_minor.with_user(self.user_curator).web_read({"name": {}})
        self.assertEqual(len(self.events("read", self.student_minor)), 1)

    def test_exports_and_prints_with_minors_are_logged(self):
        participants = self.mentee_s | self.mentor_s | self.mentor_t
        participants.with_user(self.user_curator).export_data(["name", "study_group"])
        event = self.events("export", participants)
        self.assertEqual((event.minor_count, event.res_ids), (1, ",".join(map(str, participants.ids))))
        self.assertIn("study_group", event.description)
        # No minor, no entry.
        self.mentor_t.with_user(self.user_curator).export_data(["name"])
        self.assertEqual(len(self.events("export")), 1)
        self.env["ir.actions.report"].with_user(self.user_curator)._render_qweb_html(
            "mentorship_odoo.action_report_agreement_tripartite", self.pair_s.ids
        )
        event = self.events("print", self.pair_s)
        self.assertEqual((event.minor_count, event.user_id), (1, self.user_curator))
        self.assertIn("Printed", event.description)

    def test_trail_costs_a_fixed_number_of_queries(self):
        card = self.mentee_s.with_user(self.user_curator)
        queries, _seconds = self._queries(lambda: card._privacy_log_access("read", "card"))
        self.assertLessEqual(queries, 2)
        # Exporting 40 records costs the trail as many queries as exporting 2.
        many = self.env["mentorship.participant"].browse(
            [
                self._participant("mentee", self._minor(index), self.form_ss, approve=False).id
                for index in range(40)
            ]
        )
        costs = [
            self._queries(
                lambda records=records: records.with_user(self.user_curator)._privacy_log_access(
                    "export", "x"
                )
            )[0]
            for records in (many[:2], many)
        ]
        self.assertEqual(costs[0], costs[1])
        self.assertLessEqual(costs[1], 2)
        self.assertEqual(set(self.events("export").mapped("minor_count")), {40, 2})

    def _minor(self, index):
        return self.env["res.partner"].create(
            {"name": f"Ученик {index}", "is_student": True, "birthdate_date": datetime(2010, 1, 1).date()}
        )

    def test_log_is_for_managers_only_and_kept_three_years(self):
        self.mentee_s.with_user(self.user_curator).web_read({"name": {}})
        Event = self.env["mentorship.privacy.event"]
        self.assertEqual(len(Event.with_user(self.user_manager).search([("event_type", "=", "read")])), 1)
        for user in (self.user_curator, self.user_mentor, self.user_curator_b):
            with self.assertRaises(AccessError):
                Event.with_user(user).search([])
        event = Event.with_user(self.user_manager).search([("event_type", "=", "read")])
        with self.assertRaises(AccessError):
            event.with_user(self.user_manager).write({"description": "changed"})
        with self.assertRaises(AccessError):
            event.with_user(self.user_manager).unlink()
        old = Event._log("read", self.mentee_s, minor_count=1)
        old.sudo().date = datetime(2022, 12, 1)
        recent = Event._log("read", self.mentee_s, minor_count=1)
        recent.sudo().date = datetime(2023, 2, 1)
        Event._purge_expired()
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())
