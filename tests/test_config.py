"""Site settings: defaults, and every unknown key or wrong type reported at once."""

from pathlib import Path

import pytest

from forcepages.config import load_settings
from forcepages.errors import ConfigError


def write(tmp_path: Path, extra: str) -> Path:
    file = tmp_path / "mkdocs.yml"
    file.write_text("site_name: Test site\nextra:\n  forcepages:\n" + extra, encoding="utf-8")
    return file


def test_defaults_and_values(tmp_path):
    s = load_settings(write(tmp_path, "    publisher: An office\n    scope: [E23000026]\n"))
    assert s.site_name == "Test site"
    assert s.publisher == "An office"
    assert s.scope == ("E23000026",)
    assert s.spc_run_length == 7 and s.spc_two_of_three_version == "2023"
    assert s.path("datapackages") == (tmp_path / "datapackages").resolve()


def test_every_problem_reported_together(tmp_path):
    file = write(tmp_path, "    colour: red\n    spc_run_length: 9\n    scope: E23\n")
    with pytest.raises(ConfigError) as info:
        load_settings(file)
    text = str(info.value)
    assert 'unknown setting "colour"' in text
    assert '"spc_run_length" should be 6 or 7' in text
    assert 'setting "scope" should be a list' in text


def test_release_calendar_items_need_date_and_title(tmp_path):
    file = write(tmp_path, "    release_calendar:\n      - {title: No date}\n")
    with pytest.raises(ConfigError, match="release_calendar item 1"):
        load_settings(file)


def test_mkdocs_python_tags_do_not_break_reading(tmp_path):
    file = tmp_path / "mkdocs.yml"
    file.write_text("site_name: X\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    assert load_settings(file).site_name == "X"


def test_area_pages_and_spreadsheet_max_rows(tmp_path):
    s = load_settings(write(tmp_path, "    publisher: An office\n"))
    assert s.area_pages == "per-domain" and s.spreadsheet_max_rows == 100_000 and s.large_site_areas == 500
    s = load_settings(write(tmp_path, "    area_pages: single\n    spreadsheet_max_rows: 5000\n    large_site_areas: 4000\n"))
    assert s.area_pages == "single" and s.spreadsheet_max_rows == 5000 and s.large_site_areas == 4000
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, "    area_pages: one\n    spreadsheet_max_rows: 0\n    large_site_areas: -1\n"))
    assert '"area_pages" should be "per-domain" or "single"' in str(info.value)
    assert '"spreadsheet_max_rows" should be 1 or more' in str(info.value)
    assert '"large_site_areas" should be 0 or more' in str(info.value)
