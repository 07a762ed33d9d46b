"""Readers for the Home Office force-by-financial-year files in ``ho_force_year_recent/`` (SOURCES.md section 8).

The files give force names, not ONS codes: names are matched with ``force_code``. British
Transport Police is not a police force area and is left out; any other name that does not
match, a missing column, a repeated force and year or a count that is not a whole number stops
the import with a message that names the file.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from forcepages.importers.common import FORCE_CODES, force_code

FOLDER = "ho_force_year_recent"
OUTCOMES = f"{FOLDER}/ho_outcomes_force_year_2014_2026.csv"
RECORDED = f"{FOLDER}/ho_prc_recorded_crime_force_year_2012_2026.csv"
NOT_A_FORCE_AREA = {"british transport police"}
FY_PATTERN = re.compile(r"^(\d{4})/(\d{2})$")


def fy_dates(fy: str) -> tuple[date, date]:
    """'2025/26' -> (2025-04-01, 2026-03-31); anything else is an error."""
    m = FY_PATTERN.match(str(fy).strip())
    if not m or (int(m.group(1)) + 1) % 100 != int(m.group(2)):
        raise ValueError(f"not a financial year like 2025/26: {fy!r}")
    y0 = int(m.group(1))
    return date(y0, 4, 1), date(y0 + 1, 3, 31)


def fy_label(start: date) -> str:
    """2025-04-01 -> '2025/26'."""
    return f"{start.year}/{(start.year + 1) % 100:02d}"


def read_rows(raw: Path, rel: str, columns: list[str], force_col: str = "force") -> list[dict]:
    """The rows of a raw CSV with an ONS ``code`` added, police force areas only."""
    path = Path(raw) / rel
    if not path.is_file():
        raise FileNotFoundError(f"raw file not found: {path}")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in [force_col, *columns] if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{rel}: columns missing: {', '.join(missing)}")
        rows = []
        for line, r in enumerate(reader, start=2):
            name = (r[force_col] or "").strip()
            if name.lower() in NOT_A_FORCE_AREA or name.lower().startswith("all - "):
                continue
            code = force_code(name)
            if code is None:
                raise ValueError(f"{rel}, line {line}: unknown force name {name!r}")
            rows.append({"code": code, "line": line, **{c: r[c] for c in columns}})
    return rows


def whole_number(text: str, rel: str, line: int, column: str) -> int:
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise ValueError(f"{rel}, line {line}, {column}: expected a whole number, found {text!r}") from None
    if value != int(value):
        raise ValueError(f"{rel}, line {line}, {column}: expected a whole number, found {text!r}")
    return int(value)


def by_force_year(raw: Path, rel: str, columns: list[str], fy_col: str = "fy",
                  force_col: str = "force") -> dict[tuple[str, str], dict[str, int]]:
    """{(code, '2025/26'): {column: count}}; a force and year given twice is an error."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for r in read_rows(raw, rel, [fy_col, *columns], force_col):
        fy_dates(r[fy_col])
        key = (r["code"], r[fy_col].strip())
        if key in out:
            raise ValueError(f"{rel}, line {r['line']}: {key[1]} given twice for {key[0]}")
        out[key] = {c: whole_number(r[c], rel, r["line"], c) for c in columns}
    return out


def complete_years(counts: dict, source: str, first: str = "") -> list[tuple[str, date, date]]:
    """(fy, start, end) for each year in ``counts`` (keyed (code, fy)) from ``first`` on; every force must be there."""
    out = []
    for fy in sorted({fy for _, fy in counts if fy >= first}):
        missing = [c for c in FORCE_CODES if (c, fy) not in counts]
        if missing:
            raise ValueError(f"{source}: no row for {', '.join(missing)} in {fy}")
        out.append((fy, *fy_dates(fy)))
    return out


def charges(raw: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """{(code, fy): (charges or summonses, all assigned outcomes)}, outcomes given in the year, fraud left out."""
    table = by_force_year(raw, OUTCOMES, ["closed_ex_fraud_t1", "closed_ex_fraud_assigned"])
    return {k: (v["closed_ex_fraud_t1"], v["closed_ex_fraud_assigned"]) for k, v in table.items()}


def recorded_crime(raw: Path) -> dict[tuple[str, str], int]:
    """{(code, fy): every crime the police recorded in the year (all offence codes)}."""
    return {k: v["recorded_crime"] for k, v in by_force_year(raw, RECORDED, ["recorded_crime"]).items()}
