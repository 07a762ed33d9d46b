"""What a chart's CSV holds, written beside it as ``<chart>.meta.json`` so that the CSV can be used on its own:
title, area, unit, definition, source, first and last period, "figures up to" date, caveats, series breaks, the
page's address and the meaning of each column."""

from __future__ import annotations

from typing import Any

from forcepages.indicator import Indicator
from forcepages.language import N_, _, current


CHART_COLUMNS = {  # each a %-format (95%% is 95%)
    "area_code": N_("ONS code of the force area"), "area_name": N_("Name of the force area"),
    "period_start": N_("First day of the period (YYYY-MM-DD)"), "period_end": N_("Last day of the period (YYYY-MM-DD)"),
    "value": N_("The force's figure, in the unit given"), "lower_95": N_("Lower end of the 95%% confidence interval"),
    "upper_95": N_("Upper end of the 95%% confidence interval"),
    "england_and_wales": N_("England and Wales"), "status": N_("[p] provisional, [r] revised, empty if final"),
    "centre": N_("SPC centre line (mean)"), "lower_limit": N_("SPC lower process limit"), "upper_limit": N_("SPC upper process limit"),
    "signal": N_("SPC rule that flags an unusual change, if any"),
    "value_symbol": N_("Why a value is missing ([c], [x], [z], [low], [u])"),
    "denominator": N_("People or cases the figure is out of"), "position": N_("Position on the funnel plot against the 95%% limits"),
}


def chart_meta(meta: Indicator, columns: list[str], period: dict[str, str], area: str, page: str, figures_up_to: str,
               breaks: list[dict[str, Any]], similar_label: str = "similar forces") -> dict[str, Any]:
    """What a chart's CSV holds, for a reader who has only the file: title, unit, source, period, caveats, columns."""
    return {"title": str(meta.title), "area": area, "unit": str(meta.unit), "definition": str(meta.definition),
            "source": str(meta.source or ""), "source_package": str(meta.source_package or ""),
            "period": period, "figures_up_to": figures_up_to, "caveats": str(meta.caveats or ""),
            "series_breaks": [{"date": f"{b['date']:%Y-%m-%d}", "description": current().data(str(b["description"]))} for b in breaks
                              if b.get("kind", "definition") != "phase"],
            "page": page,
            "columns": [{"name": c, "description": _("Average of the %(similar)s") % {"similar": similar_label}
                         if c == "similar_forces_average" else _(CHART_COLUMNS[c]) % {} if c in CHART_COLUMNS else ""} for c in columns],
            "note": _("The figures show how things are. They are not goals to meet. Forces are listed by name, never in order "
                      "of their figures.")}
