"""Numbers, money, dates, periods and sentences in GOV.UK style: every word the site generates about data."""

from __future__ import annotations

import functools
import html
import math
import re
from datetime import date, datetime
from typing import Any, Callable

import pandas as pd

from forcepages.indicator import Indicator
from forcepages.language import N_, _, code, date_text, separators

BANNED = ("target", "targets", "league table", "league tables", "best", "worst", "ranked", "ranking",
          "top", "bottom", "failing")
_BANNED_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in BANNED) + r")\b", re.IGNORECASE)
SYMBOL_WORDS = {"[c]": N_("hidden to protect people's privacy"), "[x]": N_("not available"), "[z]": N_("not applicable"),
                "[low]": N_("rounds to zero"), "[u]": N_("low reliability")}


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
    return localised(f"{float(x):,.{decimals}f}")


def localised(text: str) -> str:
    """A number written with Python's "," and "." in the decimal and grouping symbols of the language being written
    (Babel's locale data; the same as English for Welsh)."""
    lang = code()
    if lang == "en":
        return text
    point, group = separators(lang)
    if (point, group) == (".", ","):
        return text
    return text.translate(str.maketrans({".": point, ",": group}))


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
        return _("£%(amount)s billion") % {"amount": localised(f"{v / 1e9:,.1f}".removesuffix(".0"))}
    if abs(v) >= 1e6:
        return _("£%(amount)s million") % {"amount": localised(f"{v / 1e6:,.0f}")}
    if abs(v) >= 1000 or float(v).is_integer():
        return "£" + localised(f"{v:,.0f}")
    return "£" + localised(f"{v:,.2f}")


def as_date(d: Any) -> date:
    """A date from a Timestamp, datetime, date or ISO text."""
    if isinstance(d, str):
        return date.fromisoformat(d[:10])
    if isinstance(d, (pd.Timestamp, datetime)):
        return d.date()
    return d


def long_date(d: Any) -> str:
    """4 June 2017 (4 Mehefin 2017 in Welsh)."""
    return date_text(as_date(d), "d MMMM y")


def month_year(d: Any) -> str:
    """March 2018 (Mawrth 2018 in Welsh)."""
    return date_text(as_date(d), "MMMM y")


def _kind(s: date, e: date) -> str:
    """What sort of period runs from ``s`` to ``e``: day, month, year (12 months), months (in one calendar year),
    long (whole months over years) or dates."""
    if e == s:
        return "day"
    if s.day == 1 and (e + pd.Timedelta(days=1)).day == 1:
        months = (e.year - s.year) * 12 + e.month - s.month + 1
        if months == 1:
            return "month"
        if months == 12:
            return "year"
        return "months" if months < 12 and s.year == e.year else "long"
    return "dates"


def period(start: Any, end: Any) -> str:
    """A period in words: "12 months to March 2018", "January to March 2018", "31 March 2018"."""
    return _period(as_date(start), as_date(end), code())


@functools.lru_cache(maxsize=8192)
def _period(s: date, e: date, lang: str) -> str:
    kind = _kind(s, e)
    if kind == "day":
        return long_date(e)
    if kind == "month":
        return month_year(e)
    if kind == "year":
        return _("12 months to %(month)s") % {"month": month_year(e)}
    first = {"months": date_text(s, "MMMM"), "long": month_year(s), "dates": long_date(s)}[kind]
    return _("%(first)s to %(last)s") % {"first": first, "last": long_date(e) if kind == "dates" else month_year(e)}


def in_period(start: Any, end: Any) -> str:
    """The period as a phrase after a verb: "in the 12 months to March 2018", "on 31 March 2018", "in March 2018"."""
    s, e = as_date(start), as_date(end)
    kind = _kind(s, e)
    if kind == "year":
        return _("in the 12 months to %(month)s") % {"month": month_year(e)}
    if kind == "day":
        return _("on %(date)s") % {"date": long_date(e)}
    if kind == "month":
        return _("in %(month)s") % {"month": month_year(e)}
    return _("in %(period)s") % {"period": period(s, e)}


def short_period(start: Any, end: Any) -> str:
    """A compact period label for chart axes and table rows."""
    return _short_period(as_date(start), as_date(end), code())


@functools.lru_cache(maxsize=8192)
def _short_period(s: date, e: date, lang: str) -> str:
    days = (e - s).days + 1
    if days == 1:
        return date_text(e, "d MMM y")
    if 360 <= days <= 370:
        return _("Year to %(month)s") % {"month": date_text(e, "MMM y")}
    if days <= 31:
        return date_text(e, "MMM y")
    first = date_text(s, "MMM") if s.year == e.year else date_text(s, "MMM y")
    return _("%(first)s to %(last)s") % {"first": first, "last": date_text(e, "MMM y")}


def value(x: Any, meta: Indicator, symbol: str = "", with_unit: bool = True) -> str:
    """A value in its unit: "4.1 offences per 1,000 people", "23.4%", "£140.50 per person"."""
    if symbol:
        return symbol
    if is_missing(x):
        return "[x]"
    return formatter(meta, with_unit)(x)


def formatter(meta: Indicator, with_unit: bool = True) -> Callable[[Any], str]:
    """value(x, meta, with_unit=with_unit) as a function of x alone, for formatting many values of one indicator."""
    return _formatter(int(meta.decimals), str(meta.unit).strip(), with_unit, code())


@functools.lru_cache(maxsize=1024)
def _formatter(decimals: int, unit: str, with_unit: bool, lang: str) -> Callable[[Any], str]:
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

    if lang != "en" and separators(lang) != (".", ","):
        return lambda x: localised(fmt(x)) if not is_missing(x) else "[x]"
    return fmt


def interval(lower: Any, upper: Any, meta: Indicator) -> str:
    """ "11.1 to 13.6", or "" when there is no interval."""
    if is_missing(lower) or is_missing(upper):
        return ""
    return _("%(lower)s to %(upper)s") % {"lower": value(lower, meta, with_unit=False), "upper": value(upper, meta, with_unit=False)}


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
    return _("%(value)s (95%% confidence interval %(lower)s to %(upper)s)") % {"value": fmt(x), "lower": fmt(lower), "upper": fmt(upper)}


def average_name(similar_label: str) -> str:
    """ "Similar forces average": the name of the similar areas' average (``similar_label`` in the language written)."""
    text = _("%(similar)s average") % {"similar": similar_label}
    return text[:1].upper() + text[1:]


def symbol_meaning(symbol: str) -> str:
    """What a GSS shorthand symbol means, in words."""
    return _(SYMBOL_WORDS[symbol]) if symbol in SYMBOL_WORDS else ""


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


def sentences(text: str) -> list[str]:
    """Split plain text into sentences (for the 25-word rule and readability)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
