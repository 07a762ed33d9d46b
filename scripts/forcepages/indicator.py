"""One indicator of the catalogue (framework/indicators.csv), typed: what every stage after loading reads about it."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any, Mapping


@dataclass(frozen=True)
class Indicator:
    """An indicator as the catalogue describes it. Text fields are "" when empty; numbers are None when empty."""

    indicator_id: str
    title: str
    definition: str = ""
    domain_id: str = ""
    measure: str = "rate"  # rate, proportion, survey or value
    unit: str = ""
    rate_base: float | None = None  # per how many people a rate is given (None for other measures)
    polarity: str = "no-judgement"  # higher-is-better, lower-is-better or no-judgement
    decimals: int = 1
    disclosure_threshold: float | None = None  # counts below this are withheld as [c]
    source_package: str = ""
    source: str = ""
    caveats: str = ""
    census: bool = False  # a full count, with no chance variation to test
    comparable: bool = True  # forces' figures compare
    comparability_note: str = ""
    illustrative: bool = False  # made-up figures (setting illustrative_packages)
    # The same text in Welsh (optional catalogue columns ending _cy): "" where the catalogue has none, and then a
    # Welsh page shows the English text and the build reports it as untranslated.
    title_cy: str = ""
    definition_cy: str = ""
    caveats_cy: str = ""
    unit_cy: str = ""
    source_cy: str = ""
    comparability_note_cy: str = ""

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Indicator:
        """From a catalogue row (a dict or a pandas row): unknown columns are left out, empty cells take the defaults."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = row.get(f.name)
            if raw is None or (isinstance(raw, float) and math.isnan(raw)) or raw == "":
                continue
            values[f.name] = _CONVERT[f.type](raw)
        return cls(**values)


_CONVERT = {"str": str, "float | None": float, "int": int, "bool": bool}
