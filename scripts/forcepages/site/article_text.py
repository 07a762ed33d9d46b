"""The reading level of a built page's whole article, as a reader meets it: headings, prose, lists and table cells.

Each block (paragraph, heading, list item, table cell, caption, verdict line) counts as a sentence of its own, as in
``readability.plain_text``, so that a table is not measured as one long sentence; scripts, styles and the map's
SVG are left out. The build's report step adds each force page's grade to ``site/reports/readability.json``,
measured on the article as the engine renders it (Python-Markdown with the site's extensions, as MkDocs and Zensical
both run it), beside the engine rather than after it: a test checks that the built pages grade the same.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from forcepages.site import readability

BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "summary", "div", "tr", "dt", "dd",
          "figcaption", "br", "table", "ul", "ol", "details", "figure", "blockquote"}
BLOCK_CLASSES = {"fp-v", "fp-unit", "fp-grid__period"}  # spans shown as blocks (forcepages.css)
SKIP = {"script", "style", "svg"}
FORCE_PAGE_LIMIT = 5.0  # issue 15: a force page reads at Flesch-Kincaid grade 5 or below (reading age 10)


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.skip, self.chunks = 0, 0, [[]]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.inside += 1
        if tag in SKIP:
            self.skip += 1
        classes = next((v or "" for k, v in attrs if k == "class"), "").split()
        if tag in BLOCKS or (tag == "span" and BLOCK_CLASSES.intersection(classes)):
            self.chunks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.inside -= 1
        if tag in SKIP:
            self.skip -= 1
        if tag in BLOCKS:
            self.chunks.append([])

    def handle_data(self, data: str) -> None:
        if self.inside and not self.skip:
            self.chunks[-1].append(data)


def text(page_html: str) -> str:
    """The article's text, one sentence per block (a full stop added where a block has no closing punctuation)."""
    parser = _Article()
    parser.feed(page_html)
    out = []
    for chunk in parser.chunks:
        block = " ".join("".join(chunk).split())
        if any(c.isalnum() for c in block):
            out.append(block if block[-1] in ".!?:" else block + ".")
    return " ".join(out)


def grade(page_html: str) -> float:
    """Flesch-Kincaid grade (textstat's formula and dictionary) of the whole article, to 2 places."""
    return round(float(readability.flesch_kincaid_grade(text(page_html))), 2)


MAX_PAGES = 100  # a site of thousands of small areas measures an even spread of 100


def rendered(page_markdown: str, extensions: list[Any]) -> str:
    """A page's article as the engine renders it: its Markdown (front matter left out) through Python-Markdown with
    ``extensions`` (as in mkdocs.yml: names, or one-key mappings of a name to its settings)."""
    import markdown

    page_markdown = readability.without_front_matter(page_markdown)
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    settings = {next(iter(e)): next(iter(e.values())) or {} for e in extensions if isinstance(e, dict)}
    return "<article>" + markdown.Markdown(extensions=names, extension_configs=settings).convert(page_markdown) + "</article>"


def force_pages(docs: Path, extensions: list[Any]) -> dict[str, Any]:
    """Each force page's whole-article grade (up to MAX_PAGES, spread evenly over the list), the highest, the limit."""
    every = sorted((docs / "forces").glob("*/index.md"))
    step = max(1, -(-len(every) // MAX_PAGES))  # ceiling division: 43 forces are all measured
    pages = {p.relative_to(docs).with_suffix(".html").as_posix(): grade(rendered(p.read_text(encoding="utf-8"), extensions))
             for p in every[::step]}
    return {"about": "Whole article text of each force page as the engine renders it (tables included, one sentence "
                     "per block).",
            "limit": FORCE_PAGE_LIMIT, "highest": max(pages.values(), default=0.0), "pages": pages,
            "measured": len(pages), "of": len(every)}


def add_to_report(report: Path, docs: Path, extensions: list[Any]) -> None:
    """Put the force pages' whole-article grades into the readability report written by readability.write_report."""
    data = json.loads(report.read_text(encoding="utf-8"))
    data["force_pages_whole_article"] = force_pages(docs, extensions)
    report.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
