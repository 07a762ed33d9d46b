"""Downloads for journalists: published package copies (with bytes and sha256), reproducible zips, CSV slices.

Everything here is a pure function of the data: no clocks, no random names, sorted output, so two builds
of the same data write byte-identical files.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from forcepages.publish import bilingual, csvout, spreadsheets
from forcepages import safefiles
from forcepages.compose.citation import citation
from forcepages.compute.result_types import IndicatorResult
from forcepages.config import Settings
from forcepages.validate.discover import PackageInfo, rel
from forcepages.validate.load import Data
from forcepages.language import N_, _

OGL_ATTRIBUTION = N_("Contains public sector information licensed under the Open Government Licence v3.0.")
SUPPRESSED_FIELDS = ("numerator", "value", "lower_95", "upper_95")
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
_RISKY = re.compile("(?:^|\x00)[=+\\-@\t\r]")  # a cell that may start like a formula, in cells joined by NUL
_AFTER_CELL_START = re.compile('[,"\r\n][=+\\-@\t\r]')  # with the first character: everywhere a CSV cell could start like a formula


@dataclass
class Download:
    """One file a reader can download."""

    label: str  # a message (translated where shown), or a CSV file's name
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


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_ogl(descriptor: dict[str, Any]) -> bool:
    """Whether a package is under the Open Government Licence."""
    text = " ".join(str(v) for lic in descriptor.get("licenses", []) if isinstance(lic, dict) for v in lic.values()).upper()
    return "OGL" in text or "OPEN GOVERNMENT" in text


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


def _could_be_formula(text: str) -> bool:
    """Whether any cell of CSV text might start like a formula (False means certainly none does)."""
    return text[:1] in csvout.FORMULA_START or _AFTER_CELL_START.search(text) is not None


def _publishable_csv(raw: bytes, rows: set[int]) -> tuple[bytes, int]:
    """The CSV with suppressed rows' numerator, value and interval cells as [c], and formula-like text neutralised.

    Files that need neither change are returned byte for byte. Only the suppressed rows, and the records with a cell
    that starts like a formula, are looked at cell by cell.
    """
    text = raw.decode("utf-8-sig")
    if not any(number > 1 for number in rows) and "\x00" not in text and not _could_be_formula(text):
        return raw, 0  # no row to suppress and no cell that could start like a formula: nothing to read
    records = spreadsheets.csv_records(raw)
    header = records[0] if records else []
    columns = [header.index(name) for name in SUPPRESSED_FIELDS if name in header]
    cells, changed = 0, False
    for number in rows:
        record = records[number - 1] if 1 < number <= len(records) else []
        for i in columns:
            if i < len(record) and record[i].strip() not in ("", "[c]"):
                record[i] = "[c]"
                cells += 1
    for record in records:
        if _RISKY.search("\x00".join(record)):
            safe = [csvout.safe_text(cell) for cell in record]
            changed = changed or safe != record
            record[:] = safe
    if not (changed or cells):
        return raw, 0
    out = io.StringIO()
    csvout.writer(out).writerows(records)
    return out.getvalue().encode("utf-8"), cells


def _count_rows(raw: bytes) -> int:
    """The data rows of a file read as spreadsheets.csv_records reads it (records after the header), without keeping them."""
    try:
        return max(sum(1 for _ in csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))) - 1, 0)
    except csv.Error:
        return max(len(spreadsheets.csv_records(raw)) - 1, 0)


def _readme(package: PackageInfo, descriptor: dict[str, Any], settings: Settings, files: list[tuple[str, bytes]],
            illustrative: bool, largest: int = 0) -> str:
    """README.md for the zip: what it is, source, licence, how to cite, the files and their checksums; in English and,
    where the site has Welsh pages, in Welsh beside it (bilingual.blocks)."""
    versions = bilingual.each(settings, lambda: _readme_blocks(package, descriptor, settings, files, illustrative, largest))
    return "\n\n".join(bilingual.blocks(versions)) + "\n"


def _readme_blocks(package: PackageInfo, descriptor: dict[str, Any], settings: Settings, files: list[tuple[str, bytes]],
                   illustrative: bool, largest: int = 0) -> list[str]:
    """The README's Markdown blocks (headings, paragraphs, lists, tables) in the language being written."""
    d = descriptor
    out = [f"# {d.get('title') or package.name}"]
    if illustrative:
        out.append("**" + _("ILLUSTRATIVE DATA.") + "** " + _(
            "The figures in this package are made up to show how partners' data can sit beside the national indicators. "
            "They are not real statistics and must not be quoted."))
    if d.get("description"):
        out.append(str(d["description"]))
    facts = ["- " + _("Package name: %(name)s") % {"name": package.name},
             "- " + _("Version: %(version)s") % {"version": d.get("version", _("not stated"))},
             "- " + _("Published by: %(publisher)s") % {"publisher": settings.publisher}]
    if settings.contact_email:
        facts.append("- " + _("Contact: %(email)s") % {"email": settings.contact_email})
    out += ["\n".join(facts), "## " + _("Source")]
    sources = [s for s in d.get("sources", []) if isinstance(s, dict)]
    lines = []
    for s in sources:
        bits = [str(s[k]) for k in ("publisher", "title") if s.get(k)]
        lines.append(f"- {': '.join(bits)}" + (f" <{s['path']}>" if s.get("path") else ""))
    out.append("\n".join(lines) if lines else "- " + _("Not stated."))
    out.append("## " + _("Licence"))
    licences = [f"- {lic.get('title') or lic.get('name')}" + (f" <{lic['path']}>" if lic.get("path") else "")
                for lic in d.get("licenses", []) or [] if isinstance(lic, dict)]
    if licences:
        out.append("\n".join(licences))
    if is_ogl(d):
        out.append(_(OGL_ATTRIBUTION))
    table = ["| " + " | ".join((_("file"), _("bytes"), "sha256")) + " |", "| --- | --- | --- |"]
    table += [f"| {name} | {len(data)} | {sha256(data)} |" for name, data in files]
    out += ["## " + _("How to cite"), citation(d, package.name, settings.publisher, settings.site_url),
            "## " + _("Files"), "\n".join(table),
            _("Missing or special values use the Government Statistical Service shorthand: [x] not available, "
              "[z] not applicable, [c] confidential (suppressed to protect people), [low] rounds to zero, [u] low reliability. "
              "[p] provisional and [r] revised appear in the status column."),
            _("This is a Frictionless data package: check it with `frictionless validate datapackage.json`.")]
    if largest:
        out.append("**" + _("No spreadsheet.") + "** " + too_large_text(largest, settings.spreadsheet_max_rows))
    changes = [c for c in d.get("changes", []) if isinstance(c, dict)]
    if changes:
        out.append("## " + _("Changes"))
        out.append("\n".join(
            "- " + _("%(date)s, version %(version)s: %(description)s") % {
                "date": c.get("date", ""), "version": c.get("version", ""), "description": c.get("description", "")}
            for c in sorted(changes, key=lambda c: (str(c.get("date", "")), str(c.get("version", ""))), reverse=True)))
    own = package.folder / "README.md"
    if own.is_file() or own.is_symlink():  # a link is refused (discover reports it), never followed into the zip
        text = safefiles.read_bytes(own, package.folder, str(own)).decode("utf-8", errors="replace")
        out += ["## " + _("About this package"), text.strip()]
    return out


def too_large_text(rows: int, limit: int) -> str:
    """Why a package has no spreadsheet, in the language being written."""
    return _("The largest table has %(rows)s rows. That is too large for a spreadsheet (the limit for this site is "
             "%(limit)s rows), so this package has no spreadsheet. Use the CSV files: they hold the same data and "
             "open in any data tool.") % {"rows": f"{rows:,}", "limit": f"{limit:,}"}


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
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)  # zlib default: 9 took 4x as long for 4% less
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
        raw = safefiles.read_bytes(package.folder / name, package.folder, rel(package.folder / name, settings.root))
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
    readme = _readme(package, descriptor, settings, files, illustrative, 0 if published.spreadsheet else largest).encode("utf-8")
    when = _zip_time(descriptor)
    archive = reproducible_zip([(f"{package.name}/{n}", b) for n, b in files + [("datapackage.json", text), ("README.md", readme)]], when)
    _write(docs / "data" / "packages" / f"{package.name}.zip", archive)
    published.downloads = [
        Download(N_("The whole data package (zip: description, README and CSV files)"), f"packages/{package.name}.zip", "zip", len(archive), sha256(archive))]
    if published.spreadsheet:
        ods = spreadsheets.package_spreadsheet(package, descriptor, files, settings, catalogue, illustrative)
        _write(docs / "data" / "packages" / f"{package.name}.ods", ods)
        published.downloads.append(Download(N_("Accessible spreadsheet (ODS)"), f"packages/{package.name}.ods", "ods", len(ods), sha256(ods)))
    published.downloads += [
        Download(N_("datapackage.json (the description of the package)"), f"packages/{package.name}/datapackage.json", "json", len(text), sha256(text)),
    ] + [Download(n, f"packages/{package.name}/{n}", "csv", len(b), sha256(b)) for n, b in files]
    return published


def publish_packages(data: Data, results: dict[str, IndicatorResult], settings: Settings, docs: Path) -> dict[str, PublishedPackage]:
    """Every package published, by name."""
    suppress = suppressed_rows(results, settings.root)
    return {p.name: publish_package(p, docs, settings, suppress, data.indicators) for p in data.packages}


# --- CSV slices -------------------------------------------------------------------------------------------
