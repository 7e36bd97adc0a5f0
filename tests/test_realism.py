"""Decided years as data, one baseline for a comparison, the real deflator, real exchange rates."""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import numpy as np
import pytest

import spendcalc
from spendcalc import model
from spendcalc.assumptions import Scenario
from spendcalc.errors import SpendcalcError

FY2026_SECURITY = 9.0353e12 + (9.9e12 - 8.7005e12)  # estimate: FY2026 MOD + FY2025 non-MOD items held


def wide(tidy, name):
    return tidy[tidy["scenario"] == name].pivot_table(index="fiscal_year", columns="measure", values="value")


def status(tidy, name, year, measure="spending_jpy"):
    sel = tidy[(tidy["scenario"] == name) & (tidy["fiscal_year"] == year) & (tidy["measure"] == measure)]
    return sel["status"].iloc[0]


# ----------------------------------------------------------------------------------------------
# Decided years are data
# ----------------------------------------------------------------------------------------------
def test_every_builtin_has_fy2026_at_its_decided_level_and_ramps_from_fy2027():
    tidy = spendcalc.project()
    h = spendcalc.load_history()
    # the NATO-style scopes are known only for the FY2027 plan composition: anchored there
    nato = [sc for sc in spendcalc.builtin_scenarios() if sc.scope.startswith("nato-")]
    assert [sc.name for sc in nato] == ["nato-hague-fy2035"]
    assert h.anchor("nato-core", "initial") == (2027, 10.0e12)
    w = wide(tidy, "nato-hague-fy2035")
    assert np.isnan(w.loc[:2026, "spending_jpy"]).all() and w.at[2027, "spending_jpy"] == 10.0e12
    assert status(tidy, "nato-hague-fy2035", 2027) == "plan"
    assert status(tidy, "nato-hague-fy2035", 2028) == "projection"
    for sc in spendcalc.builtin_scenarios():
        if sc in nato:
            continue
        year, level = h.anchor(sc.scope, sc.basis)
        assert year == 2026, sc.name
        w = wide(tidy, sc.name)
        assert w.at[2026, "spending_jpy"] == level, sc.name
        assert status(tidy, sc.name, 2026) in ("actual", "plan", "estimate"), sc.name
        assert status(tidy, sc.name, 2027) == "projection", sc.name
    us = wide(tidy, "us-ask-3.5pct")
    assert us.at[2026, "spending_jpy"] == pytest.approx(FY2026_SECURITY, rel=1e-12)
    # equal yen steps from FY2026 to FY2035: the first step is a ninth of the way
    step = (us.at[2035, "spending_jpy"] - FY2026_SECURITY) / 9
    assert us.at[2027, "spending_jpy"] == pytest.approx(FY2026_SECURITY + step, rel=1e-12)
    # the complaint: FY2026 was a ramp step of about 12.6 trillion; now it is the decided level
    assert us.at[2026, "spending_jpy"] < 11e12


def test_estimate_is_a_status_of_its_own_in_every_derived_measure():
    tidy = spendcalc.project("us-ask-3.5pct")
    for measure in ("spending_jpy", "spending_usd", "spending_real_jpy", "gap_to_baseline_jpy"):
        assert status(tidy, "us-ask-3.5pct", 2026, measure) == "estimate", measure
    assert status(tidy, "us-ask-3.5pct", 2025) == "actual"
    assert "estimate" in model._STATUS
    # same-year share: an estimate numerator on a projected FY2026 GDP is a projection
    assert status(tidy, "us-ask-3.5pct", 2026, "share_of_gdp_same_year") == "projection"


# ----------------------------------------------------------------------------------------------
# One baseline for a comparison
# ----------------------------------------------------------------------------------------------
def test_common_baseline_is_one_named_level_for_every_scenario():
    tidy = spendcalc.project()
    meta = tidy.attrs["methodology"]
    texts = {m["baseline_description"] for m in meta.values()}
    assert len(texts) == 1 and "FY2025 security-related" in texts.pop()
    assert {m["baseline"] for m in meta.values()} == {"common"}
    for sc in spendcalc.builtin_scenarios():
        w = wide(tidy, sc.name)
        assert (w.loc[2025:, "baseline_spending_jpy"] == 11e12).all(), sc.name
        assert np.isnan(w.loc[:2024, "baseline_spending_jpy"]).all(), "no common baseline before its year"
        gap = w["spending_jpy"] - w["baseline_spending_jpy"]
        np.testing.assert_allclose(w.loc[2025:, "gap_to_baseline_jpy"], gap.loc[2025:], rtol=1e-12)
        if sc.scope.startswith("nato-"):  # no FY2026 figure: cumulative sums from FY2026 unknown
            assert "cumulative_gap_to_baseline_jpy" not in w or np.isnan(w.at[2030, "cumulative_gap_to_baseline_jpy"])
            continue
        assert w.at[2030, "cumulative_gap_to_baseline_jpy"] == pytest.approx(
            w.loc[2026:2030, "gap_to_baseline_jpy"].sum(), rel=1e-12)


def test_own_baseline_keeps_the_former_behaviour_and_hold_flat_is_its_former_name():
    a = spendcalc.default_assumptions()
    h = spendcalc.load_history()
    scs = spendcalc.builtin_scenarios()
    own = model.project(scs, a, h, baseline="own")
    old_name = model.project(scs, a, h, baseline="hold-flat")
    via_assumptions = model.project(scs, dataclasses.replace(a, baseline="own"), h)
    for other in (old_name, via_assumptions):
        np.testing.assert_array_equal(own["value"].to_numpy(), other["value"].to_numpy())
    w = wide(own, "original-fy2027")
    year, level = h.anchor("security-related", "initial")
    assert (w.loc[year + 1:, "baseline_spending_jpy"] == level).all()
    assert (w.loc[:year, "gap_to_baseline_jpy"].dropna() == 0).all()
    assert w.loc[:year, "gap_to_baseline_jpy"].notna().sum() == 3  # FY2024-FY2026
    with pytest.raises(SpendcalcError, match="^baseline: 'mine'"):
        model.project(scs, a, h, baseline="mine")


def test_common_baseline_year_and_scope_are_parameters():
    a = dataclasses.replace(spendcalc.default_assumptions(), baseline_scope="mod-budget",
                            baseline_basis="initial", baseline_year=2024)
    tidy = spendcalc.project("us-ask-3.5pct", assumptions=a)
    w = wide(tidy, "us-ask-3.5pct")
    assert w.at[2030, "baseline_spending_jpy"] == 7.9496e12
    assert "FY2024 mod-budget" in tidy.attrs["methodology"]["us-ask-3.5pct"]["baseline_description"]
    # None: the last actual year of that scope and basis (FY2026 MOD was enacted)
    a = dataclasses.replace(a, baseline_year=None)
    assert model.common_baseline_level(a, spendcalc.load_history())[:2] == (2026, 9.0353e12)
    with pytest.raises(SpendcalcError, match="^baseline_year: 2013 .*FY2024, FY2025, FY2026"):
        spendcalc.project("us-ask-3.5pct", assumptions=dataclasses.replace(a, baseline_year=2013,
                                                                         baseline_scope="security-related"))


# ----------------------------------------------------------------------------------------------
# Real terms from the real deflator
# ----------------------------------------------------------------------------------------------
def test_fy2012_real_terms_follow_the_bundled_deflator():
    a = spendcalc.default_assumptions()
    tidy = spendcalc.project("original-fy2027", scope="mod-budget")
    w = wide(tidy, "original-fy2027")
    d = spendcalc.load_history().deflator[a.gdp_vintage]
    ratio = d[a.price_base_year] / d[2012]
    assert w.at[2012, "spending_real_jpy"] == pytest.approx(4.7138e12 * ratio, rel=1e-12)
    # about 1.205 (113.14 / 93.91 in the transcribed index), not 1.0207 ** 13 = 1.305
    assert ratio == pytest.approx(113.14 / 93.91, rel=2e-4)
    assert w.at[2012, "spending_real_jpy"] < 4.7138e12 * 1.0207 ** 13 * 0.95
    assert w.at[a.price_base_year, "spending_real_jpy"] == w.at[a.price_base_year, "spending_jpy"]


def test_assumed_inflation_applies_only_after_the_last_deflator_year():
    a = dataclasses.replace(spendcalc.default_assumptions(), inflation_rate=0.05)
    w = wide(spendcalc.project("original-fy2027", assumptions=a), "original-fy2027")
    d = spendcalc.load_history().deflator[a.gdp_vintage]
    assert max(d) == 2025
    # FY2024 in FY2025 yen: the deflator, whatever the assumption
    assert w.at[2024, "spending_real_jpy"] == pytest.approx(w.at[2024, "spending_jpy"] * d[2025] / d[2024])
    assert w.at[2030, "spending_real_jpy"] == pytest.approx(w.at[2030, "spending_jpy"] / 1.05 ** 5)
    # a later price base year: FY2012 is carried to FY2025 by the deflator, then to FY2030 at 5%
    b = dataclasses.replace(a, price_base_year=2030)
    m = wide(spendcalc.project("original-fy2027", scope="mod-budget", assumptions=b), "original-fy2027")
    assert m.at[2012, "spending_real_jpy"] == pytest.approx(4.7138e12 * d[2025] / d[2012] * 1.05 ** 5)
    meta = spendcalc.project("hold-flat", assumptions=a).attrs["methodology"]["hold-flat"]
    assert meta["deflator"].startswith("ESRI GDP deflator (vintage esri-2026q2) to FY2025, then 5.00%/yr")


def test_deflator_index_without_bundled_deflator_is_the_constant_rate(history, assumptions):
    years = np.arange(2020, 2031)
    a = dataclasses.replace(assumptions, inflation_rate=0.02, price_base_year=2024)
    np.testing.assert_allclose(model.real_price_ratio(history, a, years), 1.02 ** (2024 - years))
    h = dataclasses.replace(history, deflator=MappingProxyType({"synthetic": {2022: 1.0, 2023: 1.1, 2024: 1.21}}))
    ratio = model.real_price_ratio(h, a, years)
    assert ratio[years == 2023][0] == pytest.approx(1.21 / 1.1)
    assert ratio[years == 2021][0] == pytest.approx(1.21 * 1.02)  # before the table: assumed rate
    assert ratio[years == 2026][0] == pytest.approx(1 / 1.02 ** 2)  # after it: assumed rate


# ----------------------------------------------------------------------------------------------
# Exchange rates for actual years
# ----------------------------------------------------------------------------------------------
def test_usd_uses_fiscal_year_averages_for_actual_years_and_the_stated_rate_after():
    a = spendcalc.default_assumptions()
    assert a.fx_rate_for_actuals == "fiscal-year-average"
    w = wide(spendcalc.project("original-fy2027", scope="mod-budget"), "original-fy2027")
    fiscal = spendcalc.load_history().fx_fiscal
    assert w.at[2012, "spending_usd"] == pytest.approx(4.7138e12 / fiscal[2012], rel=1e-12)
    assert w.at[2025, "spending_usd"] == pytest.approx(8.7005e12 / fiscal[2025], rel=1e-12)
    assert 2026 not in fiscal
    assert w.at[2026, "spending_usd"] == pytest.approx(9.0353e12 / a.jpy_per_usd, rel=1e-12)
    stated = dataclasses.replace(a, fx_rate_for_actuals="stated")
    s = wide(spendcalc.project("original-fy2027", scope="mod-budget", assumptions=stated), "original-fy2027")
    assert s.at[2012, "spending_usd"] == pytest.approx(4.7138e12 / a.jpy_per_usd, rel=1e-12)


def test_every_usd_figure_states_its_rate():
    meta = spendcalc.project("us-ask-3.5pct").attrs["methodology"]["us-ask-3.5pct"]
    assert meta["fx_assumption"] == ("fiscal-year (April-March) averages for FY2012-FY2025, "
                                     "155.2 JPY per USD (stated rate) for other years")
    both = spendcalc.make_assumptions(fx_history=True)
    meta = spendcalc.project("us-ask-3.5pct", assumptions=both).attrs["methodology"]["us-ask-3.5pct"]
    assert meta["fx_assumption"].startswith("calendar-year Federal Reserve averages for FY2012-FY2025")
    assert "fiscal-year (April-March) averages" in meta["fx_assumption"]
    none = spendcalc.make_assumptions(fx_rate_for_actuals="stated")
    meta = spendcalc.project("us-ask-3.5pct", assumptions=none).attrs["methodology"]["us-ask-3.5pct"]
    assert meta["fx_assumption"] == "155.2 JPY per USD for every year (stated rate)"


def test_simulate_uses_the_projection_rate_for_every_year():
    tidy = spendcalc.project("us-ask-3.5pct", since=2024, until=2030)
    sim = spendcalc.simulate("us-ask-3.5pct", paths=200, volatility=0.0, since=2024, until=2030)
    usd = sim[(sim["measure"] == "spending_usd")]
    proj = tidy[tidy["measure"] == "spending_usd"].set_index("fiscal_year")["value"]
    assert len(usd) == 6  # FY2025 (the jump-off year) to FY2030
    for _, r in usd.iterrows():
        for q in ("p5", "p50", "p95"):
            assert r[q] == pytest.approx(proj[int(r["fiscal_year"])], rel=1e-12), (r["fiscal_year"], q)


def test_scenario_object_fields_unchanged_by_baseline():
    # the baseline is a property of the comparison, not of a scenario
    assert "baseline" not in {f.name for f in dataclasses.fields(Scenario)}
