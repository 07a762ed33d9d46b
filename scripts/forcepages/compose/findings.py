"""What one indicator says about one area, in words and table rows: the force page's dated findings, the summary
sentences under each chart, and the rows of the data tables. Every better or worse is read from the judgement."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from forcepages.compose import verdict_words
from forcepages import wording
from forcepages.indicator import Indicator
from forcepages.compute.result_types import AreaResult


def trend_header(similar_label: str) -> list[str]:
    """Columns of the data table beneath a trend chart."""
    return ["Period", "Value (95% confidence interval)", f"{similar_label.capitalize()} average", "England and Wales", "Status"]


INDICATOR_HEADER = ["Force", "Period", "Value (95% confidence interval)", "Compared with England and Wales", "Funnel plot"]


def up(path: str) -> str:
    """The relative prefix from a page to the docs root."""
    return "../" * path.count("/")


def value_text(row: dict[str, Any] | pd.Series, meta: Indicator) -> str:
    """A value with its interval, or its GSS symbol."""
    return wording.with_interval(row["value"], row.get("lower_95"), row.get("upper_95"), meta, row.get("value_symbol", ""))


NOT_JUDGED = {"census": "it is a full count, not an estimate", "not-comparable": "forces' figures do not compare",
              "non-resident": "far more people are here by day than live here"}


def finding(meta: Indicator, area: AreaResult, name: str, link: str, similar_label: str = "similar forces") -> dict[str, str] | None:
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


def summary_lines(meta: Indicator, area: AreaResult, area_name: str, similar_source: str,
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
        out.append(counts(latest, area.change))
    for bench, name in ((area.vs_national, "England and Wales"), (area.vs_similar, similar_label)):
        if bench.get("benchmark") is None and bench.get("category") == "not-compared":
            if bench.get("reason"):  # no national figure: say why
                out.append(bench["reason"])
            continue
        if meta.measure == "value" and name != "England and Wales":
            continue
        text = verdict_words.comparison(bench, area.status, meta, name, latest["value"])
        meaning = verdict_words.verdict(bench, meta.polarity)
        out.append(f"{text} {meaning}" if meaning else text)
    if not (area.change or {}).get("per_resident") and verdict_words.change(area.change, meta):
        out.append(verdict_words.change(area.change, meta))
    if area.spc_latest:
        out.append(verdict_words.SPC_WORDS[area.spc_latest])
    if verdict_words.phases(area.phases):
        out.append(verdict_words.phases(area.phases))
    if verdict_words.trend(area.trend):
        out.append(verdict_words.trend(area.trend))
    return out


def counts(latest: dict[str, Any], change: dict[str, Any] | None) -> str:
    """The count behind a rate, and its change from a year before: for areas where a rate per resident misleads."""
    text = f"The count itself was {wording.count(latest['numerator'])}"
    prev = (change or {}).get("previous") or {}
    if not wording.is_missing(prev.get("numerator")):
        diff = float(latest["numerator"]) - float(prev["numerator"])
        when = wording.in_period(prev["period_start"], prev["period_end"])
        text += (f", {wording.count(abs(diff))} {'more' if diff > 0 else 'fewer'} than {when}" if diff
                 else f", the same as {when}")
    return text + "."


def table_verdict(area: AreaResult) -> str:
    """The comparison with England and Wales in a table cell: "clearly higher", "similar", or why not judged."""
    if area.status in NOT_JUDGED or area.status == "older":
        return "not judged"
    return verdict_words.COMPARE_WORDS.get(area.vs_national.get("category"), "not compared").replace(" than", "").replace(" to", "")


def table_rows(series: pd.DataFrame, nat: dict[str, float], sim: dict[str, float], meta: Indicator) -> list[list[str]]:
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


def iso_dates(dates: pd.Series) -> list[str]:
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


def chart_table(series: pd.DataFrame, nat: dict[str, float], sim: dict[str, float], area_code: str, area_name: str) -> dict[str, Any]:
    """The CSV behind a trend chart, as columns (float arrays and lists of text) for csvout."""
    n, periods = len(series), series["period"].tolist()
    floats = lambda name: np.asarray(series[name], dtype=float)  # noqa: E731
    table: dict[str, Any] = {
        "area_code": [area_code] * n, "area_name": [area_name] * n,
        "period_start": iso_dates(series["period_start"]), "period_end": iso_dates(series["period_end"]),
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


def by_area(similar: pd.DataFrame) -> dict[str, dict[str, float]]:
    """Similar-forces averages by area, then by period."""
    out: dict[str, dict[str, float]] = {}
    if len(similar):
        for code, period, value in zip(similar["area_code"], similar["period"], similar["similar_value"]):
            out.setdefault(code, {})[period] = value
    return out
