"""PURE model: spending pathways for scenarios, as a tidy DataFrame.

Conventions
-----------
* ``fiscal_year`` is a Japanese fiscal year (April-March), an int.
* Money is float yen (``*_jpy``) or US dollars (``*_usd``); shares are fractions (0.02 is 2%).
* Spending up to a scope's last bundled figure (the *anchor*, the last decided year: an enacted
  budget, a Cabinet draft (``plan``) or a figure derived from published ones (``estimate``)) is
  data; after it, the scenario's path shape carries spending to ``target_share *
  denominator(target_year)`` in ``target_year``, then ``after_target`` applies. Where the target
  year is at or before the anchor, the target is already due and ``after_target`` applies from
  the first projected year.
* Denominators: ``fixed-fy2022`` divides by one reference GDP (the government's ~560 trillion yen
  FY2022 estimate); ``same-year`` divides by that fiscal year's nominal GDP.
* Real terms deflate by ESRI's GDP deflator of the chosen vintage for the years it covers, and by
  the assumed inflation rate after (and before) them, to yen of ``price_base_year``.
* USD converts actual years at their bundled fiscal-year average (``fx_rate_for_actuals``) or
  calendar-year average (``fx_history``), other years at the stated rate.
* Extra yen (``gap_to_baseline_jpy``) are measured against the ``baseline``: ``own`` (each
  scenario's last decided level held flat in its own scope and basis) or ``common`` (one named
  level for every scenario).

This module imports numpy and pandas only (no file I/O, no plotting, no UI).
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from dataclasses import fields, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from spendcalc import frames, methodology, schema
from spendcalc.assumptions import FIRST_FISCAL_YEAR, Assumptions, Scenario, check_year
from spendcalc.errors import SpendcalcError
from spendcalc.history import History

#: measure -> unit (every unit parses with spendcalc.units.ureg)
MEASURES: dict[str, str] = {
    "spending_jpy": "JPY",
    "nominal_gdp_jpy": "JPY",
    "denominator_gdp_jpy": "JPY",
    "share_of_gdp": "fraction",
    "share_of_gdp_fixed_fy2022": "fraction",
    "share_of_gdp_same_year": "fraction",
    "spending_usd": "USD",
    "spending_real_jpy": "JPY",
    "cumulative_spending_jpy": "JPY",
    "baseline_spending_jpy": "JPY",
    "gap_to_baseline_jpy": "JPY",
    "cumulative_gap_to_baseline_jpy": "JPY",
    "spending_per_capita_jpy": "JPY",
    "spending_per_capita_usd": "USD",
}
_PATH_CODE = {"linear-yen": 0, "constant-growth": 1, "linear-share": 2, "hold-flat": 3}
_AFTER_CODE = {"hold-share": 0, "hold-yen": 1}
_STATUS = np.array(["actual", "plan", "estimate", "projection"])
_MEASURE_NAMES = list(MEASURES)
_MEASURE_INDEX = {m: i for i, m in enumerate(_MEASURE_NAMES)}
_PROJECTED = 3  # status code of a projected year (codes order: later ones dominate in np.maximum)
_STATUS_CODE = {"actual": 0, "plan": 1, "estimate": 2}


# ----------------------------------------------------------------------------------------------
# Table of contents: the public entry points
# ----------------------------------------------------------------------------------------------
def project(scenarios: Sequence[Scenario], assumptions: Assumptions, history: History, *,
            since: int | None = None, baseline: str | None = None) -> pd.DataFrame:
    """Project spending pathways for scenarios.

    Parameters
    ----------
    scenarios : sequence of Scenario
    assumptions : Assumptions
    history : spendcalc.history.History
        Bundled actuals (spending by scope/basis in JPY, nominal GDP by vintage in JPY, presets).
    since : int or None
        First fiscal year in the output (None: the first year of the bundled budgets).
    baseline : {'own', 'common'} or None
        What extra yen are measured against (None: ``assumptions.baseline``). ``own``: spending
        frozen in yen at each scenario's last decided figure in its own scope and basis
        (``'hold-flat'`` is accepted as its former name); ``common``: the bundled figure of
        ``assumptions.baseline_scope``/``baseline_basis`` in ``baseline_year``, held flat, for
        every scenario. The methodology names the baseline used.

    Returns
    -------
    DataFrame
        Tidy: ``scenario, fiscal_year, status, measure, unit, value, scope, denominator, basis``;
        ``status`` is ``actual`` / ``plan`` (bundled government draft) / ``estimate`` (derived
        from published figures) / ``projection``. Rows with
        no data (e.g. security-related totals before FY2024) are absent, not zero.
        ``df.attrs['methodology']`` maps scenario name -> its methodology (scope, denominator,
        reference GDP, FX, deflator, GDP vintage and preset, anchor).
    """
    baseline = resolve_baseline(baseline, assumptions)
    since = _checked_since(scenarios, assumptions, history, since)
    # cumulative measures run from cumulative_from whatever the first year shown
    years = np.arange(min(since, assumptions.cumulative_from), assumptions.until + 1)
    shown = years >= since
    gdp, gdp_status = nominal_gdp_jpy(history, assumptions, years)
    parts, methodology = [], {}
    common = common_baseline_jpy(assumptions, history, years) if baseline == "common" else None
    real_ratio = real_price_ratio(history, assumptions, years)
    fx = fx_rates_jpy_per_usd(history, assumptions, years)
    pop, pop_status = population_persons(history, years)
    for sc in scenarios:  # every check before any number, in the order of the scenarios
        validate_against_history(sc, history)
        history.anchor(sc.scope, sc.basis)
    # all scenarios (and, for the 'own' baseline, their flat baselines) in one vectorised step
    batch = list(scenarios) + ([baseline_for(sc) for sc in scenarios] if common is None else [])
    spend, spend_status, anchors = scenarios_spending_jpy(batch, assumptions, history, years, gdp)
    n = len(scenarios)
    for i, sc in enumerate(scenarios):
        base = common if common is not None else spend[n + i]
        wide = derived_measures(spend[i], base, gdp, years, sc, assumptions, fx, real_ratio,
                                population=pop)
        statuses = _measure_statuses(sc, wide, spend_status[i], gdp_status, pop_status)
        parts.append((sc, {m: v[shown] for m, v in wide.items()}, {m: v[shown] for m, v in statuses.items()}))
        methodology[sc.name] = methodology_for(sc, assumptions, history, int(anchors[i]), baseline)
    out = _tidy(years[shown], parts)
    out.attrs["methodology"] = methodology
    out.attrs["assumptions"] = assumptions_record(assumptions)
    return out


def required_spending_growth(scenario: Scenario, assumptions: Assumptions, history: History) -> float:
    """Constant annual growth of spending in yen needed from the anchor to the target. [1/year]

    NaN for a flat baseline, or where the target year is not after the anchor year.
    """
    anchor_year, anchor_jpy = history.anchor(scenario.scope, scenario.basis)
    if scenario.path == "hold-flat" or scenario.target_year <= anchor_year:
        return float("nan")
    target_jpy = target_spending_jpy(scenario, assumptions, history)
    return float((target_jpy / anchor_jpy) ** (1.0 / (scenario.target_year - anchor_year)) - 1.0)


def target_spending_jpy(scenario: Scenario, assumptions: Assumptions, history: History) -> float:
    """Yen needed in the target year: ``target_share * denominator(target_year)``. [JPY]"""
    if scenario.target_share is None or scenario.target_year is None:
        return float("nan")
    years = np.arange(scenario.target_year, scenario.target_year + 1)
    if scenario.denominator == "fixed-fy2022":
        return float(scenario.target_share * assumptions.reference_gdp_jpy)
    gdp, _ = nominal_gdp_jpy(history, assumptions, years)
    return float(scenario.target_share * gdp[0])


def break_even_gdp_growth(plan_jpy: float, target_share: float, target_year: int,
                          assumptions: Assumptions, history: History) -> float:
    """Constant nominal GDP growth at which a plan fixed in yen is exactly the target share.

    Measured on the same-year denominator: solves ``plan_jpy = target_share * GDP(target_year)``
    with ``GDP(y) = GDP(last actual) * (1 + g) ** (y - last actual)``. [1/year] This is the
    question for a plan fixed in yen on the fixed FY2022 basis (e.g. ~11.2 trillion yen in
    FY2027 is 2% of same-year GDP only if GDP shrinks back to ~560 trillion yen: a negative
    break-even growth). For a scenario sized on same-year GDP it returns the average growth of
    the GDP assumption by construction.
    """
    last_year, last_gdp = last_actual_gdp(history, assumptions.gdp_vintage)
    if target_year <= last_year:
        raise SpendcalcError("target_year", target_year, f"a fiscal year after FY{last_year}, the last actual GDP")
    if not (plan_jpy > 0 and 0 < target_share < 1):
        raise SpendcalcError("plan_jpy", plan_jpy, "a positive yen amount and a share in (0, 1)")
    return float((plan_jpy / (target_share * last_gdp)) ** (1.0 / (target_year - last_year)) - 1.0)


def headline_figures(scenario: Scenario, assumptions: Assumptions, history: History) -> dict[str, float]:
    """The numbers a reader asks first, for one scenario.

    Returns a dict with ``target_year``, ``target_spending_jpy`` (yen in the target year),
    ``share_fixed_fy2022`` and ``share_same_year`` (in the target year, or the last projected
    year for a flat path), ``mean_gap_to_baseline_jpy`` (average extra yen per year versus the
    baseline of ``assumptions.baseline``, from the first projected year to the target year),
    ``required_spending_growth`` [1/year], ``break_even_gdp_growth`` [1/year] for the target-year
    yen on the same-year basis, ``anchor_year``, and the target year's ``spending_usd`` [USD],
    ``spending_real_jpy`` [JPY of ``assumptions.price_base_year``], ``spending_per_capita_jpy``
    [JPY] and ``spending_per_capita_usd`` [USD] (NaN where a measure has no value that year).

    The target year is always the scenario's own: the horizon is extended to it if ``until`` is
    earlier.
    """
    if scenario.target_year is not None and scenario.target_year > assumptions.until:
        assumptions = replace(assumptions, until=scenario.target_year)
    anchor_year, _ = history.anchor(scenario.scope, scenario.basis)
    tidy = project([scenario], assumptions, history, since=min(anchor_year - 1, assumptions.until))
    wide = frames.wide(tidy)
    year = scenario.target_year if scenario.target_year is not None else assumptions.until
    year = min(max(year, int(wide.index.min())), assumptions.until)
    span = wide.loc[(wide.index > anchor_year) & (wide.index <= max(year, anchor_year + 1))]
    gdp_last_year, _ = last_actual_gdp(history, assumptions.gdp_vintage)
    target_jpy = float(wide.at[year, "spending_jpy"]) if year in wide.index else float("nan")
    breakeven = float("nan")
    if scenario.target_share is not None and year > gdp_last_year and target_jpy > 0:
        breakeven = break_even_gdp_growth(target_jpy, scenario.target_share, year, assumptions, history)
    def at(measure: str) -> float:
        return float(wide.at[year, measure]) if year in wide.index and measure in wide else float("nan")

    return {
        "target_year": year,
        "anchor_year": anchor_year,
        "target_spending_jpy": target_jpy,
        "share_fixed_fy2022": at("share_of_gdp_fixed_fy2022"),
        "share_same_year": at("share_of_gdp_same_year"),
        "mean_gap_to_baseline_jpy": float(span["gap_to_baseline_jpy"].mean()) if len(span) else 0.0,
        "required_spending_growth": required_spending_growth(scenario, assumptions, history),
        "break_even_gdp_growth": breakeven,
        "spending_usd": at("spending_usd"),
        "spending_real_jpy": at("spending_real_jpy"),
        "spending_per_capita_jpy": at("spending_per_capita_jpy"),
        "spending_per_capita_usd": at("spending_per_capita_usd"),
    }


def sensitivity_sweep(scope: str, basis: str, denominator: str, growth_rates: np.ndarray,
                      target_shares: np.ndarray, target_years: np.ndarray, assumptions: Assumptions,
                      history: History, *, path: str = "linear-yen") -> pd.DataFrame:
    """Vectorised sweep over (growth, target share, target year) combinations.

    Each row of the result is one combination (arrays are broadcast together): the yen needed in
    the target year, the required constant spending growth, and the cumulative spending from the
    first projected year to the target year, under constant nominal GDP growth ``growth_rates``
    after the last actual GDP year.
    """
    for name, value in (("scope", scope), ("basis", basis), ("denominator", denominator), ("path", path)):
        schema.check(name, value)
    years_in = np.asarray(target_years, float)
    g, sh, ty = np.broadcast_arrays(np.asarray(growth_rates, float), np.asarray(target_shares, float),
                                    years_in)
    g, sh, ty = g.ravel(), sh.ravel(), ty.ravel()
    for name, values in (("growth_rate", g), ("target_share", sh)):
        spec = schema.spec(name)
        bad = ~((values >= spec.low) & (values <= spec.high))  # NaN fails both comparisons
        if bad.any():
            raise SpendcalcError(name, float(values[bad][0]), spec.allowed())
    bad = ~np.isfinite(ty) | (ty != np.round(ty))
    if bad.any():
        raise SpendcalcError("target_year", float(ty[bad][0]), "whole fiscal years")
    ty = ty.astype(int)
    anchor_year, anchor_jpy = history.anchor(scope, basis)
    if np.any(ty <= anchor_year):
        raise SpendcalcError("target_year", int(ty.min()), f"a fiscal year after FY{anchor_year}")
    years = np.arange(anchor_year, int(ty.max()) + 1)
    last_year, last_gdp = last_actual_gdp(history, assumptions.gdp_vintage)
    hist = gdp_lookup(history, assumptions.gdp_vintage)
    steps = np.maximum(years - last_year, 0)
    base = np.array([hist.get(int(y), last_gdp) for y in years])
    gdp = base[None, :] * (1.0 + g[:, None]) ** steps[None, :]
    denom = gdp if denominator == "same-year" else np.full_like(gdp, assumptions.reference_gdp_jpy)
    spend = spending_paths_jpy(years, anchor_year, anchor_jpy, denom, sh, ty,
                               np.full(g.size, _PATH_CODE[path]), np.zeros(g.size, int))
    idx = ty - anchor_year
    rows = np.arange(g.size)
    target = spend[rows, idx]
    in_span = (years[None, :] > anchor_year) & (years[None, :] <= ty[:, None])
    cumulative = np.where(in_span, spend, 0.0).sum(axis=1)
    required = (target / anchor_jpy) ** (1.0 / (ty - anchor_year)) - 1.0
    return pd.DataFrame({"growth_rate": g, "target_share": sh, "target_year": ty,
                         "target_spending_jpy": target, "required_spending_growth": required,
                         "cumulative_spending_jpy": cumulative})


# ----------------------------------------------------------------------------------------------
# One function per quantity
# ----------------------------------------------------------------------------------------------

def spending_table(history: History, scope: str, basis: str) -> Mapping[int, tuple[float, str]]:
    """``{fiscal_year: (spending_jpy, status)}`` of one scope and basis (empty if none bundled).

    Read-only, built once with the History (``History.spending_table``).
    """
    return history.spending_table(scope, basis)


def gdp_lookup(history: History, vintage: str) -> dict[int, float]:
    series = history.gdp_series(vintage)  # read-only arrays (History is immutable)
    return dict(zip(series.years.tolist(), series.jpy.tolist(), strict=True))


def last_actual_gdp(history: History, vintage: str) -> tuple[int, float]:
    _, year, value, _ = _indexed(history).gdp(vintage)
    return year, value


def growth_rates(history: History, assumptions: Assumptions, years: np.ndarray) -> np.ndarray:
    """Nominal GDP growth assumed for each fiscal year (used after the last actual). [1/year]"""
    if assumptions.growth_rate is not None:
        rates = np.full(years.size, assumptions.growth_rate)
    else:
        preset = history.presets.get(assumptions.gdp_preset)
        if preset is None:
            raise SpendcalcError("gdp_preset", assumptions.gdp_preset,
                                 "one of " + ", ".join(sorted(history.presets)))
        check_preset_vintage(history, assumptions.gdp_preset, assumptions.gdp_vintage)
        rates = np.array([preset.growth.get(int(y), preset.extend_rate if y > max(preset.growth)
                                            else np.nan) for y in years])
    for year, rate in assumptions.growth_overrides:  # sorted: each holds until the next listed year
        rates = np.where(years >= year, rate, rates)
    if np.isnan(rates).any():  # a preset starting after the vintage's last actual year
        missing = int(years[np.isnan(rates)][0])
        raise SpendcalcError("gdp_preset", assumptions.gdp_preset,
                             f"a preset with growth for every year from FY{int(years[0])} (after the last "
                             f"actual GDP of vintage {assumptions.gdp_vintage}; FY{missing} is missing), "
                             "or a constant growth rate")
    return rates


def check_preset_vintage(history: History, preset: str, vintage: str) -> None:
    """Refuse a GDP preset built on another ESRI vintage than the one supplying the actuals.

    A preset's growth rates continue the GDP level of its own vintage; compounded on another
    vintage's last actual they would give a GDP path no source published (e.g. the Jan-2025
    projection on the post-benchmark-revision 2026 vintage). The error names both vintages and
    the presets that fit ``vintage``.
    """
    built_on = history.presets[preset].vintage
    if built_on == vintage:
        return
    fitting = sorted(name for name, p in history.presets.items() if p.vintage == vintage)
    fits = (f"a preset built on {vintage}: {', '.join(fitting)}" if fitting
            else f"no bundled preset is built on {vintage}")
    raise SpendcalcError("gdp_preset", preset,
                         f"a preset built on the GDP vintage in use ({preset} is built on vintage "
                         f"{built_on}, the GDP vintage is {vintage}); {fits}; or the vintage "
                         f"{built_on}, or a constant growth rate")


def nominal_gdp_jpy(history: History, assumptions: Assumptions,
                    years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nominal GDP by fiscal year: actuals of the vintage, then compounded growth. [JPY]

    Returns ``(values, status_codes)`` with status 0 (actual) or 3 (projection); years before
    the vintage's first year are NaN.
    """
    _, last_year, last_gdp, dense = _indexed(history).gdp(assumptions.gdp_vintage)
    values, _ = dense.at(years)
    future = years > last_year
    if future.any():
        fyears = np.arange(last_year + 1, int(years.max()) + 1)
        g = growth_rates(history, assumptions, fyears)
        path = last_gdp * np.cumprod(1.0 + g)
        values[future] = path[years[future] - last_year - 1]
    actual_code = 2 if assumptions.gdp_vintage in OUTLOOK_VINTAGES else 0  # an outlook: estimate
    return values, np.where(future, _PROJECTED, actual_code)


def spending_paths_jpy(years: np.ndarray, anchor_year: int | np.ndarray, anchor_jpy: float | np.ndarray,
                       denom: np.ndarray, target_share: np.ndarray, target_year: np.ndarray,
                       path: np.ndarray, after: np.ndarray,
                       target_year_jpy: np.ndarray | None = None) -> np.ndarray:
    """Spending for n scenarios over ``years`` (after the anchor; earlier columns are NaN). [JPY]

    ``anchor_year`` and ``anchor_jpy`` are one anchor for every row or one per row (n,).
    ``denom`` is (n, len(years)) in yen and must cover ``target_year`` and ``anchor_year``;
    ``path`` and ``after`` are integer codes (see ``_PATH_CODE``, ``_AFTER_CODE``).
    ``target_year_jpy`` (n,) gives the bundled spending of a target year at or before the anchor
    (NaN otherwise): ``hold-yen`` after such a target holds that actual level, not a notional
    ``share * denominator``.
    """
    n = denom.shape[0]
    y = years[None, :]
    anchor = np.broadcast_to(np.asarray(anchor_year), (n,))
    ti = np.clip(target_year - years[0], 0, years.size - 1)
    ai = anchor - years[0]
    rows = np.arange(n)
    share_t = np.where(np.isnan(target_share), 0.0, target_share)
    target_jpy = share_t * denom[rows, ti]
    if target_year_jpy is not None:
        known = (target_year <= anchor) & np.isfinite(target_year_jpy)
        target_jpy = np.where(known, target_year_jpy, target_jpy)
    span = np.maximum(target_year - anchor, 1)
    a_col = anchor[:, None]
    t = np.clip((y - a_col) / span[:, None], 0.0, 1.0)
    due = (target_year <= anchor)[:, None]
    t = np.where(due, 1.0, t)
    s0 = np.broadcast_to(np.asarray(anchor_jpy, dtype=float), (n,))[:, None]
    st = target_jpy[:, None]
    inside = (ai >= 0) & (ai < years.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        share0 = np.where(inside, s0[:, 0] / denom[rows, np.clip(ai, 0, years.size - 1)], np.nan)[:, None]
        linear_yen = s0 + (st - s0) * t
        const_growth = s0 * (st / s0) ** t
        linear_share = (share0 + (share_t[:, None] - share0) * t) * denom
    p = path[:, None]
    before = np.select([p == 0, p == 1, p == 2], [linear_yen, const_growth, linear_share], s0)
    hold_share = share_t[:, None] * denom
    after_vals = np.where(after[:, None] == 0, hold_share, st)
    out = np.where((y > target_year[:, None]) | (due & (y > a_col)), after_vals, before)
    out = np.where(p == 3, s0, out)
    return np.where(y > a_col, out, np.nan)


def scenario_spending_jpy(sc: Scenario, assumptions: Assumptions, history: History, years: np.ndarray,
                          gdp: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Bundled figures up to the anchor, then the scenario's path. Returns (jpy, status, anchor)."""
    values, status, anchors = scenarios_spending_jpy([sc], assumptions, history, years, gdp)
    return values[0], status[0], int(anchors[0])


def scenarios_spending_jpy(scs: Sequence[Scenario], assumptions: Assumptions, history: History,
                           years: np.ndarray, gdp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bundled figures up to each anchor, then each scenario's path, for all scenarios at once.

    ``gdp`` is :func:`nominal_gdp_jpy` over ``years``. Returns ``(jpy, status)``, each
    (len(scs), len(years)), and the anchor years (len(scs),).
    """
    index = _indexed(history)
    anchors = [history.anchor(sc.scope, sc.basis) for sc in scs]
    anchor_year = np.array([y for y, _ in anchors], dtype=np.int64)
    anchor_jpy = np.array([v for _, v in anchors], dtype=float)
    # the path needs the denominator from the anchor year to the target year
    lo = min(int(years[0]), int(anchor_year.min()))
    hi = max(int(years[-1]), max(sc.target_year or 0 for sc in scs))
    full = np.arange(lo, hi + 1)
    full_gdp = gdp if lo == years[0] and hi == years[-1] else nominal_gdp_jpy(history, assumptions, full)[0]
    same_year = np.array([sc.denominator == "same-year" for sc in scs])
    denom = np.where(same_year[:, None], full_gdp[None, :], assumptions.reference_gdp_jpy)
    tables = [index.spending(sc.scope, sc.basis) for sc in scs]
    target_year = np.array([sc.target_year if sc.target_year is not None else ay
                            for sc, ay in zip(scs, anchor_year.tolist(), strict=True)], dtype=np.int64)
    proj = spending_paths_jpy(full, anchor_year, anchor_jpy, denom,
                              np.array([np.nan if sc.target_share is None else sc.target_share for sc in scs]),
                              target_year,
                              np.array([_PATH_CODE[sc.path] for sc in scs]),
                              np.array([_AFTER_CODE[sc.after_target] for sc in scs]),
                              np.array([t.at(np.array([sc.target_year or 0]))[0][0]
                                        for sc, t in zip(scs, tables, strict=True)]))
    proj = proj[:, int(years[0]) - lo:int(years[-1]) - lo + 1]
    bundled = [t.at(years) for t in tables]
    values = np.array([v for v, _ in bundled])
    status = np.array([c for _, c in bundled])
    later = years[None, :] > anchor_year[:, None]
    return np.where(later, proj, values), np.where(later, _PROJECTED, status), anchor_year


class _Dense:
    """One bundled series as dense arrays from its first to its last year (NaN / projected code
    where a year is missing), so that looking up many years is one indexing step."""

    def __init__(self, table: Mapping[int, float | tuple[float, str]]) -> None:
        items = {int(y): (v if isinstance(v, tuple) else (v, "")) for y, v in table.items()}
        self.first = min(items) if items else 0
        size = (max(items) - self.first + 1) if items else 0
        self.values = np.full(size, np.nan)
        self.codes = np.full(size, _PROJECTED)
        for year, (value, status) in items.items():
            self.values[year - self.first] = value
            self.codes[year - self.first] = _STATUS_CODE.get(status, _PROJECTED)

    def at(self, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(values, status codes) for ``years``: NaN and the projected code where none is bundled."""
        i = years - self.first
        ok = (i >= 0) & (i < self.values.size)
        j = np.where(ok, i, 0)
        if not self.values.size:
            return np.full(years.size, np.nan), np.full(years.size, _PROJECTED)
        return np.where(ok, self.values[j], np.nan), np.where(ok, self.codes[j], _PROJECTED)


class _HistoryIndex:
    """The lookups the model makes into one History, built on first use and kept with it (it
    holds no reference to the History, so that the History can be collected with its index)."""

    def __init__(self, history: History, *, keep: bool = False) -> None:
        # a weak reference when the index is kept beside the History, a strong one for one call
        self._history = (lambda: history) if keep else weakref.ref(history)
        self._spending: dict[tuple[str, str], _Dense] = {}
        self._gdp: dict[str, tuple[dict[int, float], int, float, _Dense]] = {}

    def spending(self, scope: str, basis: str) -> _Dense:
        key = (scope, basis)
        if key not in self._spending:
            self._spending[key] = _Dense(spending_table(self._history(), scope, basis))
        return self._spending[key]

    def gdp(self, vintage: str) -> tuple[dict[int, float], int, float, _Dense]:
        """``(lookup, last year, last GDP, dense)`` of one vintage's actual GDP."""
        if vintage not in self._gdp:
            series = self._history().gdp_series(vintage)  # names the missing vintage
            lookup = dict(zip(series.years.tolist(), series.jpy.tolist(), strict=True))
            last = max(lookup)
            self._gdp[vintage] = (lookup, last, lookup[last], _Dense(lookup))
        return self._gdp[vintage]


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _indexed(history: History) -> _HistoryIndex:
    """The :class:`_HistoryIndex` of ``history``, built once per History object."""
    try:
        return _INDEXES[history]
    except KeyError:
        pass
    except TypeError:  # an object that cannot be weakly referenced: index it for this call
        return _HistoryIndex(history, keep=True)
    index = _INDEXES[history] = _HistoryIndex(history)
    return index


def baseline_for(sc: Scenario) -> Scenario:
    """The flat baseline in the scenario's own scope, basis and denominator."""
    return Scenario(name="hold-flat", path="hold-flat", scope=sc.scope, basis=sc.basis,
                    denominator=sc.denominator)


def resolve_baseline(baseline: str | None, a: Assumptions) -> str:
    """``None`` -> ``a.baseline``; ``'hold-flat'`` (the former name) -> ``'own'``; else checked."""
    if baseline is None:
        return a.baseline
    if baseline == "hold-flat":
        return "own"
    if baseline not in ("own", "common"):
        raise SpendcalcError("baseline", baseline, "one of own, common")
    return baseline


def common_baseline_level(a: Assumptions, history: History) -> tuple[int, float, str]:
    """The common baseline: (fiscal year, yen, status) of the bundled figure it holds flat.

    The figure of ``a.baseline_scope``/``a.baseline_basis`` in ``a.baseline_year`` (or, if that
    is None, in the last year whose figure of that scope and basis is ``actual``).
    """
    table = spending_table(history, a.baseline_scope, a.baseline_basis)
    year = a.baseline_year
    if year is None:
        actual = [y for y, (_, st) in table.items() if st == "actual"]
        if not actual:
            raise SpendcalcError("baseline_scope", f"{a.baseline_scope}/{a.baseline_basis}",
                                 "a scope and basis with an actual bundled figure")
        year = max(actual)
    if year not in table:
        have = ", ".join(f"FY{y}" for y in sorted(table))
        raise SpendcalcError("baseline_year", year, f"a fiscal year with a bundled {a.baseline_scope} "
                             f"{a.baseline_basis} figure ({have or 'none'})")
    level, status = table[year]
    return year, level, status


def common_baseline_jpy(a: Assumptions, history: History, years: np.ndarray) -> np.ndarray:
    """The common baseline over ``years``: its level from its own year on, NaN before. [JPY]"""
    year, level, _ = common_baseline_level(a, history)
    return np.where(years >= year, level, np.nan)


def baseline_text(baseline: str, sc: Scenario, a: Assumptions, history: History, anchor_year: int) -> str:
    """The baseline in words, for the methodology and every output that shows extra yen."""
    facts = {"baseline": _baseline_facts(baseline, sc, a, history, anchor_year)}
    return methodology.text(facts, "baseline_description")


def deflator_index(history: History, a: Assumptions, years: np.ndarray) -> np.ndarray:
    """Price index for real terms: ESRI's deflator where bundled, assumed inflation elsewhere.

    The bundled deflator of ``a.gdp_vintage`` for the fiscal years it covers; after its last
    year (and before its first) the index moves at ``a.inflation_rate`` per year. With no
    bundled deflator for the vintage, the index is ``(1 + inflation) ** year`` throughout.
    Only ratios of this index are used, so its base is irrelevant. [-]
    """
    table = (getattr(history, "deflator", {}) or {}).get(a.gdp_vintage, {})
    g = 1.0 + a.inflation_rate
    lo = min(int(years.min()), a.price_base_year)
    hi = max(int(years.max()), a.price_base_year)
    span = np.arange(lo, hi + 1)
    if not table:
        index = g ** (span - a.price_base_year)
    else:
        first, last = min(table), max(table)
        index = np.array([table[int(y)] if first <= y <= last and int(y) in table else np.nan for y in span])
        index = np.where(span > last, table[last] * g ** (span - last), index)
        index = np.where(span < first, table[first] * g ** (span - first), index)
    return index[years - lo]


def real_price_ratio(history: History, a: Assumptions, years: np.ndarray) -> np.ndarray:
    """``deflator(price_base_year) / deflator(year)``: multiply nominal yen to get real yen. [-]"""
    index = deflator_index(history, a, np.append(years, a.price_base_year))
    return index[-1] / index[:-1]


def last_actual_deflator_year(history: History, vintage: str) -> int | None:
    """Last fiscal year with a bundled deflator in ``vintage`` (None if there is none)."""
    table = (getattr(history, "deflator", {}) or {}).get(vintage, {})
    return max(table) if table else None


def fx_rates_jpy_per_usd(history: History, a: Assumptions, years: np.ndarray) -> np.ndarray:
    """Exchange rate used for each fiscal year. [JPY/USD]

    Starts from the stated ``a.jpy_per_usd`` for every year. With
    ``a.fx_rate_for_actuals='fiscal-year-average'``, fiscal years with a bundled April-March
    average use it. With ``a.fx_history``, fiscal years with a bundled calendar-year average use
    that instead (FYnnnn -> calendar year nnnn): the explicit opt-in wins where both exist.
    """
    rates = np.full(years.size, a.jpy_per_usd)
    if a.fx_rate_for_actuals == "fiscal-year-average":
        fiscal = getattr(history, "fx_fiscal", {}) or {}
        past = np.array([fiscal.get(int(y), np.nan) for y in years])
        rates = np.where(np.isnan(past), rates, past)
    if a.fx_history:
        annual = getattr(history, "fx_annual", {}) or {}
        past = np.array([annual.get(int(y), np.nan) for y in years])
        rates = np.where(np.isnan(past), rates, past)
    return rates


def derived_measures(spend: np.ndarray, base: np.ndarray, gdp: np.ndarray, years: np.ndarray,
                     sc: Scenario, a: Assumptions,
                     fx_rates: np.ndarray | None = None,
                     real_ratio: np.ndarray | None = None, *,
                     population: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """All measures of one scenario as arrays over ``years`` (NaN where not defined).

    ``population`` (persons by year, :func:`population_persons`) gives the per-person measures;
    without it they are NaN (absent from the tidy frame).

    ``real_ratio`` multiplies nominal into real yen (``real_price_ratio``); without it, real
    terms use the constant assumed inflation for every year.
    """
    price = (1.0 + a.inflation_rate) ** (a.price_base_year - years) if real_ratio is None else real_ratio
    fixed = np.full(years.size, a.reference_gdp_jpy)
    denom = gdp if sc.denominator == "same-year" else fixed
    gap = spend - base
    proj = years >= a.cumulative_from
    usd = spend / (a.jpy_per_usd if fx_rates is None else fx_rates)
    persons = np.full(years.size, np.nan) if population is None else population
    return {
        "spending_jpy": spend,
        "nominal_gdp_jpy": gdp,
        "denominator_gdp_jpy": denom,
        "share_of_gdp": spend / denom,
        "share_of_gdp_fixed_fy2022": spend / fixed,
        "share_of_gdp_same_year": spend / gdp,
        "spending_usd": usd,
        "spending_real_jpy": spend * price,
        "cumulative_spending_jpy": _cumsum_from(spend, proj),
        "baseline_spending_jpy": base,
        "gap_to_baseline_jpy": gap,
        "cumulative_gap_to_baseline_jpy": _cumsum_from(gap, proj),
        "spending_per_capita_jpy": spend / persons,
        "spending_per_capita_usd": usd / persons,
    }


def _cumsum_from(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Running sum over the years in ``mask`` (NaN outside it, and after a missing value)."""
    v = np.where(mask, values, 0.0)
    out = np.cumsum(v)
    return np.where(mask, out, np.nan)


def _checked_since(scenarios: Sequence[Scenario], assumptions: Assumptions, history: History,
                   since: int | None) -> int:
    """Refuse no or duplicate scenarios and an ``until`` or ``since`` out of range; return
    ``since`` (None: the first year of the bundled budgets)."""
    if not scenarios:
        raise SpendcalcError("scenarios", [], "at least one scenario")
    names = [s.name for s in scenarios]
    if len(set(names)) != len(names):
        raise SpendcalcError("scenarios", names, "unique scenario names")
    last_gdp_year, _ = last_actual_gdp(history, assumptions.gdp_vintage)
    if assumptions.until < last_gdp_year:
        raise SpendcalcError("until", assumptions.until, f"a fiscal year from FY{last_gdp_year} (the "
                             "last actual GDP year) to FY2100")
    if since is None:
        since = history.first_spending_year()
    check_year("since", since, FIRST_FISCAL_YEAR, assumptions.until)
    return since


def _measure_statuses(sc: Scenario, wide: dict[str, np.ndarray], spend_status: np.ndarray,
                      gdp_status: np.ndarray, pop_status: np.ndarray) -> dict[str, np.ndarray]:
    """Status codes per measure of one scenario: spending's, raised by GDP's where a measure
    divides by a same-year GDP and by population's for the per-person measures."""
    share_status = np.maximum(spend_status, gdp_status) if sc.denominator == "same-year" else spend_status
    statuses = {m: spend_status for m in wide}
    statuses.update(nominal_gdp_jpy=gdp_status, share_of_gdp=share_status,
                    share_of_gdp_same_year=np.maximum(spend_status, gdp_status),
                    denominator_gdp_jpy=gdp_status if sc.denominator == "same-year"
                    else np.zeros_like(gdp_status))
    statuses.update(spending_per_capita_jpy=np.maximum(spend_status, pop_status),
                    spending_per_capita_usd=np.maximum(spend_status, pop_status))
    return statuses


def validate_against_history(sc: Scenario, history: History) -> None:
    """A target year before the first bundled figure of the scenario's scope is an error.

    A target year at or before the last decided figure is allowed: the target is then already
    due and ``after_target`` applies after the anchor (``caveats_for`` says so).
    """
    if sc.target_year is None:
        return
    table = spending_table(history, sc.scope, sc.basis)
    if not table:
        return  # history.anchor names the missing scope and basis
    first = min(table)
    if sc.target_year < first:
        raise SpendcalcError("target_year", sc.target_year,
                             f"a fiscal year from FY{first} (the first bundled {sc.scope} figure) to FY2100")


def caveat_facts(sc: Scenario, a: Assumptions, history: History, anchor_year: int) -> list[tuple[str, dict]]:
    """The caveats about a scenario's definition as (kind, fields), rendered by
    :func:`spendcalc.methodology.caveat` in either language (empty when there are none)."""
    out: list[tuple[str, dict]] = []
    if sc.scope == "mod-budget" and sc.target_share is not None:
        out.append(("mod_target", {"share": sc.target_share}))
    if sc.target_year is not None and sc.target_year < anchor_year:
        out.append(("early_target", {"year": sc.target_year, "scope": sc.scope, "anchor": anchor_year}))
    if sc.denominator == "same-year":
        reported = (getattr(history, "constants", {}) or {}).get("reported_same_year_ratio")
        out.append(("same_year", {"vintage": a.gdp_vintage, "reported": reported or None}))
    table = spending_table(history, sc.scope, sc.basis)
    estimated = sorted(y for y, (_, st) in table.items() if st == "estimate")
    if estimated:
        out.append(("estimate", {"scope": sc.scope, "basis": sc.basis, "years": estimated}))
    return out


def caveats_for(sc: Scenario, a: Assumptions, history: History, anchor_year: int) -> list[str]:
    """Plain-language warnings about a scenario's definition (empty when there are none)."""
    return [methodology.caveat(kind, f) for kind, f in caveat_facts(sc, a, history, anchor_year)]


def gdp_facts(a: Assumptions, history: History) -> dict:
    """The GDP assumption's facts (constant growth after the last actual year, or a dated preset);
    ``spendcalc.methodology.text({"gdp": ...}, "gdp_assumption", lang)`` words them."""
    if a.growth_rate is not None:
        return {"growth_rate": a.growth_rate, "last_gdp_year": last_actual_gdp(history, a.gdp_vintage)[0]}
    p = history.presets.get(a.gdp_preset)
    return {"preset": p.name, "title": p.title, "published": p.published, "extend_note": p.extend_note,
            "extend_last": max(p.growth) if p.growth else None, "extend_rate": p.extend_rate}


def _fx_facts(a: Assumptions, history: History) -> dict:
    fiscal = getattr(history, "fx_fiscal", {}) or {}
    annual = getattr(history, "fx_annual", {}) or {}
    return {"calendar": [min(annual), max(annual)] if a.fx_history and annual else None,
            "fiscal": [min(fiscal), max(fiscal)]
            if a.fx_rate_for_actuals == "fiscal-year-average" and fiscal else None,
            "rate": a.jpy_per_usd}


def _baseline_facts(baseline: str, sc: Scenario, a: Assumptions, history: History, anchor_year: int) -> dict:
    if baseline == "common":
        year, level, status = common_baseline_level(a, history)
        return {"kind": "common", "year": year, "scope": a.baseline_scope, "basis": a.baseline_basis,
                "status": status, "level": level}
    level = spending_table(history, sc.scope, sc.basis).get(anchor_year, (float("nan"), ""))[0]
    return {"kind": "own", "year": anchor_year, "scope": sc.scope, "basis": sc.basis, "level": level}


def localized_methodology(tidy_meta: Mapping[str, dict], scenarios: Sequence[Scenario], a: Assumptions,
                          history: History, lang: str) -> dict[str, dict]:
    """Scenario name -> its methodology record (``tidy.attrs['methodology']``) with the texts and
    caveats in ``lang`` (:func:`spendcalc.methodology.localized`, from the same facts as the
    English texts); English returns the records as they are."""
    if lang == "en":
        return dict(tidy_meta)
    out = {}
    for sc in (s for s in scenarios if s.name in tidy_meta):
        m = tidy_meta[sc.name]
        facts = methodology_facts(sc, a, history, m["anchor_year"], m["baseline"])
        out[sc.name] = methodology.localized(m, facts, lang)
    return out


def methodology_facts(sc: Scenario, a: Assumptions, history: History, anchor_year: int,
                      baseline: str | None = None) -> dict:
    """The structured facts behind the methodology's texts (:mod:`spendcalc.methodology` renders
    them in English for :func:`methodology_for`, or in Japanese): GDP, FX, deflator, baseline, caveats."""
    return {"gdp": gdp_facts(a, history),
            "fx": _fx_facts(a, history),
            "deflator": {"vintage": a.gdp_vintage, "last": last_actual_deflator_year(history, a.gdp_vintage),
                         "inflation": a.inflation_rate, "base": a.price_base_year},
            "baseline": _baseline_facts(resolve_baseline(baseline, a), sc, a, history, anchor_year),
            "caveats": caveat_facts(sc, a, history, anchor_year)}


def methodology_for(sc: Scenario, a: Assumptions, history: History, anchor_year: int,
                    baseline: str | None = None) -> dict:
    """Everything a reader needs to reproduce the numbers of one scenario (texts in English;
    :func:`methodology_facts` and :mod:`spendcalc.methodology` give them in Japanese)."""
    last_gdp_year, _ = last_actual_gdp(history, a.gdp_vintage)
    baseline = resolve_baseline(baseline, a)
    texts = methodology.texts(methodology_facts(sc, a, history, anchor_year, baseline), "en")
    return {
        "scenario": sc.name,
        "title": sc.title,
        "target_share": sc.target_share,
        "target_year": sc.target_year,
        "scope": sc.scope,
        "basis": sc.basis,
        "denominator": sc.denominator,
        "reference_gdp_jpy": a.reference_gdp_jpy,
        "path": sc.path,
        "after_target": sc.after_target,
        "anchor_year": anchor_year,
        "gdp_vintage": a.gdp_vintage,
        "last_actual_gdp_year": last_gdp_year,
        "gdp_assumption": texts["gdp_assumption"],
        "growth_overrides": [list(x) for x in a.growth_overrides],
        "jpy_per_usd": a.jpy_per_usd,
        "fx_history": a.fx_history,
        "fx_assumption": texts["fx_assumption"],
        "fx_rate_for_actuals": a.fx_rate_for_actuals,
        "inflation_rate": a.inflation_rate,
        "price_base_year": a.price_base_year,
        "deflator": texts["deflator"],
        "cumulative_from": a.cumulative_from,
        "baseline": baseline,
        "baseline_description": texts["baseline_description"],
        "fiscal_year": texts["fiscal_year"],
        "population": POPULATION_NOTE,
        "caveats": texts["caveats"],
    }


def assumptions_record(a: Assumptions) -> dict:
    """The assumptions as a plain dict (JSON-ready)."""
    rec = {f.name: getattr(a, f.name) for f in fields(a)}  # every field but one is a scalar
    rec["growth_overrides"] = [list(x) for x in a.growth_overrides]
    return rec


def _tidy(years: np.ndarray, parts: list[tuple[Scenario, dict[str, np.ndarray], dict[str, np.ndarray]]],
          ) -> pd.DataFrame:
    """One tidy frame for all scenarios, built in one step (rows without a value are left out).

    ``parts`` holds, per scenario, its measures and their status codes over ``years``. Values and codes are stacked to (scenario, measure, year)
    arrays, so one mask picks the rows, in that order. The text columns are taken by index
    from small arrays of pandas' string type, built once (measure, unit, status) or once per
    call (the scenarios' names and methodology): no string is converted row by row.
    """
    measures = list(parts[0][1])  # every scenario has the same measures (derived_measures)
    values = np.stack([np.stack([wide[m] for m in measures]) for _, wide, _ in parts])
    codes = np.stack([np.stack([status[m] for m in measures]) for _, _, status in parts])
    keep = ~np.isnan(values)
    sc_idx, position, year_idx = np.nonzero(keep)
    measure_idx = np.array([_MEASURE_INDEX[m] for m in measures])[position]
    scs = [p[0] for p in parts]
    n = len(scs)
    texts = _strings((*(s.name for s in scs), *(s.scope for s in scs), *(s.denominator for s in scs),
                      *(s.basis for s in scs)))
    fixed = _fixed_strings()
    return pd.DataFrame({
        "scenario": texts.take(sc_idx),
        "fiscal_year": years[year_idx],
        "status": fixed["status"].take(codes[keep]),
        "measure": fixed["measure"].take(measure_idx),
        "unit": fixed["unit"].take(measure_idx),
        "value": values[keep],
        "scope": texts.take(sc_idx + n),
        "denominator": texts.take(sc_idx + 2 * n),
        "basis": texts.take(sc_idx + 3 * n),
    }, copy=False)


@lru_cache(maxsize=64)
def _strings(texts: tuple[str, ...]) -> pd.api.extensions.ExtensionArray:
    """``texts`` as an array of the string type pandas gives a text column (its default); cached
    (the same scenarios are projected again and again), never modified (``take`` copies)."""
    return pd.Series(np.array(texts, dtype=object)).array


def _fixed_strings() -> dict[str, pd.api.extensions.ExtensionArray]:
    """Status, measure and unit names as string arrays (built on first use)."""
    return {"status": _strings(tuple(_STATUS)), "measure": _strings(tuple(_MEASURE_NAMES)),
            "unit": _strings(tuple(MEASURES[m] for m in _MEASURE_NAMES))}


def methodology_table(tidy: pd.DataFrame) -> pd.DataFrame:
    """The methodology carried in ``tidy.attrs`` as a one-row-per-scenario DataFrame."""
    meta = tidy.attrs.get("methodology", {})
    return pd.DataFrame(list(meta.values()))



# ----------------------------------------------------------------------------------------------
# Population (per-person measures)
# ----------------------------------------------------------------------------------------------
#: GDP vintages that are government outlooks, not ESRI actuals (their years have status estimate)
OUTLOOK_VINTAGES = ("gov-outlook-at-the-time",)

POPULATION_NOTE = (
    "Per person: spending / total population on 1 October of the fiscal year's first calendar "
    "year (Statistics Bureau estimates; 2017 and 2020 derived by one addition). ASSUMPTION after "
    "the last bundled estimate: population linear between it and the IPSS 2023 medium "
    "projection for 2045, then to its 2070 projection, held at the 2070 level after; the IPSS "
    "projection is the only sourced path (no official figure for the years between), and a "
    "held last figure would overstate the population by ~15 million by 2045.")


def population_persons(history: object, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Total population for each fiscal year (1 October of year t for FY t). [persons]

    Bundled years as printed; years between bundled points linear (the points after the last
    estimate are the IPSS 2045 and 2070 projections); after the last point held flat; before
    the first NaN. Returns ``(values, status_codes)``: 0 for a printed figure, 2 (estimate) for a
    derived or interpolated year before the first projection point, 3 (projection) from it on.
    """
    table = getattr(history, "population", {}) or {}
    kinds = getattr(history, "population_kind", {}) or {}
    if not table:
        return np.full(years.size, np.nan), np.zeros(years.size, dtype=int)
    known = np.array(sorted(table), dtype=float)
    levels = np.array([table[int(y)] for y in known])
    y = years.astype(float)
    values = np.interp(y, known, levels)  # flat beyond the last point
    values = np.where(y < known[0], np.nan, values)
    projected = [k for k in sorted(table) if kinds.get(k) == "projection"]
    first_projection = projected[0] if projected else int(known[-1]) + 1
    codes = np.array([0 if int(t) in table and kinds.get(int(t)) == "actual" else
                      (_PROJECTED if t >= first_projection or t > known[-1] else 2) for t in years])
    return values, codes
