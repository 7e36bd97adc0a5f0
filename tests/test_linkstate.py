"""The app's link codec (spendcalc.linkstate): every parameter read strictly, written back the same."""

from __future__ import annotations

from dataclasses import replace

import pytest

import spendcalc
from spendcalc import linkstate
from spendcalc.linkstate import Link, link_query, read_link

BUILTINS = ("original-fy2027", "us-ask-3.5pct", "hold-flat")
#: every parameter a shared link may carry (besides ``tab``, bound by Streamlit, and ``up``)
NAMES = {"sc", "share", "year", "path", "cden", "gdp", "preset", "growth", "infl", "fx", "denom", "scope",
         "basis", "until", "focus", "mc", "fxh", "fxa", "baseline", "mo", "paths", "seed", "lang"}


@pytest.fixture(scope="module")
def params():
    return linkstate.link_params(scenarios=BUILTINS, presets=("p-2025", "p-2026"), first_projected_year=2027,
                                 gdp_preset="p-2026", inflation_percent=2.07, jpy_per_usd=155.2, until=2040,
                                 fx_history=False, fx_rate_for_actuals="fiscal-year-average", baseline="common")


def read(params, **query: str) -> Link:
    return read_link({k: [v] for k, v in query.items()}, params, BUILTINS)


def test_every_parameter_name_is_kept(params):
    assert set(params) == NAMES


def test_no_link_gives_the_defaults_without_warning(params):
    link = read(params)
    assert link.warnings == [] and link.uploaded_yaml is None
    assert link.values["sc"] == [*BUILTINS, "custom"]
    assert link.values["growth"] == 2.0 and link.values["gdp"] == "preset" and link.values["preset"] == "p-2026"
    assert link.values["mc"] is False and link.values["seed"] == 1 and link.values["focus"] == "us-ask-3.5pct"


def test_old_link_forms_are_read(params):
    link = read(params, gdp="growth", growth="2.5", sc="original-fy2027,custom", focus="custom", mc="1",
                fxh="1", basis="initial", fx="140.0", baseline="own", mo="own", paths="2000", year="2040")
    assert link.warnings == []
    v = link.values
    assert (v["gdp"], v["growth"], v["sc"], v["focus"]) == ("growth", 2.5, ["original-fy2027", "custom"], "custom")
    assert (v["mc"], v["fxh"], v["basis"], v["fx"], v["baseline"]) == (True, True, "initial", 140.0, "own")
    assert (v["mo"], v["paths"], v["year"]) == ("own", "2000", 2040)


def test_values_round_trip_through_the_link(params):
    values = read(params, gdp="growth", growth="-1.5", sc="hold-flat", focus="hold-flat", mc="1", seed="7",
                  share="4.5", until="2055").values
    query = link_query(values, params, None)
    assert set(query) == NAMES
    assert query["growth"] == "-1.5" and query["mc"] == "1" and query["sc"] == "hold-flat"
    assert read_link({k: [t] for k, t in query.items()}, params, BUILTINS).values == values


@pytest.mark.parametrize(("key", "text", "why"), [
    ("growth", "99", "from -3 to 6"), ("share", "abc", "a number"), ("infl", "1,5", "a number"),
    ("year", "２０３５", "whole number"), ("until", "2040.5", "whole number"), ("seed", "9" * 5000, "at most 200"),
    ("path", "zigzag", "one of linear-yen"), ("denom", "same_year", "one of each"), ("mc", "yes", "0 or 1"),
    ("paths", "1e9", "one of 2000"), ("fx", "1e-300", "from 80 to 250"),
])
def test_a_bad_value_warns_naming_the_parameter_and_uses_the_default(params, key, text, why):
    link = read(params, **{key: text})
    assert link.values[key] == params[key].default
    assert len(link.warnings) == 1
    warning = link.warnings[0]
    assert warning.startswith(f"Link parameter {key}: ") and why in warning and "using the default" in warning
    assert len(warning) < 600


def test_unknown_scenarios_are_left_out_and_a_foreign_focus_is_named(params):
    link = read(params, sc="nope,hold-flat", focus="original-fy2027")
    assert link.values["sc"] == ["hold-flat"]
    assert any("nope" in w and "Link parameter sc" in w for w in link.warnings)
    assert any(w.startswith("Link parameter focus") for w in link.warnings)


def test_uploaded_scenario_token_round_trips_and_selects_by_name(params):
    text = spendcalc.scenario_to_yaml(spendcalc.Scenario(name="my-plan", target_share=0.025, target_year=2030))
    token = linkstate.encode_yaml(text)
    link = read(params, up=token, sc="my-plan,hold-flat")
    assert link.warnings == [] and link.uploaded_yaml == text and link.values["sc"] == ["my-plan", "hold-flat"]
    assert link_query(link.values, params, text)["up"] == token
    noise = text + "".join(f"# {i * 7919 % 104729:x}{i}\n" for i in range(3000))
    assert len(linkstate.encode_yaml(noise)) > linkstate.MAX_LINK_CHARS
    assert "up" not in link_query(link.values, params, noise)


@pytest.mark.parametrize("token", ["!!!", linkstate.encode_yaml("name: hold-flat\ntarget_share: 0.02\n"),
                                   linkstate.encode_yaml("a: &a [1]\nb: *a\n")])
def test_a_bad_upload_token_is_left_out_with_a_warning(params, token):
    link = read(params, up=token)
    assert link.uploaded_yaml is None
    assert len(link.warnings) == 1 and "uploaded scenario could not be read" in link.warnings[0]


def test_decode_refuses_a_zip_bomb():
    import base64
    import zlib

    bomb = base64.urlsafe_b64encode(zlib.compress(b"a" * (linkstate.MAX_SCENARIO_BYTES * 4))).decode()
    with pytest.raises(ValueError, match="at most"):
        linkstate.decode_yaml(bomb)


def test_default_focus_prefers_the_us_request_then_custom():
    assert linkstate.default_focus(["hold-flat", "us-ask-3.5pct"]) == "us-ask-3.5pct"
    assert linkstate.default_focus(["hold-flat", "custom"]) == "custom"
    assert linkstate.default_focus(["hold-flat"]) == "hold-flat"


def real_params():
    a, history = spendcalc.default_assumptions(), spendcalc.load_history()
    names = [s.name for s in spendcalc.builtin_scenarios()]
    return names, linkstate.link_params(
        scenarios=names, presets=history.presets, first_projected_year=2027, gdp_preset=a.gdp_preset,
        inflation_percent=round(a.inflation_rate * 100, 2), jpy_per_usd=a.jpy_per_usd, until=a.until,
        fx_history=a.fx_history, fx_rate_for_actuals=a.fx_rate_for_actuals, baseline=a.baseline)


def test_a_link_without_parameters_asks_the_model_about_the_defaults():
    names, params = real_params()
    chosen, scenarios, a = linkstate.model_inputs(read_link({}, params, names).values)
    assert chosen == [*names, "custom"]
    assert [s.name for s in scenarios] == chosen
    assert scenarios[:-1] == tuple(spendcalc.resolve_scenarios(names))
    assert a == spendcalc.default_assumptions()


def test_a_link_builds_the_same_inputs_as_the_api_given_the_same_values():
    names, params = real_params()
    query = {"sc": ["hold-flat,custom"], "share": ["4.5"], "year": ["2040"], "path": ["constant-growth"],
             "cden": ["fixed-fy2022"], "gdp": ["growth"], "growth": ["3.5"], "fx": ["140"], "scope": ["mod-budget"],
             "baseline": ["own"]}
    chosen, scenarios, a = linkstate.model_inputs(read_link(query, params, names).values)
    custom = spendcalc.Scenario(name="custom", target_share=0.045, target_year=2040, path="constant-growth",
                                denominator="fixed-fy2022", basis="with-supplementary")
    expected = spendcalc.resolve_scenarios(["hold-flat", custom], scope="mod-budget")
    assert chosen == ["hold-flat", "custom"] and scenarios[0] == expected[0]
    got = scenarios[1]
    assert got.target_share == pytest.approx(0.045)
    assert (got.target_year, got.path, got.denominator, got.scope) == (2040, "constant-growth", "fixed-fy2022",
                                                                         "mod-budget")
    assert got == replace(expected[1], target_share=got.target_share, title=got.title, description=got.description)
    assert a == spendcalc.make_assumptions(growth="3.5 %", fx=140, baseline="own")


TABS = ("Trajectories", "Uncertainty", "Claims", "Reconcile", "Data & methodology")


def test_language_round_trips_and_a_link_without_it_is_english(params):
    assert read(params).values["lang"] == "en" and read(params).warnings == []
    link = read(params, lang="ja", gdp="growth")
    assert link.warnings == [] and link.values["lang"] == "ja"
    query = link_query(link.values, params, None)
    assert query["lang"] == "ja"
    assert read_link({k: [v] for k, v in query.items()}, params, BUILTINS).values == link.values


@pytest.mark.parametrize("text", ["fr", "JA", "ja ", " ja", "日本語", "ja-JP", "en,ja", "", "j" * 5000, "ｊａ"])
def test_a_bad_language_warns_naming_the_parameter_and_shows_english(params, text):
    link = read(params, lang=text)
    assert link.values["lang"] == "en"
    assert len(link.warnings) == 1
    warning = link.warnings[0]
    assert warning.startswith("Link parameter lang: ") and "one of en, ja" in warning and "using the default en" in warning
    assert len(warning) < 600


def test_the_open_tab_is_read_by_its_english_name(params):
    assert read_link({"tab": ["Data & methodology"]}, params, BUILTINS, tabs=TABS).tab == "Data & methodology"
    assert read_link({}, params, BUILTINS, tabs=TABS).tab is None
    link = read_link({"tab": ["Claims"], "lang": ["ja"]}, params, BUILTINS, tabs=TABS)
    assert (link.tab, link.values["lang"], link.warnings) == ("Claims", "ja", [])


@pytest.mark.parametrize("text", ["claims", "記事の主張", "Data", "<script>", "x" * 5000, ""])
def test_a_tab_that_does_not_exist_warns_and_opens_the_first(params, text):
    link = read_link({"tab": [text]}, params, BUILTINS, tabs=TABS)
    assert link.tab is None
    assert len(link.warnings) == 1 and link.warnings[0].startswith("Link parameter tab: ")
    assert "showing the first tab, Trajectories" in link.warnings[0] and len(link.warnings[0]) < 600
