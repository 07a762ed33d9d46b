"""Overdispersion: when areas differ more than chance alone explains (Spiegelhalter, Statistics in Medicine 2005).

Police forces differ for many reasons besides chance: who lives there, how crime is reported and recorded. With
counts in the tens of thousands, Poisson or binomial limits are so narrow that almost every force looks different.
Spiegelhalter's method measures this and widens the limits to allow for it:

1. Each area's z-score against the benchmark, with the standard error the benchmark itself implies (the null):
   rates  s = sqrt(benchmark * rate_base / denominator);  proportions (in %)  s = 100 * sqrt(p0 (1 - p0) / n).
2. Winsorise the z-scores: the lowest 10% are set to the 10th percentile, the highest 10% to the 90th
   (scipy.stats.mstats.winsorize), so a few extreme areas do not drive the estimate.
3. The overdispersion factor phi is the mean of the squared winsorised z-scores. Chance alone gives phi near 1.
4. Where phi > 1 by more than chance (I * phi above the 95% point of chi-square on I - 1 degrees of freedom, the
   test Spiegelhalter 2005 gives), either
   - additive (random effects, the default): the between-area variance
     tau^2 = max(0, (I phi - (I - 1)) / (sum w - sum w^2 / sum w)), w = 1 / s^2 (DerSimonian and Laird's
     estimator, as Spiegelhalter 2005 gives it), and z_adj = (y - benchmark) / sqrt(s^2 + tau^2); or
   - multiplicative: z_adj = z / sqrt(phi).
   Where phi <= 1 nothing changes.

The additive model is the default because the extra variation between forces (people, places, recording) does not
shrink as a force gets bigger: with a multiplicative factor the limits still narrow to nothing for the largest
forces, so the Metropolitan Police would stay "different" on almost every measure. Spiegelhalter (2005, section 6)
recommends the random-effects model for this reason when the areas are large.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from forcepages.compute.stats._arrays import ArrayLike, as_float

WINSOR_FRACTION: float = 0.1
"""Share of z-scores winsorised at each end."""
METHODS: tuple[str, ...] = ("additive", "multiplicative", "none")
MIN_AREAS: int = 10
"""Fewer areas than this give no estimate of phi (the limits stay as chance alone gives them)."""


@dataclass(frozen=True)
class Dispersion:
    """phi and tau^2 for one indicator and period, and how they are used."""

    phi: float
    tau2: float
    areas: int
    method: str
    significant: bool = True  # phi is above 1 by more than chance (chi-square test on areas - 1 degrees of freedom)

    @property
    def applies(self) -> bool:
        """True when the limits are widened: phi clearly above 1, and a method other than none."""
        return self.method != "none" and np.isfinite(self.phi) and self.phi > 1.0 and self.significant


NO_DISPERSION = Dispersion(float("nan"), 0.0, 0, "none")


def null_se(measure: str, benchmark: float, denominators: ArrayLike, rate_base: float | None = None) -> np.ndarray:
    """Standard error of each area's value if it were the benchmark (rates per rate_base; proportions in %)."""
    d = as_float(denominators)
    with np.errstate(invalid="ignore", divide="ignore"):
        if measure == "rate":
            return np.sqrt(benchmark * float(rate_base or 1.0) / d)
        if measure == "proportion":
            p0 = benchmark / 100.0
            return 100.0 * np.sqrt(p0 * (1.0 - p0) / d)
    raise ValueError("overdispersion applies to rate and proportion measures")


def winsorised(z: ArrayLike, fraction: float = WINSOR_FRACTION) -> np.ndarray:
    """z-scores with ``fraction`` winsorised at each end (scipy.stats.mstats.winsorize)."""
    arr = as_float(z)
    return np.asarray(stats.mstats.winsorize(arr, limits=(fraction, fraction)), dtype=float)


def estimate(z: ArrayLike, se: ArrayLike, method: str = "additive", fraction: float = WINSOR_FRACTION) -> Dispersion:
    """phi from the winsorised z-scores and tau^2 (DerSimonian-Laird) for the areas with a finite z and se."""
    if method not in METHODS:
        raise ValueError(f"unknown overdispersion method {method!r}")
    z, s = np.broadcast_arrays(as_float(z), as_float(se))
    ok = np.isfinite(z) & np.isfinite(s) & (s > 0)
    n = int(ok.sum())
    if n < MIN_AREAS:
        return Dispersion(float("nan"), 0.0, n, method)
    zw = winsorised(z[ok], fraction)
    phi = float(np.mean(zw**2))
    w = 1.0 / s[ok] ** 2
    tau2 = max(0.0, (n * phi - (n - 1)) / (w.sum() - (w**2).sum() / w.sum()))
    return Dispersion(phi, float(tau2), n, method, significant=bool(n * phi > chi2_95(n - 1)))


def chi2_95(dof: int) -> float:
    """The 95% point of chi-square on ``dof`` degrees of freedom."""
    return float(stats.chi2.ppf(0.95, dof))


def spread(se: ArrayLike, dispersion: Dispersion) -> np.ndarray:
    """The standard error to judge an area by: se itself, widened for overdispersion where it applies."""
    s = as_float(se)
    if not dispersion.applies:
        return s
    if dispersion.method == "multiplicative":
        return s * np.sqrt(dispersion.phi)
    return np.sqrt(s**2 + dispersion.tau2)


def limits(benchmark: float, se: ArrayLike, dispersion: Dispersion, z: float) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper limits benchmark -/+ z * (widened) se."""
    width = z * spread(se, dispersion)
    return benchmark - width, benchmark + width
