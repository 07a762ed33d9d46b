"""The data tables beneath charts, written as finished HTML and carried through MkDocs inside a comment.

A force page can hold hundreds of table cells. Python-Markdown would run its inline patterns over every cell and
Material's search would parse and index every number, which made tables most of the MkDocs build time. So each
table is written as escaped HTML inside ``<!-- fp-table ... -->``: Markdown passes a comment through untouched and
search skips it. ``mkdocs_hooks.on_post_page`` then takes the comment markers away, so the page holds a real
``<table>`` (with column and row headers) for screen readers and for readers without JavaScript.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

START, END = "<!-- fp-table\n", "\n-->"
FOUND = re.compile(r"<!-- fp-table\n(.*?)\n-->", re.S)


@dataclass(frozen=True)
class Link:
    """A table cell that links to another page (``href`` relative to the page, pointing at the .md source)."""

    text: str
    href: str


def _text(value: object) -> str:
    """Cell text, HTML escaped, with no ``--`` (which would end or break the comment that carries the table)."""
    text = html.escape(str(value), quote=False)
    while "--" in text:
        text = text.replace("--", "-&#45;")
    return text


def _href(href: str) -> str:
    """The built page's address: forcepages always builds with use_directory_urls off, so x.md becomes x.html."""
    path, _, anchor = href.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return html.escape(path + ("#" + anchor if anchor else ""), quote=True).replace("--", "-&#45;")


def _cell(value: object) -> str:
    if isinstance(value, Link):
        return f'<a href="{_href(value.href)}">{_text(value.text)}</a>'
    return _text(value)


def table(header: list[str], rows: list[list[object]], caption: str) -> str:
    """A collapsible data table: the first column of each row is its row header."""
    head = "".join(f'<th scope="col">{_text(h)}</th>' for h in header)
    body = "\n".join(f'<tr><th scope="row">{_cell(row[0])}</th>' + "".join(f"<td>{_cell(c)}</td>" for c in row[1:]) + "</tr>"
                     for row in rows)
    return (f'{START}<details class="fp-table">\n<summary>{_text(caption)}</summary>\n'
            f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</details>{END}")


def uncomment(page_html: str) -> str:
    """The built page with each carried table put in place."""
    if START not in page_html:
        return page_html
    return FOUND.sub(lambda m: m.group(1), page_html)
