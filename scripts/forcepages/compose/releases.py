"""The revisions and corrections log (from each package's ``changes``) and the release calendar (from settings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from forcepages import wording
from forcepages.config import Settings
from forcepages.validate.discover import PackageInfo
from forcepages.compose.page_models import Page
from forcepages.language import N_, _

CORRECTION_WORDS = ("correct", "error", "mistake", "fix")
KIND_WORDS = {"release": N_("release"), "revision": N_("revision"), "correction": N_("correction")}


@dataclass(frozen=True)
class Change:
    """One entry of a package's change log."""

    package: str
    title: str
    version: str
    date: str  # YYYY-MM-DD
    description: str
    kind: str  # release, revision or correction


def _kind(change: dict[str, Any], first: bool) -> str:
    given = str(change.get("type") or "").lower()
    if given in ("release", "revision", "correction"):
        return given
    text = str(change.get("description") or "").lower()
    if any(w in text for w in CORRECTION_WORDS):
        return "correction"
    return "release" if first else "revision"


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
        return True
    except ValueError:
        return False


def changes(packages: list[PackageInfo]) -> list[Change]:
    """Every change of every package, newest first (ties by package name, then version)."""
    out = []
    for p in packages:
        items = [c for c in p.descriptor.get("changes", []) if isinstance(c, dict) and _valid_date(str(c.get("date", "")))]
        items.sort(key=lambda c: (str(c["date"])[:10], str(c.get("version", ""))))
        for i, c in enumerate(items):
            out.append(Change(p.name, str(p.descriptor.get("title") or p.name), str(c.get("version", "")), str(c["date"])[:10],
                              str(c.get("description", "")), _kind(c, i == 0)))
    return sorted(out, key=lambda c: (c.date, c.package, c.version), reverse=True)


def revisions_page(packages: list[PackageInfo], settings: Settings) -> Page:
    """revisions.md: what changed in the data, when, and whether it corrected an error."""
    rows = [{"date": wording.long_date(c.date), "package": wording.md(c.title), "name": c.package, "version": wording.md(c.version),
             "description": wording.md(c.description), "kind": c.kind, "kind_words": _(KIND_WORDS[c.kind])}
            for c in changes(packages)]
    return Page("revisions.md", "revisions.md.j2", {"root": "", "rows": rows,
                                                    "corrections": [r for r in rows if r["kind"] == "correction"],
                                                    "publisher": wording.md(settings.publisher),
                                                    "contact": wording.attr(settings.contact_email)})


def calendar_page(settings: Settings) -> Page:
    """release-calendar.md from ``release_calendar`` in the settings. No clock: status comes from the settings."""
    entries = []
    for e in sorted(settings.release_calendar, key=lambda e: e.date):
        shown = wording.long_date(e.date) if _valid_date(e.date) else wording.md(e.date)
        entries.append({"date": shown, "iso": e.date, "title": wording.md(e.title), "status": wording.md(e.status)})
    planned = [e for e in entries if e["status"] in ("planned", "provisional", "confirmed")]
    past = [e for e in entries if e not in planned]
    return Page("release-calendar.md", "release_calendar.md.j2", {"root": "", "planned": planned, "past": past[::-1],
                                                                  "publisher": wording.md(settings.publisher)})
