"""How many worker processes a stage uses, and the forked pool they run in."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable

from . import lifeline

MAX_WORKERS = 4


def workers(large: bool) -> int:
    """One worker per core (at most MAX_WORKERS) when the work is ``large`` enough to repay starting them; else 1."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS)) if large else 1


class _ForkedPool(ProcessPoolExecutor):
    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=wait, cancel_futures=cancel_futures)
        after_fork()


def forked_pool(count: int) -> ProcessPoolExecutor:
    """Workers forked from this process, so they share its data instead of copying or pickling it.

    The objects the workers inherit are frozen out of garbage collection first (gc.freeze): a collection in a worker
    would otherwise touch every object, and so copy every page of memory it shares with the build process.
    A worker that dies (killed, out of memory) fails its tasks with BrokenProcessPool instead of hanging the build.
    """
    prepare_fork()
    return _ForkedPool(count, mp_context=multiprocessing.get_context("fork"))


_forks = 0  # forked groups of workers still running (prepare_fork calls not yet matched by after_fork)


def prepare_fork() -> None:
    """Before forking: collect garbage, give freed memory back, and freeze what is left out of garbage collection
    (see forked_pool). after_fork undoes the freezing in this process once every group of workers is done."""
    global _forks
    lifeline.install()  # the workers die with this process
    gc.collect()
    _give_back_freed_memory()
    gc.freeze()
    _forks += 1


def after_fork() -> None:
    """Once a group of forked processes is done: when no other group is still running (the area-page workers outlive
    the package publisher), this process's objects are collected as usual again. Unfrozen earlier, a collection here
    would write to memory the running workers still share, making each of us copy it."""
    global _forks
    _forks = max(0, _forks - 1)
    if _forks == 0:
        gc.unfreeze()


def _give_back_freed_memory() -> None:
    """Return memory that the C library and Arrow's allocator hold for reuse to the system (glibc's malloc_trim,
    pyarrow's release_unused), so that workers do not start out sharing pages of garbage. Arrow kept about 90 MB
    of freed buffers after validating the 3,000-area site."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass
    arrow = sys.modules.get("pyarrow")
    if arrow is not None and hasattr(arrow, "default_memory_pool"):
        arrow.default_memory_pool().release_unused()


_inherited: dict[int, tuple[Callable[..., Any], tuple[Any, ...]]] = {}  # Background calls, for the forked worker to find


def _run_inherited(key: int) -> Any:
    """The call a Background worker inherited when it was forked (its function and arguments are never pickled)."""
    function, args = _inherited[key]
    return function(*args)


class Background:
    """``function(*args)`` running in a worker forked from this process while this process goes on, where there is a
    second core; else run here, when its result is asked for. Use as a context manager: leaving stops the worker.

    The worker inherits the call when it is forked, so large arguments (the loaded tables) are shared, not pickled
    and sent; only the result comes back pickled.
    """

    def __init__(self, function: Callable[..., Any], *args: Any):
        self.function, self.args, self.pool, self.future = function, args, None, None
        self.key = id(self)
        if workers(True) > 1:
            _inherited[self.key] = (function, args)
            try:
                self.pool = forked_pool(1)
                self.future = self.pool.submit(_run_inherited, self.key)  # forks the worker now, with the call in place
            except BaseException:  # fork refused (no memory, no processes): let go of everything before failing
                self.__exit__()
                raise

    def result(self) -> Any:
        return self.function(*self.args) if self.future is None else self.future.result()

    def __enter__(self) -> "Background":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        _inherited.pop(self.key, None)
