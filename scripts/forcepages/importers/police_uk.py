"""`police-uk-monthly` package: crimes and anti-social behaviour recorded each month, from data.police.uk.

Reads the unmodified street-level CSVs (one file a month) for City of London Police and counts
the rows of each month: every crime type except "Anti-social behaviour" for
`monthly-recorded-crime-police-uk`, and "Anti-social behaviour" for
`monthly-anti-social-behaviour-police-uk`. Rates use the mid-year population of the month's
calendar year (reference/population.csv).

The South Yorkshire file of January 2021 (police_uk/south-yorkshire_augmented) is not used: one
month gives no series.
"""

from __future__ import annotations

import calendar
import csv
import re
from collections import Counter
from datetime import date
from pathlib import Path

from forcepages.importers.common import ENGLAND_AND_WALES, Package, Row, rate_row, values_resource
from forcepages.importers.population import population_for, population_table

STREET_DIR = "police_uk/city-of-london/street"
FILE_RE = re.compile(r"^(\d{4})-(\d{2})-city-of-london-street\.csv$")
CITY = "E23000034"
FORCE_NAME = "City of London Police"
ASB = "Anti-social behaviour"
CRIME_ID = "monthly-recorded-crime-police-uk"
ASB_ID = "monthly-anti-social-behaviour-police-uk"
EXPECTED_HEADER = ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                   "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"]
NO_ASB_NOTE = ("Not available: the file for this month has no anti-social behaviour records at all, "
               "so they are missing from the data, not zero.")
EW_NOTE = "Not available: this package has street-level data for City of London only."


def month_counts(raw: Path) -> dict[date, Counter]:
    """{first day of month: Counter of crime types} for every monthly file."""
    folder = Path(raw) / STREET_DIR
    out: dict[date, Counter] = {}
    for path in sorted(folder.glob("*.csv")):
        m = FILE_RE.match(path.name)
        if not m:
            continue
        month = f"{m.group(1)}-{m.group(2)}"
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            if header != EXPECTED_HEADER:
                raise ValueError(f"{path.name}: unexpected header {header}")
            counts: Counter = Counter()
            for row in reader:
                if not row:
                    continue
                rec = dict(zip(header, row))
                if rec["Month"] != month:
                    raise ValueError(f"{path.name}: a row for month {rec['Month']!r}")
                if rec["Falls within"] != FORCE_NAME:
                    raise ValueError(f"{path.name}: a row for {rec['Falls within']!r}")
                counts[rec["Crime type"].strip()] += 1
        out[date(int(m.group(1)), int(m.group(2)), 1)] = counts
    if not out:
        raise FileNotFoundError(f"no street-level files in {folder}")
    return out


def month_end(start: date) -> date:
    return date(start.year, start.month, calendar.monthrange(start.year, start.month)[1])


def _population(raw: Path, start: date) -> tuple[float | None, str]:
    """Mid-year population of the month's calendar year (the latest one if that year is not out yet)."""
    table = population_table(str(raw))
    if (CITY, start.year) in table:
        return table[(CITY, start.year)], ""
    return population_for(raw, CITY, date(start.year, 6, 30), date(start.year, 6, 30))


def build_rows(raw: Path) -> list[Row]:
    rows = []
    for start, counts in sorted(month_counts(raw).items()):
        end = month_end(start)
        pop, note = _population(raw, start)
        crimes = sum(n for kind, n in counts.items() if kind != ASB)
        rows.append(rate_row(CRIME_ID, CITY, start, end, crimes, pop, 1000, note=note))
        if counts[ASB] == 0:
            rows.append(Row(ASB_ID, CITY, start, end, "[x]", "[x]", str(int(pop)) if pop else "[x]", note=NO_ASB_NOTE))
        else:
            rows.append(rate_row(ASB_ID, CITY, start, end, counts[ASB], pop, 1000, note=note))
        for ind in (CRIME_ID, ASB_ID):
            rows.append(Row(ind, ENGLAND_AND_WALES, start, end, "[x]", note=EW_NOTE))
    return rows


README = """# Crimes and anti-social behaviour each month (data.police.uk)

Crimes and anti-social behaviour the police recorded each month in the City of London police
force area (E23000034), for every 1,000 people living there. These monthly figures do not
overlap, so the site can draw a statistical process control (XmR) chart of them.

| indicator | what is counted |
|---|---|
| `monthly-recorded-crime-police-uk` | every row of the month's file except crime type "Anti-social behaviour" |
| `monthly-anti-social-behaviour-police-uk` | rows with crime type "Anti-social behaviour" |

Months covered: January 2016 to June 2017 and April 2018 to November 2020 (50 months). The
months July 2017 to March 2018 are not in the files we hold, so they are left out (not zero).

## How it was made

`python -m forcepages.importers police-uk-monthly` reads the unmodified street-level CSV files
from data.police.uk (`YYYY-MM-city-of-london-street.csv`, one a month) and counts the rows of
each crime type. Each row is one crime or one anti-social behaviour incident. The importer
checks that every row is for City of London Police and for the month in the file name.

- `period_start` is the first day of the month and `period_end` the last day.
- `numerator` is the count of rows; `denominator` is the mid-year population estimate for the
  calendar year of the month (reference/population.csv); `value` = numerator / denominator x 1,000.
- The file for May 2017 has no anti-social behaviour rows at all, where other months have 50
  to 180. The records are missing, so that month is `[x]` for anti-social behaviour. Its crimes
  are counted as normal.
- England and Wales rows are `[x]`: the package has data for one force only, so there is no
  total for England and Wales.

The street-level file for South Yorkshire for January 2021 is not used: one month is not a series.

## Caveats

- Fewer than 10,000 people live in the City of London, but several hundred thousand people
  work there or visit. Rates per person who lives there are very high, and do not compare with
  other areas.
- data.police.uk updates past months when crimes are reclassified or cancelled. These are the
  files as downloaded at the time, so counts may differ a little from today's data.police.uk
  and from the Home Office's recorded crime figures.
- Fraud is not in the street-level data.
- The crime types in the street-level data are broad groups. They are not the Home Office
  offence groups used in the recorded-crime package.
"""


def build(raw: Path) -> Package:
    return Package(
        name="police-uk-monthly",
        title="Crimes and anti-social behaviour each month (data.police.uk)",
        description="Crimes (not counting anti-social behaviour) and anti-social behaviour incidents recorded each "
                    "month in City of London, per 1,000 residents, January 2016 to November 2020, from the "
                    "data.police.uk street-level files.",
        sources=[{"title": "data.police.uk street-level crime data, City of London Police, monthly files",
                  "path": "https://data.police.uk/data/",
                  "publisher": "Home Office (data.police.uk)"}],
        resources=[values_resource("police-uk-monthly", "Monthly crimes and anti-social behaviour",
                                   "One row per indicator, area and calendar month.", build_rows(raw))],
        readme=README,
        keywords=["data.police.uk", "street-level crime", "anti-social behaviour", "monthly"],
    )
