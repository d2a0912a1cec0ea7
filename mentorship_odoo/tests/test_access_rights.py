from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import MentorshipCase

MENTORING_MODELS = (
    "mentorship.form",
    "mentorship.kind",
    "mentorship.role.model",
    "mentorship.programme",
    "mentorship.participant",
    "mentorship.consent",
    "mentorship.pair",
)


@tagged("access_rights")
class TestAccessRights(MentorshipCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = cls._participant("mentor", cls.teacher_senior, cls.form_tt)
        cls.mentor_2 = cls._participant("mentor", cls.teacher_senior_2, cls.form_tt)
        cls.mentee = cls._participant("mentee", cls.teacher_young, cls.form_tt)
        cls.mentee_2 = cls._participant("mentee", cls.teacher_young_2, cls.form_tt)
        cls.consent = cls._consent("appointment", cls.teacher_senior)
        cls.consent_2 = cls._consent("appointment", cls.teacher_senior_2)
        cls.pair = cls._pair(cls.mentor, cls.mentee, cls.form_tt)
        cls.pair.action_activate()
        cls.other_pair = cls._pair(cls.mentor_2, cls.mentee_2, cls.form_tt)
        cls.other_pair.action_activate()

    def _as(self, user, model):
        return self.env[model].with_user(user)

    # --- Mentors and mentees --------------------------------------------------------------

    def test_mentor_reads_own_pair_only(self):
        Pair = self._as(self.user_mentor, "mentorship.pair")
        self.assertEqual(Pair.search([]), self.pair)
        pair = Pair.browse(self.pair.id)
        self.assertEqual(pair.mentor_id.name, self.teacher_senior.name)
        self.assertEqual(pair.mentee_ids.mapped("name"), [self.teacher_young.name])
        self.assertEqual(pair.form_id, self.form_tt)
        with self.assertRaises(AccessError):
            Pair.browse(self.other_pair.id).read(["name"])
        with self.assertRaises(AccessError):
            _date = Pair.browse(self.other_pair.id).date_start
        self.assertFalse(Pair.search([("id", "=", self.other_pair.id)]))

    def test_mentee_sees_their_pair_and_mentor(self):
        Pair = self._as(self.user_mentee, "mentorship.pair")
        self.assertEqual(Pair.search([]), self.pair)
        Participant = self._as(self.user_mentee, "mentorship.participant")
        self.assertEqual(Participant.search([]), self.mentor | self.mentee)
        with self.assertRaises(AccessError):
            Participant.browse(self.mentee_2.id).read(["name"])

    def test_mentor_sees_own_and_own_pairs_participants(self):
        Participant = self._as(self.user_mentor, "mentorship.participant")
        self.assertEqual(Participant.search([]), self.mentor | self.mentee)

    def test_mentor_cannot_write_or_create(self):
        pair = self.pair.with_user(self.user_mentor)
        with self.assertRaises(AccessError):
            pair.write({"goal": "Своя цель"})
        with self.assertRaises(AccessError):
            pair.action_done()
        with self.assertRaises(AccessError):
            self._as(self.user_mentor, "mentorship.pair").create(
                {
                    "programme_id": self.programme.id,
                    "form_id": self.form_tt.id,
                    "mentor_id": self.mentor.id,
                    "mentee_ids": [Command.set(self.mentee_2.ids)],
                    "date_start": date(2025, 10, 1),
                    "date_end": date(2026, 5, 31),
                }
            )
        with self.assertRaises(AccessError):
            self.mentor.with_user(self.user_mentor).write({"strengths": "Всё"})
        with self.assertRaises(AccessError):
            self.programme.with_user(self.user_mentor).write({"name": "Моя программа"})

    def test_mentor_sees_only_own_consents(self):
        Consent = self._as(self.user_mentor, "mentorship.consent")
        self.assertEqual(Consent.search([]), self.consent)
        with self.assertRaises(AccessError):
            Consent.browse(self.consent_2.id).read(["consent_type"])
        with self.assertRaises(AccessError):
            Consent.browse(self.consent.id).action_withdraw()

    def test_mentor_reads_programmes_and_catalogues(self):
        self.assertEqual(self._as(self.user_mentor, "mentorship.programme").search([]), self.programme)
        self.assertIn(self.form_tt, self._as(self.user_mentor, "mentorship.form").search([]))
        self.assertTrue(self._as(self.user_mentor, "mentorship.kind").search_count([]))

    # --- Curators -------------------------------------------------------------------------

    def test_curator_manages_everything_in_the_company(self):
        env = self.env(user=self.user_curator)
        self.assertEqual(env["mentorship.pair"].search([]), self.pair | self.other_pair)
        self.assertEqual(env["mentorship.consent"].search([]), self.consent | self.consent_2)
        programme = env["mentorship.programme"].create(
            {
                "name": "Программа «Студент – студент»",
                "date_start": date(2025, 9, 1),
                "date_end": date(2026, 6, 30),
                "form_ids": [Command.set(self.form_ss.ids)],
                "order_number": "77",
                "order_date": date(2025, 8, 30),
            }
        )
        programme.action_approve()
        programme.action_start()
        Participant = env["mentorship.participant"]
        mentor = Participant.create(
            {"programme_id": programme.id, "role": "mentor", "partner_id": self.student_adult.id}
        )
        mentee = Participant.create(
            {
                "programme_id": programme.id,
                "role": "mentee",
                "partner_id": self.student_minor.id,
                "form_id": self.form_ss.id,
            }
        )
        (mentor | mentee).action_approve()
        for consent_type in ("personal_data", "participation"):
            env["mentorship.consent"].create(
                {
                    "consent_type": consent_type,
                    "partner_id": self.student_minor.id,
                    "given_by": "representative",
                    "representative_id": self.parent.id,
                    "date": date(2025, 9, 1),
                }
            )
        pair = env["mentorship.pair"].create(
            {
                "programme_id": programme.id,
                "form_id": self.form_ss.id,
                "mentor_id": mentor.id,
                "mentee_ids": [Command.set(mentee.ids)],
                "date_start": date(2025, 10, 1),
                "date_end": date(2026, 5, 31),
            }
        )
        pair.action_activate()
        self.assertEqual(pair.state, "active")
        self.assertEqual(pair.company_id, self.company)
        wizard = env["mentorship.pair.terminate.wizard"].create(
            {
                "pair_ids": [Command.set(pair.ids)],
                "initiator": "mentee",
                "reason": "Отчислен",
                "date": date(2025, 12, 1),
            }
        )
        wizard.action_confirm()
        self.assertEqual(pair.state, "terminated")
        self.assertEqual(mentee.state, "former")

    def test_curator_approves_teachers_through_the_public_profile(self):
        """Eligibility reads the teaching experience; a curator is not an HR officer."""
        participant = self._as(self.user_curator, "mentorship.participant").create(
            {
                "programme_id": self.programme.id,
                "role": "mentee",
                "employee_id": self.teacher_old.id,
                "form_id": self.form_tt.id,
            }
        )
        self.assertFalse(self.user_curator.has_group("hr.group_hr_user"))
        with self.assertRaisesText(ValidationError, "10 years of teaching experience"):
            participant.action_approve()

    def test_curator_replaces_a_mentor(self):
        self.other_pair.action_done()
        wizard = self._as(self.user_curator, "mentorship.pair.replace.wizard").create(
            {
                "pair_id": self.pair.id,
                "new_mentor_id": self.mentor_2.id,
                "date": date(2026, 1, 15),
                "reason": "Болезнь",
            }
        )
        new_pair = self.env["mentorship.pair"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual(new_pair.mentor_id, self.mentor_2)
        self.assertEqual(new_pair.previous_pair_id, self.pair)

    def test_mentor_cannot_use_the_wizards(self):
        with self.assertRaises(AccessError):
            self._as(self.user_mentor, "mentorship.pair.terminate.wizard").create(
                {"pair_ids": [Command.set(self.pair.ids)], "initiator": "mentor", "reason": "Устал"}
            )

    # --- Other roles ----------------------------------------------------------------------

    def test_payroll_and_psychologist_read_but_do_not_write(self):
        for user in (self.user_payroll, self.user_psychologist):
            with self.subTest(user=user.login):
                Pair = self._as(user, "mentorship.pair")
                self.assertEqual(Pair.search([]), self.pair | self.other_pair)
                self.assertEqual(
                    self._as(user, "mentorship.participant").search([]),
                    self.mentor | self.mentor_2 | self.mentee | self.mentee_2,
                )
                with self.assertRaises(AccessError):
                    Pair.browse(self.pair.id).write({"goal": "…"})
                with self.assertRaises(AccessError):
                    self.mentee.with_user(user).write({"request": "…"})

    def test_psychologist_reads_consents_payroll_does_not(self):
        self.assertEqual(
            self._as(self.user_psychologist, "mentorship.consent").search([]), self.consent | self.consent_2
        )
        self.assertFalse(self._as(self.user_payroll, "mentorship.consent").search([]))

    def test_user_without_mentoring_group_reads_nothing(self):
        records = {
            "mentorship.form": self.form_tt,
            "mentorship.kind": self.kind_group,
            "mentorship.role.model": self.form_tt.role_model_ids[:1],
            "mentorship.programme": self.programme,
            "mentorship.participant": self.mentor,
            "mentorship.consent": self.consent,
            "mentorship.pair": self.pair,
        }
        for model in MENTORING_MODELS:
            with self.subTest(model=model):
                with self.assertRaises(AccessError):
                    self._as(self.user_plain, model).search([])
                with self.assertRaises(AccessError):
                    records[model].with_user(self.user_plain).read(["display_name"])

    def test_only_the_manager_edits_catalogues(self):
        for user in (self.user_curator, self.user_mentor):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.form_tt.with_user(user).write({"capacity": 5})
                with self.assertRaises(AccessError):
                    self.kind_group.with_user(user).write({"name": "Коллективная"})
                with self.assertRaises(AccessError):
                    self._as(user, "mentorship.role.model").create(
                        {"name": "Новая", "form_id": self.form_tt.id}
                    )
        self.form_tt.with_user(self.user_manager).write({"capacity": 5})
        self.kind_group.with_user(self.user_manager).write({"name": "Коллективная"})
        role_model = self._as(self.user_manager, "mentorship.role.model").create(
            {"name": "Наставник-методист – молодой педагог", "form_id": self.form_tt.id}
        )
        self._as(self.user_manager, "mentorship.form").create(
            {"name": "Ученик – ученик", "code": "pupil_pupil"}
        )
        self.assertEqual(self.form_tt.capacity, 5)
        self.assertIn(role_model, self.form_tt.role_model_ids)
