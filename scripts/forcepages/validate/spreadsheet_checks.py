"""Checks for the mistakes spreadsheets make in indicator values, each told how to fix it: a value that does not
agree with numerator ÷ denominator (such as a proportion given as a fraction), an area's name in the code column and
a total row left at the bottom of a table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from forcepages.validate.flags import flag
from forcepages.errors import Problem
from forcepages.paths import ENGLAND_AND_WALES
from forcepages.validate.tables import FIRST_ROW

AREA_HINT = "Write the area's ONS code from reference/areas.csv in area_code (not its name), or add the area there."


def number(x: float) -> str:
    """A number as a person writes it: 1,707, 0.2443, 24.43."""
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.10g}" if abs(x) >= 1000 else f"{x:.10g}"


def unknown_areas(frame: pd.DataFrame, where: str, codes: set[str], areas: pd.DataFrame | None) -> list[Problem]:
    """Area codes not in reference/areas.csv; a total row is told to go, an area's name is told its code."""
    unknown = ~frame["area_code"].isin(codes)
    if not unknown.any():
        return []
    text = frame["area_code"].fillna("").astype(str).str.strip()
    lower = text.str.lower()
    by_name: dict[str, tuple[str, str]] = {}
    national_names: set[str] = set()
    national = ENGLAND_AND_WALES
    if areas is not None and {"name", "area_code"} <= set(areas.columns):
        for code, name, kind in zip(areas["area_code"], areas["name"], areas.get("area_type", pd.Series("", index=areas.index))):
            by_name.setdefault(str(name).strip().lower(), (str(name).strip(), str(code)))
            if kind == "national":
                national_names.add(str(name).strip().lower())
                national = str(code)
    total = unknown & (lower.str.contains(r"\btotals?\b", regex=True) | lower.isin(national_names) | lower.eq("all forces"))
    named = unknown & ~total & lower.isin(set(by_name))
    other = unknown & ~total & ~named
    p = flag(frame, total, where, "area_code",
                      lambda r: f'"{r["area_code"]}" looks like a total row, not an area.',
                      f"Delete the row (the site adds up the forces itself), or give the published England and Wales "
                      f"figure with the area code {national}.", code="area-is-total")
    p += flag(frame, named, where, "area_code",
                       lambda r: (f'"{r["area_code"]}" is an area\'s name, not its code: '
                                  f'{by_name[str(r["area_code"]).strip().lower()][0]} is {by_name[str(r["area_code"]).strip().lower()][1]}.'),
                       AREA_HINT, code="area-is-name")
    p += flag(frame, other, where, "area_code",
                       lambda r: f'"{r["area_code"]}" is not an area code in reference/areas.csv.', AREA_HINT, code="area-unknown")
    return p


def value_agreement(frame: pd.DataFrame, typed: pd.DataFrame, where: str, catalogue: pd.DataFrame,
                    reported: list[Problem]) -> list[Problem]:
    """For rates and proportions, ``value`` must equal numerator ÷ denominator × the rate base (× 100 for a proportion)
    to the indicator's decimal places. Rows with a problem already reported are left alone (no follow-on errors)."""
    measure = frame["indicator_id"].map(catalogue["measure"])
    scale = np.where(measure.eq("proportion"), 100.0,
                     np.where(measure.eq("rate"), frame["indicator_id"].map(catalogue["rate_base"]).astype(float), np.nan))
    decimals = frame["indicator_id"].map(catalogue["decimals"]).fillna(1).clip(0, 3).astype(int).to_numpy()
    value, num, den = (typed[n].to_numpy(float) for n in ("value", "numerator", "denominator"))
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = num / den * scale
    tolerance = 0.5 * 10.0 ** -decimals * (1 + 1e-9) + 1e-9 * np.abs(expected)
    already = {p.row for p in reported}
    fresh = ~np.isin(np.arange(len(frame)) + FIRST_ROW, list(already))
    checkable = np.isfinite(value) & np.isfinite(expected) & (den > 0) & fresh
    wrong = checkable & ~(np.abs(value - np.where(np.isfinite(expected), expected, 0)) <= tolerance)
    if not wrong.any():
        return []
    fraction = wrong & measure.eq("proportion").to_numpy() & (np.abs(value * 100 - expected) <= tolerance)

    def message(r: pd.Series) -> str:
        i = frame.index.get_loc(r.name)
        d, e, v = int(decimals[i]), float(expected[i]), float(value[i])
        times = "× 100" if scale[i] == 100 and measure.iloc[i] == "proportion" else f"× {number(scale[i])}"
        text = (f"the value {number(v)} does not agree with numerator ÷ denominator: {number(num[i])} ÷ {number(den[i])} "
                f"{times} = {e:,.{d + 2}f}, which is {e:,.{d}f} to {d} decimal {'place' if d == 1 else 'places'}, not {v:,.{d}f}.")
        if fraction[i]:
            text += f" It looks like a proportion given as a fraction ({number(v)} for {e:.{max(d, 1)}f}%)."
        return text

    fraction_rows = pd.Series(fraction, index=frame.index)
    other_rows = pd.Series(wrong & ~fraction, index=frame.index)
    return (flag(frame, fraction_rows, where, "value", message,
                          "Give the proportion as a percentage (out of 100): numerator ÷ denominator × 100.", code="value-as-fraction")
            + flag(frame, other_rows, where, "value", message,
                            "Correct the value, or the numerator or denominator it was worked out from: a rate is "
                            "numerator ÷ denominator × the rate base in the catalogue, a proportion × 100.", code="value-disagrees"))
