"""Page models for the data pages: each package with its data dictionary, licence, sources and downloads."""

from __future__ import annotations

from typing import Any

from . import wording
from .discover import PackageInfo
from .pages import Page

OGL_ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."


def _rules(field: dict[str, Any]) -> str:
    """A field's constraints in words."""
    c = field.get("constraints") or {}
    words = []
    if c.get("required"):
        words.append("required")
    if "minimum" in c:
        words.append(f"at least {c['minimum']}")
    if "maximum" in c:
        words.append(f"at most {c['maximum']}")
    if c.get("enum"):
        words.append("one of " + ", ".join(str(e) if e != "" else "(empty)" for e in c["enum"]))
    if c.get("pattern"):
        words.append(f"pattern {c['pattern']}")
    if c.get("unique"):
        words.append("unique")
    return wording.md("; ".join(words))


def package_page(package: PackageInfo, downloads: list[dict[str, str]], rows: dict[str, int]) -> Page:
    """The page for one package."""
    d = package.descriptor
    licences = ", ".join(str(lic.get("title") or lic.get("name")) for lic in d.get("licenses", []) if isinstance(lic, dict))
    sources = [wording.md(" ".join(str(s.get(k, "")) for k in ("title", "path") if s.get(k))) for s in d.get("sources", []) if isinstance(s, dict)]
    title = wording.md(d.get("title") or package.name)
    resources = []
    for r in package.resources:
        schema = r.get("schema") or {}
        pk = schema.get("primaryKey")
        resources.append({
            "name": wording.md(r.get("name", r.get("path"))), "description": wording.md(r.get("description", "")),
            "path": wording.attr(r.get("path")), "rows": rows.get(str(r.get("path"))),
            "primary_key": wording.md(", ".join(pk) if isinstance(pk, list) else pk or ""),
            "missing": wording.md(", ".join(f"{m}" for m in schema.get("missingValues", []) if m)),
            "fields": [{"name": wording.md(f.get("name")), "type": wording.md(f.get("type", "string")),
                        "description": wording.md(f.get("description", "")), "rules": _rules(f)}
                       for f in schema.get("fields", []) if isinstance(f, dict)],
        })
    citation = wording.md(f"{d.get('title') or package.name}, version {d.get('version', '1.0.0')}. "
                          f"Sources: {'; '.join(str(s.get('title')) for s in d.get('sources', []) if isinstance(s, dict))}.")
    return Page(f"data/{package.name}.md", "package.md.j2", {
        "root": "../", "name": wording.md(package.name), "title": title, "description": wording.md(d.get("description", "")),
        "version": wording.md(d.get("version", "")), "licences": wording.md(licences or "not stated"), "sources": sources,
        "downloads": downloads, "resources": resources, "citation": citation,
        "attribution": OGL_ATTRIBUTION if "OGL" in licences.upper() or "OPEN GOVERNMENT" in licences.upper() else ""})


def data_index(packages: list[PackageInfo]) -> Page:
    """The list of packages."""
    items = [{"name": p.name, "title": wording.md(p.descriptor.get("title") or p.name),
              "description": wording.md(p.descriptor.get("description", ""))} for p in packages]
    return Page("data/index.md", "data.md.j2", {"root": "../", "packages": items,
                                                "licence_text": "The data is published under the Open Government Licence v3.0 unless a package says otherwise. " + OGL_ATTRIBUTION})
