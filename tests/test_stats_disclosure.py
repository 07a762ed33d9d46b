"""Primary and secondary suppression of small numbers."""

from __future__ import annotations

import numpy as np

from forcepages.compute.stats import apply_mask, primary_suppression, secondary_suppression, total_is_disclosive
from forcepages.compute.stats.disclosure import suppress


def test_primary() -> None:
    num = np.array([0, 4, 5, 100, np.nan])
    assert list(primary_suppression(num, 5)) == [True, True, False, False, False]
    assert not primary_suppression(num, None).any()
    assert not primary_suppression(num, float("nan")).any()


def test_secondary_adds_next_smallest_when_one_cell_suppressed() -> None:
    num = np.array([3, 50, 12, 40, 12])
    mask = primary_suppression(num, 5)
    out = secondary_suppression(mask, num)
    assert list(out) == [True, False, True, False, False]  # first of the tied 12s
    # the suppressed cell can no longer be worked out from the total
    assert total_is_disclosive(out)


def test_secondary_leaves_groups_with_two_or_none() -> None:
    num = np.array([3, 2, 40, 50])
    mask = primary_suppression(num, 5)
    assert list(secondary_suppression(mask, num)) == list(mask)
    none = primary_suppression(np.array([10, 20]), 5)
    assert list(secondary_suppression(none, [10, 20])) == [False, False]
    assert not total_is_disclosive(none)


def test_secondary_by_group() -> None:
    num = np.array([3, 50, 20, 3, 4, 60, 7])
    groups = np.array(["a", "a", "a", "b", "b", "b", "b"])
    out = suppress(num, 5, groups)
    assert list(out) == [True, False, True, True, True, False, False]


def test_secondary_skips_missing_and_handles_single_cell() -> None:
    num = np.array([3, np.nan, 9])
    out = secondary_suppression(primary_suppression(num, 5), num)
    assert list(out) == [True, False, True]
    assert list(secondary_suppression(np.array([True]), np.array([2.0]))) == [True]


def test_apply_mask() -> None:
    v = apply_mask([1.0, 2.0, 3.0], [False, True, False])
    assert np.isnan(v[1]) and v[0] == 1.0
