"""One source of truth: with zero volatility, ``simulate`` reproduces ``project`` exactly.

Under every assumption (exchange rate history on or off, GDP presets, constant growth, growth
overrides, vintages, both denominators, ``measured_on``, scopes and bases, horizons), every
percentile of the simulated share of GDP and USD is the projection's number, to the last bit,
for both methods (``exact`` and ``monte-carlo``).
"""

from __future__ import annotations

import itertools
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import spendcalc
from spendcalc import model
from spendcalc.schema import METHODS
from spendcalc.simulate import PERCENTILES, SHARE_TOLERANCE, simulate


def _assume(**changes: object) -> spendcalc.Assumptions:
    """The bundled default assumptions (data/defaults.yaml) with some fields changed."""
    return replace(spendcalc.default_assumptions(), **changes)

P_COLUMNS = [f"p{p}" for p in PERCENTILES]
SHARE_MEASURE = {"fixed-fy2022": "share_of_gdp_fixed_fy2022", "same-year": "share_of_gdp_same_year"}

ASSUMPTIONS = {
    "defaults": spendcalc.default_assumptions(),
    "fx history": _assume(fx_history=True),
    "fx history, other rate": _assume(fx_history=True, jpy_per_usd=110.0),
    "high-growth preset, fx history": _assume(gdp_preset="cao-2026jan-high-growth",
                                                            fx_history=True),
    "constant growth": _assume(growth_rate=0.031, jpy_per_usd=142.5),
    "shrinking GDP, fx history": _assume(growth_rate=-0.012, fx_history=True),
    "overrides, fx history": _assume(growth_overrides=((2027, 0.05), (2031, -0.02)),
                                                   fx_history=True, until=2036),
    "older vintage and preset": _assume(gdp_vintage="esri-2025q1",
                                                      gdp_preset="cao-2025jan-past-projection",
                                                      fx_history=True, until=2033),
    "other reference GDP": _assume(reference_gdp_jpy=600e12, fx_history=True),
}


def scenarios() -> dict[str, spendcalc.Scenario]:
    # the NATO-style built-in starts with the FY2027 plan (no earlier figure): its own test below
    out = {s.name: s for s in spendcalc.builtin_scenarios() if not s.scope.startswith("nato-")}
    base = out["original-fy2027"]
    out["mod-budget same-year"] = replace(base, name="mod", scope="mod-budget", denominator="same-year")
    out["with-supplementary"] = replace(base, name="supp", basis="with-supplementary")
    return out


SCENARIOS = scenarios()
NATO = spendcalc.get_scenario("nato-hague-fy2035")


def assert_reproduces_project(sc, a, measured_on=None, since=None, plan=None):
    """Both methods reproduce the projection; returns the exact method's result."""
    sims = [_assert_reproduces_project(sc, a, measured_on, since, plan, method) for method in METHODS]
    assert [s.attrs["method"] for s in sims] == list(METHODS)
    return sims[0]


def _assert_reproduces_project(sc, a, measured_on, since, plan, method):
    history = spendcalc.load_history()
    sim = simulate(sc, paths=50, seed=3, assumptions=a, history=history, volatility=0.0,
                   fx_volatility=0.0, measured_on=measured_on, since=since, plan_assumptions=plan,
                   method=method)
    first = int(sim["fiscal_year"].min())
    proj = model.project([sc], a, history, since=first)
    wide = proj.pivot_table(index="fiscal_year", columns="measure", values="value")
    share_measure = SHARE_MEASURE[measured_on or sc.denominator]
    for measure, expected in (("share_of_gdp", wide[share_measure]), ("spending_usd", wide["spending_usd"])):
        got = sim[sim["measure"] == measure].set_index("fiscal_year")
        assert len(got) > 0
        want = expected.reindex(got.index).to_numpy()
        assert not np.isnan(want).any()
        for col in P_COLUMNS:  # every percentile is the projection's number, bit for bit
            np.testing.assert_array_equal(got[col].to_numpy(), want, err_msg=f"{measure} {col}")
    # the probability of reaching the threshold is the projection's verdict, too
    p = sim.attrs["probability"]
    if p is not None and sc.target_year is not None and sc.target_year in wide.index:
        share = wide.at[sc.target_year, share_measure]
        assert p == (1.0 if share >= sc.target_share - SHARE_TOLERANCE else 0.0)
    return sim


@pytest.mark.parametrize("measured_on", [None, "fixed-fy2022", "same-year"])
@pytest.mark.parametrize("a_name", list(ASSUMPTIONS))
@pytest.mark.parametrize("sc_name", list(SCENARIOS))
def test_zero_volatility_reproduces_project(sc_name, a_name, measured_on):
    assert_reproduces_project(SCENARIOS[sc_name], ASSUMPTIONS[a_name], measured_on)


def test_the_reported_fx_history_case():
    """FY2025 in USD with fx_history: simulate gave USD 70.9 bn where project gives 73.5 bn."""
    a = _assume(fx_history=True)
    sc = SCENARIOS["original-fy2027"]
    sim = assert_reproduces_project(sc, a, since=2020)
    proj = model.project([sc], a, spendcalc.load_history(), since=2020)
    row = proj.query("measure == 'spending_usd' and fiscal_year == 2025")
    want = row["value"].item()
    h = spendcalc.load_history()
    assert want == model.spending_table(h, sc.scope, sc.basis)[2025][0] / h.fx_annual[2025]
    got = sim.query("measure == 'spending_usd' and fiscal_year == 2025")
    assert (got[P_COLUMNS].to_numpy() == want).all()
    assert sim.attrs["fx_history"] is True


@pytest.mark.parametrize(("since", "until"), [(2013, 2030), (2024, 2045), (2025, 2025)])
def test_zero_volatility_reproduces_project_over_any_span(since, until):
    for sc, fx_history in itertools.product(SCENARIOS.values(), (False, True)):
        assert_reproduces_project(sc, _assume(until=until, fx_history=fx_history), since=since)


def test_plan_assumptions_equal_to_the_assumptions_change_nothing():
    a = ASSUMPTIONS["overrides, fx history"]
    for sc in SCENARIOS.values():
        assert_reproduces_project(sc, a, plan=a)


@pytest.mark.parametrize("method", METHODS)
def test_plan_under_other_assumptions_converts_at_the_simulations_rates(method):
    """A plan sized on faster growth: its yen, at the exchange rates the projection uses."""
    history = spendcalc.load_history()
    a = _assume(fx_history=True)
    plan = _assume(gdp_preset="cao-2026jan-high-growth", jpy_per_usd=100.0)
    sc = replace(SCENARIOS["original-fy2027"], denominator="same-year")
    sim = simulate(sc, paths=50, assumptions=a, plan_assumptions=plan, history=history,
                   volatility=0.0, since=2020, method=method)
    plan_wide = model.project([sc], plan, history, since=2020).pivot_table(
        index="fiscal_year", columns="measure", values="value")
    wide = model.project([sc], a, history, since=2020).pivot_table(
        index="fiscal_year", columns="measure", values="value")
    usd = sim[sim["measure"] == "spending_usd"].set_index("fiscal_year")["p50"]
    rate = model.fx_rates_jpy_per_usd(history, a, usd.index.to_numpy())
    np.testing.assert_allclose(usd, plan_wide["spending_jpy"].reindex(usd.index) / rate, rtol=1e-14)
    share = sim[sim["measure"] == "share_of_gdp"].set_index("fiscal_year")["p50"]
    np.testing.assert_allclose(share, plan_wide["spending_jpy"].reindex(share.index)
                               / wide["nominal_gdp_jpy"].reindex(share.index), rtol=1e-14)


PRESETS = tuple(spendcalc.load_history().presets)
NEW_VINTAGE_PRESETS = tuple(p for p in PRESETS if spendcalc.load_history().presets[p].vintage == "esri-2026q2")


@st.composite
def assumption_sets(draw):
    growth = draw(st.one_of(st.none(), st.floats(-0.05, 0.08, allow_nan=False)))
    overrides = draw(st.lists(st.tuples(st.integers(2026, 2040), st.floats(-0.05, 0.08)),
                              max_size=3, unique_by=lambda x: x[0]))
    return _assume(
        gdp_preset=draw(st.sampled_from(NEW_VINTAGE_PRESETS)), growth_rate=growth,
        growth_overrides=tuple(overrides), fx_history=draw(st.booleans()),
        jpy_per_usd=draw(st.floats(80.0, 250.0)), reference_gdp_jpy=draw(st.floats(450e12, 700e12)),
        until=draw(st.integers(2026, 2045)))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(a=assumption_sets(), sc_name=st.sampled_from(list(SCENARIOS)),
       measured_on=st.sampled_from([None, "fixed-fy2022", "same-year"]),
       share=st.one_of(st.none(), st.floats(0.005, 0.06)), target_year=st.integers(2026, 2040))
def test_zero_volatility_reproduces_project_property(a, sc_name, measured_on, share, target_year):
    sc = SCENARIOS[sc_name]
    if share is not None and sc.path != "hold-flat":
        sc = replace(sc, target_share=share, target_year=target_year)
    assert_reproduces_project(sc, a, measured_on)


@pytest.mark.parametrize("a_name", ["defaults", "fx history", "older vintage and preset"])
def test_zero_volatility_reproduces_project_for_the_nato_style_builtin(a_name):
    """Anchored at the FY2027 plan composition: a horizon from FY2027 on, as its scope allows."""
    assert_reproduces_project(NATO, ASSUMPTIONS[a_name])
    assert_reproduces_project(NATO, ASSUMPTIONS[a_name], "fixed-fy2022", since=2027)
