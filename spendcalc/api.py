"""Convenience entry points: user values (numbers or quantity strings) -> validated inputs -> model.

This is the boundary where ``"2 %"``, ``"150 JPY/USD"`` or ``"11 trillion JPY"`` become plain
floats (fractions, JPY per USD, yen), parsed and range-checked by :mod:`spendcalc.schema`.
Plain numbers are taken in the documented units: growth, inflation and shares as fractions
(0.02 = 2%), exchange rates in JPY per USD, money in yen (so ``reference_gdp=560`` is refused
as implausible, with a hint to write ``'560 trillion JPY'``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

# the simulation module is imported here, not where used: the package binds the name
# ``spendcalc.simulate`` to api.simulate, which a later submodule import would overwrite
from spendcalc import model, schema
from spendcalc import simulate as simulation
from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.data import (
    History,
    builtin_scenarios,
    default_assumptions,
    get_scenario,
    load_history,
    read_articles_index,
    read_claims,
    read_reference_rows,
)
from spendcalc.errors import SpendcalcError

if TYPE_CHECKING:  # imported where used: a command that projects does not need it
    from spendcalc import answers as _answer

ScenarioLike = str | Path | Scenario


def make_assumptions(*, preset: str | None = None, growth: object = None, inflation: object = None,
                     fx: object = None, until: int | None = None, vintage: str | None = None,
                     reference_gdp: object = None, price_base_year: int | None = None,
                     growth_overrides: dict[int, object] | None = None,
                     cumulative_from: int | None = None, fx_history: bool | None = None,
                     fx_rate_for_actuals: str | None = None, baseline: str | None = None,
                     base: Assumptions | None = None) -> Assumptions:
    """Build Assumptions from user values; unspecified fields keep the defaults (or ``base``).

    The defaults are ``default_assumptions()``, read from ``data/defaults.yaml``.
    """
    a = base or default_assumptions()
    changes: dict = {}
    if preset is not None:
        changes.update(gdp_preset=schema.parse("gdp_preset", preset, "preset"), growth_rate=None)
    if baseline == "hold-flat":  # the name of 'own' before the common baseline existed
        baseline = "own"
    for key, name, value in (("growth", "growth_rate", growth), ("inflation", "inflation_rate", inflation),
                             ("fx", "jpy_per_usd", fx), ("reference_gdp", "reference_gdp_jpy", reference_gdp),
                             ("until", "until", until), ("vintage", "gdp_vintage", vintage),
                             ("price_base_year", "price_base_year", price_base_year),
                             ("cumulative_from", "cumulative_from", cumulative_from),
                             ("fx_history", "fx_history", fx_history),
                             ("fx_rate_for_actuals", "fx_rate_for_actuals", fx_rate_for_actuals),
                             ("baseline", "baseline", baseline)):
        if value is not None:
            changes[name] = schema.parse(name, value, key)
    if growth_overrides is not None:
        if not isinstance(growth_overrides, dict):
            raise SpendcalcError("growth_overrides", growth_overrides,
                                 "a mapping of fiscal year to growth rate, e.g. {2030: '1 %'}")
        changes["growth_overrides"] = tuple(
            (schema.parse_year(year, "growth_overrides"),
             schema.parse("growth_overrides", v, f"growth_overrides[{year}]"))
            for year, v in growth_overrides.items())
    return replace(a, **changes) if changes else a


def resolve_scenarios(scenarios: ScenarioLike | Iterable[ScenarioLike] | None = None, *,
                      denominator: str | None = None, scope: str | None = None,
                      basis: str | None = None) -> list[Scenario]:
    """Names, files or Scenario objects -> Scenarios, with optional method overrides applied."""
    if scenarios is None:
        chosen = builtin_scenarios()
    elif isinstance(scenarios, str | Path | Scenario):
        chosen = [get_scenario(scenarios)]
    else:
        chosen = [get_scenario(s) for s in scenarios]
    changes = {k: v for k, v in (("denominator", denominator), ("scope", scope), ("basis", basis)) if v}
    return [replace(s, **changes) for s in chosen] if changes else chosen


def check_claims(*, assumptions: Assumptions | None = None,
                 scenarios: Sequence[Scenario] | None = None, history: History | None = None,
                 claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give every claim of the articles a verdict and a one-line reason, on the bundled data.

    Parameters
    ----------
    assumptions : Assumptions, optional
        Economic assumptions (GDP preset or growth, vintage); default ``default_assumptions()``.
    scenarios : sequence of Scenario, optional
        Scenarios to use for the claims' ``maps_to.scenario`` names (matched by name; e.g. the
        built-ins with a denominator or basis override). Names not given fall back to the
        built-ins. The spending scope is varied regardless.
    history : History, optional
        Bundled actuals (default ``load_history()``).
    claims : DataFrame, optional
        As returned by ``read_claims`` (default: the bundled claims).

    Returns
    -------
    DataFrame
        One row per claim, columns ``spendcalc.claims.OUTPUT_COLUMNS``; see
        :func:`spendcalc.claims.check_claims`, which this calls with the bundled data.
    """
    from spendcalc import claims as _claims  # loaded on first use: few callers need the audit

    chosen = {s.name: s for s in builtin_scenarios()}
    chosen.update({s.name: s for s in scenarios or ()})
    return _claims.check_claims(read_claims() if claims is None else claims, read_reference_rows(),
                                history or load_history(), list(chosen.values()),
                                assumptions=assumptions or default_assumptions(),
                                articles=read_articles_index())


def claim_markers(tidy: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share-of-GDP levels claimed by the articles, as chart markers (default: the bundled claims).

    See :func:`spendcalc.claims.claim_markers`; ``tidy`` keeps the claims of its scenarios only.
    """
    from spendcalc import claims as _claims

    return _claims.claim_markers(tidy, read_claims() if claims is None else claims)

def simulate(scenario: ScenarioLike, *, paths: int = 100_000, seed: int = 0,
             assumptions: Assumptions | None = None, history: History | None = None,
             volatility: float | None = None, persistence: float = 0.0, fx_volatility: float = 0.0,
             threshold: float | None = None, plan_assumptions: Assumptions | None = None,
             measured_on: str | None = None, chunk_size: int = 100_000, until: int | None = None,
             since: int | None = None, progress: simulation.Progress | None = None,
             method: str = "exact") -> pd.DataFrame:
    """:func:`spendcalc.simulate.simulate` on a built-in name, a scenario file or a Scenario.

    ``assumptions`` default to ``default_assumptions()`` and ``history`` to ``load_history()``
    (the bundled data); every other parameter is passed on as it is (see the pure function for
    units and ranges).
    """
    settings = simulation.SimulationSettings(
        method=method, paths=paths, seed=seed, chunk_size=chunk_size, persistence=persistence,
        fx_volatility=fx_volatility, threshold=threshold, measured_on=measured_on,
        volatility=volatility, until=until, since=since)  # checked before any file is read
    history = load_history() if history is None else history
    assumptions = default_assumptions() if assumptions is None else assumptions
    (sc,) = resolve_scenarios(scenario)
    return simulation.simulate_settings(sc, settings, assumptions=assumptions, history=history,
                                        plan_assumptions=plan_assumptions, progress=progress)


def project(scenarios: ScenarioLike | Iterable[ScenarioLike] | None = None, *,
            preset: str | None = None, growth: object = None, inflation: object = None,
            fx: object = None, denominator: str | None = None, scope: str | None = None,
            basis: str | None = None, until: int | None = None, since: int | None = None,
            vintage: str | None = None, reference_gdp: object = None, baseline: str | None = None,
            fx_rate_for_actuals: str | None = None,
            assumptions: Assumptions | None = None, history: History | None = None) -> pd.DataFrame:
    """Project scenarios to a tidy DataFrame.

    Parameters
    ----------
    scenarios : name, path, Scenario, or a list of them; default all built-ins
    preset : str
        GDP preset: a name in ``spendcalc.load_history().presets`` (data/defaults.yaml). [-]
    growth : float or str
        Constant nominal GDP growth after the last actual year. [fraction/yr, or '2 %']
    inflation : float or str
        Deflator growth for real terms. [fraction/yr]
    fx : float or str
        Exchange rate. [JPY/USD]
    denominator, scope, basis : str
        Override each scenario's methodology.
    until, since : int
        Fiscal-year range of the output (``since`` default: the first year of the bundled budgets).
    baseline : {'own', 'common'}
        What extra yen are measured against (default from ``data/defaults.yaml``: ``common``).
    fx_rate_for_actuals : {'stated', 'fiscal-year-average'}
        Exchange rate of years with a bundled fiscal-year average (default: that average).

    Returns
    -------
    DataFrame
        ``scenario, fiscal_year, status, measure, unit, value, scope, denominator, basis``; the
        methodology is in ``.attrs['methodology']``.
    """
    a = make_assumptions(preset=preset, growth=growth, inflation=inflation, fx=fx, until=until,
                         vintage=vintage, reference_gdp=reference_gdp, baseline=baseline,
                         fx_rate_for_actuals=fx_rate_for_actuals, base=assumptions)
    chosen = resolve_scenarios(scenarios, denominator=denominator, scope=scope, basis=basis)
    return model.project(chosen, a, history or load_history(), since=since)



def answer(scenario: ScenarioLike, *, preset: str | None = None, growth: object = None,
           inflation: object = None, fx: object = None, denominator: str | None = None,
           scope: str | None = None, basis: str | None = None, until: int | None = None,
           vintage: str | None = None, reference_gdp: object = None, baseline: str | None = None,
           fx_rate_for_actuals: str | None = None, growth_overrides: dict[int, object] | None = None,
           fx_history: bool | None = None, assumptions: Assumptions | None = None,
           history: History | None = None, lang: str = "en") -> _answer.Answer:
    """One scenario's answer as a sentence, with the exact values it rounds
    (:func:`spendcalc.answers.answer` on the bundled data; options as in :func:`project`).

    The horizon is extended to the scenario's target year if ``until`` is earlier. Returns an
    :class:`spendcalc.answers.Answer` (``.sentence``, ``.values``: quantity, fiscal_year, value,
    unit, definition). ``lang`` (``"en"`` or ``"ja"``, :data:`spendcalc.i18n.LANGS`) is the
    language of the sentence; the values are the same in every language.
    """
    from spendcalc.i18n import check_lang

    lang = check_lang(lang)
    a = make_assumptions(preset=preset, growth=growth, inflation=inflation, fx=fx, until=until,
                         vintage=vintage, reference_gdp=reference_gdp, baseline=baseline,
                         fx_rate_for_actuals=fx_rate_for_actuals, growth_overrides=growth_overrides,
                         fx_history=fx_history, base=assumptions)
    (sc,) = resolve_scenarios(scenario, denominator=denominator, scope=scope, basis=basis)
    h = history or load_history()
    if sc.target_year is not None and sc.target_year > a.until:
        a = replace(a, until=sc.target_year)
    anchor_year, _ = h.anchor(sc.scope, sc.basis)
    tidy = model.project([sc], a, h, since=min(anchor_year - 1, a.until))
    from spendcalc import answers as _answer

    return _answer.answer(tidy, model.headline_figures(sc, a, h), sc.name, lang)

# ----------------------------------------------------------------------------------------------
# The definitions bridge: scope waterfall and quick conversions (loading wrappers)
# ----------------------------------------------------------------------------------------------
_GDP_STATUS = {0: "actual", 1: "plan", 2: "estimate (government outlook)", 3: "projection"}


def _same_year_gdp(history: History, a: Assumptions, year: int) -> tuple[float, str]:
    """Fiscal-year nominal GDP of ``a.gdp_vintage`` (projected by ``a`` after its last actual)."""
    import numpy as np

    first = int(history.gdp_series(a.gdp_vintage).years.min())
    if year < first:
        raise SpendcalcError("year", year, f"a fiscal year from FY{first} (the first year of GDP "
                             f"vintage {a.gdp_vintage})")
    values, codes = model.nominal_gdp_jpy(history, replace(a, until=max(a.until, year)), np.array([year]))
    status = _GDP_STATUS[int(codes[0])]
    how = "" if int(codes[0]) != 3 else f", {model.methodology_for(get_scenario('hold-flat'), a, history, year)['gdp_assumption']}"
    return float(values[0]), f"FY{year} nominal GDP (fiscal year), vintage {a.gdp_vintage}, {status}{how}"


def bridge(year: object, *, basis: str = "with-supplementary", vintage: str | None = None,
           assumptions: Assumptions | None = None, history: History | None = None) -> pd.DataFrame:
    """The scope waterfall of one fiscal year from the bundled figures
    (:func:`spendcalc.reconcile.bridge`): MOD budget covered by the DBP -> + SACO/US-realignment
    -> + Coast Guard, PKO, other ministries -> + four areas -> security-related total ->
    + supplementary -> total with the supplementary; every step with its source.

    Same-year shares use fiscal-year GDP of ``vintage`` (default: the project's default vintage;
    projected years say so in ``attrs['gdp_same_year']``); fixed shares the FY2022 reference GDP.
    """
    from spendcalc import reconcile
    from spendcalc.data import bridge_figures

    a = make_assumptions(vintage=vintage, base=assumptions)
    h = history or load_history()
    fy = reconcile.parse_fiscal_year(year)
    gdp = {fy: _same_year_gdp(h, a, fy)} if fy in reconcile.RECIPES else {}
    pop, _ = model.population_persons(h, __import__("numpy").array([fy]))
    inputs = reconcile.BridgeInputs(figures=bridge_figures(), gdp_same_year=gdp,
                                    reference_gdp_jpy=a.reference_gdp_jpy, population={fy: float(pop[0])})
    return reconcile.bridge(fy, basis=basis, inputs=inputs)


def convert(value: object, *, year: object, calendar: bool = False, vintage: str | None = None,
            assumptions: Assumptions | None = None, history: History | None = None) -> pd.DataFrame:
    """What ``value`` (a share of GDP or a yen amount) is in the other units for one year.

    ``calendar=False``: fiscal-year GDP of ``vintage`` (default: the project's default vintage;
    a year after its last actual is projected, and says so). ``calendar=True``: calendar-year GDP
    of ``vintage`` (default ``esri-first-estimate``, the first estimates CY2023-CY2025); a vintage
    or year without a calendar-year figure is an error naming what is bundled (never a silent
    switch to fiscal years). USD at the year's average rate (fiscal-year or calendar-year
    average where bundled, else the stated rate); per person on 1 October of the year.
    """
    import numpy as np

    from spendcalc import reconcile

    y = reconcile.parse_fiscal_year(year, calendar=calendar)
    reconcile.parse_value(value)  # refuse a bad value before anything is computed
    h = history or load_history()
    if calendar:
        a = make_assumptions(base=assumptions)
        from spendcalc.data import default_value

        gdp, gdp_text = _calendar_gdp(y, vintage or default_value("calendar_gdp_vintage"))
        rate = h.fx_annual.get(y)
        fx_text = (f"CY{y} calendar-year average (Federal Reserve G.5A)" if rate is not None else
                   f"stated rate {a.jpy_per_usd:g} (no CY{y} average bundled)")
    else:
        a = make_assumptions(vintage=vintage, base=assumptions)
        gdp, gdp_text = _same_year_gdp(h, a, y)
        rate = h.fx_fiscal.get(y)
        fx_text = (f"FY{y} fiscal-year average (April-March, Bank of Japan monthly averages)"
                   if rate is not None else f"stated rate {a.jpy_per_usd:g} (no FY{y} average bundled)")
    rate = float(rate) if rate is not None else a.jpy_per_usd
    pop, codes = model.population_persons(h, np.array([y]))
    path = get_scenario("us-ask-3.5pct")
    inputs = reconcile.ConvertInputs(
        gdp_jpy=gdp, gdp_definition=gdp_text, reference_gdp_jpy=a.reference_gdp_jpy,
        jpy_per_usd=rate, fx_definition=fx_text, population=float(pop[0]),
        population_definition=_population_text(y, pop[0], codes[0]),
        path_fy2035_jpy=_fy2035_spending_jpy(path, assumptions, h), path_name=path.name)
    return reconcile.convert(value, year=y, calendar=calendar, inputs=inputs)


def _calendar_gdp(year: int, vintage: str) -> tuple[float, str]:
    """Calendar-year nominal GDP of ``vintage`` and its definition; a vintage or year without
    a bundled figure is an error naming what is bundled."""
    from spendcalc.data import read_calendar_gdp

    cy, _ = read_calendar_gdp()
    have = cy[cy["vintage"] == vintage]
    if have.empty:
        raise SpendcalcError("vintage", vintage, "a vintage with calendar-year GDP: "
                             + ", ".join(sorted(set(cy["vintage"]))) + " (fiscal-year vintages "
                             "are used without --calendar)")
    row = have[have["calendar_year"] == year]
    if row.empty:
        raise SpendcalcError("year", year, f"a calendar year with GDP in vintage {vintage}: "
                             + ", ".join(str(c) for c in have["calendar_year"]))
    r = row.iloc[0]
    return float(r["nominal_gdp_jpy"]), (f"CY{year} nominal GDP (calendar year), vintage {vintage}, "
                                         f"{r['kind']} [{r['source_title']} <{r['source_url']}>]")


def _population_text(year: int, persons: float, code: int) -> str:
    """What the population figure of ``year`` is ('' where none is bundled)."""
    import numpy as np

    return ("" if np.isnan(persons) else
            f"total population on 1 October {year}, "
            + {0: "Statistics Bureau estimate", 2: "estimate (derived or interpolated)",
               3: "projection (interpolated to the IPSS 2023 medium projection)"}[int(code)])


def _fy2035_spending_jpy(path: Scenario, assumptions: Assumptions | None, history: History) -> float:
    """FY2035 spending of ``path`` in yen, as projected."""
    # the path's cost is the projection's own (the model's GDP vintage and preset), whatever GDP
    # the conversion itself divides by: an outlook or calendar-year vintage has no GDP preset
    base = assumptions or default_assumptions()
    a35 = replace(base, until=max(base.until, 2035))
    tidy = model.project([path], a35, history)
    fy2035 = tidy[(tidy["measure"] == "spending_jpy") & (tidy["fiscal_year"] == 2035)]["value"]
    return float(fy2035.iloc[0])


def sipri_series(*, vintage: str | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Japan's military spending by CALENDAR year in SIPRI's scope, beside SIPRI's own figures.

    Calendar year t = 3/4 of FY t + 1/4 of FY t-1 (MOD budget incl. SACO/realignment plus known
    supplementaries) over calendar-year GDP derived the same way from the fiscal-year GDP of
    ``vintage`` (default: the model's default ESRI vintage). See :mod:`spendcalc.sipri` for the
    method and the columns; every row is an ``estimate`` and its ``method`` and ``explanation``
    columns say how it was derived and why it differs from SIPRI's published figure.
    """
    from spendcalc import sipri
    from spendcalc.data import sipri_inputs

    inputs = sipri_inputs(data_dir)
    name = default_assumptions().gdp_vintage if vintage is None else schema.parse("gdp_vintage", vintage, "vintage")
    if name not in inputs["gdp_fy"]:
        raise SpendcalcError("vintage", name, "one of " + ", ".join(sorted(inputs["gdp_fy"])))
    return sipri.compute(inputs, name)
