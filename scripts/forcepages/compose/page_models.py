"""What the compose stage hands to render and publish: pages (template and values) and charts (figure and table)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from forcepages.indicator import Indicator


@dataclass
class Page:
    """One Markdown page to write: its path under docs, template and context."""

    path: str
    template: str
    context: dict[str, Any]
    alternate: dict[str, str] | None = None  # the same page in the other language (links.alternate): a switch at the top


@dataclass
class Chart:
    """One chart's figure and the table behind it."""

    chart_id: str
    figure: dict[str, Any]
    table: pd.DataFrame | dict[str, Any]  # a frame, or columns (float arrays and lists of text) for csvout
    meta: Indicator | None = None  # written beside the CSV as <chart>.meta.json (see chart_meta)


@dataclass
class Site:
    """Everything the render and publish stages write."""

    pages: list[Page] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
