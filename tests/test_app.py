"""The Streamlit app under AppTest: runs, every control at its ends, headline reacts, link round trip."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

import spendcalc
from spendcalc.present import View

pytestmark = [pytest.mark.app, pytest.mark.slow]  # every test here runs app.py under AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
SLIDER_KEYS = ("share", "year", "growth", "infl", "fx", "until")

pytestmark = pytest.mark.slow  # AppTest: each test starts the app (deselect with -m "not slow")


def run_app(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    return at


def assert_clean(at: AppTest) -> None:
    """No exception and no error box in the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def metric_value(at: AppTest, label_start: str) -> str:
    found = [v for k, v in metrics(at).items() if k.startswith(label_start)]
    assert len(found) == 1, (label_start, metrics(at))
    return found[0]


def app_module():
    """app.py imported as a module (its main() does not run on import)."""
    spec = importlib.util.spec_from_file_location("spendcalc_app", APP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def default_app() -> AppTest:
    return run_app()


def test_app_runs_and_shows_headline_with_units(default_app):
    at = default_app
    assert_clean(at)
    labels = list(metrics(at))
    assert any(label.startswith("Spending needed in FY2035 (trillion JPY)") for label in labels)
    assert "Share of fixed FY2022 GDP in FY2035" in labels
    assert "Share of same-year GDP in FY2035" in labels
    # the default headline is the reported US request: 3.5% of same-year GDP in FY2035
    assert at.selectbox(key="focus").value == "us-ask-3.5pct"
    assert metric_value(at, "Share of same-year GDP") == "3.50%"
    # the headline yen, formatted as trillion yen, derived by hand from data/gdp.csv: FY2025 actual
    # 672.6695 (esri-2026q2) grown by the Jan-2026 past-projection rates FY2026-FY2035 (3.4, 1.6,
    # 1.2 x6, 1.1 x2 %) is 775.892 trillion JPY; 3.5% of it is 27.156
    assert metric_value(at, "Spending needed in FY2035") == "27.16"
    # dollars, real terms and per person are on the first screen too: 27.156 trillion at the
    # stated 155.2 JPY/USD is 175 billion USD
    assert metric_value(at, "In US dollars, FY2035") == "175"
    # the answer as a sentence comes first, with its units and baseline (the $ sign shown literally)
    first = at.markdown[1].value if at.markdown[0].value.startswith("#####") else at.markdown[0].value
    assert "Reaching 3.5% of GDP (same-year nominal GDP) by FY2035 means" in first
    assert "27.2 trillion yen in FY2035" in first and "155.2 JPY/USD" in first and "baseline" in first
    assert any(label.startswith("In FY2025 prices") for label in labels)
    assert any(label.startswith("Per person, FY2035 (JPY)") for label in labels)


def test_growth_slider_changes_headline():
    at = run_app()
    before = metric_value(at, "Spending needed in FY2035")
    at.radio(key="gdp").set_value("growth").run()
    at.slider(key="growth").set_value(4.0).run()
    assert_clean(at)
    after = metric_value(at, "Spending needed in FY2035")
    assert after != before
    at.slider(key="growth").set_value(0.0).run()
    assert float(metric_value(at, "Spending needed in FY2035")) < float(after)
    assert at.query_params["growth"] == "0.0"


@pytest.mark.parametrize("key", SLIDER_KEYS)
def test_every_slider_at_both_ends(key):
    at = run_app({"gdp": "growth"})
    slider = at.slider(key=key)
    for value in (slider.min, slider.max):
        at.slider(key=key).set_value(value).run()
        assert_clean(at)
        assert at.slider(key=key).value == value
        assert at.metric, f"no headline at {key}={value}"


def test_every_choice_runs():
    at = run_app()
    for key in ("path", "cden", "preset", "gdp", "denom", "scope", "basis"):
        widget = at.selectbox(key=key) if key in ("path", "preset") else at.radio(key=key)
        options = widget_options(at, key)
        assert len(options) >= 2 and len(widget.options) == len(options), key
        for option in options:
            pick = at.selectbox(key=key) if key in ("path", "preset") else at.radio(key=key)
            pick.set_value(option).run()
            assert_clean(at)
            assert at.metric, f"no headline at {key}={option}"
    for name in ("original-fy2027", "accelerated-fy2025", "us-ask-3.5pct", "hold-flat", "nato-hague-fy2035"):
        at.multiselect(key="sc").set_value([name]).run()
        assert_clean(at)
        assert at.selectbox(key="focus").value == name
        assert at.metric
    at.multiselect(key="sc").set_value([]).run()
    assert_clean(at)
    assert not at.metric and at.info


def widget_options(at: AppTest, key: str) -> list[str]:
    """The underlying option values (not labels) of a radio or selectbox of the app."""
    return list(app_module().link_params()[key].choices)


@pytest.mark.parametrize("tab", ["Uncertainty", "Claims", "Data & methodology"])
def test_every_tab_runs(tab):
    at = run_app({"tab": tab, "mc": "1", "paths": "2000"})
    assert_clean(at)
    if tab == "Uncertainty":
        assert any(m.label.startswith("Probability of reaching") for m in at.metric)
    elif tab == "Claims":
        table = at.dataframe[0].value
        assert {"claim_id", "article", "quote", "verdict", "reason"} <= set(table.columns)
        verdict = sorted(table["verdict"].unique())[0]
        at.multiselect(key="claims_verdict").set_value([verdict]).run()
        assert_clean(at)
        assert set(at.dataframe[0].value["verdict"]) == {verdict}
    else:
        assert any("Fixed FY2022 GDP" in m.value for m in at.markdown)
        assert len(at.dataframe) >= 3


def test_bad_upload_shows_error_and_app_keeps_running():
    at = run_app()
    at.file_uploader[0].upload("bad.yaml", b"name: x\ntarget_share: 7\n", "text/yaml")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and "bad.yaml" in at.error[0].value and "target_share" in at.error[0].value
    assert at.metric  # the rest of the app still works
    at.file_uploader[0].upload("worse.yaml", b"\x00\xff: [", "text/yaml")
    at.run()
    assert not at.exception and at.error and at.metric


def test_good_upload_is_selected_carried_in_link_and_reproduced():
    text = spendcalc.scenario_to_yaml(spendcalc.Scenario(
        name="my-plan", target_share=0.025, target_year=2030, denominator="same-year", title="Mine"))
    at = run_app()
    at.file_uploader[0].upload("mine.yaml", text.encode(), "text/yaml")
    at.run()
    assert_clean(at)
    assert "my-plan" in at.multiselect(key="sc").value
    assert at.selectbox(key="focus").value == "my-plan"
    assert metric_value(at, "Share of same-year GDP in FY2030") == "2.50%"
    link = {k: at.query_params[k] for k in at.query_params}
    assert "up" in link
    again = run_app(link)  # a new session opened from the link
    assert_clean(again)
    assert again.selectbox(key="focus").value == "my-plan"
    assert metrics(again) == metrics(at)
    at.button(key="forget_upload").click().run()
    assert_clean(at)
    assert "my-plan" not in at.multiselect(key="sc").options
    assert "up" not in at.query_params


def test_upload_stays_in_its_session():
    text = spendcalc.scenario_to_yaml(spendcalc.Scenario(name="private", target_share=0.02,
                                                         target_year=2030))
    first = run_app()
    first.file_uploader[0].upload("p.yaml", text.encode(), "text/yaml")
    first.run()
    assert "private" in first.multiselect(key="sc").value
    other = run_app()  # another session without the link
    assert "private" not in other.multiselect(key="sc").options
    assert "private" not in " ".join(other.multiselect(key="sc").options)


def test_query_params_round_trip():
    query = {"sc": "us-ask-3.5pct,custom", "share": "4.5", "year": "2040", "path": "constant-growth",
             "cden": "fixed-fy2022", "gdp": "growth", "growth": "3.5", "infl": "1.5", "fx": "140.0",
             "denom": "same-year", "scope": "mod-budget", "basis": "initial", "until": "2045",
             "focus": "us-ask-3.5pct"}
    at = run_app(query)
    assert_clean(at)
    assert not at.warning
    assert at.multiselect(key="sc").value == ["us-ask-3.5pct", "custom"]
    assert at.slider(key="share").value == 4.5
    assert at.slider(key="year").value == 2040
    assert at.selectbox(key="path").value == "constant-growth"
    assert at.radio(key="gdp").value == "growth"
    assert at.slider(key="growth").value == 3.5
    assert at.slider(key="fx").value == 140.0
    assert at.radio(key="scope").value == "mod-budget"
    assert at.radio(key="basis").value == "initial"
    assert at.selectbox(key="focus").value == "us-ask-3.5pct"
    written = {k: at.query_params[k] for k in at.query_params}
    assert {k: written[k] for k in query} == query
    # the same numbers as when the same settings are made with the widgets
    manual = run_app()
    manual.multiselect(key="sc").set_value(["us-ask-3.5pct", "custom"]).run()
    manual.selectbox(key="focus").set_value("us-ask-3.5pct")
    manual.slider(key="share").set_value(4.5)
    manual.slider(key="year").set_value(2040)
    manual.selectbox(key="path").set_value("constant-growth")
    manual.radio(key="cden").set_value("fixed-fy2022")
    manual.radio(key="gdp").set_value("growth").run()  # enables the growth slider
    manual.slider(key="growth").set_value(3.5)
    manual.slider(key="infl").set_value(1.5)
    manual.slider(key="fx").set_value(140.0)
    manual.radio(key="denom").set_value("same-year")
    manual.radio(key="scope").set_value("mod-budget")
    manual.radio(key="basis").set_value("initial")
    manual.slider(key="until").set_value(2045).run()
    assert_clean(manual)
    assert metrics(manual) == metrics(at)
    assert {k: manual.query_params[k] for k in query} == query


def test_bad_query_params_fall_back_with_warning():
    at = run_app({"growth": "99", "share": "abc", "path": "zigzag", "sc": "nope,hold-flat",
                  "up": "!!!"})
    assert not at.exception
    texts = " ".join(w.value for w in at.warning)
    for key in ("growth", "share", "path", "uploaded scenario", "nope"):
        assert key in texts
    assert at.slider(key="growth").value == 2.0
    assert at.slider(key="share").value == 3.0
    assert at.multiselect(key="sc").value == ["hold-flat"]
    assert at.metric


def test_csv_and_zip_downloads_open_with_plain_read_csv(default_app):
    import io
    import json
    import zipfile

    import pandas as pd

    import app_tabs

    scenarios = tuple(spendcalc.resolve_scenarios(["us-ask-3.5pct", "hold-flat"]))
    a = spendcalc.default_assumptions()
    view = View(scenarios, a, scenarios[0], spendcalc.model.project(list(scenarios), a, spendcalc.load_history()), {})
    zf = zipfile.ZipFile(io.BytesIO(app_tabs.newsroom_zip(view, "http://host/?sc=us-ask-3.5pct", "2026-11-29")))
    data = pd.read_csv(zf.open("data.csv"))
    assert list(data.columns[:4]) == ["scenario", "fiscal_year", "status", "measure"]
    assert len(data) == len(view.tidy)
    assert "http://host/?sc=us-ask-3.5pct" in zf.read("README.md").decode()
    assert json.loads(zf.read("metadata.json"))["software_version"] == app_tabs.app_version()
    # the citation in the page names the data version and the page address
    cite = [c.value for c in default_app.code if "data version" in c.value]
    assert len(cite) == 1 and "data-" in cite[0] and "sc=original-fy2027,accelerated-fy2025" in cite[0]


def test_scenario_download_round_trips(default_app):
    app = app_module()
    custom = spendcalc.Scenario(name="custom", target_share=0.03, target_year=2035,
                                denominator="same-year")
    text = spendcalc.scenario_to_yaml(custom)
    assert spendcalc.scenario_from_yaml(text) == custom
    assert yaml.safe_load(text)["target_share"] == 0.03
    assert app.decode_yaml(app.encode_yaml(text)) == text


def test_settings_survive_closed_tabs_and_an_empty_selection():
    at = run_app({"tab": "Uncertainty", "paths": "2000"})
    at.toggle(key="mc").set_value(True).run()
    assert any(m.label.startswith("Probability of reaching") for m in at.metric)
    at.session_state["tab"] = "Trajectories"
    at.run()
    at.slider(key="fx").set_value(150.0).run()  # a run with the Uncertainty tab closed
    assert_clean(at)
    assert at.query_params["mc"] == "1" and at.query_params["paths"] == "2000"
    at.session_state["tab"] = "Uncertainty"
    at.run()
    assert at.toggle(key="mc").value is True
    at.selectbox(key="focus").set_value("hold-flat").run()
    at.slider(key="fx").set_value(160.0).run()
    assert at.selectbox(key="focus").value == "hold-flat"
    at.multiselect(key="sc").set_value([]).run()
    at.multiselect(key="sc").set_value(["hold-flat", "custom"]).run()
    assert_clean(at)
    assert at.selectbox(key="focus").value == "hold-flat"


def test_chart_downloads_are_png_and_svg():
    import app_tabs

    scenarios = tuple(spendcalc.resolve_scenarios(["us-ask-3.5pct", "hold-flat"]))
    a = spendcalc.default_assumptions()
    view = View(scenarios, a, scenarios[0], spendcalc.model.project(list(scenarios), a, spendcalc.load_history()), {})
    for kind in app_tabs.CHART_KINDS:
        png = app_tabs.chart_bytes(kind, view, "png", 60)
        assert png.startswith(b"\x89PNG"), kind
        svg = app_tabs.chart_bytes(kind, view, "svg", 60)
        assert b"<svg" in svg[:2000], kind
    at = run_app()
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Data, methodology and sources (zip)", "Trajectories (CSV)", "Scenario (YAML)", "Chart (PNG)",
                      "Chart (SVG)"]


def test_fixed_plan_probability_on_same_year_gdp_and_on_its_own_basis():
    at = run_app({"tab": "Uncertainty", "mc": "1", "paths": "2000", "sc": "original-fy2027",
                  "focus": "original-fy2027"})
    assert_clean(at)
    assert at.radio(key="mo").value == "same-year"
    prob = metric_value(at, "Probability of reaching 2.0% of same-year GDP in FY2027")
    assert prob.endswith("%")  # a probability, not "n/a": the yen are uncertain against same-year GDP
    at.radio(key="mo").set_value("own").run()
    assert_clean(at)
    assert metric_value(at, "Probability of reaching 2.0% of fixed FY2022 GDP") == "n/a"
    assert any("certain" in c.value for c in at.caption)
    assert at.query_params["mo"] == "own"


def test_fx_history_checkbox_changes_past_usd_and_is_in_the_link():
    at = run_app({"tab": "Data & methodology", "sc": "original-fy2027", "focus": "original-fy2027"})
    assert at.checkbox(key="fxh").value is False

    def usd_2024(at: AppTest) -> float:
        tidy = next(d.value for d in at.dataframe if "measure" in d.value.columns)
        sel = tidy[(tidy["measure"] == "spending_usd") & (tidy["fiscal_year"] == 2024)]
        return float(sel["value"].iloc[0])

    before = usd_2024(at)
    at.checkbox(key="fxh").check().run()
    assert_clean(at)
    assert usd_2024(at) != before
    assert at.query_params["fxh"] == "1"


def test_baseline_control_changes_extra_yen_names_it_and_is_in_the_link():
    at = run_app({"sc": "original-fy2027,us-ask-3.5pct", "focus": "us-ask-3.5pct"})
    assert_clean(at)
    assert at.radio(key="baseline").value == "common"
    common = metric_value(at, "Extra a year vs FY2025 level")
    assert any("baseline common: the FY2025 security-related total" in c.value for c in at.caption)
    at.radio(key="baseline").set_value("own").run()
    assert_clean(at)
    own = metric_value(at, "Extra a year vs flat FY2026")
    assert own != common
    assert any("baseline own: the scenario's last decided figure" in c.value for c in at.caption)
    assert at.query_params["baseline"] == "own"
    linked = run_app({"baseline": "own", "sc": "original-fy2027,us-ask-3.5pct", "focus": "us-ask-3.5pct"})
    assert_clean(linked)
    assert linked.radio(key="baseline").value == "own"
    bad = run_app({"baseline": "mine"})
    assert not bad.exception and bad.warning  # a bad link value falls back to the default, with a warning
    assert bad.radio(key="baseline").value == "common"


def test_fx_for_actual_years_control_is_in_the_link():
    at = run_app({"tab": "Data & methodology", "sc": "original-fy2027", "focus": "original-fy2027"})
    assert at.radio(key="fxa").value == "fiscal-year-average"
    at.radio(key="fxa").set_value("stated").run()
    assert_clean(at)
    assert at.query_params["fxa"] == "stated"


#: links as the app wrote them before its widgets were keyed by parameter name (saved from the
#: address bar): (query, widget values expected, scenario and assumptions of the headline)
OLD_LINKS = [
    ("gdp=growth&growth=2.5", {"gdp": "growth", "growth": 2.5},
     ("us-ask-3.5pct", {"growth": "2.5 %"}, {})),
    ("sc=original-fy2027,hold-flat&focus=original-fy2027&basis=initial&fx=140.0",
     {"sc": ["original-fy2027", "hold-flat"], "focus": "original-fy2027", "basis": "initial", "fx": 140.0},
     ("original-fy2027", {"fx": 140.0}, {"basis": "initial"})),
    ("sc=us-ask-3.5pct,custom&focus=custom&share=4.5&year=2040&path=constant-growth&cden=fixed-fy2022"
     "&denom=same-year&scope=mod-budget&until=2045&baseline=own&fxa=stated&fxh=1&infl=1.5",
     {"share": 4.5, "year": 2040, "path": "constant-growth", "cden": "fixed-fy2022", "denom": "same-year",
      "scope": "mod-budget", "until": 2045, "baseline": "own", "fxa": "stated", "fxh": True, "infl": 1.5},
     (spendcalc.Scenario(name="custom", target_share=0.045, target_year=2040, path="constant-growth",
                         denominator="fixed-fy2022", basis="with-supplementary"),
      {"until": 2045, "baseline": "own", "fx_rate_for_actuals": "stated", "fx_history": True,
       "inflation": "1.5 %"}, {"denominator": "same-year", "scope": "mod-budget"})),
    ("tab=Uncertainty&mc=1&mo=own&paths=2000&seed=7&sc=original-fy2027&focus=original-fy2027",
     {"mc": True, "mo": "own", "paths": "2000", "seed": 7}, ("original-fy2027", {}, {})),
]


@pytest.mark.parametrize(("query", "widgets", "expected"), OLD_LINKS, ids=[q[:30] for q, _, _ in OLD_LINKS])
def test_saved_old_links_open_the_same_view(query, widgets, expected):
    from urllib.parse import parse_qsl

    at = run_app(dict(parse_qsl(query)))
    assert_clean(at)
    assert not at.warning, [w.value for w in at.warning]
    for key, value in widgets.items():
        widget = next(w for kind in ("slider", "radio", "selectbox", "multiselect", "checkbox", "toggle",
                                     "number_input") for w in getattr(at, kind) if w.key == key)
        assert widget.value == value, key
    # the headline is the core's figure for the same scenario and assumptions
    scenario, assumption_args, method = expected
    sc = spendcalc.resolve_scenarios([scenario], **method)[0]
    a = spendcalc.make_assumptions(**assumption_args)
    h = spendcalc.headline_figures(sc, replace(a, until=max(a.until, sc.target_year)), spendcalc.load_history())
    assert metric_value(at, f"Spending needed in FY{h['target_year']}") == f"{h['target_spending_jpy'] / 1e12:,.2f}"
    assert metric_value(at, f"Share of same-year GDP in FY{h['target_year']}") == f"{h['share_same_year']:.2%}"
    if "tab=Uncertainty" in query:
        assert metric_value(at, "Probability of reaching 2.0% of fixed FY2022 GDP") == "n/a"
    # and the address written back still reads the same way (ids, 0/1, comma lists)
    for key, text in parse_qsl(query):
        assert at.query_params[key] == text, key


@pytest.fixture
def kept_media(monkeypatch) -> list:
    """AppTest's in-memory media stores, kept so a download's bytes can be read back."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.testing.v1 import app_test

    stores = []

    class Keep(MemoryMediaFileStorage):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            stores.append(self)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Keep)
    return stores


def downloaded(at: AppTest, stores: list, key: str) -> bytes:
    """The bytes a download button of the last run serves."""
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(key))
    file_id = button.proto.url.rsplit("/", 1)[1].split(".")[0]
    return stores[-1].get_file(file_id).content


@pytest.mark.parametrize("query", [{"sc": "custom", "focus": "custom", "share": "4.2", "year": "2033"},
                                   {"sc": "us-ask-3.5pct", "denom": "fixed-fy2022"}])
def test_yaml_download_uploads_back_unchanged(query, kept_media):
    at = run_app(query)
    assert_clean(at)
    text = downloaded(at, kept_media, "dl_yaml")
    before = metrics(at)
    at.file_uploader[0].upload("saved.yaml", text, "text/yaml")
    at.run()
    assert_clean(at)  # no "name: 'custom' is not allowed"
    saved = spendcalc.scenario_from_yaml(text)
    assert at.selectbox(key="focus").value == saved.name == f"{query['sc']}-copy"
    assert metrics(at) == before  # the same numbers as the scenario it was saved from
    assert downloaded(at, kept_media, "dl_yaml") == text  # and saved again: the same file


def test_every_headline_metric_moves_with_its_assumption():
    at = run_app()
    base = metrics(at)
    moved = {"fx": (150.0, "In US dollars"), "infl": (0.5, "In FY2025 prices")}
    for key, (value, label) in moved.items():
        at.slider(key=key).set_value(value).run()
        assert_clean(at)
        changed = {k for k, v in metrics(at).items() if base.get(k) != v}
        assert any(k.startswith(label) for k in changed), (key, changed)
        assert not any(k.startswith("Spending needed") for k in changed), key  # the yen do not move
        at = run_app()
    # the past-years rate moves the dollars of a target already budgeted (FY2025)
    past = run_app({"sc": "accelerated-fy2025", "focus": "accelerated-fy2025"})
    usd = metric_value(past, "In US dollars")
    past.radio(key="fxa").set_value("stated").run()
    assert metric_value(past, "In US dollars") != usd
    past.slider(key="fx").set_value(120.0).run()
    assert metric_value(past, "In US dollars") != usd


def test_break_even_growth_only_where_it_says_something():
    at = run_app()  # a same-year target: break-even growth would repeat the GDP assumption
    assert not any(m.label.startswith("Break-even") for m in at.metric)
    assert not any("What GDP would have to do" in c.value for c in at.caption)
    fixed = run_app({"sc": "original-fy2027", "focus": "original-fy2027"})
    said = [c.value for c in fixed.caption if "What GDP would have to do" in c.value]
    assert len(said) == 1 and "shrink" in said[0] and "-8.8%" in said[0]


def test_readable_year_table_is_the_default_data_view(default_app):
    table = default_app.dataframe[0].value
    assert list(table.columns[:4]) == ["FY", "status", "spending [trn JPY]", "of same-year GDP [%]"]
    assert "spending [USD bn]" in table.columns and "real [trn JPY of FY2025]" in table.columns
    row = table[table["FY"] == "FY2035"].iloc[0]
    assert row["spending [trn JPY]"] == metric_value(default_app, "Spending needed in FY2035")
    assert row["of same-year GDP [%]"] == "3.50" and row["spending [USD bn]"] == "175.0"
    assert len(table) < 40  # years of one scenario, not the tidy table's hundreds of rows


def test_uncertainty_questions_state_what_each_probability_is_conditional_on():
    at = run_app({"tab": "Uncertainty", "mc": "1"})
    assert_clean(at)
    questions = [m for m in at.metric if m.label.startswith("Chance")]
    assert len(questions) == 2
    text = " ".join(m.value for m in at.markdown)
    assert text.count("What this is conditional on") == 2
    assert "11.2 trillion yen in FY2027" in text  # the government's FY2027 plan from the bundled data
    assert "one half by construction" in text  # the scenario's own target: said, not printed as news
    share_q = metric_value(at, "Chance the plan's FY2027 yen are at least 2.0%")
    at.slider(key="uq_share_original-fy2027").set_value(1.6).run()
    assert metric_value(at, "Chance the plan's FY2027 yen are at least 1.6%") != share_q
    at.radio(key="uq_plan").set_value("focus").run()
    at.selectbox(key="uq_case").set_value("cao-2026jan-high-growth").run()
    assert_clean(at)
    p = metric_value(at, "Chance the plan's FY2035 yen are at least")
    assert p.endswith("%") and p != "50%"  # sized on faster growth than the GDP that is simulated


def test_headline_tabs_and_downloads_speak_the_readers_language():
    at = run_app({"lang": "ja", "tab": "Uncertainty", "mc": "1"})
    assert_clean(at)
    labels = list(metrics(at))
    assert "2035年度に必要な歳出額（兆円）" in labels and "2035年度の米ドル換算（10億ドル）" in labels
    assert metric_value(at, "2035年度に必要な歳出額") == "27.16"  # the same number
    assert any(label.startswith("計画の2027年度の歳出額が") for label in labels)
    assert sum("この確率の前提" in m.value for m in at.markdown) == 2
    at = run_app({"lang": "ja"})  # the default tab: Trajectories
    assert_clean(at)
    assert list(at.dataframe[0].value.columns[:3]) == ["年度", "区分", "歳出額［兆円］"]
    assert "2035年度" in set(at.dataframe[0].value["年度"])
    assert [b.label for b in at.get("download_button")][:3] == ["データ・方法・出典（圧縮ファイル）", "年度別データ（CSV）",
                                                                 "シナリオ（YAML）"]


def test_baseline_words_is_public_and_names_the_baseline_in_either_language():
    from spendcalc import answers

    sc = next(s for s in spendcalc.builtin_scenarios() if s.name == "us-ask-3.5pct")
    tidy = spendcalc.project([sc])
    meta = tidy.attrs["methodology"][sc.name]
    assert answers.baseline_words(tidy, meta, 2035) == meta["baseline_description"]
    ja = answers.baseline_words(tidy, meta, 2035, "ja")
    assert "2025年度" in ja and "兆円" in ja and ja != meta["baseline_description"]


def test_growth_slider_stays_in_the_sidebars_economy_section(default_app):
    # drawn by the answer fragment into a slot between the GDP choice and inflation
    assert [s.key for s in default_app.sidebar.slider] == ["share", "year", "growth", "infl", "fx", "until"]
    assert not [s for s in default_app.main.slider if s.key == "growth"]
