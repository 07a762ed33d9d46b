"""Compute at neighbourhood scale: the national figure comes from the site's own area type; similar groups are sparse."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from forcepages import compute


def _frame(area_type: str) -> pd.DataFrame:
    start, end = pd.Timestamp("2023-01-01"), pd.Timestamp("2023-01-31")
    return pd.DataFrame({"area_code": ["N1", "N2"], "area_type": [area_type] * 2, "period": ["p"] * 2,
                         "period_start": [start] * 2, "period_end": [end] * 2, "numerator": [10.0, 30.0],
                         "denominator": [1000.0, 1000.0], "value": [10.0, 30.0], "suppressed": [False, False]})


def test_national_figure_adds_up_the_sites_own_areas():
    meta = {"measure": "rate", "rate_base": 1000.0}
    weights = pd.DataFrame(1.0, index=["N1", "N2"], columns=[2023])
    national = compute._national(_frame("neighbourhood"), meta, weights, "neighbourhood")
    assert national["value"].tolist() == [20.0]
    assert compute._national(_frame("neighbourhood"), meta, weights, "force").empty


def test_membership_is_sparse_and_ignores_self_and_unknown_pairs():
    class Data:
        similar = pd.DataFrame({"area_code": ["A", "A", "A", "B", "C"], "similar_area_code": ["B", "B", "A", "Z", "A"]})
    members = compute._membership(Data, ["A", "B", "C"])
    assert members.codes == ["A", "B", "C"]
    assert np.array_equal(members.matrix.toarray(), [[0, 1, 0], [0, 0, 0], [1, 0, 0]])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", "Z"]), st.sampled_from(["2020-01-01/2020-12-31", "2021-01-01/2021-12-31", "2019-04-01/2020-03-31"]),
                          st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False, width=32))), max_size=30))
def test_wide_first_is_the_pivot_table_it_replaces(rows):
    """compute.wide_first gives pandas' pivot_table(aggfunc="first") reindexed to the areas, missing values and
    repeated keys included."""
    frame = pd.DataFrame(rows, columns=["area_code", "period", "value"]).astype({"value": float})
    frame["area_code"] = frame["area_code"].astype("str")
    codes = ["C", "A", "B", "D"]  # not sorted; D has no rows, Z is not one of them
    pick = frame[frame["area_code"].isin(codes)]
    expected = pick.pivot_table(index="area_code", columns="period", values="value", aggfunc="first").reindex(codes)
    got, periods = compute.wide_first(pick, codes, "value")
    assert periods == list(expected.columns)
    assert np.array_equal(got, expected.to_numpy(dtype=float), equal_nan=True)
    fixed = ["2021-01-01/2021-12-31", "2018-01-01/2018-12-31"]
    got, _ = compute.wide_first(pick, codes, "value", fixed)
    assert np.array_equal(got, expected.reindex(columns=fixed).to_numpy(dtype=float), equal_nan=True)
