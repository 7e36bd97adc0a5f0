"""Shared state is immutable: nothing a caller does to what spendcalc hands out changes later results.

``load_history()`` returns one cached History per process (in the app: shared by every session),
and the claims file is read once. Every way a notebook user might edit what they were given
either raises or changes only their own copy; a later ``project()`` / ``check_claims()`` gives
exactly the numbers it gave before.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from types import MappingProxyType

import numpy as np
import pandas as pd
import pytest

import spendcalc
from spendcalc.data import History, read_articles_index, read_reference_rows
from tests.conftest import make_assumptions, make_history


def _assume(**changes: object) -> spendcalc.Assumptions:
    """The bundled default assumptions (data/defaults.yaml) with some fields changed."""
    return replace(spendcalc.default_assumptions(), **changes)

#: what a refused edit may raise (read-only array, mapping proxy, frozen dataclass)
REFUSED = (ValueError, TypeError, AttributeError, dataclasses.FrozenInstanceError)


def attempt(edit) -> None:
    """Run one edit; refusing it is as good as ignoring it, so both pass."""
    try:
        edit()
    except REFUSED:
        pass


def projection() -> pd.DataFrame:
    return spendcalc.project(assumptions=spendcalc.make_assumptions(fx_history=True), until=2035)


def first_gdp_vintage(h: History) -> str:
    return str(h.gdp["vintage"].iloc[0])


def _set_column(h):
    s = h.spending
    s["spending_jpy"] = 0.0


def _loc_cell(h):
    s = h.spending
    s.loc[s.index[-1], "spending_jpy"] = 1.0


def _iloc_cell(h):
    g = h.gdp
    g.iloc[-1, 2] = 1.0


def _gdp_column(h):
    g = h.gdp
    g["nominal_gdp_jpy"] = g["nominal_gdp_jpy"] * 2


def _to_numpy_in_place(h):
    g = h.gdp
    arr = g["nominal_gdp_jpy"].to_numpy()
    arr *= 2.0


def _values_in_place(h):
    s = h.spending
    s.values[:, 3] = 1.0


def _numeric_values_in_place(h):
    g = h.gdp[["fiscal_year", "nominal_gdp_jpy"]]
    g.values[:] = 1


def _update_in_place(h):
    s = h.spending
    s.update(pd.DataFrame({"spending_jpy": 0.0}, index=s.index))


def _preset(h):
    return h.presets[spendcalc.default_assumptions().gdp_preset]


HISTORY_EDITS = {
    "spending column": _set_column,
    "spending loc cell": _loc_cell,
    "gdp iloc cell": _iloc_cell,
    "gdp column": _gdp_column,
    "gdp to_numpy in place": _to_numpy_in_place,
    "spending .values in place": _values_in_place,
    "gdp .values in place": _numeric_values_in_place,
    "spending update in place": _update_in_place,
    "reassign spending": lambda h: setattr(h, "spending", h.spending.iloc[:1]),
    "object.__setattr__ spending": lambda h: object.__setattr__(h, "spending", h.spending.iloc[:1]),
    "reassign fx_annual": lambda h: setattr(h, "fx_annual", {}),
    "fx_annual item": lambda h: h.fx_annual.__setitem__(2024, 1.0),
    "fx_annual cleared": lambda h: h.fx_annual.clear(),
    "preset added": lambda h: h.presets.__setitem__("x", None),
    "preset growth": lambda h: _preset(h).growth.__setitem__(2030, 0.5),
    "preset growth cleared": lambda h: _preset(h).growth.clear(),
    "preset extend_rate": lambda h: setattr(_preset(h), "extend_rate", 0.9),
    "series array": lambda h: h.spending_series("security-related", "initial").jpy.__setitem__(-1, 1.0),
    "series array in place": lambda h: h.gdp_series(first_gdp_vintage(h)).jpy.__imul__(2.0),
    "series years": lambda h: h.gdp_series(first_gdp_vintage(h)).years.__iadd__(1),
}


@pytest.mark.parametrize("edit", list(HISTORY_EDITS.values()), ids=list(HISTORY_EDITS))
def test_editing_the_loaded_history_changes_no_later_projection(edit):
    h = spendcalc.load_history()
    before = projection()
    spending, gdp = h.spending, h.gdp
    attempt(lambda: edit(h))
    assert spendcalc.load_history() is h  # still the one cached object ...
    pd.testing.assert_frame_equal(h.spending, spending)  # ... with its tables untouched
    pd.testing.assert_frame_equal(h.gdp, gdp)
    pd.testing.assert_frame_equal(projection(), before)


def test_history_refuses_direct_edits():
    h = spendcalc.load_history()
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.spending = h.spending
    with pytest.raises(dataclasses.FrozenInstanceError):
        object.__setattr__(h, "gdp", h.gdp)
    with pytest.raises(TypeError):
        h.fx_annual[2024] = 1.0
    with pytest.raises(TypeError):
        h.presets["new"] = None
    with pytest.raises(ValueError, match="read-only"):
        h.spending_series("security-related", "initial").jpy[0] = 0.0
    assert isinstance(h.presets, MappingProxyType) and isinstance(h.fx_annual, MappingProxyType)
    assert h.spending is not h.spending  # a fresh copy each time


def test_the_frames_given_to_the_constructor_are_copied(assumptions):
    spending, gdp = make_history().spending, make_history().gdp
    presets = dict(make_history().presets)
    fx = {2023: 140.0, 2024: 150.0}
    h = History(spending=spending, gdp=gdp, presets=presets, fx_annual=fx)
    sc = spendcalc.Scenario(name="s", target_share=0.02, target_year=2027)
    before = spendcalc.model.project([sc], assumptions, h)
    spending.loc[:, "spending_jpy"] = 1.0
    gdp["nominal_gdp_jpy"] *= 3
    presets.clear()
    fx[2024] = 1.0
    assert h.fx_annual[2024] == 150.0 and "synthetic-10pct" in h.presets
    pd.testing.assert_frame_equal(spendcalc.model.project([sc], assumptions, h), before)


def test_replace_builds_a_new_history_and_leaves_the_old_one(history):
    changed = dataclasses.replace(history, fx_annual={2024: 150.0})
    assert changed.fx_annual == {2024: 150.0} and history.fx_annual == {}
    pd.testing.assert_frame_equal(changed.spending, history.spending)
    a = make_assumptions(fx_history=True)
    sc = spendcalc.Scenario(name="s", target_share=0.02, target_year=2027)
    usd = spendcalc.model.project([sc], a, changed)
    assert usd.query("measure == 'spending_usd' and fiscal_year == 2024")["value"].item() == 11e12 / 150


def test_copies_and_pickles_of_a_history_are_immutable_too():
    import copy
    import pickle

    h = spendcalc.load_history()
    assert copy.copy(h) is h and copy.deepcopy(h) is h  # nothing to copy in an immutable object
    again = pickle.loads(pickle.dumps(h))
    assert again is not h
    pd.testing.assert_frame_equal(again.spending, h.spending)
    assert dict(again.fx_annual) == dict(h.fx_annual) and list(again.presets) == list(h.presets)
    assert isinstance(again.presets, MappingProxyType)
    preset = again.presets[spendcalc.default_assumptions().gdp_preset]
    assert preset == h.presets[spendcalc.default_assumptions().gdp_preset]
    with pytest.raises(TypeError):
        preset.growth[2030] = 0.5
    with pytest.raises(ValueError, match="read-only"):
        again.gdp_series(first_gdp_vintage(again)).jpy[0] = 1.0
    a = _assume(fx_history=True)
    scs = spendcalc.builtin_scenarios()
    pd.testing.assert_frame_equal(spendcalc.model.project(scs, a, again), spendcalc.model.project(scs, a, h))


def test_fields_added_to_history_are_frozen_the_same_way(history):
    """The extension recipe of the History docstring: a FrozenFrame table and a mapping field."""
    from collections.abc import Mapping

    from spendcalc.data import FrozenFrame

    @dataclasses.dataclass(frozen=True, eq=False)
    class Extended(History):
        deflator: pd.DataFrame = FrozenFrame(columns=("fiscal_year", "deflator"))
        fx_fiscal: Mapping[int, float] = dataclasses.field(default_factory=dict)

    plain = Extended(spending=history.spending, gdp=history.gdp)
    assert list(plain.deflator.columns) == ["fiscal_year", "deflator"] and plain.deflator.empty
    table = pd.DataFrame({"fiscal_year": [2024, 2025], "deflator": [1.0, 1.02]})
    fx = {2024: 152.0}
    h = Extended(spending=history.spending, gdp=history.gdp, deflator=table, fx_fiscal=fx)
    table.loc[0, "deflator"] = 9.0
    fx[2024] = 1.0
    got = h.deflator
    got.loc[1, "deflator"] = 9.0
    assert h.deflator["deflator"].tolist() == [1.0, 1.02] and h.fx_fiscal == {2024: 152.0}
    with pytest.raises(TypeError):
        h.fx_fiscal[2024] = 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.deflator = table
    assert dataclasses.replace(h, fx_fiscal={2025: 150.0}).deflator["deflator"].tolist() == [1.0, 1.02]


def test_history_lookups_match_its_tables():
    h = spendcalc.load_history()
    s = h.spending
    for (scope, basis), grp in s.groupby(["scope", "basis"]):
        series = h.spending_series(scope, basis)
        grp = grp.sort_values("fiscal_year")
        np.testing.assert_array_equal(series.years, grp["fiscal_year"].to_numpy())
        np.testing.assert_array_equal(series.jpy, grp["spending_jpy"].to_numpy())
        assert series.status == tuple(grp["status"])
        assert h.anchor(scope, basis) == (int(grp["fiscal_year"].iloc[-1]), float(grp["spending_jpy"].iloc[-1]))
    for vintage, grp in h.gdp.groupby("vintage"):
        np.testing.assert_array_equal(h.gdp_series(vintage).jpy, grp.sort_values("fiscal_year")["nominal_gdp_jpy"])
    with pytest.raises(spendcalc.SpendcalcError, match="gdp_vintage"):
        h.gdp_series("no-such-vintage")
    with pytest.raises(spendcalc.SpendcalcError, match="scope"):
        h.spending_series("no-such-scope", "initial")


# ----------------------------------------------------------------------------------------------
# Claims, tables, scenarios
# ----------------------------------------------------------------------------------------------
def first_with(claims: pd.DataFrame, column: str) -> int:
    return next(i for i, v in enumerate(claims[column]) if v)


def _maps_to_scenario(c):
    c.at[first_with(c, "maps_to"), "maps_to"]["scenario"] = "hold-flat"


def _reference_value(c):
    c.at[first_with(c, "reference"), "reference"][0]["value"] = "999"


def _claims_loc(c):
    c.loc[0, "qualifier"] = "about"


def _claims_values(c):
    c.values[:, 5] = None


CLAIM_EDITS = {
    "maps_to scenario": _maps_to_scenario,
    "maps_to cleared": lambda c: c.at[first_with(c, "maps_to"), "maps_to"].clear(),
    "reference value": _reference_value,
    "reference list cleared": lambda c: c.at[first_with(c, "reference"), "reference"].clear(),
    "value column": lambda c: c.__setitem__("value", 0.5),
    "loc cell": _claims_loc,
    "values in place": _claims_values,
}


@pytest.mark.parametrize("edit", list(CLAIM_EDITS.values()), ids=list(CLAIM_EDITS))
def test_editing_read_claims_changes_no_later_check(edit):
    before_claims = spendcalc.read_claims()
    before = spendcalc.check_claims()
    attempt(lambda: edit(spendcalc.read_claims()))
    pd.testing.assert_frame_equal(spendcalc.read_claims(), before_claims)
    pd.testing.assert_frame_equal(spendcalc.check_claims(), before)


def test_editing_articles_and_reference_rows_changes_nothing():
    articles, refs = read_articles_index(), read_reference_rows()
    a, r = read_articles_index(), read_reference_rows()
    a.loc[0, "headline"] = "edited"
    r["value"] = "0"
    attempt(lambda: r.values.__setitem__((0, 0), "x"))
    pd.testing.assert_frame_equal(read_articles_index(), articles)
    pd.testing.assert_frame_equal(read_reference_rows(), refs)


def test_editing_read_table_changes_nothing():
    df, meta = spendcalc.read_table("gdp")
    before = projection()
    df.loc[:, "value"] = 0.0
    df["unit"] = "JPY"
    attempt(lambda: spendcalc.read_table("gdp")[0]["value"].to_numpy().fill(0.0))
    meta["title"] = "edited"
    meta.clear()
    again, meta_again = spendcalc.read_table("gdp")
    assert (again["value"] > 0).all() and meta_again.get("title") not in (None, "edited")
    pd.testing.assert_frame_equal(projection(), before)


def test_builtin_scenarios_cannot_be_poisoned():
    names = [s.name for s in spendcalc.builtin_scenarios()]
    before = projection()
    got = spendcalc.builtin_scenarios()
    got.clear()
    got2 = spendcalc.builtin_scenarios()
    got2[0] = dataclasses.replace(got2[0], target_share=0.15)
    with pytest.raises(dataclasses.FrozenInstanceError):
        got2[1].target_share = 0.15
    assert isinstance(got2[1].sources, tuple)
    assert [s.name for s in spendcalc.builtin_scenarios()] == names
    pd.testing.assert_frame_equal(projection(), before)
