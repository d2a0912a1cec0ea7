from datetime import date

from freezegun import freeze_time
from markupsafe import Markup
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import MentorshipCase


class TestPairLifecycle(MentorshipCase):
    """Completion, early termination, mentor replacement, deletion and tracking."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentor_2 = cls._participant("mentor", cls.teacher_senior_2, cls.form_tt)
        cls.mentee = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls._consent("appointment", cls.teacher_senior)
        cls._consent("appointment", cls.teacher_senior_2)
        cls.pair = cls._pair(cls.mentor, cls.mentee, cls.form_tt, kind_id=cls.kind_individual.id)

    def _terminate(self, pairs, **vals):
        wizard = self.env["mentorship.pair.terminate.wizard"].create(
            {
                "pair_ids": [Command.set(pairs.ids)],
                "initiator": "mentee",
                "reason": "Смена места работы",
                "date": date(2026, 1, 15),
                **vals,
            }
        )
        return wizard.action_confirm()

    def _replace(self, new_mentor, **vals):
        wizard = self.env["mentorship.pair.replace.wizard"].create(
            {
                "pair_id": self.pair.id,
                "new_mentor_id": new_mentor.id,
                "date": date(2026, 1, 15),
                "reason": "Наставник уволился",
                **vals,
            }
        )
        return wizard.action_confirm()

    # --- Completion -----------------------------------------------------------------------

    @freeze_time("2026-05-31")
    def test_completion(self):
        self.pair.action_activate()
        self.pair.action_done()
        self.assertEqual(self.pair.state, "done")
        self.assertEqual(self.pair.date_closed, date(2026, 5, 31))
        self.assertEqual((self.mentor.state, self.mentee.state), ("former", "former"))

    def test_only_an_active_pair_is_completed(self):
        with self.assertRaisesText(UserError, "Only an active pair can be completed"):
            self.pair.action_done()

    def test_back_to_draft_and_again_active(self):
        self.pair.action_activate()
        self.pair.action_reset_draft()
        self.assertEqual(self.pair.state, "draft")
        self.assertEqual(self.mentee.state, "former")
        self.pair.action_activate()
        self.assertEqual(self.pair.state, "active")
        self.assertEqual(self.mentee.state, "active")
        draft = self._pair(self.mentor_2, self.mentee, self.form_tt)
        with self.assertRaisesText(UserError, "Only an active pair can go back"):
            draft.action_reset_draft()

    def test_former_mentee_gets_a_new_pair(self):
        self.pair.action_activate()
        self._terminate(self.pair, initiator="mentor", date=date(2025, 12, 1))
        self.assertEqual(self.mentee.state, "former")
        new_pair = self._pair(self.mentor_2, self.mentee, self.form_tt, date_start=date(2025, 12, 2))
        new_pair.action_activate()
        self.assertEqual(self.mentee.state, "active")

    # --- Early termination ----------------------------------------------------------------

    def test_early_termination_through_the_wizard(self):
        self.pair.action_activate()
        action = self.pair.action_open_terminate_wizard()
        self.assertEqual(action["res_model"], "mentorship.pair.terminate.wizard")
        self.assertEqual(action["context"], {"default_pair_ids": self.pair.ids})
        self._terminate(self.pair)
        self.assertEqual(self.pair.state, "terminated")
        self.assertEqual(self.pair.termination_initiator, "mentee")
        self.assertEqual(self.pair.termination_reason, "Смена места работы")
        self.assertEqual(self.pair.termination_date, date(2026, 1, 15))
        self.assertEqual(self.pair.date_closed, date(2026, 1, 15))
        self.assertEqual((self.mentor.state, self.mentee.state), ("former", "former"))

    @freeze_time("2026-02-10")
    def test_terminate_wizard_form_defaults_to_today(self):
        self.pair.action_activate()
        context = self.pair.action_open_terminate_wizard()["context"]
        with Form(self.env["mentorship.pair.terminate.wizard"].with_context(**context)) as wizard_form:
            self.assertEqual(wizard_form.date, date(2026, 2, 10))
            wizard_form.initiator = "organisation"
            wizard_form.reason = "Реорганизация"
        wizard_form.record.action_confirm()
        self.assertEqual(self.pair.termination_date, date(2026, 2, 10))
        self.assertEqual(self.pair.termination_initiator, "organisation")

    def test_termination_needs_a_reason(self):
        self.pair.action_activate()
        with self.assertRaisesText(UserError, "Give the reason"):
            self._terminate(self.pair, reason="   ")
        self.assertEqual(self.pair.state, "active")

    def test_termination_not_before_the_start(self):
        self.pair.action_activate()
        with self.assertRaisesText(UserError, "cannot end before it started"):
            self._terminate(self.pair, date=date(2025, 9, 30))
        self._terminate(self.pair, date=date(2025, 10, 1))  # the first day is fine
        self.assertEqual(self.pair.state, "terminated")

    def test_termination_of_an_ended_pair(self):
        self.pair.action_activate()
        self._terminate(self.pair)
        with self.assertRaisesText(UserError, "has already ended"):
            self._terminate(self.pair)
        done = self._pair(self.mentor_2, self.mentee, self.form_tt, date_start=date(2026, 1, 16))
        done.action_activate()
        done.action_done()
        with self.assertRaisesText(UserError, "has already ended"):
            self._terminate(done, date=date(2026, 2, 1))

    def test_draft_pair_can_be_called_off(self):
        self._terminate(self.pair, initiator="organisation")
        self.assertEqual(self.pair.state, "terminated")
        self.assertEqual(self.mentee.state, "approved")

    # --- Mentor replacement ---------------------------------------------------------------

    def test_mentor_replacement(self):
        self.pair.write({"agreement_content": "Адаптация молодого педагога", "goal": "Аттестация"})
        self.pair.action_activate()
        action = self.pair.action_open_replace_wizard()
        self.assertEqual(action["context"], {"default_pair_id": self.pair.id})
        result = self._replace(self.mentor_2)
        new_pair = self.env["mentorship.pair"].browse(result["res_id"])
        self.assertEqual(self.pair.state, "terminated")
        self.assertEqual(self.pair.termination_initiator, "organisation")
        self.assertEqual(self.pair.termination_date, date(2026, 1, 15))
        self.assertEqual(self.pair.termination_reason, "Наставник уволился")
        self.assertEqual(new_pair.state, "active")
        self.assertEqual(new_pair.mentor_id, self.mentor_2)
        self.assertEqual(new_pair.mentee_ids, self.mentee)
        self.assertEqual(new_pair.date_start, date(2026, 1, 16))
        self.assertEqual(new_pair.date_end, self.pair.date_end)
        self.assertEqual((new_pair.form_id, new_pair.kind_id), (self.form_tt, self.kind_individual))
        self.assertEqual(new_pair.agreement_content, "Адаптация молодого педагога")
        self.assertNotEqual(new_pair.name, self.pair.name)
        self.assertEqual(new_pair.previous_pair_id, self.pair)
        self.assertEqual(self.pair.next_pair_id, new_pair)
        self.assertEqual(
            (self.mentor.state, self.mentor_2.state, self.mentee.state), ("former", "active", "active")
        )

    def test_replacement_close_to_the_planned_end(self):
        """One month is left of a form that lasts at least three: the new pair only finishes the work."""
        self.pair.action_activate()
        result = self._replace(self.mentor_2, date=date(2026, 4, 30))
        new_pair = self.env["mentorship.pair"].browse(result["res_id"])
        self.assertEqual((new_pair.date_start, new_pair.date_end), (date(2026, 5, 1), date(2026, 5, 31)))
        self.assertEqual(new_pair.state, "active")

    def test_replacement_with_the_same_mentor_is_refused(self):
        self.pair.action_activate()
        with self.assertRaisesText(UserError, "other than the current one"):
            self._replace(self.mentor)
        self.assertEqual(self.pair.state, "active")

    def test_replacement_of_a_draft_pair_is_refused(self):
        with self.assertRaisesText(UserError, "Only an active pair"):
            self._replace(self.mentor_2)

    def test_replacement_checks_the_new_mentor(self):
        newcomer = self._participant("mentor", self.teacher_old, self.form_tt)  # no consent
        self.pair.action_activate()
        with self.assertRaisesText(UserError, "Кузнецов Олег Иванович"):
            self._replace(newcomer)
        self.assertEqual(self.pair.state, "active")

    # --- Deletion and tracking ------------------------------------------------------------

    def test_only_drafts_are_deleted(self):
        draft = self._pair(self.mentor_2, self.mentee, self.form_tt)
        draft.unlink()
        self.assertFalse(draft.exists())
        self.pair.action_activate()
        with self.assertRaisesText(UserError, "Only draft pairs can be deleted"):
            self.pair.unlink()
        self._terminate(self.pair)
        with self.assertRaises(UserError):
            self.pair.unlink()

    @mute_logger("odoo.sql_db")
    def test_a_programme_with_pairs_is_not_deleted(self):
        draft = self.programme.copy({"name": "Черновик"})
        mentor = self._participant("mentor", self.teacher_senior, programme=draft)
        mentee = self._participant("mentee", self.teacher_young, programme=draft)
        self._pair(mentor, mentee, self.form_tt, programme_id=draft.id)
        with self.assertRaises(IntegrityError):
            draft.unlink()

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_state_changes_are_tracked(self):
        env = self.env(context={})  # the fixtures switch tracking off
        pair = env["mentorship.pair"].create(
            {
                "programme_id": self.programme.id,
                "form_id": self.form_tt.id,
                "mentor_id": self.mentor_2.id,
                "mentee_ids": [Command.set(self.mentee.ids)],
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        self._flush_tracking()  # a new record's own changes are not tracked until the commit
        pair.action_activate()
        pair.date_end = date(2026, 6, 30)
        self._flush_tracking()
        pair.invalidate_recordset(["message_ids"])
        tracked = pair.message_ids.tracking_value_ids
        state = tracked.filtered(lambda value: value.field_id.name == "state")
        self.assertEqual((state.old_value_char, state.new_value_char), ("Draft", "Active"))
        date_end = tracked.filtered(lambda value: value.field_id.name == "date_end")
        self.assertEqual(date_end.new_value_datetime.date(), date(2026, 6, 30))
        self.assertEqual(pair.message_ids[-1].body, Markup("<p>Mentoring Pair or Group created</p>"))

    def test_replacement_is_logged_on_the_old_pair(self):
        self.pair.action_activate()
        new_pair = self.env["mentorship.pair"].browse(self._replace(self.mentor_2)["res_id"])
        self.assertIn(new_pair.name, self.pair.message_ids[:1].body)
