"""Model invariants with hypothesis, on the synthetic history of conftest.py (anchor FY2024)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import make_assumptions, make_history, wide
from hypothesis import given, settings
from hypothesis import strategies as st

from spendcalc import model
from spendcalc.assumptions import AFTER_TARGET, BASES, DENOMINATORS, PATHS, SCOPES, Scenario, Source
from spendcalc.data import SCENARIO_DIR, read_scenario_file
from spendcalc.scenarios import scenario_from_yaml, scenario_to_yaml
from spendcalc.text import BIDI_CONTROLS
from spendcalc.units import convert

FAST = settings(max_examples=50, deadline=None)
HISTORY = make_history()

shares = st.floats(0.001, 0.2)
years = st.integers(2025, 2040)
growth = st.floats(-0.1, 0.2)
target_paths = st.sampled_from(["linear-yen", "constant-growth", "linear-share"])


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    path = draw(st.sampled_from(PATHS))
    flat = path == "hold-flat"
    return Scenario("p", None if flat else draw(shares), None if flat else draw(years),
                    scope=draw(st.sampled_from(SCOPES)), denominator=draw(st.sampled_from(DENOMINATORS)),
                    path=path, after_target=draw(st.sampled_from(AFTER_TARGET)))


def project(sc: Scenario, g: float, history=HISTORY, **changes):
    return wide(model.project([sc], make_assumptions(growth_rate=g, until=2040, **changes), history,
                              since=2020))


@FAST
@given(scenarios(), growth)
def test_spending_over_denominator_is_the_share(sc, g):
    w = project(sc, g).dropna(subset=["spending_jpy"])
    np.testing.assert_allclose(w["spending_jpy"] / w["denominator_gdp_jpy"], w["share_of_gdp"], rtol=1e-12)
    np.testing.assert_allclose(w["spending_jpy"] / w["nominal_gdp_jpy"], w["share_of_gdp_same_year"], rtol=1e-12)
    np.testing.assert_allclose(w["spending_jpy"] / 500e12, w["share_of_gdp_fixed_fy2022"], rtol=1e-12)


@FAST
@given(shares, years, growth, target_paths, st.sampled_from(DENOMINATORS), st.sampled_from(SCOPES))
def test_target_met_exactly_in_target_year(share, year, g, path, denominator, scope):
    sc = Scenario("p", share, year, path=path, denominator=denominator, scope=scope)
    w = project(sc, g)
    assert w.at[year, "share_of_gdp"] == pytest.approx(share, rel=1e-12)


@FAST
@given(scenarios(), growth, st.floats(0.01, 100.0))
def test_scaling_all_yen_by_k(sc, g, k):
    """Same-year denominator: GDP and bundled spending x k -> every yen figure x k, shares unchanged."""
    from dataclasses import replace

    sc = replace(sc, denominator="same-year")
    base = project(sc, g)
    scaled = project(sc, g, history=make_history(gdp_scale=k, spending_scale=k))
    for m in ("spending_jpy", "nominal_gdp_jpy", "gap_to_baseline_jpy", "cumulative_spending_jpy"):
        np.testing.assert_allclose(scaled[m], k * base[m], rtol=1e-9, atol=1e-3 * k)
    for m in ("share_of_gdp", "share_of_gdp_same_year"):
        np.testing.assert_allclose(scaled[m], base[m], rtol=1e-9)


@FAST
@given(shares, years, growth, st.floats(0.01, 100.0))
def test_scaling_gdp_only_scales_target_yen(share, year, g, k):
    sc = Scenario("p", share, year, denominator="same-year")
    base = project(sc, g)
    scaled = project(sc, g, history=make_history(gdp_scale=k))
    assert scaled.at[year, "spending_jpy"] == pytest.approx(k * base.at[year, "spending_jpy"], rel=1e-9)
    assert scaled.at[year, "share_of_gdp"] == pytest.approx(base.at[year, "share_of_gdp"], rel=1e-9)


@FAST
@given(scenarios())
def test_zero_growth_gives_flat_gdp(sc):
    gdp = project(sc, 0.0)["nominal_gdp_jpy"]
    assert (gdp.loc[2024:] == 540e12).all()
    assert gdp.loc[2020:2024].tolist() == [500e12, 510e12, 520e12, 530e12, 540e12]


@FAST
@given(st.lists(st.floats(-0.3, 0.3), min_size=1, max_size=8))
def test_implied_growth_recovers_the_input_rates(rates):
    overrides = tuple((2025 + i, r) for i, r in enumerate(rates))
    w = project(Scenario("p", path="hold-flat"), 0.0, growth_overrides=overrides)["nominal_gdp_jpy"]
    implied = (w / w.shift(1) - 1).loc[2025:2024 + len(rates)]
    np.testing.assert_allclose(implied, rates, atol=1e-12)


@FAST
@given(shares, years, growth, st.sampled_from(DENOMINATORS))
def test_linear_yen_ramp_is_monotone(share, year, g, denominator):
    w = project(Scenario("p", share, year, denominator=denominator), g)
    ramp = w.loc[2024:year, "spending_jpy"].to_numpy()
    steps = np.diff(ramp)
    assert (steps >= -1e-3).all() if ramp[-1] >= ramp[0] else (steps <= 1e-3).all()
    np.testing.assert_allclose(steps, steps[0], rtol=1e-9, atol=1e-3)  # equal yen steps


@FAST
@given(st.floats(1e-3, 1e16), st.floats(1.0, 1000.0))
def test_currency_round_trips(jpy, rate):
    usd = convert(jpy, "JPY", "USD", jpy_per_usd=rate)
    assert usd == pytest.approx(jpy / rate, rel=1e-12)
    assert convert(usd, "USD", "JPY", jpy_per_usd=rate) == pytest.approx(jpy, rel=1e-12)
    assert convert(convert(jpy, "JPY", "trillion_JPY"), "trillion_JPY", "JPY") == pytest.approx(jpy, rel=1e-12)
    assert convert(jpy, "JPY", "trillion_JPY") == pytest.approx(jpy / 1e12, rel=1e-12)


# valid user text (spendcalc.text.check_text): no surrogates, controls or bidi overrides; lines
# and tabs only in multi-line fields; addresses http(s) or empty
_chars = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=sorted(BIDI_CONTROLS))
texts = st.text(_chars, max_size=80)
multiline_texts = st.text(st.one_of(_chars, st.sampled_from("\n\t")), max_size=80)
urls = st.one_of(st.just(""), st.from_regex(r"https?://[a-z0-9.-]{1,20}(/[A-Za-z0-9._~%?=&-]{0,20})?",
                                            fullmatch=True))
sources = st.builds(Source, texts, urls, multiline_texts)


@st.composite
def valid_scenarios(draw: st.DrawFn) -> Scenario:
    path = draw(st.sampled_from(PATHS))
    flat = path == "hold-flat"
    name = draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,20}", fullmatch=True))
    return Scenario(
        name,
        None if flat else draw(st.floats(0.001, 0.2)),
        None if flat else draw(st.integers(2012, 2100)),
        scope=draw(st.sampled_from(SCOPES)), denominator=draw(st.sampled_from(DENOMINATORS)),
        path=path, after_target=draw(st.sampled_from(AFTER_TARGET)), basis=draw(st.sampled_from(BASES)),
        title=draw(texts), description=draw(multiline_texts), sources=tuple(draw(st.lists(sources, max_size=3))),
    )


@FAST
@given(valid_scenarios())
def test_yaml_round_trip(sc):
    assert scenario_from_yaml(scenario_to_yaml(sc)) == sc


@pytest.mark.parametrize("path", sorted(SCENARIO_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_scenario_files_round_trip_byte_for_byte(path: Path):
    assert scenario_to_yaml(read_scenario_file(path)) == path.read_text(encoding="utf-8"), (
        f"{path} is not canonical: regenerate it with scenario_to_yaml(read_scenario_file(path))")
