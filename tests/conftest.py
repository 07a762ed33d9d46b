"""Shared fixtures: the small fixture site (built once per test session) and project paths."""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path

import pytest

from forcepages.build import build
from forcepages.config import load_settings, replace

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "fixture_site"
SHARED_RAW = ROOT.parent / "shared" / "data" / "raw"


def copy_fixture(target: Path) -> Path:
    """A writable copy of the fixture site (mkdocs.yml and datapackages), returning its mkdocs.yml."""
    shutil.copytree(FIXTURE, target, dirs_exist_ok=True)
    text = (target / "mkdocs.yml").read_text(encoding="utf-8").replace("../../../site_src/pages", str(ROOT / "site_src" / "pages"))
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return target / "mkdocs.yml"


def _shared_build(tmp_path_factory, name: str, make_config) -> Path:
    """One build shared by every test worker of the session (pytest-xdist workers share the parent of their base
    temporary folders): the first worker to ask builds it under a lock, the others wait and reuse it."""
    root = tmp_path_factory.getbasetemp()
    if root.name.startswith("popen-gw"):  # a worker's folder: share the session's parent folder
        root = root.parent
    folder = root / f"shared-{name}"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        out = folder / "build"
        if not (folder / "done").exists():
            folder.mkdir(parents=True, exist_ok=True)
            config = make_config(folder)  # the fixture's mkdocs.yml is copied into folder, beside build/
            build(load_settings(config), config, out)
            (folder / "done").touch()
    return out


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture site built once for the session: returns the build folder holding docs/ and site/."""
    return _shared_build(tmp_path_factory, "fixture", copy_fixture)


@pytest.fixture(scope="session")
def national_site(tmp_path_factory) -> Path:
    """The national site from datapackages/, built once for the session: returns the build folder."""
    return _shared_build(tmp_path_factory, "national", lambda folder: ROOT / "mkdocs.yml")


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium driven by Playwright (never a downloaded browser); one per test worker.

    Shared by every browser test in the worker: a second sync Playwright in the same thread fails.
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make browser-deps)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    """A fresh writable copy of the fixture site for tests that break it; returns its mkdocs.yml."""
    return copy_fixture(tmp_path / "site")


__all__ = ["ROOT", "FIXTURE", "SHARED_RAW", "copy_fixture", "replace"]


SITE_FIXTURES = {"fixture_site", "national_site", "fixture_copy", "chromium"}


def pytest_collection_modifyitems(config, items):
    """Three groups: ``slow`` (marked: whole-site checks, browsers, timing), ``site`` (builds or reads a built site:
    it uses a site fixture, or its module calls forcepages.build), ``unit`` (the rest). ``make test`` runs them all;
    ``make test-unit`` the unit group alone."""
    from forcepages.build import build as build_function

    for item in items:
        if item.get_closest_marker("slow") or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
        elif SITE_FIXTURES & set(getattr(item, "fixturenames", ())) or getattr(item.module, "build", None) is build_function:
            item.add_marker(pytest.mark.site)
        else:
            item.add_marker(pytest.mark.unit)
