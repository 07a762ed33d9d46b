"""The Jinja2 environment (StrictUndefined) and writing Markdown pages: the render stage."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2

from . import datatables, readability, wording
from .escape import link_target
from .pages import Page
from .paths import TEMPLATES_DIR


def environment(overrides: Path | None = None) -> jinja2.Environment:
    """Templates from the publisher's folder first (if any), then the package's own.

    One environment per folder is kept for the life of the process (``forcepages serve`` rebuilds reuse its compiled
    templates); Jinja's auto_reload checks each template file's modification time, so an edited template is never stale.
    """
    use = overrides if overrides and overrides.is_dir() else None
    return _environment(str(use) if use else None)


@functools.lru_cache(maxsize=8)
def _environment(overrides: str | None) -> jinja2.Environment:
    folders = [overrides] if overrides else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folders + [str(TEMPLATES_DIR)]),
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
        trim_blocks=False, lstrip_blocks=False, auto_reload=True,
    )
    env.filters.update(html_text=wording.html_text, carry=datatables.carry, bare_table=datatables.bare,
                       page_href=datatables.page_href, href=link_target)
    return env


def render_page(env: jinja2.Environment, page: Page) -> str:
    """One page's Markdown: a page-specific template if the publisher has one, else the generic one."""
    specific = "pages/" + page.path.replace("/", "__").removesuffix(".md") + ".md.j2"
    template = env.select_template([specific, page.template])
    text = template.render(**page.context)
    return _tidy(text)


def _tidy(text: str) -> str:
    """Collapse runs of blank lines so the Markdown stays readable and stable."""
    lines, blank = [], 0
    for line in text.splitlines():
        blank = blank + 1 if not line.strip() else 0
        if blank <= 1:
            lines.append(line.rstrip())
    return "\n".join(lines).strip() + "\n"


def write_pages(env: jinja2.Environment, pages: list[Page], docs: Path) -> dict[str, Any]:
    """Write every page under the docs folder; returns each page's readability measures by path."""
    measured = {}
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = render_page(env, page)
        target.write_text(text, encoding="utf-8")
        measured[page.path] = readability.entry(page.context, text)
    return measured
