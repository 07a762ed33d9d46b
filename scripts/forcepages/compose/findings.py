"""What one indicator says about one area, in words and table rows: the force page's dated findings, the summary
sentences under each chart, and the rows of the data tables. Every better or worse is read from the judgement."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from forcepages.compose import verdict_words
from forcepages import wording
from forcepages.indicator import Indicator
from forcepages.compute import judge
from forcepages.compute.result_types import AreaResult
from forcepages.language import N_, _, code, current


def trend_header(similar_label: str) -> list[str]:
    """Columns of the data table beneath a trend chart."""
    return [_("Period"), _("Value (95%% confidence interval)") % {}, wording.average_name(similar_label), _("England and Wales"),
            _("Status")]


def indicator_header() -> list[str]:
    """Columns of the table of every force on an indicator's page."""
    return [_("Force"), _("Period"), _("Value (95%% confidence interval)") % {}, _("Compared with England and Wales"),
            _("Funnel plot")]


def value_text(row: dict[str, Any] | pd.Series, meta: Indicator) -> str:
    """A value with its interval, or its GSS symbol."""
    return wording.with_interval(row["value"], row.get("lower_95"), row.get("upper_95"), meta, row.get("value_symbol", ""))


NOT_JUDGED = {"census": N_("%(title)s, %(when)s: not judged, as it is a full count, not an estimate."),
              "not-comparable": N_("%(title)s, %(when)s: not judged, as forces' figures do not compare."),
              "non-resident": N_("%(title)s, %(when)s: not judged, as far more people are here by day than live here.")}
CLEAR = {("higher", "national"): N_("clearly higher than England and Wales"),
         ("lower", "national"): N_("clearly lower than England and Wales"),
         ("higher", "similar"): N_("clearly higher than %(similar)s"),
         ("lower", "similar"): N_("clearly lower than %(similar)s"),
         ("higher", "both"): N_("clearly higher than England and Wales and %(similar)s"),
         ("lower", "both"): N_("clearly lower than England and Wales and %(similar)s")}


def finding(meta: Indicator, area: AreaResult, name: str, link: str, similar_label: str = "similar forces") -> dict[str, str] | None:
    """One line for one indicator on the force page, from the judgement made in compute (judge.py): both comparisons,
    the trend and any unusual change together, dated; ``kind`` good, bad, mixed (good and bad), older, other or
    None (nothing clear to say)."""
    latest = area.latest
    if latest is None or area.status == "no-figure":
        return None
    words = {"title": wording.md(meta.title), "when": wording.period(latest["period_start"], latest["period_end"]),
             "similar": similar_label}
    if area.status == "older":
        return {"kind": "older", "text": _("%(title)s: the latest figure is for %(when)s.") % words, "link": link}
    if area.status in NOT_JUDGED:
        return {"kind": "other", "text": _(NOT_JUDGED[area.status]) % words, "link": link}
    parts, changes, signs = [], [], []  # comparisons; changes over time (each its own sentence); better/worse signs
    clear = [(bench.get("category"), against, bench.get("judgement"))
             for bench, against in ((area.vs_national, "national"), (area.vs_similar, "similar"))
             if bench.get("category") in ("higher", "lower")]
    if len(clear) == 2 and clear[0][0] == clear[1][0]:  # the same way against both: one phrase
        clear = [(clear[0][0], "both", clear[0][2]), (None, None, clear[1][2])]
    for cat, against, judgement in clear:
        if cat:
            parts.append(_(CLEAR[cat, against]) % words)
        signs.append(judgement)
    if area.spc_judgement:
        changes.append(_("The latest month is an unusual rise.") if area.spc_latest == "unusual-rise"
                       else _("The latest month is an unusual fall."))
        signs.append(area.spc_judgement)
    if area.trend.get("judgement"):
        years = {"first": area.trend["first_period_end"].year, "last": area.trend["last_period_end"].year}
        changes.append((_("It went up between %(first)s and %(last)s.") if area.trend["direction"] == "increasing"
                        else _("It went down between %(first)s and %(last)s.")) % years)
        signs.append(area.trend["judgement"])
    if not parts and not changes:
        return None
    good, bad = "better" in signs, "worse" in signs
    kind = "mixed" if good and bad else "good" if good else "bad" if bad else "neutral"
    if parts:
        what = parts[0] if len(parts) == 1 else _("%(first)s and %(second)s") % {"first": parts[0], "second": parts[1]}
        head = _("%(title)s, %(when)s: %(what)s.") % {**words, "what": what}
    else:
        head = _("%(title)s, %(when)s.") % words
    text = " ".join([head] + changes)
    if kind == "mixed":
        text += " " + _("Some of this is better and some is worse.")
    return {"kind": kind, "text": text, "link": link}


def summary_lines(meta: Indicator, area: AreaResult, area_name: str, similar_source: str,
                  similar_label: str = "similar forces", freshness_years: int = 3) -> list[str]:
    """Short plain sentences about one indicator in one area: one point per list item (1 or 2 sentences each)."""
    latest = area.latest
    if latest is None:
        return [_("There is no published figure for this area.")]
    when = wording.in_period(latest["period_start"], latest["period_end"])
    symbol = latest.get("value_symbol", "")
    if symbol:
        return [_("The figure %(when)s is %(symbol)s: %(meaning)s.") % {
            "when": when, "symbol": symbol, "meaning": wording.symbol_meaning(symbol) or _("not published")}]
    first = _("%(when)s the figure was %(value)s.") % {"when": when, "value": wording.value(latest["value"], meta)}
    out = [first[:1].upper() + first[1:]]
    if isinstance(latest.get("note"), str) and latest["note"].strip():  # the data's own note, as said (Welsh pages:
        out.append(_("This figure has a note.") + " " + wording.md(current().data(latest["note"].strip())))  # reported)
    if not (wording.is_missing(latest.get("lower_95")) or wording.is_missing(latest.get("upper_95"))):
        out.append(_("It is likely to be between %(lower)s and %(upper)s. This is the 95%% confidence interval.") % {
            "lower": wording.value(latest["lower_95"], meta, with_unit=False),
            "upper": wording.value(latest["upper_95"], meta, with_unit=False)})
    reason = judge.reason(area.status, meta, freshness_years)  # the reason in the language written
    if reason:
        out.append(wording.md(reason))  # may be the catalogue's comparability_note
    if (area.change or {}).get("per_resident") and not wording.is_missing(latest.get("numerator")):
        out.append(counts(latest, area.change))
    for bench, against in ((area.vs_national, "national"), (area.vs_similar, "similar")):
        if bench.get("benchmark") is None and bench.get("category") == "not-compared":
            if bench.get("reason"):  # no national figure: say why (in full in English)
                out.append(bench["reason"] if code() == "en" else _("There is no figure for England and Wales to compare with."))
            continue
        if meta.measure == "value" and against != "national":
            continue
        text = verdict_words.comparison(bench, area.status, meta, against, latest["value"], similar_label)
        meaning = verdict_words.verdict(bench, meta.polarity)
        out.append(f"{text} {meaning}" if meaning else text)
    if not (area.change or {}).get("per_resident") and verdict_words.change(area.change, meta):
        out.append(verdict_words.change(area.change, meta))
    if area.spc_latest:
        out.append(verdict_words.spc(area.spc_latest))
    if verdict_words.phases(area.phases):
        out.append(verdict_words.phases(area.phases))
    if verdict_words.trend(area.trend):
        out.append(verdict_words.trend(area.trend))
    return out


def counts(latest: dict[str, Any], change: dict[str, Any] | None) -> str:
    """The count behind a rate, and its change from a year before: for areas where a rate per resident misleads."""
    words = {"count": wording.count(latest["numerator"])}
    prev = (change or {}).get("previous") or {}
    if wording.is_missing(prev.get("numerator")):
        return _("The count itself was %(count)s.") % words
    diff = float(latest["numerator"]) - float(prev["numerator"])
    words.update(diff=wording.count(abs(diff)), when=wording.in_period(prev["period_start"], prev["period_end"]))
    if not diff:
        return _("The count itself was %(count)s, the same as %(when)s.") % words
    return (_("The count itself was %(count)s, %(diff)s more than %(when)s.") if diff > 0
            else _("The count itself was %(count)s, %(diff)s fewer than %(when)s.")) % words


def table_verdict(area: AreaResult) -> str:
    """The comparison with England and Wales in a table cell: "clearly higher", "similar", or why not judged."""
    if area.status in NOT_JUDGED or area.status == "older":
        return _("not judged")
    words = {"similar": N_("similar"), "higher": N_("clearly higher"), "lower": N_("clearly lower")}
    return _(words.get(area.vs_national.get("category"), N_("not compared")))


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
        columns = (similar["area_code"].tolist(), similar["period"].tolist(), similar["similar_value"].tolist())  # not cell by cell
        for area_code, period, value in zip(*columns):
            out.setdefault(area_code, {})[period] = value
    return out
