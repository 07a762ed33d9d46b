"""Site settings from mkdocs.yml ``extra.forcepages``, read into one frozen dataclass."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from forcepages.descriptor_check import depth_and_text_problems
from forcepages.errors import ConfigError


@dataclass(frozen=True)
class ReleaseEntry:
    """One planned or past release on the release calendar."""

    date: str
    title: str
    status: str = "planned"


@dataclass(frozen=True)
class Settings:
    """Everything a publisher can set; unknown keys and wrong types are reported together."""

    site_name: str = "forcepages"
    site_url: str = ""
    publisher: str = "forcepages"
    contact_email: str = ""
    datapackages: str = "datapackages"
    framework: str = "framework"
    scope: tuple[str, ...] = ()
    area_type: str = "force"
    area_label: str = "police force"
    narratives: str = "site_src/narratives"
    pages: str = "site_src/pages"
    spc_run_length: int = 7
    spc_two_of_three_version: str = "2023"
    release_calendar: tuple[ReleaseEntry, ...] = ()
    illustrative_packages: tuple[str, ...] = ()
    area_pages: str = "per-domain"  # "per-domain": a page per area and per area x domain; "single": one page per area
    spreadsheet_max_rows: int = 100_000  # a package with a longer table gets no ODS (use the CSV)
    overdispersion: str = "additive"  # "additive" (random effects), "multiplicative" or "none": see stats/overdispersion.py
    freshness_years: int = 3  # figures ending this many years before the newest figure on the site are not judged
    national_min_areas: int | None = None  # England and Wales is added up only from this many areas (None: all of area_type)
    engine: str = "mkdocs"  # what turns build/docs into build/site: "mkdocs" (MkDocs Material) or "zensical"
    languages: tuple[str, ...] = ("en", "cy")  # with "cy": Welsh pages (in build/site/cy) beside the English ones
    welsh_pages: str = "welsh-areas"  # which areas have Welsh pages: "welsh-areas" (country Wales) or "all"
    site_name_cy: str = ""  # the site's name on Welsh pages (the shipped name has its Welsh in the catalogue)
    large_site_areas: int = 500  # with more areas, area pages link each chart's CSV instead of a data table and stay out of search
    root: Path = field(default=Path("."), compare=False)

    @property
    def similar_label(self) -> str:
        """What an area's comparison group is called: "similar forces", or "similar neighbourhoods" and so on."""
        from forcepages.wording import plural

        words = self.area_label.split()
        return "similar " + plural(words[-1] if words else "force")

    def path(self, relative: str) -> Path:
        """A setting's folder resolved against the project root."""
        return (self.root / relative).resolve()


_TYPES: dict[str, type] = {
    "publisher": str, "contact_email": str, "datapackages": str, "framework": str,
    "scope": list, "area_type": str, "area_label": str, "narratives": str, "pages": str,
    "spc_run_length": int, "spc_two_of_three_version": str, "release_calendar": list,
    "illustrative_packages": list, "area_pages": str, "spreadsheet_max_rows": int,
    "overdispersion": str, "freshness_years": int, "national_min_areas": int, "engine": str,
    "languages": list, "welsh_pages": str, "site_name_cy": str, "large_site_areas": int,
}


class _Loader(yaml.SafeLoader):
    """Safe YAML loader that tolerates MkDocs' ``!!python/name`` tags by reading them as text."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """The mkdocs.yml mapping, or a ConfigError naming the file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the site settings ({exc}).") from exc
    except (ValueError, OverflowError) as exc:  # the YAML date 2026-02-30 is read as a date and fails here
        raise ConfigError(f"{path}: a value cannot be read ({exc}); a date must be a real day, written "
                          '"YYYY-MM-DD" in quotes, such as "2026-02-26".') from exc
    except RecursionError:
        raise ConfigError(f"{path}: the settings are nested too deeply to read.") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping of settings.")
    broken = depth_and_text_problems(data, str(path))  # a "\ud800" escape: text that cannot be written to any page
    if broken:
        raise ConfigError(f"{path}: {'a setting' if broken[0].field is None else broken[0].field} {broken[0].message} {broken[0].hint}")
    return data


ENGINES = ("mkdocs", "zensical")


def load_settings(config_file: Path) -> Settings:
    """Read mkdocs.yml; report every unknown key and wrong type at once."""
    data = read_mkdocs_yml(config_file)
    outer = data.get("extra") or {}
    if not isinstance(outer, dict):
        raise ConfigError(f"{config_file}: extra should be a mapping of settings (with forcepages: under it), not {type(outer).__name__}.")
    extra = outer.get("forcepages") or {}
    if not isinstance(extra, dict):
        raise ConfigError(f"{config_file}: extra.forcepages should be a mapping of settings (key: value lines), "
                          f"not a {type(extra).__name__}. See README.md, \"Publish your force's site\".")
    errors = []
    for key, value in extra.items():
        if key not in _TYPES:
            errors.append(f'unknown setting "{key}" (known: {", ".join(sorted(_TYPES))})')
        elif not isinstance(value, _TYPES[key]) or isinstance(value, bool):
            errors.append(f'setting "{key}" should be a {_TYPES[key].__name__}, not {value!r}')
    if extra.get("spc_run_length", 7) not in (6, 7):
        errors.append('setting "spc_run_length" should be 6 or 7')
    if extra.get("spc_two_of_three_version", "2023") not in ("2023", "original"):
        errors.append('setting "spc_two_of_three_version" should be "2023" or "original"')
    if extra.get("area_pages", "per-domain") not in ("per-domain", "single"):
        errors.append('setting "area_pages" should be "per-domain" or "single"')
    if extra.get("engine", "mkdocs") not in ENGINES:
        errors.append(f'setting "engine" should be "mkdocs" or "zensical", not {extra.get("engine")!r}')
    if extra.get("overdispersion", "additive") not in ("additive", "multiplicative", "none"):
        errors.append('setting "overdispersion" should be "additive", "multiplicative" or "none"')
    if isinstance(extra.get("freshness_years", 3), int) and not 1 <= extra.get("freshness_years", 3) <= 50:
        errors.append('setting "freshness_years" should be a whole number of years from 1 to 50')
    if isinstance(extra.get("national_min_areas", 1), int) and extra.get("national_min_areas", 1) < 1:
        errors.append('setting "national_min_areas" should be 1 or more')
    if isinstance(extra.get("large_site_areas", 0), int) and extra.get("large_site_areas", 0) < 0:
        errors.append('setting "large_site_areas" should be 0 or more')
    if isinstance(extra.get("spreadsheet_max_rows", 1), int) and extra.get("spreadsheet_max_rows", 1) < 1:
        errors.append('setting "spreadsheet_max_rows" should be 1 or more')
    languages = extra.get("languages", ["en", "cy"])
    if isinstance(languages, list) and (not languages or languages[0] != "en" or not set(languages) <= {"en", "cy"}
                                        or len(set(languages)) != len(languages)):
        errors.append('setting "languages" should be [en] (English only) or [en, cy] (English, and Welsh pages too)')
    if extra.get("welsh_pages", "welsh-areas") not in ("welsh-areas", "all"):
        errors.append('setting "welsh_pages" should be "welsh-areas" (pages of areas in Wales) or "all" (every area)')
    for key in ("scope", "illustrative_packages"):
        items = extra.get(key)
        if isinstance(items, list) and not all(isinstance(x, str) and x.strip() for x in items):
            errors.append(f'setting "{key}" should be a list of codes or names written as text')
    calendar = []
    for i, item in enumerate(extra.get("release_calendar") or [] if isinstance(extra.get("release_calendar"), list) else []):
        if not isinstance(item, dict) or not {"date", "title"} <= set(item):
            errors.append(f"release_calendar item {i + 1} needs a date and a title")
            continue
        problem = _calendar_problem(item)
        if problem:
            errors.append(f"release_calendar item {i + 1} {problem}")
            continue
        calendar.append(ReleaseEntry(str(item["date"]), str(item["title"]), str(item.get("status", "planned"))))
    if errors:
        raise ConfigError(f"{config_file}, extra.forcepages: " + "; ".join(errors) + ".")
    values = {k: v for k, v in extra.items() if k in _TYPES}
    values["scope"] = tuple(str(s) for s in values.get("scope", ()))
    values["illustrative_packages"] = tuple(str(s) for s in values.get("illustrative_packages", ()))
    values["release_calendar"] = tuple(calendar)
    if "languages" in values:
        values["languages"] = tuple(str(s) for s in values["languages"])
    return Settings(
        site_name=str(data.get("site_name", "forcepages")),
        site_url=str(data.get("site_url") or ""),
        root=config_file.resolve().parent,
        **values,
    )


STATUSES = ("planned", "confirmed", "published", "cancelled")


def _calendar_problem(item: dict[str, Any]) -> str | None:
    """Why a release calendar entry is wrong, or None: a real YYYY-MM-DD day, a title, a known status."""
    day = item["date"]
    if isinstance(day, datetime.date) and not isinstance(day, datetime.datetime):
        day = day.isoformat()
    try:
        if not isinstance(day, str) or len(day) != 10:
            raise ValueError
        datetime.date.fromisoformat(day)
    except ValueError:
        return f'has the date {item["date"]!r}, which is not a real day: write it as "YYYY-MM-DD", such as "2026-02-26"'
    if not isinstance(item["title"], str) or not item["title"].strip():
        return "needs a title written as text"
    if item.get("status", "planned") not in STATUSES:
        return f'has the status {item.get("status")!r}: use one of {", ".join(STATUSES)}'
    return None


def replace(settings: Settings, **changes: Any) -> Settings:
    """A copy of the settings with some values changed (tests and the bench use this)."""
    return dataclasses.replace(settings, **changes)
