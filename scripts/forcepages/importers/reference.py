"""`reference` package: areas, population by year, and calculated similar forces."""

from __future__ import annotations

import csv
import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import openpyxl

from .common import (AREA_CODE_PATTERN, ENGLAND_AND_WALES, FORCE_CODE_PATTERN, FORCE_CODES, FORCES,
                     MISSING_VALUES, Package, Resource, force_code, fmt)
from .ons_tables import ONS_DIR, read_table

LAD_FILE = "ecom185/LAD23_Mid_Year_pop_2011_to_2023.xlsx"
LAD_LOOKUP = "ecom185/Local_Authority_District_to_CSPs_to_Police_Force_Areas_(December__2023)_Lookup_.csv"
P3_2017 = "derived/pfa_reference_ons_ye_mar2019_P3.csv"
PFA_2018 = "ons_pfa_tables/policeforceareatablesyearendingmarch2018v2.xlsx"

K_SIMILAR = 7
SIMILAR_YEAR = 2017
URBAN_DENSITY = 1000  # people per square kilometre
SIMILAR_SOURCE = (
    "Calculated by forcepages: the 7 nearest forces by Euclidean distance on standardised (z-score) "
    "characteristics: population density (log), share of people in council areas with 1,000 or more "
    "people per square km, people per household, median age (mid-2017), and the shares of robbery, "
    "theft from the person, residential burglary and violence with injury in recorded crime "
    "(year ending March 2018). Not the Home Office's most similar groups."
)


# --------------------------------------------------------------------------- raw readers


@lru_cache(maxsize=2)
def lad_tables(raw: Path) -> dict:
    """LAD-level population 2011-2023 (MYE4), area (MYE5) and median age (MYE6)."""
    wb = openpyxl.load_workbook(raw / LAD_FILE, read_only=True, data_only=True)
    out = {}
    for sheet in ("MYE4", "MYE5", "MYE6"):
        rows = list(wb[sheet].iter_rows(values_only=True))
        head_i = next(i for i, r in enumerate(rows) if r and r[0] == "Code")
        header = [str(h).strip() if h is not None else "" for h in rows[head_i]]
        out[sheet] = (header, [r for r in rows[head_i + 1:] if r and r[0]])
    wb.close()
    return out


@lru_cache(maxsize=2)
def lad_to_pfa(raw: Path) -> dict[str, str]:
    with open(raw / LAD_LOOKUP, encoding="utf-8-sig", newline="") as fh:
        return {r["LAD23CD"]: r["PFA23CD"] for r in csv.DictReader(fh)}


def _lad_pfa_population(raw: Path) -> dict[tuple[str, int], int]:
    header, rows = lad_tables(raw)["MYE4"]
    years = {i: int(h.split("-")[1]) for i, h in enumerate(header) if h.startswith("Mid-")}
    lookup = lad_to_pfa(raw)
    out: dict[tuple[str, int], int] = {}
    for r in rows:
        code = str(r[0])
        pfa = lookup.get(code)
        if code == ENGLAND_AND_WALES:
            pfa = ENGLAND_AND_WALES
        elif r[2] not in ("Unitary Authority", "Non-metropolitan District", "Metropolitan District",
                          "London Borough") or pfa is None:
            continue
        for i, year in years.items():
            out[(pfa, year)] = out.get((pfa, year), 0) + int(r[i])
    return out


def _p9_p10(raw: Path) -> tuple[dict, dict]:
    pop = read_table(raw / PFA_2018, "Table P9", year_header=True)
    hh = read_table(raw / PFA_2018, "Table P10", year_header=True)
    return pop, hh


def build_population(raw: Path) -> list[tuple[str, int, int, object]]:
    """Rows (area_code, year, population, households) for the 43 forces and England and Wales.

    Population: ONS PFA Table P9 for 2002-2010; LAD mid-year estimates 2011-2023 (2023
    boundaries, after the Census 2021 rebasing) summed to force areas for 2011-2023.
    Households: Table P10 for 2002-2016; Table P3 (year ending March 2019 tables) for 2017.
    """
    return list(_population_rows(raw))


@lru_cache(maxsize=2)
def _population_rows(raw: Path) -> tuple:
    p9, p10 = _p9_p10(raw)
    lad = _lad_pfa_population(raw)
    hh2017 = {}
    with open(raw / P3_2017, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            hh2017[r["pfa_code"]] = int(r["households_mid2017"])
    codes = list(FORCE_CODES) + [ENGLAND_AND_WALES]
    hh2017[ENGLAND_AND_WALES] = sum(hh2017[c] for c in FORCE_CODES)
    rows = []
    for code in codes:
        for year in range(2002, 2024):
            pop = p9.get((code, year)) if year <= 2010 else lad.get((code, year))
            if pop is None:
                continue
            households = p10.get((code, year)) if year <= 2016 else hh2017.get(code) if year == 2017 else None
            rows.append((code, year, int(pop), households))
    return tuple(sorted(rows))


# --------------------------------------------------------------------------- similar forces


def similarity_features(raw: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Feature matrix (forces x features) used for the similar forces."""
    tables = lad_tables(raw)
    lookup = lad_to_pfa(raw)
    h5, r5 = tables["MYE5"]
    i_area = h5.index("Area (sq km)")
    i_pop = h5.index(f"Estimated Population mid-{SIMILAR_YEAR}")
    h6, r6 = tables["MYE6"]
    i_age = h6.index(f"Mid-{SIMILAR_YEAR}")
    age = {str(r[0]): float(r[i_age]) for r in r6}
    area, pop, urban, age_w = {}, {}, {}, {}
    for r in r5:
        pfa = lookup.get(str(r[0]))
        if pfa is None or r[2] not in ("Unitary Authority", "Non-metropolitan District", "Metropolitan District",
                                       "London Borough"):
            continue
        a, p = float(r[i_area]), float(r[i_pop])
        area[pfa] = area.get(pfa, 0) + a
        pop[pfa] = pop.get(pfa, 0) + p
        urban[pfa] = urban.get(pfa, 0) + (p if p / a >= URBAN_DENSITY else 0)
        age_w[pfa] = age_w.get(pfa, 0) + p * age[str(r[0])]
    hh = {}
    with open(raw / P3_2017, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            hh[r["pfa_code"]] = float(r["population_mid2017"]) / float(r["households_mid2017"])
    p1 = read_table(raw / ONS_DIR / "policeforceareatablesyearendingmarch2018v2.xlsx", "Table P1")
    names = ["log10 people per sq km", "share in dense council areas", "people per household",
             "median age (population-weighted LAD medians)", "robbery share", "theft from the person share",
             "residential burglary share", "violence with injury share"]
    matrix = []
    for code in FORCE_CODES:
        total = p1[(code, "total recorded crime")]
        matrix.append([
            math.log10(pop[code] / area[code]), urban[code] / pop[code], hh[code], age_w[code] / pop[code],
            p1[(code, "robbery")] / total, p1[(code, "theft from the person")] / total,
            p1[(code, "residential burglary")] / total, p1[(code, "violence with injury")] / total,
        ])
    return list(FORCE_CODES), names, np.array(matrix)


def similar_forces(raw: Path) -> list[tuple[str, str]]:
    codes, _, x = similarity_features(raw)
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=0)
    pairs = []
    for i, code in enumerate(codes):
        dist = np.sqrt(((z - z[i]) ** 2).sum(axis=1))
        order = sorted((round(float(d), 10), c) for j, (d, c) in enumerate(zip(dist, codes)) if j != i)
        pairs += [(code, c) for _, c in order[:K_SIMILAR]]
    return sorted(pairs)


# --------------------------------------------------------------------------- package

README = f"""# Reference: police force areas, population and similar forces

Made by `python -m forcepages.importers` from official files (see `datapackage.json` sources).

## areas.csv

The 43 territorial police force areas of England and Wales with their ONS codes (E23/W15),
the names the public knows, region and country (as in the ONS police force area data tables),
plus England and Wales (K04000001, `area_type` national). British Transport Police and the
national fraud bodies are not police force areas and are left out.

## population.csv

Mid-year (30 June) population and household estimates by force area and year.

| years | population | households |
|---|---|---|
| 2002 to 2010 | ONS PFA data tables, year ending March 2018, Table P9 | Table P10 |
| 2011 to 2016 | ONS mid-year estimates 2011 to 2023 by local authority (2023 boundaries), summed to force areas with the ONS LAD to CSP to PFA (December 2023) lookup | Table P10 |
| 2017 | as above | ONS PFA data tables, year ending March 2019, Table P3 |
| 2018 to 2023 | as above | `[x]` (not in the raw files) |

Where sources overlap (2011 to 2016 in Table P9), the local authority estimates win: they are
the latest ONS series, revised after Census 2021. England and Wales rows are the ONS totals.
The 2011 to 2023 figures are unrounded; 2002 to 2010 and households are rounded to 100, as published.

Rates in the indicator packages use the mid-year estimate for the 30 June that falls inside the
period (for a snapshot such as 31 March, the nearest 30 June). For periods after mid-2023 the
mid-2023 estimate is used and the row says so in its `note`.

## similar_forces.csv

No official list of most similar groups (MSGs) was available, so the groups are **calculated
by forcepages** and are not the Home Office's most similar groups.

Method (year {SIMILAR_YEAR}; k = {K_SIMILAR}):

1. For each force, 8 characteristics:
   - population density, people per square km, as log10 (mid-{SIMILAR_YEAR} population and land
     area of its local authorities, ONS mid-year estimates table MYE5);
   - share of people living in local authorities with {URBAN_DENSITY:,} or more people per square km;
   - people per household (ONS PFA table P3, mid-2017);
   - median age: the population-weighted mean of its local authorities' median ages (MYE6, mid-{SIMILAR_YEAR});
   - the share of recorded crime (excluding fraud, year ending March 2018, ONS PFA table P1) that is
     robbery, theft from the person, residential burglary and violence with injury.
2. Each characteristic is standardised to a z-score across the 43 forces (population standard deviation).
3. Distance between two forces is the Euclidean distance between their z-scores, with equal weights.
4. Each force's group is the {K_SIMILAR} other forces nearest to it (ties broken by area code).

Groups are not symmetric: force B can be in force A's group without A being in B's.
City of London is very unlike any other force, so its group is only the least unlike.

The `source` column carries this summary. A publisher with the official list replaces the file.
"""


def build(raw: Path) -> Package:
    areas = [[code, name, "force", region, country, ENGLAND_AND_WALES] for code, name, region, country in FORCES]
    areas.append([ENGLAND_AND_WALES, "England and Wales", "national", "", "England and Wales", ""])
    areas.sort()
    pop_rows = [[c, str(y), str(p), fmt(h) if h is not None else "[x]"] for c, y, p, h in build_population(raw)]
    sim_rows = [[a, b, SIMILAR_SOURCE] for a, b in similar_forces(raw)]

    def s(name, desc, **kw):
        return {"name": name, "type": "string", "description": desc, **kw}

    area_schema = {
        "fields": [
            s("area_code", "ONS code of the area.", constraints={"required": True, "unique": True,
                                                                   "pattern": AREA_CODE_PATTERN}),
            s("name", "Name of the area as the public knows it.", constraints={"required": True}),
            s("area_type", "force or national.", constraints={"required": True, "enum": ["force", "national"]}),
            s("region", "English region, or Wales."),
            s("country", "England, Wales, or England and Wales."),
            s("parent_code", "Code of the area this area is part of."),
        ],
        "primaryKey": ["area_code"],
        "foreignKeys": [{"fields": ["parent_code"], "reference": {"resource": "", "fields": ["area_code"]}}],
    }
    pop_schema = {
        "fields": [
            s("area_code", "ONS code of the area.", constraints={"required": True, "pattern": AREA_CODE_PATTERN}),
            {"name": "year", "type": "integer", "description": "Year of the mid-year (30 June) estimate.",
             "constraints": {"required": True, "minimum": 2000}},
            {"name": "population", "type": "integer", "description": "Usual resident population.",
             "constraints": {"required": True, "minimum": 0}},
            {"name": "households", "type": "integer", "description": "Number of households.",
             "constraints": {"minimum": 0}},
        ],
        "missingValues": MISSING_VALUES,
        "primaryKey": ["area_code", "year"],
        "foreignKeys": [{"fields": ["area_code"], "reference": {"resource": "areas", "fields": ["area_code"]}}],
    }
    sim_schema = {
        "fields": [
            s("area_code", "The force.", constraints={"required": True, "pattern": FORCE_CODE_PATTERN}),
            s("similar_area_code", "A force in its group of similar forces.",
              constraints={"required": True, "pattern": FORCE_CODE_PATTERN}),
            s("source", "Where the group comes from.", constraints={"required": True}),
        ],
        "primaryKey": ["area_code", "similar_area_code"],
        "foreignKeys": [
            {"fields": ["area_code"], "reference": {"resource": "areas", "fields": ["area_code"]}},
            {"fields": ["similar_area_code"], "reference": {"resource": "areas", "fields": ["area_code"]}},
        ],
    }
    return Package(
        name="reference",
        title="Police force areas, population and similar forces",
        description="The 43 police force areas of England and Wales, their population and households by year, "
                    "and groups of similar forces calculated by forcepages.",
        sources=[
            {"title": "Police force area data tables (years ending March 2018 and March 2019), Tables P1, P3, P9, P10",
             "path": "https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/"
                     "policeforceareadatatables", "publisher": "Office for National Statistics"},
            {"title": "Mid-year population estimates, England and Wales, mid-2011 to mid-2023 (MYE4, MYE5, MYE6)",
             "path": "https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/"
                     "populationestimates", "publisher": "Office for National Statistics"},
            {"title": "Local Authority District to CSPs to Police Force Areas (December 2023) Lookup",
             "path": "https://geoportal.statistics.gov.uk/", "publisher": "Office for National Statistics"},
        ],
        resources=[
            Resource("areas", "Areas", "Police force areas and England and Wales.", area_schema,
                     ["area_code", "name", "area_type", "region", "country", "parent_code"], areas),
            Resource("population", "Population", "Mid-year population and households by area and year.",
                     pop_schema, ["area_code", "year", "population", "households"], pop_rows),
            Resource("similar_forces", "Similar forces", "Each force's group of 7 similar forces, one row per pair. "
                     "Calculated by forcepages; not the Home Office's most similar groups.", sim_schema,
                     ["area_code", "similar_area_code", "source"], sim_rows),
        ],
        readme=README,
        keywords=["police", "population", "similar forces"],
    )


__all__ = ["build", "build_population", "force_code", "similar_forces"]
