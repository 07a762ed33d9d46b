"""All recorded crime per financial year, April 2019 to March 2026, from the Home Office force-by-year file.

These years join the `total-recorded-crime` series after the year ending March 2019 with a series
break on 1 April 2019 (framework.SERIES_BREAKS): this file counts every offence code, so it
includes the little fraud that forces record themselves, while the figures before leave fraud out.
Values are kept as published; a force with the same count two years running gets a note.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from forcepages.importers import force_year
from forcepages.importers.common import ENGLAND_AND_WALES, FORCE_CODES, Row, rate_row
from forcepages.importers.population import population_for

INDICATOR = "total-recorded-crime"
FIRST_START = date(2019, 4, 1)  # the first year after the rolling-year series ends (and the series break)
LAST_START = date(2025, 4, 1)   # the import fails loudly if the file stops earlier
SAME_COUNT_NOTE = ("The Home Office table gives this force the same number of crimes, {count}, in {a} and in {b}. "
                   "This may be a mistake in the table. We show the number as it was published.")
JUNE_2025_NOTE = ("This 12 months is from ONS table P1, which leaves out all fraud. It is not part of the April to "
                  "March series from April 2019, which counts the few fraud crimes forces record themselves.")


def _join(*notes: str) -> str:
    return " ".join(n for n in notes if n)


def financial_year_rows(raw: Path) -> list[Row]:
    """One row per force and England and Wales for each financial year from 2019/20."""
    counts = force_year.recorded_crime(raw)
    complete = force_year.complete_years(counts, force_year.RECORDED, first=force_year.fy_label(FIRST_START))
    if not complete or complete[-1][1] < LAST_START:
        raise ValueError(f"{force_year.RECORDED}: expected years up to {force_year.fy_label(LAST_START)}, "
                         f"found {complete[-1][0] if complete else 'none'}")
    years = [fy for fy, _, _ in complete]
    rows: list[Row] = []
    for i, (fy, start, end) in enumerate(complete):
        for code in FORCE_CODES:
            count = counts[(code, fy)]
            pop, note = population_for(raw, code, start, end)
            for other in years[max(i - 1, 0):i] + years[i + 1:i + 2]:
                if counts.get((code, other)) == count:
                    a, b = sorted((fy, other))
                    note = _join(SAME_COUNT_NOTE.format(count=f"{count:,}", a=a, b=b), note)
            rows.append(rate_row(INDICATOR, code, start, end, count, pop, 1000, note=note))
        pop, note = population_for(raw, ENGLAND_AND_WALES, start, end)
        total = sum(counts[(c, fy)] for c in FORCE_CODES)
        rows.append(rate_row(INDICATOR, ENGLAND_AND_WALES, start, end, total, pop, 1000, note=note))
    return rows


def mark_june_2025(rows: list[Row]) -> None:
    """Say on the year-to-June-2025 total rows that they follow the older definition."""
    for row in rows:
        if row.indicator_id == INDICATOR and row.period_end == date(2025, 6, 30):
            row.note = _join(JUNE_2025_NOTE, row.note)

