"""A large site built by several ordinary engine runs side by side, each over part of the pages, then put together.

One engine process renders pages one after another (MkDocs and Zensical alike), so on a large site it is the
longest stage. The pages that may be built apart are ones nothing else depends on: a large site's area pages, which
are left out of search and are not in the navigation. Each part is one plain run of the engine on the whole docs
folder, with the settings' own ``exclude_docs`` leaving out the pages other parts build:

- part 0 builds every page but the other parts' pages (links to those are still written as links to their .html,
  which is how both engines treat an excluded page);
- part k (k >= 1) builds its own pages and the pages the navigation names (so that the navigation it writes into
  its pages leads to them), and only its own pages are kept.

The runs go through parallel.Blocks, so this works under any start method, with no engine internals touched.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path
from typing import Any, Callable, Sequence

from forcepages import parallel


def nav_pages(nav: Any) -> set[str]:
    """Every page a navigation setting names (docs-relative, such as "forces/index.md")."""
    if isinstance(nav, (dict, list)):
        return set().union(*map(nav_pages, nav.values() if isinstance(nav, dict) else nav))
    if isinstance(nav, str) and nav.endswith(".md") and "://" not in nav:
        return {nav.lstrip("/")}
    return set()


def split(apart: Sequence[str], parts: int, size: Callable[[str], int], rest: int, named: int) -> list[list[str]]:
    """The pages built apart, dealt out in order into ``parts`` lists of about the same work, measured in bytes of
    Markdown (``size`` of a page): part 0 also renders every other page (``rest``, their bytes weighted), and each
    other part the navigation's pages (``named`` bytes). Sorted, so that the parts do not depend on the order pages
    were written in."""
    pages = sorted(set(apart))
    if parts <= 1 or not pages:
        return [pages]
    sizes = [size(page) for page in pages]
    share = (sum(sizes) + rest + named * (parts - 1)) / parts
    groups: list[list[str]] = [[] for _ in range(parts)]
    k, load = 0, rest
    for page, bytes_ in zip(pages, sizes):
        if load >= share and k < parts - 1:
            k, load = k + 1, named
        groups[k].append(page)
        load += bytes_
    return [groups[0]] + [g for g in groups[1:] if g]  # part 0 always runs: it builds every other page


def exclusions(keep: set[str], everything: list[str], own: str = "") -> str:
    """An ``exclude_docs`` value (gitignore lines, one file each) leaving out every page of ``everything`` not in
    ``keep``, after the publisher's ``own`` lines."""
    return (own.rstrip("\n") + "\n" if own.strip() else "") + "".join(f"/{page}\n" for page in everything if page not in keep)


def html_of(page: str) -> str:
    """Where a page is written in the site (use_directory_urls is off): x/y.md becomes x/y.html."""
    return page[:-3] + ".html"


def build_in_parts(run: Callable[[Path, dict[str, Any]], None], config_file: Path, settings: dict[str, Any],
                   apart: Sequence[str], parts: int, workers: int, also: Sequence[Callable[[], Any]] = ()) -> None:
    """Build the site described by ``settings`` with ``run`` (run_mkdocs or run_zensical), the pages of ``apart``
    (search-excluded pages outside the navigation) spread over ``parts`` engine runs, ``workers`` at a time; and
    the calls of ``also`` (picklable, such as another tree's engine run or a report) as more pieces of work in
    the same map, after the parts."""
    docs, site = Path(settings["docs_dir"]), Path(settings["site_dir"])
    sizes = {p.relative_to(docs).as_posix(): p.stat().st_size for p in docs.rglob("*.md")} if apart and parts > 1 else {}
    named, built_apart = nav_pages(settings.get("nav")) & set(sizes), set(apart)
    rest = sum(v for k, v in sizes.items() if k not in built_apart) * parallel.ENGINE_REST_WEIGHT  # indexed for search
    groups = split(apart, parts, sizes.__getitem__, round(rest), sum(sizes[p] for p in named))
    jobs = [settings]
    if len(groups) > 1:
        everything = sorted(sizes)
        others = built_apart - set(groups[0])
        own = settings.get("exclude_docs") or ""
        jobs = [dict(settings, exclude_docs=exclusions(set(everything) - others, everything, own))]
        for k, group in enumerate(groups[1:], start=1):
            beside = site.parent / f"{site.name}-part{k}"
            shutil.rmtree(beside, ignore_errors=True)
            jobs.append(dict(settings, site_dir=str(beside), exclude_docs=exclusions(named | set(group), everything, own)))
    try:
        calls = [functools.partial(run, config_file, job) for job in jobs] + list(also)
        parallel.ordered_map(_call, (), calls, min(workers, len(calls)))
        for job, group in zip(jobs[1:], groups[1:]):
            for page in group:  # only this part's own pages: the navigation's pages and the theme's files are part 0's
                built, target = Path(job["site_dir"]) / html_of(page), site / html_of(page)
                if built.is_file():  # else the publisher's own exclude_docs left it out, as one run would
                    target.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(built, target)
    finally:
        for job in jobs[1:]:
            shutil.rmtree(job["site_dir"], ignore_errors=True)


def _call(call: Callable[[], Any]) -> Any:
    return call()
