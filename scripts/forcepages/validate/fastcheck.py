"""Table Schema checks on large CSV tables, vectorised with pandas and numpy.

frictionless checks one Python row at a time (about 11 times slower than pandas on a million
rows). This module checks the same rules on whole columns and reports the same errors, with the
same (row, field, type) and the same messages, so load.py uses it for indicator-values tables and
keeps frictionless for package metadata and the small reference and framework tables.

Exactness: every cell the vectorised path cannot decide (a number pandas cannot parse, a date
pandas rejects, any value of a low-cardinality column) is read by frictionless' own cell reader,
once per distinct value. tests/test_parity.py compares both on the bad-input corpus.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from forcepages.errors import Problem
from forcepages.validate.fastcheck_columns import NONE, read_column
from forcepages.validate.flags import MAX_PER_RULE
from forcepages.validate.tables import FIRST_ROW



@dataclass
class TableError:
    """The parts of a frictionless error that frictionless_check turns into a Problem."""

    type: str
    title: str
    row_number: int | None = None
    field_name: str = ""
    cell: str | None = None
    note: str = ""


def _titles() -> dict[str, str]:
    """frictionless' own error titles, so messages match its reports word for word."""
    from frictionless import errors as fe

    classes = (fe.TypeError, fe.ConstraintError, fe.ExtraCellError, fe.MissingCellError, fe.BlankRowError,
               fe.PrimaryKeyError, fe.UniqueError, fe.ExtraLabelError, fe.MissingLabelError, fe.BlankLabelError,
               fe.DuplicateLabelError, fe.IncorrectLabelError)
    return {c.type: c.title for c in classes}


def can_check(schema: Any) -> bool:
    """The fast path handles schemas without foreign keys (those need the other tables: frictionless does them)."""
    return isinstance(schema, dict) and not schema.get("foreignKeys")


# --- reading ---------------------------------------------------------------------------------

def _cell_counts(text: str) -> np.ndarray | None:
    """Cells per record, counting commas and line ends outside quotes; None when there are carriage returns."""
    raw = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    if raw.size == 0:
        return np.zeros(0, dtype=np.int64)
    if text.find("\r") >= 0:
        return None  # let the csv module decide
    quotes = np.flatnonzero(raw == 34)
    ends = np.flatnonzero(raw == 10)
    commas = np.flatnonzero(raw == 44)
    if quotes.size:  # a comma or line end after an odd number of quotes is inside a quoted cell
        ends = ends[np.searchsorted(quotes, ends) % 2 == 0]
        commas = commas[np.searchsorted(quotes, commas) % 2 == 0]
    if ends.size == 0 or ends[-1] != raw.size - 1:
        ends = np.append(ends, raw.size)
    starts = np.concatenate(([0], ends[:-1] + 1))
    per_line = np.searchsorted(commas, ends) - np.searchsorted(commas, starts)
    return np.where(ends == starts, 0, per_line + 1).astype(np.int64)


def read_cells(text: str) -> tuple[list[str], pd.DataFrame, np.ndarray]:
    """(header labels, data cells as text with '' for absent cells, cells per data row)."""
    text = text.removeprefix("\ufeff")
    if not text.endswith("\n"):
        text += "\n"
    counts = _cell_counts(text)
    frame = None
    if counts is not None and len(counts) and counts.max() <= counts[0]:
        try:
            frame = pd.read_csv(io.StringIO(text), header=None, dtype=str, keep_default_na=False, na_filter=False,
                                skip_blank_lines=False, engine="c")
        except (pd.errors.ParserError, ValueError):
            frame = None
        if frame is not None and len(frame) != len(counts):
            frame = None
    if frame is None:  # ragged, long rows or unusual quoting: the csv module, row by row
        rows = list(csv.reader(io.StringIO(text, newline="")))
        counts = np.array([len(r) for r in rows], dtype=np.int64)
        width = int(counts.max()) if len(counts) else 0
        frame = pd.DataFrame([r + [""] * (width - len(r)) for r in rows], dtype=str)
    labels = [str(c).strip() for c in frame.iloc[0].tolist()[: int(counts[0])]] if len(frame) else []
    data = frame.iloc[1:].reset_index(drop=True)
    data.columns = range(data.shape[1])
    return labels, data, counts[1:]


# --- reading one column ------------------------------------------------------------------------

class _Errors:
    """Errors by (type, field), at most MAX_PER_RULE each, then a count of the rest."""

    def __init__(self, titles: dict[str, str]):
        self.titles, self.items, self.more = titles, [], {}

    def add_rows(self, kind: str, rows: np.ndarray, field: str, cells: Callable[[int], str | None],
                 note: Callable[[int], str] | str = "") -> None:
        """One error per data-row index in ``rows``."""
        for i in rows[:MAX_PER_RULE]:
            text = note(int(i)) if callable(note) else note
            self.items.append(TableError(kind, self.titles[kind], int(i) + FIRST_ROW, field, cells(int(i)), text))
        if len(rows) > MAX_PER_RULE:
            self.more[(kind, field)] = (int(rows[MAX_PER_RULE]) + FIRST_ROW, len(rows) - MAX_PER_RULE)

    def add(self, kind: str, field: str = "", note: str = "") -> None:
        """A header error."""
        self.items.append(TableError(kind, self.titles[kind], None, field, None, note))


def _header(labels: list[str], fields: list, errors: _Errors) -> None:
    """Label errors, compared by position as frictionless does."""
    names = [f.name for f in fields]
    for number in range(len(names) + 1, len(labels) + 1):
        errors.add("extra-label")
    for name in names[len(labels):]:
        errors.add("missing-label", name)
    for number, (name, label) in enumerate(zip(names, labels), start=1):
        if not label:
            errors.add("blank-label", name)
            continue
        seen = [str(i) for i, other in enumerate(labels[: number - 1], start=1) if other == label]
        if seen:
            errors.add("duplicate-label", name, f'at position "{", ".join(seen)}"')
        elif label != name:
            errors.add("incorrect-label", name)


def _previous(keys: pd.DataFrame, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(repeated, row number of the previous row with the same key) for each row."""
    dup = keys.duplicated(keep="first").to_numpy() & rows
    prev = np.full(len(keys), -1, dtype=np.int64)
    if dup.any():
        numbered = keys.assign(_n=np.arange(len(keys)) + FIRST_ROW)[rows]
        shifted = numbered.groupby(list(keys.columns), sort=False, dropna=False)["_n"].shift(1)
        prev[np.flatnonzero(rows)] = shifted.fillna(-1).astype(np.int64).to_numpy()
    return dup & (prev > 0), prev


def check_text(text: str, schema_descriptor: dict) -> list[TableError]:
    """Every Table Schema error frictionless would report for this CSV text."""
    return check_cells(*read_cells(text), schema_descriptor)


def check_cells(labels: list[str], data: pd.DataFrame, counts: np.ndarray, schema_descriptor: dict) -> list[TableError]:
    """Every Table Schema error frictionless would report for these cells (from read_cells)."""
    from frictionless import Schema

    schema = Schema.from_descriptor(schema_descriptor)
    titles = _titles()
    errors = _Errors(titles)
    data = data.copy() if data.shape[1] < len(labels) else data
    fields = list(schema.fields)
    _header(labels, fields, errors)
    width = len(labels)
    expected = fields[:width]  # labels without a field get an "any" field: nothing to check
    nrows = len(data)
    for c in range(data.shape[1], max(width, 1)):
        data[c] = ""
    cell_at = lambda col: (lambda i: str(data.iat[i, col]))  # noqa: E731
    missing_values = list(schema.missing_values)
    blank = np.ones(nrows, dtype=bool)
    cell_errors: list[tuple[str, np.ndarray, str, int, str]] = []
    keys: dict[str, np.ndarray] = {}
    for col in range(width):
        present = counts > col
        if col >= len(expected):  # a label with no field: read as "any", blank when a missing value
            blank &= data[col].isin(missing_values).to_numpy() | ~present
            continue
        field = expected[col]
        column = read_column(field, data[col], present, missing_values)
        blank &= column.none
        cell_errors.append(("type-error", column.type_error, field.name, col, f'type is "{field.type}/{field.format}"'))
        for mask, note in column.constraint_notes:
            cell_errors.append(("constraint-error", mask, field.name, col, note))
        keys[field.name] = column.key
    blank |= counts == 0  # an empty line is a blank row
    # cells beyond the header and cells short of it
    for col in range(width, int(counts.max()) if nrows else 0):
        rows = np.flatnonzero((counts > col) & ~blank)
        errors.add_rows("extra-cell", rows, "", cell_at(col) if col < data.shape[1] else (lambda i: ""))
    for col, field in enumerate(expected):
        rows = np.flatnonzero((counts <= col) & (counts > 0) & ~blank)
        errors.add_rows("missing-cell", rows, field.name, lambda i: "")
    for kind, mask, name, col, note in cell_errors:
        errors.add_rows(kind, np.flatnonzero(mask & ~blank), name, cell_at(col), note)
    errors.add_rows("blank-row", np.flatnonzero(blank), "", lambda i: None)
    _unique_and_keys(schema, expected, keys, data, nrows, errors)
    items = errors.items
    for (kind, field), (row, count) in errors.more.items():
        rest = f"this row and {count - 1:,} more after it have" if count > 1 else "this row has"
        items.append(TableError(kind, titles[kind], row, field, None, f"{rest} the same problem (not listed)"))
    return items


def _unique_and_keys(schema, expected: list, keys: dict[str, np.ndarray], data: pd.DataFrame, nrows: int, errors: _Errors) -> None:
    """unique constraints and the primary key, with the previous matching row as frictionless reports it."""
    names = {f.name for f in expected}
    for col, field in enumerate(expected):
        if (field.constraints or {}).get("unique"):
            key = pd.DataFrame({"k": keys[field.name]})
            valid = ~_is_none(keys[field.name])
            dup, prev = _previous(key, valid)
            errors.add_rows("unique-error", np.flatnonzero(dup), field.name, lambda i, c=col: str(data.iat[i, c]),
                            lambda i: f"the same as in the row at position {prev[i]}")
    pk = list(schema.primary_key)
    if pk and set(pk) <= names:
        frame = pd.DataFrame({name: keys[name] for name in pk})
        all_none = np.all(np.column_stack([_is_none(keys[name]) for name in pk]), axis=1)
        errors.add_rows("primary-key", np.flatnonzero(all_none), "", lambda i: None,
                        'cells composing the primary keys are all "None"')
        dup, prev = _previous(frame, ~all_none)
        errors.add_rows("primary-key", np.flatnonzero(dup), "", lambda i: None,
                        lambda i: f"the same as in the row at position {prev[i]}")


def _is_none(key: np.ndarray) -> np.ndarray:
    """Missing or unreadable cells in a key column."""
    return key == NONE


def table_problems(cells: tuple[list[str], pd.DataFrame, np.ndarray], schema_descriptor: dict, where: str) -> list[Problem]:
    """The checks on cells from read_cells, as Problems worded exactly as frictionless_check words frictionless' errors."""
    from frictionless import FrictionlessException

    from forcepages.validate.frictionless_check import HINTS, error_problem

    try:
        found = check_cells(*cells, schema_descriptor)
    except FrictionlessException as exc:  # the schema itself is wrong: frictionless_check reports it from the metadata
        note = getattr(getattr(exc, "error", None), "note", None) or str(exc)
        return [Problem(where, None, "schema", f"the Table Schema is not valid: {note}", HINTS["schema-error"], code="schema-error")]
    return [error_problem(where, error) for error in found]
