"""The Jinja2 environment (StrictUndefined) and writing Markdown pages: the render stage."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jinja2
import yaml

from forcepages.compose import datatables
from forcepages import wording
from forcepages import escape, language, safefiles
from forcepages.errors import BuildError
from forcepages.escape import link_target
from forcepages.compose.page_models import Page
from forcepages.paths import TEMPLATES_DIR


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
        loader=_NoLinksLoader(folders + [str(TEMPLATES_DIR)]),
        undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
        trim_blocks=False, lstrip_blocks=False, auto_reload=True, extensions=["jinja2.ext.i18n"],
    )
    # every sentence through the catalogue of the language being written (language.use); {% trans %} blocks trimmed
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(language._, language.ngettext, newstyle=True, pgettext=language.pgettext)
    env.filters.update(html_text=wording.html_text, html_block=datatables.block, page_href=datatables.page_href,
                       href=link_target)
    return env


class _NoLinksLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that refuses a template which is a link or leads out of its folder."""

    def get_source(self, environment: jinja2.Environment, template: str):  # noqa: ANN201
        for folder in self.searchpath:
            file = Path(folder, *template.split("/"))
            if (file.is_file() or file.is_symlink()) and (problem := safefiles.link_problem(file, Path(folder))):
                raise BuildError(f"{file}: the template {problem} Put the template itself there, not a link to it.")
        return super().get_source(environment, template)


def render_page(env: jinja2.Environment, page: Page) -> str:
    """One page's Markdown: a page-specific template if the publisher has one, else the generic one."""
    specific = "pages/" + page.path.replace("/", "__").removesuffix(".md") + ".md.j2"
    template = env.select_template([specific, page.template])
    text = template.render(**page.context)
    return _tidy(language_switch(front_matter(text), page.alternate))


def language_switch(text: str, alternate: dict[str, str] | None) -> str:
    """The page with a link to its version in the other language under its first heading (in that language, with
    hreflang; not a <link rel="alternate"> in <head>, as the theme's script fetches a sitemap.xml beside each)."""
    if not alternate:
        return text
    link = (f'<p class="fp-language"><a href="{wording.attr(alternate["href"])}" hreflang="{alternate["lang"]}" '
            f'lang="{alternate["lang"]}">{alternate["label"]}</a></p>')
    head = re.search(r"^# .*$", text, re.M)
    at = head.end() if head else (text.find("\n---\n", 3) + 5 if text.startswith("---\n") else 0)
    return f"{text[:at]}\n\n{link}\n{text[at:]}"


def front_matter(text: str) -> str:
    """The page's front matter written again by the YAML library, so any title round-trips: templates write
    ``key: value`` lines with values as Markdown text (wording.md); each value becomes its HTML text (the theme puts
    page.meta.title straight into the page) and is dumped as YAML, quoted where YAML needs it. Indented lines under
    a key with no value are the template's own settings for the engine (``search:`` / ``exclude: true``), read as
    YAML values."""
    if not text.startswith("---\n"):
        return text
    end = text.find("\n---\n", 3)
    if end < 0:
        return text
    meta: dict[str, object] = {}
    last = ""
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            continue
        if line[:1] == " " and last and meta[last] == "":
            meta[last] = {key.strip(): yaml.safe_load(value.strip())}
            continue
        if line[:1] == " " and last and isinstance(meta[last], dict):
            meta[last][key.strip()] = yaml.safe_load(value.strip())  # type: ignore[index]
            continue
        last = key.strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]  # the template's own quotes
        meta[key.strip()] = escape.json_text(wording.html_text(value))
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
    return "---\n" + dumped + text[end + 1:]


def _tidy(text: str) -> str:
    """Collapse runs of blank lines so the Markdown stays readable and stable."""
    lines, blank = [], 0
    for line in text.splitlines():
        blank = blank + 1 if not line.strip() else 0
        if blank <= 1:
            lines.append(line.rstrip())
    return "\n".join(lines).strip() + "\n"


def write_pages(env: jinja2.Environment, pages: list[Page], docs: Path) -> None:
    """Write every page under the docs folder."""
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        text = render_page(env, page)
        target.write_text(text, encoding="utf-8")
