"""The one way forcepages runs work in parallel: an ordered map over blocks of work in worker processes.

``Blocks(function, shared, items, workers)`` calls ``function(*shared, item)`` for each item and gives the results
back in the order of ``items``, so the output never depends on the number of workers or on timing. With one worker
the calls run here, in order, when the results are asked for. The workers come from a
ProcessPoolExecutor with the default start method: ``shared`` (the large read-only inputs) reaches each worker once,
through the pool's initializer. Under ``fork`` (Linux) a worker inherits it without pickling; under ``spawn`` (macOS,
Windows) it is pickled once per worker. Only the items and the results travel per call.

Every tuning constant of the parallel stages is here.
"""

from __future__ import annotations

import ctypes
import gc
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Sequence

from forcepages import lifeline

MAX_WORKERS = 4  # at most this many worker processes (and never more than cores)
WORKERS_VARIABLE = "FORCEPAGES_WORKERS"  # set to a number to use that many workers for every parallel stage
COMPUTE_MIN_ROWS = 20_000  # from this many values rows, indicators are computed by workers
AREA_MIN_AREAS = 16  # from this many areas, area pages are written by workers
AREA_BLOCKS_PER_WORKER = 4  # several blocks of areas each, so one slow block does not hold up the end
ENGINE_MIN_PAGES_APART = 1_000  # from this many pages that may be built apart, the engine runs in parts (site/parts.py)
ENGINE_PARTS_PER_WORKER = 1  # more, smaller parts hold fewer pages at once but render the navigation pages again
ENGINE_REST_WEIGHT = 1.25  # a byte of the pages only part 0 renders (searched, in the navigation) against one of an area page
PUBLISH_MAX_ROWS = 200_000  # up to this many values rows, packages are published by a worker (see publish.publish_data)


def workers(large: bool) -> int:
    """How many workers a stage uses: FORCEPAGES_WORKERS if set; else one per core (at most MAX_WORKERS) when the
    work is ``large`` enough to repay starting them, and 1 otherwise."""
    chosen = os.environ.get(WORKERS_VARIABLE, "").strip()
    if chosen:
        try:
            return max(1, int(chosen))
        except ValueError:
            raise ValueError(f"{WORKERS_VARIABLE} should be a whole number of worker processes, not {chosen!r}") from None
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS)) if large else 1


def pieces(count: int, parts: int) -> list[range]:
    """``range(count)`` cut into ``parts`` consecutive blocks of near-equal size (none empty unless count < parts)."""
    parts = max(1, min(parts, count))
    return [range(count * k // parts, count * (k + 1) // parts) for k in range(parts)]


class Blocks:
    """``function(*shared, item)`` for every item, started now in up to ``workers`` processes (or run here at
    ``results`` with one worker). ``function`` must be defined at the top level of a module (workers find it by
    name under spawn). Use as a context manager, or call ``results`` (which also stops the workers). With ``let_go``
    the workers exit as soon as every call is done."""

    def __init__(self, function: Callable[..., Any], shared: tuple[Any, ...], items: Sequence[Any], workers: int,
                 let_go: bool = False):
        self.function, self.shared, self.items = function, shared, list(items)
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future] = []
        self._left, self._counting, self._closing = len(self.items), threading.Lock(), False
        self._letting_go: threading.Thread | None = None
        if workers > 1 and self.items:
            lifeline.install()  # forked workers die with this process
            self.pool = ProcessPoolExecutor(min(workers, len(self.items)), initializer=_start, initargs=(function, shared))
            try:
                self.futures = [self.pool.submit(_run, item) for item in self.items]
            except BaseException:  # no process could be started: let go of the others before failing
                self.close()
                raise
            for future in self.futures if let_go else ():
                future.add_done_callback(self._done)

    def _done(self, _future: Future) -> None:
        """With ``let_go``: once every call is done, the workers exit and give back their memory without waiting for
        ``results`` (a background call that ends early holds nothing while this process waits on other work). The
        pool is shut down, waiting for its workers, by a thread of its own: this runs in the pool's thread, which
        cannot wait for itself; ``close`` waits for that thread, so the pool is wholly gone when this process ends."""
        with self._counting:
            self._left -= 1
            if self._left or self._closing or self.pool is None:
                return
            self._letting_go = threading.Thread(target=self.pool.shutdown, name="forcepages-let-go")
            self._letting_go.start()

    def results(self) -> list[Any]:
        """Every call's result, in the order of the items; the first call that failed raises its exception here."""
        if self.pool is None:
            return [self.function(*self.shared, item) for item in self.items]
        try:
            return [future.result() for future in self.futures]
        finally:
            self.close()

    def close(self) -> None:
        """Stop the workers, cancelling calls not yet started (after a failure)."""
        if self.pool is not None:
            with self._counting:
                self._closing = True  # no shutdown starts beside this one
            if self._letting_go is not None:
                self._letting_go.join()
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> "Blocks":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def ordered_map(function: Callable[..., Any], shared: tuple[Any, ...], items: Sequence[Any], workers: int) -> list[Any]:
    """``[function(*shared, item) for item in items]``, computed by up to ``workers`` processes."""
    with Blocks(function, shared, items, workers) as blocks:
        return blocks.results()


def background(function: Callable[..., Any], *args: Any) -> Blocks:
    """``function(*args)`` in one worker while this process carries on (where there is a second core; else here, when
    ``results()[0]`` is asked for)."""
    return Blocks(_apply, (function, args), [None], min(2, workers(True)), let_go=True)


def _apply(function: Callable[..., Any], args: tuple[Any, ...], _item: None) -> Any:
    return function(*args)


def give_back_memory() -> None:
    """Collect what the build no longer holds and give the freed memory back to the system: Arrow's memory pool
    (pandas' text columns) and, where the C library can (glibc's malloc_trim), Python's own. Otherwise it stays with
    this process, and with every worker started from it, while the next stage runs."""
    import pyarrow  # pandas' text columns live in its memory pool

    gc.collect()
    pyarrow.default_memory_pool().release_unused()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError, TypeError):  # not glibc (macOS, Windows, musl): the memory is reused in time
        return
    trim(0)


_worker: dict[str, Any] = {}  # in a worker process only: the function and shared inputs it was started with


def _start(function: Callable[..., Any], shared: tuple[Any, ...]) -> None:
    """A worker's first step. What it starts with is read, never freed, so it is moved out of garbage collection:
    a collection would otherwise write to every object it inherited under fork, copying memory it shares."""
    _worker["call"] = (function, shared)
    gc.freeze()


def _run(item: Any) -> Any:
    """One item in a worker, which then gives back what the item took before the next (its result is sent on)."""
    function, shared = _worker["call"]
    try:
        return function(*shared, item)
    finally:
        give_back_memory()
