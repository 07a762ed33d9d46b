"""Each area's series of one indicator: SPC limits and phases, the recent trend, the latest figure and its change."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from forcepages.compute import judge, stats
from forcepages.compute.stats import overdispersion
from forcepages.indicator import Indicator
from forcepages.compute.result_types import AreaResult, SeriesColumns, kept, series_columns

SHORT_PERIOD_DAYS = 100  # monthly or quarterly periods: SPC charts; longer periods: the trend test
ANNUAL_DAYS = (360, 370)


def _segments(ends: pd.Series, breaks: list[dict[str, Any]]) -> np.ndarray:
    """A new segment number after each series break."""
    seg = np.zeros(len(ends), dtype=int)
    for b in breaks:
        seg += (ends.to_numpy() >= np.datetime64(b["date"])).astype(int)
    return seg


def _area_series(arrays: dict[str, np.ndarray], start: int, stop: int) -> np.ndarray:
    """Positions (in the sorted table) of one area's non-overlapping series, in time order.

    Rows with a value or a GSS symbol are kept, so a suppressed period shows as [c] rather than vanishing.
    """
    usable = start + np.flatnonzero(arrays["shown"][start:stop])
    if not len(usable):
        return usable
    return usable[stats.non_overlapping(arrays["period_start"][usable], arrays["period_end"][usable])]


def _previous_position(arrays: dict[str, np.ndarray], start: int, stop: int) -> int | None:
    """Position of the last row covering the same period a year before the area's latest row (within 3 days), if any."""
    ps, pe = arrays["period_start"][start:stop], arrays["period_end"][start:stop]
    last_start, last_end = ps[-1], pe[-1]
    target_end = np.datetime64((pd.Timestamp(last_end) - pd.DateOffset(years=1)).date(), "D")
    slack = np.timedelta64(3, "D")
    hit = (np.abs(pe - target_end) <= slack) & (np.abs((pe - ps) - (last_end - last_start)) <= slack)
    found = np.flatnonzero(hit)
    return start + int(found[-1]) if len(found) else None


def _change(prev: dict[str, Any] | None, latest: dict[str, Any], spc_latest: str | None) -> dict[str, Any] | None:
    """Change from the same period a year earlier (``prev``: that period's row, if there is one)."""
    if prev is None or pd.isna(prev["value"]) or pd.isna(latest["value"]):
        return None
    result = stats.year_on_year(prev["value"], latest["value"], prev["lower_95"], prev["upper_95"],
                                latest["lower_95"], latest["upper_95"], spc_signal=spc_latest)
    if np.isnan([prev["lower_95"], latest["lower_95"]]).any() and spc_latest not in ("unusual-rise", "unusual-fall"):
        result["category"] = "not-tested"
    counts = (prev["numerator"], latest["numerator"])
    result["percent"], result["reason_no_percent"] = None, None
    if all(pd.notna(c) for c in counts):
        result["count_change"] = float(counts[1] - counts[0])
        if min(counts) < stats.SMALL_NUMBER:
            result["reason_no_percent"] = "small-numbers"
        elif prev["value"]:
            result["percent"] = (latest["value"] - prev["value"]) / prev["value"] * 100.0
    elif prev["value"]:
        result["percent"] = (latest["value"] - prev["value"]) / prev["value"] * 100.0
    result["previous"] = kept(prev)
    return result


SPC_COLUMNS = ("centre", "lower_limit", "upper_limit", "lower_inner", "upper_inner")


def phases(ends: np.ndarray, starts: np.ndarray, seg_breaks: np.ndarray, breaks: list[dict[str, Any]]) -> tuple[np.ndarray, list[dict[str, Any]]]:
    """SPC phase numbers (1, 2, ...) for one area's series, and why each phase began.

    A phase starts again at each series break (definition or phase, from the catalogue) and after a gap: a step
    between period ends more than 1.5 times the typical step (months missing from a monthly series)."""
    steps = np.diff(ends).astype("timedelta64[D]").astype(float)
    typical = float(np.median(steps)) if len(steps) else 0.0
    gap = np.r_[False, steps > 1.5 * typical] if len(steps) else np.zeros(len(ends), dtype=bool)
    moved = np.r_[False, np.diff(seg_breaks) != 0] if len(ends) else gap
    begins = gap | moved
    phase = np.cumsum(begins) + 1
    info = [{"number": 1, "from": pd.Timestamp(ends[0]) if len(ends) else None, "why": "the first figure"}]
    for i in np.flatnonzero(begins):
        why = [b["description"] for b in breaks if starts[i - 1] < np.datetime64(b["date"], "D") <= starts[i]]
        if gap[i]:
            why.insert(0, f"gap:{pd.Timestamp(ends[i - 1]):%Y-%m-%d}/{pd.Timestamp(ends[i]):%Y-%m-%d}")
        info.append({"number": int(phase[i]), "from": pd.Timestamp(ends[i]), "why": why})
    return phase.astype(float), info


def area_results(scoped: pd.DataFrame, meta: Indicator, breaks: list[dict[str, Any]], spc: bool, annual: bool,
                  settings: stats.SPCSettings, dispersion: dict[str, overdispersion.Dispersion]
                  ) -> tuple[dict[str, AreaResult], list[tuple[str, dict[str, Any]]]]:
    """Series, SPC, trend and year-on-year change for every area: numpy over one sorted table, no pandas per area."""
    table = scoped.sort_values(["area_code", "period_end", "period_start"], kind="stable")
    if table.empty:
        return {}, []
    arrays = {"value": table["value"].to_numpy(float), "lower_95": table["lower_95"].to_numpy(float),
              "upper_95": table["upper_95"].to_numpy(float),
              "period_start": table["period_start"].to_numpy("datetime64[D]"), "period_end": table["period_end"].to_numpy("datetime64[D]")}
    arrays["shown"] = ~np.isnan(arrays["value"]) | (table["value_symbol"].fillna("").astype(str).to_numpy() != "")
    period_keys = table["period"].to_numpy(object)
    definition_breaks = [np.datetime64(b["date"], "D") for b in breaks if b.get("kind") != "phase"]
    codes = table["area_code"].to_numpy(object)
    edges = np.flatnonzero(codes[1:] != codes[:-1]) + 1
    bounds = list(zip(np.r_[0, edges].tolist(), np.r_[edges, len(codes)].tolist()))
    seg_all = _segments(table["period_start"], breaks) if spc else None
    picks, spc_parts, outcomes, previous = [], {n: [] for n in SPC_COLUMNS + ("signal", "direction", "phase")}, [], []
    phase_info = []
    for start, stop in bounds:
        sel = _area_series(arrays, start, stop)
        picks.append(sel)
        outcome = None
        if spc and len(sel):
            phase, info = phases(arrays["period_end"][sel], arrays["period_start"][sel], seg_all[sel], breaks)
            phase_info.append(info)
            spc_parts["phase"].append(phase)
            result = stats.xmr(arrays["value"][sel], phase.astype(int), settings)
            for name in SPC_COLUMNS:
                spc_parts[name].append(np.asarray(getattr(result, name), dtype=float))
            spc_parts["signal"] += list(result.signal)
            spc_parts["direction"] += list(result.direction)
            outcome = result.latest
        else:
            phase_info.append([])
        outcomes.append(outcome)
        previous.append(_previous_position(arrays, start, stop))
    chosen = np.concatenate(picks) if picks else np.array([], dtype=np.intp)
    series_all = table.iloc[chosen].copy()
    if spc and len(chosen):
        extra = {n: np.concatenate(spc_parts[n]) for n in SPC_COLUMNS + ("phase",)}
        extra.update(signal=pd.Series(spc_parts["signal"], index=series_all.index, dtype=object),
                     direction=pd.Series(spc_parts["direction"], index=series_all.index, dtype=object))
        series_all = series_all.assign(**extra)
    wanted = [stop - 1 for _, stop in bounds] + [p for p in previous if p is not None]
    records = dict(zip(wanted, table.iloc[wanted].to_dict("records")))
    areas: dict[str, AreaResult] = {}
    latest_rows = []
    offset = 0
    columns = series_columns(series_all)
    for (start, stop), sel, outcome, prev, info in zip(bounds, picks, outcomes, previous, phase_info):
        code = codes[start]
        result = AreaResult(code)
        result.series = SeriesColumns(columns, offset, offset + len(sel))
        offset += len(sel)
        result.spc_latest = outcome if spc else None
        result.phases = info
        if annual and len(sel) and judge.testable(meta):
            result.trend = _trend(arrays, sel, period_keys, definition_breaks, dispersion)
        latest = records[stop - 1]
        result.latest = kept(latest)
        result.change = _change(records[prev] if prev is not None else None, latest, result.spc_latest)
        latest_rows.append((code, latest))
        areas[code] = result
    return areas, latest_rows


TREND_POINTS = 5


def _trend(arrays: dict[str, np.ndarray], sel: np.ndarray, period_keys: np.ndarray, definition_breaks: list,
           dispersion: dict[str, overdispersion.Dispersion]) -> dict[str, Any]:
    """The recent trend over the latest run of 5 consecutive, comparable periods (none across a gap or a definition
    break), each period's interval widened by its overdispersion allowance; with the run's first and last period."""
    ends, starts = arrays["period_end"][sel], arrays["period_start"][sel]
    size = judge.trend_window(ends, starts, definition_breaks, TREND_POINTS)
    tail = sel[len(sel) - size:]
    out = {"direction": "cannot-be-calculated", "points": int(size),
           "first_period_end": pd.Timestamp(arrays["period_end"][tail[0]]) if size else None,
           "last_period_end": pd.Timestamp(arrays["period_end"][tail[-1]]) if size else None}
    if size < TREND_POINTS:
        return out
    allowance = [dispersion.get(k, overdispersion.NO_DISPERSION) for k in period_keys[tail]]
    lower, upper = judge.widened(arrays["value"][tail], arrays["lower_95"][tail], arrays["upper_95"][tail], allowance)
    out["direction"] = stats.recent_trend(arrays["value"][tail], lower, upper)
    return out


def frequency(rows: pd.DataFrame) -> tuple[bool, bool]:
    """(monthly or quarterly, yearly): from the typical gap between successive period ends.

    Snapshots taken each 31 March are yearly even though each period is one day long.
    """
    ends = pd.Series(sorted(rows["period_end"].dropna().unique()))
    if len(ends) < 2:
        return False, False
    gap = float(ends.diff().dt.days.median())
    length = float((rows["period_end"] - rows["period_start"]).dt.days.median())
    yearly = ANNUAL_DAYS[0] <= length <= ANNUAL_DAYS[1] or (length <= SHORT_PERIOD_DAYS and 350 <= gap <= 380)
    return gap <= SHORT_PERIOD_DAYS and length <= SHORT_PERIOD_DAYS, yearly
