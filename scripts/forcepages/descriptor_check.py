"""Checks on a parsed datapackage.json beyond its resources: nesting depth, text that cannot be written out, and the
types of the fields the site publishes (title, description, version, licenses, sources, changes)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from forcepages.errors import Problem

MAX_DEPTH = 32  # a Table Schema needs about 6 levels; deeper nesting is refused before anything walks it
_SURROGATE = re.compile("[\ud800-\udfff]")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def depth_and_text_problems(descriptor: Any, where: str) -> list[Problem]:
    """Too deep, or text holding a lone surrogate (a "\\ud800" escape): walked without recursion."""
    stack, problems = [(descriptor, 1, "")], []
    while stack:
        node, depth, key = stack.pop()
        if depth > MAX_DEPTH:
            return [Problem(where, None, None, f"is nested more than {MAX_DEPTH} levels deep.",
                            "Write a flat descriptor as in datapackages/README.md: resources, each with a schema of fields.", code="descriptor-too-deep")]
        if isinstance(node, dict):
            for k, v in node.items():
                if _SURROGATE.search(k):
                    problems.append(Problem(where, None, None, "has a key holding a broken character (a lone \\ud800-\\udfff escape).",
                                            "Write the character itself, or remove the escape.", code="descriptor-broken-character"))
                stack.append((v, depth + 1, k))
        elif isinstance(node, list):
            stack.extend((v, depth + 1, key) for v in node)
        elif isinstance(node, str) and _SURROGATE.search(node):
            problems.append(Problem(where, None, key or None, "holds a broken character (a lone \\ud800-\\udfff escape).",
                                    "Write the character itself (the file is UTF-8), or remove the escape.", code="descriptor-broken-character"))
    return problems[:20]


def _is_day(text: Any) -> bool:
    if not isinstance(text, str) or not _DAY.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def metadata_problems(descriptor: dict[str, Any], where: str) -> list[Problem]:
    """The published fields have the types the contract gives (datapackages/README.md)."""
    problems = []
    for key in ("name", "title", "description", "version"):
        if key in descriptor and not isinstance(descriptor[key], (str, int, float)) or isinstance(descriptor.get(key), bool):
            problems.append(Problem(where, None, key, f"the {key} should be text, not {type(descriptor[key]).__name__}.",
                                    f'Write it as "{key}": "...".', code="descriptor-not-text"))
    for key in ("licenses", "sources", "changes"):
        value = descriptor.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            problems.append(Problem(where, None, key, f"{key} should be a list of objects.",
                                    f'Write it as "{key}": [{{...}}, ...] (see datapackages/README.md).', code="descriptor-not-list"))
    problems += _pattern_problems(descriptor, where)
    changes = descriptor.get("changes", [])
    for i, change in enumerate(changes if isinstance(changes, list) else []):
        if not isinstance(change, dict):
            continue
        if not _is_day(change.get("date")):
            problems.append(Problem(where, None, "changes", f'change {i + 1} has the date {change.get("date")!r}, which is not a real day.',
                                    'Write the date as "YYYY-MM-DD", such as "2026-02-26".', code="change-date-invalid"))
        for key in ("version", "description"):
            if key in change and not isinstance(change[key], (str, int, float)):
                problems.append(Problem(where, None, "changes", f"change {i + 1}'s {key} should be text.", f'Write "{key}": "...".', code="descriptor-not-text"))
    return problems


def _pattern_problems(descriptor: dict[str, Any], where: str) -> list[Problem]:
    """Every schema field's constraints.pattern is a regular expression that compiles."""
    problems = []
    for i, resource in enumerate(r for r in descriptor.get("resources", []) or [] if isinstance(r, dict)):
        schema = resource.get("schema")
        fields = schema.get("fields", []) if isinstance(schema, dict) else []
        for field in fields if isinstance(fields, list) else []:
            constraints = field.get("constraints") if isinstance(field, dict) else None
            pattern = constraints.get("pattern") if isinstance(constraints, dict) else None
            if pattern is None:
                continue
            try:
                re.compile(f"^{pattern}$") if isinstance(pattern, str) else None
                ok = isinstance(pattern, str)
            except (re.error, RecursionError, OverflowError):
                ok = False
            if not ok:
                problems.append(Problem(f"{where} (resource {i + 1})", None, "pattern",
                                        f'the field "{field.get("name")}" has a pattern that is not a regular expression.',
                                        "Correct the pattern (a regular expression such as [A-Z][0-9]+) or remove it.", code="pattern-invalid"))
    return problems
