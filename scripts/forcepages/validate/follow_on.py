"""One message per mistake: problems that only follow from one already reported are dropped before they are shown."""

from __future__ import annotations

import posixpath

from forcepages.errors import Problem
from forcepages.validate.frictionless_check import HINTS
from forcepages.paths import VALUE_KEY_FIELDS

NOT_UTF8 = "is not UTF-8 text"


def tidy(problems: list[Problem]) -> list[Problem]:
    """The problems without repeats and follow-on errors:

    - where frictionless and the contract flag the same cell, the contract's message (it has the better hint);
    - no "primary key" error for a row whose key cell is already reported (an unreadable date makes keys look alike);
    - no frictionless encoding error in a package where a file is already reported as not UTF-8 (frictionless names
      the file again with a different byte count, and names files that only refer to it through a foreign key).
    """
    return _encoding(_keys(_prefer_contract(problems)))


def _prefer_contract(problems: list[Problem]) -> list[Problem]:
    ours = {(p.path, p.row, p.field) for p in problems if p.hint not in HINTS.values() and p.row is not None}
    return [p for p in problems if p.hint not in HINTS.values() or (p.path, p.row, p.field) not in ours]


def _keys(problems: list[Problem]) -> list[Problem]:
    bad_key_cells = {(p.path, p.row) for p in problems if p.row is not None and p.field in VALUE_KEY_FIELDS + ("area_code",)}
    return [p for p in problems if not (p.hint == HINTS["primary-key"] and (p.path, p.row) in bad_key_cells)]


def _encoding(problems: list[Problem]) -> list[Problem]:
    folders = {posixpath.dirname(p.path) for p in problems if p.message.startswith(NOT_UTF8)}
    return [p for p in problems if not (p.hint == HINTS["encoding-error"] and posixpath.dirname(p.path) in folders)]
