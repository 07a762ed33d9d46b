"""Small array helpers shared by the statistics modules."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike


def as_float(x: ArrayLike) -> FloatArray:
    """Return x as a float array; None becomes nan."""
    if x is None:
        return np.asarray(np.nan)
    arr = np.asarray(x, dtype=object) if isinstance(x, (list, tuple)) else np.asarray(x)
    if arr.dtype.kind not in "biuf":
        arr = arr.astype(object)
    if arr.dtype == object:
        arr = np.array([_to_float(v) for v in arr.ravel()], dtype=float).reshape(arr.shape)
    return arr.astype(float)


def _to_float(v: Any) -> float:
    """One value as a float; None, pandas NA and anything not numeric become nan."""
    try:
        return float(v)
    except (TypeError, ValueError):
        return float("nan")


def out(x: Any) -> Any:
    """Return a 0-d array as a plain Python float (or str), other arrays unchanged."""
    arr = np.asarray(x)
    if arr.ndim == 0:
        item = arr.item()
        return float(item) if isinstance(item, (int, float, np.floating)) else item
    return arr
