"""Scoring and assignment of mentees to mentors: pure NumPy/SciPy, no database.

The ORM layer (models/mentorship_match_engine.py) reads the cohort in a few set-based queries,
turns each criterion into an n × m similarity matrix in [0, 1] (n mentees, m mentors) with the
helpers below, and hands them to :func:`combine`, :func:`optimal_assignment` and
:func:`greedy_assignment`.

Score of a pair = 100 · Σ wᵢ·simᵢ / Σ wᵢ over the weighted criteria for which the mentee has data
("must" criteria are filters and are not scored), so it is 0–100 % and the per-criterion points
of :func:`breakdown` add up to it exactly.
"""

import re
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

# Together's priorities: "a must" filters, High / Medium / Low give 5 / 3 / 1 points.
PRIORITY_WEIGHTS = {"high": 5.0, "medium": 3.0, "low": 1.0}
# Added to every allowed pair: of two assignments with the same total score, the solver prefers
# the one that matches more mentees (a pair scoring 0 % still beats no mentor at all).
MATCH_BONUS = 1e-6
UNLIMITED = np.iinfo(np.int32).max


@dataclass
class Criterion:
    """One criterion evaluated on the cohort."""

    key: str
    label: str
    similarity: np.ndarray  # n × m, in [0, 1]
    weight: float = 0.0
    must: bool = False
    # Mentees with data for this criterion (n booleans); without data it is left out of their score.
    known: np.ndarray | None = None


@dataclass
class Assignment:
    """mentor[i] is the mentor (column) of mentee i, or -1 when unmatched."""

    mentor: np.ndarray
    total: float
    matched: int
    forced: set = field(default_factory=set)

    @property
    def mean(self):
        return self.total / self.matched if self.matched else 0.0


# --- Similarities -------------------------------------------------------------------------


def overlap_similarity(mentee_sets, mentor_sets):
    """Share of each mentee's tags (requests, deficits) that the mentor offers (strengths).

    Returns (similarity n × m, known n): mentees without tags have no data."""
    vocabulary = {tag: index for index, tag in enumerate(sorted(set().union(*mentee_sets, *mentor_sets)))}
    wanted = _indicator(mentee_sets, vocabulary)
    offered = _indicator(mentor_sets, vocabulary)
    counts = wanted.sum(axis=1)
    common = wanted @ offered.T
    with np.errstate(invalid="ignore", divide="ignore"):
        similarity = np.where(counts[:, None] > 0, common / counts[:, None], 0.0)
    return similarity, counts > 0


def _indicator(sets, vocabulary):
    matrix = np.zeros((len(sets), max(len(vocabulary), 1)), dtype=np.float32)
    rows = [row for row, tags in enumerate(sets) for _tag in tags]
    cols = [vocabulary[tag] for tags in sets for tag in tags]
    matrix[rows, cols] = 1.0
    return matrix


def equal_similarity(mentee_keys, mentor_keys, mentee_related=None, mentor_related=None, related=0.5):
    """1 where the keys are equal, ``related`` where the related keys (e.g. parent departments) are,
    0 otherwise; a key of 0 is unknown. Returns (similarity, known)."""
    a = np.asarray(mentee_keys)
    b = np.asarray(mentor_keys)
    similarity = ((a[:, None] == b[None, :]) & (a[:, None] != 0)).astype(np.float64)
    if mentee_related is not None:
        ra = np.asarray(mentee_related)
        rb = np.asarray(mentor_related)
        near = (ra[:, None] == rb[None, :]) & (ra[:, None] != 0)
        similarity = np.maximum(similarity, near * related)
    return similarity, a != 0


def wildcard_similarity(mentee_keys, mentor_keys, wildcard):
    """Equality where ``wildcard`` (e.g. "any time") on either side matches everything; an empty
    value is unknown. Returns (similarity, known)."""
    codes = {wildcard: -1} if wildcard else {}

    def encode(keys):
        return np.array([codes.setdefault(key, len(codes) + 1) if key else 0 for key in keys], dtype=np.int64)

    a = encode(mentee_keys)
    b = encode(mentor_keys)
    both = (a[:, None] != 0) & (b[None, :] != 0)
    match = (a[:, None] == b[None, :]) | (a[:, None] == -1) | (b[None, :] == -1)
    return (match & both).astype(np.float64), a != 0


def gap_similarity(mentee_values, mentor_values, ideal_gap):
    """How far the mentor is ahead (experience, year of study): 0 when not ahead, 1 from
    ``ideal_gap`` on, linear between. NaN is unknown. Returns (similarity, known)."""
    a = np.asarray(mentee_values, dtype=np.float64)
    b = np.asarray(mentor_values, dtype=np.float64)
    gap = b[None, :] - a[:, None]
    with np.errstate(invalid="ignore"):
        similarity = np.clip(gap / max(float(ideal_gap), 1e-9), 0.0, 1.0)
    similarity = np.nan_to_num(similarity, nan=0.0)
    return similarity, ~np.isnan(a)


def pairs_similarity(n, m, pairs):
    """1 everywhere except at the given (mentee, mentor) cells, e.g. a pair between them that was
    terminated early (a conflict). Known for every mentee."""
    similarity = np.ones((n, m))
    if pairs:
        rows, cols = zip(*pairs, strict=True)
        similarity[list(rows), list(cols)] = 0.0
    return similarity, np.ones(n, dtype=bool)


def _normalise(text):
    return (text or "").lower().replace("ё", "е")


def preference_similarity(mentee_texts, mentor_names):
    """The mentee's answer naming up to three wished partners in order ("С кем вы хотели бы
    работать в паре?"): 1 for the first named, 2/3 the second, 1/3 the third. A mentor is named
    when their surname (the first word of the full name) is a word of one entry of the answer.
    Returns (similarity, known): mentees who did not answer have no data."""
    n, m = len(mentee_texts), len(mentor_names)
    similarity = np.zeros((n, m))
    surnames = {}
    for col, name in enumerate(mentor_names):
        words = _normalise(name).split()
        if words:
            surnames.setdefault(words[0], []).append(col)
    known = np.zeros(n, dtype=bool)
    for row, text in enumerate(mentee_texts):
        entries = [entry for entry in re.split(r"[\n,;]+|\d+[.)]", _normalise(text)) if entry.strip()]
        known[row] = bool(entries)
        for rank, entry in enumerate(entries[:3]):
            for word in re.findall(r"\w+", entry):
                for col in surnames.get(word, ()):
                    similarity[row, col] = max(similarity[row, col], (3 - rank) / 3)
    return similarity, known


# --- Eligibility (the form's rules, vectorised) ---------------------------------------------


def eligibility_mask(rule, role, person_types, experience_years, study_years, graduates):
    """Who may take part in a form as ``role`` ("mentor"/"mentee"): the same rules as the core's
    ``mentorship.form._get_eligibility_problems``, on arrays (experience NaN = start unknown).

    ``rule`` holds the form's fields (mentor_type, mentee_type, mentee_experience_min, …)."""
    is_mentor = role == "mentor"
    person_types = np.asarray(person_types, dtype=object)
    years = np.asarray(experience_years, dtype=np.float64)
    study = np.asarray(study_years, dtype=np.float64)
    graduates = np.asarray(graduates, dtype=bool)
    ok = person_types == rule["mentor_type" if is_mentor else "mentee_type"]
    employee = person_types == "employee"
    low = rule["mentor_experience_min"] if is_mentor else rule["mentee_experience_min"]
    high = 0 if is_mentor else rule["mentee_experience_max"]
    if low or high:
        with np.errstate(invalid="ignore"):
            bad = np.isnan(years) | (years < low) | ((years > high) if high else False)
        ok &= ~(employee & bad)
    student = person_types == "student"
    low = rule["mentor_study_year_min" if is_mentor else "mentee_study_year_min"]
    high = rule["mentor_study_year_max" if is_mentor else "mentee_study_year_max"]
    if low or high:
        bad = graduates | (study < max(low, 1)) | ((study > high) if high else False)
        if is_mentor and rule["mentor_graduates_allowed"]:
            bad &= ~graduates
        ok &= ~(student & bad)
    return ok


# --- Scores ---------------------------------------------------------------------------------


def combine(criteria, allowed):
    """Scores (n × m, 0–100) and the allowed pairs after the "must" criteria.

    ``allowed`` holds the hard filters already known (eligibility, capacity, same person)."""
    allowed = np.array(allowed, dtype=bool, copy=True)
    n, m = allowed.shape
    points = np.zeros((n, m))
    possible = np.zeros(n)
    for criterion in criteria:
        if criterion.must:
            allowed &= criterion.similarity > 0
            continue
        if criterion.weight <= 0:
            continue
        known = criterion.known if criterion.known is not None else np.ones(n, dtype=bool)
        points += criterion.weight * criterion.similarity * known[:, None]
        possible += criterion.weight * known
    with np.errstate(invalid="ignore", divide="ignore"):
        # Without any weighted data, a pair that passes every filter is a full match.
        score = np.where(possible[:, None] > 0, 100.0 * points / possible[:, None], 100.0)
    score = np.where(allowed, score, 0.0)
    return score, allowed


def breakdown(criteria, row, col):
    """Per weighted criterion: label, weight, similarity and the points it adds to the score of
    (row, col); the points add up to the score. "must" criteria come with ``must`` set and passed."""
    weighted = [c for c in criteria if not c.must and c.weight > 0]
    possible = sum(c.weight for c in weighted if c.known is None or c.known[row])
    items = []
    for criterion in criteria:
        similarity = float(criterion.similarity[row, col])
        if criterion.must:
            items.append(
                {"key": criterion.key, "label": criterion.label, "must": True, "passed": similarity > 0}
            )
            continue
        if criterion.weight <= 0:
            continue
        counted = criterion.known is None or bool(criterion.known[row])
        items.append(
            {
                "key": criterion.key,
                "label": criterion.label,
                "must": False,
                "weight": criterion.weight,
                "counted": counted,
                "similarity": similarity,
                "points": 100.0 * criterion.weight * similarity / possible if counted and possible else 0.0,
                "max_points": 100.0 * criterion.weight / possible if counted and possible else 0.0,
            }
        )
    return items


# --- Assignment -------------------------------------------------------------------------------


def _check_forced(score, allowed, capacity, forced):
    free = np.array(capacity, dtype=np.int64, copy=True)
    mentor = np.full(score.shape[0], -1)
    for row, col in forced:
        if not allowed[row, col]:
            raise ValueError(f"forced pair ({row}, {col}) breaks a hard filter")
        if mentor[row] >= 0:
            raise ValueError(f"mentee {row} is forced twice")
        if free[col] <= 0:
            raise ValueError(f"forced pairs exceed the capacity of mentor {col}")
        free[col] -= 1
        mentor[row] = col
    return mentor, free


def _result(score, mentor, forced):
    matched = mentor >= 0
    total = float(score[np.nonzero(matched)[0], mentor[matched]].sum())
    return Assignment(
        mentor=mentor, total=total, matched=int(matched.sum()), forced={row for row, _c in forced}
    )


def optimal_assignment(score, allowed, capacity, forced=()):
    """The assignment of mentees to mentors that maximises the total score, each mentor taking at
    most ``capacity[j]`` mentees (free places), pairs outside ``allowed`` never used, the
    ``forced`` (mentee, mentor) pairs kept. Solved as a linear assignment on the mentors' columns
    repeated once per free place (SciPy's Jonker–Volgenant)."""
    score = np.asarray(score, dtype=np.float64)
    allowed = np.asarray(allowed, dtype=bool)
    mentor, free = _check_forced(score, allowed, capacity, forced)
    rows = np.nonzero(mentor < 0)[0]
    # A mentor never needs more places than there are mentees who may have them.
    free = np.minimum(free, allowed[rows].sum(axis=0))
    cols = np.nonzero(free > 0)[0]
    if len(rows) and len(cols):
        slots = np.repeat(cols, free[cols])
        sub_allowed = allowed[np.ix_(rows, slots)]
        # Forbidden cells weigh 0 like "unmatched", allowed ones at least MATCH_BONUS: a forbidden
        # cell the solver picks is dropped afterwards without changing the optimum.
        weights = np.where(sub_allowed, score[np.ix_(rows, slots)] + MATCH_BONUS, 0.0)
        picked_rows, picked_slots = linear_sum_assignment(weights, maximize=True)
        keep = sub_allowed[picked_rows, picked_slots]
        mentor[rows[picked_rows[keep]]] = slots[picked_slots[keep]]
    return _result(score, mentor, forced)


def greedy_assignment(score, allowed, capacity, forced=(), order=None):
    """One-by-one picking as a curator does by hand: each mentee in turn (``order``, by default
    the list order) takes the best-scoring allowed mentor who still has a free place."""
    score = np.asarray(score, dtype=np.float64)
    allowed = np.asarray(allowed, dtype=bool)
    mentor, free = _check_forced(score, allowed, capacity, forced)
    for row in order if order is not None else range(score.shape[0]):
        if mentor[row] >= 0:
            continue
        candidates = allowed[row] & (free > 0)
        if candidates.any():
            col = int(np.argmax(np.where(candidates, score[row], -1.0)))
            mentor[row] = col
            free[col] -= 1
    return _result(score, mentor, forced)


def unmatched_reasons(allowed, capacity, assignment):
    """For each unmatched mentee: "no_eligible" when no mentor passes the hard filters (or none
    has a free place at all), "capacity" when the eligible mentors' places went to others."""
    allowed = np.asarray(allowed, dtype=bool)
    has_place = np.asarray(capacity) > 0
    reasons = {}
    for row in np.nonzero(assignment.mentor < 0)[0]:
        reasons[int(row)] = "capacity" if (allowed[row] & has_place).any() else "no_eligible"
    return reasons


def top_suggestions(score, allowed, capacity, assignment, row, limit=5):
    """The best ``limit`` mentors for mentee ``row`` among those with a free place, as
    (column, is_top). The top suggestion is the mentor the optimal assignment gives the mentee, so
    no mentor is the top suggestion of more mentees than they have free places (Together's rule);
    a mentee the assignment leaves out gets alternatives only."""
    candidates = np.nonzero(np.asarray(allowed[row], dtype=bool) & (np.asarray(capacity) > 0))[0]
    ranked = candidates[np.lexsort((candidates, -score[row, candidates]))]
    top = int(assignment.mentor[row])
    result = [(top, True)] if top >= 0 else []
    result += [(int(col), False) for col in ranked if col != top]
    return result[:limit]
