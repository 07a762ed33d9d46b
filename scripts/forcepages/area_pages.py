"""Area pages: composed, rendered and written a block of areas at a time, in parallel on large sites.

Each area's pages depend only on the computed results. On a large site the areas are cut into blocks and
worker processes forked from the build (so the data is shared, not copied or pickled) each compose, render and
write a block's pages and charts, keeping nothing, while the build process writes the other pages and
downloads. Each returns only what the rest of the build needs: its page and chart counts and the readability
measures of its pages. Blocks come back in order, so the output does not depend on how many workers there are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from . import parallel, readability, render
from .pages import Composer

MIN_AREAS = 16  # fewer areas than this are done in the build process
BLOCKS_PER_WORKER = 4  # several blocks each, so one slow block does not hold up the end
MAX_MEASURED = 100  # areas whose pages go into the readability report: all on a national site, an even spread on larger
_job: tuple[Composer, jinja2.Environment, Path] | None = None  # set before forking; the workers inherit it


class AreaPages:
    """Area pages being written: by forked workers while the build process carries on, or here at ``finish``."""

    def __init__(self, composer: Composer, env: jinja2.Environment, docs: Path, workers: int | None = None):
        global _job
        self.composer, self.env, self.docs = composer, env, docs
        count = len(composer.areas)
        self.workers = workers or parallel.workers(count >= MIN_AREAS)
        self.pool, self.futures = None, []
        if self.workers > 1:
            pieces = self.workers * BLOCKS_PER_WORKER
            blocks = [range(count * k // pieces, count * (k + 1) // pieces) for k in range(pieces)]
            _job = (composer, env, docs)
            readability.prepare()  # loaded once here, shared by the forked workers
            self.pool = parallel.forked_pool(self.workers)
            try:
                self.futures = [self.pool.submit(_worker, block) for block in blocks]  # the workers fork now
            except BaseException:
                self.close()
                raise

    def finish(self) -> tuple[int, int, dict[str, Any]]:
        """(pages written, charts written by workers, readability entries by page path). Charts written in this
        process are counted by the composer itself."""
        if self.pool is None:
            pages, _, entries = _write_block(self.composer, self.env, self.docs, range(len(self.composer.areas)))
            return pages, 0, entries
        try:
            done = [future.result() for future in self.futures]  # in order, so the output does not depend on timing
        finally:
            self.close()
        pages, charts, entries = 0, 0, {}
        for p, c, e in done:
            pages, charts = pages + p, charts + c
            entries.update(e)
        return pages, charts, entries

    def close(self) -> None:
        """Stop the workers (cancelling blocks not started if the build failed)."""
        global _job
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        _job = None


def _worker(block: range) -> tuple[int, int, dict[str, Any]]:
    assert _job is not None
    return _write_block(*_job, block)


def _write_block(composer: Composer, env: jinja2.Environment, docs: Path, block: range) -> tuple[int, int, dict[str, Any]]:
    """Compose, render and write the pages of the areas in ``block`` (positions in ``composer.areas``)."""
    charts_before, pages, entries = composer.chart_count, 0, {}
    measured = measured_positions(len(composer.areas))
    for position in block:
        for page in composer.area_pages(composer.areas.iloc[position]):
            text = render.render_page(env, page)
            target = docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            if position in measured:
                entries[page.path] = readability.entry(page.context, text)
            pages += 1
    return pages, composer.chart_count - charts_before, entries


def measured_positions(count: int) -> set[int]:
    """Positions of the areas whose pages are measured for the readability report: every area up to MAX_MEASURED,
    else MAX_MEASURED spread evenly from the first to the last (the same whatever the number of workers)."""
    if count <= MAX_MEASURED:
        return set(range(count))
    return {round(k * (count - 1) / (MAX_MEASURED - 1)) for k in range(MAX_MEASURED)}
