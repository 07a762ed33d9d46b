"""Large sites are built by several worker processes (statistics, area pages, packages); the result must be what one
process makes, byte for byte."""

from __future__ import annotations

import hashlib
import multiprocessing

import pandas as pd
import pytest

from forcepages.compute import indicators as compute
from forcepages import parallel
from forcepages.build import build
from forcepages.config import load_settings

from conftest import copy_fixture


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_area_pages_and_statistics_from_workers_are_identical_to_one_process(fixture_site, tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")  # the fixture's few areas and indicators, in workers
    config = copy_fixture(tmp_path / "src")
    report = build(load_settings(config), config, tmp_path / "out")
    one, many = _digests(fixture_site / "site"), _digests(tmp_path / "out" / "site")
    assert sorted(one) == sorted(many)
    assert [name for name in one if one[name] != many[name]] == []
    figures = [p for p in (tmp_path / "out" / "site").glob("**/charts/*.json") if not p.name.endswith(".meta.json")]  # cy/ too
    assert report.charts == len(figures)


def test_an_error_in_a_worker_stops_the_build_cleanly(tmp_path, monkeypatch):
    """A publisher's broken template fails the build with the template's error, raised in the build process."""
    import jinja2

    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    config = copy_fixture(tmp_path / "src")
    templates = config.parent / "site_src" / "templates"
    templates.mkdir(parents=True)
    (templates / "force.md.j2").write_text("# {{ no_such_value }}\n", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError, match="no_such_value"):
        build(load_settings(config), config, tmp_path / "out")
    assert not (tmp_path / "out" / "site").exists(), "nothing is swapped in"


def test_csv_slices_written_in_chunks_are_identical(fixture_site, tmp_path, monkeypatch):
    """Large tables are turned into CSV text a chunk of rows at a time; the slices must not change."""
    from forcepages.publish import slices

    monkeypatch.setattr(slices, "CHUNK_ROWS", 7)
    config = copy_fixture(tmp_path / "src")
    build(load_settings(config), config, tmp_path / "out")
    one, chunked = _digests(fixture_site / "site" / "data"), _digests(tmp_path / "out" / "site" / "data")
    assert sorted(one) == sorted(chunked)
    assert [name for name in one if one[name] != chunked[name]] == []


def _pid_and_lock_state(lock):
    import os
    return os.getpid(), lock.locked()


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers inherit their inputs under fork only")
def test_background_worker_inherits_its_call_instead_of_pickling_it(monkeypatch):
    """A lock cannot be pickled: under fork the worker gets the call by inheriting it, so only the (small) result
    travels back."""
    import os
    import threading

    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    lock = threading.Lock()
    with parallel.background(_pid_and_lock_state, lock) as job:
        pid, locked = job.results()[0]
    assert pid != os.getpid() and locked is False


def test_packages_published_by_a_worker_or_here_are_identical(fixture_site, tmp_path, monkeypatch):
    """The fixture's packages are published by a worker; past parallel.PUBLISH_MAX_ROWS, by the build process."""
    monkeypatch.setattr(parallel, "PUBLISH_MAX_ROWS", 0)
    config = copy_fixture(tmp_path / "src")
    build(load_settings(config), config, tmp_path / "out")
    one, here = _digests(fixture_site / "site"), _digests(tmp_path / "out" / "site")
    assert sorted(one) == sorted(here)
    assert [name for name in one if one[name] != here[name]] == []


def test_an_error_publishing_packages_in_the_worker_fails_the_build_here(tmp_path, monkeypatch):
    from forcepages.publish import downloads

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(downloads, "publish_package", broken)
    config = copy_fixture(tmp_path / "src")
    with pytest.raises(RuntimeError, match="the disk is full"):
        build(load_settings(config), config, tmp_path / "out")
    assert not (tmp_path / "out" / "site").exists(), "nothing is swapped in"


@pytest.mark.parametrize("workers", [1, 2])
def test_work_given_to_do_meanwhile_runs_once_and_changes_no_statistic(fixture_site, workers):
    """compute_all runs ``meanwhile`` in the build process while the workers compute (or after, alone)."""
    import os

    from forcepages.validate.load import validate_and_load
    config = fixture_site.parent / "mkdocs.yml"
    settings = load_settings(config)
    data = validate_and_load(settings)
    calls = []
    with_work = compute.compute_all(data, settings, workers=workers, meanwhile=lambda: calls.append(os.getpid()))
    without = compute.compute_all(data, settings, workers=1)
    assert calls == [os.getpid()]
    assert list(with_work) == list(without)
    for iid in without:
        pd.testing.assert_frame_equal(with_work[iid].table, without[iid].table)
        pd.testing.assert_frame_equal(with_work[iid].national, without[iid].national)
