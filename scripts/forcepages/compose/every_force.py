"""Pages about every force at once: each indicator across the forces (funnel plot, map, table), each area of
policing's grid, the home page, the lists of forces and indicators, and the glossary (in the language being written)."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from forcepages import wording
from forcepages.compose import charts, datatables, maps, overview
from forcepages.compose.chart_meta import chart_meta
from forcepages.compose.findings import indicator_header, table_verdict, value_text
from forcepages.compose.language_tree import site_name
from forcepages.compose.links import up
from forcepages.compose.page_models import Chart, Page
from forcepages.compose.pages import Composer
from forcepages.compute import judge
from forcepages.language import N_, _, current
from forcepages.validate import illustrative


FUNNEL_WORDS = {"within": N_("within"), "above": N_("above"), "below": N_("below")}
NOT_SHOWN = N_("not shown")  # a force the funnel plot leaves out
# the sentence under a funnel plot, by whether each count (within, above, below) is 1: whole sentences, as English
# changes its verb with each count and Welsh word order differs
FUNNEL_COUNTS = {
    (True, True, True): N_("Of %(count)s forces, %(within)s is within the expected variation, %(above)s is above it "
                        "and %(below)s is below it (95%% limits)."),
    (True, True, False): N_("Of %(count)s forces, %(within)s is within the expected variation, %(above)s is above it "
                        "and %(below)s are below it (95%% limits)."),
    (True, False, True): N_("Of %(count)s forces, %(within)s is within the expected variation, %(above)s are above it "
                        "and %(below)s is below it (95%% limits)."),
    (True, False, False): N_("Of %(count)s forces, %(within)s is within the expected variation, %(above)s are above it "
                        "and %(below)s are below it (95%% limits)."),
    (False, True, True): N_("Of %(count)s forces, %(within)s are within the expected variation, %(above)s is above it "
                        "and %(below)s is below it (95%% limits)."),
    (False, True, False): N_("Of %(count)s forces, %(within)s are within the expected variation, %(above)s is above it "
                        "and %(below)s are below it (95%% limits)."),
    (False, False, True): N_("Of %(count)s forces, %(within)s are within the expected variation, %(above)s are above it "
                        "and %(below)s is below it (95%% limits)."),
    (False, False, False): N_("Of %(count)s forces, %(within)s are within the expected variation, %(above)s are above it "
                        "and %(below)s are below it (95%% limits)."),
}


def funnel_counts(counts: dict[str, int]) -> str:
    """How many forces are within, above and below a funnel plot's 95% limits, as one sentence."""
    within, above, below = (counts.get(k, 0) for k in ("within", "above", "below"))
    message = FUNNEL_COUNTS[(within == 1, above == 1, below == 1)]
    return _(message) % {"count": within + above + below, "within": within, "above": above, "below": below}


def pages(composer: Composer) -> list[Page]:
    """Every page but the areas' that the composer makes: indicators, domains, then the common pages."""
    return ([indicator_page(composer, iid) for iid in composer.results] + [domain_page(composer, domain) for domain in composer.domains]
            + common_pages(composer))


def indicator_page(composer: Composer, iid: str) -> Page:
    """All forces together, in alphabetical order, with the funnel plot; never put in order of value."""
    result = composer.results[iid]
    meta = result.meta
    path = f"indicators/{iid}.md"
    rows, counts = [], {"within": 0, "above": 0, "below": 0}
    for area in composer.area_records:
        a = result.areas.get(area["area_code"])
        if a is None or a.latest is None:
            continue
        counts[a.funnel] = counts.get(a.funnel, 0) + 1
        rows.append([datatables.Link(area["name"], "../" + composer.area_link(area["slug"], meta.domain_id, iid)),
                     wording.period(a.latest["period_start"], a.latest["period_end"]), value_text(a.latest, meta),
                     table_verdict(a),
                     _(FUNNEL_WORDS.get(a.funnel, NOT_SHOWN))])
    chart = None
    if result.funnel:
        chart_id = f"funnel--{iid}"
        figure = charts.funnel(meta.title, result.funnel, composer.names, meta)
        table = pd.DataFrame({"area_code": result.funnel["codes"], "area_name": [composer.names.get(code, code) for code in result.funnel["codes"]],
                              "denominator": result.funnel["denominators"], "value": result.funnel["values"],
                              "position": result.funnel["positions"]}).sort_values("area_name")
        figure, table = illustrative.chart(figure, table, meta)
        composer.add_chart(Chart(chart_id, figure, table, chart_meta(
            meta, list(table.columns), {"first": wording.period(*result.latest_period), "last": wording.period(*result.latest_period)},
            _("every force"), composer.address(path), composer.dates["figures_up_to"], result.breaks)))
        chart = {"src": f"charts/{chart_id}.json", "id": chart_id, "csv": f"charts/{chart_id}.csv",
                 "adjusted": result.funnel["adjusted"], "phi": wording.number(result.funnel["phi"], 0 if result.funnel["phi"] >= 10 else 1)
                 if result.funnel["adjusted"] else "", "count": sum(counts.get(k, 0) for k in ("within", "above", "below")),
                 "label": wording.attr(_("Funnel plot of %(title)s: each force's value against its size, with limits around "
                                         "England and Wales.") % {"title": meta.title})}
    start, end = result.latest_period if result.latest_period else (None, None)
    domain = next((d for d in composer.domains if d["domain_id"] == meta.domain_id), {"title": meta.domain_id})
    statuses = [a.status for a in result.areas.values() if a.status not in ("judged", "no-figure")]
    common = max(set(statuses), key=statuses.count) if statuses else None
    not_judged = judge.reason(common, meta, composer.settings.freshness_years) if common and common != "non-resident" else ""
    the_map = composer.indicator_map(iid, result)
    return Page(path, "indicator.md.j2", {
        "map": the_map,
        "root": up(path), "id": iid, **composer.dates, "not_judged": wording.md(not_judged),
        "census": bool(meta.census), "comparable": bool(meta.comparable), "title": wording.md(meta.title), "definition": wording.md(meta.definition),
        "unit": wording.md(meta.unit), "source": wording.md(meta.source), "caveats": wording.md(meta.caveats),
        "measure": meta.measure, "polarity": meta.polarity, "domain": wording.md(domain["title"]), "domain_id": meta.domain_id,
        "period": wording.period(start, end) if start is not None else "", "rows": len(rows), "counts": counts, "chart": chart,
        "funnel_counts": funnel_counts(counts) if chart else "",
        "table": datatables.table(indicator_header(), rows, _("Data table: %(title)s in every force") % {"title": meta.title},
                                  anchor=f"data-funnel--{iid}"),
        "breaks": [{"date": wording.long_date(b["date"]), "text": wording.md(current().data(b["description"]))} for b in result.breaks],
        "package": wording.md(meta.source_package), "similar_source": wording.md(composer.similar_source)})


def domain_page(composer: Composer, domain: dict[str, Any]) -> Page:
    """What a domain covers and its indicators."""
    path = f"domains/{domain['domain_id']}.md"
    items = [{"id": i, "title": wording.md(composer.results[i].meta.title), "definition": wording.md(composer.results[i].meta.definition)}
             for i in composer.indicators_in(domain["domain_id"])]
    return Page(path, "domain.md.j2", {"root": up(path), **composer.dates, "title": wording.md(domain["title"]),
                                                       "description": wording.md(domain["description"]), "items": items,
                                                       "grid": _grid(composer, domain), "key": overview.key_html()})


def _grid(composer: Composer, domain: dict[str, Any]) -> str:
    """Every force (alphabetical) against every indicator of a domain: verdict symbol and value."""
    ids = [i for i in composer.indicators_in(domain["domain_id"]) if composer.results[i].latest_period]
    return overview.domain_grid({i: composer.results[i] for i in ids}, composer.area_records, domain["title"]) if ids else ""


def common_pages(composer: Composer) -> list[Page]:
    """Home, lists of forces and indicators, methodology and glossary."""
    forces = [{"name": wording.md(a["name"]), "slug": a["slug"], "region": wording.md(a.get("region", ""))}
              for a in composer.area_records]
    latest = []
    for iid, r in composer.results.items():
        if r.latest_period:
            latest.append({"id": iid, "title": wording.md(r.meta.title), "period": wording.period(*r.latest_period)})
    domains = [{"id": d["domain_id"], "title": wording.md(d["title"]), "description": wording.md(d["description"]),
                "items": [{"id": i, "title": wording.md(composer.results[i].meta.title)} for i in composer.indicators_in(d["domain_id"])]}
               for d in composer.domains]
    shapes = composer.shapes()
    the_map = maps.svg([{**shapes[a["area_code"]], "href": f"forces/{a['slug']}/index.html"} for a in composer.area_records
                        if a["area_code"] in shapes], _("Map of the police force areas. Each area links to its force's page."))
    forces_html = "".join(f'<li><a href="forces/{a["slug"]}/index.html">{html.escape(str(a["name"]), quote=False)}</a></li>'
                          for a in composer.area_records)
    common = {"root": "", **composer.dates, "map": the_map, "forces_html": forces_html, "site_name": wording.md(site_name(composer.settings)), "publisher": wording.md(composer.settings.publisher),
              "forces": forces, "latest": latest, "domains": domains, "area_label": composer.area_label,
              "similar_source": wording.md(composer.similar_source), "contact": wording.attr(composer.settings.contact_email)}
    return [Page("index.md", "home.md.j2", common),
            Page("forces/index.md", "forces.md.j2", {**common, "root": "../"}),
            Page("indicators/index.md", "indicators.md.j2", {**common, "root": "../"}),
            Page("glossary.md", "glossary.md.j2", common)]
