"""Run MkDocs Material on the generated docs folder, with the settings the site depends on enforced."""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

from . import mkdocs_parts
from .config import read_mkdocs_yml
from .errors import BuildError
from .escape import xml_text
from .paths import PACKAGE_DIR

OVERRIDES = PACKAGE_DIR / "overrides"
HOOKS = PACKAGE_DIR / "mkdocs_hooks.py"
EXTENSIONS = ["tables", "attr_list", "md_in_html", "def_list", "admonition", {"toc": {"permalink": False}}]
NAV = [{"Home": "index.md"}, {"Police forces": "forces/index.md"}, {"Indicators": "indicators/index.md"},
       {"Data": "data/index.md"}, {"Methodology": "methodology.md"}, {"Glossary": "glossary.md"}]


def _theme(raw: dict[str, Any]) -> dict[str, Any]:
    """The publisher's theme with privacy and size settings forced on."""
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
    return theme


def build_site(config_file: Path, docs: Path, site: Path, extra_pages: list[str], strict: bool = True, plain: bool = False,
               parts: int | None = None) -> None:
    """mkdocs build of ``docs`` into ``site``; MkDocs warnings fail the build when strict.

    A large site is built in ``parts`` processes at once (by default one per core, from mkdocs_parts.MIN_PAGES
    pages). ``plain`` leaves out forcepages' own hooks and runs one process, for measuring plain MkDocs.
    """
    raw = read_mkdocs_yml(config_file)
    nav = raw.get("nav") or NAV + [{title: page} for title, page in extra_pages]
    css = ["assets/forcepages.css"] + [c for c in raw.get("extra_css", []) if c != "assets/forcepages.css"]
    js = ["assets/forcepages.js"] + [j for j in raw.get("extra_javascript", []) if j != "assets/forcepages.js"]
    options: dict[str, Any] = {
        "docs_dir": str(docs), "site_dir": str(site), "theme": _theme(raw), "use_directory_urls": False,
        "nav": nav, "extra_css": css, "extra_javascript": js, "strict": strict,
        "markdown_extensions": raw.get("markdown_extensions") or EXTENSIONS,
        "plugins": raw.get("plugins") or ["search", {"privacy": {"assets_exclude": ["unpkg.com/*"]}}],
        "hooks": [] if plain else [str(HOOKS)],
    }
    if raw.get("site_name") is not None:  # the theme writes it into every page as it is: escaped here, once
        options["site_name"] = xml_text(raw["site_name"])
    parts = 1 if plain else (parts or mkdocs_parts.parts_for(docs))
    if parts > 1:
        mkdocs_parts.build_in_parts(config_file, options, parts, run)
    else:
        run(config_file, options)


def preload() -> None:
    """Import MkDocs and the theme's plugins now (a build imports them anyway), at a moment this process would
    otherwise wait."""
    import material.plugins.privacy.plugin  # noqa: F401
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401


# Which part of the site this process builds (index, number of parts); read by mkdocs_hooks.
PART = (0, 1)


def run(config_file: Path, options: dict[str, Any], part: tuple[int, int] = (0, 1)) -> None:
    """One MkDocs build with ``options``; with ``part`` (0, n), the build forks the other n - 1 parts once its
    navigation is made (mkdocs_parts), and each process writes only its own part of the pages."""
    global PART
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    PART = part
    try:
        config = load_config(config_file=str(config_file), **copy.deepcopy(options))  # MkDocs mutates them
        build(config)
    except (Abort, ConfigurationError) as exc:
        mkdocs_parts.leave_if_forked(f"MkDocs could not build the site: {exc}")
        raise BuildError(f"MkDocs could not build the site: {exc}") from exc
    except BaseException as exc:
        mkdocs_parts.leave_if_forked(f"{type(exc).__name__}: {exc}")
        raise
    finally:
        PART = (0, 1)
    mkdocs_parts.leave_if_forked(None)
