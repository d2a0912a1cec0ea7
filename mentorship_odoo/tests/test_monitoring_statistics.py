import itertools

from odoo.tests import BaseCase

from ..tools.wilcoxon import wilcoxon_signed_rank

# SciPy's documentation example (Fisher's paired differences), scipy.stats.wilcoxon:
# wilcoxon(d) -> statistic 24.0, pvalue 0.041259765625 (exact);
# wilcoxon(d, alternative="greater") -> pvalue 0.0206298828125;
# wilcoxon(d, method="approx") -> pvalue 0.04088813291185591.
FISHER = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]
# R's documentation example (Hollander & Wolfe, depression scale), wilcox.test(x, y, paired = TRUE,
# alternative = "greater") -> V = 40, p-value = 0.01953.
HW_X = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
HW_Y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]


def brute_force_p(differences):
    """Two-sided p-value by enumerating every sign assignment (independent of the DP)."""
    nonzero = [d for d in differences if d]
    values = sorted(abs(d) for d in nonzero)
    ranks = {
        value: (values.index(value) + 1 + len(values) - values[::-1].index(value)) / 2 for value in values
    }
    observed = sum(ranks[abs(d)] for d in nonzero if d > 0)
    total = sum(ranks[abs(d)] for d in nonzero)
    mean = total / 2
    extreme = sum(
        1
        for signs in itertools.product((0, 1), repeat=len(nonzero))
        if abs(sum(ranks[abs(d)] for d, sign in zip(nonzero, signs, strict=True) if sign) - mean)
        >= abs(observed - mean) - 1e-9
    )
    return extreme / 2 ** len(nonzero)


class TestWilcoxon(BaseCase):
    def test_scipy_reference_values(self):
        result = wilcoxon_signed_rank(FISHER)
        self.assertEqual((result.n, result.statistic, result.w_plus), (15, 24.0, 96.0))
        self.assertEqual(result.method, "exact")
        self.assertAlmostEqual(result.p_value, 0.041259765625, places=12)
        self.assertAlmostEqual(
            wilcoxon_signed_rank(FISHER, alternative="greater").p_value, 0.0206298828125, places=12
        )
        approx = wilcoxon_signed_rank(FISHER, method="approx")
        self.assertAlmostEqual(approx.p_value, 0.04088813291185591, places=12)
        self.assertAlmostEqual(approx.z, 2.0446626, places=6)

    def test_r_reference_values(self):
        result = wilcoxon_signed_rank(HW_Y, HW_X, alternative="greater")
        self.assertEqual(result.w_plus, 40)
        self.assertAlmostEqual(result.p_value, 0.01953125, places=10)
        self.assertAlmostEqual(wilcoxon_signed_rank(HW_Y, HW_X).p_value, 0.0390625, places=10)

    def test_ties_and_zeros_against_brute_force(self):
        before = [3, 4, 5, 4, 6, 2, 5, 3, 4]
        after = [6, 5, 7, 4, 8, 5, 6, 6, 3]
        result = wilcoxon_signed_rank(before, after)
        self.assertEqual(result.n, 8)  # the zero change is dropped
        self.assertEqual((result.w_plus, result.w_minus), (34.0, 2.0))
        self.assertAlmostEqual(result.p_value, 8 / 256, places=12)
        self.assertAlmostEqual(
            result.p_value, brute_force_p([a - b for b, a in zip(before, after, strict=True)])
        )
        for differences in ([1, 2, 2, -3, 4, 4, 4, -5], [0.5, -0.5, 1.5, 2, 2, 2, -1], [1, 1, 1, 1, 1, -1]):
            self.assertAlmostEqual(
                wilcoxon_signed_rank(differences).p_value, brute_force_p(differences), places=12
            )

    def test_small_and_degenerate_samples(self):
        # Five improvements out of five: the smallest two-sided p-value with n = 5 is 2/32.
        self.assertAlmostEqual(wilcoxon_signed_rank([1, 2, 3, 4, 5]).p_value, 0.0625)
        six = wilcoxon_signed_rank([1, 2, 3, 4, 5, 6])
        self.assertAlmostEqual(six.p_value, 0.03125)
        self.assertEqual(wilcoxon_signed_rank([0, 0, 0]).p_value, 1.0)
        self.assertEqual(wilcoxon_signed_rank([]).n, 0)
        with self.assertRaises(ValueError):
            wilcoxon_signed_rank([1, 2], [1])

    def test_large_samples_use_the_normal_approximation(self):
        differences = [(-1) ** (i % 3 == 0) * (i % 7 + 1) for i in range(60)]
        result = wilcoxon_signed_rank(differences)
        self.assertEqual(result.method, "approx")
        exact = wilcoxon_signed_rank(differences, method="exact")
        self.assertAlmostEqual(result.p_value, exact.p_value, delta=0.01)
