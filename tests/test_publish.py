"""Downloads for journalists: package zips, checksums, CSV slices, data pages, revisions, release calendar, Atom feed."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import socket
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import copy_fixture
from forcepages.build import build
from forcepages.config import load_settings

ATOM = "{http://www.w3.org/2005/Atom}"


def _packages(build_dir: Path) -> list[Path]:
    found = sorted(p for p in (build_dir / "site" / "data" / "packages").iterdir() if p.is_dir())
    assert found
    return found


@pytest.fixture
def offline(monkeypatch):
    """No network: any attempt to open a connection fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _validate(folder: Path) -> None:
    from frictionless import Package, system

    with system.use_context(trusted=False):
        report = Package(str(folder / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])[:5]


def test_published_packages_have_bytes_and_sha256(fixture_site):
    for folder in _packages(fixture_site):
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            data = (folder / resource["path"]).read_bytes()
            assert resource["bytes"] == len(data)
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()


def test_frictionless_validates_the_published_copies_offline(fixture_site, offline):
    for folder in _packages(fixture_site):
        _validate(folder)


def test_frictionless_validates_the_national_copies_offline(national_site, offline):
    for folder in _packages(national_site):
        _validate(folder)


def test_a_wrong_hash_is_caught(fixture_site, tmp_path, offline):
    import shutil

    folder = tmp_path / "crime"
    shutil.copytree(fixture_site / "site" / "data" / "packages" / "crime", folder)
    text = (folder / "datapackage.json").read_text(encoding="utf-8")
    (folder / "datapackage.json").write_text(re.sub(r"sha256:[0-9a-f]{4}", "sha256:0000", text, count=1), encoding="utf-8")
    from frictionless import Package

    assert not Package(str(folder / "datapackage.json")).validate().valid


def test_each_package_zip_holds_description_readme_and_csvs(fixture_site):
    for folder in _packages(fixture_site):
        path = folder.parent / f"{folder.name}.zip"
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            assert names == sorted(names)
            descriptor = json.loads(archive.read(f"{folder.name}/datapackage.json"))
            expected = {f"{folder.name}/{r['path']}" for r in descriptor["resources"]} | {f"{folder.name}/datapackage.json", f"{folder.name}/README.md"}
            assert set(names) == expected
            assert archive.read(f"{folder.name}/datapackage.json") == (folder / "datapackage.json").read_bytes()
            for r in descriptor["resources"]:
                assert archive.read(f"{folder.name}/{r['path']}") == (folder / r["path"]).read_bytes()
            readme = archive.read(f"{folder.name}/README.md").decode()
            for words in ("## Source", "## Licence", "## How to cite", "Open Government Licence v3.0", "sha256"):
                assert words in readme
            assert {i.date_time for i in archive.infolist()} == {archive.infolist()[0].date_time}
            assert all(i.external_attr >> 16 == 0o100644 for i in archive.infolist())


def test_builds_are_byte_reproducible(fixture_site, tmp_path):
    config = copy_fixture(tmp_path / "again")
    out = tmp_path / "again" / "build"
    build(load_settings(config), config, out)
    first, second = fixture_site / "site", out / "site"
    files = sorted(p.relative_to(first) for p in (first / "data").rglob("*") if p.is_file() and p.suffix != ".html")
    files += [Path("releases.xml")] + sorted(p.relative_to(first) for p in (first / "charts").glob("*.csv"))
    files += sorted(p.relative_to(first) for p in (first / "cy" / "charts").iterdir())  # the Welsh pages' charts
    assert any(p.parts[0] == "cy" for p in files)
    assert len(files) > 20
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_suppressed_values_are_published_as_c_everywhere(fixture_site):
    docs = fixture_site / "site"
    rows = list(csv.DictReader(open(docs / "data" / "csv" / "indicators" / "asb-incidents.csv", encoding="utf-8")))
    hidden = [r for r in rows if r["value"] == "[c]"]
    assert hidden and all(r["numerator"] == "[c]" for r in hidden)
    source = list(csv.DictReader(open(docs / "data" / "packages" / "crime" / "values.csv", encoding="utf-8")))
    for r in source:
        if r["indicator_id"] == "asb-incidents" and r["numerator"] not in ("", "[c]", "[x]"):
            assert float(r["numerator"]) >= 5, "a numerator below the disclosure threshold was published"
    assert any(r["value"] == "[c]" for r in source)


def test_csv_slices_per_force_and_indicator(fixture_site):
    docs = fixture_site / "docs"
    forces = sorted(p.stem for p in (docs / "forces").iterdir() if p.is_dir())
    static = fixture_site / "site" / "data" / "csv"
    assert sorted(p.stem for p in (static / "forces").glob("*.csv")) == forces
    indicators = sorted(p.stem for p in (docs / "indicators").glob("*.md") if p.stem != "index")
    assert sorted(p.stem for p in (static / "indicators").glob("*.csv")) == indicators
    with open(static / "forces" / f"{forces[0]}.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and len({r["area_code"] for r in rows}) == 1
    assert {"indicator_id", "indicator_title", "area_name", "period_start", "period_end", "value", "unit"} <= set(rows[0])
    for page in (docs / "forces").glob("*/*.md"):
        for link in re.findall(r"\]\(([^)]*charts/[^)]*\.csv)\)", page.read_text(encoding="utf-8")):
            assert (fixture_site / "site" / page.parent.relative_to(docs) / link).resolve().is_file(), link


def test_formula_like_text_is_neutralised_in_csv_slices(fixture_copy):
    values = fixture_copy.parent / "datapackages" / "crime" / "values.csv"
    with open(values, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[0]["note"] = '=HYPERLINK("http://example.com")'
    with open(values, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    out = fixture_copy.parent / "build"
    build(load_settings(fixture_copy), fixture_copy, out)
    text = "".join(p.read_text(encoding="utf-8") for p in (out / "site" / "data" / "csv").rglob("*.csv"))
    assert "'=HYPERLINK" in text
    assert not re.search(r'(^|,)"?=HYPERLINK', text, re.M)


def test_data_pages_have_dictionary_citation_licence_and_checksums(fixture_site):
    data = fixture_site / "docs" / "data"
    for page in sorted(data.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert "Contains public sector information licensed under the Open Government Licence v3.0." in text, page.name
        if page.name == "index.md":
            assert "releases.xml" in text and "csv/forces/" in text and "csv/indicators/" in text
            continue
        for words in ("## How to cite", "## Data dictionary", "| Field | Type | Unit | Description | Rules |", "## Downloads", ".zip)", ".ods)"):
            assert words in text, (page.name, words)
        assert re.search(r"`[0-9a-f]{64}`", text)
    crime = (data / "crime.md").read_text(encoding="utf-8")
    assert "\\[c\\] | confidential" in crime
    assert "offences per 1,000 people" in crime


def test_revisions_log_and_release_calendar(fixture_site):
    docs = fixture_site / "docs"
    revisions = (docs / "revisions.md").read_text(encoding="utf-8")
    assert "# Revisions and corrections" in revisions and "15 January 2024" in revisions and "(data/crime.md)" in revisions
    calendar = (docs / "release-calendar.md").read_text(encoding="utf-8")
    assert "30 January 2025" in calendar and "Quarterly update" in calendar
    assert (fixture_site / "site" / "revisions.html").is_file() and (fixture_site / "site" / "release-calendar.html").is_file()


def test_revisions_come_from_package_changes(tmp_path):
    from forcepages.validate.discover import PackageInfo
    from forcepages.compose.releases import changes

    p = PackageInfo("x", tmp_path, {"title": "X", "changes": [
        {"version": "1.0.0", "date": "2024-01-01", "description": "First release."},
        {"version": "1.0.1", "date": "2024-03-01", "description": "Corrected the figure for Kent."},
        {"version": "1.1.0", "date": "2024-06-01", "description": "Added 2023/24."}]})
    assert [(c.version, c.kind) for c in changes([p])] == [("1.1.0", "revision"), ("1.0.1", "correction"), ("1.0.0", "release")]


def test_atom_feed_is_valid_and_stable(fixture_site):
    path = fixture_site / "site" / "releases.xml"
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{name}") is not None, name
    entries = root.findall(f"{ATOM}entry")
    assert entries
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    stamp = re.compile(r"^\d{4}-\d{2}-\d{2}T00:00:00Z$")
    dates = set()
    for e in entries:
        for name in ("id", "title", "updated", "link", "summary"):
            assert e.find(f"{ATOM}{name}") is not None, name
        assert stamp.match(e.findtext(f"{ATOM}updated"))
        dates.add(e.findtext(f"{ATOM}updated")[:10])
    assert root.findtext(f"{ATOM}updated")[:10] == max(dates)
    changes = {c["date"] for p in _packages(fixture_site)
               for c in json.loads((p / "datapackage.json").read_text(encoding="utf-8")).get("changes", [])}
    assert dates <= changes, "feed dates come from the data, not the clock"
    assert (fixture_site / "site" / "releases.xml").read_bytes() == path.read_bytes()
