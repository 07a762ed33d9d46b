"""The four distribution functions the statistics use, from scipy.special.

They give the same numbers as scipy.stats (norm.sf, chi2.ppf, poisson.ppf, poisson.cdf: the same special
functions, the same handling of out-of-range arguments; tests/test_stats_distributions.py compares them bit for
bit), without importing scipy.stats, which takes about 0.6 s of every build.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import special

from ._arrays import ArrayLike


def _result(values: np.ndarray) -> Any:
    """A 0-d result as a numpy scalar, as scipy.stats returns it."""
    return values[()] if values.ndim == 0 else values


def norm_sf(z: ArrayLike) -> Any:
    """Standard normal survival function: P(Z > z)."""
    return special.ndtr(-np.asarray(z, dtype=float))


def chi2_ppf(q: ArrayLike, df: ArrayLike) -> Any:
    """Chi-square quantile: 0 at q = 0, infinity at q = 1, nan where df <= 0 or q is outside 0 to 1."""
    q, df = np.broadcast_arrays(np.asarray(q, dtype=float), np.asarray(df, dtype=float))
    valid = df > 0
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        inside = 2.0 * special.gammaincinv(df / 2.0, q)
    output = np.where(valid & (q > 0) & (q < 1), inside, np.nan)
    output = np.where(valid & (q == 0), 0.0, np.where(valid & (q == 1), np.inf, output))
    return _result(np.asarray(output, dtype=float))


def poisson_ppf(q: ArrayLike, mu: ArrayLike) -> Any:
    """Poisson quantile: the least k with P(X <= k) >= q; -1 at q = 0, infinity at q = 1, nan where mu < 0."""
    q, mu = np.broadcast_arrays(np.asarray(q, dtype=float), np.asarray(mu, dtype=float))
    valid = mu >= 0
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        above = np.ceil(special.pdtrik(q, mu))
        below = np.maximum(above - 1, 0)
        inside = np.where(special.pdtr(below, mu) >= q, below, above)
    output = np.where(valid & (q > 0) & (q < 1), inside, np.nan)
    output = np.where(valid & (q == 0), -1.0, np.where(valid & (q == 1), np.inf, output))
    return _result(np.asarray(output, dtype=float))


def poisson_cdf(k: ArrayLike, mu: ArrayLike) -> Any:
    """Poisson P(X <= k): 0 below k = 0, 1 at k = infinity, nan where mu < 0 or k is nan."""
    k, mu = np.broadcast_arrays(np.asarray(k, dtype=float), np.asarray(mu, dtype=float))
    valid = mu >= 0
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        inside = np.clip(special.pdtr(np.floor(k), mu), 0, 1)
    output = np.where(valid & (k >= 0) & np.isfinite(k), inside, 0.0)
    output = np.where(k == np.inf, 1.0, output)
    output = np.where(~valid | np.isnan(k), np.nan, output)
    return _result(np.asarray(output, dtype=float))
