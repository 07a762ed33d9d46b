"""Recent trend for annual series: the Fingertips weighted-regression trend marker.

Method: take the latest 5 points. Each has SE = (upper_95 - lower_95) / 3.92 and weight
w = 1 / SE^2. The slope b of the weighted least-squares line through (t, value), t = 0..4, and
its standard error treat the variances as known (no rescaling by the residual variance):
s = sqrt(1 / sum(w * (t - t_w)^2)), t_w the weighted mean of t. This is statsmodels WLS with
cov_type="fixed scale". The trend is significant when chi^2 = (b / s)^2 > 9.5495 (p = 0.002 on
1 degree of freedom) and the slope keeps its sign when each of the 5 points is left out in turn.
"""

from __future__ import annotations

import numpy as np

from forcepages.compute.stats._arrays import ArrayLike, FloatArray, as_float

TREND_POINTS: int = 5
"""Number of latest points used."""
TREND_CHI2: float = 9.5495
"""Critical value of chi-square on 1 degree of freedom for p = 0.002."""
SE_DIVISOR: float = 3.92
"""Width of a 95% interval in standard errors (2 x 1.96)."""

OUTCOMES: tuple[str, ...] = ("increasing", "decreasing", "no-significant-change", "cannot-be-calculated")


def wls_slope(t: FloatArray, y: FloatArray, w: FloatArray) -> tuple[float, float]:
    """Weighted least-squares slope and its known-variance standard error sqrt(1 / sum w (t - t_w)^2)."""
    tw = np.sum(w * t) / np.sum(w)
    yw = np.sum(w * y) / np.sum(w)
    sxx = float(np.sum(w * (t - tw) ** 2))
    if sxx <= 0:
        return float("nan"), float("nan")
    b = float(np.sum(w * (t - tw) * (y - yw)) / sxx)
    return b, float(np.sqrt(1.0 / sxx))


def trend_statistics(values: ArrayLike, lower_95: ArrayLike, upper_95: ArrayLike) -> dict[str, float]:
    """Slope, its standard error and chi-square for the latest 5 points (nan if not possible)."""
    y, lo, hi = (np.atleast_1d(as_float(a))[-TREND_POINTS:] for a in (values, lower_95, upper_95))
    nan = {"slope": float("nan"), "se": float("nan"), "chi2": float("nan")}
    if y.size < TREND_POINTS or not (np.isfinite(y).all() and np.isfinite(lo).all() and np.isfinite(hi).all()):
        return nan
    se = (hi - lo) / SE_DIVISOR
    if (se <= 0).any():
        return nan
    w = 1.0 / se**2
    t = np.arange(TREND_POINTS, dtype=float)
    b, s = wls_slope(t, y, w)
    return {"slope": b, "se": s, "chi2": (b / s) ** 2 if s > 0 else float("nan")}


def recent_trend(values: ArrayLike, lower_95: ArrayLike, upper_95: ArrayLike) -> str:
    """Fingertips recent trend of the latest 5 points: increasing, decreasing, no-significant-change or cannot-be-calculated."""
    y, lo, hi = (np.atleast_1d(as_float(a)) for a in (values, lower_95, upper_95))
    if not (y.size == lo.size == hi.size):
        raise ValueError("values, lower_95 and upper_95 must have the same length")
    st = trend_statistics(y, lo, hi)
    if not np.isfinite(st["slope"]) or not np.isfinite(st["chi2"]):
        return "cannot-be-calculated"
    b = st["slope"]
    if b == 0 or st["chi2"] <= TREND_CHI2:
        return "no-significant-change"
    y, lo, hi = y[-TREND_POINTS:], lo[-TREND_POINTS:], hi[-TREND_POINTS:]
    w = 1.0 / ((hi - lo) / SE_DIVISOR) ** 2
    t = np.arange(TREND_POINTS, dtype=float)
    for k in range(TREND_POINTS):
        keep = np.arange(TREND_POINTS) != k
        bk, _ = wls_slope(t[keep], y[keep], w[keep])
        if not np.isfinite(bk) or np.sign(bk) != np.sign(b):
            return "no-significant-change"
    return "increasing" if b > 0 else "decreasing"
