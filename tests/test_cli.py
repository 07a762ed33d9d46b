"""The command line: help for every verb, exit codes, messages naming file, row and field, no tracebacks."""

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from forcepages.cli import main

VERBS = ("validate", "build", "serve")


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_help(verb):
    result = CliRunner().invoke(main, [verb, "--help"])
    assert result.exit_code == 0
    assert len(result.output.split("\n\n")[1].strip()) > 20  # a real description, not a stub


def test_validate_passes_on_the_fixture(fixture_copy):
    result = CliRunner().invoke(main, ["validate", "-f", str(fixture_copy)])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def break_cell(config: Path, row: int, field: str, value: str) -> Path:
    """Overwrite one cell of the fixture's values table (row numbered as in the file, header = 1)."""
    file = config.parent / "datapackages" / "crime" / "values.csv"
    rows = list(csv.reader(file.open(encoding="utf-8")))
    rows[row - 1][rows[0].index(field)] = value
    with file.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return file


def test_a_broken_cell_is_named_and_exits_1(fixture_copy):
    break_cell(fixture_copy, 14, "area_code", "E23000099")
    result = CliRunner().invoke(main, ["validate", "-f", str(fixture_copy)])
    assert result.exit_code == 1
    assert 'datapackages/crime/values.csv, row 14, field "area_code": "E23000099" is not an area code' in result.output
    assert "Traceback" not in result.output


def test_build_refuses_bad_data_and_keeps_the_previous_site(fixture_copy):
    runner = CliRunner()
    assert runner.invoke(main, ["build", "-f", str(fixture_copy)]).exit_code == 0
    index = fixture_copy.parent / "build" / "site" / "index.html"
    before = index.read_bytes()
    break_cell(fixture_copy, 3, "numerator", "-4")
    result = runner.invoke(main, ["build", "-f", str(fixture_copy)])
    assert result.exit_code == 1
    assert 'row 3, field "numerator"' in result.output
    assert "previous site is unchanged" in result.output
    assert index.read_bytes() == before


def test_real_process_exit_code_and_no_traceback(fixture_copy):
    break_cell(fixture_copy, 5, "period_end", "2018-02-30")
    proc = subprocess.run([sys.executable, "-m", "forcepages.cli", "validate", "-f", str(fixture_copy)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert 'row 5, field "period_end"' in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_missing_config_is_a_clear_error(tmp_path):
    missing = tmp_path / "nothing" / "mkdocs.yml"
    result = CliRunner().invoke(main, ["validate", "-f", str(missing)])
    assert result.exit_code == 1 and "no mkdocs.yml" in result.output


def test_debug_lets_the_exception_through(fixture_copy):
    from forcepages.errors import ValidationFailed

    break_cell(fixture_copy, 4, "value", "lots")
    result = CliRunner().invoke(main, ["validate", "--debug", "-f", str(fixture_copy)])
    assert isinstance(result.exception, ValidationFailed)


def test_bad_settings_are_reported(fixture_copy):
    text = fixture_copy.read_text(encoding="utf-8").replace("publisher:", "publsher:")
    fixture_copy.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "-f", str(fixture_copy)])
    assert result.exit_code == 1
    assert 'unknown setting "publsher"' in result.output


@pytest.mark.parametrize("given,expected", [(None, "1"), ("3", "3")])
def test_one_openblas_thread_unless_the_user_chose(given, expected):
    """forcepages parallelises with processes: numpy's OpenBLAS gets one thread (its thread per core cost 0.25 s of
    start-up), unless OPENBLAS_NUM_THREADS was set."""
    import os
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given:
        env["OPENBLAS_NUM_THREADS"] = given
    code = "import os, forcepages.build, numpy; print(os.environ['OPENBLAS_NUM_THREADS'])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout.strip()
    assert out == expected
