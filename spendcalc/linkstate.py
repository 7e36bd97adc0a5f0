"""The app's shareable link: parameter names, strict parsing, the text written back, upload tokens.

No Streamlit: the app passes in the page address as ``{name: [values]}`` and gets back widget
values and warnings (no file is read here), and :func:`model_inputs` turns those values into
the scenarios and assumptions the model is asked about. Every parameter name and value form that links have carried
since they were first shared is read here, unchanged: ``?gdp=growth&growth=2.5``,
``sc=us-ask-3.5pct,custom``, ``focus=``, ``basis=``, ``fx=``, ``baseline=``, ``mo=``, ``mc=1``,
``up=<token>`` (an uploaded scenario file, zlib + URL-safe base64), ``lang=ja`` (the reader's
language; a link without it is English, as every link was before) ... The open tab, ``tab=``, is
read by :func:`read_link` too (given the tabs' link values) and always carries the tab's English
name, whatever the reader's language, so a link opens the same tab in either language.

Why the app does not hand these widgets to Streamlit's ``bind="query-params"`` (1.67): it writes
a choice's *display label* into the address (``path=Constant+%25+growth+of+spending``, so old
links with ids stop working and any relabel breaks new ones), booleans as ``true``/``false`` and
lists as repeated keys; it drops or clamps a bad value without telling the reader, accepts
full-width digits and fractional years, and an oversized whole number (``seed=999…``) raises
OverflowError inside the widget. Here, a bad value is a warning naming the parameter, the text
and what is allowed, and the default is used.
"""

from __future__ import annotations

import base64
import binascii
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spendcalc import schema
from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.errors import SpendcalcError, shorten
from spendcalc.i18n import DEFAULT_LANG, LANGS

CUSTOM = "custom"
EACH = "each"
PATHS = ("2000", "20000", "100000")  # Monte Carlo path counts offered (the cross-check's size)
MAX_PARAM_CHARS = 200  # a link value longer than this is not read at all
MAX_LINK_CHARS = 6000  # an uploaded scenario longer than this (encoded) is not carried in the link
MAX_SCENARIO_BYTES = 64 * 1024  # the limit of spendcalc.scenario_from_yaml
UI_UNITS = {"target_share": "% of GDP", "growth_rate": "% a year", "inflation_rate": "% a year",
            "jpy_per_usd": "JPY per USD"}


@dataclass(frozen=True)
class Param:
    """One link parameter: the widget value's kind, its default and what it accepts."""

    kind: str  # float, int, choice, list, bool, text
    default: object
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    step: float | None = None
    field: str | None = None  # the schema field whose help text the warning quotes


def window(name: str, default: float, **limits: float) -> Param:
    """A numeric parameter with the app's slider window of schema field ``name``."""
    w = schema.ui_window(name) | limits
    kind = "int" if float(w["step"]).is_integer() and isinstance(default, int) else "float"
    return Param(kind, default, low=w["min"], high=w["max"], step=w["step"], field=name)


def link_params(*, scenarios: Iterable[str], presets: Iterable[str], first_projected_year: int,
                gdp_preset: str, inflation_percent: float, jpy_per_usd: float, until: int,
                fx_history: bool, fx_rate_for_actuals: str, baseline: str) -> dict[str, Param]:
    """Every link parameter with its default (the app passes the core's defaults in)."""
    return {
        "sc": Param("list", (*scenarios, CUSTOM)),
        "share": window("target_share", 3.0),
        # the year window follows the bundled data (first projected year), inside the schema's range
        "year": Param("int", 2035, low=first_projected_year, high=2050, step=1, field="target_year"),
        "path": Param("choice", "linear-yen", ("linear-yen", "constant-growth", "linear-share")),
        "cden": Param("choice", "same-year", schema.DENOMINATORS),
        "gdp": Param("choice", "preset", ("preset", "growth")),
        "preset": Param("choice", gdp_preset, tuple(presets)),
        "growth": window("growth_rate", 2.0),
        "infl": window("inflation_rate", inflation_percent),
        "fx": window("jpy_per_usd", jpy_per_usd),
        "denom": Param("choice", EACH, (EACH, "fixed-fy2022", "same-year")),
        "scope": Param("choice", EACH, (EACH, "security-related", "mod-budget")),
        "basis": Param("choice", EACH, (EACH, "initial", "with-supplementary")),
        "until": Param("int", until, low=2030, high=2060, step=1, field="until"),
        "focus": Param("text", "us-ask-3.5pct"),
        "mc": Param("bool", False),
        "fxh": Param("bool", fx_history),
        "fxa": Param("choice", fx_rate_for_actuals, ("fiscal-year-average", "stated")),
        "baseline": Param("choice", baseline, ("common", "own")),
        "mo": Param("choice", "same-year", ("same-year", "own")),
        "paths": Param("choice", "20000", PATHS),
        "seed": window("seed", 1),
        "lang": Param("choice", DEFAULT_LANG, LANGS),
    }


def allowed_text(p: Param) -> str:
    """What a link parameter accepts, in words (the widget's window, from the schema)."""
    if p.kind in ("float", "int"):
        spec = schema.spec(p.field)
        unit = UI_UNITS.get(spec.name, "")
        what = "a number" if p.kind == "float" else "a whole number"
        return (f"{what} from {p.low:g} to {p.high:g}{' ' + unit if unit else ''} ({spec.help}), "
                f"e.g. {p.default:g}")
    return {"bool": "0 or 1", "choice": "one of " + ", ".join(p.choices),
            "list": "comma-separated scenario names"}.get(p.kind, "a scenario name")


def parse_value(p: Param, raw: list[str], key: str) -> object:
    """A link value checked against its widget's window; SpendcalcError names ``key``, the text
    and what is allowed (never a message from Python's own conversions)."""
    text = ",".join(raw) if p.kind == "list" else raw[-1]
    allowed = allowed_text(p)
    if len(text) > MAX_PARAM_CHARS:
        raise SpendcalcError(key, text, f"{allowed} (at most {MAX_PARAM_CHARS} characters)")
    if p.kind == "list":
        return [item for item in text.split(",") if item]
    if p.kind in ("float", "int"):
        if p.kind == "float":
            from spendcalc.units import parse_quantity  # pint only when a number is read

            value = parse_quantity(text, field=key, unit="-", allowed=allowed)
        else:
            value = schema.parse_whole(text, field=key, allowed=allowed)
        if not p.low <= value <= p.high:
            raise SpendcalcError(key, text, allowed)
        return round(value, 2) if p.kind == "float" else value
    if p.kind == "bool":
        if text not in ("0", "1"):
            raise SpendcalcError(key, text, allowed)
        return text == "1"
    if p.kind == "choice" and text not in p.choices:
        raise SpendcalcError(key, text, allowed)
    return text


def param_text(p: Param, value: object) -> str:
    """A widget value as the link carries it."""
    if p.kind == "list":
        return ",".join(value)
    if p.kind == "bool":
        return "1" if value else "0"
    return str(value)


@dataclass(frozen=True)
class Link:
    """What a link asks for: widget values (every parameter), an uploaded file, warnings."""

    values: dict[str, object]
    uploaded_yaml: str | None = None
    warnings: list[str] = field(default_factory=list)
    tab: str | None = None  # the open tab's link value (one of ``tabs``), None for the first tab


def read_link(query: Mapping[str, list[str]], params: Mapping[str, Param],
              builtin_names: Iterable[str], tabs: Sequence[str] = ()) -> Link:
    """Parse a page address: every parameter's value (default where absent or bad) and warnings.

    ``query`` maps each parameter to all its values (``st.query_params.get_all``). Bad values
    fall back to the default with a warning naming the parameter; unknown scenario names are
    left out; an ``up`` token that does not hold a valid scenario file is left out. ``tabs``: the
    tabs' link values (English names, the first is the default); ``tab=`` must name one of them.
    """
    from spendcalc.scenarios import scenario_from_yaml

    warnings, uploaded, upload_name = [], None, None
    if query.get("up"):
        try:
            text = decode_yaml(query["up"][-1])
            scenario = scenario_from_yaml(text, where="uploaded scenario in the link")
            check_upload_name(scenario.name, builtin_names)
            uploaded, upload_name = text, scenario.name
        except ValueError as exc:
            warnings.append(f"The link's uploaded scenario could not be read ({exc}); it is left out.")
    values = {}
    for key, p in params.items():
        values[key] = p.default
        if query.get(key):
            try:
                values[key] = parse_value(p, list(query[key]), key)
            except SpendcalcError as exc:
                warnings.append(f"Link parameter {key}: {schema.cli_error(exc)}; "
                                f"using the default {param_text(p, p.default)}.")
    known = {*builtin_names, CUSTOM, *([upload_name] if upload_name else [])}
    unknown = [name for name in values["sc"] if name not in known]
    if unknown:
        warnings.append(f"Link parameter sc names unknown scenarios ({shorten(', '.join(unknown))}); "
                        "they are left out.")
    values["sc"] = [name for name in values["sc"] if name in known]
    if query.get("focus") and values["focus"] not in values["sc"]:
        warnings.append(f"Link parameter focus: {shorten(values['focus'])} is not one of the chosen "
                        "scenarios; the headline shows the first chosen scenario instead.")
    return Link(values, uploaded, warnings, read_tab(query, tabs, warnings))


def read_tab(query: Mapping[str, list[str]], tabs: Sequence[str], warnings: list[str]) -> str | None:
    """The link's open tab (one of ``tabs``), or None; a value naming no tab is a warning."""
    if not tabs or not query.get("tab"):
        return None
    try:
        return str(parse_value(Param("choice", tabs[0], tuple(tabs)), list(query["tab"]), "tab"))
    except SpendcalcError as exc:
        warnings.append(f"Link parameter tab: {schema.cli_error(exc)}; showing the first tab, {tabs[0]}.")
        return None


def link_query(values: Mapping[str, object], params: Mapping[str, Param],
               uploaded_yaml: str | None) -> dict[str, str]:
    """The parameters to write into the page address for these widget values (and upload)."""
    wanted = {key: param_text(p, values[key]) for key, p in params.items() if key in values}
    if uploaded_yaml and len(token := encode_yaml(uploaded_yaml)) <= MAX_LINK_CHARS:
        wanted["up"] = token
    return wanted


def default_focus(names: list[str]) -> str:
    """The scenario the headline describes when the chosen one is not selected."""
    for name in ("us-ask-3.5pct", CUSTOM):
        if name in names:
            return name
    return names[0]


def check_upload_name(name: str, builtin_names: Iterable[str]) -> None:
    """An uploaded scenario may not take the name of a built-in or of the custom scenario."""
    if name in builtin_names or name == CUSTOM:
        raise SpendcalcError("name", name, "a name that is not a built-in scenario or 'custom'")


def encode_yaml(text: str) -> str:
    """Compact, URL-safe text for a scenario file (zlib + base64)."""
    return base64.urlsafe_b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")


def decode_yaml(token: str) -> str:
    """Inverse of :func:`encode_yaml`; raises ValueError on anything else (and on a bomb)."""
    try:
        inflate = zlib.decompressobj()
        text = inflate.decompress(base64.urlsafe_b64decode(token.encode("ascii")),
                                  MAX_SCENARIO_BYTES + 1)
        if len(text) > MAX_SCENARIO_BYTES or not inflate.eof:
            raise ValueError(f"a scenario file of at most {MAX_SCENARIO_BYTES} bytes")
        return text.decode("utf-8")
    except (binascii.Error, zlib.error, UnicodeError) as exc:
        raise ValueError("not an encoded scenario file") from exc


def model_inputs(v: Mapping[str, object], uploaded: Scenario | None = None
                 ) -> tuple[list[str], tuple[Scenario, ...], Assumptions]:
    """What a view asks the model: the chosen names, their resolved scenarios, the assumptions.

    ``v`` holds every parameter's widget value (as :func:`read_link` returns them, or the app's
    widgets at the start of a run); ``uploaded`` is the session's uploaded scenario, if any.
    Built through the public API, which validates every value (SpendcalcError names the field).
    """
    from spendcalc.api import make_assumptions, resolve_scenarios
    from spendcalc.data import load_history
    from spendcalc.units import convert

    custom = Scenario(name=CUSTOM, target_share=convert(v["share"], "percent", "fraction"),
                      target_year=v["year"], path=v["path"], denominator=v["cden"], basis="with-supplementary",
                      title=f"Custom: {v['share']:.1f}% of GDP by FY{v['year']}",
                      description="Built from the app's sliders (an assumption, not a government plan).")
    by_name = {CUSTOM: custom} | ({uploaded.name: uploaded} if uploaded else {})
    method = {k: None if v[key] == EACH else v[key] for k, key in
              (("denominator", "denom"), ("scope", "scope"), ("basis", "basis"))}
    scenarios = resolve_scenarios([by_name.get(n, n) for n in v["sc"]], **method)
    growth = v["gdp"] == "growth"
    # a dated projection continues the GDP level of its own ESRI vintage (the model refuses a mix)
    vintage = None if growth else load_history().presets[v["preset"]].vintage
    a = make_assumptions(preset=None if growth else v["preset"], growth=f"{v['growth']} %" if growth else None,
                         vintage=vintage,
                         inflation=f"{v['infl']} %", fx=v["fx"], until=v["until"], fx_history=v["fxh"],
                         fx_rate_for_actuals=v["fxa"], baseline=v["baseline"])
    return list(v["sc"]), tuple(scenarios), a
