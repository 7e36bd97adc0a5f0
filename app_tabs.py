"""The app's tabs: one function per tab, each drawing from a :class:`spendcalc.present.View`.

Imported by ``app.py``. To add a tab: write ``def my_tab(v: View) -> None`` here and add
``("Label", my_tab)`` to ``TABS`` (the tab's label is also its value in the link, ``?tab=``).
Results are cached by their inputs; a View is hashed by its scenarios and assumptions only.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd
import streamlit as st

import spendcalc
from spendcalc import bundle, charts, i18n, linkstate, present, schema
from spendcalc.data import read_articles_index
from spendcalc.i18n import t
from spendcalc.output import markdown_text as md
from spendcalc.present import View, percent, trillion

DEFAULTS = spendcalc.default_assumptions()
BUILTIN_NAMES = tuple(s.name for s in spendcalc.builtin_scenarios())
#: a View is cached by its inputs, not the derived tables; their repr (every field, floats exactly)
#: is far cheaper for Streamlit to hash than the dataclasses field by field
BY_INPUTS = {View: lambda v: repr((v.scenarios, v.assumptions, v.focus, v.lang))}
BY_REPR = {spendcalc.Scenario: repr, spendcalc.Assumptions: repr}


@st.cache_data(show_spinner=False)
def reference_tables() -> dict[str, pd.DataFrame | dict]:
    """Bundled figures, their sidecars and the articles' claims (the same for every reader)."""
    return {"history": arrow_safe(spendcalc.history_table()), "claims": spendcalc.read_claims(),
            "meta": {name: spendcalc.read_table(name)[1] for name in spendcalc.data.TABLES}}



@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_INPUTS)
def chart_bytes(kind: str, v: View, fmt: str, dpi: int) -> bytes:
    """One chart from ``spendcalc.charts`` as PNG or SVG bytes (drawn only when asked for)."""
    from matplotlib.figure import Figure

    with charts.chart_style():
        fig = Figure(figsize=(8, 5), layout="constrained")
        ax = fig.subplots()
        if kind == "share":
            charts.plot_share(v.tidy, claims=spendcalc.claim_markers(v.tidy), ax=ax)
        elif kind == "denominator":
            charts.plot_denominator_gap(v.tidy, v.focus.name, ax=ax)
        else:
            {"gap": charts.plot_gap_to_baseline, "usd": charts.plot_usd}.get(kind, charts.plot_spending)(v.tidy, ax=ax)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
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



@st.cache_data(show_spinner=False, max_entries=128, hash_funcs=BY_INPUTS)
def chart_specs(v: View) -> tuple[dict, dict]:
    """The two on-screen charts as vega-lite specs (cached by the view's inputs)."""
    colors = {n: charts.scenario_color(n) for n in v.tidy["scenario"].unique()}
    return (present.line_chart(v.tidy, "spending_jpy", "trillion_JPY", "Spending", colors),
            present.line_chart(v.tidy, "share_of_gdp", "percent", "Share of GDP", colors,
                               claim_layers(tuple(s.name for s in v.scenarios))))


@st.cache_data(show_spinner=False, max_entries=64)
def claim_layers(names: tuple[str, ...]) -> list[dict]:
    """The articles' claims on the share chart: they depend on which scenarios are drawn only."""
    shown = pd.DataFrame({"scenario": list(names)})  # claim_markers keeps claims of these scenarios
    return present.claim_layers(spendcalc.claim_markers(shown, reference_tables()["claims"]), "percent")


def trajectories_tab(v: View) -> None:
    """Yen and share-of-GDP charts (with the articles' claims), the readable table, the downloads."""
    spending, share = chart_specs(v)
    left, right = st.columns(2)
    left.vega_lite_chart(spec=spending, width="stretch", height=420)
    right.vega_lite_chart(spec=share, width="stretch", height=420)
    st.caption(t("app.traj.dots", v.lang))
    bases = dict.fromkeys(m["baseline_description"] for m in v.tidy.attrs.get("methodology", {}).values())
    st.caption(t("app.traj.baselines", v.lang, bases=md(" | ".join(bases))))
    year_table(v)
    downloads(v)


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_INPUTS)
def readable(v: View, name: str, lang: str) -> pd.DataFrame:
    """The per-year table a reader reads (``spendcalc.present.readable_table``), cached by inputs."""
    return present.readable_table(v.tidy, name, lang)


@st.fragment
def year_table(v: View) -> None:
    """The readable per-year table of one scenario (the headline's by default); reruns alone."""
    names = [s.name for s in v.scenarios]
    name = v.focus.name
    if len(names) > 1:
        chosen = st.selectbox(t("app.traj.table_scenario", v.lang), names, index=names.index(name),
                              key=f"table_scenario_{name}")
        name = chosen if chosen in names else name
    title = next((s.title or s.name) for s in v.scenarios if s.name == name)
    st.markdown(t("app.traj.table", v.lang, title=md(title)))
    st.dataframe(readable(v, name, v.lang), hide_index=True)


@st.cache_resource
def data_version() -> str:
    """The bundled data's fingerprint (``spendcalc.bundle.data_version``), once per process."""
    return bundle.data_version(reference_tables()["meta"])


@st.cache_resource
def app_version() -> str:
    """The installed spendcalc version (for the citation and the zip)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spendcalc")
    except PackageNotFoundError:
        return "unknown"


def page_address() -> str:
    """The page address with this view's parameters (what a copied link holds)."""
    from urllib.parse import urlencode

    base = st.context.url or "http://localhost:8501/"
    query = urlencode({key: st.query_params[key] for key in st.query_params}, safe=",")
    return f"{base}?{query}" if query else base


@st.cache_data(show_spinner=False, max_entries=16, hash_funcs=BY_INPUTS)
def newsroom_zip(v: View, url: str, accessed: str) -> bytes:
    """The zip of ``spendcalc.bundle`` for this view (made on click, cached by its inputs)."""
    return bundle.newsroom_zip(v.tidy, reference_tables()["meta"], version=app_version(), url=url,
                               accessed=accessed, methodology_note=charts.methodology_note(v.tidy), lang=v.lang)


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def scenario_yaml(sc: spendcalc.Scenario) -> str:
    """The scenario file's text (``spendcalc.scenario_to_yaml``), cached: it is sent on every run."""
    return spendcalc.scenario_to_yaml(sc)


@st.fragment
def downloads(v: View) -> None:
    """Download buttons and the citation; choosing a chart reruns only this part. Files are made on click."""
    import datetime

    lang, url = v.lang, page_address()
    accessed = datetime.datetime.now(datetime.UTC).date().isoformat()
    st.markdown(t("app.dl.heading", lang))
    top = st.columns(3)
    top[0].download_button(t("app.dl.zip", lang), data=lambda: newsroom_zip(v, url, accessed),
                           file_name="spendcalc-data.zip", mime="application/zip", on_click="ignore",
                           key="dl_zip", help=t("app.dl.zip_help", lang))
    top[1].download_button(t("app.dl.csv", lang), data=lambda: bundle.data_csv(v.tidy),
                           file_name="spendcalc-trajectories.csv", mime="text/csv", on_click="ignore",
                           key="dl_csv", help=t("app.dl.csv_help", lang))
    saved = bundle.scenario_for_download(v.focus, [*BUILTIN_NAMES, linkstate.CUSTOM])
    top[2].download_button(t("app.dl.yaml", lang), data=scenario_yaml(saved),
                           file_name=f"{saved.name}.yaml", mime="application/x-yaml", on_click="ignore",
                           key="dl_yaml", help=t("app.dl.yaml_help", lang, name=md(v.focus.name), saved=md(saved.name)))
    cols = st.columns([2, 1, 1])
    kind = cols[0].selectbox(t("app.dl.chart_kind", lang), list(CHART_KINDS), key="dl_kind", format_func=CHART_KINDS.get,
                             label_visibility="collapsed")
    for col, fmt, mime, dpi in ((cols[1], "png", "image/png", 200), (cols[2], "svg", "image/svg+xml", 100)):
        col.download_button(t("app.dl.chart", lang, fmt=fmt.upper()), key=f"dl_{fmt}", on_click="ignore", mime=mime,
                            file_name=f"spendcalc-{kind}.{fmt}",
                            data=lambda fmt=fmt, dpi=dpi: chart_bytes(kind, v, fmt, dpi))
    if st.toggle(t("app.dl.preview", lang), key="preview"):
        st.image(chart_bytes(kind, v, "png", 90))
    st.markdown(f"**{t('app.dl.cite', lang)}**")
    st.code(bundle.cite_text(url, app_version(), data_version(), accessed, lang),
            language=None, wrap_lines=True)


def uncertainty_tab(v: View) -> None:
    """Questions about a fixed yen plan, then the probability of the scenario's own target and the
    percentiles; all exact under the GDP model, each probability with what it is conditional on."""
    cols, focus, lang = st.columns([2, 2, 1, 1]), v.focus, v.lang
    run = cols[0].toggle(t("app.uq.run", lang), key="mc", persist_state="page", help=t("app.uq.run_help", lang))
    measures = {"same-year": t("app.uq.measure_same", lang), "own": t("app.uq.measure_own", lang)}
    measure = cols[1].radio(t("app.uq.measure", lang), list(measures), key="mo", persist_state="page",
                            format_func=measures.get, help=t("app.uq.measure_help", lang))
    paths = int(cols[2].selectbox(t("app.uq.paths", lang), list(linkstate.PATHS), key="paths", persist_state="page",
                                  format_func=lambda n: f"{int(n):,}"))
    seed = schema.ui_window("seed")
    cols[3].number_input(t("app.uq.seed", lang), seed["min"], seed["max"], step=1, key="seed", persist_state="page")
    if not run:
        st.caption(t("app.uq.off", lang, name=md(focus.name), paths=f"{paths:,}"))
        return
    plan_questions(v)
    summary, fan = uncertainty(focus, v.assumptions, "same-year" if measure == "same-year" else None)
    prob = summary.attrs.get("probability")
    basis = t("denominator.same_year" if "same-year" in (measure, focus.denominator) else "denominator.fixed_fy2022",
              lang)
    st.metric(t("app.uq.own_prob", lang, share=percent(focus.target_share, 1), basis=basis, year=focus.target_year)
              if focus.target_share is not None else t("app.uq.own_prob_none", lang),
              "n/a" if prob is None else percent(prob, 0), help=t("app.uq.own_prob_help", lang))
    if prob is None:
        st.caption(md(summary.attrs.get("note") or t("app.uq.no_prob", lang)))
    else:
        st.markdown(md(t("app.uq.own_note", v.lang, note=summary.attrs.get("note", ""))))
        if summary.attrs.get("sized_on_central_path"):
            st.markdown(f"**{md(t('app.uq.by_construction', v.lang))}**")
    st.image(fan)
    st.dataframe(summary, hide_index=True)


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def plan_odds(sc: spendcalc.Scenario, a: spendcalc.Assumptions, share: float, usd: float,
              case: str | None) -> dict:
    """``spendcalc.simulate.fixed_plan_odds`` with the plan sized on GDP case ``case`` (a preset
    name; None: the assumptions' own GDP path)."""
    from dataclasses import replace

    from spendcalc.simulate import fixed_plan_odds

    history = spendcalc.load_history()
    plan = None if case is None else replace(a, gdp_preset=case, growth_rate=None, growth_overrides=(),
                                             gdp_vintage=history.presets[case].vintage)
    return fixed_plan_odds(sc, a, history, share=share, usd=usd, plan_assumptions=plan)


@st.fragment
def plan_questions(v: View) -> None:
    """Will a fixed yen plan reach X% of the GDP that happens, exceed N dollars; what growth would
    it need. Each answer with the sentence saying what it is conditional on. Reruns alone."""
    lang, history = v.lang, spendcalc.load_history()
    st.markdown(t("app.uq.heading", lang))
    cols = st.columns(2)
    plans = {"fy2027": t("app.uq.plan_fy2027", lang, name="original-fy2027"),
             "focus": t("app.uq.plan_focus", lang, name=md(v.focus.name))}
    which = cols[0].radio(t("app.uq.plan", lang), list(plans), format_func=plans.get, key="uq_plan",
                          persist_state="page")
    sc = spendcalc.resolve_scenarios(["original-fy2027"])[0] if which == "fy2027" else v.focus
    case = None
    if which == "focus":
        cases = {"": t("app.uq.case_current", lang)} | {n: p.title for n, p in history.presets.items()}
        case = cols[1].selectbox(t("app.uq.case", lang), list(cases), format_func=cases.get, key="uq_case",
                                 persist_state="page") or None
    default_share = round(100 * (sc.target_share or 0.02), 1)
    share = cols[0].slider(t("app.uq.share", lang), 0.5, 6.0, default_share, step=0.1, format="%.1f%%",
                           key=f"uq_share_{sc.name}")
    usd_bn = cols[1].number_input(t("app.uq.usd", lang), 1.0, 1000.0, 100.0, step=5.0, key="uq_usd")
    odds = plan_odds(sc, v.assumptions, share / 100, usd_bn * 1e9, case)
    year, spend = odds["year"], i18n.yen(odds["spend_jpy"], lang)
    if odds["certain"]:
        st.caption(t("app.uq.certain", lang, year=year))
        return
    left, right = st.columns(2)
    left.metric(t("app.uq.q_share", lang, year=year, share=i18n.percent(share / 100, lang)),
                present.probability_text(odds["p_share"]))
    left.markdown(md(t("app.uq.cond_share", lang, spend=spend, year=year, plan_gdp=odds["plan_gdp_assumption"],
                       gdp=odds["gdp_assumption"], median_gdp=i18n.yen(odds["median_gdp_jpy"], lang),
                       sd=f"{odds['sd_log_gdp']:.3f}", vol_note=odds["volatility_note"],
                       median_share=i18n.percent(odds["median_share"], lang, 2))))
    if which == "focus" and odds["same_path"] and abs(share / 100 - (sc.target_share or -1)) < 1e-9 \
            and sc.denominator == "same-year":
        left.markdown(f"**{md(t('app.uq.by_construction', lang))}**")
    right.metric(t("app.uq.q_usd", lang, year=year, usd=i18n.usd_bn(usd_bn * 1e9, lang)),
                 present.probability_text(odds["p_usd"]))
    right.markdown(md(t("app.uq.cond_usd", lang, spend=spend, year=year, rate=round(odds["median_jpy_per_usd"], 2),
                        sd=f"{odds['sd_log_fx']:.3f}", fx_vol=f"{odds['fx_volatility']:.3f}",
                        fx_note=odds["fx_volatility_note"], median=i18n.usd_bn(odds["median_usd"], lang))))
    growth = odds["needed_gdp_growth"]
    st.metric(t("app.uq.q_growth", lang, share=i18n.percent(share / 100, lang), year=year),
              i18n.percent(growth, lang))
    st.markdown(md(t("app.uq.growth_text", lang, spend=spend, share=i18n.percent(share / 100, lang), year=year,
                     rate=i18n.percent(growth, lang), start=odds["jump_off_year"],
                     shrink=t("app.h.shrink", lang) if growth < 0 else "")))


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


@st.cache_data(show_spinner=False, max_entries=16)
def bridge_table(year: int, basis: str) -> pd.DataFrame:
    """The scope waterfall of one fiscal year (the same for every reader)."""
    return spendcalc.bridge(year, basis=basis)


@st.cache_data(show_spinner=False)
def sipri_table() -> pd.DataFrame:
    """The SIPRI-comparable calendar-year series beside SIPRI's figures (the same for every reader)."""
    return spendcalc.sipri_series()


def reconcile_tab(v: View) -> None:
    """Published figures reconciled: the scope waterfall of a fiscal year, and SIPRI's calendar years."""
    from spendcalc.reconcile import BRIDGE_YEARS

    st.markdown("**Scope waterfall: from the MOD budget to the security-related total**")
    cols = st.columns(2)
    year = cols[0].selectbox("Fiscal year", BRIDGE_YEARS, index=BRIDGE_YEARS.index(spendcalc.data.default_value("bridge_year")), key="bridge_year",
                             persist_state="page",
                             format_func=lambda y: f"FY{y}" + (" (plan composition)" if y == 2027 else ""))
    basis = cols[1].radio("Basis", ("with-supplementary", "initial"), horizontal=True, key="bridge_basis",
                          persist_state="page")
    table = bridge_table(year, basis)
    st.caption(md(f"{table.attrs['note']} Same-year GDP: {table.attrs['gdp_same_year']}. Fixed: the "
                  f"FY2022 reference GDP ({trillion(table.attrs['reference_gdp_jpy'])})."))
    shown = table.assign(trillion_jpy=table["value_jpy"] / 1e12,
                         running_total_trillion_jpy=table["running_total_jpy"] / 1e12)
    st.dataframe(arrow_safe(shown), hide_index=True,
                 column_order=["step", "component", "trillion_jpy", "running_total_trillion_jpy",
                               "share_of_gdp_fixed_fy2022", "share_of_gdp_same_year",
                               "spending_per_capita_jpy", "status", "source_title", "source_url",
                               "derivation"],
                 column_config={"component": st.column_config.TextColumn(width="large"),
                                "derivation": st.column_config.TextColumn(width="large")})
    st.markdown("**SIPRI-comparable calendar years (share of calendar-year GDP) beside SIPRI's figures**")
    sipri = sipri_table()
    st.caption("Calendar year t = 3/4 of FY t + 1/4 of FY t-1 (MOD budget incl. SACO/realignment plus "
               "known supplementary budgets), over calendar-year GDP derived the same way; each year's "
               "difference from SIPRI's published share is explained in the last column.")
    shown = pd.DataFrame({
        "calendar year": sipri["calendar_year"],
        "spending (trillion JPY)": sipri["spending_jpy"] / 1e12,
        "share of CY GDP (%)": 100 * sipri["share_of_gdp"],
        "SIPRI share (%)": 100 * sipri["sipri_share_of_gdp"],
        "difference (pt)": sipri["difference_share_pt"],
        "share of CY GDP, first estimate (%)": 100 * sipri["share_of_gdp_on_first_estimate"],
        "spending (USD bn)": sipri["spending_usd"] / 1e9,
        "SIPRI (USD bn)": sipri["sipri_spending_usd"] / 1e9,
        "why it differs": sipri["explanation"],
    })
    number = {c: st.column_config.NumberColumn(format="%.3f") for c in shown.columns[1:6]}
    number |= {c: st.column_config.NumberColumn(format="%.1f") for c in shown.columns[6:8]}
    st.dataframe(arrow_safe(shown), hide_index=True,
                 column_config=number | {"calendar year": st.column_config.NumberColumn(format="%d"),
                                         "why it differs": st.column_config.TextColumn(width="large")})


#: the tabs, in order: (label, function drawing it from the View). A new tab goes here.
TABS: tuple[tuple[str, Callable[[View], None]], ...] = (
    ("Trajectories", trajectories_tab), ("Uncertainty", uncertainty_tab), ("Claims", claims_tab),
    ("Reconcile", reconcile_tab), ("Data & methodology", data_tab))



CHART_KINDS = {"spending": "Spending (trillion JPY)", "share": "Share of GDP with the articles' claims",
               "denominator": "Fixed vs same-year denominator (focus scenario)",
               "gap": "Extra spending versus flat", "usd": "Spending in US dollars"}
