"""csvout: the quick path writes what the pandas path writes, row by row too, with formulas neutralised."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from forcepages.publish import csvout

TEXT = st.one_of(st.none(), st.text(alphabet=st.sampled_from('ab =+-@\t\r\n",1.£[c]'), max_size=8), st.text(max_size=6))
FLOAT = st.one_of(st.floats(allow_nan=True, allow_infinity=False), st.sampled_from([0.1234567, -1e-7, 12345678.9, 1e20]))


@st.composite
def tables(draw) -> pd.DataFrame:
    rows = draw(st.integers(0, 6))
    frame = {"area_code": pd.Series(draw(st.lists(TEXT, min_size=rows, max_size=rows)), dtype=object),
             "value": pd.Series(draw(st.lists(FLOAT, min_size=rows, max_size=rows)), dtype=float),
             "count": pd.Series(draw(st.lists(st.integers(-5, 10**6), min_size=rows, max_size=rows)), dtype="int64"),
             "note": pd.Series(draw(st.lists(TEXT, min_size=rows, max_size=rows)), dtype="str")}
    if draw(st.booleans()):
        frame["value_symbol"] = pd.Series(draw(st.lists(st.sampled_from(["", "[c]", "[x]", None, "=1"]), min_size=rows, max_size=rows)),
                                          dtype=object)
    return pd.DataFrame(frame)


def _header(table: pd.DataFrame) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([c for c in table.columns if not str(c).endswith("_symbol")])
    return out.getvalue()[:-2] + "\n"


@settings(max_examples=200, deadline=None)
@given(table=tables())
def test_quick_path_writes_what_pandas_writes(table):
    fast = csvout._fast_csv_text(table)
    assert fast is not None
    assert fast == csvout._pandas_csv_text(table)


@settings(max_examples=200, deadline=None)
@given(table=tables(), general=st.booleans())
def test_row_lines_are_the_rows_of_the_csv_text(table, general):
    if general:  # a column name that is not text sends the table down the pandas path
        table = table.rename(columns={"count": 7})
        assert csvout._fast_cells(table) is None
    text = csvout.to_csv_text(table)
    lines = csvout.row_lines(table)
    assert len(lines) == len(table)
    assert _header(table) + "".join(lines) == text
    for line in lines:  # each line is exactly one row of the file, even when a cell holds "\r" or "\n"
        assert line.endswith("\n")
        assert len(list(csv.reader(io.StringIO(line, newline="")))) == 1
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert len(parsed) == len(table) + 1


def test_a_cell_holding_a_carriage_return_is_quoted_so_its_row_stays_whole():
    table = pd.DataFrame({"note": ["line one\rline two", "a\r\nb", "plain"], "value": [1.0, 2.0, 3.0]})
    for text in (csvout.to_csv_text(table), csvout._pandas_csv_text(table)):
        assert text == 'note,value\n"line one\rline two",1\n"a\r\nb",2\nplain,3\n'
        assert [r[0] for r in csv.reader(io.StringIO(text, newline=""))][1:] == ["line one\rline two", "a\r\nb", "plain"]


def test_formula_like_text_is_neutralised_and_numbers_are_not():
    """Issue 19: text that parses as a number (+1, +4.0283, -.5) stays a number; only other formula-like text changes."""
    table = pd.DataFrame({"note": ["=HYPERLINK(\"x\")", "+1", "-3", "@SUM(A1)", "plain", "+4.0283", "-.5", "+cmd|' /C calc'!A0", "-2+3"],
                          "value": [1.0, np.nan, -2.5, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]})
    for text in (csvout.to_csv_text(table), csvout._pandas_csv_text(table)):
        rows = list(csv.reader(io.StringIO(text)))
        assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"x\")", "+1", "-3", "'@SUM(A1)", "plain", "+4.0283", "-.5",
                                            "'+cmd|' /C calc'!A0", "'-2+3"]
        assert [r[1] for r in rows[1:]] == ["1", "", "-2.5", "3", "4", "5", "6", "7", "8"]


def test_a_very_long_cell_goes_through_both_paths():
    """csv.reader refuses cells over 128 KB by default; the pandas path reads its own output back, so it must not."""
    limit = csv.field_size_limit(131072)  # the module's default (frictionless, once used, raises it for everyone)
    table = pd.DataFrame({"a": [1, "x" * 200_000], "b": ["=1", "plain"]})
    text = csvout.to_csv_text(table)
    assert text.startswith("a,b\n1,'=1\n") and ("x" * 200_000) in text
    general = table.rename(columns={"b": 2})
    assert "".join(csvout.row_lines(general)) == csvout.to_csv_text(general).split("\n", 1)[1]
    assert csv.field_size_limit(limit) == 131072  # the limit is put back as it was
