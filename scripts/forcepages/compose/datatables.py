"""The data tables beneath charts, and other finished HTML, written into the Markdown as raw HTML blocks.

A force page can hold hundreds of table cells. Each table is a real ``<table>`` (with column and row headers, for
screen readers and for readers without JavaScript) inside a ``<details>`` block: Python-Markdown passes a raw HTML
block through without running its inline patterns over the cells, so any engine (MkDocs, Zensical, plain
``mkdocs build``) shows it as written. ``data-search-exclude`` on its caption and table (Material's search setting
for an element) keeps the figures out of the search index.

Other finished HTML (maps, overviews, the figure-by-figure sections of an area page) goes into the Markdown the same
way, whole, inside one ``<div>`` (see ``block``), with no blank lines, so that Markdown sees a single raw block.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

SEARCH_EXCLUDE = "data-search-exclude"


@dataclass(frozen=True)
class Link:
    """A table cell that links to another page (``href`` relative to the page, pointing at the .md source)."""

    text: str
    href: str


def _text(value: object) -> str:
    """Cell text, HTML escaped (as html.escape with quote=False)."""
    text = value if value.__class__ is str else str(value)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def page_href(href: str) -> str:
    """The built page's address: forcepages always builds with use_directory_urls off, so x.md becomes x.html
    (raw HTML is not rewritten by the engine)."""
    path, _, anchor = href.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return html.escape(path + ("#" + anchor if anchor else ""), quote=True)


def _cell(value: object) -> str:
    if isinstance(value, Link):
        return f'<a href="{page_href(value.href)}">{_text(value.text)}</a>'
    return _text(value)


def table(header: list[str], rows: list[list[object]], caption: str, anchor: str = "") -> str:
    """A collapsible data table: the first column of each row is its row header; ``anchor`` its id (for the link
    from its chart)."""
    head = "".join(f'<th scope="col">{_text(h)}</th>' for h in header)
    body = "\n".join(f'<tr><th scope="row">{_cell(row[0])}</th>' + "".join(f"<td>{_cell(c)}</td>" for c in row[1:]) + "</tr>"
                     for row in rows)
    ident = f' id="{html.escape(anchor, quote=True)}"' if anchor else ""
    return (f'<details class="fp-table"{ident}>\n<summary {SEARCH_EXCLUDE}>{_text(caption)}</summary>\n'
            f"<table {SEARCH_EXCLUDE}>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</details>")


def block(html_text: str) -> str:
    """Finished HTML (made from escaped text only) as one raw HTML block of the Markdown: wrapped in a ``<div>``,
    with blank lines taken out so that Markdown sees one block, left out of search."""
    body = "\n".join(line for line in html_text.strip().splitlines() if line.strip())
    return f'<div class="fp-html" {SEARCH_EXCLUDE}>\n{body}\n</div>'
