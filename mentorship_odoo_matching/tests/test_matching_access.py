from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import ON_DATE, MatchingCase


@tagged("post_install", "-at_install")
class TestMatchingAccess(MatchingCase):
    """Curators of the programme's company match; a curator of another company, mentors and
    mentees see neither the scores nor the criteria."""

    def test_curator_suggests_and_matches(self):
        wizard = self._suggest(self.mentee_a, user=self.user_curator)
        self.assertEqual(wizard.line_ids[0].mentor_id, self.mentor_a)
        action = wizard.line_ids[0].action_create_pair()
        self.assertEqual(self.env["mentorship.pair"].browse(action["res_id"]).state, "draft")
        action = self.mentee_b.with_user(self.user_curator).action_open_match_suggestions()
        self.assertEqual(action["res_model"], "mentorship.match.suggestion")
        cohort = self._cohort(user=self.user_curator)
        self.assertEqual(cohort.matched_count, 1)
        cohort.action_accept_all()
        criteria = self.programme.with_user(self.user_curator).match_criterion_ids
        criteria[:1].priority = "low"

    def test_curator_of_another_company(self):
        with self.assertRaises(AccessError):
            self._suggest(self.mentee_a, user=self.user_curator_b)
        with self.assertRaises(AccessError):
            self._cohort(user=self.user_curator_b)
        with self.assertRaises(AccessError):
            self.env["mentorship.match.criterion"].with_user(self.user_curator_b).browse(
                self.programme.match_criterion_ids.ids
            ).read(["priority"])
        wizard = self._suggest(self.mentee_a, user=self.user_curator)
        with self.assertRaises(AccessError):
            wizard.with_user(self.user_curator_b).line_ids.read(["score"])

    def test_mentor_and_mentee_see_no_scores(self):
        wizard = self._suggest(self.mentee_a, user=self.user_curator)
        cohort = self._cohort(user=self.user_curator)
        for user in (self.user_mentor, self.user_mentee):
            with self.assertRaises(AccessError):
                self.env["mentorship.match.suggestion.line"].with_user(user).browse(wizard.line_ids.ids).read(
                    ["score"]
                )
            with self.assertRaises(AccessError):
                self.env["mentorship.match.wizard"].with_user(user).browse(cohort.id).read(["total_score"])
            with self.assertRaises(AccessError):
                self.env["mentorship.match.criterion"].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["mentorship.match.suggestion"].with_user(user).create(
                    {"mentee_id": self.mentee_a.id, "form_id": self.form_tt.id, "date_start": ON_DATE}
                )
        # The mentee may read their own participant record, but the button is the curators'.
        with self.assertRaises(AccessError):
            self.mentee_a.with_user(self.user_mentee).action_open_match_suggestions()
