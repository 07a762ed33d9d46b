"""`police-funding` package: central government police grant per person, 2025-26."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from forcepages.importers.common import ENGLAND_AND_WALES, FORCE_CODES, Package, Row, fmt, force_code, values_resource
from forcepages.importers.population import population_for

GRANT = "isthisben_cbl_realcrime/police-grant-2025-26.csv"
IND = "police-grant-per-person"
START, END = date(2025, 4, 1), date(2026, 3, 31)


def read_grant(raw: Path) -> dict[str, int]:
    with open(raw / GRANT, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    out = {}
    for r in csv.DictReader(lines):
        code = force_code(r["force"])
        if code is None:
            raise ValueError(f"unknown force name in {GRANT}: {r['force']!r}")
        out[code] = int(r["budget_gbp"])
    return out


def _row(code, grant, raw):
    pop, note = population_for(raw, code, START, END)
    note = note.replace("Rate uses", "Value uses")
    return Row(IND, code, START, END, fmt(grant / pop, 4), fmt(grant), fmt(pop), note=note)


def build_rows(raw: Path):
    grant = read_grant(raw)
    rows = [_row(code, grant[code], raw) for code in FORCE_CODES]
    rows.append(_row(ENGLAND_AND_WALES, sum(grant.values()), raw))
    return rows


README = """# Police funding: central government grant per person

The central government police grant for 2025 to 2026 for each of the 43 police force areas,
divided by the number of people living there.

## How it was made

`python -m forcepages.importers` reads a transcription of the Police Grant Report 2025-26
per-force table ("Overall Total": Police Main Grant, ex-DCLG Formula Funding, Legacy Council Tax
Grants and the extra grant for Welsh forces). `numerator` is the grant in pounds; `denominator` is the mid-2023
population (the latest in reference/population.csv; each row says so); `value` is pounds per
person. England and Wales is the sum of the 43 forces (£9,806,553,487; the
source file's header comment gives £9,806,553,489, £2 more).

## Caveats

- Council tax precept, about 40% of force funding, is not included.
- Welsh forces get DCLG formula funding and legacy council tax grants through the Welsh
  Government, so only the Police Main Grant and the extra Welsh grant are here: their figures look lower.
- The figures were transcribed from a public repository (isthisben/cbl-realcrime), not read
  from the Home Office file itself.
"""


def build(raw: Path) -> Package:
    return Package(
        name="police-funding",
        title="Police funding: central government grant per person",
        description="Central government police grant per person by police force area, 2025 to 2026.",
        sources=[{"title": "Police grant report (England and Wales) 2025 to 2026",
                  "path": "https://www.gov.uk/government/collections/police-finance",
                  "publisher": "Home Office"}],
        resources=[values_resource("police-funding", "Police grant per person",
                                   "One row per area for the financial year 2025 to 2026.", build_rows(raw))],
        readme=README,
        keywords=["police funding"],
    )
