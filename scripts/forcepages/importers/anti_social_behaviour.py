"""`anti-social-behaviour` package: anti-social behaviour incidents recorded by the police, per 1,000 people.

ONS police force area data tables, Table P7, financial years 2007/08 to 2018/19. The year
ending March 2019 edition is the source of every year (it carries the latest revisions); the
year ending March 2018 edition is read only to mark the figures revised since then with `[r]`.

Layouts differ: the 2018 edition has an "Area Code" column; the 2019 edition has names only,
and its region rows ("West Midlands ") share names with forces. In the 2019 edition a region
or country total is the first row after a blank row, so those rows are skipped.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from forcepages.importers.common import ENGLAND_AND_WALES, FORCE_CODES, Package, force_code, rate_row, values_resource
from forcepages.importers.population import population_for
from forcepages.importers.ons_tables import ONS_DIR, sheet_rows

INDICATOR = "anti-social-behaviour-incidents"
LATEST = "policeforceareatablesyeendingmarch2019.xlsx"
PREVIOUS = "policeforceareatablesyearendingmarch2018v2.xlsx"
SHEET = "Table P7"
CITY = "E23000034"
YEAR_RE = re.compile(r"Apr '(\d{2}) to Mar '(\d{2})")

# ONS notes about single figures, by (area_code, year ending March)
ONS_NOTES = {
    ("E23000020", 2012): "ONS revised this figure up by 74%.",
    ("E23000020", 2013): "ONS revised this figure up by 64%.",
    ("E23000037", 2013): "ONS revised this figure up by less than 0.1%.",
    ("E23000038", 2013): "ONS revised this figure down by 22%.",
    ("E23000017", 2015): "About 1% of these incidents were estimated by Warwickshire Police.",
    ("E23000017", 2016): "About 2% of these incidents were estimated by Warwickshire Police.",
    ("E23000017", 2017): "About 2% of these incidents were estimated by Warwickshire Police.",
    ("E23000017", 2018): "About 4% of these incidents were estimated by Warwickshire Police.",
}
# extra words for a revised figure, by (area_code, year ending March)
REVISION_WHY = {("E23000006", 2018): " That figure covered 11 months only, as Cheshire could not give March 2018."}
CITY_NOTE = "ONS did not publish a rate, as so few people live here. The rate uses the mid-year population."


def _years(header) -> dict[int, int]:
    """{column of the count: year ending March} from the row of year labels."""
    out = {}
    for j, text in enumerate(header):
        m = YEAR_RE.search(str(text or ""))
        if m:
            out[j] = 2000 + int(m.group(2))
    return out


def _count(x):
    return int(x) if isinstance(x, (int, float)) else None


def read_latest(raw: Path) -> tuple[dict[tuple[str, int], int | None], dict[int, int | None], set]:
    """Counts by (force code, year ending March) from the 2019 edition, England and Wales (exc. BTP), City '+' years."""
    rows = sheet_rows(raw / ONS_DIR / LATEST, SHEET)
    head_i = next(i for i, r in enumerate(rows) if any(YEAR_RE.search(str(c or "")) for c in r))
    years = _years(rows[head_i])
    counts, national, suppressed = {}, {}, set()
    for i in range(head_i + 2, len(rows)):
        r, prev = rows[i], rows[i - 1]
        name = str(r[0] or "").strip()
        if not name:
            continue
        if name.upper().startswith("ENGLAND AND WALES (EXC"):
            national = {y: _count(r[j]) for j, y in years.items()}
            continue
        if all(c in (None, "") for c in prev):  # a region or country total
            continue
        code = force_code(name)
        if code is None:
            continue
        if any((code, y) in counts for y in years.values()):
            raise ValueError(f"{LATEST}: {name} appears twice in {SHEET}")
        for j, y in years.items():
            counts[(code, y)] = _count(r[j])
            if code == CITY and str(r[j + 1]).strip() == "+":
                suppressed.add(y)
    missing = set(FORCE_CODES) - {c for c, _ in counts}
    if missing:
        raise ValueError(f"{LATEST}: forces missing from {SHEET}: {sorted(missing)}")
    return counts, national, suppressed


def read_previous(raw: Path) -> dict[tuple[str, int], int | None]:
    """Counts by (area code, year ending March) from the 2018 edition (which has area codes)."""
    rows = sheet_rows(raw / ONS_DIR / PREVIOUS, SHEET)
    head_i = next(i for i, r in enumerate(rows) if str(r[0] or "").strip() == "Area Code")
    years = _years(rows[head_i - 1])
    out = {}
    for r in rows[head_i + 1:]:
        code = str(r[0] or "").strip()
        if code in FORCE_CODES or (code == ENGLAND_AND_WALES and "exc" in str(r[1]).lower()):
            for j, y in years.items():
                out[(code, y)] = _count(r[j])
    return out


def build_rows(raw: Path):
    counts, published_ew, suppressed = read_latest(raw)
    previous = read_previous(raw)
    years = sorted({y for _, y in counts})
    rows = []

    def add(code, year, count):
        start, end = date(year - 1, 4, 1), date(year, 3, 31)
        pop, note = population_for(raw, code, start, end)
        notes = [note, ONS_NOTES.get((code, year), "")]
        if code == CITY and year in suppressed:
            notes.append(CITY_NOTE)
        old = previous.get((code, year))
        revised = old is not None and count is not None and old != count
        if revised:
            notes.insert(0, f"Revised. The year ending March 2018 tables gave {old:,}."
                         + REVISION_WHY.get((code, year), ""))
        row = rate_row(INDICATOR, code, start, end, count, pop, 1000, note=" ".join(n for n in notes if n))
        row.status = "[r]" if revised else ""
        rows.append(row)

    for year in years:
        for code in FORCE_CODES:
            add(code, year, counts[(code, year)])
        values = [counts[(code, year)] for code in FORCE_CODES]
        if all(v is not None for v in values):
            total = sum(values)
            if published_ew.get(year) not in (None, total):
                raise ValueError(f"{LATEST}: forces add up to {total}, not {published_ew[year]}, in {year}")
            add(ENGLAND_AND_WALES, year, total)
    return rows


README = """# Anti-social behaviour incidents recorded by the police

Anti-social behaviour incidents the police recorded in each financial year (April to March),
for every 1,000 people, for the 43 police force areas and England and Wales, from April 2007
to March 2019 (12 years).

| indicator | years |
|---|---|
| `anti-social-behaviour-incidents` | April 2007 to March 2008 ... April 2018 to March 2019 |

## How it was made

`python -m forcepages.importers anti-social-behaviour` reads Table P7 of the ONS police force
area data tables, year ending March 2019 edition, which gives every year from 2007/08. That
edition has no area codes, so forces are matched by name; region and country totals (the first
row after each blank row) are skipped.

- `period_start` is 1 April and `period_end` 31 March.
- `numerator` is the number of incidents as published. `denominator` is the mid-year population
  for the 30 June inside the year (reference/population.csv), and `value` = numerator /
  denominator x 1,000. ONS worked out its own rates with the population estimates of the time,
  so our rates can differ a little from the published ones.
- England and Wales is the sum of the 43 forces. It equals the published total for England and
  Wales without British Transport Police, which the importer checks. British Transport Police
  is not counted.
- The year ending March 2018 edition is read too. A figure that has changed since that edition
  has `status` `[r]` (revised) and a note giving the old figure.
- ONS did not publish rates for City of London up to the year ending March 2016, as few people
  live there. We give a rate with a note.

## Caveats

- These are incidents the police recorded, not all anti-social behaviour. Councils and housing
  landlords deal with some incidents, and those are not counted. The figures are not National
  Statistics.
- The way incidents were recorded changed in April 2011, so figures before and after that date
  do not compare (a series break is declared in the framework).
- Cheshire could give only 11 months for the year ending March 2018 in the first edition; the
  March 2019 edition gives a revised, higher figure.
- Warwickshire Police estimated a small share of its incidents (1% to 4%) in the years ending
  March 2015 to 2018.
- Lincolnshire, Gloucestershire and Wiltshire figures for the years ending March 2012 and 2013
  were revised by ONS (see the notes on those rows).
- City of London has very few residents and many workers and visitors, so its rates are very high.
"""


def build(raw: Path) -> Package:
    return Package(
        name="anti-social-behaviour",
        title="Anti-social behaviour incidents recorded by the police",
        description="Anti-social behaviour incidents recorded by the police per 1,000 people, by police force "
                    "area, financial years 2007/08 to 2018/19 (ONS police force area data tables, Table P7).",
        sources=[{"title": "Police force area data tables, year ending March 2019 (and March 2018), Table P7",
                  "path": "https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/"
                          "policeforceareadatatables",
                  "publisher": "Office for National Statistics (Home Office police recorded incidents)"}],
        resources=[values_resource("anti-social-behaviour", "Anti-social behaviour incidents",
                                   "One row per indicator, area and financial year.", build_rows(raw))],
        readme=README,
        keywords=["anti-social behaviour", "incidents"],
    )
