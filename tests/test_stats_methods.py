"""Method definitions for the methodology page: complete, consistent with the code, and in plain words."""

from __future__ import annotations

import re

import pytest

from forcepages.compute.stats import (METHODS, SPC_RULES, SPCSettings, build_methods, interval_for, methods_for_measure, spc_rules)
from forcepages.compute.stats.methods import BANNED_WORDS, Method
from forcepages.compute.stats.spc import SIGNAL_PRECEDENCE

REQUIRED = {"wilson", "byar", "exact-poisson", "published-interval", "no-interval", "benchmark-overlap",
            "double-overlap", "similar-forces-average", "xmr", "recent-trend", "year-on-year", "funnel", "disclosure"}


def all_text(methods: dict[str, Method], rules: list[tuple[str, str]]) -> list[str]:
    """Every piece of public text."""
    return [t for m in methods.values() for t in (m.name, m.description)] + [t for _, t in rules]


def test_required_methods_present() -> None:
    assert REQUIRED <= set(METHODS)
    for key, m in METHODS.items():
        assert m.id == key and m.name and m.description and m.reference
        assert m.as_dict()["id"] == key


@pytest.mark.parametrize("settings", [SPCSettings(), SPCSettings(run_length=6, two_of_three_version="original",
                                                                    screen_moving_ranges=True)])
def test_no_banned_words(settings: SPCSettings) -> None:
    for text in all_text(build_methods(settings), spc_rules(settings)):
        for word in BANNED_WORDS:
            assert not re.search(rf"\b{word}\b", text, flags=re.IGNORECASE), (word, text)


def test_spc_rules_follow_settings() -> None:
    assert [r for r, _ in SPC_RULES] == list(SIGNAL_PRECEDENCE)
    assert "7 points in a row" in dict(SPC_RULES)["shift"]
    six = dict(spc_rules(SPCSettings(run_length=6)))
    assert "6 points in a row" in six["shift"] and "6 points in a row" in six["trend"]
    assert "count too" in dict(SPC_RULES)["two-of-three"]
    assert "not counted" in dict(spc_rules(SPCSettings(two_of_three_version="original")))["two-of-three"]
    assert "13 points" in METHODS["xmr"].description
    assert "20 points" in build_methods(SPCSettings(min_points=20))["xmr"].description


def test_methods_for_measure_cover_interval_methods() -> None:
    for measure in ("rate", "proportion", "survey", "value"):
        ids = methods_for_measure(measure)
        assert set(ids) <= set(METHODS)
        for mid in ids:
            assert measure in METHODS[mid].applies_to
    # every method id the interval code can return is described
    import numpy as np
    r = interval_for("rate", np.array([5.0, 50.0]), np.array([100.0, 100.0]), rate_base=1000)
    assert set(r["method"]) <= set(methods_for_measure("rate"))
    assert interval_for("proportion", 1, 10)["method"] in methods_for_measure("proportion")
    assert interval_for("survey", value=1, lower_95=0, upper_95=2)["method"] in methods_for_measure("survey")
    assert interval_for("value", value=1)["method"] in methods_for_measure("value")
    with pytest.raises(ValueError):
        methods_for_measure("mean")
