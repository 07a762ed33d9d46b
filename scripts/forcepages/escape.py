"""One escaping function per output kind, for every value that comes from a package, the catalogue, reference data or
settings: Markdown text, Markdown code spans, link targets, Plotly text, XML text and JSON text.

Markdown text itself is escaped by ``wording.md`` (HTML escaped, Markdown syntax escaped, on one line); the functions
here cover the other places a value can land.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlsplit

# Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return; lone surrogates;
# U+FFFE and U+FFFF), plus the C1 controls and other non-characters, which some readers refuse.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SAFE_URL = re.compile(r"^https://[A-Za-z0-9.-]+(:\d+)?(/[A-Za-z0-9._~!$&'*+,;=:@%/-]*)?(\?[A-Za-z0-9._~!$&'*+,;=:@%/?-]*)?(#[A-Za-z0-9._~!$&'*+,;=:@%/?-]*)?$")


def xml_text(value: Any) -> str:
    """Text safe in XML content and attribute values: characters XML cannot hold removed, then &, <, >, " escaped."""
    return html.escape(_NOT_XML.sub("", "" if value is None else str(value)), quote=True)


def clean_text(value: Any) -> str:
    """Text with characters XML cannot hold removed (for writers that escape markup themselves)."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def json_text(value: Any) -> str:
    """Text that encodes as UTF-8 JSON: lone surrogates (from a ``\\ud800`` escape in a descriptor) replaced by U+FFFD."""
    text = "" if value is None else str(value)
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def code_span(value: Any) -> str:
    """Text as an inline Markdown code span that no backtick, pipe or angle bracket in it can end or break out of.

    Written as an HTML <code> element with the text escaped, so Markdown leaves its content alone."""
    text = " ".join(str("" if value is None else value).split())
    return "<code>" + html.escape(text, quote=True).replace("|", "&#124;").replace("`", "&#96;") \
        .replace("\\", "&#92;").replace("*", "&#42;").replace("_", "&#95;").replace("[", "&#91;") + "</code>"


def link_target(path: str) -> str:
    """A relative link target for Markdown: every character that could end the link or start markup percent-encoded."""
    return quote(str(path), safe="/#.-_~")


def web_address(value: Any) -> str | None:
    """An https address safe as a Markdown link target (no space, bracket, quote or angle bracket), or None."""
    text = str(value or "").strip()
    if not _SAFE_URL.match(text) or not urlsplit(text).hostname:
        return None
    return text.replace("(", "%28").replace(")", "%29").replace("'", "%27")


def plotly_text(value: Any) -> str:
    """Text for a Plotly title, legend entry, hover label or axis: Plotly reads a subset of HTML (<a href>, <b>, <br>)
    in these, so <, > and & are written as entities, which Plotly shows as the characters themselves."""
    text = "" if value is None else str(value)
    return html.escape(text, quote=False) if ("<" in text or ">" in text or "&" in text) else text
