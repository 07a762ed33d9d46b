"""The one parallel mechanism (parallel.Blocks): results in the order of the work, a serial fallback, a worker's error
raised here, and whole builds that work with the spawn start method (macOS, Windows) as they do with fork."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from forcepages import parallel

from conftest import ROOT, copy_fixture


def _slow_then_square(offset, delays, item):
    import time
    time.sleep(delays[item])
    return os.getpid(), offset + item * item


def _fail_on_three(item):
    if item == 3:
        raise ValueError(f"item {item} is broken")
    return item


def test_results_come_back_in_the_order_of_the_items_whatever_finishes_first():
    delays = {0: 0.3, 1: 0.0, 2: 0.2, 3: 0.0, 4: 0.1}  # the first items finish last
    out = parallel.ordered_map(_slow_then_square, (10, delays), list(delays), workers=3)
    assert [value for _, value in out] == [10, 11, 14, 19, 26]
    assert os.getpid() not in {pid for pid, _ in out}, "computed by workers"
    assert len({pid for pid, _ in out}) > 1


@pytest.mark.parametrize("workers,items", [(1, [0, 1, 2]), (4, [])])
def test_one_worker_or_no_work_runs_here(workers, items):
    out = parallel.ordered_map(_slow_then_square, (0, {0: 0, 1: 0, 2: 0}), items, workers)
    assert out == [(os.getpid(), i * i) for i in items]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_in_a_call_is_raised_here_with_its_message(workers):
    with pytest.raises(ValueError, match="item 3 is broken"):
        parallel.ordered_map(_fail_on_three, (), range(6), workers)


def _alive(pid):
    """True while a process exists and is not a zombie (Linux /proc)."""
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_a_background_call_lets_go_of_its_worker_as_soon_as_it_is_done(monkeypatch):
    """The build runs its readability report in the background while the engine runs: the report's worker, and the
    memory it holds, must go when the report is written, not when its result is asked for at the end."""
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    job = parallel.background(_slow_then_square, 0, {3: 0.0}, 3)
    deadline = time.monotonic() + 60
    while not job.futures[0].done() and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = job.futures[0].result()[0]
    assert pid != os.getpid(), "run by a worker"
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the worker was still there, holding its memory, after its only call was done"
    assert job.results() == [(pid, 9)]


def test_an_ordered_map_keeps_its_workers_until_its_results_are_asked_for(monkeypatch):
    """Without let_go, results() waits for the workers to exit, so the next stage never starts beside them."""
    blocks = parallel.Blocks(_slow_then_square, (0, {0: 0.0, 1: 0.0}), [0, 1], workers=2)
    pids = {pid for pid, _ in blocks.results()}
    assert not any(_alive(pid) for pid in pids)


def test_the_workers_variable_sets_every_stage_s_worker_count(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "3")
    assert parallel.workers(False) == 3 and parallel.workers(True) == 3
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "many")
    with pytest.raises(ValueError, match="FORCEPAGES_WORKERS should be a whole number"):
        parallel.workers(True)
    monkeypatch.delenv(parallel.WORKERS_VARIABLE)
    assert parallel.workers(False) == 1


def test_pieces_cover_every_position_once_in_order():
    for count in (0, 1, 5, 271, 3024):
        for parts in (1, 2, 3, 8):
            blocks = parallel.pieces(count, parts)
            assert [i for block in blocks for i in block] == list(range(count))
            assert all(len(block) for block in blocks) or count == 0


def _cli(config, start_method: str, workers: int, *args: str) -> subprocess.CompletedProcess:
    """The forcepages command in a fresh Python whose multiprocessing start method is ``start_method``."""
    code = ("import multiprocessing, sys; multiprocessing.set_start_method(sys.argv[1]); "
            "from forcepages.cli import main; sys.argv = ['forcepages'] + sys.argv[2:]; main()")
    env = {**os.environ, parallel.WORKERS_VARIABLE: str(workers)}
    return subprocess.run([sys.executable, "-c", code, start_method, *args, "-f", str(config)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_validate_and_build_with_spawned_workers_make_what_one_process_makes(fixture_site, tmp_path):
    """With the spawn start method every stage's workers get their inputs pickled, not inherited; the docs folder
    must be byte-for-byte what the session's fixture build wrote (its few areas and indicators done in one process)."""
    config = copy_fixture(tmp_path / "src")
    checked = _cli(config, "spawn", 2, "validate")
    assert checked.returncode == 0, checked.stderr
    assert "data packages are valid" in checked.stdout
    built = _cli(config, "spawn", 2, "build", "--out", str(tmp_path / "out"))
    assert built.returncode == 0, built.stderr
    one, spawned = _digests(fixture_site / "docs"), _digests(tmp_path / "out" / "docs")
    assert sorted(one) == sorted(spawned)
    assert [name for name in one if one[name] != spawned[name]] == []
