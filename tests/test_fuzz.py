"""Random bytes and cells in a values CSV: validation passes or raises ValidationFailed with Problems, never anything else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import copy_fixture
from forcepages.config import load_settings
from forcepages.errors import Problem, ValidationFailed
from forcepages.validate.load import validate_and_load

VALUES = "datapackages/crime/values.csv"
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """One fixture copy for the module; each example rewrites its values file."""
    return copy_fixture(tmp_path_factory.mktemp("fuzz"))


def _check(config: Path) -> None:
    """Validation either passes or fails with readable Problems."""
    try:
        validate_and_load(load_settings(config))
    except ValidationFailed as exc:
        assert exc.problems and all(isinstance(p, Problem) and p.message and p.hint for p in exc.problems)
        assert all(str(p) for p in exc.problems)


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes(site, data):
    (site.parent / VALUES).write_bytes(data)
    _check(site)


CELL = st.one_of(st.text(max_size=12), st.sampled_from(["", "[x]", "[c]", "NaN", "inf", "-1", "1e400", "2018-02-30",
                                                       "9999-12-31", "burglary", "E23000001", '"', ",", "\n", "\r"]),
                 st.floats(allow_nan=True).map(str), st.integers().map(str))


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=0, max_size=13), max_size=6), keep=st.integers(0, 215))
def test_random_cells(site, rows, keep):
    original = (Path(__file__).parent / "data/fixture_site" / VALUES).read_text(encoding="utf-8").splitlines()
    lines = original[: keep + 1] + [",".join(r) for r in rows]
    (site.parent / VALUES).write_text("\n".join(lines) + "\n", encoding="utf-8")
    _check(site)
