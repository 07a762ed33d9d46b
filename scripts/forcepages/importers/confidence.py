"""`public-confidence` package: survey measures of confidence, satisfaction and anti-social behaviour.

- HMIC value for money profiles 2010, sheet "Section 4. Outcomes & Sat.": British Crime Survey
  2008-09 confidence measures and user satisfaction 2008-09, each with a published interval
  (plus or minus), and 999 calls answered on time 2008-09.
- ONS PFA data tables, Table P6 (years ending March 2018 and 2019): CSEW % of adults who
  experienced or witnessed any anti-social behaviour, with significance flags, no interval.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import xlrd

from forcepages.importers.common import (ENGLAND_AND_WALES, FORCE_CODES, Package, Row, fmt, force_code, proportion_row, values_resource)
from forcepages.importers.ons_tables import ONS_DIR, sheet_rows

VFM = "traffic_police_collisions/original_data/value-for-money-2010-underlying-data-20100609.xls"
VFM_SHEET = "Section 4. Outcomes & Sat."
P6_FILES = {
    date(2018, 3, 31): "policeforceareatablesyearendingmarch2018v2.xlsx",
    date(2019, 3, 31): "policeforceareatablesyeendingmarch2019.xlsx",
}
# indicator id -> (header in row 3 of the sheet, unit of the published interval)
BCS = {
    "police-and-councils-dealing-with-asb-and-crime":
        ("Police & local councils are dealing with anti-social behaviour and crime issues that matter in this area",
         "proportion"),
    "police-dealing-with-local-concerns": ("Police are dealing with local concerns", "proportion"),
    "high-level-of-anti-social-behaviour": ("High level of anti-social behaviour", "proportion"),
}
SATISFACTION_GROUP = "All victims (excluding racist incidents)"
FY0809 = (date(2008, 4, 1), date(2009, 3, 31))
LONDON, MET, CITY = "E12000007", "E23000001", "E23000034"
LONDON_NOTE = "This figure is for City of London and the Metropolitan Police together."
FLAG_WORDS = {"*": "significantly different", "*↑": "significantly higher", "*↓": "significantly lower"}


def _num(x):
    return x if isinstance(x, float) else None


def _survey_row(ind, code, value_pct, half_width_pct, note=""):
    start, end = FY0809
    if value_pct is None or half_width_pct is None or (value_pct == 0 and half_width_pct == 0):
        return Row(ind, code, start, end, "[x]", note="Not available in the source.")
    lo = max(0.0, value_pct - half_width_pct)
    hi = min(100.0, value_pct + half_width_pct)
    return Row(ind, code, start, end, fmt(value_pct, 2), lower_95=fmt(lo, 2), upper_95=fmt(hi, 2), note=note)


def vfm_rows(raw: Path) -> list[Row]:
    sheet = xlrd.open_workbook(raw / VFM).sheet_by_name(VFM_SHEET)
    groups, heads = sheet.row_values(1), [str(h).strip() for h in sheet.row_values(2)]
    rows = []
    col = {ind: heads.index(h) for ind, (h, _) in BCS.items()}
    sat = next(j for j, g in enumerate(groups) if str(g).strip() == SATISFACTION_GROUP)
    calls, on_time = heads.index("Calls received"), heads.index("No. calls answered on time")
    seen = set()
    for i in range(3, sheet.nrows):
        r = sheet.row_values(i)
        code = force_code(r[0]) if str(r[0]).strip() else None
        if code is None:
            continue
        seen.add(code)
        for ind, j in col.items():
            v, ci = _num(r[j]), _num(r[j + 1])
            rows.append(_survey_row(ind, code, v and 100 * v, ci and 100 * ci))
        # satisfaction: value as a proportion, interval in percentage points
        v = _num(r[sat])
        rows.append(_survey_row("victim-satisfaction", code, v and 100 * v, _num(r[sat + 1])))
        num, den = _num(r[on_time]), _num(r[calls])
        note = "" if den else "Not available in the source ('na')."
        rows.append(proportion_row("emergency-calls-answered-on-time", code, *FY0809, num, den, note=note))
    missing = set(FORCE_CODES) - seen
    if missing:
        raise ValueError(f"forces missing from {VFM}: {sorted(missing)}")
    # England and Wales: not published; the 999 sum would lack 3 forces, so it is [x] as well.
    rows.append(Row("emergency-calls-answered-on-time", ENGLAND_AND_WALES, *FY0809, "[x]",
                    note="Not available: 3 forces have no figures, so there is no total for England and Wales."))
    for ind in list(BCS) + ["victim-satisfaction"]:
        rows.append(Row(ind, ENGLAND_AND_WALES, *FY0809, "[x]", note="Not published for England and Wales."))
    return rows


def _flag_note(flag_ew, flag_prev, base, prev_label) -> str:
    parts = []
    if str(flag_ew or "").strip() in FLAG_WORDS:
        parts.append(f"Statistically {FLAG_WORDS[str(flag_ew).strip()]} from England and Wales.")
    if str(flag_prev or "").strip() in FLAG_WORDS:
        parts.append(f"Statistically {FLAG_WORDS[str(flag_prev).strip()]} than in {prev_label}."
                     .replace("different than", "different from"))
    if isinstance(base, (int, float)):
        parts.append(f"Based on {int(base):,} adults asked.")
    return " ".join(parts)


def asb_rows(raw: Path) -> list[Row]:
    rows = []
    for end, fname in P6_FILES.items():
        start = date(end.year - 1, 4, 1)
        prev = f"April {end.year - 2} to March {end.year - 1}"
        table = sheet_rows(raw / ONS_DIR / fname, "Table P6")
        head_i = next(i for i, r in enumerate(table) if r and str(r[0] or "").strip() == "Area Code")
        groups = [str(g or "").strip() for g in table[head_i - 1]]
        j = groups.index("Any anti-social behaviour")
        j_base = next(k for k, g in enumerate(groups) if g.lower().startswith("unweighted"))
        for r in table[head_i + 1:]:
            code = str(r[0] or "").strip()
            extra = ""
            if code == LONDON and "metropolitan" in str(r[1]).lower():
                # the CSEW publishes one figure for City of London and the Metropolitan Police together
                code, extra = MET, " " + LONDON_NOTE
                rows.append(Row("experienced-or-witnessed-anti-social-behaviour", CITY, start, end, "[x]",
                                note="Not available: published only together with the Metropolitan Police."))
            if code not in FORCE_CODES and code != ENGLAND_AND_WALES:
                continue
            value = r[j]
            if not isinstance(value, (int, float)):
                rows.append(Row("experienced-or-witnessed-anti-social-behaviour", code, start, end, "[x]"))
                continue
            note = (_flag_note(r[j + 1], r[j + 2], r[j_base], prev) + extra).strip()
            rows.append(Row("experienced-or-witnessed-anti-social-behaviour", code, start, end, fmt(value, 2),
                            note=note))
    return rows


README = """# Public confidence, victim satisfaction and anti-social behaviour

Survey measures by police force area, and 999 calls answered on time.

| indicator | years | interval |
|---|---|---|
| Agree the police and council deal with local crime and nuisance | April 2008 to March 2009 | published |
| Agree the police deal with local concerns | April 2008 to March 2009 | published |
| Think anti-social behaviour is a big problem | April 2008 to March 2009 | published |
| Victims happy with the whole service | April 2008 to March 2009 | published |
| 999 calls answered on time | April 2008 to March 2009 | not a survey |
| Saw or suffered anti-social behaviour | years ending March 2018 and March 2019 | not published |

## How it was made

`python -m forcepages.importers` reads:

- HMIC value for money profiles 2010, underlying data, sheet "Section 4. Outcomes & Sat.":
  British Crime Survey 2008-09 confidence measures with their confidence intervals, user
  satisfaction surveys 2008-09 ("All victims (excluding racist incidents)", % satisfied with the
  whole experience) with confidence intervals, and 999 calls received and answered on time.
  Values are given as proportions in the source and are written as percentages. Intervals are
  published as plus or minus: for the confidence measures as a proportion, for satisfaction in
  percentage points. `lower_95` = value - interval and `upper_95` = value + interval (kept within
  0 to 100). Figures for England and Wales were not published in this sheet: `[x]`. The 999
  figures are missing ('na') for City of London, Humberside and Warwickshire, so England and
  Wales is `[x]` there too (City of London also lacks 3 of the survey measures).
- ONS police force area data tables, Table P6: Crime Survey for England and Wales, % of adults
  who experienced or witnessed any anti-social behaviour in the area. No interval was published,
  so `lower_95` and `upper_95` are empty. The `note` says where ONS marked a statistically
  significant difference (at the 5% level) from England and Wales, or from the year before, and
  the unweighted number of adults asked. ONS publishes one figure for City of London and the
  Metropolitan Police together: it is given on the Metropolitan Police row (with a note), and City
  of London is `[x]`.

## Caveats

Force-level survey estimates rest on small samples. ONS says they should be treated with
extreme caution. Survey measures are estimates, not counts.
"""


def build(raw: Path) -> Package:
    rows = vfm_rows(raw) + asb_rows(raw)
    return Package(
        name="public-confidence",
        title="Public confidence, victim satisfaction and anti-social behaviour",
        description="Survey measures of confidence in the police, victim satisfaction and anti-social behaviour "
                    "by police force area (2008-09, 2017-18, 2018-19), and 999 calls answered on time (2008-09).",
        sources=[
            {"title": "Value for money profiles 2010: underlying data",
             "path": "https://www.justiceinspectorates.gov.uk/hmicfrs/data/value-for-money-data/",
             "publisher": "Her Majesty's Inspectorate of Constabulary"},
            {"title": "Police force area data tables, years ending March 2018 and March 2019, Table P6",
             "path": "https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice/datasets/"
                     "policeforceareadatatables", "publisher": "Office for National Statistics"},
        ],
        resources=[values_resource("public-confidence", "Confidence and satisfaction",
                                   "One row per indicator, area and period.", rows)],
        readme=README,
        keywords=["confidence", "satisfaction", "anti-social behaviour"],
    )
