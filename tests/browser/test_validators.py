"""The W3C Nu HTML checker on one built page of each type, and LinkChecker over the whole fixture site (internal links)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from .conftest import ROOT, page_types

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"

# Errors caused by Material for MkDocs' own base template, not by anything we generate. Each is documented:
# - Material's hidden checkbox toggles (drawer, search) carry autocomplete="off" so browsers do not restore
#   their state on "back"; the HTML spec does not allow autocomplete on checkboxes
#   (material/templates/base.html: <input class="md-toggle" ... type="checkbox" ... autocomplete="off">).
MATERIAL_NOISE = [
    re.compile(r"Attribute “autocomplete” is only allowed when the input type is"),
]


def _real(message: str) -> bool:
    return not any(p.search(message) for p in MATERIAL_NOISE)


@pytest.mark.skipif(not VNU.is_file() or shutil.which("java") is None, reason="needs java and node_modules/vnu-jar (npm install)")
def test_nu_html_checker_no_errors_on_each_page_type(fixture_site):
    site = fixture_site / "site"
    files = sorted({str(site / p) for p in page_types(site).values()})
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    real = [f"{m.get('url', '').split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
            if m.get("type") == "error" and _real(m["message"])]
    assert real == []


@pytest.mark.skipif(not LINKCHECKER.exists(), reason="linkchecker is not installed")
def test_linkchecker_finds_no_broken_internal_links_or_anchors(fixture_site):
    """Local files, internal links and anchors only. Run as root, LinkChecker drops to user nobody, who cannot
    read pytest's private tmp folders, so it checks a world-readable copy of the site."""
    copy = Path(tempfile.mkdtemp(prefix="forcepages-linkcheck-"))
    try:
        copy.chmod(0o755)
        shutil.copytree(fixture_site / "site", copy / "site")
        config = copy / "linkcheckerrc"
        config.write_text("[filtering]\ncheckextern=0\n[AnchorCheck]\n", encoding="utf-8")
        config.chmod(0o644)
        run = subprocess.run([str(LINKCHECKER), "-f", str(config), "--no-status", "--no-warnings", "-r", "20",
                              str(copy / "site" / "index.html")], capture_output=True, text=True, timeout=300)
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found", run.stdout)
    assert summary, run.stdout[-2000:] + run.stderr[-2000:]
    assert int(summary.group(1)) > 100, run.stdout[-2000:]
    assert summary.group(4) == "0", run.stdout[-4000:]
    assert run.returncode == 0
