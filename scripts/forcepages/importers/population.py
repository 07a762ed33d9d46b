"""Mid-year populations for rates: the reference package's population table, and which estimate a period uses."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from forcepages.importers.common import mid_year_for_period
from forcepages.importers.reference import build_population


@lru_cache(maxsize=4)
def population_table(raw: str) -> dict[tuple[str, int], int]:
    """(area_code, year) -> mid-year population, as written to reference/population.csv."""
    return {(code, year): pop for code, year, pop, _ in build_population(Path(raw))}


def population_for(raw: Path, code: str, start: date, end: date) -> tuple[float | None, str]:
    """Population for a rate over the period, and a note when the latest estimate stands in."""
    table = population_table(str(raw))
    year = mid_year_for_period(start, end)
    if (code, year) in table:
        return table[(code, year)], ""
    years = sorted(y for c, y in table if c == code)
    if years and year > years[-1]:
        return table[(code, years[-1])], f"Rate uses the mid-{years[-1]} population, the latest estimate available."
    return None, ""
