"""Area pages: composed, rendered and written a block of areas at a time, in parallel on large sites.

Each area's pages depend only on the computed results. On a large site the areas are cut into blocks and worker
processes (parallel.Blocks) each compose, render and write a block's pages and charts, keeping nothing, while the
build process writes the other pages and downloads. Each returns only what the rest of the build needs: its page and
chart counts. Blocks come back in order, so the output does not depend on
how many workers there are.
"""

from __future__ import annotations

from pathlib import Path

from forcepages import parallel
from forcepages.render import markdown as render
from forcepages.compose.pages import Composer


class AreaPages:
    """Area pages being written: by workers while the build process carries on, or here at ``finish``.
    ``templates`` is the publisher's template folder (render.environment); the composer's chart sink must be
    picklable (a function defined at module level, or a functools.partial of one) for the spawn start method."""

    def __init__(self, composer: Composer, templates: Path | None, docs: Path, workers: int | None = None):
        count = len(composer.areas)
        workers = workers or parallel.workers(count >= parallel.AREA_MIN_AREAS)
        blocks = parallel.pieces(count, workers * parallel.AREA_BLOCKS_PER_WORKER if workers > 1 else 1)
        self.blocks = parallel.Blocks(_write_block, (composer, templates, docs), blocks, workers)
        self.elsewhere = self.blocks.pool is not None  # charts written here are counted by the composer itself

    def finish(self) -> tuple[int, list[str], int]:
        """(pages written; those of them left out of search, which the engine may build apart; charts written by
        workers). Charts written in this process are counted by the composer itself."""
        pages, apart, charts = 0, [], 0
        for p, a, c in self.blocks.results():  # in order, so the output does not depend on timing
            pages, charts = pages + p, charts + c
            apart.extend(a)
        return pages, apart, charts if self.elsewhere else 0

    def close(self) -> None:
        """Stop the workers (cancelling blocks not started if the build failed)."""
        self.blocks.close()


def _write_block(composer: Composer, templates: Path | None, docs: Path, block: range) -> tuple[int, list[str], int]:
    """Compose, render and write the pages of the areas in ``block`` (positions in ``composer.areas``): returns how
    many, the paths of those left out of search, and how many charts."""
    env = render.environment(templates)
    charts_before, pages, apart = composer.chart_count, 0, []
    for position in block:
        for page in composer.area_pages(composer.areas.iloc[position]):
            text = render.render_page(env, page)
            target = docs / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            pages += 1
            if page.context.get("search_exclude"):
                apart.append(page.path)
    return pages, apart, composer.chart_count - charts_before
