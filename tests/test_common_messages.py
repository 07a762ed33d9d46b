"""Every sentence the English pages ask the catalogue for is a message the extractor finds: otherwise it could never
be translated (a {% trans %} block holding a literal % with no variable is asked for with %% but extracted with %;
a _() inside an f-string is not extracted at all)."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from conftest import copy_fixture
from forcepages import catalogues, language, parallel
from forcepages.build import build
from forcepages.config import load_settings

pytestmark = [pytest.mark.site, pytest.mark.slow]


def test_every_message_the_english_pages_ask_for_is_extracted(tmp_path, monkeypatch):
    # an empty catalogue: every message the pages ask for is recorded as missing, and written in English; all in
    # this process (one worker), where the catalogue records them
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "1")
    po = tmp_path / "empty" / "cy" / "LC_MESSAGES" / f"{language.DOMAIN}.po"
    po.parent.mkdir(parents=True)
    with po.open("wb") as handle:
        write_po(handle, Catalog(locale="cy", domain=language.DOMAIN))
    empty = language.load("cy", tmp_path / "empty")
    config = copy_fixture(tmp_path / "site")
    with language.use(empty):
        build(load_settings(config), config, tmp_path / "site" / "build")
    asked = empty.recorder.missing
    extracted = set()
    for m in catalogues.extract():
        key = m.id[0] if isinstance(m.id, tuple) else m.id
        extracted |= {key, f"{m.context}: {key}"} if m.context else {key}
    settings_words = {"police force", "similar forces"}  # the settings' own words, extracted as their defaults
    assert len(asked) > 300  # the home, methodology, glossary, data, indicator and area pages all ask
    assert sorted(asked - extracted - settings_words) == []
    for message in ("Glossary", "Data dictionary", "Rules for unusual changes", "95%% confidence interval",
                    "Figures more than %(count)s year older than that are shown but not judged."):
        assert message in asked
