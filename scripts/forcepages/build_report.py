"""What a build made and how long each stage took, and what generation hands on to the site stage.

Light on purpose: the build process imports this, and not the stages that make the docs, which run in a process of
their own (generate.py), so that the build process stays small while the engine runs.
"""

from __future__ import annotations

import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from forcepages.site.engine import Tree


@dataclass
class BuildReport:
    """What a build made and how long each stage took."""

    pages: int = 0
    charts: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)  # this process's peak resident MB by the end of each stage
    docs: Path | None = None  # the Markdown (and the site's CSS and JavaScript)
    site: Path | None = None
    untranslated: list[str] = field(default_factory=list)  # English shown on Welsh pages (messages, catalogue cells)


class Clock:
    """Times the stages of the build."""

    def __init__(self, report: BuildReport):
        self.report, self.last = report, time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.report.timings[name] = round(now - self.last, 3)
        self.report.memory[name] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        self.last = now


@dataclass(frozen=True)
class Generated:
    """What the site stage needs to know about the docs written."""

    extra: list[tuple[str, str]]  # navigation entries beyond the standard ones
    hand_written: list[str]  # the publisher's own pages among them
    trees: tuple[Tree, ...]  # pages in other languages
    apart: list[str]  # pages left out of search and navigation (a large site's area pages): the engine may build them apart
