"""Find the data packages and refuse resource paths that leave their folder."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forcepages import descriptor_check
from forcepages import names, safefiles
from forcepages.errors import Problem

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class PackageInfo:
    """A package folder and its parsed descriptor."""

    name: str
    folder: Path
    descriptor: dict[str, Any]

    @property
    def resources(self) -> list[dict[str, Any]]:
        """The resources listed in the descriptor."""
        return [r for r in self.descriptor.get("resources", []) if isinstance(r, dict)]


def rel(path: Path, base: Path) -> str:
    """A path as the user sees it: relative to the project root where possible."""
    try:
        return (path.parent.resolve() / path.name).relative_to(base.resolve()).as_posix()  # a link named as itself
    except ValueError:
        return path.as_posix()


def unsafe_path_problem(raw: Any, folder: Path, where: str) -> Problem | None:
    """Why a resource path is refused, or None when it is a safe file inside the package."""
    hint = "Put the file inside the package folder and give its name relative to datapackage.json."
    if not isinstance(raw, str) or not raw.strip():
        return Problem(where, None, "path", f"the resource path {str(raw)[:80]!r} is not a file name.",
                       'Give one file name as text, such as "path": "values.csv" (a list of files is not allowed).', code="path-not-file-name")
    if "\x00" in raw:
        return Problem(where, None, "path", f"the resource path {raw[:80]!r} holds a NUL character.", hint, code="path-has-nul")
    if _URL.match(raw) or raw.startswith("//"):
        return Problem(where, None, "path", f'"{raw}" is a URL; remote data is never fetched.', hint, code="path-remote")
    if raw.startswith(("/", "\\")) or re.match(r"^[a-zA-Z]:", raw):
        return Problem(where, None, "path", f'"{raw}" is an absolute path.', hint, code="path-absolute")
    if ".." in Path(raw).parts or "\\" in raw:
        return Problem(where, None, "path", f'"{raw}" leaves the package folder.', hint, code="path-outside-package")
    unsafe = names.file_name_problem(raw)
    if unsafe:
        return Problem(where, None, "path", unsafe, names.FILE_HINT, code="name-unsafe")
    target = folder / raw
    link = safefiles.link_problem(target, folder)
    if link:
        return Problem(where, None, "path", f'"{raw}" {link}', "Put the file itself in the package folder, not a link to it.", code="file-is-link")
    if not target.is_file():
        return Problem(where, None, "path", f'the file "{raw}" listed in datapackage.json does not exist.',
                       "Add the file or correct its name in datapackage.json.", code="file-missing")
    return None


def read_descriptor(folder: Path, root: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse datapackage.json, checking it is a JSON object with safe resource paths."""
    file = folder / "datapackage.json"
    where = rel(file, root)
    link = safefiles.link_problem(file, folder)
    if link:
        return None, [Problem(where, None, None, link, "Put the file itself in the package folder, not a link to it.", code="file-is-link")]
    try:
        descriptor = json.loads(file.read_bytes().decode("utf-8-sig"))
    except RecursionError:
        return None, [Problem(where, None, None, "is nested too deeply to read.",
                              "Write a flat descriptor as in datapackages/README.md: resources, each with a schema of fields.", code="descriptor-too-deep")]
    except UnicodeDecodeError:
        return None, [Problem(where, None, None, "is not UTF-8 text.", "Save the file as UTF-8.", code="file-not-utf8")]
    except json.JSONDecodeError as exc:
        return None, [Problem(where, exc.lineno, None, f"is not valid JSON ({exc.msg}, column {exc.colno}).",
                              "Check commas, quotes and brackets near that line.", code="descriptor-invalid-json")]
    if not isinstance(descriptor, dict):
        return None, [Problem(where, None, None, "should hold a JSON object.", 'Start it with "{".', code="descriptor-not-object")]
    deep = descriptor_check.depth_and_text_problems(descriptor, where)
    if deep:
        return None, deep
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return None, [Problem(where, None, "resources", "lists no resources.",
                              "Add a resources list naming each CSV file and its schema.", code="resources-missing")]
    problems = descriptor_check.metadata_problems(descriptor, where)
    readme = safefiles.link_problem(folder / "README.md", folder)
    if readme and (folder / "README.md").is_symlink():
        problems.append(Problem(rel(folder / "README.md", root), None, None, readme,
                                "Put the README itself in the package folder, not a link to it.", code="file-is-link"))
    seen: set[str] = set()
    for i, resource in enumerate(resources):
        rwhere = f"{where} (resource {i + 1})"
        if not isinstance(resource, dict):
            problems.append(Problem(rwhere, None, None, "is not an object.", "Describe each resource as an object.", code="resource-not-object"))
            continue
        if "data" in resource:
            problems.append(Problem(rwhere, None, "data", "inline data is not allowed.", "Put the rows in a CSV file.", code="inline-data"))
        paths = resource.get("path")
        problem = unsafe_path_problem(paths, folder, rwhere)
        if problem:
            problems.append(problem)
        elif paths.lower() in seen:
            problems.append(Problem(rwhere, None, "path", f'"{paths}" is listed by another resource too.',
                                    "List each file once.", code="path-repeated"))
        else:
            seen.add(paths.lower())
        for key in ("dialect", "encoding"):
            if key in resource and not isinstance(resource[key], dict if key == "dialect" else str):
                problems.append(Problem(rwhere, None, key, f"the {key} must be written inside datapackage.json.",
                                        "Remove it: files are comma-separated UTF-8 CSV (see datapackages/README.md).", code="resource-external-part"))
        schema = resource.get("schema")
        if isinstance(schema, str):
            problems.append(Problem(rwhere, None, "schema", "the schema must be written inside datapackage.json.",
                                    "Copy the Table Schema object into the resource.", code="schema-external"))
    return (None if problems else descriptor), problems


def discover(datapackages: Path, root: Path) -> tuple[list[PackageInfo], list[Problem]]:
    """Every package folder under ``datapackages`` (sorted), with descriptor problems."""
    if not datapackages.is_dir():
        return [], [Problem(rel(datapackages, root), None, None, "is not a folder.",
                            "Create it and put one folder per data package in it.", code="folder-missing")]
    packages, problems = [], []
    for folder in sorted(p for p in datapackages.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        if not (folder / "datapackage.json").is_file():
            continue
        bad_name = names.id_problem(folder.name, "package name") if SLUG.match(folder.name) else \
            f'"{folder.name}" is not a usable package name (it becomes part of web addresses).'
        if bad_name:
            problems.append(Problem(rel(folder, root), None, None, bad_name,
                                    "Rename the folder: " + names.ID_HINT[len("Choose another name: "):], code="name-unsafe"))
            continue
        if folder.is_symlink() and not folder.resolve().is_relative_to(datapackages.resolve()):
            problems.append(Problem(rel(folder, root), None, None, "is a link to a folder elsewhere.",
                                    "Copy the package into datapackages/ instead of linking it.", code="folder-is-link"))
            continue
        descriptor, found = read_descriptor(folder, root)
        problems += found
        if descriptor is not None:
            packages.append(PackageInfo(folder.name, folder, descriptor))
    return packages, problems
