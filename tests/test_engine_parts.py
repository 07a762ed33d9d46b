"""A large site's area pages are built by engine runs side by side (site/parts.py): the site must be the one a single
run makes, byte for byte, with either engine."""

from __future__ import annotations

import hashlib

import pytest

from conftest import copy_fixture
from forcepages import parallel
from forcepages.build import build
from forcepages.config import load_settings, replace
from forcepages.site import parts


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_are_dealt_out_once_each_in_about_equal_work():
    sizes = {f"forces/a{i:03d}/index.md": 100 + i for i in range(300)}
    groups = parts.split(list(reversed(list(sizes))), 3, sizes.__getitem__, rest=5_000, named=1_000)
    assert sorted(p for g in groups for p in g) == sorted(sizes), "every page once"
    assert groups == parts.split(list(sizes), 3, sizes.__getitem__, rest=5_000, named=1_000), "not the order given"
    work = [5_000 + sum(map(sizes.get, groups[0]))] + [1_000 + sum(map(sizes.get, g)) for g in groups[1:]]
    assert len(groups) == 3 and max(work) - min(work) < 2 * max(sizes.values()) + 1_000, work
    assert parts.split(list(sizes), 1, sizes.__getitem__, 0, 0) == [sorted(sizes)]
    everything_else = parts.split(list(sizes)[:3], 2, sizes.__getitem__, rest=10**9, named=0)
    assert everything_else[0] == [] and len(everything_else[1]) == 3, "part 0 has enough with the rest of the site"


def test_each_part_leaves_out_the_pages_it_does_not_build_after_the_publishers_own_exclusions():
    everything = ["a.md", "b/index.md", "c.md"]
    assert parts.exclusions({"a.md"}, everything) == "/b/index.md\n/c.md\n"
    assert parts.exclusions({"a.md", "c.md"}, everything, "drafts/\n*.tmp.md") == "drafts/\n*.tmp.md\n/b/index.md\n"
    assert parts.exclusions(set(everything), everything, "  \n") == ""


def test_the_navigation_names_its_pages():
    nav = [{"Home": "index.md"}, {"Data": [{"Crime": "data/crime.md"}, "data/index.md"]}, {"Elsewhere": "https://x.org/a.md"}]
    assert parts.nav_pages(nav) == {"index.md", "data/crime.md", "data/index.md"}


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_site_built_in_parts_is_the_site_one_run_builds(tmp_path, monkeypatch, engine):
    """Every area page left out of search (large_site_areas: 1) may be built apart: with two workers the engine runs
    twice side by side, and the site is the same, file for file and byte for byte, as one run of the same engine."""
    config = copy_fixture(tmp_path / "src")
    settings = replace(load_settings(config), large_site_areas=1, engine=engine)
    sites, called = {}, []
    real = parts.build_in_parts

    def counted(run, config_file, options, apart, count, workers, meanwhile):
        called.append((len(apart), len(parts.split(apart, count, lambda p: 1, 0, 0))))
        return real(run, config_file, options, apart, count, workers, meanwhile)

    monkeypatch.setattr(parallel, "ENGINE_MIN_PAGES_APART", 1)
    from forcepages.site import engine as engine_module
    monkeypatch.setattr(engine_module, "build_in_parts", counted)
    for workers in ("1", "2"):
        monkeypatch.setenv(parallel.WORKERS_VARIABLE, workers)
        build(settings, config, tmp_path / workers, strict=True)
        sites[workers] = _digests(tmp_path / workers / "site")
    assert called[0][0] > 4 and called[1][1] == 2, called  # the area pages, in two parts the second time
    assert sorted(sites["1"]) == sorted(sites["2"])
    assert [name for name in sites["1"] if sites["1"][name] != sites["2"][name]] == []
    assert not [p for p in (tmp_path / "2").iterdir() if "part" in p.name], "no part's folder is left behind"
