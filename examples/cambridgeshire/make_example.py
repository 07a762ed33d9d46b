"""Rebuild the example's data packages from the national ones in ../../datapackages (a small subset).

Run from the repository root:  .venv/bin/python examples/cambridgeshire/make_example.py

It keeps Cambridgeshire, its similar forces and England and Wales, a few national indicators from
recent years, writes the police and crime plan framework (Victims, Offenders, Communities,
Transformation) and two partner packages of ILLUSTRATIVE (made-up) figures.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
NATIONAL = HERE.parent.parent / "datapackages"
OUT = HERE / "datapackages"
FORCE = "E23000023"  # Cambridgeshire
NATION = "K04000001"
SINCE = "2015-01-01"  # periods ending on or after this date
PLAN = "police-and-crime-plan"

# indicator id -> plan theme
THEMES = {
    "victim-satisfaction": "victims", "violence-with-injury": "victims", "sexual-offences": "victims",
    "charge-rate-all-crime": "offenders", "proven-reoffending": "offenders",
    "burglary-of-homes": "communities", "police-dealing-with-local-concerns": "communities",
    "police-officers": "transformation", "crown-court-cases-waiting-over-a-year": "transformation",
}
DOMAINS = [
    ("victims", "Victims", "Supporting victims and witnesses, and the crimes that harm people most.", 1),
    ("offenders", "Offenders", "Bringing offenders to justice and reducing reoffending.", 2),
    ("communities", "Communities", "Safe communities: neighbourhood crime and how people see the police.", 3),
    ("transformation", "Transformation", "A police service fit for the future: its people and how cases move through the courts.", 4),
]
OGL = [{"name": "OGL-UK-3.0", "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "title": "Open Government Licence v3.0"}]
PARTNER_INDICATORS = [
    {"indicator_id": "proven-reoffending", "title": "Adults who reoffend within a year (ILLUSTRATIVE)",
     "definition": "Adults released from custody or given a court order in the year who committed a proven reoffence within 12 months, as a share of all of them. ILLUSTRATIVE: made-up figures.",
     "domain_id": "offenders", "measure": "proportion", "unit": "%", "rate_base": "", "polarity": "lower-is-better", "decimals": "1",
     "disclosure_threshold": "", "source_package": "partner-reoffending",
     "source": "ILLUSTRATIVE figures in the style of Ministry of Justice proven reoffending statistics (not real data)",
     "caveats": "These figures are made up for the example site. They are not real statistics."},
    {"indicator_id": "crown-court-cases-waiting-over-a-year", "title": "Crown Court cases waiting over a year (ILLUSTRATIVE)",
     "definition": "Outstanding Crown Court cases that had been waiting more than a year, as a share of all outstanding cases. ILLUSTRATIVE: made-up figures.",
     "domain_id": "transformation", "measure": "proportion", "unit": "%", "rate_base": "", "polarity": "lower-is-better", "decimals": "1",
     "disclosure_threshold": "", "source_package": "partner-courts",
     "source": "ILLUSTRATIVE figures in the style of HM Courts and Tribunals Service management information (not real data)",
     "caveats": "These figures are made up for the example site. They are not real statistics."},
]


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    shutil.rmtree(OUT, ignore_errors=True)
    _, similar = read(NATIONAL / "reference" / "similar_forces.csv")
    group = sorted({r["similar_area_code"] for r in similar if r["area_code"] == FORCE})
    keep = {FORCE, NATION, *group}
    # reference: the kept areas, their population and Cambridgeshire's similar forces
    ref = json.loads((NATIONAL / "reference" / "datapackage.json").read_text(encoding="utf-8"))
    ref["description"] = "Cambridgeshire, its similar forces and England and Wales: a subset of the national reference package."
    for resource in ref["resources"]:
        header, rows = read(NATIONAL / "reference" / resource["path"])
        if "area_code" not in header:  # similar_forces_inputs: the method, not per area
            pass
        elif resource["path"].startswith("similar_forces"):  # groups, groups by year and their stability
            rows = [r for r in rows if r["area_code"] == FORCE]
        else:
            rows = [r for r in rows if r["area_code"] in keep]
        write(OUT / "reference" / resource["path"], header, rows)
        resource.get("schema", {}).pop("foreignKeys", None) if resource["path"] != "areas.csv" else None
    (OUT / "reference" / "datapackage.json").write_text(json.dumps(ref, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # the plan framework
    fw = json.loads((NATIONAL / "framework" / "datapackage.json").read_text(encoding="utf-8"))
    fw.update({"name": PLAN, "title": "Police and crime plan: themes and indicators",
               "description": "The themes of the police and crime plan (Victims, Offenders, Communities, Transformation) and the indicators "
                              "that show progress against them, national and from criminal justice partners.",
               "version": "1.0.0", "sources": [{"title": "Police and crime plan themes (example, after Cambridgeshire's 2016 plan)"}],
               "changes": [{"version": "1.0.0", "date": "2025-11-24", "description": "First release of the example plan framework."}]})
    header, catalogue = read(NATIONAL / "framework" / "indicators.csv")
    rows = []
    for r in catalogue:
        if r["indicator_id"] in THEMES:
            rows.append({**r, "domain_id": THEMES[r["indicator_id"]]})
    rows += [{k: p.get(k, "") for k in header} for p in PARTNER_INDICATORS]
    rows.sort(key=lambda r: r["indicator_id"])
    write(OUT / PLAN / "indicators.csv", header, rows)
    dheader, _ = read(NATIONAL / "framework" / "domains.csv")
    write(OUT / PLAN / "domains.csv", dheader, [dict(zip(dheader, map(str, d))) for d in DOMAINS])
    bheader, breaks = read(NATIONAL / "framework" / "series_breaks.csv")
    write(OUT / PLAN / "series_breaks.csv", bheader, [b for b in breaks if b["indicator_id"] in THEMES])
    for resource in fw["resources"]:
        if resource["path"] == "domains.csv":
            for field in resource["schema"]["fields"]:
                field.get("constraints", {}).pop("enum", None)
        if resource["path"] == "indicators.csv":
            for field in resource["schema"]["fields"]:
                if field["name"] in ("domain_id", "source_package"):
                    field.get("constraints", {}).pop("enum", None)
    (OUT / PLAN / "datapackage.json").write_text(json.dumps(fw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # national indicator packages, cut down
    used = sorted({r["source_package"] for r in rows} - {p["source_package"] for p in PARTNER_INDICATORS})
    for name in used:
        desc = json.loads((NATIONAL / name / "datapackage.json").read_text(encoding="utf-8"))
        desc["description"] = (desc.get("description", "") + " Subset for the example site: Cambridgeshire, its similar forces and "
                               "England and Wales, periods ending in 2015 or later, only the indicators in the plan.").strip()
        for resource in desc["resources"]:
            header, values = read(NATIONAL / name / resource["path"])
            if "indicator_id" in header:
                values = [v for v in values if v["indicator_id"] in THEMES and v["area_code"] in keep and v["period_end"] >= SINCE]
            write(OUT / name / resource["path"], header, values)
        (OUT / name / "datapackage.json").write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    partners()


def _values_schema() -> dict:
    crime = json.loads((NATIONAL / "crime-outcomes" / "datapackage.json").read_text(encoding="utf-8"))
    return crime["resources"][0]["schema"]


def partners() -> None:
    """Two partner packages of made-up figures, labelled ILLUSTRATIVE everywhere."""
    specs = [
        ("partner-reoffending", "proven-reoffending", "ILLUSTRATIVE: adult reoffending (criminal justice partner data)",
         "ILLUSTRATIVE, made-up figures in the style of proven reoffending statistics, to show how a partner's data sits beside the "
         "national indicators. Not real statistics: do not quote them.",
         [(FORCE, "2019", 412, 1580), (FORCE, "2020", 371, 1402), (FORCE, "2021", 398, 1466), (FORCE, "2022", 405, 1521),
          (NATION, "2019", 63150, 247000), (NATION, "2020", 53900, 219800), (NATION, "2021", 57800, 228400), (NATION, "2022", 59900, 236100)]),
        ("partner-courts", "crown-court-cases-waiting-over-a-year", "ILLUSTRATIVE: Crown Court cases waiting over a year (criminal justice partner data)",
         "ILLUSTRATIVE, made-up figures in the style of court management information, to show how a partner's data sits beside the "
         "national indicators. Not real statistics: do not quote them.",
         [(FORCE, "2021", 151, 820), (FORCE, "2022", 198, 905), (FORCE, "2023", 236, 961), (FORCE, "2024", 251, 990),
          (NATION, "2021", 14200, 60500), (NATION, "2022", 16900, 62400), (NATION, "2023", 20100, 64700), (NATION, "2024", 23300, 67600)]),
    ]
    header = ["indicator_id", "area_code", "period_start", "period_end", "numerator", "denominator", "value", "lower_95", "upper_95", "status", "note"]
    for name, iid, title, description, data in specs:
        rows = [{"indicator_id": iid, "area_code": code, "period_start": f"{int(year)}-04-01", "period_end": f"{int(year) + 1}-03-31",
                 "numerator": str(num), "denominator": str(den), "value": f"{num / den * 100:.4f}", "lower_95": "", "upper_95": "",
                 "status": "[p]" if year == data[-1][1] else "", "note": "ILLUSTRATIVE figure"} for code, year, num, den in data]
        write(OUT / name / f"{name}.csv", header, rows)
        desc = {"name": name, "title": title, "description": description, "version": "0.1.0", "licenses": OGL,
                "sources": [{"title": "ILLUSTRATIVE: made up for the forcepages example site", "publisher": "forcepages example"}],
                "keywords": ["illustrative", "partner data"],
                "changes": [{"version": "0.1.0", "date": "2025-11-24", "description": "First illustrative release for the example site."}],
                "resources": [{"name": name, "path": f"{name}.csv", "title": title, "description": "One row per indicator, area and year.",
                               "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                               "schema": _values_schema()}]}
        (OUT / name / "datapackage.json").write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
