"""Places for the `reference` package: the council areas each force covers (so people can find their force by the
place they know) and each force area's outline for the site's map, simplified once here so that the site build
needs nothing but the data packages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from forcepages.importers.common import FORCE_CODE_PATTERN, FORCE_CODES, Resource
from forcepages.importers.places_cy import LAD_NAMES_CY
from forcepages.importers.similarity import LAD_LOOKUP

BOUNDARIES = "mopd_popm/pfa_dec2016_boundaries_ugc.geojson"
WIDTH = 480          # map width in SVG units; heights follow the area's shape
TOLERANCE = 0.012    # simplification tolerance in degrees (about 1 km): about 35 KB of paths for 43 areas
LAT0 = 52.5          # the map's middle latitude: longitudes are squeezed by its cosine (equirectangular)

README = """
## local_authorities.csv

The local authority districts (council areas) in each police force area, so that a reader who knows their town
or council, not their police force, can find it: one row per district, from the ONS "Local Authority District to
Community Safety Partnerships to Police Force Areas (December 2023) Lookup". `name` is the district's name as ONS
writes it (for example Peterborough, Salford, Ceredigion). `name_cy` is the official Welsh name of each of the 22
Welsh principal areas (for example Caerdydd, Sir Gaerfyrddin, Ynys Môn), written by hand in
`scripts/forcepages/importers/places_cy.py`; it is empty for English districts.

## area_shapes.csv

Each police force area's outline for the site's map, in SVG path syntax (`M` move, `L` line, `Z` close; whole
numbers, y downward), on a map {width} units wide. Made from the ONS police force area boundaries (December 2016,
ultra generalised, clipped to the coast), simplified with the `topojson` package so that neighbouring areas keep
one shared border (no gaps or overlaps), with a tolerance of {tolerance} degrees. Longitudes are scaled by the cosine
of {lat0}°N. Outer rings run clockwise on screen, holes anticlockwise. This is for a picture of where each force is,
not for measuring.
"""


def local_authorities(raw: Path) -> list[list[str]]:
    """Rows (area_code, lad_code, name), sorted by force then name."""
    with open(raw / LAD_LOOKUP, encoding="utf-8-sig", newline="") as fh:
        rows = {(r["PFA23CD"], r["LAD23CD"], r["LAD23NM"].strip()) for r in csv.DictReader(fh) if r["PFA23CD"] in FORCE_CODES}
    return [list(r) for r in sorted(rows, key=lambda r: (r[0], r[2]))]


def _project(lon: float, lat: float) -> tuple[float, float]:
    import math
    return lon * math.cos(math.radians(LAT0)), -lat


def _ring(points: list[tuple[float, float]], clockwise: bool) -> list[tuple[int, int]]:
    """Whole-number points with repeats dropped, turned to run clockwise on screen (y down) or not."""
    out: list[tuple[int, int]] = []
    for p in points:
        q = (round(p[0]), round(p[1]))
        if not out or q != out[-1]:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(out, out[1:] + out[:1]))  # > 0: clockwise with y down
    if (area > 0) != clockwise:
        out.reverse()
    return out


def shapes(raw: Path) -> list[list[str]]:
    """Rows (area_code, svg_path): simplified, topology kept between neighbours."""
    import shapely
    import topojson
    from shapely.geometry import shape

    data = json.loads((raw / BOUNDARIES).read_text(encoding="utf-8"))
    geoms = {f["properties"]["PFA16CD"]: shape(f["geometry"]) for f in data["features"]}
    codes = sorted(geoms)
    projected = [shapely.transform(geoms[c], lambda xy: [_project(x, y) for x, y in xy]) for c in codes]
    topo = topojson.Topology(projected, prequantize=False, toposimplify=TOLERANCE, topology=True)
    simple = _geometries(topo)
    minx = min(g.bounds[0] for g in simple)
    miny = min(g.bounds[1] for g in simple)
    maxx = max(g.bounds[2] for g in simple)
    scale = WIDTH / (maxx - minx)
    rows = []
    for code, geom in zip(codes, simple):
        parts = []
        polygons = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
        for poly in polygons:
            for k, ring in enumerate([poly.exterior, *poly.interiors]):
                pts = _ring([((x - minx) * scale, (y - miny) * scale) for x, y in ring.coords], clockwise=k == 0)
                if len(pts) >= 3:
                    parts.append("M" + "L".join(f"{x} {y}" for x, y in pts) + "Z")
        rows.append([code, "".join(parts)])
    return rows


def _geometries(topo) -> list:
    """The simplified geometries, in the order given, from the topology's GeoJSON."""
    from shapely.geometry import shape
    features = json.loads(topo.to_geojson())["features"]
    return [shape(f["geometry"]) for f in sorted(features, key=lambda f: int(f["id"]))]


def resources(raw: Path) -> list[Resource]:
    force = {"name": "area_code", "type": "string", "description": "ONS code of the police force area.",
             "constraints": {"required": True, "pattern": FORCE_CODE_PATTERN}}
    fk = [{"fields": ["area_code"], "reference": {"resource": "areas", "fields": ["area_code"]}}]
    la_schema = {"fields": [force,
                            {"name": "lad_code", "type": "string", "description": "ONS code of the local authority district.",
                             "constraints": {"required": True, "unique": True}},
                            {"name": "name", "type": "string", "description": "Name of the local authority district.",
                             "constraints": {"required": True}},
                            {"name": "name_cy", "type": "string", "description": "The name in Welsh (optional: the 22 "
                             "Welsh principal areas; empty means Welsh pages show the English name)."}],
                 "primaryKey": ["lad_code"], "foreignKeys": fk}
    shape_schema = {"fields": [{**force, "constraints": {**force["constraints"], "unique": True}},
                               {"name": "svg_path", "type": "string", "description": "The area's outline in SVG path "
                                "syntax (M, L, Z and whole numbers; y downward).",
                                "constraints": {"required": True, "pattern": r"[MLZ0-9 \-]+"}}],
                    "primaryKey": ["area_code"], "foreignKeys": fk}
    return [Resource("local_authorities", "Local authorities in each force area", "The local authority districts "
                     "(council areas) each police force covers, December 2023.", la_schema, ["area_code", "lad_code", "name", "name_cy"],
                     [[*r, LAD_NAMES_CY.get(r[1], "")] for r in local_authorities(raw)]),
            Resource("area_shapes", "Force area outlines for the map", f"Simplified outlines of the police force areas "
                     f"in SVG path syntax, {WIDTH} units wide (see README).", shape_schema, ["area_code", "svg_path"], shapes(raw))]


def readme() -> str:
    return README.format(width=WIDTH, tolerance=TOLERANCE, lat0=LAT0)
