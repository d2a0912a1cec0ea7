from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import MentorshipCase


class TestProgramme(MentorshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.env["mentorship.programme"].create(
            {
                "name": "Программа 2026–2027",
                "company_id": cls.company.id,
                "date_start": date(2026, 9, 1),
                "date_end": date(2027, 6, 30),
                "form_ids": [Command.set(cls.form_tt.ids)],
            }
        )

    def _approvable(self):
        self.draft.write({"order_number": "42-о", "order_date": date(2026, 8, 25)})
        return self.draft

    def test_created_with_form_in_draft_of_the_current_company(self):
        programme_form = Form(self.env["mentorship.programme"].with_user(self.user_curator))
        programme_form.name = "Программа «Учитель – учитель»"
        programme_form.date_start = date(2026, 1, 1)
        programme_form.date_end = date(2026, 12, 31)
        programme = programme_form.save()
        self.assertEqual(programme.state, "draft")
        self.assertEqual(programme.company_id, self.company)

    def test_full_state_machine(self):
        programme = self._approvable()
        programme.action_approve()
        self.assertEqual(programme.state, "approved")
        programme.action_start()
        self.assertEqual(programme.state, "running")
        programme.action_close()
        self.assertEqual(programme.state, "closed")

    def test_approve_needs_order_number_and_date(self):
        with self.assertRaisesText(UserError, "order that approves"):
            self.draft.action_approve()
        self.draft.order_number = "42-о"
        with self.assertRaisesText(UserError, "order that approves"):
            self.draft.action_approve()
        self.assertEqual(self.draft.state, "draft")

    def test_approve_needs_a_form(self):
        programme = self._approvable()
        programme.form_ids = [Command.clear()]
        with self.assertRaisesText(UserError, "at least one form"):
            programme.action_approve()

    def test_wrong_transitions_are_refused(self):
        with self.assertRaises(UserError):
            self.draft.action_start()
        with self.assertRaises(UserError):
            self.draft.action_close()
        with self.assertRaises(UserError):
            self.programme.action_approve()
        with self.assertRaises(UserError):
            self.programme.action_start()
        with self.assertRaises(UserError):
            self.programme.action_reset_draft()

    def test_reset_to_draft_only_before_start(self):
        programme = self._approvable()
        programme.action_approve()
        programme.action_reset_draft()
        self.assertEqual(programme.state, "draft")

    def test_close_refused_with_active_pairs(self):
        mentor = self._participant("mentor", self.teacher_senior, self.form_tt)
        mentee = self._participant("mentee", self.teacher_young, self.form_tt)
        self._consent("appointment", self.teacher_senior)
        pair = self._pair(mentor, mentee, self.form_tt)
        pair.action_activate()
        with self.assertRaisesText(UserError, "still has active pairs"):
            self.programme.action_close()
        pair.action_done()
        self.programme.action_close()
        self.assertEqual(self.programme.state, "closed")

    def test_end_before_start_is_refused(self):
        with self.assertRaisesText(ValidationError, "ends before it starts"):
            self.draft.date_end = date(2026, 8, 31)
        self.draft.date_end = self.draft.date_start  # a one-day programme is fine

    def test_counts_for_smart_buttons(self):
        mentor = self._participant("mentor", self.teacher_senior, self.form_tt)
        mentor_2 = self._participant("mentor", self.teacher_senior_2, self.form_tt)
        mentee = self._participant("mentee", self.teacher_young, self.form_tt)
        self._participant("mentee", self.student_minor, approve=False)
        self._participant("mentee", self.student_adult, approve=False)
        self._consent("appointment", self.teacher_senior)
        self._pair(mentor, mentee, self.form_tt).action_activate()
        self._pair(mentor_2, mentee, self.form_tt)
        programme = self.programme
        self.assertEqual(
            (
                programme.participant_count,
                programme.mentor_count,
                programme.mentee_count,
                programme.pair_count,
                programme.active_pair_count,
            ),
            (5, 2, 3, 2, 1),
        )
        self.assertEqual(self.draft.participant_count, 0)
        self.assertEqual(self.draft.pair_count, 0)

    def test_smart_button_actions(self):
        mentor = self._participant("mentor", self.teacher_senior, self.form_tt)
        mentee = self._participant("mentee", self.teacher_young, self.form_tt)
        self._participant("mentee", self.teacher_young, self.form_tt, programme=self.draft)
        pair = self._pair(mentor, mentee, self.form_tt)
        programme = self.programme
        cases = (
            (programme.action_open_pairs(), "mentorship.pair", pair, {}),
            (programme.action_open_participants(), "mentorship.participant", mentor | mentee, {}),
            (programme.action_open_mentors(), "mentorship.participant", mentor, {"default_role": "mentor"}),
            (programme.action_open_mentees(), "mentorship.participant", mentee, {"default_role": "mentee"}),
        )
        for action, model, expected, context in cases:
            with self.subTest(action=action["name"]):
                self.assertEqual(action["res_model"], model)
                self.assertEqual(self.env[model].search(action["domain"]), expected)
                self.assertEqual(action["context"], {"default_programme_id": programme.id, **context})

    def test_delete_only_in_draft(self):
        with self.assertRaisesText(UserError, "Only draft programmes"):
            self.programme.unlink()
        participant = self._participant("mentee", self.teacher_young, approve=False, programme=self.draft)
        self.draft.unlink()
        self.assertFalse(self.draft.exists())
        self.assertFalse(participant.exists())
