"""The judgement, decided once: is a force's latest figure clearly higher or lower than a benchmark, and may the site
call that better or worse? Pages, tables, charts and the API read what is decided here; none decides again.

A figure is judged only when all of these hold (otherwise ``status`` says why, in ``STATUS_REASONS``):
- it has chance variation (the catalogue's ``census`` is false);
- forces' figures compare (the catalogue's ``comparable`` is true);
- for a per-resident rate, the area is not flagged as having far more people by day than live there
  (``non_resident_population`` in reference/areas.csv);
- its period ended no more than ``freshness_years`` before the newest figure on the site.

How clear a difference is comes from ``stats.overdispersion`` for rates and proportions (Spiegelhalter 2005), from
double overlap of 95% intervals for survey estimates with a benchmark interval, and from single overlap otherwise.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from forcepages.compute import stats
from forcepages.indicator import Indicator
from forcepages.language import N_, _, ngettext
from forcepages.compute.stats import overdispersion as od

STATUS_REASONS = {
    "judged": None,
    "census": N_("This is a full count, not an estimate. So we do not test it for chance."),
    "not-comparable": None,  # the catalogue's comparability_note
    "non-resident": N_("Many more people work in or visit this area than live here. So we do not compare its rates per "
                       "person who lives here."),
    "older": None,  # a plural message: see reason()
    "no-figure": N_("There is no published figure to judge."),
}


def newest_end(values: pd.DataFrame, area_codes: set[str]) -> pd.Timestamp | None:
    """The latest period end of any figure for the site's areas: the site's "figures up to" date (from the data, never
    the clock, so builds stay reproducible)."""
    ends = values.loc[values["area_code"].isin(area_codes) & values["value"].notna(), "period_end"]
    return None if ends.empty else pd.Timestamp(ends.max())


def freshness_cutoff(newest: pd.Timestamp | None, years: int) -> pd.Timestamp | None:
    """Figures whose period ended before this date are too old to judge."""
    return None if newest is None else newest - pd.DateOffset(years=years)


def status_of(meta: Indicator, period_end: Any, flagged: bool, cutoff: pd.Timestamp | None) -> str:
    """Why a latest figure is judged or not: one of STATUS_REASONS' keys (no-figure is decided by the caller)."""
    if not meta.comparable:
        return "not-comparable"
    if meta.census or meta.measure == "value":
        return "census"
    if flagged and meta.measure == "rate":
        return "non-resident"
    if cutoff is not None and period_end is not None and pd.Timestamp(period_end) < cutoff:
        return "older"
    return "judged"


def reason(status: str, meta: Indicator, freshness_years: int) -> str | None:
    """The reason a figure is not judged, in the language being written (None when it is)."""
    if status == "not-comparable":
        return str(meta.comparability_note or _("Forces' figures do not compare."))
    if status == "older":
        return ngettext("This figure is more than %(years)s year older than the newest ones on this site. So we do not judge it.",
                        "This figure is more than %(years)s years older than the newest ones on this site. So we do not judge it.",
                        freshness_years) % {"years": freshness_years}
    text = STATUS_REASONS.get(status)
    return _(text) if text else None


def testable(meta: Indicator) -> bool:
    """True for measures with chance variation that the site tests (not censuses, amounts or values)."""
    return not meta.census and meta.measure in ("rate", "proportion", "survey")


def dispersion_by_period(forces: pd.DataFrame, national: pd.DataFrame, meta: Indicator, method: str,
                         excluded: set[str]) -> dict[str, od.Dispersion]:
    """phi and tau^2 for each period of a rate or proportion, from the forces' z-scores against England and Wales.

    Areas in ``excluded`` (flagged non-resident areas, for rates) take no part in the estimate."""
    if meta.measure not in ("rate", "proportion") or not testable(meta) or national.empty:
        return {}
    bench = national.set_index("period")["value"]
    rows = forces[~forces["area_code"].isin(excluded) & forces["value"].notna() & forces["denominator"].notna()]
    out = {}
    for period, group in rows.groupby("period", sort=True):
        b = bench.get(period, np.nan)
        if not np.isfinite(b) or b <= 0 or (meta.measure == "proportion" and b >= 100):
            continue
        se = od.null_se(meta.measure, float(b), group["denominator"].to_numpy(float), meta.rate_base)
        z = (group["value"].to_numpy(float) - b) / se
        out[period] = od.estimate(z, se, method)
    return out


def compare(meta: Indicator, value: np.ndarray, lower: np.ndarray, upper: np.ndarray, denominator: np.ndarray,
            bench: np.ndarray, bench_lower: np.ndarray, bench_upper: np.ndarray,
            dispersions: list[od.Dispersion]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Category (similar, higher, lower, not-compared), adjusted z-score (nan where none) and method for each area.

    "higher" and "lower" mean the difference is clear at the 95% level, allowing for overdispersion."""
    n = len(value)
    cats = np.full(n, "not-compared", dtype=object)
    zs = np.full(n, np.nan)
    methods = ["none"] * n
    if not testable(meta) or n == 0:
        return cats, zs, methods
    if meta.measure == "survey":
        cats[:] = stats.compare_many(value, lower, upper, np.nan, np.nan, bench, bench_lower, bench_upper)
        double = np.isfinite(bench_lower) & np.isfinite(bench_upper)
        methods = ["double-overlap" if d else "single-overlap" for d in double]
        return cats, zs, methods
    single = np.atleast_1d(stats.compare_many(value, lower, upper, np.nan, np.nan, bench))
    for i in range(n):
        disp = dispersions[i]
        if disp.applies and np.isfinite(bench[i]) and bench[i] > 0 and np.isfinite(denominator[i]) and np.isfinite(value[i]):
            se = od.null_se(meta.measure, float(bench[i]), np.array([denominator[i]]), meta.rate_base)
            z = float((value[i] - bench[i]) / od.spread(se, disp)[0])
            if np.isfinite(z):
                zs[i] = z
                cats[i] = "higher" if z > stats.Z95 else "lower" if z < -stats.Z95 else "similar"
                methods[i] = f"overdispersion-{disp.method}"
                continue
        cats[i] = single[i]
        methods[i] = "poisson" if meta.measure == "rate" else "wilson"
    return cats, zs, methods


def judgement(category: str, polarity: str, status: str) -> str | None:
    """better, worse, similar, higher, lower or not-compared for a judged figure; None for one not judged."""
    if status != "judged":
        return None
    return stats.judgement(category, polarity)


RISING = {"increasing": True, "unusual-rise": True, "decreasing": False, "unusual-fall": False}


def change_judgement(direction: str | None, polarity: str, status: str) -> str | None:
    """better, worse or neutral (no-judgement indicators) for a clear change over time (a trend's ``direction`` or an
    SPC outcome); None when the change is not clear or the figure is not judged."""
    if status != "judged" or direction not in RISING:
        return None
    said = stats.judgement("higher" if RISING[direction] else "lower", polarity)
    return said if said in ("better", "worse") else "neutral"


def trend_window(ends: np.ndarray, starts: np.ndarray, break_dates: list[np.datetime64], points: int) -> int:
    """How many of the latest points form one run of consecutive, comparable periods (at most ``points``).

    Consecutive: each step between period ends is at most 1.1 times the typical step plus 3 days (no missing period);
    comparable: no definition break falls after the first point's start and on or before the last point's start."""
    n = len(ends)
    if n == 0:
        return 0
    steps = np.diff(ends).astype("timedelta64[D]").astype(float)
    typical = float(np.median(steps)) if len(steps) else 0.0
    size = 1
    while size < min(points, n):
        k = n - size  # the point after the candidate one
        if steps[k - 1] > typical * 1.1 + 3:
            break
        if any(starts[k - 1] < b <= starts[k] for b in break_dates):
            break
        size += 1
    return size


def widened(value: np.ndarray, lower: np.ndarray, upper: np.ndarray, dispersions: list[od.Dispersion]) -> tuple[np.ndarray, np.ndarray]:
    """95% intervals widened by each period's overdispersion allowance (for the trend test)."""
    se = (upper - lower) / (2 * stats.Z95)
    wide = np.array([od.spread(np.array([s]), d)[0] for s, d in zip(se, dispersions)]) if len(se) else se
    return value - stats.Z95 * wide, value + stats.Z95 * wide
