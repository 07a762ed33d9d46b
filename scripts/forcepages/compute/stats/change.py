"""Year-on-year change between two periods of a count."""

from __future__ import annotations

from typing import Any

import numpy as np

from forcepages.compute.stats.intervals import Z95, count_interval

SMALL_NUMBER: int = 10
"""Percentages are not given when either count is below this number of events."""

RISE_SIGNALS: frozenset[str] = frozenset({"unusual-rise", "up"})
FALL_SIGNALS: frozenset[str] = frozenset({"unusual-fall", "down"})

REASONS: dict[str, str] = {
    "small-numbers": "fewer than 10 events in one of the two periods",
    "no-previous-events": "no events in the earlier period",
    "missing": "a count is missing",
}
"""Reason ids for a missing percentage (the words for the public are written elsewhere)."""


def _f(x: Any) -> float:
    """A plain float (None becomes nan)."""
    return float("nan") if x is None else float(x)


def year_on_year(
    x_previous: float,
    x_latest: float,
    lower_prev: float | None = None,
    upper_prev: float | None = None,
    lower_latest: float | None = None,
    upper_latest: float | None = None,
    spc_signal: str | None = None,
) -> dict[str, Any]:
    """Change, percentage change and category (rise, fall, broadly-unchanged) between two counts.

    The intervals are those of the two rates (or counts); if none are given, the 95% count
    intervals are used. It is a rise or fall only when the intervals do not overlap, or when
    spc_signal ("unusual-rise"/"unusual-fall", or "up"/"down") points the same way as the change.
    """
    prev, last = _f(x_previous), _f(x_latest)
    if not (np.isfinite(prev) and np.isfinite(last)):
        return {"change": None, "percent": None, "category": "not-compared", "reason_no_percent": "missing"}
    bounds = [_f(v) for v in (lower_prev, upper_prev, lower_latest, upper_latest)]
    if all(np.isnan(b) for b in bounds):
        lp, up = count_interval(prev, Z95)
        ll, ul = count_interval(last, Z95)
        bounds = [float(lp), float(up), float(ll), float(ul)]
    lp, up, ll, ul = bounds
    change = last - prev
    percent: float | None = None
    reason: str | None = None
    if prev < SMALL_NUMBER or last < SMALL_NUMBER:
        reason = "no-previous-events" if prev == 0 else "small-numbers"
    else:
        percent = change / prev * 100.0
    category = "broadly-unchanged"
    if all(np.isfinite(b) for b in bounds):
        if ll > up:
            category = "rise"
        elif ul < lp:
            category = "fall"
    if category == "broadly-unchanged" and spc_signal is not None:
        if spc_signal in RISE_SIGNALS and change > 0:
            category = "rise"
        elif spc_signal in FALL_SIGNALS and change < 0:
            category = "fall"
    return {"change": change, "percent": percent, "category": category, "reason_no_percent": reason}
