"""Read a package's CSV files as text tables, turning read failures into Problems."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from forcepages.errors import Problem

# Rows are numbered as in the file: the header is row 1, the first data row is row 2.
FIRST_ROW = 2


def read_text_table(file: Path, where: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Every cell as text ('' for empty), or the problems that stop the file being read."""
    text, problems = read_text(file, where)
    if text is None:
        return None, problems
    problems = _ragged_rows(text, where)
    if problems:
        return None, problems
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error) as exc:
        return None, [Problem(where, None, None, f"cannot be read as CSV ({str(exc).strip()}).",
                              "Check quotes and separators; save as comma-separated UTF-8.", code="csv-unreadable")]
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, []


def frame_from_cells(labels: list[str], cells: pd.DataFrame, counts, where: str, limit: int = 20) -> tuple[pd.DataFrame | None, list[Problem]]:
    """A text table from fastcheck.read_cells, or the ragged-row problems that stop the contract checks."""
    width = len(labels)
    ragged = ((counts != width) & (counts > 0)).nonzero()[0]
    if len(ragged):
        return None, [Problem(where, int(i) + FIRST_ROW, None, f"has {int(counts[i])} cells but the header has {width}.",
                              "Make every row have one cell per column (quote cells that hold commas).", code="cell-count-wrong") for i in ragged[:limit]]
    names, seen = [], {}
    for label in labels:  # repeated labels get .1, .2 as pandas does; frictionless reports them
        seen[label] = seen.get(label, -1) + 1
        names.append(label if not seen[label] else f"{label}.{seen[label]}")
    frame = cells.iloc[:, :width].copy()
    frame.columns = names
    return frame, []


def read_text(file: Path, where: str) -> tuple[str | None, list[Problem]]:
    """The file as UTF-8 text (a BOM removed), or the problems that stop it being read."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        return None, [Problem(where, None, None, f"cannot be read ({exc.strerror}).", "Check the file exists and can be read.", code="file-unreadable")]
    if not raw.strip():
        return None, [Problem(where, None, None, "is empty.", "Add a header row and the data rows.", code="file-empty")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [_not_utf8(raw, exc, where)]
    if "\x00" in text:
        return None, [Problem(where, None, None, "holds NUL bytes, so it is not a text CSV file.",
                              "Export the data again as CSV (UTF-8).", code="file-not-text")]
    if text.count('"') % 2:  # a quote never closed swallows every later row into one cell
        line = text[: text.rindex('"')].count("\n") + 1
        return None, [Problem(where, line, None, "has a quote (\") that is never closed, so the rest of the file reads as one cell.",
                              "Close the quote, or double a quote inside a quoted cell (\"\").", code="quote-unclosed")]
    return text, []


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, where: str) -> Problem:
    """Where the first byte UTF-8 cannot read is (file, row, place in the row), and what it is in Windows-1252."""
    at = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)  # utf-8-sig counts from after the byte order mark
    line_start = raw.rfind(b"\n", 0, at) + 1
    byte = raw[at:at + 1]
    try:
        seen = f', "{byte.decode("cp1252")}" in Windows-1252'
    except UnicodeDecodeError:
        seen = ""
    return Problem(where, raw[:at].count(b"\n") + 1, None,
                   f"is not UTF-8 text: byte {at - line_start + 1} of this row (byte {at + 1:,} of the file) is "
                   f"0x{byte.hex()}{seen}, which UTF-8 cannot read.",
                   "Save the file as UTF-8 (in Excel: Save As, CSV UTF-8 (Comma delimited)).", code="file-not-utf8")


def _ragged_rows(text: str, where: str, limit: int = 20) -> list[Problem]:
    """Rows with more or fewer cells than the header."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
        for number, row in enumerate(reader, start=FIRST_ROW):
            if row and len(row) != len(header) and len(problems) < limit:
                problems.append(Problem(where, number, None,
                                        f"has {len(row)} cells but the header has {len(header)}.",
                                        "Make every row have one cell per column (quote cells that hold commas).", code="cell-count-wrong"))
    except csv.Error as exc:
        problems.append(Problem(where, reader.line_num, None, f"cannot be read as CSV ({exc}).",
                                "Check for an unclosed quote.", code="csv-unreadable"))
    return problems
