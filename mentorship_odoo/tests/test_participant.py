from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import MentorshipCase


class TestParticipant(MentorshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.graduate = cls.env["res.partner"].create(
            {"name": "Егоров Степан Ильич", "is_student": True, "is_graduate": True}
        )
        cls.form_dt = cls.env.ref("mentorship_odoo.form_director_teacher")

    def test_person_fields_of_an_employee(self):
        participant = self._participant("mentor", self.teacher_senior, approve=False)
        self.assertEqual(participant.name, self.teacher_senior.name)
        self.assertEqual(participant.person_type, "employee")
        self.assertEqual(participant.source, "staff")
        self.assertEqual(participant.user_id, self.user_mentor)
        self.assertEqual(participant.company_id, self.company)
        self.assertEqual(participant.state, "candidate")

    def test_person_fields_of_contacts(self):
        student_user = self.env["res.users"].create(
            {"name": self.student_adult.name, "login": "t_student", "partner_id": self.student_adult.id}
        )
        for person, person_type, source, user in (
            (self.student_adult, "student", "students", student_user),
            (self.student_minor, "student", "students", self.env["res.users"]),
            (self.graduate, "student", "graduates", self.env["res.users"]),
            (self.external_mentor, "external", "employers", self.env["res.users"]),
            (self.parent, "student", "parents", self.env["res.users"]),
        ):
            with self.subTest(person=person.name):
                participant = self._participant("mentor", person, approve=False)
                self.assertEqual(
                    (participant.person_type, participant.source, participant.user_id),
                    (person_type, source, user),
                )

    def test_source_follows_the_person_in_the_form(self):
        with Form(self.env["mentorship.participant"]) as participant_form:
            participant_form.programme_id = self.programme
            participant_form.role = "mentor"
            participant_form.partner_id = self.external_mentor
            self.assertEqual(participant_form.source, "employers")
            participant_form.partner_id = self.graduate
            self.assertEqual(participant_form.source, "graduates")
        self.assertEqual(participant_form.record.person_type, "student")

    @mute_logger("odoo.sql_db")
    def test_unique_per_programme_and_role(self):
        self._participant("mentee", self.teacher_young, approve=False)
        self._participant("mentor", self.teacher_young, approve=False)  # another role is fine
        with self.assertRaises(IntegrityError):
            self._participant("mentee", self.teacher_young, approve=False)
        self._participant("mentee", self.student_minor, approve=False)
        with self.assertRaises(IntegrityError):
            self._participant("mentee", self.student_minor, approve=False)

    @mute_logger("odoo.sql_db")
    def test_either_employee_or_contact(self):
        Participant = self.env["mentorship.participant"]
        base = {"programme_id": self.programme.id, "role": "mentee"}
        with self.assertRaises(IntegrityError):
            Participant.create(
                {**base, "employee_id": self.teacher_young.id, "partner_id": self.student_adult.id}
            )
        with self.assertRaises(IntegrityError):
            Participant.create(base)

    def test_teacher_mentee_experience_zero_to_three_years(self):
        """The programme starts on 01.09.2025: 3 full years are accepted, 4 are not."""
        self.teacher_young_2.teaching_start_date = date(2022, 9, 1)
        mentee = self._participant("mentee", self.teacher_young_2, self.form_tt)
        self.assertEqual(mentee.state, "approved")
        self.teacher_old.teaching_start_date = date(2021, 9, 1)
        too_experienced = self._participant("mentee", self.teacher_old, self.form_tt, approve=False)
        with self.assertRaisesText(ValidationError, "4 years of teaching experience"):
            too_experienced.action_approve()
        self.assertEqual(too_experienced.state, "candidate")

    def test_teacher_mentee_without_experience_start(self):
        self.teacher_young_2.teaching_start_date = False
        participant = self._participant("mentee", self.teacher_young_2, self.form_tt, approve=False)
        with self.assertRaisesText(ValidationError, "no start of teaching experience"):
            participant.action_approve()

    def test_mentor_experience_minimum(self):
        self.form_tt.mentor_experience_min = 5
        self._participant("mentor", self.teacher_senior, self.form_tt)
        beginner = self._participant("mentor", self.teacher_young, self.form_tt, approve=False)
        with self.assertRaisesText(ValidationError, "Петров Илья Сергеевич has 1 years"):
            beginner.action_approve()

    def test_student_years_of_study(self):
        # student–student: mentees in years 1–2, mentors in years 3–4
        self._participant("mentee", self.student_minor, self.form_ss)
        self._participant("mentor", self.student_adult, self.form_ss)
        senior_as_mentee = self._participant("mentee", self.student_adult, self.form_ss, approve=False)
        with self.assertRaisesText(ValidationError, "year 4 of study"):
            senior_as_mentee.action_approve()
        junior_as_mentor = self._participant("mentor", self.student_minor, self.form_ss, approve=False)
        with self.assertRaisesText(ValidationError, "year 1 of study"):
            junior_as_mentor.action_approve()

    def test_graduates_may_mentor_only_where_allowed(self):
        graduate_mentor = self._participant("mentor", self.graduate, self.form_ss)
        self.assertEqual(graduate_mentor.state, "approved")
        graduate_mentee = self._participant("mentee", self.graduate, self.form_ss, approve=False)
        with self.assertRaisesText(ValidationError, "graduate"):
            graduate_mentee.action_approve()
        self.form_ss.mentor_graduates_allowed = False
        graduate_mentor.action_reset_candidate()
        with self.assertRaisesText(ValidationError, "graduate"):
            graduate_mentor.action_approve()

    def test_wrong_person_type(self):
        teacher_in_student_form = self._participant("mentee", self.teacher_young, self.form_ss, approve=False)
        with self.assertRaisesText(ValidationError, "needs a mentee who is Student"):
            teacher_in_student_form.action_approve()
        external_in_teacher_form = self._participant(
            "mentor", self.external_mentor, self.form_tt, approve=False
        )
        with self.assertRaisesText(ValidationError, "needs a mentor who is Employee"):
            external_in_teacher_form.action_approve()

    def test_without_form_no_eligibility_check_on_approve(self):
        participant = self._participant("mentee", self.teacher_old)
        self.assertEqual(participant.state, "approved")

    def test_form_must_be_enabled_in_the_programme(self):
        with self.assertRaisesText(ValidationError, "is not enabled in programme"):
            self._participant("mentee", self.teacher_young, self.form_dt, approve=False)
        participant = self._participant("mentee", self.teacher_young, self.form_tt, approve=False)
        with self.assertRaises(ValidationError):
            participant.form_id = self.form_dt

    def test_approve_reject_reset(self):
        participant = self._participant("mentee", self.teacher_young, self.form_tt, approve=False)
        participant.write({"rejection_reason": "Нет запроса"})
        participant.action_reject()
        self.assertEqual(participant.state, "rejected")
        participant.action_reset_candidate()
        self.assertEqual(participant.state, "candidate")
        with self.assertRaises(UserError):
            participant.action_reset_candidate()
        participant.action_reject()
        participant.action_approve()
        self.assertEqual(participant.state, "approved")
        self.assertFalse(participant.rejection_reason)
        with self.assertRaisesText(UserError, "can be approved only as a candidate"):
            participant.action_approve()
        participant.action_reset_candidate()
        self.assertEqual(participant.state, "candidate")

    def test_active_with_an_active_pair_then_former(self):
        mentor = self._participant("mentor", self.teacher_senior, self.form_tt)
        mentee = self._participant("mentee", self.teacher_young, self.form_tt)
        self._consent("appointment", self.teacher_senior)
        pair = self._pair(mentor, mentee, self.form_tt)
        self.assertEqual((mentor.state, mentee.state), ("approved", "approved"))
        pair.action_activate()
        self.assertEqual((mentor.state, mentee.state), ("active", "active"))
        self.assertEqual((mentor.pair_count, mentee.pair_count), (1, 1))
        with self.assertRaisesText(UserError, "active participant cannot be rejected"):
            mentee.action_reject()
        with self.assertRaises(UserError):
            mentee.action_approve()
        pair.action_done()
        self.assertEqual((mentor.state, mentee.state), ("former", "former"))

    def test_consents_and_pairs_of_the_participant(self):
        mentor = self._participant("mentor", self.teacher_senior, self.form_tt)
        mentee = self._participant("mentee", self.teacher_young, self.form_tt)
        consent = self._consent("appointment", self.teacher_senior)
        self._consent("appointment", self.teacher_senior_2)
        pair = self._pair(mentor, mentee, self.form_tt)
        self.assertEqual(mentor.consent_ids, consent)
        self.assertFalse(mentee.consent_ids)
        action = mentee.action_open_pairs()
        self.assertEqual(self.env["mentorship.pair"].search(action["domain"]), pair)
