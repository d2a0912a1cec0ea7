from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import MentorshipCase


class TestConsent(MentorshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stranger = cls.env["res.partner"].create({"name": "Попов Артём Викторович"})

    def _minor_consent(self, **vals):
        return self._consent(
            "personal_data",
            self.student_minor,
            given_by="representative",
            representative_id=self.parent.id,
            **vals,
        )

    def test_adult_gives_own_consent(self):
        consent = self._consent("personal_data", self.student_adult)
        self.assertEqual(consent.state, "valid")
        self.assertEqual(consent.given_by, "self")
        self.assertEqual(consent.person_name, self.student_adult.name)
        self.assertEqual(consent.display_name, f"Personal Data Processing: {self.student_adult.name}")
        appointment = self._consent("appointment", self.teacher_senior)
        self.assertEqual(appointment.person_name, self.teacher_senior.name)

    def test_minor_needs_a_representative(self):
        with self.assertRaisesText(ValidationError, "is a minor"):
            self._consent("personal_data", self.student_minor)
        consent = self._minor_consent()
        self.assertEqual(consent.representative_id, self.parent)

    def test_representative_must_be_named(self):
        with self.assertRaisesText(ValidationError, "Choose the legal representative"):
            self._consent("participation", self.student_minor, given_by="representative")

    def test_representative_must_be_one_of_the_students(self):
        with self.assertRaisesText(ValidationError, "is not a legal representative of"):
            self._consent(
                "participation",
                self.student_minor,
                given_by="representative",
                representative_id=self.stranger.id,
            )
        consent = self._minor_consent()
        with self.assertRaises(ValidationError):
            consent.representative_id = self.stranger

    def test_representative_not_recorded_on_the_student(self):
        """Nobody can sign for a student who has no legal representatives on record."""
        with self.assertRaisesText(ValidationError, "add them on the contact first"):
            self._consent(
                "participation",
                self.student_adult,
                given_by="representative",
                representative_id=self.parent.id,
            )

    def test_minor_on_the_date_of_the_consent(self):
        """Born 15.03.2009: on the 18th birthday the student signs for themself."""
        with self.assertRaises(ValidationError):
            self._consent("participation", self.student_minor, date=date(2027, 3, 14))
        consent = self._consent("participation", self.student_minor, date=date(2027, 3, 15))
        self.assertEqual(consent.given_by, "self")

    @mute_logger("odoo.sql_db")
    def test_either_employee_or_contact(self):
        with self.assertRaises(IntegrityError):
            self._consent("publication", self.teacher_senior, partner_id=self.student_adult.id)
        with self.assertRaises(IntegrityError):
            self.env["mentorship.consent"].create({"consent_type": "publication", "date": date(2025, 9, 1)})

    @freeze_time("2025-11-10")
    def test_withdrawal(self):
        consent = self._minor_consent()
        consent.withdrawal_reason = "Заявление матери"
        consent.action_withdraw()
        self.assertEqual(consent.state, "withdrawn")
        self.assertEqual(consent.date_withdrawn, date(2025, 11, 10))
        with self.assertRaisesText(UserError, "already withdrawn"):
            consent.action_withdraw()
        self.assertEqual(consent.date_withdrawn, date(2025, 11, 10))

    def test_cannot_be_withdrawn_before_it_was_given(self):
        consent = self._consent("personal_data", self.student_adult)
        with self.assertRaisesText(ValidationError, "withdrawn before it was given"):
            consent.date_withdrawn = date(2025, 8, 19)

    def test_validity_on_a_date(self):
        consent = self._consent("personal_data", self.student_adult, date_withdrawn=date(2025, 12, 1))
        self.assertFalse(consent._is_valid_on(date(2025, 8, 19)))  # before it was given
        self.assertTrue(consent._is_valid_on(date(2025, 8, 20)))
        self.assertTrue(consent._is_valid_on(date(2025, 11, 30)))
        self.assertFalse(consent._is_valid_on(date(2025, 12, 1)))  # the day of withdrawal
        Consent = self.env["mentorship.consent"]
        self.assertEqual(
            Consent._find_valid("personal_data", date(2025, 11, 30), partner=self.student_adult), consent
        )
        self.assertFalse(Consent._find_valid("personal_data", date(2025, 12, 1), partner=self.student_adult))
        self.assertFalse(Consent._find_valid("participation", date(2025, 11, 30), partner=self.student_adult))

    def test_find_valid_by_representative(self):
        consent = self._minor_consent()
        Consent = self.env["mentorship.consent"]
        on_date = date(2025, 10, 1)
        self.assertEqual(
            Consent._find_valid("personal_data", on_date, partner=self.student_minor, by_representative=True),
            consent,
        )
        self._consent("personal_data", self.student_adult)
        self.assertFalse(
            Consent._find_valid("personal_data", on_date, partner=self.student_adult, by_representative=True)
        )

    @freeze_time("2025-09-15")
    def test_form_defaults_and_representative(self):
        with Form(self.env["mentorship.consent"].with_user(self.user_curator)) as consent_form:
            consent_form.consent_type = "participation"
            consent_form.partner_id = self.student_minor
            self.assertEqual(consent_form.date, date(2025, 9, 15))
            self.assertEqual(consent_form.given_by, "self")
            consent_form.given_by = "representative"
            consent_form.representative_id = self.parent
        consent = consent_form.record
        self.assertEqual(consent.company_id, self.company)
        self.assertEqual(consent.state, "valid")
