"""Compute at neighbourhood scale: the national figure comes from the site's own area type; similar groups are sparse."""

from __future__ import annotations

import numpy as np
import pandas as pd

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
