"""Page models for the data pages: each package with its data dictionary, licence, citation, downloads and checksums."""

from __future__ import annotations

from typing import Any

import pandas as pd

from forcepages.validate import narratives
from forcepages import wording
from forcepages.escape import code_span, web_address
from forcepages.config import Settings
from forcepages.validate.discover import PackageInfo
from forcepages.compose.citation import citation
from forcepages.publish.downloads import OGL_ATTRIBUTION, PublishedPackage, is_ogl, too_large_text
from forcepages.compose.page_models import Page
from forcepages.language import N_, _

ILLUSTRATIVE_NOTE = N_("ILLUSTRATIVE DATA: the figures in this package are made up to show how partners' data can sit "
                       "beside the national indicators. They are not real statistics and must not be quoted.")
TYPE_WORDS = {
    "string": N_("text"), "number": N_("number, may have decimals"), "integer": N_("whole number"), "date": N_("date"),
    "datetime": N_("date and time"), "year": N_("year"), "boolean": N_("true or false"), "yearmonth": N_("year and month"),
    "time": N_("time"), "geopoint": N_("map point"), "object": N_("JSON object"), "array": N_("JSON list"),
    "any": N_("any value"),
}
SYMBOL_WORDS = {"": N_("empty cell (no value)"), "[x]": N_("not available"), "[z]": N_("not applicable"),
                "[c]": N_("confidential (suppressed to protect people)"), "[low]": N_("a number that rounds to zero"),
                "[u]": N_("low reliability")}
OTHER_SYMBOL = N_("missing")  # what any other missing-value code means
VALUE_UNIT_FIELDS = {"value", "lower_95", "upper_95"}


def _rules(field: dict[str, Any]) -> str:
    """A field's constraints in words."""
    c = field.get("constraints") or {}
    words = []
    if c.get("required"):
        words.append(wording.md(_("required")))
    if "minimum" in c:
        words.append(wording.md(_("at least %(n)s") % {"n": c["minimum"]}))
    if "maximum" in c:
        words.append(wording.md(_("at most %(n)s") % {"n": c["maximum"]}))
    if "minLength" in c:
        words.append(wording.md(_("at least %(n)s characters") % {"n": c["minLength"]}))
    if "maxLength" in c:
        words.append(wording.md(_("at most %(n)s characters") % {"n": c["maxLength"]}))
    if c.get("enum"):
        values = ", ".join(str(e) if e != "" else _("(empty)") for e in c["enum"])
        words.append(wording.md(_("one of %(values)s") % {"values": values}))
    if c.get("pattern"):
        words.append(_("pattern %(pattern)s") % {"pattern": code_span(c["pattern"])})
    if c.get("unique"):
        words.append(wording.md(_("unique")))
    return "; ".join(words)


def _type(field: dict[str, Any]) -> str:
    kind = str(field.get("type", "string"))
    words = _(TYPE_WORDS[kind]) if kind in TYPE_WORDS else kind
    fmt = field.get("format")
    if kind == "date" and fmt in (None, "default", "%Y-%m-%d"):
        words = _("date, written YYYY-MM-DD")
    elif fmt and fmt != "default":
        words = _("%(type)s, format %(format)s") % {"type": words, "format": fmt}
    return wording.md(f"{words} ({kind})" if words != kind else kind)


def _unit(field: dict[str, Any], units: list[str]) -> str:
    if field.get("unit"):
        return wording.md(field["unit"])
    if field.get("name") in VALUE_UNIT_FIELDS and units:
        return _("the indicator's unit (see the list of indicators above)") if len(units) > 1 else wording.md(units[0])
    if field.get("name") == "numerator":
        return _("count of events") if units else ""
    return ""


def _size(n: int) -> str:
    if n < 1024:
        return _("%(n)s bytes") % {"n": n}
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def package_page(package: PackageInfo, published: PublishedPackage, settings: Settings,
                 catalogue: pd.DataFrame | None = None, indicator_pages: set[str] | None = None, figures_up_to: str = "") -> Page:
    """The page for one package (``figures_up_to``: the end of its latest period, in words)."""
    d = published.descriptor
    licences = ", ".join(str(lic.get("title") or lic.get("name")) for lic in d.get("licenses", []) if isinstance(lic, dict))
    sources = []
    for s in d.get("sources", []):
        if isinstance(s, dict):
            text = wording.md(": ".join(str(s[k]) for k in ("publisher", "title") if s.get(k)))
            address = web_address(s.get("path"))
            sources.append(f"[{text}]({address})" if address and text else text)
    title = wording.md(d.get("title") or package.name)
    indicators = []
    if catalogue is not None and len(catalogue):
        mine = catalogue[catalogue["source_package"].eq(package.name)].reset_index(drop=True).sort_values("indicator_id")
        for _row, r in mine.iterrows():
            indicators.append({"id": r["indicator_id"], "title": wording.md(r["title"]), "unit": wording.md(r["unit"]),
                               "measure": wording.md(r["measure"]),
                               "link": r["indicator_id"] in (indicator_pages or set())})
    units = sorted({i["unit"] for i in indicators})
    resources = []
    for r in d.get("resources", []):
        if not isinstance(r, dict):
            continue
        schema = r.get("schema") or {}
        pk = schema.get("primaryKey")
        missing = [m for m in schema.get("missingValues", [""])]
        resources.append({
            "name": wording.md(r.get("title") or r.get("name", r.get("path"))), "description": wording.md(r.get("description", "")),
            "path": wording.attr(r.get("path")), "rows": published.rows.get(str(r.get("path"))),
            "bytes": r.get("bytes"), "hash": str(r.get("hash", "")),
            "primary_key": wording.md(", ".join(pk) if isinstance(pk, list) else pk or ""),
            "file": _file_words(wording.attr(r.get("path")), published.rows.get(str(r.get("path"))), r.get("bytes")),
            "missing": [{"code": wording.md(m) if m else _("(empty)"), "meaning": _(SYMBOL_WORDS.get(m, OTHER_SYMBOL))}
                        for m in missing],
            "foreign": [_foreign(fk) for fk in schema.get("foreignKeys", []) or [] if isinstance(fk, dict)],
            "fields": [{"name": wording.md(f.get("name")), "type": _type(f), "unit": _unit(f, units),
                        "description": wording.md(f.get("description", "")), "rules": _rules(f)}
                       for f in schema.get("fields", []) if isinstance(f, dict)],
        })
    changes = sorted((c for c in d.get("changes", []) if isinstance(c, dict)), key=lambda c: str(c.get("date", "")), reverse=True)
    downloads = [{"label": wording.md(_(x.label) if x.kind != "csv" else x.label), "href": x.href, "kind": x.kind.upper(),
                  "size": _size(x.size), "sha256": x.sha256} for x in published.downloads]
    return Page(f"data/{package.name}.md", "package.md.j2", {
        "root": "../", "name": wording.md(package.name), "title": title, "description": wording.md(d.get("description", "")),
        "version": wording.md(d.get("version", _("not stated"))), "licences": wording.md(licences or _("not stated")),
        "sources": sources,
        "downloads": downloads, "resources": resources, "indicators": indicators,
        "citation": wording.md(citation(d, package.name, settings.publisher, settings.site_url)),
        "figures_up_to": figures_up_to,
        "address": wording.md(f"{settings.site_url.rstrip('/')}/data/{package.name}.html" if settings.site_url
                              else _("%(path)s on this site") % {"path": f"data/{package.name}.html"}),
        "changes": [{"date": wording.long_date(str(c["date"])) if c.get("date") else "", "version": wording.md(c.get("version", "")),
                     "description": wording.md(c.get("description", ""))} for c in changes],
        "illustrative": _(ILLUSTRATIVE_NOTE) if published.illustrative else "", "readme": _readme(package),
        "suppressed": published.suppressed, "publisher": wording.md(settings.publisher),
        "too_large": "" if published.spreadsheet else wording.md(too_large_text(
            max(published.rows.values(), default=0), settings.spreadsheet_max_rows)),
        "attribution": _(OGL_ATTRIBUTION) if is_ogl(d) else "",
        "licence_paths": [a for a in (web_address(lic.get("path")) for lic in d.get("licenses", []) if isinstance(lic, dict)) if a]})


def _file_words(path: str, rows: int | None, size: int | None) -> str:
    """Where a resource's data is, with its rows and bytes where known, as one sentence."""
    if rows is not None and size is not None:
        return _("File: `%(path)s`, %(rows)s rows, %(bytes)s bytes.") % {"path": path, "rows": rows, "bytes": size}
    if rows is not None:
        return _("File: `%(path)s`, %(rows)s rows.") % {"path": path, "rows": rows}
    if size is not None:
        return _("File: `%(path)s`, %(bytes)s bytes.") % {"path": path, "bytes": size}
    return _("File: `%(path)s`.") % {"path": path}


def _foreign(fk: dict[str, Any]) -> str:
    """A foreign key in words: which fields refer to which table."""
    fields = ", ".join(fk["fields"]) if isinstance(fk.get("fields"), list) else fk.get("fields")
    resource = (fk.get("reference") or {}).get("resource")
    if resource:
        return wording.md(_("%(fields)s refers to %(resource)s") % {"fields": fields, "resource": resource})
    return wording.md(_("%(fields)s refers to this table") % {"fields": fields})


def _readme(package: PackageInfo) -> list[dict[str, object]]:
    """The package's own README.md, as escaped paragraphs and lists (shown under "About this package")."""
    file = package.folder / "README.md"
    if not file.is_file() or file.is_symlink():
        return []
    return narratives.blocks(file.read_text(encoding="utf-8", errors="replace")) or []


def data_index(packages: list[PackageInfo], published: dict[str, PublishedPackage] | None = None,
               slices: dict[str, dict[str, str]] | None = None, settings: Settings | None = None) -> Page:
    """The list of packages, the CSV slices, and where to follow releases."""
    published = published or {}
    items = []
    for p in packages:
        pub = published.get(p.name)
        d = pub.descriptor if pub else p.descriptor
        dates = sorted(str(c.get("date"))[:10] for c in d.get("changes", []) if isinstance(c, dict) and c.get("date"))
        items.append({"name": p.name, "title": wording.md(d.get("title") or p.name), "description": wording.md(d.get("description", "")),
                      "version": wording.md(d.get("version", "")), "updated": wording.long_date(dates[-1]) if dates else "",
                      "illustrative": bool(pub and pub.illustrative), "zip": f"packages/{p.name}.zip" if pub else "",
                      "ods": f"packages/{p.name}.ods" if pub and pub.spreadsheet else ""})
    slices = slices or {"forces": {}, "indicators": {}}
    return Page("data/index.md", "data.md.j2", {
        "root": "../", "packages": items,
        "forces": [{"name": wording.md(k), "href": v} for k, v in slices.get("forces", {}).items()],
        "indicators": [{"name": wording.md(k), "href": v} for k, v in sorted(slices.get("indicators", {}).items())],
        "publisher": wording.md(settings.publisher) if settings else "",
        "licence_text": _("The data is published under the Open Government Licence v3.0 unless a package says otherwise.")
        + " " + _(OGL_ATTRIBUTION)})
