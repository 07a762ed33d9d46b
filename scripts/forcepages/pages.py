"""Page models: what each page says, as plain Python values built from the statistics (no pandas in templates)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd

from . import charts, datatables, illustrative, judge, maps, narratives, overview, wording
from .chart_meta import chart_meta
from .result_types import AreaResult, IndicatorResult
from .config import Settings
from .indicator import Indicator
from .load import Data



@dataclass
class Page:
    """One Markdown page to write: its path under docs, template and context."""

    path: str
    template: str
    context: dict[str, Any]


@dataclass
class Chart:
    """One chart's figure and the table behind it."""

    chart_id: str
    figure: dict[str, Any]
    table: pd.DataFrame | dict[str, Any]  # a frame, or columns (float arrays and lists of text) for csvout
    meta: Indicator | None = None  # written beside the CSV as <chart>.meta.json (see chart_meta)


@dataclass
class Site:
    """Everything the render and publish stages write."""

    pages: list[Page] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


def trend_header(similar_label: str) -> list[str]:
    """Columns of the data table beneath a trend chart."""
    return ["Period", "Value (95% confidence interval)", f"{similar_label.capitalize()} average", "England and Wales", "Status"]


INDICATOR_HEADER = ["Force", "Period", "Value (95% confidence interval)", "Compared with England and Wales", "Funnel plot"]


def up(path: str) -> str:
    """The relative prefix from a page to the docs root."""
    return "../" * path.count("/")


def _value_text(row: dict[str, Any] | pd.Series, meta: Indicator) -> str:
    """A value with its interval, or its GSS symbol."""
    return wording.with_interval(row["value"], row.get("lower_95"), row.get("upper_95"), meta, row.get("value_symbol", ""))


NOT_JUDGED = {"census": "it is a full count, not an estimate", "not-comparable": "forces' figures do not compare",
              "non-resident": "far more people are here by day than live here"}


def _finding(meta: Indicator, area: AreaResult, name: str, link: str, similar_label: str = "similar forces") -> dict[str, str] | None:
    """One line for one indicator on the force page, from the judgement made in compute (judge.py): both comparisons,
    the trend and any unusual change together, dated; ``kind`` good, bad, mixed (good and bad), older, other or
    None (nothing clear to say)."""
    latest = area.latest
    if latest is None or area.status == "no-figure":
        return None
    title = wording.md(meta.title)
    when = wording.period(latest["period_start"], latest["period_end"])
    if area.status == "older":
        return {"kind": "older", "text": f"{title}: the latest figure is for {when}.", "link": link}
    if area.status in NOT_JUDGED:
        return {"kind": "other", "text": f"{title}, {when}: not judged, as {NOT_JUDGED[area.status]}.", "link": link}
    parts, changes, signs = [], [], []  # comparisons; changes over time (each its own sentence); better/worse signs
    clear = [(bench.get("category"), label, bench.get("judgement"))
             for bench, label in ((area.vs_national, "England and Wales"), (area.vs_similar, similar_label))
             if bench.get("category") in ("higher", "lower")]
    if len(clear) == 2 and clear[0][0] == clear[1][0]:  # the same way against both: one phrase
        clear = [(clear[0][0], f"{clear[0][1]} and {clear[1][1]}", clear[0][2]), (None, None, clear[1][2])]
    for cat, label, judgement in clear:
        if cat:
            parts.append(f"clearly {cat} than {label}")
        signs.append(judgement)
    if area.spc_judgement:
        changes.append(f"The latest month is an unusual {'rise' if area.spc_latest == 'unusual-rise' else 'fall'}.")
        signs.append(area.spc_judgement)
    if area.trend.get("judgement"):
        first, last = area.trend["first_period_end"], area.trend["last_period_end"]
        changes.append(f"It went {'up' if area.trend['direction'] == 'increasing' else 'down'} between {first.year} and {last.year}.")
        signs.append(area.trend["judgement"])
    if not parts and not changes:
        return None
    good, bad = "better" in signs, "worse" in signs
    kind = "mixed" if good and bad else "good" if good else "bad" if bad else "neutral"
    head = f"{title}, {when}: " + (" and ".join(parts) + "." if parts else "")
    text = " ".join([head.strip()] + changes) if parts else f"{title}, {when}. " + " ".join(changes)
    if kind == "mixed":
        text += " Some of this is better and some is worse."
    return {"kind": kind, "text": text, "link": link}


def _summary(meta: Indicator, area: AreaResult, area_name: str, similar_source: str,
             similar_label: str = "similar forces") -> list[str]:
    """Short plain sentences about one indicator in one area: one point per list item (1 or 2 sentences each)."""
    latest = area.latest
    if latest is None:
        return ["There is no published figure for this area."]
    when = wording.in_period(latest["period_start"], latest["period_end"])
    symbol = latest.get("value_symbol", "")
    if symbol:
        return [f"The figure {when} is {symbol}: {wording.symbol_meaning(symbol) or 'not published'}."]
    out = [f"{when[0].upper()}{when[1:]} the figure was {wording.value(latest['value'], meta)}."]
    if isinstance(latest.get("note"), str) and latest["note"].strip():  # the data's own note on this figure, as said
        out.append(f"This figure has a note. {wording.md(latest['note'].strip())}")
    span = wording.interval(latest.get("lower_95"), latest.get("upper_95"), meta)
    if span:
        low, high = span.split(" to ")
        out.append(f"It is likely to be between {low} and {high}. This is the 95% confidence interval.")
    if area.reason:
        out.append(wording.md(area.reason))  # may be the catalogue's comparability_note
    if (area.change or {}).get("per_resident") and not wording.is_missing(latest.get("numerator")):
        out.append(_counts(latest, area.change))
    for bench, name in ((area.vs_national, "England and Wales"), (area.vs_similar, similar_label)):
        if bench.get("benchmark") is None and bench.get("category") == "not-compared":
            if bench.get("reason"):  # no national figure: say why
                out.append(bench["reason"])
            continue
        if meta.measure == "value" and name != "England and Wales":
            continue
        text = wording.comparison(bench, area.status, meta, name, latest["value"])
        meaning = wording.verdict(bench, meta.polarity)
        out.append(f"{text} {meaning}" if meaning else text)
    if not (area.change or {}).get("per_resident") and wording.change(area.change, meta):
        out.append(wording.change(area.change, meta))
    if area.spc_latest:
        out.append(wording.SPC_WORDS[area.spc_latest])
    if wording.phases(area.phases):
        out.append(wording.phases(area.phases))
    if wording.trend(area.trend):
        out.append(wording.trend(area.trend))
    return out


def _counts(latest: dict[str, Any], change: dict[str, Any] | None) -> str:
    """The count behind a rate, and its change from a year before: for areas where a rate per resident misleads."""
    text = f"The count itself was {wording.count(latest['numerator'])}"
    prev = (change or {}).get("previous") or {}
    if not wording.is_missing(prev.get("numerator")):
        diff = float(latest["numerator"]) - float(prev["numerator"])
        when = wording.in_period(prev["period_start"], prev["period_end"])
        text += (f", {wording.count(abs(diff))} {'more' if diff > 0 else 'fewer'} than {when}" if diff
                 else f", the same as {when}")
    return text + "."


def _table_verdict(area: AreaResult) -> str:
    """The comparison with England and Wales in a table cell: "clearly higher", "similar", or why not judged."""
    if area.status in NOT_JUDGED or area.status == "older":
        return "not judged"
    return wording.COMPARE_WORDS.get(area.vs_national.get("category"), "not compared").replace(" than", "").replace(" to", "")


def _table_rows(series: pd.DataFrame, nat: dict[str, float], sim: dict[str, float], meta: Indicator) -> list[list[str]]:
    """Rows of the data table beneath a chart (``nat`` and ``sim``: England and Wales and similar forces by period)."""
    columns = {name: series[name].tolist() for name in ("period_start", "period_end", "period", "value", "lower_95", "upper_95")}
    for name in ("value_symbol", "status"):
        columns[name] = series[name].tolist() if name in series else [""] * len(series)
    fmt, text = wording.formatter(meta, with_unit=False), wording.formatted_with_interval
    period, nan = wording.period, np.nan
    rows = []
    for start, end, key, x, lower, upper, symbol, status in zip(*columns.values()):
        rows.append([period(start, end), text(fmt, x, lower, upper, symbol), fmt(sim.get(key, nan)), fmt(nat.get(key, nan)),
                     status or ""])
    return rows


_ISO: dict[Any, str] = {}  # date -> "2018-03-31": the same few period dates recur on every area's charts


def _iso_dates(dates: pd.Series) -> list[str]:
    """Each date as f"{date:%Y-%m-%d}", each distinct date formatted once."""
    if len(_ISO) > 100_000:
        _ISO.clear()
    out = []
    for t in dates:
        text = _ISO.get(t)
        if text is None:
            text = _ISO[t] = f"{t:%Y-%m-%d}"
        out.append(text)
    return out


def _chart_table(series: pd.DataFrame, nat: dict[str, float], sim: dict[str, float], area_code: str, area_name: str) -> dict[str, Any]:
    """The CSV behind a trend chart, as columns (float arrays and lists of text) for csvout."""
    n, periods = len(series), series["period"].tolist()
    floats = lambda name: np.asarray(series[name], dtype=float)  # noqa: E731
    table: dict[str, Any] = {
        "area_code": [area_code] * n, "area_name": [area_name] * n,
        "period_start": _iso_dates(series["period_start"]), "period_end": _iso_dates(series["period_end"]),
        "value": floats("value"), "lower_95": floats("lower_95"), "upper_95": floats("upper_95"),
        "similar_forces_average": np.array([sim.get(p, np.nan) for p in periods], dtype=float),
        "england_and_wales": np.array([nat.get(p, np.nan) for p in periods], dtype=float),
        "status": series["status"].tolist() if "status" in series else [""] * n,
    }
    for name in ("centre", "lower_limit", "upper_limit"):
        if name in series:
            table[name] = floats(name)
    if "signal" in series:
        table["signal"] = series["signal"].tolist()
    table["value_symbol"] = series["value_symbol"].tolist() if "value_symbol" in series else [""] * n
    return table


def _by_area(similar: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Similar-forces averages by area, then by period."""
    out: dict[str, dict[str, float]] = {}
    if len(similar):
        for code, period, value in zip(similar["area_code"], similar["period"], similar["similar_value"]):
            out.setdefault(code, {})[period] = value
    return out


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
        self.names = dict(zip(data.areas["area_code"], data.areas["name"]))
        self.site = Site()
        sources = data.similar.get("source", pd.Series(dtype=str))
        self.similar_source = str(sources.iloc[0]).strip().rstrip(".") if len(sources) else ""
        self.domains = [r.to_dict() for _, r in data.domains.iterrows()]
        self.national = {iid: charts.by_period(r.national, "value") for iid, r in results.items()}
        self.similar = {iid: _by_area(r.similar) for iid, r in results.items()}
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
                line = _finding(result.meta, area_result, name, anchor, self.settings.similar_label)
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
                "items": items, "missing": missing, "similar_source": wording.md(self.similar_source), "narrative": narrative}))
        similar = sorted(self.names.get(c, c) for c in self.similar_areas.get(code, []))
        made.append(Page(index, "force.md.j2", {
            "root": up(index), **self.dates, "force": wording.md(name), "code": code,
            "region": wording.md(area.get("region", "")), "domains": domains,
            "similar": [wording.md(s) for s in similar], "similar_source": wording.md(self.similar_source),
            "area_label": self.settings.area_label, "similar_label": self.settings.similar_label, "single": single,
            "places": [wording.md(p) for p in self.places.get(code, [])], "key": overview.key_html()}))
        return made

    def _indicator_item(self, path: str, code: str, name: str, iid: str, result: IndicatorResult, area: AreaResult) -> dict[str, Any]:
        """One indicator on a force's domain page: summary, chart, table, downloads."""
        meta = result.meta
        series = area.series if area.series is not None else {}
        nat, similar = self.national[iid], self.similar[iid].get(code, {})
        chart_id = f"{self.data.areas.loc[code, 'slug']}--{iid}"
        summary = _summary(meta, area, name, self.similar_source, self.settings.similar_label)
        chart = None
        drawable = len(series) > 0 and bool(np.isfinite(np.asarray(series["value"], dtype=float)).any())
        if drawable:
            figure = charts.trend(name, series, nat, similar, meta, result.breaks, self.settings.similar_label)
            figure, table = illustrative.chart(figure, _chart_table(series, nat, similar, code, name), meta)
            starts, ends = np.asarray(series["period_start"]), np.asarray(series["period_end"])
            period = {"first": wording.period(starts[0], ends[0]), "last": wording.period(starts[-1], ends[-1])}
            self._add_chart(Chart(chart_id, figure, table, chart_meta(
                meta, list(table), period, str(name), self.address(f"{path}#{iid}"), self.dates["figures_up_to"],
                result.breaks, self.settings.similar_label)))
            chart = {"src": f"charts/{chart_id}.json", "id": chart_id, "label": wording.attr(f"Chart of {meta.title} in {name} over time. " + " ".join(summary[:2]))}
        return {"id": iid, "title": wording.md(meta.title), "summary": summary, "chart": chart,
                "no_chart": "" if drawable else f"There is no chart, as no figures are published for {wording.md(name)}.",
                "definition": wording.md(meta.definition), "unit": wording.md(meta.unit),
                "source": wording.md(meta.source), "caveats": wording.md(meta.caveats),
                "breaks": [{"date": wording.long_date(b["date"]), "text": wording.md(b["description"])} for b in result.breaks],
                "table": datatables.table(trend_header(self.settings.similar_label), _table_rows(series, nat, similar, meta), f"Data table: {meta.title}",
                                         anchor=f"data-{chart_id}")
                if len(series) else "",
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
                         wording.period(a.latest["period_start"], a.latest["period_end"]), _value_text(a.latest, meta),
                         _table_verdict(a),
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
