"""How to cite a data package, as plain text: on its data page and on the cover sheet of its spreadsheet."""

from __future__ import annotations

from typing import Any


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
