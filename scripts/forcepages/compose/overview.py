"""Overview tables: a force's figures for one area of policing at a glance, and every force beside every indicator.

Every verdict here is read from the judgement made in compute (``AreaResult.status``, ``vs_national``,
``vs_similar``, see judge.py); nothing is decided again. A verdict is always a symbol and words, never colour alone.
Both tables are finished HTML (escaped text only), written into the Markdown as raw HTML blocks by ``datatables.block``.
"""

from __future__ import annotations

import html
from typing import Any

from forcepages import wording
from forcepages.compute.result_types import AreaResult
from forcepages.indicator import Indicator
from forcepages.language import N_, _

# symbol and word for each comparison category (stats.judgement's categories)
SYMBOLS = {"higher": "▲", "lower": "▼", "similar": "●", "not-compared": "–", "not-judged": "○"}
WORDS = {"higher": N_("clearly higher"), "lower": N_("clearly lower"), "similar": N_("similar"),
         "not-compared": N_("not compared"), "not-judged": N_("not judged")}
JUDGED_WORDS = {("higher", "better"): N_("clearly higher, better"), ("higher", "worse"): N_("clearly higher, worse"),
                ("lower", "better"): N_("clearly lower, better"), ("lower", "worse"): N_("clearly lower, worse")}
SHORT_REASONS = {"census": N_("not judged: a full count"), "not-comparable": N_("not judged: forces count in different ways"),
                 "non-resident": N_("not judged: few people live here"), "older": N_("not judged: an older figure"),
                 "no-figure": N_("not judged: no figure")}
KEY = [("▲", WORDS["higher"]), ("▼", WORDS["lower"]), ("●", WORDS["similar"]), ("○", WORDS["not-judged"]),
       ("–", WORDS["not-compared"])]
# order of rows on the force page: the three questions (does well, needs to improve), then the rest
ORDER = {"good": 0, "bad": 1, "mixed": 2, "neutral": 2, None: 3, "other": 4, "older": 5}


def _e(text: Any) -> str:
    """Text (made by wording.md or generated) as escaped HTML text."""
    return html.escape(wording.html_text(str(text)), quote=False)


def category(area: AreaResult, bench: dict[str, Any]) -> str:
    """higher, lower, similar, not-compared, or not-judged (the status says the figure is not judged)."""
    if area.status != "judged":
        return "not-judged"
    cat = bench.get("category")
    return cat if cat in ("higher", "lower", "similar") else "not-compared"


def verdict(area: AreaResult, bench: dict[str, Any]) -> dict[str, str]:
    """Symbol, short words, and better or worse (where the judgement says so) for one comparison."""
    cat = category(area, bench)
    words = _(WORDS[cat])
    if cat in ("higher", "lower") and bench.get("judgement") in ("better", "worse"):
        words = _(JUDGED_WORDS[cat, bench["judgement"]])
    elif cat == "not-judged":
        words = _(SHORT_REASONS.get(area.status, N_("not judged: see the figure")))
    return {"category": cat, "symbol": SYMBOLS[cat], "words": words, "judgement": str(bench.get("judgement") or "")}


def _mark(v: dict[str, str], name: str) -> str:
    """A verdict as a symbol (hidden from screen readers, which read the words) and words."""
    return (f'<span class="fp-v fp-v--{v["category"]}"><span class="fp-v__sym" aria-hidden="true">{v["symbol"]}</span> '
            f'{_e(name)}: {_e(v["words"])}</span>')


def force_rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows in the order of the three questions, then catalogue order (``items``: see Composer.overview_item)."""
    return sorted(items, key=lambda r: ORDER.get(r["kind"], 3))


def force_table(rows: list[dict[str, Any]], domain_title: str, force: str, similar_label: str) -> str:
    """One area of policing on a force page: indicator, period, the force, England and Wales, similar forces, verdict."""
    head = [_("Figure"), _("Period"), force, _("England and Wales"),
            wording.average_name(similar_label), _("What it shows")]
    cells = []
    for r in rows:
        older = _("(older figure)")
        period = _e(r["period"]) + (f' <span class="fp-older">{_e(older)}</span>' if r["older"] else "")
        if r["vs_national"]["category"] == "not-judged":  # one reason, not one per comparison
            verdicts = (f'<span class="fp-v fp-v--not-judged"><span class="fp-v__sym" aria-hidden="true">{SYMBOLS["not-judged"]}</span> '
                        f'{_e(r["vs_national"]["words"].capitalize())}</span>')
        else:
            verdicts = _mark(r["vs_national"], _("England and Wales"))
        if r["vs_similar"] is not None and r["vs_national"]["category"] != "not-judged":
            verdicts += _mark(r["vs_similar"], similar_label[:1].upper() + similar_label[1:])
        values = [r["value"], r["national"], r["similar"]]
        tds = "".join(f'<td data-label="{html.escape(h, quote=True)}">{c}</td>'
                      for h, c in zip(head[1:], [period] + [_e(v) for v in values] + [verdicts]))
        cells.append(f'<tr><th scope="row"><a href="{html.escape(r["href"], quote=True)}">{_e(r["title"])}</a>'
                     f'<span class="fp-unit">{_e(r["unit"])}</span></th>{tds}</tr>')
    caption = _e(_("%(domain)s in %(force)s: the latest figures") % {"domain": domain_title, "force": force})
    header = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    return (f'<table class="fp-overview">\n<caption>{caption}</caption>\n<thead><tr>{header}</tr></thead>\n'
            f'<tbody>\n' + "\n".join(cells) + "\n</tbody>\n</table>")


def key_html() -> str:
    """What the symbols mean."""
    parts = "".join(f'<li><span aria-hidden="true">{s}</span> {_e(_(w))}</li>' for s, w in KEY)
    label = _("What the symbols mean")
    return f'<ul class="fp-key" aria-label="{html.escape(label, quote=True)}">{parts}</ul>'


def grid_table(columns: list[dict[str, str]], rows: list[dict[str, Any]], caption: str) -> str:
    """Every force (alphabetical, never by value) against every indicator: the verdict against England and Wales
    as a symbol with hidden words, and the value. ``columns``: title, period, href; ``rows``: name, href, cells."""
    head = "".join(f'<th scope="col"><a href="{html.escape(c["href"], quote=True)}">{_e(c["title"])}</a>'
                   f'<span class="fp-grid__period">{_e(c["period"])}</span></th>' for c in columns)
    body, no_figure, force = [], _("no figure"), _("Force")
    for r in rows:
        tds = []
        for cell in r["cells"]:
            if cell is None:
                tds.append(f'<td><span class="fp-sr">{_e(no_figure)}</span></td>')
                continue
            v = cell["verdict"]
            tds.append(f'<td class="fp-v--{v["category"]}"><span aria-hidden="true">{v["symbol"]}</span>'
                       f'<span class="fp-sr">{_e(v["words"])}, </span> {_e(cell["value"])}</td>')
        body.append(f'<tr><th scope="row"><a href="{html.escape(r["href"], quote=True)}">{_e(r["name"])}</a></th>{"".join(tds)}</tr>')
    return (f'<div class="fp-grid" role="region" aria-label="{html.escape(caption, quote=True)}" tabindex="0">\n'
            f'<table class="fp-grid__table">\n<caption>{_e(caption)}</caption>\n<thead><tr><th scope="col">{_e(force)}</th>{head}</tr></thead>\n'
            f'<tbody>\n' + "\n".join(body) + "\n</tbody>\n</table>\n</div>")


def href(md_path: str) -> str:
    """A link to a generated page (x.md, x.md#id) as the built page's address (x.html): use_directory_urls is off."""
    path, sep, anchor = md_path.partition("#")
    return (path[:-3] + ".html" if path.endswith(".md") else path) + sep + anchor


def _value(row: dict[str, Any] | None, meta: Indicator) -> str:
    if row is None:
        return _("no figure")
    symbol = row.get("value_symbol", "") or ""
    if symbol:
        meaning = wording.symbol_meaning(symbol) or _("not published")
        return f"{symbol} ({meaning})"
    return _number(row["value"], meta)


def _number(x: Any, meta: Indicator) -> str:
    """A figure without its unit (the unit is shown once, under the title); "no figure" when missing."""
    return _("no figure") if wording.is_missing(x) else wording.formatter(meta, with_unit=False)(x)


def row(meta: Indicator, area: AreaResult, national: dict[str, float], similar: dict[str, float], link: str,
        kind: str | None, similar_label: str) -> dict[str, Any] | None:
    """One indicator's row on the force page (None when the force has no figure for it)."""
    latest = area.latest
    if latest is None or area.status == "no-figure":
        return None
    key = latest.get("period")
    show_similar = meta.measure != "value" and not (area.vs_similar.get("benchmark") is None
                                                        and area.vs_similar.get("category") == "not-compared")
    return {"title": meta.title, "href": href(link), "kind": kind, "older": area.status == "older",
            "period": wording.period(latest["period_start"], latest["period_end"]), "value": _value(latest, meta),
            "national": _number(national.get(key), meta), "similar": _number(similar.get(key), meta),
            "unit": meta.unit,
            "vs_national": verdict(area, area.vs_national),
            "vs_similar": verdict(area, area.vs_similar) if show_similar else None}


def grid_cell(meta: Indicator, area: AreaResult | None) -> dict[str, Any] | None:
    """One force's verdict against England and Wales and its value, for the overview grid."""
    if area is None or area.latest is None or area.status == "no-figure":
        return None
    return {"verdict": verdict(area, area.vs_national), "value": _value(area.latest, meta)}


def domain_grid(results: dict[str, Any], areas: list[dict[str, Any]], domain_title: str) -> str:
    """The grid for one area of policing: ``results`` (indicator id -> IndicatorResult, each with a latest period)
    in catalogue order as columns, ``areas`` (in alphabetical order) as rows."""
    columns = [{"title": r.meta.title, "period": wording.period(*r.latest_period), "href": f"../indicators/{i}.html"}
               for i, r in results.items()]
    rows = [{"name": a["name"], "href": f"../forces/{a['slug']}/index.html",
             "cells": [grid_cell(r.meta, r.areas.get(a["area_code"])) for r in results.values()]} for a in areas]
    return grid_table(columns, rows, _("%(domain)s: every force, in alphabetical order") % {"domain": domain_title})
