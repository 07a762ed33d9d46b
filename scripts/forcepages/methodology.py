"""The methodology and API pages, made from the same definitions the statistics code uses."""

from __future__ import annotations

from . import stats, wording
from .compute import IndicatorResult
from .config import Settings
from .pages import Page

MEASURE_WORDS = {"rate": "Rates", "proportion": "Percentages", "survey": "Survey estimates", "value": "Plain values"}


def methodology_page(settings: Settings, similar_source: str) -> Page:
    """Every method, its levels and rules, from stats.methods."""
    spc = stats.SPCSettings(run_length=settings.spc_run_length, two_of_three_version=settings.spc_two_of_three_version)
    methods = stats.build_methods(spc)
    by_measure = [{"measure": MEASURE_WORDS[m], "methods": [methods[i].name for i in stats.methods_for_measure(m)]}
                  for m in ("rate", "proportion", "survey", "value")]
    return Page("methodology.md", "methodology.md.j2", {
        "root": "", "methods": [m.as_dict() for m in methods.values()], "z95": stats.Z95, "z998": stats.Z998,
        "run_length": spc.run_length, "min_points": spc.min_points,
        "version_words": "the November 2023 version" if spc.two_of_three_version == "2023" else "the version from before November 2023",
        "rules": [text for _, text in stats.spc_rules(spc)], "by_measure": by_measure,
        "similar_convention": stats.SIMILAR_AVERAGE_CONVENTION, "similar_source": wording.md(similar_source)})


def api_page(results: dict[str, IndicatorResult]) -> Page:
    """How to use the JSON API."""
    items = [{"id": i, "title": wording.md(r.meta["title"])} for i, r in results.items()]
    return Page("api.md", "api.md.j2", {"root": "", "items": items})
