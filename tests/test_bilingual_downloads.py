"""Downloads in English and Welsh: a package's README and its spreadsheet's cover sheet carry the Welsh from the
catalogue beside the English, where the site has Welsh pages; the files stay byte-reproducible."""

from __future__ import annotations

import functools
import json
import zipfile
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow

from forcepages import language
from forcepages.config import Settings
from forcepages.language import _
from forcepages.publish import bilingual
from forcepages.publish.downloads import publish_package
from forcepages.validate.discover import PackageInfo

pytestmark = pytest.mark.unit


def _package(folder: Path) -> PackageInfo:
    """A small package: one CSV, an OGL licence, a source and a change."""
    folder.mkdir(parents=True)
    (folder / "values.csv").write_text("area_code,value\nE23000001,12.5\n", encoding="utf-8")
    descriptor = {"name": "demo", "title": "Demo figures", "version": "1.2.0",
                  "licenses": [{"name": "OGL-UK-3.0", "title": "Open Government Licence v3.0"}],
                  "sources": [{"title": "Demo source"}],
                  "changes": [{"version": "1.2.0", "date": "2025-02-01", "description": "First release."}],
                  "resources": [{"name": "values", "path": "values.csv", "schema": {"fields": [
                      {"name": "area_code", "type": "string"}, {"name": "value", "type": "number"}]}}]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return PackageInfo("demo", folder, descriptor)


def _publish(tmp_path: Path, languages: tuple[str, ...], name: str) -> tuple[str, list[list[str]], bytes, bytes]:
    """The README, the cover sheet's rows, and the zip and ODS bytes of the package published for ``languages``."""
    settings = Settings(publisher="Demo Office", languages=languages, root=tmp_path)
    package = _package(tmp_path / "packages" / name)
    docs = tmp_path / f"docs-{name}"
    publish_package(package, docs, settings, {})
    archive = docs / "data" / "packages" / "demo.zip"
    ods = docs / "data" / "packages" / "demo.ods"
    with zipfile.ZipFile(archive) as z:
        readme = z.read("demo/README.md").decode("utf-8")
    cover = load(str(ods)).spreadsheet.getElementsByType(Table)[0]
    rows = [["".join(str(n) for n in cell.childNodes) for cell in row.getElementsByType(TableCell)]
            for row in cover.getElementsByType(TableRow)]
    return readme, rows, archive.read_bytes(), ods.read_bytes()


@functools.lru_cache(maxsize=1)
def _shipped_welsh() -> language.Language:
    return language.load("cy")


def _welsh(message: str) -> str:
    """A message in the shipped Welsh catalogue (the English where it has no translation yet)."""
    with language.use(_shipped_welsh()):
        return _(message)


def test_readme_and_cover_sheet_carry_the_catalogue_s_welsh_beside_the_english(tmp_path):
    readme, rows, _zip, _ods = _publish(tmp_path, ("en", "cy"), "both")
    for heading in ("Licence", "How to cite", "Files"):
        welsh = _welsh(heading)
        assert f"## {heading} / {welsh}\n" in readme if welsh != heading else f"## {heading}\n" in readme
    frictionless = "This is a Frictionless data package: check it with `frictionless validate datapackage.json`."
    welsh = _welsh(frictionless)
    if welsh != frictionless:  # the Welsh paragraph follows the English one
        assert f"{frictionless}\n\n{welsh}\n" in readme
    assert readme.count(frictionless) == 1
    for heading in ("How to cite", "Shorthand used in this spreadsheet"):
        welsh = _welsh(heading)
        assert ([heading, welsh] if welsh != heading else [heading]) in rows
    assert ["Demo figures"] == rows[0]  # the data's own words are written once


def test_an_english_only_site_writes_english_only_downloads(tmp_path):
    readme, rows, _zip, _ods = _publish(tmp_path, ("en",), "english")
    assert "## How to cite\n" in readme and " / " not in readme.split("\n")[0]
    assert all(len(row) == 1 for row in rows)


def test_bilingual_downloads_are_byte_reproducible(tmp_path):
    first = _publish(tmp_path / "a", ("en", "cy"), "one")
    second = _publish(tmp_path / "b", ("en", "cy"), "one")
    assert first[2] == second[2] and first[3] == second[3]


def test_the_welsh_comes_from_the_catalogue(tmp_path):
    """With a catalogue that translates them, headings pair up, paragraphs follow each other, tables keep one body
    with both headers, and the cover sheet's rows gain a Welsh column."""
    catalog = Catalog(locale="cy", domain=language.DOMAIN)
    for english, welsh in (("How to cite", "Sut i ddyfynnu"), ("file", "ffeil"),
                           ("Not stated.", "Heb ei nodi.")):
        catalog.add(english, welsh)
    po = tmp_path / "cy" / "LC_MESSAGES" / f"{language.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, catalog)

    def text() -> list[str]:
        return ["## " + _("How to cite"), "Demo Office (2025).", "| " + _("file") + " | sha256 |\n| --- | --- |\n| a.csv | 01 |",
                _("Not stated.")]

    settings = Settings(languages=("en", "cy"))
    versions = bilingual.each(settings, text, tmp_path)
    assert bilingual.blocks(versions) == ["## How to cite / Sut i ddyfynnu", "Demo Office (2025).",
                                          "| file / ffeil | sha256 |\n| --- | --- |\n| a.csv | 01 |",
                                          "Not stated.", "Heb ei nodi."]
    assert bilingual.each(Settings(languages=("en",)), text, tmp_path) == [versions[0]]
    cover = bilingual.rows(bilingual.each(settings, lambda: [[_("How to cite")], ["Demo Office"]], tmp_path))
    assert cover == [["How to cite", "Sut i ddyfynnu"], ["Demo Office"]]


def test_blocks_that_do_not_line_up_follow_the_english_whole():
    assert bilingual.blocks([["a", "b"], ["c"]]) == ["a", "b", "c"]
    assert bilingual.rows([[["a"]], [["b"], ["c"]]]) == [["a"], ["b"], ["c"]]
