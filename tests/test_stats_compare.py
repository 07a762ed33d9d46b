"""Comparison with a benchmark, polarity, and the similar-forces average."""

from __future__ import annotations

import math

import numpy as np
import pytest

from forcepages.compute.stats import (CATEGORIES, SIMILAR_AVERAGE_CONVENTION, compare, compare_many, interval_for, is_much, judgement, similar_forces_average)

NAN = math.nan


@pytest.mark.parametrize(
    "benchmark,expected",
    [
        (10.0, "similar"),
        (8.0, "similar"),  # on the 95% limit counts as inside
        (12.0, "similar"),
        (7.5, "higher"),  # outside 95% (8-12) but inside 99.8% (7-13)
        (12.5, "lower"),
        (6.0, "much-higher"),  # outside 99.8%
        (14.0, "much-lower"),
    ],
)
def test_single_overlap_categories(benchmark: float, expected: str) -> None:
    assert compare(10, 8, 12, 7, 13, benchmark) == expected


def test_no_998_interval_never_much() -> None:
    assert compare(10, 8, 12, NAN, NAN, 1.0) == "higher"
    assert compare(10, 8, 12, NAN, NAN, 100.0) == "lower"


@pytest.mark.parametrize(
    "args",
    [
        (NAN, 8, 12, 7, 13, 10),
        (10, 8, 12, 7, 13, NAN),
        (10, NAN, 12, 7, 13, 10),
        (10, 8, NAN, 7, 13, 10),
    ],
)
def test_not_compared(args: tuple[float, ...]) -> None:
    assert compare(*args) == "not-compared"


def test_double_overlap() -> None:
    # survey: force 60 (55-65), average 70 with its own interval
    assert compare(60, 55, 65, NAN, NAN, 70, 64, 76) == "similar"  # intervals overlap
    assert compare(60, 55, 65, NAN, NAN, 70, 66, 74) == "lower"
    assert compare(80, 75, 85, NAN, NAN, 70, 66, 74) == "higher"
    # single overlap would call this "lower" (70 outside 55-65) but double overlap says similar
    assert compare(60, 55, 65, NAN, NAN, 70, 64, 76) != compare(60, 55, 65, NAN, NAN, 70)
    # a 99.8% interval given does not make double overlap "much"
    assert compare(60, 55, 65, 50, 66, 90, 88, 92) == "lower"


def test_compare_many_matches_scalar() -> None:
    v = np.array([10, 10, 10, 10, 10, NAN])
    l95, u95 = v - 2, v + 2
    l998, u998 = v - 3, v + 3
    b = np.array([10, 7.5, 12.5, 6, 14, 10])
    out = compare_many(v, l95, u95, l998, u998, b)
    assert list(out) == ["similar", "higher", "lower", "much-higher", "much-lower", "not-compared"]
    for i in range(len(v)):
        assert out[i] == compare(v[i], l95[i], u95[i], l998[i], u998[i], b[i])


def test_compare_with_computed_intervals() -> None:
    # 120 events in 10,000 people = 12 per 1,000; benchmark 9 per 1,000
    r = interval_for("rate", 120, 10_000, rate_base=1000)
    bounds = (r["lower_95"], r["upper_95"], r["lower_998"], r["upper_998"])
    assert compare(12.0, *bounds, 8.5) == "much-higher"  # 99.8% lower limit is about 8.90
    assert compare(12.0, *bounds, 9.5) == "higher"  # 95% lower limit is about 9.95
    assert compare(12.0, *bounds, 11.0) == "similar"


@pytest.mark.parametrize(
    "category,polarity,expected",
    [
        ("higher", "higher-is-better", "better"),
        ("much-higher", "higher-is-better", "better"),
        ("lower", "higher-is-better", "worse"),
        ("much-lower", "higher-is-better", "worse"),
        ("higher", "lower-is-better", "worse"),
        ("much-higher", "lower-is-better", "worse"),
        ("lower", "lower-is-better", "better"),
        ("much-lower", "lower-is-better", "better"),
        ("higher", "no-judgement", "higher"),
        ("much-higher", "no-judgement", "higher"),
        ("lower", "no-judgement", "lower"),
        ("much-lower", "no-judgement", "lower"),
        ("similar", "higher-is-better", "similar"),
        ("similar", "no-judgement", "similar"),
        ("not-compared", "lower-is-better", "not-compared"),
    ],
)
def test_judgement(category: str, polarity: str, expected: str) -> None:
    assert judgement(category, polarity) == expected


def test_judgement_rejects_unknown() -> None:
    with pytest.raises(ValueError):
        judgement("bigger", "higher-is-better")
    with pytest.raises(ValueError):
        judgement("higher", "up")


def test_is_much() -> None:
    assert [c for c in CATEGORIES if is_much(c)] == ["much-higher", "much-lower"]


def test_similar_forces_average_pooled() -> None:
    num = np.array([100.0, 300.0])
    den = np.array([10_000.0, 50_000.0])
    expected = (100 + 300) / (10_000 + 50_000) * 1000
    assert similar_forces_average("rate", num, den, rate_base=1000) == pytest.approx(expected)
    # not the simple mean of the rates (10 and 6 per 1,000)
    assert similar_forces_average("rate", num, den, rate_base=1000) != pytest.approx(8.0)
    assert similar_forces_average("proportion", [30, 10], [100, 400]) == pytest.approx(8.0)


def test_similar_forces_average_excludes_force_and_missing() -> None:
    codes = ["E23000001", "E23000002", "E23000003"]
    num = [1000.0, 100.0, np.nan]
    den = [10_000.0, 10_000.0, 10_000.0]
    got = similar_forces_average("rate", num, den, rate_base=1000, area_codes=codes, force_code="E23000001")
    assert got == pytest.approx(10.0)
    assert math.isnan(similar_forces_average("rate", [np.nan], [1.0], rate_base=1000))


def test_similar_forces_average_values_weighted_by_population() -> None:
    got = similar_forces_average("survey", values=[70.0, 80.0], populations=[1_000_000, 3_000_000])
    assert got == pytest.approx((70 * 1 + 80 * 3) / 4)
    got = similar_forces_average("value", values=[10.0, np.nan, 20.0], populations=[1.0, 5.0, 1.0])
    assert got == pytest.approx(15.0)


def test_similar_average_convention_text() -> None:
    text = SIMILAR_AVERAGE_CONVENTION.lower()
    assert "not included" in text and "weighted" in text
