"""XmR statistical process control charts with the Making Data Count rules, and non-overlapping periods.

Definitions used (see methods.py for the published wording):

- Limits are worked out separately for each segment (the points between declared series breaks).
  centre = mean; MR = |x[i] - x[i-1]| within the segment; limits = centre +/- 2.66 * mean(MR);
  inner lines = centre +/- (2/3 * 2.66) * mean(MR). With screen_moving_ranges, moving ranges
  above 3.267 * mean(MR) are dropped and the mean MR is worked out again from the rest.
- A segment with fewer than min_points values gets no limits and no signals.
- "Outside limits": strictly above the upper or below the lower process limit.
- "Trend": run_length consecutive points each strictly higher (or each strictly lower) than the
  one before, so 7 points means 6 rises in a row (as in NHS-R "plot the dots"). Every point in
  the run is flagged, including the first. Two equal values in a row end a trend.
- "Two-of-three": in some 3 consecutive points, 2 or more are beyond the same inner line. With
  version "2023" (Making Data Count, November 2023) a point beyond the outer limit also counts
  as beyond the inner line; with "original" only points between the inner and the outer line
  count. The points beyond the line are flagged, not the third point of the window.
- "Shift": run_length consecutive points strictly on the same side of the centre line. A point
  exactly on the centre line ends the run.
- Precedence: outside-limits, trend, two-of-three, shift. A point in several patterns is given
  the first. Missing values (nan) are skipped for the limits and end any run.
- direction: "up" for points above the centre (or in a rising trend), "down" otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import numpy.typing as npt

from forcepages.compute.stats._arrays import ArrayLike, FloatArray, as_float

XMR_LIMIT: float = 2.66
"""Process limits are the mean plus or minus 2.66 times the mean moving range (3 sigma)."""
XMR_INNER: float = 2.0 / 3.0 * XMR_LIMIT
"""Inner (two-sigma) lines: the mean plus or minus 2/3 of 2.66 times the mean moving range."""
MR_SCREEN: float = 3.267
"""Upper range limit: moving ranges above 3.267 times their mean may be screened out."""

SIGNAL_PRECEDENCE: tuple[str, ...] = ("outside-limits", "trend", "two-of-three", "shift")
"""Special-cause rules in order of precedence."""
TWO_OF_THREE_VERSIONS: tuple[str, ...] = ("2023", "original")

Latest = Literal["unusual-rise", "unusual-fall", "normal", "not-enough-points"]


@dataclass(frozen=True)
class SPCSettings:
    """Settings for the XmR chart rules; the methodology page text is built from them."""

    run_length: int = 7
    two_of_three_version: str = "2023"
    min_points: int = 13
    screen_moving_ranges: bool = False

    def __post_init__(self) -> None:
        """Check the settings are ones Making Data Count allows."""
        if self.run_length not in (6, 7):
            raise ValueError("run_length must be 6 or 7")
        if self.two_of_three_version not in TWO_OF_THREE_VERSIONS:
            raise ValueError(f"two_of_three_version must be one of {TWO_OF_THREE_VERSIONS}")
        if self.min_points < 2:
            raise ValueError("min_points must be at least 2")


DEFAULT_SETTINGS = SPCSettings()


@dataclass(frozen=True)
class SPCResult:
    """Per-point limits and signals of an XmR chart, and the outcome for the latest point."""

    values: FloatArray
    segment: npt.NDArray[np.int64]
    centre: FloatArray
    lower_limit: FloatArray
    upper_limit: FloatArray
    lower_inner: FloatArray
    upper_inner: FloatArray
    mean_moving_range: FloatArray
    signal: list[str | None]
    direction: list[str | None]
    latest: str
    segment_points: dict[int, int] = field(default_factory=dict)
    settings: SPCSettings = DEFAULT_SETTINGS


def _segment_limits(x: FloatArray, settings: SPCSettings) -> tuple[float, float]:
    """Centre and mean moving range of one segment (nan if too few points)."""
    finite = np.isfinite(x)
    if finite.sum() < settings.min_points:
        return float("nan"), float("nan")
    centre = float(np.mean(x[finite]))
    mr = np.abs(np.diff(x))
    mr = mr[np.isfinite(mr)]
    if mr.size == 0:
        return centre, float("nan")
    amr = float(mr.mean())
    if settings.screen_moving_ranges:
        kept = mr[mr <= MR_SCREEN * amr]
        amr = float(kept.mean()) if kept.size else amr
    return centre, amr


def _runs(flag: npt.NDArray[np.bool_], length: int) -> npt.NDArray[np.bool_]:
    """Mark every element belonging to a run of at least `length` consecutive True values."""
    marked = np.zeros(flag.shape, dtype=bool)
    n = flag.size
    i = 0
    while i < n:
        if flag[i]:
            j = i
            while j < n and flag[j]:
                j += 1
            if j - i >= length:
                marked[i:j] = True
            i = j
        else:
            i += 1
    return marked


def _trend_points(x: FloatArray, length: int) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Points in a run of `length` points each strictly above (rising) or below (falling) the last."""
    n = x.size
    up = np.zeros(n, dtype=bool)
    down = np.zeros(n, dtype=bool)
    if n < 2:
        return up, down
    d = np.diff(x)
    with np.errstate(invalid="ignore"):
        rising = d > 0
        falling = d < 0
    for steps, target in ((rising, up), (falling, down)):
        # a run of length-1 consecutive steps covers `length` points
        step_run = _runs(steps, length - 1)
        target[1:] |= step_run
        target[:-1] |= step_run
    return up, down


def _two_of_three(beyond_hi: npt.NDArray[np.bool_], beyond_lo: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Points beyond an inner line that, with another such point on the same side, fall within 3 consecutive points."""
    n = beyond_hi.size
    flagged = np.zeros(n, dtype=bool)
    for side in (beyond_hi, beyond_lo):
        for start in range(max(n - 2, 1)):
            window = side[start:start + 3]
            if window.sum() >= 2:
                flagged[start:start + 3] |= window
    return flagged


def _segment_signals(
    x: FloatArray, centre: float, amr: float, settings: SPCSettings
) -> tuple[list[str | None], list[str | None]]:
    """Signals and directions for the points of one segment with known limits."""
    n = x.size
    ucl, lcl = centre + XMR_LIMIT * amr, centre - XMR_LIMIT * amr
    uin, lin = centre + XMR_INNER * amr, centre - XMR_INNER * amr
    with np.errstate(invalid="ignore"):
        above, below = x > centre, x < centre
        out_hi, out_lo = x > ucl, x < lcl
        if settings.two_of_three_version == "2023":
            b_hi, b_lo = x > uin, x < lin
        else:
            b_hi, b_lo = (x > uin) & ~out_hi, (x < lin) & ~out_lo
    t_up, t_down = _trend_points(x, settings.run_length)
    two3 = _two_of_three(b_hi, b_lo)
    shift = _runs(above, settings.run_length) | _runs(below, settings.run_length)
    signal: list[str | None] = [None] * n
    direction: list[str | None] = [None] * n
    for i in range(n):
        if not np.isfinite(x[i]):
            continue
        side = "up" if x[i] > centre else "down" if x[i] < centre else None
        if out_hi[i] or out_lo[i]:
            signal[i], direction[i] = "outside-limits", "up" if out_hi[i] else "down"
        elif t_up[i] or t_down[i]:
            signal[i], direction[i] = "trend", "up" if t_up[i] else "down"
        elif two3[i]:
            signal[i], direction[i] = "two-of-three", side
        elif shift[i]:
            signal[i], direction[i] = "shift", side
    return signal, direction


def xmr(values: ArrayLike, segment: ArrayLike | None = None, settings: SPCSettings = DEFAULT_SETTINGS) -> SPCResult:
    """XmR chart of a series in time order; segment ids (one per point) rebase the limits at breaks."""
    x = np.atleast_1d(as_float(values)).astype(float)
    seg = np.zeros(x.size, dtype=np.int64) if segment is None else np.atleast_1d(np.asarray(segment, dtype=np.int64))
    if seg.shape != x.shape:
        raise ValueError("values and segment must have the same length")
    n = x.size
    centre, lower, upper, lin, uin, amr_arr = (np.full(n, np.nan) for _ in range(6))
    signal: list[str | None] = [None] * n
    direction: list[str | None] = [None] * n
    counts: dict[int, int] = {}
    # segments are runs of equal ids in time order (an id reused later is a new segment)
    bounds = np.flatnonzero(np.diff(seg) != 0) + 1 if n else np.array([], dtype=int)
    starts = np.concatenate([[0], bounds]).astype(int) if n else np.array([], dtype=int)
    ends = np.concatenate([bounds, [n]]).astype(int) if n else np.array([], dtype=int)
    for s, e in zip(starts, ends):
        xs = x[s:e]
        sid = int(seg[s])
        counts[sid] = counts.get(sid, 0) + int(np.isfinite(xs).sum())
        c, amr = _segment_limits(xs, settings)
        if not (np.isfinite(c) and np.isfinite(amr)):
            continue
        centre[s:e], amr_arr[s:e] = c, amr
        upper[s:e], lower[s:e] = c + XMR_LIMIT * amr, c - XMR_LIMIT * amr
        uin[s:e], lin[s:e] = c + XMR_INNER * amr, c - XMR_INNER * amr
        sig, dirn = _segment_signals(xs, c, amr, settings)
        signal[s:e], direction[s:e] = sig, dirn
    latest = _latest(x, centre, signal, direction)
    return SPCResult(x, seg, centre, lower, upper, lin, uin, amr_arr, signal, direction, latest, counts, settings)


def _latest(x: FloatArray, centre: FloatArray, signal: list[str | None], direction: list[str | None]) -> str:
    """Outcome for the latest point: unusual-rise, unusual-fall, normal or not-enough-points."""
    if x.size == 0 or not np.isfinite(x[-1]) or not np.isfinite(centre[-1]):
        return "not-enough-points"
    if signal[-1] is None:
        return "normal"
    return "unusual-rise" if direction[-1] == "up" else "unusual-fall"


def non_overlapping(period_start: ArrayLike, period_end: ArrayLike) -> npt.NDArray[np.intp]:
    """Indices (in time order) of a chain of non-overlapping periods ending with the latest period.

    Rule: start from the period with the latest end date (if several end that day, the one whose
    length is closest to the median length; then the shortest). Step back: the next period is the
    one with the latest end date before the current period starts (ties broken the same way). So
    rolling 12-month totals reported every quarter give one value a year, all ending in the same
    month as the latest. A gap in the data lets the chain move to the next earlier period.
    """
    start = np.asarray(period_start, dtype="datetime64[D]")
    end = np.asarray(period_end, dtype="datetime64[D]")
    if start.shape != end.shape:
        raise ValueError("period_start and period_end must have the same length")
    if start.size == 0:
        return np.array([], dtype=np.intp)
    length = (end - start).astype(np.int64)
    typical = float(np.median(length))
    # sort key: end ascending; among equal ends, preferred (closest length, then shortest) last
    order = np.lexsort((-length, -np.abs(length - typical), end))
    chosen: list[int] = []
    current = int(order[-1])
    chosen.append(current)
    sorted_end = end[order]
    while True:
        cutoff = start[current]
        k = int(np.searchsorted(sorted_end, cutoff, side="left"))  # ends strictly before cutoff
        if k == 0:
            break
        current = int(order[k - 1])
        chosen.append(current)
    return np.array(chosen[::-1], dtype=np.intp)
