"""Problem codes: every code the source gives a Problem is in the table in datapackages/README.md, and the table lists
no code the source cannot give; the machine formats of forcepages validate carry them."""

from __future__ import annotations

import ast
import json
import re

import pytest
from click.testing import CliRunner

from conftest import ROOT
from forcepages.cli import main
from forcepages.errors import Problem
from forcepages.validate.frictionless_check import HINTS
from forcepages.validate.problem_report import annotation

SOURCE = ROOT / "scripts" / "forcepages"
TABLE_ROW = re.compile(r"^\| `([a-z0-9-]+)` \| (.+?) \| (.+?) \|$")
# code= arguments that are not written out: a frictionless error's own type, and flags.flag passing its argument on
DYNAMIC = {"frictionless_check.py": {"error.type"}, "flags.py": {"code"}}


def source_codes() -> set[str]:
    """Every code written in the source (``code="..."``), plus the frictionless types the source gives hints for."""
    codes, dynamic = set(HINTS), []
    for file in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            for keyword in getattr(node, "keywords", []) if isinstance(node, ast.Call) else []:
                if keyword.arg != "code":
                    continue
                if isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
                    codes.add(keyword.value.value)
                elif ast.unparse(keyword.value) not in DYNAMIC.get(file.name, set()):
                    dynamic.append(f"{file.name}:{node.lineno} code={ast.unparse(keyword.value)}")
    assert not dynamic, f"write codes out as text so the table can be checked: {dynamic}"
    return codes


def table_codes() -> dict[str, tuple[str, str]]:
    text = (ROOT / "datapackages" / "README.md").read_text(encoding="utf-8")
    table = text.split("## Problem codes", 1)[1]
    rows = [TABLE_ROW.match(line) for line in table.splitlines() if line.startswith("| `")]
    assert all(rows), [line for line in table.splitlines() if line.startswith("| `") and not TABLE_ROW.match(line)]
    codes = [m.group(1) for m in rows]
    assert len(codes) == len(set(codes)), "a code is listed twice"
    assert codes == sorted(codes), "keep the table in alphabetical order"
    return {m.group(1): (m.group(2), m.group(3)) for m in rows}


def test_every_code_in_the_source_is_in_the_table_and_back():
    used, listed = source_codes(), table_codes()
    assert used - set(listed) == set(), "add these codes to the table in datapackages/README.md"
    # frictionless rows may name a type the source has no hint for (it passes any frictionless type on as the code)
    unused = {code for code in set(listed) - used if not listed[code][0].startswith("frictionless: ")}
    assert unused == set(), "these codes in datapackages/README.md are not given by the source"
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", code) for code in used), sorted(used)


def test_a_problem_needs_a_code():
    with pytest.raises(TypeError):
        Problem("a.csv", 2, "value", "is wrong.", "Fix it.")  # type: ignore[call-arg]


def test_annotations_cannot_inject_workflow_commands():
    line = annotation(Problem("a,b:c.csv", 3, "x", "bad\n::set-output name=x::y", "100%", code="number-invalid"))
    assert "\n" not in line and "\r" not in line and line.startswith("::error ")  # commands only start at a line start
    assert "file=a%2Cb%3Ac.csv" in line and ",line=3," in line and "100%25" in line
    assert 'title=number-invalid::field "x": bad%0A::set-output' in line


def test_github_line_is_where_the_row_starts(fixture_copy):
    """A quoted cell holding a line break: the annotation points at the line the bad row starts on, the report
    keeps the row number a spreadsheet shows."""
    file = fixture_copy.parent / "datapackages" / "crime" / "values.csv"
    lines = file.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    cells[-1] = '"a note\nover two lines"'
    lines[1] = ",".join(cells)
    lines[5] = lines[5].replace(",600000,", ",lots,", 1)
    assert ",lots," in lines[5]
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = json.loads(CliRunner().invoke(main, ["validate", "--format", "json", "-f", str(fixture_copy)]).stdout)
    bad = [p for p in report["problems"] if p["code"] == "number-invalid"]
    assert [(p["file"], p["row"], p["line"], p["field"]) for p in bad] == [("datapackages/crime/values.csv", 6, 7, "denominator")]
    github = CliRunner().invoke(main, ["validate", "--format", "github", "-f", str(fixture_copy)])
    assert github.exit_code == 1
    assert '::error file=datapackages/crime/values.csv,line=7,title=number-invalid::field "denominator": "lots"' in github.stdout


@pytest.mark.parametrize("content", [b"\xff\xfe not yaml", b"site_name: [\n"])
def test_unreadable_config_still_gives_a_report(tmp_path, content):
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(content)
    for fmt in ("json", "github"):
        result = CliRunner().invoke(main, ["validate", "--format", fmt, "-f", str(config)])
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), (result.output, result.exception)
        assert "Traceback" not in result.output
        if fmt == "json":
            report = json.loads(result.stdout)
            assert report["count"] == 1 and report["problems"][0]["code"] == "config-invalid"
            assert str(config) in report["problems"][0]["message"]
        else:
            assert result.stdout.startswith(f"::error file={str(config).replace(':', '%3A')},title=config-invalid::")


def test_valid_packages_give_an_empty_report(fixture_copy, tmp_path):
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(main, ["validate", "--format", "json", "-f", str(fixture_copy)])
    assert result.exit_code == 0 and json.loads(result.stdout) == {"valid": True, "count": 0, "problems": []}
    result = CliRunner().invoke(main, ["validate", "--format", "github", "-f", str(fixture_copy)],
                                env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 0 and result.stdout.startswith("All 3 data packages are valid.")
    assert summary.read_text(encoding="utf-8") == "## Data validation passed\n\nAll 3 data packages are valid.\n"
