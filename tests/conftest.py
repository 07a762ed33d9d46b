"""Shared fixtures: the small fixture site (built once per test session) and project paths."""

from __future__ import annotations

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


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture site built once: returns the build folder holding docs/ and site/."""
    config = copy_fixture(tmp_path_factory.mktemp("fixture"))
    out = config.parent / "build"
    build(load_settings(config), config, out)
    return out


@pytest.fixture(scope="session")
def national_site(tmp_path_factory) -> Path:
    """The national site from datapackages/, built once: returns the build folder."""
    out = tmp_path_factory.mktemp("national") / "build"
    config = ROOT / "mkdocs.yml"
    build(load_settings(config), config, out)
    return out


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
