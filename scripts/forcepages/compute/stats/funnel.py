"""Funnel plot control limits around a benchmark (Spiegelhalter, Statistics in Medicine 2005).

Units follow the data contract: rates are per rate_base people, proportions are in percent.

- Rates: exact Poisson limits with interpolation (Spiegelhalter 2005, appendix). With the expected
  count E = benchmark * d / rate_base and p = alpha/2 or 1 - alpha/2, r is the p quantile of
  Poisson(E), a = (F(r) - p) / (F(r) - F(r - 1)), and the limit is (r - a) / d * rate_base.
  Interpolating makes the limits a smooth funnel instead of steps.
- Proportions: Wilson-type (score) limits p0 +/- z * sqrt(p0 * (1 - p0) / n), cut to 0 and 100%.
  A proportion lies outside them exactly when its own Wilson interval leaves out the benchmark,
  so the funnel agrees with the "higher" and "lower" comparisons.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from forcepages.compute.stats._arrays import ArrayLike, as_float, out
from forcepages.compute.stats.intervals import Z95, Z998, alpha_for

POSITIONS: tuple[str, ...] = ("within", "above", "below", "not-compared")


def _poisson_limit(expected: np.ndarray, p: float) -> np.ndarray:
    """Interpolated p quantile of Poisson(expected) (Spiegelhalter 2005)."""
    r = stats.poisson.ppf(p, expected)
    f_r = stats.poisson.cdf(r, expected)
    f_r1 = stats.poisson.cdf(r - 1, expected)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(f_r > f_r1, (f_r - p) / (f_r - f_r1), 0.0)
    return np.maximum(r - a, 0.0)


def funnel_limits(
    benchmark: float, denominators: ArrayLike, measure: str, rate_base: float | None = None, z: float = Z95
) -> tuple[Any, Any]:
    """Lower and upper funnel limits at each denominator (rates per rate_base; proportions in percent)."""
    d = as_float(denominators)
    ok = np.isfinite(d) & (d > 0) & np.isfinite(benchmark) & (benchmark >= 0)
    safe = np.where(ok, d, 1.0)
    alpha = alpha_for(z)
    if measure == "rate":
        if rate_base is None or rate_base <= 0:
            raise ValueError("a rate needs a positive rate_base")
        expected = benchmark * safe / rate_base
        lower = _poisson_limit(expected, alpha / 2.0) / safe * rate_base
        upper = _poisson_limit(expected, 1.0 - alpha / 2.0) / safe * rate_base
    elif measure == "proportion":
        p0 = benchmark / 100.0
        if not 0.0 <= p0 <= 1.0:
            raise ValueError("a proportion benchmark must be between 0 and 100")
        half = z * np.sqrt(p0 * (1.0 - p0) / safe)
        lower = np.clip(p0 - half, 0.0, 1.0) * 100.0
        upper = np.clip(p0 + half, 0.0, 1.0) * 100.0
    else:
        raise ValueError("funnel limits are only drawn for rate and proportion measures")
    return out(np.where(ok, lower, np.nan)), out(np.where(ok, upper, np.nan))


def funnel_positions(
    values: ArrayLike, denominators: ArrayLike, benchmark: float, measure: str, rate_base: float | None = None
) -> tuple[Any, Any]:
    """Vectorised positions ("within", "above", "below", "not-compared") vs the 95% limits, and beyond-99.8% flags."""
    v, d = np.broadcast_arrays(as_float(values), as_float(denominators))
    lo95, hi95 = (np.asarray(a) for a in funnel_limits(benchmark, d, measure, rate_base, Z95))
    lo998, hi998 = (np.asarray(a) for a in funnel_limits(benchmark, d, measure, rate_base, Z998))
    usable = np.isfinite(v) & np.isfinite(lo95) & np.isfinite(hi95)
    pos = np.full(v.shape, "within", dtype=object)
    with np.errstate(invalid="ignore"):
        pos[v > hi95] = "above"
        pos[v < lo95] = "below"
        beyond = usable & ((v > hi998) | (v < lo998))
    pos[~usable] = "not-compared"
    return out(pos), out(beyond)


def funnel_position(
    value: float, denominator: float, benchmark: float, measure: str, rate_base: float | None = None
) -> tuple[str, bool]:
    """Position of one value against the 95% funnel limits, and whether it is beyond the 99.8% limits."""
    pos, beyond = funnel_positions(value, denominator, benchmark, measure, rate_base)
    return str(pos), bool(beyond)
