"""The Welsh pages: which areas have them, the data in Welsh (the catalogue's optional *_cy columns), and the pages of
the Welsh tree (build/docs-cy, built into site/cy/) composed in Welsh.

One site per language, as Open SDG does: the Welsh tree holds a home page and, for each area with Welsh pages, its
area page and domain pages, each linked to its English version and back. Pages the Welsh tree does not hold (an
indicator across every force, the methodology) are linked to in English.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Callable

import pandas as pd

from forcepages import wording
from forcepages.compose import links
from forcepages.compose.page_models import Chart, Page
from forcepages.compose.pages import Composer
from forcepages.compute.result_types import IndicatorResult
from forcepages.config import Settings
from forcepages.indicator import Indicator
from forcepages.language import N_, Language, _, current
from forcepages.validate.load import Data

WELSH = "cy"
TREE = "cy/"
# catalogue text shown on area pages, by table: (column, where the Welsh is) -> the *_cy column beside it
INDICATOR_TEXT = ("title", "definition", "unit", "source", "caveats", "comparability_note")
FRAME_TEXT = {"domains": ("title", "description"), "areas": ("name", "region"), "local_authorities": ("name",),
              "breaks": ("description",)}
FILES = {"domains": "framework/domains.csv", "areas": "reference/areas.csv",
         "local_authorities": "reference/local_authorities.csv", "breaks": "framework/series_breaks.csv"}


def welsh_areas(settings: Settings, areas: pd.DataFrame) -> frozenset[str]:
    """The codes of the areas with Welsh pages: with ``languages: [en, cy]``, the site's areas in Wales (the
    ``country`` column of reference/areas.csv), or every area with ``welsh_pages: all``."""
    if WELSH not in settings.languages:
        return frozenset()
    shown = areas[areas["area_type"].eq(settings.area_type)]
    if settings.scope:
        shown = shown[shown["area_code"].isin(settings.scope)]
    codes = frozenset(shown["area_code"])
    return codes if settings.welsh_pages == "all" else codes & in_wales(areas)


def in_wales(areas: pd.DataFrame) -> frozenset[str]:
    """The codes of the areas whose ``country`` (reference/areas.csv) is Wales."""
    country = areas["country"] if "country" in areas else pd.Series("", index=areas.index)
    return frozenset(areas.loc[country.fillna("").astype(str).str.strip().eq("Wales"), "area_code"])


def localised_indicator(meta: Indicator, lang: Language) -> Indicator:
    """The indicator with its Welsh text where the catalogue has it (an empty cell is reported and shows English)."""
    changes = {}
    for name in INDICATOR_TEXT:
        english = getattr(meta, name)
        changes[name] = lang.text(english, getattr(meta, f"{name}_cy"),
                                  f"framework/indicators.csv: {name}_cy of {meta.indicator_id}")
    return dataclasses.replace(meta, **changes)


def localised_frame(frame: pd.DataFrame, table: str, lang: Language, report: set[str] | None) -> pd.DataFrame:
    """A copy of ``frame`` with each text column in Welsh where its *_cy column has a value; the pairs go into the
    language's glossary (catalogue text met later, such as a series break's description in a phase). Rows whose
    key is in ``report`` (or every row, when None) are reported where the Welsh is missing."""
    out = frame.copy()
    for column in FRAME_TEXT[table]:
        if column not in out:
            continue
        english = out[column].fillna("").astype(str)
        welsh = out[f"{column}_cy"].fillna("").astype(str).str.strip() if f"{column}_cy" in out else pd.Series("", index=out.index)
        for en, cy in zip(english, welsh):
            if en and cy:
                lang.glossary.setdefault(en, cy)
        key = out["area_code"] if "area_code" in out else None
        for i, (en, cy) in enumerate(zip(english, welsh)):
            if en.strip() and not cy and (report is None or (key is not None and key.iloc[i] in report)):
                lang.data_missing.add(f"{FILES[table]}: {column}_cy for {en}")
        out[column] = welsh.where(welsh.ne(""), english)
    return out


def localised_data(data: Data, lang: Language, codes: frozenset[str]) -> Data:
    """The data with its words in Welsh: domains, area names (where the reference package has them; an empty one is
    reported for the areas in ``codes``), their council areas, and series breaks."""
    places = data.local_authorities
    return dataclasses.replace(
        data, domains=localised_frame(data.domains, "domains", lang, None),
        areas=localised_frame(data.areas, "areas", lang, set(codes)),
        local_authorities=localised_frame(places, "local_authorities", lang, set(codes)) if len(places) else places,
        breaks=localised_frame(data.breaks, "breaks", lang, None) if len(data.breaks) else data.breaks)


def compose(data: Data, results: dict[str, IndicatorResult], settings: Settings, lang: Language, codes: frozenset[str],
            chart_sink: Callable[[Chart], None], common: Callable[..., list[Page]]) -> tuple[list[Page], int]:
    """The Welsh tree's pages (call inside ``language.use(lang)``): each area's pages, and either a home page of its
    own (the Welsh areas' pages only) or, with ``welsh_pages: all``, every other page too (``common``: the pages
    besides the areas', given the composer and data). Returns the pages and how many charts were made."""
    welsh = localised_data(data, lang, codes & in_wales(data.areas))  # other areas' names: reported only in Wales
    translated = {iid: dataclasses.replace(r, meta=localised_indicator(r.meta, lang)) for iid, r in results.items()}
    everything = settings.welsh_pages == "all"
    composer = Composer(welsh, translated, settings, chart_sink=chart_sink, tree=TREE, translated=codes, complete=everything)
    pages = []
    areas = composer.areas[composer.areas["area_code"].isin(codes)]
    for _index, area in areas.iterrows():
        pages += composer.area_pages(area)
    if everything:
        others = common(composer, welsh)
        for page in others:
            page.alternate = links.alternate(TREE, page.path)
        return pages + others, composer.chart_count
    forces = [{"name": wording.md(a["name"]), "slug": a["slug"]} for _i, a in areas.iterrows()]
    pages.append(Page("index.md", "language_home.md.j2", alternate=links.alternate(TREE, "index.md", links.HOME), context={
        "root": "", **composer.dates, "forces": forces, "english_home": "../index.html",
        "site_name": wording.md(site_name(settings))}))
    return pages, composer.chart_count


SITE_NAME = N_("Police performance in England and Wales")  # the shipped mkdocs.yml's site_name


def site_name(settings: Settings) -> str:
    """The site's name in the language being written: the setting site_name_cy, else the shipped name's translation
    from the catalogue, else the English name (reported as untranslated)."""
    lang = current()
    if settings.site_name == SITE_NAME or lang.code == "en":
        return _(settings.site_name) if settings.site_name == SITE_NAME else settings.site_name
    return lang.text(settings.site_name, settings.site_name_cy, "mkdocs.yml: extra.forcepages.site_name_cy")


def nav(pages: list[Page]) -> list[dict[str, object]]:
    """The Welsh tree's navigation: the site's own sections where the tree has every page (welsh_pages: all), else
    home, then each area with its pages (titles as the pages give them)."""
    paths = {p.path for p in pages}
    if "methodology.md" in paths:
        sections = [(_("Home"), "index.md"), (_("Police forces"), "forces/index.md"), (_("Indicators"), "indicators/index.md"),
                    (_("Data"), "data/index.md"), (_("Methodology"), "methodology.md"), (_("Glossary"), "glossary.md"),
                    (_("API"), "api.md"), (_("Release calendar"), "release-calendar.md"),
                    (_("Revisions and corrections"), "revisions.md")]
        return [{title: path} for title, path in sections if path in paths]
    entries: list[dict[str, object]] = [{_("Home"): "index.md"}]
    by_area: dict[str, list[Page]] = {}
    for page in pages:
        if page.path.startswith("forces/"):
            by_area.setdefault(page.path.split("/")[1], []).append(page)
    for slug, area_pages in by_area.items():
        index = next(p for p in area_pages if p.path.endswith("/index.md"))
        name = wording.html_text(index.context["force"])
        children = [{_("Summary"): index.path}] + [
            {wording.html_text(p.context["domain"]["title"]): p.path} for p in area_pages if p is not index]
        entries.append({name: children})
    return entries


def write_assets(docs: Path, english_docs: Path) -> None:
    """The site's CSS and JavaScript in the Welsh tree too (each tree is built as a site of its own)."""
    shutil.copytree(english_docs / "assets", docs / "assets", dirs_exist_ok=True)
