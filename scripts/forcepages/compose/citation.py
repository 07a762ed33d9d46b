"""How to cite a data package, as plain text: on its data page and on the cover sheet of its spreadsheet."""

from __future__ import annotations

from typing import Any

from forcepages.language import _


def citation(descriptor: dict[str, Any], name: str, publisher: str, site_url: str) -> str:
    """How to cite a package, as plain text."""
    title = descriptor.get("title") or name
    version = descriptor.get("version") or "1.0.0"
    dates = sorted(str(c.get("date")) for c in descriptor.get("changes", []) if isinstance(c, dict) and c.get("date"))
    year = f" ({dates[-1][:4]})" if dates else ""
    sources = "; ".join(str(s.get("publisher") or s.get("title")) for s in descriptor.get("sources", [])
                        if isinstance(s, dict) and (s.get("publisher") or s.get("title")))
    where = f" {site_url.rstrip('/')}/data/{name}.html" if site_url else ""
    text = _("%(publisher)s%(year)s. %(title)s, version %(version)s. Data package \"%(name)s\".") % {
        "publisher": publisher, "year": year, "title": title, "version": version, "name": name}
    if sources:
        text += " " + _("Based on data from %(sources)s.") % {"sources": sources}
    return text + where
