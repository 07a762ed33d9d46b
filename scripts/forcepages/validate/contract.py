"""The contract's own rules (datapackages/README.md), checked on text tables with pandas."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from forcepages import names
from forcepages.validate import spreadsheet_checks
from forcepages.errors import Problem
from forcepages.paths import MEASURES, MISSING_SYMBOLS, POLARITIES, STATUS_SYMBOLS, VALUE_REQUIRED_FIELDS
from forcepages.validate.flags import flag
from forcepages.validate.tables import FIRST_ROW

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
AREA_CODE = re.compile(r"^[A-Za-z0-9]{1,20}$")
NUMERIC_FIELDS = ("numerator", "denominator", "value", "lower_95", "upper_95")
LARGEST = 1e12
NON_RESIDENT = "non_resident_population"  # optional areas.csv flag: rates per resident are not compared


def missing_columns(frame: pd.DataFrame, where: str, needed: tuple[str, ...]) -> list[Problem]:
    """One problem per required column that the header lacks."""
    return [Problem(where, 1, name, f'the header has no "{name}" column.', f'Add a "{name}" column (see datapackages/README.md).', code="column-missing")
            for name in needed if name not in frame.columns]


def parse_numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(numbers, bad mask): GSS symbols and empty cells become NaN and are not bad."""
    stripped = text.str.strip()
    special = stripped.isin(("",) + MISSING_SYMBOLS)
    numbers = pd.to_numeric(stripped.where(~special), errors="coerce").astype(float)
    word_like = stripped.str.lower().str.contains(r"nan|inf", regex=True, na=False)
    bad = (~special & (numbers.isna() | word_like)) | ~np.isfinite(numbers.fillna(0))
    return numbers.where(~bad), bad


def parse_dates(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(dates, bad mask) for YYYY-MM-DD text between the years 1900 and 2100."""
    dates = pd.to_datetime(text.str.strip(), format="%Y-%m-%d", errors="coerce")
    bad = dates.isna() | (dates.dt.year < 1900) | (dates.dt.year > 2100)
    return dates.where(~bad), bad


def check_slugs(frame: pd.DataFrame, where: str, field: str, what: str) -> list[Problem]:
    """Identifiers used in web addresses: lower-case words joined by hyphens."""
    bad = ~frame[field].str.match(SLUG)
    problems = flag(frame, bad, where, field, lambda r: f'"{r[field]}" is not a valid {what}.',
                    "Use lower-case letters, digits and hyphens only, for example burglary-of-homes.", code="id-invalid")
    unusable = ~bad & frame[field].map(lambda n: names.id_problem(n, what) is not None)
    return problems + flag(frame, unusable, where, field, lambda r: names.id_problem(r[field], what), names.ID_HINT, code="id-unusable")


def check_lengths(frame: pd.DataFrame, where: str, fields: tuple[str, ...]) -> list[Problem]:
    """Names and titles no longer than names.MAX_NAME characters (they become page titles and file names); a field
    the frame lacks (an optional Welsh column such as title_cy) is not checked."""
    problems = []
    for field in fields:
        if field in frame.columns:
            long = frame[field].str.len() > names.MAX_NAME
            problems += flag(frame, long, where, field, lambda r, f=field: f"the {f} is {len(r[f])} characters long; the most is {names.MAX_NAME}.",
                             "Shorten it; put longer text in a description or note.", code="text-too-long")
    return problems


def check_duplicates(frame: pd.DataFrame, keys: list[str], where: str) -> list[Problem]:
    """Rows whose key repeats an earlier row."""
    dup = frame.duplicated(subset=keys, keep="first")
    first = frame.reset_index().groupby(keys, sort=False)["index"].transform("min")
    return flag(frame, dup, where, keys[-1] if len(keys) == 1 else None,
                lambda r: f"repeats the key ({', '.join(str(r[k]) for k in keys)}) of row {int(first[r.name]) + FIRST_ROW}.",
                "Remove the repeated row or correct its key.", code="key-repeated")


def check_areas(frame: pd.DataFrame, where: str) -> list[Problem]:
    """Area codes are safe identifiers and not repeated; the optional non-resident flag is true, false or empty."""
    problems = flag(frame, ~frame["area_code"].str.match(AREA_CODE), where, "area_code",
                    lambda r: f'"{r["area_code"]}" is not an area code.',
                    "Use the ONS code, such as E23000001 (letters and digits only).", code="area-code-invalid")
    if NON_RESIDENT in frame.columns:
        words = frame[NON_RESIDENT].fillna("").astype(str).str.strip().str.lower()
        problems += flag(frame, ~words.isin(("true", "false", "")), where, NON_RESIDENT,
                         lambda r: f'"{r[NON_RESIDENT]}" is not true or false.',
                         "Write true where far more people are in the area in the day than live there, "
                         "otherwise false (or leave it empty).", code="boolean-invalid")
    return problems + check_duplicates(frame, ["area_code"], where) + check_lengths(frame, where, ("name", "name_cy"))


TRUE_WORDS = ("true", "yes", "1")
FALSE_WORDS = ("false", "no", "0")
BOOLEANS = TRUE_WORDS + FALSE_WORDS + ("",)


def flag_word(column: pd.Series, default: bool) -> pd.Series:
    """A catalogue yes/no column as booleans: the frictionless true and false words, empty for ``default``."""
    words = column.fillna("").astype(str).str.strip().str.lower()
    return words.isin(TRUE_WORDS) | (words.eq("") & default)


def check_catalogue(indicators: pd.DataFrame, domains: set[str], packages: set[str], where: str) -> list[Problem]:
    """The indicator catalogue's own rules."""
    p = check_slugs(indicators, where, "indicator_id", "indicator id")
    p += check_duplicates(indicators, ["indicator_id"], where)
    p += flag(indicators, ~indicators["domain_id"].isin(domains), where, "domain_id",
              lambda r: f'"{r["domain_id"]}" is not a domain in domains.csv.', f"Use one of: {', '.join(sorted(domains))}.", code="domain-unknown")
    p += flag(indicators, ~indicators["measure"].isin(MEASURES), where, "measure",
              lambda r: f'"{r["measure"]}" is not a measure type.', f"Use one of: {', '.join(MEASURES)}.", code="measure-unknown")
    p += flag(indicators, ~indicators["polarity"].isin(POLARITIES), where, "polarity",
              lambda r: f'"{r["polarity"]}" is not a polarity.', f"Use one of: {', '.join(POLARITIES)}.", code="polarity-unknown")
    p += flag(indicators, ~indicators["source_package"].isin(packages), where, "source_package",
              lambda r: f'"{r["source_package"]}" is not a package in datapackages/.', "Name the folder that holds the values.", code="package-unknown")
    base, bad_base = parse_numbers(indicators["rate_base"])
    is_rate = indicators["measure"].eq("rate")
    p += flag(indicators, is_rate & (bad_base | ~(base > 0)), where, "rate_base",
              lambda r: f'a rate needs a rate base above 0, not "{r["rate_base"]}".', "Give the number of people the rate is per, such as 1000.", code="rate-base-invalid")
    decimals, bad_dec = parse_numbers(indicators["decimals"])
    p += flag(indicators, bad_dec | ~decimals.between(0, 3), where, "decimals",
              lambda r: f'"{r["decimals"]}" is not a number of decimal places from 0 to 3.', "Use 0, 1, 2 or 3.", code="decimals-invalid")
    threshold, bad_thr = parse_numbers(indicators["disclosure_threshold"])
    p += flag(indicators, bad_thr | (threshold < 0), where, "disclosure_threshold",
              lambda r: f'"{r["disclosure_threshold"]}" is not a count of 0 or more.', "Leave it empty or give a whole number such as 5.", code="count-invalid")
    for field in ("census", "comparable"):
        p += flag(indicators, ~indicators[field].str.strip().str.lower().isin(BOOLEANS), where, field,
                  lambda r, f=field: f'"{r[f]}" is not true or false.', "Write true or false, or leave it empty.", code="boolean-invalid")
    not_comparable = indicators["comparable"].str.strip().str.lower().isin(FALSE_WORDS)
    p += flag(indicators, not_comparable & indicators["comparability_note"].str.strip().eq(""), where, "comparability_note",
              lambda r: f"the indicator {r['indicator_id']} does not compare between forces but does not say why.",
              "Write the reason in plain words, for example: each force chose its own time limit.", code="comparability-note-missing")
    p += check_lengths(indicators, where, ("title", "unit", "title_cy", "unit_cy"))  # the Welsh ones when present
    for field in ("title", "definition"):
        p += flag(indicators, indicators[field].str.strip().eq(""), where, field,
                  lambda r, f=field: f"the indicator {r['indicator_id']} has no {f}.", f"Write a plain-English {field}.", code="text-missing")
    return p


def check_values(frame: pd.DataFrame, where: str, catalogue: pd.DataFrame, area_codes: set[str],
                 catalogue_file: str = "datapackages/framework/indicators.csv",
                 areas: pd.DataFrame | None = None, elsewhere: frozenset[str] = frozenset()) -> tuple[pd.DataFrame, list[Problem]]:
    """Rules on one indicator-values table; returns the typed table and its problems.

    ``catalogue_file`` is the catalogue in use (named in messages); ``areas`` (reference/areas.csv as text) lets an
    area's name or a total row in the code column be told what to write instead. Ids in ``elsewhere`` (national
    indicators a plan leaves out) are not errors: the caller drops their rows."""
    p: list[Problem] = []
    known = set(catalogue.index) | set(elsewhere)
    p += flag(frame, ~frame["indicator_id"].isin(known), where, "indicator_id",
              lambda r: f'"{r["indicator_id"]}" is not in the indicator catalogue in use ({catalogue_file}).',
              f"Add the indicator to {catalogue_file} or correct the id.", code="indicator-unknown")
    p += spreadsheet_checks.unknown_areas(frame, where, area_codes, areas)
    typed = pd.DataFrame({"indicator_id": frame["indicator_id"], "area_code": frame["area_code"]})
    for field in ("period_start", "period_end"):
        dates, bad = parse_dates(frame[field])
        p += flag(frame, bad, where, field, lambda r, f=field: f'"{r[f]}" is not a date between 1900 and 2100.',
                  "Write the date as YYYY-MM-DD, for example 2018-03-31.", code="date-invalid")
        typed[field] = dates
    p += flag(frame, typed["period_end"] < typed["period_start"], where, "period_end",
              lambda r: f'the period ends ({r["period_end"]}) before it starts ({r["period_start"]}).', "Swap or correct the dates.", code="period-reversed")
    for field in NUMERIC_FIELDS:
        text = frame[field] if field in frame.columns else pd.Series("", index=frame.index)
        numbers, bad = parse_numbers(text)
        p += flag(frame, bad, where, field, lambda r, f=field: f'"{r[f]}" is not a number or a symbol such as [x].',
                  "Write a plain number (no commas or units), or [x] if it is not available.", code="number-invalid")
        large = numbers.abs() > LARGEST
        p += flag(frame, large, where, field, lambda r, f=field: f'"{r[f]}" is too large to be right (more than a million million).',
                  "Check the value and its units.", code="number-too-large")
        typed[field] = numbers.where(~large)
        typed[field + "_symbol"] = text.str.strip().where(text.str.strip().isin(MISSING_SYMBOLS), "")
    p += flag(frame, frame["value"].str.strip().eq(""), where, "value", lambda r: "the value is empty.",
              "Give the value, or a symbol: [x] not available, [c] confidential, [z] not applicable.", code="value-missing")
    p += flag(frame, typed["numerator"] < 0, where, "numerator", lambda r: f'the count "{r["numerator"]}" is below 0.',
              "Counts of events are 0 or more.", code="count-negative")
    p += flag(frame, typed["denominator"] <= 0, where, "denominator", lambda r: f'the denominator "{r["denominator"]}" is not above 0.',
              "The denominator is the number of people or the total: it must be above 0.", code="denominator-not-positive")
    measure = frame["indicator_id"].map(catalogue["measure"])
    is_prop = measure.eq("proportion")
    p += flag(frame, is_prop & (typed["numerator"] > typed["denominator"]), where, "numerator",
              lambda r: f'the numerator {r["numerator"]} is above the denominator {r["denominator"]}.',
              "A proportion counts part of a total: the numerator cannot be larger.", code="numerator-above-denominator")
    p += flag(frame, is_prop & ((typed["value"] < 0) | (typed["value"] > 100)), where, "value",
              lambda r: f'{r["value"]} is not a percentage between 0 and 100.', "Give proportions as percentages, such as 23.5.", code="percentage-out-of-range")
    p += flag(frame, measure.eq("rate") & (typed["value"] < 0), where, "value",
              lambda r: f'the rate {r["value"]} is below 0.', "Rates of events are 0 or more.", code="rate-negative")
    low_high = (typed["lower_95"] > typed["value"]) | (typed["upper_95"] < typed["value"])
    p += flag(frame, low_high, where, "lower_95", lambda r: f'the interval {r["lower_95"]} to {r["upper_95"]} does not contain the value {r["value"]}.',
              "Check the published interval: the lower limit is at most the value and the upper limit at least the value.", code="interval-misses-value")
    status = frame["status"].str.strip() if "status" in frame.columns else pd.Series("", index=frame.index)
    p += flag(frame, ~status.isin(STATUS_SYMBOLS), where, "status", lambda r: f'"{r["status"]}" is not a status.',
              "Leave it empty, or use [p] for provisional or [r] for revised.", code="status-invalid")
    p += spreadsheet_checks.value_agreement(frame, typed, where, catalogue, [x for x in p if x.path == where])
    typed["status"] = status
    typed["note"] = frame["note"] if "note" in frame.columns else ""
    return typed, p


def is_values_table(columns: list[str]) -> bool:
    """A resource holds indicator values when it has the contract's key and value fields."""
    return set(VALUE_REQUIRED_FIELDS) <= set(columns)
