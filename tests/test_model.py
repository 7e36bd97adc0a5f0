"""spendcalc.model on the synthetic history of conftest.py (every expected number by hand).

Synthetic facts used below: security-related/initial anchor FY2024 = 11e12 JPY (FY2023 = 10e12);
GDP FY2024 = 540e12, then 10%/yr: FY2025 594e12, FY2026 653.4e12, FY2027 718.74e12,
FY2028 790.614e12, FY2029 869.6754e12, FY2030 956.64294e12; fixed reference GDP 500e12.
A target of 3% in FY2028 on the fixed denominator is 0.03 x 500e12 = 15e12 JPY.
"""

from __future__ import annotations

import dataclasses
import math
from types import MappingProxyType

import numpy as np
import pandas as pd
import pytest
from conftest import make_assumptions, status_of, wide

import spendcalc
from spendcalc import model
from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.errors import SpendcalcError
from spendcalc.units import ureg

T = 1e12
GDP = {2023: 530 * T, 2024: 540 * T, 2025: 594 * T, 2026: 653.4 * T, 2027: 718.74 * T,
       2028: 790.614 * T, 2029: 869.6754 * T, 2030: 956.64294 * T}


def run(history, assumptions, **fields) -> pd.DataFrame:
    fields.setdefault("name", "s")
    return model.project([Scenario(**fields)], assumptions, history, since=2020)


def spending(history, assumptions, **fields) -> dict[int, float]:
    w = wide(run(history, assumptions, **fields))
    return w["spending_jpy"].dropna().to_dict()


# ----------------------------------------------------------------------------------------------
# Path shapes (anchor FY2024 = 11e12, target FY2028)
# ----------------------------------------------------------------------------------------------
_SHARE0_SAME = 11 / 540  # share of GDP at the anchor on the same-year denominator
PATH_CASES = [
    ("linear-yen", "fixed-fy2022", {2025: 12 * T, 2026: 13 * T, 2027: 14 * T, 2028: 15 * T}),
    ("constant-growth", "fixed-fy2022", {y: 11 * T * (15 / 11) ** ((y - 2024) / 4) for y in range(2025, 2029)}),
    ("linear-share", "fixed-fy2022", {2025: 12 * T, 2026: 13 * T, 2027: 14 * T, 2028: 15 * T}),
    ("hold-flat", "fixed-fy2022", {y: 11 * T for y in range(2025, 2031)}),
    ("linear-yen", "same-year", {y: 11 * T + (0.03 * GDP[2028] - 11 * T) * (y - 2024) / 4 for y in range(2025, 2029)}),
    ("linear-share", "same-year",
     {y: (_SHARE0_SAME + (0.03 - _SHARE0_SAME) * (y - 2024) / 4) * GDP[y] for y in range(2025, 2029)}),
    ("constant-growth", "same-year",
     {y: 11 * T * (0.03 * GDP[2028] / (11 * T)) ** ((y - 2024) / 4) for y in range(2025, 2029)}),
]


@pytest.mark.parametrize(("path", "denominator", "expected"), PATH_CASES,
                         ids=[f"{p}-{d}" for p, d, _ in PATH_CASES])
def test_path_shapes(history, assumptions, path, denominator, expected):
    got = spending(history, assumptions, target_share=None if path == "hold-flat" else 0.03,
                   target_year=None if path == "hold-flat" else 2028, path=path, denominator=denominator)
    assert got[2023] == 10 * T and got[2024] == 11 * T, "bundled figures must pass through unchanged"
    for year, value in expected.items():
        assert got[year] == pytest.approx(value, rel=1e-12), f"{path}/{denominator} FY{year}"


@pytest.mark.parametrize(("denominator", "after", "expected"), [
    ("fixed-fy2022", "hold-share", {2029: 15 * T, 2030: 15 * T}),
    ("fixed-fy2022", "hold-yen", {2029: 15 * T, 2030: 15 * T}),
    ("same-year", "hold-share", {2029: 0.03 * GDP[2029], 2030: 0.03 * GDP[2030]}),
    ("same-year", "hold-yen", {2029: 0.03 * GDP[2028], 2030: 0.03 * GDP[2028]}),
])
def test_after_target(history, assumptions, denominator, after, expected):
    got = spending(history, assumptions, target_share=0.03, target_year=2028, denominator=denominator,
                   after_target=after)
    for year, value in expected.items():
        assert got[year] == pytest.approx(value, rel=1e-12), f"{denominator}/{after} FY{year}"


def test_nominal_gdp_actuals_then_preset_growth(history, assumptions):
    w = wide(run(history, assumptions, target_share=0.03, target_year=2028))
    for year, value in GDP.items():
        assert w.at[year, "nominal_gdp_jpy"] == pytest.approx(value, rel=1e-12)
    assert w.at[2020, "nominal_gdp_jpy"] == 500 * T


def test_constant_growth_rate_overrides_preset(history):
    a = make_assumptions(growth_rate=0.02)
    w = wide(run(history, a, target_share=0.03, target_year=2028))
    assert w.at[2026, "nominal_gdp_jpy"] == pytest.approx(540 * T * 1.02**2, rel=1e-12)


def test_growth_overrides_hold_until_next_listed_year(history):
    a = make_assumptions(growth_rate=0.0, growth_overrides=((2026, 0.25), (2028, 0.0)))
    w = wide(run(history, a, target_share=0.03, target_year=2028))
    gdp = w["nominal_gdp_jpy"]
    assert gdp[2025] == pytest.approx(540 * T)
    assert gdp[2026] == pytest.approx(675 * T)
    assert gdp[2027] == pytest.approx(843.75 * T)
    assert gdp[2028] == pytest.approx(843.75 * T) and gdp[2030] == pytest.approx(843.75 * T)


# ----------------------------------------------------------------------------------------------
# Statuses, shares and derived measures
# ----------------------------------------------------------------------------------------------
def test_statuses_actual_plan_projection(history, assumptions):
    sec = run(history, assumptions, target_share=0.03, target_year=2028)
    st = status_of(sec, "spending_jpy")
    assert (st[2023], st[2024], st[2025]) == ("actual", "actual", "projection")
    mod = run(history, assumptions, target_share=0.03, target_year=2028, scope="mod-budget",
              denominator="same-year")
    st = status_of(mod, "spending_jpy")
    assert (st[2022], st[2023], st[2024], st[2025]) == ("actual", "actual", "plan", "projection")
    gdp = status_of(mod, "nominal_gdp_jpy")
    assert gdp[2024] == "actual" and gdp[2025] == "projection"
    share = status_of(mod, "share_of_gdp")
    assert share[2023] == "actual" and share[2024] == "plan" and share[2026] == "projection"


def test_rows_without_data_are_absent_not_zero(history, assumptions):
    tidy = run(history, assumptions, target_share=0.03, target_year=2028)
    spend = tidy[tidy["measure"] == "spending_jpy"]
    assert sorted(spend["fiscal_year"]) == list(range(2023, 2031))
    assert not tidy["value"].isna().any()


def test_shares_on_both_denominators(history, assumptions):
    w = wide(run(history, assumptions, target_share=0.03, target_year=2028, denominator="same-year"))
    assert w.at[2024, "share_of_gdp_fixed_fy2022"] == pytest.approx(11 / 500)
    assert w.at[2024, "share_of_gdp_same_year"] == pytest.approx(11 / 540)
    assert w.at[2024, "share_of_gdp"] == pytest.approx(11 / 540)
    assert w.at[2028, "share_of_gdp"] == pytest.approx(0.03)
    assert w.at[2028, "denominator_gdp_jpy"] == pytest.approx(GDP[2028])
    wf = wide(run(history, assumptions, target_share=0.03, target_year=2028))
    assert wf.at[2028, "denominator_gdp_jpy"] == 500 * T
    assert wf.at[2026, "share_of_gdp"] == pytest.approx(13 / 500)


def test_cumulative_gap_usd_and_real(history):
    a = make_assumptions(jpy_per_usd=100.0, inflation_rate=0.10, price_base_year=2024, cumulative_from=2025)
    w = wide(run(history, a, target_share=0.03, target_year=2028))
    assert w.at[2025, "spending_usd"] == pytest.approx(12e12 / 100)
    assert w.at[2023, "spending_real_jpy"] == pytest.approx(10 * T * 1.1)
    assert w.at[2024, "spending_real_jpy"] == pytest.approx(11 * T)
    assert w.at[2026, "spending_real_jpy"] == pytest.approx(13 * T / 1.21)
    assert w["baseline_spending_jpy"].loc[2025:2030].eq(11 * T).all()
    assert w.at[2024, "gap_to_baseline_jpy"] == 0
    assert [w.at[y, "gap_to_baseline_jpy"] / T for y in range(2025, 2029)] == pytest.approx([1, 2, 3, 4])
    assert [w.at[y, "cumulative_spending_jpy"] / T for y in range(2025, 2029)] == pytest.approx([12, 25, 39, 54])
    assert [w.at[y, "cumulative_gap_to_baseline_jpy"] / T for y in range(2025, 2029)] == pytest.approx([1, 3, 6, 10])
    assert math.isnan(w.at[2024, "cumulative_spending_jpy"]), "cumulative measures start at cumulative_from"


def test_cumulative_from_a_later_year(history):
    w = wide(run(history, make_assumptions(cumulative_from=2027), target_share=0.03, target_year=2028))
    assert w.at[2027, "cumulative_spending_jpy"] == pytest.approx(14 * T)
    assert w.at[2028, "cumulative_spending_jpy"] == pytest.approx(29 * T)
    assert math.isnan(w.at[2026, "cumulative_spending_jpy"])


def test_usd_at_another_stated_rate(history):
    w = wide(run(history, make_assumptions(jpy_per_usd=150.0), target_share=0.03, target_year=2028))
    assert w.at[2028, "spending_usd"] == pytest.approx(15e12 / 150)


def test_tidy_columns_units_and_methodology(history, assumptions):
    tidy = run(history, assumptions, target_share=0.03, target_year=2028)
    assert list(tidy.columns) == ["scenario", "fiscal_year", "status", "measure", "unit", "value",
                                  "scope", "denominator", "basis"]
    assert set(tidy["measure"]) == set(model.MEASURES)
    for measure, unit in zip(tidy["measure"], tidy["unit"], strict=True):
        assert model.MEASURES[measure] == unit
    for unit in set(tidy["unit"]):
        ureg.parse_units(unit)
    meta = tidy.attrs["methodology"]["s"]
    assert meta["reference_gdp_jpy"] == 500 * T and meta["jpy_per_usd"] == 100.0
    assert meta["gdp_vintage"] == "synthetic" and meta["anchor_year"] == 2024
    assert "synthetic-10pct" in meta["gdp_assumption"]
    assert model.methodology_table(tidy).loc[0, "scenario"] == "s"


def test_input_history_is_not_mutated(history, assumptions):
    before = history.spending.copy(), history.gdp.copy()
    run(history, assumptions, target_share=0.03, target_year=2028, denominator="same-year")
    pd.testing.assert_frame_equal(history.spending, before[0])
    pd.testing.assert_frame_equal(history.gdp, before[1])


# ----------------------------------------------------------------------------------------------
# Target already due (target year at or before the anchor)
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("denominator", "after", "expected"), [
    ("fixed-fy2022", "hold-share", {2025: 15 * T, 2030: 15 * T}),
    ("same-year", "hold-share", {2025: 0.03 * GDP[2025], 2030: 0.03 * GDP[2030]}),
    # hold-yen after a target year that is data holds the actual level reached (11 T in FY2024),
    # not a notional 3% of FY2024 GDP
    ("same-year", "hold-yen", {2025: 11 * T, 2030: 11 * T}),
    ("fixed-fy2022", "hold-yen", {2025: 11 * T, 2030: 11 * T}),
])
def test_target_already_due_at_anchor(history, assumptions, denominator, after, expected):
    got = spending(history, assumptions, target_share=0.03, target_year=2024, denominator=denominator,
                   after_target=after)
    assert got[2024] == 11 * T, "the anchor year stays data"
    for year, value in expected.items():
        assert got[year] == pytest.approx(value, rel=1e-12)


def test_target_before_anchor_after_last_actual(history, assumptions):
    # mod-budget: last actual FY2023, anchor FY2024 (plan); a FY2023 target is already due
    got = spending(history, assumptions, target_share=0.02, target_year=2023, scope="mod-budget")
    assert got[2024] == 10 * T
    assert got[2025] == pytest.approx(0.02 * 500 * T)
    s = Scenario("s", 0.02, 2023, scope="mod-budget")
    assert math.isnan(model.required_spending_growth(s, assumptions, history))


# ----------------------------------------------------------------------------------------------
# Goal-seek
# ----------------------------------------------------------------------------------------------
def test_required_spending_growth(history, assumptions):
    s = Scenario("s", 0.03, 2028)
    assert model.required_spending_growth(s, assumptions, history) == pytest.approx((15 / 11) ** 0.25 - 1)
    assert math.isnan(model.required_spending_growth(Scenario("f", path="hold-flat"), assumptions, history))


def test_target_spending_jpy(history, assumptions):
    assert model.target_spending_jpy(Scenario("s", 0.03, 2028), assumptions, history) == pytest.approx(15 * T)
    same = Scenario("s", 0.03, 2028, denominator="same-year")
    assert model.target_spending_jpy(same, assumptions, history) == pytest.approx(0.03 * GDP[2028])
    assert math.isnan(model.target_spending_jpy(Scenario("f", path="hold-flat"), assumptions, history))


def test_break_even_gdp_growth(history, assumptions):
    plan = 0.02 * 540 * T * 1.1**2  # 2% of FY2026 GDP at 10% growth from FY2024
    assert model.break_even_gdp_growth(plan, 0.02, 2026, assumptions, history) == pytest.approx(0.10)
    assert model.break_even_gdp_growth(0.02 * 540 * T, 0.02, 2027, assumptions, history) == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(SpendcalcError) as err:
        model.break_even_gdp_growth(plan, 0.02, 2024, assumptions, history)
    assert err.value.field == "target_year"


def test_headline_figures(history, assumptions):
    h = model.headline_figures(Scenario("s", 0.03, 2028), assumptions, history)
    assert h["target_year"] == 2028 and h["anchor_year"] == 2024
    assert h["target_spending_jpy"] == pytest.approx(15 * T)
    assert h["share_fixed_fy2022"] == pytest.approx(0.03)
    assert h["share_same_year"] == pytest.approx(15 * T / GDP[2028])
    assert h["mean_gap_to_baseline_jpy"] == pytest.approx(2.5 * T)  # mean of 1, 2, 3, 4
    assert h["required_spending_growth"] == pytest.approx((15 / 11) ** 0.25 - 1)
    assert h["break_even_gdp_growth"] == pytest.approx((15 / (0.03 * 540)) ** 0.25 - 1)


def test_public_api_exports_goal_seek():
    assert spendcalc.headline_figures is model.headline_figures
    assert spendcalc.required_spending_growth is model.required_spending_growth
    assert spendcalc.sensitivity_sweep is model.sensitivity_sweep


# ----------------------------------------------------------------------------------------------
# Sensitivity sweep agrees with project()
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("denominator", ["same-year", "fixed-fy2022"])
@pytest.mark.parametrize("path", ["linear-yen", "constant-growth", "linear-share"])
def test_sensitivity_sweep_agrees_with_project(history, denominator, path):
    growth = np.array([-0.02, 0.0, 0.035])[:, None, None]
    shares = np.array([0.02, 0.035])[None, :, None]
    years = np.array([2025, 2029, 2033])[None, None, :]
    a = make_assumptions(until=2033)
    sweep = model.sensitivity_sweep("security-related", "initial", denominator, growth, shares, years,
                                    a, history, path=path)
    assert len(sweep) == 18
    for row in sweep.itertuples():
        sc = Scenario("s", row.target_share, int(row.target_year), denominator=denominator, path=path)
        w = wide(model.project([sc], Assumptions(**{**a.__dict__, "growth_rate": row.growth_rate}),
                               history, since=2024))
        ty = int(row.target_year)
        assert row.target_spending_jpy == pytest.approx(w.at[ty, "spending_jpy"], rel=1e-12)
        assert row.cumulative_spending_jpy == pytest.approx(w.loc[2025:ty, "spending_jpy"].sum(), rel=1e-12)
        assert row.required_spending_growth == pytest.approx(
            (w.at[ty, "spending_jpy"] / (11 * T)) ** (1 / (ty - 2024)) - 1, rel=1e-9, abs=1e-12)


def test_sensitivity_sweep_rejects_bad_input(history, assumptions):
    for kwargs, field in [({"growth_rates": -1.0}, "growth_rate"), ({"target_shares": 1.0}, "target_share"),
                          ({"target_years": 2024}, "target_year")]:
        args = {"growth_rates": 0.01, "target_shares": 0.02, "target_years": 2030, **kwargs}
        with pytest.raises(SpendcalcError) as err:
            model.sensitivity_sweep("security-related", "initial", "same-year", assumptions=assumptions,
                                    history=history, **args)
        assert err.value.field == field


# ----------------------------------------------------------------------------------------------
# Validation errors name the field
# ----------------------------------------------------------------------------------------------
def _one_line(err: SpendcalcError, field: str) -> None:
    text = str(err)
    assert "\n" not in text and text.startswith(field), text
    assert err.field == field


def test_target_year_before_the_first_bundled_figure_is_an_error(history, assumptions):
    # security-related figures start in FY2023: a FY2022 target has no data to be measured on
    with pytest.raises(SpendcalcError) as err:
        run(history, assumptions, target_share=0.03, target_year=2022)
    _one_line(err.value, "target_year")
    assert "2022" in str(err.value) and "FY2023" in str(err.value)
    # a target at or before the last decided figure is already due: allowed, with a caveat (an
    # enacted later budget, like FY2026's, must not make an earlier target year an error)
    tidy = run(history, assumptions, target_share=0.03, target_year=2023)
    assert any("precedes the last bundled" in c for c in tidy.attrs["methodology"]["s"]["caveats"])


@pytest.mark.parametrize(("fields", "field"), [
    ({"target_share": 0.02, "target_year": 2101}, "target_year"),
    ({"target_share": 0.02, "target_year": 2011}, "target_year"),
    ({"target_share": 0.0, "target_year": 2030}, "target_share"),
    ({"target_share": 1.0, "target_year": 2030}, "target_share"),
    ({"target_share": 1.5, "target_year": 2030}, "target_share"),
    ({"target_share": -0.1, "target_year": 2030}, "target_share"),
    ({"target_share": float("nan"), "target_year": 2030}, "target_share"),
    ({"target_share": None, "target_year": 2030}, "target_share"),
    ({"target_share": 0.02, "target_year": 2030, "scope": "navy"}, "scope"),
    ({"target_share": 0.02, "target_year": 2030, "path": "zigzag"}, "path"),
    ({"target_share": 0.02, "target_year": 2030, "denominator": "gnp"}, "denominator"),
    ({"target_share": 0.02, "target_year": 2030, "name": "bad name!"}, "name"),
])
def test_scenario_validation(fields, field):
    with pytest.raises(SpendcalcError) as err:
        Scenario(**{"name": "s", **fields})
    _one_line(err.value, field)


@pytest.mark.parametrize(("changes", "field"), [
    ({"growth_rate": -1.0}, "growth_rate"),
    ({"growth_rate": -1.5}, "growth_rate"),
    ({"jpy_per_usd": 0.0}, "jpy_per_usd"),
    ({"jpy_per_usd": -5.0}, "jpy_per_usd"),
    ({"inflation_rate": -1.0}, "inflation_rate"),
    ({"reference_gdp_jpy": 0.0}, "reference_gdp_jpy"),
    ({"until": 2101}, "until"),
])
def test_assumption_validation(changes, field):
    with pytest.raises(SpendcalcError) as err:
        make_assumptions(**changes)
    _one_line(err.value, field)


@pytest.mark.parametrize(("changes", "field"), [
    ({"gdp_preset": "no-such-preset"}, "gdp_preset"),
    ({"gdp_vintage": "no-such-vintage"}, "gdp_vintage"),
])
def test_unknown_preset_or_vintage(history, changes, field):
    with pytest.raises(SpendcalcError) as err:
        run(history, make_assumptions(**changes), target_share=0.03, target_year=2028)
    _one_line(err.value, field)
    assert "synthetic" in str(err.value), "the message lists what is available"


def test_unknown_scenario_name():
    with pytest.raises(SpendcalcError) as err:
        spendcalc.get_scenario("no-such-scenario")
    _one_line(err.value, "scenario")
    assert "original-fy2027" in str(err.value)


def test_duplicate_or_missing_scenarios(history, assumptions):
    with pytest.raises(SpendcalcError):
        model.project([], assumptions, history)
    s = Scenario("s", 0.03, 2028)
    with pytest.raises(SpendcalcError) as err:
        model.project([s, s], assumptions, history)
    assert err.value.field == "scenarios"


def test_vintage_with_earlier_last_year(history):
    # synthetic-short ends in FY2022: FY2023 onward grows at the constant rate from 420e12
    a = make_assumptions(gdp_vintage="synthetic-short", growth_rate=0.10)
    w = wide(run(history, a, target_share=0.03, target_year=2028, denominator="same-year"))
    assert w.at[2023, "nominal_gdp_jpy"] == pytest.approx(462 * T)
    assert w.at[2028, "spending_jpy"] == pytest.approx(0.03 * 420 * T * 1.1**6)


def test_preset_not_covering_the_years_after_the_vintage_is_an_error(history):
    # a preset on the short vintage that starts in FY2025, the short vintage ends in FY2022: no silent NaN GDP
    from dataclasses import replace

    short = replace(history.presets["synthetic-10pct"], name="short-late", vintage="synthetic-short")
    h = replace(history, presets=MappingProxyType({**history.presets, "short-late": short}))
    with pytest.raises(SpendcalcError) as err:
        run(h, make_assumptions(gdp_vintage="synthetic-short", gdp_preset="short-late"),
            target_share=0.03, target_year=2028)
    _one_line(err.value, "gdp_preset")
    assert "FY2023" in str(err.value)


def test_preset_built_on_another_vintage_is_an_error(history):
    # the synthetic preset continues vintage 'synthetic'; on 'synthetic-short' it would compound
    # another GDP level than the one it was built on
    with pytest.raises(SpendcalcError) as err:
        run(history, make_assumptions(gdp_vintage="synthetic-short"), target_share=0.03, target_year=2028)
    _one_line(err.value, "gdp_preset")
    msg = str(err.value)
    assert "synthetic-10pct" in msg and "built on vintage synthetic," in msg
    assert "the GDP vintage is synthetic-short" in msg and "no bundled preset is built on synthetic-short" in msg


def test_preset_vintage_error_lists_the_presets_that_fit(real_history):
    a = spendcalc.default_assumptions()
    with pytest.raises(SpendcalcError) as err:
        model.project(spendcalc.builtin_scenarios()[:1], dataclasses.replace(a, gdp_vintage="esri-2025q1"), real_history)
    msg = str(err.value)
    assert "cao-2026jan-past-projection is built on vintage esri-2026q2" in msg
    assert "the GDP vintage is esri-2025q1" in msg
    assert "a preset built on esri-2025q1: cao-2025jan-past-projection" in msg


def test_preset_on_its_own_vintage_and_constant_growth_on_any_vintage_run(real_history):
    a = spendcalc.default_assumptions()
    sc = spendcalc.builtin_scenarios()[:1]
    old = model.project(sc, dataclasses.replace(a, gdp_vintage="esri-2025q1", gdp_preset="cao-2025jan-past-projection"),
                        real_history)
    assert old["value"].notna().any()
    flat = model.project(sc, dataclasses.replace(a, gdp_vintage="esri-2026q1", growth_rate=0.02), real_history)
    gdp = flat[flat["measure"] == "nominal_gdp_jpy"].set_index("fiscal_year")["value"]
    assert gdp[2027] == pytest.approx(gdp[2026] * 1.02)


def test_fx_history_converts_past_years_at_their_annual_average(history):
    from dataclasses import replace

    h = replace(history, fx_annual=MappingProxyType({2023: 140.0, 2024: 150.0}))
    stated = wide(run(h, make_assumptions(), target_share=0.03, target_year=2028))
    past = run(h, make_assumptions(fx_history=True), target_share=0.03, target_year=2028)
    w = wide(past)
    assert w.at[2023, "spending_usd"] == pytest.approx(10e12 / 140)
    assert w.at[2024, "spending_usd"] == pytest.approx(11e12 / 150)
    assert w.at[2025, "spending_usd"] == pytest.approx(stated.at[2025, "spending_usd"])  # stated 100
    assert stated.at[2023, "spending_usd"] == pytest.approx(10e12 / 100)
    meta = past.attrs["methodology"]["s"]
    assert meta["fx_history"] is True and "FY2023-FY2024" in meta["fx_assumption"]
    with pytest.raises(SpendcalcError, match="fx_history"):
        make_assumptions(fx_history="yes")


def test_cumulative_measures_do_not_restart_at_since(history, assumptions):
    sc = Scenario("s", target_share=0.03, target_year=2028)
    full = wide(model.project([sc], assumptions, history, since=2020))
    late = wide(model.project([sc], assumptions, history, since=2027))
    assert list(late.index) == list(range(2027, 2031))
    for m in ("cumulative_spending_jpy", "cumulative_gap_to_baseline_jpy"):
        pd.testing.assert_series_equal(late[m], full.loc[2027:, m], check_names=False)


def test_headline_figures_use_the_target_year_even_beyond_until(history):
    sc = Scenario("s", target_share=0.03, target_year=2028)
    short = model.headline_figures(sc, make_assumptions(until=2026), history)
    full = model.headline_figures(sc, make_assumptions(until=2030), history)
    assert short["target_year"] == full["target_year"] == 2028
    assert short["target_spending_jpy"] == pytest.approx(15e12)
    assert short == full


def test_share_status_is_projection_where_gdp_is_projected(history):
    """Spending data in a year after the vintage's last actual GDP: same-year shares are projected."""
    a = make_assumptions(gdp_vintage="synthetic-short", gdp_preset=None, growth_rate=0.02)
    tidy = run(history, a, target_share=0.03, target_year=2028, scope="mod-budget",
               denominator="same-year")
    spend, gdp = status_of(tidy, "spending_jpy"), status_of(tidy, "nominal_gdp_jpy")
    assert (spend[2023], spend[2024]) == ("actual", "plan") and gdp[2023] == "projection"
    assert status_of(tidy, "share_of_gdp")[2023] == "projection"
    assert status_of(tidy, "share_of_gdp_same_year")[2024] == "projection"
    assert status_of(tidy, "share_of_gdp_fixed_fy2022")[2023] == "actual"  # fixed GDP is known
    assert status_of(tidy, "share_of_gdp_fixed_fy2022")[2024] == "plan"
