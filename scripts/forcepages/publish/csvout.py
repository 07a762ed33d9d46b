"""CSV output that spreadsheets cannot run as formulas, with GSS symbols for special values.

Two paths give the same text. The general one goes through pandas (``DataFrame.to_csv``, any column types). Tables
of plain float, integer and text columns (every chart's CSV: thousands a build) are written cell by cell with the
standard ``csv`` module instead (``_fast_cells``): about 50 microseconds a chart table against several milliseconds
through pandas, measured with a 12-row chart table. tests/test_csvout.py checks that both paths write the same text.
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd

_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")  # +4.0283, -.5, 1e-3: numbers, never formulas
FORMULA_START = frozenset("=+-@\t\r")  # the first characters _FORMULA matches


def safe_text(value: Any) -> Any:
    """Text that starts like a formula gets a leading apostrophe; numbers are left alone."""
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value



def _safe_cell(text: str) -> str:
    """safe_text of a str, skipping the regular expressions for the usual text that cannot look like a formula."""
    return safe_text(text) if text[:1] in FORMULA_START else text


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _float_cells(values: Any) -> list[str]:
    """Floats rounded to 6 places (as pandas rounds) and written with %.15g; NaN as empty."""
    return ["" if v != v else "%.15g" % v for v in np.round(np.asarray(values, dtype=float), 6).tolist()]


def _text_cells(values: list[Any]) -> list[str] | None:
    """Text cells with formula-like text neutralised; None when a value is not text (the general path handles it)."""
    out = []
    for v in values:
        if isinstance(v, str):
            out.append(_safe_cell(v))
        elif _missing(v):
            out.append("")
        else:
            return None
    return out


def _is_text(column: Any) -> bool:
    """Whether a column has pandas' default text type, whose cells are all text or NaN."""
    return isinstance(column, pd.Series) and isinstance(column.dtype, pd.StringDtype) and column.dtype.na_value is np.nan


def _str_cells(column: pd.Series) -> list[str]:
    """_text_cells of a text column, without a Python step per cell: gaps empty, formula-like text neutralised."""
    text = column.fillna("")
    risky = text.str[:1].isin(list(FORMULA_START))
    if risky.any():
        text = text.mask(risky, text[risky].map(safe_text))
    return text.tolist()


def _column_cells(column: pd.Series, symbols: list[str] | None) -> list[str] | None:
    """One column's cells as csvout writes them, or None if the column needs the general (pandas) path."""
    kind = column.dtype.kind
    if kind == "f" and isinstance(column.dtype, np.dtype):
        cells = _float_cells(column.to_numpy())
        return cells if symbols is None else [_safe_cell(s or c) for c, s in zip(cells, symbols)]
    if symbols is not None:
        return None
    if kind in "iub" and isinstance(column.dtype, np.dtype):
        return [str(v) for v in column.tolist()]
    if _is_text(column):
        return _str_cells(column)
    if kind == "O" or pd.api.types.is_string_dtype(column.dtype):
        return _text_cells(column.tolist())
    return None


def _plain_cells(values: Any, symbols: list[str] | None) -> list[str] | None:
    """Cells of a plain column (a float numpy array, or a list of text and gaps), as _column_cells would write them."""
    if isinstance(values, np.ndarray) and values.dtype.kind == "f":
        cells = _float_cells(values)
        return cells if symbols is None else [_safe_cell(s or c) for c, s in zip(cells, symbols)]
    return _text_cells(list(values)) if symbols is None else None


def _fast_cells(table: pd.DataFrame | dict[str, Any]) -> tuple[list[str], list[list[str]]] | None:
    """(header, cells by column) as the pandas path would write them, for plain float, integer and text columns,
    without pandas per cell; else None.

    ``table`` may also be a dict of columns (float numpy arrays, or lists of text): what a DataFrame of them would give.
    """
    plain = isinstance(table, dict)
    if not plain and (not all(isinstance(c, str) for c in table.columns) or table.columns.has_duplicates):
        return None
    names = list(table.keys()) if plain else list(table.columns)
    columns = [c for c in names if not c.endswith("_symbol")]
    cells = []
    for col in columns:
        symbols = None
        if col + "_symbol" in names:
            given = table[col + "_symbol"]
            sym = given.fillna("").tolist() if _is_text(given) else ["" if _missing(v) else str(v) for v in list(given)]
            symbols = sym if any(sym) else None
        column = _plain_cells(table[col], symbols) if plain else _column_cells(table[col], symbols)
        if column is None:
            return None
        cells.append(column)
    return columns, cells


class _EndLF:
    """A file for csv.writer(lineterminator="\\r\\n") that receives each row ending "\\n" instead.

    csv.writer quotes a cell holding a line break only when the break is in its line terminator: with "\\n" alone, a
    cell holding "\\r" went out unquoted, and every CSV reader split its row in two. Writing with "\\r\\n" quotes both
    kinds; the writer writes each row with one call, so each row's terminator is swapped for "\\n" here.
    """

    def __init__(self, write: Callable[[str], Any]):
        self._write = write

    def write(self, row: str) -> Any:
        return self._write(row[:-2] + "\n")


def writer(file: Any) -> Any:
    """A csv.writer in forcepages' dialect (rows end "\\n"; a cell holding "\\r" or "\\n" is quoted) onto ``file``."""
    return csv.writer(_EndLF(file.write), lineterminator="\r\n")


def _fast_csv_text(table: pd.DataFrame | dict[str, Any]) -> str | None:
    """to_csv_text through _fast_cells, or None when the table needs the pandas path."""
    found = _fast_cells(table)
    if found is None:
        return None
    columns, cells = found
    buffer = io.StringIO()
    out = writer(buffer)
    out.writerow(columns)
    out.writerows(zip(*cells))
    return buffer.getvalue()


class _Lines(list):
    """A file for csv.writer that keeps each written row as one item (the writer writes a row with one call)."""

    write = list.append


def row_lines(table: pd.DataFrame | dict[str, Any]) -> list[str]:
    """Each data row of to_csv_text(table) as its own line (header left out): "".join gives the rows' text."""
    found = _fast_cells(table)
    if found is None:
        return _pandas_lines(pd.DataFrame(table) if isinstance(table, dict) else table)[1:]
    lines = _Lines()
    writer(lines).writerows(zip(*found[1]))
    return lines


def _records(text: str) -> list[list[str]]:
    """CSV text's records, however long a cell is (csv.reader refuses cells over its field size limit, 128 KB)."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, 2**31 - 1))
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    finally:
        csv.field_size_limit(limit)


def to_csv_text(table: pd.DataFrame | dict[str, Any]) -> str:
    """A table (a DataFrame or a dict of columns) as safe CSV text; a *_symbol column fills the matching value when it is empty."""
    fast = _fast_csv_text(table)
    if fast is not None:
        return fast
    return _pandas_csv_text(pd.DataFrame(table) if isinstance(table, dict) else table)


def _pandas_csv_text(table: pd.DataFrame) -> str:
    """The general path: any column types, through pandas."""
    return "".join(_pandas_lines(table))


def _pandas_lines(table: pd.DataFrame) -> list[str]:
    """The general path's header line and each row's line."""
    out = table.copy()
    for col in [c for c in out.columns if isinstance(c, str) and c.endswith("_symbol")]:
        base = col.removesuffix("_symbol")
        sym = out[col].fillna("").astype(str)
        if base in out.columns and sym.ne("").any():
            column = out[base]
            if pd.api.types.is_float_dtype(column):
                column = column.round(6).map(lambda v: "" if math.isnan(v) else f"{v:.15g}")
            out[base] = column.astype(object).where(sym.eq(""), sym)
    out = out[[c for c in out.columns if not (isinstance(c, str) and c.endswith("_symbol"))]]
    for col in out.columns:
        column = out[col]
        if pd.api.types.is_float_dtype(column):
            out[col] = column.round(6)
        elif not pd.api.types.is_numeric_dtype(column):
            text = column.map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else v)
            as_text = text.astype(str)
            is_text = pd.Series([isinstance(v, str) for v in text], index=text.index, dtype=bool)  # bool even when empty
            risky = as_text.str.match(_FORMULA).astype(bool) & ~as_text.str.match(_NUMBER).astype(bool) & is_text
            out[col] = text.where(~risky, "'" + as_text)
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\r\n", float_format="%.15g")  # quotes cells holding "\r" (see _EndLF)
    lines = _Lines()  # pandas' rows parsed (a quoted cell may hold a line break) and written again in forcepages' dialect
    writer(lines).writerows(_records(buffer.getvalue()))
    return lines


def write_csv(table: pd.DataFrame | dict[str, Any], path: Path) -> None:
    """Write a table as safe UTF-8 CSV."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(to_csv_text(table), encoding="utf-8")
