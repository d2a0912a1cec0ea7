import random
from datetime import date

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..tools import matching
from .common import ON_DATE, MatchingCase


@tagged("post_install", "-at_install")
class TestMatching(MatchingCase):
    def test_shipped_criteria(self):
        criteria = self.programme.match_criterion_ids
        self.assertEqual(len(criteria), 8)
        self.assertEqual(criteria.filtered(lambda c: c.kind == "no_conflict").priority, "must")
        self.assertEqual(criteria.filtered(lambda c: c.kind == "directions").weight, 5)
        custom = criteria.filtered(lambda c: c.kind == "campus")
        custom.write({"priority": "custom", "custom_weight": 2.5})
        self.assertEqual(custom.weight, 2.5)
        with self.assertRaisesText(ValidationError, "custom weight above zero"):
            custom.custom_weight = 0
        self.programme.action_reset_match_criteria()
        self.assertEqual(len(self.programme.match_criterion_ids), 8)

    def test_suggestions_ranked_with_breakdown(self):
        wizard = self._suggest(self.mentee_a)
        lines = wizard.line_ids
        self.assertEqual(lines.mentor_id, self.mentor_a | self.mentor_b | self.mentor_c)
        self.assertEqual(lines[0].mentor_id, self.mentor_a)
        self.assertTrue(lines[0].is_top)
        self.assertFalse(any(lines[1:].mapped("is_top")))
        self.assertEqual(lines.mapped("score"), sorted(lines.mapped("score"), reverse=True))
        self.assertIn("Requests Against Strengths: 100 % match", lines[0].explanation)
        self.assertIn("No Conflict of Interest: filter, passed", lines[0].explanation)
        # Weighted with data: directions 5, experience 3 (20 of 5 years ahead: full); no department,
        # schedule, campus, preference data: not counted.
        self.assertAlmostEqual(lines[0].score, 100.0)
        self.assertIn("Mentee's Preferences (Questionnaire): no data, not counted", lines[0].explanation)
        # Mentor C offers one of two directions: 5·0.5 + 3·1 of 8 points.
        mentor_c_line = lines.filtered(lambda line: line.mentor_id == self.mentor_c)
        self.assertAlmostEqual(mentor_c_line.score, 100 * 5.5 / 8, delta=0.05)  # stored to 0.1 %

    def test_breakdown_points_add_up(self):
        self.mentee_a.match_schedule = "morning"
        self.mentor_b.match_schedule = "any"
        self.mentor_c.match_campus = "Корпус 2"
        self.mentee_b.match_campus = "корпус  2"
        problem = self.env["mentorship.match.engine"]._build(self.programme, self.form_tt, ON_DATE)
        self.assertEqual(problem.allowed.sum(), 6)
        for row in range(len(problem.mentees)):
            for col in range(len(problem.mentors)):
                points = sum(
                    item.get("points", 0.0) for item in matching.breakdown(problem.criteria, row, col)
                )
                self.assertAlmostEqual(points, problem.score[row, col], 9)
        col_c = list(problem.mentors.ids).index(self.mentor_c.id)
        self.assertIn("Campus: 100 % match", problem.explain(1, col_c))

    def test_create_draft_pair_from_suggestion(self):
        wizard = self._suggest(self.mentee_a)
        action = wizard.line_ids[0].action_create_pair()
        pair = self.env["mentorship.pair"].browse(action["res_id"])
        self.assertEqual(pair.state, "draft")
        self.assertEqual(pair.mentor_id, self.mentor_a)
        self.assertEqual(pair.mentee_ids, self.mentee_a)
        self.assertEqual((pair.date_start, pair.date_end), (ON_DATE, date(2026, 8, 31)))
        # The mentor gave no appointment consent yet: the pair says so.
        self.assertIn("Labour Code art. 351.8", pair.message_ids[:1].body)
        # The mentee now has a pair: no more suggestions for them.
        with self.assertRaisesText(UserError, "already in a pair"):
            self._suggest(self.mentee_a)

    def test_cohort_wizard_figures_and_accept_all(self):
        wizard = self._cohort()
        self.assertEqual(wizard.mentee_count, 2)
        self.assertEqual(wizard.matched_count, 2)
        self.assertEqual(
            {(line.mentee_id, line.mentor_id) for line in wizard.line_ids},
            {(self.mentee_a, self.mentor_a), (self.mentee_b, self.mentor_b)},
        )
        self.assertAlmostEqual(wizard.total_score, sum(wizard.line_ids.mapped("score")), 4)
        self.assertAlmostEqual(wizard.mean_score, wizard.total_score / 2, 4)
        self.assertLessEqual(wizard.greedy_total_score, wizard.total_score + 1e-6)
        action = wizard.action_accept_all()
        pairs = self.env["mentorship.pair"].search(action["domain"])
        self.assertEqual(len(pairs), 2)
        self.assertEqual(set(pairs.mapped("state")), {"draft"})
        self.assertEqual(set(pairs.mapped("date_end")), {date(2026, 5, 31)})
        # Nobody waits any more.
        self.assertEqual(self._cohort().mentee_count, 0)

    def test_accept_some_and_rework_with_forced_pair(self):
        wizard = self._cohort()
        line_b = wizard.line_ids.filtered(lambda line: line.mentee_id == self.mentee_b)
        line_b.write({"mentor_id": self.mentor_c.id, "forced": True})
        wizard.action_solve()
        self.assertEqual(
            wizard.line_ids.filtered(lambda line: line.mentee_id == self.mentee_b).mentor_id, self.mentor_c
        )
        self.assertTrue(wizard.line_ids.filtered(lambda line: line.mentee_id == self.mentee_b).forced)
        wizard.line_ids.filtered(lambda line: line.mentee_id == self.mentee_a).selected = False
        action = wizard.action_accept_selected()
        pair = self.env["mentorship.pair"].search(action["domain"])
        self.assertEqual((pair.mentor_id, pair.mentee_ids), (self.mentor_c, self.mentee_b))

    def test_forced_pair_breaking_a_filter(self):
        self.programme.match_criterion_ids.filtered(lambda c: c.kind == "directions").priority = "must"
        wizard = self._cohort()
        line = wizard.line_ids.filtered(lambda line: line.mentee_id == self.mentee_b)
        line.write({"mentor_id": self.mentor_a.id, "forced": True})
        with self.assertRaisesText(UserError, "cannot be the mentor of"):
            wizard.action_solve()

    def test_capacity_and_unmatched_reasons(self):
        # Mentor A alone, one place: one of two mentees is left out for capacity; a third
        # mentee with ten years of experience is not eligible for the form at all.
        (self.mentor_b | self.mentor_c).action_reject()
        self.mentor_a.match_capacity = 1
        wizard = self._cohort()
        self.assertEqual(wizard.matched_count, 1)
        self.assertEqual(wizard.place_count, 1)
        self.assertEqual(wizard.unmatched_line_ids.reason, "capacity")
        self.mentor_a.match_capacity = 0
        pair = self._pair(self.mentor_a, self.mentee_a, self.form_tt)
        self._pair(self.mentor_a, self.mentee_b, self.form_tt)
        self.assertEqual(pair.state, "draft")
        wizard = self._cohort()
        self.assertEqual(wizard.mentee_count, 0)
        # No place left: a pair proposed against it is refused.
        newcomer = self.env["hr.employee"].create(
            {
                "name": "Орлова Анна Сергеевна",
                "company_id": self.company.id,
                "teaching_start_date": date(2025, 9, 1),
            }
        )
        mentee = self._participant("mentee", newcomer, self.form_tt)
        with self.assertRaisesText(UserError, "no free place left"):
            self.env["mentorship.match.engine"]._create_draft_pairs(
                self.programme, self.form_tt, [(mentee, self.mentor_a)], ON_DATE, date(2026, 5, 31)
            )
        with self.assertRaisesText(UserError, "already has a mentor"):
            self.env["mentorship.match.engine"]._create_draft_pairs(
                self.programme, self.form_tt, [(self.mentee_a, self.mentor_b)], ON_DATE, date(2026, 5, 31)
            )

    def test_no_eligible_mentor(self):
        (self.mentor_a | self.mentor_b | self.mentor_c).action_reject()
        wizard = self._cohort()
        self.assertEqual(wizard.matched_count, 0)
        self.assertEqual(set(wizard.unmatched_line_ids.mapped("reason")), {"no_eligible"})
        with self.assertRaisesText(UserError, "Nothing to accept"):
            wizard.action_accept_all()

    def test_conflict_of_interest(self):
        # A pair of mentor A and mentee A that ended early: A is no longer suggested to them.
        pair = self._pair(self.mentor_a, self.mentee_a, self.form_tt)
        pair._terminate("mentee", "Не сложилось взаимодействие", date(2025, 10, 15))
        self.assertEqual(pair.state, "terminated")
        wizard = self._suggest(self.mentee_a)
        self.assertNotIn(self.mentor_a, wizard.line_ids.mentor_id)
        self.assertEqual(wizard.line_ids[0].mentor_id, self.mentor_c)

    def test_preference_questionnaire(self):
        survey = self.env.ref("mentorship_odoo.survey_preference")
        question = self.env.ref("mentorship_odoo.survey_preference_q1")
        (self.mentor_a | self.mentor_c).match_strength_direction_ids = [Command.clear()]
        self.mentor_b.match_strength_direction_ids = [Command.clear()]
        answer = survey._create_answer(
            user=self.env.user,
            check_attempts=False,
            mentorship_programme_id=self.programme.id,
            mentorship_participant_id=self.mentee_a.id,
        )
        answer._save_lines(question, "1) Кузнецов Олег Иванович\n2) Иванова М. П.")
        answer.state = "done"
        lines = self._suggest(self.mentee_a).line_ids
        self.assertEqual(lines[0].mentor_id, self.mentor_c)
        self.assertIn("Mentee's Preferences (Questionnaire): 100 % match", lines[0].explanation)
        second = lines.filtered(lambda line: line.mentor_id == self.mentor_b)
        self.assertIn("Mentee's Preferences (Questionnaire): 67 % match", second.explanation)

    def test_must_criterion_filters(self):
        criterion = self.programme.match_criterion_ids.filtered(lambda c: c.kind == "directions")
        criterion.priority = "must"
        wizard = self._suggest(self.mentee_b)
        self.assertEqual(wizard.line_ids.mentor_id, self.mentor_b)

    def test_russian(self):
        self.env["res.lang"]._activate_lang("ru_RU")
        wizard = (
            self.env["mentorship.match.suggestion"]
            .with_context(lang="ru_RU")
            .create({"mentee_id": self.mentee_a.id, "form_id": self.form_tt.id, "date_start": ON_DATE})
        )
        wizard.action_refresh()
        lines = wizard.line_ids
        self.assertIn("Запросы и сильные стороны: совпадение 100 %", lines[0].explanation)
        with self.assertRaisesText(UserError, "Нечего принимать"):
            self.env["mentorship.match.engine"].with_context(lang="ru_RU")._create_draft_pairs(
                self.programme, self.form_tt, [], ON_DATE, date(2026, 5, 31)
            )

    def test_hard_filters_never_broken_on_random_cohorts(self):
        """Random teachers, directions and limits (seeded): every proposed pair passes the core's
        eligibility, no mentor gets more than their places, and the pairs are created."""
        rng = random.Random(20251001)
        Employee = self.env["hr.employee"].with_company(self.company)
        directions = self.dir_method | self.dir_class | self.dir_digital
        criteria = self.programme.match_criterion_ids
        for case in range(3):
            # Some criteria become filters at random.
            for criterion in criteria.filtered(lambda c: c.kind in ("directions", "schedule", "department")):
                criterion.priority = rng.choice(["must", "high", "low"])
            mentors = self.env["mentorship.participant"]
            mentees = self.env["mentorship.participant"]
            for index in range(rng.randint(4, 12)):
                started = date(rng.randint(1995, 2025), 9, 1) if rng.random() < 0.9 else False
                employee = Employee.create(
                    {
                        "name": f"Педагог {case}-{index}",
                        "company_id": self.company.id,
                        "teaching_start_date": started,
                    }
                )
                role = "mentor" if rng.random() < 0.4 else "mentee"
                participant = self._participant(role, employee, approve=False)
                participant.state = "approved"
                picked = [d.id for d in directions if rng.random() < 0.5]
                participant.match_schedule = rng.choice(["morning", "evening", "any", False])
                if role == "mentor":
                    participant.write(
                        {
                            "match_strength_direction_ids": [Command.set(picked)],
                            "match_capacity": rng.randint(0, 2),
                        }
                    )
                    mentors |= participant
                else:
                    participant.match_request_direction_ids = [Command.set(picked)]
                    mentees |= participant
            wizard = self._cohort()
            used = {}
            musts = criteria.filtered(lambda c: c.priority == "must").mapped("kind")
            for line in wizard.line_ids:
                self.assertFalse(line.mentee_id._get_eligibility_problems(self.form_tt, ON_DATE))
                self.assertFalse(line.mentor_id._get_eligibility_problems(self.form_tt, ON_DATE))
                if "directions" in musts:
                    self.assertTrue(
                        line.mentee_id.match_request_direction_ids
                        & line.mentor_id.match_strength_direction_ids
                    )
                if "schedule" in musts:
                    times = {line.mentee_id.match_schedule, line.mentor_id.match_schedule}
                    self.assertTrue(all(times) and (len(times) == 1 or "any" in times))
                self.assertNotIn("filter, failed", line.explanation)
                used[line.mentor_id] = used.get(line.mentor_id, 0) + 1
            for mentor, count in used.items():
                taken = len(
                    mentor.mentor_pair_ids.filtered(lambda p: p.state in ("draft", "active")).mentee_ids
                )
                limit = min(self.form_tt.capacity, mentor.match_capacity or self.form_tt.capacity)
                self.assertLessEqual(count + taken, limit)
            self.assertLessEqual(wizard.greedy_total_score, wizard.total_score + 1e-6)
            if wizard.line_ids:
                wizard.action_accept_all()

    def test_experience_years_as_the_core_counts_them(self):
        Employee = self.env["hr.employee"].with_company(self.company)
        starts = [date(2020, 2, 29), date(2024, 10, 1), date(2024, 10, 2), date(2025, 10, 2), False]
        participants = self.env["mentorship.participant"]
        for index, start in enumerate(starts):
            employee = Employee.create(
                {"name": f"Стаж {index}", "company_id": self.company.id, "teaching_start_date": start}
            )
            participants |= self._participant("mentee", employee, approve=False)
        for on_date in (ON_DATE, date(2021, 2, 28), date(2024, 2, 29)):
            people = self.env["mentorship.match.engine"]._read_people(participants.ids, on_date)
            for participant in participants:
                expected = participant.employee_id._get_teaching_experience_years(on_date)
                got = people[participant.id]["experience"]
                self.assertEqual(None if got != got else got, expected, (participant.name, on_date))

    def test_top_suggestion_not_beyond_free_places(self):
        """Four young teachers all want mentor A, who has one place left (Together's rule)."""
        Employee = self.env["hr.employee"].with_company(self.company)
        for index in range(2):
            newcomer = Employee.create(
                {
                    "name": f"Новиков{index} Павел",
                    "company_id": self.company.id,
                    "teaching_start_date": date(2025, 9, 1),
                }
            )
            mentee = self._participant("mentee", newcomer, self.form_tt)
            mentee.match_request_direction_ids = [Command.set((self.dir_method | self.dir_class).ids)]
        self.mentee_b.match_request_direction_ids = [Command.set((self.dir_method | self.dir_class).ids)]
        self.mentor_a.match_capacity = 1
        mentees = self.env["mentorship.match.engine"]._unmatched_mentees(self.programme, self.form_tt)
        self.assertEqual(len(mentees), 4)
        tops = {}
        for mentee in mentees:
            lines = self._suggest(mentee).line_ids
            self.assertLessEqual(len(lines.filtered("is_top")), 1)
            for line in lines.filtered("is_top"):
                tops[line.mentor_id] = tops.get(line.mentor_id, 0) + 1
            self.assertIn(self.mentor_a, lines.mentor_id)
        self.assertEqual(tops.get(self.mentor_a), 1)
        self.assertTrue(all(count <= 2 for count in tops.values()))

    def test_wizard_opens_on_the_form_where_most_mentees_wait(self):
        action = self.programme.action_open_match_wizard()
        wizard = self.env[action["res_model"]].browse(action["res_id"])
        self.assertEqual(wizard.form_id, self.form_tt)
        self.assertEqual(wizard.mentee_count, 2)

    def test_withdrawn_personal_data_consent_is_never_proposed(self):
        """With mentorship_odoo_privacy, a mentee or mentor whose personal-data consent is withdrawn
        is left out of the cohort and the suggestions."""
        if "privacy_stopped" not in self.env["mentorship.participant"]._fields:
            self.skipTest("mentorship_odoo_privacy is not installed")
        self._consent("personal_data", self.teacher_young).action_withdraw()
        self._consent("personal_data", self.teacher_senior).action_withdraw()
        Engine = self.env["mentorship.match.engine"]
        self.assertNotIn(self.mentee_a, Engine._unmatched_mentees(self.programme, self.form_tt))
        self.assertIn(self.mentee_b, Engine._unmatched_mentees(self.programme, self.form_tt))
        self.assertNotIn(self.mentor_a, Engine._candidate_mentors(self.programme, self.form_tt))
        proposals = self._cohort().line_ids
        self.assertFalse(proposals.filtered(lambda line: self.mentor_a in line.mentor_id), proposals)
