"""Downloads for journalists: published package copies (with bytes and sha256), reproducible zips, CSV slices.

Everything here is a pure function of the data: no clocks, no random names, sorted output, so two builds
of the same data write byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import csvout, spreadsheets
from .compute import IndicatorResult
from .config import Settings
from .discover import PackageInfo, rel
from .load import Data

OGL_ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."
SUPPRESSED_FIELDS = ("numerator", "value", "lower_95", "upper_95")
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold


@dataclass
class Download:
    """One file a reader can download."""

    label: str
    href: str  # relative to docs/data/
    kind: str  # zip, ods, json, csv
    size: int
    sha256: str


@dataclass
class PublishedPackage:
    """What was published for one package."""

    name: str
    descriptor: dict[str, Any]  # the published descriptor (with bytes and hash)
    downloads: list[Download] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # resource path -> data rows
    suppressed: int = 0  # cells published as [c]
    illustrative: bool = False
    spreadsheet: bool = True  # False when a table has more rows than spreadsheet_max_rows


TOO_LARGE = ("{rows:,} rows is too large for a spreadsheet (the limit for this site is {limit:,} rows), so this package has "
             "no spreadsheet. Use the CSV files: they hold the same data and open in any data tool.")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_ogl(descriptor: dict[str, Any]) -> bool:
    """Whether a package is under the Open Government Licence."""
    text = " ".join(str(v) for lic in descriptor.get("licenses", []) if isinstance(lic, dict) for v in lic.values()).upper()
    return "OGL" in text or "OPEN GOVERNMENT" in text


def citation(descriptor: dict[str, Any], name: str, publisher: str, site_url: str) -> str:
    """How to cite a package, as plain text."""
    title = descriptor.get("title") or name
    version = descriptor.get("version") or "1.0.0"
    dates = sorted(str(c.get("date")) for c in descriptor.get("changes", []) if isinstance(c, dict) and c.get("date"))
    year = f" ({dates[-1][:4]})" if dates else ""
    sources = "; ".join(str(s.get("publisher") or s.get("title")) for s in descriptor.get("sources", [])
                        if isinstance(s, dict) and (s.get("publisher") or s.get("title")))
    where = f" {site_url.rstrip('/')}/data/{name}.html" if site_url else ""
    text = f"{publisher}{year}. {title}, version {version}. Data package \"{name}\"."
    if sources:
        text += f" Based on data from {sources}."
    return text + where


def suppressed_rows(results: dict[str, IndicatorResult], root: Path) -> dict[str, set[int]]:
    """File (as written in Data.values["file"]) -> the CSV row numbers whose values are published as [c]."""
    out: dict[str, set[int]] = {}
    for result in results.values():
        table = result.table
        if len(table) and "suppressed" in table.columns and "file" in table.columns:
            hit = table[table["suppressed"].astype(bool)]
            for file, row in zip(hit["file"], hit["row"]):
                out.setdefault(str(file), set()).add(int(row))
    return out


def _publishable_csv(raw: bytes, rows: set[int]) -> tuple[bytes, int]:
    """The CSV with suppressed rows' numerator, value and interval cells as [c], and formula-like text neutralised.

    Files that need neither change are returned byte for byte.
    """
    reader = spreadsheets.csv_records(raw)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    header: list[str] = []
    cells, changed = 0, False
    for number, record in enumerate(reader, start=1):
        record = list(record)
        if number == 1:
            header = record
        elif number in rows:
            for name in SUPPRESSED_FIELDS:
                if name in header and header.index(name) < len(record) and record[header.index(name)].strip() not in ("", "[c]"):
                    record[header.index(name)] = "[c]"
                    cells += 1
        safe = [csvout.safe_text(cell) for cell in record]
        changed = changed or safe != record or cells > 0
        writer.writerow(safe)
    return (out.getvalue().encode("utf-8") if changed else raw), cells


def _count_rows(raw: bytes) -> int:
    return max(len(spreadsheets.csv_records(raw)) - 1, 0)


def _readme(package: PackageInfo, descriptor: dict[str, Any], settings: Settings, files: list[tuple[str, bytes]],
            illustrative: bool, too_large: str = "") -> str:
    """README.md for the zip: what it is, source, licence, how to cite, the files and their checksums."""
    d = descriptor
    lines = [f"# {d.get('title') or package.name}", ""]
    if illustrative:
        lines += ["**ILLUSTRATIVE DATA.** The figures in this package are made up to show how partners' data can sit beside "
                  "the national indicators. They are not real statistics and must not be quoted.", ""]
    if d.get("description"):
        lines += [str(d["description"]), ""]
    lines += [f"- Package name: {package.name}", f"- Version: {d.get('version', 'not stated')}",
              f"- Published by: {settings.publisher}"]
    if settings.contact_email:
        lines.append(f"- Contact: {settings.contact_email}")
    lines += ["", "## Source", ""]
    sources = [s for s in d.get("sources", []) if isinstance(s, dict)]
    for s in sources:
        bits = [str(s[k]) for k in ("publisher", "title") if s.get(k)]
        lines.append(f"- {': '.join(bits)}" + (f" <{s['path']}>" if s.get("path") else ""))
    if not sources:
        lines.append("- Not stated.")
    lines += ["", "## Licence", ""]
    for lic in d.get("licenses", []) or []:
        if isinstance(lic, dict):
            lines.append(f"- {lic.get('title') or lic.get('name')}" + (f" <{lic['path']}>" if lic.get("path") else ""))
    if is_ogl(d):
        lines += ["", OGL_ATTRIBUTION]
    lines += ["", "## How to cite", "", citation(d, package.name, settings.publisher, settings.site_url), "",
              "## Files", "", "| file | bytes | sha256 |", "| --- | --- | --- |"]
    for name, data in files:
        lines.append(f"| {name} | {len(data)} | {sha256(data)} |")
    lines += ["", "Missing or special values use the Government Statistical Service shorthand: [x] not available, "
              "[z] not applicable, [c] confidential (suppressed to protect people), [low] rounds to zero, [u] low reliability. "
              "[p] provisional and [r] revised appear in the status column.", "",
              "This is a Frictionless data package: check it with `frictionless validate datapackage.json`."]
    if too_large:
        lines += ["", f"**No spreadsheet.** {too_large}"]
    changes = [c for c in d.get("changes", []) if isinstance(c, dict)]
    if changes:
        lines += ["", "## Changes", ""]
        for c in sorted(changes, key=lambda c: (str(c.get("date", "")), str(c.get("version", ""))), reverse=True):
            lines.append(f"- {c.get('date', '')}, version {c.get('version', '')}: {c.get('description', '')}")
    own = package.folder / "README.md"
    if own.is_file():
        lines += ["", "## About this package", "", own.read_text(encoding="utf-8", errors="replace").strip()]
    return "\n".join(lines) + "\n"


def _zip_time(descriptor: dict[str, Any]) -> tuple[int, int, int, int, int, int]:
    """A fixed timestamp for zip entries: the date of the latest change, else 1 January 1980."""
    dates = sorted(str(c.get("date"))[:10] for c in descriptor.get("changes", []) if isinstance(c, dict) and c.get("date"))
    try:
        y, m, d = (int(x) for x in dates[-1].split("-"))
        return (y, m, d, 0, 0, 0) if y >= 1980 else ZIP_EPOCH
    except (IndexError, ValueError):
        return ZIP_EPOCH


def reproducible_zip(entries: list[tuple[str, bytes]], when: tuple[int, int, int, int, int, int] = ZIP_EPOCH) -> bytes:
    """A zip whose bytes depend only on the entries: sorted names, fixed times, permissions and compression."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def publish_package(package: PackageInfo, docs: Path, settings: Settings, suppress: dict[str, set[int]],
                    catalogue: pd.DataFrame | None = None) -> PublishedPackage:
    """Copy one package into docs/data/packages/<name>/ and write its zip and spreadsheet beside it."""
    target = docs / "data" / "packages" / package.name
    descriptor = json.loads(json.dumps(package.descriptor))
    illustrative = package.name in settings.illustrative_packages
    published = PublishedPackage(package.name, descriptor, illustrative=illustrative)
    files: list[tuple[str, bytes]] = []
    for resource in descriptor.get("resources", []):
        if not isinstance(resource, dict):
            continue
        name = str(resource["path"])
        raw = (package.folder / name).read_bytes()
        rows = suppress.get(rel(package.folder / name, settings.root), set())
        if name.lower().endswith(".csv"):
            raw, cells = _publishable_csv(raw, rows)
            published.suppressed += cells
        resource["bytes"] = len(raw)
        resource["hash"] = f"sha256:{sha256(raw)}"
        published.rows[name] = _count_rows(raw)
        _write(target / name, raw)
        files.append((name, raw))
    text = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    _write(target / "datapackage.json", text)
    largest = max(published.rows.values(), default=0)
    published.spreadsheet = largest <= settings.spreadsheet_max_rows
    too_large = "" if published.spreadsheet else "The largest table has " + TOO_LARGE.format(rows=largest, limit=settings.spreadsheet_max_rows)
    readme = _readme(package, descriptor, settings, files, illustrative, too_large).encode("utf-8")
    when = _zip_time(descriptor)
    archive = reproducible_zip([(f"{package.name}/{n}", b) for n, b in files + [("datapackage.json", text), ("README.md", readme)]], when)
    _write(docs / "data" / "packages" / f"{package.name}.zip", archive)
    published.downloads = [
        Download("The whole data package (zip: description, README and CSV files)", f"packages/{package.name}.zip", "zip", len(archive), sha256(archive))]
    if published.spreadsheet:
        ods = spreadsheets.package_spreadsheet(package, descriptor, files, settings, catalogue, illustrative)
        _write(docs / "data" / "packages" / f"{package.name}.ods", ods)
        published.downloads.append(Download("Accessible spreadsheet (ODS)", f"packages/{package.name}.ods", "ods", len(ods), sha256(ods)))
    published.downloads += [
        Download("datapackage.json (the description of the package)", f"packages/{package.name}/datapackage.json", "json", len(text), sha256(text)),
    ] + [Download(n, f"packages/{package.name}/{n}", "csv", len(b), sha256(b)) for n, b in files]
    return published


def publish_packages(data: Data, results: dict[str, IndicatorResult], settings: Settings, docs: Path) -> dict[str, PublishedPackage]:
    """Every package published, by name."""
    suppress = suppressed_rows(results, settings.root)
    return {p.name: publish_package(p, docs, settings, suppress, data.indicators) for p in data.packages}


# --- CSV slices -------------------------------------------------------------------------------------------

SLICE_COLUMNS = ["indicator_id", "indicator_title", "area_code", "area_name", "period_start", "period_end",
                 "numerator", "denominator", "value", "unit", "lower_95", "upper_95", "status", "note", "package"]


def _slice_frame(data: Data, results: dict[str, IndicatorResult]) -> pd.DataFrame:
    """Every published value, with titles and names, and [c] where the disclosure rules suppress it."""
    values = data.values
    if not len(values):
        return pd.DataFrame(columns=SLICE_COLUMNS)
    out = pd.DataFrame({
        "indicator_id": values["indicator_id"],
        "indicator_title": values["indicator_id"].map(data.indicators["title"]),
        "area_code": values["area_code"],
        "area_name": values["area_code"].map(data.areas["name"]),
        "period_start": values["period_start"].dt.strftime("%Y-%m-%d"),
        "period_end": values["period_end"].dt.strftime("%Y-%m-%d"),
    })
    for name in ("numerator", "denominator", "value"):
        out[name] = values[name]
        out[name + "_symbol"] = values.get(name + "_symbol", "")
    out["unit"] = values["indicator_id"].map(data.indicators["unit"])
    for name in ("lower_95", "upper_95"):
        out[name] = values[name]
        out[name + "_symbol"] = values.get(name + "_symbol", "")
    out["status"] = values.get("status", "")
    out["note"] = values.get("note", "")
    out["package"] = values.get("package", "")
    suppressed = pd.Series(False, index=values.index)
    for result in results.values():
        if len(result.table) and "suppressed" in result.table.columns:
            hit = result.table.index[result.table["suppressed"].astype(bool)]
            suppressed.loc[suppressed.index.intersection(hit)] = True
    for name in SUPPRESSED_FIELDS:
        out.loc[suppressed, name] = float("nan")
        out.loc[suppressed, name + "_symbol"] = "[c]"
    for col in [c for c in out.columns if c.endswith("_symbol")]:
        out[col] = out[col].fillna("").astype(str)
    return out


def _write_text_table(table: pd.DataFrame, path: Path) -> None:
    """Write a table already made safe by csvout (all text) as UTF-8 CSV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(table.to_csv(index=False, lineterminator="\n"), encoding="utf-8")


def write_slices(data: Data, results: dict[str, IndicatorResult], settings: Settings, docs: Path) -> dict[str, dict[str, str]]:
    """data/csv/forces/<slug>.csv for each force in scope and data/csv/indicators/<id>.csv; returns the links.

    The whole table goes through csvout once ([c] and other symbols filled in, formula-like text neutralised),
    then is cut into slices as text, so every slice has exactly csvout's output.
    """
    frame = _slice_frame(data, results).sort_values(["indicator_id", "area_code", "period_end", "period_start"])
    text = pd.read_csv(io.StringIO(csvout.to_csv_text(frame.reset_index(drop=True))), dtype=str, keep_default_na=False)
    areas = data.areas[data.areas["area_type"].eq(settings.area_type)]
    if settings.scope:
        areas = areas[areas["area_code"].isin(settings.scope)]
    links: dict[str, dict[str, str]] = {"forces": {}, "indicators": {}}
    for code, slug in sorted(zip(areas["area_code"], areas["slug"]), key=lambda x: x[1]):
        _write_text_table(text[text["area_code"].eq(code)], docs / "data" / "csv" / "forces" / f"{slug}.csv")
        links["forces"][str(data.areas.loc[code, "name"])] = f"csv/forces/{slug}.csv"
    by_area = text.sort_values(["area_code", "period_end", "period_start"], kind="stable")
    for iid in sorted(data.indicators.index):
        _write_text_table(by_area[by_area["indicator_id"].eq(iid)], docs / "data" / "csv" / "indicators" / f"{iid}.csv")
        links["indicators"][str(data.indicators.loc[iid, "title"])] = f"csv/indicators/{iid}.csv"
    return links
