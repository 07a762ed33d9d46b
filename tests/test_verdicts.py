"""Verdicts a statistician and a reader can trust: overdispersion, dates, freshness, honest trends, SPC phases,
double overlap, and nothing judged that has no chance variation or does not compare."""

from __future__ import annotations

from dataclasses import replace
import json
import re
from datetime import date

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.meta_analysis import combine_effects

from forcepages.compose import verdict_words
from forcepages.compute import judge
from forcepages.compute.area_series import phases
from forcepages.compute.stats import Z95
from forcepages.compute.stats import overdispersion as od
from forcepages.indicator import Indicator

# --- overdispersion (Spiegelhalter 2005) ---------------------------------------------------------------------------


def test_phi_and_tau2_by_hand_on_a_worked_example():
    """Ten units, standard error 1, z = -3..6. Winsorising 10% at each end sets -3 to -2 and 6 to 5, so
    phi = (4+4+1+0+1+4+9+16+25+25) / 10 = 8.9, and with w = 1: tau^2 = (10 * 8.9 - 9) / (10 - 10/10) = 80/9."""
    z = np.arange(-3, 7, dtype=float)
    assert list(od.winsorised(z)) == [-2, -2, -1, 0, 1, 2, 3, 4, 5, 5]
    d = od.estimate(z, np.ones(10), "additive")
    assert d.phi == pytest.approx(8.9)
    assert d.tau2 == pytest.approx(80 / 9)
    lower, upper = od.limits(10.0, np.array([1.0]), d, Z95)
    assert upper[0] == pytest.approx(10 + 1.959964 * np.sqrt(1 + 80 / 9))
    multiplicative = od.Dispersion(d.phi, d.tau2, d.areas, "multiplicative")
    assert od.limits(10.0, np.array([1.0]), multiplicative, Z95)[1][0] == pytest.approx(10 + 1.959964 * np.sqrt(8.9))


def test_tau2_is_dersimonian_laird_as_statsmodels_computes_it():
    """Without winsorising and around the weighted mean, Spiegelhalter's tau^2 is the DerSimonian-Laird estimate."""
    rng = np.random.default_rng(7)
    se = rng.uniform(0.3, 2.0, 30)
    y = rng.normal(5.0, np.sqrt(se**2 + 0.8))
    w = 1 / se**2
    centre = float(np.sum(w * y) / np.sum(w))
    ours = od.estimate((y - centre) / se, se, "additive", fraction=0.0)
    assert ours.tau2 == pytest.approx(combine_effects(y, se**2, method_re="dl").tau2, rel=1e-9)


def test_no_overdispersion_leaves_poisson_limits_alone():
    z = np.array([-1.0, 0.5, -0.3, 0.2, 0.9, -0.8, 0.1, 0.0, -0.2, 0.4])
    d = od.estimate(z, np.ones(10))
    assert d.phi < 1 and not d.applies
    assert list(od.spread(np.array([2.0]), d)) == [2.0]


def test_phi_a_little_above_1_by_chance_changes_nothing():
    """43 forces with phi = 1.2: 43 * 1.2 = 51.6 is below chi-square's 95% point on 42 degrees of freedom (58.1)."""
    z = np.tile([1.2**0.5, -(1.2**0.5)], 22)[:43]
    d = od.estimate(z, np.ones(43))
    assert d.phi == pytest.approx(1.2) and d.tau2 > 0
    assert not d.significant and not d.applies
    assert od.estimate(z * 1.5, np.ones(43)).applies  # phi = 2.7: clearly above chance


def test_too_few_areas_give_no_estimate():
    assert not od.estimate(np.array([5.0, -5.0, 3.0]), np.ones(3)).applies


def test_funnel_limits_widen_for_overdispersion():
    se = od.null_se("rate", 50.0, np.array([1e4, 1e6]), 1000)
    d = od.Dispersion(phi=100.0, tau2=25.0, areas=43, method="additive")
    lower, upper = od.limits(50.0, se, d, Z95)
    assert upper[1] - 50 == pytest.approx(Z95 * np.sqrt(se[1] ** 2 + 25))  # the big area keeps a real width
    assert upper[1] - 50 > Z95 * 4.9


# --- comparisons -----------------------------------------------------------------------------------------------------

SURVEY = Indicator("t", "T", measure="survey", polarity="higher-is-better")


def test_survey_comparisons_use_double_overlap_when_the_benchmark_has_an_interval():
    value, lower, upper = np.array([60.0]), np.array([56.0]), np.array([64.0])
    # single overlap would call this higher (58.5 is outside 56-64? no: use 55.5), double overlap does not
    cats, _, methods = judge.compare(SURVEY, value, lower, upper, np.array([np.nan]), np.array([55.5]),
                                     np.array([53.0]), np.array([58.0]), [od.NO_DISPERSION])
    assert cats[0] == "similar" and methods[0] == "double-overlap"
    cats, _, methods = judge.compare(SURVEY, value, lower, upper, np.array([np.nan]), np.array([55.5]),
                                     np.array([np.nan]), np.array([np.nan]), [od.NO_DISPERSION])
    assert cats[0] == "higher" and methods[0] == "single-overlap"


def test_rates_with_overdispersion_are_judged_by_the_adjusted_z():
    meta = Indicator("t", "T", measure="rate", rate_base=1000.0)
    d = od.Dispersion(phi=300.0, tau2=0.6, areas=43, method="additive")
    value, den, bench = np.array([1.90, 5.0]), np.array([900_000.0, 900_000.0]), np.array([2.65, 2.65])
    cats, zs, methods = judge.compare(meta, value, value - 0.1, value + 0.1, den, bench, bench * np.nan, bench * np.nan, [d, d])
    se = np.sqrt(2.65 * 1000 / 900_000)
    assert zs[0] == pytest.approx((1.90 - 2.65) / np.sqrt(se**2 + 0.6))
    assert list(cats) == ["similar", "higher"] and methods[0] == "overdispersion-additive"


@pytest.mark.parametrize("meta,status", [
    (Indicator("t", "T", measure="rate", census=True), "census"),
    (Indicator("t", "T", measure="value"), "census"),
    (Indicator("t", "T", measure="rate", comparable=False), "not-comparable"),
])
def test_figures_without_chance_or_comparability_are_not_judged(meta, status):
    assert judge.status_of(meta, pd.Timestamp("2025-06-30"), False, pd.Timestamp("2022-06-30")) == status
    assert judge.judgement("lower", "lower-is-better", status) is None


def test_freshness_window():
    newest = pd.Timestamp("2026-03-31")
    cutoff = judge.freshness_cutoff(newest, 3)
    meta = Indicator("t", "T", measure="rate")
    assert cutoff == pd.Timestamp("2023-03-31")
    assert judge.status_of(meta, pd.Timestamp("2023-03-31"), False, cutoff) == "judged"
    assert judge.status_of(meta, pd.Timestamp("2023-03-30"), False, cutoff) == "older"
    assert judge.status_of(meta, pd.Timestamp("2009-03-31"), False, cutoff) == "older"
    assert judge.reason("older", meta, 3) == "This figure is more than 3 years older than the newest ones on this site. So we do not judge it."
    values = pd.DataFrame({"area_code": ["A", "A", "K"], "value": [1.0, np.nan, 2.0],
                           "period_end": pd.to_datetime(["2024-03-31", "2026-03-31", "2027-03-31"])})
    assert judge.newest_end(values, {"A"}) == pd.Timestamp("2024-03-31")  # missing values and other areas do not count


def test_a_flagged_area_is_not_compared_on_per_resident_rates():
    meta = Indicator("t", "T", measure="rate")
    assert judge.status_of(meta, pd.Timestamp("2025-06-30"), True, None) == "non-resident"
    assert judge.status_of(replace(meta, measure="proportion"), pd.Timestamp("2025-06-30"), True, None) == "judged"


# --- trends and SPC phases -----------------------------------------------------------------------------------------

def _days(*dates):
    return np.array(dates, dtype="datetime64[D]")


def test_a_trend_never_spans_a_gap():
    ends = _days("2016-12-31", "2017-12-31", "2018-12-31", "2019-12-31", "2025-06-30")
    starts = ends - np.timedelta64(364, "D")
    assert judge.trend_window(ends, starts, [], 5) == 1
    yearly = _days(*[f"{y}-03-31" for y in range(2015, 2027)])
    assert judge.trend_window(yearly, yearly - np.timedelta64(364, "D"), [], 5) == 5


def test_a_trend_never_spans_a_definition_break():
    yearly = _days(*[f"{y}-03-31" for y in range(2013, 2020)])
    starts = yearly - np.timedelta64(364, "D")
    assert judge.trend_window(yearly, starts, [np.datetime64("2017-04-01")], 5) == 2  # 2018-19 and 2017-18 only


def test_spc_phases_restart_at_covid_and_after_a_gap():
    months = pd.date_range("2016-01-31", "2021-12-31", freq="ME")
    months = months[(months < "2017-07-01") | (months > "2018-03-31")]  # July 2017 to March 2018 missing
    ends = months.to_numpy("datetime64[D]")
    starts = (months - pd.offsets.MonthBegin(1)).to_numpy("datetime64[D]")
    covid = {"date": pd.Timestamp("2020-03-23"), "description": "COVID-19 restrictions began on 23 March 2020. More words.",
             "kind": "phase"}
    seg = (starts >= np.datetime64("2020-03-23")).astype(int)  # as compute's segments: periods starting on or after
    phase, info = phases(ends, starts, seg, [covid])
    assert [p["number"] for p in info] == [1, 2, 3]
    assert info[1]["from"] == pd.Timestamp("2018-04-30") and info[1]["why"][0].startswith("gap:")
    assert info[2]["from"] == pd.Timestamp("2020-04-30")
    assert info[2]["why"] == [covid["description"]]
    assert phase[list(months).index(pd.Timestamp("2020-11-30"))] == 3


# --- the national site, as shipped ---------------------------------------------------------------------------------

def _documents(site):
    api = site / "site" / "api" / "v1"
    index = json.loads((api / "indicators.json").read_text(encoding="utf-8"))
    return [json.loads((api / "indicators" / f"{i['id']}.json").read_text(encoding="utf-8")) for i in index["indicators"]]


def test_national_site_verdicts(national_site):
    docs = _documents(national_site)
    newest = max(date.fromisoformat(f["latest_period_end"]) for d in docs for f in d["forces"].values() if f["latest_period_end"])
    cutoff = date(newest.year - 3, newest.month, newest.day)
    clear = compared = 0
    for doc in docs:
        for force in doc["forces"].values():
            end = force["latest_period_end"]
            for bench in (force["england_and_wales"], force["similar_forces"]):
                if end and date.fromisoformat(end) < cutoff:
                    assert bench["judgement"] is None, (doc["id"], force["name"])
                if doc["census"] or not doc["comparable"]:
                    assert bench["category"] not in ("higher", "lower") and bench["judgement"] is None
            trend = force["recent_trend"]
            if trend["direction"] in ("increasing", "decreasing"):
                span = (date.fromisoformat(trend["last_period_end"]) - date.fromisoformat(trend["first_period_end"])).days
                assert span <= (trend["points"] - 1 + 0.5) * 365.25, (doc["id"], force["name"], trend)
            category = force["england_and_wales"]["category"]
            if category in ("similar", "higher", "lower"):
                compared += 1
                clear += category in ("higher", "lower")
        if doc["id"] == "homicide":  # chance explains the differences: Poisson verdicts stay
            latest = doc["overdispersion"][-1]
            assert latest["phi"] < 1 and not latest["adjusted"]
        if doc["id"] == "total-recorded-crime":
            assert doc["overdispersion"][-1]["phi"] > 100 and doc["overdispersion"][-1]["adjusted"]
    assert compared > 300 and clear / compared < 0.25


def test_every_force_page_line_names_its_period(national_site):
    for page in (national_site / "docs" / "forces").glob("*/index.md"):
        for line in re.findall(r"^- \[([^\]]+)\]", page.read_text(encoding="utf-8"), re.M):
            assert re.search(r"\b(19|20)\d\d\b", line), (page, line)
        assert "Figures up to " in page.read_text(encoding="utf-8")


def test_one_line_per_indicator_on_force_pages(national_site):
    for page in (national_site / "docs" / "forces").glob("*/index.md"):
        targets = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", page.read_text(encoding="utf-8"), re.M)
        assert len(targets) == len(set(targets)), page


# --- "What action is the force taking?": links shown, never fetched -------------------------------------------------

def _add_links(config, rows):
    reference = config.parent / "datapackages" / "reference"
    (reference / "links.csv").write_text("area_code,title,url\n" + "".join(f"{a},{t},{u}\n" for a, t, u in rows), encoding="utf-8")
    package = json.loads((reference / "datapackage.json").read_text(encoding="utf-8"))
    package["resources"].append({"name": "links", "path": "links.csv", "format": "csv", "mediatype": "text/csv",
                                 "encoding": "utf-8", "schema": {"fields": [{"name": n, "type": "string"} for n in ("area_code", "title", "url")]}})
    (reference / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def test_links_appear_beside_the_honest_no_statement_wording(fixture_copy):
    from forcepages.build import build
    from forcepages.config import load_settings

    _add_links(fixture_copy, [("E23000001", "Inspection report 2025", "https://example.org/inspections/eastshire")])
    out = fixture_copy.parent / "build"
    build(load_settings(fixture_copy), fixture_copy, out)
    page = next(p for p in (out / "docs" / "forces").glob("*/index.md") if "Inspection report 2025" in p.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    assert "This site has no statement from the force about this yet." in text
    assert "- [Inspection report 2025](https://example.org/inspections/eastshire)" in text


def test_a_link_that_is_not_https_is_refused(fixture_copy):
    from forcepages.config import load_settings
    from forcepages.errors import ValidationFailed
    from forcepages.validate.load import validate_and_load

    _add_links(fixture_copy, [("E23000001", "Report", "javascript:alert(1)")])
    with pytest.raises(ValidationFailed) as failed:
        validate_and_load(load_settings(fixture_copy))
    problem = next(p for p in failed.value.problems if p.field == "url")
    assert problem.path.endswith("links.csv") and problem.row == 2 and "https://" in problem.message


def test_city_of_london_rates_are_not_compared(national_site):
    for doc in _documents(national_site):
        city = doc["forces"].get("E23000034")
        if doc["measure"] != "rate" or not city or not city["latest_period_end"]:
            continue
        assert city["status"] in ("non-resident", "census", "not-comparable"), doc["id"]
        for bench in (city["england_and_wales"], city["similar_forces"]):
            assert bench["category"] not in ("higher", "lower") and bench["judgement"] is None
        assert city["recent_trend"]["direction"] not in ("increasing", "decreasing")


def test_the_page_says_why_each_phase_began():
    info = [{"number": 1, "from": pd.Timestamp("2016-01-31"), "why": "the first figure"},
            {"number": 2, "from": pd.Timestamp("2018-04-30"), "why": ["gap:2017-06-30/2018-04-30"]},
            {"number": 3, "from": pd.Timestamp("2020-04-30"), "why": ["COVID-19 restrictions began on 23 March 2020. More."]}]
    from forcepages import wording

    assert verdict_words.phases(info) == (
        "The usual range is worked out again for each phase. Phase 2 starts in April 2018, after months with no figures. "
        "Phase 3 starts in April 2020: COVID-19 restrictions began on 23 March 2020. The latest figure is judged against phase 3.")
    assert verdict_words.phases(info[:1]) == ""
