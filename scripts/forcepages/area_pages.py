"""Area pages: composed, rendered and written a block of areas at a time, in parallel on large sites.

Each area's pages depend only on the computed results. On a large site the areas are cut into blocks and
worker processes forked from the build (so the data is shared, not copied or pickled) each compose, render and
write a block's pages and charts, keeping nothing, while the build process writes the other pages and
downloads. Each returns only what the rest of the build needs: its page and chart counts. Blocks come back in
order, so the output does not depend on how many workers there are.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import parallel, render
from .pages import Composer

MIN_AREAS = 16  # fewer areas than this are done in the build process
BLOCKS_PER_WORKER = 4  # several blocks each, so one slow block does not hold up the end
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
            self.pool = parallel.forked_pool(self.workers)
            try:
                self.futures = [self.pool.submit(_worker, block) for block in blocks]  # the workers fork now
            except BaseException:
                self.close()
                raise

    def finish(self) -> tuple[int, int]:
        """(pages written, charts written by workers). Charts written in this process are counted by the composer
        itself."""
        if self.pool is None:
            pages, _ = _write_block(self.composer, self.env, self.docs, range(len(self.composer.areas)))
            return pages, 0
        try:
            done = [future.result() for future in self.futures]  # in order, so the output does not depend on timing
        finally:
            self.close()
        pages, charts = 0, 0
        for p, c in done:
            pages, charts = pages + p, charts + c
        return pages, charts

    def close(self) -> None:
        """Stop the workers (cancelling blocks not started if the build failed)."""
        global _job
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        _job = None


def _worker(block: range) -> tuple[int, int]:
    assert _job is not None
    return _write_block(*_job, block)


def _write_block(composer: Composer, env: jinja2.Environment, docs: Path, block: range) -> tuple[int, int]:
    """Compose, render and write the pages of the areas in ``block`` (positions in ``composer.areas``)."""
    charts_before, pages = composer.chart_count, 0
    for position in block:
        for page in composer.area_pages(composer.areas.iloc[position]):
            text = render.render_page(env, page)
            target = docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            pages += 1
    return pages, composer.chart_count - charts_before

