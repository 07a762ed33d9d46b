"""`stop-and-search` package: stop and search per 1,000 people, 2006/07 to 2024/25, and the ratio of
search rates for Black and White people in the latest year of the ethnicity file.

Counts (vehicle-only searches and British Transport Police left out):
- 2006/07 to 2019/20: GOV.UK Ethnicity facts and figures, stop and search 2006 to 2023 (subset);
- 2020/21 to 2024/25: Home Office stop and search open data tables, years ending March 2021 to 2025
  (the later edition, so it takes in two small revisions to 2022/23).
The ethnicity file carries no year: its rates for all people are matched against every year's
counts to find it, and the import stops if no year matches.
"""

from __future__ import annotations

import csv
from pathlib import Path

from forcepages.importers import force_year
from forcepages.importers.common import (ENGLAND_AND_WALES, FORCE_CODES, FORCE_YEAR_DATE, Package, Row, fmt, force_code, rate_row, values_resource)
from forcepages.importers.population import population_for

EFF = f"{force_year.FOLDER}/eff_stop_search_all_ethnicity_by_pfa_2006_2023_subset.csv"
HO_TABLES = f"{force_year.FOLDER}/stop_search_totals_by_force_2020_2025_unjust.csv"
BY_ETHNICITY = f"{force_year.FOLDER}/eff_stop_search_rate_by_ethnicity_pfa_latest.csv"
FIRST_HO_YEAR = "2020/21"
RATE = "stop-and-search-rate"
RATIO = "stop-and-search-black-white-ratio"
CITY = "E23000034"
CITY_NOTE = "Few people live in the City of London and many come in each day, so the rate per person who lives there is very high."
NO_RATES_NOTE = "Not available: the source gives no rates by ethnic group for the City of London, where few people live."
MATCH_SHARE = 0.9  # share of forces whose published rate must match a year's counts to date the ethnicity file


def search_counts(raw: Path) -> dict[tuple[str, str], int]:
    """{(code, fy): searches}: the open data tables from 2020/21, Ethnicity facts and figures before."""
    eff = force_year.by_force_year(raw, EFF, ["number_of_stop_and_searches"], fy_col="time", force_col="geography")
    ho = force_year.by_force_year(raw, HO_TABLES, ["total_searches"], fy_col="financial_year",
                                  force_col="police_force")
    out = {k: v["number_of_stop_and_searches"] for k, v in eff.items() if k[1] < FIRST_HO_YEAR}
    out.update({k: v["total_searches"] for k, v in ho.items()})
    return out


def _number(text: str) -> float | None:
    text = str(text).strip()
    try:
        return float(text)
    except ValueError:
        if text.upper() in ("N/A", "NA", ""):
            return None
        raise ValueError(f"{BY_ETHNICITY}: expected a rate or N/A, found {text!r}") from None


def ethnicity_rates(raw: Path) -> dict[str, dict[str, float | None]]:
    """{code or K04000001: {'All': rate, 'Black': rate, 'White': rate}} from the two-header-row file."""
    path = Path(raw) / BY_ETHNICITY
    if not path.is_file():
        raise FileNotFoundError(f"raw file not found: {path}")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = [h.strip() for h in rows[0]]
    if not {"All", "Black", "White"} <= set(header) or rows[1][1:2] != ["Rate per 1,000"]:
        raise ValueError(f"{BY_ETHNICITY}: expected columns All, Black and White of rates per 1,000 people")
    out = {}
    for line, r in enumerate(rows[2:], start=3):
        name = r[0].strip()
        code = ENGLAND_AND_WALES if name == "All - excluding BTP" else force_code(name)
        if code is None:
            if name.lower() in ("all - including btp", *force_year.NOT_A_FORCE_AREA):
                continue
            raise ValueError(f"{BY_ETHNICITY}, line {line}: unknown force name {name!r}")
        out[code] = {k: _number(r[header.index(k)]) for k in ("All", "Black", "White")}
    missing = [c for c in (*FORCE_CODES, ENGLAND_AND_WALES) if c not in out]
    if missing:
        raise ValueError(f"{BY_ETHNICITY}: no row for {', '.join(missing)}")
    return out


def census_populations(raw: Path) -> dict[str, int]:
    """Each force's population as Ethnicity facts and figures uses it from 2020/21 (2021 Census)."""
    eff = force_year.read_rows(raw, EFF, ["time", "population_by_ethnicity"], force_col="geography")
    return {r["code"]: int(float(r["population_by_ethnicity"])) for r in eff
            if r["time"] == "2022/23" and r["population_by_ethnicity"] not in ("", "NA")}


def ethnicity_year(raw: Path, counts: dict[tuple[str, str], int], rates: dict) -> str:
    """The year whose counts give the file's rates for all people (to 1 decimal place) for most forces."""
    pops = census_populations(raw)
    scores = {}
    for fy in sorted({fy for _, fy in counts if fy >= FIRST_HO_YEAR}):
        pairs = [(round(counts[(c, fy)] / pops[c] * 1000, 1), rates[c]["All"]) for c in pops if (c, fy) in counts]
        scores[fy] = sum(abs(mine - theirs) < 0.051 for mine, theirs in pairs if theirs is not None) / len(pops)
    best = max(scores, key=scores.get)
    if scores[best] < MATCH_SHARE:
        raise ValueError(f"{BY_ETHNICITY}: cannot tell which year it covers (best match {best}, "
                         f"{scores[best]:.0%} of forces)")
    return best


def rate_rows(raw: Path, counts: dict[tuple[str, str], int]) -> list[Row]:
    rows = []
    for fy, start, end in force_year.complete_years(counts, f"{EFF} and {HO_TABLES}"):
        for code in FORCE_CODES:
            pop, note = population_for(raw, code, start, end)
            note = " ".join(n for n in (CITY_NOTE if code == CITY else "", note) if n)
            rows.append(rate_row(RATE, code, start, end, counts[(code, fy)], pop, 1000, note=note))
        pop, note = population_for(raw, ENGLAND_AND_WALES, start, end)
        rows.append(rate_row(RATE, ENGLAND_AND_WALES, start, end, sum(counts[(c, fy)] for c in FORCE_CODES), pop,
                             1000, note=note))
    return rows


def ratio_rows(raw: Path, counts: dict[tuple[str, str], int]) -> list[Row]:
    rates = ethnicity_rates(raw)
    start, end = force_year.fy_dates(ethnicity_year(raw, counts, rates))
    rows = []
    for code in (*FORCE_CODES, ENGLAND_AND_WALES):
        black, white = rates[code]["Black"], rates[code]["White"]
        if black is None or not white:
            rows.append(Row(RATIO, code, start, end, "[x]", note=NO_RATES_NOTE))
            continue
        note = (f"Searches for every 1,000 people: Black people {black:.1f}, White people {white:.1f} "
                "(rounded as published).")
        rows.append(Row(RATIO, code, start, end, fmt(black / white, 4), note=note))
    return rows


README = """# Stop and search by force

How many times the police stopped and searched people, for every 1,000 people living in the
area, in each year from April 2006 to March 2025; and how many times more often Black people
were searched than White people, for every 1,000 people of each group, in the latest year of
the ethnicity file (April 2022 to March 2023). For the 43 police force areas and England and Wales.

## How it was made

`python -m forcepages.importers` reads three files from `ho_force_year_recent/` (SOURCES.md section 8):

- 2006/07 to 2019/20: `eff_stop_search_all_ethnicity_by_pfa_2006_2023_subset.csv`, GOV.UK
  Ethnicity facts and figures "Stop and search" (all ethnic groups, all legislation),
  `number_of_stop_and_searches`.
- 2020/21 to 2024/25: `stop_search_totals_by_force_2020_2025_unjust.csv`, sums per force and year of the
  Home Office stop and search open data tables, years ending March 2021 to March 2025,
  `total_searches`. This later edition differs from Ethnicity facts and figures only for North
  Yorkshire (3,021, not 3,025) and Surrey (4,771, not 4,769) in 2022/23.
- The ratio: `eff_stop_search_rate_by_ethnicity_pfa_latest.csv`, Ethnicity facts and figures
  "by ethnicity and area", rates per 1,000 people for Black and for White people. The file does not
  say its year. Its rates for all people match the 2022/23 counts divided by the 2021 Census
  population for 42 of the 43 forces (to 1 decimal place), and no other year comes close, so it is
  published as April 2022 to March 2023. The importer does this check each time and stops if no
  year matches.

Rate rows: `numerator` is the number of searches; `denominator` is the mid-year population for the 30
June inside the year (reference/population.csv); `value` = numerator / denominator x 1,000. For
2024/25 the mid-2023 estimate, the latest, is used and the row says so. The government's own rates
use census counts, so they differ a little from these. England and Wales is the sum of the 43 forces.

Ratio rows: `value` = the rate for Black people / the rate for White people, from the published
rates (rounded to 1 decimal place, so the ratio is close but not exact); the note gives both rates.
England and Wales uses the published "All - excluding BTP" rates. City of London has no rates by
ethnic group in the source, so its ratio is `[x]`.

## Caveats

- Searches of a vehicle only, with no person searched, are not counted. British Transport Police
  is not counted.
- A search measures what the police chose to do, not how much crime there is. More or fewer
  searches is not better or worse (polarity no-judgement; not comparable between forces).
- City of London has few residents and many visitors, so its rate per resident is very high.
- The ratio depends on census counts of each ethnic group. People searched may not live in the
  area. Where few Black people live, a few searches change the ratio a lot.
"""


def build(raw: Path) -> Package:
    counts = search_counts(raw)
    return Package(
        name="stop-and-search",
        title="Stop and search by force",
        description="Stop and search per 1,000 people by police force area, years ending March 2007 to March "
                    "2025, and the ratio of search rates for Black and White people, year ending March 2023.",
        sources=[
            {"title": "Ethnicity facts and figures: stop and search (2006 to 2023 data and rates by ethnicity "
                      "and area)",
             "path": "https://www.ethnicity-facts-figures.service.gov.uk/crime-justice-and-the-law/policing/"
                     "stop-and-search/latest/", "publisher": "Cabinet Office and Home Office"},
            {"title": "Police powers and procedures: stop and search open data tables, years ending March 2021 to "
                      "March 2025 (sums per force and year from M2LabOrg/unjust-analysis)",
             "path": "https://www.gov.uk/government/collections/police-powers-and-procedures-england-and-wales",
             "publisher": "Home Office"},
        ],
        resources=[values_resource("stop-and-search", "Stop and search",
                                   "One row per indicator, area and financial year.",
                                   rate_rows(raw, counts) + ratio_rows(raw, counts))],
        readme=README,
        keywords=["stop and search"],
        changes=[{"version": "1.0.0", "date": FORCE_YEAR_DATE, "description": "First release, made by forcepages "
                  "importers: stop and search per 1,000 people, April 2006 to March 2025, and the ratio of search "
                  "rates for Black and White people, April 2022 to March 2023."}],
    )

