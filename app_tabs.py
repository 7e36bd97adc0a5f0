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
from spendcalc import chartdata, charts, linkstate, present, schema
from spendcalc.data import read_articles_index
from spendcalc.output import markdown_text as md
from spendcalc.present import View, percent, trillion

DEFAULTS = spendcalc.default_assumptions()
BY_INPUTS = {View: lambda v: (v.scenarios, v.assumptions, v.focus)}  # not the derived tables
BY_VIEW_AND_LANG = {View: lambda v: (v.scenarios, v.assumptions, v.focus, v.lang)}  # charts: also the language


@st.cache_data(show_spinner=False)
def reference_tables() -> dict[str, pd.DataFrame | dict]:
    """Bundled figures, their sidecars and the articles' claims (the same for every reader)."""
    return {"history": arrow_safe(spendcalc.history_table()), "claims": spendcalc.read_claims(),
            "meta": {name: spendcalc.read_table(name)[1] for name in spendcalc.data.TABLES}}



@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_VIEW_AND_LANG)
def chart_bytes(kind: str, v: View, fmt: str, dpi: int) -> bytes:
    """One chart as PNG or SVG bytes (drawn only when asked for): the figure of the brief set
    (``spendcalc chart``), from the same chart data as the chart on screen, in the reader's language."""
    shown = pd.DataFrame({"scenario": [s.name for s in v.scenarios]})
    claims = spendcalc.claim_markers(shown, reference_tables()["claims"]) if kind == "share" else None
    fig = charts.plot_kind(kind, v.tidy, focus=v.focus.name, claims=claims, lang=v.lang,
                           articles=article_names())
    buf = io.BytesIO()
    with charts.chart_style(v.lang):
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



@st.cache_data(show_spinner=False, max_entries=128, hash_funcs=BY_VIEW_AND_LANG)
def chart_specs(v: View) -> tuple[dict, dict]:
    """The two on-screen charts as vega-lite specs, from the same chart data as the downloads
    (``spendcalc.chartdata``; cached by the view's inputs and language)."""
    shown = pd.DataFrame({"scenario": [s.name for s in v.scenarios]})
    claims = spendcalc.claim_markers(shown, reference_tables()["claims"])
    return (present.chart_spec(chartdata.spending(v.tidy, lang=v.lang)),
            present.chart_spec(chartdata.share(v.tidy, claims=claims, lang=v.lang,
                                               articles=article_names())))


@st.cache_data(show_spinner=False, max_entries=64)
def claim_layers(names: tuple[str, ...]) -> list[dict]:
    """The articles' claims on the share chart: they depend on which scenarios are drawn only."""
    shown = pd.DataFrame({"scenario": list(names)})  # claim_markers keeps claims of these scenarios
    return present.claim_layers(spendcalc.claim_markers(shown, reference_tables()["claims"]), "percent")


@st.cache_data(show_spinner=False)
def article_names() -> dict[str, str]:
    """Article number -> outlet (or headline) and date: the key to the claim labels."""
    return chartdata.article_names(read_articles_index())


def trajectories_tab(v: View) -> None:
    """Yen and share-of-GDP charts (with the articles' claims), and the downloads."""
    spending, share = chart_specs(v)
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
                            data=lambda fmt=fmt, dpi=dpi: chart_bytes(kind, v, fmt, dpi))
    if st.toggle("Preview the chart as downloaded (slower)", key="preview"):
        st.image(chart_bytes(kind, v, "png", 90))


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
    paths = int(cols[2].selectbox("Paths", list(linkstate.PATHS), key="paths", persist_state="page",
                                  format_func=lambda n: f"{int(n):,}"))
    seed = schema.ui_window("seed")
    cols[3].number_input("Seed", seed["min"], seed["max"], step=1, key="seed", persist_state="page")
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
