"""The answer as a sentence: numbers checked against the projection's own rows, rounded as a
brief prints them; scenarios without a target, fixed denominators, missing values; the CLI."""

from __future__ import annotations

import io
import json
import math
from dataclasses import replace

import pandas as pd
import pytest
from helpers import run_cli as cli

import spendcalc
from spendcalc import model
from spendcalc.answers import answer as build_answer


def rows(name: str, year: int) -> tuple[dict[str, float], dict]:
    """Every measure of one scenario in one year, straight from ``spendcalc.project``."""
    tidy = spendcalc.project(name, until=max(year, 2040))
    sel = tidy[(tidy["scenario"] == name) & (tidy["fiscal_year"] == year)]
    return dict(zip(sel["measure"], sel["value"], strict=True)), tidy.attrs["methodology"][name]


def test_us_ask_sentence_has_the_projection_numbers_rounded_as_a_brief_prints_them():
    r, meta = rows("us-ask-3.5pct", 2035)
    sentence = spendcalc.answer("us-ask-3.5pct").sentence
    trillion = f"{r['spending_jpy'] / 1e12:.1f} trillion yen in FY2035"
    usd = f"${r['spending_usd'] / 1e9:.0f} bn at {meta['jpy_per_usd']:g} JPY/USD"
    real = f"{r['spending_real_jpy'] / 1e12:.1f} trillion in FY{meta['price_base_year']} prices"
    person = f"{int(round(r['spending_per_capita_jpy'] / 1000)) * 1000:,} yen per person"
    gap = f"{r['gap_to_baseline_jpy'] / 1e12:.1f} trillion yen more in FY2035 than the baseline"
    total = f"{r['cumulative_gap_to_baseline_jpy'] / 1e12:.1f} trillion yen more in total over FY2026–FY2035"
    same = f"same-year nominal GDP that is {r['share_of_gdp_same_year'] * 100:.1f}% of GDP"
    fixed = f"it is {r['share_of_gdp_fixed_fy2022'] * 100:.1f}%"
    for part in (trillion, usd, real, person, gap, total, same, fixed, meta["baseline_description"]):
        assert part in sentence, part
    assert sentence.startswith("Reaching 3.5% of GDP (same-year nominal GDP) by FY2035 means "
                               "security-related spending (with-supplementary) of 27.2 trillion yen")
    assert "27.2 trillion yen in FY2035" in sentence and "$175 bn" in sentence  # the figures


def test_exact_values_are_the_projection_values_with_units_and_definitions():
    r, meta = rows("us-ask-3.5pct", 2035)
    values = spendcalc.answer("us-ask-3.5pct").values.set_index("quantity")
    assert list(values.columns) == ["fiscal_year", "value", "unit", "definition"]
    for measure in ("spending_jpy", "spending_usd", "spending_real_jpy", "spending_per_capita_jpy",
                    "gap_to_baseline_jpy", "cumulative_gap_to_baseline_jpy",
                    "share_of_gdp_same_year", "share_of_gdp_fixed_fy2022"):
        assert values.at[measure, "value"] == pytest.approx(r[measure], rel=1e-12), measure
        assert values.at[measure, "fiscal_year"] == 2035
    assert meta["fx_assumption"] in values.at["spending_usd", "definition"]
    assert values.at["spending_real_jpy", "unit"] == "JPY of FY2025"
    assert meta["deflator"] == values.at["spending_real_jpy", "definition"]


@pytest.mark.parametrize("name", ["hold-flat", "original-fy2027", "accelerated-fy2025",
                                  "nato-hague-fy2035"])
def test_every_builtin_sentence_states_its_baseline_and_denominator_and_no_nan(name):
    result = spendcalc.answer(name)
    s = result.sentence
    assert "nan" not in s.lower() and "inf" not in s.lower()
    assert "baseline (common: the FY2025 security-related total" in s
    assert "Measured against same-year nominal GDP" in s and "FY2022 GDP held fixed at 560.0 trillion yen" in s
    assert s.count("FY") >= 3 and "trillion yen" in s
    scenario = spendcalc.get_scenario(name)
    assert f"{scenario.scope} spending ({scenario.basis})" in s  # what is counted


def test_hold_flat_has_no_target_and_reads_the_last_projected_year():
    r, meta = rows("hold-flat", 2040)
    s = spendcalc.answer("hold-flat").sentence
    assert s.startswith("Under 'Hold flat in yen (baseline)' (hold-flat), security-related spending "
                        "(with-supplementary) is")
    assert f"{r['spending_jpy'] / 1e12:.1f} trillion yen in FY2040" in s
    assert "less in FY2040 than the baseline" in s  # 10.2 trillion held vs the 11.0 trillion FY2025 level
    assert "own denominator: FY2022 GDP held fixed" in s


def test_original_fy2027_fixed_denominator():
    r, _ = rows("original-fy2027", 2027)
    s = spendcalc.answer("original-fy2027").sentence
    assert s.startswith("Reaching 2.0% of GDP (FY2022 GDP held fixed at 560.0 trillion yen) by FY2027")
    assert f"{r['spending_jpy'] / 1e12:.1f} trillion yen in FY2027" in s
    assert f"same-year nominal GDP that is {r['share_of_gdp_same_year'] * 100:.1f}% of GDP" in s


def test_target_already_due_says_so_and_has_no_cumulative_total():
    s = spendcalc.answer("accelerated-fy2025").sentence
    assert "falls due in FY2025, a year already budgeted (actual)" in s
    assert "no cumulative total" in s and "JPY/USD" not in s  # past years: not the stated rate


def test_missing_values_read_not_available():
    a = spendcalc.default_assumptions()
    h = spendcalc.load_history()
    sc = spendcalc.get_scenario("us-ask-3.5pct")
    tidy = model.project([sc], a, h, since=2025)
    head = model.headline_figures(sc, a, h)
    head = {**head, "spending_usd": float("nan"), "spending_per_capita_jpy": float("nan"),
            "spending_real_jpy": float("nan")}
    tidy2 = tidy[tidy["measure"] != "cumulative_gap_to_baseline_jpy"].copy()
    tidy2.attrs = tidy.attrs
    result = build_answer(tidy2, head)
    assert "nan" not in result.sentence.lower()
    assert result.sentence.count("not available") == 4
    assert result.values["value"].isna().sum() == 4


def test_other_assumptions_move_the_sentence():
    base = spendcalc.answer("us-ask-3.5pct").values.set_index("quantity")["value"]
    cheap = spendcalc.answer("us-ask-3.5pct", fx="200 JPY/USD")
    assert "at 200 JPY/USD" in cheap.sentence
    assert cheap.values.set_index("quantity").at["spending_usd", "value"] < base["spending_usd"]
    low = spendcalc.answer("us-ask-3.5pct", growth="0 %").values.set_index("quantity")["value"]
    assert low["spending_jpy"] < base["spending_jpy"]
    early = spendcalc.answer("us-ask-3.5pct", until=2030)  # the horizon reaches the target year
    assert "in FY2035" in early.sentence


def test_pure_function_refuses_an_unknown_scenario():
    a, h = spendcalc.default_assumptions(), spendcalc.load_history()
    sc = spendcalc.get_scenario("hold-flat")
    tidy = model.project([sc, replace(sc, name="other")], a, h)
    with pytest.raises(ValueError, match="expected one of"):
        build_answer(tidy, model.headline_figures(sc, a, h))  # two scenarios, none named


# ----------------------------------------------------------------------------------------------
# spendcalc answer
# ----------------------------------------------------------------------------------------------
def test_cli_text_is_the_sentence_then_exact_values(capsys):
    code, out, err = cli(capsys, "answer", "--scenario", "us-ask-3.5pct")
    assert code == 0, err
    first = out.splitlines()[0]
    assert first == spendcalc.answer("us-ask-3.5pct").sentence
    assert "Exact values" in out and "- spending_jpy, FY2035: 27156225963476" in out


def test_cli_csv_opens_with_plain_read_csv_and_json_has_both(capsys):
    code, out, err = cli(capsys, "answer", "--scenario", "original-fy2027", "--format", "csv")
    assert code == 0
    df = pd.read_csv(io.StringIO(out))
    assert list(df.columns) == ["quantity", "fiscal_year", "value", "unit", "definition"]
    exact = spendcalc.answer("original-fy2027").values
    assert df["value"].tolist() == pytest.approx(exact["value"].tolist(), rel=1e-9)
    assert "Reaching 2.0% of GDP" in err
    code, out, _ = cli(capsys, "answer", "--scenario", "hold-flat", "--format", "json", "--until", "2035")
    payload = json.loads(out)
    assert payload["sentence"].startswith("Under 'Hold flat") and "FY2035" in payload["sentence"]
    assert not any(isinstance(v["value"], float) and math.isnan(v["value"]) for v in payload["values"])


def test_cli_model_options_reach_the_sentence(capsys):
    code, out, _ = cli(capsys, "answer", "--scenario", "us-ask-3.5pct", "--fx", "100", "--denominator",
                       "fixed-fy2022")
    assert code == 0
    assert "at 100 JPY/USD" in out and "3.5% of GDP (FY2022 GDP held fixed at 560.0 trillion yen)" in out


@pytest.mark.parametrize("args, needle", [
    (["--scenario", "nope"], "'nope'"),
    (["--scenario", "hold-flat", "--growth", "abc"], "--growth"),
    (["--scenario", "hold-flat", "--growth", "500 %"], "--growth"),
    (["--scenario", "hold-flat", "--fx", "0"], "--fx"),
    (["--scenario", "hold-flat", "--format", "xml"], "--format"),
    ([], "--scenario"),
])
def test_cli_hostile_input_is_one_line_and_exit_2(capsys, args, needle):
    code, out, err = cli(capsys, "answer", *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_readable_table_rounds_only_and_leaves_out_empty_years():
    from spendcalc.answers import readable_table

    tidy = spendcalc.project("us-ask-3.5pct", until=2036)
    table = readable_table(tidy, "us-ask-3.5pct")
    assert table["FY"].iloc[0] == "FY2025" and table["FY"].iloc[-1] == "FY2036"  # no empty years
    r, _ = rows("us-ask-3.5pct", 2035)
    row = table.set_index("FY").loc["FY2035"]
    assert row["spending [trn JPY]"] == f"{r['spending_jpy'] / 1e12:,.2f}"
    assert row["of FY2022 GDP [%]"] == f"{r['share_of_gdp_fixed_fy2022'] * 100:.2f}"
    assert row["spending [USD bn]"] == f"{r['spending_usd'] / 1e9:,.1f}"
    assert row["per person [JPY]"] == f"{r['spending_per_capita_jpy']:,.0f}"
    assert row["status"] == "projection"
    first = table.set_index("FY").loc["FY2025"]
    assert first["cumulative extra [trn JPY]"] == "-"  # no value that year: a dash, never 'nan'
