import ast
from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .monitoring_common import MonitoringCase


class TestAwards(MonitoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor_of_year = cls.env.ref("mentorship_odoo.nomination_mentor_of_year")
        cls.best_pair = cls.env.ref("mentorship_odoo.nomination_best_pair")
        cls.letter = cls.env.ref("mentorship_odoo.nomination_letter_of_thanks")

    def _award(self, nomination, user=None, **vals):
        Award = self.env["mentorship.award"].with_user(user or self.user_curator)
        return Award.create(
            {"nomination_id": nomination.id, "programme_id": self.programme.id, "year": 2026, **vals}
        )

    def test_nominations_shipped(self):
        nominations = self.env["mentorship.nomination"].search([])
        self.assertEqual(
            set(nominations.mapped("code")),
            {
                "MENTOR_OF_YEAR",
                "BEST_PAIR",
                "THANKS_ORDER",
                "CERTIFICATE",
                "LETTER_OF_THANKS",
                "PERSONNEL_RESERVE",
                "CERTIFICATION",
            },
        )
        self.assertEqual(self.best_pair.recipient_type, "pair")

    def test_awards_to_mentors_and_pairs(self):
        award = self._award(self.mentor_of_year, recipient_type="mentor", mentor_id=self.mentor.id)
        self.assertEqual(award.recipient_name, self.mentor.name)
        self.assertEqual(award.awarded_mentor_id, self.mentor)
        self.assertEqual(award.state, "proposed")
        award.action_award()
        self.assertEqual(award.state, "awarded")
        with self.assertRaises(UserError):
            award.action_award()
        pair_award = self._award(self.best_pair, recipient_type="pair", pair_id=self.pair_2.id)
        self.assertEqual(pair_award.awarded_mentor_id, self.mentor_2)
        self.assertIn(self.pair_2.name, pair_award.display_name)
        self.assertEqual(self.programme.award_count, 2)

    def test_recipient_must_match_nomination_and_programme(self):
        with self.assertRaises(ValidationError):
            self._award(self.best_pair, recipient_type="mentor", mentor_id=self.mentor.id)
        with self.assertRaises(ValidationError):
            self._award(self.mentor_of_year, recipient_type="mentor", mentor_id=self.mentee.id)
        with self.assertRaises(ValidationError):
            self._award(self.letter, recipient_type="pair")
        other_mentor = self._participant("mentor", self.teacher_old, programme=self._programme())
        with self.assertRaises(ValidationError):
            self._award(self.letter, recipient_type="mentor", mentor_id=other_mentor.id)

    def test_award_access(self):
        award = self._award(self.letter, recipient_type="mentor", mentor_id=self.mentor.id)
        with self.assertRaises(AccessError):
            self._award(self.letter, user=self.user_mentor, recipient_type="mentor", mentor_id=self.mentor.id)
        Award = self.env["mentorship.award"]
        self.assertEqual(Award.with_user(self.user_mentor).search([]), award)  # their own
        self.assertEqual(Award.with_user(self.user_mentee).search([]), Award)  # not a pair award
        self.assertFalse(Award.with_user(self.user_mentor_2).search([]))
        self.assertFalse(Award.with_user(self.user_curator_b).search([]))


class TestHonourBoard(MonitoringCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.letter = cls.env.ref("mentorship_odoo.nomination_letter_of_thanks")
        cls.student_mentor = cls._participant("mentor", cls.student_minor)
        cls.ext_mentor = cls._participant("mentor", cls.external_mentor)

    def _board(self, user=None):
        action = self.env.ref("mentorship_odoo.mentorship_participant_action_honour_board")
        Participant = self.env["mentorship.participant"].with_user(user or self.user_curator)
        return Participant.search(ast.literal_eval(action.domain))

    def test_only_mentors_with_a_valid_publication_consent(self):
        today = fields.Date.context_today(self.env.user)
        self.assertFalse(self._board())
        self._consent("publication", self.teacher_senior)
        self._consent("publication", self.teacher_young)  # a mentee: not on the board
        self._consent("personal_data", self.teacher_senior_2)  # not a publication consent
        withdrawn = self._consent("publication", self.external_mentor)
        withdrawn.action_withdraw()
        self._consent(
            "publication",
            self.student_minor,
            given_by="representative",
            representative_id=self.parent.id,
            date=today + timedelta(days=10),
        )  # not yet valid
        self.assertEqual(self._board(), self.mentor)
        self.assertTrue(self.mentor.has_publication_consent)
        self.assertFalse(self.ext_mentor.has_publication_consent)
        self.assertFalse(self.student_mentor.has_publication_consent)
        self.assertEqual(
            self.env["mentorship.participant"].search(
                [("has_publication_consent", "=", False), ("role", "=", "mentor")]
            ),
            self.mentor_2 | self.student_mentor | self.ext_mentor,
        )
        with self.assertRaises(UserError):
            self.env["mentorship.participant"].search([("has_publication_consent", "in", [True])])

    def test_board_shows_awards_and_achievements(self):
        self._consent("publication", self.teacher_senior)
        award = self.env["mentorship.award"].create(
            {
                "nomination_id": self.env.ref("mentorship_odoo.nomination_mentor_of_year").id,
                "programme_id": self.programme.id,
                "recipient_type": "mentor",
                "mentor_id": self.mentor.id,
                "year": 2026,
            }
        )
        self.assertFalse(self.mentor.honour_awards)  # only given awards
        award.action_award()
        self.mentor.invalidate_recordset(["honour_awards"])
        self.assertEqual(self.mentor.honour_awards, "Mentor of the Year 2026")
        self.env["mentorship.achievement"].create(
            {
                "participant_id": self.mentor.id,
                "name": "Преподаватель года - 2021",
                "level": "regional",
                "organiser": "КРИПО",
                "date": date(2021, 5, 1),
            }
        )
        self.assertEqual(self.mentor.honour_achievements, "Преподаватель года - 2021 (Р)")
        self.assertEqual(self.mentor.achievement_count, 1)
        self.assertEqual(self.mentor.avatar_partner_id, self.user_mentor.partner_id)

    def test_every_mentoring_user_sees_the_board(self):
        self._consent("publication", self.teacher_senior)
        self._consent("publication", self.external_mentor)
        award = self.env["mentorship.award"].create(
            {
                "nomination_id": self.letter.id,
                "programme_id": self.programme.id,
                "recipient_type": "mentor",
                "mentor_id": self.ext_mentor.id,
                "year": 2026,
            }
        )
        award.action_award()
        board = self._board(self.user_mentor_2)
        self.assertEqual(board, self.mentor | self.ext_mentor)
        self.assertEqual(
            board.with_user(self.user_mentor_2).mapped("honour_awards"), [False, "Letter of Thanks 2026"]
        )
        self.assertIn(award, self.env["mentorship.award"].with_user(self.user_mentor_2).search([]))
        # Unpublished mentors stay hidden from other mentors.
        self.assertNotIn(
            self.student_mentor, self.env["mentorship.participant"].with_user(self.user_mentor_2).search([])
        )
        with self.assertRaises(AccessError):
            self.mentor.with_user(self.user_mentor_2).write({"strengths": "…"})
        # Opening a card of the board shows the mentor's form.
        card = Form(self.ext_mentor.with_user(self.user_mentor_2))
        self.assertEqual(card.name, self.external_mentor.name)
        self.assertFalse(self._board(self.user_curator_b))


class TestPortfolio(MonitoringCase):
    def _achievement(self, participant, user=None, **vals):
        Achievement = (
            self.env["mentorship.achievement"].with_user(user) if user else self.env["mentorship.achievement"]
        )
        return Achievement.create(
            {
                "participant_id": participant.id,
                "name": "Всероссийский конкурс «Векториада»",
                "level": "national",
                "organiser": "Центр «Вектор»",
                "result": "Диплом 1 место",
                "date": date(2026, 3, 1),
                **vals,
            }
        )

    def test_levels_of_seed_000(self):
        levels = [key for key, _label in self.env["mentorship.achievement"]._fields["level"].selection]
        self.assertEqual(levels, ["international", "national", "interregional", "regional", "city"])

    def test_own_portfolio_and_the_mentees(self):
        own = self._achievement(self.mentee, user=self.user_mentee)
        self.assertEqual(own.role, "mentee")
        own.with_user(self.user_mentee).result = "Диплом лауреата"
        # The mentor reads the mentee's portfolio but does not change it.
        self.assertEqual(self.env["mentorship.achievement"].with_user(self.user_mentor).search([]), own)
        with self.assertRaises(AccessError):
            own.with_user(self.user_mentor).result = "Изменено"
        with self.assertRaises(AccessError):
            self._achievement(self.mentee, user=self.user_mentor)
        self.assertFalse(self.env["mentorship.achievement"].with_user(self.user_mentor_2).search([]))
        # Curators keep everybody's portfolio.
        self._achievement(self.mentor_2, user=self.user_curator)
        self.assertEqual(len(self.env["mentorship.achievement"].with_user(self.user_curator).search([])), 2)
        self.assertFalse(self.env["mentorship.achievement"].with_user(self.user_curator_b).search([]))
        action = self.mentee.action_open_achievements()
        self.assertEqual(self.env["mentorship.achievement"].search(action["domain"]), own)
