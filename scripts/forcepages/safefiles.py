"""Reading the publisher's files without following links: a file that is a symbolic link, or that resolves outside
its folder, is refused with a message naming it (a link to /proc/self/environ must never reach a page or a zip)."""

from __future__ import annotations

import os
from pathlib import Path

from forcepages.errors import Problem, ValidationFailed


def link_problem(file: Path, folder: Path) -> str | None:
    """Why ``file`` (inside ``folder``) may not be read, or None: it, or a folder between, is a link, or it leads out."""
    try:
        base = folder.resolve()
        if file.is_symlink():
            return "is a symbolic link; links are never followed."
        here = file.parent
        while here != folder and here != here.parent and here.is_relative_to(folder):
            if here.is_symlink():
                return f'is inside "{here.name}", a symbolic link; links are never followed.'
            here = here.parent
        if not file.resolve(strict=False).is_relative_to(base):
            return "leads out of its folder."
    except (OSError, RuntimeError, ValueError):
        return "cannot be resolved (a link loop, or a name the system cannot use)."
    return None


def read_bytes(file: Path, folder: Path, where: str) -> bytes:
    """The bytes of a regular file inside ``folder``, opened without following a final link; else ValidationFailed."""
    problem = link_problem(file, folder)
    if problem is None and not file.is_file():
        problem = "is not a regular file."
    if problem:
        raise ValidationFailed([Problem(where, None, None, problem, "Put the file itself here, not a link to it.", code="file-is-link")])
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def read_text(file: Path, folder: Path, where: str, allow_empty: bool = False) -> str:
    """A UTF-8 text file inside ``folder``, read as read_bytes does; not UTF-8, or empty, is a problem naming it."""
    data = read_bytes(file, folder, where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationFailed([Problem(where, None, None, f"is not UTF-8 text (byte {exc.start + 1} cannot be read).",
                                        "Save the file as UTF-8 in your editor.", code="file-not-utf8")]) from None
    if not allow_empty and not text.strip():
        raise ValidationFailed([Problem(where, None, None, "is empty.", "Write the page's text, or delete the file.", code="file-empty")])
    return text
