"""Small-number suppression (statistical disclosure control).

A group is one indicator and one period across areas. Cells whose numerator is below the
indicator's threshold are suppressed (primary). If a group then has exactly one suppressed cell,
the next smallest numerator is suppressed as well (secondary), so the hidden value cannot be
worked out by subtracting the others from a total. The total of a group with any suppressed cell
is itself published as [c] (see total_is_disclosive). Every figure derived from a suppressed
numerator (value, rate, interval, change) is published as [c] too.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from forcepages.compute.stats._arrays import ArrayLike, as_float

BoolArray = npt.NDArray[np.bool_]


def primary_suppression(numerators: ArrayLike, threshold: float | None) -> BoolArray:
    """True where a numerator is below the threshold; nothing when the threshold is None or nan."""
    num = np.atleast_1d(as_float(numerators))
    if threshold is None or not np.isfinite(threshold):
        return np.zeros(num.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        return np.isfinite(num) & (num < threshold)


def _secondary_one_group(mask: BoolArray, num: np.ndarray) -> BoolArray:
    """Secondary suppression within one group."""
    result = mask.copy()
    if result.sum() != 1:
        return result
    candidates = np.flatnonzero(~result & np.isfinite(num))
    if candidates.size:
        result[candidates[np.argmin(num[candidates])]] = True
    return result


def secondary_suppression(mask: ArrayLike, numerators: ArrayLike, groups: ArrayLike | None = None) -> BoolArray:
    """Add the next smallest numerator to any group with exactly one suppressed cell (groups: one id per cell)."""
    m = np.atleast_1d(np.asarray(mask, dtype=bool))
    num = np.atleast_1d(as_float(numerators))
    if m.shape != num.shape:
        raise ValueError("mask and numerators must have the same length")
    if groups is None:
        return _secondary_one_group(m, num)
    g = np.atleast_1d(np.asarray(groups)).astype(str)
    if g.shape != m.shape:
        raise ValueError("groups must have one id per cell")
    result = m.copy()
    _, inverse, counts = np.unique(g, return_inverse=True, return_counts=True)
    singles = np.flatnonzero(np.bincount(inverse, weights=m.astype(float)) == 1)
    order = np.argsort(inverse, kind="stable")
    starts = np.concatenate([[0], np.cumsum(counts)])
    for k in singles:  # only groups with exactly one suppressed cell need work
        idx = order[starts[k]:starts[k + 1]]
        result[idx] = _secondary_one_group(m[idx], num[idx])
    return result


def suppress(numerators: ArrayLike, threshold: float | None, groups: ArrayLike | None = None) -> BoolArray:
    """Primary then secondary suppression: True for every cell to publish as [c]."""
    return secondary_suppression(primary_suppression(numerators, threshold), numerators, groups)


def total_is_disclosive(mask: ArrayLike) -> bool:
    """True when a group has any suppressed cell, so its total must also be published as [c]."""
    return bool(np.any(np.asarray(mask, dtype=bool)))


def apply_mask(values: ArrayLike, mask: ArrayLike) -> Any:
    """Copy of values with suppressed cells set to nan (the writer shows them as [c])."""
    v = np.array(as_float(values), dtype=float, copy=True)
    v[np.asarray(mask, dtype=bool)] = np.nan
    return v
