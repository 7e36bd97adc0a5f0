"""The methodology's texts and caveats, one set of facts rendered in English and Japanese.

``tests/cases/methodology_en.json`` holds the English texts the model wrote before they were
rendered from facts (every built-in and two custom scenarios under eleven sets of assumptions:
FX history on and off, each past-years rate, constant growth and every preset, both baselines, an
older vintage): the English must stay exactly as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

import spendcalc
from spendcalc import methodology, model
from spendcalc.assumptions import Scenario
from spendcalc.i18n import MESSAGES

CASES = json.loads((Path(__file__).parent / "cases" / "methodology_en.json").read_text(encoding="utf-8"))
HISTORY = spendcalc.load_history()
DEFAULTS = spendcalc.default_assumptions()
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ASCII_WORD = re.compile(r"[A-Za-z]{3,}")


def case_inputs(case: dict) -> tuple[Scenario, spendcalc.Assumptions]:
    return Scenario(**case["scenario"]), replace(DEFAULTS, **case["assumptions"])


def test_the_cases_cover_every_kind_of_text():
    texts = {f: {c["expected"][f] for c in CASES} for f in ("gdp_assumption", "fx_assumption", "baseline_description")}
    assert len(texts["fx_assumption"]) == 5 and len(texts["gdp_assumption"]) >= 5
    assert any(t.startswith("common:") for t in texts["baseline_description"])
    assert any(t.startswith("own:") for t in texts["baseline_description"])
    kinds = {c.split(" ")[0] for case in CASES for c in case["expected"]["caveats"]}
    assert {"the", "target", "same-year", "security-related"} <= kinds


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['scenario']['name']}-{sorted(c['assumptions'])}")
def test_english_methodology_is_unchanged(case):
    sc, a = case_inputs(case)
    meta = model.project([sc], a, HISTORY).attrs["methodology"][sc.name]
    assert {f: meta[f] for f in case["expected"]} == case["expected"]


@pytest.mark.parametrize("case", CASES[::7], ids=lambda c: f"{c['scenario']['name']}-{sorted(c['assumptions'])}")
def test_japanese_methodology_says_the_same_in_japanese(case):
    sc, a = case_inputs(case)
    meta = model.project([sc], a, HISTORY).attrs["methodology"][sc.name]
    facts = model.methodology_facts(sc, a, HISTORY, meta["anchor_year"], meta["baseline"])
    assert methodology.texts(facts, "en") == {f: meta[f] for f in (*methodology.TEXT_FIELDS, "caveats")}
    ja = methodology.texts(facts, "ja")
    for field in methodology.TEXT_FIELDS:
        assert JAPANESE.search(ja[field]), field
        # the same numbers: every number of the English text appears in the Japanese one
        for number in re.findall(r"\d+(?:\.\d+)?%?", meta[field].replace("FYnnnn", "").replace("~15 million", "")):
            assert number in ja[field] or number.rstrip("%") in ja[field], (field, number, ja[field])
        leftover = [w for w in ASCII_WORD.findall(re.sub(r"esri-\d{4}q\d|cao-\S+|data/README\.md", "", ja[field]))
                    if w.lower() not in {"gdp"}]
        assert not leftover, (field, ja[field])
    assert len(ja["caveats"]) == len(meta["caveats"])
    assert all(JAPANESE.search(c) and not ASCII_WORD.findall(re.sub(r"esri-\d{4}q\d|data/README\.md|GDP", "", c))
               for c in ja["caveats"])
    assert methodology.localized(meta, facts, "ja") == meta | ja
    assert methodology.localized(meta, facts, "en") == meta


def test_japanese_fx_text_follows_each_setting():
    def fx(**kw):
        facts = model.methodology_facts(get("us-ask-3.5pct"), replace(DEFAULTS, **kw), HISTORY, 2026)
        return methodology.text(facts, "fx_assumption", "ja")

    assert fx(fx_rate_for_actuals="stated") == "全年度1米ドル＝155.2円（設定したレート）"
    assert "年度平均" in fx() and "米連邦準備制度" not in fx()
    both = fx(fx_history=True)
    assert "米連邦準備制度の暦年平均" in both and "暦年平均を用いない" in both and both.endswith("1米ドル＝155.2円（設定したレート）")
    assert "年度平均" not in fx(fx_history=True, fx_rate_for_actuals="stated")
    assert "1米ドル＝140円" in fx(jpy_per_usd=140.0)


def get(name: str) -> Scenario:
    return next(s for s in spendcalc.builtin_scenarios() if s.name == name)


def test_preset_extension_and_reported_ratio_are_rendered_from_the_data_not_quoted():
    for name, preset in HISTORY.presets.items():
        a = replace(DEFAULTS, gdp_preset=name, gdp_vintage=preset.vintage)
        facts = model.methodology_facts(get("hold-flat"), a, HISTORY, 2026)
        ja = methodology.text(facts, "gdp_assumption", "ja")
        assert "原文" not in ja and f"{max(preset.growth)}年度より後は年{preset.extend_rate:.1%}" in ja, name
        assert "内閣府「中長期の経済財政に関する試算」" in ja and preset.published in ja
    reported = HISTORY.constants["reported_same_year_ratio"]
    text = methodology.caveat("same_year", {"vintage": "esri-2026q2", "reported": reported}, "ja")
    assert text.endswith("（政府公表値：2025年度当初予算で1.6%）")
    # a text that does not parse is quoted as it is, marked as the original
    odd = methodology.caveat("same_year", {"vintage": "v", "reported": "about 1.6%"}, "ja")
    assert odd.endswith("（原文（英語）：about 1.6%）")
    assert methodology.caveat("same_year", {"vintage": "v", "reported": None}, "en").endswith("are higher")


def test_catalogue_english_of_fixed_texts_is_the_models():
    assert MESSAGES["method.population"][0] == model.POPULATION_NOTE
    assert model.baseline_text("own", get("hold-flat"), DEFAULTS, HISTORY, 2026).startswith("own: the scenario's")


def test_unknown_fields_and_languages_are_errors():
    facts = model.methodology_facts(get("hold-flat"), DEFAULTS, HISTORY, 2026)
    with pytest.raises(KeyError, match="gdp_assumption"):
        methodology.text(facts, "nonsense")
    with pytest.raises(spendcalc.SpendcalcError, match="lang"):
        methodology.text(facts, "deflator", "fr")
    with pytest.raises(KeyError, match="mod_target"):
        methodology.caveat("other", {}, "en")


def test_the_japanese_chart_note_names_calendar_year_averages_where_they_are_used():
    from spendcalc import chartdata

    calendar = spendcalc.project(["hold-flat"], assumptions=replace(DEFAULTS, fx_history=True))
    assert "過去の年度は暦年平均（米連邦準備制度）" in chartdata.methodology_note(calendar, lang="ja")
    fiscal = spendcalc.project(["hold-flat"])
    assert "過去の年度は年度平均" in chartdata.methodology_note(fiscal, lang="ja")
