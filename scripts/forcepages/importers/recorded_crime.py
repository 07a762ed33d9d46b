"""`recorded-crime` package: police recorded crime rates by force, 2003 to 2026.

Sources, in order of precedence for a period:
1. Home Office rec-crime-pfa.csv: 12 months ending March 2003 ... December 2018.
2. ONS PFA data tables, Table P1: 12 months ending March, June, September, December 2019
   (editions that add periods after December 2018).
3. ONS PFA table P1, year ending June 2025 (CSV export).
4. All recorded crime only, April 2019 to March 2026: the Home Office force-by-year file
   (recorded_crime_years.py), after a series break.
Knife crime: ONS PFA tables, Table P4, 8 editions, years ending March 2018 ... December 2019.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pandas as pd

from forcepages.importers.common import (ENGLAND_AND_WALES, FORCE_CODES, Package, Row, force_code, rate_row, values_resource, with_change, year_before)
from forcepages.importers.population import population_for
from forcepages.importers.ons_tables import ONS_DIR, read_table, title
from forcepages.importers.recorded_crime_years import financial_year_rows, mark_june_2025

REC_CRIME = "ho_rec_crime_pfa/rec-crime-pfa.csv"
P1_2025 = "ons_pfa_tables_ye_jun2025/table_P1_pfa_counts_ye_jun2025.csv"
GMP = "E23000005"
GMP_NOTE = "Not available: Greater Manchester Police could not supply data for this period (IT system problem)."
EW_GMP_NOTE = "Not available: the total for England and Wales lacks Greater Manchester Police for this period."
MIXED_NOTE = "Not available: these 12 months mix the old and new burglary definitions (April 2017)."

# indicator id -> (label in the counts, rate base)
INDICATORS = {
    "total-recorded-crime": ("total recorded crime", 1000),
    "burglary-of-homes": ("burglary of homes", 1000),
    "robbery": ("robbery", 1000),
    "vehicle-offences": ("vehicle offences", 1000),
    "violence-with-injury": ("violence with injury", 1000),
    "criminal-damage-and-arson": ("criminal damage and arson", 1000),
    "theft-from-the-person": ("theft from the person", 1000),
    "shoplifting": ("shoplifting", 1000),
    "homicide": ("homicide", 100000),
    "sexual-offences": ("sexual offences", 1000),
    "possession-of-weapons-offences": ("possession of weapons offences", 1000),
}
NOT_IN_TOTAL = {"fraud offences", "action fraud", "cifas", "uk finance"}
BURGLARY_CHANGE = date(2017, 4, 1)

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], 1)}
MONTH_END = {3: 31, 6: 30, 9: 30, 12: 31}


def _ho_counts(raw: Path) -> dict:
    """{(code, period_end): {label: count}} from the Home Office file."""
    df = pd.read_csv(raw / REC_CRIME, dtype=str)
    df.columns = ["end", "pfa", "region", "offence", "count"]
    df["end"] = df["end"].replace({"30-12-2017": "31-12-2017"})  # a quirk of the source
    df["code"] = df["pfa"].map(force_code)
    df = df[df["code"].notna()]
    out: dict = {}
    for end, code, offence, count in zip(df["end"], df["code"], df["offence"], df["count"]):
        d, m, y = (int(x) for x in end.split("-"))
        labels = out.setdefault((code, date(y, m, d)), {})
        labels[offence.strip().lower()] = int(count)
    for (code, end), labels in out.items():
        labels["total recorded crime"] = sum(v for k, v in labels.items() if k not in NOT_IN_TOTAL)
        start = year_before(end)
        if end < BURGLARY_CHANGE:
            labels["burglary of homes"] = labels.get("domestic burglary")
        elif start >= BURGLARY_CHANGE:
            labels["burglary of homes"] = labels.get("residential burglary")
        else:
            labels["burglary of homes"] = MIXED_NOTE
    return out


def period_end_from_title(text: str) -> date:
    """'... year ending March 181,2,3' -> 2018-03-31; '... year ending December 20191,2' -> 2019-12-31."""
    m = re.search(r"year ending (\w+) (\d{2,4})", text, re.I)
    month = MONTHS[m.group(1).lower()]
    digits = m.group(2)
    year = 2000 + int(digits[:2]) if not digits.startswith("20") or len(digits) == 2 else int(digits[:4])
    return date(year, month, MONTH_END[month])


def _p1_files(raw: Path) -> list[Path]:
    return sorted((raw / ONS_DIR).glob("*.xlsx"))


def _ons_counts(raw: Path, after: date) -> dict:
    out: dict = {}
    for path in _p1_files(raw):
        end = period_end_from_title(title(path, "Table P1"))
        if end <= after:
            continue
        table = read_table(path, "Table P1")
        for code in FORCE_CODES:
            labels = {lab: val for (c, lab), val in table.items() if c == code}
            labels["burglary of homes"] = labels.get("residential burglary")
            out[(code, end)] = labels
    return out


def _count_2025(text: str):
    text = str(text).replace(",", "").strip()
    return int(text) if re.fullmatch(r"\d+", text) else None


def _jun2025_counts(raw: Path) -> dict:
    from forcepages.importers.ons_tables import clean_label

    with open(raw / P1_2025, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    head_i = next(i for i, r in enumerate(rows) if r and r[0].strip() == "Area Code")
    labels = [clean_label(h) for h in rows[head_i]]
    end = date(2025, 6, 30)
    out = {}
    for r in rows[head_i + 1:]:
        if r and r[0].strip() in FORCE_CODES:
            d = {labels[j]: _count_2025(r[j]) for j in range(2, len(r))}
            d["burglary of homes"] = d.get("residential burglary")
            out[(r[0].strip(), end)] = d
    return out


def _knife_counts(raw: Path) -> dict:
    out = {}
    for path in _p1_files(raw):
        end = period_end_from_title(title(path, "Table P4"))
        table = read_table(path, "Table P4")
        for code in FORCE_CODES:
            out[(code, end)] = {"knife crime": table.get((code, "number of offences involving a knife"))}
    return out


def all_counts(raw: Path) -> dict:
    counts = _ho_counts(raw)
    last_ho = max(end for _, end in counts)
    counts.update(_ons_counts(raw, after=last_ho))
    counts.update(_jun2025_counts(raw))
    for key, labels in _knife_counts(raw).items():
        counts.setdefault(key, {}).update(labels)
    return counts


def build_rows(raw: Path) -> list[Row]:
    counts = all_counts(raw)
    ends = sorted({end for _, end in counts})
    indicators = dict(INDICATORS, **{"knife-crime": ("knife crime", 100000)})
    rows: list[Row] = []
    for ind, (label, base) in indicators.items():
        for end in ends:
            start = year_before(end)
            present = [code for code in FORCE_CODES if label in counts.get((code, end), {})]
            if not present:
                continue
            ew_count, ew_ok = 0, True
            for code in FORCE_CODES:
                count = counts.get((code, end), {}).get(label)
                if isinstance(count, str):  # a reason it is not available
                    rows.append(Row(ind, code, start, end, "[x]", note=count))
                    ew_ok = False
                    continue
                if count is None:
                    note = GMP_NOTE if code == GMP else "Not available in the source."
                    rows.append(Row(ind, code, start, end, "[x]", note=note))
                    ew_ok = False
                    continue
                pop, note = population_for(raw, code, start, end)
                rows.append(rate_row(ind, code, start, end, count, pop, base, note=note))
                ew_count += count
            pop, note = population_for(raw, ENGLAND_AND_WALES, start, end)
            if ew_ok:
                rows.append(rate_row(ind, ENGLAND_AND_WALES, start, end, ew_count, pop, base, note=note))
            else:
                mixed = any(isinstance(counts.get((c, end), {}).get(label), str) for c in FORCE_CODES)
                rows.append(Row(ind, ENGLAND_AND_WALES, start, end, "[x]", note=MIXED_NOTE if mixed else EW_GMP_NOTE))
    mark_june_2025(rows)
    return rows + financial_year_rows(raw)


README = """# Police recorded crime by force

Rates of crimes recorded by the police, for every 1,000 people (homicide and knife crime: for
every 100,000 people), for the 43 police force areas and England and Wales. Each value covers
12 months (a rolling year): annual to March 2007, then every quarter to December 2019, and the
year ending June 2025. All recorded crime also has every year from April to March, April 2019 to
March 2026.

## How it was made

`python -m forcepages.importers` reads:

- Home Office "Recorded crime data at Police Force Area level" (rec-crime-pfa.csv): 12 months ending
  31 March 2003 to 31 December 2018. One period end is written 30-12-2017 in the source; it is read
  as 31 December 2017. British Transport Police and the fraud bodies (Action Fraud, CIFAS, UK Finance)
  are left out. "All recorded crime" is the sum of all offence groups except fraud.
- ONS police force area data tables, Table P1: years ending March, June, September and December 2019
  (periods after the Home Office file ends). Where both sources cover a period (March to December 2018),
  the Home Office file is used.
- ONS police force area data tables, Table P1, year ending June 2025.
- All recorded crime, years April 2019 to March 2020 ... April 2025 to March 2026:
  `ho_force_year_recent/ho_prc_recorded_crime_force_year_2012_2026.csv`, the sum of every offence code
  per force and financial year in the Home Office "Police recorded crime open data Police Force Area
  tables, year ending March 2013 onwards" (edition of 23 July 2026; SOURCES.md section 8). Earlier
  years in that file overlap the periods above and are not used.
- Knife crime: ONS police force area data tables, Table P4 (selected serious offences involving a knife
  or sharp instrument), years ending March 2018 to December 2019.

`numerator` is the number of offences; `denominator` is the mid-year population of the area for the
30 June inside the 12 months (reference/population.csv). For 2025 the mid-2023 estimate, the latest
available, is used and the row says so. `value` = numerator / denominator x rate base.

England and Wales rows are the sums of the 43 forces (British Transport Police is not included).

## Caveats

- All recorded crime has a series break on 1 April 2019 (framework/series_breaks.csv). Before it,
  the total leaves out fraud. From it, the Home Office file counts every offence code, so it takes
  in the few fraud crimes that forces record themselves, and later corrections. Where both cover a
  year the newer count is a little higher for England and Wales: 2018/19, 5,200,043 against 5,190,468
  (0.2% more); 2017/18, 0.3% more. Forces differ more: in 2018/19 from 2.5% fewer (Northamptonshire)
  to 8.9% more (Dyfed-Powys). The year ending June 2025 (ONS table P1, fraud left out) is kept, with a
  note that it belongs to the older definition.
- Derbyshire has the same count, 86,228, in 2021/22 and 2022/23 in the Home Office file. This may be
  a quirk of the source; it is kept as published and both rows have a note.
- Rates for April 2024 to March 2025 and April 2025 to March 2026 use the mid-2023 population, the
  latest estimate; the rows say so.
- Burglary of homes: until March 2017, domestic burglary; from April 2017, residential burglary.
  12-month periods that mix the two (ending June, September and December 2017) are `[x]`.
- Greater Manchester Police could not supply data for the years ending September and December 2019
  (an IT system problem): its values, and England and Wales totals, are `[x]` for those periods.
- Recorded crime depends on what people report and how the police record it.
"""


def build(raw: Path) -> Package:
    rows = build_rows(raw)
    return Package(
        name="recorded-crime",
        title="Police recorded crime by force",
        description="Rates of police recorded crime by offence group for the 43 police force areas of England and "
                    "Wales, rolling 12 months, 2003 to 2025; all recorded crime per financial year to March 2026.",
        sources=[
            {"title": "Recorded crime data at Police Force Area level",
             "path": "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables",
             "publisher": "Home Office"},
            {"title": "Police force area data tables (Tables P1 and P4), years ending March 2018 to December 2019 "
                      "and year ending June 2025",
             "path": "https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/"
                     "policeforceareadatatables", "publisher": "Office for National Statistics"},
            {"title": "Police recorded crime open data Police Force Area tables, year ending March 2013 onwards "
                      "(23 July 2026 edition; sums per force and year from SGilr/oocd-dashboard, "
                      "data/processed/denominators.csv)",
             "path": "https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables",
             "publisher": "Home Office"},
        ],
        resources=[values_resource("recorded-crime", "Recorded crime rates",
                                   "One row per indicator, area and 12-month period.", rows)],
        readme=README,
        keywords=["police recorded crime"],
        version="1.1.0",
        changes=with_change("1.1.0", "All recorded crime: every year from April 2019 to March 2026, from the Home "
                                     "Office's force-by-year tables, after a series break on 1 April 2019."),
    )
