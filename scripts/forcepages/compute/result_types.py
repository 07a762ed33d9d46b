"""What the compute stage gives the rest of the build: per indicator, per area, and each area's series as columns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from forcepages.indicator import Indicator
from forcepages.compute.stats import overdispersion

# The series columns pages, charts and the API read; the rest of each row stays in IndicatorResult.table.
SERIES_FIELDS = ("period_start", "period_end", "period", "value", "lower_95", "upper_95", "value_symbol", "status",
                 "centre", "lower_limit", "upper_limit", "lower_inner", "upper_inner", "signal", "direction", "phase")


class SeriesColumns:
    """One area's rows of an indicator's series: each column a slice of one array shared by every area.

    Thousands of areas each with its own small DataFrame made pandas overhead most of the time spent writing pages;
    these slices cost nothing to make or read. Dates are pandas Timestamps, text is Python objects.
    """

    def __init__(self, columns: dict[str, np.ndarray], start: int, stop: int):
        self.columns, self.start, self.stop = columns, start, stop

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name][self.start:self.stop]

    def __contains__(self, name: object) -> bool:
        return name in self.columns

    def __len__(self) -> int:
        return self.stop - self.start

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame (for people and tests, not for loops over thousands of areas)."""
        return pd.DataFrame({name: self[name] for name in self.columns})


def series_columns(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """The series columns as arrays (numbers as floats, dates as Timestamps, the rest as Python objects)."""
    out = {}
    for name in SERIES_FIELDS:
        if name not in frame.columns:
            continue
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):  # Timestamps, one object per distinct date (few periods)
            distinct, where = np.unique(column.to_numpy(), return_inverse=True)
            stamps = np.empty(len(distinct), dtype=object)
            stamps[:] = pd.DatetimeIndex(distinct).tolist()
            out[name] = stamps[where.reshape(-1)]
        elif pd.api.types.is_float_dtype(column):
            out[name] = column.to_numpy(dtype=float)
        else:  # text: one object per distinct value (a few labels repeated on every row), as for the dates
            codes, distinct = pd.factorize(column, use_na_sentinel=True)
            labels = np.empty(len(distinct) + 1, dtype=object)
            labels[:-1] = list(distinct)
            missing = column.isna()
            labels[-1] = column[missing].iloc[0] if missing.any() else None  # what tolist() gives for a missing value
            out[name] = labels[codes]  # code -1 (missing) picks the last label
    return out


# The fields of an area's latest (and year-earlier) row that pages, wording and the API read: kept for thousands of
# areas, whole rows (notes, file names, every symbol) were most of the memory the results took.
LATEST_FIELDS = ("period_start", "period_end", "period", "numerator", "denominator", "value", "value_symbol",
                 "lower_95", "upper_95", "status", "suppressed", "note")


def kept(row: dict[str, Any]) -> dict[str, Any]:
    return {name: row[name] for name in LATEST_FIELDS if name in row}


@dataclass
class AreaResult:
    """What the statistics say about one indicator in one area."""

    area_code: str
    latest: dict[str, Any] | None = None
    vs_national: dict[str, Any] = field(default_factory=dict)  # category, judgement (None if not judged), benchmark, z
    vs_similar: dict[str, Any] = field(default_factory=dict)
    status: str = "no-figure"  # judge.STATUS_REASONS: judged, census, not-comparable, non-resident, older, no-figure
    reason: str | None = None  # why the latest figure is not judged, in plain words
    series: SeriesColumns | None = None  # non-overlapping periods, with SPC columns where they apply
    spc_latest: str | None = None
    spc_judgement: str | None = None  # better, worse or neutral for an unusual latest change (judge.change_judgement)
    phases: list[dict[str, Any]] = field(default_factory=list)  # SPC phases: first period end and why each began
    trend: dict[str, Any] = field(default_factory=lambda: {"direction": "cannot-be-calculated", "first_period_end": None,
                                                            "last_period_end": None, "points": 0})
    change: dict[str, Any] | None = None
    funnel: str = "not-compared"


@dataclass
class IndicatorResult:
    """Everything computed for one indicator."""

    meta: Indicator
    table: pd.DataFrame  # every area and period, after suppression, with intervals
    national: pd.DataFrame  # England and Wales per period
    similar: pd.DataFrame  # similar-forces average per area and period
    areas: dict[str, AreaResult]
    breaks: list[dict[str, Any]]
    latest_period: tuple[pd.Timestamp, pd.Timestamp] | None
    funnel: dict[str, Any] | None
    spc_applies: bool
    dispersion: dict[str, overdispersion.Dispersion] = field(default_factory=dict)  # by period (rates, proportions)
