"""One problem per row a rule flags, at most MAX_PER_RULE of them, then how many more: the helper every rule uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import pandas as pd

from forcepages.errors import Problem
from forcepages.validate.tables import FIRST_ROW

MAX_PER_RULE = 20


def flag(frame: pd.DataFrame, mask: pd.Series, where: str, field: str | None,
         message: Callable[[pd.Series], str], hint: str, *, code: str) -> list[Problem]:
    """Problems (with ``code``) for the rows where ``mask`` is true, at most MAX_PER_RULE, then a summary."""
    rows = np.flatnonzero(mask.to_numpy(dtype=bool))
    problems = [Problem(where, int(i) + FIRST_ROW, field, message(frame.iloc[i]), hint, code=code) for i in rows[:MAX_PER_RULE + 1]]
    if len(rows) > MAX_PER_RULE + 1:  # the last row listed says how many more share its problem
        last = problems[-1]
        problems[-1] = replace(last, message=last.message + " " + more_rows(len(rows) - MAX_PER_RULE - 1))
    return problems


def more_rows(count: int) -> str:
    """The sentence that ends a list cut short: how many more rows have the same problem."""
    return f"The same problem is in {count:,} more {'row' if count == 1 else 'rows'} after this one (not listed)."
