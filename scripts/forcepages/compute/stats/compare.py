"""Comparison with a benchmark (Fingertips overlap method), polarity, and the similar-forces average."""

from __future__ import annotations

from typing import Any, Literal

import numpy as np

from forcepages.compute.stats._arrays import ArrayLike, as_float, out
from forcepages.language import N_

Category = Literal["similar", "higher", "lower", "much-higher", "much-lower", "not-compared"]
Judgement = Literal["better", "worse", "similar", "higher", "lower", "not-compared"]
Polarity = Literal["higher-is-better", "lower-is-better", "no-judgement"]

CATEGORIES: tuple[str, ...] = ("similar", "higher", "lower", "much-higher", "much-lower", "not-compared")
JUDGEMENTS: tuple[str, ...] = ("better", "worse", "similar", "higher", "lower", "not-compared")
POLARITIES: tuple[str, ...] = ("higher-is-better", "lower-is-better", "no-judgement")

SIMILAR_AVERAGE_CONVENTION: str = N_(
    "The average for similar forces is worked out from the similar forces only. "
    "The force itself is not included. "
    "We add up the similar forces' events and divide by the total of their populations (or totals), "
    "so larger forces count for more: this is the same as a mean weighted by size. "
    "Where only a value is published, such as a survey estimate or spend per head, "
    "we use the mean of the similar forces' values weighted by their populations."
)
"""Plain-English statement of the one convention used for every similar-forces average."""


def compare_many(
    value: ArrayLike,
    lower_95: ArrayLike,
    upper_95: ArrayLike,
    lower_998: ArrayLike,
    upper_998: ArrayLike,
    benchmark: ArrayLike,
    benchmark_lower_95: ArrayLike = np.nan,
    benchmark_upper_95: ArrayLike = np.nan,
) -> Any:
    """Vectorised compare(): an array of category strings (a plain str for scalar input)."""
    v, l95, u95, l998, u998, b, bl, bu = np.broadcast_arrays(
        *(as_float(a) for a in (value, lower_95, upper_95, lower_998, upper_998, benchmark,
                                benchmark_lower_95, benchmark_upper_95))
    )
    usable = np.isfinite(v) & np.isfinite(b) & np.isfinite(l95) & np.isfinite(u95)
    double = np.isfinite(bl) & np.isfinite(bu)
    # Single overlap: is the benchmark value outside the force's interval?
    above95 = b < l95  # force higher than benchmark
    below95 = b > u95
    has998 = np.isfinite(l998) & np.isfinite(u998)
    above998 = has998 & (b < l998)
    below998 = has998 & (b > u998)
    # Double overlap: do the two 95% intervals fail to overlap?
    d_above = bu < l95
    d_below = bl > u95
    higher = np.where(double, d_above, above95)
    lower = np.where(double, d_below, below95)
    much_higher = ~double & above998
    much_lower = ~double & below998
    cat = np.full(v.shape, "similar", dtype=object)
    cat[higher] = "higher"
    cat[lower] = "lower"
    cat[much_higher] = "much-higher"
    cat[much_lower] = "much-lower"
    cat[~usable] = "not-compared"
    return out(cat)


def compare(
    value: float,
    lower_95: float,
    upper_95: float,
    lower_998: float,
    upper_998: float,
    benchmark: float,
    benchmark_lower_95: float = np.nan,
    benchmark_upper_95: float = np.nan,
) -> str:
    """Category of one value against a benchmark: similar, higher, lower, much-higher, much-lower or not-compared."""
    return str(compare_many(value, lower_95, upper_95, lower_998, upper_998, benchmark,
                            benchmark_lower_95, benchmark_upper_95))


def is_much(category: str) -> bool:
    """True for the "much higher" and "much lower" categories (outside the 99.8% interval)."""
    return category in ("much-higher", "much-lower")


def judgement(category: str, polarity: str) -> str:
    """Map a category to better/worse (by polarity) or to neutral higher/lower for no-judgement."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown category {category!r}")
    if polarity not in POLARITIES:
        raise ValueError(f"unknown polarity {polarity!r}")
    if category in ("similar", "not-compared"):
        return category
    direction = "higher" if category.endswith("higher") else "lower"
    if polarity == "no-judgement":
        return direction
    good = "higher" if polarity == "higher-is-better" else "lower"
    return "better" if direction == good else "worse"


def similar_forces_average(
    measure: str,
    numerators: ArrayLike = None,
    denominators: ArrayLike = None,
    values: ArrayLike = None,
    populations: ArrayLike = None,
    rate_base: float | None = None,
    area_codes: ArrayLike = None,
    force_code: str | None = None,
) -> float:
    """Similar-forces average by SIMILAR_AVERAGE_CONVENTION (pooled counts, or population-weighted values).

    Pass the similar forces' figures. If area_codes and force_code are given, the force itself is
    dropped. Forces with a missing figure are left out; nan if none is left.
    """
    keep: Any = None
    if area_codes is not None and force_code is not None:
        keep = np.asarray(area_codes, dtype=object) != force_code

    def pick(a: ArrayLike) -> np.ndarray:
        arr = np.atleast_1d(as_float(a))
        return arr[keep] if keep is not None else arr

    if measure in ("rate", "proportion"):
        num, den = np.broadcast_arrays(pick(numerators), pick(denominators))
        ok = np.isfinite(num) & np.isfinite(den) & (den > 0)
        if not ok.any():
            return float("nan")
        if measure == "rate":
            if rate_base is None or rate_base <= 0:
                raise ValueError("a rate needs a positive rate_base")
            scale = float(rate_base)
        else:
            scale = 100.0
        return float(num[ok].sum() / den[ok].sum() * scale)
    if measure in ("survey", "value"):
        val, pop = np.broadcast_arrays(pick(values), pick(populations))
        ok = np.isfinite(val) & np.isfinite(pop) & (pop > 0)
        if not ok.any():
            return float("nan")
        return float(np.average(val[ok], weights=pop[ok]))
    raise ValueError(f"unknown measure {measure!r}")
