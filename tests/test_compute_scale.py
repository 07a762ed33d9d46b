"""Compute at neighbourhood scale: the national figure comes from the site's own area type; similar groups are sparse."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from forcepages.compute import benchmark_figures
from forcepages.indicator import Indicator


def _frame(area_type: str) -> pd.DataFrame:
    start, end = pd.Timestamp("2023-01-01"), pd.Timestamp("2023-01-31")
    return pd.DataFrame({"area_code": ["N1", "N2"], "area_type": [area_type] * 2, "period": ["p"] * 2,
                         "period_start": [start] * 2, "period_end": [end] * 2, "numerator": [10.0, 30.0],
                         "denominator": [1000.0, 1000.0], "value": [10.0, 30.0], "suppressed": [False, False]})


def test_national_figure_adds_up_the_sites_own_areas():
    meta = Indicator("t", "T", measure="rate", rate_base=1000.0)
    weights = pd.DataFrame(1.0, index=["N1", "N2"], columns=[2023])
    national = benchmark_figures.national_series(_frame("neighbourhood"), meta, weights, "neighbourhood")
    assert national["value"].tolist() == [20.0]
    assert benchmark_figures.national_series(_frame("neighbourhood"), meta, weights, "force").empty


def test_membership_is_sparse_and_ignores_self_and_unknown_pairs():
    class Data:
        similar = pd.DataFrame({"area_code": ["A", "A", "A", "B", "C"], "similar_area_code": ["B", "B", "A", "Z", "A"]})
    members = benchmark_figures.membership_of(Data, ["A", "B", "C"])
    assert members.codes == ["A", "B", "C"]
    assert np.array_equal(members.matrix.toarray(), [[0, 1, 0], [0, 0, 0], [1, 0, 0]])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", "Z"]), st.sampled_from(["2020-01-01/2020-12-31", "2021-01-01/2021-12-31", "2019-04-01/2020-03-31"]),
                          st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=32))), max_size=30))
def test_wide_first_is_the_pivot_table_it_replaces(rows):
    """benchmark_figures.wide_first gives pandas' pivot_table(aggfunc="first") reindexed to the areas, missing values and
    repeated keys included."""
    frame = pd.DataFrame(rows, columns=["area_code", "period", "value"]).astype({"value": float})
    frame["area_code"] = frame["area_code"].astype("str")
    codes = ["C", "A", "B", "D"]  # not sorted; D has no rows, Z is not one of them
    pick = frame[frame["area_code"].isin(codes)]
    expected = pick.pivot_table(index="area_code", columns="period", values="value", aggfunc="first").reindex(codes)
    got, periods = benchmark_figures.wide_first(pick, codes, "value")
    assert periods == list(expected.columns)
    assert np.array_equal(got, expected.to_numpy(dtype=float), equal_nan=True)
    fixed = ["2021-01-01/2021-12-31", "2018-01-01/2018-12-31"]
    got, _ = benchmark_figures.wide_first(pick, codes, "value", fixed)
    assert np.array_equal(got, expected.reindex(columns=fixed).to_numpy(dtype=float), equal_nan=True)


def _national_by_groupby(frame, meta, weights, area_type):
    """benchmark_figures.national_series as it was written with pandas' groupby: the oracle for the numpy grouping."""
    from forcepages.compute import stats
    given = frame[frame["area_code"].eq("K04000001")].set_index("period")
    forces = frame[frame["area_type"].eq(area_type)]
    rows = []
    scale = meta.rate_base if meta.measure == "rate" else 100.0
    for period, group in forces.groupby("period", sort=True):
        start, end = group["period_start"].iloc[0], group["period_end"].iloc[0]
        row = {"period": period, "period_start": start, "period_end": end, "areas": int(group["value"].notna().sum()),
               "published": False, "suppressed": bool(group["suppressed"].any())}
        if period in given.index:
            g = given.loc[period]
            row.update(numerator=g["numerator"], denominator=g["denominator"], value=g["value"],
                       lower_95=g["lower_95"], upper_95=g["upper_95"], published=True, suppressed=False)
        elif row["suppressed"]:
            row.update(numerator=np.nan, denominator=np.nan, value=np.nan, lower_95=np.nan, upper_95=np.nan)
        elif meta.measure in ("rate", "proportion") and group["numerator"].notna().all() and group["denominator"].notna().all():
            num, den = group["numerator"].sum(), group["denominator"].sum()
            lim = stats.interval_for(meta.measure, num, den, num / den * scale, meta.rate_base if meta.measure == "rate" else None)
            row.update(numerator=num, denominator=den, value=num / den * scale, lower_95=float(lim["lower_95"]),
                       upper_95=float(lim["upper_95"]))
        else:
            ok = group["value"].notna()
            w = weights.reindex(index=group["area_code"][ok], columns=[end.year]).iloc[:, 0].to_numpy()
            value = float(np.average(group["value"][ok], weights=w)) if ok.any() else np.nan
            row.update(numerator=np.nan, denominator=np.nan, value=value, lower_95=np.nan, upper_95=np.nan)
        rows.append(row)
    return pd.DataFrame(rows)


PERIODS = {"2021-01-01/2021-12-31": ("2021-01-01", "2021-12-31"), "2020-01-01/2020-12-31": ("2020-01-01", "2020-12-31"),
           "2020-04-01/2021-03-31": ("2020-04-01", "2021-03-31")}
NUMBER = st.one_of(st.none(), st.floats(min_value=0, max_value=1e7, allow_nan=False), st.integers(0, 10**6).map(float))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(st.sampled_from(["N1", "N2", "N3", "K04000001", "R1"]), st.sampled_from(sorted(PERIODS)),
                               NUMBER, st.one_of(st.none(), st.floats(min_value=1, max_value=1e7)), NUMBER, st.booleans()),
                     max_size=25),
       measure=st.sampled_from(["rate", "proportion", "value", "survey"]))
def test_national_figures_are_the_groupby_they_replace(rows, measure):
    """Published national rows, suppressed periods, gaps, weighted averages and the sums of many areas: the same
    numbers, exactly, as grouping with pandas."""
    kinds = {"N1": "force", "N2": "force", "N3": "force", "K04000001": "country", "R1": "region"}
    seen, unique = set(), []
    for row in rows:  # one national row per period, as validation ensures
        if row[0] != "K04000001" or row[1] not in seen:
            unique.append(row)
            seen.add(row[1]) if row[0] == "K04000001" else None
    frame = pd.DataFrame(unique, columns=["area_code", "period", "numerator", "denominator", "value", "suppressed"])
    frame = frame.astype({"numerator": float, "denominator": float, "value": float, "suppressed": bool})
    frame["area_type"] = frame["area_code"].map(kinds)
    frame["period_start"] = pd.to_datetime(frame["period"].map(lambda p: PERIODS[p][0]))
    frame["period_end"] = pd.to_datetime(frame["period"].map(lambda p: PERIODS[p][1]))
    frame["lower_95"], frame["upper_95"] = frame["value"] * 0.9, frame["value"] * 1.1
    meta = Indicator("t", "T", measure=measure, rate_base=1000.0 if measure == "rate" else None)
    weights = pd.DataFrame({2020: [1.0, 2.0, 3.5], 2021: [2.0, 1.0, 0.5]}, index=["N1", "N2", "N3"])
    expected = _national_by_groupby(frame, meta, weights, "force")
    got = benchmark_figures.national_series(frame, meta, weights, "force")
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
