"""The data in Welsh (issue 16): the optional _cy columns the importers write, how validation checks them, and that a
package without them loads as before. Unit tests: no site is built (the golden snapshots build the fixture site,
which has no _cy columns, and must not change)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from conftest import FIXTURE, ROOT, copy_fixture
from forcepages.config import load_settings
from forcepages.errors import ValidationFailed
from forcepages.importers.framework_catalogue_cy import welsh
from forcepages.indicator import Indicator
from forcepages.validate.load import validate_and_load

PACKAGES = ROOT / "datapackages"
WELSH_BANNED = re.compile(r"\b(targed\w*|tabl(au)? cynghrair|gorau|gwaethaf|methu)\b", re.I)
MARKDOWN = re.compile(r"\*|`|#|_|\]\(|^\s*[-+>]", re.M)
WELSH_FORCES = {"W15000001": "Heddlu Gogledd Cymru", "W15000002": "Heddlu Gwent", "W15000003": "Heddlu De Cymru",
                "W15000004": "Heddlu Dyfed-Powys"}


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _welsh_cells(rows: list[dict]) -> list[str]:
    return [value for row in rows for name, value in row.items() if name.endswith("_cy") and value]


def test_shipped_catalogue_has_welsh_text_for_every_indicator():
    rows = _rows(PACKAGES / "framework" / "indicators.csv")
    assert len(rows) == 32
    for row in rows:
        for name in ("title", "definition", "unit", "source", "caveats", "comparability_note"):
            english, cymraeg = row[name], row[name + "_cy"]
            assert bool(cymraeg) == bool(english), (row["indicator_id"], name)  # Welsh exactly where there is English
            if name in ("title", "definition", "caveats") and english:
                assert cymraeg != english, (row["indicator_id"], name)
    assert _rows(PACKAGES / "framework" / "indicators.csv")[1]["title_cy"] == "Byrgleriaeth mewn cartrefi"
    domains = _rows(PACKAGES / "framework" / "domains.csv")
    assert all(d["title_cy"] and d["description_cy"] for d in domains) and len(domains) == 4
    assert all(b["description_cy"] for b in _rows(PACKAGES / "framework" / "series_breaks.csv"))


@pytest.mark.parametrize("file", ["framework/indicators.csv", "framework/domains.csv", "framework/series_breaks.csv",
                                  "reference/areas.csv", "reference/local_authorities.csv"])
def test_shipped_welsh_is_plain_text_without_judging_words(file):
    cells = _welsh_cells(_rows(PACKAGES / file))
    assert cells
    assert [c for c in cells if WELSH_BANNED.search(c)] == []
    assert [c for c in cells if MARKDOWN.search(c)] == []


def test_shipped_welsh_place_names():
    areas = {r["area_code"]: r for r in _rows(PACKAGES / "reference" / "areas.csv")}
    assert {code: areas[code]["name_cy"] for code in WELSH_FORCES} == WELSH_FORCES
    assert areas["K04000001"]["name_cy"] == "Cymru a Lloegr"
    assert all(r["region_cy"] for r in areas.values() if r["area_type"] == "force")  # every region, in Welsh
    assert {r["region_cy"] for code, r in areas.items() if code in WELSH_FORCES} == {"Cymru"}
    assert {code for code, r in areas.items() if r["name_cy"]} == set(WELSH_FORCES) | {"K04000001"}
    districts = {r["lad_code"]: r for r in _rows(PACKAGES / "reference" / "local_authorities.csv")}
    welsh_names = {code: r["name_cy"] for code, r in districts.items() if r["name_cy"]}
    assert set(welsh_names) == {code for code in districts if code.startswith("W06")} and len(welsh_names) == 22
    assert (welsh_names["W06000015"], welsh_names["W06000010"], welsh_names["W06000001"],
            welsh_names["W06000006"], welsh_names["W06000022"]) == ("Caerdydd", "Sir Gaerfyrddin", "Ynys Môn",
                                                                    "Wrecsam", "Casnewydd")


def test_welsh_columns_are_optional_strings_in_the_schemas():
    for package, resource, names in [("framework", "indicators", ["title_cy", "definition_cy", "unit_cy", "source_cy",
                                                                  "caveats_cy", "comparability_note_cy"]),
                                     ("framework", "domains", ["title_cy", "description_cy"]),
                                     ("framework", "series_breaks", ["description_cy"]),
                                     ("reference", "areas", ["name_cy", "region_cy"]),
                                     ("reference", "local_authorities", ["name_cy"])]:
        descriptor = json.loads((PACKAGES / package / "datapackage.json").read_text(encoding="utf-8"))
        fields = {f["name"]: f for r in descriptor["resources"] if r["name"] == resource for f in r["schema"]["fields"]}
        for name in names:
            assert fields[name]["type"] == "string" and not fields[name].get("constraints", {}).get("required"), name


def test_importer_leaves_welsh_empty_where_it_has_none_or_the_english_is_empty():
    row = {"indicator_id": "burglary-of-homes", "unit": "offences per 1,000 people", "title": "Burglary of homes",
           "definition": "x", "source": "y", "caveats": "", "comparability_note": ""}
    out = welsh(row)
    assert out["title_cy"] == "Byrgleriaeth mewn cartrefi" and out["unit_cy"] == "troseddau fesul 1,000 o bobl"
    assert out["caveats_cy"] == "" and out["comparability_note_cy"] == ""  # no English, so no Welsh
    assert set(welsh({**row, "indicator_id": "my-own-indicator", "unit": "hours"}).values()) == {""}


def test_loading_keeps_the_welsh_columns():
    data = validate_and_load(load_settings(ROOT / "mkdocs.yml"), frictionless=False)
    meta = Indicator.from_row(data.indicators.loc["emergency-calls-answered-on-time"].to_dict())
    assert meta.title_cy == "Galwadau 999 a atebwyd mewn pryd" and meta.unit_cy == "%"
    assert meta.comparability_note_cy.startswith("Dewisodd pob heddlu") and meta.source_cy.startswith("HMIC")
    assert data.domains.set_index("domain_id").loc["local-crime-and-policing", "title_cy"] == "Troseddu a phlismona lleol"
    assert data.breaks["description_cy"].str.len().gt(0).all()
    assert data.areas.loc["W15000002", "name_cy"] == "Heddlu Gwent" and data.areas.loc["W15000002", "region_cy"] == "Cymru"
    assert set(data.local_authorities.loc[data.local_authorities["name_cy"].ne(""), "area_code"]) == set(WELSH_FORCES)


def _add_column(folder: Path, package: str, resource: str, name: str, values: dict[int, str]) -> None:
    """Add a string column to a resource's CSV file (``values``: data row index to cell) and to its schema."""
    file = folder / "datapackages" / package / f"{resource}.csv"
    rows = list(csv.reader(file.open(encoding="utf-8", newline="")))
    rows = [rows[0] + [name]] + [r + [values.get(i, "")] for i, r in enumerate(rows[1:])]
    with file.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    descriptor_file = folder / "datapackages" / package / "datapackage.json"
    descriptor = json.loads(descriptor_file.read_text(encoding="utf-8"))
    next(r for r in descriptor["resources"] if r["name"] == resource)["schema"]["fields"].append(
        {"name": name, "type": "string"})
    descriptor_file.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def _without(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[[c for c in frame.columns if not c.endswith("_cy")]]


def test_package_without_welsh_columns_loads_as_it_does_with_them(tmp_path):
    """The fixture packages have no _cy columns: they validate, every Welsh field of an Indicator is "", and adding
    Welsh columns changes nothing else that is loaded."""
    before = validate_and_load(load_settings(FIXTURE / "mkdocs.yml"))
    assert not any(c.endswith("_cy") for frame in (before.indicators, before.domains, before.areas) for c in frame)
    meta = Indicator.from_row(before.indicators.loc["burglary"].to_dict())
    assert (meta.title_cy, meta.definition_cy, meta.caveats_cy, meta.unit_cy, meta.source_cy,
            meta.comparability_note_cy) == ("",) * 6 and meta.title == "Burglary"
    config = copy_fixture(tmp_path / "site")
    _add_column(config.parent, "framework", "indicators", "title_cy", {0: "Byrgleriaeth"})
    _add_column(config.parent, "framework", "domains", "title_cy", {0: "Troseddu a phlismona lleol"})
    _add_column(config.parent, "reference", "areas", "name_cy", {0: "Sir y Gogledd"})
    after = validate_and_load(load_settings(config))
    assert Indicator.from_row(after.indicators.loc["burglary"].to_dict()).title_cy == "Byrgleriaeth"
    assert after.areas.loc["E23000001", "name_cy"] == "Sir y Gogledd"
    for name in ("indicators", "domains", "areas", "breaks", "values", "population"):
        pd.testing.assert_frame_equal(_without(getattr(after, name)), getattr(before, name), obj=name)


def test_over_long_welsh_title_is_a_coded_problem_naming_file_row_and_field(tmp_path):
    config = copy_fixture(tmp_path / "site")
    _add_column(config.parent, "framework", "indicators", "title_cy", {1: "Ymddygiad gwrthgymdeithasol " * 10})
    _add_column(config.parent, "framework", "domains", "title_cy", {0: "Troseddu " * 30})
    _add_column(config.parent, "reference", "areas", "name_cy", {2: "Heddlu " * 40})
    with pytest.raises(ValidationFailed) as caught:
        validate_and_load(load_settings(config))
    found = {p.as_tuple(): p for p in caught.value.problems}
    assert set(found) == {("indicators.csv", 3, "title_cy", "text-too-long"), ("domains.csv", 2, "title_cy", "text-too-long"),
                          ("areas.csv", 4, "name_cy", "text-too-long")}
    problem = found[("indicators.csv", 3, "title_cy", "text-too-long")]
    assert problem.path == "datapackages/framework/indicators.csv" and "280 characters" in problem.message
