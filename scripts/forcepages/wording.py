"""Numbers, money, dates, periods and sentences in GOV.UK style: every word the site generates about data."""

from __future__ import annotations

import functools
import html
import math
import re
from datetime import date, datetime
from typing import Any, Callable

import pandas as pd

from .indicator import Indicator

BANNED = ("target", "targets", "league table", "league tables", "best", "worst", "ranked", "ranking",
          "top", "bottom", "failing")
_BANNED_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in BANNED) + r")\b", re.IGNORECASE)
SYMBOL_WORDS = {"[c]": "hidden to protect people's privacy", "[x]": "not available", "[z]": "not applicable",
                "[low]": "rounds to zero", "[u]": "low reliability"}


def banned_words(text: str) -> list[str]:
    """Words the site never uses about indicators, found in ``text``."""
    return [m.group(0) for m in _BANNED_RE.finditer(text)]


def is_missing(x: Any) -> bool:
    """True for None and NaN."""
    if x is None:
        return True
    if isinstance(x, float):  # the common case, without pandas
        return math.isnan(x)
    return not isinstance(x, str) and pd.isna(x)


def number(x: Any, decimals: int = 0) -> str:
    """12,345 or 12.3 (commas from 1,000)."""
    if is_missing(x):
        return "[x]"
    return f"{float(x):,.{decimals}f}"


def count(x: Any) -> str:
    """A count of things, with commas."""
    return number(x, 0)


def percent(x: Any, decimals: int = 0) -> str:
    """12% or 12.5%."""
    return "[x]" if is_missing(x) else f"{number(x, decimals)}%"


def money(x: Any) -> str:
    """£138 million, £1.2 billion, £4,500 or £140.50."""
    if is_missing(x):
        return "[x]"
    v = float(x)
    if abs(v) >= 1e9:
        return f"£{v / 1e9:,.1f} billion".replace(".0 ", " ")
    if abs(v) >= 1e6:
        return f"£{v / 1e6:,.0f} million"
    if abs(v) >= 1000 or float(v).is_integer():
        return f"£{v:,.0f}"
    return f"£{v:,.2f}"


def _as_date(d: Any) -> date:
    """A date from a Timestamp, datetime, date or ISO text."""
    if isinstance(d, str):
        return date.fromisoformat(d[:10])
    if isinstance(d, (pd.Timestamp, datetime)):
        return d.date()
    return d


def long_date(d: Any) -> str:
    """4 June 2017."""
    d = _as_date(d)
    return f"{d.day} {d:%B} {d.year}"


def month_year(d: Any) -> str:
    """March 2018."""
    d = _as_date(d)
    return f"{d:%B} {d.year}"


@functools.lru_cache(maxsize=8192)
def period(start: Any, end: Any) -> str:
    """A period in words: "12 months to March 2018", "January to March 2018", "31 March 2018"."""
    s, e = _as_date(start), _as_date(end)
    days = (e - s).days + 1
    if days == 1:
        return long_date(e)
    month_start, month_end = s.day == 1, (e + pd.Timedelta(days=1)).day == 1
    months = (e.year - s.year) * 12 + e.month - s.month + 1
    if month_start and month_end:
        if months == 1:
            return month_year(e)
        if months == 12:
            return f"12 months to {month_year(e)}"
        if months < 12 and s.year == e.year:
            return f"{s:%B} to {month_year(e)}"
        return f"{month_year(s)} to {month_year(e)}"
    return f"{long_date(s)} to {long_date(e)}"


def in_period(start: Any, end: Any) -> str:
    """The period as a phrase after a verb: "in the 12 months to March 2018", "on 31 March 2018"."""
    text = period(start, end)
    if text.startswith("12 months"):
        return f"in the {text}"
    return f"on {text}" if (_as_date(end) - _as_date(start)).days == 0 else f"in {text}"


@functools.lru_cache(maxsize=8192)
def short_period(start: Any, end: Any) -> str:
    """A compact period label for chart axes and table rows."""
    s, e = _as_date(start), _as_date(end)
    days = (e - s).days + 1
    if days == 1:
        return f"{e.day} {e:%b} {e.year}"
    if 360 <= days <= 370:
        return f"Year to {e:%b} {e.year}"
    if days <= 31:
        return f"{e:%b} {e.year}"
    return f"{s:%b} to {e:%b} {e.year}" if s.year == e.year else f"{s:%b} {s.year} to {e:%b} {e.year}"


def value(x: Any, meta: Indicator, symbol: str = "", with_unit: bool = True) -> str:
    """A value in its unit: "4.1 offences per 1,000 people", "23.4%", "£140.50 per person"."""
    if symbol:
        return symbol
    if is_missing(x):
        return "[x]"
    return formatter(meta, with_unit)(x)


def formatter(meta: Indicator, with_unit: bool = True) -> Callable[[Any], str]:
    """value(x, meta, with_unit=with_unit) as a function of x alone, for formatting many values of one indicator."""
    return _formatter(int(meta.decimals), str(meta.unit).strip(), with_unit)


@functools.lru_cache(maxsize=1024)
def _formatter(decimals: int, unit: str, with_unit: bool) -> Callable[[Any], str]:
    """The formatting of value(): number() with commas and ``decimals`` places, placed in ``unit``'s pattern."""
    spec = f",.{decimals}f"
    if unit == "%":
        before, after = "", "%"
    elif unit.startswith("£"):
        rest = unit[1:].strip()
        before, after = "£", (f" {md(rest)}" if with_unit and rest else "")  # the unit is catalogue text: escaped
    else:
        before, after = "", (f" {md(unit)}" if with_unit and unit else "")

    def fmt(x: Any) -> str:
        if x.__class__ is float:  # the common case: a plain float, missing only if NaN
            if x != x:
                return "[x]"
        elif is_missing(x):
            return "[x]"
        return before + format(float(x), spec) + after
    return fmt


def interval(lower: Any, upper: Any, meta: Indicator) -> str:
    """ "11.1 to 13.6", or "" when there is no interval."""
    if is_missing(lower) or is_missing(upper):
        return ""
    return f"{value(lower, meta, with_unit=False)} to {value(upper, meta, with_unit=False)}"


def with_interval(x: Any, lower: Any, upper: Any, meta: Indicator, symbol: str = "") -> str:
    """ "12.3 (95% confidence interval 11.1 to 13.6)"."""
    return formatted_with_interval(formatter(meta, with_unit=False), x, lower, upper, symbol)


def formatted_with_interval(fmt: Callable[[Any], str], x: Any, lower: Any, upper: Any, symbol: str = "") -> str:
    """with_interval() with the indicator's formatter(meta, with_unit=False) already found: the symbol alone if there
    is one, else the value, with its interval when both ends are there."""
    if symbol:
        return symbol
    if is_missing(lower) or is_missing(upper):
        return fmt(x)
    return f"{fmt(x)} (95% confidence interval {fmt(lower)} to {fmt(upper)})"


def symbol_meaning(symbol: str) -> str:
    """What a GSS shorthand symbol means, in words."""
    return SYMBOL_WORDS.get(symbol, "")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#+!|])")  # Python-Markdown has no ~ syntax: escaping it would show the backslash
_NUMBERED = re.compile(r"^(\d+)\.")
_MD_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")  # what Python-Markdown (with tables) unescapes


def plural(noun: str) -> str:
    """The plural of a simple English noun: force -> forces, authority -> authorities, neighbourhood -> neighbourhoods."""
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def md(text: Any) -> str:
    """Text from a data package, safe in Markdown: HTML escaped, Markdown syntax escaped, on one line."""
    if is_missing(text):
        return ""
    escaped = html.escape(str(text), quote=False)
    escaped = " ".join(escaped.split())  # runs of whitespace as one space, trimmed (as re.sub(r"\s+", " ", ...).strip())
    escaped = _MD_SPECIAL.sub(r"\\\1", escaped)
    if escaped.startswith("-"):
        return escaped.replace("-", "\\-", 1)
    return _NUMBERED.sub(r"\1\\.", escaped) if escaped[:1].isdecimal() else escaped  # "1." would start a list


def html_text(markdown_text: str) -> str:
    """Text made by md() (or plain generated text) as HTML text: the Markdown backslash escapes taken out, as
    Python-Markdown would, for text written straight into HTML (figure captions, carried HTML blocks)."""
    text = str(markdown_text)
    return _MD_ESCAPED.sub(r"\1", text) if "\\" in text else text


def attr(text: Any) -> str:
    """Text safe inside an HTML attribute."""
    return "" if is_missing(text) else html.escape(re.sub(r"\s+", " ", str(text)).strip(), quote=True)


COMPARE_WORDS = {"similar": "similar to", "higher": "clearly higher than", "lower": "clearly lower than"}
FRACTIONS = ((0.1, "a tenth"), (0.2, "a fifth"), (0.25, "a quarter"), (1 / 3, "a third"), (0.5, "half"),
             (2 / 3, "two thirds"), (0.75, "three quarters"))


def size(x: Any, benchmark: Any, meta: Indicator) -> str:
    """How big a difference is, in words and apart from how certain it is: "about a third lower", "about twice as
    high", "2.2 percentage points higher", "about the same"; "" when there is nothing to compare."""
    if is_missing(x) or is_missing(benchmark):
        return ""
    x, b = float(x), float(benchmark)
    direction = "higher" if x > b else "lower"
    if str(meta.unit).strip() == "%":
        points = abs(x - b)
        if points < 0.5 * 10 ** -int(meta.decimals):
            return "about the same"
        return f"{number(points, int(meta.decimals))} percentage points {direction}"
    if b <= 0:
        return ""
    ratio = x / b
    if ratio >= 1.9:
        times = round(ratio * 2) / 2
        return "about twice as high" if times == 2 else f"about {number(times, 0 if times.is_integer() else 1)} times as high"
    if 0 < ratio <= 0.2:
        return "less than a fifth as high"
    gap = abs(ratio - 1)
    if gap < 0.07:
        return f"a little {direction}"
    words = min(FRACTIONS, key=lambda f: abs(f[0] - gap))[1]
    return f"about {words} {direction}"


def comparison(bench: dict[str, Any], status: str, meta: Indicator, benchmark_name: str, figure: Any) -> str:
    """One sentence comparing a figure with a benchmark: both figures, then certainty (clearly or similar), then
    size (about a third lower). "Clearly" only when the difference is statistically clear."""
    category = bench.get("category", "not-compared")
    fmt = formatter(meta, with_unit=False)
    target = bench.get("benchmark")
    if is_missing(target):
        return f"There is no figure for {benchmark_name} to compare with."
    unit = str(meta.unit).strip()
    both = f"{fmt(figure)} against {formatter(meta)(target)}"  # the unit once, after both figures (escaped by formatter)
    how_big = size(figure, target, meta)
    if category in ("higher", "lower"):
        return f"It is {COMPARE_WORDS[category]} {benchmark_name}: {both}, {how_big}."
    if category == "similar":
        small = how_big.startswith(("a little", "about the same")) or (unit == "%" and abs(float(figure) - float(target)) < 1)
        gap = "" if small or not how_big else (
            f" The gap ({how_big}) is no bigger than forces often differ." if bench.get("method", "").startswith("overdispersion")
            else f" The gap ({how_big}) could be down to chance.")
        return f"It is similar to {benchmark_name}: {both}.{gap}"
    if status == "census" and how_big:
        return f"Compared with {benchmark_name} it is {how_big}: {both}."
    return f"The figure for {benchmark_name} is {fmt(target)}."


def verdict(bench: dict[str, Any], polarity: str) -> str:
    """What a clear difference means, or "" (better or worse only where the catalogue says which way is better)."""
    judgement = bench.get("judgement")
    if judgement in ("better", "worse"):
        good = "Higher" if polarity == "higher-is-better" else "Lower"
        return f"{good} is better here, so this is {judgement}."
    if judgement in ("higher", "lower"):
        return "Higher is not better or worse here."
    return ""


SPC_WORDS = {"unusual-rise": "The latest figure is an unusual rise.",
             "unusual-fall": "The latest figure is an unusual fall.",
             "normal": "The latest figure is in the usual range.",
             "not-enough-points": "There are not yet enough figures to tell what is usual."}


def trend(result: dict[str, Any]) -> str:
    """The recent trend with its real years: "Between 2021 and 2025 the figure went up."; "" when there is none."""
    direction = result.get("direction")
    first, last = result.get("first_period_end"), result.get("last_period_end")
    if direction not in ("increasing", "decreasing", "no-significant-change") or first is None:
        return ""
    when = f"Between {_as_date(first).year} and {_as_date(last).year}"
    if direction == "no-significant-change":
        return f"{when} there was no clear change."
    return f"{when} the figure went {'up' if direction == 'increasing' else 'down'}."


def phases(info: list[dict[str, Any]]) -> str:
    """Why the usual range (SPC limits) starts again, phase by phase; "" for a series in one phase."""
    if len(info) < 2:
        return ""
    parts = []
    for phase in info[1:]:
        why = [w for w in phase["why"] if not w.startswith("gap:")]
        start = f"Phase {phase['number']} starts in {month_year(phase['from'])}"
        if why:  # a break in the catalogue: its first sentence (catalogue text, escaped)
            parts.append(f"{start}: {md(sentences(why[0])[0].rstrip('.'))}.")
        else:  # a gap in the figures
            parts.append(f"{start}, after months with no figures.")
    return (f"The usual range is worked out again for each phase. {' '.join(parts)} "
            f"The latest figure is judged against phase {info[-1]['number']}.")


def change(result: dict[str, Any] | None, meta: Indicator) -> str:
    """The change from a year earlier in words, following the small-numbers rule."""
    if not result or result.get("category") == "not-compared":
        return ""
    prev = result["previous"]
    was = value(prev["value"], meta)
    if result["category"] == "rise":
        head = f"This is a clear rise from {was} {in_period(prev['period_start'], prev['period_end'])}."
    elif result["category"] == "fall":
        head = f"This is a clear fall from {was} {in_period(prev['period_start'], prev['period_end'])}."
    elif result["category"] == "not-tested":
        return f"It was {was} {in_period(prev['period_start'], prev['period_end'])}."
    else:
        head = f"This is broadly unchanged from {was} {in_period(prev['period_start'], prev['period_end'])}."
    if str(meta.unit).strip() == "%" and result["category"] in ("rise", "fall") and result.get("change") is not None:
        points = number(abs(result["change"]), int(meta.decimals))
        head = head[:-1] + f", a change of {points} percentage points."
    elif result.get("percent") is not None and result["category"] in ("rise", "fall"):
        head = head[:-1] + f", a change of {number(abs(result['percent']), 0)}%."
    elif result.get("reason_no_percent") == "small-numbers":
        head += " We do not give a percentage change for fewer than 10 events."
    return head


def sentences(text: str) -> list[str]:
    """Split plain text into sentences (for the 25-word rule and readability)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
