"""Validate every package, then load them as typed tables: the first two stages of the pipeline."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import contract, parallel
from .config import Settings
from .discover import PackageInfo, discover, rel
from .errors import Problem, ValidationFailed
from .frictionless_check import frictionless_problems
from .paths import REFERENCE_PACKAGE, VALUE_REQUIRED_FIELDS
from .tables import frame_from_cells, read_text, read_text_table
from . import fastcheck

REFERENCE_TABLES = {
    "areas": ("area_code", "name", "area_type"),
    "population": ("area_code", "year", "population"),
    "similar_forces": ("area_code", "similar_area_code"),
    "links": ("area_code", "title", "url"),  # optional: pages elsewhere about a force (shown, never fetched)
    "similar_forces_inputs": ("variable", "description", "source"),             # optional: the method's inputs
    "similar_forces_stability": ("area_code", "left_out", "members_changed"),  # optional: leave-one-input-out check
    "local_authorities": ("area_code", "name"),  # optional: the council areas each force covers (for search by place)
    "area_shapes": ("area_code", "svg_path"),    # optional: each area's outline for the map, in SVG path syntax
}
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


def _resource(package: PackageInfo, name: str) -> dict | None:
    """A resource by name (or by file stem)."""
    for resource in package.resources:
        stem = Path(str(resource.get("path", ""))).stem
        if resource.get("name") == name or stem == name:
            return resource
    return None


def _read(package: PackageInfo, name: str, needed: tuple[str, ...], root: Path, optional: bool = False):
    """A named table of a special package, as text, with missing-column problems."""
    resource = _resource(package, name)
    where = rel(package.folder / "datapackage.json", root)
    if resource is None:
        if optional:
            return pd.DataFrame({c: pd.Series(dtype=str) for c in needed}), []
        return None, [Problem(where, None, None, f'the package "{package.name}" has no "{name}" resource.',
                              f"Add {name}.csv and list it in datapackage.json (see datapackages/README.md).")]
    file_where = rel(package.folder / resource["path"], root)
    frame, problems = read_text_table(package.folder / resource["path"], file_where)
    if frame is None:
        return None, problems
    problems = contract.missing_columns(frame, file_where, needed)
    return (None if problems else frame), problems


def _reference(package: PackageInfo, root: Path) -> tuple[dict, list[Problem]]:
    """Areas, population and similar forces, checked."""
    tables, problems = {}, []
    for name, needed in REFERENCE_TABLES.items():
        tables[name], found = _read(package, name, needed, root, optional=name != "areas")
        problems += found
    areas = tables["areas"]
    if areas is None:
        return tables, problems
    where = rel(package.folder / _resource(package, "areas")["path"], root)
    problems += contract.check_areas(areas, where)
    codes = set(areas["area_code"])
    similar = tables["similar_forces"]
    if similar is not None and len(similar):
        swhere = rel(package.folder / _resource(package, "similar_forces")["path"], root)
        for col in ("area_code", "similar_area_code"):
            problems += contract.flag(similar, ~similar[col].isin(codes), swhere, col,
                                      lambda r, c=col: f'"{r[c]}" is not an area code in areas.csv.', "Check the code.")
        problems += contract.flag(similar, similar["area_code"].eq(similar["similar_area_code"]), swhere, "similar_area_code",
                                  lambda r: "a force cannot be similar to itself.", "Remove the row.")
    links = tables["links"]
    if links is not None and len(links):
        lwhere = rel(package.folder / _resource(package, "links")["path"], root)
        problems += contract.flag(links, ~links["area_code"].isin(codes), lwhere, "area_code",
                                  lambda r: f'"{r["area_code"]}" is not an area code in areas.csv.', "Use the force's ONS code.")
        problems += contract.flag(links, ~links["url"].str.match(r"^https://[^\s<>\"'`()]+$"), lwhere, "url",
                                  lambda r: f'"{r["url"]}" is not a web address starting https://.',
                                  "Give the full address, such as https://www.example.org/report (no spaces or brackets).")
        problems += contract.flag(links, links["title"].str.strip().eq(""), lwhere, "title",
                                  lambda r: "the link has no title.", "Say in a few words what the page is.")
    for name in ("local_authorities", "area_shapes"):
        extra = tables[name]
        if extra is not None and len(extra):
            ewhere = rel(package.folder / _resource(package, name)["path"], root)
            problems += contract.flag(extra, ~extra["area_code"].isin(codes), ewhere, "area_code",
                                      lambda r: f'"{r["area_code"]}" is not an area code in areas.csv.', "Use the force's ONS code.")
    shapes = tables["area_shapes"]
    if shapes is not None and len(shapes):
        problems += contract.flag(shapes, ~shapes["svg_path"].str.fullmatch(r"[MLZ0-9 .\-]+"),
                                  rel(package.folder / _resource(package, "area_shapes")["path"], root), "svg_path",
                                  lambda r: "the outline is not an SVG path of M, L and Z commands with numbers.",
                                  "Rebuild it with python -m forcepages.importers reference.")
    stability = tables["similar_forces_stability"]
    if stability is not None and len(stability):
        twhere = rel(package.folder / _resource(package, "similar_forces_stability")["path"], root)
        problems += contract.flag(stability, ~stability["area_code"].isin(codes), twhere, "area_code",
                                  lambda r: f'"{r["area_code"]}" is not an area code in areas.csv.', "Check the code.")
        changed, bad = contract.parse_numbers(stability["members_changed"])
        problems += contract.flag(stability, bad | changed.isna() | (changed < 0), twhere, "members_changed",
                                  lambda r: f'"{r["members_changed"]}" is not a count of 0 or more.', "Give a whole number.")
    population = tables["population"]
    if population is not None and len(population):
        pwhere = rel(package.folder / _resource(package, "population")["path"], root)
        pop, bad = contract.parse_numbers(population["population"])
        problems += contract.flag(population, bad | (pop <= 0), pwhere, "population",
                                  lambda r: f'"{r["population"]}" is not a number of people above 0.', "Give a whole number.")
    return tables, problems


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
                                  lambda r: f'"{r["indicator_id"]}" is not in the indicator catalogue.', "Correct the id.")
        _, bad = contract.parse_dates(breaks["break_date"])
        problems += contract.flag(breaks, bad, bwhere, "break_date", lambda r: f'"{r["break_date"]}" is not a date.',
                                  "Write the date as YYYY-MM-DD.")
        problems += contract.flag(breaks, ~breaks["kind"].fillna("").isin(("", "definition", "phase")), bwhere, "kind",
                                  lambda r: f'"{r["kind"]}" is not a kind of break.',
                                  "Use definition (figures before and after do not compare) or phase (control limits restart).")
    return tables, problems


def _values(packages: list[PackageInfo], catalogue: pd.DataFrame, codes: set[str], root: Path, skip: set[str]):
    """Every indicator-values table, checked and typed."""
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
            typed, found = contract.check_values(frame, where, catalogue, codes)
            problems += found
            typed["package"], typed["file"], typed["row"] = package.name, where, range(2, len(typed) + 2)
            frames.append(typed)
    values = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if len(values):
        keys = ["indicator_id", "area_code", "period_start", "period_end"]
        dup = values.duplicated(subset=keys, keep="first") & values[keys].notna().all(axis=1)
        for _, r in values[dup].head(contract.MAX_PER_RULE).iterrows():
            problems.append(Problem(r["file"], int(r["row"]), None,
                                    f"repeats the key ({r['indicator_id']}, {r['area_code']}, {r['period_start']:%Y-%m-%d} to {r['period_end']:%Y-%m-%d}) of an earlier row.",
                                    "Remove the repeated row or correct its key."))
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
                                    f'the "{required}" package is missing.', "Every site needs it: see datapackages/README.md."))
    checks = [(package, root, _fast_resources(package, settings)) for package in packages] if frictionless else []
    with parallel.Background(_frictionless_all, checks) as standard:  # on a second core, while the contract is checked
        loaded, found = _check_contract(packages, by_name, settings)
        problems += standard.result() + found
    if problems or loaded is None:
        raise ValidationFailed(_prefer_contract(problems))
    return _assemble(*loaded, packages)


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
    values, found = _values(packages, catalogue, set(reference["areas"]["area_code"]), root, skip)
    return (reference, framework, catalogue, values), problems + found


def _prefer_contract(problems: list[Problem]) -> list[Problem]:
    """Where frictionless and the contract flag the same cell, keep the contract's message (it has the better hint)."""
    from .frictionless_check import HINTS

    ours = {(p.path, p.row, p.field) for p in problems if p.hint not in HINTS.values() and p.row is not None}
    return [p for p in problems if p.hint not in HINTS.values() or (p.path, p.row, p.field) not in ours]


def _assemble(reference, framework, catalogue, values, packages) -> Data:
    """Typed tables from checked text tables."""
    areas = reference["areas"].copy()
    for name in ("region", "country", "parent_code"):
        if name not in areas.columns:
            areas[name] = ""
    if contract.NON_RESIDENT not in areas.columns:
        areas[contract.NON_RESIDENT] = ""
    areas[contract.NON_RESIDENT] = areas[contract.NON_RESIDENT].fillna("").astype(str).str.strip().str.lower().eq("true")
    slugs = areas["name"].map(slugify)
    clash = slugs.duplicated(keep=False)
    areas["slug"] = slugs.where(~clash, slugs + "-" + areas["area_code"].str.lower())
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
