"""The methodology and API pages, made from the same definitions the statistics code uses."""

from __future__ import annotations

import pandas as pd

from forcepages.compute import stats
from forcepages import wording
from forcepages.compute.result_types import IndicatorResult
from forcepages.config import Settings
from forcepages.compose.page_models import Page
from forcepages.language import N_, _

MEASURE_WORDS = {"rate": N_("Rates"), "proportion": N_("Percentages"), "survey": N_("Survey estimates"),
                 "value": N_("Plain values")}
MEASURE_NAMES = {"rate": N_("rate"), "proportion": N_("proportion"), "survey": N_("survey"), "value": N_("value")}


def similar_method(similar: pd.DataFrame | None, inputs: pd.DataFrame | None, stability: pd.DataFrame | None,
                   areas: pd.DataFrame | None) -> dict:
    """What the reference package says about its similar forces: the year, the inputs, and how firm each group is."""
    out: dict = {"basis_years": [], "inputs": [], "stability": [], "left_out": [], "group_size": 0, "firm": 0}
    if similar is not None and len(similar):
        out["group_size"] = int(similar.groupby("area_code").size().max())
        if "basis_year" in similar.columns:
            out["basis_years"] = sorted({str(y).strip() for y in similar["basis_year"] if str(y).strip().isdigit()})
    records = [] if inputs is None else inputs.to_dict("records")
    text = lambda r, k: str(r.get(k, "") or "").strip()
    labels = {text(r, "variable"): text(r, "label") or text(r, "variable") for r in records}
    out["inputs"] = [{k: wording.md(text(r, k)) for k in ("description", "source", "years")} for r in records]
    if stability is not None and len(stability):
        names = {} if areas is None else dict(zip(areas["area_code"], areas["name"]))
        found = list(dict.fromkeys(stability["left_out"].str.strip()))
        left_out = [v for v in labels if v in found] + [v for v in found if v not in labels]
        table = stability.assign(n=pd.to_numeric(stability["members_changed"], errors="coerce"),
                                 v=stability["left_out"].str.strip())
        for code, rows in table.groupby("area_code", sort=False):
            by_var = dict(zip(rows["v"], rows["n"]))
            counts = [int(by_var[v]) if pd.notna(by_var.get(v)) else None for v in left_out]
            known = [c for c in counts if c is not None]
            out["stability"].append({"name": wording.md(str(names.get(code, code))), "counts": counts,
                                     "most": max(known) if known else None})
        out["stability"].sort(key=lambda r: r["name"])
        out["left_out"] = [wording.md(labels.get(v, v)).lower() for v in left_out]
        out["firm"] = sum(1 for r in out["stability"] if r["most"] is not None and r["most"] <= 2)
    return out


def methodology_page(settings: Settings, similar_source: str, similar: pd.DataFrame | None = None,
                     inputs: pd.DataFrame | None = None, stability: pd.DataFrame | None = None,
                     areas: pd.DataFrame | None = None, figures_up_to: str = "") -> Page:
    """Every method, its levels and rules, from stats.methods; the similar forces from the reference package."""
    spc = stats.SPCSettings(run_length=settings.spc_run_length, two_of_three_version=settings.spc_two_of_three_version)
    methods = stats.build_methods(spc)
    by_measure = [{"measure": _(MEASURE_WORDS[m]), "methods": [methods[i].name for i in stats.methods_for_measure(m)]}
                  for m in ("rate", "proportion", "survey", "value")]
    shown = [{**m.as_dict(), "applies_to": [_(MEASURE_NAMES[k]) if k in MEASURE_NAMES else k for k in m.applies_to]}
             for m in methods.values()]
    return Page("methodology.md", "methodology.md.j2", {
        "root": "", "methods": shown, "z95": stats.Z95, "z998": stats.Z998,
        "run_length": spc.run_length, "min_points": spc.min_points,
        "two_of_three_2023": spc.two_of_three_version == "2023",
        "rules": [text for _rule, text in stats.spc_rules(spc)], "by_measure": by_measure,
        "similar_convention": _(stats.SIMILAR_AVERAGE_CONVENTION), "similar_source": wording.md(similar_source),
        "similar_method": similar_method(similar, inputs, stability, areas),
        "freshness_years": settings.freshness_years, "overdispersion": settings.overdispersion,
        "figures_up_to": figures_up_to})


def api_page(results: dict[str, IndicatorResult]) -> Page:
    """How to use the JSON API."""
    items = [{"id": i, "title": wording.md(r.meta.title)} for i, r in results.items()]
    return Page("api.md", "api.md.j2", {"root": "", "items": items})
