"""The app's tabs: one function per tab, each drawing from a :class:`spendcalc.present.View`.

Imported by ``app.py``. To add a tab: write ``def my_tab(v: View) -> None`` here and add
``("Label", my_tab)`` to ``TABS`` (the English label is its value in the link, ``?tab=``, in either
language; ``app.TAB_LABELS`` names its label in the catalogue). A tab shows text in ``v.lang``.
Results are cached by their inputs; a View is hashed by its scenarios and assumptions only.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping

import pandas as pd
import streamlit as st

import spendcalc
from spendcalc import answers, bundle, chartdata, charts, i18n, linkstate, present, schema
from spendcalc.claims import reasons
from spendcalc.data import read_articles_index
from spendcalc.i18n import MESSAGES, fy, t, yen
from spendcalc.output import markdown_text as md
from spendcalc.present import View, percent, trillion

DEFAULTS = spendcalc.default_assumptions()
BUILTIN_NAMES = tuple(s.name for s in spendcalc.builtin_scenarios())
#: a View is cached by its inputs, not the derived tables; their repr (every field, floats exactly)
#: is far cheaper for Streamlit to hash than the dataclasses field by field
BY_INPUTS = {View: lambda v: repr((v.scenarios, v.assumptions, v.focus, v.lang))}
BY_REPR = {spendcalc.Scenario: repr, spendcalc.Assumptions: repr}
BY_VIEW_AND_LANG = BY_INPUTS  # charts: also the language (BY_INPUTS includes it)


@st.cache_data(show_spinner=False)
def reference_tables() -> dict[str, pd.DataFrame | dict]:
    """Bundled figures, their sidecars and the articles' claims (the same for every reader)."""
    return {"history": arrow_safe(spendcalc.history_table()), "claims": spendcalc.read_claims(),
            "meta": spendcalc.data.tables_meta()}



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


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def uncertainty(scenario: spendcalc.Scenario, assumptions: spendcalc.Assumptions,
                measured_on: str | None, lang: str = "en") -> tuple[pd.DataFrame, bytes]:
    """Exact percentiles and probability (``spendcalc.simulate``) and the fan chart as PNG, drawn
    in the house style in the reader's language (as ``spendcalc chart --lang`` draws it)."""
    from matplotlib.figure import Figure

    summary = spendcalc.simulate(scenario, assumptions=assumptions, measured_on=measured_on, method="exact")
    with charts.chart_style(lang):
        fig = Figure(figsize=(8, 4.5), layout="constrained")
        charts.plot_fan(summary, ax=fig.subplots(), lang=lang)
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
    audit = audit.assign(reason_ja=reasons(audit, "ja"))  # the Claims tab shows the reader's language
    return arrow_safe(audit.assign(article=audit["article"].map(lambda f: titles.get(f, f))))


def arrow_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Mixed-type (object) columns as text, so the table displays without conversion warnings."""
    mixed = [c for c in df.columns if df[c].dtype == object]
    return df.astype({c: str for c in mixed}) if mixed else df


@st.cache_data(show_spinner=False, max_entries=128, hash_funcs=BY_VIEW_AND_LANG)
def chart_specs(v: View) -> tuple[dict, dict]:
    """The two on-screen charts as vega-lite specs, from the same chart data as the downloads
    (``spendcalc.chartdata``; cached by the view's inputs and language)."""
    shown = pd.DataFrame({"scenario": [s.name for s in v.scenarios]})
    claims = spendcalc.claim_markers(shown, reference_tables()["claims"])
    return (present.chart_spec(chartdata.spending(v.tidy, lang=v.lang)),
            present.chart_spec(chartdata.share(v.tidy, claims=claims, lang=v.lang,
                                               articles=article_names())))


@st.cache_data(show_spinner=False)
def article_names() -> dict[str, str]:
    """Article number -> outlet (or headline) and date: the key to the claim labels."""
    return chartdata.article_names(read_articles_index())


def trajectories_tab(v: View) -> None:
    """Yen and share-of-GDP charts (with the articles' claims), the readable table, the downloads."""
    spending, share = chart_specs(v)
    for col, spec in zip(st.columns(2), (spending, share), strict=True):  # stacked below 640 px
        col.vega_lite_chart(spec=spec, width="stretch", height="content")  # plot height in the spec
        if spec["usermeta"]["caption"]:  # the claims' key, one line per entry
            col.caption("  \n".join(md(line) for line in spec["usermeta"]["caption"]))
    st.caption(t("app.traj.dots", v.lang))
    last = int(v.tidy["fiscal_year"].max())  # the baseline is held flat: any projected year gives its level
    bases = dict.fromkeys(answers.baseline_words(v.tidy, m, last, v.lang)
                          for m in v.tidy.attrs.get("methodology", {}).values())
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
    title = scenario_title(v, name, next((s.title or s.name) for s in v.scenarios if s.name == name))
    st.markdown(t("app.traj.table", v.lang, title=md(title)))
    st.dataframe(readable(v, name, v.lang), hide_index=True)


@st.cache_resource
def data_version() -> str:
    """The bundled data's fingerprint (``spendcalc.bundle.data_version``), once per process."""
    return bundle.data_version(reference_tables()["meta"])


@st.cache_resource
def app_version() -> str:
    """The installed spendcalc version (for the citation and the zip), once per process."""
    return spendcalc.data.software_version()


def page_address() -> str:
    """The page address with this view's parameters (what a copied link holds)."""
    from urllib.parse import urlencode

    base = st.context.url or "http://localhost:8501/"
    query = urlencode({key: st.query_params[key] for key in st.query_params}, safe=",")
    return f"{base}?{query}" if query else base


@st.cache_data(show_spinner=False, max_entries=16, hash_funcs=BY_INPUTS)
def newsroom_zip(v: View, url: str, accessed: str) -> bytes:
    """The zip of ``spendcalc.bundle`` for this view (made on click, cached by its inputs)."""
    readme = None if v.lang == "en" else {"methodology_note": charts.methodology_note(v.tidy, lang=v.lang),
                                          "methodology": methodology_records(v)}  # the README in the reader's language
    return bundle.newsroom_zip(v.tidy, reference_tables()["meta"], version=app_version(), url=url,
                               accessed=accessed, methodology_note=charts.methodology_note(v.tidy), lang=v.lang,
                               readme=readme)


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
    kind = cols[0].selectbox(t("app.dl.chart_kind", lang), list(CHART_KINDS), key="dl_kind",
                             format_func=lambda k: t(f"app.dl.kind.{k}", lang) if f"app.dl.kind.{k}" in MESSAGES
                             else CHART_KINDS[k],
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
    summary, fan = uncertainty(focus, v.assumptions, "same-year" if measure == "same-year" else None, lang)
    prob = summary.attrs.get("probability")
    basis = t("denominator.same_year" if "same-year" in (measure, focus.denominator) else "denominator.fixed_fy2022",
              lang)
    st.metric(t("app.uq.own_prob", lang, share=percent(focus.target_share, 1), basis=basis, year=focus.target_year)
              if focus.target_share is not None else t("app.uq.own_prob_none", lang),
              "n/a" if prob is None else percent(prob, 0), help=t("app.uq.own_prob_help", lang))
    if prob is None:
        st.caption(md(probability_note(summary.attrs, lang) or t("app.uq.no_prob", lang)))
    else:
        st.markdown(md(t("app.uq.own_note", v.lang, note=probability_note(summary.attrs, lang))))
        if summary.attrs.get("sized_on_central_path"):
            st.markdown(f"**{md(t('app.uq.by_construction', v.lang))}**")
    st.image(fan)
    st.dataframe(summary, hide_index=True, column_config=percentile_columns(summary.columns, lang))


def probability_note(attrs: Mapping, lang: str) -> str:
    """What the own-target probability is conditional on: ``spendcalc.simulate``'s note in English,
    the same statement from its attributes in another language."""
    if lang == "en" or not attrs.get("note"):
        return attrs.get("note", "")
    if attrs.get("probability") is None:
        return t("app.uq.note.fixed", lang) if attrs.get("threshold") is not None else ""
    if attrs.get("certain"):
        return t("app.uq.note.certain", lang, year=attrs["target_year"])
    plan = ("" if attrs["scenario_denominator"] == attrs["denominator"] else t(
        "app.uq.note.plan", lang, denominator=t(f"denominator.{attrs['scenario_denominator'].replace('-', '_')}", lang)))
    return t("app.uq.note.exact", lang, share=percent(attrs["threshold"], 2), year=attrs["target_year"], plan=plan)


def percentile_columns(columns: Iterable[str], lang: str) -> dict:
    """Column labels of the percentile table in ``lang`` (the column names stay as they are)."""
    labels = {c: t(f"column.{c}", lang) for c in columns if f"column.{c}" in MESSAGES}
    labels |= {c: t("app.uq.col.p", lang, p=c[1:]) for c in columns if c[:1] == "p" and c[1:].isdigit()}
    return {c: st.column_config.Column(label) for c, label in labels.items()}


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs=BY_REPR)
def plan_odds(sc: spendcalc.Scenario, a: spendcalc.Assumptions, share: float, usd: float,
              case: str | None, lang: str = "en") -> dict:
    """``spendcalc.simulate.fixed_plan_odds`` with the plan sized on GDP case ``case`` (a preset
    name; None: the assumptions' own GDP path); its notes in ``lang``."""
    from dataclasses import replace

    from spendcalc.simulate import fixed_plan_odds

    history = spendcalc.load_history()
    plan = None if case is None else replace(a, gdp_preset=case, growth_rate=None, growth_overrides=(),
                                             gdp_vintage=history.presets[case].vintage)
    return fixed_plan_odds(sc, a, history, share=share, usd=usd, plan_assumptions=plan, lang=lang)


def gdp_words(a: spendcalc.Assumptions, case: str | None, lang: str) -> tuple[str, str]:
    """The GDP assumption of ``a`` and of the plan sized on preset ``case`` (None: the same) in
    ``lang`` (``spendcalc.methodology``, the facts of :func:`plan_odds`'s two paths)."""
    from dataclasses import replace

    from spendcalc import methodology

    history = spendcalc.load_history()
    plan = a if case is None else replace(a, gdp_preset=case, growth_rate=None, growth_overrides=(),
                                          gdp_vintage=history.presets[case].vintage)
    return tuple(methodology.text({"gdp": spendcalc.model.gdp_facts(x, history)}, "gdp_assumption", lang)
                 for x in (a, plan))


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
    odds = plan_odds(sc, v.assumptions, share / 100, usd_bn * 1e9, case, lang)
    year, spend = odds["year"], i18n.yen(odds["spend_jpy"], lang)
    if odds["certain"]:
        st.caption(t("app.uq.certain", lang, year=year))
        return
    left, right = st.columns(2)
    left.metric(t("app.uq.q_share", lang, year=year, share=i18n.percent(share / 100, lang)),
                present.probability_text(odds["p_share"]))
    gdp, plan_gdp = odds["gdp_assumption"], odds["plan_gdp_assumption"]
    if lang != "en":  # the same GDP assumptions in the reader's language
        gdp, plan_gdp = gdp_words(v.assumptions, case, lang)
    left.markdown(md(t("app.uq.cond_share", lang, spend=spend, year=year, plan_gdp=plan_gdp,
                       gdp=gdp, median_gdp=i18n.yen(odds["median_gdp_jpy"], lang),
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
    audit, lang = claims_audit(v.scenarios, v.assumptions), v.lang
    cols = st.columns(2)
    articles = cols[0].multiselect(t("app.claims.article", lang), sorted(audit["article"].astype(str).unique()),
                                   key="claims_article", placeholder=t("app.claims.all_articles", lang))
    verdict_label = (lambda x: x) if lang == "en" else (lambda x: label("verdict", x, lang))
    verdicts = cols[1].multiselect(t("app.claims.verdict", lang), sorted(audit["verdict"].astype(str).unique()),
                                   key="claims_verdict", placeholder=t("app.claims.all_verdicts", lang),
                                   format_func=verdict_label)
    shown = audit[audit["article"].astype(str).isin(articles or audit["article"].astype(str))
                  & audit["verdict"].astype(str).isin(verdicts or audit["verdict"].astype(str))]
    st.caption(t("app.claims.count", lang, shown=len(shown), total=len(audit)))
    # the reasons in the reader's language where the audit has them (a reason_<lang> column); quotes as written
    reason = f"reason_{lang}" if f"reason_{lang}" in shown.columns else "reason"
    shown = shown.assign(verdict=shown["verdict"].astype(str).map(verdict_label))
    order = ["claim_id", "verdict", reason, "quote", "article", "fiscal_year", "value", "unit"]
    config = headers(order, "app.claims.col", lang, wide=(reason, "quote"))
    untranslated = reason == "reason" and lang != "en"  # until the audit has reasons in this language
    config[reason] = st.column_config.TextColumn(
        t("app.claims.col.reason_untranslated" if untranslated else "app.claims.col.reason", lang), width="large")
    st.dataframe(shown, hide_index=True, height=520, column_order=order, column_config=config)


def label(prefix: str | tuple[str, ...], value: object, lang: str) -> str:
    """The catalogue's label ``prefix.<value>`` in ``lang`` (the first of several prefixes that has
    one), or the value itself where none has."""
    for p in (prefix,) if isinstance(prefix, str) else prefix:
        if f"{p}.{value}" in MESSAGES:
            return t(f"{p}.{value}", lang)
    return str(value)


def headers(columns: Iterable[str], prefix: str | tuple[str, ...], lang: str, wide: Iterable[str] = ()) -> dict:
    """Column configs showing each column under its catalogue header ``prefix.<column>`` in ``lang``
    (the table's own column names, which tests and downloads use, stay as they are)."""
    config = {}
    for c in columns:
        name = label(prefix, c, lang)
        config[c] = (st.column_config.TextColumn(name, width="large") if c in wide
                     else st.column_config.Column(name))
    return config


def labelled(df: pd.DataFrame, lang: str, columns: dict[str, str]) -> pd.DataFrame:
    """``df`` with the ids of ``columns`` (column -> catalogue prefix) shown as labels in ``lang``
    (English: unchanged, ids as the CSV has them)."""
    if lang == "en":
        return df
    cells = {c: df[c].map(lambda x, p=p: label(p, str(x).replace("-", "_") if p == "denominator" else x, lang))
             for c, p in columns.items() if c in df.columns}
    if "fiscal_year" in df.columns and df["fiscal_year"].dtype != "int64":
        cells["fiscal_year"] = df["fiscal_year"].astype(str).str.replace(r"^FY(\d{4})$", r"\1年度", regex=True)
    return df.assign(**cells)


def data_tab(v: View) -> None:
    """The tidy table, definitions, sources and data vintages."""
    lang = v.lang
    if lang == "en":
        st.markdown(present.DEFINITIONS.format(reference_gdp=trillion(DEFAULTS.reference_gdp_jpy)))
    else:
        st.markdown(present.DEFINITIONS_JA.format(reference_gdp=yen(DEFAULTS.reference_gdp_jpy, lang)))
    st.markdown(f"**{t('app.data.methodology', lang)}**")
    st.caption(md(charts.methodology_note(v.tidy) if lang == "en" else methodology_note(v)))
    method = arrow_safe(methodology_table(v))
    if lang != "en" and len(method):
        method = method.assign(title=[scenario_title(v, name, title) for name, title in
                                      zip(method["scenario"], method["title"], strict=True)])
    st.dataframe(labelled(method, lang, TIDY_LABELS | {"path": "app.path", "baseline": "app.baseline"}), hide_index=True,
                 column_config=headers(method.columns, "app.method_table.col", lang))
    st.markdown(f"**{t('app.data.sources', lang)}**")
    sources = present.sources_table(reference_tables()["meta"])
    st.dataframe(sources, hide_index=True, column_config=headers(sources.columns, "app.data.col", lang))
    st.markdown(f"**{t('app.data.tidy', lang)}**")
    st.dataframe(labelled(v.tidy, lang, TIDY_LABELS), hide_index=True,
                 column_config=headers(v.tidy.columns, ("app.tidy.col", "column"), lang) if lang != "en" else None)
    with st.expander(t("app.data.all_figures", lang)):
        history = reference_tables()["history"]
        st.dataframe(labelled(history, lang, {"scope": "scope"}), hide_index=True,
                     column_config=headers(history.columns, "app.data.col", lang))


def methodology_records(v: View) -> dict[str, dict]:
    """Scenario name -> its methodology (``tidy.attrs['methodology']``), texts and caveats in
    ``v.lang`` (``spendcalc.methodology``: the same facts as the English texts)."""
    return spendcalc.model.localized_methodology(v.tidy.attrs.get("methodology", {}), v.scenarios, v.assumptions,
                                                 spendcalc.load_history(), v.lang)


def methodology_table(v: View) -> pd.DataFrame:
    """The methodology table of the Data tab (``spendcalc.methodology_table``) in ``v.lang``."""
    if v.lang == "en":
        return spendcalc.methodology_table(v.tidy)
    return pd.DataFrame([m | {"caveats": "".join(f"{c}。" for c in m["caveats"])}
                         for m in methodology_records(v).values()])


def scenario_title(v: View, name: str, title: str) -> str:
    """A scenario's title in ``v.lang``: a built-in's from the catalogue, the custom one from its
    sliders, an uploaded one as its file writes it."""
    sc = next(s for s in v.scenarios if s.name == name)
    return i18n.scenario_title(name, title, v.lang, target_share=sc.target_share, target_year=sc.target_year)


#: the tidy table's id columns and the catalogue labels they are shown with (other than English)
TIDY_LABELS = {"status": "status", "measure": "measure", "scope": "scope", "basis": "basis",
               "denominator": "denominator"}


def methodology_note(v: View) -> str:
    """The methodology of the current view in ``v.lang``, from the projection's own settings."""
    lang, a, meta = v.lang, v.assumptions, v.tidy.attrs.get("methodology", {})

    def each(key: str, prefix: str) -> str:
        return "、".join(dict.fromkeys(label(prefix, m[key], lang) for m in meta.values()))

    if a.gdp_preset:
        gdp = t("app.data.note.preset", lang, value=preset_title(a.gdp_preset, lang))
    else:
        gdp = t("app.data.note.growth", lang, value=present.percent(a.growth_rate, 1))
    past = ("app.data.note.fx_calendar" if a.fx_history else "app.data.note.fx_stated"
            if a.fx_rate_for_actuals == "stated" else "app.data.note.fx_fiscal")
    parts = [t("app.data.note.scope", lang, value=each("scope", "scope")),
             t("app.data.note.basis", lang, value=each("basis", "basis")),
             t("app.data.note.denominator", lang, value="、".join(dict.fromkeys(
                 label("denominator", m["denominator"].replace("-", "_"), lang) for m in meta.values()))),
             t("app.data.note.reference_gdp", lang, value=yen(a.reference_gdp_jpy, lang)),
             t("app.data.note.vintage", lang, value=a.gdp_vintage), gdp,
             t("app.data.note.fx", lang, rate=f"{a.jpy_per_usd:g}", past=t(past, lang))]
    return "。".join(parts) + "。" + t("app.data.note.end", lang)


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

    lang = v.lang
    st.markdown(f"**{t('app.reconcile.waterfall', lang)}**")
    cols = st.columns(2)
    year = cols[0].selectbox(t("app.reconcile.year", lang), BRIDGE_YEARS,
                             index=BRIDGE_YEARS.index(spendcalc.data.default_value("bridge_year")), key="bridge_year",
                             persist_state="page", format_func=lambda y: t("app.reconcile.plan_composition", lang,
                                                                           year=fy(y, lang)) if y == 2027 else fy(y, lang))
    basis = cols[1].radio(t("app.reconcile.basis", lang), ("with-supplementary", "initial"), horizontal=True,
                          key="bridge_basis", persist_state="page", format_func=lambda b: label("basis", b, lang))
    table = bridge_table(year, basis)
    st.caption(md(bridge_caption(table, year, lang)))
    shown = table.assign(trillion_jpy=table["value_jpy"] / 1e12,
                         running_total_trillion_jpy=table["running_total_jpy"] / 1e12)
    order = ["step", "component", "trillion_jpy", "running_total_trillion_jpy", "share_of_gdp_fixed_fy2022",
             "share_of_gdp_same_year", "spending_per_capita_jpy", "status", "source_title", "source_url",
             "derivation"]
    if lang != "en":  # the rows' names (each component's English text is its key in the catalogue)
        shown = shown.assign(component=shown["component"].map(lambda c: t(COMPONENTS[c], lang) if c in COMPONENTS else c))
    config = headers(order, "app.reconcile.col", lang, wide=("component", "derivation"))
    for c in ("share_of_gdp_fixed_fy2022", "share_of_gdp_same_year"):  # fractions, shown as percent
        config[c] = st.column_config.NumberColumn(label("app.reconcile.col", c, lang), format="percent")
    st.dataframe(labelled(arrow_safe(shown), lang, {"status": "status"}), hide_index=True, column_order=order,
                 column_config=config)
    sipri_section(lang)


#: the dated GDP projections' titles (``data/defaults.yaml``) -> their catalogue keys
PRESET_TITLES = {en: key for key, (en, _) in MESSAGES.items() if key.startswith("app.preset_title.")}


def preset_title(name: str, lang: str) -> str:
    """A dated GDP projection's title in ``lang`` (its own title where the catalogue has none)."""
    title = spendcalc.load_history().presets[name].title
    return t(PRESET_TITLES[title], lang) if title in PRESET_TITLES else title


#: the waterfall's row names (``spendcalc.reconcile``'s component texts) -> their catalogue keys
COMPONENTS = {en: key for key, (en, _) in MESSAGES.items() if key.startswith("app.bridge.component.")}


def bridge_caption(table: pd.DataFrame, year: int, lang: str) -> str:
    """The waterfall's note and its two GDP denominators, in ``lang``."""
    a = table.attrs
    if lang == "en" or f"app.reconcile.note.{year}" not in MESSAGES:
        return t("app.reconcile.caption", "en", note=a["note"], gdp_same_year=a["gdp_same_year"],
                 reference_gdp=trillion(a["reference_gdp_jpy"]))
    actual = year <= int(spendcalc.load_history().gdp_series(DEFAULTS.gdp_vintage).years.max())
    gdp = t("app.reconcile.gdp_actual" if actual else "app.reconcile.gdp_projected", lang, year=year,
            vintage=DEFAULTS.gdp_vintage, preset=preset_title(DEFAULTS.gdp_preset, lang))
    return t("app.reconcile.caption", lang, note=t(f"app.reconcile.note.{year}", lang), gdp_same_year=gdp,
             reference_gdp=yen(a["reference_gdp_jpy"], lang))


def sipri_section(lang: str) -> None:
    """SIPRI's calendar-year figures beside the project's SIPRI-comparable series."""
    from spendcalc.sipri import explanations

    st.markdown(f"**{t('app.sipri.title', lang)}**")
    sipri = sipri_table()
    st.caption(t("app.sipri.caption", lang))
    col = {c: t(f"app.sipri.col.{c}", lang) for c in ("calendar_year", "spending", "share", "sipri_share",
                                                       "difference", "first_estimate", "usd", "sipri_usd", "why")}
    sipri = sipri.astype({c: float for c in ("spending_jpy", "share_of_gdp", "sipri_share_of_gdp",  # a year
                          "difference_share_pt", "share_of_gdp_on_first_estimate",  # without a figure: blank
                          "spending_usd", "sipri_spending_usd")})
    shown = pd.DataFrame({
        col["calendar_year"]: sipri["calendar_year"],
        col["spending"]: sipri["spending_jpy"] / 1e12,
        col["share"]: 100 * sipri["share_of_gdp"],
        col["sipri_share"]: 100 * sipri["sipri_share_of_gdp"],
        col["difference"]: sipri["difference_share_pt"],
        col["first_estimate"]: 100 * sipri["share_of_gdp_on_first_estimate"],
        col["usd"]: sipri["spending_usd"] / 1e9,
        col["sipri_usd"]: sipri["sipri_spending_usd"] / 1e9,
        col["why"]: sipri["explanation"] if lang == "en" else explanations(sipri, DEFAULTS.gdp_vintage, lang),
    })
    number = {c: st.column_config.NumberColumn(format="%.3f") for c in shown.columns[1:6]}
    number |= {c: st.column_config.NumberColumn(format="%.1f") for c in shown.columns[6:8]}
    st.dataframe(arrow_safe(shown), hide_index=True,
                 column_config=number | {col["calendar_year"]: st.column_config.NumberColumn(format="%d"),
                                         col["why"]: st.column_config.TextColumn(width="large")})


#: the tabs, in order: (label, function drawing it from the View). A new tab goes here.
TABS: tuple[tuple[str, Callable[[View], None]], ...] = (
    ("Trajectories", trajectories_tab), ("Uncertainty", uncertainty_tab), ("Claims", claims_tab),
    ("Reconcile", reconcile_tab), ("Data & methodology", data_tab))



CHART_KINDS = {"spending": "Spending (trillion JPY)", "share": "Share of GDP with the articles' claims",
               "denominator": "Fixed vs same-year denominator (focus scenario)",
               "gap": "Extra spending versus flat", "usd": "Spending in US dollars"}
