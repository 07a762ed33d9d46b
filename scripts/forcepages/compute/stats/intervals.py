"""Confidence intervals: Wilson for proportions, Byar or exact Poisson for counts and rates.

Every function is vectorised: pass numbers or numpy arrays (they broadcast). Impossible
inputs (negative counts, a denominator of 0 or less, nan) give nan limits, never an error.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

from forcepages.compute.stats._arrays import ArrayLike, FloatArray, as_float, out

Z95: float = 1.959964
"""Standard normal quantile for a two-sided 95% interval."""
Z998: float = 3.090232
"""Standard normal quantile for a two-sided 99.8% interval."""
LEVELS: dict[str, float] = {"95": Z95, "998": Z998}
"""Confidence levels used on the site, keyed by the suffix of the field names (lower_95, lower_998)."""
LEVEL_PERCENT: dict[str, str] = {"95": "95%", "998": "99.8%"}
"""The same levels written as percentages, for the methodology page."""

BYAR_MIN_COUNT: int = 10
"""Counts of this many events or more use Byar's method; fewer use the exact Poisson interval."""

Interval = tuple[Any, Any]


def alpha_for(z: float) -> float:
    """Two-sided significance level alpha for a normal quantile z (1.959964 gives 0.05)."""
    return float(2.0 * stats.norm.sf(z))


def wilson_interval(x: ArrayLike, n: ArrayLike, z: float = Z95) -> Interval:
    """Wilson score interval for x events out of n, as fractions 0 to 1 (n of 0 gives nan)."""
    xa, na = np.broadcast_arrays(as_float(x), as_float(n))
    bad = ~np.isfinite(xa) | ~np.isfinite(na) | (na <= 0) | (xa < 0) | (xa > na)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_term = np.where(bad, 0.0, xa * (1.0 - xa / np.where(na > 0, na, 1.0)))
        root = z * np.sqrt(z * z + 4.0 * np.maximum(p_term, 0.0))
        denom = 2.0 * (na + z * z)
        lower = (2.0 * xa + z * z - root) / denom
        upper = (2.0 * xa + z * z + root) / denom
    lower = np.where(bad, np.nan, np.clip(lower, 0.0, 1.0))
    upper = np.where(bad, np.nan, np.clip(upper, 0.0, 1.0))
    return out(lower), out(upper)


def byar_interval(x: ArrayLike, z: float = Z95) -> Interval:
    """Byar's approximation to the exact Poisson interval for an observed count x."""
    xa = as_float(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        lower = xa * (1.0 - 1.0 / (9.0 * xa) - z / (3.0 * np.sqrt(xa))) ** 3
        x1 = xa + 1.0
        upper = x1 * (1.0 - 1.0 / (9.0 * x1) + z / (3.0 * np.sqrt(x1))) ** 3
    bad = ~np.isfinite(xa) | (xa < 0)
    lower = np.where(bad, np.nan, np.where(xa == 0, 0.0, lower))
    upper = np.where(bad, np.nan, upper)
    return out(lower), out(upper)


def exact_poisson_interval(x: ArrayLike, z: float = Z95) -> Interval:
    """Exact (chi-square) Poisson interval for an observed count x; x of 0 gives a lower limit of 0."""
    xa = as_float(x)
    alpha = alpha_for(z)
    bad = ~np.isfinite(xa) | (xa < 0)
    safe = np.where(bad, 1.0, xa)
    with np.errstate(invalid="ignore", divide="ignore"):
        lower = np.where(safe > 0, stats.chi2.ppf(alpha / 2.0, 2.0 * np.maximum(safe, 1e-300)) / 2.0, 0.0)
        upper = stats.chi2.ppf(1.0 - alpha / 2.0, 2.0 * safe + 2.0) / 2.0
    lower = np.where(bad, np.nan, lower)
    upper = np.where(bad, np.nan, upper)
    return out(lower), out(upper)


def count_method(x: ArrayLike) -> Any:
    """Method id used for each count: "byar" for 10 or more events, "exact-poisson" below, "no-interval" if missing."""
    xa = as_float(x)
    ids = np.where(~np.isfinite(xa) | (xa < 0), "no-interval", np.where(xa >= BYAR_MIN_COUNT, "byar", "exact-poisson"))
    return out(ids.astype(object))


def count_interval(x: ArrayLike, z: float = Z95) -> Interval:
    """Interval for a count: Byar where x >= 10, exact Poisson where x < 10."""
    xa = as_float(x)
    bl, bu = byar_interval(xa, z)
    el, eu = exact_poisson_interval(xa, z)
    big = xa >= BYAR_MIN_COUNT
    return out(np.where(big, bl, el)), out(np.where(big, bu, eu))


def rate_interval(x: ArrayLike, d: ArrayLike, rate_base: float, z: float = Z95) -> Interval:
    """Interval for the crude rate x / d * rate_base (count interval divided by the denominator)."""
    xa, da = np.broadcast_arrays(as_float(x), as_float(d))
    lo, hi = count_interval(xa, z)
    ok = np.isfinite(da) & (da > 0)
    safe_d = np.where(ok, da, 1.0)
    return (
        out(np.where(ok, np.asarray(lo) / safe_d * rate_base, np.nan)),
        out(np.where(ok, np.asarray(hi) / safe_d * rate_base, np.nan)),
    )


def proportion_interval_percent(x: ArrayLike, n: ArrayLike, z: float = Z95) -> Interval:
    """Wilson score interval for x out of n, in percent (0 to 100)."""
    lo, hi = wilson_interval(x, n, z)
    return out(np.asarray(lo) * 100.0), out(np.asarray(hi) * 100.0)


def _nan_like(shape: tuple[int, ...]) -> FloatArray:
    """An array of nan with the given shape."""
    return np.full(shape, np.nan)


def interval_for(
    measure: str,
    numerator: ArrayLike = None,
    denominator: ArrayLike = None,
    value: ArrayLike = None,
    rate_base: float | None = None,
    lower_95: ArrayLike = None,
    upper_95: ArrayLike = None,
) -> dict[str, Any]:
    """95% and 99.8% limits and the method id for one measure type (vectorised over the arrays)."""
    arrays = np.broadcast_arrays(
        as_float(numerator), as_float(denominator), as_float(value), as_float(lower_95), as_float(upper_95)
    )
    num, den, _val, l95, u95 = arrays
    shape = num.shape
    if measure == "rate":
        if rate_base is None or not np.isfinite(rate_base) or rate_base <= 0:
            raise ValueError("a rate needs a positive rate_base")
        lo95, hi95 = rate_interval(num, den, rate_base, Z95)
        lo998, hi998 = rate_interval(num, den, rate_base, Z998)
        ok = np.isfinite(np.asarray(lo95))
        method = np.where(ok, np.asarray(count_method(num), dtype=object), "no-interval").astype(object)
    elif measure == "proportion":
        lo95, hi95 = proportion_interval_percent(num, den, Z95)
        lo998, hi998 = proportion_interval_percent(num, den, Z998)
        method = np.where(np.isfinite(np.asarray(lo95)), "wilson", "no-interval").astype(object)
    elif measure == "survey":
        ok = np.isfinite(l95) & np.isfinite(u95)
        lo95, hi95 = np.where(ok, l95, np.nan), np.where(ok, u95, np.nan)
        lo998, hi998 = _nan_like(shape), _nan_like(shape)
        method = np.where(ok, "published-interval", "no-interval").astype(object)
    elif measure == "value":
        lo95, hi95, lo998, hi998 = (_nan_like(shape) for _ in range(4))
        method = np.full(shape, "no-interval", dtype=object)
    else:
        raise ValueError(f"unknown measure {measure!r}: expected rate, proportion, survey or value")
    return {
        "lower_95": out(lo95),
        "upper_95": out(hi95),
        "lower_998": out(lo998),
        "upper_998": out(hi998),
        "method": out(method),
    }
