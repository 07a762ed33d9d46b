"""The one pass: generation (validate, load, compute, compose, render, publish: generate.py) in a process of its own,
then the site engine; swapped in only at the end.

build/docs holds only what the engine renders; charts, downloads, the API, the feed and reports are written to a
folder beside it (static/) and put into the site, at the same addresses, after the engine has run. The Welsh pages
are composed again in Welsh into build/docs-cy (their charts in static-cy) and built as a site of their own in
site/cy. Generation runs in a worker process that ends before the engine starts, so that the engine's processes
do not sit beside the build's tables and imports (with one worker, FORCEPAGES_WORKERS=1, everything runs here).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from forcepages import parallel
from forcepages.build_report import BuildReport, Clock, Generated
from forcepages.config import Settings, read_mkdocs_yml
from forcepages.site import engine as mkdocs_run, swap
from forcepages.site.engine import build_site


def _generate(settings: Settings, work: Path, strict: bool, _item: None) -> tuple[Generated, BuildReport]:
    """generate.generate, imported here, in the worker: the build process never loads pandas and the statistics."""
    from forcepages.generate import generate

    return generate(settings, work, strict)


def _readability(docs: Path, reports: Path, hand_written: list[str], extensions: list) -> None:
    """The readability report, measured from the pages as written, with each force page's whole article as the
    engine renders it (imported here, in the worker that writes it: the build process never loads the text tools)."""
    from forcepages.site import article_text, readability

    article_text.add_to_report(readability.write_report(docs, reports, hand_written), docs, extensions)


def build(settings: Settings, config_file: Path, out: Path | None = None, strict: bool = True) -> BuildReport:
    """Build the site into ``out`` (default build/); the previous build stays untouched unless everything succeeds
    (bad data raises ValidationFailed and leaves nothing behind)."""
    out = out or settings.root / "build"
    new = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    swap.recover(out)  # a killed build's leftovers: a live folder put back, stale work folders deleted
    work = Path(tempfile.mkdtemp(prefix=swap.work_prefix(), dir=out))
    try:
        site = work / "site"
        for folder in ("docs", "static", "docs-cy"):
            (work / folder).mkdir()
        # generation in a worker of its own (the same ordered map as every parallel stage), which ends here
        with parallel.Blocks(_generate, (settings, work, strict), [None], parallel.workers(True)) as generating:
            if settings.engine == "mkdocs":
                mkdocs_run.preload()  # meanwhile, MkDocs' modules: the engine's workers start with them
            made, report = generating.results()[0]
        clock = Clock(report)
        # the readability report (from the Markdown) in a worker of its own, beside the engine's runs
        extensions = mkdocs_run.markdown_extensions(read_mkdocs_yml(config_file))
        with parallel.background(_readability, work / "docs", work / "reports", made.hand_written, extensions) as reporting:
            build_site(config_file, work / "docs", site, made.extra, static=work / "static", strict=strict,
                       engine=settings.engine, trees=made.trees, apart=made.apart)
            reporting.results()
        mkdocs_run.link_tree(work / "reports", site)
        clock.lap("site")
        swap.swap_in(work, out, ("docs", "docs-cy", "site"))
    except BaseException:
        if new:  # nothing left behind by a first build that failed
            shutil.rmtree(out, ignore_errors=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report.docs, report.site = out / "docs", out / "site"
    return report
