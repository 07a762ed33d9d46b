"""Similar forces from what the people and places of each force area are like: never from crime.

Every input is a characteristic of the resident population or of the land (ONS mid-year
estimates, ONS household estimates, Census 2011). No recorded crime, outcome, survey or
police figure goes in, so the groups are not made from the things they are then used to judge.
``VARIABLES`` lists the inputs with their sources; a test reads it.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from forcepages.importers.common import FORCE_CODES, FORCE_NAME, force_code
from forcepages.importers.ons_tables import read_table

LAD_FILE = "ecom185/LAD23_Mid_Year_pop_2011_to_2023.xlsx"
LAD_LOOKUP = "ecom185/Local_Authority_District_to_CSPs_to_Police_Force_Areas_(December__2023)_Lookup_.csv"
P3_2017 = "derived/pfa_reference_ons_ye_mar2019_P3.csv"
PFA_2018 = "ons_pfa_tables/policeforceareatablesyearendingmarch2018v2.xlsx"
ETHNICITY = "resistancelab/lookup/force-demographics-census2011-ethnicity.csv"

K_SIMILAR = 7
YEARS = tuple(range(2011, 2024))  # mid-year estimates by local authority exist for these years
BASIS_YEAR = YEARS[-1]            # the groups every comparison uses: the latest population year
URBAN_DENSITY = 1000              # people per square km: a "dense" council area
LAD_TYPES = ("Unitary Authority", "Non-metropolitan District", "Metropolitan District", "London Borough")


@dataclass(frozen=True)
class Variable:
    """One input of the similarity method."""

    key: str
    label: str      # a short name for table headings
    words: str      # what it is, in plain words
    detail: str     # how it is worked out
    source: str     # publisher and table
    file: str       # raw file it is read from
    tables: tuple   # sheets or columns read
    years: str      # which year's figures go into the groups of mid-year Y
    why: str


def _lad(key: str, label: str, words: str, detail: str, sheet: str, table_words: str, why: str) -> Variable:
    """An input read from the ONS mid-year estimates by local authority for the groups' own year."""
    return Variable(key, label, words, detail, f"ONS mid-year population estimates by local authority, table {sheet}"
                    f"{table_words}", LAD_FILE, (sheet,), "the same year as the groups (2011 to 2023)", why)


VARIABLES = (
    _lad("log_density", "Crowding", "How many people live in each square km.",
         "people per square km of the force area, as log10", "MYE5", " (population and area)",
         "Crowded places have more people, traffic and night-time economy in a small space."),
    _lad("density_spread", "Mixed town and country", "How much crowding differs between the force's council areas.",
         "population-weighted standard deviation of log10 people per square km across the force's council areas",
         "MYE5", "", "A force with one big city and a wide countryside polices two kinds of place at once."),
    _lad("dense_share", "Living in towns", f"The share of people living in council areas with {URBAN_DENSITY:,} or "
         "more people in each square km.", f"share of the force's people in council areas with {URBAN_DENSITY:,} or "
         "more people per square km", "MYE5", "",
         "How much of the population lives in towns and cities rather than in the country."),
    Variable("people_per_household", "Household size", "How many people live in each home, on average.",
             "mid-year population divided by households",
             "ONS police force area data tables: population and households (Tables P9 and P10, year ending March "
             "2018, for 2011 to 2016; Table P3, year ending March 2019, for 2017)",
             PFA_2018 + " and " + P3_2017, ("Table P9", "Table P10", "population_mid2017", "households_mid2017"),
             "the same year up to 2017; 2017 for later groups (the latest household figures we have)",
             "Household size follows family make-up, students and shared housing."),
    _lad("median_age", "Age", "The age of the person in the middle, if everyone lined up by age.",
         "population-weighted mean of the median ages of the force's council areas", "MYE6", " (median age)",
         "Young adults are more often both victims and offenders; older areas need different things."),
    Variable("ethnic_minority_share", "Ethnic mix", "The share of people from ethnic groups other than White.",
             "1 minus usual residents in White ethnic groups divided by all usual residents",
             "Census 2011, ethnic group by police force area", ETHNICITY,
             ("All categories: Ethnic group", "White"), "2011 for all groups (the only Census figures we have)",
             "With crowding, it tells big mixed cities apart from other towns."),
)
VARIABLE_KEYS = tuple(v.key for v in VARIABLES)


# --------------------------------------------------------------------------- raw readers


@lru_cache(maxsize=2)
def lad_tables(raw: Path) -> dict:
    """LAD-level population 2011-2023 (MYE4), area (MYE5) and median age (MYE6)."""
    import openpyxl

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


@lru_cache(maxsize=2)
def ethnic_minority_share(raw: Path) -> dict[str, float]:
    """Census 2011: 1 - White / all usual residents, by force."""
    out = {}
    with open(raw / ETHNICITY, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            code = force_code(r["PFA16NM"])
            total = float(r["Ethnic Group: All categories: Ethnic group; measures: Value"])
            white = float(r["Ethnic Group: White; measures: Value"])
            out[code] = 1 - white / total
    return out


@lru_cache(maxsize=2)
def people_per_household(raw: Path) -> dict[tuple[str, int], float]:
    p9 = read_table(raw / PFA_2018, "Table P9", year_header=True)
    p10 = read_table(raw / PFA_2018, "Table P10", year_header=True)
    out = {(c, y): p9[(c, y)] / p10[(c, y)] for c in FORCE_CODES for y in range(2011, 2017)}
    with open(raw / P3_2017, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out[(r["pfa_code"], 2017)] = float(r["population_mid2017"]) / float(r["households_mid2017"])
    return out


# --------------------------------------------------------------------------- the method


def similarity_features(raw: Path, year: int = BASIS_YEAR) -> tuple[list[str], list[str], np.ndarray]:
    """Feature matrix (forces x VARIABLES) for one mid-year."""
    tables, lookup = lad_tables(raw), lad_to_pfa(raw)
    h5, r5 = tables["MYE5"]
    i_area, i_pop = h5.index("Area (sq km)"), h5.index(f"Estimated Population mid-{year}")
    h6, r6 = tables["MYE6"]
    i_age = h6.index(f"Mid-{year}")
    age = {str(r[0]): float(r[i_age]) for r in r6}
    lads: dict[str, list[tuple[float, float, float]]] = {}
    for r in r5:
        pfa = lookup.get(str(r[0]))
        if pfa is None or r[2] not in LAD_TYPES:
            continue
        lads.setdefault(pfa, []).append((float(r[i_pop]), float(r[i_area]), age[str(r[0])]))
    pph, ethnic = people_per_household(raw), ethnic_minority_share(raw)
    matrix = []
    for code in FORCE_CODES:
        pop = np.array([p for p, _, _ in lads[code]])
        area = np.array([a for _, a, _ in lads[code]])
        ages = np.array([g for _, _, g in lads[code]])
        log_d = np.log10(pop / area)
        mean_log = float((pop * log_d).sum() / pop.sum())
        matrix.append([
            math.log10(pop.sum() / area.sum()),
            math.sqrt(float((pop * (log_d - mean_log) ** 2).sum() / pop.sum())),
            float(pop[pop / area >= URBAN_DENSITY].sum() / pop.sum()),
            pph[(code, min(year, 2017))],
            float((pop * ages).sum() / pop.sum()),
            ethnic[code],
        ])
    return list(FORCE_CODES), list(VARIABLE_KEYS), np.array(matrix)


def nearest(codes: list[str], x: np.ndarray, k: int = K_SIMILAR) -> dict[str, list[tuple[str, float]]]:
    """Each force's k nearest others by Euclidean distance on z-scores (ties broken by area code)."""
    z = (x - x.mean(axis=0)) / x.std(axis=0, ddof=0)
    out = {}
    for i, code in enumerate(codes):
        dist = np.sqrt(((z - z[i]) ** 2).sum(axis=1))
        order = sorted((round(float(d), 10), c) for j, (d, c) in enumerate(zip(dist, codes)) if j != i)
        out[code] = [(c, d) for d, c in order[:k]]
    return out


@lru_cache(maxsize=32)
def groups(raw: Path, year: int = BASIS_YEAR) -> dict[str, list[tuple[str, float]]]:
    codes, _, x = similarity_features(raw, year)
    return nearest(codes, x)


def similar_forces(raw: Path, year: int = BASIS_YEAR) -> list[tuple[str, str]]:
    return sorted((a, b) for a, members in groups(raw, year).items() for b, _ in members)


def stability(raw: Path, year: int = BASIS_YEAR) -> dict[str, dict[str, int]]:
    """{force: {variable left out: how many of its 7 members change}}."""
    codes, keys, x = similarity_features(raw, year)
    full = {c: {b for b, _ in m} for c, m in nearest(codes, x).items()}
    out: dict[str, dict[str, int]] = {c: {} for c in codes}
    for j, key in enumerate(keys):
        without = nearest(codes, np.delete(x, j, axis=1))
        for c in codes:
            out[c][key] = len(full[c] - {b for b, _ in without[c]})
    return out


# --------------------------------------------------------------------------- words

SOURCE = (
    f"Calculated by forcepages from mid-{BASIS_YEAR} population figures: each force's {K_SIMILAR} nearest forces "
    "on 6 facts about the people and places it serves (how crowded it is, how that differs across its council areas, "
    "the share of people in dense council areas, people per household, median age and the share of people from "
    "ethnic minority groups). No crime or police figures are used. Not the Home Office's most similar groups."
)


def readme_section(raw: Path) -> str:
    """The similar_forces part of the reference README, with the group and stability table."""
    var_lines = "\n".join(f"| `{v.key}` | {v.detail} | {v.source} | {v.years} | {v.why} |" for v in VARIABLES)
    stab = stability(raw)
    first = groups(raw, YEARS[0])
    rows = []
    for code in FORCE_CODES:
        members = [b for b, _ in groups(raw)[code]]
        moved = len(set(members) - {b for b, _ in first[code]})
        changes = " | ".join(str(stab[code][k]) for k in VARIABLE_KEYS)
        rows.append(f"| {FORCE_NAME[code]} | {', '.join(FORCE_NAME[b] for b in members)} | {changes} | "
                    f"{max(stab[code].values())} | {moved} |")
    total = {k: sum(stab[c][k] for c in FORCE_CODES) for k in VARIABLE_KEYS}
    firm = sum(1 for c in FORCE_CODES if max(stab[c].values()) <= 2)
    head = " | ".join(f"without `{k}`" for k in VARIABLE_KEYS)
    return f"""## similar_forces.csv

No official list of most similar groups (MSGs) was available, so the groups are **calculated
by forcepages** and are not the Home Office's most similar groups. They are made only from facts
about the people and places each force serves. **No recorded crime, crime outcome, survey or
police workforce figure is an input**, so a force is never grouped by the very figures the site
then compares.

### Inputs

| variable | what | source | year of the figures | why |
|---|---|---|---|---|
{var_lines}

Council areas are local authority districts (2023 boundaries) placed in force areas with the ONS
Local Authority District to CSPs to Police Force Areas (December 2023) lookup. Census 2011
ethnic groups by force area are an aggregation of Census 2011 counts (the Census 2021 figures by
force area are not in the raw files). People per household after 2017 and ethnic groups after
2011 stay at their latest year in the raw files.

### Method

1. Each variable is standardised to a z-score across the 43 forces (population standard deviation),
   so each counts equally.
2. The distance between two forces is the Euclidean distance between their z-scores.
3. Each force's group is the k = {K_SIMILAR} other forces nearest to it (ties broken by area code).
   Seven keeps the groups the size they were before and leaves enough forces to pool for a steady
   average, while staying small enough for the members to be alike.
4. Groups are worked out for each mid-year from {YEARS[0]} to {YEARS[-1]}
   (`similar_forces_by_year.csv`). **Every comparison on the site uses the mid-{BASIS_YEAR} groups**
   (`similar_forces.csv`, column `basis_year`), the latest population year, for every period.

Groups are not symmetric: force B can be in force A's group without A being in B's.
City of London is very unlike any other force, so its group is only the least unlike.

### How firm the groups are

`similar_forces_stability.csv` leaves out one variable at a time, works the groups out again
from the other 5, and counts how many of the {K_SIMILAR} members of each force's mid-{BASIS_YEAR} group change.
0 means the same group; {K_SIMILAR} means a wholly new one. {firm} of 43 forces lose at most 2 members
whichever variable is left out. Members changed, summed over the 43 forces:
{", ".join(f"`{k}` {total[k]}" for k in VARIABLE_KEYS)}.
The last column counts members of the mid-{BASIS_YEAR} group that were not in the mid-{YEARS[0]} group.

| force | similar forces (mid-{BASIS_YEAR}) | {head} | most changed | changed since {YEARS[0]} |
|---|---|{"---|" * len(VARIABLE_KEYS)}---|---|
{chr(10).join(rows)}

The `source` column carries a summary of this method. A publisher with the official list replaces the file.
"""


__all__ = ["BASIS_YEAR", "K_SIMILAR", "SOURCE", "VARIABLES", "YEARS", "groups", "readme_section", "similar_forces",
           "similarity_features", "stability"]
