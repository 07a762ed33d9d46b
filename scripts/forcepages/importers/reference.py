"""`reference` package: areas, population by year, and calculated similar forces (see similarity.py)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from forcepages.importers.common import (WELSH_DATE, AREA_CODE_PATTERN, ENGLAND_AND_WALES, FORCE_CODE_PATTERN, FORCE_CODES, FORCES, MISSING_VALUES, Package, Resource, force_code, fmt, with_change)
from forcepages.importers.ons_tables import read_table, sheet_rows
from forcepages.importers.places import readme as places_readme, resources as places_resources
from forcepages.importers.places_cy import AREA_NAMES_CY, REGIONS_CY
from forcepages.importers.similarity import (BASIS_YEAR, K_SIMILAR, LAD_TYPES, P3_2017, PFA_2018, SOURCE, VARIABLE_KEYS, VARIABLES, YEARS, groups, lad_tables, lad_to_pfa, readme_section, stability)

P3_2019 = "ons_pfa_tables/policeforceareatablesyeendingmarch2019.xlsx"
SUPPRESSED = "+"  # ONS Table P3 mark for a rate withheld because of the force area's resident population


# --------------------------------------------------------------------------- raw readers


def non_resident_flags(raw: Path) -> dict[str, bool]:
    """Forces whose per-1,000-resident crime rates ONS withholds (cell "+") in Table P3, year ending March 2019.

    The table's notes give the reason: rates are "suppressed due to the small population size of the
    police force area", and counts "will be affected by the size of the resident population relative to
    the transient or visiting populations".
    """
    rows = sheet_rows(raw / P3_2019, "Table P3")
    out = {}
    for r in rows:
        code = str(r[0] or "").strip()
        if code in FORCE_CODES:
            out[code] = str(r[5]).strip() == SUPPRESSED  # column F: total recorded crime per 1,000 people
    return out


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
        elif r[2] not in LAD_TYPES or pfa is None:
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


# --------------------------------------------------------------------------- package

README = """# Reference: police force areas, population and similar forces

Made by `python -m forcepages.importers` from official files (see `datapackage.json` sources).

## areas.csv

The 43 territorial police force areas of England and Wales with their ONS codes (E23/W15),
the names the public knows, region and country (as in the ONS police force area data tables),
plus England and Wales (K04000001, `area_type` national). British Transport Police and the
national fraud bodies are not police force areas and are left out.

`non_resident_population` is `true` for an area where far more people are there in the day
(workers, visitors, people passing through) than live there, so a rate per resident says little
about the real number of people who could be victims. It is set from the data, not by hand: an
area is `true` when ONS withholds its crime rates per 1,000 people in the police force area data
tables (year ending March 2019, Table P3, cell `+`). ONS's notes to that table give the reasons:
rates are "suppressed due to the small population size of the police force area", and counts "will
be affected by the size of the resident population relative to the transient or visiting
populations and may therefore over-represent the number of crimes relative to the real population
of potential victims". Only the City of London (E23000034) is `true`: a financial district with
7,700 residents in that table (mid-2017), while many times more people come in each day to work or
visit. Its resident estimate also moves a lot from year to year (8,765 in mid-2019, 13,462 in
mid-2023, `population.csv`) while its crime counts hardly change, so its rates per resident swing
for reasons that have nothing to do with crime. Sites should show counts for such areas and not
compare their rates per resident.

`name_cy` and `region_cy` are the Welsh names, for the Welsh pages: `name_cy` of the four Welsh forces (Heddlu
Dyfed-Powys, Heddlu Gwent, Heddlu Gogledd Cymru, Heddlu De Cymru) and England and Wales (Cymru a Lloegr), empty for
the English forces (their names are the same in Welsh); `region_cy` of every force (Cymru, Llundain, Gogledd-orllewin
Lloegr...). Written by hand in `scripts/forcepages/importers/places_cy.py`.

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

"""


def build(raw: Path) -> Package:
    flags = non_resident_flags(raw)
    areas = [[code, name, "force", region, country, ENGLAND_AND_WALES, "true" if flags[code] else "false",
              AREA_NAMES_CY.get(code, ""), REGIONS_CY.get(region, "")] for code, name, region, country in FORCES]
    areas.append([ENGLAND_AND_WALES, "England and Wales", "national", "", "England and Wales", "", "false",
                  AREA_NAMES_CY[ENGLAND_AND_WALES], ""])
    areas.sort()
    pop_rows = [[c, str(y), str(p), fmt(h) if h is not None else "[x]"] for c, y, p, h in build_population(raw)]
    sim_rows = sorted([a, b, SOURCE, str(BASIS_YEAR), f"{d:.4f}"] for a, members in groups(raw).items() for b, d in members)
    by_year = sorted([a, str(y), b] for y in YEARS for a, members in groups(raw, y).items() for b, _ in members)
    stab = stability(raw)
    stab_rows = sorted([a, str(BASIS_YEAR), k, str(stab[a][k])] for a in FORCE_CODES for k in VARIABLE_KEYS)

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
            {"name": "non_resident_population", "type": "boolean",
             "description": "true where far more people are in the area in the day than live there, so rates per "
                            "resident are not compared (set where ONS withholds the area's rates per 1,000 people; "
                            "see README). Empty means false."},
            s("name_cy", "The name in Welsh (optional: empty means Welsh pages show the English name)."),
            s("region_cy", "The region in Welsh (optional: empty means Welsh pages show the English region)."),
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
    fk = lambda *cols: [{"fields": [c], "reference": {"resource": "areas", "fields": ["area_code"]}} for c in cols]
    force = lambda name, desc: s(name, desc, constraints={"required": True, "pattern": FORCE_CODE_PATTERN})
    year = {"name": "basis_year", "type": "integer", "constraints": {"required": True, "minimum": 2000},
            "description": "The mid-year whose population figures the group is worked out from."}
    sim_schema = {
        "fields": [
            force("area_code", "The force."),
            force("similar_area_code", "A force in its group of similar forces."),
            s("source", "Where the group comes from.", constraints={"required": True}),
            year,
            {"name": "distance", "type": "number", "constraints": {"minimum": 0},
             "description": "Euclidean distance between the two forces' z-scores (smaller is more alike)."},
        ],
        "primaryKey": ["area_code", "similar_area_code"],
        "foreignKeys": fk("area_code", "similar_area_code"),
    }
    by_year_schema = {
        "fields": [force("area_code", "The force."), year,
                   force("similar_area_code", "A force in its group of similar forces that year.")],
        "primaryKey": ["area_code", "basis_year", "similar_area_code"],
        "foreignKeys": fk("area_code", "similar_area_code"),
    }
    stab_schema = {
        "fields": [force("area_code", "The force."), year,
                   s("left_out", "The input left out (a variable of the method; see README).",
                     constraints={"required": True, "enum": list(VARIABLE_KEYS)}),
                   {"name": "members_changed", "type": "integer", "constraints": {"required": True, "minimum": 0,
                                                                                  "maximum": K_SIMILAR},
                    "description": f"How many of the force's {K_SIMILAR} similar forces change when this input is left out."}],
        "primaryKey": ["area_code", "basis_year", "left_out"],
        "foreignKeys": fk("area_code"),
    }
    inputs_schema = {
        "fields": [s("variable", "Name of the input.", constraints={"required": True, "unique": True}),
                   s("label", "A short name for it."),
                   s("description", "What it is, in plain words.", constraints={"required": True}),
                   s("detail", "How it is worked out."),
                   s("source", "Publisher and table it comes from.", constraints={"required": True}),
                   s("years", "Which year's figures go into the groups for mid-year Y."),
                   s("why", "Why it helps to say which forces are alike.")],
        "primaryKey": ["variable"],
    }
    inputs = [[v.key, v.label, v.words, v.detail, v.source, v.years, v.why] for v in VARIABLES]
    ons = "https://www.ons.gov.uk/peoplepopulationandcommunity/"
    return Package(
        name="reference",
        title="Police force areas, population and similar forces",
        description="The 43 police force areas of England and Wales, their population and households by year, "
                    "and groups of similar forces calculated by forcepages from facts about the people and places "
                    "each force serves (no crime figures).",
        sources=[
            {"title": "Police force area data tables (years ending March 2018 and March 2019), Tables P3, P9, P10",
             "path": ons + "crimeandjustice/datasets/policeforceareadatatables", "publisher": "Office for National Statistics"},
            {"title": "Mid-year population estimates, England and Wales, mid-2011 to mid-2023 (MYE4, MYE5, MYE6)",
             "path": ons + "populationandmigration/populationestimates", "publisher": "Office for National Statistics"},
            {"title": "Census 2011: ethnic group by police force area (aggregated from Census 2011 counts)",
             "path": ons + "culturalidentity/ethnicity", "publisher": "Office for National Statistics"},
            {"title": "Local Authority District to CSPs to Police Force Areas (December 2023) Lookup",
             "path": "https://geoportal.statistics.gov.uk/", "publisher": "Office for National Statistics"},
            {"title": "Police Force Areas (December 2016) Boundaries, ultra generalised, clipped",
             "path": "https://geoportal.statistics.gov.uk/", "publisher": "Office for National Statistics"},
        ],
        resources=[
            Resource("areas", "Areas", "Police force areas and England and Wales.", area_schema,
                     ["area_code", "name", "area_type", "region", "country", "parent_code", "non_resident_population",
                      "name_cy", "region_cy"],
                     areas),
            Resource("population", "Population", "Mid-year population and households by area and year.",
                     pop_schema, ["area_code", "year", "population", "households"], pop_rows),
            Resource("similar_forces", "Similar forces", f"Each force's group of {K_SIMILAR} similar forces used on the "
                     f"site (mid-{BASIS_YEAR} groups), one row per pair. Calculated by forcepages from facts about "
                     "people and places; not the Home Office's most similar groups.", sim_schema,
                     ["area_code", "similar_area_code", "source", "basis_year", "distance"], sim_rows),
            Resource("similar_forces_by_year", "Similar forces by year", f"Each force's group of {K_SIMILAR} similar "
                     f"forces worked out from each mid-year's figures, {YEARS[0]} to {YEARS[-1]}. The site uses "
                     f"the {BASIS_YEAR} groups.", by_year_schema, ["area_code", "basis_year", "similar_area_code"],
                     by_year),
            Resource("similar_forces_stability", "How firm the similar forces are", "For each force and each input, "
                     f"how many of its {K_SIMILAR} similar forces change when that input is left out.", stab_schema,
                     ["area_code", "basis_year", "left_out", "members_changed"], stab_rows),
            Resource("similar_forces_inputs", "What the similar forces are worked out from", "The inputs of the "
                     "similarity method, with their sources. None is a crime, outcome or police figure.", inputs_schema,
                     ["variable", "label", "description", "detail", "source", "years", "why"], inputs),
            *places_resources(raw),
        ],
        readme=README + places_readme() + readme_section(raw),
        keywords=["police", "population", "similar forces"],
        version="1.1.0",
        changes=with_change("1.1.0", "Added Welsh names: name_cy in areas.csv (the four Welsh forces, England and "
                            "Wales), region_cy (every region) and name_cy in local_authorities.csv (the 22 Welsh "
                            "principal areas). Nothing already published changed.", WELSH_DATE),
    )


__all__ = ["build", "build_population", "force_code", "non_resident_flags"]
