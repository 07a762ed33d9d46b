"""Page models: what each page says, as plain Python values built from the statistics (no pandas in templates)."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pandas as pd

from forcepages.compose import charts, datatables, links, maps, overview
from forcepages.compose.links import up
from forcepages import wording
from forcepages.validate import illustrative, narratives
from forcepages.compute import judge
from forcepages.compose.chart_meta import chart_meta
from forcepages.compute.result_types import AreaResult, IndicatorResult
from forcepages.config import Settings
from forcepages.compose.findings import by_area, chart_table, finding, summary_lines, table_rows, trend_header
from forcepages.validate.load import Data
from forcepages.compose.page_models import Chart, Page, Site
from forcepages.language import N_, _, current

LABELS = (N_("police force"), N_("similar forces"), N_("neighbourhood"), N_("similar neighbourhoods"), N_("area"),
          N_("similar areas"))  # area_label and similar_label: the default and usual ones, to translate


class Composer:
    """Builds every page model and chart from the loaded data and computed statistics."""

    def __init__(self, data: Data, results: dict[str, IndicatorResult], settings: Settings,
                 chart_sink: Callable[[Chart], None] | None = None, tree: str = "", translated: frozenset[str] = frozenset(),
                 complete: bool = False):
        """``chart_sink``, if given, receives each chart as it is made (written at once, not kept in ``site.charts``).
        ``tree`` is the language tree the pages are for ("" for English, "cy/" for the Welsh pages, whose other pages
        are the English ones); ``translated`` the areas whose pages are in both trees (linked both ways)."""
        self.data, self.results, self.settings = data, results, settings
        self.tree, self.translated, self.complete = tree, translated, complete  # complete: the tree has every page
        self.chart_sink, self.chart_count = chart_sink, 0
        scope = data.areas[data.areas["area_type"].eq(settings.area_type)]
        if settings.scope:
            scope = scope[scope["area_code"].isin(settings.scope)]
        self.areas = scope.sort_values("name")
        self.area_records = self.areas.to_dict("records")  # the same rows as plain dicts, for the pages that list every area
        # a site of many areas gives each area chart's figures in its CSV download, not as a table on the page, and
        # leaves area pages out of search (the list of areas finds them): on thousands of pages, the tables are most of
        # the HTML the engine reads, and the search plugin reads every page it indexes once more
        self.large = len(self.areas) > settings.large_site_areas
        self.names = dict(zip(data.areas["area_code"], data.areas["name"]))
        self.site = Site()
        sources = data.similar.get("source", pd.Series(dtype=str))
        self.similar_source = str(sources.iloc[0]).strip().rstrip(".") if len(sources) else ""
        self.domains = [r.to_dict() for _, r in data.domains.iterrows()]
        self.national = {iid: charts.by_period(r.national, "value") for iid, r in results.items()}
        self.similar = {iid: by_area(r.similar) for iid, r in results.items()}
        newest = judge.newest_end(data.values, set(data.areas.index[data.areas["area_type"].eq(settings.area_type)]))
        self.dates = {"figures_up_to": wording.long_date(newest) if newest is not None else "",
                      "freshness_years": settings.freshness_years}
        self.links: dict[str, list[dict[str, str]]] = {}
        for code, title, url in zip(data.links["area_code"], data.links["title"], data.links["url"]):
            self.links.setdefault(code, []).append({"title": wording.md(title), "url": wording.attr(url)})
        self.places: dict[str, list[str]] = {}
        for code, place in zip(data.local_authorities["area_code"], data.local_authorities["name"]):
            self.places.setdefault(code, []).append(place)
        self.similar_areas: dict[str, list[str]] = {}
        for a, b in zip(data.similar["area_code"], data.similar["similar_area_code"]):
            self.similar_areas.setdefault(a, []).append(b)

    similar_label = property(lambda self: current().setting(self.settings.similar_label, "area_label"),
                             doc='"similar forces" in the language written')
    area_label = property(lambda self: current().setting(self.settings.area_label, "area_label"),
                          doc='"police force" in the language written')

    def address(self, md_path: str) -> str:
        """A page's web address: in full where the site's address (site_url) is set, else relative to the site's root."""
        base = self.settings.site_url.rstrip("/")
        return f"{base}/{self.tree}{overview.href(md_path)}" if base else self.tree + overview.href(md_path)

    def shared(self, page: str, target: str) -> str:
        """A link from ``page`` to a page only the English tree has (see links.shared)."""
        return links.shared(self.tree, page, target, self.complete)

    def alternate(self, page: str, area_code: str) -> dict[str, str] | None:
        """The same page in the other language, or None (see links.alternate)."""
        return links.alternate(self.tree, page) if area_code in self.translated else None

    def shapes(self) -> dict[str, dict[str, str]]:
        """Each area's outline for the map, with its code and name (none if the reference package has no outlines)."""
        return {c: {"code": c, "name": self.names.get(c, c), "svg_path": d}
                for c, d in zip(self.data.shapes["area_code"], self.data.shapes["svg_path"]) if c in self.names}

    def indicator_map(self, iid: str, result: IndicatorResult) -> str:
        """The map filled by each force's verdict against England and Wales, with its legend (see maps.verdict_map)."""
        links = {a["area_code"]: "../" + self.area_link(a["slug"], result.meta.domain_id, iid) for a in self.area_records}
        return maps.verdict_map(result, self.area_records, self.shapes(), links)

    def add_chart(self, chart: Chart) -> None:
        self.chart_count += 1
        if self.chart_sink is not None:
            self.chart_sink(chart)
        else:
            self.site.charts.append(chart)

    def indicators_in(self, domain_id: str) -> list[str]:
        """Indicator ids of one domain, in catalogue order."""
        return [i for i, r in self.results.items() if r.meta.domain_id == domain_id]

    def _domain_path(self, slug: str, domain_id: str) -> str:
        return f"forces/{slug}/{domain_id}.md"

    def area_link(self, slug: str, domain_id: str, iid: str) -> str:
        """Where an indicator's figures for one area are, relative to the docs root (depends on ``area_pages``)."""
        if self.settings.area_pages == "single":
            return f"forces/{slug}/index.md#{iid}"
        return f"forces/{slug}/{domain_id}.md#{iid}"

    def area_pages(self, area: pd.Series) -> list[Page]:
        """The force page (three key questions per domain) and one page per domain, or with ``area_pages: single``
        one page holding the key questions and every indicator's figures."""
        made = []
        code, slug, name = area["area_code"], area["slug"], area["name"]
        single = self.settings.area_pages == "single"
        index = f"forces/{slug}/index.md"
        domains = []
        for domain in self.domains:
            path = index if single else self._domain_path(slug, domain["domain_id"])
            findings, items, rows, missing = [], [], [], []
            for iid in self.indicators_in(domain["domain_id"]):
                result = self.results[iid]
                area_result = result.areas.get(code)
                anchor = f"#{iid}" if single else f"{domain['domain_id']}.md#{iid}"
                if area_result is None or area_result.latest is None:
                    missing.append({"title": wording.md(result.meta.title), "link": self.shared(path, f"indicators/{iid}.md")})
                    continue
                line = finding(result.meta, area_result, name, anchor, self.similar_label)
                if line:
                    findings.append(line)
                row = overview.row(result.meta, area_result, self.national[iid], self.similar[iid].get(code, {}), anchor,
                                   line["kind"] if line else None, self.similar_label)
                if row:
                    rows.append(row)
                items.append(self._indicator_item(path, code, name, iid, result, area_result))
            narrative = narratives.read(self.settings.path(self.settings.narratives), slug, domain["domain_id"])
            entry = {"id": domain["domain_id"], "title": wording.md(domain["title"]), "link": f"{domain['domain_id']}.md",
                     "good": [f for f in findings if f["kind"] == "good"],
                     "bad": [f for f in findings if f["kind"] == "bad"],
                     "neutral": [f for f in findings if f["kind"] in ("neutral", "mixed")],
                     "older": [f for f in findings if f["kind"] == "older"],
                     "other": [f for f in findings if f["kind"] == "other"],
                     "count": len(items), "narrative": narrative, "links": self.links.get(code, []),
                     "overview": overview.force_table(overview.force_rows(rows), domain["title"], name, self.similar_label)
                     if rows else "", "overview_rows": len(rows)}
            if single:
                entry["figures"], entry["missing"] = items, missing
                domains.append(entry)
                continue
            domains.append(entry)
            made.append(Page(path, "force_domain.md.j2", alternate=self.alternate(path, code), context={
                "root": up(path), **self.dates, "force": wording.md(name), "force_slug": slug, "domain": {
                    "title": wording.md(domain["title"]), "description": wording.md(domain["description"])},
                "items": items, "missing": missing, "similar_source": wording.md(self.similar_source), "narrative": narrative,
                "search_exclude": self.large}))
        similar = sorted(self.names.get(c, c) for c in self.similar_areas.get(code, []))
        made.append(Page(index, "force.md.j2", alternate=self.alternate(index, code), context={
            "root": up(index), **self.dates,
            "methodology_link": self.shared(index, "methodology.md"), "force": wording.md(name), "code": code,
            "region": wording.md(area.get("region", "")), "domains": domains,
            "similar": [wording.md(s) for s in similar], "similar_source": wording.md(self.similar_source),
            "area_label": self.area_label, "similar_label": self.similar_label, "single": single,
            "places": [wording.md(p) for p in self.places.get(code, [])], "key": overview.key_html(), "search_exclude": self.large}))
        return made

    def _indicator_item(self, path: str, code: str, name: str, iid: str, result: IndicatorResult, area: AreaResult) -> dict[str, Any]:
        """One indicator on a force's domain page: summary, chart, table, downloads."""
        meta = result.meta
        series = area.series if area.series is not None else {}
        nat, similar = self.national[iid], self.similar[iid].get(code, {})
        chart_id = f"{self.data.areas.loc[code, 'slug']}--{iid}"
        summary = summary_lines(meta, area, name, self.similar_source, self.similar_label, self.settings.freshness_years)
        chart = None
        drawable = len(series) > 0 and bool(np.isfinite(np.asarray(series["value"], dtype=float)).any())
        if drawable:
            figure = charts.trend(name, series, nat, similar, meta, result.breaks, self.similar_label)
            figure, table = illustrative.chart(figure, chart_table(series, nat, similar, code, name), meta)
            starts, ends = np.asarray(series["period_start"]), np.asarray(series["period_end"])
            period = {"first": wording.period(starts[0], ends[0]), "last": wording.period(starts[-1], ends[-1])}
            self.add_chart(Chart(chart_id, figure, table, chart_meta(
                meta, list(table), period, str(name), self.address(f"{path}#{iid}"), self.dates["figures_up_to"],
                result.breaks, self.similar_label)))
            label = _("Chart of %(title)s in %(area)s over time.") % {"title": meta.title, "area": name}
            chart = {"src": f"charts/{chart_id}.json", "id": chart_id, "label": wording.attr(" ".join([label] + summary[:2])),
                     "words": charts.script_words(), "table": not self.large}
        return {"id": iid, "title": wording.md(meta.title), "summary": summary, "chart": chart,
                "no_chart": "" if drawable else _("There is no chart, as no figures are published for %(area)s.") % {"area": wording.md(name)},
                "definition": wording.md(meta.definition), "unit": wording.md(meta.unit),
                "source": wording.md(meta.source), "caveats": wording.md(meta.caveats),
                "breaks": [{"date": wording.long_date(b["date"]), "text": wording.md(current().data(b["description"]))} for b in result.breaks],
                "table": datatables.table(trend_header(self.similar_label), table_rows(series, nat, similar, meta),
                                         _("Data table: %(title)s") % {"title": meta.title},
                                         anchor=f"data-{chart_id}")
                if len(series) and not self.large else "",
                "csv": f"charts/{chart_id}.csv" if chart else None, "indicator_link": self.shared(path, f"indicators/{iid}.md"),
                "spc": result.spc_applies, "polarity": meta.polarity}
