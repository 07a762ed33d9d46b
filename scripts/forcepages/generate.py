"""Generation: validate, load, compute, compose, render and publish, writing the docs folder (Markdown), the static
files beside it (charts, downloads, API, feed) and the Welsh pages. build.py runs this in a process of its own, which
ends before the engine starts.
"""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

import jinja2

from forcepages import language, parallel, safefiles
from forcepages.build_report import BuildReport, Clock, Generated
from forcepages.compose import every_force, language_tree, links, methodology
from forcepages.compose.page_models import Page
from forcepages.compose.pages import Composer
from forcepages.compute.indicators import compute_all
from forcepages.config import Settings
from forcepages.errors import BuildError
from forcepages.paths import ASSETS_DIR
from forcepages.publish import outputs as publish
from forcepages.render import area_pages, markdown as render
from forcepages.site.engine import Tree
from forcepages.validate.discover import rel
from forcepages.validate.load import Data, validate_and_load


def generate(settings: Settings, work: Path, strict: bool) -> tuple[Generated, BuildReport]:
    """Validate the data packages (ValidationFailed before anything is written), then write work/docs, work/static,
    work/docs-cy (and static-cy); returns what the site stage needs and the report so far."""
    report = BuildReport()
    clock = Clock(report)
    data = validate_and_load(settings)
    parallel.give_back_memory()  # what reading and checking the tables took, before workers start from this process
    clock.lap("validate")
    docs, static = work / "docs", work / "static"
    made = generate_docs(data, settings, docs, report, clock, static, strict)
    return made, report


def _hand_written(settings: Settings, docs: Path) -> list[tuple[str, str]]:
    """Copy the publisher's own pages (site_src/pages/*.md) into docs; return their nav entries."""
    folder = settings.path(settings.pages)
    entries = []
    if folder.is_dir():
        for file in sorted(folder.glob("*.md")):
            text = safefiles.read_text(file, folder, rel(file, settings.root))  # no link, UTF-8, not empty (else a problem)
            (docs / file.name).write_text(text, encoding="utf-8")
            first = text.lstrip().splitlines()[0]
            title = first.lstrip("# ").strip() if first.startswith("#") else file.stem.replace("-", " ").capitalize()
            entries.append((title, file.name))
    return entries


def generate_docs(data: Data, settings: Settings, docs: Path, report: BuildReport, clock: Clock,
                  static: Path | None = None, strict: bool = True) -> Generated:
    """Write the docs folder (Markdown pages and assets) and, into ``static`` (default: docs itself), the charts, API,
    data downloads and feed; and the Welsh pages beside them (docs-cy, static-cy)."""
    static = static or docs
    results = compute_all(data, settings)
    parallel.give_back_memory()  # what the statistics took, before area-page workers start from this process
    clock.lap("compute")
    welsh = language_tree.welsh_areas(settings, data.areas)
    composer = Composer(data, results, settings, chart_sink=functools.partial(publish.write_chart, static=static),  # not kept
                        translated=welsh)
    templates = settings.root / "site_src" / "templates"
    env = render.environment(templates)
    areas = area_pages.AreaPages(composer, templates, docs)  # on large sites, workers start on the area pages now
    try:
        published = publish.publish_data(data, results, settings, static)  # packages, zips, ODS, CSV slices, feed, API
        parallel.give_back_memory()  # what publishing took: the area-page workers are still running beside this process
        site_pages = other_pages(composer, data, settings, published)  # meanwhile: every page but the areas'
        for page in site_pages:  # in Welsh too: the home page, or (welsh_pages: all) every page
            if welsh and (page.path == "index.md" or settings.welsh_pages == "all"):
                page.alternate = links.alternate("", page.path, links.SWITCH if settings.welsh_pages == "all" else links.HOME)
        clock.lap("compose")
        render.write_pages(env, site_pages, docs)
        shutil.copytree(ASSETS_DIR, docs / "assets", dirs_exist_ok=True)
        extra = _hand_written(settings, docs)
        clock.lap("render")
        area_count, apart, worker_charts = areas.finish()
    finally:
        areas.close()
    clock.lap("area pages")
    trees = (_welsh_tree(data, results, settings, welsh, env, docs, static, published, report, strict),) if welsh else ()
    clock.lap("welsh pages")
    report.pages += area_count + len(site_pages) + len(extra)
    report.charts += worker_charts + composer.chart_count
    return Generated([("API", "api.md")] + publish.DATA_NAV + extra, [path for _, path in extra], trees, apart)


def other_pages(composer: Composer, data: Data, settings: Settings, published: publish.Published) -> list[Page]:
    """Every page but the areas' (in the language being written): indicators, domains, home, lists, glossary, the
    data pages, the methodology and the API page."""
    results = composer.results
    pages = every_force.pages(composer) + publish.data_pages(data, results, settings, published)
    return pages + [methodology.methodology_page(settings, composer.similar_source, data.similar, data.similar_inputs,
                                                 data.similar_stability, data.areas, composer.dates["figures_up_to"]),
                    methodology.api_page(results)]


def _welsh_tree(data: Data, results: dict, settings: Settings, codes: frozenset[str], env: jinja2.Environment, docs: Path,
                static: Path, published: publish.Published, report: BuildReport, strict: bool) -> Tree:
    """Compose and write the Welsh pages (docs-cy beside docs; their charts in static-cy) with the Welsh catalogue;
    report every message and catalogue cell shown in English (reports/welsh.json), and fail on a message when
    strict."""
    welsh_docs, welsh_static = docs.parent / "docs-cy", docs.parent / "static-cy"
    welsh_docs.mkdir(exist_ok=True)
    cy = language.load(language_tree.WELSH)
    with language.use(cy):
        common = functools.partial(other_pages, settings=settings, published=published)
        pages, charts = language_tree.compose(data, results, settings, cy, codes,
                                              functools.partial(publish.write_chart, static=welsh_static), common)
        render.write_pages(env, pages, welsh_docs)
        everything = settings.welsh_pages == "all"  # the English downloads, API and feed at the same addresses in cy/
        tree = Tree(welsh_docs, welsh_static, "cy", "cy", language_tree.site_name(settings), language_tree.nav(pages),
                    shared_static=static if everything else None)
    language_tree.write_assets(welsh_docs, docs)
    report.pages, report.charts = report.pages + len(pages), report.charts + charts
    report.untranslated = [f"message: {m}" for m in cy.missing] + [f"data: {d}" for d in sorted(cy.data_missing)]
    (static / "reports").mkdir(parents=True, exist_ok=True)  # published: site/reports/welsh.json
    (static / "reports" / "welsh.json").write_text(json.dumps({
        "about": "English shown on the Welsh pages: messages with no translation in the catalogue, and data cells whose "
                 "*_cy column is empty. A strict build fails on any message.",
        "pages": len(pages), "untranslated_messages": cy.missing, "data_in_english": sorted(cy.data_missing)},
        indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if cy.missing and strict:  # the site's own words: a translation is missing from the catalogue
        shown = "; ".join(cy.missing[:20]) + (f"; and {len(cy.missing) - 20} more" if len(cy.missing) > 20 else "")
        raise BuildError(f"The Welsh pages would show {len(cy.missing)} sentence(s) in English, with no Welsh translation in "
                         f"{language.TRANSLATIONS_DIR / 'cy' / 'LC_MESSAGES' / 'messages.po'}: {shown}. Run "
                         "forcepages translations update, translate them (see README.md, \"Welsh\"), or build with "
                         "--no-strict to see every one listed.")
    return tree
