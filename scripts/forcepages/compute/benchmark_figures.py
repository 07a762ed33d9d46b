"""The figures each force is compared with: England and Wales (from the forces' own figures where it is not published)
and the average of its similar forces; with the intervals, the withheld small counts and the population weights they need."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from forcepages.compute import judge, stats
from forcepages.indicator import Indicator
from forcepages.validate.load import Data
from forcepages.paths import ENGLAND_AND_WALES


def period_key(frame: pd.DataFrame) -> pd.Series:
    """One text key per period."""
    return frame["period_start"].dt.strftime("%Y-%m-%d") + "/" + frame["period_end"].dt.strftime("%Y-%m-%d")


def population_weights(data: Data, codes: list[str], years: list[int]) -> pd.DataFrame:
    """Population per area (rows) and year (columns): the latest estimate at or before each year."""
    pop = data.population.dropna(subset=["population"])
    table = pop.pivot_table(index="area_code", columns="year", values="population", aggfunc="last")
    if table.empty:
        return pd.DataFrame(1.0, index=codes, columns=years)
    all_years = sorted(set(table.columns.astype(int)) | set(years))
    table = table.reindex(columns=all_years).ffill(axis=1).bfill(axis=1)
    return table.reindex(index=codes, columns=years).fillna(1.0)


def suppress_small(frame: pd.DataFrame, threshold: float) -> pd.DataFrame:
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


def with_intervals(frame: pd.DataFrame, meta: Indicator) -> pd.DataFrame:
    """95% and 99.8% limits for every row, by the indicator's measure type."""
    measure = meta.measure
    base = meta.rate_base if measure == "rate" else None
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


def national_series(frame: pd.DataFrame, meta: Indicator, weights: pd.DataFrame, area_type: str = "force",
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
    scale = meta.rate_base if meta.measure == "rate" else 100.0
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
        elif meta.measure in ("rate", "proportion") and not np.isnan(numerator[a:b]).any() and not np.isnan(denominator[a:b]).any():
            num, den = np.sum(numerator[a:b]), np.sum(denominator[a:b])
            lim = stats.interval_for(meta.measure, num, den, num / den * scale, meta.rate_base if meta.measure == "rate" else None)
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
    from forcepages.wording import plural

    have = f"only {count} {noun if count == 1 else plural(noun)}"
    return (f"There is no England and Wales figure to compare with: the data has figures for {have}, and the site adds "
            f"up a figure for England and Wales only from at least {needed}.")


def similar_average(frame: pd.DataFrame, meta: Indicator, membership: Membership, weights: pd.DataFrame) -> pd.DataFrame:
    """The similar-forces average for every area and period (the convention in stats.SIMILAR_AVERAGE_CONVENTION)."""
    codes = membership.codes
    if not codes or frame.empty:
        return pd.DataFrame(columns=["area_code", "period", "similar_value", "similar_count"])
    pick = frame[frame["area_code"].isin(codes)]
    val, periods = wide_first(pick, codes, "value")
    num, den = wide_first(pick, codes, "numerator", periods)[0], wide_first(pick, codes, "denominator", periods)[0]
    m = membership.matrix
    if meta.measure in ("rate", "proportion"):
        scale = meta.rate_base if meta.measure == "rate" else 100.0
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
            if meta.measure == "survey":  # the weighted mean's 95% interval, from each member's standard error
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
                     if meta.measure == "survey" else np.nan)
    return out


@dataclass
class Membership:
    """A sparse 0/1 matrix: row = area, column = one of its similar forces (rows and columns in ``codes`` order)."""

    codes: list[str]
    matrix: sparse.csr_matrix


def membership_of(data: Data, codes: list[str]) -> Membership:
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
