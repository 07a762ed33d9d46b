"""Reader for the ONS "Police force area data tables" workbooks (xlsx, one table per sheet)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import openpyxl

ONS_DIR = "ons_pfa_tables"
CODE_RE = re.compile(r"^((E23|W15)\d{6}|K04000001)$")


def clean_label(text) -> str:
    """'Residential burglary6,7' -> 'residential burglary'; 'Total recorded crime (excluding fraud4)' -> 'total recorded crime'."""
    if text is None:
        return ""
    if isinstance(text, (int, float)):
        return str(int(text))
    t = re.sub(r"\[note \d+\]", "", str(text))
    t = re.sub(r"\s+", " ", t).strip()
    if t.lower().startswith("total recorded crime"):
        return "total recorded crime"
    t = re.sub(r"[\d,\s]+$", "", t).strip().lower()
    if t.startswith("miscellaneous crimes"):
        return "miscellaneous crimes"
    return t


@lru_cache(maxsize=64)
def sheet_rows(path: Path, sheet: str) -> tuple[tuple, ...]:
    """All rows of a sheet; the sheet name is matched ignoring spaces at either end."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        name = next(n for n in wb.sheetnames if n.strip() == sheet.strip())
        return tuple(tuple(r) for r in wb[name].iter_rows(values_only=True))
    finally:
        wb.close()



def title(path: Path, sheet: str) -> str:
    rows = sheet_rows(path, sheet)
    return str(rows[0][0] or "")


def _number(x):
    if isinstance(x, (int, float)):
        return x
    return None  # '..', '-', ':', blanks: not available


def read_table(path: Path, sheet: str, year_header: bool = False) -> dict:
    """{(area_code, column label): number} for a table with one row per area.

    Column labels come from the row whose first cell is 'Area Code' and, where that row is
    empty, the row above it (ONS puts the total's label one row higher).
    """
    rows = sheet_rows(Path(path), sheet)
    head_i = next(i for i, r in enumerate(rows) if r and str(r[0] or "").strip() == "Area Code")
    head = rows[head_i]
    above = rows[head_i - 1]
    labels = []
    for j in range(len(head)):
        lab = head[j] if head[j] is not None else (above[j] if j < len(above) else None)
        labels.append(lab if (year_header and isinstance(lab, (int, float))) else clean_label(lab))
    out = {}
    for r in rows[head_i + 1:]:
        code = str(r[0] or "").strip()
        if not CODE_RE.match(code):
            continue
        for j in range(2, len(r)):
            if labels[j] in ("", None):
                continue
            key = int(labels[j]) if year_header and isinstance(labels[j], (int, float)) else labels[j]
            if (code, key) not in out:
                out[(code, key)] = _number(r[j])
    return out
