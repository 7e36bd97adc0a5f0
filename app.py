"""spendcalc app: Japan's defense spending scenarios in yen, share of GDP, USD and real terms.

Run with ``make app``. A shell: ``main()`` reads the link once (``spendcalc.linkstate``), the
``*_ui()`` functions draw widgets and return values, one cached call (``compute``) asks the
public ``spendcalc`` API, and the page shows the headline first, then the open tab. No model
arithmetic here. The view lives in the page address, so a copied link reproduces it; an uploaded
scenario lives in this session (and, if small, in the link as ``up=``).

To add a tab: write ``def my_tab(v: View) -> None`` and add ``("Label", my_tab)`` to ``TABS``.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from dataclasses import replace

import pandas as pd
import streamlit as st

import spendcalc
from spendcalc import charts, linkstate, present
from spendcalc.claims import read_articles_index
from spendcalc.linkstate import CUSTOM, EACH, decode_yaml, encode_yaml  # noqa: F401 (tests use them)
from spendcalc.output import markdown_text as md
from spendcalc.present import View, percent, trillion, trillion_number
from spendcalc.units import convert

DEFAULTS = spendcalc.default_assumptions()
BUILTINS = {s.name: s.title for s in spendcalc.builtin_scenarios()}
GDP_MODES = {"preset": "Dated projection (Cabinet Office)", "growth": "Constant nominal growth (slider)"}
PATH_LABELS = {"linear-yen": "Straight line in yen", "constant-growth": "Constant % growth of spending",
               "linear-share": "Straight line in share of GDP"}
DENOMINATOR_LABELS = {EACH: "As each scenario defines",
                      "fixed-fy2022": "Fixed FY2022 GDP (government's 2% framework)",
                      "same-year": "Same-year GDP (as NATO and SIPRI count)"}
BASIS_LABELS = {EACH: "As each scenario defines", "initial": "Initial budgets only",
                "with-supplementary": "Initial + supplementary budgets"}
SCOPE_LABELS = {EACH: "As each scenario defines", "security-related": "Security-related total (2% framework)",
                "mod-budget": "MOD defense budget only"}
BASELINE_LABELS = {"common": "One common level for every scenario",
                   "own": "Each scenario's own last decided level"}
FX_ACTUALS_LABELS = {"fiscal-year-average": "Their fiscal-year average (April–March)",
                     "stated": "The stated rate above"}
CHART_KINDS = {"spending": "Spending (trillion JPY)", "share": "Share of GDP with the articles' claims",
               "denominator": "Fixed vs same-year denominator (focus scenario)",
               "gap": "Extra spending versus flat", "usd": "Spending in US dollars"}


# ---- cached: what does not depend on the reader once, the rest by its (hashable) inputs ----
@st.cache_resource
def link_params() -> dict[str, linkstate.Param]:
    """Every link parameter with its default (the core's defaults and the bundled data)."""
    a, history = DEFAULTS, spendcalc.load_history()
    return linkstate.link_params(
        scenarios=BUILTINS, presets=history.presets, gdp_preset=a.gdp_preset,
        first_projected_year=spendcalc.data.default_value("last_actual_year") + 1,
        inflation_percent=round(convert(a.inflation_rate, "fraction", "percent"), 2), jpy_per_usd=a.jpy_per_usd, until=a.until,
        fx_history=a.fx_history, fx_rate_for_actuals=a.fx_rate_for_actuals, baseline=a.baseline)


@st.cache_data(show_spinner=False)
def reference_tables() -> dict[str, pd.DataFrame | dict]:
    """Bundled figures, their sidecars and the articles' claims (the same for every reader)."""
    return {"history": arrow_safe(spendcalc.history_table()), "claims": spendcalc.read_claims(),
            "meta": {name: spendcalc.read_table(name)[1] for name in spendcalc.data.TABLES}}


@st.cache_data(show_spinner=False, max_entries=256)
def compute(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions,
            focus: int) -> View:
    """The one call into the model: the projection and the focus scenario's headline, in words."""
    history, sc = spendcalc.load_history(), scenarios[focus]
    tidy = spendcalc.model.project(list(scenarios), assumptions, history)
    a = replace(assumptions, until=max(assumptions.until, sc.target_year or 0))
    h = spendcalc.headline_figures(sc, a, history)
    common_year = spendcalc.model.common_baseline_level(a, history)[0]
    h |= {"baseline_text": spendcalc.model.baseline_text(a.baseline, sc, a, history, h["anchor_year"]),
          "baseline_label": f"FY{common_year} common level" if a.baseline == "common"
          else f"flat FY{h['anchor_year']}", "common_year": common_year,
          "caveats": spendcalc.model.caveats_for(sc, a, history, h["anchor_year"])}
    return View(scenarios, assumptions, sc, tidy, h)


@st.cache_data(show_spinner=False, max_entries=64)
def chart_bytes(kind: str, scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions,
                focus: str, fmt: str, dpi: int) -> bytes:
    """One chart from ``spendcalc.charts`` as PNG or SVG bytes (drawn only when asked for)."""
    from matplotlib.figure import Figure

    tidy = compute(scenarios, assumptions, 0).tidy
    with charts.chart_style():
        fig = Figure(figsize=(8, 5), layout="constrained")
        ax = fig.subplots()
        if kind == "share":
            charts.plot_share(tidy, claims=spendcalc.claim_markers(tidy), ax=ax)
        elif kind == "denominator":
            charts.plot_denominator_gap(tidy, focus, ax=ax)
        else:
            {"gap": charts.plot_gap_to_baseline, "usd": charts.plot_usd}.get(kind, charts.plot_spending)(tidy, ax=ax)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()


@st.cache_data(show_spinner=False, max_entries=64)
def uncertainty(scenario: spendcalc.Scenario, assumptions: spendcalc.Assumptions,
                measured_on: str | None) -> tuple[pd.DataFrame, bytes]:
    """Exact percentiles and probability (``spendcalc.simulate``) and the fan chart as PNG."""
    from matplotlib.figure import Figure

    summary = spendcalc.simulate(scenario, assumptions=assumptions, measured_on=measured_on, method="exact")
    fig = Figure(figsize=(8, 4.5), layout="constrained")
    charts.plot_fan(summary, ax=fig.subplots())
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=80)
    return summary, buf.getvalue()


@st.cache_data(show_spinner=False, max_entries=16)
def claims_audit(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions) -> pd.DataFrame:
    """The articles' claims checked against the bundled data and the model."""
    audit = spendcalc.check_claims(assumptions=assumptions, scenarios=list(scenarios))
    index = read_articles_index()
    titles = dict(zip(index["file"], index["headline"].astype(str) + " (" + index["date"].astype(str) + ")",
                      strict=True))
    return arrow_safe(audit.assign(article=audit["article"].map(lambda f: titles.get(f, f))))


def arrow_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Mixed-type (object) columns as text, so the table displays without conversion warnings."""
    mixed = [c for c in df.columns if df[c].dtype == object]
    return df.astype({c: str for c in mixed}) if mixed else df


def csv_text(tidy: pd.DataFrame) -> str:
    """The trajectories CSV download (see ``spendcalc.present.csv_text``)."""
    return present.csv_text(tidy, reference_tables()["meta"], charts.methodology_note(tidy))


# ---- the link and the upload: read once per session, written after every run ----------------
def read_link_once() -> list[str]:
    """On a session's first run, set every widget from the link; return the link's warnings."""
    if "_link_read" in st.session_state:
        return []
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    link = linkstate.read_link(query, link_params(), BUILTINS)
    st.session_state.update(link.values, uploaded_yaml=link.uploaded_yaml, _link_read=True)
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
        state["upload_error"] = f"Could not load {file.name}: {exc}"
        return
    state["uploaded_yaml"] = file.getvalue().decode("utf-8")
    state["sc"], state["focus"] = [*[n for n in state["sc"] if n != scenario.name], scenario.name], scenario.name


def forget_upload(name: str) -> None:
    """Button callback: drop this session's uploaded scenario (and from the link)."""
    state = st.session_state
    state["uploaded_yaml"], state["upload_round"] = None, state.get("upload_round", 0) + 1
    state["sc"] = [n for n in state["sc"] if n != name]


# ---- the view: widget values (keyed by link parameter) -> scenarios and assumptions ----------
def model_inputs(v: Mapping[str, object], uploaded: spendcalc.Scenario | None
                 ) -> tuple[list[str], tuple[spendcalc.Scenario, ...], spendcalc.Assumptions]:
    """The chosen names, their resolved scenarios and the assumptions, from the widget values.

    Called before the widgets are drawn, with their values at the start of this run (Streamlit
    keeps each keyed widget's value in ``st.session_state``), so the headline is sent first.
    """
    custom = spendcalc.Scenario(name=CUSTOM, target_share=convert(v["share"], "percent", "fraction"),
                                target_year=v["year"], path=v["path"], denominator=v["cden"],
                                basis="with-supplementary", title=f"Custom: {v['share']:.1f}% of GDP by FY{v['year']}",
                                description="Built from the app's sliders (an assumption, not a government plan).")
    by_name = {CUSTOM: custom} | ({uploaded.name: uploaded} if uploaded else {})
    method = {k: None if v[key] == EACH else v[key] for k, key in
              (("denominator", "denom"), ("scope", "scope"), ("basis", "basis"))}
    scenarios = spendcalc.resolve_scenarios([by_name.get(n, n) for n in v["sc"]], **method)
    growth = v["gdp"] == "growth"
    a = spendcalc.make_assumptions(preset=None if growth else v["preset"], growth=f"{v['growth']} %" if growth else None,
                                   inflation=f"{v['infl']} %", fx=v["fx"], until=v["until"], fx_history=v["fxh"],
                                   fx_rate_for_actuals=v["fxa"], baseline=v["baseline"])
    return list(v["sc"]), tuple(scenarios), a


# ---- widgets: each *_ui() draws widgets and returns their values; it writes no session state --
def upload_ui(state: Mapping, uploaded: spendcalc.Scenario | None) -> str | None:
    """File uploader for a scenario YAML, and the loaded file's state; returns the uploader's key."""
    key = f"upload_file_{state.get('upload_round', 0)}"
    st.sidebar.file_uploader("Load a scenario file (YAML)", type=["yaml", "yml"], key=key, max_upload_size=1,
                             on_change=take_upload, args=(key,), help="A file downloaded from this app, "
                             "or one like data/scenarios/*.yaml. It stays in your session only.")
    if state.get("upload_error"):
        st.sidebar.error(md(state["upload_error"]))
    if uploaded:
        st.sidebar.button(f"Forget '{md(uploaded.name)}'", key="forget_upload", on_click=forget_upload,
                          args=(uploaded.name,))
        carried = len(encode_yaml(state["uploaded_yaml"])) <= linkstate.MAX_LINK_CHARS
        st.sidebar.caption(f"Loaded '{md(uploaded.name)}' (this session; "
                           + ("carried in the link)." if carried else "too large for the link)."))
    return key


def scenario_ui(options: dict[str, str], p: dict) -> dict[str, object]:
    """Scenario choice and the custom scenario's sliders."""
    sb = st.sidebar
    sb.header("Scenarios")
    out = {"sc": sb.multiselect("Scenarios", list(options), key="sc", format_func=options.get)}
    with sb.expander("Custom scenario", expanded=CUSTOM in out["sc"]):
        s, y = p["share"], p["year"]
        out["share"] = st.slider("Target share of GDP (%)", s.low, s.high, step=s.step, key="share", format="%.1f%%")
        out["year"] = st.slider("Target fiscal year", y.low, y.high, key="year")
        out["path"] = st.selectbox("Path shape to the target", list(PATH_LABELS), key="path",
                                   format_func=PATH_LABELS.get)
        out["cden"] = st.radio("Target measured against", ["same-year", "fixed-fy2022"], key="cden",
                               format_func=DENOMINATOR_LABELS.get)
    return out


def economy_ui(p: dict) -> dict[str, object]:
    """Economic assumptions: GDP path, inflation, exchange rate, horizon, baseline."""
    sb, history = st.sidebar, spendcalc.load_history()
    sb.subheader("Economy")
    out = {"gdp": sb.radio("GDP assumption", list(GDP_MODES), key="gdp", format_func=GDP_MODES.get,
                           help="Nominal GDP after the last actual year: a dated Cabinet Office projection, "
                           "or one constant growth rate you choose.")}
    out["preset"] = sb.selectbox("Dated projection", list(history.presets), key="preset", disabled=out["gdp"] != "preset",
                                 format_func=lambda n: f"{history.presets[n].title} ({history.presets[n].published})")
    g, i, f, u = p["growth"], p["infl"], p["fx"], p["until"]
    out["growth"] = sb.slider("Nominal GDP growth (%/yr)", g.low, g.high, step=g.step, key="growth", format="%.1f",
                              disabled=out["gdp"] != "growth", help="Used when the GDP assumption is 'Constant "
                              "nominal growth'. Applies to every year after the last actual GDP figure.")
    deflator_last = spendcalc.model.last_actual_deflator_year(history, DEFAULTS.gdp_vintage)
    out["infl"] = sb.slider("Inflation for real terms (%/yr)", i.low, i.high, step=i.step, key="infl", format="%.2f",
                            help=f"GDP-deflator growth after FY{deflator_last} (ESRI's last); real terms "
                            f"are in yen of FY{DEFAULTS.price_base_year}.")
    out["fx"] = sb.slider("Exchange rate (JPY per USD)", f.low, f.high, step=f.step, key="fx", format="%.1f",
                          help="The stated rate for the USD figures of projected years (and of past years if "
                          "chosen below).")
    out["fxa"] = sb.radio("Past years' USD at", list(FX_ACTUALS_LABELS), key="fxa", format_func=FX_ACTUALS_LABELS.get,
                          help="Fiscal-year averages of the Bank of Japan's monthly averages, "
                          f"FY{min(history.fx_fiscal)}–FY{max(history.fx_fiscal)}, or the stated rate.")
    out["fxh"] = sb.checkbox("Past years at their calendar-year average instead", key="fxh",
                             help="FYnnnn at the Federal Reserve's calendar-year-nnnn average (9 of 12 "
                             f"months overlap), {min(history.fx_annual)}–{max(history.fx_annual)}.")
    out["until"] = sb.slider("Last fiscal year shown", u.low, u.high, key="until")
    out["baseline"] = sb.radio("Extra yen measured against", list(BASELINE_LABELS), key="baseline",
                               format_func=BASELINE_LABELS.get, help="Common: one bundled level held flat for "
                               "every scenario (comparable across scenarios). Own: each scenario's last "
                               "decided level in its own scope and basis.")
    return out


def method_ui() -> dict[str, str]:
    """Denominator, scope and budget-basis overrides ('each' keeps each scenario's own)."""
    sb = st.sidebar
    sb.subheader("Method")
    return {"denom": sb.radio("Denominator (share of which GDP?)", list(DENOMINATOR_LABELS), key="denom",
                              format_func=DENOMINATOR_LABELS.get),
            "scope": sb.radio("Scope (which spending counts?)", list(SCOPE_LABELS), key="scope",
                              format_func=SCOPE_LABELS.get),
            "basis": sb.radio("Budget basis (do supplementary budgets count?)", list(BASIS_LABELS), key="basis",
                              format_func=BASIS_LABELS.get, help="The government counted FY2023-FY2025 ratios "
                              "on initial budgets; the FY2025 '2% level' was reached by adding the FY2025 "
                              "supplementary budget.")}


def focus_ui(names: list[str]) -> str:
    """Which selected scenario the headline numbers describe."""
    titles = BUILTINS | {CUSTOM: "Custom (sidebar sliders)"}
    return st.selectbox("Headline numbers for", names, key="focus", persist_state="page",
                        format_func=lambda n: f"{n}: {titles[n]}" if n in titles else n)


# ---- rendering: the headline first, then the open tab -----------------------------------------
def headline(v: View) -> None:
    """The numbers a reader asks first, with units and definitions in the labels."""
    sc, h, a = v.focus, v.headline, v.assumptions
    ty, anchor, scope = h["target_year"], h["anchor_year"], SCOPE_LABELS[v.focus.scope]
    top = st.columns(3)
    top[0].metric(f"Spending needed in FY{ty} (trillion JPY)", trillion_number(h["target_spending_jpy"]),
                  help=f"Yen spent in FY{ty} on this scenario ({scope}), with "
                  f"{DENOMINATOR_LABELS[sc.denominator]} as the target's denominator.")
    top[1].metric(f"Share of fixed FY2022 GDP in FY{ty}", percent(h["share_fixed_fy2022"]),
                  help="The same yen divided by the government's fixed FY2022 GDP "
                  f"({trillion(a.reference_gdp_jpy)}), as the 2% framework counts.")
    top[2].metric(f"Share of same-year GDP in FY{ty}", percent(h["share_same_year"]),
                  help=f"The same yen divided by FY{ty}'s own nominal GDP under the GDP assumption, "
                  "as NATO and SIPRI count.")
    low = st.columns(3)
    low[0].metric(f"Extra per year vs {h['baseline_label']} (trillion JPY)",
                  trillion_number(h["mean_gap_to_baseline_jpy"]),
                  help=f"Average yearly spending above the baseline, FY{anchor + 1} to FY{ty}. "
                  f"Baseline — {h['baseline_text']}.")
    low[1].metric(f"Spending growth needed FY{anchor}–FY{ty} (%/yr)", percent(h["required_spending_growth"], 1),
                  help="Constant yearly growth of spending in yen from the last bundled figure to the "
                  "target. n/a where the target is already due or the path is flat.")
    low[2].metric(f"Break-even GDP growth to FY{ty} (%/yr)", percent(h["break_even_gdp_growth"], 1),
                  help="Constant nominal GDP growth at which this yen amount is exactly the target share "
                  "of same-year GDP. n/a for a flat path or a target already due.")
    st.caption(f"**{md(sc.title or sc.name)}**. Counts {scope.lower()} ({BASIS_LABELS[sc.basis].lower()}); "
               f"target measured against {DENOMINATOR_LABELS[sc.denominator]}; path: "
               f"{PATH_LABELS.get(sc.path, sc.path).lower()}. Fiscal years run April–March. Hover over a "
               f"number for its definition. Extra yen are measured against the baseline {h['baseline_text']}.")
    for caveat in h["caveats"]:
        st.caption(f"Note: {md(caveat)}.")


@st.cache_data(show_spinner=False, max_entries=128)
def chart_specs(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions,
                focus: int) -> tuple[dict, dict]:
    """The two on-screen charts as vega-lite specs (cached by the view's inputs)."""
    tidy = compute(scenarios, assumptions, focus).tidy
    colors = {n: charts.scenario_color(n) for n in tidy["scenario"].unique()}
    return (present.line_chart(tidy, "spending_jpy", "trillion_JPY", "Spending", colors),
            present.line_chart(tidy, "share_of_gdp", "percent", "Share of GDP", colors,
                               claim_layers(tuple(s.name for s in scenarios))))


@st.cache_data(show_spinner=False, max_entries=64)
def claim_layers(names: tuple[str, ...]) -> list[dict]:
    """The articles' claims on the share chart: they depend on which scenarios are drawn only."""
    shown = pd.DataFrame({"scenario": list(names)})  # claim_markers keeps claims of these scenarios
    return present.claim_layers(spendcalc.claim_markers(shown, reference_tables()["claims"]), "percent")


def trajectories_tab(v: View) -> None:
    """Yen and share-of-GDP charts (with the articles' claims), and the downloads."""
    spending, share = chart_specs(v.scenarios, v.assumptions, v.scenarios.index(v.focus))
    left, right = st.columns(2)
    left.vega_lite_chart(spec=spending, width="stretch", height=420)
    right.vega_lite_chart(spec=share, width="stretch", height=420)
    st.caption("Filled dots: enacted budgets, government plans and estimates derived from published "
               "figures; hollow dots: this calculator's projection. The share chart uses each scenario's "
               "own denominator. Diamonds: targets as the articles state them (details in the Claims tab).")
    bases = dict.fromkeys(m["baseline_description"] for m in v.tidy.attrs.get("methodology", {}).values())
    st.caption("Extra yen (downloads and the extra-yen chart) are measured against the baseline "
               + " | ".join(bases) + ".")
    downloads(v)


@st.fragment
def downloads(v: View) -> None:
    """Download buttons; choosing a chart reruns only this part. Files are made on click."""
    st.markdown("**Downloads**")
    cols, focus = st.columns([1, 1, 2, 1, 1]), v.focus.name
    cols[0].download_button("Trajectories (CSV)", data=lambda: csv_text(v.tidy), file_name="spendcalc-trajectories.csv",
                            mime="text/csv", on_click="ignore", key="dl_csv",
                            help="The tidy table with the methodology and sources as # lines.")
    cols[1].download_button("Scenario (YAML)", data=spendcalc.scenario_to_yaml(v.focus), file_name=f"{focus}.yaml",
                            mime="application/x-yaml", on_click="ignore", key="dl_yaml",
                            help=f"The headline scenario ({md(focus)}), with the method choices applied; "
                            "load it again with 'Load a scenario file'.")
    kind = cols[2].selectbox("Chart to download", list(CHART_KINDS), key="dl_kind", format_func=CHART_KINDS.get,
                             label_visibility="collapsed")
    for col, fmt, mime, dpi in ((cols[3], "png", "image/png", 200), (cols[4], "svg", "image/svg+xml", 100)):
        col.download_button(f"Chart ({fmt.upper()})", key=f"dl_{fmt}", on_click="ignore", mime=mime,
                            file_name=f"spendcalc-{kind}.{fmt}",
                            data=lambda fmt=fmt, dpi=dpi: chart_bytes(kind, v.scenarios, v.assumptions, focus, fmt, dpi))
    if st.toggle("Preview the chart as downloaded (slower)", key="preview"):
        st.image(chart_bytes(kind, v.scenarios, v.assumptions, focus, "png", 90))


def uncertainty_tab(v: View) -> None:
    """The probability of meeting the target and the percentiles, exact under the GDP model."""
    cols, focus = st.columns([2, 2, 1, 1]), v.focus
    run = cols[0].toggle("Simulate uncertain GDP growth", key="mc", persist_state="page",
                         help="Percentiles of same-year GDP around the GDP assumption, holding the "
                         "scenario's yen fixed. Off by default so that slider changes stay instant.")
    measure = cols[1].radio("Share measured on", ["same-year", "own"], key="mo", persist_state="page",
                            format_func={"same-year": "Same-year GDP (uncertain)",
                                         "own": "The scenario's own denominator"}.get,
                            help="A plan fixed on FY2022 GDP is certain on that basis; on same-year GDP it "
                            "asks whether the yen are really that share of the GDP of the target year.")
    p = link_params()
    paths = int(cols[2].selectbox("Paths", list(p["paths"].choices), key="paths", persist_state="page",
                                  format_func=lambda n: f"{int(n):,}"))
    cols[3].number_input("Seed", p["seed"].low, p["seed"].high, step=1, key="seed", persist_state="page")
    if not run:
        st.caption(f"Switch on to compute the uncertainty of '{md(focus.name)}' ({paths:,} paths for the "
                   "Monte Carlo cross-check; the figures shown are exact).")
        return
    summary, fan = uncertainty(focus, v.assumptions, "same-year" if measure == "same-year" else None)
    prob = summary.attrs.get("probability")
    basis = "same-year GDP" if "same-year" in (measure, focus.denominator) else "fixed FY2022 GDP"
    st.metric(f"Probability of reaching {percent(focus.target_share, 1)} of {basis} in FY{focus.target_year}"
              if focus.target_share is not None else "Probability of reaching the target",
              "n/a" if prob is None else percent(prob, 0),
              help="Probability, exact under the stated GDP model (log-normal growth around the GDP "
              "assumption), that the scenario's yen meet the target share in the target year.")
    if prob is None:
        st.caption(md(summary.attrs.get("note") or "No probability for this scenario."))
    st.image(fan)
    st.dataframe(summary, hide_index=True)


@st.fragment
def claims_tab(v: View) -> None:
    """The articles' claims with verdicts and quotes; the filters rerun only this tab."""
    audit = claims_audit(v.scenarios, v.assumptions)
    cols = st.columns(2)
    articles = cols[0].multiselect("Article", sorted(audit["article"].astype(str).unique()), key="claims_article",
                                   placeholder="All articles")
    verdicts = cols[1].multiselect("Verdict", sorted(audit["verdict"].astype(str).unique()), key="claims_verdict",
                                   placeholder="All verdicts")
    shown = audit[audit["article"].astype(str).isin(articles or audit["article"].astype(str))
                  & audit["verdict"].astype(str).isin(verdicts or audit["verdict"].astype(str))]
    st.caption(f"{len(shown)} of {len(audit)} claims, checked against the bundled data and the model with "
               "the current assumptions.")
    st.dataframe(shown, hide_index=True, height=520, column_order=["claim_id", "verdict", "reason", "quote",
                 "article", "fiscal_year", "value", "unit"],
                 column_config={"reason": st.column_config.TextColumn(width="large"),
                                "quote": st.column_config.TextColumn(width="large")})


def data_tab(v: View) -> None:
    """The tidy table, definitions, sources and data vintages."""
    st.markdown(present.DEFINITIONS.format(reference_gdp=trillion(DEFAULTS.reference_gdp_jpy)))
    st.markdown("**Methodology of the current view**")
    st.caption(md(charts.methodology_note(v.tidy)))
    st.dataframe(arrow_safe(spendcalc.methodology_table(v.tidy)), hide_index=True)
    st.markdown("**Sources and data vintages**")
    st.dataframe(present.sources_table(reference_tables()["meta"]), hide_index=True)
    st.markdown("**Trajectories (tidy table)**")
    st.dataframe(v.tidy, hide_index=True)
    with st.expander("All bundled figures with their sources"):
        st.dataframe(reference_tables()["history"], hide_index=True)


#: the tabs, in order: (label, function drawing it from the View). A new tab goes here.
TABS: tuple[tuple[str, Callable[[View], None]], ...] = (
    ("Trajectories", trajectories_tab), ("Uncertainty", uncertainty_tab), ("Claims", claims_tab),
    ("Data & methodology", data_tab))


def main() -> None:
    """Draw the app: link → the headline from the widgets' values → the widgets → the open tab."""
    st.set_page_config(page_title="spendcalc — Japan defense spending", layout="wide")
    warnings, state, p = read_link_once(), st.session_state, link_params()
    st.markdown("##### Japan's defense spending: what do the targets mean in yen?")
    for text in warnings:
        st.warning(md(text))  # warnings quote the link's text: shown literally
    uploaded = spendcalc.scenario_from_yaml(state["uploaded_yaml"]) if state.get("uploaded_yaml") else None
    options = {n: f"{n}: {t}" for n, t in BUILTINS.items()} | {CUSTOM: "Custom (sliders below)"}
    if uploaded:
        options[uploaded.name] = f"{md(uploaded.title or uploaded.name)} (uploaded)"
    state["sc"] = [n for n in state["sc"] if n in options]
    if state["sc"] and state.get("focus") not in state["sc"]:
        state["focus"] = linkstate.default_focus(state["sc"])
    start = {key: state[key] for key in p}  # the widgets' values at the start of this run
    view = None
    if not start["sc"]:
        st.info("Choose at least one scenario in the sidebar.")
    else:
        try:  # the headline first: on a phone it is the first screen, and it is sent before the widgets
            names, scenarios, assumptions = model_inputs(start, uploaded)
            view = compute(scenarios, assumptions, names.index(start["focus"]))
            headline(view)
        except spendcalc.SpendcalcError as exc:
            st.error(f"These settings cannot be computed: {md(exc)}")
        focus_ui(start["sc"])
    upload_ui(state, uploaded)
    drawn = scenario_ui(options, p) | economy_ui(p) | method_ui()
    if any(drawn[key] != start[key] for key in drawn):
        st.rerun()  # a widget corrected its value (Streamlit clamps to the window): show that instead
    if view is not None:
        tabs = st.tabs([label for label, _ in TABS], key="tab", bind="query-params")
        for tab, (label, draw) in zip(tabs, TABS, strict=True):
            if tab.open:  # only the open tab is computed, so a slider change stays quick
                with tab:
                    try:
                        draw(view)
                    except Exception as exc:  # one tab must not take the whole app down
                        st.error(f"The {label} tab is unavailable: {md(f'{type(exc).__name__}: {exc}')}")
    write_link()
    st.caption("Copy the page address to share this exact view. Sources: data/README.md.")


if __name__ == "__main__":
    main()
