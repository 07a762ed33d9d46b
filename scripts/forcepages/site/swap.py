"""Putting a new build in place of the old one with no moment at which build/site (or build/docs) is missing, and
cleaning up work folders left by builds that were killed."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
WORK_PREFIX = ".building-"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two existing paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (38, 22, 95):  # ENOSYS, EINVAL, EOPNOTSUPP: the kernel or the file system cannot; use the fallback
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def swap_in(work: Path, out: Path, names: tuple[str, ...] = ("docs", "site")) -> None:
    """Move ``work/<name>`` to ``out/<name>`` for each name; the old one ends up in ``work`` (deleted with it).

    Where the system can exchange two folders in one step there is no moment without ``out/<name>``. Elsewhere the old
    folder is renamed to ``.old-<name>`` first; if the process is killed between the two renames, the next build
    (``recover``) puts ``.old-<name>`` back before anything else."""
    for name in names:
        new, live = work / name, out / name
        if live.is_dir() and not live.is_symlink() and _exchange(new, live):
            continue
        old = out / f".old-{name}"
        shutil.rmtree(old, ignore_errors=True)
        if live.exists() or live.is_symlink():
            live.rename(old)
        new.rename(live)
        shutil.rmtree(old, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def recover(out: Path) -> None:
    """Before a build: put back a live folder a killed swap left as ``.old-<name>``, delete stale ``.old-*`` folders,
    and delete ``.building-<pid>-*`` work folders whose build process has ended (a running build's are left alone)."""
    if not out.is_dir():
        return
    for name in ("docs", "docs-cy", "site"):
        old, live = out / f".old-{name}", out / name
        if old.is_dir() and not (live.exists() or live.is_symlink()):
            old.rename(live)
        elif old.exists():
            shutil.rmtree(old, ignore_errors=True)
    for folder in out.glob(WORK_PREFIX + "*"):
        pid = folder.name[len(WORK_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def work_prefix() -> str:
    """The prefix of this process's work folder: recover can tell whether the build that made it still runs."""
    return f"{WORK_PREFIX}{os.getpid()}-"
