"""The words for what the judgement decided: comparisons with a benchmark (certainty, then size), better or worse,
unusual changes, trends, SPC phases and changes since the previous period."""

from __future__ import annotations

from typing import Any

from forcepages.indicator import Indicator
from forcepages.language import N_, _, current
from forcepages.wording import as_date, formatter, in_period, is_missing, md, month_year, number, sentences, value


FRACTIONS = (0.1, 0.2, 0.25, 1 / 3, 0.5, 2 / 3, 0.75)
SIZE_WORDS = {  # (fraction, direction) -> words; each phrase whole, so that a translation can put it in its own order
    (0.1, "higher"): N_("about a tenth higher"), (0.1, "lower"): N_("about a tenth lower"),
    (0.2, "higher"): N_("about a fifth higher"), (0.2, "lower"): N_("about a fifth lower"),
    (0.25, "higher"): N_("about a quarter higher"), (0.25, "lower"): N_("about a quarter lower"),
    (1 / 3, "higher"): N_("about a third higher"), (1 / 3, "lower"): N_("about a third lower"),
    (0.5, "higher"): N_("about half higher"), (0.5, "lower"): N_("about half lower"),
    (2 / 3, "higher"): N_("about two thirds higher"), (2 / 3, "lower"): N_("about two thirds lower"),
    (0.75, "higher"): N_("about three quarters higher"), (0.75, "lower"): N_("about three quarters lower"),
}
# the comparison sentences: (category, benchmark) -> words; benchmark "national" (England and Wales) or "similar"
COMPARISONS = {
    ("higher", "national"): N_("It is clearly higher than England and Wales: %(both)s, %(size)s."),
    ("lower", "national"): N_("It is clearly lower than England and Wales: %(both)s, %(size)s."),
    ("similar", "national"): N_("It is similar to England and Wales: %(both)s."),
    ("census", "national"): N_("Compared with England and Wales it is %(size)s: %(both)s."),
    ("other", "national"): N_("The figure for England and Wales is %(figure)s."),
    ("none", "national"): N_("There is no figure for England and Wales to compare with."),
    ("higher", "similar"): N_("It is clearly higher than %(similar)s: %(both)s, %(size)s."),
    ("lower", "similar"): N_("It is clearly lower than %(similar)s: %(both)s, %(size)s."),
    ("similar", "similar"): N_("It is similar to %(similar)s: %(both)s."),
    ("census", "similar"): N_("Compared with %(similar)s it is %(size)s: %(both)s."),
    ("other", "similar"): N_("The figure for %(similar)s is %(figure)s."),
    ("none", "similar"): N_("There is no figure for %(similar)s to compare with."),
}


def size(x: Any, benchmark: Any, meta: Indicator) -> str:
    """How big a difference is, in words and apart from how certain it is: "about a third lower", "about twice as
    high", "2.2 percentage points higher", "about the same"; "" when there is nothing to compare."""
    return _size(x, benchmark, meta)[0]


def _size(x: Any, benchmark: Any, meta: Indicator) -> tuple[str, bool]:
    """size() and whether the difference is too small to mention as a gap ("a little higher", "about the same")."""
    if is_missing(x) or is_missing(benchmark):
        return "", False
    x, b = float(x), float(benchmark)
    direction = "higher" if x > b else "lower"
    if str(meta.unit).strip() == "%":
        points = abs(x - b)
        if points < 0.5 * 10 ** -int(meta.decimals):
            return _("about the same"), True
        words = (N_("%(points)s percentage points higher") if direction == "higher"
                 else N_("%(points)s percentage points lower"))
        return _(words) % {"points": number(points, int(meta.decimals))}, points < 1
    if b <= 0:
        return "", False
    ratio = x / b
    if ratio >= 1.9:
        times = round(ratio * 2) / 2
        if times == 2:
            return _("about twice as high"), False
        return _("about %(times)s times as high") % {"times": number(times, 0 if times.is_integer() else 1)}, False
    if 0 < ratio <= 0.2:
        return _("less than a fifth as high"), False
    gap = abs(ratio - 1)
    if gap < 0.07:
        return (_("a little higher") if direction == "higher" else _("a little lower")), True
    fraction = min(FRACTIONS, key=lambda f: abs(f - gap))
    return _(SIZE_WORDS[fraction, direction]), False


def comparison(bench: dict[str, Any], status: str, meta: Indicator, benchmark: str, figure: Any,
               similar_label: str = "") -> str:
    """One sentence comparing a figure with a benchmark (``benchmark`` "national" for England and Wales, or
    "similar" for the ``similar_label`` average): both figures, then certainty (clearly or similar), then size
    (about a third lower). "Clearly" only when the difference is statistically clear."""
    category = bench.get("category", "not-compared")
    fmt = formatter(meta, with_unit=False)
    target = bench.get("benchmark")
    names = {"similar": similar_label}
    if is_missing(target):
        return _(COMPARISONS["none", benchmark]) % names
    both = _("%(figure)s against %(benchmark)s") % {"figure": fmt(figure), "benchmark": formatter(meta)(target)}
    how_big, small = _size(figure, target, meta)
    words = {**names, "both": both, "size": how_big, "figure": fmt(target)}
    if category in ("higher", "lower"):
        return _(COMPARISONS[category, benchmark]) % words
    if category == "similar":
        gap = ""
        if not small and how_big:
            gap = " " + (_("The gap (%(size)s) is no bigger than forces often differ.") if bench.get("method", "").startswith("overdispersion")
                         else _("The gap (%(size)s) could be down to chance.")) % {"size": how_big}
        return _(COMPARISONS["similar", benchmark]) % words + gap
    if status == "census" and how_big:
        return _(COMPARISONS["census", benchmark]) % words
    return _(COMPARISONS["other", benchmark]) % words


VERDICTS = {("higher-is-better", "better"): N_("Higher is better here, so this is better."),
            ("higher-is-better", "worse"): N_("Higher is better here, so this is worse."),
            ("lower-is-better", "better"): N_("Lower is better here, so this is better."),
            ("lower-is-better", "worse"): N_("Lower is better here, so this is worse.")}


def verdict(bench: dict[str, Any], polarity: str) -> str:
    """What a clear difference means, or "" (better or worse only where the catalogue says which way is better)."""
    judgement = bench.get("judgement")
    if judgement in ("better", "worse"):
        return _(VERDICTS["higher-is-better" if polarity == "higher-is-better" else "lower-is-better", judgement])
    if judgement in ("higher", "lower"):
        return _("Higher is not better or worse here.")
    return ""


SPC_WORDS = {"unusual-rise": N_("The latest figure is an unusual rise."),
             "unusual-fall": N_("The latest figure is an unusual fall."),
             "normal": N_("The latest figure is in the usual range."),
             "not-enough-points": N_("There are not yet enough figures to tell what is usual.")}


def spc(latest: str) -> str:
    """What the SPC chart says of the latest figure."""
    return _(SPC_WORDS[latest])


def trend(result: dict[str, Any]) -> str:
    """The recent trend with its real years: "Between 2021 and 2025 the figure went up."; "" when there is none."""
    direction = result.get("direction")
    first, last = result.get("first_period_end"), result.get("last_period_end")
    if direction not in ("increasing", "decreasing", "no-significant-change") or first is None:
        return ""
    words = {"no-significant-change": N_("Between %(first)s and %(last)s there was no clear change."),
             "increasing": N_("Between %(first)s and %(last)s the figure went up."),
             "decreasing": N_("Between %(first)s and %(last)s the figure went down.")}[direction]
    return _(words) % {"first": as_date(first).year, "last": as_date(last).year}


def phases(info: list[dict[str, Any]]) -> str:
    """Why the usual range (SPC limits) starts again, phase by phase; "" for a series in one phase."""
    if len(info) < 2:
        return ""
    parts = []
    for phase in info[1:]:
        why = [w for w in phase["why"] if not w.startswith("gap:")]
        words = {"number": phase["number"], "month": month_year(phase["from"])}
        if why:  # a break in the catalogue: its first sentence (catalogue text, in the language written, escaped)
            reason = md(sentences(current().data(why[0]))[0].rstrip("."))
            parts.append(_("Phase %(number)s starts in %(month)s: %(why)s.") % {**words, "why": reason})
        else:  # a gap in the figures
            parts.append(_("Phase %(number)s starts in %(month)s, after months with no figures.") % words)
    return _("The usual range is worked out again for each phase. %(phases)s The latest figure is judged against phase "
             "%(number)s.") % {"phases": " ".join(parts), "number": info[-1]["number"]}


def change(result: dict[str, Any] | None, meta: Indicator) -> str:
    """The change from a year earlier in words, following the small-numbers rule."""
    if not result or result.get("category") == "not-compared":
        return ""
    prev = result["previous"]
    words = {"was": value(prev["value"], meta), "when": in_period(prev["period_start"], prev["period_end"])}
    category = result["category"]
    if category == "not-tested":
        return _("It was %(was)s %(when)s.") % words
    if category in ("rise", "fall"):
        if str(meta.unit).strip() == "%" and result.get("change") is not None:
            words["points"] = number(abs(result["change"]), int(meta.decimals))
            return _(CHANGES[category, "points"]) % words
        if result.get("percent") is not None:
            words["percent"] = number(abs(result["percent"]), 0)
            return _(CHANGES[category, "percent"]) % words
    head = _(CHANGES["same" if category not in ("rise", "fall") else category, ""]) % words
    if result.get("reason_no_percent") == "small-numbers":
        head += " " + _("We do not give a percentage change for fewer than 10 events.")
    return head


CHANGES = {("rise", ""): N_("This is a clear rise from %(was)s %(when)s."),
           ("fall", ""): N_("This is a clear fall from %(was)s %(when)s."),
           ("same", ""): N_("This is broadly unchanged from %(was)s %(when)s."),
           ("rise", "points"): N_("This is a clear rise from %(was)s %(when)s, a change of %(points)s percentage points."),
           ("fall", "points"): N_("This is a clear fall from %(was)s %(when)s, a change of %(points)s percentage points."),
           ("rise", "percent"): N_("This is a clear rise from %(was)s %(when)s, a change of %(percent)s%%."),
           ("fall", "percent"): N_("This is a clear fall from %(was)s %(when)s, a change of %(percent)s%%.")}
