"""Page models: what each page says, as plain Python values built from the statistics (no pandas in templates)."""

from __future__ import annotations

import html
from typing import Any, Callable

import numpy as np
import pandas as pd

from forcepages.compose import charts, datatables, maps, overview
from forcepages import wording
from forcepages.validate import illustrative, narratives
from forcepages.compute import judge
from forcepages.compose.chart_meta import chart_meta
from forcepages.compute.result_types import AreaResult, IndicatorResult
from forcepages.config import Settings
from forcepages.compose.findings import (INDICATOR_HEADER, by_area, chart_table, finding, summary_lines, table_rows, table_verdict, trend_header, up, value_text)
from forcepages.validate.load import Data
from forcepages.compose.page_models import Chart, Page, Site



class Composer:
    """Builds every page model and chart from the loaded data and computed statistics."""

    def __init__(self, data: Data, results: dict[str, IndicatorResult], settings: Settings,
                 chart_sink: Callable[[Chart], None] | None = None):
        """``chart_sink``, if given, receives each chart as it is made (written at once, not kept in ``site.charts``)."""
        self.data, self.results, self.settings = data, results, settings
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

    def address(self, md_path: str) -> str:
        """A page's web address: in full where the site's address (site_url) is set, else relative to the site's root."""
        base = self.settings.site_url.rstrip("/")
        return f"{base}/{overview.href(md_path)}" if base else overview.href(md_path)

    def shapes(self) -> dict[str, dict[str, str]]:
        """Each area's outline for the map, with its code and name (none if the reference package has no outlines)."""
        return {c: {"code": c, "name": self.names.get(c, c), "svg_path": d}
                for c, d in zip(self.data.shapes["area_code"], self.data.shapes["svg_path"]) if c in self.names}

    def _indicator_map(self, iid: str, result: IndicatorResult) -> str:
        """The map filled by each force's verdict against England and Wales, with its legend (see maps.verdict_map)."""
        links = {a["area_code"]: "../" + self.area_link(a["slug"], result.meta.domain_id, iid) for a in self.area_records}
        return maps.verdict_map(result, self.area_records, self.shapes(), links)

    def _add_chart(self, chart: Chart) -> None:
        self.chart_count += 1
        if self.chart_sink is not None:
            self.chart_sink(chart)
        else:
            self.site.charts.append(chart)

    def indicators_in(self, domain_id: str) -> list[str]:
        """Indicator ids of one domain, in catalogue order."""
        return [i for i, r in self.results.items() if r.meta.domain_id == domain_id]

    def compose(self, areas: bool = True) -> Site:
        """Every page; with ``areas`` false, all but the area pages (area_pages.py writes those)."""
        if areas:
            for _, area in self.areas.iterrows():
                self.site.pages += self.area_pages(area)
        for iid in self.results:
            self.indicator_page(iid)
        for domain in self.domains:
            self.domain_page(domain)
        self.site.pages += self.common_pages()
        return self.site

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
                    missing.append({"title": wording.md(result.meta.title), "link": f"indicators/{iid}.md"})
                    continue
                line = finding(result.meta, area_result, name, anchor, self.settings.similar_label)
                if line:
                    findings.append(line)
                row = overview.row(result.meta, area_result, self.national[iid], self.similar[iid].get(code, {}), anchor,
                                   line["kind"] if line else None, self.settings.similar_label)
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
                     "overview": overview.force_table(overview.force_rows(rows), domain["title"], name, self.settings.similar_label)
                     if rows else "", "overview_rows": len(rows)}
            if single:
                entry["figures"], entry["missing"] = items, missing
                domains.append(entry)
                continue
            domains.append(entry)
            made.append(Page(path, "force_domain.md.j2", {
                "root": up(path), **self.dates, "force": wording.md(name), "force_slug": slug, "domain": {
                    "title": wording.md(domain["title"]), "description": wording.md(domain["description"])},
                "items": items, "missing": missing, "similar_source": wording.md(self.similar_source), "narrative": narrative,
                "search_exclude": self.large}))
        similar = sorted(self.names.get(c, c) for c in self.similar_areas.get(code, []))
        made.append(Page(index, "force.md.j2", {
            "root": up(index), **self.dates, "force": wording.md(name), "code": code,
            "region": wording.md(area.get("region", "")), "domains": domains,
            "similar": [wording.md(s) for s in similar], "similar_source": wording.md(self.similar_source),
            "area_label": self.settings.area_label, "similar_label": self.settings.similar_label, "single": single,
            "places": [wording.md(p) for p in self.places.get(code, [])], "key": overview.key_html(), "search_exclude": self.large}))
        return made

    def _indicator_item(self, path: str, code: str, name: str, iid: str, result: IndicatorResult, area: AreaResult) -> dict[str, Any]:
        """One indicator on a force's domain page: summary, chart, table, downloads."""
        meta = result.meta
        series = area.series if area.series is not None else {}
        nat, similar = self.national[iid], self.similar[iid].get(code, {})
        chart_id = f"{self.data.areas.loc[code, 'slug']}--{iid}"
        summary = summary_lines(meta, area, name, self.similar_source, self.settings.similar_label)
        chart = None
        drawable = len(series) > 0 and bool(np.isfinite(np.asarray(series["value"], dtype=float)).any())
        if drawable:
            figure = charts.trend(name, series, nat, similar, meta, result.breaks, self.settings.similar_label)
            figure, table = illustrative.chart(figure, chart_table(series, nat, similar, code, name), meta)
            starts, ends = np.asarray(series["period_start"]), np.asarray(series["period_end"])
            period = {"first": wording.period(starts[0], ends[0]), "last": wording.period(starts[-1], ends[-1])}
            self._add_chart(Chart(chart_id, figure, table, chart_meta(
                meta, list(table), period, str(name), self.address(f"{path}#{iid}"), self.dates["figures_up_to"],
                result.breaks, self.settings.similar_label)))
            chart = {"src": f"charts/{chart_id}.json", "id": chart_id, "label": wording.attr(f"Chart of {meta.title} in {name} over time. " + " ".join(summary[:2])),
                     "table": not self.large}
        return {"id": iid, "title": wording.md(meta.title), "summary": summary, "chart": chart,
                "no_chart": "" if drawable else f"There is no chart, as no figures are published for {wording.md(name)}.",
                "definition": wording.md(meta.definition), "unit": wording.md(meta.unit),
                "source": wording.md(meta.source), "caveats": wording.md(meta.caveats),
                "breaks": [{"date": wording.long_date(b["date"]), "text": wording.md(b["description"])} for b in result.breaks],
                "table": datatables.table(trend_header(self.settings.similar_label), table_rows(series, nat, similar, meta), f"Data table: {meta.title}",
                                         anchor=f"data-{chart_id}")
                if len(series) and not self.large else "",
                "csv": f"charts/{chart_id}.csv" if chart else None, "indicator_link": f"indicators/{iid}.md",
                "spc": result.spc_applies, "polarity": meta.polarity}

    def indicator_page(self, iid: str) -> None:
        """All forces together, in alphabetical order, with the funnel plot; never put in order of value."""
        result = self.results[iid]
        meta = result.meta
        path = f"indicators/{iid}.md"
        rows, counts = [], {"within": 0, "above": 0, "below": 0}
        for area in self.area_records:
            a = result.areas.get(area["area_code"])
            if a is None or a.latest is None:
                continue
            counts[a.funnel] = counts.get(a.funnel, 0) + 1
            rows.append([datatables.Link(area["name"], "../" + self.area_link(area["slug"], meta.domain_id, iid)),
                         wording.period(a.latest["period_start"], a.latest["period_end"]), value_text(a.latest, meta),
                         table_verdict(a),
                         {"within": "within", "above": "above", "below": "below"}.get(a.funnel, "not shown")])
        chart = None
        if result.funnel:
            chart_id = f"funnel--{iid}"
            figure = charts.funnel(meta.title, result.funnel, self.names, meta)
            table = pd.DataFrame({"area_code": result.funnel["codes"], "area_name": [self.names.get(c, c) for c in result.funnel["codes"]],
                                  "denominator": result.funnel["denominators"], "value": result.funnel["values"],
                                  "position": result.funnel["positions"]}).sort_values("area_name")
            figure, table = illustrative.chart(figure, table, meta)
            self._add_chart(Chart(chart_id, figure, table, chart_meta(
                meta, list(table.columns), {"first": wording.period(*result.latest_period), "last": wording.period(*result.latest_period)},
                "every force", self.address(path), self.dates["figures_up_to"], result.breaks)))
            chart = {"src": f"charts/{chart_id}.json", "id": chart_id, "csv": f"charts/{chart_id}.csv",
                     "adjusted": result.funnel["adjusted"], "phi": wording.number(result.funnel["phi"], 0 if result.funnel["phi"] >= 10 else 1)
                     if result.funnel["adjusted"] else "", "count": sum(counts.get(k, 0) for k in ("within", "above", "below")),
                     "label": wording.attr(f"Funnel plot of {meta.title}: each force's value against its size, with limits around England and Wales.")}
        start, end = result.latest_period if result.latest_period else (None, None)
        domain = next((d for d in self.domains if d["domain_id"] == meta.domain_id), {"title": meta.domain_id})
        statuses = [a.status for a in result.areas.values() if a.status not in ("judged", "no-figure")]
        common = max(set(statuses), key=statuses.count) if statuses else None
        not_judged = judge.reason(common, meta, self.settings.freshness_years) if common and common != "non-resident" else ""
        the_map = self._indicator_map(iid, result)
        self.site.pages.append(Page(path, "indicator.md.j2", {
            "map": the_map,
            "root": up(path), "id": iid, **self.dates, "not_judged": wording.md(not_judged),
            "census": bool(meta.census), "comparable": bool(meta.comparable), "title": wording.md(meta.title), "definition": wording.md(meta.definition),
            "unit": wording.md(meta.unit), "source": wording.md(meta.source), "caveats": wording.md(meta.caveats),
            "measure": meta.measure, "polarity": meta.polarity, "domain": wording.md(domain["title"]), "domain_id": meta.domain_id,
            "period": wording.period(start, end) if start is not None else "", "rows": len(rows), "counts": counts, "chart": chart,
            "table": datatables.table(INDICATOR_HEADER, rows, f"Data table: {meta.title} in every force", anchor=f"data-funnel--{iid}"),
            "breaks": [{"date": wording.long_date(b["date"]), "text": wording.md(b["description"])} for b in result.breaks],
            "package": wording.md(meta.source_package), "similar_source": wording.md(self.similar_source)}))

    def domain_page(self, domain: dict[str, Any]) -> None:
        """What a domain covers and its indicators."""
        path = f"domains/{domain['domain_id']}.md"
        items = [{"id": i, "title": wording.md(self.results[i].meta.title), "definition": wording.md(self.results[i].meta.definition)}
                 for i in self.indicators_in(domain["domain_id"])]
        self.site.pages.append(Page(path, "domain.md.j2", {"root": up(path), **self.dates, "title": wording.md(domain["title"]),
                                                           "description": wording.md(domain["description"]), "items": items,
                                                           "grid": self._grid(domain), "key": overview.key_html()}))

    def _grid(self, domain: dict[str, Any]) -> str:
        """Every force (alphabetical) against every indicator of a domain: verdict symbol and value."""
        ids = [i for i in self.indicators_in(domain["domain_id"]) if self.results[i].latest_period]
        return overview.domain_grid({i: self.results[i] for i in ids}, self.area_records, domain["title"]) if ids else ""

    def common_pages(self) -> list[Page]:
        """Home, lists of forces and indicators, methodology and glossary."""
        forces = [{"name": wording.md(a["name"]), "slug": a["slug"], "region": wording.md(a.get("region", ""))}
                  for a in self.area_records]
        latest = []
        for iid, r in self.results.items():
            if r.latest_period:
                latest.append({"id": iid, "title": wording.md(r.meta.title), "period": wording.period(*r.latest_period)})
        domains = [{"id": d["domain_id"], "title": wording.md(d["title"]), "description": wording.md(d["description"]),
                    "items": [{"id": i, "title": wording.md(self.results[i].meta.title)} for i in self.indicators_in(d["domain_id"])]}
                   for d in self.domains]
        shapes = self.shapes()
        the_map = maps.svg([{**shapes[a["area_code"]], "href": f"forces/{a['slug']}/index.html"} for a in self.area_records
                            if a["area_code"] in shapes], "Map of the police force areas. Each area links to its force's page.")
        forces_html = "".join(f'<li><a href="forces/{a["slug"]}/index.html">{html.escape(str(a["name"]), quote=False)}</a></li>'
                              for a in self.area_records)
        common = {"root": "", **self.dates, "map": the_map, "forces_html": forces_html, "site_name": wording.md(self.settings.site_name), "publisher": wording.md(self.settings.publisher),
                  "forces": forces, "latest": latest, "domains": domains, "area_label": self.settings.area_label,
                  "similar_source": wording.md(self.similar_source), "contact": wording.attr(self.settings.contact_email)}
        return [Page("index.md", "home.md.j2", common),
                Page("forces/index.md", "forces.md.j2", {**common, "root": "../"}),
                Page("indicators/index.md", "indicators.md.j2", {**common, "root": "../"}),
                Page("glossary.md", "glossary.md.j2", common)]
