"""`workforce` package: police officers, PCSOs and police staff (FTE) per 1,000 people, 31 March 2007-2023."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from forcepages.importers.common import ENGLAND_AND_WALES, FORCE_CODES, Package, rate_row, values_resource
from forcepages.importers.population import population_for

WORKFORCE_ODS = "ecom185/open-data-table-police-workforce-260723.ods"
WORKER_TYPES = {
    "police officer": "police-officers",
    "police community support officer": "police-community-support-officers",
    "police staff": "police-staff",
}


def read_fte(raw: Path) -> dict[tuple[str, str, int], float]:
    """{(indicator_id, area_code, year): FTE} from the Data sheet (about 30 s with odfpy)."""
    df = pd.read_excel(raw / WORKFORCE_ODS, engine="odf", sheet_name="Data",
                       usecols=["As at 31 March...", "Geo code", "Worker type", "Total (FTE)"])
    df.columns = ["year", "code", "worker", "fte"]
    df["worker"] = df["worker"].astype(str).str.strip().str.lower()
    df = df[df["worker"].isin(WORKER_TYPES) & df["code"].isin(FORCE_CODES)]
    df["fte"] = pd.to_numeric(df["fte"], errors="coerce").fillna(0.0)
    sums = df.groupby(["worker", "code", "year"])["fte"].sum()
    return {(WORKER_TYPES[w], c, int(y)): float(v) for (w, c, y), v in sums.items()}


def build_rows(raw: Path):
    fte = read_fte(raw)
    rows = []
    years = sorted({y for _, _, y in fte})
    for ind in sorted(set(WORKER_TYPES.values())):
        for year in years:
            day = date(year, 3, 31)
            total = 0.0
            for code in FORCE_CODES:
                value = round(fte.get((ind, code, year), 0.0), 1)
                total += value
                pop, note = population_for(raw, code, day, day)
                rows.append(rate_row(ind, code, day, day, value, pop, 1000, note=note))
                rows[-1].numerator = f"{value:.1f}"
            pop, note = population_for(raw, ENGLAND_AND_WALES, day, day)
            rows.append(rate_row(ind, ENGLAND_AND_WALES, day, day, total, pop, 1000, note=note))
            rows[-1].numerator = f"{total:.1f}"
    return rows


README = """# Police workforce by force

Police officers, police community support officers (PCSOs) and police staff, as full-time
equivalents (FTE), for every 1,000 people, on 31 March each year from 2007 to 2023, for the
43 police force areas and England and Wales.

## How it was made

`python -m forcepages.importers` reads the Home Office police workforce open data table
(edition of 26 July 2023, sheet "Data") and adds up `Total (FTE)` over sex and rank for each
force, year and worker type. Worker-type spellings that vary by year ("Police Staff" and
"Police staff") are treated as the same. Designated officers, special constables and police
support volunteers are not counted.

Each value is a snapshot: `period_start` = `period_end` = 31 March. `numerator` is the FTE,
rounded to 1 decimal place; `denominator` is the mid-year population for 30 June of the same
year (the nearest mid-year estimate, reference/population.csv); `value` = numerator /
denominator x 1,000. England and Wales is the sum of the 43 forces.

## Caveats

More staff is neither better nor worse on its own. City of London has very few residents and
many workers and visitors, so its rates are very high.
"""


def build(raw: Path) -> Package:
    return Package(
        name="workforce",
        title="Police workforce by force",
        description="Police officers, PCSOs and police staff (full-time equivalent) per 1,000 people, "
                    "31 March 2007 to 2023.",
        sources=[{"title": "Police workforce, England and Wales: open data table (26 July 2023)",
                  "path": "https://www.gov.uk/government/statistics/police-workforce-england-and-wales-31-march-2023",
                  "publisher": "Home Office"}],
        resources=[values_resource("workforce", "Police workforce rates",
                                   "One row per indicator, area and 31 March snapshot.", build_rows(raw))],
        readme=README,
        keywords=["police workforce"],
    )
