"""Accessible spreadsheets (ODS) following the Analysis Function's "releasing statistics in spreadsheets" guidance.

Each package becomes one OpenDocument spreadsheet: a cover sheet, a contents sheet, a notes sheet and one
table per sheet. Every table sheet has its title in A1, a short description below it, then one header row
and the data, with no merged cells and no blank rows or columns inside the table. Sheet names have no
spaces. Special values use the GSS shorthand ([x], [c] ...). Text that a spreadsheet could run as a
formula is neutralised. The XML is written directly (odfpy's DOM is too slow for the largest packages)
and the file's bytes depend only on the data.
"""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from typing import Any, Iterable

import pandas as pd

from forcepages.compose.citation import citation
from forcepages.config import Settings
from forcepages.validate.discover import PackageInfo
from forcepages.paths import MISSING_SYMBOLS
from forcepages.language import N_, _, ngettext
from forcepages.publish import bilingual
from forcepages.publish.ods import Cell, Sheet, write_ods

NUMERIC = {"number", "integer", "year"}
SYMBOL_NOTES = [
    ("[x]", "not available (also used where the data package leaves a number empty)"),
    ("[z]", "not applicable (also used where the data package leaves a text cell, such as a note or status, empty)"),
    ("[c]", "confidential: suppressed to protect people"),
    ("[low]", "a number that rounds to zero"),
    ("[u]", "low reliability"),
    ("[p]", "provisional (in the status column)"),
    ("[r]", "revised (in the status column)"),
]
# the same, as whole sentences for the cover sheet (in each language)
SYMBOL_SENTENCES = [
    N_("[x] means not available (also used where the data package leaves a number empty)"),
    N_("[z] means not applicable (also used where the data package leaves a text cell, such as a note or status, empty)"),
    N_("[c] means confidential: suppressed to protect people"),
    N_("[low] means a number that rounds to zero"),
    N_("[u] means low reliability"),
    N_("[p] means provisional (in the status column)"),
    N_("[r] means revised (in the status column)"),
]
OGL_ATTRIBUTION = N_("Contains public sector information licensed under the Open Government Licence v3.0.")
_NUMBER = re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")



@lru_cache(maxsize=1 << 16)
def _typed(value: str, numeric: bool) -> Cell:
    """A CSV cell as a spreadsheet cell: numbers as numbers, GSS symbols and text as text; no blank cells
    (an empty number is [x] not available, an empty text cell such as a note or status is [z] not applicable)."""
    text = value.strip()
    if numeric:
        if text == "":
            return "[x]"
        if _NUMBER.match(text):
            number = float(text)
            return int(number) if number.is_integer() and abs(number) < 1e15 and "." not in text and "e" not in text.lower() else number
        return text
    return value if value.strip() != "" else "[z]"


def csv_records(raw: bytes) -> list[list[str]]:
    """A CSV file's records as lists of text; odd line breaks inside cells are read the way pandas reads them."""
    text = raw.decode("utf-8-sig")
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        frame = pd.read_csv(io.StringIO(text), dtype=str, header=None, keep_default_na=False, na_filter=False)
        return frame.values.tolist()


def _table_rows(raw: bytes, schema: dict[str, Any]) -> tuple[list[str], list[list[Cell]]]:
    records = csv_records(raw)
    if not records:
        return [], []
    header = records[0]
    types = {f.get("name"): f.get("type", "string") for f in schema.get("fields", []) if isinstance(f, dict)}
    numeric = [types.get(h) in NUMERIC for h in header]
    rows = [[_typed(v, numeric[i] if i < len(numeric) else False) for i, v in enumerate(r)] for r in records[1:] if any(c.strip() for c in r)]
    return header, rows


def _sheet_name(i: int) -> str:
    return f"Table_{i}"


def package_spreadsheet(package: PackageInfo, descriptor: dict[str, Any], files: list[tuple[str, bytes]], settings: Settings,
                        catalogue: pd.DataFrame | None = None, illustrative: bool = False) -> bytes:
    """The accessible spreadsheet for one package, from its published CSV files."""
    d = descriptor
    title = str(d.get("title") or package.name)
    resources = {str(r.get("path")): r for r in d.get("resources", []) if isinstance(r, dict)}
    tables = []
    for i, (path, raw) in enumerate(files, start=1):
        resource = resources.get(path, {})
        header, rows = _table_rows(raw, resource.get("schema") or {})
        rtitle = str(resource.get("title") or resource.get("name") or path)
        tables.append((_sheet_name(i), f"Table {i}: {rtitle}", resource, header, rows, path))
    notes = _notes(package, d, catalogue, tables)
    cover = bilingual.rows(bilingual.each(settings, lambda: _cover(package, d, settings, tables, illustrative)))
    contents = [["Contents"], ["This worksheet contains one table. Each table in this spreadsheet is on its own worksheet."],
                ["Sheet name", "Table title", "Number of rows", "Source file"]]
    contents += [[name, t, len(rows), path] for name, t, _resource, _header, rows, path in tables]
    contents.append(["Notes", "Notes for the tables in this spreadsheet", len(notes), "[z]"])
    notes_sheet = [["Notes"], ["This worksheet contains one table. The notes apply to the tables in this spreadsheet."], ["Note number", "Note text"]]
    notes_sheet += [[f"Note {n}", text] for n, text in enumerate(notes, start=1)]
    sheets = [Sheet("Cover_sheet", cover, None), Sheet("Contents", contents, 2), Sheet("Notes", notes_sheet, 2)]
    for name, t, resource, header, rows, path in tables:
        description = str(resource.get("description") or "")
        intro = (f"This worksheet contains one table of {len(rows):,} rows. {description} "
                 f"Source file: {path} in the data package \"{package.name}\".").replace("  ", " ")
        shorthand = "Some cells contain shorthand: " + "; ".join(f"{s} {m.split(' (')[0]}" for s, m in SYMBOL_NOTES) + ". See the Notes worksheet."
        sheets.append(Sheet(name, [[t], [intro], [shorthand], header] + rows, 3))
    try:
        return write_ods(sheets, title, str(d.get("description") or ""))
    finally:  # the cells repeat within a package; kept longer, the caches would hold memory for the rest of the build
        _typed.cache_clear()


def _cover(package: PackageInfo, d: dict[str, Any], settings: Settings, tables: list, illustrative: bool) -> list[list[Cell]]:
    """The cover sheet's rows (one cell each) in the language being written."""
    rows: list[list[Cell]] = [[str(d.get("title") or package.name)]]
    if illustrative:
        rows.append([_("ILLUSTRATIVE DATA: the figures in this spreadsheet are made up to show how partners' data can be "
                       "published. They are not real statistics and must not be quoted.")])
    if d.get("description"):
        rows.append([str(d["description"])])
    rows.append([ngettext("This spreadsheet contains %(count)s table, a contents sheet and a notes sheet.",
                          "This spreadsheet contains %(count)s tables, a contents sheet and a notes sheet.",
                          len(tables)) % {"count": len(tables)} + " "
                 + _("It is a copy of the data package \"%(name)s\", version %(version)s.") % {
                     "name": package.name, "version": d.get("version", _("not stated"))}])
    rows.append([_("Source")])
    for s in d.get("sources", []) or []:
        if isinstance(s, dict):
            rows.append([" ".join(str(s[k]) for k in ("publisher", "title", "path") if s.get(k))])
    rows.append([_("Licence")])
    for lic in d.get("licenses", []) or []:
        if isinstance(lic, dict):
            rows.append([" ".join(str(lic[k]) for k in ("title", "path") if lic.get(k)) or str(lic.get("name"))])
    lic_text = " ".join(str(v) for lic in d.get("licenses", []) if isinstance(lic, dict) for v in lic.values()).upper()
    if "OGL" in lic_text or "OPEN GOVERNMENT" in lic_text:
        rows.append([_(OGL_ATTRIBUTION)])

    rows += [[_("How to cite")], [citation(d, package.name, settings.publisher, settings.site_url)]]
    rows += [[_("Published by")], [settings.publisher]]
    if settings.contact_email:
        rows += [[_("Contact")], [settings.contact_email]]
    rows.append([_("Shorthand used in this spreadsheet")])
    rows += [[_(sentence)] for sentence in SYMBOL_SENTENCES]
    return rows


def _notes(package: PackageInfo, d: dict[str, Any], catalogue: pd.DataFrame | None, tables: list) -> list[str]:
    notes = ["Empty numeric cells in the data package are shown as [x] (not available); empty text cells, such as a note or "
             "status, are shown as [z] (not applicable). A [z] in the status column means the figure is neither provisional nor revised.",
             "Values with fewer events than an indicator's disclosure threshold are published as [c] to protect people."]
    if catalogue is not None and len(catalogue) and "source_package" in catalogue.columns:
        mine = catalogue[catalogue["source_package"].eq(package.name)]
        for _index, row in mine.reset_index(drop=True).sort_values("indicator_id").iterrows():
            text = f"{row['indicator_id']}: {row['title']}. {row['definition']} Unit: {row['unit']}."
            caveats = row.get("caveats", "")
            if isinstance(caveats, str) and caveats.strip():
                text += f" Caveats: {caveats.strip()}"
            notes.append(text)
    for c in sorted((c for c in d.get("changes", []) if isinstance(c, dict)), key=lambda c: str(c.get("date", ""))):
        notes.append(f"Version {c.get('version', '')} ({c.get('date', '')}): {c.get('description', '')}")
    return notes


def symbols() -> Iterable[str]:
    """The GSS symbols these spreadsheets may contain."""
    return MISSING_SYMBOLS
