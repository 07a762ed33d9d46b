"""Run frictionless on one package and turn its report into Problems."""

from __future__ import annotations

import copy
import logging
from typing import Any

from forcepages.validate.discover import PackageInfo, rel
from forcepages.errors import Problem

HINTS = {
    "type-error": "Write the value in the field's type (numbers without commas, dates as YYYY-MM-DD) or use a symbol such as [x].",
    "constraint-error": "Correct the value so it meets the rule in the package's Table Schema.",
    "required-error": "Fill in the cell, or use [x] if the value is not available.",
    "primary-key": "Each row needs a different key; remove or correct the repeated row.",
    "unique-error": "Each value in this column must be different; remove or correct the repeated value.",
    "foreign-key": "Use a value that exists in the table the schema refers to.",
    "extra-cell": "Remove the extra cell or add the missing column to the header and schema.",
    "missing-cell": "Add the missing cells so every row has as many cells as the header.",
    "blank-row": "Remove the empty row.",
    "encoding-error": "Save the file as UTF-8.",
    "incorrect-label": "Make the header match the field names in the schema, in the same order.",
    "missing-label": "Add the column to the header, or remove the field from the schema.",
    "extra-label": "Remove the column, or describe it in the schema.",
    "duplicate-label": "Give every column a different name.",
    "blank-label": "Give every column a name.",
    "source-error": "Check the file is a non-empty CSV file.",
    "scheme-error": "Give the file as a path inside the package folder.",
    "format-error": "Save the data as a .csv file.",
    "schema-error": "Correct the Table Schema in datapackage.json.",
    "resource-error": "Correct the resource in datapackage.json.",
    "package-error": "Correct datapackage.json.",
}

_DROP_KEYS = ("profile", "$schema")


def _safe_descriptor(descriptor: dict[str, Any]) -> dict[str, Any]:
    """A copy without keys that could make frictionless fetch something from the network."""
    safe = copy.deepcopy(descriptor)
    for key in _DROP_KEYS:
        safe.pop(key, None)
    for resource in safe.get("resources", []):
        if not isinstance(resource, dict):
            continue
        for key in _DROP_KEYS:
            resource.pop(key, None)
        # The contract's dialect: comma-separated UTF-8 (no sniffing, and a dialect given as a path or URL
        # would be read or fetched by frictionless).
        resource["dialect"] = {"delimiter": ",", "quoteChar": "\"", "doubleQuote": True, "skipInitialSpace": False, "headerRows": [1]}
        resource["encoding"] = "utf-8"
        resource["format"] = "csv"
        resource.pop("compression", None)
        resource.pop("bytes", None)  # checked by publish tests; sizes change on rewrite
        resource.pop("hash", None)
        if isinstance(resource.get("schema"), dict):
            for key in _DROP_KEYS:
                resource["schema"].pop(key, None)
            for fk in resource["schema"].get("foreignKeys", []) or []:
                ref = fk.get("reference", {}) if isinstance(fk, dict) else {}
                if isinstance(ref, dict) and ref.get("package"):
                    fk["reference"] = {"resource": "__external__", "fields": ref.get("fields")}
            fks = resource["schema"].get("foreignKeys") or []
            resource["schema"]["foreignKeys"] = [
                fk for fk in fks if not (isinstance(fk, dict) and fk.get("reference", {}).get("resource") == "__external__")
            ]
    return safe


def _problem(package: PackageInfo, root, file: str, error: Any) -> Problem:
    """One frictionless error as a Problem."""
    where = rel(package.folder / file, root) if file else rel(package.folder / "datapackage.json", root)
    return error_problem(where, error)


def error_problem(where: str, error: Any) -> Problem:
    """One frictionless error (or a fastcheck.TableError, which has the same parts) as a Problem."""
    row = getattr(error, "row_number", None)
    field = getattr(error, "field_name", None) or None
    cell = getattr(error, "cell", None)
    note = (getattr(error, "note", "") or "").strip()
    title = error.title if hasattr(error, "title") else error.type
    if error.type == "type-error" and cell is not None:
        message = f'"{cell}" is not a valid {note.replace("type is ", "").replace("/default", "").strip(chr(34))}.'
    elif cell not in (None, ""):
        message = f'"{cell}": {title.lower()}: {note}.'
    else:
        message = f"{title.lower()}: {note}." if note else f"{title.lower()}."
    return Problem(where, row, field, message, HINTS.get(error.type, "See the frictionless documentation for this error."), code=error.type)


def frictionless_problems(package: PackageInfo, root, skip_data: set[int] | None = None) -> list[Problem]:
    """Validate the package's metadata, and the data of every resource not in ``skip_data`` (indices), with frictionless.

    load.py checks the data of indicator-values resources with fastcheck (same rules, same problems,
    vectorised); their metadata and Table Schema are still checked here.
    """
    from frictionless import Package  # imported here: slow to import, not needed for --help

    logging.getLogger("frictionless").setLevel(logging.ERROR)
    where = rel(package.folder / "datapackage.json", root)
    safe = _safe_descriptor(package.descriptor)
    skip_data = skip_data or set()
    problems: list[Problem] = []
    try:
        if skip_data:
            meta = Package.validate_descriptor(safe)
            problems += [error_problem(where, e) for e in meta.errors]
            if problems:
                return problems
            safe = dict(safe, resources=[r for i, r in enumerate(safe["resources"]) if i not in skip_data])
            if not safe["resources"]:
                return problems
        pkg = Package(safe, basepath=str(package.folder))
        report = pkg.validate(limit_errors=1000)
    except Exception as exc:  # frictionless raises FrictionlessException for bad metadata
        error = getattr(exc, "error", None)
        note = getattr(error, "note", None) or str(exc)
        return [Problem(where, None, None, f"frictionless cannot read the package: {note}", HINTS["package-error"], code="package-error")]
    for error in report.errors:
        problems.append(_problem(package, root, "", error))
    for task in report.tasks:
        file = task.place if task.place and "://" not in task.place else ""
        for error in task.errors:
            problems.append(_problem(package, root, file, error))
    return problems
