"""spendcalc app: Japan's defense spending scenarios in yen, share of GDP, USD and real terms.

Run with ``make app``. A shell: ``main()`` reads the link once (``spendcalc.linkstate``), the
``*_ui()`` functions draw widgets and return values, one cached call (``compute``) asks the
public ``spendcalc`` API, and the page shows the headline first, then the open tab. No model
arithmetic here. The view lives in the page address, so a copied link reproduces it; an uploaded
scenario lives in this session (and, if small, in the link as ``up=``).

The tabs live in ``app_tabs.py`` (one function per tab; add a tab to its ``TABS``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

import spendcalc
from app_tabs import TABS, preset_title
from spendcalc import answers, i18n, linkstate, methodology
from spendcalc.i18n import LANG_NAMES, LANGS, MESSAGES, t
from spendcalc.linkstate import CUSTOM, EACH, decode_yaml, encode_yaml  # noqa: F401 (tests use them)
from spendcalc.output import markdown_text as md
from spendcalc.present import View, for_screen, percent, share_attrs, trillion_number
from spendcalc.units import convert

DEFAULTS = spendcalc.default_assumptions()
FIRST_PAINT_PAUSE_S = 0.2
METRIC_WIDTH = 290  # px: three headline metrics a row in a laptop's main area, one on a phone  # a session's first run only; see main()
BUILTINS = {s.name: s.title for s in spendcalc.builtin_scenarios()}
GDP_MODES = {"preset": "Dated projection (Cabinet Office)", "growth": "Constant nominal growth (slider)"}
PATH_LABELS = {"linear-yen": "Straight line in yen", "constant-growth": "Constant % growth of spending",
               "linear-share": "Straight line in share of GDP"}
DENOMINATOR_LABELS = {EACH: "As each scenario defines",
                      "fixed-fy2022": "Fixed FY2022 GDP (government's 2% framework)",
                      "same-year": "Same fiscal year's GDP (not SIPRI's calendar-year figure)"}
DENOMINATOR_KEYS = {"fixed-fy2022": "denominator.fixed_fy2022", "same-year": "denominator.same_year"}
BASIS_LABELS = {EACH: "As each scenario defines", "initial": "Initial budgets only",
                "with-supplementary": "Initial + supplementary budgets"}
SCOPE_LABELS = {EACH: "As each scenario defines", "security-related": "Security-related total (2% framework)",
                "mod-budget": "MOD defense budget only",
                "nato-core": "NATO-style core (project's mapping; FY2027 plan only)",
                "nato-related": "NATO-style related (project's mapping; FY2027 plan only)"}
#: scopes offered as an override for every scenario: those bundled on both budget bases since
#: FY2024; the NATO-style scopes (FY2027 plan, initial budgets only) come with their scenario
OVERRIDE_SCOPES = (EACH, "security-related", "mod-budget")
BASELINE_LABELS = {"common": "One common level for every scenario",
                   "own": "Each scenario's own last decided level"}
FX_ACTUALS_LABELS = {"fiscal-year-average": "Their fiscal-year average (April–March)",
                     "stated": "The stated rate above"}
#: each tab's label in the catalogue, by its link value (``?tab=``: the English name, in either language)
TAB_LABELS = {"Trajectories": "app.tab.trajectories", "Uncertainty": "app.tab.uncertainty", "Claims": "app.tab.claims",
              "Reconcile": "app.tab.reconcile", "Data & methodology": "app.tab.data"}


def option(prefix: str, lang: str) -> Callable[[str], str]:
    """A ``format_func`` showing an option value (an id, kept in the link) as its label in ``lang``."""
    return lambda value: t(f"{prefix}.{value}", lang)


# ---- cached: what does not depend on the reader once, the rest by its (hashable) inputs ----
@st.cache_resource
def link_params() -> dict[str, linkstate.Param]:
    """Every link parameter with its default (the core's defaults and the bundled data)."""
    a, history = DEFAULTS, spendcalc.load_history()
    return linkstate.link_params(
        scenarios=BUILTINS, presets=history.presets, gdp_preset=a.gdp_preset,
        first_projected_year=spendcalc.data.default_value("last_actual_year") + 1,
        inflation_percent=round(convert(a.inflation_rate, "fraction", "percent"), 2), jpy_per_usd=a.jpy_per_usd,
        until=a.until, fx_history=a.fx_history, fx_rate_for_actuals=a.fx_rate_for_actuals, baseline=a.baseline)


#: cache keys of the model's inputs: their repr (every field, floats exactly) is ~50x cheaper for
#: Streamlit to hash than walking the frozen dataclasses field by field
BY_REPR = {spendcalc.Scenario: repr, spendcalc.Assumptions: repr}


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=BY_REPR)
def projection(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions) -> pd.DataFrame:
    """The tidy projection of every chosen scenario (the tabs' data; not needed by the headline)."""
    return for_screen(spendcalc.model.project(list(scenarios), assumptions, spendcalc.load_history()))


@st.cache_data(show_spinner=False, max_entries=256, hash_funcs=BY_REPR)
def compute(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions,
            focus: int, lang: str = "en") -> View:
    """The focus scenario's headline, in words of ``lang``: a View whose ``tidy`` is None until
    :func:`with_projection` (the headline is drawn before the projection of every scenario)."""
    history, sc = spendcalc.load_history(), scenarios[focus]
    a = replace(assumptions, until=max(assumptions.until, sc.target_year or 0))
    h = spendcalc.headline_figures(sc, a, history)
    focus = share_attrs(spendcalc.model.project([sc], a, history))  # to its target year; its methodology in words
    meta = focus.attrs["methodology"][sc.name]
    texts = meta if lang == "en" else methodology.texts(  # the methodology's texts in the reader's language
        spendcalc.model.methodology_facts(sc, a, history, meta["anchor_year"], meta["baseline"]), lang)
    common_year = spendcalc.model.common_baseline_level(a, history)[0]
    answer = answers.answer(focus, h, sc.name, lang)  # the values are the same in every language
    exact = dict(zip(answer.values["quantity"], answer.values["value"], strict=True))
    h |= {"baseline_text": meta["baseline_description"], "common_year": common_year,
          "baseline_label": f"FY{common_year} common level" if a.baseline == "common"
          else f"flat FY{h['anchor_year']}",
          "caveats": texts["caveats"], "fx_assumption": texts["fx_assumption"],
          "cumulative_gap_jpy": exact["cumulative_gap_to_baseline_jpy"],
          "cumulative_from": meta["cumulative_from"],
          "gdp_last_year": spendcalc.model.last_actual_gdp(history, a.gdp_vintage)[0],
          "sentence": answer.sentence, "sentences": {lang: answer.sentence},
          "baseline_texts": {lang: answers.baseline_words(focus, meta, h["target_year"], lang)}}
    return View(scenarios, assumptions, sc, None, h, lang)


def with_projection(view: View) -> View:
    """The view with its projection (cached by the scenarios and assumptions)."""
    return replace(view, tidy=projection(view.scenarios, view.assumptions))


@st.cache_resource
def freeze_startup_objects() -> bool:
    """Once per process, after the first full run: move everything alive (modules, the bundled
    data, the unit registry) out of the garbage collector's reach (``gc.freeze``), so a collection
    during a reader's rerun only walks that rerun's objects (measured: ~100 ms → well under 1 ms)."""
    import gc

    gc.collect()
    gc.freeze()
    return True


# ---- the link and the upload: read once per session, written after every run ----------------
def read_link_once() -> list[str]:
    """On a session's first run, set every widget from the link; return the link's warnings."""
    if "_link_read" in st.session_state:
        return []
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    link = linkstate.read_link(query, link_params(), BUILTINS, tabs=[name for name, _ in TABS])
    st.session_state.update(link.values, uploaded_yaml=link.uploaded_yaml, _link_read=True)
    if link.tab:
        st.session_state["tab"] = link.tab  # shown in the reader's language by open_tab()
    return link.warnings


def write_link() -> None:
    """Write every widget's value (ids, as links always had them) into the page address."""
    state = st.session_state
    wanted = linkstate.link_query(state, link_params(), state.get("uploaded_yaml"))
    for key, text in wanted.items():
        if st.query_params.get(key) != text:
            st.query_params[key] = text
    if "up" in st.query_params and "up" not in wanted:
        del st.query_params["up"]
    if "tab" in state:  # the open tab by its English name, whatever the language (none: the first)
        name = open_tab(state)
        if name != TABS[0][0] and st.query_params.get("tab") != name:
            st.query_params["tab"] = name
        elif name == TABS[0][0] and "tab" in st.query_params:
            del st.query_params["tab"]


def open_tab(state: Mapping) -> str:
    """The open tab's English name, from its label in either language (or its name, from a link)."""
    names = {t(key, lg): name for name, key in TAB_LABELS.items() for lg in LANGS} | {n: n for n, _ in TABS}
    return names.get(state.get("tab"), TABS[0][0])


def tab_label(name: str, lang: str) -> str:
    """A tab's label in ``lang`` (a tab without a catalogue entry shows its name)."""
    return t(TAB_LABELS[name], lang) if name in TAB_LABELS else name


def take_upload(key: str) -> None:
    """Uploader callback: a valid new file is kept in the session, selected and shown."""
    state, file = st.session_state, st.session_state[key]
    state["upload_error"] = None
    if file is None:
        return
    try:
        scenario = spendcalc.scenario_from_yaml(file.getvalue(), where=f"uploaded file {file.name}")
        linkstate.check_upload_name(scenario.name, BUILTINS)
    except ValueError as exc:
        state["upload_error"] = t("app.upload.error", state.get("lang", "en"), file=file.name, error=exc)
        return
    state["uploaded_yaml"] = file.getvalue().decode("utf-8")
    state["sc"], state["focus"] = [*[n for n in state["sc"] if n != scenario.name], scenario.name], scenario.name


def forget_upload(name: str) -> None:
    """Button callback: drop this session's uploaded scenario (and from the link)."""
    state = st.session_state
    state["uploaded_yaml"], state["upload_round"] = None, state.get("upload_round", 0) + 1
    state["sc"] = [n for n in state["sc"] if n != name]


# ---- widgets: each *_ui() draws widgets and returns their values; it writes no session state --
def upload_ui(state: Mapping, uploaded: spendcalc.Scenario | None, lang: str = "en", sb: DeltaGenerator | None = None) -> str | None:
    """File uploader for a scenario YAML, and the loaded file's state; returns the uploader's key."""
    key, sb = f"upload_file_{state.get('upload_round', 0)}", sb or st.sidebar
    sb.file_uploader(t("app.upload", lang), type=["yaml", "yml"], key=key, max_upload_size=1,
                             on_change=take_upload, args=(key,), help=t("app.upload.help", lang))
    if state.get("upload_error"):
        sb.error(md(state["upload_error"]))
    if uploaded:
        sb.button(t("app.upload.forget", lang, name=md(uploaded.name)), key="forget_upload",
                          on_click=forget_upload, args=(uploaded.name,))
        carried = len(encode_yaml(state["uploaded_yaml"])) <= linkstate.MAX_LINK_CHARS
        sb.caption(t("app.upload.carried" if carried else "app.upload.too_large", lang, name=md(uploaded.name)))
    return key


def lang_ui(lang: str, sb: DeltaGenerator | None = None) -> dict[str, str]:
    """The reader's language, at the top of the sidebar (each language named in itself)."""
    return {"lang": (sb or st.sidebar).radio(t("app.language", lang), list(LANGS), key="lang", horizontal=True,
                                     format_func=LANG_NAMES.get)}


def scenario_ui(options: dict[str, str], p: dict, lang: str = "en", sb: DeltaGenerator | None = None) -> dict[str, object]:
    """Scenario choice and the custom scenario's sliders."""
    sb = sb or st.sidebar
    sb.header(t("app.scenarios", lang))
    out = {"sc": sb.multiselect(t("app.scenarios", lang), list(options), key="sc", format_func=options.get)}
    with sb.expander(t("app.custom_scenario", lang), expanded=CUSTOM in out["sc"]):
        s, y = p["share"], p["year"]
        out["share"] = st.slider(t("app.target_share", lang), s.low, s.high, step=s.step, key="share",
                                 format="%.1f%%")
        out["year"] = st.slider(t("app.target_year", lang), y.low, y.high, key="year")
        out["path"] = st.selectbox(t("app.path", lang), list(PATH_LABELS), key="path",
                                   format_func=option("app.path", lang))
        out["cden"] = st.radio(t("app.cden", lang), ["same-year", "fixed-fy2022"], key="cden",
                               format_func=option("app.denom", lang))
    return out


def economy_ui(p: dict, lang: str = "en", top: DeltaGenerator | None = None, rest: DeltaGenerator | None = None) -> dict[str, object]:
    """Economic assumptions: GDP path, inflation, exchange rate, horizon, baseline (in ``top`` and
    ``rest``; the growth slider between them is drawn by :func:`answer`, see :func:`growth_ui`)."""
    sb, history = top or st.sidebar, spendcalc.load_history()
    sb.subheader(t("app.economy", lang))
    out = {"gdp": sb.radio(t("app.gdp", lang), list(GDP_MODES), key="gdp", format_func=option("app.gdp", lang),
                           help=t("app.gdp.help", lang))}
    out["preset"] = sb.selectbox(t("app.preset", lang), list(history.presets), key="preset",
                                 disabled=out["gdp"] != "preset", format_func=lambda n: preset_label(n, lang))
    sb, i, f, u = rest or st.sidebar, p["infl"], p["fx"], p["until"]
    deflator_last = spendcalc.model.last_actual_deflator_year(history, DEFAULTS.gdp_vintage)
    out["infl"] = sb.slider(t("app.infl", lang), i.low, i.high, step=i.step, key="infl", format="%.2f",
                            help=t("app.infl.help", lang, last=deflator_last, base=DEFAULTS.price_base_year))
    out["fx"] = sb.slider(t("app.fx", lang), f.low, f.high, step=f.step, key="fx", format="%.1f",
                          help=t("app.fx.help", lang))
    out["fxa"] = sb.radio(t("app.fxa", lang), list(FX_ACTUALS_LABELS), key="fxa", format_func=option("app.fxa", lang),
                          help=t("app.fxa.help", lang, first=min(history.fx_fiscal), last=max(history.fx_fiscal)))
    out["fxh"] = sb.checkbox(t("app.fxh", lang), key="fxh",
                             help=t("app.fxh.help", lang, first=min(history.fx_annual), last=max(history.fx_annual)))
    out["until"] = sb.slider(t("app.until", lang), u.low, u.high, key="until")
    out["baseline"] = sb.radio(t("app.baseline", lang), list(BASELINE_LABELS), key="baseline",
                               format_func=option("app.baseline", lang), help=t("app.baseline.help", lang))
    return out


def growth_ui(p: dict, lang: str, gdp: str) -> dict[str, float]:
    """The GDP growth slider (in the sidebar's economy section: :func:`answer` draws it there)."""
    g = p["growth"]
    return {"growth": st.slider(t("app.growth", lang), g.low, g.high, step=g.step, key="growth", format="%.1f",
                                disabled=gdp != "growth", help=t("app.growth.help", lang))}


def preset_label(name: str, lang: str) -> str:
    """A dated GDP projection's title and publication date (its catalogue title where it has one)."""
    published = spendcalc.load_history().presets[name].published
    return t("app.preset.option", lang, title=preset_title(name, lang), published=published)


def method_ui(lang: str = "en", sb: DeltaGenerator | None = None) -> dict[str, str]:
    """Denominator, scope and budget-basis overrides ('each' keeps each scenario's own)."""
    sb = sb or st.sidebar
    sb.subheader(t("app.method", lang))
    return {"denom": sb.radio(t("app.denom", lang), list(DENOMINATOR_LABELS), key="denom",
                              format_func=option("app.denom", lang)),
            "scope": sb.radio(t("app.scope", lang), list(OVERRIDE_SCOPES), key="scope",
                              format_func=option("app.scope", lang)),
            "basis": sb.radio(t("app.basis", lang), list(BASIS_LABELS), key="basis",
                              format_func=option("app.basis", lang), help=t("app.basis.help", lang))}


def scenario_title(name: str, title: str, lang: str) -> str:
    """A built-in scenario's title in ``lang`` (:func:`spendcalc.i18n.scenario_title`)."""
    return i18n.scenario_title(name, title, lang)


def focus_ui(names: list[str], lang: str = "en") -> str:
    """Which selected scenario the headline numbers describe."""
    titles = {n: scenario_title(n, title, lang) for n, title in BUILTINS.items()} | {CUSTOM: t("app.custom_focus", lang)}
    return st.selectbox(t("app.focus", lang), names, key="focus", persist_state="page",
                        format_func=lambda n: f"{n}: {titles[n]}" if n in titles else n)


# ---- rendering: the headline first, then the open tab -----------------------------------------
def headline(v: View) -> None:
    """The numbers a reader asks first, with units and definitions in the labels (all in ``v.lang``).

    Every metric moves with its own assumption: the yen and shares with the GDP assumption and
    the method, the dollars with the exchange rate (and, for past years, the past-years rate),
    real terms with inflation, the extra yen with the baseline.
    """
    sc, h, a, lang = v.focus, v.headline, v.assumptions, v.lang
    ty, anchor = h["target_year"], h["anchor_year"]
    scope, denominator = t(f"scope.{sc.scope}", lang), t(DENOMINATOR_KEYS[sc.denominator], lang)
    st.markdown(md(h["sentences"].get(lang, h["sentence"])))  # the answer as a sentence, first; the numbers below it
    st.caption(t("app.h.controls", lang))  # on a phone the sidebar is closed: say where the controls are
    # one wrapping row of fixed-width metrics: three a row on a laptop, one a row on a phone, in
    # reading order; one layout block instead of twelve (every block is a message per rerun)
    box, w = st.container(horizontal=True, gap="medium"), METRIC_WIDTH
    box.metric(t("app.h.spending", lang, year=ty), trillion_number(h["target_spending_jpy"]), width=w,
               help=t("app.h.spending_help", lang, year=ty, scope=scope, denominator=denominator))
    box.metric(t("app.h.share_fixed", lang, year=ty), percent(h["share_fixed_fy2022"]), width=w,
               help=t("app.h.share_fixed_help", lang, gdp=i18n.yen(a.reference_gdp_jpy, lang)))
    box.metric(t("app.h.share_same", lang, year=ty), percent(h["share_same_year"]), width=w,
               help=t("app.h.share_same_help", lang, year=ty))
    baseline = (t("app.h.baseline_common", lang, year=h["common_year"]) if a.baseline == "common"
                else t("app.h.baseline_own", lang, year=anchor))
    box.metric(t("app.h.extra", lang, baseline=baseline), trillion_number(h["mean_gap_to_baseline_jpy"]), width=w,
               help=t("app.h.extra_help", lang, start=anchor + 1, end=ty, baseline=h["baseline_texts"][lang]))
    box.metric(t("app.h.growth", lang, start=anchor, end=ty), percent(h["required_spending_growth"], 1), width=w,
               help=t("app.h.growth_help", lang))
    first = h["cumulative_from"]
    box.metric(t("app.h.cumulative", lang, start=first, end=ty),
               trillion_number(h["cumulative_gap_jpy"]) if ty >= first else "n/a", width=w,
               help=t("app.h.cumulative_help", lang, start=first, end=ty, baseline=h["baseline_texts"][lang])
               if ty >= first else t("app.h.cumulative_none", lang, year=ty, start=first))
    box.metric(t("app.h.usd", lang, year=ty), f"{h['spending_usd'] / 1e9:,.0f}", width=w,
               help=t("app.h.usd_help", lang, rate=h["fx_assumption"]))
    box.metric(t("app.h.real", lang, base=a.price_base_year), trillion_number(h["spending_real_jpy"]), width=w,
               help=t("app.h.real_help", lang, inflation=percent(a.inflation_rate)))
    box.metric(t("app.h.person", lang, year=ty), f"{h['spending_per_capita_jpy']:,.0f}", width=w,
               help=t("app.h.person_help", lang))
    breakeven = h["break_even_gdp_growth"]
    # for a target on same-year GDP the break-even growth is the assumed growth itself: it answers
    # nothing; for a plan fixed in yen on another basis it says what GDP would have to do
    if sc.denominator != "same-year" and sc.target_share is not None and not math.isnan(breakeven):
        st.caption(md(t("app.h.break_even", lang, year=ty, share=i18n.percent(sc.target_share, lang),
                        rate=i18n.percent(breakeven, lang), start=h["gdp_last_year"],
                        shrink=t("app.h.shrink", lang) if breakeven < 0 else "",
                        same=i18n.percent(h["share_same_year"], lang))))
    path = t(f"app.path.{sc.path}", lang).lower() if f"app.path.{sc.path}" in MESSAGES else sc.path
    st.caption(t("app.h.about", lang, title=md(scenario_title(sc.name, sc.title or sc.name, lang)), scope=scope, basis=t(f"basis.{sc.basis}", lang),
                 denominator=denominator, path=md(path), baseline=md(h["baseline_texts"][lang])))
    for caveat in h["caveats"]:
        st.caption(t("app.h.note", lang, note=md(caveat)))


@st.fragment
def answer(growth_slot: DeltaGenerator) -> dict[str, object]:
    """The headline, the growth slider (into ``growth_slot``, in the sidebar), the focus and the open tab.

    A fragment: moving the growth slider (the control a reader moves most) reruns this part only;
    the sidebar's other controls rerun the page. Reads every input from the session, so a rerun
    alone sees the same values a full run does. Returns the growth slider's value."""
    state, p = st.session_state, link_params()
    lang, start, view = state["lang"], {key: state[key] for key in p}, None
    uploaded = spendcalc.scenario_from_yaml(state["uploaded_yaml"]) if state.get("uploaded_yaml") else None
    if not start["sc"]:
        st.info(t("app.choose_scenario", lang))
    else:
        try:  # the headline first: on a phone it is the first screen, and it is sent before the widgets
            names, scenarios, assumptions = linkstate.model_inputs(start, uploaded)
            view = compute(scenarios, assumptions, names.index(start["focus"]), lang)
            headline(view)
        except spendcalc.SpendcalcError as exc:
            st.error(t("app.cannot_compute", lang, error=md(exc)))
        focus_ui(start["sc"], lang)
    if not state.get("_painted"):  # let the browser lay out the answer before the widgets and charts
        state["_painted"] = True  # arrive (a session's first run only; measured: the first number
        time.sleep(FIRST_PAINT_PAUSE_S)  # shows ~1 s sooner here)
    with growth_slot:
        drawn = growth_ui(p, lang, state["gdp"])
    write_link()  # before the tabs: the downloads cite the page address
    if view is not None:
        tabs_ui(with_projection(view), lang)
    write_link()  # again: the open tab, by its English name (see tab_label)
    return drawn


def tabs_ui(view: View, lang: str) -> None:
    """The tabs, only the open one computed (so a slider change stays quick)."""
    state = st.session_state
    if state.get("tab") is not None and state["tab"] != tab_label(open_tab(state), lang):
        state["tab"] = tab_label(open_tab(state), lang)  # the same tab after a language switch
    # not bind="query-params": Streamlit would put the label, in the reader's language, in the link;
    # write_link() writes the tab's English name instead
    tabs = st.tabs([tab_label(name, lang) for name, _ in TABS], key="tab", on_change="rerun")
    for tab, (name, draw) in zip(tabs, TABS, strict=True):
        if tab.open:
            with tab:
                try:
                    draw(view)
                except Exception as exc:  # one tab must not take the whole app down
                    st.error(t("app.tab_unavailable", lang, label=tab_label(name, lang),
                               error=md(f"{type(exc).__name__}: {exc}")))


def main() -> None:
    """Draw the app: link → the answer (headline, growth slider, open tab) → the other widgets."""
    warnings, state, p = read_link_once(), st.session_state, link_params()
    lang = state["lang"]  # the reader's language (the link's lang=, then the sidebar's selector)
    st.set_page_config(page_title=t("app.page_title", lang), layout="wide")
    st.markdown("##### " + t("app.title", lang))
    for text in warnings:
        st.warning(md(t("app.link_warning", lang, text=text)))  # warnings quote the link's text: shown literally
    uploaded = spendcalc.scenario_from_yaml(state["uploaded_yaml"]) if state.get("uploaded_yaml") else None
    options = ({n: f"{n}: {scenario_title(n, title, lang)}" for n, title in BUILTINS.items()}
               | {CUSTOM: t("app.custom_option", lang)})
    if uploaded:  # option labels are plain text
        options[uploaded.name] = t("app.uploaded_option", lang, title=uploaded.title or uploaded.name)
    state["sc"] = [n for n in state["sc"] if n in options]
    if state["sc"] and state.get("focus") not in state["sc"]:
        state["focus"] = linkstate.default_focus(state["sc"])
    start = {key: state[key] for key in p}  # the widgets' values at the start of this run
    top, growth, rest = st.sidebar.container(), st.sidebar.container(), st.sidebar.container()
    drawn = answer(growth) | lang_ui(lang, top) | scenario_ui(options, p, lang, top)
    upload_ui(state, uploaded, lang, top)
    drawn |= economy_ui(p, lang, top, rest) | method_ui(lang, rest)
    if any(drawn[key] != start[key] for key in drawn) and not state.get("_rerun"):
        state["_rerun"] = True  # once: a widget corrected its value (clamped to its window), show that
        st.rerun()
    state["_rerun"] = False
    write_link()
    st.caption(t("app.footer", lang))
    freeze_startup_objects()


if __name__ == "__main__":
    main()
