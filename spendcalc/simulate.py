"""PURE uncertainty: how likely a yen budget is to be a given share of a GDP not yet known.

Conventions
-----------
* The scenario's yen path is held fixed, as a budget is: spending in each fiscal year is the
  deterministic projection's ``spending_jpy`` (``spendcalc.model.project``), planned under
  ``plan_assumptions`` (default: the same assumptions as the GDP simulation). Only GDP (and,
  optionally, the exchange rate) is uncertain. A plan sized to reach the target on the median
  GDP path therefore reaches it with probability about one half; planning on another GDP path
  (say, a faster-growth preset) moves that probability.
* Nominal GDP is known up to the last actual year of the GDP vintage (the *jump-off* year). After
  it, ``log GDP[t] = log GDP_det[t] + S[t]`` with ``S[t] = e[1] + ... + e[t]`` (t counts fiscal
  years after the jump-off) and ``GDP_det`` the deterministic path of the chosen GDP assumption.
  The shocks are Gaussian with mean zero, so annual growth is log-normal, the *median* GDP path
  is exactly the deterministic one, and zero volatility reproduces the projection exactly.
* Shocks follow a stationary AR(1) with persistence ``rho`` and stationary s.d. ``sigma``::

      e[1] = sigma * z[1]
      e[t] = rho * e[t-1] + sqrt(1 - rho**2) * sigma * z[t]      z[t] ~ iid N(0, 1)

  so ``Var e[t] = sigma**2`` for every t; ``rho = 0`` is iid log-normal growth, for which the
  GDP quantiles have the closed form ``GDP_det[t] * exp(z_q * sigma * sqrt(t))``.
* The exchange rate (JPY per USD) is a log-normal random walk around the projection's rate from
  the jump-off year: ``fx[t] = fx_det[t] * exp(F[t])``, ``F[t]`` a sum of t iid
  ``N(0, fx_volatility**2)`` steps, ``fx_det`` the rate ``model.project`` uses for that year
  (the stated ``jpy_per_usd``, or with ``fx_history`` the bundled average where there is one).
  Default ``fx_volatility = 0``: no exchange-rate noise.
* The deterministic share of GDP and USD per year are read from ``model.project`` (one source of
  truth), so zero volatility reproduces the projection exactly under every assumption.
* ``share_of_gdp = spending_jpy / GDP`` falls as ``S`` rises and ``spending_usd`` falls as ``F``
  rises, so their percentiles are the percentiles of ``S`` and ``F`` pushed through those
  formulas: the 5th percentile of the share comes from the 95th percentile of ``S``.
* With the fixed FY2022 denominator the share does not depend on GDP at all: it is certain, and
  the result says so instead of simulating noise.

Exact percentiles and probabilities (``method="exact"``, the default)
---------------------------------------------------------------------
Under this model ``S[t]`` and ``F[t]`` are Gaussian with mean 0 and known s.d.:
``sd S[t] = sigma * shock_sd(t, rho)`` (``Var S[t] = sigma**2 (t + 2 sum_{d<t} (t - d) rho**d)``)
and ``sd F[t] = fx_volatility * sqrt(t)``. The share and the USD value are monotone in ``S`` and
``F``, so their percentiles are those formulas applied to the Gaussian quantiles
``z_q * sd`` (the level-q share uses ``z_{1-q}``), and the probability of meeting the threshold
``c`` is ``Phi(log(spending / (c GDP_det)) / sd S[T])``, with no sampling error. The arithmetic is
a few vectorised numpy operations over the years (microseconds); the call is dominated by the
deterministic projection it starts from. No random numbers are drawn: ``paths``, ``seed``,
``chunk_size`` and ``progress`` do not apply and ``attrs["paths"]``/``attrs["seed"]`` are None.

Monte Carlo cross-check (``method="monte-carlo"``)
--------------------------------------------------
The same model, simulated path by path, seeded; tests check it against the exact answer within
Monte Carlo error. The percentiles are the sample's exact order statistics (below).

Percentiles with bounded memory
-------------------------------
Paths are processed in chunks. For each fiscal year and percentile the exact order statistics
are found by *bracketing*: the distribution of ``S[t]`` is Gaussian with a known s.d., so each
percentile lies, with overwhelming probability, within ten standard errors of its predicted
value. Each chunk adds to a count of values below the bracket and keeps the few values inside
it (about ``20 * sqrt(q (1 - q) paths)`` values per year and percentile: ~4,400 for a million
paths). If a rank ever falls outside its bracket, the pass is repeated from the same seed with a
wider bracket, and finally with no bracket, so the result is always the exact order statistic,
linearly interpolated as ``numpy.percentile`` does by default. Memory therefore grows with the
chunk size, not with the number of paths (only the last-resort pass, which keeps every value,
would grow with the paths; for these Gaussian shocks a miss at ten standard errors has a
probability near 1e-23).

Random numbers come from blocks of ``BLOCK_PATHS`` paths, block ``b`` seeded by
``SeedSequence(seed, spawn_key=(stream, b))``; chunks are whole numbers of blocks, so results do
not depend on ``chunk_size``. Normal variates are drawn in float32; sums and percentiles of 30
such terms carry relative rounding near 1e-7, far below Monte Carlo error.

This module imports numpy and pandas only (no file I/O, no plotting, no UI).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from statistics import NormalDist
from typing import NamedTuple

import numpy as np
import pandas as pd

from spendcalc import model, schema
from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.errors import SpendcalcError
from spendcalc.i18n import t as _t

#: percentiles reported, in percent
PERCENTILES: tuple[int, ...] = (5, 25, 50, 75, 95)
#: paths per random-number block (chunks are rounded up to whole blocks)
BLOCK_PATHS = 4096
MAX_PATHS = int(schema.spec("paths").high)  # the schema owns the range
#: the share counts as reaching the target when ``share >= target - SHARE_TOLERANCE``
SHARE_TOLERANCE = 1e-12
#: bracket half-widths tried, in standard errors of the percentile (inf: keep every value)
BRACKETS = (10.0, 400.0, math.inf)
_STREAM_GDP, _STREAM_FX = 0, 1
COLUMNS = ["scenario", "fiscal_year", "measure", "unit"] + [f"p{p}" for p in PERCENTILES]

Progress = Callable[[int, int], object]


# ----------------------------------------------------------------------------------------------
# Table of contents: the entry point and its settings
# ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SimulationSettings:
    """What a reader chooses for one simulation, validated through :mod:`spendcalc.schema`.

    Every field is checked on construction (type and plausible range from the schema; the error
    names the field). ``volatility=None`` means the historical default (``default_volatility``);
    ``threshold=None`` the scenario's target; ``measured_on=None`` the scenario's denominator;
    ``until``/``since`` None the assumptions' horizon and the jump-off year. ``paths``, ``seed``
    and ``chunk_size`` apply to the Monte Carlo only. See :func:`simulate` for units.
    """

    method: str = "exact"
    paths: int = 100_000
    seed: int = 0
    chunk_size: int = 100_000
    persistence: float = 0.0
    fx_volatility: float = 0.0
    threshold: float | None = None
    measured_on: str | None = None
    volatility: float | None = None
    until: int | None = None
    since: int | None = None

    def __post_init__(self) -> None:
        for name in ("method", "paths", "seed", "chunk_size", "persistence", "fx_volatility"):
            object.__setattr__(self, name, schema.check(name, getattr(self, name)))
        for name in ("threshold", "measured_on", "volatility"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, schema.check(name, getattr(self, name)))

    @property
    def exact(self) -> bool:
        """True for the closed form, False for the Monte Carlo cross-check."""
        return self.method == "exact"


def simulate(scenario: Scenario, *, paths: int = 100_000, seed: int = 0,
             assumptions: Assumptions, history: object,
             volatility: float | None = None, persistence: float = 0.0, fx_volatility: float = 0.0,
             threshold: float | None = None, plan_assumptions: Assumptions | None = None,
             measured_on: str | None = None, chunk_size: int = 100_000, until: int | None = None,
             since: int | None = None, progress: Progress | None = None,
             method: str = "exact") -> pd.DataFrame:
    """Percentile bands of the share of GDP and the dollar value of a fixed yen path under uncertainty.

    PURE: the scenario, the assumptions and the history are arguments. ``spendcalc.simulate``
    (:func:`spendcalc.api.simulate`) is the same call taking a built-in name or a scenario file
    and the bundled data and defaults when none are given.

    Parameters
    ----------
    scenario : Scenario
        The scenario whose yen path is held fixed.
    paths : int
        Number of simulated paths, 1 to 50,000,000 (Monte Carlo only). [-]
    seed : int
        Seed (>= 0); the same seed gives the same result for any ``chunk_size`` (Monte Carlo
        only). [-]
    assumptions : Assumptions
        GDP assumption (its deterministic path is the median), vintage, exchange rate.
    history : spendcalc.data.History
        Bundled actuals.
    volatility : float, optional
        Stationary s.d. of the annual log shock to nominal GDP, in [0, 1). [1/year, log points]
        Default: the historical s.d. of annual log growth of nominal GDP in the vintage (an
        assumption; see ``default_volatility``).
    persistence : float
        AR(1) coefficient ``rho`` of the annual shocks, in [0, 1). [-]
    fx_volatility : float
        S.d. of the annual log step of the JPY/USD random walk, in [0, 1); 0 = no FX noise.
        [1/year, log points]
    threshold : float, optional
        Share of GDP tested in the target year, in (0, 1); default the scenario's target share.
        The yen path is not changed by it. [fraction]
    plan_assumptions : Assumptions, optional
        Assumptions under which the yen path was planned (e.g. a more optimistic GDP preset);
        default ``assumptions``. GDP is still simulated around ``assumptions``, so a plan sized
        on the same GDP path as the simulation meets its target with probability about 0.5.
    measured_on : {'fixed-fy2022', 'same-year'}, optional
        Denominator on which the share is simulated and tested; default the scenario's own. A
        fixed-FY2022 plan (e.g. ``original-fy2027``: ~11.2 trillion yen in FY2027) measured on
        ``'same-year'`` answers "how likely is the 2% plan to be 2% of that year's GDP?". The yen
        path is the scenario's in either case.
    chunk_size : int
        Paths per chunk (rounded up to whole blocks of ``BLOCK_PATHS``); bounds memory (Monte
        Carlo only). [-]
    until : int, optional
        Last fiscal year reported; default ``assumptions.until``.
    since : int, optional
        First fiscal year reported; default the last actual GDP year (the jump-off).
    progress : callable, optional
        Called as ``progress(done_paths, total_paths)`` after each chunk (Monte Carlo only).
    method : {'exact', 'monte-carlo'}
        ``'exact'`` (default): percentiles and probability in closed form, no sampling error;
        ``paths``, ``seed``, ``chunk_size`` and ``progress`` are not used. ``'monte-carlo'``:
        the seeded simulation, a cross-check of the same model.

    Returns
    -------
    DataFrame
        Columns ``scenario, fiscal_year, measure, unit, p5, p25, p50, p75, p95`` with measures
        ``share_of_gdp`` [fraction] and ``spending_usd`` [USD]. ``attrs`` holds ``scenario,
        target_share, target_year, threshold, probability`` (P(share >= threshold - 1e-12) in
        the target year, a float in [0, 1], or None where the denominator is fixed-FY2022 or the
        scenario has no target), ``certain, note, paths, seed`` (None for the exact method),
        ``volatility, volatility_note, persistence, fx_volatility, fx_volatility_note,
        jpy_per_usd, fx_history, denominator, jump_off_year, gdp_assumption,
        plan_gdp_assumption, method`` (``'exact'`` or ``'monte-carlo'``), ``method_note``.

    Notes
    -----
    See the module docstring for the stochastic model and both methods.
    """
    settings = SimulationSettings(
        method=method, paths=paths, seed=seed, chunk_size=chunk_size, persistence=persistence,
        fx_volatility=fx_volatility, threshold=threshold, measured_on=measured_on,
        volatility=volatility, until=until, since=since)
    if not isinstance(scenario, Scenario):
        raise SpendcalcError("scenario", scenario, "a Scenario (spendcalc.simulate also takes a "
                             "built-in name or a scenario file)")
    return simulate_settings(scenario, settings, assumptions=assumptions, history=history,
                             plan_assumptions=plan_assumptions, progress=progress)


def simulate_settings(sc: Scenario, settings: SimulationSettings, *, assumptions: Assumptions,
                      history: object, plan_assumptions: Assumptions | None = None,
                      progress: Progress | None = None) -> pd.DataFrame:
    """:func:`simulate` with its settings already built: the steps, in order."""
    a = assumptions if settings.until is None else replace(assumptions, until=settings.until)
    jump_off, _ = model.last_actual_gdp(history, a.gdp_vintage)
    if settings.volatility is None:
        volatility, volatility_note = default_volatility(history, a.gdp_vintage)
    else:
        volatility, volatility_note = settings.volatility, "user-supplied"
    det = deterministic_paths(sc, a, history, plan_assumptions, settings, jump_off)
    sigma_gdp = 0.0 if det.fixed else volatility
    thr, ti, count_at = _threshold(det, sigma_gdp)
    s_q, f_q, sd_s, count = _shock_percentiles(det, settings, sigma_gdp, count_at, progress)
    # a decreasing transform maps the level-q percentile of the shock to level 1 - q
    if det.fixed:
        share = np.repeat(det.share[:, None], len(PERCENTILES), axis=1)
    else:
        share = det.share[:, None] * np.exp(-s_q[:, ::-1])  # spend / (GDP_det * exp(S))
    usd = det.usd[:, None] * np.exp(-f_q[:, ::-1])  # spend / (fx_det * exp(F))
    years = det.years
    keep = (years >= det.first) & (years <= a.until) & ~np.isnan(det.spend)
    out = _frame(sc.name, years[keep], share[keep], usd[keep])
    certain = det.fixed or sigma_gdp == 0 or det.target_year <= jump_off
    exact_p = normal_cdf(thr / sd_s[ti]) if settings.exact and ti >= 0 and not certain else None
    probability, note = _probability(det, sc, a, settings, certain, thr, exact_p, count)
    out.attrs.update(_attrs(det, sc, a, settings, plan_assumptions, probability, certain, note,
                            (volatility, volatility_note)))
    return out


class Deterministic(NamedTuple):
    """The fixed yen path and the deterministic share and USD per year that the shocks move."""

    years: np.ndarray  # fiscal years, ascending [FY]
    spend: np.ndarray  # the planned yen path [JPY]
    share: np.ndarray  # spend / deterministic denominator [fraction]
    usd: np.ndarray  # spend / the projection's rate [USD]
    steps: np.ndarray  # fiscal years after the jump-off (0 up to it) [year]
    jump_off: int  # last actual GDP year [FY]
    first: int  # first reported year [FY]
    target_year: int  # year the threshold is tested [FY]
    horizon: int  # years simulated after the jump-off [year]
    tested: float | None  # the threshold [fraction]
    denominator: str  # denominator the share is measured on
    fixed: bool  # fixed FY2022 denominator: the share is certain
    tidy: pd.DataFrame  # the projection GDP is simulated around
    plan_tidy: pd.DataFrame  # the projection the yen path comes from


def deterministic_paths(sc: Scenario, a: Assumptions, history: object,
                        plan_assumptions: Assumptions | None, settings: SimulationSettings,
                        jump_off: int) -> Deterministic:
    """The deterministic projection (and the plan's yen path) over the simulated years."""
    first = jump_off if settings.since is None else settings.since
    if first > a.until:
        raise SpendcalcError("since", first, f"a fiscal year at or before FY{a.until} (until)")
    target_year = sc.target_year if sc.target_year is not None else a.until
    tested = settings.threshold if settings.threshold is not None else sc.target_share
    horizon_year = max(a.until, target_year)
    start_year = min(first, jump_off, target_year)
    tidy = model.project([sc], replace(a, until=horizon_year), history, since=start_year)
    years, wide = _measures(tidy, ("spending_jpy", "nominal_gdp_jpy"))
    if plan_assumptions is None:
        plan_tidy, spend = tidy, wide["spending_jpy"]
    else:
        plan_tidy = model.project([sc], replace(plan_assumptions, until=horizon_year), history,
                                  since=start_year)
        spend = _measures(plan_tidy, ("spending_jpy",), years)[1]["spending_jpy"]
    denominator = sc.denominator if settings.measured_on is None else settings.measured_on
    fixed = denominator == "fixed-fy2022"
    # One source of truth: the deterministic share and USD per year come from the projection's
    # GDP and the model's own functions and formulas (model.derived_measures): its exchange rate
    # for each year (fx_history included) and its denominators. Zero volatility therefore
    # reproduces model.project to the last bit (tests/test_simulate_consistency.py).
    share = spend / (np.full(years.size, a.reference_gdp_jpy) if fixed else wide["nominal_gdp_jpy"])
    usd = spend / model.fx_rates_jpy_per_usd(history, a, years)
    return Deterministic(years, spend, share, usd, np.maximum(years - jump_off, 0), jump_off, first,
                         target_year, max(horizon_year - jump_off, 0), tested, denominator, fixed,
                         tidy, plan_tidy)


def _threshold(det: Deterministic, sigma_gdp: float) -> tuple[float, int, tuple[int, float] | None]:
    """``log(share_det / threshold)`` in the target year, its index, and what the Monte Carlo
    counts: share >= c  <=>  S[T] <= log(share_det / c) (``count_at`` in sigma units)."""
    if det.tested is None or det.fixed:
        return math.nan, -1, None
    ti = int(np.searchsorted(det.years, det.target_year))
    thr = math.log(det.share[ti] / (det.tested - SHARE_TOLERANCE))
    count_at = None
    if sigma_gdp > 0 and det.steps[ti] > 0:
        count_at = (int(det.steps[ti]) - 1, thr / sigma_gdp)
    return thr, ti, count_at


def _shock_percentiles(det: Deterministic, settings: SimulationSettings, sigma_gdp: float,
                       count_at: tuple[int, float] | None, progress: Progress | None,
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, int]:
    """Percentiles of S and F per year (levels ascending) in log points, exact or simulated;
    the s.d. of S (exact) and the Monte Carlo's count of paths meeting the threshold."""
    rho, fx_sigma = settings.persistence, settings.fx_volatility
    if settings.exact:
        s_q, f_q, sd_s = exact_shock_quantiles(det.steps, sigma_gdp, rho, fx_sigma)
        return s_q, f_q, sd_s, 0
    processes = []
    if sigma_gdp > 0 and det.horizon > 0:
        processes.append(("gdp", _STREAM_GDP, rho))
    if fx_sigma > 0 and det.horizon > 0:
        processes.append(("fx", _STREAM_FX, 0.0))
    quantiles, count = shock_quantiles(processes, paths=settings.paths, seed=settings.seed,
                                       horizon=det.horizon,
                                       levels=np.array([p / 100 for p in PERCENTILES]),
                                       chunk_size=settings.chunk_size, count_at=count_at,
                                       progress=progress)
    s_q = _per_year(quantiles.get("gdp"), det.steps, sigma_gdp)
    f_q = _per_year(quantiles.get("fx"), det.steps, fx_sigma)
    return s_q, f_q, None, count


def _probability(det: Deterministic, sc: Scenario, a: Assumptions, settings: SimulationSettings,
                 certain: bool, thr: float, exact_p: float | None,
                 count: int) -> tuple[float | None, str]:
    """P(share >= threshold) in the target year (or None) and the sentence that explains it."""
    target_year, tested = det.target_year, det.tested
    if tested is None:
        return None, f"scenario {sc.name} has no target share; no probability"
    if det.fixed:
        return None, (
            f"on the fixed FY2022 denominator the share is certain: spending is fixed in yen and "
            f"the denominator ({a.reference_gdp_jpy / 1e12:,.0f} trillion yen) does not move, so "
            f"GDP uncertainty does not change it (FY{target_year}: "
            f"{det.share[det.years == target_year][0]:.3%} of GDP)")
    if certain:
        why = (f"GDP for FY{target_year} is actual" if target_year <= det.jump_off
               else "volatility is zero")
        return (1.0 if thr >= 0 else 0.0), f"the share is certain ({why})"
    if settings.exact:
        probability, how = exact_p, "exact under the model (Gaussian log GDP)"
    else:
        probability = count / settings.paths
        how = f"over {settings.paths:,} Monte Carlo paths"
    note = (f"P(share >= {tested:.2%} of same-year GDP in FY{target_year}) {how}; spending "
            "held fixed in yen"
            + (f" at the {sc.denominator} plan" if sc.denominator != det.denominator else ""))
    return probability, note


def _attrs(det: Deterministic, sc: Scenario, a: Assumptions, settings: SimulationSettings,
           plan_assumptions: Assumptions | None, probability: float | None, certain: bool,
           note: str, volatility: tuple[float, str]) -> dict:
    """The result's ``attrs`` (see :func:`simulate`); ``volatility`` is (value, note)."""
    exact, paths, seed = settings.exact, settings.paths, settings.seed
    fx_volatility = settings.fx_volatility
    return {
        "scenario": sc.name,
        "target_share": sc.target_share,
        "target_year": sc.target_year,
        "threshold": det.tested,
        "probability": probability,
        "certain": bool(certain),
        # the yen path was sized to hit the tested share on the median GDP path: P is ~0.5
        "sized_on_central_path": bool(plan_assumptions is None and not det.fixed
                                      and sc.denominator == det.denominator
                                      and det.tested is not None
                                      and det.tested == sc.target_share),
        "note": note,
        "paths": None if exact else paths,
        "seed": None if exact else seed,
        "volatility": float(volatility[0]),
        "volatility_note": volatility[1],
        "persistence": float(settings.persistence),
        "fx_volatility": float(fx_volatility),
        "fx_volatility_note": ("assumption: no exchange-rate noise (default 0)" if fx_volatility == 0
                               else "user-supplied"),
        "jpy_per_usd": a.jpy_per_usd,
        "fx_history": a.fx_history,
        "denominator": det.denominator,
        "scenario_denominator": sc.denominator,
        "jump_off_year": det.jump_off,
        "gdp_assumption": det.tidy.attrs["methodology"][sc.name]["gdp_assumption"],
        "plan_gdp_assumption": det.plan_tidy.attrs["methodology"][sc.name]["gdp_assumption"],
        "method": settings.method,
        "method_note": ("yen path fixed; log GDP = log deterministic GDP + AR(1) shock sum after "
                        f"FY{det.jump_off} (median = deterministic path); "
                        + ("percentiles and probability exact in closed form (Gaussian log GDP "
                           "and log FX), no sampling error" if exact else
                           f"Monte Carlo over {paths:,} paths (seed {seed}), percentiles the "
                           "sample's exact order statistics")),
    }


# ----------------------------------------------------------------------------------------------
# Pieces
# ----------------------------------------------------------------------------------------------
def default_volatility(history: object, vintage: str, lang: str = "en") -> tuple[float, str]:
    """Historical s.d. of annual log growth of nominal GDP, and a note labelling it an assumption
    (in ``lang``: ``spendcalc.i18n``).

    Uses the actual nominal GDP of ``vintage`` (every consecutive fiscal-year pair, sample s.d.
    with ``ddof=1``); where that vintage has fewer than five growth rates, the bundled vintage
    with the longest series. [1/year, log points]
    """
    try:  # the History's read-only arrays (ascending years): no table copy, no groupby
        series = history.gdp_series(vintage)
        fy, gdp = series.years.astype(int), series.jpy.astype(float)
        fast = fy.size >= 6 and bool(np.all(np.diff(fy) > 0))
    except (AttributeError, SpendcalcError):
        fast = False
    if not fast:
        g = history.gdp
        chosen = g[g["vintage"] == vintage]
        if chosen["fiscal_year"].nunique() < 6:
            counts = g.groupby("vintage")["fiscal_year"].nunique()
            vintage = str(counts[counts == counts.max()].index.max())
            chosen = g[g["vintage"] == vintage]
        chosen = chosen.sort_values("fiscal_year")
        fy, gdp = chosen["fiscal_year"].to_numpy(int), chosen["nominal_gdp_jpy"].to_numpy(float)
    log_gdp = np.log(gdp)
    consecutive = np.diff(fy) == 1
    growth = np.diff(log_gdp)[consecutive]
    sd = float(np.std(growth, ddof=1))
    first, last = int(fy[1:][consecutive].min()), int(fy[1:][consecutive].max())
    return sd, _t("simulate.gdp_vol_note", lang, first=first, last=last, vintage=vintage, n=growth.size)


def shock_sd(horizon: int, rho: float) -> np.ndarray:
    """S.d. of the cumulative shock ``S[t]`` for t = 1..horizon, per unit ``sigma``. [-]

    ``Var S[t] = t + 2 * sum_{d=1}^{t-1} (t - d) * rho**d`` for the stationary AR(1) above.
    """
    t = np.arange(1, horizon + 1, dtype=float)
    d = np.arange(1, max(horizon, 1), dtype=float)
    extra = np.where(d[None, :] < t[:, None], (t[:, None] - d[None, :]) * rho ** d[None, :], 0.0)
    return np.sqrt(t + 2.0 * extra.sum(axis=1))


def exact_shock_quantiles(steps: np.ndarray, sigma: float, rho: float,
                          fx_sigma: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Percentiles of the GDP shock ``S[t]`` and the FX shock ``F[t]`` per year, in closed form.

    Parameters
    ----------
    steps : ndarray of int
        Fiscal years after the jump-off for each output year (0 up to the jump-off). [year]
    sigma, rho : float
        Stationary s.d. [log points] and AR(1) persistence [-] of the annual GDP shocks.
    fx_sigma : float
        S.d. of the annual log step of the exchange rate. [log points]

    Returns
    -------
    s_q, f_q : ndarray
        (len(steps), len(PERCENTILES)) percentiles of ``S`` and ``F``, levels ascending, exactly
        ``z_q * sd``. [log points]
    sd_s : ndarray
        S.d. of ``S`` per output year. [log points]
    """
    steps = np.asarray(steps, dtype=np.int64)
    horizon = int(steps.max(initial=0))
    ahead = steps > 0
    sd_s = np.zeros(steps.size)
    sd_f = np.zeros(steps.size)
    if horizon > 0:
        index = steps[ahead] - 1
        if sigma > 0:
            sd_s[ahead] = sigma * shock_sd(horizon, rho)[index]
        if fx_sigma > 0:
            sd_f[ahead] = fx_sigma * np.sqrt(steps[ahead].astype(float))  # rho = 0: sqrt(t)
    return sd_s[:, None] * _Z, sd_f[:, None] * _Z, sd_s


def normal_cdf(x: float) -> float:
    """Standard normal distribution function, accurate in both tails (``erfc``). [-]"""
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


def shock_quantiles(processes: list[tuple[str, int, float]], *, paths: int, seed: int,
                    horizon: int, levels: np.ndarray, chunk_size: int,
                    count_at: tuple[int, float] | None = None,
                    progress: Progress | None = None) -> tuple[dict[str, np.ndarray], int]:
    """Exact percentiles of cumulative unit-variance AR(1) shocks, streamed over chunks.

    Parameters
    ----------
    processes : list of (name, stream, rho)
        One entry per shock process; ``stream`` selects its random numbers.
    levels : ndarray
        Quantile levels in (0, 1), ascending. [fraction]
    count_at : (step_index, bound), optional
        Also count paths of the first process whose cumulative shock at ``step_index`` is
        ``<= bound`` (in units of sigma).

    Returns
    -------
    quantiles : dict
        name -> (horizon, len(levels)) array of percentiles of ``S[t] / sigma``. [-]
    count : int
        The count for ``count_at`` (0 when not requested).
    """
    if not processes:
        if progress is not None:
            progress(paths, paths)
        return {}, 0
    chunk = -(-chunk_size // BLOCK_PATHS) * BLOCK_PATHS
    h = (paths - 1) * levels
    lo_rank = np.floor(h).astype(np.int64)
    hi_rank = np.minimum(lo_rank + 1, paths - 1)
    frac = h - lo_rank
    z = _normal_ppf(levels)
    se = np.sqrt(levels * (1 - levels) / paths) / _normal_pdf(z)
    for width in BRACKETS:
        state = {name: _Bracket(horizon, z, se, width, shock_sd(horizon, rho), paths)
                 for name, _, rho in processes}
        count = 0
        buffer = np.empty((horizon, min(chunk, paths)), np.float32)
        for start in range(0, paths, chunk):
            m = min(chunk, paths - start)
            for i, (name, stream, rho) in enumerate(processes):
                s = cumulative_shocks(seed, stream, start, m, horizon, rho, out=buffer)
                state[name].add(s)
                if i == 0 and count_at is not None:
                    count += int(np.count_nonzero(s[count_at[0]] <= np.float64(count_at[1])))
            if progress is not None:
                progress(start + m, paths)
        found = {name: st.order_stats(lo_rank, hi_rank) for name, st in state.items()}
        if all(v is not None for v in found.values()):
            return {name: lo + frac * (hi - lo) for name, (lo, hi) in found.items()}, count
    raise AssertionError("unreachable: the last bracket keeps every value")  # pragma: no cover


class _Bracket:
    """Counts below, and values inside, a bracket around each predicted percentile."""

    def __init__(self, horizon: int, z: np.ndarray, se: np.ndarray, width: float,
                 sd: np.ndarray, paths: int) -> None:
        half = width * se[None, :] * sd[:, None] + 1e-9 * sd[:, None]
        centre = z[None, :] * sd[:, None]
        with np.errstate(invalid="ignore"):
            self.lo = np.where(np.isinf(half), -np.inf, centre - half).astype(np.float32)
            self.hi = np.where(np.isinf(half), np.inf, centre + half).astype(np.float32)
        self.below = np.zeros(self.lo.shape, np.int64)
        self.kept: list[list[list[np.ndarray]]] = [[[] for _ in z] for _ in range(horizon)]

    def add(self, s: np.ndarray) -> None:
        for t in range(s.shape[0]):
            x = s[t]
            for j in range(self.lo.shape[1]):
                lo, hi = self.lo[t, j], self.hi[t, j]
                self.below[t, j] += np.count_nonzero(x < lo)
                self.kept[t][j].append(x[(x >= lo) & (x < hi)])

    def order_stats(self, lo_rank: np.ndarray,
                    hi_rank: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """Order statistics at ranks ``lo_rank`` and ``hi_rank`` per year, or None if outside."""
        horizon, n_levels = self.lo.shape
        lo_val = np.empty((horizon, n_levels))
        hi_val = np.empty((horizon, n_levels))
        for t in range(horizon):
            for j in range(n_levels):
                vals = np.sort(np.concatenate(self.kept[t][j])).astype(float)
                a, b = lo_rank[j] - self.below[t, j], hi_rank[j] - self.below[t, j]
                if a < 0 or b >= vals.size:
                    return None
                lo_val[t, j], hi_val[t, j] = vals[a], vals[b]
        return lo_val, hi_val


def cumulative_shocks(seed: int, stream: int, start: int, m: int, horizon: int, rho: float,
                       out: np.ndarray | None = None) -> np.ndarray:
    """Cumulative AR(1) shocks per unit sigma for paths ``start..start+m``: (horizon, m) float32.

    The Monte Carlo's random numbers: block ``b`` of :data:`BLOCK_PATHS` paths is seeded by
    ``SeedSequence(seed, spawn_key=(stream, b))``, so any range of paths is reproducible alone.

    ``out``, if given, is a float32 buffer of shape (horizon, >= m) reused between chunks.
    """
    z = np.empty((horizon, m), np.float32) if out is None else out[:, :m]
    first_block = start // BLOCK_PATHS
    for b in range(first_block, first_block + -(-m // BLOCK_PATHS)):
        a = b * BLOCK_PATHS - start
        nb = min(BLOCK_PATHS, m - a)
        rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=(stream, b))))
        z[:, a:a + nb] = rng.standard_normal((horizon, nb), dtype=np.float32)
    if rho > 0:
        scale = np.float32(math.sqrt(1.0 - rho * rho))
        e_prev = z[0].copy()
        tmp = np.empty(m, np.float32)
        for t in range(1, horizon):
            np.multiply(e_prev, np.float32(rho), out=tmp)
            z[t] *= scale
            z[t] += tmp
            e_prev[:] = z[t]
            z[t] += z[t - 1]
    else:
        for t in range(1, horizon):
            z[t] += z[t - 1]
    return z


def _per_year(q: np.ndarray | None, steps: np.ndarray, sigma: float) -> np.ndarray:
    """Percentiles of the shock for each output year (0 up to the jump-off). [log points]"""
    out = np.zeros((steps.size, len(PERCENTILES)))
    if q is not None:
        ahead = steps > 0
        out[ahead] = sigma * q[steps[ahead] - 1]
    return out


def _measures(tidy: pd.DataFrame, measures: tuple[str, ...],
              years: np.ndarray | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """One scenario's measures as arrays over fiscal years (NaN where a year has no value).

    The projection's own numbers, unchanged: what ``pivot_table`` gave (one value per cell, so
    its mean is the value), without its cost. ``years`` defaults to the years with any finite
    value, as ``pivot_table`` keeps them.
    """
    plain = pd.DataFrame(tidy, copy=False)  # no attrs: a column read skips their deep copy
    fy = plain["fiscal_year"].to_numpy()
    measure = plain["measure"].to_numpy()
    value = plain["value"].to_numpy(float)
    if years is None:
        years = np.unique(fy[~np.isnan(value)]).astype(int)
    out = {}
    for name in measures:
        rows = (measure == name) & ~np.isnan(value)
        at = np.searchsorted(years, fy[rows])
        inside = (at < years.size) & (years[np.minimum(at, years.size - 1)] == fy[rows])
        column = np.full(years.size, np.nan)
        column[at[inside]] = value[rows][inside]
        out[name] = column
    return years, out


def _frame(name: str, years: np.ndarray, share: np.ndarray, usd: np.ndarray) -> pd.DataFrame:
    n = years.size
    text = np.empty((3, 2 * n), object)  # one object array per text column: the cheapest to read
    text[0] = name
    text[1, :n], text[1, n:] = "share_of_gdp", "spending_usd"
    text[2, :n], text[2, n:] = "fraction", "USD"
    columns = {"scenario": text[0], "fiscal_year": np.concatenate([years, years]).astype(np.int64),
               "measure": text[1], "unit": text[2]}
    both = np.concatenate([share, usd]).astype(float)
    for j, p in enumerate(PERCENTILES):
        columns[f"p{p}"] = both[:, j]
    return pd.DataFrame(columns)  # keys in COLUMNS order


def _normal_pdf(z: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * z * z) / math.sqrt(2 * math.pi)


def _normal_ppf(p: np.ndarray) -> np.ndarray:
    """Standard normal quantiles. [-]"""
    dist = NormalDist()
    return np.array([dist.inv_cdf(float(v)) for v in np.atleast_1d(p)])



#: standard normal quantiles of PERCENTILES, made exactly antisymmetric (z_5 == -z_95, z_50 == 0)
_Z = _normal_ppf(np.array([p / 100 for p in PERCENTILES]))
_Z = (_Z - _Z[::-1]) / 2


# ----------------------------------------------------------------------------------------------
# Questions whose answer is not fixed by construction (the app's Uncertainty tab)
# ----------------------------------------------------------------------------------------------
def probability_at_least(log_margin: np.ndarray | float, sd: np.ndarray | float) -> np.ndarray:
    """``P(X <= log_margin)`` for ``X ~ N(0, sd**2)``, vectorised; a zero s.d. gives 1 or 0. [-]

    The one closed form behind every question below: a yen amount ``spend`` is at least the
    share ``c`` of a log-normal GDP with median ``G`` exactly when the log shock is at most
    ``log(spend / (c G))``; it is more than ``N`` dollars at a log-normal rate with median
    ``R`` exactly when the rate's log shock is below ``log(spend / (N R))``.
    """
    margin = np.asarray(log_margin, dtype=float)
    sd = np.broadcast_to(np.asarray(sd, dtype=float), margin.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd > 0, margin / np.where(sd > 0, sd, 1.0), np.where(margin >= 0, np.inf, -np.inf))
    return 0.5 * np.vectorize(math.erfc, otypes=[float])(-z / math.sqrt(2.0))


def probability_share_at_least(spend_jpy: np.ndarray | float, median_gdp_jpy: np.ndarray | float,
                               sd_log_gdp: np.ndarray | float, share: np.ndarray | float) -> np.ndarray:
    """P(``spend_jpy / GDP >= share``) for log-normal GDP with that median and log s.d. [-]"""
    margin = np.log(np.asarray(spend_jpy, float) / (np.asarray(share, float) - SHARE_TOLERANCE)
                    / np.asarray(median_gdp_jpy, float))
    return probability_at_least(margin, sd_log_gdp)


def probability_usd_above(spend_jpy: np.ndarray | float, median_jpy_per_usd: np.ndarray | float,
                          sd_log_fx: np.ndarray | float, usd: np.ndarray | float) -> np.ndarray:
    """P(``spend_jpy / rate > usd``) for a log-normal JPY-per-USD rate with that median. [-]"""
    margin = np.log(np.asarray(spend_jpy, float) / np.asarray(usd, float) / np.asarray(median_jpy_per_usd, float))
    return probability_at_least(margin, sd_log_fx)


def fx_volatility_from_history(history: object, lang: str = "en") -> tuple[float, str]:
    """S.d. of the annual log change of the bundled fiscal-year average JPY/USD rate, and a note
    labelling it an assumption in ``lang`` (consecutive fiscal years only, ``ddof=1``). [log points]"""
    years = np.array(sorted(history.fx_fiscal), dtype=int)
    rates = np.array([history.fx_fiscal[y] for y in years], dtype=float)
    consecutive = np.diff(years) == 1
    steps = np.diff(np.log(rates))[consecutive]
    return float(np.std(steps, ddof=1)), _t("simulate.fx_vol_note", lang, first=int(years[0]),
                                            last=int(years[-1]), n=int(steps.size))


def fixed_plan_odds(sc: Scenario, a: Assumptions, history: object, *, share: float, usd: float,
                    fx_volatility: float | None = None, volatility: float | None = None,
                    persistence: float = 0.0, plan_assumptions: Assumptions | None = None,
                    lang: str = "en") -> dict:
    """A yen plan held fixed, against the GDP and exchange rate that actually happen, exactly.

    The plan is ``sc``'s yen in its target year (the last projected year without one), planned
    under ``plan_assumptions`` (default ``a``); GDP is log-normal around ``a``'s path (median =
    that path, log s.d. as in :func:`simulate`), the rate log-normal around the projection's
    rate (``fx_volatility``; default :func:`fx_volatility_from_history`). Returns a dict:
    ``year, jump_off_year, spend_jpy`` [JPY], ``median_gdp_jpy`` [JPY], ``median_share``,
    ``share`` (tested), ``p_share`` (P(spend >= share x same-year GDP)), ``usd`` (tested) [USD],
    ``median_usd`` [USD], ``median_jpy_per_usd`` [JPY/USD], ``p_usd`` (P(spend in USD > usd)), ``needed_gdp_growth`` (constant
    nominal growth from the jump-off at which the plan is exactly ``share``; NaN for a year
    already actual) [1/year], ``sd_log_gdp``, ``sd_log_fx``, ``volatility, volatility_note,
    fx_volatility, fx_volatility_note, gdp_assumption, plan_gdp_assumption, same_path`` (the
    plan was sized on the GDP path simulated around, so a share target it was sized for is met
    with probability one half by construction), ``certain`` (GDP of the year is actual). The two
    volatility notes are in ``lang``; the numbers do not depend on it.
    """
    share, usd = float(schema.check("threshold", share)), float(usd)
    if not (usd > 0 and math.isfinite(usd)):
        raise SpendcalcError("usd", usd, "a positive amount of US dollars, e.g. 70e9")
    jump_off, _ = model.last_actual_gdp(history, a.gdp_vintage)
    vol, vol_note = ((volatility, _t("simulate.user_supplied", lang)) if volatility is not None
                     else default_volatility(history, a.gdp_vintage, lang))
    fx_vol, fx_note = ((fx_volatility, _t("simulate.user_supplied", lang)) if fx_volatility is not None
                       else fx_volatility_from_history(history, lang))
    settings = SimulationSettings(measured_on="same-year", persistence=persistence)
    det = deterministic_paths(sc, a, history, plan_assumptions, settings, jump_off)
    ti = int(np.searchsorted(det.years, det.target_year))
    step = int(det.steps[ti])
    sd_s = vol * float(shock_sd(step, persistence)[-1]) if step > 0 else 0.0
    sd_f = fx_vol * math.sqrt(step)
    spend, median_share, median_usd = float(det.spend[ti]), float(det.share[ti]), float(det.usd[ti])
    needed = (model.break_even_gdp_growth(spend, share, det.target_year, a, history)
              if step > 0 and spend > 0 else float("nan"))
    meta, plan_meta = (det.tidy.attrs["methodology"][sc.name], det.plan_tidy.attrs["methodology"][sc.name])
    return {"year": det.target_year, "jump_off_year": jump_off, "spend_jpy": spend,
            "median_gdp_jpy": spend / median_share, "median_share": median_share, "share": share,
            "p_share": float(probability_share_at_least(spend, spend / median_share, sd_s, share)),
            "usd": usd, "median_usd": median_usd, "median_jpy_per_usd": spend / median_usd, "p_usd": float(probability_usd_above(spend, spend / median_usd, sd_f, usd)),
            "needed_gdp_growth": float(needed), "sd_log_gdp": sd_s, "sd_log_fx": sd_f,
            "volatility": float(vol), "volatility_note": vol_note, "fx_volatility": float(fx_vol),
            "fx_volatility_note": fx_note, "gdp_assumption": meta["gdp_assumption"],
            "plan_gdp_assumption": plan_meta["gdp_assumption"],
            "same_path": meta["gdp_assumption"] == plan_meta["gdp_assumption"], "certain": step == 0}
