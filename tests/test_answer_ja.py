"""The answer and the per-year table in Japanese: the same values as the English, every printed
number agreeing with them after rounding, in Japanese conventions (兆円, 億円, 億ドル, 万円, 年度,
対GDP比) and the government's terms; the command line's ``--lang``."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from helpers import run_cli as cli

import spendcalc
from spendcalc import model
from spendcalc.answers import answer as build_answer
from spendcalc.answers import readable_table

BUILTINS = [s.name for s in spendcalc.builtin_scenarios()]
#: a printed amount in Japanese conventions: number and unit
JA_AMOUNT = re.compile(r"(-?[\d,]+(?:\.\d+)?)(兆円|億円|億ドル|万円|%)")
JA_SCALE = {"兆円": 1e12, "億円": 1e8, "億ドル": 1e8, "万円": 1e4, "%": 0.01}


def printed_amounts(sentence: str) -> list[tuple[float, float]]:
    """Each amount of a Japanese sentence as (value in yen, dollars or fraction, half of its last
    printed digit)."""
    out = []
    for number, unit in JA_AMOUNT.findall(sentence):
        decimals = len(number.split(".")[1]) if "." in number else 0
        scale = JA_SCALE[unit]
        out.append((float(number.replace(",", "")) * scale, 0.5 * 10 ** -decimals * scale))
    return out


@pytest.mark.parametrize("baseline", ["own", "common"])
@pytest.mark.parametrize("name", BUILTINS)
def test_japanese_and_english_carry_identical_values_and_the_same_numbers(name, baseline):
    en = spendcalc.answer(name, baseline=baseline)
    ja = spendcalc.answer(name, baseline=baseline, lang="ja")
    pd.testing.assert_frame_equal(en.values, ja.values)
    assert ja.sentence != en.sentence
    meta = spendcalc.project(name, baseline=baseline).attrs["methodology"][name]
    tidy = spendcalc.project(name, baseline=baseline, until=max(2040, int(en.values["fiscal_year"][0])))
    year = int(en.values["fiscal_year"][0])
    level = tidy[(tidy["scenario"] == name) & (tidy["fiscal_year"] == year)
                 & (tidy["measure"] == "baseline_spending_jpy")]["value"]
    known = [abs(v) for v in en.values["value"].dropna()]
    known += [meta["reference_gdp_jpy"], meta["target_share"] or 0.0, *map(float, level), 0.0]
    for value, half in printed_amounts(ja.sentence):
        assert any(abs(value - k) <= half * (1 + 1e-9) for k in known), (value, ja.sentence)
    # every exact value appears in the sentence, rounded the Japanese way
    shown = printed_amounts(ja.sentence)
    assert len(shown) >= 8, ja.sentence
    for q, v in zip(ja.values["quantity"], ja.values["value"], strict=True):
        if v == v and abs(v) >= 5e7:  # NaN and amounts that print as zero are said in words
            assert any(abs(abs(v) - s) <= h * (1 + 1e-9) for s, h in shown), (q, v, ja.sentence)


def test_us_ask_in_japanese_conventions_and_official_terms():
    en = spendcalc.answer("us-ask-3.5pct")
    s = spendcalc.answer("us-ask-3.5pct", lang="ja").sentence
    v = en.values.set_index("quantity")["value"]
    assert s.startswith("2035年度に対GDP比3.5%（当該年度の名目GDP）に達するには、"
                        "安全保障に関連する経費（当初予算＋補正予算）を2035年度に")
    assert f"{v['spending_jpy'] / 1e12:.1f}兆円" in s
    assert f"{v['spending_usd'] / 1e8:,.0f}億ドル、1ドル＝155.2円換算" in s
    assert f"2025年度価格で{v['spending_real_jpy'] / 1e12:.1f}兆円" in s
    assert f"国民1人当たり{round(v['spending_per_capita_jpy'], -3) / 1e4:.1f}万円" in s
    assert f"2026〜2035年度の累計では{v['cumulative_gap_to_baseline_jpy'] / 1e12:.1f}兆円多い" in s
    assert "対GDP比3.5%" in s and "2022年度の名目GDP" in s
    # the English per person (nearest thousand yen) and the Japanese 万円 are the same rounding
    en_person = re.search(r"([\d,]+) yen per person", en.sentence).group(1)
    ja_person = re.search(r"国民1人当たり([\d.]+)万円", s).group(1)
    assert int(en_person.replace(",", "")) == round(float(ja_person) * 1e4)
    # no English words left except the scenario's name; GDP is Japanese usage too
    assert not re.search(r"FY|trillion|baseline|[A-Za-z]{4,}", s.replace("GDP", ""))


def test_japanese_sentence_for_each_kind_of_scenario():
    flat = spendcalc.answer("hold-flat", baseline="own", lang="ja").sentence
    assert flat.startswith("シナリオ「hold-flat」") and "比較基準と同水準である" in flat
    assert "0億円多い" not in flat and "累計でも比較基準と同水準である" in flat
    due = spendcalc.answer("accelerated-fy2025", lang="ja").sentence
    assert "2025年度は既に予算が決まっている（実績）" in due and "累計はない" in due
    assert "換算レートは値の一覧を参照" in due  # a past year: not the stated rate
    fixed = spendcalc.answer("original-fy2027", lang="ja").sentence
    assert "対GDP比2.0%（2022年度の名目GDP（560.0兆円で固定））" in fixed
    small = spendcalc.answer("original-fy2027", baseline="own", lang="ja")
    gap = small.values.set_index("quantity").at["gap_to_baseline_jpy", "value"]
    assert abs(gap) < 1e12 and f"{gap / 1e8:,.0f}億円" in small.sentence  # 億円 below a trillion
    common = spendcalc.answer("us-ask-3.5pct", baseline="common", lang="ja").sentence
    assert ("比較基準：2025年度の安全保障に関連する経費（当初予算＋補正予算）11.0兆円を全シナリオ共通で"
            in common)


def test_missing_values_read_gaitounashi_in_japanese():
    a, h = spendcalc.default_assumptions(), spendcalc.load_history()
    sc = spendcalc.get_scenario("us-ask-3.5pct")
    tidy = model.project([sc], a, h, since=2025)
    head = {**model.headline_figures(sc, a, h), "spending_usd": float("nan"),
            "spending_per_capita_jpy": float("nan"), "spending_real_jpy": float("nan")}
    tidy2 = tidy[tidy["measure"] != "cumulative_gap_to_baseline_jpy"].copy()
    tidy2.attrs = tidy.attrs
    ja = build_answer(tidy2, head, lang="ja")
    assert "nan" not in ja.sentence.lower() and ja.sentence.count("該当なし") == 4
    pd.testing.assert_frame_equal(ja.values, build_answer(tidy2, head).values)


def test_unknown_language_is_refused_naming_the_field():
    with pytest.raises(spendcalc.SpendcalcError, match="lang"):
        spendcalc.answer("hold-flat", lang="jp")


def test_cli_answer_lang_ja(capsys):
    code, out, err = cli(capsys, "answer", "--scenario", "us-ask-3.5pct", "--lang", "ja")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == spendcalc.answer("us-ask-3.5pct", lang="ja").sentence
    assert "正確な値" in out and "- 歳出額（名目、円）（spending_jpy）, 2035年度: 27156225963476" in out
    code, out_csv, _ = cli(capsys, "answer", "--scenario", "us-ask-3.5pct", "--lang", "ja", "--format", "csv")
    _, out_en, _ = cli(capsys, "answer", "--scenario", "us-ask-3.5pct", "--format", "csv")
    assert out_csv == out_en  # the values and their column names are the interface
    code, out, err = cli(capsys, "answer", "--scenario", "hold-flat", "--lang", "fr")
    assert code == 2 and out == "" and "--lang" in err and err.count("\n") == 1


def test_readable_table_in_japanese_has_the_same_cells():
    tidy = spendcalc.project("us-ask-3.5pct", until=2036)
    en = readable_table(tidy, "us-ask-3.5pct")
    ja = readable_table(tidy, "us-ask-3.5pct", lang="ja")
    assert list(ja.columns[:4]) == ["年度", "区分", "歳出額［兆円］", "対当該年度GDP比［%］"]
    assert ja["年度"].iloc[-1] == "2036年度" and ja["区分"].iloc[-1] == "試算"
    assert ja.iloc[:, 2:].to_numpy().tolist() == en.iloc[:, 2:].to_numpy().tolist()


def test_cli_project_table_in_japanese_and_csv_unchanged(capsys):
    args = ("project", "--scenario", "original-fy2027", "--until", "2030")
    code, out, err = cli(capsys, *args, "--format", "table", "--lang", "ja")
    assert code == 0, err
    assert "安全保障に関連する経費、当初予算" in out and "歳出額［兆円］" in out and "2027年度" in out
    assert "計算方法" in out and "trn JPY" not in out
    _, csv_ja, _ = cli(capsys, *args, "--lang", "ja")
    _, csv_en, _ = cli(capsys, *args)
    assert csv_ja == csv_en and list(pd.read_csv(io.StringIO(csv_ja)).columns)[0] == "scenario"
