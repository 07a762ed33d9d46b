"""Large sites are built by several processes (area pages, then MkDocs); the result must be what one process
makes, byte for byte. Data tables reach the built pages as real tables, but stay out of Markdown and search."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import re

import pandas as pd
import pytest

from forcepages import compute, datatables, mkdocs_parts, parallel
from forcepages.build import build
from forcepages.config import load_settings
from forcepages.mkdocs_run import build_site
from forcepages.publish import DATA_NAV

from conftest import copy_fixture


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("parts", [2, 3])
def test_site_built_in_parts_is_identical_to_one_process(fixture_site, tmp_path, parts):
    config = fixture_site.parent / "mkdocs.yml"
    extra = [("API", "api.md")] + DATA_NAV
    build_site(config, fixture_site / "docs", tmp_path / "one", extra, parts=1)
    build_site(config, fixture_site / "docs", tmp_path / "many", extra, parts=parts)
    one, many = _digests(tmp_path / "one"), _digests(tmp_path / "many")
    assert sorted(one) == sorted(many)
    assert [name for name in one if one[name] != many[name]] == []
    assert not list(tmp_path.glob(".many-part-*")), "the parts' temporary folders are removed"
    index = json.loads((tmp_path / "many" / "search" / "search_index.json").read_text())
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert len([p for p in (tmp_path / "many").rglob("*.html") if p.name != "404.html"]) == len(pages)


def test_a_part_that_fails_fails_the_build_and_never_returns_to_the_caller(fixture_site, tmp_path, monkeypatch):
    """Parts after the first are forked from the build: one that fails must fail the build with its message, leave no
    process behind, and exit instead of carrying on with the caller's code."""
    import os

    from forcepages import mkdocs_run
    from forcepages.errors import BuildError

    real = datatables.uncomment

    def uncomment(html):
        if mkdocs_run.PART[0] == 1:
            raise RuntimeError("part one broke")
        return real(html)

    monkeypatch.setattr(datatables, "uncomment", uncomment)
    forked, real_fork = [], mkdocs_parts.fork

    def fork(config):
        part = real_fork(config)
        forked.extend(mkdocs_parts.SPLIT.children)
        return part

    monkeypatch.setattr(mkdocs_parts, "fork", fork)
    returned = tmp_path / "returned.txt"
    config = fixture_site.parent / "mkdocs.yml"
    try:
        with pytest.raises(BuildError, match="part 1 of the site: RuntimeError: part one broke"):
            build_site(config, fixture_site / "docs", tmp_path / "site", [("API", "api.md")] + DATA_NAV, parts=2)
    finally:
        with returned.open("a") as out:
            out.write(f"{os.getpid()}\n")
    assert returned.read_text().split() == [str(os.getpid())], "only this process came back from the build"
    assert mkdocs_parts.SPLIT.children == [] and mkdocs_parts.SPLIT.parts == 1
    assert not list(tmp_path.glob(".site-part-*"))
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)  # the forked part is not left running or unreaped


def test_blocks_cover_every_page_once():
    for count in (0, 1, 5, 271, 3024):
        for n in (1, 2, 3, 4):
            covered = [i for k in range(n) for i in mkdocs_parts.block(count, (k, n))]
            assert covered == list(range(count))


def test_data_tables_are_real_tables_in_the_site_and_not_in_search(fixture_site):
    page = next((fixture_site / "site" / "forces").rglob("local-crime-and-policing.html")).read_text()
    assert "fp-table\n" not in page and "<!-- fp-table" not in page
    tables = re.findall(r'<details class="fp-table" id="data-[^"]+">\s*<summary>Data table: [^<]+</summary>\s*<table>.*?</table>\s*</details>', page, re.S)
    assert tables, "each chart has its data table"
    assert '<th scope="col">Period</th>' in tables[0] and '<th scope="row">' in tables[0]
    index = (fixture_site / "site" / "search" / "search_index.json").read_text()
    assert "95% confidence interval" in index  # the summaries are searchable
    assert "Similar forces average" not in index  # the table headers (and numbers) are not


def test_table_text_is_escaped_and_cannot_end_the_comment():
    html = datatables.table(["A", "B"], [["<script>x</script> -- -->", datatables.Link("A & B", "../x/index.md#y")]], "Data table: <b>")
    inner = html[len(datatables.START):-len(datatables.END)]
    assert "--" not in inner and "<script>" not in inner and "<b>" not in inner
    assert '<a href="../x/index.html#y">A &amp; B</a>' in inner
    assert datatables.uncomment(f"<p>a</p>\n{html}\n<p>b</p>") == f"<p>a</p>\n{inner.replace('-&#45;', '--')}\n<p>b</p>"
    assert "&lt;script&gt;x&lt;/script&gt; -- --&gt;" in datatables.uncomment(html)  # the dashes are back once in place


def test_carried_html_cannot_end_its_comment_and_comes_back_unchanged():
    block = '<p title="a--b">x -- y --> z ---- <!-- w</p>\n\n<p>two</p>'
    carried = datatables.carry(block)
    inner = carried[len(datatables.HTML_START):-len(datatables.END)]
    assert "--" not in inner and "\n\n" not in inner
    assert datatables.uncomment(f"<p>a</p>\n{carried}\n<p>b</p>") == f"<p>a</p>\n{block.replace(chr(10) * 2, chr(10))}\n<p>b</p>"


def test_area_pages_and_statistics_from_workers_are_identical_to_one_process(fixture_site, tmp_path, monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")  # the fixture's few areas and indicators, in workers
    config = copy_fixture(tmp_path / "src")
    report = build(load_settings(config), config, tmp_path / "out")
    one, many = _digests(fixture_site / "docs"), _digests(tmp_path / "out" / "docs")
    assert sorted(one) == sorted(many)
    assert [name for name in one if one[name] != many[name]] == []
    figures = [p for p in (tmp_path / "out" / "docs" / "charts").glob("*.json") if not p.name.endswith(".meta.json")]
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
    from forcepages import downloads

    monkeypatch.setattr(downloads, "CHUNK_ROWS", 7)
    config = copy_fixture(tmp_path / "src")
    build(load_settings(config), config, tmp_path / "out")
    one, chunked = _digests(fixture_site / "docs" / "data"), _digests(tmp_path / "out" / "docs" / "data")
    assert sorted(one) == sorted(chunked)
    assert [name for name in one if one[name] != chunked[name]] == []


def test_static_files_are_linked_into_the_site_not_copied(fixture_site):
    """Charts, CSV and downloads (most of a large site's bytes) are hard links to the docs folder's files."""
    chart = next((fixture_site / "site" / "charts").glob("*.json"))
    source = fixture_site / "docs" / "charts" / chart.name
    assert chart.read_bytes() == source.read_bytes()
    assert chart.stat().st_ino == source.stat().st_ino



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
    one, here = _digests(fixture_site / "docs"), _digests(tmp_path / "out" / "docs")
    assert sorted(one) == sorted(here)
    assert [name for name in one if one[name] != here[name]] == []


def test_an_error_publishing_packages_in_the_worker_fails_the_build_here(tmp_path, monkeypatch):
    from forcepages import downloads

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

    from forcepages.load import validate_and_load
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
