"""Fingertips recent trend: weighted regression slope, chi-square and the leave-one-out check."""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from forcepages.compute.stats import recent_trend, trend_statistics


def by_hand(y: list[float], lo: list[float], hi: list[float]) -> tuple[float, float]:
    """Slope and known-variance standard error, written out from the normal equations."""
    w = [1 / ((h - l) / 3.92) ** 2 for l, h in zip(lo, hi)]
    t = [0, 1, 2, 3, 4]
    sw = sum(w)
    tbar = sum(wi * ti for wi, ti in zip(w, t)) / sw
    ybar = sum(wi * yi for wi, yi in zip(w, y)) / sw
    sxx = sum(wi * (ti - tbar) ** 2 for wi, ti in zip(w, t))
    sxy = sum(wi * (ti - tbar) * (yi - ybar) for wi, ti, yi in zip(w, t, y))
    return sxy / sxx, (1 / sxx) ** 0.5


Y = [10.0, 10.8, 11.5, 12.7, 13.1]
LO = [9.5, 10.2, 11.0, 12.0, 12.6]
HI = [10.6, 11.3, 12.1, 13.3, 13.7]


def test_statistics_match_hand_formula_and_statsmodels() -> None:
    st = trend_statistics(Y, LO, HI)
    b, s = by_hand(Y, LO, HI)
    assert st["slope"] == pytest.approx(b) and st["se"] == pytest.approx(s)
    assert st["chi2"] == pytest.approx((b / s) ** 2)
    w = 1 / ((np.array(HI) - np.array(LO)) / 3.92) ** 2
    fit = sm.WLS(np.array(Y), sm.add_constant(np.arange(5.0)), weights=w).fit(cov_type="fixed scale")
    assert st["slope"] == pytest.approx(fit.params[1]) and st["se"] == pytest.approx(fit.bse[1])


def test_rising_with_tight_intervals_is_increasing() -> None:
    assert recent_trend(Y, LO, HI) == "increasing"
    assert trend_statistics(Y, LO, HI)["chi2"] > 9.5495


def test_falling_is_decreasing() -> None:
    y = [-v for v in Y]
    assert recent_trend(y, [-h for h in HI], [-l for l in LO]) == "decreasing"


def test_noisy_is_no_significant_change() -> None:
    y = [10.0, 12.0, 9.5, 11.0, 11.5]
    lo = [v - 4 for v in y]
    hi = [v + 4 for v in y]
    assert trend_statistics(y, lo, hi)["chi2"] < 9.5495
    assert recent_trend(y, lo, hi) == "no-significant-change"


def test_leave_one_out_sign_flip() -> None:
    y = [1.0, 0.9, 0.8, 0.7, 10.0]  # the rise is all in the last point
    lo = [v - 0.05 for v in y]
    hi = [v + 0.05 for v in y]
    st = trend_statistics(y, lo, hi)
    assert st["slope"] > 0 and st["chi2"] > 9.5495
    b4, _ = by_hand(y[:4] + [0.0], lo[:4] + [0.0], hi[:4] + [1e6])  # last point given ~no weight
    assert b4 < 0
    assert recent_trend(y, lo, hi) == "no-significant-change"


def test_cannot_be_calculated() -> None:
    assert recent_trend(Y[:4], LO[:4], HI[:4]) == "cannot-be-calculated"
    assert recent_trend(Y, LO[:4] + [np.nan], HI) == "cannot-be-calculated"
    assert recent_trend(Y, LO, HI[:4] + [None]) == "cannot-be-calculated"  # type: ignore[list-item]
    assert recent_trend([], [], []) == "cannot-be-calculated"
    assert recent_trend(Y, LO, LO) == "cannot-be-calculated"  # zero-width intervals


def test_uses_only_latest_five_points() -> None:
    y = [50.0, 2.0, 80.0] + Y
    lo = [40.0, 1.0, 70.0] + LO
    hi = [60.0, 3.0, 90.0] + HI
    assert recent_trend(y, lo, hi) == "increasing"
    assert trend_statistics(y, lo, hi) == trend_statistics(Y, LO, HI)


def test_length_mismatch() -> None:
    with pytest.raises(ValueError):
        recent_trend(Y, LO[:3], HI)
