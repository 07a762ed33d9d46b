"""The words for what the judgement decided: comparisons with a benchmark (certainty, then size), better or worse,
unusual changes, trends, SPC phases and changes since the previous period."""

from __future__ import annotations

from typing import Any

from forcepages.indicator import Indicator
from forcepages.wording import as_date, formatter, in_period, is_missing, md, month_year, number, sentences, value


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
    when = f"Between {as_date(first).year} and {as_date(last).year}"
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
