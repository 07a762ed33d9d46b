"""One function per chart type, returning plotly figure JSON (no template, so each figure stays small).

Figures are plain dicts in plotly's figure schema (tests load each into ``plotly.graph_objects.Figure``
to prove it), built directly because constructing thousands of Figure objects is slow.
"""

from __future__ import annotations

import functools
import math
from itertools import repeat
from typing import Any

import numpy as np
import pandas as pd

from forcepages import wording
from forcepages.escape import plotly_text
from forcepages.indicator import Indicator
from forcepages.language import _, code, date_text

# Analysis Function palette: dark blue and orange pass 3:1 against white and against each other's shapes.
FORCE = "#12436D"
SIMILAR = "#F46A25"
NATIONAL = "#3D3D3D"
LIMIT = "#5F5F5F"
SIGNAL = "#A8460F"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif'


def script_words() -> dict[str, str] | None:
    """What the chart script says (drawing failed, the download buttons) where the page is not in English (the script
    has the English): for the chart's data- attributes."""
    if code() == "en":
        return None
    return {key: wording.attr(text) for key, text in (
        ("failed", _("The chart could not be drawn. The same figures are in the data table.")),
        ("png", _("Download the chart as a PNG picture")), ("svg", _("Download the chart as an SVG picture")))}


def _round(values: Any, digits: int = 4) -> list[Any]:
    """Finite numbers rounded for a compact file; gaps as null."""
    array = np.asarray(values, dtype=float)
    if np.isfinite(array).all():  # the usual case: no gaps
        return list(map(round, array.tolist(), repeat(digits)))
    return [round(v, digits) if math.isfinite(v) else None for v in array.tolist()]


def _layout(y_title: str, x_title: str, height: int = 360) -> dict[str, Any]:
    """A plain, accessible layout: system fonts, legend below, no default template."""
    return {
        "height": height, "margin": {"l": 64, "r": 16, "t": 24, "b": 48},
        "font": {"family": FONT, "size": 14, "color": "#0b0c0c"},
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff",
        "xaxis": {"title": {"text": plotly_text(x_title)}, "showgrid": False, "linecolor": "#505a5f", "ticks": "outside", "automargin": True},
        "yaxis": {"title": {"text": plotly_text(y_title)}, "gridcolor": "#dddddd", "linecolor": "#505a5f", "zeroline": False,
                  "rangemode": "tozero", "automargin": True},
        # legend above the plot, left-aligned: never over the axis labels, and it wraps on a phone
        "legend": {"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "xanchor": "left", "font": {"size": 13}},
        "hovermode": "closest",
    }


def _line(name: str, x: list[str], y: Any, colour: str, symbol: str, dash: str = "solid", **extra: Any) -> dict[str, Any]:
    """A lines-and-markers trace (``name`` is plain text: escaped for Plotly here)."""
    name = plotly_text(name)
    return {"type": "scatter", "mode": "lines+markers", "name": name, "x": x, "y": _round(y),
            "line": {"color": colour, "width": 2.5, "dash": dash}, "marker": {"color": colour, "symbol": symbol, "size": 8},
            "hovertemplate": "%{x}: %{y}<extra>" + name + "</extra>", **extra}


@functools.lru_cache(maxsize=4096)
def _iso(day: Any) -> str:
    """A date as YYYY-MM-DD (a series' dates are a few objects shared by every area: each formatted once)."""
    return f"{day:%Y-%m-%d}"


def _time_axis(series: pd.DataFrame, breaks: list[dict[str, Any]]) -> tuple[list[str], list[int], str]:
    """x values on a real date axis (each period's end, as YYYY-MM-DD), the positions before which the line must break
    (a gap longer than one period, or a definition break), and the axis title."""
    starts, ends = list(series["period_start"]), list(series["period_end"])
    x = list(map(_iso, ends))
    steps = [(b - a).days for a, b in zip(ends, ends[1:])]
    typical = float(np.median(steps)) if steps else 0.0
    cuts = [i + 1 for i, step in enumerate(steps) if step > 1.5 * typical]
    for b in breaks:
        if b.get("kind", "definition") == "phase":
            continue
        cuts += [i for i in range(1, len(starts)) if starts[i - 1] < b["date"] <= starts[i]]
    yearly = bool(ends) and all(360 <= (e - s).days + 1 <= 370 for s, e in zip(starts, ends))
    return x, sorted(set(cuts)), (_("12 months ending on the date shown") if yearly else _("Period ending on the date shown"))


def _broken(values: list[Any], cuts: list[int]) -> list[Any]:
    """``values`` with a gap (null) before each cut, so plotly does not join the points across it."""
    out: list[Any] = []
    for i, v in enumerate(values):
        if i in cuts:
            out.append(None)
        out.append(v)
    return out


def _hover(series: pd.DataFrame, meta: Indicator) -> list[str]:
    """Hover text: the rounded figure with its unit, and its interval in plain words (escaped: plotly reads HTML)."""
    fmt, plain = wording.formatter(meta), wording.formatter(meta, with_unit=False)
    out = []
    for start, end, v, lo, hi in zip(series["period_start"], series["period_end"], series["value"], series["lower_95"], series["upper_95"]):
        if wording.is_missing(lo) or wording.is_missing(hi):
            text = _("%(period)s: %(value)s") % {"period": wording.period(start, end), "value": fmt(v)}
        else:
            text = _("%(period)s: %(value)s, likely between %(lower)s and %(upper)s") % {
                "period": wording.period(start, end), "value": fmt(v), "lower": plain(lo), "upper": plain(hi)}
        out.append(plotly_text(text))
    return out


def _ticks(ends: list[Any], most: int = 6) -> dict[str, list[str]]:
    """At most ``most`` labelled dates on a time axis, evenly spread: years where the series spans more than two
    years, else months in the language written (Babel's month names)."""
    years = ends[-1].year - ends[0].year > 2
    if years:
        ends = [e for i, e in enumerate(ends) if i == 0 or e.year != ends[i - 1].year]
    step = max(1, math.ceil(len(ends) / most))
    ticks = ends[::step]
    return {"tickvals": [f"{e:%Y-%m-%d}" for e in ticks],
            "ticktext": [str(e.year) if years else date_text(e, "MMM y") for e in ticks]}


def by_period(frame: pd.DataFrame | dict[str, float], column: str) -> dict[str, float]:
    """A frame's ``column`` by its "period" key (a dict is taken as already keyed by period)."""
    if isinstance(frame, dict):
        return frame
    return dict(zip(frame["period"], frame[column])) if len(frame) else {}


def trend(area_name: str, series: pd.DataFrame, national: pd.DataFrame | dict[str, float], similar: pd.DataFrame | dict[str, float],
          meta: Indicator, breaks: list[dict[str, Any]], similar_label: str = "similar forces") -> dict[str, Any]:
    """The force over time, with its similar-forces average, England and Wales, SPC limits and signals.

    ``national`` and ``similar`` are frames with "period" and "value" / "similar_value", or those values by period.
    """
    x_dates, cuts, x_title = _time_axis(series, breaks)
    x = _broken(x_dates, cuts)
    periods = list(series["period"])

    def y(values: Any) -> list[Any]:
        return _broken(_round(values), cuts)

    traces: list[dict[str, Any]] = []
    if "centre" in series and not np.isnan(np.asarray(series["centre"], dtype=float)).all():
        for col, name, dash in (("upper_limit", _("Upper process limit"), "dash"), ("centre", _("Centre line (mean)"), "solid"),
                                ("lower_limit", _("Lower process limit"), "dash")):
            traces.append({"type": "scatter", "mode": "lines", "name": name, "x": x, "y": y(series[col]),
                           "line": {"color": LIMIT, "width": 1.5, "dash": dash}, "hoverinfo": "skip",
                           "legendgroup": "limits", "showlegend": col == "centre"})
    force = _line(area_name, x, series["value"], FORCE, "circle")
    force["y"] = y(series["value"])
    force["text"] = _broken(_hover(series, meta), cuts)
    force["hovertemplate"] = "%{text}<extra></extra>"
    if not np.isnan(np.asarray(series["lower_95"], dtype=float)).all():
        force["error_y"] = {"type": "data", "symmetric": False, "color": FORCE, "thickness": 1.2, "width": 3,
                            "array": y(np.asarray(series["upper_95"], dtype=float) - np.asarray(series["value"], dtype=float)),
                            "arrayminus": y(np.asarray(series["value"], dtype=float) - np.asarray(series["lower_95"], dtype=float))}
    traces.append(force)
    average = wording.average_name(similar_label)
    for values, name, colour, symbol, dash in ((by_period(similar, "similar_value"), average, SIMILAR, "square", "dash"),
                                               (by_period(national, "value"), _("England and Wales"), NATIONAL, "diamond", "dot")):
        line = np.array([values.get(p, np.nan) for p in periods], dtype=float)
        if values and not np.isnan(line).all():
            trace = _line(name, x, line, colour, symbol, dash)
            trace["y"] = y(line)
            if code() == "en":
                trace["hovertemplate"] = "%{x|%d %b %Y}: %{y}<extra>" + plotly_text(name) + "</extra>"
            else:  # Plotly writes month names in English: the dates as text in the language written
                trace["text"] = _broken([date_text(e, "d MMM y") for e in series["period_end"]], cuts)
                trace["hovertemplate"] = "%{text}: %{y}<extra>" + plotly_text(name) + "</extra>"
            traces.append(trace)
    if "signal" in series:
        flagged = np.asarray(pd.notna(series["signal"]), dtype=bool)
        if flagged.any():
            up = np.asarray(series["direction"], dtype=object) == "up"
            traces.append({"type": "scatter", "mode": "markers+text", "name": _("Unusual change (special cause)"),
                           "x": [x_dates[i] for i in np.flatnonzero(flagged)], "y": _round(np.asarray(series["value"], dtype=float)[flagged]),
                           "marker": {"color": SIGNAL, "size": 14, "line": {"color": "#ffffff", "width": 1},
                                      "symbol": ["triangle-up" if u else "triangle-down" for u in up[flagged]]},
                           "text": [_("high") if u else _("low") for u in up[flagged]], "textposition": "top center",
                           "textfont": {"color": SIGNAL, "size": 12},
                           "hovertemplate": "%{x|%b %Y}: " + plotly_text(_("unusual")) + " (%{text})<extra></extra>"})
    layout = _layout(str(meta.unit), x_title)
    shapes, notes = [], []
    first, last = (np.asarray(series["period_start"])[0], np.asarray(series["period_end"])[-1]) if len(series) else (None, None)
    for b in breaks:
        if first is None or not first < b["date"] <= last:
            continue
        when = f"{b['date']:%Y-%m-%d}"
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": when, "x1": when, "y0": 0, "y1": 1,
                       "line": {"color": "#0b0c0c", "width": 1.5, "dash": "dot" if b.get("kind") == "phase" else "longdash"}})
        notes.append({"x": when, "y": 1, "xref": "x", "yref": "paper", "showarrow": False, "xanchor": "left", "yanchor": "top",
                      "text": _("New phase") if b.get("kind") == "phase" else _("Series break"), "font": {"size": 12}})
    if shapes:
        layout["shapes"], layout["annotations"] = shapes, notes
    layout["xaxis"]["type"] = "date"
    if code() != "en" and len(series):  # Plotly's month names are English: the axis labelled in the language written
        layout["xaxis"].update(_ticks(list(series["period_end"])))
    return {"data": traces, "layout": layout}


def funnel(title: str, funnel_data: dict[str, Any], names: dict[str, str], meta: Indicator) -> dict[str, Any]:
    """Every force's value against its size, with 95% and 99.8% limits around England and Wales; never sorted."""
    grid = funnel_data["grid"]
    traces = []
    for level, dash, label in (("998", "dot", _("%(level)s limits") % {"level": "99.8%"}), ("95", "dash", _("%(level)s limits") % {"level": "95%"})):
        lower, upper = funnel_data["limits"][level]
        for i, band in enumerate((upper, lower)):
            traces.append({"type": "scatter", "mode": "lines", "name": label, "x": _round(grid, 1), "y": _round(band),
                           "line": {"color": LIMIT, "width": 1.5, "dash": dash}, "hoverinfo": "skip",
                           "legendgroup": level, "showlegend": i == 0})
    traces.append({"type": "scatter", "mode": "lines", "name": _("England and Wales"), "x": _round([grid[0], grid[-1]], 1),
                   "y": _round([funnel_data["benchmark"]] * 2), "line": {"color": NATIONAL, "width": 2}, "hoverinfo": "skip"})
    symbols = {"within": "circle", "above": "triangle-up", "below": "triangle-down", "not-compared": "circle-open"}
    labels = {"within": _("Within expected variation"), "above": _("Above the 95%% limits") % {},
              "below": _("Below the 95%% limits") % {}}
    positions = funnel_data["positions"]
    for position in ("within", "above", "below"):
        idx = [i for i, p in enumerate(positions) if p == position]
        if not idx:
            continue
        traces.append({"type": "scatter", "mode": "markers", "name": labels[position],
                       "x": _round([funnel_data["denominators"][i] for i in idx], 1),
                       "y": _round([funnel_data["values"][i] for i in idx]),
                       "text": [plotly_text(names.get(funnel_data["codes"][i], funnel_data["codes"][i])) for i in idx],
                       "marker": {"color": FORCE if position == "within" else SIMILAR, "symbol": symbols[position], "size": 10,
                                  "line": {"color": "#0b0c0c", "width": 1}},
                       "hovertemplate": "%{text}: %{y}<extra></extra>"})
    x_title = _("People living in the area") if meta.measure == "rate" else _("Number of cases")
    layout = _layout(str(meta.unit), x_title, height=420)
    layout["xaxis"]["type"] = "log"
    layout["xaxis"]["showgrid"] = True
    layout["xaxis"]["gridcolor"] = "#eeeeee"
    return {"data": traces, "layout": layout}
