"""Charts: valid plotly figures without the default template, marks at least 3:1 against white,
colour never the only signal, series breaks drawn and explained, and a CSV beside each figure."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from forcepages.compose import charts
from forcepages.indicator import Indicator


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture(scope="module")
def figures(fixture_site):
    folder = fixture_site / "site" / "charts"
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))
            if not p.name.endswith(".meta.json")}  # <chart>.meta.json: what the chart's CSV holds


def test_every_figure_is_valid_plotly_without_a_template(figures):
    assert figures
    for name, fig in figures.items():
        assert "template" not in fig["layout"], name
        go.Figure(fig)  # raises on anything outside plotly's schema


def test_every_chart_has_its_csv(fixture_site, figures):
    for name in figures:
        csv = fixture_site / "site" / "charts" / f"{name}.csv"
        assert csv.is_file() and len(pd.read_csv(csv)) > 0, name


@pytest.mark.parametrize("colour", [charts.FORCE, charts.SIMILAR, charts.NATIONAL, charts.LIMIT, charts.SIGNAL])
def test_mark_colours_at_least_3_to_1_against_white(colour):
    assert contrast(colour, "#ffffff") >= 3.0


def test_colour_is_never_the_only_signal(figures):
    """Each series in a chart differs from the others by marker shape or line dash, not only by colour."""
    for name, fig in figures.items():
        looks = []
        for trace in fig["data"]:
            if trace.get("showlegend") is False:
                continue
            symbol = trace.get("marker", {}).get("symbol")
            looks.append((json.dumps(symbol), trace.get("line", {}).get("dash"), trace.get("mode")))
        assert len(looks) == len(set(looks)), f"{name}: two series look alike apart from colour: {looks}"
        for trace in fig["data"]:
            assert trace.get("name"), f"{name}: every series is named in the legend"


def _series(n: int = 8) -> pd.DataFrame:
    ends = pd.date_range("2012-03-31", periods=n, freq="12ME")
    return pd.DataFrame({"period": [f"p{i}" for i in range(n)], "period_start": ends - pd.DateOffset(years=1) + pd.Timedelta(days=1),
                         "period_end": ends, "value": [5.0 + i * 0.1 for i in range(n)], "lower_95": float("nan"), "upper_95": float("nan")})


def test_series_break_drawn_and_labelled():
    series = _series()
    brk = {"date": series["period_start"].iloc[4], "description": "Recording rules changed."}
    fig = charts.trend("Eastshire", series, pd.DataFrame(), pd.DataFrame(), Indicator("t", "T", unit="offences per 1,000 people"), [brk])
    shapes, notes = fig["layout"]["shapes"], fig["layout"]["annotations"]
    assert len(shapes) == 1 and shapes[0]["x0"] == f"{brk['date']:%Y-%m-%d}" and shapes[0]["line"]["dash"] == "longdash"
    assert notes[0]["text"] == "Series break"
    force = fig["data"][0]
    assert force["y"][4] is None and force["x"][4] is None and len(force["y"]) == len(series) + 1  # the line breaks there
    go.Figure(fig)


def test_a_gap_in_time_shows_as_a_gap_and_a_phase_does_not_break_the_line():
    series = _series()
    series = series.drop(index=[5, 6]).reset_index(drop=True)  # two years missing
    phase = {"date": series["period_start"].iloc[2], "description": "COVID-19.", "kind": "phase"}
    fig = charts.trend("Eastshire", series, pd.DataFrame(), pd.DataFrame(), Indicator("t", "T", unit="offences per 1,000 people"), [phase])
    force = fig["data"][0]
    assert fig["layout"]["xaxis"]["type"] == "date"
    assert force["y"].count(None) == 1 and force["y"].index(None) == 5  # only the gap breaks the line
    assert fig["layout"]["annotations"][0]["text"] == "New phase"
    assert "likely between" in force["text"][0] or "offences per 1,000 people" in force["text"][0]
    go.Figure(fig)


def test_yearly_periods_get_short_unique_labels():
    fig = charts.trend("Eastshire", _series(), pd.DataFrame(), pd.DataFrame(), Indicator("t", "T", unit="%"), [])
    x = fig["data"][0]["x"]
    assert x[0] == "2012-03-31" and len(set(x)) == len(x)
    assert fig["layout"]["xaxis"]["title"]["text"] == "12 months ending on the date shown"
    assert fig["layout"]["legend"]["y"] > 1  # above the plot, never over the axis labels


def test_series_breaks_explained_on_the_page(fixture_site):
    pages = [p for p in (fixture_site / "docs" / "forces").rglob("*.md") if "Series break" in p.read_text(encoding="utf-8")]
    assert pages
    text = pages[0].read_text(encoding="utf-8")
    assert "should not be compared directly" in text
    fig = json.loads(next(p for p in (fixture_site / "site" / "charts").glob("*.json")
                          if not p.name.endswith(".meta.json")).read_text(encoding="utf-8"))
    assert fig["layout"]["xaxis"]["type"] == "date"


def test_figures_are_small(figures):
    sizes = [len(json.dumps(f, separators=(",", ":"))) for f in figures.values()]
    assert max(sizes) < 40_000
