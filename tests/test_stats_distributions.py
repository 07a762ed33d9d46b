"""forcepages.stats.distributions gives the same numbers as scipy.stats, bit for bit, edge cases included."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sst

from forcepages.stats import distributions as dist

EDGES = [np.nan, -np.inf, -5.0, -1.0, -1e-300, 0.0, 1e-300, 1e-12, 0.3, 0.5, 1.0, 2.0, 9.5, 10.0, 1e3, 1e7, 1e15, np.inf]
PROBABILITIES = [np.nan, -0.5, 0.0, 1e-300, 1e-12, 0.001, 0.025, 0.05, 0.5, 0.95, 0.975, 0.999, 1 - 1e-12, 1.0, 1.5]


def _same(ours, theirs) -> None:
    ours, theirs = np.asarray(ours), np.asarray(theirs)
    assert ours.shape == theirs.shape
    assert ours.dtype == theirs.dtype
    assert np.array_equal(ours, theirs, equal_nan=True), (ours, theirs)


def _grid(a: list[float], b: list[float]) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.meshgrid(np.array(a), np.array(b))
    return x.ravel(), y.ravel()


def test_norm_sf() -> None:
    z = np.array(EDGES + [1.959964, 3.090232])
    with np.errstate(all="ignore"):
        _same(dist.norm_sf(z), sst.norm.sf(z))
    assert float(dist.norm_sf(1.959964)) == float(sst.norm.sf(1.959964))


def test_chi2_ppf_on_a_grid_with_edges() -> None:
    q, df = _grid(PROBABILITIES, EDGES + [2e-300, 3.0, 20.0])
    with np.errstate(all="ignore"):
        _same(dist.chi2_ppf(q, df), sst.chi2.ppf(q, df))
        _same(dist.chi2_ppf(0.025, 7.0), sst.chi2.ppf(0.025, 7.0))


def test_poisson_ppf_on_a_grid_with_edges() -> None:
    q, mu = _grid(PROBABILITIES, EDGES + [0.01, 4.0, 250.5])
    with np.errstate(all="ignore"):
        _same(dist.poisson_ppf(q, mu), sst.poisson.ppf(q, mu))
        _same(dist.poisson_ppf(0.975, 12.5), sst.poisson.ppf(0.975, 12.5))


def test_poisson_cdf_on_a_grid_with_edges() -> None:
    k, mu = _grid(EDGES + [3.7, -0.5, 11.0], EDGES + [0.01, 4.0, 250.5])
    with np.errstate(all="ignore"):
        _same(dist.poisson_cdf(k, mu), sst.poisson.cdf(k, mu))
        _same(dist.poisson_cdf(3.0, 2.5), sst.poisson.cdf(3.0, 2.5))


finite = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0, max_value=1, exclude_min=True, exclude_max=True), finite)
def test_quantiles_match_scipy_anywhere(q: float, x: float) -> None:
    with np.errstate(all="ignore"):
        _same(dist.chi2_ppf(q, 2 * x + 2), sst.chi2.ppf(q, 2 * x + 2))
        _same(dist.poisson_ppf(q, x), sst.poisson.ppf(q, x))
        r = sst.poisson.ppf(q, x)
        _same(dist.poisson_cdf(r - 1, x), sst.poisson.cdf(r - 1, x))


def test_the_statistics_do_not_import_scipy_stats() -> None:
    """The point of the module: a build does not pay for importing scipy.stats."""
    import subprocess
    import sys

    code = "import sys, forcepages.compute, forcepages.stats; print('scipy.stats' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert found == "False"
