"""`crime-outcomes` package: share of outcomes that were a charge or summons.

All crime: 2014/15 to 2025/26 from the Home Office force-by-year outcomes file (force_year.py).
Violence with injury, burglary and sexual offences: 2017/18 and 2018/19 from the outcomes open data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from forcepages.importers import force_year
from forcepages.importers.common import (ENGLAND_AND_WALES, FORCE_CODES, Package, Row, force_code, proportion_row, values_resource, with_change)

FILES = {  # financial year -> (file, outcomes column)
    "2017/18": ("cj_charts/detection-rates-data.csv.gz", "force_outcomes_recorded_in_quarter"),
    "2018/19": ("lesscrime/violence-prosecutions-data.csv.gz", "force_outcomes_recorded_in_quarter"),
}
ALL_CRIME = "charge-rate-all-crime"
# indicator id -> offence subgroups counted (None: every offence except fraud)
INDICATORS = {
    ALL_CRIME: None,
    "charge-rate-violence-with-injury": {"Violence with injury"},
    "charge-rate-burglary": {"Domestic burglary", "Non-domestic burglary"},
    "charge-rate-sexual-offences": {"Rape", "Other sexual offences"},
}
CHARGED = "1"      # outcome type 1: charged or summonsed
NOT_YET = "0"      # "not yet assigned an outcome": not an outcome, left out


def read_year(raw: Path, year: str) -> pd.DataFrame:
    path, col = FILES[year]
    df = pd.read_csv(raw / path, usecols=["financial_year", "force_name", "offence_group", "offence_subgroup",
                                          "outcome_type", col], dtype={"outcome_type": str})
    df = df[df["financial_year"] == year].rename(columns={col: "outcomes"})
    df["code"] = df["force_name"].map(lambda n: force_code(n) if isinstance(n, str) else None)
    df = df[df["code"].notna() & ~df["offence_group"].str.lower().str.startswith("fraud")]
    df = df[df["outcome_type"].notna() & (df["outcome_type"] != NOT_YET)]
    df["outcomes"] = pd.to_numeric(df["outcomes"], errors="coerce").fillna(0)
    return df


# Counts the source did not have ("not provided" was read as 0 in the file): (financial year, code) -> note
NOT_SUPPLIED_NOTE = "Not available: the Home Office tables have no outcomes from this force for part of this year."
GMP_NOTE = ("Not available: Greater Manchester Police could not give outcomes from July 2019 to March 2020, "
            "when it changed its computer system.")
NOT_SUPPLIED = {
    **{("2014/15", code): NOT_SUPPLIED_NOTE for code in (
        "E23000026", "E23000002", "W15000004", "E23000027", "E23000021", "E23000001", "E23000011")},
    ("2019/20", "E23000005"): GMP_NOTE,
}
EW_NOTE = "Not available: the total for England and Wales lacks forces that have no figures for part of this year."
REVISED_NOTE = "Revised: from the Home Office tables published in July 2024, which take in later corrections."


def _revised(row: Row, first: tuple[float, float] | None) -> Row:
    """Mark a row [r] when its counts differ from the first edition's."""
    if first is not None and (float(row.numerator), float(row.denominator)) != first:
        row.status, row.note = "[r]", REVISED_NOTE
    return row


def all_crime_rows(raw: Path, first: dict[tuple[str, str], tuple[float, float]]) -> list[Row]:
    """Charges out of all outcomes given in the year, every force and England and Wales, 2014/15 to 2025/26."""
    counts = force_year.charges(raw)
    rows = []
    for fy, start, end in force_year.complete_years(counts, force_year.OUTCOMES):
        complete = True
        for code in FORCE_CODES:
            if (fy, code) in NOT_SUPPLIED:
                rows.append(Row(ALL_CRIME, code, start, end, "[x]", note=NOT_SUPPLIED[(fy, code)]))
                complete = False
                continue
            num, den = counts[(code, fy)]
            rows.append(_revised(proportion_row(ALL_CRIME, code, start, end, num, den), first.get((fy, code))))
        if complete:
            num, den = (sum(counts[(c, fy)][i] for c in FORCE_CODES) for i in (0, 1))
            row = proportion_row(ALL_CRIME, ENGLAND_AND_WALES, start, end, num, den)
            rows.append(_revised(row, first.get((fy, ENGLAND_AND_WALES))))
        else:
            rows.append(Row(ALL_CRIME, ENGLAND_AND_WALES, start, end, "[x]", note=EW_NOTE))
    return rows


def build_rows(raw: Path):
    """Rows from the 2017/18 and 2018/19 open data; their all-crime counts only mark revisions in the newer file."""
    rows, first = [], {}
    for year in FILES:
        y0 = int(year[:4])
        start, end = date(y0, 4, 1), date(y0 + 1, 3, 31)
        df = read_year(raw, year)
        for ind, subgroups in INDICATORS.items():
            part = df if subgroups is None else df[df["offence_subgroup"].isin(subgroups)]
            den = part.groupby("code")["outcomes"].sum()
            num = part[part["outcome_type"] == CHARGED].groupby("code")["outcomes"].sum()
            pairs = {code: (float(num.get(code, 0)), float(den.get(code, 0))) for code in FORCE_CODES}
            if ind == ALL_CRIME:
                first.update({(year, code): pair for code, pair in pairs.items()})
                first[(year, ENGLAND_AND_WALES)] = (float(num.sum()), float(den.sum()))
                continue
            rows += [proportion_row(ind, code, start, end, *pairs[code]) for code in FORCE_CODES]
            rows.append(proportion_row(ind, ENGLAND_AND_WALES, start, end, float(num.sum()), float(den.sum())))
    return rows + all_crime_rows(raw, first)


README = """# Crime outcomes: charges and summonses by force

The share of crime outcomes given in a year that were a charge or a summons to court, for the
43 police force areas and England and Wales: all crime (except fraud) in every year from April
2014 to March 2026; violence with injury, burglary and sexual offences in the years ending March
2018 and March 2019.

## The base: outcomes given in the year

The charge rate is charges and summonses out of **all outcomes given in the year** (the Home
Office's "outcomes recorded in the year"), not out of the crimes recorded in the year. Why:

- it is the base of the figures this package had before (2017/18 and 2018/19), so all crime is one
  series from 2014/15 to 2025/26 with no break;
- the charges and the outcomes they are counted out of come from the same table and count the same
  thing, so the rate is never over 100% and every outcome counts once;
- an outcome can come years after the crime. Charges given this year out of crimes recorded this
  year would mix two different sets of crimes, and the latest year would look low because many of
  its crimes have no outcome yet.

## How it was made

`python -m forcepages.importers` reads:

- **All crime, 2014/15 to 2025/26**: `ho_force_year_recent/ho_outcomes_force_year_2014_2026.csv`,
  sums per force and financial year of the Home Office outcomes open data tables (editions of
  July 2024 to July 2026; SOURCES.md section 8). `numerator` = `closed_ex_fraud_t1` (outcome type 1,
  charged or summonsed); `denominator` = `closed_ex_fraud_assigned` (all assigned outcomes, types 1
  to 22; type 0 "not yet assigned" and the "of which" types 1a, 2a and 3a are left out; fraud is
  left out). Outcome type 22 (diversionary, educational or intervention activity) was voluntary
  before April 2021.
- **Violence with injury, burglary and sexual offences, 2017/18 and 2018/19**: the Home Office crime
  outcomes open data for those years (one row per force, quarter, offence and outcome type) and,
  for each force and year, adds up `force_outcomes_recorded_in_quarter`: `numerator` = outcomes of
  type 1; `denominator` = all outcomes of types 1 to 21 given in the year. Type 0 and fraud are left
  out. Burglary counts domestic and non-domestic burglary (the outcomes data keep the old
  subgroups). Sexual offences count rape and other sexual offences.

`value` = numerator / denominator x 100. British Transport Police is left out. England and Wales is
the sum of the 43 forces.

## Not available, and revised

- 2014/15: Bedfordshire, Cumbria, Dyfed-Powys, Hertfordshire, Leicestershire, the Metropolitan
  Police and South Yorkshire did not give outcomes for part of the year (the file reads "not
  provided" as 0). Their values, and England and Wales, are `[x]`.
- 2019/20: Greater Manchester Police gave no outcomes from July 2019 to March 2020 (a new IT
  system). Its value, and England and Wales, are `[x]`.
- All crime in 2017/18 and 2018/19 now comes from the later tables, which take in corrections.
  Rows whose counts differ from the first edition (used in version 1.0.0) have status `[r]`.
  The largest change is Derbyshire 2018/19 (13.2% before, 15.0% now).

## Caveats

Outcomes given in a year can be for crimes recorded in earlier years. The share depends on the
mix of crime a force deals with. More charges is read as better (polarity higher-is-better).
"""


def build(raw: Path) -> Package:
    return Package(
        name="crime-outcomes",
        title="Crime outcomes: charges and summonses by force",
        description="Share of crime outcomes that were a charge or summons, by force: all crime, years ending "
                    "March 2015 to March 2026; violence with injury, burglary and sexual offences, years ending "
                    "March 2018 and March 2019.",
        sources=[
            {"title": "Crime outcomes in England and Wales: open data tables, year ending March 2018",
             "path": "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/"
                     "file/796973/prc-outcomes-open-data-mar2018-tables.ods", "publisher": "Home Office"},
            {"title": "Crime outcomes in England and Wales: open data tables, year ending March 2019",
             "path": "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/"
                     "file/859290/prc-outcomes-open-data-mar2019-tables.ods", "publisher": "Home Office"},
            {"title": "Police recorded crime and outcomes open data tables: outcomes, years ending March 2015 to "
                      "March 2026 (sums per force and year from SGilr/oocd-dashboard, data/processed/force_year.csv)",
             "path": "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables",
             "publisher": "Home Office"},
        ],
        resources=[values_resource("crime-outcomes", "Charge or summons rates",
                                   "One row per indicator, area and financial year.", build_rows(raw))],
        readme=README,
        keywords=["crime outcomes", "charge"],
        version="1.1.0",
        changes=with_change("1.1.0", "All crime: years ending March 2015 to March 2026 from the Home Office's later "
                                     "outcomes tables; 2017/18 and 2018/19 revised ([r])."),
    )
