"""Convenience entry points: user values (numbers or quantity strings) -> validated inputs -> model.

This is the boundary where ``"2 %"``, ``"150 JPY/USD"`` or ``"11 trillion JPY"`` become plain
floats (fractions, JPY per USD, yen), parsed and range-checked by :mod:`spendcalc.schema`.
Plain numbers are taken in the documented units: growth, inflation and shares as fractions
(0.02 = 2%), exchange rates in JPY per USD, money in yen (so ``reference_gdp=560`` is refused
as implausible, with a hint to write ``'560 trillion JPY'``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pandas as pd

from spendcalc import model, schema
from spendcalc import simulate as simulation
from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.data import (
    History,
    builtin_scenarios,
    default_assumptions,
    get_scenario,
    load_history,
)
from spendcalc.errors import SpendcalcError

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
