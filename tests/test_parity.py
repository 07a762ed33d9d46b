"""fastcheck (vectorised) reports the same (file, row, field, type) as frictionless, on the corpus and on random tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import forcepages.validate.fastcheck as fastcheck
import forcepages.validate.fastcheck_columns as fastcheck_columns
from badcorpus import CASES, compose, load_case
from forcepages.validate.frictionless_check import _safe_descriptor

VALUES = "datapackages/crime"


def frictionless_tuples(folder: Path, resource: dict) -> set[tuple]:
    """What frictionless reports for one resource (with the dialect load.py gives it)."""
    from frictionless import Resource

    safe = _safe_descriptor({"resources": [resource]})["resources"][0]
    report = Resource(safe, basepath=str(folder)).validate(limit_errors=100_000)
    found = {(getattr(e, "row_number", None), getattr(e, "field_name", "") or None, e.type)
             for task in report.tasks for e in task.errors}
    return _capped(found)


def _capped(found: set[tuple]) -> set[tuple]:
    """fastcheck lists MAX_PER_RULE rows per (field, type) and one summary row: cut frictionless' list the same way."""
    groups: dict[tuple, list] = {}
    for row, field, kind in found:
        groups.setdefault((field, kind, row is None), []).append(row)
    out = set()
    for (field, kind, header), rows in groups.items():
        keep = rows if header else sorted(rows)[: fastcheck.MAX_PER_RULE + 1]
        out |= {(r, field, kind) for r in keep}
    return out


def fast_tuples(text: str, schema: dict) -> set[tuple]:
    """What fastcheck reports for the same text and schema."""
    return {(e.row_number, e.field_name or None, e.type) for e in fastcheck.check_text(text, schema)}


def _values_case(name: str, tmp_path: Path):
    """(folder, resource, text) for the values table of a corpus case, or None when the case has no readable one."""
    case = load_case(name)
    if case.get("parity") is False:
        return None
    config = compose(name, tmp_path / "site")
    folder = config.parent / VALUES
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        resource = descriptor["resources"][0]
        file = folder / resource["path"]
        assert isinstance(resource.get("schema"), dict) and "data" not in resource and file.is_file() and not file.is_symlink()
        assert file.resolve().is_relative_to(folder.resolve())
        text = file.read_bytes().decode("utf-8-sig")
        assert text.strip() and "\x00" not in text and text.count('"') % 2 == 0
        from frictionless import Schema
        Schema.from_descriptor(resource["schema"])
    except Exception:  # noqa: BLE001 - cases about descriptors, paths and encodings: refused before any table is read
        return None
    return folder, resource, text


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("vectorised", [False, True], ids=["per-value", "vectorised"])
def test_corpus_parity(name, vectorised, tmp_path, monkeypatch):
    """Both paths (exact per distinct value, and whole-column) agree with frictionless on every corpus case."""
    found = _values_case(name, tmp_path)
    if found is None:
        pytest.skip("no readable values table in this case")
    folder, resource, text = found
    if vectorised:
        monkeypatch.setattr(fastcheck_columns, "EXACT_DISTINCT", 0)
    assert fast_tuples(text, resource["schema"]) == frictionless_tuples(folder, resource)


SCHEMA = {"fields": [{"name": "a", "type": "string", "constraints": {"required": True}},
                     {"name": "b", "type": "integer"},
                     {"name": "d", "type": "date", "constraints": {"required": True}},
                     {"name": "n", "type": "number", "constraints": {"minimum": 0}},
                     {"name": "s", "type": "string", "constraints": {"enum": ["", "[p]"]}},
                     {"name": "u", "type": "number", "constraints": {"unique": True}}],
          "missingValues": ["", "[x]", "[c]"], "primaryKey": ["a", "d"]}
CELLS = ["x", "y", "", "[x]", "[c]", "1", "-1", "1.5", "NaN", "inf", "-inf", "1e5", "2020-01-01", "2020-02-30", "9999-12-31",
         "[p]", "q", " 1", "1_000", "0", "01", "1.0", "2020-1-1", " ", '"a,b"', '"q""r"', "2020-01-01 "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.sampled_from(CELLS), min_size=0, max_size=8), max_size=10), vectorised=st.booleans())
def test_random_tables(rows, vectorised, tmp_path, monkeypatch):
    """Random cells, ragged rows and blank lines: the same errors as frictionless."""
    monkeypatch.setattr(fastcheck_columns, "EXACT_DISTINCT", 0 if vectorised else 10**9)
    text = "a,b,d,n,s,u\n" + "".join(",".join(r) + "\n" for r in rows)
    (tmp_path / "t.csv").write_text(text, encoding="utf-8")
    resource = {"name": "t", "path": "t.csv", "schema": SCHEMA}
    assert fast_tuples(text, SCHEMA) == frictionless_tuples(tmp_path, resource)
