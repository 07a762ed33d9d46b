"""`crime-outcomes` package: share of outcomes that were a charge or summons, 2017/18 and 2018/19."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from .common import ENGLAND_AND_WALES, FORCE_CODES, Package, force_code, proportion_row, values_resource

FILES = {  # financial year -> (file, outcomes column)
    "2017/18": ("cj_charts/detection-rates-data.csv.gz", "force_outcomes_recorded_in_quarter"),
    "2018/19": ("lesscrime/violence-prosecutions-data.csv.gz", "force_outcomes_recorded_in_quarter"),
}
# indicator id -> offence subgroups counted (None: every offence except fraud)
INDICATORS = {
    "charge-rate-all-crime": None,
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


def build_rows(raw: Path):
    rows = []
    for year in FILES:
        y0 = int(year[:4])
        start, end = date(y0, 4, 1), date(y0 + 1, 3, 31)
        df = read_year(raw, year)
        for ind, subgroups in INDICATORS.items():
            part = df if subgroups is None else df[df["offence_subgroup"].isin(subgroups)]
            den = part.groupby("code")["outcomes"].sum()
            num = part[part["outcome_type"] == CHARGED].groupby("code")["outcomes"].sum()
            for code in FORCE_CODES:
                rows.append(proportion_row(ind, code, start, end, float(num.get(code, 0)), float(den.get(code, 0))))
            rows.append(proportion_row(ind, ENGLAND_AND_WALES, start, end, float(num.sum()), float(den.sum())))
    return rows


README = """# Crime outcomes: charges and summonses by force

The share of crime outcomes given in a year that were a charge or a summons to court, for all
crime (except fraud), violence with injury, burglary and sexual offences, in the years ending
March 2018 and March 2019, for the 43 police force areas and England and Wales.

## How it was made

`python -m forcepages.importers` reads the Home Office crime outcomes open data for 2017/18 and
2018/19 (one row per force, quarter, offence and outcome type; copies with snake_case column
names) and, for each force and year, adds up `force_outcomes_recorded_in_quarter`:

- `numerator`: outcomes of type 1, "Charged/Summonsed";
- `denominator`: all outcomes of types 1 to 21 given in the year, whatever year the crime was
  recorded in. "Not yet assigned an outcome" (type 0) is not an outcome and is left out.
  Fraud offences are left out (they are recorded by Action Fraud, not by forces).
  British Transport Police is left out.
- `value` = numerator / denominator x 100.

Burglary counts domestic and non-domestic burglary (the outcomes data keep the old subgroups).
Sexual offences count rape and other sexual offences. England and Wales is the sum of the 43 forces.

## Caveats

Outcomes given in a year can be for crimes recorded in earlier years. The share depends on the
mix of crime a force deals with. More charges is read as better (polarity higher-is-better).
"""


def build(raw: Path) -> Package:
    return Package(
        name="crime-outcomes",
        title="Crime outcomes: charges and summonses by force",
        description="Share of crime outcomes that were a charge or summons, by force, years ending March 2018 "
                    "and March 2019.",
        sources=[
            {"title": "Crime outcomes in England and Wales: open data tables, year ending March 2018",
             "path": "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/"
                     "file/796973/prc-outcomes-open-data-mar2018-tables.ods", "publisher": "Home Office"},
            {"title": "Crime outcomes in England and Wales: open data tables, year ending March 2019",
             "path": "https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/"
                     "file/859290/prc-outcomes-open-data-mar2019-tables.ods", "publisher": "Home Office"},
        ],
        resources=[values_resource("crime-outcomes", "Charge or summons rates",
                                   "One row per indicator, area and financial year.", build_rows(raw))],
        readme=README,
        keywords=["crime outcomes", "charge"],
    )
