"""The SIPRI-comparable calendar-year series (spendcalc.sipri_series, ``spendcalc sipri``)."""

from __future__ import annotations

import io
import json
import math
import re

import pandas as pd
import pytest
from helpers import run_cli as run

import spendcalc
from spendcalc import sipri
from spendcalc.data import read_budget_history, read_gdp_history, sipri_inputs

T = 1e12


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return spendcalc.sipri_series().set_index("calendar_year")


def test_columns_and_years(df):
    assert list(df.reset_index().columns) == sipri.COLUMNS
    assert df.index[0] == 2013 and df.index[-1] == 2025
    assert (df["status"] == "estimate").all()
    assert df["method"].str.contains("3/4 FY").all()


def test_cy2024_is_three_quarters_fy2024_plus_a_quarter_fy2023_by_hand(df):
    # MOD budgets incl. SACO/realignment plus supplementaries (bundled figures, trillion yen)
    fy2024 = 7.9496 + 0.8268
    fy2023 = 6.8219 + 0.8130
    assert df.at[2024, "spending_jpy"] == pytest.approx((0.75 * fy2024 + 0.25 * fy2023) * T, rel=1e-12)
    assert df.at[2024, "spending_initial_only_jpy"] == pytest.approx((0.75 * 7.9496 + 0.25 * 6.8219) * T, rel=1e-12)
    gdp = 0.75 * 645.1387 + 0.25 * 620.6055  # ESRI esri-2026q2, FY2024 and FY2023
    assert df.at[2024, "nominal_gdp_jpy"] == pytest.approx(gdp * T, rel=1e-12)
    assert df.at[2024, "share_of_gdp"] == pytest.approx((0.75 * fy2024 + 0.25 * fy2023) / gdp, rel=1e-12)
    assert df.at[2024, "spending_usd"] == pytest.approx(df.at[2024, "spending_jpy"] / 151.4551, rel=1e-12)
    assert df.at[2024, "nominal_gdp_cy_first_estimate_jpy"] == 609.2887 * T
    assert df.at[2024, "share_of_gdp_on_first_estimate"] == pytest.approx(
        df.at[2024, "spending_jpy"] / (609.2887 * T), rel=1e-12)


def test_sipri_figures_side_by_side_and_the_difference_splits_exactly(df):
    assert df.at[2024, "sipri_share_of_gdp"] == pytest.approx(0.013713969, rel=1e-12)
    assert df.at[2024, "sipri_spending_usd"] == 55.3e9
    assert df.at[2024, "sipri_spending_jpy_implied"] == pytest.approx(55.3e9 * 151.4551, rel=1e-12)
    both = df.dropna(subset=["sipri_spending_usd", "sipri_share_of_gdp"])
    assert len(both) == 11  # 2013, 2015-2024
    total = both["spending_effect_pt"] + both["gdp_effect_pt"]
    pd.testing.assert_series_equal(total, both["difference_share_pt"], check_names=False, rtol=1e-9)
    diff = (both["share_of_gdp"] - both["sipri_share_of_gdp"]) * 100
    pd.testing.assert_series_equal(diff, both["difference_share_pt"], check_names=False, rtol=1e-12)
    # every difference is within 0.1 percentage point and explained in one generated line
    assert (both["difference_share_pt"].abs() < 0.1).all()
    for year, text in df["explanation"].items():
        assert "\n" not in text and text, year
    assert df.at[2024, "explanation"].startswith("gap -0.04 pt = spending +0.02 pt")
    assert "SIPRI dollars not bundled for 2014" in df.at[2014, "explanation"]
    assert df.at[2025, "explanation"] == "SIPRI share not bundled for this year: no comparison"


def test_supplementary_status_per_fiscal_year(df):
    inputs = sipri_inputs()
    supp = inputs["supplementary"]
    assert 2013 not in supp  # not found: said so
    assert supp[2012][:2] == (212.4e9, "actual")
    assert {fy: supp[fy][1] for fy in (2015, 2017, 2019)} == dict.fromkeys((2015, 2017, 2019), "estimate")
    assert supp[2016][0] == pytest.approx((21.7 + 176.9) * 1e9)  # two rounds summed
    assert df.loc[2013:2014, "supplementary_status"].eq("missing").all()
    assert df.loc[2015:2020, "supplementary_status"].eq("estimate").all()
    assert df.loc[2021:2025, "supplementary_status"].eq("actual").all()
    assert "FY2013 none found" in df.at[2014, "method"]
    assert "counted as zero" in df.at[2013, "explanation"]


def test_approximate_supplementaries_stay_out_of_the_model():
    hist, _ = read_budget_history()
    ws = hist[(hist["scope"] == "mod-budget") & (hist["basis"] == "with-supplementary")]
    assert 2012 in set(ws["fiscal_year"])  # the exact FY2012 figure is used
    assert not {2013, 2015, 2017, 2019} & set(ws["fiscal_year"])


def test_calendar_weighting_by_hand():
    assert sipri.calendar_weighted({2023: 4.0, 2024: 8.0}, 2024) == 7.0
    assert math.isnan(sipri.calendar_weighted({2024: 8.0}, 2024))


def test_other_vintage_changes_only_gdp(df):
    old = spendcalc.sipri_series(vintage="esri-2025q1").set_index("calendar_year")
    gdp, _ = read_gdp_history()
    fy = gdp[gdp["vintage"] == "esri-2025q1"].set_index("fiscal_year")["nominal_gdp_jpy"]
    assert old.index[-1] == 2024  # the vintage ends with FY2024
    pd.testing.assert_series_equal(old["spending_jpy"], df.loc[:2024, "spending_jpy"])
    assert old.at[2020, "nominal_gdp_jpy"] == pytest.approx(0.75 * fy[2020] + 0.25 * fy[2019], rel=1e-12)


def test_projects_hypothesis_is_checked_by_the_data(df):
    """SIPRI's implied yen is within ~1% of initial budgets 2013-2020, ~2.5% of with-supplementary 2021-2024."""
    r0 = df["sipri_spending_jpy_implied"] / df["spending_initial_only_jpy"] - 1
    r1 = df["sipri_spending_jpy_implied"] / df["spending_jpy"] - 1
    assert r0.loc[2013:2020].dropna().abs().max() < 0.012
    assert r1.loc[2021:2024].abs().max() < 0.025


# --- command line ------------------------------------------------------------------------------
def test_cli_formats(capsys, df):
    code, out, err = run(capsys, "sipri", "--format", "csv")
    assert code == 0 and err == ""
    got = pd.read_csv(io.StringIO(out))
    assert list(got.columns) == sipri.COLUMNS
    assert got.set_index("calendar_year").at[2024, "share_of_gdp"] == pytest.approx(df.at[2024, "share_of_gdp"])
    code, out, _ = run(capsys, "sipri", "--format", "json")
    assert code == 0 and json.loads(out)[0]["calendar_year"] == 2013
    code, out, _ = run(capsys, "sipri")
    assert code == 0 and "CY2024: gap -0.04 pt" in out and "Method (every row is an estimate)" in out


@pytest.mark.parametrize("args", [
    ("--vintage", "nope"), ("--vintage", ""), ("--vintage", "x" * 500), ("--vintage", "esri-2026q2\n"),
    ("--format", "xml"), ("--year", "2024"), ("--vintage",),
])
def test_cli_hostile_input_exits_2_with_one_line(capsys, args):
    code, out, err = run(capsys, "sipri", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "error" in err and len(err) < 400


def test_explanations_in_both_languages_say_the_same_numbers(df):
    table = df.reset_index()
    vintage = spendcalc.default_assumptions().gdp_vintage
    assert sipri.explanations(table, vintage, "en") == list(table["explanation"])
    ja = sipri.explanations(table, vintage, "ja")
    for en_text, ja_text in zip(table["explanation"], ja, strict=True):
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", ja_text)
        assert not re.findall(r"\b(?!SIPRI|IMF|GDP)[A-Za-z]{3,}", ja_text.replace("esri-", "")), ja_text
        # every signed difference and percent of the English is in the Japanese
        for number in re.findall(r"[+-]\d+\.\d+%?", en_text):
            assert number in ja_text, (number, ja_text)
    assert ja[-1] == "SIPRIの対GDP比を収録していない年のため比較なし"
    assert "ゼロとして計算" in ja[0] and "概算" in ja[2]
