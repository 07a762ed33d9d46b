"""Building a large site in parts, one MkDocs process per core, then putting the parts together.

MkDocs builds one page at a time. With thousands of area pages, each process runs the same MkDocs build (same
files, same navigation, same links) but writes only its own contiguous block of pages (see mkdocs_hooks);
part 0 also copies the static files. The parts' pages are then moved into part 0's site and their search
entries are joined in page order, so the result is the same, byte for byte, as one process would make.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

from . import parallel
from .errors import BuildError

MIN_PAGES = 200  # below this, starting more processes costs more than it saves (national site: 270 pages, 3.8 s -> 2.2 s)
LIST = ".forcepages-part.json"  # written by each part k > 0: the pages it built
SEARCH = Path("search") / "search_index.json"
CHILD = "import json, sys; from forcepages import mkdocs_run; a = json.loads(sys.argv[1]); " \
        "mkdocs_run.run(a['config'], a['options'], tuple(a['part']))"


def parts_for(docs: Path) -> int:
    """How many processes to use for a docs folder: one per core for large sites."""
    pages = sum(1 for _ in docs.rglob("*.md"))
    return parallel.workers(pages >= MIN_PAGES)


def block(count: int, part: tuple[int, int]) -> range:
    """The pages (positions in MkDocs' page order) that part k of n builds: contiguous, nearly equal blocks."""
    k, n = part
    return range(count * k // n, count * (k + 1) // n)


def build_in_parts(config_file: Path, options: dict[str, Any], parts: int, run: Callable[..., None]) -> None:
    """Build parts 1..n-1 in child processes and part 0 here, then join them into options["site_dir"]."""
    site = Path(options["site_dir"])
    part_sites = [site.parent / f".{site.name}-part-{k}" for k in range(1, parts)]
    children = []
    try:
        for k, part_site in enumerate(part_sites, start=1):
            shutil.rmtree(part_site, ignore_errors=True)
            args = {"config": str(config_file), "options": {**options, "site_dir": str(part_site)}, "part": [k, parts]}
            children.append(subprocess.Popen([sys.executable, "-c", CHILD, json.dumps(args)], stdout=subprocess.DEVNULL,
                                             stderr=subprocess.PIPE))
        run(config_file, options, (0, parts))
        for k, child in enumerate(children, start=1):
            err = child.communicate()[1]
            if child.returncode:
                last = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
                raise BuildError(f"MkDocs could not build part {k} of the site: {last[0]}")
        _join(site, part_sites)
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
        for part_site in part_sites:
            shutil.rmtree(part_site, ignore_errors=True)


def _join(site: Path, part_sites: list[Path]) -> None:
    """Move each part's pages into the site and join the search indexes in page order."""
    index = _read(site / SEARCH)
    for part_site in part_sites:
        for page in json.loads((part_site / LIST).read_text(encoding="utf-8")):
            target = site / page
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(part_site / page, target)
        part_index = _read(part_site / SEARCH)
        if index is not None and part_index is not None:
            index["docs"] += part_index["docs"]
    if index is not None:  # as Material's search plugin writes it
        (site / SEARCH).write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


def _read(path: Path) -> dict[str, Any] | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
