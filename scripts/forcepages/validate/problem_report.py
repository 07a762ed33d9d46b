"""Validation problems as machine-readable output: ``forcepages validate --format json`` and ``--format github``.

json: one object, ``{"valid", "count", "problems": [{"file", "row", "line", "field", "code", "message", "hint"}]}``.
github: one GitHub Actions ``::error`` workflow command per problem (an annotation on the file and line), then a count;
with ``$GITHUB_STEP_SUMMARY`` set, a Markdown table of the problems is appended to the job summary as well.
Text from the data packages is escaped, so a cell cannot inject Markdown, HTML or workflow commands.
"""

from __future__ import annotations

import csv
import html
import json
import os
from pathlib import Path

from forcepages.errors import Problem
from forcepages.escape import json_text

MAX_SUMMARY_ROWS = 200
FORMATS = ("text", "json", "github")


def file_of(problem: Problem) -> str:
    """The file a problem names, without a note such as " (resource 2)"."""
    return problem.path.split(" (")[0]


def csv_lines(problems: list[Problem], root: Path) -> dict[tuple[str, int], int]:
    """(file, row) -> the line the row starts on, for problems in CSV files (a quoted cell can hold line breaks)."""
    wanted: dict[str, set[int]] = {}
    for p in problems:
        if p.row is not None and file_of(p).endswith(".csv"):
            wanted.setdefault(file_of(p), set()).add(p.row)
    lines = {}
    for name, rows in wanted.items():
        try:
            with open(root / name, encoding="utf-8", newline="") as handle:
                reader, start, last = csv.reader(handle), 1, max(rows)
                for number, _ in enumerate(reader, start=1):
                    if number in rows:
                        lines[(name, number)] = start
                    if number >= last:
                        break
                    start = reader.line_num + 1
        except (OSError, UnicodeDecodeError, csv.Error):  # unreadable: the row number stands for the line
            continue
    return lines


def _line(problem: Problem, lines: dict[tuple[str, int], int]) -> int | None:
    return None if problem.row is None else lines.get((file_of(problem), problem.row), problem.row)


def report_json(problems: list[Problem], root: Path) -> str:
    """The JSON report: whether the packages are valid, how many problems, and each one."""
    lines = csv_lines(problems, root)
    return json.dumps({"valid": not problems, "count": len(problems),
                       "problems": [{"file": json_text(p.path), "row": p.row, "line": _line(p, lines),
                                     "field": json_text(p.field) if p.field else None, "code": p.code,
                                     "message": json_text(p.message), "hint": json_text(p.hint)} for p in problems]},
                      indent=2, ensure_ascii=False)


def _command_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _command_property(text: str) -> str:
    return _command_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, line: int | None = None) -> str:
    """One problem as a GitHub ``::error`` workflow command, titled with its code; the message names the field."""
    props = [f"file={_command_property(file_of(problem))}"]
    if line is not None or problem.row is not None:
        props.append(f"line={line if line is not None else problem.row}")
    props.append(f"title={_command_property(problem.code)}")
    message = (f'field "{problem.field}": ' if problem.field else "") + problem.message + (f" {problem.hint}" if problem.hint else "")
    return json_text(f"::error {','.join(props)}::{_command_data(message)}")


def github_commands(problems: list[Problem], root: Path) -> str:
    """Every problem as an annotation, then the count."""
    lines = csv_lines(problems, root)
    return "\n".join([annotation(p, _line(p, lines)) for p in problems] + [f"{len(problems)} problem(s) found."])


def _cell(text: object) -> str:
    return html.escape(json_text(text if text is not None else ""), quote=True).replace("|", "&#124;").replace("\n", " ").replace("`", "&#96;")


def summary_markdown(problems: list[Problem], packages: int | None = None) -> str:
    """The job summary: a heading, a count and a table of problems (file, row, field, code, problem, how to fix)."""
    if not problems:
        return f"## Data validation passed\n\nAll {packages} data packages are valid.\n"
    lines = ["## Data validation failed", "",
             f"{len(problems)} problem(s) found. Nothing was built or published; the live site is unchanged.", "",
             "| File | Row | Field | Code | Problem | How to fix it |", "| --- | --- | --- | --- | --- | --- |"]
    for p in problems[:MAX_SUMMARY_ROWS]:
        lines.append(f"| {_cell(p.path)} | {_cell(p.row)} | {_cell(p.field or '')} | {_cell(p.code)} | {_cell(p.message)} | {_cell(p.hint)} |")
    if len(problems) > MAX_SUMMARY_ROWS:
        lines += ["", f"{len(problems) - MAX_SUMMARY_ROWS} more problem(s) are in the validation report "
                      "(forcepages validate --format json)."]
    return "\n".join(lines) + "\n"


def write_step_summary(problems: list[Problem], packages: int | None) -> None:
    """Append the job summary to $GITHUB_STEP_SUMMARY when GitHub Actions sets it."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(summary_markdown(problems, packages))
