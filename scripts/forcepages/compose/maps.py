"""The map of police force areas: inline SVG made at build time from the reference package's outlines
(``area_shapes``, simplified by the importer), each area a keyboard-focusable link with an accessible name.

On an indicator page each area is also filled by its verdict against England and Wales (read from the judgement,
see overview.verdict), with a pattern as well as a colour so that colour is never the only sign. No script.
"""

from __future__ import annotations

import html
import re
from typing import Any

from forcepages.compose import overview
from forcepages.language import N_, _

_NUMBERS = re.compile(r"-?\d+(?:\.\d+)?")

# fill for each verdict category: a colour and a pattern (see PATTERNS), never colour alone
FILLS = {"higher": "url(#fp-p-higher)", "lower": "url(#fp-p-lower)", "similar": "#d2e2f1",
         "not-judged": "url(#fp-p-not-judged)", "not-compared": "#ffffff", "none": "#ffffff"}
LEGEND = [("higher", N_("Clearly higher than England and Wales (stripes)")),
          ("lower", N_("Clearly lower than England and Wales (dots)")),
          ("similar", N_("Similar to England and Wales (plain blue)")),
          ("not-judged", N_("Not judged (cross-hatch)")),
          ("none", N_("No figure or not compared (white)"))]
PATTERNS = ('<defs>'
            '<pattern id="fp-p-higher" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="6" height="6" fill="#f9c9ae"/><rect width="2.5" height="6" fill="#a8460f"/></pattern>'
            '<pattern id="fp-p-lower" width="5" height="5" patternUnits="userSpaceOnUse">'
            '<rect width="5" height="5" fill="#12436d"/><circle cx="2.5" cy="2.5" r="1.2" fill="#ffffff"/></pattern>'
            '<pattern id="fp-p-not-judged" width="6" height="6" patternUnits="userSpaceOnUse">'
            '<rect width="6" height="6" fill="#f3f2f1"/><path d="M0 0L6 6M6 0L0 6" stroke="#505a5f" stroke-width="0.8"/></pattern>'
            '</defs>')


def size(paths: list[str]) -> tuple[int, int]:
    """Width and height of the box holding every outline (the paths start at 0, 0)."""
    xs, ys = [], []
    for d in paths:
        nums = [int(float(n)) for n in _NUMBERS.findall(d)]
        xs += nums[0::2]
        ys += nums[1::2]
    return (max(xs) + 1, max(ys) + 1) if xs else (0, 0)


def svg(areas: list[dict[str, Any]], label: str, fills: dict[str, str] | None = None) -> str:
    """The map: ``areas`` with code, name, href, svg_path and, on an indicator page, ``words`` (the verdict in words).
    ``fills`` gives each area's verdict category (FILLS' keys); without it every area is plain."""
    shown = [a for a in areas if a.get("svg_path")]
    if not shown:
        return ""
    width, height = size([a["svg_path"] for a in shown])
    parts = [f'<svg class="fp-map__svg" viewBox="0 0 {width} {height}" role="group" aria-label="{html.escape(label, quote=True)}" '
             f'xmlns="http://www.w3.org/2000/svg">']
    if fills is not None:
        parts.append(PATTERNS)
    for a in shown:
        name = a["name"] + (f": {a['words']}" if a.get("words") else "")
        style = f' style="fill:{FILLS[fills.get(a["code"], "none")]}"' if fills is not None else ""
        parts.append(f'<a href="{html.escape(a["href"], quote=True)}" aria-label="{html.escape(name, quote=True)}">'
                     f'<title>{html.escape(name, quote=False)}</title><path d="{a["svg_path"]}"{style}/></a>')
    parts.append("</svg>")
    return "".join(parts)


def legend() -> str:
    """What each fill on an indicator map means, each with a swatch drawn the same way (the map defines the patterns)."""
    items = []
    for key, words in LEGEND:
        items.append('<li><svg width="22" height="16" aria-hidden="true" focusable="false">'
                     f'<rect x="1" y="1" width="20" height="14" style="fill:{FILLS[key]}" stroke="#0b0c0c"/></svg> {html.escape(_(words), quote=False)}</li>')
    return '<ul class="fp-map__legend">' + "".join(items) + "</ul>"


def verdict_map(result: Any, areas: list[dict[str, Any]], shapes: dict[str, dict[str, str]], links: dict[str, str]) -> str:
    """An indicator's map: each area filled by its verdict against England and Wales (read from the judgement by
    overview.verdict), linked to its figures (``links``: area code -> .md path relative to the page); and the legend."""
    places, fills = [], {}
    for a in areas:
        code, area = a["area_code"], result.areas.get(a["area_code"])
        if code not in shapes:
            continue
        v = overview.verdict(area, area.vs_national) if area is not None and area.latest is not None else None
        fills[code] = v["category"] if v else "none"
        places.append({**shapes[code], "words": v["words"] if v else _("no figure"), "href": overview.href(links[code])})
    the_map = svg(places, _("Map: %(title)s, each force compared with England and Wales") % {"title": result.meta.title}, fills)
    return the_map + legend() if the_map else ""
