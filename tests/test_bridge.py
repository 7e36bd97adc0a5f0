"""The definitions bridge: scope waterfall, quick conversions, per person, the government's
GDP outlook at the time. Hand-computable checks against the bundled figures."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import spendcalc
from spendcalc import api, data, model, reconcile
from spendcalc.data import History, load_history, read_calendar_gdp, read_population
from spendcalc.errors import SpendcalcError

T = 1e12


def steps(df: pd.DataFrame) -> list[tuple[str, float]]:
    return [(k, round(v / T, 4)) for k, v in zip(df["row_type"], df["value_jpy"], strict=True)]


# ----------------------------------------------------------------------------------------------
# Scope waterfall
# ----------------------------------------------------------------------------------------------
def test_fy2025_walks_from_the_mod_budget_to_11_trillion():
    df = spendcalc.bridge(2025)
    assert list(df.columns[:10]) == ["fiscal_year", "step", "row_type", "component", "value_jpy",
                                     "running_total_jpy", "share_of_gdp_fixed_fy2022",
                                     "share_of_gdp_same_year", "spending_per_capita_jpy", "status"]
    assert steps(df) == [("start", 8.4748), ("add", 0.2), ("residual", 0.0257), ("subtotal", 8.7005),
                         ("add", 0.7), ("add", 0.5), ("residual", -0.0005), ("subtotal", 9.9),
                         ("add", 1.1), ("total", 11.0)]
    running = [round(v / T, 4) for v in df["running_total_jpy"]]
    assert running == [8.4748, 8.6748, 8.7005, 8.7005, 9.4005, 9.9005, 9.9, 9.9, 11.0, 11.0]
    # every row except a residual has its own source; residuals say what they are
    real = df[df["row_type"] != "residual"]
    assert real["source_title"].str.len().gt(0).all() and real["source_url"].str.startswith("http").all()
    assert (df.loc[df["row_type"] == "residual", "component"] == reconcile.RESIDUAL).all()
    # shares are of the row's own value: 11.0 / 560 on the fixed FY2022 denominator
    total = df.iloc[-1]
    assert total["share_of_gdp_fixed_fy2022"] == pytest.approx(11.0 / 560)
    gdp = load_history().gdp_series("esri-2026q2")
    gdp25 = float(gdp.jpy[gdp.years == 2025][0])
    assert total["share_of_gdp_same_year"] == pytest.approx(11.0e12 / gdp25)


def test_every_step_walk_adds_up():
    for year in reconcile.BRIDGE_YEARS:
        df = spendcalc.bridge(year, basis="initial")
        run = 0.0
        for kind, v, r in zip(df["row_type"], df["value_jpy"], df["running_total_jpy"], strict=True):
            if math.isnan(v):
                break
            run = v if kind in ("start", "subtotal", "total") else run + v
            assert r == pytest.approx(run, abs=1), (year, kind)


def test_fy2024_has_a_derived_step_and_missing_supplementary():
    df = spendcalc.bridge("FY2024")
    other = df[df["component"] == reconcile.OTHER].iloc[0]
    assert other["status"] == "estimate"
    assert other["value_jpy"] == pytest.approx(1.2e12 - 230e9 - 224.7e9)  # 745.3 billion
    assert "derived" in other["derivation"]
    assert df.iloc[-1]["status"] == "missing" and math.isnan(df.iloc[-1]["value_jpy"])
    residual = df[df["row_type"] == "residual"]["value_jpy"]
    assert residual.tolist() == pytest.approx([8.9e12 - (7.9496e12 + 745.3e9 + 230e9)])


def test_fy2026_marks_estimates_and_fy2027_is_the_plan():
    df = spendcalc.bridge(2026)
    assert df.iloc[2]["value_jpy"] == pytest.approx(9.0353e12) and df.iloc[2]["status"] == "actual"
    assert (df.iloc[3:]["status"] == "estimate").all()
    assert df.iloc[-1]["value_jpy"] == pytest.approx(10.2348e12)
    plan = spendcalc.bridge(2027, basis="initial")
    assert steps(plan) == [("start", 8.9), ("add", 0.2), ("subtotal", 9.1), ("add", 0.9), ("add", 1.0),
                           ("subtotal", 11.0)]
    assert set(plan["status"]) == {"plan"}


def test_initial_basis_stops_at_the_initial_total():
    assert spendcalc.bridge(2025, basis="initial").iloc[-1]["value_jpy"] == pytest.approx(9.9e12)


def test_per_person_in_the_bridge_is_yen_over_population():
    df = spendcalc.bridge(2024)
    assert df.iloc[0]["spending_per_capita_jpy"] == pytest.approx(7.7249e12 / 123.802e6)


@pytest.mark.parametrize("year", [2023, 2030, "FY20x", "2025.0", True, None])
def test_a_year_without_components_is_an_error_listing_the_years(year):
    with pytest.raises(SpendcalcError) as exc:
        spendcalc.bridge(year)
    if year in (2023, 2030):
        assert "FY2024, FY2025, FY2026, FY2027" in str(exc.value)


def test_bad_basis():
    with pytest.raises(SpendcalcError, match="basis"):
        spendcalc.bridge(2025, basis="supplementary")


def test_bridge_is_pure_given_inputs():
    """The core reads nothing: the same inputs give the same table, other inputs other values."""
    figs = data.bridge_figures()
    inputs = reconcile.BridgeInputs(figures=figs, gdp_same_year={2025: (500e12, "synthetic")},
                                    reference_gdp_jpy=550e12, population={2025: 100e6})
    df = reconcile.bridge(2025, inputs=inputs)
    assert df.iloc[-1]["share_of_gdp_same_year"] == pytest.approx(11e12 / 500e12)
    assert df.iloc[-1]["share_of_gdp_fixed_fy2022"] == pytest.approx(11e12 / 550e12)
    assert df.iloc[-1]["spending_per_capita_jpy"] == pytest.approx(110_000)


# ----------------------------------------------------------------------------------------------
# Quick conversions
# ----------------------------------------------------------------------------------------------
def rows(df: pd.DataFrame) -> dict[str, float]:
    return dict(zip(df["quantity"], df["value"], strict=True))


def test_three_and_a_half_percent_of_calendar_2024_first_estimate_is_21_trillion():
    df = spendcalc.convert("3.5 %", year=2024, calendar=True, vintage="esri-first-estimate")
    r = rows(df)
    assert r["nominal_gdp_jpy"] == pytest.approx(609.2887e12)
    assert r["spending_jpy"] == pytest.approx(0.035 * 609.2887e12)  # 21.325 trillion
    assert round(r["spending_jpy"] / T, 3) == 21.325
    assert r["spending_per_capita_jpy"] == pytest.approx(r["spending_jpy"] / 123.802e6)
    assert r["spending_usd"] == pytest.approx(r["spending_jpy"] / load_history().fx_annual[2024])
    assert "calendar year" in df.loc[df["quantity"] == "nominal_gdp_jpy", "definition"].iloc[0]
    assert (df["year"] == "CY2024").all()
    # the distance to the FY2035 cost of the us-ask-3.5pct path
    tidy = spendcalc.project("us-ask-3.5pct", until=2035)
    fy2035 = tidy[(tidy["measure"] == "spending_jpy") & (tidy["fiscal_year"] == 2035)]["value"].iloc[0]
    assert r["us-ask-3.5pct_fy2035_spending_jpy"] == pytest.approx(fy2035)
    assert r["difference_to_us-ask-3.5pct_fy2035_jpy"] == pytest.approx(r["spending_jpy"] - fy2035)


def test_eleven_trillion_in_fy2025_on_both_denominators():
    r = rows(spendcalc.convert("11 trillion JPY", year=2025))
    gdp = load_history().gdp_series("esri-2026q2")
    assert r["share_of_gdp_same_year"] == pytest.approx(11e12 / float(gdp.jpy[gdp.years == 2025][0]))
    assert r["share_of_gdp_fixed_fy2022"] == pytest.approx(11 / 560)
    assert r["spending_usd"] == pytest.approx(11e12 / load_history().fx_fiscal[2025])
    assert "us-ask-3.5pct_fy2035_spending_jpy" not in r  # a yen value has no path distance


def test_share_of_fiscal_year_gdp_and_the_fixed_reading():
    r = rows(spendcalc.convert(0.02, year="FY2024"))
    gdp = load_history().gdp_series("esri-2026q2")
    assert r["spending_jpy"] == pytest.approx(0.02 * float(gdp.jpy[gdp.years == 2024][0]))
    assert r["spending_jpy_on_fy2022_reference_gdp"] == pytest.approx(0.02 * 560e12)


def test_calendar_vintage_without_calendar_figures_is_an_error_not_a_fallback():
    with pytest.raises(SpendcalcError, match="esri-first-estimate"):
        spendcalc.convert("3.5 %", year=2024, calendar=True, vintage="esri-2026q2")
    with pytest.raises(SpendcalcError, match="2023, 2024, 2025"):
        spendcalc.convert("3.5 %", year=2022, calendar=True)


@pytest.mark.parametrize("value", ["3.5", "3.5 USD", "5 kg", "1,5 %", "-1 %", "0 %", "2000 trillion JPY",
                                   "", "3.5 % %", "eleven trillion JPY", None, True, float("nan"), 35])
def test_convert_refuses_what_is_not_a_share_or_yen(value):
    with pytest.raises(SpendcalcError):
        spendcalc.convert(value, year=2024)


def test_parse_value_kinds():
    assert reconcile.parse_value("3.5 %") == ("share", pytest.approx(0.035))
    assert reconcile.parse_value("11 兆円") == ("jpy", pytest.approx(11e12))
    assert reconcile.parse_value("11 trillion yen") == ("jpy", pytest.approx(11e12))


# ----------------------------------------------------------------------------------------------
# Government ratios as reported: the GDP outlook at the time of each budget
# ----------------------------------------------------------------------------------------------
def test_government_same_year_ratios_reproduced_with_the_outlook_of_their_time():
    # no GDP preset is built on the outlook vintage: years after it need a stated constant growth
    with pytest.raises(spendcalc.SpendcalcError, match="no bundled preset is built on gov-outlook"):
        spendcalc.project("original-fy2027", vintage="gov-outlook-at-the-time", until=2030)
    tidy = spendcalc.project("original-fy2027", vintage="gov-outlook-at-the-time", scope="security-related",
                             denominator="same-year", until=2030, growth="1 %")
    share = tidy[tidy["measure"] == "share_of_gdp"].set_index("fiscal_year")["value"]
    assert share[2024] == pytest.approx(8.9 / 615)  # 1.447% -> reported "1.4%"
    assert share[2025] == pytest.approx(9.9 / (615 * 1.027))  # 1.567% -> reported "1.6%"
    assert round(share[2024] * 100, 1) == 1.4 and round(share[2025] * 100, 1) == 1.6
    status = tidy[tidy["measure"] == "nominal_gdp_jpy"].set_index("fiscal_year")["status"]
    assert status[2024] == "estimate"  # an outlook, never labelled actual
    r = rows(spendcalc.convert("9.9 trillion JPY", year=2025, vintage="gov-outlook-at-the-time"))
    assert round(r["share_of_gdp_same_year"] * 100, 1) == 1.6
    # on the latest ESRI vintage the same yen give a lower same-year share
    latest = rows(spendcalc.convert("9.9 trillion JPY", year=2025))
    assert latest["share_of_gdp_same_year"] < r["share_of_gdp_same_year"]


def test_outlook_vintage_lists_are_one():
    assert model.OUTLOOK_VINTAGES == data.OUTLOOK_VINTAGES


def test_calendar_gdp_is_not_in_the_fiscal_year_vintages():
    cy, _ = read_calendar_gdp()
    assert set(cy["vintage"]) == {"esri-first-estimate"}
    assert cy.set_index("calendar_year")["nominal_gdp_jpy"].to_dict() == pytest.approx(
        {2023: 591.482e12, 2024: 609.2887e12, 2025: 662.7885e12})
    assert "esri-first-estimate" not in {v for v in load_history().gdp["vintage"]}


# ----------------------------------------------------------------------------------------------
# Per person
# ----------------------------------------------------------------------------------------------
def test_population_table():
    pop, _ = read_population()
    p = pop.set_index("year")
    assert p.loc[2024, "population"] == pytest.approx(123.802e6)
    assert p.loc[2017, "kind"] == "estimate" and p.loc[2020, "kind"] == "estimate"
    assert p.loc[2045, "kind"] == "projection" and p.loc[2045, "population"] == pytest.approx(108.8e6)
    assert list(p.index) == sorted(p.index) and (p["population"] > 80e6).all()


def test_population_interpolates_to_the_ipss_projection_and_holds_after():
    h = load_history()
    vals, codes = model.population_persons(h, np.array([2011, 2024, 2025, 2034, 2045, 2080]))
    assert math.isnan(vals[0])
    assert vals[1] == pytest.approx(123.802e6) and codes[1] == 0
    step = (108.80e6 - 123.802e6) / 21
    assert vals[2] == pytest.approx(123.802e6 + step) and codes[2] == 2
    assert vals[3] == pytest.approx(123.802e6 + 10 * step)
    assert vals[4] == pytest.approx(108.8e6) and codes[4] == 3
    assert vals[5] == pytest.approx(87.0e6) and codes[5] == 3


def test_per_capita_measures_are_spending_over_population():
    tidy = spendcalc.project("original-fy2027", until=2040)
    w = tidy.pivot_table(index="fiscal_year", columns="measure", values="value")
    vals, _ = model.population_persons(load_history(), w.index.to_numpy())
    assert np.allclose(w["spending_per_capita_jpy"], w["spending_jpy"] / vals, equal_nan=True)
    assert np.allclose(w["spending_per_capita_usd"], w["spending_usd"] / vals, equal_nan=True)
    assert w.loc[2024, "spending_per_capita_jpy"] == pytest.approx(8.9e12 / 123.802e6)
    assert model.MEASURES["spending_per_capita_jpy"] == "JPY"
    assert model.MEASURES["spending_per_capita_usd"] == "USD"
    meta = tidy.attrs["methodology"]["original-fy2027"]
    assert "ASSUMPTION" in meta["population"] and "IPSS" in meta["population"]


def test_per_capita_absent_without_population():
    h = load_history()
    bare = History(spending=h.spending, gdp=h.gdp, presets=h.presets)
    tidy = model.project(api.resolve_scenarios("hold-flat"), spendcalc.default_assumptions(), bare)
    assert "spending_per_capita_jpy" not in set(tidy["measure"])
    assert "spending_jpy" in set(tidy["measure"])


def test_readme_names_the_vintages_and_the_worked_numbers():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "gov-outlook-at-the-time" in text and "esri-first-estimate" in text
    r = rows(spendcalc.convert("3.5 %", year=2024, calendar=True))
    assert f"{r['spending_jpy'] / T:.3f} trillion" in text  # 21.325, as computed
    assert "spendcalc bridge --year" in text and "spendcalc convert" in text


def test_headline_names_dollars_real_terms_and_per_person_for_the_target_year():
    """The headline carries the target year's USD, real and per-person figures, from the projection."""
    sc = spendcalc.get_scenario("us-ask-3.5pct")
    a = spendcalc.default_assumptions()
    h = spendcalc.headline_figures(sc, a, load_history())
    tidy = spendcalc.project(sc, until=max(a.until, 2035))
    row = tidy[tidy["fiscal_year"] == 2035].set_index("measure")["value"]
    assert h["target_year"] == 2035
    for key in ("spending_usd", "spending_real_jpy", "spending_per_capita_jpy", "spending_per_capita_usd"):
        assert h[key] == pytest.approx(row[key]), key
    pop, _ = model.population_persons(load_history(), np.array([2035]))
    assert h["spending_per_capita_jpy"] == pytest.approx(h["target_spending_jpy"] / pop[0])
    assert h["spending_usd"] == pytest.approx(h["target_spending_jpy"] / a.jpy_per_usd)  # projected year
