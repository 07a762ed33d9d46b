"""Two builds from the same inputs are byte-for-byte identical."""

from __future__ import annotations

import hashlib

import pytest

from forcepages.build import build
from forcepages.config import load_settings

from conftest import copy_fixture


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_two_builds_are_identical(tmp_path):
    results = []
    for name in ("one", "two"):
        config = copy_fixture(tmp_path / name)
        out = tmp_path / f"out-{name}"
        build(load_settings(config), config, out)
        results.append((_digests(out / "docs"), _digests(out / "site")))
    (docs1, site1), (docs2, site2) = results
    assert sorted(docs1) == sorted(docs2)
    assert sorted(site1) == sorted(site2)
    assert [k for k in docs1 if docs1[k] != docs2[k]] == []
    assert [k for k in site1 if site1[k] != site2[k]] == []
    assert not any(k.endswith(".gz") for k in site1)  # no gzip timestamps
