"""The data tables beneath charts, and other finished HTML, carried through MkDocs inside a comment.

A force page can hold hundreds of table cells. Python-Markdown would run its inline patterns over every cell and
Material's search would parse and index every number, which made tables most of the MkDocs build time. So each
table is written as escaped HTML inside ``<!-- fp-table ... -->``: Markdown passes a comment through untouched and
search skips it. ``mkdocs_hooks.on_post_page`` then takes the comment markers away, so the page holds a real
``<table>`` (with column and row headers) for screen readers and for readers without JavaScript.

The figure-by-figure sections of a single area page (left out of search anyway) are carried the same way, whole,
in ``<!-- fp-html ... -->`` (see ``carry``): that is most of the Markdown of a large site, and Python-Markdown would
otherwise spend most of the MkDocs build on it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

START, END = "<!-- fp-table\n", "\n-->"
HTML_START = "<!-- fp-html\n"
DASHES = "-&#45;"  # "--" while carried (escaped text never holds this: its "&" would be "&amp;")
FOUND = re.compile(r"<!-- fp-(?:table|html)\n(.*?)\n-->", re.S)


@dataclass(frozen=True)
class Link:
    """A table cell that links to another page (``href`` relative to the page, pointing at the .md source)."""

    text: str
    href: str


def _hide_dashes(text: str) -> str:
    """No ``--`` (which would end or break the comment that carries the HTML): uncomment puts them back. One pass
    leaves none, as the replacement ends in ";"."""
    return text.replace("--", DASHES)


def _text(value: object) -> str:
    """Cell text, HTML escaped (as html.escape with quote=False), with no ``--``."""
    text = value if value.__class__ is str else str(value)
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("--", DASHES) if "--" in text else text


def page_href(href: str) -> str:
    """The built page's address: forcepages always builds with use_directory_urls off, so x.md becomes x.html."""
    path, _, anchor = href.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return _hide_dashes(html.escape(path + ("#" + anchor if anchor else ""), quote=True))


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
    ident = f' id="{_hide_dashes(html.escape(anchor, quote=True))}"' if anchor else ""
    return (f'{START}<details class="fp-table"{ident}>\n<summary>{_text(caption)}</summary>\n'
            f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</details>{END}")


def bare(carried_table: str) -> str:
    """A table from table() without its comment markers, for use inside a carried block."""
    return carried_table.removeprefix(START).removesuffix(END)


def carry(block: str) -> str:
    """Finished HTML (made from escaped text only) carried through Markdown and search in a comment.

    Any ``--`` becomes ``-&#45;`` while carried, so that nothing can end the comment early (uncomment puts it back),
    and blank lines go so that Markdown sees one block.
    """
    body = "\n".join(line for line in block.strip().splitlines() if line.strip())
    return f"{HTML_START}{_hide_dashes(body)}{END}"


def uncomment(page_html: str) -> str:
    """The built page with each carried table or block put in place."""
    if START not in page_html and HTML_START not in page_html:
        return page_html
    return FOUND.sub(lambda m: m.group(1).replace(DASHES, "--"), page_html)
