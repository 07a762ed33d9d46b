"""Building a large site in parts, one MkDocs process per core, then putting the parts together.

MkDocs builds one page at a time. With hundreds or thousands of pages, the build process runs MkDocs as far
as the navigation (configuration, files, navigation: the same for every part, so done once), then forks one
process for each further part (``fork`` is called from mkdocs_hooks.on_nav). Each part renders and writes
only its own contiguous block of pages, straight into the site; part 0 also writes the static files and the
theme's 404 page and sitemap. The build process then waits for the other parts and joins their search entries
in page order, so the result is the same, byte for byte, as one process would make.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Callable

from . import parallel
from .errors import BuildError

MIN_PAGES = 200  # below this, forking costs more than it saves (national site: 270 pages, 3.8 s -> 2.0 s)
SEARCH = Path("search") / "search_index.json"
ERROR = ".forcepages-part-error.txt"  # written by a part that failed: what went wrong


class _Split:
    """The build in parts under way in this process: how many parts, their scratch folders, the forked parts."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.parts, self.folders, self.children = 1, [], []
        self.own: Path | None = None  # in a forked part: its scratch folder


SPLIT = _Split()


def parts_for(docs: Path) -> int:
    """How many processes to use for a docs folder: one per core for large sites."""
    pages = sum(1 for _ in docs.rglob("*.md"))
    return parallel.workers(pages >= MIN_PAGES)


def block(count: int, part: tuple[int, int]) -> range:
    """The pages (positions in MkDocs' page order) that part k of n builds: contiguous, nearly equal blocks. (Part 0
    also links the static files into the site, but that is quick: giving it fewer pages left it waiting for the
    others on the 3,000-area site.)"""
    k, n = part
    return range(count * k // n, count * (k + 1) // n)


def build_in_parts(config_file: Path, options: dict[str, Any], parts: int, run: Callable[..., None]) -> None:
    """Run the MkDocs build as part 0 of ``parts`` (mkdocs_hooks forks the others), wait for the others, join them."""
    site = Path(options["site_dir"])
    SPLIT.parts = parts
    SPLIT.folders = [site.parent / f".{site.name}-part-{k}" for k in range(1, parts)]
    try:
        for folder in SPLIT.folders:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        run(config_file, options, (0, parts))
        _wait()
        _join(site, SPLIT.folders)
    finally:
        for pid in SPLIT.children:  # only if part 0 failed: stop the others
            _stop(pid)
        for folder in SPLIT.folders:
            shutil.rmtree(folder, ignore_errors=True)
        SPLIT.reset()
        parallel.after_fork()


def fork(config: Any) -> tuple[int, int]:
    """Fork the parts after the first from this MkDocs build (called once its navigation is made); return the part
    this process builds. A forked part writes its search entries and any error to its own scratch folder."""
    if SPLIT.parts == 1:
        return (0, 1)
    parallel.prepare_fork()
    for k, folder in enumerate(SPLIT.folders, start=1):
        pid = os.fork()
        if pid == 0:
            SPLIT.own, SPLIT.children = folder, []
            config["site_dir"] = str(folder)  # pages still go to the site: their files were made before the fork
            config.theme.static_templates = set()  # the 404 page and sitemap are part 0's
            return (k, SPLIT.parts)
        SPLIT.children.append(pid)
    return (0, SPLIT.parts)


def leave_if_forked(error: str | None) -> None:
    """In a forked part, at the end of its build: record any error and exit, never returning to the build's caller."""
    if SPLIT.own is None:
        return
    code = 1 if error else 0
    try:
        if error:
            (SPLIT.own / ERROR).write_text(error, encoding="utf-8")
        sys.stdout.flush(), sys.stderr.flush()
    finally:
        os._exit(code)


def _wait() -> None:
    """Wait for every forked part; a part that failed fails the build with its message."""
    for k, pid in enumerate(list(SPLIT.children), start=1):
        _, status = os.waitpid(pid, 0)
        SPLIT.children.remove(pid)
        if os.waitstatus_to_exitcode(status) != 0:
            error = SPLIT.folders[k - 1] / ERROR
            message = error.read_text(encoding="utf-8") if error.is_file() else f"exit status {os.waitstatus_to_exitcode(status)}"
            raise BuildError(f"MkDocs could not build part {k} of the site: {message}")


def _stop(pid: int) -> None:
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _join(site: Path, folders: list[Path]) -> None:
    """Join the parts' search entries to the site's, in page order."""
    index = _read(site / SEARCH)
    for folder in folders:
        part_index = _read(folder / SEARCH)
        if index is not None and part_index is not None:
            index["docs"] += part_index["docs"]
    if index is not None:  # as Material's search plugin writes it
        (site / SEARCH).write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def _read(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
