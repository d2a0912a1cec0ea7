from datetime import date

from .common import MentorshipCase


class TestSmoke(MentorshipCase):
    def test_teacher_pair_activates_with_consent(self):
        mentor = self._participant("mentor", self.teacher_senior, self.form_tt)
        mentee = self._participant("mentee", self.teacher_young, self.form_tt)
        self._consent("appointment", self.teacher_senior)
        pair = self._pair(mentor, mentee, self.form_tt, kind_id=self.kind_individual.id)
        pair.action_activate()
        self.assertEqual(pair.state, "active")
        self.assertEqual(mentor.state, "active")
        self.assertEqual(self.teacher_young._get_teaching_experience_years(date(2025, 10, 1)), 1)
