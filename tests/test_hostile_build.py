"""Issue 19: hostile settings, own pages and build conditions. Each is refused with a message naming the file and a fix
(exit 1, no traceback, the previous build untouched, the CI step's summary and report written) or built inert."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_fixture
from forcepages import serve
from forcepages.site import swap
from forcepages.build import build
from forcepages.cli import main
from forcepages.config import load_settings
from test_hostile import old_build, tree_hash

SECRET = "FORCEPAGES_TEST_SECRET_TOKEN=abc123"


def _settings_case(config: Path, old: str, new: str) -> None:
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


SETTINGS_CASES = {
    "forcepages-as-list": ("  forcepages:\n", "  forcepages:\n  - a\n  - b\n  other:\n"),
    "extra-as-string": ("extra:\n  forcepages:\n", "extra: nothing\nunused:\n  forcepages:\n"),
    "calendar-date-impossible-quoted": ('{date: "2025-01-30"', '{date: "2026-02-30"'),
    "calendar-date-impossible-unquoted": ('{date: "2025-01-30"', '{date: 2026-02-30'),
    "calendar-date-words": ('{date: "2025-01-30"', '{date: "soon"'),
    "calendar-status-unknown": ('title: "Quarterly update"}', 'title: "Quarterly update", status: "maybe"}'),
    "scope-not-text": ("    publisher: Fixture Office\n", "    publisher: Fixture Office\n    scope: [23000001]\n"),
    "site-name-lone-surrogate": ("site_name: Fixture police performance", 'site_name: "Fixture \\ud800"'),
    "scope-unknown-code": ("    publisher: Fixture Office\n", "    publisher: Fixture Office\n    scope: [E23999999]\n"),
}


def _own_pages(config: Path) -> Path:
    """Point the site at its own pages folder (copy_fixture points it at the project's)."""
    pages = config.parent / "own"
    pages.mkdir()
    (pages / "about.md").write_text("# About\n\nA page.\n", encoding="utf-8")
    text = "\n".join(line for line in config.read_text(encoding="utf-8").splitlines() if not line.strip().startswith("pages:"))
    config.write_text(text.replace("  forcepages:\n", "  forcepages:\n    pages: own\n", 1) + "\n", encoding="utf-8")
    return pages


def _secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "environ"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    return secret


OWN_PAGE_CASES = {
    "blank": lambda pages, tmp: (pages / "blank.md").write_text("  \n\n", encoding="utf-8"),
    "latin-1": lambda pages, tmp: (pages / "caf.md").write_bytes("# Café\n\nOpen at 9.\n".encode("latin-1")),
    "symlink-to-secrets": lambda pages, tmp: (pages / "leak.md").symlink_to(_secret_file(tmp)),
    "shadows-methodology": lambda pages, tmp: (pages / "methodology.md").write_text("# Mine\n", encoding="utf-8"),
    "shadows-home": lambda pages, tmp: (pages / "index.md").write_text("# Home\n", encoding="utf-8"),
}


def _cli(config: Path, out: Path) -> list[str]:
    """validate and build through the CLI: exit 1, no traceback, a first line naming a file; returns the outputs."""
    texts = []
    for args in (["validate", "-f", str(config)], ["build", "-f", str(config), "--out", str(out)]):
        result = CliRunner().invoke(main, args)
        text = result.output
        assert result.exit_code == 1, (args, text, result.exception)
        assert "Traceback" not in text and isinstance(result.exception, SystemExit), (text, result.exception)
        assert any(f in text for f in ("mkdocs.yml", "own/", "datapackages/", "site_src/")), text
        texts.append(text)
    return texts


def _ci(config: Path, tmp: Path) -> tuple[str, dict]:
    """forcepages validate as the workflow runs it: exit 1, annotations and a job summary (--format github), and a
    JSON report (--format json)."""
    summary = tmp / "summary.md"
    github = CliRunner().invoke(main, ["validate", "--format", "github", "-f", str(config)], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert github.exit_code == 1 and github.stdout.startswith("::error file="), (github.output, github.exception)
    report = CliRunner().invoke(main, ["validate", "--format", "json", "-f", str(config)])
    assert report.exit_code == 1, (report.output, report.exception)
    data = json.loads(report.stdout)
    assert data["valid"] is False and data["problems"] and all(p["code"] for p in data["problems"])
    text = summary.read_text(encoding="utf-8")
    assert "Data validation failed" in text
    return text, data


@pytest.mark.parametrize("name", sorted(SETTINGS_CASES))
def test_bad_settings_are_refused_with_a_message(name, tmp_path):
    config = copy_fixture(tmp_path / "site")
    _settings_case(config, *SETTINGS_CASES[name])
    out = old_build(config)
    before = tree_hash(out)
    for text in _cli(config, out):
        assert "mkdocs.yml" in text, text
    assert tree_hash(out) == before
    summary, report = _ci(config, tmp_path)
    assert "mkdocs.yml" in report["problems"][0]["file"] + report["problems"][0]["message"]


@pytest.mark.parametrize("name", sorted(OWN_PAGE_CASES))
def test_bad_own_pages_are_refused_naming_the_file(name, tmp_path):
    config = copy_fixture(tmp_path / "site")
    pages = _own_pages(config)
    OWN_PAGE_CASES[name](pages, tmp_path)
    out = old_build(config)
    before = tree_hash(out)
    texts = _cli(config, out)
    bad = next(p.name for p in pages.iterdir() if p.name != "about.md")
    assert all(f"own/{bad}" in t for t in texts), texts
    assert tree_hash(out) == before
    summary, _ = _ci(config, tmp_path)
    assert f"own/{bad}" in summary


def test_ci_step_survives_an_unreadable_config(tmp_path):
    """A mkdocs.yml that is not text: still exit 1, summary and report, never a traceback."""
    config = tmp_path / "mkdocs.yml"
    config.write_bytes(b"\x00\xff\xfe")
    text, data = _ci(config, tmp_path)
    assert str(config) in data["problems"][0]["message"] and data["problems"][0]["code"] == "config-invalid"


def test_symlinked_readme_never_reaches_a_zip_or_page(tmp_path):
    """The review's attack: <package>/README.md -> a file of secrets. Refused, and nothing written anywhere."""
    config = copy_fixture(tmp_path / "site")
    (config.parent / "datapackages/crime/README.md").symlink_to(_secret_file(tmp_path))
    out = config.parent / "build"
    texts = _cli(config, out)
    assert "datapackages/crime/README.md" in texts[0]
    assert not (out / "site").exists() or SECRET not in "".join(p.read_bytes().decode("latin-1") for p in out.rglob("*") if p.is_file())


def test_symlinked_template_is_refused(tmp_path):
    config = copy_fixture(tmp_path / "site")
    templates = config.parent / "site_src" / "templates"
    templates.mkdir(parents=True)
    (templates / "home.md.j2").symlink_to(_secret_file(tmp_path))
    out = old_build(config)
    before = tree_hash(out)
    texts = _cli(config, out)
    assert "site_src/templates/home.md.j2" in texts[0]
    assert tree_hash(out) == before


def test_an_area_called_funnel_keeps_its_own_chart_files(tmp_path):
    """An area named like a fixed chart name gets a different folder and chart names; nothing is overwritten. Two
    indicators with one title both keep their CSV link on the data page."""
    config = copy_fixture(tmp_path / "site")
    areas = config.parent / "datapackages/reference/areas.csv"
    areas.write_text(areas.read_text(encoding="utf-8").replace("E23000002,Southshire", "E23000002,Funnel"), encoding="utf-8")
    catalogue = config.parent / "datapackages/framework/indicators.csv"
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("asb-incidents,Anti-social behaviour incidents,",
                                                                       "asb-incidents,Burglary,"), encoding="utf-8")
    out = config.parent / "build"
    build(load_settings(config), config, out)
    data_page = (out / "site" / "data" / "index.html").read_text(encoding="utf-8")
    assert "csv/indicators/burglary.csv" in data_page and "csv/indicators/asb-incidents.csv" in data_page
    charts = {p.name for p in (out / "site" / "charts").glob("*.json")}
    assert "funnel--burglary.json" in charts
    assert any(name.startswith("funnel-e23000002--") for name in charts), sorted(charts)
    figure = json.loads((out / "site" / "charts" / "funnel--burglary.json").read_text(encoding="utf-8"))
    assert any("95% limits" == t.get("name") for t in figure["data"]), "the funnel plot is still the funnel plot"


def test_swap_exchanges_without_a_missing_site_and_recovers_a_killed_swap(tmp_path):
    out = tmp_path / "build"
    for name in ("docs", "site"):
        (out / name).mkdir(parents=True)
        (out / name / "old.txt").write_text("old", encoding="utf-8")
    work = tmp_path / "build" / f"{swap.work_prefix()}x"
    for name in ("docs", "site"):
        (work / name).mkdir(parents=True)
        (work / name / "new.txt").write_text("new", encoding="utf-8")
    swap.swap_in(work, out)
    assert (out / "site" / "new.txt").is_file() and (work / "site" / "old.txt").is_file()
    # a fallback swap killed between its two renames: the next build puts the previous site back first
    (out / "site").rename(out / ".old-site")
    swap.recover(out)
    assert (out / "site" / "new.txt").is_file() and not (out / ".old-site").exists()


def test_stale_work_folders_are_cleaned_but_a_running_builds_are_not(tmp_path):
    out = tmp_path / "build"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True).stdout.strip()
    stale, running, old_docs = out / f".building-{dead}-abc", out / f"{swap.work_prefix()}def", out / ".old-docs"
    for folder in (stale, running, old_docs, out / "docs"):
        folder.mkdir(parents=True)
    swap.recover(out)
    assert not stale.exists() and running.exists() and not old_docs.exists() and (out / "docs").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux only")
def test_forked_workers_end_when_the_build_process_is_killed(tmp_path):
    pid_file = tmp_path / "child.pid"
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from forcepages import lifeline
        lifeline.install()
        child = os.fork()
        if child == 0:
            time.sleep(60)
            os._exit(0)
        open({str(pid_file)!r}, "w").write(str(child))
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        child = int(pid_file.read_text())
        os.kill(child, 0)  # running
        parent.kill()  # kill -9 of the build
        parent.wait()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                break
            with open(f"/proc/{child}/stat") as stat:
                if stat.read().split(")")[1].split()[0] == "Z":  # reaped later by init; it has ended
                    break
            time.sleep(0.05)
        else:
            os.kill(child, 9)
            raise AssertionError("the forked worker outlived the build process")
    finally:
        parent.kill()


def test_serve_rebuild_survives_any_failure_and_reads_settings_again(tmp_path):
    config = copy_fixture(tmp_path / "site")
    out = config.parent / "build"
    build(load_settings(config), config, out)
    before = tree_hash(out / "site")
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("  forcepages:\n", "  forcepages:\n  - a\n  other:\n", 1), encoding="utf-8")
    assert serve.rebuild(config, out) is False  # a settings error: reported, the preview goes on
    assert tree_hash(out / "site") == before
    config.write_text(good.replace("publisher: Fixture Office", "publisher: Renamed Office ZQ7"), encoding="utf-8")
    assert serve.rebuild(config, out) is True
    assert "Renamed Office ZQ7" in (out / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("title", ["Violence (18+)", "Crime [excl. fraud]", '"', "a: b", "- x", "#1 of 2", "'quoted'",
                                   "Café: 50% & more", "title: x\nother: y"])
def test_front_matter_titles_round_trip(title):
    """Front matter is written by the YAML library: the title read back is the title (as HTML text), and nothing else."""
    import yaml

    from forcepages.render import markdown as render
    from forcepages import wording

    text = render.front_matter(f'---\ntitle: "{wording.md(title)}"\n---\n\n# {wording.md(title)}\n')
    head = text.split("---\n")[1]
    assert yaml.safe_load(head) == {"title": wording.html_text(wording.md(title))}
    assert wording.html_text(wording.md(title)).replace("&amp;", "&") == " ".join(title.split())


def test_area_folder_names_never_collide(tmp_path):
    """Two areas with one name, a third named like the first's folder with its code, one named like a fixed chart:
    every area still gets its own folder."""
    from forcepages.validate.load import validate_and_load

    config = copy_fixture(tmp_path / "site")
    areas = config.parent / "datapackages/reference/areas.csv"
    text = areas.read_text(encoding="utf-8")
    for code, name in (("E23000002", "Northshire"), ("E23000003", "Northshire E23000001"), ("E23000004", "Funnel")):
        start = text.index(code + ",")
        end = text.index(",", start + len(code) + 1)
        text = text[:start] + f"{code},{name}" + text[end:]
    areas.write_text(text, encoding="utf-8")
    slugs = validate_and_load(load_settings(config), frictionless=False).areas["slug"]
    assert slugs.is_unique and "funnel" not in set(slugs), sorted(slugs)
