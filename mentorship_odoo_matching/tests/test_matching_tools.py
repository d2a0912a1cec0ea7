"""The scoring and assignment arithmetic, without a database: plain functions on arrays."""

import itertools
import unittest

import numpy as np

from ..tools import matching as mt

RULE = {
    "mentor_type": "employee",
    "mentee_type": "employee",
    "mentee_experience_min": 0,
    "mentee_experience_max": 3,
    "mentor_experience_min": 5,
    "mentee_study_year_min": 0,
    "mentee_study_year_max": 0,
    "mentor_study_year_min": 0,
    "mentor_study_year_max": 0,
    "mentor_graduates_allowed": False,
}


def brute_force(score, allowed, capacity, forced=()):
    """The best total score over every assignment (each mentee: a mentor or none)."""
    n, m = score.shape
    fixed = dict(forced)
    best = (-1.0, 0)
    options = [[fixed[row]] if row in fixed else [-1, *np.nonzero(allowed[row])[0]] for row in range(n)]
    for choice in itertools.product(*options):
        used = np.bincount([c for c in choice if c >= 0], minlength=m)
        if (used > capacity).any():
            continue
        total = sum(score[row, col] for row, col in enumerate(choice) if col >= 0)
        matched = sum(col >= 0 for col in choice)
        best = max(best, (round(total, 6), matched))
    return best


def random_cohort(rng, n, m, density=0.6):
    score = np.round(rng.random((n, m)) * 100, 1)
    allowed = rng.random((n, m)) < density
    capacity = rng.integers(0, 3, m)
    return np.where(allowed, score, 0.0), allowed, capacity


class TestSimilarities(unittest.TestCase):
    def test_overlap(self):
        sim, known = mt.overlap_similarity([{1, 2, 3}, set()], [{1, 2}, {4}, set()])
        np.testing.assert_allclose(sim, [[2 / 3, 0, 0], [0, 0, 0]])
        self.assertEqual(known.tolist(), [True, False])

    def test_equal_and_related(self):
        sim, known = mt.equal_similarity([10, 11, 0], [10, 12], [1, 1, 0], [1, 2])
        np.testing.assert_allclose(sim, [[1, 0], [0.5, 0], [0, 0]])
        self.assertEqual(known.tolist(), [True, True, False])

    def test_gap(self):
        sim, known = mt.gap_similarity([1, np.nan], [0, 1, 3.5, 20], 5)
        np.testing.assert_allclose(sim, [[0, 0, 0.5, 1], [0, 0, 0, 0]])
        self.assertEqual(known.tolist(), [True, False])

    def test_wildcard(self):
        sim, known = mt.wildcard_similarity(["morning", "any", ""], ["morning", "evening", "any", ""], "any")
        np.testing.assert_allclose(sim, [[1, 0, 1, 0], [1, 1, 1, 0], [0, 0, 0, 0]])
        self.assertEqual(known.tolist(), [True, True, False])

    def test_preference_in_russian(self):
        texts = ["1) Скоробогатов А.В.\n2) Иванова Мария\n3) Фёдоров", "", "иванова, скоробогатов"]
        names = ["Скоробогатов Андрей Викторович", "Иванова Мария Петровна", "Федоров Павел", "Кузнецов Олег"]
        sim, known = mt.preference_similarity(texts, names)
        np.testing.assert_allclose(sim, [[1, 2 / 3, 1 / 3, 0], [0, 0, 0, 0], [2 / 3, 1, 0, 0]])
        self.assertEqual(known.tolist(), [True, False, True])

    def test_conflict_pairs(self):
        sim, _known = mt.pairs_similarity(2, 3, [(1, 2)])
        np.testing.assert_allclose(sim, [[1, 1, 1], [1, 1, 0]])

    def test_eligibility_mask(self):
        ok = mt.eligibility_mask(
            RULE, "mentee", ["employee"] * 3 + ["student"], [1, 7, np.nan, 1], [0] * 4, [0] * 4
        )
        self.assertEqual(ok.tolist(), [True, False, False, False])
        ok = mt.eligibility_mask(RULE, "mentor", ["employee"] * 3, [4, 5, np.nan], [0] * 3, [0] * 3)
        self.assertEqual(ok.tolist(), [False, True, False])
        students = dict(RULE, mentor_type="student", mentor_study_year_min=3, mentor_graduates_allowed=True)
        ok = mt.eligibility_mask(students, "mentor", ["student"] * 3, [np.nan] * 3, [2, 3, 0], [0, 0, 1])
        self.assertEqual(ok.tolist(), [False, True, True])


class TestScores(unittest.TestCase):
    def criteria(self):
        return [
            mt.Criterion("a", "A", np.array([[1.0, 0.5], [0.0, 1.0]]), weight=5),
            mt.Criterion(
                "b", "B", np.array([[0.0, 1.0], [1.0, 1.0]]), weight=1, known=np.array([True, False])
            ),
            mt.Criterion("c", "C", np.array([[1.0, 0.0], [1.0, 1.0]]), must=True),
        ]

    def test_score_and_must_filter(self):
        score, allowed = mt.combine(self.criteria(), np.ones((2, 2), dtype=bool))
        self.assertEqual(allowed.tolist(), [[True, False], [True, True]])
        # Mentee 1 has no data for B: scored on A alone.
        np.testing.assert_allclose(score, [[100 * 5 / 6, 0], [0, 100]])

    def test_breakdown_adds_up_to_the_score(self):
        rng = np.random.default_rng(7)
        n, m = 6, 5
        criteria = [
            mt.Criterion(str(k), str(k), rng.random((n, m)), weight=w, known=rng.random(n) < 0.8)
            for k, w in enumerate([5, 3, 1, 2.5])
        ]
        score, _allowed = mt.combine(criteria, np.ones((n, m), dtype=bool))
        for row, col in itertools.product(range(n), range(m)):
            points = sum(item["points"] for item in mt.breakdown(criteria, row, col))
            if any(c.known[row] for c in criteria):
                self.assertAlmostEqual(points, score[row, col], places=9)

    def test_no_weighted_criterion_is_a_full_match(self):
        score, _allowed = mt.combine([], np.array([[True, False]]))
        np.testing.assert_allclose(score, [[100, 0]])


class TestAssignment(unittest.TestCase):
    def test_optimal_equals_brute_force_and_greedy_not_better(self):
        rng = np.random.default_rng(2026)
        for _case in range(60):
            n, m = int(rng.integers(1, 6)), int(rng.integers(1, 4))
            score, allowed, capacity = random_cohort(rng, n, m)
            optimal = mt.optimal_assignment(score, allowed, capacity)
            greedy = mt.greedy_assignment(score, allowed, capacity)
            best_total, best_matched = brute_force(score, allowed, capacity)
            self.assertAlmostEqual(optimal.total, best_total, places=4)
            self.assertEqual(optimal.matched, best_matched)
            self.assertLessEqual(greedy.total, optimal.total + 1e-6)

    def test_greedy_loses_on_the_textbook_case(self):
        # Mentee 0 comes first and takes mentor 0, whom mentee 1 needed more.
        score = np.array([[90.0, 80.0], [85.0, 10.0]])
        allowed = np.ones((2, 2), dtype=bool)
        optimal = mt.optimal_assignment(score, allowed, [1, 1])
        greedy = mt.greedy_assignment(score, allowed, [1, 1])
        self.assertEqual(optimal.mentor.tolist(), [1, 0])
        self.assertEqual((optimal.total, greedy.total), (165.0, 100.0))

    def test_hard_filters_and_capacity_never_broken(self):
        rng = np.random.default_rng(12)
        for _case in range(40):
            n, m = int(rng.integers(5, 40)), int(rng.integers(1, 15))
            score, allowed, capacity = random_cohort(rng, n, m, density=float(rng.random()))
            for result in (
                mt.optimal_assignment(score, allowed, capacity),
                mt.greedy_assignment(score, allowed, capacity),
            ):
                matched = np.nonzero(result.mentor >= 0)[0]
                self.assertTrue(allowed[matched, result.mentor[matched]].all())
                used = np.bincount(result.mentor[matched], minlength=m)
                self.assertTrue((used <= capacity).all())

    def test_forced_pairs_kept(self):
        score = np.array([[90.0, 80.0], [85.0, 10.0], [50.0, 60.0]])
        allowed = np.ones((3, 2), dtype=bool)
        result = mt.optimal_assignment(score, allowed, [1, 2], forced=[(0, 0)])
        self.assertEqual(result.mentor.tolist(), [0, 1, 1])
        self.assertEqual(result.forced, {0})
        best_total, _matched = brute_force(score, allowed, np.array([1, 2]), forced=[(0, 0)])
        self.assertAlmostEqual(result.total, best_total)
        with self.assertRaises(ValueError):
            mt.optimal_assignment(score, allowed, [1, 2], forced=[(0, 0), (1, 0)])
        allowed[2, 1] = False
        with self.assertRaises(ValueError):
            mt.optimal_assignment(score, allowed, [1, 2], forced=[(2, 1)])

    def test_unmatched_reasons(self):
        allowed = np.array([[True, False], [True, False], [False, False]])
        result = mt.optimal_assignment(np.full((3, 2), 50.0), allowed, [1, 1])
        self.assertEqual(mt.unmatched_reasons(allowed, [1, 1], result), {1: "capacity", 2: "no_eligible"})

    def test_top_suggestion_fair(self):
        # Everyone likes mentor 0 best, who has one place: only one mentee gets them on top.
        rng = np.random.default_rng(3)
        n, m = 8, 4
        score = rng.random((n, m)) * 50
        score[:, 0] = 99
        allowed = np.ones((n, m), dtype=bool)
        capacity = np.array([1, 2, 1, 3])
        assignment = mt.optimal_assignment(score, allowed, capacity)
        tops = np.zeros(m, dtype=int)
        for row in range(n):
            picks = mt.top_suggestions(score, allowed, capacity, assignment, row)
            self.assertLessEqual(len(picks), 5)
            self.assertLessEqual(sum(is_top for _c, is_top in picks), 1)
            for col, is_top in picks:
                tops[col] += is_top
        self.assertTrue((tops <= capacity).all())
        self.assertEqual(tops[0], 1)
