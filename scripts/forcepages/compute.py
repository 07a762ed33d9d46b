"""Statistics per indicator, area and period: the compute stage of the pipeline.

Everything numeric the site states is worked out here, with the methods in ``stats``;
pages only choose words for these results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd
from scipy import sparse

from . import judge, parallel, stats
from .config import Settings
from .stats import overdispersion
from .load import Data
from .paths import ENGLAND_AND_WALES

SHORT_PERIOD_DAYS = 100  # monthly or quarterly periods: SPC charts; longer periods: the trend test
ANNUAL_DAYS = (360, 370)


# The series columns pages, charts and the API read; the rest of each row stays in IndicatorResult.table.
SERIES_FIELDS = ("period_start", "period_end", "period", "value", "lower_95", "upper_95", "value_symbol", "status",
                 "centre", "lower_limit", "upper_limit", "lower_inner", "upper_inner", "signal", "direction", "phase")


class SeriesColumns:
    """One area's rows of an indicator's series: each column a slice of one array shared by every area.

    Thousands of areas each with its own small DataFrame made pandas overhead most of the time spent writing pages;
    these slices cost nothing to make or read. Dates are pandas Timestamps, text is Python objects.
    """

    def __init__(self, columns: dict[str, np.ndarray], start: int, stop: int):
        self.columns, self.start, self.stop = columns, start, stop

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name][self.start:self.stop]

    def __contains__(self, name: object) -> bool:
        return name in self.columns

    def __len__(self) -> int:
        return self.stop - self.start

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (for people and tests, not for loops over thousands of areas)."""
        return pd.DataFrame({name: self[name] for name in self.columns})


def _columns(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The series columns as arrays (numbers as floats, dates as Timestamps, the rest as Python objects)."""
    out = {}
    for name in SERIES_FIELDS:
        if name not in frame.columns:
            continue
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):  # Timestamps, one object per distinct date (few periods)
            distinct, where = np.unique(column.to_numpy(), return_inverse=True)
            stamps = np.empty(len(distinct), dtype=object)
            stamps[:] = pd.DatetimeIndex(distinct).tolist()
            out[name] = stamps[where.reshape(-1)]
        elif pd.api.types.is_float_dtype(column):
            out[name] = column.to_numpy(dtype=float)
        else:  # text: one object per distinct value (a few labels repeated on every row), as for the dates
            codes, distinct = pd.factorize(column, use_na_sentinel=True)
            labels = np.empty(len(distinct) + 1, dtype=object)
            labels[:-1] = list(distinct)
            missing = column.isna()
            labels[-1] = column[missing].iloc[0] if missing.any() else None  # what tolist() gives for a missing value
            out[name] = labels[codes]  # code -1 (missing) picks the last label
    return out


# The fields of an area's latest (and year-earlier) row that pages, wording and the API read: kept for thousands of
# areas, whole rows (notes, file names, every symbol) were most of the memory the results took.
LATEST_FIELDS = ("period_start", "period_end", "period", "numerator", "denominator", "value", "value_symbol",
                 "lower_95", "upper_95", "status", "suppressed", "note")


def _kept(row: dict[str, Any]) -> dict[str, Any]:
    return {name: row[name] for name in LATEST_FIELDS if name in row}


@dataclass
class AreaResult:
    """What the statistics say about one indicator in one area."""

    area_code: str
    latest: dict[str, Any] | None = None
    vs_national: dict[str, Any] = field(default_factory=dict)  # category, judgement (None if not judged), benchmark, z
    vs_similar: dict[str, Any] = field(default_factory=dict)
    status: str = "no-figure"  # judge.STATUS_REASONS: judged, census, not-comparable, non-resident, older, no-figure
    reason: str | None = None  # why the latest figure is not judged, in plain words
    series: SeriesColumns | None = None  # non-overlapping periods, with SPC columns where they apply
    spc_latest: str | None = None
    phases: list[dict[str, Any]] = field(default_factory=list)  # SPC phases: first period end and why each began
    trend: dict[str, Any] = field(default_factory=lambda: {"direction": "cannot-be-calculated", "first_period_end": None,
                                                            "last_period_end": None, "points": 0})
    change: dict[str, Any] | None = None
    funnel: str = "not-compared"


@dataclass
class IndicatorResult:
    """Everything computed for one indicator."""

    meta: dict[str, Any]
    table: pd.DataFrame  # every area and period, after suppression, with intervals
    national: pd.DataFrame  # England and Wales per period
    similar: pd.DataFrame  # similar-forces average per area and period
    areas: dict[str, AreaResult]
    breaks: list[dict[str, Any]]
    latest_period: tuple[pd.Timestamp, pd.Timestamp] | None
    funnel: dict[str, Any] | None
    spc_applies: bool
    dispersion: dict[str, overdispersion.Dispersion] = field(default_factory=dict)  # by period (rates, proportions)


def _period_key(frame: pd.DataFrame) -> pd.Series:
    """One text key per period."""
    return frame["period_start"].dt.strftime("%Y-%m-%d") + "/" + frame["period_end"].dt.strftime("%Y-%m-%d")


def _population_weights(data: Data, codes: list[str], years: list[int]) -> pd.DataFrame:
    """Population per area (rows) and year (columns): the latest estimate at or before each year."""
    pop = data.population.dropna(subset=["population"])
    table = pop.pivot_table(index="area_code", columns="year", values="population", aggfunc="last")
    if table.empty:
        return pd.DataFrame(1.0, index=codes, columns=years)
    all_years = sorted(set(table.columns.astype(int)) | set(years))
    table = table.reindex(columns=all_years).ffill(axis=1).bfill(axis=1)
    return table.reindex(index=codes, columns=years).fillna(1.0)


def _suppress(frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Publish small numerators, and anything that would reveal them, as [c]."""
    if not np.isfinite(threshold) or frame.empty:
        return frame
    forces = frame["area_type"].ne("national").to_numpy()
    mask = np.zeros(len(frame), dtype=bool)
    mask[forces] = stats.suppress(frame["numerator"].to_numpy()[forces], threshold,
                                  groups=frame["period"].to_numpy()[forces])
    out = frame.copy()
    for name in ("numerator", "value", "lower_95", "upper_95"):
        out.loc[mask, name] = np.nan
        out.loc[mask, name + "_symbol"] = "[c]"
    out["suppressed"] = mask
    return out


def _intervals(frame: pd.DataFrame, meta: dict[str, Any]) -> pd.DataFrame:
    """95% and 99.8% limits for every row, by the indicator's measure type."""
    measure = meta["measure"]
    base = meta["rate_base"] if measure == "rate" else None
    value = frame["value"].to_numpy(dtype=float)
    num, den = frame["numerator"].to_numpy(dtype=float), frame["denominator"].to_numpy(dtype=float)
    if measure in ("rate", "proportion"):
        scale = base if measure == "rate" else 100.0
        derived = np.where((den > 0) & np.isfinite(num), num / np.where(den > 0, den, 1) * scale, np.nan)
        value = np.where(np.isnan(value) & ~frame["value_symbol"].eq("[c]").to_numpy(), derived, value)
    limits = stats.interval_for(measure, num, den, value, base, frame["lower_95"].to_numpy(dtype=float),
                                frame["upper_95"].to_numpy(dtype=float))
    out = frame.copy()
    out["value"] = value
    for name in ("lower_95", "upper_95", "lower_998", "upper_998"):
        out[name] = np.atleast_1d(limits[name]).astype(float) if judge.testable(meta) else np.nan
    out["method"] = np.atleast_1d(limits["method"]) if judge.testable(meta) else "none"
    return out


def _national(frame: pd.DataFrame, meta: dict[str, Any], weights: pd.DataFrame, area_type: str = "force",
              min_areas: int = 0, noun: str = "force") -> pd.DataFrame:
    """England and Wales per period: as published, else the site's areas (of ``area_type``) added up (or population-weighted).

    A figure is only made from the areas when at least ``min_areas`` of them have one for the period (setting
    ``national_min_areas``, default every area of the type): a "total" of one force is that force. Otherwise the
    value is missing and ``reason`` says why, in words the pages show.

    The areas' rows are grouped by period with numpy (periods in sorted order, each group's rows in table order, as
    pandas' groupby gives them), so each sum is numpy's over the same values in the same order: the same numbers.
    """
    given = frame[frame["area_code"].eq(ENGLAND_AND_WALES)].set_index("period")
    published = given.to_dict("index") if given.index.is_unique else None
    forces = frame[frame["area_type"].eq(area_type)]
    keys = forces["period"].to_numpy(object)
    present = pd.notna(keys)
    codes, periods = pd.factorize(keys[present], sort=True)
    rows_at = np.flatnonzero(present)[np.argsort(codes, kind="stable")]
    bounds = np.r_[0, np.cumsum(np.bincount(codes, minlength=len(periods)))] if len(periods) else np.zeros(1, dtype=np.intp)
    value, numerator, denominator = (forces[n].to_numpy(float)[rows_at] for n in ("value", "numerator", "denominator"))
    suppressed = forces["suppressed"].to_numpy(bool)[rows_at] if "suppressed" in forces else np.zeros(len(rows_at), bool)
    starts, ends = forces["period_start"].iloc[rows_at[bounds[:-1]]], forces["period_end"].iloc[rows_at[bounds[:-1]]]
    rows = []
    scale = meta["rate_base"] if meta["measure"] == "rate" else 100.0
    for k, period in enumerate(periods):
        a, b = bounds[k], bounds[k + 1]
        start, end = starts.iloc[k], ends.iloc[k]
        row = {"period": period, "period_start": start, "period_end": end, "areas": int(np.count_nonzero(~np.isnan(value[a:b]))),
               "published": False, "suppressed": bool(suppressed[a:b].any())}
        if published is not None:
            g = published.get(period)
        else:  # a period given twice: as before, whatever .loc makes of it
            g = given.loc[period] if period in given.index else None
        if g is not None:
            row.update(numerator=g["numerator"], denominator=g["denominator"], value=g["value"],
                       lower_95=g["lower_95"], upper_95=g["upper_95"], published=True, suppressed=False)
        elif row["areas"] < min_areas:
            row.update(numerator=np.nan, denominator=np.nan, value=np.nan, lower_95=np.nan, upper_95=np.nan,
                       reason=_too_few(row["areas"], min_areas, noun))
        elif row["suppressed"]:
            row.update(numerator=np.nan, denominator=np.nan, value=np.nan, lower_95=np.nan, upper_95=np.nan)
        elif meta["measure"] in ("rate", "proportion") and not np.isnan(numerator[a:b]).any() and not np.isnan(denominator[a:b]).any():
            num, den = np.sum(numerator[a:b]), np.sum(denominator[a:b])
            lim = stats.interval_for(meta["measure"], num, den, num / den * scale, meta["rate_base"] if meta["measure"] == "rate" else None)
            row.update(numerator=num, denominator=den, value=num / den * scale, lower_95=float(lim["lower_95"]),
                       upper_95=float(lim["upper_95"]))
        else:
            group = forces.iloc[rows_at[a:b]]
            ok = group["value"].notna()
            w = weights.reindex(index=group["area_code"][ok], columns=[end.year]).iloc[:, 0].to_numpy()
            value_k = float(np.average(group["value"][ok], weights=w)) if ok.any() else np.nan
            row.update(numerator=np.nan, denominator=np.nan, value=value_k, lower_95=np.nan, upper_95=np.nan)
        rows.append(row)
    return pd.DataFrame(rows)


def _too_few(count: int, needed: int, noun: str) -> str:
    """Why there is no England and Wales figure to compare with, in plain words."""
    from .wording import plural

    have = f"only {count} {noun if count == 1 else plural(noun)}"
    return (f"There is no England and Wales figure to compare with: the data has figures for {have}, and the site adds "
            f"up a figure for England and Wales only from at least {needed}.")


def _similar_average(frame: pd.DataFrame, meta: dict[str, Any], membership: Membership, weights: pd.DataFrame) -> pd.DataFrame:
    """The similar-forces average for every area and period (the convention in stats.SIMILAR_AVERAGE_CONVENTION)."""
    codes = membership.codes
    if not codes or frame.empty:
        return pd.DataFrame(columns=["area_code", "period", "similar_value", "similar_count"])
    pick = frame[frame["area_code"].isin(codes)]
    val, periods = wide_first(pick, codes, "value")
    num, den = wide_first(pick, codes, "numerator", periods)[0], wide_first(pick, codes, "denominator", periods)[0]
    m = membership.matrix
    if meta["measure"] in ("rate", "proportion"):
        scale = meta["rate_base"] if meta["measure"] == "rate" else 100.0
        ok = (np.isfinite(num) & np.isfinite(den)).astype(float)
        top = m @ np.nan_to_num(num * ok)
        bottom = m @ np.nan_to_num(den * ok)
        count = m @ ok
        with np.errstate(invalid="ignore", divide="ignore"):
            avg = np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1) * scale, np.nan)
    else:
        ends = pick.drop_duplicates("period").set_index("period")["period_end"].reindex(periods)
        w = weights.reindex(index=codes, columns=sorted({e.year for e in ends})).fillna(1.0)
        wmat = np.column_stack([w[e.year].to_numpy() for e in ends]) if periods else np.zeros((len(codes), 0))
        ok = np.isfinite(val).astype(float)
        top = m @ np.nan_to_num(val * wmat * ok)
        bottom = m @ (wmat * ok)
        count = m @ ok
        with np.errstate(invalid="ignore", divide="ignore"):
            avg = np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1), np.nan)
            if meta["measure"] == "survey":  # the weighted mean's 95% interval, from each member's standard error
                lower, upper = (wide_first(pick, codes, n, periods)[0] for n in ("lower_95", "upper_95"))
                se = (upper - lower) / (2 * stats.Z95)
                has_se = ok * np.isfinite(se)
                half = stats.Z95 * np.sqrt(m @ np.nan_to_num((wmat * has_se) ** 2 * se ** 2)) / np.where(bottom > 0, bottom, 1)
                half = np.where((m @ has_se) == count, half, np.nan)
                bounds = (avg - half, avg + half)
    out = pd.DataFrame(avg, index=codes, columns=periods).stack(future_stack=True).rename("similar_value").reset_index()
    out.columns = ["area_code", "period", "similar_value"]
    out["similar_count"] = pd.DataFrame(count, index=codes, columns=periods).stack(future_stack=True).to_numpy()
    for name, k in (("similar_lower_95", 0), ("similar_upper_95", 1)):
        out[name] = (pd.DataFrame(bounds[k], index=codes, columns=periods).stack(future_stack=True).to_numpy()
                     if meta["measure"] == "survey" else np.nan)
    return out


def wide_first(rows: pd.DataFrame, codes: list[str], column: str, periods: list[str] | None = None) -> tuple[np.ndarray, list[str]]:
    """``column`` as an array of areas (``codes`` order) by periods: the first value that is not missing for each,
    nan for none. Periods default to the sorted ones with any value. The same numbers as
    ``rows.pivot_table(index="area_code", columns="period", values=column, aggfunc="first")`` reindexed to ``codes``
    (and ``periods``), without its cost: a few milliseconds per indicator (tests/test_compute_scale.py)."""
    values = rows[column].to_numpy(dtype=float)
    keep = ~np.isnan(values)
    area, period, values = rows["area_code"].to_numpy(object)[keep], rows["period"].to_numpy(object)[keep], values[keep]
    if periods is None:
        periods = sorted(set(period))
    r, c = pd.Index(codes).get_indexer(area), pd.Index(periods).get_indexer(period)
    inside = (r >= 0) & (c >= 0)
    r, c, values = r[inside], c[inside], values[inside]
    out = np.full((len(codes), len(periods)), np.nan)
    cells, first = np.unique(r * len(periods) + c, return_index=True)
    out.flat[cells] = values[first]
    return out, list(periods)


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
    result["previous"] = _kept(prev)
    return result


SPC_COLUMNS = ("centre", "lower_limit", "upper_limit", "lower_inner", "upper_inner")


def _phases(ends: np.ndarray, starts: np.ndarray, seg_breaks: np.ndarray, breaks: list[dict[str, Any]]) -> tuple[np.ndarray, list[dict[str, Any]]]:
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


def _area_results(scoped: pd.DataFrame, meta: dict[str, Any], breaks: list[dict[str, Any]], spc: bool, annual: bool,
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
            phase, info = _phases(arrays["period_end"][sel], arrays["period_start"][sel], seg_all[sel], breaks)
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
    columns = _columns(series_all)
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
        result.latest = _kept(latest)
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


def _frequency(rows: pd.DataFrame) -> tuple[bool, bool]:
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


@dataclass
class Membership:
    """A sparse 0/1 matrix: row = area, column = one of its similar forces (rows and columns in ``codes`` order)."""

    codes: list[str]
    matrix: sparse.csr_matrix


def _membership(data: Data, codes: list[str]) -> Membership:
    """Who is similar to whom, as a sparse matrix (thousands of neighbourhoods have only a few similar areas each)."""
    position = pd.Series(np.arange(len(codes)), index=pd.Index(codes, dtype=object))
    similar = data.similar
    rows = similar["area_code"].map(position)
    cols = similar["similar_area_code"].map(position)
    keep = rows.notna().to_numpy() & cols.notna().to_numpy()
    rows, cols = rows.to_numpy()[keep].astype(np.intp), cols.to_numpy()[keep].astype(np.intp)
    keep = rows != cols
    rows, cols = rows[keep], cols[keep]
    matrix = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(codes), len(codes))).tocsr()
    matrix.data[:] = 1.0  # a pair listed twice is still one similar area
    return Membership(codes, matrix)


@dataclass(frozen=True)
class Freshness:
    """What every indicator is judged against: the site's newest figure, the cut-off for old ones, flagged areas."""

    newest: pd.Timestamp | None
    cutoff: pd.Timestamp | None
    flagged: frozenset[str]


def freshness(data: Data, settings: Settings) -> Freshness:
    """The newest period end among the site's areas, the freshness cut-off and the areas flagged as having far more
    people by day than live there (reference/areas.csv ``non_resident_population``)."""
    codes = set(data.areas.index[data.areas["area_type"].eq(settings.area_type)])
    newest = judge.newest_end(data.values, codes)
    flags = data.areas["non_resident_population"] if "non_resident_population" in data.areas else pd.Series(dtype=bool)
    flagged = frozenset(flags.index[flags.fillna(False).astype(str).str.lower().isin(("true", "yes", "1"))])
    return Freshness(newest, judge.freshness_cutoff(newest, settings.freshness_years), flagged)


def compute_indicator(data: Data, indicator_id: str, settings: Settings, membership: Membership,
                      weights: pd.DataFrame, fresh: Freshness | None = None) -> IndicatorResult:
    """Every statistic for one indicator."""
    fresh = fresh or freshness(data, settings)
    meta = data.indicators.loc[indicator_id].to_dict()
    meta["rate_base"] = float(meta["rate_base"]) if pd.notna(meta["rate_base"]) else None
    spc_settings = stats.SPCSettings(run_length=settings.spc_run_length, two_of_three_version=settings.spc_two_of_three_version)
    frame = data.values[data.values["indicator_id"].eq(indicator_id)].copy()
    frame["area_type"] = frame["area_code"].map(data.areas["area_type"])
    frame["period"] = _period_key(frame)
    frame["suppressed"] = False
    frame = _intervals(frame, meta)
    frame = _suppress(frame, meta.get("disclosure_threshold") if pd.notna(meta.get("disclosure_threshold")) else np.nan)
    breaks = [{"date": r["break_date"], "description": r["description"], "kind": r.get("kind") or "definition"}
              for _, r in data.breaks[data.breaks["indicator_id"].eq(indicator_id)].sort_values("break_date").iterrows()]
    needed = settings.national_min_areas or int(data.areas["area_type"].eq(settings.area_type).sum())
    national = _national(frame, meta, weights, settings.area_type, needed, (settings.area_label.split() or ["area"])[-1])
    similar = _similar_average(frame, meta, membership, weights)
    scoped = frame[frame["area_type"].eq(settings.area_type)]
    short, annual = _frequency(scoped)
    nat = national.set_index("period") if len(national) else pd.DataFrame()
    sim = similar.set_index(["area_code", "period"]) if len(similar) else pd.DataFrame()
    excluded = set(fresh.flagged) if meta["measure"] == "rate" else set()
    dispersion = judge.dispersion_by_period(scoped, national, meta, settings.overdispersion, excluded)
    areas, latest_rows = _area_results(scoped, meta, breaks, short, annual, spc_settings, dispersion)
    _compare_latest(areas, latest_rows, meta, nat, sim, dispersion, fresh, settings.freshness_years)
    latest_period = None
    funnel = None
    if latest_rows:
        ends = pd.Series([r["period"] for _, r in latest_rows]).value_counts()
        key = max(ends[ends == ends.max()].index)
        start, end = (pd.Timestamp(x) for x in key.split("/"))
        latest_period = (start, end)
        if (judge.testable(meta) and meta.get("comparable", True) and meta["measure"] in ("rate", "proportion")
                and key in nat.index and pd.notna(nat.loc[key, "value"])):
            rows = scoped[scoped["period"].eq(key) & ~scoped["area_code"].isin(excluded)]
            funnel = _funnel(rows, float(nat.loc[key, "value"]), meta, areas,
                             dispersion.get(key, overdispersion.NO_DISPERSION))
    return IndicatorResult(meta=meta, table=frame, national=national, similar=similar, areas=areas, breaks=breaks,
                           latest_period=latest_period, funnel=funnel, spc_applies=short, dispersion=dispersion)


def _compare_latest(areas: dict[str, AreaResult], latest_rows: list, meta: dict[str, Any], nat: pd.DataFrame, sim: pd.DataFrame,
                    dispersion: dict[str, overdispersion.Dispersion], fresh: Freshness, freshness_years: int) -> None:
    """Each area's latest value against England and Wales and against its similar forces: the one judgement."""
    if not latest_rows:
        return
    frame = pd.DataFrame([r for _, r in latest_rows])
    codes = [c for c, _ in latest_rows]
    nothing = pd.Series(np.nan, index=frame.index)
    nat_value, nat_lo, nat_hi = ((frame["period"].map(nat[n]) if len(nat) and n in nat else nothing).to_numpy(float)
                                 for n in ("value", "lower_95", "upper_95"))
    wanted = pd.MultiIndex.from_arrays([codes, frame["period"]])  # (area, period), looked up all at once
    sim_value, sim_lo, sim_hi = ((sim[n].reindex(wanted).to_numpy(float) if len(sim) and n in sim else nothing.to_numpy(float))
                                 for n in ("similar_value", "similar_lower_95", "similar_upper_95"))
    value, lower, upper, den = (frame[n].to_numpy(float) if n in frame else nothing.to_numpy(float)
                                for n in ("value", "lower_95", "upper_95", "denominator"))
    disp = [dispersion.get(p, overdispersion.NO_DISPERSION) for p in frame["period"]]
    flagged = np.array([c in fresh.flagged for c in codes])
    disp_nat = [overdispersion.NO_DISPERSION if f else d for d, f in zip(disp, flagged)]
    compared = {"national": judge.compare(meta, value, lower, upper, den, nat_value, nat_lo, nat_hi, disp_nat),
                "similar": judge.compare(meta, value, lower, upper, den, sim_value, sim_lo, sim_hi, disp_nat)}
    for i, code in enumerate(codes):
        area = areas[code]
        latest = latest_rows[i][1]
        has_figure = pd.notna(latest.get("value")) and not latest.get("value_symbol")
        area.status = judge.status_of(meta, latest.get("period_end"), bool(flagged[i]), fresh.cutoff) if has_figure else "no-figure"
        area.reason = judge.reason(area.status, meta, freshness_years)
        if flagged[i] and meta["measure"] == "rate":  # a per-resident rate's changes follow the resident count: not tested
            area.trend = {**area.trend, "direction": "not-tested"}
            if area.change:
                area.change = {**area.change, "category": "not-tested", "per_resident": True}
        for target, (cats, zs, methods), bench in ((area.vs_national, compared["national"], nat_value[i]),
                                                  (area.vs_similar, compared["similar"], sim_value[i])):
            category = str(cats[i]) if area.status not in ("not-comparable", "non-resident") else "not-compared"
            target.update(category=category, judgement=judge.judgement(category, meta["polarity"], area.status),
                          benchmark=None if pd.isna(bench) else float(bench), z=None if np.isnan(zs[i]) else float(zs[i]),
                          method=methods[i])
        if pd.isna(nat_value[i]) and len(nat) and "reason" in nat and isinstance(nat["reason"].get(latest_rows[i][1]["period"]), str):
            area.vs_national["reason"] = nat["reason"][latest_rows[i][1]["period"]]  # no national figure: why


def _funnel(rows: pd.DataFrame, benchmark: float, meta: dict[str, Any], areas: dict[str, AreaResult],
            dispersion: overdispersion.Dispersion) -> dict[str, Any] | None:
    """Funnel plot data for the latest period: each area's value against its denominator, with limits widened for
    overdispersion where forces differ more than chance explains (the same allowance as the comparisons)."""
    rows = rows[rows["value"].notna() & rows["denominator"].notna()]
    if rows.empty:
        return None
    values, dens = rows["value"].to_numpy(float), rows["denominator"].to_numpy(float)
    lo, hi = float(dens.min()), float(dens.max())
    grid = np.unique(np.geomspace(max(lo * 0.8, 1.0), hi * 1.2, 60))
    limits = {}
    if dispersion.applies:
        se = overdispersion.null_se(meta["measure"], benchmark, dens, meta["rate_base"])
        z = (values - benchmark) / overdispersion.spread(se, dispersion)
        pos = np.where(z > stats.Z95, "above", np.where(z < -stats.Z95, "below", "within")).astype(object)
        grid_se = overdispersion.null_se(meta["measure"], benchmark, grid, meta["rate_base"])
        for name, zq in (("95", stats.Z95), ("998", stats.Z998)):
            lower, upper = overdispersion.limits(benchmark, grid_se, dispersion, zq)
            if meta["measure"] == "proportion":
                lower, upper = np.clip(lower, 0, 100), np.clip(upper, 0, 100)
            limits[name] = (np.maximum(lower, 0.0), upper)
    else:
        pos, _ = stats.funnel_positions(values, dens, benchmark, meta["measure"], meta["rate_base"])
        pos = np.atleast_1d(pos)
        for name, zq in (("95", stats.Z95), ("998", stats.Z998)):
            lower, upper = stats.funnel_limits(benchmark, grid, meta["measure"], meta["rate_base"], zq)
            limits[name] = (np.atleast_1d(lower), np.atleast_1d(upper))
    for code, p in zip(rows["area_code"], pos):
        areas[code].funnel = str(p)
    return {"benchmark": benchmark, "grid": grid, "limits": limits, "codes": list(rows["area_code"]),
            "values": values, "denominators": dens, "positions": [str(p) for p in pos],
            "phi": dispersion.phi, "tau2": dispersion.tau2, "adjusted": dispersion.applies, "method": dispersion.method}


def compute_all(data: Data, settings: Settings, workers: int | None = None,
                meanwhile: Callable[[], None] | None = None) -> dict[str, IndicatorResult]:
    """Statistics for every indicator in the catalogue, in catalogue order.

    Indicators are independent, so on large inputs each is computed by a worker process (parallel.Blocks) and its
    result sent back; the results are the same, value for value. ``meanwhile`` is called in this process while the
    workers compute (or before computing, without workers).
    """
    codes = list(data.areas.index[data.areas["area_type"].eq(settings.area_type)])
    membership = _membership(data, codes)
    years = sorted({int(y) for y in data.values["period_end"].dt.year.unique()}) if len(data.values) else []
    weights = _population_weights(data, list(data.areas.index), years)
    fresh = freshness(data, settings)
    ids = list(data.indicators.index)
    workers = workers or parallel.workers(len(data.values) >= parallel.COMPUTE_MIN_ROWS and len(ids) > 1)
    with parallel.Blocks(_compute_one, (data, settings, membership, weights, fresh), ids, workers) as blocks:
        if meanwhile:
            meanwhile()
        return dict(zip(ids, blocks.results()))


def _compute_one(data: Data, settings: Settings, membership: Membership, weights: pd.DataFrame, fresh: Freshness,
                 indicator_id: str) -> IndicatorResult:
    return compute_indicator(data, indicator_id, settings, membership, weights, fresh)
