"""Questions about a fixed yen plan, in closed form (spendcalc.simulate), against the Monte Carlo."""

from __future__ import annotations

import importlib
import math
from dataclasses import replace

import numpy as np
import pytest

import spendcalc
from spendcalc.errors import SpendcalcError

sim = importlib.import_module("spendcalc.simulate")  # spendcalc.simulate is also the API function
HISTORY = spendcalc.load_history()
A = spendcalc.default_assumptions()
FY2027 = spendcalc.resolve_scenarios(["original-fy2027"])[0]
US_ASK = spendcalc.resolve_scenarios(["us-ask-3.5pct"])[0]
HIGH = "cao-2026jan-high-growth"


def high_growth_plan() -> spendcalc.Assumptions:
    return replace(A, gdp_preset=HIGH, growth_rate=None, growth_overrides=(),
                   gdp_vintage=HISTORY.presets[HIGH].vintage)


def test_probability_functions_are_vectorised_and_match_the_normal_distribution():
    margins, sds = np.array([-0.1, 0.0, 0.05, 0.2]), np.array([0.1, 0.1, 0.05, 0.0])
    p = sim.probability_at_least(margins, sds)
    assert p.shape == (4,)
    assert p[:3] == pytest.approx([sim.normal_cdf(-1.0), 0.5, sim.normal_cdf(1.0)], abs=1e-15)
    assert p[3] == 1.0 and sim.probability_at_least(-0.01, 0.0) == 0.0
    # yen 10 against a median GDP of 500: 2% exactly at the median -> one half
    assert sim.probability_share_at_least(10.0, 500.0, 0.1, 0.02) == pytest.approx(0.5, abs=1e-9)
    many = sim.probability_share_at_least(10.0, np.array([400.0, 500.0, 600.0]), 0.1, 0.02)
    assert np.all(np.diff(many) < 0)  # a larger GDP makes the share less likely
    usd = sim.probability_usd_above(150e9, 150.0, np.array([0.1, 0.2]), np.array([0.9e9, 1.1e9]))
    assert usd[0] == pytest.approx(sim.normal_cdf(math.log(1 / 0.9) / 0.1))
    assert usd[1] == pytest.approx(sim.normal_cdf(math.log(1 / 1.1) / 0.2))


def test_fy2027_plan_against_the_gdp_that_happens_matches_the_monte_carlo():
    for share in (0.015, 0.0158, 0.0165):  # around the plan's median share (~1.58%): not fixed by construction
        exact = sim.fixed_plan_odds(FY2027, A, HISTORY, share=share, usd=70e9)
        mc = spendcalc.simulate(FY2027, assumptions=A, measured_on="same-year", threshold=share,
                                method="monte-carlo", paths=200_000, seed=3)
        p = mc.attrs["probability"]
        se = math.sqrt(p * (1 - p) / 200_000) + 1e-6
        assert abs(exact["p_share"] - p) < 5 * se, (share, exact["p_share"], p)
        assert 0.01 < exact["p_share"] < 0.99
        # and with the exact method of simulate (same model, same answer)
        assert exact["p_share"] == pytest.approx(
            spendcalc.simulate(FY2027, assumptions=A, measured_on="same-year", threshold=share).attrs["probability"],
            abs=1e-12)
    assert exact["spend_jpy"] == pytest.approx(11.2e12, rel=1e-3)  # the bundled FY2027 plan
    assert exact["year"] == 2027


def test_dollar_question_matches_the_monte_carlo_percentiles():
    fx_vol = 0.08
    mc = spendcalc.simulate(FY2027, assumptions=A, fx_volatility=fx_vol, method="monte-carlo", paths=200_000,
                            seed=5)
    row = mc[(mc["measure"] == "spending_usd") & (mc["fiscal_year"] == 2027)].iloc[0]
    for level, usd in ((0.25, row["p25"]), (0.5, row["p50"]), (0.75, row["p75"])):
        exact = sim.fixed_plan_odds(FY2027, A, HISTORY, share=0.02, usd=float(usd), fx_volatility=fx_vol)
        assert exact["p_usd"] == pytest.approx(1 - level, abs=0.01), level  # P(usd > its q-percentile)
    assert exact["median_usd"] == pytest.approx(row["p50"], rel=0.01)


def test_a_plan_sized_on_another_gdp_case_is_not_one_half():
    same = sim.fixed_plan_odds(US_ASK, A, HISTORY, share=0.035, usd=100e9)
    assert same["same_path"] and same["p_share"] == pytest.approx(0.5, abs=1e-6)  # by construction
    other = sim.fixed_plan_odds(US_ASK, A, HISTORY, share=0.035, usd=100e9, plan_assumptions=high_growth_plan())
    assert not other["same_path"]
    assert other["spend_jpy"] > same["spend_jpy"]  # sized on faster growth: more yen ...
    assert other["p_share"] > 0.5  # ... so more likely to reach 3.5% of the GDP that happens
    mc = spendcalc.simulate(US_ASK, assumptions=A, plan_assumptions=high_growth_plan(), measured_on="same-year",
                            method="monte-carlo", paths=200_000, seed=9)
    p = mc.attrs["probability"]
    assert abs(other["p_share"] - p) < 5 * math.sqrt(p * (1 - p) / 200_000) + 1e-6


def test_needed_growth_reproduces_the_share_and_bad_inputs_are_refused():
    odds = sim.fixed_plan_odds(FY2027, A, HISTORY, share=0.02, usd=70e9)
    jump_off, gdp0 = spendcalc.model.last_actual_gdp(HISTORY, A.gdp_vintage)
    gdp = gdp0 * (1 + odds["needed_gdp_growth"]) ** (odds["year"] - jump_off)
    assert odds["spend_jpy"] / gdp == pytest.approx(0.02, rel=1e-12)
    assert odds["needed_gdp_growth"] < 0  # 11.2 trillion is 2% of same-year GDP only if GDP shrinks
    with pytest.raises(SpendcalcError, match="usd"):
        sim.fixed_plan_odds(FY2027, A, HISTORY, share=0.02, usd=-1.0)
    with pytest.raises(SpendcalcError, match="threshold"):
        sim.fixed_plan_odds(FY2027, A, HISTORY, share=2.0, usd=70e9)


def test_fx_volatility_from_history_is_an_assumption_from_the_bundled_rates():
    vol, note = sim.fx_volatility_from_history(HISTORY)
    years = sorted(HISTORY.fx_fiscal)
    steps = np.diff(np.log([HISTORY.fx_fiscal[y] for y in years]))
    assert vol == pytest.approx(float(np.std(steps, ddof=1)))
    assert note.startswith("assumption") and f"FY{years[0]}" in note
