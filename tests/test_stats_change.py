"""Year-on-year change."""

from __future__ import annotations

import pytest

from forcepages.compute.stats import count_interval, rate_interval, year_on_year


def test_rise_when_intervals_do_not_overlap() -> None:
    r = year_on_year(100, 150)
    lp, up = count_interval(100)
    ll, _ = count_interval(150)
    assert ll > up  # independent check of the premise
    assert r["change"] == 50 and r["percent"] == pytest.approx(50.0)
    assert r["category"] == "rise" and r["reason_no_percent"] is None


def test_fall_with_rate_intervals() -> None:
    lp, up = rate_interval(200, 100_000, 1000)
    ll, ul = rate_interval(120, 100_000, 1000)
    r = year_on_year(200, 120, lp, up, ll, ul)
    assert r["category"] == "fall" and r["percent"] == pytest.approx(-40.0)


def test_broadly_unchanged_when_intervals_overlap() -> None:
    r = year_on_year(100, 110)
    assert r["category"] == "broadly-unchanged" and r["percent"] == pytest.approx(10.0)


def test_spc_signal_makes_it_a_rise_or_fall() -> None:
    assert year_on_year(100, 110, spc_signal="unusual-rise")["category"] == "rise"
    assert year_on_year(110, 100, spc_signal="unusual-fall")["category"] == "fall"
    # a signal pointing the other way from the change does not count
    assert year_on_year(100, 110, spc_signal="unusual-fall")["category"] == "broadly-unchanged"


def test_no_percent_for_small_numbers() -> None:
    r = year_on_year(8, 12)
    assert r["percent"] is None and r["reason_no_percent"] == "small-numbers" and r["change"] == 4
    r = year_on_year(30, 9)
    assert r["percent"] is None and r["reason_no_percent"] == "small-numbers"
    r = year_on_year(0, 25)
    assert r["percent"] is None and r["reason_no_percent"] == "no-previous-events"
    assert r["category"] == "rise"  # 0 (0 to 3.7) against 25 (16.2 to 36.9)
    r = year_on_year(10, 10)
    assert r["percent"] == 0.0


def test_missing_count() -> None:
    r = year_on_year(None, 10)  # type: ignore[arg-type]
    assert r["category"] == "not-compared" and r["reason_no_percent"] == "missing"
