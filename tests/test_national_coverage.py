"""England and Wales is added up from the forces only when enough of them have a figure (issue 18): a "total" made
from one force is that force, so there is then no national figure, and the pages and API say why."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from forcepages.compute.benchmark_figures import national_series
from forcepages.indicator import Indicator

META = Indicator("t", "T", measure="proportion")


def forces(count: int, published: bool = False) -> pd.DataFrame:
    """``count`` forces' figures for one year (417 of 1,707 each), optionally with a published national row."""
    rows = [{"area_code": f"E23{i:06d}", "area_type": "force", "numerator": 417.0, "denominator": 1707.0}
            for i in range(1, count + 1)]
    if published:
        rows.append({"area_code": "K04000001", "area_type": "national", "numerator": 50_000.0, "denominator": 200_000.0,
                     "value": 25.0, "lower_95": 24.8, "upper_95": 25.2})
    frame = pd.DataFrame(rows)
    frame["value"] = frame.get("value", pd.Series(np.nan, index=frame.index)).fillna(417 / 1707 * 100)
    for name in ("lower_95", "upper_95"):
        frame[name] = frame.get(name, np.nan)
    frame["period_start"], frame["period_end"] = pd.Timestamp("2024-04-01"), pd.Timestamp("2025-03-31")
    frame["period"], frame["suppressed"] = "2024-04-01/2025-03-31", False
    return frame


WEIGHTS = pd.DataFrame(1.0, index=[f"E23{i:06d}" for i in range(1, 44)], columns=[2025])


def test_one_force_is_not_england_and_wales():
    row = national_series(forces(1), META, WEIGHTS, "force", 43).iloc[0]
    assert np.isnan(row["value"]) and row["areas"] == 1 and not row["published"]
    assert row["reason"] == ("There is no England and Wales figure to compare with: the data has figures for only 1 force, "
                             "and the site adds up a figure for England and Wales only from at least 43.")


@pytest.mark.parametrize("count, needed, made", [(42, 43, False), (43, 43, True), (30, 30, True), (2, 3, False)])
def test_national_is_added_up_only_from_enough_forces(count, needed, made):
    row = national_series(forces(count), META, WEIGHTS, "force", needed).iloc[0]
    assert (not np.isnan(row["value"])) == made
    if made:
        assert row["value"] == pytest.approx(417 / 1707 * 100) and row["numerator"] == 417 * count


def test_a_published_national_figure_is_used_whatever_the_coverage():
    row = national_series(forces(1, published=True), META, WEIGHTS, "force", 43).iloc[0]
    assert row["published"] and row["value"] == 25.0


def test_the_setting_is_read_and_checked(fixture_copy):
    from forcepages.config import load_settings
    from forcepages.errors import ConfigError

    assert load_settings(fixture_copy).national_min_areas is None  # default: every area of the site's type
    text = fixture_copy.read_text(encoding="utf-8")
    fixture_copy.write_text(text.replace("    publisher: Fixture Office\n", "    publisher: Fixture Office\n    national_min_areas: 3\n"),
                            encoding="utf-8")
    assert load_settings(fixture_copy).national_min_areas == 3
    fixture_copy.write_text(text.replace("    publisher: Fixture Office\n", "    publisher: Fixture Office\n    national_min_areas: 0\n"),
                            encoding="utf-8")
    with pytest.raises(ConfigError, match="national_min_areas"):
        load_settings(fixture_copy)


def test_the_fixture_site_loses_its_added_up_figures_when_more_forces_are_needed(fixture_copy):
    """On the fixture (5 forces, no published England and Wales rows for burglary), asking for 6 leaves burglary with
    no national figure and each force's summary says why; asking for 5 (the default) keeps them."""
    from forcepages.compute.indicators import compute_all
    from forcepages.config import load_settings, replace
    from forcepages.validate.load import validate_and_load

    settings = load_settings(fixture_copy)
    data = validate_and_load(settings)
    default = compute_all(data, settings, workers=1)["burglary"]
    assert default.national["value"].notna().all()
    strict = compute_all(data, replace(settings, national_min_areas=6), workers=1)["burglary"]
    assert strict.national["value"].isna().all()
    area = strict.areas["E23000001"]
    assert area.vs_national["benchmark"] is None and "only 5 forces" in area.vs_national["reason"]
