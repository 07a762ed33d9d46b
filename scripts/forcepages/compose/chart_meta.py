"""What a chart's CSV holds, written beside it as ``<chart>.meta.json`` so that the CSV can be used on its own:
title, area, unit, definition, source, first and last period, "figures up to" date, caveats, series breaks, the
page's address and the meaning of each column."""

from __future__ import annotations

from typing import Any

from forcepages.indicator import Indicator


CHART_COLUMNS = {
    "area_code": "ONS code of the force area", "area_name": "Name of the force area",
    "period_start": "First day of the period (YYYY-MM-DD)", "period_end": "Last day of the period (YYYY-MM-DD)",
    "value": "The force's figure, in the unit given", "lower_95": "Lower end of the 95% confidence interval",
    "upper_95": "Upper end of the 95% confidence interval",
    "england_and_wales": "England and Wales", "status": "[p] provisional, [r] revised, empty if final",
    "centre": "SPC centre line (mean)", "lower_limit": "SPC lower process limit", "upper_limit": "SPC upper process limit",
    "signal": "SPC rule that flags an unusual change, if any", "value_symbol": "Why a value is missing ([c], [x], [z], [low], [u])",
    "denominator": "People or cases the figure is out of", "position": "Position on the funnel plot against the 95% limits",
}


def chart_meta(meta: Indicator, columns: list[str], period: dict[str, str], area: str, page: str, figures_up_to: str,
               breaks: list[dict[str, Any]], similar_label: str = "similar forces") -> dict[str, Any]:
    """What a chart's CSV holds, for a reader who has only the file: title, unit, source, period, caveats, columns."""
    return {"title": str(meta.title), "area": area, "unit": str(meta.unit), "definition": str(meta.definition),
            "source": str(meta.source or ""), "source_package": str(meta.source_package or ""),
            "period": period, "figures_up_to": figures_up_to, "caveats": str(meta.caveats or ""),
            "series_breaks": [{"date": f"{b['date']:%Y-%m-%d}", "description": str(b["description"])} for b in breaks
                              if b.get("kind", "definition") != "phase"],
            "page": page, "columns": [{"name": c, "description": f"Average of the {similar_label}" if c == "similar_forces_average"
                         else CHART_COLUMNS.get(c, "")} for c in columns],
            "note": "The figures show how things are. They are not goals to meet. Forces are listed by name, never in order of their figures."}
