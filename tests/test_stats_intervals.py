"""Confidence intervals against hand formulas, scipy and statsmodels, plus property tests."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sst
from statsmodels.stats.proportion import proportion_confint

from forcepages.compute.stats import (LEVELS, Z95, Z998, byar_interval, count_interval, exact_poisson_interval, interval_for, proportion_interval_percent, rate_interval, wilson_interval)


def wilson_by_hand(x: float, n: float, z: float) -> tuple[float, float]:
    """Wilson limits written out from STATISTICS.md section 1."""
    root = z * math.sqrt(z**2 + 4 * x * (1 - x / n))
    return (2 * x + z**2 - root) / (2 * (n + z**2)), (2 * x + z**2 + root) / (2 * (n + z**2))


def byar_by_hand(x: float, z: float) -> tuple[float, float]:
    """Byar limits written out from STATISTICS.md section 1."""
    lower = x * (1 - 1 / (9 * x) - z / (3 * math.sqrt(x))) ** 3
    upper = (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * math.sqrt(x + 1))) ** 3
    return lower, upper


def test_levels() -> None:
    assert LEVELS == {"95": Z95, "998": Z998}
    assert Z95 == pytest.approx(sst.norm.ppf(0.975), abs=1e-6)
    assert Z998 == pytest.approx(sst.norm.ppf(0.999), abs=1e-6)


def test_wilson_known_value() -> None:
    lo, hi = wilson_interval(10, 100, Z95)
    assert lo == pytest.approx(0.05523, abs=1e-5)
    assert hi == pytest.approx(0.17437, abs=1e-5)


@pytest.mark.parametrize("x,n", [(0, 10), (1, 10), (10, 100), (50, 100), (99, 100), (100, 100), (3, 7), (1234, 56789)])
@pytest.mark.parametrize("z", [Z95, Z998])
def test_wilson_matches_hand_formula_and_statsmodels(x: int, n: int, z: float) -> None:
    lo, hi = wilson_interval(x, n, z)
    hl, hh = wilson_by_hand(x, n, z)
    assert (lo, hi) == pytest.approx((max(hl, 0), min(hh, 1)), abs=1e-12)
    alpha = 2 * sst.norm.sf(z)
    sl, sh = proportion_confint(x, n, alpha=alpha, method="wilson")
    assert (lo, hi) == pytest.approx((sl, sh), abs=1e-9)


def test_wilson_vectorised_and_zero_denominator() -> None:
    lo, hi = wilson_interval(np.array([10, 5, 0]), np.array([100, 0, 20]), Z95)
    assert lo[0] == pytest.approx(0.05523, abs=1e-5)
    assert np.isnan(lo[1]) and np.isnan(hi[1])
    assert lo[2] == 0.0 and hi[2] > 0


def test_proportion_percent() -> None:
    lo, hi = proportion_interval_percent(10, 100, Z95)
    assert lo == pytest.approx(5.523, abs=1e-3)
    assert hi == pytest.approx(17.437, abs=1e-3)


@pytest.mark.parametrize("x", [10, 11, 25, 100, 1000, 54321])
@pytest.mark.parametrize("z", [Z95, Z998])
def test_byar_matches_hand_formula(x: int, z: float) -> None:
    assert byar_interval(x, z) == pytest.approx(byar_by_hand(x, z), rel=1e-12)


@pytest.mark.parametrize("x", [0, 1, 2, 5, 9, 20, 100])
@pytest.mark.parametrize("z", [Z95, Z998])
def test_exact_poisson_against_scipy(x: int, z: float) -> None:
    alpha = 2 * sst.norm.sf(z)
    lo, hi = exact_poisson_interval(x, z)
    # by definition: P(X >= x | lower) = alpha/2 and P(X <= x | upper) = alpha/2
    if x == 0:
        assert lo == 0.0
    else:
        assert sst.poisson.sf(x - 1, lo) == pytest.approx(alpha / 2, rel=1e-6)
        assert lo == pytest.approx(sst.chi2.ppf(alpha / 2, 2 * x) / 2, rel=1e-12)
    assert sst.poisson.cdf(x, hi) == pytest.approx(alpha / 2, rel=1e-6)


def test_exact_poisson_known_values() -> None:
    # Garwood 95% limits for 0 and 1 events (standard tables): 0 to 3.689; 0.0253 to 5.572
    assert exact_poisson_interval(0, Z95) == pytest.approx((0.0, 3.6889), abs=1e-4)
    assert exact_poisson_interval(1, Z95) == pytest.approx((0.0253, 5.5716), abs=1e-4)


@pytest.mark.parametrize("x", [200, 500, 1000, 10000])
def test_byar_close_to_exact_for_large_counts(x: int) -> None:
    for z in (Z95, Z998):
        b = byar_interval(x, z)
        e = exact_poisson_interval(x, z)
        assert b == pytest.approx(e, rel=0.01)


def test_count_interval_switches_at_ten() -> None:
    x = np.array([0, 9, 10, 11])
    lo, hi = count_interval(x, Z95)
    el, eh = exact_poisson_interval(x, Z95)
    bl, bh = byar_interval(x, Z95)
    assert lo[:2] == pytest.approx(el[:2]) and hi[:2] == pytest.approx(eh[:2])
    assert lo[2:] == pytest.approx(bl[2:]) and hi[2:] == pytest.approx(bh[2:])
    assert lo[0] == 0.0


def test_rate_interval() -> None:
    lo, hi = rate_interval(50, 20000, 1000, Z95)
    bl, bh = byar_by_hand(50, Z95)
    assert (lo, hi) == pytest.approx((bl / 20000 * 1000, bh / 20000 * 1000))
    lo, hi = rate_interval(np.array([5, 5]), np.array([0, np.nan]), 1000, Z95)
    assert np.isnan(lo).all() and np.isnan(hi).all()


def test_interval_for_each_measure() -> None:
    num = np.array([5.0, 50.0, np.nan])
    den = np.array([1000.0, 1000.0, 1000.0])
    r = interval_for("rate", num, den, rate_base=1000)
    assert list(r["method"]) == ["exact-poisson", "byar", "no-interval"]
    assert r["lower_95"][1] == pytest.approx(byar_by_hand(50, Z95)[0])
    assert r["upper_998"][0] == pytest.approx(sst.chi2.ppf(1 - 0.001, 12) / 2, rel=1e-6)
    assert np.isnan(r["lower_95"][2])
    p = interval_for("proportion", np.array([10.0]), np.array([100.0]))
    assert p["lower_95"][0] == pytest.approx(5.523, abs=1e-3)
    assert p["method"][0] == "wilson"
    s = interval_for("survey", value=np.array([70.0, 71.0]), lower_95=np.array([65.0, np.nan]),
                     upper_95=np.array([75.0, np.nan]))
    assert list(s["lower_95"][:1]) == [65.0] and np.isnan(s["lower_998"]).all()
    assert list(s["method"]) == ["published-interval", "no-interval"]
    v = interval_for("value", value=np.array([1.0, 2.0]))
    assert np.isnan(v["lower_95"]).all() and list(v["method"]) == ["no-interval", "no-interval"]
    with pytest.raises(ValueError):
        interval_for("rate", num, den)
    with pytest.raises(ValueError):
        interval_for("mean", num, den)


def test_interval_for_scalar_returns_floats() -> None:
    r = interval_for("proportion", 10, 100)
    assert isinstance(r["lower_95"], float) and r["method"] == "wilson"


counts = st.integers(min_value=0, max_value=100_000)


@settings(max_examples=200, deadline=None)
@given(x=counts, extra=st.integers(min_value=0, max_value=100_000))
def test_property_wilson_contains_estimate_and_nests(x: int, extra: int) -> None:
    n = x + extra
    if n == 0:
        return
    l95, u95 = wilson_interval(x, n, Z95)
    l998, u998 = wilson_interval(x, n, Z998)
    p = x / n
    assert l95 <= p + 1e-12 and p <= u95 + 1e-12
    assert l998 <= l95 + 1e-12 and u95 <= u998 + 1e-12


@settings(max_examples=200, deadline=None)
@given(x=counts)
def test_property_count_contains_estimate_and_nests(x: int) -> None:
    l95, u95 = count_interval(x, Z95)
    l998, u998 = count_interval(x, Z998)
    assert l95 <= x <= u95
    assert l998 <= l95 + 1e-9 and u95 <= u998 + 1e-9
    assert l998 >= 0


@settings(max_examples=100, deadline=None)
@given(rate=st.floats(min_value=0.5, max_value=200), d=st.integers(min_value=1_000, max_value=200_000))
def test_property_intervals_narrow_as_denominator_grows(rate: float, d: int) -> None:
    # fixed rate per 1,000; the bigger denominator has proportionally more events
    def rel_width(den: int) -> float:
        x = round(rate * den / 1000)
        lo, hi = rate_interval(x, den, 1000, Z95)
        return (hi - lo) / max(x / den * 1000, 1e-9)

    small, big = rel_width(d), rel_width(d * 10)
    if round(rate * d / 1000) > 0:
        assert big < small
    p = min(rate / 1000 * 100, 0.9)
    x1, x2 = round(p * d), round(p * d * 10)
    if x1 > 0:
        w1 = np.subtract(*wilson_interval(x1, d, Z95)[::-1]) / (x1 / d)
        w2 = np.subtract(*wilson_interval(x2, d * 10, Z95)[::-1]) / (x2 / (d * 10))
        assert w2 < w1
