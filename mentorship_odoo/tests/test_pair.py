from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common import MentorshipCase


class TestPairActivation(MentorshipCase):
    """What a pair or group needs before it becomes active."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.teacher_young_3 = cls.env["hr.employee"].create(
            {
                "name": "Лебедева Анна Олеговна",
                "company_id": cls.company.id,
                "teaching_start_date": date(2023, 9, 1),
            }
        )
        cls.mentor = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentor_2 = cls._participant("mentor", cls.teacher_senior_2, cls.form_tt)
        cls.mentee = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls.mentee_2 = cls._participant("mentee", cls.teacher_young_2, cls.form_tt)
        cls.mentee_3 = cls._participant("mentee", cls.teacher_young_3, cls.form_tt)
        cls.appointment = cls._consent("appointment", cls.teacher_senior)
        cls._consent("appointment", cls.teacher_senior_2)
        cls.student_mentor = cls._participant("mentor", cls.student_adult, cls.form_ss)
        cls.minor_mentee = cls._participant("mentee", cls.student_minor, cls.form_ss)

    def _representative_consent(self, consent_type):
        return self._consent(
            consent_type, self.student_minor, given_by="representative", representative_id=self.parent.id
        )

    # --- Consents -------------------------------------------------------------------------

    def test_employee_mentor_needs_written_consent_to_appointment(self):
        mentor = self._participant("mentor", self.teacher_old, self.form_tt)
        pair = self._pair(mentor, self.mentee, self.form_tt)
        with self.assertRaisesText(
            UserError, "«Written Consent to Appointment as Mentor» of the mentor Кузнецов Олег Иванович"
        ):
            pair.action_activate()
        self.assertEqual(pair.state, "draft")
        self._consent("appointment", self.teacher_old)
        pair.action_activate()
        self.assertEqual(pair.state, "active")

    def test_other_consents_do_not_replace_the_appointment_consent(self):
        mentor = self._participant("mentor", self.teacher_old, self.form_tt)
        self._consent("personal_data", self.teacher_old)
        self._consent("participation", self.teacher_old)
        self._consent("appointment", self.teacher_senior_2)  # somebody else's
        with self.assertRaisesText(UserError, "Кузнецов Олег Иванович"):
            self._pair(mentor, self.mentee, self.form_tt).action_activate()

    def test_withdrawn_consent_does_not_count(self):
        with freeze_time("2025-09-15"):
            self.appointment.action_withdraw()
        pair = self._pair(self.mentor, self.mentee, self.form_tt)
        with self.assertRaisesText(UserError, "Скоробогатов Андрей Викторович"):
            pair.action_activate()

    @freeze_time("2025-11-10")
    def test_consent_withdrawn_after_the_start_does_not_count(self):
        """A pair that started on 01.10 is activated on 10.11, but the consent was withdrawn on 01.11."""
        self.appointment.date_withdrawn = date(2025, 11, 1)
        pair = self._pair(self.mentor, self.mentee, self.form_tt)
        with self.assertRaisesText(UserError, "Written Consent to Appointment"):
            pair.action_activate()

    def test_consent_must_be_given_by_the_start(self):
        self.appointment.date = date(2025, 10, 2)
        pair = self._pair(self.mentor, self.mentee, self.form_tt)
        with self.assertRaisesText(UserError, "Written Consent to Appointment"):
            pair.action_activate()
        pair.write({"date_start": date(2025, 10, 2)})
        pair.action_activate()
        self.assertEqual(pair.state, "active")

    def test_minor_needs_representative_consents(self):
        pair = self._pair(self.student_mentor, self.minor_mentee, self.form_ss)
        with self.assertRaises(UserError) as catcher:
            pair.action_activate()
        message = str(catcher.exception)
        self.assertIn(
            "«Personal Data Processing» from a legal representative of Соколов Кирилл Дмитриевич", message
        )
        self.assertIn("«Participation in Mentoring» from a legal representative of Соколов Кирилл", message)
        self._representative_consent("personal_data")
        with self.assertRaises(UserError) as catcher:
            pair.action_activate()
        self.assertNotIn("Personal Data Processing", str(catcher.exception))
        self.assertIn("Participation in Mentoring", str(catcher.exception))
        self._representative_consent("participation")
        pair.action_activate()
        self.assertEqual(pair.state, "active")

    def test_adults_and_external_mentors_need_no_consent_here(self):
        external = self._participant("mentor", self.external_mentor, self.form_es)
        student = self._participant("mentee", self.student_adult, self.form_es)
        pair = self._pair(external, student, self.form_es)
        pair.action_activate()
        self.assertEqual(pair.state, "active")

    # --- Duration -------------------------------------------------------------------------

    def test_duration_too_short(self):
        with self.assertRaisesText(ValidationError, "lasts 2 months and 30 days.*3 to 12 months"):
            self._pair(self.mentor, self.mentee, self.form_tt, date_end=date(2025, 12, 30))
        pair = self._pair(self.mentor, self.mentee, self.form_tt, date_end=date(2025, 12, 31))
        self.assertEqual(pair.date_end, date(2025, 12, 31))  # exactly 3 months

    def test_duration_too_long(self):
        self.programme.date_end = date(2027, 12, 31)
        with self.assertRaisesText(ValidationError, "lasts 12 months and 1 days"):
            self._pair(self.mentor, self.mentee, self.form_tt, date_end=date(2026, 10, 1))
        pair = self._pair(self.mentor, self.mentee, self.form_tt, date_end=date(2026, 9, 30))
        with self.assertRaises(ValidationError):
            pair.date_start = date(2025, 9, 30)

    def test_academic_year_is_exactly_nine_months(self):
        self.form_tt.duration_max_months = 9
        pair = self._pair(
            self.mentor, self.mentee, self.form_tt, date_start=date(2025, 9, 1), date_end=date(2026, 5, 31)
        )
        self.assertEqual(pair.state, "draft")
        with self.assertRaises(ValidationError):
            pair.date_end = date(2026, 6, 1)

    def test_pair_within_programme_period(self):
        with self.assertRaisesText(ValidationError, "must lie within the period of programme"):
            self._pair(self.mentor, self.mentee, self.form_tt, date_end=date(2026, 9, 30))
        with self.assertRaisesText(ValidationError, "must lie within the period of programme"):
            self._pair(self.mentor, self.mentee, self.form_tt, date_start=date(2025, 8, 1))

    def test_end_before_start(self):
        with self.assertRaisesText(ValidationError, "ends before it starts"):
            self._pair(self.mentor, self.mentee, self.form_tt, date_end=date(2025, 9, 30))

    def test_form_without_upper_bound(self):
        self.programme.date_end = date(2027, 12, 31)
        self.form_tt.duration_max_months = 0
        pair = self._pair(self.mentor, self.mentee, self.form_tt, date_end=date(2027, 9, 30))
        self.assertEqual(pair.date_end, date(2027, 9, 30))

    def test_form_proposes_the_longest_duration(self):
        self.programme.date_end = date(2027, 12, 31)
        pair_form = Form(self.env["mentorship.pair"])
        pair_form.programme_id = self.programme
        pair_form.date_start = date(2025, 10, 1)
        pair_form.form_id = self.form_tt
        self.assertEqual(pair_form.date_end, date(2026, 9, 30))
        pair_form.kind_id = self.kind_individual
        pair_form.mentor_id = self.mentor
        pair_form.mentee_ids.add(self.mentee)
        pair = pair_form.save()
        self.assertTrue(pair.name.startswith("НП-"))
        self.assertEqual(pair.company_id, self.company)
        self.assertEqual(pair.mentor_user_id, self.user_mentor)
        self.assertEqual(pair.mentee_user_ids, self.user_mentee)
        self.assertEqual(pair.mentor_employee_id, self.teacher_senior)

    # --- Capacity and eligibility ---------------------------------------------------------

    def test_capacity_across_the_mentors_active_pairs(self):
        """Teacher – teacher allows two mentees per mentor."""
        self._pair(self.mentor, self.mentee, self.form_tt).action_activate()
        second = self._pair(self.mentor, self.mentee_2, self.form_tt)
        second.action_activate()
        third = self._pair(self.mentor, self.mentee_3, self.form_tt)
        with self.assertRaisesText(ValidationError, "would have 3 mentees.*at most 2"):
            third.action_activate()
        self.assertEqual(third.state, "draft")
        second._terminate("mentee", "Переезд", date(2025, 11, 1))
        third.action_activate()
        self.assertEqual(third.state, "active")

    def test_capacity_of_one_group(self):
        group = self._pair(
            self.mentor, self.mentee | self.mentee_2 | self.mentee_3, self.form_tt, kind_id=self.kind_group.id
        )
        with self.assertRaisesText(ValidationError, "would have 3 mentees"):
            group.action_activate()
        self.form_tt.capacity = 0  # no limit
        group.action_activate()
        self.assertEqual(group.state, "active")

    def test_other_mentors_pairs_do_not_count(self):
        self._pair(self.mentor_2, self.mentee | self.mentee_2, self.form_tt).action_activate()
        pair = self._pair(self.mentor, self.mentee_3, self.form_tt)
        pair.action_activate()
        self.assertEqual(pair.state, "active")

    def test_eligibility_is_checked_again_at_activation(self):
        experienced = self._participant("mentee", self.teacher_old)  # approved without a form
        pair = self._pair(self.mentor, experienced, self.form_tt)
        with self.assertRaisesText(ValidationError, "10 years of teaching experience"):
            pair.action_activate()

    def test_eligibility_on_the_start_of_the_pair(self):
        """3 full years on the programme's start (01.09.2025), 4 on the pair's start (20.10.2025)."""
        self.teacher_old.teaching_start_date = date(2021, 10, 15)
        mentee = self._participant("mentee", self.teacher_old, self.form_tt)
        pair = self._pair(self.mentor, mentee, self.form_tt, date_start=date(2025, 10, 20))
        with self.assertRaisesText(ValidationError, "4 years"):
            pair.action_activate()

    def test_participants_must_be_approved(self):
        candidate = self._participant("mentee", self.teacher_old, approve=False)
        pair = self._pair(self.mentor, candidate, self.form_tt)
        with self.assertRaisesText(UserError, "Approve these participants.*Кузнецов"):
            pair.action_activate()

    # --- Structure ------------------------------------------------------------------------

    def test_nobody_mentors_themself(self):
        self_mentee = self._participant("mentee", self.teacher_senior)
        with self.assertRaisesText(ValidationError, "cannot be their own mentor"):
            self._pair(self.mentor, self_mentee, self.form_tt)
        student_self = self._participant("mentee", self.student_adult)
        with self.assertRaises(ValidationError):
            self._pair(self.student_mentor, student_self, self.form_ss)

    def test_duplicates_are_refused(self):
        first = self._pair(self.mentor, self.mentee, self.form_tt)
        with self.assertRaisesText(ValidationError, "already mentors Петров Илья Сергеевич"):
            self._pair(
                self.mentor,
                self.mentee,
                self.form_tt,
                date_start=date(2026, 3, 1),
                date_end=date(2026, 8, 31),
            )
        with self.assertRaises(ValidationError):
            self._pair(self.mentor, self.mentee | self.mentee_2, self.form_tt, kind_id=self.kind_group.id)
        # The same mentor with another mentee, or the same people later, is fine.
        self._pair(self.mentor, self.mentee_2, self.form_tt)
        later = self._pair(
            self.mentor, self.mentee, self.form_tt, date_start=date(2026, 6, 1), date_end=date(2026, 8, 31)
        )
        self.assertEqual(later.state, "draft")
        first._terminate("organisation", "Ошибка подбора", date(2025, 10, 1))
        again = self._pair(self.mentor, self.mentee, self.form_tt, date_start=date(2025, 11, 1))
        self.assertEqual(again.state, "draft")

    def test_duplicate_when_dates_move(self):
        self._pair(self.mentor, self.mentee, self.form_tt)
        later = self._pair(
            self.mentor, self.mentee, self.form_tt, date_start=date(2026, 6, 1), date_end=date(2026, 8, 31)
        )
        with self.assertRaises(ValidationError):
            later.date_start = date(2026, 5, 31)

    def test_one_to_one_kind_refuses_two_mentees(self):
        with self.assertRaisesText(ValidationError, "is one-to-one"):
            self._pair(
                self.mentor, self.mentee | self.mentee_2, self.form_tt, kind_id=self.kind_individual.id
            )
        pair = self._pair(self.mentor, self.mentee, self.form_tt, kind_id=self.kind_individual.id)
        with self.assertRaises(ValidationError):
            pair.mentee_ids = [Command.link(self.mentee_2.id)]

    def test_group_kind_needs_two_mentees(self):
        group = self._pair(self.mentor, self.mentee, self.form_tt, kind_id=self.kind_group.id)
        self.assertFalse(group.is_group)
        with self.assertRaisesText(UserError, "needs two or more mentees"):
            group.action_activate()
        group.mentee_ids = [Command.link(self.mentee_2.id)]
        self.assertTrue(group.is_group)
        self.assertEqual(group.mentee_count, 2)
        group.action_activate()
        self.assertEqual(group.state, "active")

    def test_a_pair_needs_a_mentee(self):
        pair = self._pair(self.mentor, self.env["mentorship.participant"], self.form_tt)
        with self.assertRaisesText(UserError, "at least one mentee"):
            pair.action_activate()

    def test_people_must_be_in_the_pairs_programme_with_their_role(self):
        other = self.programme.copy({"name": "Другая программа"})
        stranger = self._participant("mentor", self.teacher_old, programme=other)
        with self.assertRaisesText(ValidationError, "not in the database of mentors"):
            self._pair(stranger, self.mentee, self.form_tt)
        with self.assertRaisesText(ValidationError, "not in the database of mentors"):
            self._pair(self.mentee_2, self.mentee, self.form_tt)
        with self.assertRaisesText(ValidationError, "not in the database of mentees"):
            self._pair(self.mentor, self.mentor_2, self.form_tt)

    def test_form_must_be_enabled_in_the_programme(self):
        with self.assertRaisesText(ValidationError, "is not enabled in programme"):
            self._pair(self.mentor, self.mentee, self.env.ref("mentorship_odoo.form_director_teacher"))

    def test_programme_must_be_approved_or_running(self):
        draft = self.programme.copy({"name": "Черновик"})
        mentor = self._participant("mentor", self.teacher_senior, programme=draft)
        mentee = self._participant("mentee", self.teacher_young, programme=draft)
        pair = self._pair(mentor, mentee, self.form_tt, programme_id=draft.id)
        with self.assertRaisesText(UserError, "not approved or running"):
            pair.action_activate()
        draft.action_approve()
        pair.action_activate()
        self.assertEqual(pair.state, "active")

    def test_closed_programme_refuses_activation(self):
        pair = self._pair(self.mentor, self.mentee, self.form_tt)
        self.programme.action_close()
        with self.assertRaisesText(UserError, "not approved or running"):
            pair.action_activate()

    def test_only_a_draft_is_activated(self):
        pair = self._pair(self.mentor, self.mentee, self.form_tt)
        pair.action_activate()
        with self.assertRaisesText(UserError, "Only a draft pair"):
            pair.action_activate()
