"""The static JSON API: stable fields, statistics worked out independently from the fixture CSV, suppression as [c]."""

import csv
import json
from collections import defaultdict

import pytest

from conftest import FIXTURE

RECORD_FIELDS = {"area_code", "period_start", "period_end", "numerator", "denominator", "value",
                 "lower_95", "upper_95", "lower_998", "upper_998", "status"}


@pytest.fixture(scope="module")
def api(fixture_site):
    root = fixture_site / "site" / "api" / "v1"

    def load(name):
        return json.loads((root / name).read_text(encoding="utf-8"))
    return load


def fixture_rows():
    with (FIXTURE / "datapackages" / "crime" / "values.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def similar_groups():
    groups = defaultdict(list)
    with (FIXTURE / "datapackages" / "reference" / "similar_forces.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            groups[row["area_code"]].append(row["similar_area_code"])
    return groups


def test_index_lists_every_indicator_with_its_methods(api):
    index = api("indicators.json")["indicators"]
    assert [i["id"] for i in index] == ["burglary", "asb-incidents", "charge-rate", "confidence", "grant-per-person"]
    for item in index:
        assert {"id", "title", "domain", "measure", "rate_base", "polarity", "methods"} <= set(item)
    by_id = {i["id"]: i for i in index}
    assert "byar" in by_id["burglary"]["methods"] and by_id["burglary"]["rate_base"] == 1000
    assert "wilson" in by_id["charge-rate"]["methods"]
    assert "published-interval" in by_id["confidence"]["methods"]
    assert by_id["grant-per-person"]["methods"] == ["no-interval", "similar-forces-average", "xmr"] or "no-interval" in by_id["grant-per-person"]["methods"]


def test_records_have_the_documented_fields(api):
    for iid in ("burglary", "asb-incidents", "charge-rate", "confidence", "grant-per-person"):
        doc = api(f"indicators/{iid}.json")
        assert doc["records"], iid
        for record in doc["records"]:
            assert RECORD_FIELDS <= set(record), iid
        for force in doc["forces"].values():
            for bench in ("england_and_wales", "similar_forces"):
                assert {"benchmark_value", "category"} <= set(force[bench])


def test_england_and_wales_adds_up_the_forces(api):
    rows = [r for r in fixture_rows() if r["indicator_id"] == "burglary" and r["period_end"] == "2018-03-31"]
    expected = sum(float(r["numerator"]) for r in rows) / sum(float(r["denominator"]) for r in rows) * 1000
    national = {n["period_end"]: n for n in api("indicators/burglary.json")["england_and_wales"]}
    assert national["2018-03-31"]["value"] == pytest.approx(expected, abs=1e-6)


def test_similar_forces_average_pools_the_group_without_the_force(api):
    rows = {r["area_code"]: r for r in fixture_rows() if r["indicator_id"] == "burglary" and r["period_end"] == "2018-03-31"}
    doc = api("indicators/burglary.json")
    for code, group in similar_groups().items():
        expected = sum(float(rows[c]["numerator"]) for c in group) / sum(float(rows[c]["denominator"]) for c in group) * 1000
        assert code not in group
        assert doc["forces"][code]["similar_forces"]["benchmark_value"] == pytest.approx(expected, abs=1e-6)


def test_intervals_and_categories_agree(api):
    doc = api("indicators/burglary.json")
    latest = {r["area_code"]: r for r in doc["records"] if r["period_end"] == "2018-03-31"}
    for code, force in doc["forces"].items():
        record, bench = latest[code], force["england_and_wales"]
        inside = record["lower_95"] <= bench["benchmark_value"] <= record["upper_95"]
        assert (bench["category"] == "similar") == inside  # 6 forces: too few to estimate overdispersion
        assert bench["method"] == "poisson"


def test_spc_only_on_quarterly_series_and_trend_only_on_yearly(api):
    quarterly, yearly = api("indicators/asb-incidents.json"), api("indicators/burglary.json")
    for force in quarterly["forces"].values():
        assert force["spc"] is not None and {"centre", "lower_limit", "upper_limit", "latest_signal"} <= set(force["spc"])
        assert force["recent_trend"]["direction"] == "cannot-be-calculated"
    for force in yearly["forces"].values():
        assert force["spc"] is None
        trend = force["recent_trend"]
        assert trend["direction"] in ("increasing", "decreasing", "no-significant-change")
        assert trend["points"] == 5 and trend["last_period_end"] == force["latest_period_end"]


def test_small_numbers_are_suppressed_everywhere(api, fixture_site):
    doc = api("indicators/asb-incidents.json")
    period = [r for r in doc["records"] if r["period_start"] == "2012-10-01"]
    hidden = [r for r in period if r["value"] == "[c]"]
    assert {r["area_code"] for r in hidden} >= {"E23000004"}
    assert len(hidden) >= 2, "secondary suppression: one hidden cell could be worked out from a total"
    for r in hidden:
        assert r["numerator"] == "[c]" and r["lower_95"] == "[c]" and r["upper_95"] == "[c]"
    national = next(n for n in doc["england_and_wales"] if n["period_start"] == "2012-10-01")
    assert national["value"] == "[c]"
    chart_csv = (fixture_site / "site" / "charts" / "westshire--asb-incidents.csv").read_text(encoding="utf-8")
    assert "2012-10-01,2012-12-31,[c]" in chart_csv
    assert ",3," not in next(line for line in chart_csv.splitlines() if "2012-10-01" in line)


@pytest.mark.parametrize("chunk", [1, 7, 100_000])
def test_documents_written_a_chunk_of_records_at_a_time_are_the_same_bytes(fixture_site, tmp_path, monkeypatch, chunk):
    """write_document streams the records; the file must be exactly dump() of the whole indicator_document."""
    from forcepages.publish import api as api_module
    from forcepages.compute.indicators import compute_all
    from forcepages.config import load_settings
    from forcepages.validate.load import validate_and_load

    settings = load_settings(FIXTURE / "mkdocs.yml")
    data = validate_and_load(settings)
    results = compute_all(data, settings)
    monkeypatch.setattr(api_module, "RECORD_CHUNK", chunk)
    for iid, result in results.items():
        api_module.dump(api_module.indicator_document(iid, result, data, settings.area_type), tmp_path / "whole.json")
        api_module.write_document(iid, result, data, settings.area_type, tmp_path / "chunked.json")
        assert (tmp_path / "chunked.json").read_bytes() == (tmp_path / "whole.json").read_bytes(), iid
        assert json.loads((tmp_path / "chunked.json").read_text(encoding="utf-8"))["records"], iid
