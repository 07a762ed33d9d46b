"""The reference package (areas, population, similar forces, links) read and checked, and the helpers that read a
named table of a special package."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from forcepages.validate import contract
from forcepages.validate.flags import flag
from forcepages.validate.discover import PackageInfo, rel
from forcepages.errors import Problem
from forcepages.validate.tables import read_text_table

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
                              f"Add {name}.csv and list it in datapackage.json (see datapackages/README.md).", code="resource-missing")]
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
            problems += flag(similar, ~similar[col].isin(codes), swhere, col,
                                      lambda r, c=col: f'"{r[c]}" is not an area code in areas.csv.', "Check the code.", code="area-unknown")
        problems += flag(similar, similar["area_code"].eq(similar["similar_area_code"]), swhere, "similar_area_code",
                                  lambda r: "a force cannot be similar to itself.", "Remove the row.", code="similar-to-itself")
    links = tables["links"]
    if links is not None and len(links):
        lwhere = rel(package.folder / _resource(package, "links")["path"], root)
        problems += flag(links, ~links["area_code"].isin(codes), lwhere, "area_code",
                                  lambda r: f'"{r["area_code"]}" is not an area code in areas.csv.', "Use the force's ONS code.", code="area-unknown")
        problems += flag(links, ~links["url"].str.match(r"^https://[^\s<>\"'`()]+$"), lwhere, "url",
                                  lambda r: f'"{r["url"]}" is not a web address starting https://.',
                                  "Give the full address, such as https://www.example.org/report (no spaces or brackets).", code="url-invalid")
        problems += flag(links, links["title"].str.strip().eq(""), lwhere, "title",
                                  lambda r: "the link has no title.", "Say in a few words what the page is.", code="text-missing")
    for name in ("local_authorities", "area_shapes"):
        extra = tables[name]
        if extra is not None and len(extra):
            ewhere = rel(package.folder / _resource(package, name)["path"], root)
            problems += flag(extra, ~extra["area_code"].isin(codes), ewhere, "area_code",
                                      lambda r: f'"{r["area_code"]}" is not an area code in areas.csv.', "Use the force's ONS code.", code="area-unknown")
    shapes = tables["area_shapes"]
    if shapes is not None and len(shapes):
        problems += flag(shapes, ~shapes["svg_path"].str.fullmatch(r"[MLZ0-9 .\-]+"),
                                  rel(package.folder / _resource(package, "area_shapes")["path"], root), "svg_path",
                                  lambda r: "the outline is not an SVG path of M, L and Z commands with numbers.",
                                  "Rebuild it with python -m forcepages.importers reference.", code="outline-invalid")
    stability = tables["similar_forces_stability"]
    if stability is not None and len(stability):
        twhere = rel(package.folder / _resource(package, "similar_forces_stability")["path"], root)
        problems += flag(stability, ~stability["area_code"].isin(codes), twhere, "area_code",
                                  lambda r: f'"{r["area_code"]}" is not an area code in areas.csv.', "Check the code.", code="area-unknown")
        changed, bad = contract.parse_numbers(stability["members_changed"])
        problems += flag(stability, bad | changed.isna() | (changed < 0), twhere, "members_changed",
                                  lambda r: f'"{r["members_changed"]}" is not a count of 0 or more.', "Give a whole number.", code="count-invalid")
    population = tables["population"]
    if population is not None and len(population):
        pwhere = rel(package.folder / _resource(package, "population")["path"], root)
        pop, bad = contract.parse_numbers(population["population"])
        problems += flag(population, bad | (pop <= 0), pwhere, "population",
                                  lambda r: f'"{r["population"]}" is not a number of people above 0.', "Give a whole number.", code="population-invalid")
    return tables, problems
