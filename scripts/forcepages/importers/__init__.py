"""Importers: official raw files -> the project's Frictionless data packages.

``python -m forcepages.importers`` rewrites every package in ``datapackages/`` from the raw
files in $FORCEPAGES_RAW (default: <project>/../shared/data/raw). Raw files are only read;
only derived figures are written.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path

from forcepages.importers.common import DEFAULT_OUT, raw_dir
from forcepages.importers.package_writer import write_package

# package name -> module that builds it, in the order they are written
IMPORTERS = {
    "reference": "reference",
    "framework": "framework",
    "recorded-crime": "recorded_crime",
    "crime-outcomes": "outcomes",
    "workforce": "workforce",
    "road-safety": "road_safety",
    "public-confidence": "confidence",
    "police-funding": "funding",
    "police-uk-monthly": "police_uk",
    "anti-social-behaviour": "anti_social_behaviour",
    "stop-and-search": "stop_search",
}


def build_package(name: str, raw: Path | None = None):
    module = importlib.import_module(f".{IMPORTERS[name]}", __name__)
    return module.build(Path(raw or raw_dir()))


def run(names: list[str] | None = None, raw: Path | None = None, out: Path | None = None,
        verbose: bool = False) -> list[Path]:
    """Build and write the named packages (all by default); returns the folders written."""
    raw = Path(raw or raw_dir())
    if not raw.is_dir():
        raise FileNotFoundError(f"raw data folder not found: {raw} (set FORCEPAGES_RAW)")
    out = Path(out or DEFAULT_OUT)
    written = []
    for name in names or list(IMPORTERS):
        t0 = time.perf_counter()
        folder = write_package(build_package(name, raw), out)
        written.append(folder)
        if verbose:
            print(f"{name}: {time.perf_counter() - t0:.1f} s -> {folder}")
    return written


__all__ = ["IMPORTERS", "build_package", "run"]
