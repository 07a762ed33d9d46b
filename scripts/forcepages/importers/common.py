"""Shared helpers for the importers: paths, force names, schemas and writing packages.

Everything written here is deterministic: rows are sorted, numbers have a fixed format
and the only dates in the metadata are fixed release dates.
"""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_OUT = PROJECT_ROOT / "datapackages"

ENGLAND_AND_WALES = "K04000001"
AREA_CODE_PATTERN = r"^((E23|W15)\d{6}|K04000001)$"
FORCE_CODE_PATTERN = r"^(E23|W15)\d{6}$"
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
MISSING_VALUES = ["", "[x]", "[z]", "[c]", "[low]", "[u]"]

OGL_LICENCE = {
    "name": "OGL-UK-3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    "title": "Open Government Licence v3.0",
}
ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."
RELEASE_DATE = "2025-11-24"  # fixed date of version 1.0.0 of every package built here
FIRST_RELEASE = {"version": "1.0.0", "date": RELEASE_DATE, "description": "First release, made by forcepages importers."}
FORCE_YEAR_DATE = "2026-12-03"  # fixed date of the releases that added the force-by-year files (issue 14)
WELSH_DATE = "2026-12-03"  # fixed date of the releases that added the Welsh (_cy) columns (issue 16)


def raw_dir() -> Path:
    """The folder of raw official files: $FORCEPAGES_RAW, else <project>/../shared/data/raw."""
    env = os.environ.get("FORCEPAGES_RAW")
    return Path(env) if env else (PROJECT_ROOT.parent / "shared" / "data" / "raw")


# --------------------------------------------------------------------------- force names

# ONS code, the name the public knows, region, country (ONS PFA tables, Table P3).
FORCES: tuple[tuple[str, str, str, str], ...] = (
    ("E23000013", "Cleveland", "North East", "England"),
    ("E23000008", "Durham", "North East", "England"),
    ("E23000007", "Northumbria", "North East", "England"),
    ("E23000006", "Cheshire", "North West", "England"),
    ("E23000002", "Cumbria", "North West", "England"),
    ("E23000005", "Greater Manchester", "North West", "England"),
    ("E23000003", "Lancashire", "North West", "England"),
    ("E23000004", "Merseyside", "North West", "England"),
    ("E23000012", "Humberside", "Yorkshire and The Humber", "England"),
    ("E23000009", "North Yorkshire", "Yorkshire and The Humber", "England"),
    ("E23000011", "South Yorkshire", "Yorkshire and The Humber", "England"),
    ("E23000010", "West Yorkshire", "Yorkshire and The Humber", "England"),
    ("E23000018", "Derbyshire", "East Midlands", "England"),
    ("E23000021", "Leicestershire", "East Midlands", "England"),
    ("E23000020", "Lincolnshire", "East Midlands", "England"),
    ("E23000022", "Northamptonshire", "East Midlands", "England"),
    ("E23000019", "Nottinghamshire", "East Midlands", "England"),
    ("E23000015", "Staffordshire", "West Midlands", "England"),
    ("E23000017", "Warwickshire", "West Midlands", "England"),
    ("E23000016", "West Mercia", "West Midlands", "England"),
    ("E23000014", "West Midlands", "West Midlands", "England"),
    ("E23000026", "Bedfordshire", "East of England", "England"),
    ("E23000023", "Cambridgeshire", "East of England", "England"),
    ("E23000028", "Essex", "East of England", "England"),
    ("E23000027", "Hertfordshire", "East of England", "England"),
    ("E23000024", "Norfolk", "East of England", "England"),
    ("E23000025", "Suffolk", "East of England", "England"),
    ("E23000034", "City of London", "London", "England"),
    ("E23000001", "Metropolitan Police", "London", "England"),
    ("E23000030", "Hampshire", "South East", "England"),
    ("E23000032", "Kent", "South East", "England"),
    ("E23000031", "Surrey", "South East", "England"),
    ("E23000033", "Sussex", "South East", "England"),
    ("E23000029", "Thames Valley", "South East", "England"),
    ("E23000036", "Avon and Somerset", "South West", "England"),
    ("E23000035", "Devon and Cornwall", "South West", "England"),
    ("E23000039", "Dorset", "South West", "England"),
    ("E23000037", "Gloucestershire", "South West", "England"),
    ("E23000038", "Wiltshire", "South West", "England"),
    ("W15000004", "Dyfed-Powys", "Wales", "Wales"),
    ("W15000002", "Gwent", "Wales", "Wales"),
    ("W15000001", "North Wales", "Wales", "Wales"),
    ("W15000003", "South Wales", "Wales", "Wales"),
)
FORCE_CODES = tuple(sorted(code for code, *_ in FORCES))
FORCE_NAME = {code: name for code, name, *_ in FORCES}

_ALIASES = {
    "london city of": "city of london",
    "metropolitan": "metropolitan police",
    "metropolitan police service": "metropolitan police",
    "dyfed powys": "dyfed-powys",
}


def _norm(name: str) -> str:
    text = str(name).strip().lower()
    text = re.sub(r"\[note \d+\]", "", text)
    text = re.sub(r"[\d,]+$", "", text.strip())  # footnote digits glued to the name
    text = text.replace("&", " and ").replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+police$", "", text) if text != "metropolitan police" else text
    return _ALIASES.get(text, text)


_BY_NAME = {_norm(name): code for code, name, *_ in FORCES}


def force_code(name: str) -> str | None:
    """The ONS code of a force from any publisher's spelling of its name, or None."""
    return _BY_NAME.get(_norm(name))


# --------------------------------------------------------------------------- numbers and dates


def is_missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt(x, decimals: int | None = None) -> str:
    """Fixed formatting: integers without a point, others with ``decimals`` places."""
    if isinstance(x, str):
        return x
    if is_missing(x):
        return ""
    if decimals is None or decimals == 0:
        return str(int(round(float(x))))
    text = f"{float(x):.{decimals}f}"
    return "0." + "0" * decimals if text.startswith("-") and float(text) == 0 else text


def year_before(end: date) -> date:
    """First day of the 12 months that end on ``end``."""
    try:
        start = end.replace(year=end.year - 1)
    except ValueError:  # 29 February
        start = end.replace(year=end.year - 1, day=28)
    return start + timedelta(days=1)


def mid_year_for_period(start: date, end: date) -> int:
    """The mid-year (30 June) estimate used as the denominator of a rate.

    The rule: the 30 June that falls inside the period. For a snapshot (start == end) or a
    period without a 30 June, the 30 June nearest to the period's end.
    """
    for year in range(start.year, end.year + 1):
        if start <= date(year, 6, 30) <= end:
            return year
    return min((end.year - 1, end.year, end.year + 1), key=lambda y: abs((date(y, 6, 30) - end).days))


# --------------------------------------------------------------------------- schemas


def value_schema(extra_description: str = "") -> dict:
    """Table Schema of an indicator-values resource (see datapackages/README.md)."""
    return {
        "fields": [
            {"name": "indicator_id", "type": "string", "description": "Indicator, from framework/indicators.csv.",
             "constraints": {"required": True, "pattern": ID_PATTERN}},
            {"name": "area_code", "type": "string",
             "description": "ONS code of the police force area (E23/W15) or England and Wales (K04000001).",
             "constraints": {"required": True, "pattern": AREA_CODE_PATTERN}},
            {"name": "period_start", "type": "date", "format": "%Y-%m-%d", "description": "First day of the period.",
             "constraints": {"required": True}},
            {"name": "period_end", "type": "date", "format": "%Y-%m-%d", "description": "Last day of the period.",
             "constraints": {"required": True}},
            {"name": "numerator", "type": "number", "description": "Count of events (or amount) counted.",
             "constraints": {"minimum": 0}},
            {"name": "denominator", "type": "number",
             "description": "People (for rates and per-person values) or the total (for proportions).",
             "constraints": {"minimum": 0}},
            {"name": "value", "type": "number", "description": "The value shown." + extra_description},
            {"name": "lower_95", "type": "number", "description": "Lower end of the published 95% confidence interval."},
            {"name": "upper_95", "type": "number", "description": "Upper end of the published 95% confidence interval."},
            {"name": "status", "type": "string", "description": "Empty, [p] provisional or [r] revised.",
             "constraints": {"enum": ["[p]", "[r]"]}},
            {"name": "note", "type": "string", "description": "A note about this value."},
        ],
        "missingValues": MISSING_VALUES,
        "primaryKey": ["indicator_id", "area_code", "period_start", "period_end"],
    }


VALUE_FIELDS = [f["name"] for f in value_schema()["fields"]]


@dataclass
class Row:
    """One indicator value. Numbers are already formatted strings or numbers."""

    indicator_id: str
    area_code: str
    period_start: date
    period_end: date
    value: object
    numerator: object = ""
    denominator: object = ""
    lower_95: object = ""
    upper_95: object = ""
    status: str = ""
    note: str = ""

    def key(self):
        return (self.indicator_id, self.area_code, self.period_start, self.period_end)


def rate_row(indicator_id, area_code, start, end, count, population, base, decimals=4, note="") -> Row:
    """A rate per ``base`` people; ``[x]`` when the count or the population is missing."""
    if is_missing(count) or is_missing(population) or not population:
        return Row(indicator_id, area_code, start, end, "[x]", "[x]" if is_missing(count) else fmt(count),
                   "[x]" if is_missing(population) else fmt(population), note=note)
    return Row(indicator_id, area_code, start, end, fmt(count / population * base, decimals), fmt(count),
               fmt(population), note=note)


def proportion_row(indicator_id, area_code, start, end, num, den, decimals=4, note="") -> Row:
    if is_missing(num) or is_missing(den) or not den:
        return Row(indicator_id, area_code, start, end, "[x]", note=note)
    return Row(indicator_id, area_code, start, end, fmt(100.0 * num / den, decimals), fmt(num), fmt(den), note=note)


# --------------------------------------------------------------------------- writing


@dataclass
class Resource:
    name: str
    title: str
    description: str
    schema: dict
    header: list[str]
    rows: list[list[str]]
    path: str = ""

    def __post_init__(self):
        self.path = self.path or f"{self.name}.csv"


@dataclass
class Package:
    name: str
    title: str
    description: str
    sources: list[dict]
    resources: list[Resource]
    readme: str
    changes: list[dict] = field(default_factory=lambda: [dict(FIRST_RELEASE)])
    version: str = "1.0.0"
    keywords: list[str] = field(default_factory=list)


def with_change(version: str, description: str, day: str = FORCE_YEAR_DATE) -> list[dict]:
    """The first release and one later release, for a package's ``changes`` list."""
    return [dict(FIRST_RELEASE), {"version": version, "date": day, "description": description}]


def values_resource(name: str, title: str, description: str, rows: list[Row]) -> Resource:
    keys = [r.key() for r in rows]
    dupes = {k for k in keys if keys.count(k) > 1} if len(set(keys)) != len(keys) else set()
    if dupes:
        raise ValueError(f"duplicate keys in {name}: {sorted(dupes)[:3]}")
    out = []
    for r in sorted(rows, key=lambda r: (r.indicator_id, r.area_code, r.period_start, r.period_end)):
        out.append([r.indicator_id, r.area_code, r.period_start.isoformat(), r.period_end.isoformat(),
                    fmt(r.numerator), fmt(r.denominator), fmt(r.value), fmt(r.lower_95), fmt(r.upper_95),
                    r.status, r.note])
    return Resource(name, title, description, value_schema(), VALUE_FIELDS, out)
