"""CSV output that spreadsheets cannot run as formulas, with GSS symbols for special values."""

from __future__ import annotations

import io
import math
import re
from pathlib import Path
from typing import Any

import pandas as pd

_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")


def safe_text(value: Any) -> Any:
    """Text that starts like a formula gets a leading apostrophe; numbers are left alone."""
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def tidy_number(value: Any) -> Any:
    """Floats rounded to 6 decimal places, whole numbers without a decimal point."""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        rounded = round(value, 6)
        return int(rounded) if rounded.is_integer() and abs(rounded) < 1e15 else rounded
    return value


def to_csv_text(table: pd.DataFrame) -> str:
    """A table as safe CSV text; a *_symbol column fills the matching value when it is empty."""
    out = table.copy()
    for col in [c for c in out.columns if c.endswith("_symbol")]:
        base = col.removesuffix("_symbol")
        sym = out[col].fillna("").astype(str)
        if base in out.columns and sym.ne("").any():
            column = out[base]
            if pd.api.types.is_float_dtype(column):
                column = column.round(6).map(lambda v: "" if math.isnan(v) else f"{v:.15g}")
            out[base] = column.astype(object).where(sym.eq(""), sym)
    out = out[[c for c in out.columns if not c.endswith("_symbol")]]
    for col in out.columns:
        column = out[col]
        if pd.api.types.is_float_dtype(column):
            out[col] = column.round(6)
        elif not pd.api.types.is_numeric_dtype(column):
            text = column.map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else v)
            as_text = text.astype(str)
            risky = as_text.str.match(_FORMULA) & ~as_text.str.match(_NUMBER) & text.map(lambda v: isinstance(v, str))
            out[col] = text.where(~risky, "'" + as_text)
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n", float_format="%.15g")
    return buffer.getvalue()


def write_csv(table: pd.DataFrame, path: Path) -> None:
    """Write a table as safe UTF-8 CSV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv_text(table), encoding="utf-8")
