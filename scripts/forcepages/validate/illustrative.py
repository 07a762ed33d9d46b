"""ILLUSTRATIVE packages (setting ``illustrative_packages``): made-up figures, labelled in words wherever they are shown,
whatever the indicator is called: page titles, chart titles, chart CSV files, CSV slices and the API."""

from __future__ import annotations

from typing import Any

import pandas as pd

from forcepages.indicator import Indicator

LABEL = "ILLUSTRATIVE: made-up figures, not real statistics"


def mark(indicators: pd.DataFrame, values: pd.DataFrame, packages: tuple[str, ...]) -> pd.DataFrame:
    """The catalogue with an ``illustrative`` column (the indicator's source package, or any of its rows, is from an
    illustrative package) and "(ILLUSTRATIVE)" added to such titles that do not already say so."""
    out = indicators.copy()
    chosen = set(packages)
    from_rows = set(values.loc[values["package"].isin(chosen), "indicator_id"]) if len(values) and "package" in values else set()
    out["illustrative"] = out["source_package"].isin(chosen) | out["indicator_id"].isin(from_rows)
    unlabelled = out["illustrative"] & ~out["title"].str.contains("ILLUSTRATIVE", regex=False)
    out.loc[unlabelled, "title"] = out.loc[unlabelled, "title"] + " (ILLUSTRATIVE)"
    return out


def chart(figure: dict[str, Any], table: Any, meta: Indicator) -> tuple[dict[str, Any], Any]:
    """An illustrative indicator's chart with the label as its title, and its CSV with the label on every row."""
    if not meta.illustrative:
        return figure, table
    figure = {**figure, "layout": {**figure["layout"], "title": {"text": LABEL, "x": 0, "xanchor": "left"}}}
    if isinstance(table, pd.DataFrame):
        table = table.assign(label=LABEL)
    else:
        rows = len(next(iter(table.values()))) if table else 0
        table = {**table, "label": [LABEL] * rows}
    return figure, table
