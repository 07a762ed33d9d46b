"""One column of a large table read against its Table Schema field, vectorised: the cells' values, which are missing,
and which break the field's type or constraints (exactly as frictionless reads them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

EXACT_DISTINCT = 2_000  # number and date columns with at most this many distinct values are read per distinct value
VECTOR_CONSTRAINTS = {"required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "unique"}
NONE = -1  # key code for a missing or unreadable cell



@dataclass
class Column:
    """What the schema says about one column of cells."""

    none: np.ndarray  # missing value (or absent cell): True
    type_error: np.ndarray
    constraint_notes: list[tuple[np.ndarray, str]]
    key: np.ndarray  # comparable value per row (NONE/NaN for none or unreadable)


def _exact(field, cells: pd.Series, present: np.ndarray) -> Column:
    """Read each distinct cell with frictionless' own reader."""
    reader = field.create_cell_reader()
    codes, uniques = pd.factorize(cells, sort=False)
    n = len(uniques)
    none_u, type_u = np.zeros(n, bool), np.zeros(n, bool)
    notes_u: dict[str, np.ndarray] = {}
    key_u = np.full(n, NONE, dtype=np.int64)
    nan_u = np.zeros(n, bool)
    canon: dict[Any, int] = {}
    for i, cell in enumerate(uniques):
        value, notes = reader(cell)
        notes = dict(notes or {})
        if notes.pop("type", None):
            type_u[i] = True
        elif value is None:
            none_u[i] = True
        elif _is_nan(value):
            nan_u[i] = True  # NaN equals nothing, not even another NaN: frictionless never matches it
        else:
            key_u[i] = canon.setdefault(_canonical(value), len(canon))
        for name, note in notes.items():
            notes_u.setdefault(note, np.zeros(n, bool))[i] = True
    take = lambda arr: arr[codes]  # noqa: E731
    absent = ~present
    notes = [(take(m) & present, note) for note, m in notes_u.items()]
    required = (field.constraints or {}).get("required")
    if required and absent.any():  # an absent cell is read as None, so "required" fails too
        text = f'constraint "required" is "{required}"'
        notes = [(m | absent, n) if n == text else (m, n) for m, n in notes] or [(absent, text)]
        if not any(n == text for _, n in notes):
            notes.append((absent, text))
    key = np.where(present, take(key_u), NONE)
    nan = take(nan_u) & present
    key[nan] = len(canon) + np.arange(int(nan.sum()))
    return Column(none=(take(none_u) & present) | absent, type_error=take(type_u) & present,
                  constraint_notes=notes, key=key)


def _is_nan(value: Any) -> bool:
    """A number that is not a number (Decimal or float NaN)."""
    try:
        return value != value
    except Exception:  # a signalling Decimal NaN refuses to compare
        return True


def _canonical(value: Any) -> Any:
    """A hashable value equal for cells frictionless treats as the same key."""
    try:
        return ("n", float(value)) if isinstance(value, (int, float)) or type(value).__name__ == "Decimal" else value
    except (ValueError, OverflowError):
        return value


def _vector(field, cells: pd.Series, present: np.ndarray, missing_values: list[str]) -> Column:
    """Numbers and dates with many distinct values: parse whole columns, read the rest exactly."""
    missing = cells.isin(missing_values).to_numpy() & present
    candidate = present & ~missing
    if field.type == "date":
        parsed = pd.to_datetime(cells.where(candidate), format="%Y-%m-%d", errors="coerce")
        ok = parsed.notna().to_numpy() & candidate  # pandas, like strptime, refuses spaces around the date
        values = parsed.to_numpy("datetime64[D]").astype("int64").astype(float)
    else:
        stripped = cells.str.strip()
        parsed = pd.to_numeric(stripped.where(candidate), errors="coerce")
        ok = parsed.notna().to_numpy() & candidate & np.isfinite(parsed.to_numpy(float))
        if field.type == "integer":
            for char in ".eE":
                ok &= ~stripped.str.contains(char, regex=False).to_numpy(dtype=bool, na_value=False)
        values = parsed.to_numpy(float)
    unsure = candidate & ~ok
    values = np.where(ok, values, np.nan)
    nan_value = np.zeros(len(cells), bool)
    type_error = np.zeros(len(cells), bool)
    if unsure.any():  # the few cells pandas rejects: frictionless decides
        reader = field.create_cell_reader()
        idx = np.flatnonzero(unsure)
        codes, uniques = pd.factorize(cells.iloc[idx])
        results = [reader(u) for u in uniques]
        for j, (value, notes) in enumerate(results):
            rows = idx[codes == j]
            if notes and "type" in notes:
                type_error[rows] = True
            elif value is not None and _is_nan(value):
                nan_value[rows] = True
            elif value is not None:
                values[rows] = (value.toordinal() - 719163) if field.type == "date" else _as_float(value)
    notes_out: list[tuple[np.ndarray, str]] = []
    readable = present & ~missing & ~type_error
    constraints = field.constraints or {}
    if constraints.get("required"):
        notes_out.append((missing | ~present, f'constraint "required" is "{constraints["required"]}"'))
    reader_value = field.create_value_reader()
    for name, op in (("minimum", np.less), ("maximum", np.greater), ("exclusiveMinimum", np.less_equal),
                     ("exclusiveMaximum", np.greater_equal)):
        if name in constraints:
            limit = reader_value(constraints[name])
            limit = (limit.toordinal() - 719163) if field.type == "date" else _as_float(limit)
            with np.errstate(invalid="ignore"):
                bad = readable & (op(values, limit) | nan_value)
            notes_out.append((bad, f'constraint "{name}" is "{constraints[name]}"'))
    key, _ = pd.factorize(values)  # NONE (-1) for none
    key = key.astype(np.int64)
    key[nan_value] = int(key.max(initial=0)) + 1 + np.arange(int(nan_value.sum()))
    return Column(none=missing | ~present, type_error=type_error, constraint_notes=notes_out, key=key)


def _as_float(value: Any) -> float:
    """A frictionless number as a float (NaN stays NaN)."""
    try:
        return float(value)
    except (ValueError, OverflowError):
        return float("nan")


def read_column(field, cells: pd.Series, present: np.ndarray, missing_values: list[str]) -> Column:
    """Choose the exact or the vectorised reading for one column."""
    constraints = set((field.constraints or {}).keys())
    vectorisable = field.type in ("number", "integer", "date") and (field.format in (None, "default")) \
        and constraints <= VECTOR_CONSTRAINTS and not field.has_defined("missing_values") \
        and not any(field.has_defined(p) for p in ("bare_number", "group_char", "decimal_char", "float_number"))
    if vectorisable and cells.nunique() > EXACT_DISTINCT:
        return _vector(field, cells, present, missing_values)
    column = _exact(field, cells, present)
    return column


# --- the checks --------------------------------------------------------------------------------

