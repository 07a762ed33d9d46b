"""How many worker processes a stage uses, and the forked pool they run in."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

MAX_WORKERS = 4


def workers(large: bool) -> int:
    """One worker per core (at most MAX_WORKERS) when the work is ``large`` enough to repay starting them; else 1."""
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS)) if large else 1


def forked_pool(count: int) -> ProcessPoolExecutor:
    """Workers forked from this process, so they share its data instead of copying or pickling it.

    A worker that dies (killed, out of memory) fails its tasks with BrokenProcessPool instead of hanging the build.
    """
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))
