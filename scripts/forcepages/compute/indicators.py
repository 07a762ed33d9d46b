"""Statistics per indicator, area and period: the compute stage of the pipeline.

Everything numeric the site states is worked out here, with the methods in ``stats``;
pages only choose words for these results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd

from forcepages.compute import judge, stats
from forcepages import parallel
from forcepages.config import Settings
from forcepages.indicator import Indicator
from forcepages.compute.stats import overdispersion
from forcepages.compute.area_series import area_results, frequency
from forcepages.compute.benchmark_figures import (Membership, membership_of, national_series, period_key, population_weights, similar_average, suppress_small, with_intervals)
from forcepages.compute.result_types import AreaResult, IndicatorResult
from forcepages.validate.load import Data



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
    meta = Indicator.from_row(data.indicators.loc[indicator_id].to_dict())
    spc_settings = stats.SPCSettings(run_length=settings.spc_run_length, two_of_three_version=settings.spc_two_of_three_version)
    frame = data.values[data.values["indicator_id"].eq(indicator_id)].copy()
    frame["area_type"] = frame["area_code"].map(data.areas["area_type"])
    frame["period"] = period_key(frame)
    frame["suppressed"] = False
    frame = with_intervals(frame, meta)
    frame = suppress_small(frame, np.nan if meta.disclosure_threshold is None else meta.disclosure_threshold)
    breaks = [{"date": r["break_date"], "description": r["description"], "kind": r.get("kind") or "definition"}
              for _, r in data.breaks[data.breaks["indicator_id"].eq(indicator_id)].sort_values("break_date").iterrows()]
    needed = settings.national_min_areas or int(data.areas["area_type"].eq(settings.area_type).sum())
    national = national_series(frame, meta, weights, settings.area_type, needed, (settings.area_label.split() or ["area"])[-1])
    similar = similar_average(frame, meta, membership, weights)
    scoped = frame[frame["area_type"].eq(settings.area_type)]
    short, annual = frequency(scoped)
    nat = national.set_index("period") if len(national) else pd.DataFrame()
    sim = similar.set_index(["area_code", "period"]) if len(similar) else pd.DataFrame()
    excluded = set(fresh.flagged) if meta.measure == "rate" else set()
    dispersion = judge.dispersion_by_period(scoped, national, meta, settings.overdispersion, excluded)
    areas, latest_rows = area_results(scoped, meta, breaks, short, annual, spc_settings, dispersion)
    _compare_latest(areas, latest_rows, meta, nat, sim, dispersion, fresh, settings.freshness_years)
    latest_period = None
    funnel = None
    if latest_rows:
        ends = pd.Series([r["period"] for _, r in latest_rows]).value_counts()
        key = max(ends[ends == ends.max()].index)
        start, end = (pd.Timestamp(x) for x in key.split("/"))
        latest_period = (start, end)
        if (judge.testable(meta) and meta.comparable and meta.measure in ("rate", "proportion")
                and key in nat.index and pd.notna(nat.loc[key, "value"])):
            rows = scoped[scoped["period"].eq(key) & ~scoped["area_code"].isin(excluded)]
            funnel = _funnel(rows, float(nat.loc[key, "value"]), meta, areas,
                             dispersion.get(key, overdispersion.NO_DISPERSION))
    return IndicatorResult(meta=meta, table=frame, national=national, similar=similar, areas=areas, breaks=breaks,
                           latest_period=latest_period, funnel=funnel, spc_applies=short, dispersion=dispersion)


def _compare_latest(areas: dict[str, AreaResult], latest_rows: list, meta: Indicator, nat: pd.DataFrame, sim: pd.DataFrame,
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
        if flagged[i] and meta.measure == "rate":  # a per-resident rate's changes follow the resident count: not tested
            area.trend = {**area.trend, "direction": "not-tested"}
            if area.change:
                area.change = {**area.change, "category": "not-tested", "per_resident": True}
        area.trend = {**area.trend, "judgement": judge.change_judgement(area.trend["direction"], meta.polarity, area.status)}
        area.spc_judgement = judge.change_judgement(area.spc_latest, meta.polarity, area.status)
        for target, (cats, zs, methods), bench in ((area.vs_national, compared["national"], nat_value[i]),
                                                  (area.vs_similar, compared["similar"], sim_value[i])):
            category = str(cats[i]) if area.status not in ("not-comparable", "non-resident") else "not-compared"
            target.update(category=category, judgement=judge.judgement(category, meta.polarity, area.status),
                          benchmark=None if pd.isna(bench) else float(bench), z=None if np.isnan(zs[i]) else float(zs[i]),
                          method=methods[i])
        if pd.isna(nat_value[i]) and len(nat) and "reason" in nat and isinstance(nat["reason"].get(latest_rows[i][1]["period"]), str):
            area.vs_national["reason"] = nat["reason"][latest_rows[i][1]["period"]]  # no national figure: why


def _funnel(rows: pd.DataFrame, benchmark: float, meta: Indicator, areas: dict[str, AreaResult],
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
        se = overdispersion.null_se(meta.measure, benchmark, dens, meta.rate_base)
        z = (values - benchmark) / overdispersion.spread(se, dispersion)
        pos = np.where(z > stats.Z95, "above", np.where(z < -stats.Z95, "below", "within")).astype(object)
        grid_se = overdispersion.null_se(meta.measure, benchmark, grid, meta.rate_base)
        for name, zq in (("95", stats.Z95), ("998", stats.Z998)):
            lower, upper = overdispersion.limits(benchmark, grid_se, dispersion, zq)
            if meta.measure == "proportion":
                lower, upper = np.clip(lower, 0, 100), np.clip(upper, 0, 100)
            limits[name] = (np.maximum(lower, 0.0), upper)
    else:
        pos, _ = stats.funnel_positions(values, dens, benchmark, meta.measure, meta.rate_base)
        pos = np.atleast_1d(pos)
        for name, zq in (("95", stats.Z95), ("998", stats.Z998)):
            lower, upper = stats.funnel_limits(benchmark, grid, meta.measure, meta.rate_base, zq)
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
    membership = membership_of(data, codes)
    years = sorted({int(y) for y in data.values["period_end"].dt.year.unique()}) if len(data.values) else []
    weights = population_weights(data, list(data.areas.index), years)
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
