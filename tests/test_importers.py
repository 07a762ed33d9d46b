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
from forcepages.importers.common import FORCE_CODES, PROJECT_ROOT, mid_year_for_period, raw_dir, year_before
from forcepages.importers.package_writer import write_package
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


# --------------------------------------------------------------------------- force-by-year files (issue 14)
# Every constant below was worked out by hand from the raw CSVs in ho_force_year_recent/ (grep, awk and a
# calculator), not by the importers: charge rate = closed_ex_fraud_t1 / closed_ex_fraud_assigned x 100;
# recorded crime and stop and search per 1,000 = count / reference/population.csv x 1,000.

FORCE_YEAR = RAW / "ho_force_year_recent"
DURHAM, CLEVELAND, SURREY, MET, GMP, DERBYSHIRE = (
    "E23000008", "E23000013", "E23000031", "E23000001", "E23000005", "E23000018")
MERSEYSIDE, AVON, DORSET, CITY, EW = "E23000004", "E23000036", "E23000039", "E23000034", "K04000001"
CHARGES_2025_26 = {  # code: (charges, all assigned outcomes, 100 x charges / outcomes) for April 2025 to March 2026
    DURHAM: (7143, 57786, 12.3611),      # raw: Durham,durham,2025/26,... closed_ex_fraud_t1 7143, assigned 57786
    CLEVELAND: (9520, 74202, 12.8298),   # raw: Cleveland,...,2025/26: 9520 and 74202
    SURREY: (7821, 75561, 10.3506),      # raw: Surrey,...,2025/26: 7821 and 75561
    MET: (78174, 919293, 8.5037),        # raw: Metropolitan Police,...,2025/26: 78174 and 919293
    EW: (543200, 5166179, 10.5145),      # awk sum of the 43 forces (British Transport Police left out)
}
RECORDED_EW = {  # year ending 31 March: all recorded crime, sum of the 43 forces in the raw file
    "2020-03-31": 5234118, "2021-03-31": 4580184, "2022-03-31": 5277019, "2023-03-31": 5512608,
    "2024-03-31": 5324846, "2025-03-31": 5225442, "2026-03-31": 5143915,
}


def _by_key(package: str) -> dict[tuple[str, str, str], dict]:
    return {(r["indicator_id"], r["area_code"], r["period_start"]): r for r in _values(package)}


def test_charge_rate_all_crime_2025_26_matches_hand_counts():
    rows = _by_key("crime-outcomes")
    for code, (charges, outcomes, rate) in CHARGES_2025_26.items():
        r = rows[("charge-rate-all-crime", code, "2025-04-01")]
        assert r["period_end"] == "2026-03-31"
        assert (int(r["numerator"]), int(r["denominator"])) == (charges, outcomes), code
        assert float(r["value"]) == pytest.approx(rate, abs=0.05), code   # to 0.1 percentage points
        assert float(r["value"]) == pytest.approx(100 * charges / outcomes, abs=1e-4)


def test_charge_rate_all_crime_missing_forces_are_x_never_zero():
    rows = _by_key("crime-outcomes")
    all_crime = [r for r in rows.values() if r["indicator_id"] == "charge-rate-all-crime"]
    assert sorted({r["period_start"][:4] for r in all_crime}) == [str(y) for y in range(2014, 2026)]
    assert len(all_crime) == 12 * 44
    not_given = {(r["area_code"], r["period_start"]) for r in all_crime if r["value"] == "[x]"}
    fy1415 = {"E23000026", "E23000002", "W15000004", "E23000027", "E23000021", MET, "E23000011", EW}
    assert not_given == {(c, "2014-04-01") for c in fy1415} | {(GMP, "2019-04-01"), (EW, "2019-04-01")}
    assert all(r["note"].startswith("Not available") for r in all_crime if r["value"] == "[x]")
    assert not any(r["value"] != "[x]" and float(r["value"]) == 0 for r in all_crime)
    # 2017/18 and 2018/19 now come from the later tables: one series, marked revised
    durham = rows[("charge-rate-all-crime", DURHAM, "2018-04-01")]
    assert (durham["numerator"], durham["denominator"], durham["status"]) == ("6303", "63732", "[r]")
    assert rows[("charge-rate-all-crime", DURHAM, "2025-04-01")]["status"] == ""


def test_total_recorded_crime_has_every_financial_year_to_2026():
    rows = _values("recorded-crime")
    ew = {r["period_end"]: r for r in rows if r["indicator_id"] == "total-recorded-crime" and r["area_code"] == EW}
    for end, count in RECORDED_EW.items():
        assert int(ew[end]["numerator"]) == count, end
        assert ew[end]["period_start"] == f"{int(end[:4]) - 1}-04-01"
    assert float(ew["2020-03-31"]["value"]) == pytest.approx(88.2386, abs=1e-4)   # 5,234,118 / 59,317,788 (mid-2019)
    assert "mid-2023" in ew["2026-03-31"]["note"]                                 # population after the latest estimate
    keyed = _by_key("recorded-crime")
    durham = keyed[("total-recorded-crime", DURHAM, "2020-04-01")]
    assert (durham["numerator"], durham["denominator"], durham["value"]) == ("55786", "626031", "89.1106")
    for start in ("2021-04-01", "2022-04-01"):   # the source gives Derbyshire 86,228 in both years: kept, with a note
        r = keyed[("total-recorded-crime", DERBYSHIRE, start)]
        assert r["numerator"] == "86228" and "86,228" in r["note"] and "as it was published" in r["note"]
    assert "86,228" not in keyed[("total-recorded-crime", DERBYSHIRE, "2023-04-01")]["note"]
    breaks = {(b["indicator_id"], b["break_date"]): b for b in _csv(PACKAGES / "framework" / "series_breaks.csv")}
    assert breaks[("total-recorded-crime", "2019-04-01")]["kind"] == "definition"


def test_stop_and_search_rates_match_hand_counts():
    rows = _by_key("stop-and-search")
    rate = "stop-and-search-rate"
    assert (rows[(rate, MERSEYSIDE, "2024-04-01")]["numerator"], rows[(rate, MERSEYSIDE, "2024-04-01")]["value"]) == (
        "53105", "36.4591")                                # 53,105 / 1,456,562 (mid-2023) x 1,000
    assert "mid-2023" in rows[(rate, MERSEYSIDE, "2024-04-01")]["note"]
    assert rows[(rate, MET, "2006-04-01")]["value"] == "48.0947"     # 365,068 / 7,590,600 (mid-2006)
    assert rows[(rate, EW, "2024-04-01")]["numerator"] == "494892"   # csv sum of 43 forces, 2024/25
    assert rows[(rate, EW, "2006-04-01")]["numerator"] == "1037735"  # = the source's "All - excluding BTP" row
    assert rows[(rate, CITY, "2019-04-01")]["numerator"] == "2942"
    ends = sorted({r["period_end"] for r in rows.values() if r["indicator_id"] == rate})
    assert ends[0] == "2007-03-31" and ends[-1] == "2025-03-31" and len(ends) == 19
    ratio = "stop-and-search-black-white-ratio"
    for code, value in ((AVON, "4.7200"), (DORSET, "13.6842"), (EW, "4.0862")):   # 11.8/2.5, 26.0/1.9, 23.7/5.8
        r = rows[(ratio, code, "2022-04-01")]
        assert r["value"] == value and r["period_end"] == "2023-03-31", code
    assert rows[(ratio, CITY, "2022-04-01")]["value"] == "[x]"
    catalogue = {i["indicator_id"]: i for i in _csv(PACKAGES / "framework" / "indicators.csv")}
    for ind in (rate, ratio):
        assert catalogue[ind]["comparable"] == "false" and catalogue[ind]["polarity"] == "no-judgement"
        assert catalogue[ind]["comparability_note"]
    assert "vehicle" in catalogue[rate]["definition"] and "Census" in catalogue[ratio]["caveats"]


def _raw_rows(name: str) -> list[dict]:
    return _csv(FORCE_YEAR / name)


@needs_raw
def test_hand_count_constants_are_the_raw_cells():
    outcomes = {(r["force"], r["fy"]): r for r in _raw_rows("ho_outcomes_force_year_2014_2026.csv")}
    for name, code in (("Durham", DURHAM), ("Cleveland", CLEVELAND), ("Surrey", SURREY), ("Metropolitan Police", MET)):
        r = outcomes[(name, "2025/26")]
        assert (int(r["closed_ex_fraud_t1"]), int(r["closed_ex_fraud_assigned"])) == CHARGES_2025_26[code][:2]
    recorded = {(r["force"], r["fy"]): int(r["recorded_crime"])
                for r in _raw_rows("ho_prc_recorded_crime_force_year_2012_2026.csv")}
    assert recorded[("Derbyshire", "2021/22")] == recorded[("Derbyshire", "2022/23")] == 86228
    assert recorded[("Durham", "2020/21")] == 55786
    searches = {(r["police_force"], r["financial_year"]): int(r["total_searches"])
                for r in _raw_rows("stop_search_totals_by_force_2020_2025_unjust.csv")}
    assert searches[("Merseyside", "2024/25")] == 53105
    eff = {(r["geography"], r["time"]): r for r in _raw_rows("eff_stop_search_all_ethnicity_by_pfa_2006_2023_subset.csv")}
    assert eff[("Metropolitan Police", "2006/07")]["number_of_stop_and_searches"] == "365068"
    assert eff[("All - excluding BTP", "2006/07")]["number_of_stop_and_searches"] == "1037735"


@needs_raw
def test_force_year_importers_match_the_committed_packages(tmp_path):
    for name in ("crime-outcomes", "recorded-crime", "stop-and-search"):
        write_package(build_package(name, RAW), tmp_path)
        for path in sorted((tmp_path / name).iterdir()):
            assert path.read_bytes() == (PACKAGES / name / path.name).read_bytes(), path.name


def _raw_copy(tmp_path: Path, name: str, edit) -> Path:
    """A raw folder holding one edited copy of a force-by-year file (the real file, changed in one place)."""
    folder = tmp_path / "raw" / "ho_force_year_recent"
    folder.mkdir(parents=True)
    text = (FORCE_YEAR / name).read_text(encoding="utf-8")
    (folder / name).write_text(edit(text), encoding="utf-8")
    return tmp_path / "raw"


@needs_raw
def test_force_year_bad_input_gives_clear_errors(tmp_path):
    from forcepages.importers import force_year, stop_search

    raw = _raw_copy(tmp_path, "ho_prc_recorded_crime_force_year_2012_2026.csv",
                    lambda t: t.replace("Durham,durham,2020/21", "Durhamshire,durham,2020/21"))
    with pytest.raises(ValueError, match="unknown force name 'Durhamshire'"):
        force_year.recorded_crime(raw)
    with pytest.raises(ValueError, match="not a financial year"):
        force_year.fy_dates("2025-26")
    raw2 = _raw_copy(tmp_path / "b", "ho_outcomes_force_year_2014_2026.csv",
                     lambda t: t.replace(",7143,", ",7143.5,"))   # Durham 2025/26 closed_ex_fraud_t1 (and _all_t1)
    with pytest.raises(ValueError, match=r"closed_ex_fraud_t1: expected a whole number, found '7143.5'"):
        force_year.charges(raw2)
    with pytest.raises(FileNotFoundError, match="raw file not found"):
        stop_search.ethnicity_rates(tmp_path / "nowhere")


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
