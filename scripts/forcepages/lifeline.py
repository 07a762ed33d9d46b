"""Forked workers end when the process that forked them dies (a kill -9 of the build leaves no worker running).

On Linux each child forked from the main thread asks the kernel for SIGKILL when its parent dies (prctl
PR_SET_PDEATHSIG), then checks the parent is still the one that forked it (it may have died in between). The signal is
tied to the forking thread, so forks from other threads are left alone. Elsewhere this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1
_state = {"installed": False, "parent": 0, "main": False}


def _before_fork() -> None:
    _state["parent"] = os.getpid()
    _state["main"] = threading.current_thread() is threading.main_thread()


def _in_child() -> None:
    if not _state["main"] or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) != 0:
            return
    except (OSError, AttributeError):
        return
    if os.getppid() != _state["parent"]:  # the parent died before the request took effect
        os._exit(1)


def install() -> None:
    """From now on, processes forked by this one (os.fork, multiprocessing's fork) die with it. Safe to call again."""
    if not _state["installed"] and hasattr(os, "register_at_fork"):
        os.register_at_fork(before=_before_fork, after_in_child=_in_child)
        _state["installed"] = True
