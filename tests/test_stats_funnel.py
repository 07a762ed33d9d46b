"""Funnel plot limits (Spiegelhalter 2005) and positions."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sst

from forcepages.compute.stats import Z95, Z998, compare, funnel_limits, funnel_position, interval_for
from forcepages.compute.stats.funnel import funnel_positions


def poisson_limit_by_hand(expected: float, p: float) -> float:
    """Spiegelhalter's interpolated Poisson quantile, written out."""
    r = 0
    while sst.poisson.cdf(r, expected) < p:
        r += 1
    f_r, f_r1 = sst.poisson.cdf(r, expected), sst.poisson.cdf(r - 1, expected)
    return r - (f_r - p) / (f_r - f_r1)


@pytest.mark.parametrize("d", [500, 5_000, 50_000, 500_000])
def test_rate_limits_match_hand_formula(d: int) -> None:
    bench, base = 40.0, 1000.0
    lo, hi = funnel_limits(bench, np.array([d]), "rate", base, Z95)
    e = bench * d / base
    half_alpha = sst.norm.sf(Z95)  # 0.025 to 7 decimal places
    assert lo[0] == pytest.approx(poisson_limit_by_hand(e, half_alpha) / d * base, rel=1e-9)
    assert hi[0] == pytest.approx(poisson_limit_by_hand(e, 1 - half_alpha) / d * base, rel=1e-9)


def test_rate_limits_close_to_normal_for_large_counts() -> None:
    bench, base, d = 40.0, 1000.0, 1_000_000
    lo, hi = funnel_limits(bench, d, "rate", base, Z998)
    e = bench * d / base
    assert lo == pytest.approx((e - Z998 * e**0.5) / d * base, rel=2e-3)
    assert hi == pytest.approx((e + Z998 * e**0.5) / d * base, rel=2e-3)


def test_proportion_limits_are_wilson_type() -> None:
    p0 = 0.2
    n = np.array([50.0, 500.0, 5000.0])
    lo, hi = funnel_limits(20.0, n, "proportion", z=Z95)
    half = Z95 * np.sqrt(p0 * (1 - p0) / n)
    assert lo == pytest.approx(np.clip(p0 - half, 0, 1) * 100)
    assert hi == pytest.approx((p0 + half) * 100)


def test_proportion_funnel_agrees_with_wilson_comparison() -> None:
    # outside the funnel exactly when the force's Wilson interval leaves out the benchmark
    rng = np.random.default_rng(3)
    n = rng.integers(20, 5000, 300).astype(float)
    x = rng.binomial(n.astype(int), 0.22).astype(float)
    bench = 20.0
    pos, _ = funnel_positions(x / n * 100, n, bench, "proportion")
    iv = interval_for("proportion", x, n)
    for i in range(n.size):
        cat = compare(x[i] / n[i] * 100, iv["lower_95"][i], iv["upper_95"][i], np.nan, np.nan, bench)
        assert {"similar": "within", "higher": "above", "lower": "below"}[cat] == pos[i]


def test_limits_narrow_with_size_and_nest() -> None:
    d = np.array([1_000, 10_000, 100_000, 1_000_000.0])
    lo95, hi95 = funnel_limits(30.0, d, "rate", 1000, Z95)
    lo998, hi998 = funnel_limits(30.0, d, "rate", 1000, Z998)
    assert np.all(np.diff(hi95 - lo95) < 0)
    assert np.all(lo998 <= lo95) and np.all(hi998 >= hi95)
    assert np.all(lo95 < 30.0) and np.all(hi95 > 30.0)


def test_positions() -> None:
    assert funnel_position(30.0, 100_000, 30.0, "rate", 1000) == ("within", False)
    # expected 3,000 events: 95% limits about 30 +/- 1.07, 99.8% about 30 +/- 1.69
    assert funnel_position(31.0, 100_000, 30.0, "rate", 1000) == ("within", False)
    assert funnel_position(31.5, 100_000, 30.0, "rate", 1000) == ("above", False)
    assert funnel_position(36.0, 100_000, 30.0, "rate", 1000) == ("above", True)
    assert funnel_position(20.0, 100_000, 30.0, "rate", 1000) == ("below", True)
    assert funnel_position(np.nan, 100_000, 30.0, "rate", 1000) == ("not-compared", False)
    assert funnel_position(25.0, 0, 20.0, "proportion") == ("not-compared", False)
    pos, beyond = funnel_positions(np.array([20.0, 26.0, 40.0]), np.array([400.0, 400.0, 400.0]), 20.0, "proportion")
    assert list(pos) == ["within", "above", "above"] and list(beyond) == [False, False, True]


def test_bad_measure() -> None:
    with pytest.raises(ValueError):
        funnel_limits(1.0, [10.0], "survey")
    with pytest.raises(ValueError):
        funnel_limits(1.0, [10.0], "rate")
