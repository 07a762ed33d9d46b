"""The accessible spreadsheets follow the Analysis Function's guidance: cover, contents, notes, one table per sheet."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from odf.namespaces import TABLENS
from odf.opendocument import load
from odf.table import CoveredTableCell, Table, TableCell, TableRow

from forcepages.publish import ods

GSS = {"[x]", "[z]", "[c]", "[low]", "[u]"}


def _cell_text(cell) -> str:
    return "".join(str(n) for n in cell.childNodes if n.qname[1] == "p").strip() if cell.childNodes else ""


def _sheets(path: Path) -> dict[str, list[list[str]]]:
    """Each sheet as rows of cell texts (repeated cells expanded)."""
    doc = load(str(path))
    out = {}
    for table in doc.spreadsheet.getElementsByType(Table):
        assert not table.getElementsByType(CoveredTableCell), "merged cells"
        rows = []
        for row in table.getElementsByType(TableRow):
            cells = []
            for cell in row.getElementsByType(TableCell):
                for attr in ("number-columns-spanned", "number-rows-spanned"):
                    assert int(cell.attributes.get((TABLENS, attr), 1)) == 1, "merged cells"
                cells += [_cell_text(cell)] * int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1))
            rows.append(cells)
        out[table.getAttribute("name")] = rows
    return out


def _spreadsheets(build: Path) -> list[Path]:
    files = sorted((build / "site" / "data" / "packages").glob("*.ods"))
    assert files
    return files


def test_every_package_has_a_spreadsheet(fixture_site):
    packages = {p.name for p in (fixture_site / "site" / "data" / "packages").iterdir() if p.is_dir()}
    assert {p.stem for p in _spreadsheets(fixture_site)} == packages


def test_structure_follows_the_guidance(fixture_site):
    for path in _spreadsheets(fixture_site):
        with zipfile.ZipFile(path) as archive:
            first = archive.infolist()[0]
            assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
            assert archive.read("mimetype") == ods.MIMETYPE.encode()
        sheets = _sheets(path)
        names = list(sheets)
        assert names[:3] == ["Cover_sheet", "Contents", "Notes"], names
        assert all(" " not in n and len(n) <= 31 for n in names)
        tables = names[3:]
        assert tables and all(n.startswith("Table_") for n in tables)
        for name, rows in sheets.items():
            assert rows and rows[0] and rows[0][0], f"{path.name} {name}: no title in A1"
        # the contents lists every table sheet
        contents = sheets["Contents"]
        assert contents[2][:2] == ["Sheet name", "Table title"]
        assert [r[0] for r in contents[3:]] == tables + ["Notes"]
        assert sheets["Notes"][2] == ["Note number", "Note text"]
        for name in ["Contents", "Notes"] + tables:
            rows = sheets[name]
            header_at = 2 if name in ("Contents", "Notes") else 3
            header = rows[header_at]
            assert all(header) and len(set(header)) == len(header), f"{name}: header cells must be filled and different"
            for row in rows[header_at + 1:]:
                assert any(c for c in row), f"{path.name} {name}: blank row inside the table"
                assert len(row) <= len(header), f"{path.name} {name}: cells outside the table"
            for col in range(len(header)):
                assert any(col < len(r) and r[col] for r in rows[header_at + 1:]) or len(rows) == header_at + 1, f"{name}: blank column"


def test_tables_match_the_csv_files_and_pandas_reads_them(fixture_site):
    path = fixture_site / "site" / "data" / "packages" / "crime.ods"
    frames = pd.read_excel(path, engine="odf", sheet_name=None, header=None)
    assert list(frames)[:3] == ["Cover_sheet", "Contents", "Notes"]
    table = pd.read_excel(path, engine="odf", sheet_name="Table_1", header=3, dtype=object)
    with open(fixture_site / "site" / "data" / "packages" / "crime" / "values.csv", encoding="utf-8") as f:
        records = list(csv.reader(f))
    assert list(table.columns) == records[0]
    assert len(table) == len(records) - 1
    values = table["value"].astype(str)
    assert values.eq("[c]").any(), "suppressed values appear as [c]"
    numbers = pd.to_numeric(table["value"], errors="coerce")
    assert numbers.notna().sum() > 0, "numbers are stored as numbers"
    assert set(values[numbers.isna()]) <= GSS


def test_cover_sheet_has_source_licence_and_citation(fixture_site):
    cover = [r[0] for r in _sheets(fixture_site / "site" / "data" / "packages" / "crime.ods")["Cover_sheet"] if r]
    text = "\n".join(cover)
    for words in ("Source", "Licence", "Open Government Licence v3.0", "How to cite", "[c] means"):
        assert words in text


def test_formula_like_text_is_neutralised():
    sheet = ods.Sheet("Table_1", [["Table 1: test"], ["about"], ["about"], ["name", "value"],
                                           ["=HYPERLINK(\"http://x\")", 1.5], ["@SUM(A1)", "[c]"], ["-2+3", 2]], 3)
    data = ods.write_ods([sheet], "test")
    path = Path(pytest.importorskip("tempfile").mkdtemp()) / "t.ods"
    path.write_bytes(data)
    rows = _sheets(path)["Table_1"]
    assert rows[4][0].startswith("'=") and rows[5][0].startswith("'@") and rows[6][0].startswith("'-")
    assert b"table:formula" not in zipfile.ZipFile(io.BytesIO(data)).read("content.xml")


def test_spreadsheet_bytes_are_reproducible(fixture_site):
    sheet = ods.Sheet("Table_1", [["Table 1"], ["a"], ["b"], ["x"], [1]], 3)
    assert ods.write_ods([sheet], "t") == ods.write_ods([sheet], "t")


def test_zero_and_negative_zero_keep_their_own_cells():
    """Cells are cached by value, and 0.0 == -0.0: each must still be written as itself."""
    content = ods._content([ods.Sheet("T", [[0.0], [-0.0], [-0.0], [0.0], [1.5], [-1.5]], None)])
    assert re.findall(r'office:value="([^"]+)"', content) == ["0", "-0", "-0", "0", "1.5", "-1.5"]
