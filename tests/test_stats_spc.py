"""XmR charts on constructed series: every rule, precedence, settings, short series and rebasing."""

from __future__ import annotations

import numpy as np
import pytest

from forcepages.compute.stats import SPCSettings, non_overlapping, xmr


def hand_limits(x: list[float], screen: bool = False) -> dict[str, float]:
    """Limits written out from STATISTICS.md section 4."""
    a = np.asarray(x, dtype=float)
    mr = np.abs(np.diff(a))
    amr = mr.mean()
    if screen:
        amr = mr[mr <= 3.267 * amr].mean()
    c = a.mean()
    return {"centre": c, "amr": amr, "ucl": c + 2.66 * amr, "lcl": c - 2.66 * amr,
            "uin": c + 2 / 3 * 2.66 * amr, "lin": c - 2 / 3 * 2.66 * amr}


def flagged(result, kind: str) -> list[int]:  # type: ignore[no-untyped-def]
    """Indices of points with a given signal."""
    return [i for i, s in enumerate(result.signal) if s == kind]


BASE = [12.0, 10.0] * 10  # mean 11, mean moving range 2, no signals


def test_stable_series_has_no_signals_and_hand_limits() -> None:
    r = xmr(BASE)
    h = hand_limits(BASE)
    assert r.centre[0] == pytest.approx(h["centre"]) and r.upper_limit[5] == pytest.approx(h["ucl"])
    assert r.lower_limit[5] == pytest.approx(h["lcl"])
    assert r.upper_inner[5] == pytest.approx(h["uin"]) and r.lower_inner[5] == pytest.approx(h["lin"])
    assert all(s is None for s in r.signal)
    assert r.latest == "normal"
    assert r.segment_points == {0: 20}


def test_outside_limits() -> None:
    x = BASE + [30.0]
    h = hand_limits(x)
    assert x[-1] > h["ucl"]
    r = xmr(x)
    assert flagged(r, "outside-limits") == [20]
    assert r.direction[20] == "up" and r.latest == "unusual-rise"
    low = BASE + [-8.0]
    assert low[-1] < hand_limits(low)["lcl"]
    r = xmr(low)
    assert r.signal[-1] == "outside-limits" and r.latest == "unusual-fall"


RISE7 = [10.5, 11.0, 11.5, 12.0, 12.5, 13.0, 13.5]


def test_trend_of_seven_points() -> None:
    x = BASE[:13] + RISE7  # BASE[12] is 12.0, so the run starts at index 13
    h = hand_limits(x)
    assert max(x) < h["uin"]  # no outside-limits or two-of-three
    r = xmr(x)
    assert flagged(r, "trend") == list(range(13, 20))
    assert set(r.direction[13:]) == {"up"} and r.latest == "unusual-rise"
    falling = [24 - v for v in x]
    r = xmr(falling)
    assert flagged(r, "trend") == list(range(13, 20)) and r.latest == "unusual-fall"


def test_run_length_six_versus_seven() -> None:
    x = BASE[:15] + RISE7[1:]  # 6 rising points (5 rises)
    assert xmr(x).signal[-1] is None
    r6 = xmr(x, settings=SPCSettings(run_length=6))
    assert flagged(r6, "trend") == list(range(15, 21))
    # shift of 6 points on one side is only a signal with run length 6
    y = BASE + [11.8, 12.2, 11.8, 12.2, 11.8, 12.2]
    assert all(s is None for s in xmr(y).signal)
    assert flagged(xmr(y, settings=SPCSettings(run_length=6)), "shift") == list(range(20, 26))


def test_settings_validation() -> None:
    for bad in ({"run_length": 8}, {"run_length": 5}, {"two_of_three_version": "2019"}, {"min_points": 1}):
        with pytest.raises(ValueError):
            SPCSettings(**bad)  # type: ignore[arg-type]


def test_equal_values_break_a_trend() -> None:
    x = BASE[:13] + [10.5, 11.0, 11.5, 11.5, 12.0, 12.5, 13.0, 13.5]
    assert "trend" not in xmr(x).signal


def test_shift() -> None:
    x = BASE + [11.8, 12.2, 11.8, 12.2, 11.8, 12.2, 11.8]
    h = hand_limits(x)
    assert all(v > h["centre"] for v in x[20:]) and x[19] < h["centre"]
    r = xmr(x)
    assert flagged(r, "shift") == list(range(20, 27))
    assert r.latest == "unusual-rise"


def test_point_on_centre_line_breaks_shift() -> None:
    # mean of this series is exactly 11.0; the 11.0 in the middle splits the run into 3 + 3
    x = [12.0, 10.0] * 10 + [11.5, 11.5, 11.5, 11.0, 11.5, 11.5, 11.5]
    x += [10.5] * 6  # balance so the mean stays 11
    assert np.mean(x) == pytest.approx(11.0)
    assert "shift" not in xmr(x).signal
    x[23] = 11.5  # without the point on the centre line the 7 points are a shift
    assert flagged(xmr(x), "shift") == list(range(20, 27))


def test_two_of_three() -> None:
    x = list(BASE)
    x[11] = x[13] = 16.0  # replace two 10s
    h = hand_limits(x)
    assert h["uin"] < 16.0 < h["ucl"]
    r = xmr(x)
    assert flagged(r, "two-of-three") == [11, 13]
    assert r.direction[11] == "up"
    assert r.signal[12] is None  # the middle point is not beyond the line


def test_two_of_three_only_one_point_is_not_a_signal() -> None:
    x = list(BASE)
    x[11] = 16.0
    x[15] = 16.0
    h = hand_limits(x)
    assert h["uin"] < 16.0 < h["ucl"]
    assert "two-of-three" not in xmr(x).signal


def test_two_of_three_version_setting() -> None:
    x = [12.0, 10.0] * 15
    x[13] = 24.0  # beyond the outer limit
    x[15] = 17.5  # beyond the inner line only
    h = hand_limits(x)
    assert x[13] > h["ucl"] and h["uin"] < x[15] < h["ucl"]
    new = xmr(x, settings=SPCSettings(two_of_three_version="2023"))
    assert new.signal[13] == "outside-limits" and new.signal[15] == "two-of-three"
    old = xmr(x, settings=SPCSettings(two_of_three_version="original"))
    assert old.signal[13] == "outside-limits" and old.signal[15] is None


def test_precedence_outside_limits_over_shift() -> None:
    x = [13.0, 10.0] * 10 + [12.3, 12.6, 12.3, 12.6, 12.3, 12.6, 25.0]
    h = hand_limits(x)
    assert x[-1] > h["ucl"] and all(v > h["centre"] for v in x[20:])
    r = xmr(x)
    assert r.signal[-1] == "outside-limits"
    assert flagged(r, "shift") == list(range(20, 26))


def test_precedence_trend_over_shift() -> None:
    x = BASE + [11.6, 11.8, 12.0, 12.2, 12.4, 12.6, 12.8]
    h = hand_limits(x)
    assert all(v > h["centre"] for v in x[20:])
    r = xmr(x)
    assert flagged(r, "trend") == list(range(19, 27))  # the run starts from the 10.0 at index 19
    assert "shift" not in r.signal


def test_fewer_than_min_points() -> None:
    r = xmr(BASE[:12] + [40.0])  # 13 points: limits
    assert np.isfinite(r.centre).all() and r.latest == "unusual-rise"
    r = xmr(BASE[:11] + [40.0])  # 12 points: no limits
    assert np.isnan(r.centre).all() and np.isnan(r.upper_limit).all()
    assert all(s is None for s in r.signal) and r.latest == "not-enough-points"


def test_rebasing_at_a_break() -> None:
    before = [12.0, 10.0] * 8
    after = [32.0, 29.0] * 8
    x = before + after
    seg = [0] * 16 + [1] * 16
    r = xmr(x, seg)
    h0, h1 = hand_limits(before), hand_limits(after)
    assert r.centre[0] == pytest.approx(h0["centre"]) and r.centre[-1] == pytest.approx(h1["centre"])
    assert r.upper_limit[0] == pytest.approx(h0["ucl"]) and r.upper_limit[-1] == pytest.approx(h1["ucl"])
    assert r.upper_limit[0] != r.upper_limit[-1]
    assert all(s is None for s in r.signal) and r.latest == "normal"
    assert r.segment_points == {0: 16, 1: 16}
    # without the break the step shows as special cause
    assert any(s is not None for s in xmr(x).signal)


def test_short_segment_after_break_has_no_limits() -> None:
    x = [12.0, 10.0] * 8 + [30.0, 31.0, 30.0]
    r = xmr(x, [0] * 16 + [1] * 3)
    assert np.isfinite(r.centre[:16]).all() and np.isnan(r.centre[16:]).all()
    assert r.latest == "not-enough-points"


def test_screen_moving_ranges() -> None:
    x = BASE + [40.0, 11.0, 12.0, 10.0]
    h = hand_limits(x, screen=True)
    r = xmr(x, settings=SPCSettings(screen_moving_ranges=True))
    assert r.upper_limit[0] == pytest.approx(h["ucl"])
    assert r.upper_limit[0] < xmr(x).upper_limit[0]


def test_missing_values_skipped() -> None:
    x = BASE + [np.nan, 12.0]
    r = xmr(x)
    assert r.signal[20] is None and np.isfinite(r.centre[20])
    assert r.centre[0] == pytest.approx(np.nanmean(x))


def test_mismatched_segment_length() -> None:
    with pytest.raises(ValueError):
        xmr([1.0, 2.0], [0])


def d(*dates: str) -> np.ndarray:
    """Dates as datetime64[D]."""
    return np.array(dates, dtype="datetime64[D]")


def test_non_overlapping_rolling_year_reported_quarterly() -> None:
    ends = [f"{y}-{md}" for y in (2020, 2021, 2022, 2023) for md in ("03-31", "06-30", "09-30", "12-31")]
    ends = ends[:-2]  # latest ends 2023-06-30
    # 12 months ending on each date: start on the first day of the month 11 months earlier
    starts = [str((np.datetime64(e, "M") - np.timedelta64(11, "M")).astype("datetime64[D]")) for e in ends]
    idx = non_overlapping(d(*starts), d(*ends))
    chosen = [ends[i] for i in idx]
    assert chosen == ["2020-06-30", "2021-06-30", "2022-06-30", "2023-06-30"]


def test_non_overlapping_keeps_monthly_series_and_sorts() -> None:
    starts = d("2024-03-01", "2024-01-01", "2024-02-01")
    ends = d("2024-03-31", "2024-01-31", "2024-02-29")
    assert list(non_overlapping(starts, ends)) == [1, 2, 0]
    assert list(non_overlapping(d(), d())) == []


def test_non_overlapping_gap_moves_to_next_earlier() -> None:
    starts = d("2021-04-01", "2021-01-01", "2022-07-01")
    ends = d("2022-03-31", "2021-12-31", "2023-06-30")  # no period ending 2022-06-30
    assert list(non_overlapping(starts, ends)) == [0, 2]
