"""Wilcoxon signed-rank test for paired samples, in pure Python (no SciPy).

Used for the before/after measurements of a programme (seed 000, monitoring stage 2): the same
participants answer the same items at the baseline and at the final measurement, samples are
small (a few dozen people at most) and the answers are ordinal scores, so a rank test is the
right choice rather than Student's paired t-test.

* Zero differences are dropped (Wilcoxon's original method, SciPy's ``zero_method="wilcox"``).
* Tied absolute differences get mid-ranks.
* For up to ``EXACT_MAX_N`` non-zero differences the p-value is exact: the null distribution of
  W+ is enumerated over all 2**n sign assignments of the observed (mid-)ranks by dynamic
  programming, which stays exact with ties (a permutation test on the ranks).
* Above that the normal approximation is used, with the tie correction of the variance and
  without a continuity correction (SciPy's defaults).
"""

import math
from collections import namedtuple

EXACT_MAX_N = 50
ZERO_TOLERANCE = 1e-9

WilcoxonResult = namedtuple(
    "WilcoxonResult",
    ["n", "w_plus", "w_minus", "statistic", "p_value", "method", "z"],
)


def _midranks(values):
    """Ranks (1-based) of ``values`` with ties replaced by the mean of their ranks."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and abs(values[order[j + 1]] - values[order[i]]) <= ZERO_TOLERANCE:
            j += 1
        rank = (i + j + 2) / 2.0
        for k in range(i, j + 1):
            ranks[order[k]] = rank
        i = j + 1
    return ranks


def _exact_p_value(ranks, w_plus, alternative):
    """Exact p-value of W+ = ``w_plus`` given the ``ranks`` (mid-ranks are multiples of 0.5)."""
    doubled = [round(2 * rank) for rank in ranks]
    total = sum(doubled)
    counts = [0] * (total + 1)
    counts[0] = 1
    reach = 0
    for rank in doubled:
        reach += rank
        for s in range(reach, rank - 1, -1):
            counts[s] += counts[s - rank]
    observed = round(2 * w_plus)
    all_cases = 2 ** len(ranks)
    below = sum(counts[: observed + 1])  # P(W+ <= observed) * 2**n
    above = sum(counts[observed:])  # P(W+ >= observed) * 2**n
    if alternative == "greater":
        return above / all_cases
    if alternative == "less":
        return below / all_cases
    return min(1.0, 2 * min(below, above) / all_cases)


def _normal_p_value(ranks, w_plus, alternative):
    n = len(ranks)
    mean = n * (n + 1) / 4.0
    ties = {}
    for rank in ranks:
        ties[rank] = ties.get(rank, 0) + 1
    variance = n * (n + 1) * (2 * n + 1) / 24.0 - sum(t**3 - t for t in ties.values()) / 48.0
    if variance <= 0:
        return 1.0, 0.0
    z = (w_plus - mean) / math.sqrt(variance)
    if alternative == "greater":
        return 0.5 * math.erfc(z / math.sqrt(2)), z
    if alternative == "less":
        return 0.5 * math.erfc(-z / math.sqrt(2)), z
    return min(1.0, math.erfc(abs(z) / math.sqrt(2))), z


def wilcoxon_signed_rank(before, after=None, alternative="two-sided", method="auto"):
    """Test whether the paired differences ``after - before`` are centred on zero.

    :param before: baseline values, or the differences themselves when ``after`` is None
    :param after: final values, paired with ``before`` by position
    :param alternative: ``"two-sided"``, ``"greater"`` (after > before) or ``"less"``
    :param method: ``"auto"`` (exact up to EXACT_MAX_N differences), ``"exact"`` or ``"approx"``
    :return: WilcoxonResult(n, w_plus, w_minus, statistic=min(W+, W-), p_value, method, z)
    """
    if alternative not in ("two-sided", "greater", "less"):
        raise ValueError(f"Unknown alternative {alternative!r}")
    if after is None:
        differences = [float(d) for d in before]
    else:
        if len(before) != len(after):
            raise ValueError("The two samples must have the same length (they are paired).")
        differences = [float(a) - float(b) for b, a in zip(before, after, strict=True)]
    differences = [d for d in differences if abs(d) > ZERO_TOLERANCE]
    n = len(differences)
    if not n:
        return WilcoxonResult(0, 0.0, 0.0, 0.0, 1.0, "none", None)
    ranks = _midranks([abs(d) for d in differences])
    w_plus = sum(rank for rank, d in zip(ranks, differences, strict=True) if d > 0)
    w_minus = sum(rank for rank, d in zip(ranks, differences, strict=True) if d < 0)
    use_exact = method == "exact" or (method == "auto" and n <= EXACT_MAX_N)
    if use_exact:
        p_value, z, used = _exact_p_value(ranks, w_plus, alternative), None, "exact"
    else:
        (p_value, z), used = _normal_p_value(ranks, w_plus, alternative), "approx"
    return WilcoxonResult(n, w_plus, w_minus, min(w_plus, w_minus), p_value, used, z)
