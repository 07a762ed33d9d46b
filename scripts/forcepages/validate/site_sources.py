"""Checks on the publisher's own files and settings that need the loaded data: own pages (site_src/pages), narratives
(site_src/narratives/<force>/<domain>.md), templates (site_src/templates) and the forces named in ``scope``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from forcepages import safefiles
from forcepages.config import Settings
from forcepages.validate.discover import rel
from forcepages.errors import Problem, ValidationFailed

# Pages the site writes at the top of its docs folder: an own page with one of these names would replace it.
GENERATED_PAGES = frozenset({"index.md", "api.md", "methodology.md", "glossary.md", "revisions.md", "release-calendar.md",
                             "search.md", "404.md"})
GENERATED_FOLDERS = frozenset({"forces", "indicators", "domains", "data", "charts", "api", "assets", "reports", "search"})


def _readable(file: Path, folder: Path, root: Path, allow_empty: bool = False) -> list[Problem]:
    try:
        safefiles.read_text(file, folder, rel(file, root), allow_empty=allow_empty)
    except ValidationFailed as exc:
        return exc.problems
    return []


def own_page_problems(settings: Settings) -> list[Problem]:
    """Each own page is a UTF-8, non-empty, real file (not a link) that does not share a generated page's name."""
    folder, root = settings.path(settings.pages), settings.root
    if not folder.is_dir():
        return []
    problems = []
    for file in sorted(folder.glob("*.md")):
        where = rel(file, root)
        if file.name.lower() in GENERATED_PAGES or file.stem.lower() in GENERATED_FOLDERS:
            problems.append(Problem(where, None, None, f"has the same name as the site's own page {file.name} (or folder "
                                    f"{file.stem}/), which it would replace.", "Rename your page, for example about-the-data.md.", code="page-name-taken"))
            continue
        problems += _readable(file, folder, root)
    return problems


def narrative_problems(settings: Settings, areas: pd.DataFrame, domain_ids: set[str]) -> list[Problem]:
    """Every file under the narratives folder is <force slug>/<domain id>.md for a force on the site, readable and
    not a link; one anywhere else would be silently ignored."""
    folder, root = settings.path(settings.narratives), settings.root
    if not folder.is_dir():
        return []
    slugs = set(areas["slug"])
    problems = []
    for file in sorted(p for p in folder.rglob("*") if p.is_file() or p.is_symlink()):
        where = rel(file, root)
        parts = file.relative_to(folder).parts
        if len(parts) != 2 or parts[0] not in slugs or file.suffix != ".md" or file.stem not in domain_ids:
            example = f"{sorted(slugs)[0] if slugs else 'northshire'}/{sorted(domain_ids)[0] if domain_ids else 'local-crime'}.md"
            problems.append(Problem(where, None, None, "is not where a narrative is read from, so it would not be shown.",
                                    f"Put it at {rel(folder, root)}/<area>/<domain>.md, such as {example} "
                                    "(the area's folder name is in its page address).", code="narrative-misplaced"))
            continue
        problems += _readable(file, folder, root, allow_empty=True)
    return problems


def template_problems(settings: Settings) -> list[Problem]:
    """Publisher templates are real files inside site_src/templates, not links."""
    folder = settings.root / "site_src" / "templates"
    if not folder.is_dir():
        return []
    return [Problem(rel(file, settings.root), None, None, problem, "Put the template itself here, not a link to it.", code="file-is-link")
            for file in sorted(folder.rglob("*")) if (problem := safefiles.link_problem(file, folder))]


def scope_problems(settings: Settings, areas: pd.DataFrame, config_name: str = "mkdocs.yml") -> list[Problem]:
    """Every code in ``scope`` is an area in reference/areas.csv."""
    known = set(areas["area_code"])
    return [Problem(config_name, None, "extra.forcepages.scope", f'"{code}" is not an area code in reference/areas.csv, '
                    "so no page would be made for it.", "Use the ONS code of an area listed there, such as "
                    f"{sorted(known)[0] if known else 'E23000001'}.", code="area-unknown")
            for code in settings.scope if code not in known]


def site_source_problems(settings: Settings, areas: pd.DataFrame, domain_ids: set[str]) -> list[Problem]:
    """Every check above."""
    return (own_page_problems(settings) + narrative_problems(settings, areas, domain_ids) + template_problems(settings)
            + scope_problems(settings, areas))
