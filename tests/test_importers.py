"""Tests of the importers and of the data packages they wrote into datapackages/.

The checks of the committed packages always run. The ones that read the raw official files
skip when ../shared/data/raw (or $FORCEPAGES_RAW) is absent.
"""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import frictionless
import pytest

from forcepages.importers import build_package
from forcepages.importers.common import (FORCE_CODES, PROJECT_ROOT, mid_year_for_period, raw_dir, write_package,
                                         year_before)
from forcepages.importers.recorded_crime import period_end_from_title

PACKAGES = PROJECT_ROOT / "datapackages"
RAW = raw_dir()
needs_raw = pytest.mark.skipif(not (RAW / "SOURCES.md").is_file(),
                               reason=f"raw official files not found at {RAW} (set FORCEPAGES_RAW)")
FORCE_RE = re.compile(r"^(E23|W15)\d{6}$")
BANNED = re.compile(r"\b(targets?|league tables?|best|worst|ranked|top|bottom|failing)\b", re.I)


def _csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _descriptors() -> list[Path]:
    return sorted(PACKAGES.glob("*/datapackage.json"))


def _value_resources():
    for desc in _descriptors():
        data = json.loads(desc.read_text(encoding="utf-8"))
        for res in data["resources"]:
            names = {f["name"] for f in res["schema"]["fields"]}
            if {"indicator_id", "area_code", "period_start", "period_end", "value"} <= names:
                yield desc.parent.name, desc.parent / res["path"]


# --------------------------------------------------------------------------- committed packages


def test_packages_present():
    names = {p.parent.name for p in _descriptors()}
    assert {"reference", "framework", "recorded-crime"} <= names


@pytest.mark.parametrize("descriptor", _descriptors(), ids=lambda p: p.parent.name)
def test_package_is_valid_frictionless(descriptor):
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    for res in data["resources"]:
        path = res["path"]
        assert "/" not in path and "\\" not in path and ".." not in path and "://" not in path, path
        assert "bytes" not in res and "hash" not in res
    for key in ("name", "title", "description", "version", "licenses", "sources", "changes"):
        assert data.get(key), f"{descriptor}: {key} missing"
    assert data["licenses"][0]["name"] == "OGL-UK-3.0"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])[:10]
    assert (descriptor.parent / "README.md").is_file()


def test_reference_areas():
    areas = _csv(PACKAGES / "reference" / "areas.csv")
    forces = [a for a in areas if a["area_type"] == "force"]
    assert len(forces) == 43
    assert all(FORCE_RE.match(a["area_code"]) for a in forces)
    assert sorted(a["area_code"] for a in forces) == list(FORCE_CODES)
    national = [a for a in areas if a["area_type"] == "national"]
    assert [(a["area_code"], a["name"]) for a in national] == [("K04000001", "England and Wales")]
    names = {a["name"] for a in forces}
    assert {"Avon and Somerset", "Devon and Cornwall", "City of London", "Metropolitan Police"} <= names


def test_similar_forces_seven_and_never_itself():
    rows = _csv(PACKAGES / "reference" / "similar_forces.csv")
    groups: dict[str, list[str]] = {}
    for r in rows:
        groups.setdefault(r["area_code"], []).append(r["similar_area_code"])
        assert "not the home office" in r["source"].lower()
    assert sorted(groups) == list(FORCE_CODES)
    for code, similar in groups.items():
        assert len(similar) == 7 and len(set(similar)) == 7, code
        assert code not in similar
        assert set(similar) <= set(FORCE_CODES)


def test_every_indicator_has_values_in_its_package():
    indicators = _csv(PACKAGES / "framework" / "indicators.csv")
    domains = {d["domain_id"] for d in _csv(PACKAGES / "framework" / "domains.csv")}
    assert len(domains) == 4
    have: dict[str, set[str]] = {}
    for package, path in _value_resources():
        for r in _csv(path):
            if not r["value"].startswith("["):
                have.setdefault(r["indicator_id"], set()).add(package)
    for ind in indicators:
        assert ind["domain_id"] in domains
        assert ind["source_package"] in have.get(ind["indicator_id"], set()), ind["indicator_id"]
        if ind["measure"] == "rate":
            assert ind["rate_base"] in ("1000", "100000")
        for field in ("title", "definition", "unit", "caveats", "source"):
            assert not BANNED.search(ind[field]), (ind["indicator_id"], field)


def test_values_follow_the_contract():
    areas = {a["area_code"] for a in _csv(PACKAGES / "reference" / "areas.csv")}
    catalogue = {i["indicator_id"]: i for i in _csv(PACKAGES / "framework" / "indicators.csv")}
    for _, path in _value_resources():
        for r in _csv(path):
            ind = catalogue[r["indicator_id"]]
            assert r["area_code"] in areas
            assert r["period_start"] <= r["period_end"]
            if r["value"].startswith("["):
                continue
            value = float(r["value"])
            if ind["measure"] == "proportion":
                assert 0 <= value <= 100
                assert float(r["numerator"]) <= float(r["denominator"])
            if ind["measure"] == "survey" and r["lower_95"]:
                assert float(r["lower_95"]) <= value <= float(r["upper_95"])
            if r["denominator"] and not r["denominator"].startswith("["):
                assert float(r["denominator"]) > 0


def test_no_banned_words_in_packages():
    for path in PACKAGES.glob("*/*"):
        if path.name == "README.md" and path.parent == PACKAGES:
            continue
        if path.suffix in (".csv", ".md", ".json"):
            found = BANNED.search(path.read_text(encoding="utf-8"))
            assert not found, f"{path}: {found.group(0)!r}"


# --------------------------------------------------------------------------- pure helpers


def test_period_rules():
    assert year_before(date(2018, 3, 31)) == date(2017, 4, 1)
    assert year_before(date(2017, 12, 31)) == date(2017, 1, 1)
    assert mid_year_for_period(date(2017, 4, 1), date(2018, 3, 31)) == 2017
    assert mid_year_for_period(date(2017, 7, 1), date(2018, 6, 30)) == 2018
    assert mid_year_for_period(date(2023, 3, 31), date(2023, 3, 31)) == 2023
    assert period_end_from_title("number of offences, year ending March 181,2,3") == date(2018, 3, 31)
    assert period_end_from_title("year ending December 20191,2") == date(2019, 12, 31)
    assert period_end_from_title("year ending September 20181,2,3") == date(2018, 9, 30)


# --------------------------------------------------------------------------- raw files


@needs_raw
def test_reference_import_from_raw(tmp_path):
    pkg = build_package("reference", RAW)
    areas = next(r for r in pkg.resources if r.name == "areas").rows
    assert sum(1 for r in areas if r[2] == "force") == 43
    pop = {(r[0], r[1]): int(r[2]) for r in next(r for r in pkg.resources if r.name == "population").rows}
    assert pop[("K04000001", "2011")] == 56_170_927          # ONS mid-2011, England and Wales
    assert pop[("K04000001", "2016")] == 58_366_199          # ONS mid-2016 (2023 series)
    assert pop[("K04000001", "2002")] == 52_602_100          # Table P9
    for year in ("2002", "2011", "2023"):
        forces = sum(v for (c, y), v in pop.items() if y == year and c != "K04000001")
        assert abs(forces - pop[("K04000001", year)]) <= (1000 if year == "2002" else 0)  # 2002: rounded to 100


@needs_raw
def test_importer_is_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        for name in ("reference", "framework", "police-funding"):
            write_package(build_package(name, RAW), out)
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
        committed = PACKAGES / rel
        if committed.is_file():
            assert committed.read_bytes() == (a / rel).read_bytes(), f"{rel} differs from a fresh import"


# --------------------------------------------------------------------------- monthly data.police.uk and ASB incidents


def _values(package: str) -> list[dict]:
    return _csv(PACKAGES / package / f"{package}.csv")


def test_police_uk_monthly_has_50_non_overlapping_months_for_city_of_london():
    rows = _values("police-uk-monthly")
    for ind in ("monthly-recorded-crime-police-uk", "monthly-anti-social-behaviour-police-uk"):
        city = [r for r in rows if r["indicator_id"] == ind and r["area_code"] == "E23000034"]
        months = [r["period_start"][:7] for r in city]
        assert len(city) == 50 and len(set(months)) == 50, ind
        assert months[0] == "2016-01" and months[-1] == "2020-11"
        assert "2017-06" in months and "2018-04" in months
        assert not any("2017-07" <= m <= "2018-03" for m in months)  # real gap: absent, not zero
        for r in city:
            start, end = date.fromisoformat(r["period_start"]), date.fromisoformat(r["period_end"])
            next_month = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
            assert start.day == 1 and (next_month - end).days == 1  # first to last day of one month
        # England and Wales is not a sum of one force
        ew = [r for r in rows if r["indicator_id"] == ind and r["area_code"] == "K04000001"]
        assert len(ew) == 50 and all(r["value"] == "[x]" for r in ew)
    may = next(r for r in rows if r["indicator_id"] == "monthly-anti-social-behaviour-police-uk"
               and r["area_code"] == "E23000034" and r["period_start"] == "2017-05-01")
    assert may["value"] == "[x]"


def test_anti_social_behaviour_package_shape():
    rows = _values("anti-social-behaviour")
    assert len(rows) == 12 * 44
    years = sorted({r["period_end"] for r in rows})
    assert years[0] == "2008-03-31" and years[-1] == "2019-03-31" and len(years) == 12
    for end in years:
        forces = [r for r in rows if r["period_end"] == end and r["area_code"] != "K04000001"]
        ew = next(r for r in rows if r["period_end"] == end and r["area_code"] == "K04000001")
        assert sorted(r["area_code"] for r in forces) == list(FORCE_CODES)
        assert sum(int(r["numerator"]) for r in forces) == int(ew["numerator"])
    breaks = _csv(PACKAGES / "framework" / "series_breaks.csv")
    assert ("anti-social-behaviour-incidents", "2011-04-01") in {(b["indicator_id"], b["break_date"]) for b in breaks}


@needs_raw
def test_police_uk_monthly_counts_match_a_hand_count():
    path = RAW / "police_uk" / "city-of-london" / "street" / "2019-06-city-of-london-street.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        types = [r["Crime type"] for r in csv.DictReader(fh)]
    asb = sum(t == "Anti-social behaviour" for t in types)
    assert (len(types), asb) == (922, 100)
    pkg = build_package("police-uk-monthly", RAW)
    rows = {(r[0], r[1], r[2]): r for r in pkg.resources[0].rows}
    crime = rows[("monthly-recorded-crime-police-uk", "E23000034", "2019-06-01")]
    anti = rows[("monthly-anti-social-behaviour-police-uk", "E23000034", "2019-06-01")]
    assert crime[3] == "2019-06-30"
    assert int(crime[4]) == len(types) - asb and int(anti[4]) == asb
    pop = int(crime[5])
    assert pop == 8765  # City of London, mid-2019 (reference/population.csv)
    assert float(crime[6]) == pytest.approx((len(types) - asb) / pop * 1000, abs=1e-4)


@needs_raw
def test_anti_social_behaviour_import_from_raw(tmp_path):
    pkg = build_package("anti-social-behaviour", RAW)
    rows = {(r[1], r[2]): r for r in pkg.resources[0].rows}
    cheshire = rows[("E23000006", "2017-04-01")]
    assert cheshire[4] == "29486" and cheshire[9] == "[r]" and "27,697" in cheshire[10]
    assert rows[("E23000014", "2018-04-01")][4] == "44804"           # West Midlands force, not the region
    assert rows[("K04000001", "2007-04-01")][4] == "3873916"         # published E&W excluding BTP
    assert rows[("E23000034", "2018-04-01")][4] == "1349"
    for name in ("police-uk-monthly", "anti-social-behaviour"):
        a, b = tmp_path / "a", tmp_path / "b"
        write_package(build_package(name, RAW), a)
        write_package(build_package(name, RAW), b)
        for rel in sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file()):
            assert (a / rel).read_bytes() == (b / rel).read_bytes() == (PACKAGES / rel).read_bytes(), rel


# --------------------------------------------------------------------------- similar forces: inputs, stability, flag

OUTCOME_WORDS = re.compile(r"crime|offence|outcome|recorded|charge|survey|csew|bcs|anti-social|asb|victim|collision|"
                           r"workforce|officer|staff|grant|spend|stop and search|999|satisfaction|confidence", re.I)
OUTCOME_FILES = ("ho_rec_crime_pfa", "ho_prc_pfa", "ons_pfa_tables_ye_jun2025", "lesscrime", "cj_charts", "police_uk",
                 "ho_force_year_recent", "isthisben", "sgilr", "traffic_police", "stats19", "resistancelab/workforce",
                 "mopd_psd", "ecom185/open-data-table-police-workforce")


def test_similarity_inputs_are_characteristics_never_outcomes():
    from forcepages.importers.similarity import VARIABLES
    assert len(VARIABLES) >= 5
    for v in VARIABLES:
        for text in (v.key, v.words, v.detail, v.source, *v.tables):  # `why` may say how it relates to crime
            assert not OUTCOME_WORDS.search(text), (v.key, text)
        for path in v.file.split(" and "):
            assert not path.startswith(OUTCOME_FILES), (v.key, path)
        # the only sheets read from ONS's police force area workbooks are the population and household tables
        for table in v.tables:
            assert not re.fullmatch(r"Table P[1-8]", table), (v.key, table)
    published = _csv(PACKAGES / "reference" / "similar_forces_inputs.csv")
    assert [r["variable"] for r in published] == [v.key for v in VARIABLES]
    for r in published:
        assert not OUTCOME_WORDS.search(r["description"] + r["detail"] + r["source"]), r["variable"]
        assert not BANNED.search(r["description"] + r["why"]), r["variable"]


def test_similar_forces_say_their_year_and_stability_is_published():
    rows = _csv(PACKAGES / "reference" / "similar_forces.csv")
    assert {r["basis_year"] for r in rows} == {"2023"}
    assert "mid-2023" in rows[0]["source"] and "no crime" in rows[0]["source"].lower()
    by_year = _csv(PACKAGES / "reference" / "similar_forces_by_year.csv")
    assert sorted({r["basis_year"] for r in by_year}) == [str(y) for y in range(2011, 2024)]
    assert len(by_year) == 13 * 43 * 7
    latest = {(r["area_code"], r["similar_area_code"]) for r in by_year if r["basis_year"] == "2023"}
    assert latest == {(r["area_code"], r["similar_area_code"]) for r in rows}
    stability = _csv(PACKAGES / "reference" / "similar_forces_stability.csv")
    variables = [r["variable"] for r in _csv(PACKAGES / "reference" / "similar_forces_inputs.csv")]
    assert len(stability) == 43 * len(variables)
    assert {r["left_out"] for r in stability} == set(variables)
    assert all(0 <= int(r["members_changed"]) <= 7 for r in stability)
    readme = (PACKAGES / "reference" / "README.md").read_text(encoding="utf-8")
    assert "How firm the groups are" in readme and "No recorded crime" in readme and "basis_year" in readme


def test_only_city_of_london_has_a_non_resident_population():
    areas = _csv(PACKAGES / "reference" / "areas.csv")
    assert [a["area_code"] for a in areas if a["non_resident_population"] == "true"] == ["E23000034"]
    assert all(a["non_resident_population"] in ("true", "false") for a in areas)


@needs_raw
def test_similarity_features_match_hand_computed_figures():
    from forcepages.importers.similarity import similarity_features
    codes, names, x = similarity_features(RAW, 2023)
    city = dict(zip(names, x[codes.index("E23000034")]))
    # MYE5: City of London (one council area) 13,462 people on 2.8904 sq km in mid-2023
    assert city["log_density"] == pytest.approx(3.66815, abs=1e-5)  # log10(13462 / 2.8904) = log10(4657.49)
    assert city["density_spread"] == pytest.approx(0, abs=1e-12) and city["dense_share"] == 1
    assert city["people_per_household"] == pytest.approx(7700 / 3700)  # Table P3, mid-2017: 7,700 people, 3,700 homes
    assert city["median_age"] == pytest.approx(33.6)                    # MYE6, mid-2023
    assert city["ethnic_minority_share"] == pytest.approx(1 - 5799 / 7375)  # Census 2011: 5,799 White of 7,375
    cheshire = dict(zip(names, x[codes.index("E23000006")]))
    assert cheshire["ethnic_minority_share"] == pytest.approx(0.0308560, abs=1e-6)  # 1 - 995,998 / 1,027,709


@needs_raw
def test_non_resident_flag_comes_from_suppressed_ons_rates():
    from forcepages.importers.reference import non_resident_flags
    flags = non_resident_flags(RAW)
    assert len(flags) == 43 and [c for c, f in flags.items() if f] == ["E23000034"]  # Table P3 shows "+" for the City
