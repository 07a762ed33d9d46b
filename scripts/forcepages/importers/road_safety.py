"""`road-safety` package: road collisions where someone was killed or seriously injured, 2010-2016."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from forcepages.importers.common import (ENGLAND_AND_WALES, FORCE_CODES, Row, Package, force_code, rate_row, values_resource)
from forcepages.importers.population import population_for

COLLISIONS = "traffic_police_collisions/analysis_data/data_collisions.csv"
IND = "road-collisions-killed-or-seriously-injured"


def read_ksi(raw: Path) -> dict[tuple[str, int], int]:
    out = {}
    with open(raw / COLLISIONS, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            code = force_code(r["force"])
            if code is None:
                raise ValueError(f"unknown force name in {COLLISIONS}: {r['force']!r}")
            out[(code, int(r["year"]))] = int(r["acc_ksi"])
    return out


def build_rows(raw: Path):
    ksi = read_ksi(raw)
    rows = []
    for year in sorted({y for _, y in ksi}):
        start, end = date(year, 1, 1), date(year, 12, 31)
        for code in FORCE_CODES:
            pop, note = population_for(raw, code, start, end)
            count = ksi.get((code, year))
            if count is None:
                note = "Not available: the source covers England only."
            rows.append(rate_row(IND, code, start, end, count, pop, 100000, decimals=4, note=note))
        # Given as [x] on purpose, so that nobody adds up the English forces and calls it England and Wales.
        rows.append(Row(IND, ENGLAND_AND_WALES, start, end, "[x]",
                        note="Not available: the source has no figures for the Welsh forces."))
    return rows



README = """# Road safety: collisions where someone was killed or seriously injured

Reported road collisions where a police officer attended and at least one person was killed
or seriously injured (KSI), for every 100,000 people, in each calendar year from 2010 to 2016,
for the 39 police force areas in England.

## How it was made

`python -m forcepages.importers` reads a table of collisions by police force and year
(`acc_ksi`), which the author of the "traffic-police-and-collisions" repository (M. Ashby) added
up from the Department for Transport's local-authority table RAS50016 (collisions with
contributory factors, where a police officer attended) using the ONS local authority to police
force area lookup. Force names are matched to ONS codes.

`numerator` is the number of KSI collisions; `denominator` is the mid-year population of the
same year (reference/population.csv); `value` = numerator / denominator x 100,000.

## Caveats

- The 4 Welsh forces (Dyfed-Powys, Gwent, North Wales, South Wales) are not in the source: their
  values are `[x]`. England and Wales is `[x]` too, on purpose, so that the English forces
  alone are not added up and shown as England and Wales.
- Collisions are counted, not people: one collision can kill or injure several people.
- Only collisions a police officer attended are counted.
"""


def build(raw: Path) -> Package:
    return Package(
        name="road-safety",
        title="Road collisions where someone was killed or seriously injured",
        description="Killed or seriously injured (KSI) road collisions attended by police, per 100,000 people, "
                    "by police force area in England, 2010 to 2016.",
        sources=[
            {"title": "Reported road casualties Great Britain: contributory factors by local authority (RAS50016)",
             "path": "https://www.gov.uk/government/statistical-data-sets/ras50-contributory-factors",
             "publisher": "Department for Transport"},
            {"title": "traffic-police-and-collisions (analysis_data/data_collisions.csv, aggregation to police "
                      "force areas)", "path": "https://github.com/mpjashby/traffic-police-and-collisions",
             "publisher": "Matthew Ashby"},
        ],
        resources=[values_resource("road-safety", "KSI collision rates",
                                   "One row per force and calendar year.", build_rows(raw))],
        readme=README,
        keywords=["road safety", "collisions"],
    )
