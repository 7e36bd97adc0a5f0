"""spendcalc.select and spendcalc.wide on a small hand-written tidy frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import spendcalc
from spendcalc.errors import SpendcalcError

TIDY = pd.DataFrame({
    "scenario": ["a", "a", "a", "a", "b", "b"],
    "fiscal_year": [2025, 2025, 2026, 2026, 2025, 2026],
    "measure": ["spending_jpy", "share_of_gdp", "spending_jpy", "share_of_gdp", "spending_jpy", "spending_jpy"],
    "unit": ["JPY", "fraction", "JPY", "fraction", "JPY", "JPY"],
    "value": [10.0, 0.02, 11.0, 0.021, 20.0, 22.0],
})


def test_select_by_value_and_by_list():
    out = spendcalc.select(TIDY, scenario="a", measure="spending_jpy")
    assert out["value"].tolist() == [10.0, 11.0]
    assert list(out.index) == [0, 1]
    both = spendcalc.select(TIDY, fiscal_year=[2026], measure=("spending_jpy", "share_of_gdp"))
    assert both["value"].tolist() == [11.0, 0.021, 22.0]
    assert spendcalc.select(TIDY, fiscal_year=range(2026, 2027), scenario="b")["value"].tolist() == [22.0]
    assert spendcalc.select(TIDY, scenario="c").empty


def test_select_leaves_the_input_alone_and_refuses_unknown_columns():
    before = TIDY.copy()
    out = spendcalc.select(TIDY, scenario="a")
    out.loc[0, "value"] = -1.0
    pd.testing.assert_frame_equal(TIDY, before)
    with pytest.raises(SpendcalcError) as err:
        spendcalc.select(TIDY, year=2025)
    assert err.value.field == "select" and "'year'" in str(err.value) and "fiscal_year" in str(err.value)


def test_wide_one_column_per_measure():
    w = spendcalc.wide(spendcalc.select(TIDY, scenario="a"))
    assert list(w.columns) == ["share_of_gdp", "spending_jpy"]
    assert list(w.index) == [2025, 2026]
    assert w.at[2026, "spending_jpy"] == 11.0 and w.at[2025, "share_of_gdp"] == 0.02


def test_wide_with_several_index_columns_fills_missing_with_nan():
    w = spendcalc.wide(TIDY, index=["scenario", "fiscal_year"])
    assert w.loc[("b", 2026), "spending_jpy"] == 22.0
    assert np.isnan(w.loc[("b", 2025), "share_of_gdp"])


def test_wide_refuses_to_pick_between_duplicate_rows():
    with pytest.raises(SpendcalcError) as err:
        spendcalc.wide(TIDY)  # two scenarios share fiscal_year x measure
    assert err.value.field == "wide" and "select one scenario" in str(err.value)


def test_wide_of_a_projection_matches_its_rows():
    tidy = spendcalc.project(["original-fy2027"], until=2030)
    w = spendcalc.wide(tidy)
    row = tidy[(tidy["fiscal_year"] == 2030) & (tidy["measure"] == "spending_jpy")]["value"].iloc[0]
    assert w.at[2030, "spending_jpy"] == row
    assert set(w.columns) == set(tidy["measure"])
