"""An Atom 1.0 feed of data releases, from the packages' change logs: stable ids, dates from the data only."""

from __future__ import annotations

import uuid
from pathlib import Path
from xml.sax.saxutils import quoteattr as _quoteattr

from forcepages.escape import clean_text, xml_text as escape

from forcepages.config import Settings
from forcepages.validate.discover import PackageInfo
from forcepages.compose.releases import changes

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "releases.xml"


def quoteattr(value: str) -> str:
    """An XML attribute value, quoted, with characters XML cannot hold removed."""
    return _quoteattr(clean_text(value))


def _stamp(day: str) -> str:
    return f"{day[:10]}T00:00:00Z"


def _id(settings: Settings, *parts: str) -> str:
    """A stable URN: the same site, package and version always give the same id."""
    base = settings.site_url or f"forcepages:{settings.site_name}"
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "/".join((base, *parts))))


def _link(settings: Settings, path: str) -> str:
    return (settings.site_url.rstrip("/") + "/" + path) if settings.site_url else path


def atom_feed(packages: list[PackageInfo], settings: Settings) -> str:
    """The feed's XML text."""
    items = changes(packages)
    updated = max((c.date for c in items), default="2000-01-01")
    out = ['<?xml version="1.0" encoding="utf-8"?>', f'<feed xmlns="{ATOM}" xml:lang="en-GB">',
           f"  <title>{escape(settings.site_name)}: data releases</title>",
           f"  <subtitle>New and revised data packages published by {escape(settings.publisher)}.</subtitle>",
           f"  <id>{_id(settings, 'releases')}</id>",
           f"  <updated>{_stamp(updated)}</updated>",
           f"  <author><name>{escape(settings.publisher)}</name>"
           + (f"<email>{escape(settings.contact_email)}</email>" if settings.contact_email else "") + "</author>",
           f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(_link(settings, 'revisions.html'))}/>",
           "  <generator>forcepages</generator>",
           "  <rights>Open Government Licence v3.0 unless a package says otherwise.</rights>"]
    if settings.site_url:
        out.append(f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(_link(settings, FEED_PATH))}/>")
    for c in items:
        word = {"release": "New data", "revision": "Revised data", "correction": "Correction"}[c.kind]
        out += ["  <entry>",
                f"    <title>{escape(f'{word}: {c.title}, version {c.version}')}</title>",
                f"    <id>{_id(settings, 'package', c.package, c.version, c.date)}</id>",
                f"    <updated>{_stamp(c.date)}</updated>",
                f"    <published>{_stamp(c.date)}</published>",
                f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(_link(settings, f'data/{c.package}.html'))}/>",
                f"    <category term={quoteattr(c.kind)}/>",
                f"    <summary type=\"text\">{escape(c.description or word)}</summary>",
                "  </entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def write_feed(packages: list[PackageInfo], settings: Settings, docs: Path) -> Path:
    """docs/releases.xml."""
    target = docs / FEED_PATH
    target.write_text(atom_feed(packages, settings), encoding="utf-8")
    return target
