"""The site step: one ordinary run of the engine (MkDocs Material or Zensical) on the generated docs folder, with the
settings the site depends on enforced, then the static files (charts, downloads, API, feed, reports) put beside it.

The docs folder holds only what the engine renders (Markdown, the site's CSS and JavaScript): everything else is
written to a folder of its own and linked or copied into the site afterwards, at the same addresses.
"""

from __future__ import annotations

import copy
import functools
import logging
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import yaml

from forcepages import parallel
from forcepages.config import read_mkdocs_yml
from forcepages.errors import BuildError
from forcepages.escape import xml_text
from forcepages.paths import PACKAGE_DIR
from forcepages.site.parts import build_in_parts

OVERRIDES = PACKAGE_DIR / "overrides"
# No md_in_html: pages hold no Markdown inside HTML, so none needs its slower way of reading raw HTML
EXTENSIONS = ["tables", "attr_list", "def_list", "admonition", {"toc": {"permalink": False}}]
NAV = [{"Home": "index.md"}, {"Police forces": "forces/index.md"}, {"Indicators": "indicators/index.md"},
       {"Data": "data/index.md"}, {"Methodology": "methodology.md"}, {"Glossary": "glossary.md"}]
# Pages link to the static files (charts, downloads, API), which the engine never sees: such links are not
# reported by MkDocs (the link checker on the built site still fails on any broken link).
VALIDATION = {"links": {"not_found": "info", "anchors": "info", "unrecognized_links": "info"}}
# Zensical's own link check reads every byte of every page in Python (about half of its time on these pages); the
# links are checked by check_links before any engine runs, so it is switched off: the pages it writes are the same.
ZENSICAL_VALIDATION = {"invalid_links": False, "invalid_link_anchors": False}


def _theme(raw: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """The publisher's theme with privacy and size settings forced on (and the interface in ``language``, for a tree
    of pages in another language)."""
    theme = dict(raw.get("theme") or {"name": "material"})
    if isinstance(theme, str):
        theme = {"name": theme}
    theme["name"] = "material"
    theme["font"] = False  # no Google Fonts: no third-party requests
    theme.setdefault("custom_dir", str(OVERRIDES))
    features = list(theme.get("features") or [])
    for feature in ("navigation.prune",):
        if feature not in features:
            features.append(feature)
    theme["features"] = [f for f in features if f != "navigation.instant"]
    theme.setdefault("language", "en")
    if language:
        theme["language"] = language
    return theme


@dataclass(frozen=True)
class Tree:
    """Another language's pages, built as a site of its own inside the main one (Open SDG's one site per language):
    its docs and static folders, where it goes in the site, its language, name and navigation."""

    docs: Path
    static: Path
    folder: str  # "cy": built into site/cy
    language: str
    site_name: str
    nav: list[dict[str, Any]]
    shared_static: Path | None = None  # the main site's static files, also put into this tree (when it has every page)


def markdown_extensions(raw: dict[str, Any]) -> list[Any]:
    """The Markdown extensions the engine runs: the publisher's (mkdocs.yml, read by read_mkdocs_yml), else forcepages'."""
    return raw.get("markdown_extensions") or EXTENSIONS


def options(config_file: Path, docs: Path, site: Path, extra_pages: list[tuple[str, str]], strict: bool = True,
            tree: Tree | None = None) -> dict[str, Any]:
    """The engine's settings: the publisher's mkdocs.yml with forcepages' own enforced (for ``tree``, its language,
    name and navigation)."""
    raw = read_mkdocs_yml(config_file)
    nav = tree.nav if tree else raw.get("nav") or NAV + [{title: page} for title, page in extra_pages]
    css = ["assets/forcepages.css"] + [c for c in raw.get("extra_css", []) if c != "assets/forcepages.css"]
    js = ["assets/forcepages.js"] + [j for j in raw.get("extra_javascript", []) if j != "assets/forcepages.js"]
    settings: dict[str, Any] = {
        "docs_dir": str(docs), "site_dir": str(site), "theme": _theme(raw, tree.language if tree else None), "use_directory_urls": False,
        "nav": nav, "extra_css": css, "extra_javascript": js, "strict": strict, "validation": VALIDATION,
        "markdown_extensions": markdown_extensions(raw),
        "plugins": raw.get("plugins") or ["search", {"privacy": {"assets_exclude": ["unpkg.com/*"]}}],
        "hooks": [],
    }
    if isinstance(raw.get("exclude_docs"), str):  # the publisher's own, kept when the engine runs in parts (parts.py)
        settings["exclude_docs"] = raw["exclude_docs"]
    if raw.get("site_name") is not None:  # the theme writes it into every page as it is: escaped here, once
        settings["site_name"] = xml_text(raw["site_name"])
    if tree:
        settings["site_name"] = xml_text(tree.site_name)
        if raw.get("site_url"):
            settings["site_url"] = str(raw["site_url"]).rstrip("/") + f"/{tree.folder}/"
    return settings


def build_site(config_file: Path, docs: Path, site: Path, extra_pages: list[tuple[str, str]], static: Path | None = None,
               strict: bool = True, engine: str = "mkdocs", trees: tuple[Tree, ...] = (), apart: Sequence[str] = ()) -> None:
    """Build ``docs`` into ``site`` with ``engine``, then put the files of ``static`` into the site, and each tree
    of pages in another language into its folder of the site. MkDocs warnings fail the build when strict. The pages
    of ``apart`` (docs-relative; left out of search and of the navigation) may be built by engine runs of their
    own, side by side (parts.py), when there are enough of them. Each tree's engine run goes beside the site's, in
    workers where there is a second core."""
    if engine not in ("mkdocs", "zensical"):
        raise BuildError(f'{config_file}: unknown engine {engine!r}: use "mkdocs" or "zensical".')
    if strict and static is not None:  # the static files are known: every Markdown link must lead somewhere
        check_links(docs, static, {f"{t.folder}/": (t.docs, t.static) for t in trees})
        for t in trees:
            shared = {"": (t.docs, t.shared_static)} if t.shared_static else {}  # the main site's files, in the tree too
            check_links(t.docs, t.static, {"../": (docs, static), **shared})
    run = run_zensical if engine == "zensical" else run_mkdocs
    workers = parallel.workers(True)
    parts = workers * parallel.ENGINE_PARTS_PER_WORKER if len(apart) >= parallel.ENGINE_MIN_PAGES_APART else 1
    beside = [site.parent / f"{site.name}-{t.folder}" for t in trees]  # (an engine empties its site folder first)
    tree_runs = [functools.partial(run, config_file, options(config_file, t.docs, b, [], strict, tree=t))
                 for t, b in zip(trees, beside)]
    build_in_parts(run, config_file, options(config_file, docs, site, extra_pages, strict), apart, parts, workers,
                   tree_runs)
    if static is not None:
        link_tree(static, site)
    for t, built in zip(trees, beside):  # each tree, built beside the site, moved into it
        os.replace(built, site / t.folder)
        if t.shared_static is not None:
            link_tree(t.shared_static, site / t.folder)
        link_tree(t.static, site / t.folder)


LINK = re.compile(r"\]\(([^)\s]+)\)")


def check_links(docs: Path, static: Path, others: dict[str, tuple[Path, Path]] | None = None) -> None:
    """Every relative Markdown link leads to a page in ``docs`` or a file in ``static`` (what MkDocs' own link check
    did when every file was in docs), or through a prefix of ``others`` (such as "cy/" or "../") to a page or file of
    another language's tree: a BuildError lists the first broken ones."""
    broken = []
    for page in docs.rglob("*.md"):
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            path = target.split("#", 1)[0].split("?", 1)[0]
            if not path or ":" in path or path.startswith("/"):
                continue
            rel = os.path.normpath(os.path.join(page.parent.relative_to(docs).as_posix(), path)).replace(os.sep, "/")
            if not (_found(rel, docs, static) or any(rel.startswith(prefix) and _found(rel[len(prefix):], *where)
                                                     for prefix, where in (others or {}).items())):
                broken.append(f"{page.relative_to(docs).as_posix()}: {target}")
    if broken:
        raise BuildError("Links to pages or files that do not exist: " + "; ".join(sorted(broken)[:10]))


def _found(rel: str, docs: Path, static: Path) -> bool:
    """True if ``rel`` is a page (as x.md, or the x.html it becomes) or a static file of a tree."""
    if (docs / rel).exists() or (static / rel).exists():
        return True
    return rel.endswith(".html") and (docs / (rel[:-5] + ".md")).exists()


def preload() -> None:
    """Import MkDocs and the theme's plugins now (a build imports them anyway), at a moment this process would
    otherwise wait."""
    import material.plugins.privacy.plugin  # noqa: F401
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401


def run_mkdocs(config_file: Path, settings: dict[str, Any]) -> None:
    """One ``mkdocs build`` through MkDocs' public API."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(config_file=str(config_file), **copy.deepcopy(settings))  # MkDocs mutates them
        build(config)
    except (Abort, ConfigurationError) as exc:
        raise BuildError(f"MkDocs could not build the site: {exc}") from exc


def zensical_config(config_file: Path, settings: dict[str, Any]) -> Path:
    """The settings as a config file of their own beside docs/ and site/ (Zensical wants site_dir in the config's
    folder, and reads no settings from the command line): returns its path."""
    docs, site = Path(settings["docs_dir"]), Path(settings["site_dir"])
    folder = site.parent
    raw = read_mkdocs_yml(config_file)
    written = {k: v for k, v in raw.items() if k not in ("hooks", "docs_dir", "site_dir", "strict")}
    written.update({k: v for k, v in settings.items() if k not in ("hooks", "strict")})
    written.update(docs_dir=os.path.relpath(docs, folder), site_dir=os.path.relpath(site, folder),
                   validation=ZENSICAL_VALIDATION)
    target = folder / f"zensical-{site.name}.yml"  # one for each run beside another (parts.py)
    target.write_text(yaml.safe_dump(written, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def zensical_command() -> list[str]:
    """The zensical command installed beside this Python (else the one on PATH)."""
    beside = Path(sys.executable).with_name("zensical")
    return [str(beside) if beside.exists() else (shutil.which("zensical") or "zensical")]


def run_zensical(config_file: Path, settings: dict[str, Any]) -> None:
    """One ``zensical build`` of a config written for it; a failure is a BuildError with Zensical's own words."""
    target = zensical_config(config_file, settings)
    try:
        done = subprocess.run(zensical_command() + ["build", "-f", str(target)], cwd=target.parent,
                              capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BuildError(f"Zensical could not be started ({exc}): install it (pip install zensical) or set "
                         f'engine: mkdocs under extra.forcepages in {config_file}.') from exc
    index = Path(settings["site_dir"]) / "index.html"
    if done.returncode != 0 or not index.is_file():
        said = "\n".join((done.stdout + done.stderr).strip().splitlines()[-20:])
        raise BuildError(f"Zensical could not build the site (exit code {done.returncode}):\n{said}")


def link_tree(source: Path, target: Path) -> int:
    """Put every file under ``source`` at the same place under ``target``: a hard link where the file system allows
    it, else a copy. Returns how many files."""
    count, can_link = 0, True
    for folder, _, names in os.walk(source):
        into = os.path.join(target, os.path.relpath(folder, source))
        os.makedirs(into, exist_ok=True)
        for name in names:
            src, dest = os.path.join(folder, name), os.path.join(into, name)
            if os.path.lexists(dest):
                os.unlink(dest)
            if can_link:
                try:
                    os.link(src, dest)
                    count += 1
                    continue
                except OSError:  # another file system, or links not supported
                    can_link = False
            shutil.copyfile(src, dest)
            count += 1
    return count
