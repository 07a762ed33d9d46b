"""Validate every package, then load them as typed tables: the first two stages of the pipeline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import click
import pandas as pd

from forcepages.validate import contract, follow_on, illustrative, narratives, plan_scope, site_sources
from forcepages import names, parallel
from forcepages.config import Settings
from forcepages.validate.discover import PackageInfo, discover, rel
from forcepages.validate.flags import MAX_PER_RULE
from forcepages.errors import Problem, ValidationFailed
from forcepages.validate.frictionless_check import frictionless_problems
from forcepages.paths import REFERENCE_PACKAGE, VALUE_REQUIRED_FIELDS
from forcepages.validate.reference_check import _read, _reference, _resource
from forcepages.validate.tables import frame_from_cells, read_text
from forcepages.validate import fastcheck

FRAMEWORK_TABLES = {
    "domains": ("domain_id", "title", "description", "order"),
    "indicators": ("indicator_id", "title", "definition", "domain_id", "measure", "unit", "rate_base",
                   "polarity", "decimals", "source_package"),
    "series_breaks": ("indicator_id", "break_date", "description"),
}
OPTIONAL_CATALOGUE = ("disclosure_threshold", "source", "caveats", "census", "comparable", "comparability_note")


@dataclass
class Data:
    """Everything the site is built from, typed and checked."""

    areas: pd.DataFrame
    population: pd.DataFrame
    similar: pd.DataFrame
    domains: pd.DataFrame
    indicators: pd.DataFrame
    breaks: pd.DataFrame
    values: pd.DataFrame
    packages: list[PackageInfo] = field(default_factory=list)
    links: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["area_code", "title", "url"]))
    similar_inputs: pd.DataFrame = field(default_factory=pd.DataFrame)     # what the groups are worked out from
    similar_stability: pd.DataFrame = field(default_factory=pd.DataFrame)  # members changed, one input left out
    local_authorities: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["area_code", "name"]))
    shapes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["area_code", "svg_path"]))


def slugify(text: str) -> str:
    """ASCII lower-case words joined by hyphens, safe in a web address."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "area"


def _framework(package: PackageInfo, root: Path, package_names: set[str]) -> tuple[dict, list[Problem]]:
    """Domains, indicator catalogue and series breaks, checked."""
    tables, problems = {}, []
    for name, needed in FRAMEWORK_TABLES.items():
        tables[name], found = _read(package, name, needed, root, optional=name == "series_breaks")
        problems += found
    if tables["domains"] is None or tables["indicators"] is None:
        return tables, problems
    dwhere = rel(package.folder / _resource(package, "domains")["path"], root)
    problems += contract.check_slugs(tables["domains"], dwhere, "domain_id", "domain id")
    problems += contract.check_duplicates(tables["domains"], ["domain_id"], dwhere)
    problems += contract.check_lengths(tables["domains"], dwhere, ("title", "title_cy"))
    indicators = tables["indicators"]
    for name in OPTIONAL_CATALOGUE:
        if name not in indicators.columns:
            indicators[name] = ""
    iwhere = rel(package.folder / _resource(package, "indicators")["path"], root)
    problems += contract.check_catalogue(indicators, set(tables["domains"]["domain_id"]), package_names, iwhere)
    breaks = tables["series_breaks"]
    if breaks is not None and "kind" not in breaks.columns:
        breaks["kind"] = ""
    if breaks is not None and len(breaks):
        bwhere = rel(package.folder / _resource(package, "series_breaks")["path"], root)
        problems += contract.flag(breaks, ~breaks["indicator_id"].isin(set(indicators["indicator_id"])), bwhere, "indicator_id",
                                  lambda r: f'"{r["indicator_id"]}" is not in the indicator catalogue ({iwhere}).',
                                  "Correct the id, or remove the row if the indicator is not in this catalogue.", code="indicator-unknown")
        _, bad = contract.parse_dates(breaks["break_date"])
        problems += contract.flag(breaks, bad, bwhere, "break_date", lambda r: f'"{r["break_date"]}" is not a date.',
                                  "Write the date as YYYY-MM-DD.", code="date-invalid")
        problems += contract.flag(breaks, ~breaks["kind"].fillna("").isin(("", "definition", "phase")), bwhere, "kind",
                                  lambda r: f'"{r["kind"]}" is not a kind of break.',
                                  "Use definition (figures before and after do not compare) or phase (control limits restart).", code="break-kind-invalid")
    return tables, problems


def _values(packages: list[PackageInfo], catalogue: pd.DataFrame, areas: pd.DataFrame, root: Path, skip: set[str],
            scope: plan_scope.Scope):
    """Every indicator-values table, checked and typed; rows of national indicators a plan leaves out are dropped."""
    codes = set(areas["area_code"])
    frames, problems = [], []
    for package in packages:
        if package.name in skip:
            continue
        for resource in package.resources:
            file = package.folder / resource["path"]
            where = rel(file, root)
            fields = [f.get("name") for f in (resource.get("schema") or {}).get("fields", []) if isinstance(f, dict)]
            if not contract.is_values_table(fields):
                continue
            text, found = read_text(file, where)
            problems += found
            if text is None:
                continue
            cells = fastcheck.read_cells(text)
            if fastcheck.can_check(resource.get("schema")):  # the Table Schema rules, as frictionless checks them
                problems += fastcheck.table_problems(cells, resource["schema"], where)
            frame, found = frame_from_cells(*cells, where)
            problems += found
            if frame is None:
                continue
            missing = contract.missing_columns(frame, where, VALUE_REQUIRED_FIELDS)
            if missing:
                problems += missing
                continue
            typed, found = contract.check_values(frame, where, catalogue, codes, scope.catalogue_file, areas, scope.elsewhere)
            problems += found
            typed["package"], typed["file"], typed["row"] = package.name, where, range(2, len(typed) + 2)
            outside = ~typed["indicator_id"].isin(catalogue.index)
            if scope.elsewhere and outside.any():
                typed = typed[~(outside & typed["indicator_id"].isin(scope.elsewhere))]
                scope.left_out[package.name] = scope.left_out.get(package.name, 0) + int(outside.sum())
            frames.append(typed)
    values = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if len(values):
        keys = ["indicator_id", "area_code", "period_start", "period_end"]
        dup = values.duplicated(subset=keys, keep="first") & values[keys].notna().all(axis=1)
        for _, r in values[dup].head(MAX_PER_RULE).iterrows():
            problems.append(Problem(r["file"], int(r["row"]), None,
                                    f"repeats the key ({r['indicator_id']}, {r['area_code']}, {r['period_start']:%Y-%m-%d} to {r['period_end']:%Y-%m-%d}) of an earlier row.",
                                    "Remove the repeated row or correct its key.", code="key-repeated"))
    return values, problems


def _fast_resources(package: PackageInfo, settings: Settings) -> set[int]:
    """Indices of the resources whose data fastcheck checks instead of frictionless: every indicator-values table.

    Values tables are the large ones (a million rows takes frictionless about a minute); fastcheck applies the
    same Table Schema rules to whole columns and reports the same problems (tests/test_parity.py). frictionless
    still checks every package's metadata and the reference and framework tables, which are small and may
    have foreign keys between them.
    """
    if package.name in (REFERENCE_PACKAGE, settings.framework):
        return set()
    found = set()
    for i, resource in enumerate(package.descriptor.get("resources", [])):
        schema = resource.get("schema") if isinstance(resource, dict) else None
        fields = [f.get("name") for f in (schema or {}).get("fields", []) if isinstance(f, dict)] if isinstance(schema, dict) else []
        if contract.is_values_table(fields) and fastcheck.can_check(schema):
            found.add(i)
    return found


def _typed_catalogue(indicators: pd.DataFrame) -> pd.DataFrame:
    """The catalogue with numbers as numbers, indexed by indicator id."""
    out = indicators.copy()
    for name in ("rate_base", "decimals", "disclosure_threshold"):
        out[name] = contract.parse_numbers(out[name])[0]
    out["decimals"] = out["decimals"].fillna(1).astype(int)
    out["census"] = contract.flag_word(out["census"], default=False)
    out["comparable"] = contract.flag_word(out["comparable"], default=True)
    return out.set_index("indicator_id", drop=False)


def validate_and_load(settings: Settings, frictionless: bool = True) -> Data:
    """Check every package (all problems at once), then return the typed tables or raise ValidationFailed."""
    root = settings.root
    packages, problems = discover(settings.path(settings.datapackages), root)
    by_name = {p.name: p for p in packages}
    for required in (REFERENCE_PACKAGE, settings.framework):
        if required not in by_name and not any(p.path.endswith(f"{required}/datapackage.json") for p in problems):
            problems.append(Problem(rel(settings.path(settings.datapackages) / required, root), None, None,
                                    f'the "{required}" package is missing.', "Every site needs it: see datapackages/README.md.", code="package-missing"))
    checks = [(package, root, _fast_resources(package, settings)) for package in packages] if frictionless else []
    with parallel.background(_frictionless_all, checks) as standard:  # on a second core, while the contract is checked
        loaded, found = _check_contract(packages, by_name, settings)
        problems += standard.results()[0] + found
    if problems or loaded is None:
        raise ValidationFailed(follow_on.tidy(problems))
    *tables, scope = loaded
    if scope.note():
        click.echo(scope.note(), err=True)
    data = _assemble(*tables, packages)
    data.indicators = illustrative.mark(data.indicators, data.values, settings.illustrative_packages)
    own = site_sources.site_source_problems(settings, data.areas, set(data.domains["domain_id"]))
    if own:
        raise ValidationFailed(own)
    return data


def _frictionless_all(checks: list[tuple[PackageInfo, Path, set[int]]]) -> list[Problem]:
    """frictionless's problems with every package, in package order."""
    return [problem for check in checks for problem in frictionless_problems(*check)]


def _check_contract(packages: list[PackageInfo], by_name: dict[str, PackageInfo], settings: Settings) -> tuple[tuple | None, list[Problem]]:
    """The forcepages data contract: ((reference, framework, catalogue, values) or None where a required table
    cannot be read, problems)."""
    root = settings.root
    if REFERENCE_PACKAGE not in by_name or settings.framework not in by_name:
        return None, []
    reference, problems = _reference(by_name[REFERENCE_PACKAGE], root)
    framework, found = _framework(by_name[settings.framework], root, set(by_name))
    problems += found
    if reference["areas"] is None or framework["indicators"] is None or framework["domains"] is None:
        return None, problems
    catalogue = _typed_catalogue(framework["indicators"].drop_duplicates("indicator_id"))
    skip = {REFERENCE_PACKAGE, settings.framework} | {p.name for p in packages if _resource(p, "indicators") and _resource(p, "domains")}
    scope = plan_scope.scope_for(by_name, settings.framework, root)
    values, found = _values(packages, catalogue, reference["areas"], root, skip, scope)
    problems += _narratives(settings, reference["areas"], framework["domains"])
    return (reference, framework, catalogue, values, scope), problems + found


def area_slugs(areas: pd.DataFrame) -> pd.Series:
    """Each area's address name: its name as a slug, with the code added where two names make the same slug."""
    slugs = areas["name"].map(lambda n: slugify(n)[:60].strip("-") or "area")  # a folder name, never too long
    for _ in range(4):  # "North" twice and "North E23000001": the codes added until every folder name is different
        clash = slugs.duplicated(keep=False) | slugs.isin(names.RESERVED)  # "Funnel" would share the funnel charts' names
        if not clash.any():
            break
        slugs = slugs.where(~clash, slugs + "-" + areas["area_code"].str.lower())
    return slugs


def _narratives(settings: Settings, areas: pd.DataFrame, domains: pd.DataFrame) -> list[Problem]:
    """Narrative files for forces and themes the site has (site_src/narratives/<force>/<theme>.md)."""
    shown = areas["area_type"].eq(settings.area_type) & (areas["area_code"].isin(settings.scope) if settings.scope else True)
    folder = settings.path(settings.narratives)
    return narratives.check(folder, rel(folder, settings.root), list(area_slugs(areas)[shown]), list(domains["domain_id"]),
                            settings.path("site_src/narratives"))


def _assemble(reference, framework, catalogue, values, packages) -> Data:
    """Typed tables from checked text tables."""
    areas = reference["areas"].copy()
    for name in ("region", "country", "parent_code"):
        if name not in areas.columns:
            areas[name] = ""
    if contract.NON_RESIDENT not in areas.columns:
        areas[contract.NON_RESIDENT] = ""
    areas[contract.NON_RESIDENT] = areas[contract.NON_RESIDENT].fillna("").astype(str).str.strip().str.lower().eq("true")
    areas["slug"] = area_slugs(areas)
    population = reference["population"].copy()
    population["year"] = contract.parse_numbers(population["year"])[0].astype("Int64")
    population["population"] = contract.parse_numbers(population["population"])[0]
    if "households" in population.columns:
        population["households"] = contract.parse_numbers(population["households"])[0]
    domains = framework["domains"].copy()
    domains["order"] = contract.parse_numbers(domains["order"])[0]
    domains = domains.sort_values(["order", "domain_id"]).reset_index(drop=True)
    breaks = framework["series_breaks"].copy()
    breaks["break_date"] = contract.parse_dates(breaks["break_date"])[0]
    if len(values):
        values = values.sort_values(["indicator_id", "area_code", "period_end", "period_start"]).reset_index(drop=True)
    return Data(areas=areas.set_index("area_code", drop=False), population=population, similar=reference["similar_forces"],
                domains=domains, indicators=catalogue, breaks=breaks, values=values, packages=packages,
                links=reference["links"] if reference.get("links") is not None else pd.DataFrame(columns=["area_code", "title", "url"]),
                similar_inputs=reference["similar_forces_inputs"], similar_stability=reference["similar_forces_stability"],
                local_authorities=_optional(reference, "local_authorities", ["area_code", "name"]),
                shapes=_optional(reference, "area_shapes", ["area_code", "svg_path"]))


def _optional(reference: dict, name: str, columns: list[str]) -> pd.DataFrame:
    """An optional reference table, or an empty one."""
    frame = reference.get(name)
    return frame if frame is not None else pd.DataFrame(columns=columns)
