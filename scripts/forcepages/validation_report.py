"""Validation for CI: GitHub annotations, a Markdown job summary and a JSON report.

    python -m forcepages.validation_report [-f mkdocs.yml] [--summary FILE] [--report FILE]

Exit status 0 when every package is valid, 1 otherwise. Problems are printed as GitHub workflow
commands (``::error file=...,line=...::...``) so they show on the changed files; ``--summary``
appends a Markdown table to the file (pass "$GITHUB_STEP_SUMMARY"); ``--report`` writes JSON.
Text from the data packages is escaped, so a cell cannot inject Markdown, HTML or workflow commands.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

from .config import load_settings
from .errors import ForcepagesError, Problem, ValidationFailed, unexpected_problem
from .escape import json_text
from .paths import project_root

MAX_SUMMARY_ROWS = 200


def _command_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """One problem as a GitHub ``::error`` workflow command."""
    props = [f"file={_command_property(problem.path.split(' (')[0])}"]
    if problem.row is not None:
        props.append(f"line={problem.row}")
    props.append(f"title={_command_property('Data package problem' + (f' in {problem.field}' if problem.field else ''))}")
    return json_text(f"::error {','.join(props)}::{_command_data(problem.message + (' ' + problem.hint if problem.hint else ''))}")


def _cell(text: object) -> str:
    return html.escape(json_text(text if text is not None else ""), quote=True).replace("|", "&#124;").replace("\n", " ").replace("`", "&#96;")


def summary_markdown(problems: list[Problem], packages: int | None = None) -> str:
    """The job summary: a heading, a count and a table of problems (file, row, field, problem, how to fix)."""
    if not problems:
        return f"## Data validation passed\n\nAll {packages if packages is not None else ''} data packages are valid.\n".replace("All  data", "All data")
    lines = ["## Data validation failed", "",
             f"{len(problems)} problem(s) found. Nothing was built or published; the live site is unchanged.", "",
             "| File | Row | Field | Problem | How to fix it |", "| --- | --- | --- | --- | --- |"]
    for p in problems[:MAX_SUMMARY_ROWS]:
        lines.append(f"| {_cell(p.path)} | {_cell(p.row if p.row is not None else '')} | {_cell(p.field or '')} | {_cell(p.message)} | {_cell(p.hint)} |")
    if len(problems) > MAX_SUMMARY_ROWS:
        lines += ["", f"{len(problems) - MAX_SUMMARY_ROWS} more problem(s) are in the validation report (download it from the run's artifacts)."]
    return "\n".join(lines) + "\n"


def report_json(problems: list[Problem], ok: bool) -> str:
    return json.dumps({"valid": ok, "problems": [{"path": json_text(p.path), "row": p.row, "field": json_text(p.field) if p.field else None,
                                                  "message": json_text(p.message), "hint": json_text(p.hint)}
                                                 for p in problems]}, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m forcepages.validation_report", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config", help="the site's mkdocs.yml (default: the nearest one)")
    parser.add_argument("--summary", help="append a Markdown summary to this file (for example $GITHUB_STEP_SUMMARY)")
    parser.add_argument("--report", help="write a JSON report to this file")
    args = parser.parse_args(argv)
    from .load import validate_and_load

    problems: list[Problem] = []
    count = None
    try:
        config = Path(args.config) if args.config else project_root() / "mkdocs.yml"
        data = validate_and_load(load_settings(config))
        count = len(data.packages)
    except ValidationFailed as exc:
        problems = exc.problems
    except ForcepagesError as exc:
        problems = [Problem(str(args.config or "mkdocs.yml"), None, None, str(exc), "Correct the settings named above.")]
    except Exception as exc:  # noqa: BLE001 - the CI boundary: every failure is reported, with the summary and report
        problems = [unexpected_problem(exc, str(args.config or "mkdocs.yml"))]
    for p in problems:
        print(annotation(p))
    print(f"{len(problems)} problem(s) found." if problems else f"All {count} data packages are valid.")
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as f:
            f.write(summary_markdown(problems, count))
    if args.report:
        Path(args.report).write_text(report_json(problems, not problems), encoding="utf-8")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
