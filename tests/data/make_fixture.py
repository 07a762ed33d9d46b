"""Write the small fixture site used by the tests (seeded, so the output never changes).

Run: python tests/data/make_fixture.py
"""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent / "fixture_site"
OGL = [{"name": "OGL-UK-3.0", "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "title": "Open Government Licence v3.0"}]
MISSING = ["", "[x]", "[z]", "[c]", "[low]", "[u]"]
FORCES = [
    ("E23000001", "Northshire", "North East", "England", 600_000),
    ("E23000002", "Southshire", "South East", "England", 1_800_000),
    ("E23000003", "Eastshire", "East of England", "England", 900_000),
    ("E23000004", "Westshire", "South West", "England", 450_000),
    ("W15000001", "Valley Police", "Wales", "Wales", 700_000),
]


def write_csv(path: Path, header: list[str], rows: list[list]) -> dict:
    """Write rows and return a resource stub."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return {"name": path.stem, "path": path.name, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8"}


def field(name: str, type_: str = "string", **extra) -> dict:
    """A Table Schema field."""
    return {"name": name, "type": type_, **extra}


def package(folder: Path, name: str, title: str, resources: list[dict], description: str) -> None:
    """Write datapackage.json."""
    descriptor = {"name": name, "title": title, "description": description, "version": "1.0.0", "licenses": OGL,
                  "sources": [{"title": "Synthetic fixture data made by tests/data/make_fixture.py"}],
                  "changes": [{"version": "1.0.0", "date": "2024-01-15", "description": "First release."}],
                  "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2) + "\n", encoding="utf-8")


VALUE_FIELDS = [
    field("indicator_id", constraints={"required": True}), field("area_code", constraints={"required": True}),
    field("period_start", "date", constraints={"required": True}), field("period_end", "date", constraints={"required": True}),
    field("numerator", "number", constraints={"minimum": 0}), field("denominator", "number", constraints={"minimum": 0}),
    field("value", "number"), field("lower_95", "number"), field("upper_95", "number"),
    field("status", constraints={"enum": ["", "[p]", "[r]"]}), field("note"),
]
VALUE_HEADER = [f["name"] for f in VALUE_FIELDS]


def values_resource(folder: Path, name: str, rows: list[list]) -> dict:
    """An indicator-values resource following the contract."""
    res = write_csv(folder / f"{name}.csv", VALUE_HEADER, rows)
    res["schema"] = {"fields": VALUE_FIELDS, "missingValues": MISSING,
                     "primaryKey": ["indicator_id", "area_code", "period_start", "period_end"]}
    return res


def reference() -> None:
    """Five forces and England and Wales."""
    folder = HERE / "datapackages" / "reference"
    areas = [[c, n, "force", r, k, ""] for c, n, r, k, _ in FORCES] + [["K04000001", "England and Wales", "national", "", "", ""]]
    a = write_csv(folder / "areas.csv", ["area_code", "name", "area_type", "region", "country", "parent_code"], areas)
    a["schema"] = {"fields": [field("area_code", constraints={"required": True}), field("name"), field("area_type"),
                              field("region"), field("country"), field("parent_code")], "primaryKey": ["area_code"]}
    pops = [[c, y, int(p * (1 + 0.005 * (y - 2015))), int(p * 0.42)] for c, _, _, _, p in FORCES for y in range(2009, 2019)]
    p = write_csv(folder / "population.csv", ["area_code", "year", "population", "households"], pops)
    p["schema"] = {"fields": [field("area_code"), field("year", "integer"), field("population", "integer"),
                              field("households", "integer")], "primaryKey": ["area_code", "year"], "missingValues": MISSING}
    codes = [f[0] for f in FORCES]
    sim = [[c, o, "Fixture groups"] for c in codes for o in codes if o != c][:: 2]
    s = write_csv(folder / "similar_forces.csv", ["area_code", "similar_area_code", "source"], sim)
    s["schema"] = {"fields": [field("area_code"), field("similar_area_code"), field("source")],
                   "foreignKeys": [{"fields": ["area_code"], "reference": {"resource": "areas", "fields": ["area_code"]}}]}
    places = [[c, f"L{2 * i + j:08d}", f"{n.split()[0].removesuffix('shire')}{suffix}"]
              for i, (c, n, *_) in enumerate(FORCES) for j, suffix in enumerate((" Town", " Vale"))]
    la = write_csv(folder / "local_authorities.csv", ["area_code", "lad_code", "name"], places)
    la["schema"] = {"fields": [field("area_code"), field("lad_code"), field("name")], "primaryKey": ["lad_code"]}
    boxes = [f"M{x} {y}L{x + 100} {y}L{x + 100} {y + 80}L{x} {y + 80}Z" for x, y in ((0, 0), (100, 0), (0, 80), (100, 80), (0, 160))]
    sh = write_csv(folder / "area_shapes.csv", ["area_code", "svg_path"], [[f[0], b] for f, b in zip(FORCES, boxes)])
    sh["schema"] = {"fields": [field("area_code"), field("svg_path")], "primaryKey": ["area_code"]}
    package(folder, "reference", "Areas", [a, p, s, la, sh], "Fixture areas.")


def framework() -> None:
    """Four domains, four indicators, one series break."""
    folder = HERE / "datapackages" / "framework"
    d = write_csv(folder / "domains.csv", ["domain_id", "title", "description", "order"], [
        ["local-crime-and-policing", "Local crime and policing", "Crime in the area and how the police deal with it.", 1],
        ["protection-from-serious-harm", "Protection from serious harm", "The most serious crimes and harms.", 2],
        ["value-for-money-and-productivity", "Value for money and productivity", "What the police cost and the people they employ.", 3],
        ["confidence-and-satisfaction", "Confidence and satisfaction", "What people think of their police.", 4]])
    d["schema"] = {"fields": [field("domain_id"), field("title"), field("description"), field("order", "integer")], "primaryKey": ["domain_id"]}
    header = ["indicator_id", "title", "definition", "domain_id", "measure", "unit", "rate_base", "polarity", "decimals",
              "disclosure_threshold", "source_package", "source", "caveats"]
    i = write_csv(folder / "indicators.csv", header, [
        ["burglary", "Burglary", "Burglaries of homes recorded by the police in 12 months, per 1,000 people.",
         "local-crime-and-policing", "rate", "offences per 1,000 people", 1000, "lower-is-better", 1, "", "crime", "Fixture", ""],
        ["asb-incidents", "Anti-social behaviour incidents", "Incidents of anti-social behaviour recorded in each quarter, per 1,000 people.",
         "local-crime-and-policing", "rate", "incidents per 1,000 people", 1000, "no-judgement", 2, 5, "crime", "Fixture",
         "Recording changed in April 2016."],
        ["charge-rate", "Crimes that led to a charge", "Crimes that led to a charge or summons, out of all crimes given an outcome.",
         "local-crime-and-policing", "proportion", "%", "", "higher-is-better", 1, "", "crime", "Fixture", ""],
        ["confidence", "Confidence in the local police", "People who agree the police do a good job in their area.",
         "confidence-and-satisfaction", "survey", "%", "", "higher-is-better", 0, "", "crime", "Fixture", ""],
        ["grant-per-person", "Police grant per person", "Money from central government for each person in the area.",
         "value-for-money-and-productivity", "value", "£ per person", "", "no-judgement", 2, "", "crime", "Fixture", ""]])
    i["schema"] = {"fields": [field(h, "integer" if h in ("rate_base", "decimals", "disclosure_threshold") else "string") for h in header],
                   "primaryKey": ["indicator_id"], "missingValues": [""]}
    b = write_csv(folder / "series_breaks.csv", ["indicator_id", "break_date", "description"], [
        ["asb-incidents", "2016-04-01", "The way incidents are recorded changed in April 2016."]])
    b["schema"] = {"fields": [field("indicator_id"), field("break_date", "date"), field("description")]}
    package(folder, "framework", "Framework", [d, i, b], "Fixture framework.")


def crime() -> None:
    """Values for every measure type."""
    rng = np.random.default_rng(20240115)
    folder = HERE / "datapackages" / "crime"
    rows = []
    for k, (code, _, _, _, pop) in enumerate(FORCES):
        base = [4.0, 6.5, 5.0, 3.0, 5.2][k]
        for year in range(2012, 2019):
            end = date(year, 3, 31)
            n = int(rng.poisson(base * pop / 1000 * (1 - 0.03 * (year - 2012))))
            rows.append(["burglary", code, (end.replace(year=year - 1) + timedelta(days=1)).isoformat(), end.isoformat(),
                         n, pop, round(n / pop * 1000, 4), "", "", "[p]" if year == 2018 else "", ""])
        q_start = date(2012, 1, 1)
        for q in range(32):
            start = date(q_start.year + (q_start.month - 1 + 3 * q) // 12, (q_start.month - 1 + 3 * q) % 12 + 1, 1)
            nxt = date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
            lam = 1.2 * pop / 1000 * (1.4 if (k == 1 and q >= 29) else 1.0) * (0.8 if start >= date(2016, 4, 1) else 1.0)
            n = int(rng.poisson(lam)) if not (code == "E23000004" and q == 3) else 3
            value = round(n / pop * 1000, 4)
            rows.append(["asb-incidents", code, start.isoformat(), (nxt - timedelta(days=1)).isoformat(), n, pop, value, "", "", "", ""])
        for year in (2017, 2018):
            total = int(pop / 20)
            charged = int(total * [0.08, 0.07, 0.09, 0.10, 0.075][k])
            rows.append(["charge-rate", code, f"{year - 1}-04-01", f"{year}-03-31", charged, total,
                         round(charged / total * 100, 4), "", "", "", ""])
        conf = [62, 55, 60, 66, 58][k]
        rows.append(["confidence", code, "2017-04-01", "2018-03-31", "", "", conf, conf - 3.5, conf + 3.5, "", ""])
        rows.append(["grant-per-person", code, "2024-04-01", "2025-03-31", "", pop, [140.5, 160.25, 150.0, 130.75, 170.1][k], "", "", "", ""])
    rows.append(["confidence", "K04000001", "2017-04-01", "2018-03-31", "", "", 60, 59.4, 60.6, "", ""])
    res = values_resource(folder, "values", rows)
    package(folder, "crime", "Fixture crime", [res], "Synthetic values for every measure type.")


def site() -> None:
    """The fixture's mkdocs.yml."""
    (HERE / "mkdocs.yml").write_text("""site_name: Fixture police performance
site_url: https://example.org/fixture/
extra:
  forcepages:
    publisher: Fixture Office
    pages: ../../../site_src/pages
    narratives: narratives
    contact_email: data@example.org
    release_calendar:
      - {date: "2025-01-30", title: "Quarterly update"}
""", encoding="utf-8")


if __name__ == "__main__":
    reference()
    framework()
    crime()
    site()
