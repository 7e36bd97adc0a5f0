"""spendcalc app: Japan's defense spending scenarios in yen, share of GDP, USD and real terms.

Run with ``make app`` (Streamlit on 127.0.0.1:8501). The app is a shell: widgets -> Scenario and
Assumptions -> cached calls into the public ``spendcalc`` API -> charts and tables. It holds no
model arithmetic; numbers are only formatted (trillion yen, percent) for display.

The whole view lives in the page address (``st.query_params``), so a copied link reproduces it.
Per-session data (an uploaded scenario) lives in ``st.session_state`` only.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import zlib
from collections.abc import Callable
from dataclasses import replace
from types import MappingProxyType

import altair as alt
import pandas as pd
import streamlit as st

import spendcalc
from spendcalc import charts, schema
from spendcalc.data import read_articles_index
from spendcalc.errors import shorten
from spendcalc.output import csv_text as safe_csv_text
from spendcalc.output import markdown_text as md
from spendcalc.schema import ui_window
from spendcalc.units import convert, parse_quantity

# ----------------------------------------------------------------------------------------------
# Fixed choices (immutable). Defaults come from the core's own defaults, not from this file.
# ----------------------------------------------------------------------------------------------
DEFAULT_ASSUMPTIONS = spendcalc.default_assumptions()
BUILTIN_NAMES = tuple(s.name for s in spendcalc.builtin_scenarios())
CUSTOM = "custom"
EACH = "each"
FY_AXIS = "Fiscal year (April–March)"
GROWTH_LABEL = "Nominal GDP growth (%/yr)"
GDP_MODES = MappingProxyType({
    "preset": "Dated projection (Cabinet Office)",
    "growth": "Constant nominal growth (slider)",
})
PATH_LABELS = MappingProxyType({
    "linear-yen": "Straight line in yen",
    "constant-growth": "Constant % growth of spending",
    "linear-share": "Straight line in share of GDP",
})
DENOMINATOR_LABELS = MappingProxyType({
    EACH: "As each scenario defines",
    "fixed-fy2022": "Fixed FY2022 GDP (government's 2% framework)",
    "same-year": "Same fiscal year's GDP (not SIPRI's calendar-year figure)",
})
BASIS_LABELS = MappingProxyType({
    EACH: "As each scenario defines",
    "initial": "Initial budgets only",
    "with-supplementary": "Initial + supplementary budgets",
})
SCOPE_LABELS = MappingProxyType({
    EACH: "As each scenario defines",
    "security-related": "Security-related total (2% framework)",
    "mod-budget": "MOD defense budget only",
    "nato-core": "NATO-style core (project's mapping; FY2027 plan only)",
    "nato-related": "NATO-style related (project's mapping; FY2027 plan only)",
})
#: scopes offered as an override for every scenario: those bundled on both budget bases since
#: FY2024. The NATO-style scopes (FY2027 plan, initial budgets only) come with their scenarios
#: (nato-hague-fy2035, or an uploaded file), where the basis is the scenario's own.
OVERRIDE_SCOPES = (EACH, "security-related", "mod-budget")
BASELINE_LABELS = MappingProxyType({
    "common": "One common level for every scenario",
    "own": "Each scenario's own last decided level",
})
FX_ACTUALS_LABELS = MappingProxyType({
    "fiscal-year-average": "Their fiscal-year average (April–March)",
    "stated": "The stated rate above",
})
PATHS_CHOICES = (2_000, 20_000, 100_000)
TAB_LABELS = ("Trajectories", "Uncertainty", "Claims", "Data & methodology")
MAX_LINK_CHARS = 6000  # an uploaded scenario longer than this (encoded) is not carried in the link
MAX_SCENARIO_BYTES = 64 * 1024  # the limit of spendcalc.scenario_from_yaml


def widget_specs() -> dict[str, dict]:
    """Every widget whose value is part of the shareable link: kind, default, limits."""
    a = DEFAULT_ASSUMPTIONS
    return {
        "sc": {"kind": "list", "default": ["original-fy2027", "accelerated-fy2025", "us-ask-3.5pct",
                                           "hold-flat", CUSTOM]},
        "share": {"kind": "float", "default": 3.0, "field": "target_share", **ui_window("target_share")},
        # the year windows follow the bundled data (first projected year), inside the schema's range
        "year": {"kind": "int", "default": 2035, "min": spendcalc.data.default_value("last_actual_year") + 1,
                 "max": 2050, "field": "target_year"},
        "path": {"kind": "choice", "default": "linear-yen", "choices": tuple(PATH_LABELS)},
        "cden": {"kind": "choice", "default": "same-year", "choices": schema.DENOMINATORS},
        "gdp": {"kind": "choice", "default": "preset", "choices": tuple(GDP_MODES)},
        "preset": {"kind": "choice", "default": a.gdp_preset,
                   "choices": tuple(spendcalc.load_history().presets)},
        "growth": {"kind": "float", "default": 2.0, "field": "growth_rate", **ui_window("growth_rate")},
        "infl": {"kind": "float", "default": round(convert(a.inflation_rate, "fraction", "percent"), 2),
                 "field": "inflation_rate", **ui_window("inflation_rate")},
        "fx": {"kind": "float", "default": a.jpy_per_usd, "field": "jpy_per_usd", **ui_window("jpy_per_usd")},
        "denom": {"kind": "choice", "default": EACH, "choices": tuple(DENOMINATOR_LABELS)},
        "scope": {"kind": "choice", "default": EACH, "choices": OVERRIDE_SCOPES},
        "basis": {"kind": "choice", "default": EACH, "choices": tuple(BASIS_LABELS)},
        "until": {"kind": "int", "default": a.until, "min": 2030, "max": 2060, "field": "until"},
        "focus": {"kind": "text", "default": "us-ask-3.5pct"},
        "mc": {"kind": "bool", "default": False},
        "fxh": {"kind": "bool", "default": a.fx_history},
        "fxa": {"kind": "choice", "default": a.fx_rate_for_actuals, "choices": tuple(FX_ACTUALS_LABELS)},
        "baseline": {"kind": "choice", "default": a.baseline, "choices": tuple(BASELINE_LABELS)},
        "mo": {"kind": "choice", "default": "same-year", "choices": ("same-year", "own")},
        "paths": {"kind": "choice", "default": "20000", "choices": tuple(str(p) for p in PATHS_CHOICES)},
        "seed": {"kind": "int", "default": 1, "field": "seed", **ui_window("seed")},
    }


# ----------------------------------------------------------------------------------------------
# Cached pure calls (hashable arguments only: frozen dataclasses, tuples, floats, strings)
# ----------------------------------------------------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=64)
def project_cached(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions,
                   since: int | None = None) -> pd.DataFrame:
    """Tidy projection of the scenarios (see ``spendcalc.model.project``)."""
    return spendcalc.model.project(list(scenarios), assumptions, spendcalc.load_history(), since=since)


@st.cache_data(show_spinner=False, max_entries=64)
def headline_cached(scenario: spendcalc.Scenario, assumptions: spendcalc.Assumptions) -> dict:
    """``spendcalc.headline_figures`` for one scenario."""
    return spendcalc.headline_figures(scenario, assumptions, spendcalc.load_history())


def arrow_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Mixed-type (object) columns as text, so the table displays without conversion warnings."""
    mixed = [c for c in df.columns if df[c].dtype == object]
    return df.astype({c: str for c in mixed}) if mixed else df


@st.cache_data(show_spinner=False)
def history_cached() -> pd.DataFrame:
    """All bundled figures with their sources (display-ready)."""
    return arrow_safe(spendcalc.history_table())


@st.cache_data(show_spinner=False)
def table_meta_cached() -> dict[str, dict]:
    """Provenance sidecar of each bundled table."""
    return {name: spendcalc.read_table(name)[1] for name in spendcalc.data.TABLES}


CHART_KINDS = MappingProxyType({
    "spending": "Spending (trillion JPY)",
    "share": "Share of GDP with the articles' claims",
    "denominator": "Fixed vs same-year denominator (focus scenario)",
    "gap": "Extra spending versus flat",
    "usd": "Spending in US dollars",
})


@st.cache_data(show_spinner=False, max_entries=64)
def chart_bytes(kind: str, scenarios: tuple[spendcalc.Scenario, ...],
                assumptions: spendcalc.Assumptions, focus: str, fmt: str, dpi: int) -> bytes:
    """One chart from ``spendcalc.charts`` rendered to PNG or SVG bytes."""
    from matplotlib.figure import Figure

    tidy = project_cached(scenarios, assumptions)
    with charts.chart_style():
        fig = Figure(figsize=(8, 5), layout="constrained")
        ax = fig.subplots()
        if kind == "share":
            charts.plot_share(tidy, claims=spendcalc.claim_markers(tidy), ax=ax)
        elif kind == "denominator":
            charts.plot_denominator_gap(tidy, focus, ax=ax)
        elif kind == "gap":
            charts.plot_gap_to_baseline(tidy, ax=ax)
        elif kind == "usd":
            charts.plot_usd(tidy, ax=ax)
        else:
            charts.plot_spending(tidy, ax=ax)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()


def simulate_in_session(scenario: spendcalc.Scenario, assumptions: spendcalc.Assumptions,
                        paths: int, seed: int, measured_on: str | None = None) -> pd.DataFrame:
    """Uncertainty summary from ``spendcalc.simulate``: exact percentiles and probability.

    The closed form draws no paths (``paths`` and ``seed`` do not change it). Kept per session
    (the last few inputs).
    """
    store = st.session_state.setdefault("_simulations", {})
    key = (scenario, assumptions, paths, seed, measured_on)
    if key not in store:
        store[key] = spendcalc.simulate(scenario, assumptions=assumptions, measured_on=measured_on,
                                        method="exact")
        for old in list(store)[:-4]:
            del store[old]
    return store[key]


@st.cache_data(show_spinner=False, max_entries=16)
def fan_png(summary: pd.DataFrame, dpi: int) -> bytes:
    """The fan chart of a simulation summary as PNG bytes."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(8, 4.5), layout="constrained")
    charts.plot_fan(summary, ax=fig.subplots())
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


@st.cache_data(show_spinner=False, max_entries=16)
def claims_audit_cached(scenarios: tuple[spendcalc.Scenario, ...],
                        assumptions: spendcalc.Assumptions) -> pd.DataFrame:
    """The articles' claims checked against the bundled data and the model."""
    audit = spendcalc.check_claims(assumptions=assumptions, scenarios=list(scenarios))
    index = read_articles_index()  # article files -> headline (date)
    titles = dict(zip(index["file"], index["headline"].astype(str) + " ("
                      + index["date"].astype(str) + ")", strict=True))
    audit = audit.assign(article=audit["article"].map(lambda f: titles.get(f, f)))
    return arrow_safe(audit)


# ----------------------------------------------------------------------------------------------
# Shareable state: query params <-> session state
# ----------------------------------------------------------------------------------------------
def encode_yaml(text: str) -> str:
    """Compact, URL-safe text for a scenario file (zlib + base64)."""
    return base64.urlsafe_b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")


def decode_yaml(token: str) -> str:
    """Inverse of :func:`encode_yaml`; raises ValueError on anything else."""
    try:
        inflate = zlib.decompressobj()
        text = inflate.decompress(base64.urlsafe_b64decode(token.encode("ascii")),
                                  MAX_SCENARIO_BYTES + 1)
        if len(text) > MAX_SCENARIO_BYTES or not inflate.eof:
            raise ValueError(f"a scenario file of at most {MAX_SCENARIO_BYTES} bytes")
        return text.decode("utf-8")
    except (binascii.Error, zlib.error, UnicodeError) as exc:
        raise ValueError("not an encoded scenario file") from exc


MAX_PARAM_CHARS = 200  # a link value longer than this is not read at all
UI_UNITS = MappingProxyType({"target_share": "% of GDP", "growth_rate": "% a year",
                             "inflation_rate": "% a year", "jpy_per_usd": "JPY per USD"})


def param_allowed(spec: dict) -> str:
    """What a link parameter accepts, in words (the widget's window, from the schema)."""
    kind = spec["kind"]
    if kind in ("float", "int"):
        field = schema.spec(spec["field"])
        unit = UI_UNITS.get(field.name, "")
        kind_text = "a number" if kind == "float" else "a whole number"
        return (f"{kind_text} from {spec['min']:g} to {spec['max']:g}{' ' + unit if unit else ''} "
                f"({field.help}), e.g. {spec['default']:g}")
    if kind == "bool":
        return "0 or 1"
    if kind == "choice":
        return "one of " + ", ".join(spec["choices"])
    if kind == "list":
        return "comma-separated scenario names"
    return "a scenario name"


def parse_param(spec: dict, raw: list[str], key: str = "value") -> object:
    """A query-parameter value checked against its widget's window (from :mod:`spendcalc.schema`).

    Raises SpendcalcError (a ValueError) naming ``key``, the text and what is allowed: never a
    message from Python's own conversions.
    """
    kind = spec["kind"]
    text = ",".join(raw) if kind == "list" else raw[-1]
    allowed = param_allowed(spec)
    if len(text) > MAX_PARAM_CHARS:
        raise spendcalc.SpendcalcError(key, text, f"{allowed} (at most {MAX_PARAM_CHARS} characters)")
    if kind == "list":
        return [item for item in text.split(",") if item]
    if kind == "float":
        value = parse_quantity(text, field=key, unit="-", allowed=allowed)
        if not spec["min"] <= value <= spec["max"]:
            raise spendcalc.SpendcalcError(key, text, allowed)
        return round(value, 2)
    if kind == "int":
        value = schema.parse_whole(text, field=key, allowed=allowed)
        if not spec["min"] <= value <= spec["max"]:
            raise spendcalc.SpendcalcError(key, text, allowed)
        return value
    if kind == "bool":
        if text not in ("0", "1"):
            raise spendcalc.SpendcalcError(key, text, allowed)
        return text == "1"
    if kind == "choice" and text not in spec["choices"]:
        raise spendcalc.SpendcalcError(key, text, allowed)
    return text


def init_state_from_link(specs: dict[str, dict]) -> list[str]:
    """On a session's first run, seed every widget from the link (or its default).

    Returns warnings for parameters that were present but invalid (they fall back to defaults).
    """
    state = st.session_state
    if state.get("_seeded"):
        return []
    warnings = []
    params = st.query_params
    if "up" in params:
        try:
            text = decode_yaml(params["up"])
            scenario = spendcalc.scenario_from_yaml(text, where="uploaded scenario in the link")
            check_upload_name(scenario)
            state["uploaded_yaml"] = text
        except ValueError as exc:
            warnings.append(f"The link's uploaded scenario could not be read ({exc}); it is left out.")
    for key, spec in specs.items():
        value = spec["default"]
        if key in params:
            try:
                value = parse_param(spec, params.get_all(key), key)
            except spendcalc.SpendcalcError as exc:
                warnings.append(f"Link parameter {key}: {schema.cli_error(exc)}; "
                                f"using the default {param_text(spec, spec['default'])}.")
        state[key] = value
    known = {*BUILTIN_NAMES, CUSTOM}
    if state.get("uploaded_yaml"):
        known.add(spendcalc.scenario_from_yaml(state["uploaded_yaml"]).name)
    unknown = [name for name in state["sc"] if name not in known]
    if unknown:
        warnings.append(f"Link parameter sc names unknown scenarios ({shorten(', '.join(unknown))}); "
                        "they are left out.")
        state["sc"] = [name for name in state["sc"] if name in known]
    if "focus" in params and state["focus"] not in state["sc"]:
        warnings.append(f"Link parameter focus: {shorten(state['focus'])} is not one of the chosen "
                        "scenarios; the headline shows the first chosen scenario instead.")
    state["_seeded"] = True
    return warnings


def param_text(spec: dict, value: object) -> str:
    """A widget value as it appears in the link."""
    if spec["kind"] == "list":
        return ",".join(value)
    if spec["kind"] == "bool":
        return "1" if value else "0"
    return str(value)


def write_link(specs: dict[str, dict]) -> None:
    """Write every widget's value (and an uploaded scenario, if small) into the page address."""
    state = st.session_state
    wanted = {key: param_text(spec, state[key]) for key, spec in specs.items()}
    upload = state.get("uploaded_yaml")
    if upload:
        token = encode_yaml(upload)
        if len(token) <= MAX_LINK_CHARS:
            wanted["up"] = token
    params = st.query_params
    for key, text in wanted.items():
        if params.get(key) != text:
            params[key] = text
    if "up" in params and "up" not in wanted:
        del params["up"]


# ----------------------------------------------------------------------------------------------
# Widgets: each *_ui() draws widgets and returns values
# ----------------------------------------------------------------------------------------------
def check_upload_name(scenario: spendcalc.Scenario) -> None:
    """An uploaded scenario may not take the name of a built-in or of the custom scenario."""
    if scenario.name in BUILTIN_NAMES or scenario.name == CUSTOM:
        raise spendcalc.SpendcalcError("name", scenario.name,
                                       "a name that is not a built-in scenario or 'custom'")


def forget_upload(name: str) -> None:
    """Button callback: drop this session's uploaded scenario (and from the link)."""
    state = st.session_state
    state.pop("uploaded_yaml", None)
    state.pop("_upload_digest", None)
    state["_upload_round"] = state.get("_upload_round", 0) + 1  # a fresh, empty uploader
    state["sc"] = [n for n in state["sc"] if n != name]


def upload_ui() -> spendcalc.Scenario | None:
    """File uploader for a scenario YAML; returns this session's uploaded scenario (or None)."""
    state = st.session_state
    file = st.sidebar.file_uploader("Load a scenario file (YAML)", type=["yaml", "yml"],
                                    key=f"upload_file_{state.get('_upload_round', 0)}",
                                    max_upload_size=1,
                                    help="A file downloaded from this app, or one like "
                                    "data/scenarios/*.yaml. It stays in your session only.")
    if file is not None:
        data = file.getvalue()
        digest = hashlib.sha256(data).hexdigest()
        try:
            scenario = spendcalc.scenario_from_yaml(data, where=f"uploaded file {file.name}")
            check_upload_name(scenario)
        except ValueError as exc:
            st.sidebar.error(md(f"Could not load {file.name}: {exc}"))
        else:
            if state.get("_upload_digest") != digest:  # a new file: select it and look at it
                state["_upload_digest"] = digest
                state["uploaded_yaml"] = data.decode("utf-8")
                state["sc"] = [*[n for n in state["sc"] if n != scenario.name], scenario.name]
                state["focus"] = scenario.name
    if not state.get("uploaded_yaml"):
        return None
    scenario = spendcalc.scenario_from_yaml(state["uploaded_yaml"])
    st.sidebar.button(f"Forget '{md(scenario.name)}'", key="forget_upload", on_click=forget_upload,
                      args=(scenario.name,))
    if len(encode_yaml(state["uploaded_yaml"])) > MAX_LINK_CHARS:
        st.sidebar.info(f"'{md(scenario.name)}' is too large to carry in the link; a shared link "
                        "shows every other setting.")
    else:
        st.sidebar.caption(f"Loaded '{md(scenario.name)}' (this session; carried in the link).")
    return scenario


def scenario_ui(specs: dict[str, dict], uploaded: spendcalc.Scenario | None,
                box: st.delta_generator.DeltaGenerator) -> tuple[list[str], spendcalc.Scenario]:
    """Scenario choice and the custom scenario's sliders; returns (selected names, custom)."""
    state = st.session_state
    options = [*BUILTIN_NAMES, CUSTOM] + ([uploaded.name] if uploaded else [])
    state["sc"] = [n for n in state["sc"] if n in options]
    titles = {s.name: s.title for s in spendcalc.builtin_scenarios()}
    titles[CUSTOM] = "Custom (sliders below)"
    if uploaded:
        titles[uploaded.name] = f"{uploaded.title or uploaded.name} (uploaded)"
    selected = box.multiselect("Scenarios", options, key="sc",
                               format_func=lambda n: f"{n}: {titles[n]}" if n in BUILTIN_NAMES
                               else titles[n])
    with box.expander("Custom scenario", expanded=CUSTOM in selected):
        s = specs["share"]
        share = st.slider("Target share of GDP (%)", s["min"], s["max"], step=s["step"], key="share",
                          format="%.1f%%")
        y = specs["year"]
        year = st.slider("Target fiscal year", y["min"], y["max"], key="year")
        path = st.selectbox("Path shape to the target", list(PATH_LABELS), key="path",
                            format_func=PATH_LABELS.get)
        cden = st.radio("Target measured against", ["same-year", "fixed-fy2022"], key="cden",
                        format_func=DENOMINATOR_LABELS.get)
    # starts from the last decided security-related level including supplementaries
    custom = spendcalc.Scenario(name=CUSTOM, target_share=convert(share, "percent", "fraction"),
                                target_year=year, path=path, denominator=cden,
                                basis="with-supplementary",
                                title=f"Custom: {share:.1f}% of GDP by FY{year}",
                                description="Built from the app's sliders (an assumption, not a "
                                "government plan).")
    return selected, custom


def assumptions_ui(specs: dict[str, dict]) -> spendcalc.Assumptions:
    """Economic assumptions: GDP path, inflation, exchange rate, horizon."""
    sb = st.sidebar
    sb.subheader("Economy")
    history = spendcalc.load_history()
    deflator_last = spendcalc.model.last_actual_deflator_year(history, DEFAULT_ASSUMPTIONS.gdp_vintage)
    fiscal, annual = history.fx_fiscal, history.fx_annual
    mode = sb.radio("GDP assumption", list(GDP_MODES), key="gdp", format_func=GDP_MODES.get,
                    help="Nominal GDP after the last actual year: a dated Cabinet Office "
                    "projection, or one constant growth rate you choose.")
    preset = sb.selectbox("Dated projection", list(history.presets), key="preset",
                          disabled=mode != "preset",
                          format_func=lambda n: f"{history.presets[n].title} ({history.presets[n].published})")
    g = specs["growth"]
    growth = sb.slider(GROWTH_LABEL, g["min"], g["max"], step=g["step"], key="growth", format="%.1f",
                       disabled=mode != "growth",
                       help="Used when the GDP assumption is 'Constant nominal growth'. "
                       "Applies to every year after the last actual GDP figure.")
    i = specs["infl"]
    inflation = sb.slider("Inflation for real terms (%/yr)", i["min"], i["max"], step=i["step"],
                          key="infl", format="%.2f",
                          help="GDP-deflator growth after the last year of ESRI's deflator "
                          f"(FY{deflator_last}); earlier years use the deflator itself. Real terms "
                          f"are in yen of FY{DEFAULT_ASSUMPTIONS.price_base_year}.")
    f = specs["fx"]
    fx = sb.slider("Exchange rate (JPY per USD)", f["min"], f["max"], step=f["step"], key="fx",
                   format="%.1f", help="The stated rate for the USD figures of projected years (and "
                   "of past years if chosen below).")
    fx_actuals = sb.radio("Past years' USD at", list(FX_ACTUALS_LABELS), key="fxa",
                          format_func=FX_ACTUALS_LABELS.get,
                          help="Fiscal-year averages of the Bank of Japan's monthly averages, "
                          f"FY{min(fiscal)}–FY{max(fiscal)}, or the stated rate for every year.")
    fx_history = sb.checkbox("Past years at their calendar-year average instead", key="fxh",
                             help="FYnnnn converted at the Federal Reserve's calendar-year-nnnn "
                             "average (9 of 12 months overlap; an approximation), "
                             f"{min(annual)}–{max(annual)}; replaces the fiscal-year average.")
    u = specs["until"]
    until = sb.slider("Last fiscal year shown", u["min"], u["max"], key="until")
    return spendcalc.make_assumptions(preset=preset if mode == "preset" else None,
                                      vintage=history.presets[preset].vintage if mode == "preset" else None,
                                      growth=f"{growth} %" if mode == "growth" else None,
                                      inflation=f"{inflation} %", fx=fx, until=until,
                                      fx_history=fx_history, fx_rate_for_actuals=fx_actuals)


def method_ui() -> tuple[str | None, str | None, str | None]:
    """Denominator, scope and budget-basis overrides (None keeps each scenario's own)."""
    sb = st.sidebar
    sb.subheader("Method")
    denom = sb.radio("Denominator (share of which GDP?)", list(DENOMINATOR_LABELS), key="denom",
                     format_func=DENOMINATOR_LABELS.get)
    scope = sb.radio("Scope (which spending counts?)", list(OVERRIDE_SCOPES), key="scope",
                     format_func=SCOPE_LABELS.get)
    basis = sb.radio("Budget basis (do supplementary budgets count?)", list(BASIS_LABELS),
                     key="basis", format_func=BASIS_LABELS.get,
                     help="The government counted FY2023-FY2025 ratios on initial budgets; the FY2025 "
                     "'2% level' was reached by adding the FY2025 supplementary budget.")
    return tuple(None if v == EACH else v for v in (denom, scope, basis))


def baseline_ui() -> str:
    """What extra yen are measured against: one common level, or each scenario's own."""
    a = DEFAULT_ASSUMPTIONS
    return st.sidebar.radio(
        "Extra yen measured against", list(BASELINE_LABELS), key="baseline",
        format_func=BASELINE_LABELS.get,
        help=f"Common: the FY{spendcalc.model.common_baseline_level(a, spendcalc.load_history())[0]} "
        f"{a.baseline_scope} total ({a.baseline_basis}) held "
        "flat, the same for every scenario, so extra yen compare across scenarios. Own: each "
        "scenario's last decided level in its own scope and basis (not comparable across "
        "scenarios).")


def copy_back(key: str) -> None:
    """Widget callback: store the widget's new value under the kept ``key``."""
    st.session_state[key] = st.session_state["w_" + key]


def kept(key: str) -> dict:
    """Widget keyword arguments for a value kept in ``st.session_state[key]``.

    Streamlit forgets a widget's value in a run that does not draw it (a closed tab); such a
    value therefore lives under ``key``, and the widget under ``"w_" + key`` is seeded from it
    and writes changes back.
    """
    state = st.session_state
    widget_key = "w_" + key
    if state.get(widget_key) != state[key]:
        state[widget_key] = state[key]
    return {"key": widget_key, "on_change": copy_back, "args": (key,)}


def focus_ui(names: list[str]) -> str:
    """Which selected scenario the headline numbers describe."""
    state = st.session_state
    if state["focus"] not in names:
        state["focus"] = "us-ask-3.5pct" if "us-ask-3.5pct" in names else (
            CUSTOM if CUSTOM in names else names[0])
    titles = {s.name: s.title for s in spendcalc.builtin_scenarios()} | {CUSTOM: "Custom (sidebar sliders)"}
    return st.selectbox("Headline numbers for", names, **kept("focus"),
                        format_func=lambda n: f"{n}: {titles[n]}" if n in titles else n)


# ----------------------------------------------------------------------------------------------
# Rendering
# ----------------------------------------------------------------------------------------------
def trillion(value_jpy: float) -> str:
    """Yen shown as trillion yen (display only)."""
    return f"{convert(value_jpy, 'JPY', 'trillion_JPY'):,.2f} trillion JPY"


def percent(value: float, digits: int = 2) -> str:
    """A fraction shown as percent (display only); n/a for NaN."""
    return "n/a" if pd.isna(value) else f"{value:.{digits}%}"


def headline(scenario: spendcalc.Scenario, assumptions: spendcalc.Assumptions) -> None:
    """The four numbers a reader asks first, with units and definitions in the labels."""
    if scenario.target_year is not None and scenario.target_year > assumptions.until:
        assumptions = replace(assumptions, until=scenario.target_year)
    h = headline_cached(scenario, assumptions)
    ty, anchor = h["target_year"], h["anchor_year"]
    scope = SCOPE_LABELS[scenario.scope]
    top = st.columns(3)
    top[0].metric(f"Spending needed in FY{ty} (trillion JPY)",
                  f"{convert(h['target_spending_jpy'], 'JPY', 'trillion_JPY'):,.2f}",
                  help=f"Yen spent in FY{ty} on this scenario ({scope}), with "
                  f"{DENOMINATOR_LABELS[scenario.denominator]} as the target's denominator.")
    top[1].metric(f"Share of fixed FY2022 GDP in FY{ty}", percent(h["share_fixed_fy2022"]),
                  help="The same yen divided by the government's fixed FY2022 GDP "
                  f"({trillion(assumptions.reference_gdp_jpy)}), as the 2% framework counts.")
    top[2].metric(f"Share of same-year GDP in FY{ty}", percent(h["share_same_year"]),
                  help=f"The same yen divided by FY{ty}'s own nominal GDP under the GDP "
                  "assumption: a fiscal-year share, not SIPRI's or NATO's calendar-year figure "
                  "(see `spendcalc sipri`).")
    low = st.columns(3)
    base_text = spendcalc.model.baseline_text(assumptions.baseline, scenario, assumptions,
                                              spendcalc.load_history(), anchor)
    base_label = (f"FY{spendcalc.model.common_baseline_level(assumptions, spendcalc.load_history())[0]} "
                  "common level" if assumptions.baseline == "common" else f"flat FY{anchor}")
    low[0].metric(f"Extra per year vs {base_label} (trillion JPY)",
                  f"{convert(h['mean_gap_to_baseline_jpy'], 'JPY', 'trillion_JPY'):,.2f}",
                  help=f"Average yearly spending above the baseline, FY{anchor + 1} to FY{ty}. "
                  f"Baseline — {base_text}.")
    low[1].metric(f"Spending growth needed FY{anchor}–FY{ty} (%/yr)",
                  percent(h["required_spending_growth"], 1),
                  help="Constant yearly growth of spending in yen from the last bundled figure "
                  "to the target. n/a where the target is already due or the path is flat.")
    low[2].metric(f"Break-even GDP growth to FY{ty} (%/yr)", percent(h["break_even_gdp_growth"], 1),
                  help="Constant nominal GDP growth at which this yen amount is exactly the "
                  "target share of same-year GDP. n/a for a flat path or a target already due.")
    st.caption(
        f"**{md(scenario.title or scenario.name)}**. Counts {scope.lower()} "
        f"({BASIS_LABELS[scenario.basis].lower()}); target measured against {DENOMINATOR_LABELS[scenario.denominator]}; "
        f"path: {PATH_LABELS.get(scenario.path, scenario.path).lower()}. Fiscal years run "
        "April–March. Hover over a number for its definition. "
        f"Extra yen are measured against the baseline {base_text}."
    )
    for caveat in spendcalc.model.caveats_for(scenario, assumptions, spendcalc.load_history(), anchor):
        st.caption(f"Note: {md(caveat)}.")


def csv_text(tidy: pd.DataFrame) -> str:
    """The trajectories as CSV, headed by the methodology and the sources (``#,<line>`` rows).

    Written by ``spendcalc.output.write_csv``: comment lines quoted by the csv module, text cells
    that a spreadsheet would run as formulas neutralised.
    """
    lines = ["spendcalc trajectories (tidy: one row per scenario, fiscal year and measure)",
             "fiscal_year: Japanese fiscal year, April to March; share_of_gdp values are fractions "
             "(0.02 = 2%); money in JPY or USD as the unit column says."]
    lines += charts.methodology_note(tidy).splitlines()
    for name, meta in tidy.attrs.get("methodology", {}).items():
        lines.append(f"scenario {name}: " + "; ".join(f"{k}={v}" for k, v in meta.items()
                                                       if k != "scenario"))
    for name, meta in table_meta_cached().items():
        lines.append(f"source data/{name}.csv: {meta.get('title', '')} — {meta.get('publisher', '')}, "
                     f"{meta.get('edition', '')}, retrieved {meta.get('retrieved_on', '')} "
                     f"<{meta.get('source_url', '')}>")
    return safe_csv_text(tidy, comments=lines, float_format=None)


def line_chart(tidy: pd.DataFrame, measure: str, unit: str, title: str,
               markers: pd.DataFrame | None = None) -> alt.Chart:
    """An interactive chart of one measure by scenario (values converted for display only)."""
    rows = tidy.loc[tidy["measure"] == measure, ["scenario", "fiscal_year", "status", "value", "unit"]]
    rows = rows.assign(shown=convert(rows["value"].to_numpy(), rows["unit"].iloc[0], unit))
    names = list(dict.fromkeys(rows["scenario"]))
    colors = alt.Scale(domain=names, range=[charts.scenario_color(n) for n in names])
    label = "% of GDP" if unit == "percent" else unit.replace("_", " ")
    x = alt.X("fiscal_year:Q", title=FY_AXIS, axis=alt.Axis(format="d", tickMinStep=1),
              scale=alt.Scale(zero=False))
    y = alt.Y("shown:Q", title=f"{title} [{label}]")
    tooltip = [alt.Tooltip("scenario:N"), alt.Tooltip("fiscal_year:Q", title="Fiscal year", format="d"),
               alt.Tooltip("status:N"), alt.Tooltip("shown:Q", title=label, format=",.2f")]
    base = alt.Chart(rows).encode(x=x, y=y, color=alt.Color("scenario:N", scale=colors,
                                                             legend=alt.Legend(orient="bottom",
                                                                               columns=2)))
    is_projection = alt.datum.status == "projection"
    layers = [base.mark_line(),
              base.transform_filter(~is_projection).mark_point(size=30, filled=True)
              .encode(tooltip=tooltip),
              base.transform_filter(is_projection).mark_point(size=30, filled=False)
              .encode(tooltip=tooltip)]
    if markers is not None and len(markers):
        # one diamond per claimed point; the articles making the same claim share its label
        pts = (markers.assign(base=markers["label"].str.replace(r"\s*\([^)]*\)$", "", regex=True),
                              article=markers["article"].astype(str))
               .groupby(["fiscal_year", "value", "base"], as_index=False)
               .agg(article=("article", ", ".join), claim_id=("claim_id", ", ".join)))
        pts = pts.assign(label=pts["base"] + " (" + pts["article"] + ")",
                         shown=convert(pts["value"].to_numpy(), "fraction", unit),
                         row=range(len(pts)))
        claim = alt.Chart(pts).encode(x="fiscal_year:Q", y="shown:Q",
                                      tooltip=["label:N", "claim_id:N", "article:N"])
        layers.append(claim.mark_point(shape="diamond", size=140, color="black", filled=True))
        for parity, dy in ((0, -10), (1, 14)):  # alternate labels above and below the points
            layers.append(claim.transform_filter(f"datum.row % 2 == {parity}")
                          .mark_text(align="left", dx=8, dy=dy, fontSize=11).encode(text="label:N"))
    return alt.layer(*layers).properties(title=title)


def trajectories_tab(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions,
                     tidy: pd.DataFrame, focus: spendcalc.Scenario) -> None:
    """Yen and share-of-GDP charts (with the articles' claims), and the downloads."""
    markers = spendcalc.claim_markers(tidy)
    left, right = st.columns(2)
    left.altair_chart(line_chart(tidy, "spending_jpy", "trillion_JPY", "Spending"),
                      width="stretch", height=420)
    right.altair_chart(line_chart(tidy, "share_of_gdp", "percent", "Share of GDP", markers),
                       width="stretch", height=420)
    st.caption("Filled dots: enacted budgets, government plans and estimates derived from "
               "published figures; hollow dots: this calculator's "
               "projection. The share chart uses each scenario's own denominator. Diamonds: "
               "targets as the articles state them (details in the Claims tab).")
    bases = dict.fromkeys(m["baseline_description"] for m in tidy.attrs.get("methodology", {}).values())
    st.caption("Extra yen (downloads and the extra-yen chart) are measured against the baseline "
               + " | ".join(bases) + ".")
    st.markdown("**Downloads**")
    cols = st.columns([1, 1, 2, 1, 1])
    cols[0].download_button("Trajectories (CSV)", data=lambda: csv_text(tidy),
                            file_name="spendcalc-trajectories.csv", mime="text/csv",
                            on_click="ignore", key="dl_csv",
                            help="The tidy table with the methodology and sources as # lines.")
    cols[1].download_button("Scenario (YAML)", data=spendcalc.scenario_to_yaml(focus),
                            file_name=f"{focus.name}.yaml", mime="application/x-yaml",
                            on_click="ignore", key="dl_yaml",
                            help=f"The headline scenario ({md(focus.name)}), with the method choices applied; "
                            "load it again with 'Load a scenario file'.")
    kind = cols[2].selectbox("Chart to download", list(CHART_KINDS), key="dl_kind",
                             format_func=CHART_KINDS.get, label_visibility="collapsed")
    cols[3].download_button("Chart (PNG)", key="dl_png", on_click="ignore", mime="image/png",
                            file_name=f"spendcalc-{kind}.png",
                            data=lambda: chart_bytes(kind, scenarios, assumptions, focus.name, "png", 200))
    cols[4].download_button("Chart (SVG)", key="dl_svg", on_click="ignore", mime="image/svg+xml",
                            file_name=f"spendcalc-{kind}.svg",
                            data=lambda: chart_bytes(kind, scenarios, assumptions, focus.name, "svg", 100))
    if st.toggle("Preview the chart as downloaded (slower)", key="preview"):
        st.image(chart_bytes(kind, scenarios, assumptions, focus.name, "png", 90))


def uncertainty_tab(focus: spendcalc.Scenario, assumptions: spendcalc.Assumptions,
                    specs: dict[str, dict]) -> None:
    """Monte Carlo fan chart and the probability of meeting the target."""
    cols = st.columns([2, 2, 1, 1])
    measure = cols[1].radio("Share measured on", list(specs["mo"]["choices"]), **kept("mo"),
                            format_func={"same-year": "Same-year GDP (uncertain)",
                                         "own": "The scenario's own denominator"}.get,
                            help="A plan fixed on FY2022 GDP is certain on that basis; on "
                            "same-year GDP it asks whether the yen are really that share of "
                            "the GDP of the target year.")
    run = cols[0].toggle("Simulate uncertain GDP growth", **kept("mc"),
                         help="Draws many nominal-GDP paths around the GDP assumption, holding the "
                         "scenario's yen fixed, and reports percentiles. Off by default so that "
                         "slider changes stay instant.")
    paths = int(cols[2].selectbox("Paths", list(specs["paths"]["choices"]), **kept("paths"),
                                  format_func=lambda p: f"{int(p):,}"))
    s = specs["seed"]
    seed = int(cols[3].number_input("Seed", s["min"], s["max"], step=1, **kept("seed")))
    if not run:
        st.caption(f"Switch on to simulate '{md(focus.name)}' ({paths:,} paths).")
        return
    summary = simulate_in_session(focus, assumptions, paths, seed,
                                  "same-year" if measure == "same-year" else None)
    prob = summary.attrs.get("probability")
    basis = ("same-year GDP" if "same-year" in (measure, focus.denominator)
             else "fixed FY2022 GDP")
    st.metric(f"Probability of reaching {percent(focus.target_share, 1)} of {basis} "
              f"in FY{focus.target_year}" if focus.target_share is not None
              else "Probability of reaching the target",
              "n/a" if prob is None else percent(prob, 0),
              help="Probability, exact under the stated GDP model (log-normal growth around the "
              "GDP assumption), that the scenario's yen meet the target share in the target year.")
    if prob is None:
        st.caption(md(summary.attrs.get("note") or "No probability for this scenario."))
    st.image(fan_png(summary, 80))
    st.dataframe(summary, hide_index=True)


def claims_tab(scenarios: tuple[spendcalc.Scenario, ...], assumptions: spendcalc.Assumptions) -> None:
    """The articles' claims with verdicts and quotes, filterable."""
    audit = claims_audit_cached(scenarios, assumptions)
    cols = st.columns(2)
    articles = cols[0].multiselect("Article", sorted(audit["article"].astype(str).unique()),
                                   key="claims_article", placeholder="All articles")
    verdicts = cols[1].multiselect("Verdict", sorted(audit["verdict"].astype(str).unique()),
                                   key="claims_verdict", placeholder="All verdicts")
    shown = audit
    if articles:
        shown = shown[shown["article"].astype(str).isin(articles)]
    if verdicts:
        shown = shown[shown["verdict"].astype(str).isin(verdicts)]
    st.caption(f"{len(shown)} of {len(audit)} claims, checked against the bundled data and the "
               "model with the current assumptions.")
    st.dataframe(shown, hide_index=True, height=520,
                 column_order=["claim_id", "verdict", "reason", "quote", "article", "fiscal_year",
                               "value", "unit"],
                 column_config={"reason": st.column_config.TextColumn(width="large"),
                                "quote": st.column_config.TextColumn(width="large")})


def guarded(part: str, draw: Callable[[], None]) -> None:
    """Draw one tab; if it fails, say so in one line and keep the rest of the app."""
    try:
        draw()
    except Exception as exc:  # one tab must not take the whole app down
        st.error(f"{part} is unavailable: {md(f'{type(exc).__name__}: {exc}')}")


def data_tab(tidy: pd.DataFrame) -> None:
    """The tidy table, definitions, sources and data vintages."""
    st.markdown(
        f"""
**Scope** — *Security-related total*: the 2% framework's sum of the MOD defense budget and other
security-related spending (coast guard, research, infrastructure, ...). *MOD defense budget*:
the headline Ministry of Defense budget only.

**Denominator** — *Fixed FY2022 GDP*: the government measures the 2% target against one number,
FY2022 nominal GDP as estimated in Dec 2022 ({trillion(DEFAULT_ASSUMPTIONS.reference_gdp_jpy)}).
*Same-year GDP*: each fiscal year's own nominal GDP (a fiscal-year share; SIPRI and NATO count
calendar years, so their figures differ: see `spendcalc sipri`); it moves with the GDP assumption.

**Fiscal year** — April to March (FY2025 = April 2025 to March 2026). **Status** — *actual*:
enacted budget; *plan*: government draft; *estimate*: a decided year whose total is not
published, derived from published figures (see data/README.md); *projection*: this calculator's
scenario path.
"""
    )
    st.markdown("**Methodology of the current view**")
    st.caption(md(charts.methodology_note(tidy)))
    st.dataframe(arrow_safe(spendcalc.methodology_table(tidy)), hide_index=True)
    st.markdown("**Sources and data vintages**")
    meta = table_meta_cached()
    st.dataframe(pd.DataFrame([{"table": f"data/{n}.csv", "title": m.get("title"),
                                "publisher": m.get("publisher"), "edition": m.get("edition"),
                                "retrieved_on": str(m.get("retrieved_on")),
                                "source_url": m.get("source_url")} for n, m in meta.items()]),
                 hide_index=True)
    st.markdown("**Trajectories (tidy table)**")
    st.dataframe(tidy, hide_index=True)
    with st.expander("All bundled figures with their sources"):
        st.dataframe(history_cached(), hide_index=True)
    with st.expander("Scope waterfall: from the MOD budget to the security-related total"):
        bridge_view()


def bridge_view() -> None:
    """The scope waterfall of one fiscal year (spendcalc.bridge), each step with its source."""
    from spendcalc.reconcile import BRIDGE_YEARS

    cols = st.columns(2)
    year = cols[0].selectbox("Fiscal year", BRIDGE_YEARS, index=BRIDGE_YEARS.index(2025),
                             format_func=lambda y: f"FY{y}" + (" (plan composition)" if y == 2027 else ""),
                             key="bridge_year")
    basis = cols[1].radio("Basis", ("with-supplementary", "initial"), horizontal=True, key="bridge_basis")
    table = spendcalc.bridge(year, basis=basis)
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


def main() -> None:
    """Draw the app."""
    st.set_page_config(page_title="spendcalc — Japan defense spending", layout="wide")
    specs = widget_specs()
    warnings = init_state_from_link(specs)
    st.title("Japan's defense spending: what do the targets mean in yen?")
    for text in warnings:
        st.warning(md(text))  # warnings quote the link's text: shown literally
    st.sidebar.header("Scenarios")
    box = st.sidebar.container()
    uploaded = upload_ui()
    names, custom = scenario_ui(specs, uploaded, box)
    assumptions = assumptions_ui(specs)
    denominator, scope, basis = method_ui()
    assumptions = replace(assumptions, baseline=baseline_ui())
    if not names:
        write_link(specs)
        st.info("Choose at least one scenario in the sidebar.")
        return
    focus_name = focus_ui(names)
    by_name = {CUSTOM: custom} | ({uploaded.name: uploaded} if uploaded else {})
    try:
        scenarios = tuple(spendcalc.resolve_scenarios([by_name.get(n, n) for n in names],
                                                      denominator=denominator, scope=scope,
                                                      basis=basis))
        focus = scenarios[names.index(focus_name)]
        tidy = project_cached(scenarios, assumptions)
        headline(focus, assumptions)
    except spendcalc.SpendcalcError as exc:
        write_link(specs)
        st.error(f"These settings cannot be computed: {md(exc)}")
        return
    tabs = st.tabs(list(TAB_LABELS), key="tab", bind="query-params")
    parts = (  # only the open tab is computed, so a slider change stays quick
        lambda: trajectories_tab(scenarios, assumptions, tidy, focus),
        lambda: uncertainty_tab(focus, assumptions, specs),
        lambda: claims_tab(scenarios, assumptions),
        lambda: data_tab(tidy),
    )
    for tab, label, draw in zip(tabs, TAB_LABELS, parts, strict=True):
        if tab.open:
            with tab:
                guarded(f"The {label} tab", draw)
    write_link(specs)
    st.caption("Copy the page address to share this exact view. Sources: data/README.md.")


if __name__ == "__main__":
    main()
