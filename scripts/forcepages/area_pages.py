"""Area pages: composed, rendered and written a block of areas at a time, in parallel on large sites.

Each area's pages depend only on the computed results. On a large site the areas are cut into blocks and
worker processes forked from the build (so the data is shared, not copied or pickled) each compose, render and
write a block's pages and charts, keeping nothing. Each returns only what the rest of the build needs: its page
and chart counts and the readability measures of its pages. Blocks come back in order, so the output does not
depend on how many workers there are.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import jinja2

from . import readability, render
from .pages import Composer

MIN_AREAS = 16  # fewer areas than this are done in the build process
BLOCKS_PER_WORKER = 4  # several blocks each, so one slow block does not hold up the end
_job: tuple[Composer, jinja2.Environment, Path] | None = None  # set before forking; the workers inherit it


def write_area_pages(composer: Composer, env: jinja2.Environment, docs: Path, workers: int | None = None) -> tuple[int, int, dict[str, Any]]:
    """Every area's pages and charts: (pages written, charts written, readability entries by page path)."""
    global _job
    count = len(composer.areas)
    workers = workers or (min(os.cpu_count() or 1, 4) if count >= MIN_AREAS else 1)
    if workers <= 1:
        return _write_block(composer, env, docs, range(count))
    pieces = workers * BLOCKS_PER_WORKER
    blocks = [range(count * k // pieces, count * (k + 1) // pieces) for k in range(pieces)]
    _job = (composer, env, docs)
    readability.prepare()  # loaded once here, shared by the forked workers
    try:
        # a worker that dies (killed, out of memory) fails the build with BrokenProcessPool instead of hanging it
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            done = list(pool.map(_worker, blocks))
    finally:
        _job = None
    pages, charts, entries = 0, 0, {}
    for p, c, e in done:
        pages, charts = pages + p, charts + c
        entries.update(e)
    return pages, charts, entries


def _worker(block: range) -> tuple[int, int, dict[str, Any]]:
    assert _job is not None
    return _write_block(*_job, block)


def _write_block(composer: Composer, env: jinja2.Environment, docs: Path, block: range) -> tuple[int, int, dict[str, Any]]:
    """Compose, render and write the pages of the areas in ``block`` (positions in ``composer.areas``)."""
    charts_before, pages, entries = composer.chart_count, 0, {}
    for position in block:
        for page in composer.area_pages(composer.areas.iloc[position]):
            text = render.render_page(env, page)
            target = docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            entries[page.path] = readability.entry(page.context, text)
            pages += 1
    return pages, composer.chart_count - charts_before, entries
