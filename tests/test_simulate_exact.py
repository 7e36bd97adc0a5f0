"""spendcalc.simulate, ``method="exact"`` (the default): percentiles and probability in closed form.

Oracles, each computed here independently of the module:
* iid shocks (rho = 0): the GDP quantile is ``GDP_det[t] * exp(z_q * sigma * sqrt(t))``, so the
  level-q share is ``spending / (GDP_det * exp(z_{1-q} sigma sqrt t))``; the USD quantile is the
  same with the exchange-rate random walk ``fx_det * exp(z_{1-q} fx_sigma sqrt t)``.
* AR(1) shocks: ``Var S[t] = sigma**2 * sum_{i,j<=t} rho**|i-j|`` (the covariance matrix summed).
* ``P(share >= c) = Phi(log(spending / (c GDP_det)) / sd S[T])``.
* The seeded Monte Carlo (``method="monte-carlo"``) with 1,000,000 paths agrees within its own
  error: a sample quantile has standard error ``sqrt(q (1 - q) / n) / phi(z_q)`` standard
  deviations, a proportion ``sqrt(p (1 - p) / n)``.
"""

from __future__ import annotations

import io
import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest
from conftest import make_assumptions, make_history
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import spendcalc
from spendcalc import charts, cli
from spendcalc.assumptions import Scenario
from spendcalc.errors import SpendcalcError
from spendcalc.simulate import COLUMNS, SHARE_TOLERANCE, exact_shock_quantiles, shock_sd, simulate

N = NormalDist()
LEVELS = {"p5": 0.05, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p95": 0.95}
P_COLUMNS = list(LEVELS)
SAME_YEAR = Scenario(name="s", target_share=0.03, target_year=2028, denominator="same-year")
FIXED = Scenario(name="f", target_share=0.03, target_year=2028, denominator="fixed-fy2022")
JUMP_OFF = 2024  # last actual GDP of the synthetic history
FX = 100.0  # JPY per USD of the synthetic assumptions


def exact(scenario: Scenario = SAME_YEAR, **kw) -> pd.DataFrame:
    kw.setdefault("volatility", 0.03)
    return simulate(scenario, assumptions=make_assumptions(**kw.pop("changes", {})),
                    history=make_history(), **kw)


def rows(df: pd.DataFrame, measure: str) -> pd.DataFrame:
    return df[df["measure"] == measure].set_index("fiscal_year")


def deterministic(scenario: Scenario = SAME_YEAR) -> pd.DataFrame:
    tidy = spendcalc.model.project([scenario], make_assumptions(), make_history(), since=JUMP_OFF)
    return tidy.pivot_table(index="fiscal_year", columns="measure", values="value")


def covariance_sd(t: int, rho: float) -> float:
    """S.d. of S[t] per unit sigma from the AR(1) covariance matrix, summed term by term."""
    i = np.arange(t)
    return math.sqrt(float((rho ** np.abs(i[:, None] - i[None, :])).sum()))


# ----------------------------------------------------------------------------------------------
# The default method, and what it does not use
# ----------------------------------------------------------------------------------------------
def test_default_method_is_exact_and_draws_no_paths():
    calls = []
    df = exact(paths=1_000, seed=5, chunk_size=10, progress=lambda d, t: calls.append(d))
    assert df.attrs["method"] == "exact" and "closed form" in df.attrs["method_note"]
    assert df.attrs["paths"] is None and df.attrs["seed"] is None
    assert "exact under the model" in df.attrs["note"] and "paths" not in df.attrs["note"]
    assert calls == []  # no progress to report
    assert list(df.columns) == COLUMNS
    # paths, seed and chunk size do not change a single number
    other = exact(paths=50_000, seed=99, chunk_size=4096)
    pd.testing.assert_frame_equal(df, other, check_exact=True)
    assert df.attrs["probability"] == other.attrs["probability"]
    mc = exact(method="monte-carlo", paths=2_000)
    assert mc.attrs["method"] == "monte-carlo" and mc.attrs["paths"] == 2_000
    with pytest.raises(SpendcalcError) as err:
        exact(method="Monte Carlo")
    assert err.value.field == "method" and "exact, monte-carlo" in str(err.value)


# ----------------------------------------------------------------------------------------------
# Against closed forms computed here
# ----------------------------------------------------------------------------------------------
def test_iid_percentiles_equal_the_lognormal_closed_form():
    sigma, fx_sigma = 0.03, 0.08
    df = exact(volatility=sigma, fx_volatility=fx_sigma)
    det = deterministic()
    share, usd = rows(df, "share_of_gdp"), rows(df, "spending_usd")
    assert list(share.index) == list(range(JUMP_OFF, 2031))
    for year in share.index:
        t = year - JUMP_OFF
        spend = det.at[year, "spending_jpy"]
        for col, q in LEVELS.items():
            z_up = N.inv_cdf(1 - q)  # the share falls as GDP rises
            gdp_q = det.at[year, "nominal_gdp_jpy"] * math.exp(z_up * sigma * math.sqrt(t))
            assert share.at[year, col] == pytest.approx(spend / gdp_q, rel=1e-13), (year, col)
            fx_q = FX * math.exp(z_up * fx_sigma * math.sqrt(t))
            assert usd.at[year, col] == pytest.approx(spend / fx_q, rel=1e-13), (year, col)
    # the median is the deterministic path, to the last bit
    np.testing.assert_array_equal(share["p50"].to_numpy(),
                                  (det["spending_jpy"] / det["nominal_gdp_jpy"]).loc[share.index])


@pytest.mark.parametrize("rho", [0.0, 0.3, 0.6, 0.9, 0.99])
def test_ar1_bands_use_the_summed_covariance(rho):
    sd = shock_sd(40, rho)
    for t in (1, 2, 5, 17, 40):
        assert sd[t - 1] == pytest.approx(covariance_sd(t, rho), rel=1e-12), t
    sigma = 0.02
    share = rows(exact(volatility=sigma, persistence=rho), "share_of_gdp")
    for year in range(2025, 2031):
        t = year - JUMP_OFF
        spread = math.log(share.at[year, "p50"] / share.at[year, "p5"])  # = z_0.95 sd S[t]
        assert spread == pytest.approx(N.inv_cdf(0.95) * sigma * covariance_sd(t, rho), rel=1e-12)


@pytest.mark.parametrize("rho", [0.0, 0.7])
@pytest.mark.parametrize("c", [0.02, 0.028, 0.03, 0.031, 0.04])
def test_probability_equals_the_closed_form(rho, c):
    sigma, t = 0.03, 2028 - JUMP_OFF
    det = deterministic()
    p = exact(volatility=sigma, persistence=rho, threshold=c).attrs["probability"]
    x = math.log(det.at[2028, "spending_jpy"] / ((c - SHARE_TOLERANCE) * det.at[2028, "nominal_gdp_jpy"]))
    # NormalDist.cdf goes through erf, which loses relative digits deep in the lower tail
    # (P ~ 1e-6 at c = 4%); the module uses erfc there
    assert p == pytest.approx(N.cdf(x / (sigma * covariance_sd(t, rho))), rel=1e-9)
    assert isinstance(p, float) and 0.0 <= p <= 1.0


@pytest.mark.parametrize("rho", [0.0, 0.5])
def test_probability_at_a_percentile_of_the_share_is_its_level(rho):
    """Bands and probability are one distribution: P(share >= its q-th percentile) = 1 - q."""
    base = rows(exact(persistence=rho), "share_of_gdp")
    for col, q in LEVELS.items():
        c = float(base.at[2028, col])
        p = exact(persistence=rho, threshold=c).attrs["probability"]
        assert p == pytest.approx(1 - q, abs=1e-6), col


def test_exact_shock_quantiles_are_zero_before_the_jump_off_and_antisymmetric():
    steps = np.array([0, 0, 1, 2, 3])
    s_q, f_q, sd_s = exact_shock_quantiles(steps, 0.02, 0.4, 0.1)
    assert (s_q[:2] == 0).all() and (f_q[:2] == 0).all() and (sd_s[:2] == 0).all()
    np.testing.assert_array_equal(s_q[:, 0], -s_q[:, 4])  # z_5 = -z_95 exactly
    np.testing.assert_array_equal(s_q[:, 2], 0.0)  # the median shock is zero: median = projection
    np.testing.assert_allclose(f_q[2:, 4], N.inv_cdf(0.95) * 0.1 * np.sqrt([1, 2, 3]), rtol=1e-14)
    z, *_ = exact_shock_quantiles(steps, 0.0, 0.4, 0.0)
    assert not z.any()


# ----------------------------------------------------------------------------------------------
# Against the Monte Carlo cross-check
# ----------------------------------------------------------------------------------------------
def assert_agrees_with_monte_carlo(ex: pd.DataFrame, mc: pd.DataFrame, sd_gdp: dict, sd_fx: dict,
                                   n: int, k: float = 4.5) -> None:
    """Every percentile within k standard errors of a sample quantile; P within k s.e."""
    for measure, sds in (("share_of_gdp", sd_gdp), ("spending_usd", sd_fx)):
        a, b = rows(ex, measure), rows(mc, measure)
        assert list(a.index) == list(b.index)
        for year in a.index:
            for col, q in LEVELS.items():
                se = math.sqrt(q * (1 - q) / n) / N.pdf(N.inv_cdf(q)) * sds.get(year, 0.0)
                gap = abs(math.log(b.at[year, col] / a.at[year, col]))  # in log points
                assert gap <= k * se + 1e-6, (measure, year, col, gap, se)
    p, p_mc = ex.attrs["probability"], mc.attrs["probability"]
    assert abs(p_mc - p) <= k * math.sqrt(p * (1 - p) / n) + 1e-9, (p, p_mc)


@pytest.mark.parametrize(("sigma", "rho", "fx_sigma", "c"), [
    (0.03, 0.0, 0.0, 0.031),  # iid GDP shocks
    (0.02, 0.6, 0.0, 0.029),  # AR(1) GDP shocks
    (0.03, 0.3, 0.08, 0.0305),  # AR(1) GDP shocks and exchange-rate noise
], ids=["iid", "ar1", "ar1+fx"])
def test_exact_agrees_with_a_million_monte_carlo_paths(sigma, rho, fx_sigma, c):
    n = 1_000_000
    kw = dict(volatility=sigma, persistence=rho, fx_volatility=fx_sigma, threshold=c)
    ex = exact(**kw)
    mc = exact(method="monte-carlo", paths=n, seed=2026, **kw)
    sd_gdp = {y: sigma * covariance_sd(y - JUMP_OFF, rho) for y in range(JUMP_OFF + 1, 2031)}
    sd_fx = {y: fx_sigma * math.sqrt(y - JUMP_OFF) for y in range(JUMP_OFF + 1, 2031)}
    assert 0.05 < ex.attrs["probability"] < 0.95  # a probability the test can miss
    assert_agrees_with_monte_carlo(ex, mc, sd_gdp, sd_fx, n)
    # and the Monte Carlo is not trivially equal: it carries sampling error
    assert mc.attrs["probability"] != ex.attrs["probability"]


def test_exact_agrees_with_monte_carlo_on_the_bundled_data(real_history):
    """A fixed-FY2022 plan measured on same-year GDP, with persistence and FX noise."""
    n = 400_000
    kw = dict(history=real_history, persistence=0.4, fx_volatility=0.06, measured_on="same-year",
              threshold=0.016)
    ex = spendcalc.simulate("original-fy2027", **kw)
    mc = spendcalc.simulate("original-fy2027", method="monte-carlo", paths=n, seed=8, **kw)
    jump_off, sigma = ex.attrs["jump_off_year"], ex.attrs["volatility"]
    years = [y for y in rows(ex, "share_of_gdp").index if y > jump_off]
    sd_gdp = {y: sigma * covariance_sd(y - jump_off, 0.4) for y in years}
    sd_fx = {y: 0.06 * math.sqrt(y - jump_off) for y in years}
    assert 0.05 < ex.attrs["probability"] < 0.95
    assert_agrees_with_monte_carlo(ex, mc, sd_gdp, sd_fx, n)


def test_the_check_would_catch_a_wrong_spread():
    """The Monte Carlo comparison is sharp enough to reject an iid answer to an AR(1) question."""
    n = 1_000_000
    mc = exact(method="monte-carlo", paths=n, seed=2026, volatility=0.02, persistence=0.6)
    wrong = exact(volatility=0.02, persistence=0.0)
    sd_gdp = {y: 0.02 * covariance_sd(y - JUMP_OFF, 0.6) for y in range(JUMP_OFF + 1, 2031)}
    with pytest.raises(AssertionError):
        assert_agrees_with_monte_carlo(wrong, mc, sd_gdp, {}, n)


# ----------------------------------------------------------------------------------------------
# Edge cases
# ----------------------------------------------------------------------------------------------
def test_zero_volatility_probability_is_zero_or_one():
    det = deterministic()
    share = det.at[2028, "spending_jpy"] / det.at[2028, "nominal_gdp_jpy"]
    below = exact(volatility=0.0, threshold=share * 0.999)
    above = exact(volatility=0.0, threshold=share * 1.001)
    at = exact(volatility=0.0, threshold=float(share))
    assert below.attrs["probability"] == 1.0 and above.attrs["probability"] == 0.0
    assert at.attrs["probability"] == 1.0  # meeting the target exactly counts as meeting it
    assert below.attrs["certain"] is True and "volatility is zero" in below.attrs["note"]
    for df in (below, above):
        p = df[P_COLUMNS].to_numpy()
        assert (p == p[:, [0]]).all()  # no band at all


def test_fixed_fy2022_denominator_is_certain():
    df = exact(FIXED, volatility=0.05, fx_volatility=0.1)
    det = deterministic(FIXED)
    share = rows(df, "share_of_gdp")
    for col in P_COLUMNS:
        np.testing.assert_array_equal(share[col].to_numpy(), det.loc[share.index, "share_of_gdp"])
    assert df.attrs["probability"] is None and df.attrs["certain"] is True
    assert "does not move" in df.attrs["note"]
    usd = rows(df, "spending_usd")
    assert (usd.loc[2025:, "p5"] < usd.loc[2025:, "p95"]).all()  # the dollars stay uncertain


def test_target_year_already_actual_is_certain():
    sc = Scenario(name="past", target_share=0.02, target_year=2024, denominator="same-year")
    df = exact(sc, volatility=0.05)
    assert df.attrs["certain"] is True and df.attrs["probability"] == 1.0  # 11e12 / 540e12 > 2%
    assert "actual" in df.attrs["note"]


def test_extreme_thresholds_give_probabilities_in_the_unit_interval():
    lo = exact(volatility=0.01, threshold=0.001).attrs["probability"]
    hi = exact(volatility=0.01, threshold=0.2).attrs["probability"]
    assert lo == 1.0 and hi == 0.0


# ----------------------------------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------------------------------
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(sigma=st.floats(0.002, 0.3), rho=st.floats(0.0, 0.95),
       c=st.lists(st.floats(0.002, 0.15), min_size=2, max_size=2, unique=True))
def test_higher_threshold_lower_probability(sigma, rho, c):
    low, high = sorted(c)
    p_low = exact(volatility=sigma, persistence=rho, threshold=low).attrs["probability"]
    p_high = exact(volatility=sigma, persistence=rho, threshold=high).attrs["probability"]
    assert 0.0 <= p_high <= p_low <= 1.0


@PROPERTY
@given(sigma=st.floats(0.002, 0.15), more=st.floats(0.01, 2.0), rho=st.floats(0.0, 0.95),
       fx_sigma=st.one_of(st.just(0.0), st.floats(1e-4, 0.15)))
def test_higher_volatility_wider_bands(sigma, more, rho, fx_sigma):
    a = exact(volatility=sigma, persistence=rho, fx_volatility=fx_sigma)
    b = exact(volatility=sigma * (1 + more), persistence=rho, fx_volatility=fx_sigma * (1 + more))
    for measure in ("share_of_gdp", "spending_usd"):
        ra, rb = rows(a, measure).loc[JUMP_OFF + 1:], rows(b, measure).loc[JUMP_OFF + 1:]
        width_a = np.log(ra["p95"] / ra["p5"]).to_numpy()
        width_b = np.log(rb["p95"] / rb["p5"]).to_numpy()
        if measure == "share_of_gdp" or fx_sigma > 0:
            assert (width_b > width_a).all()
            assert (np.diff(width_a) > 0).all()  # and bands widen with the horizon
        np.testing.assert_array_equal(ra["p50"], rb["p50"])  # the median does not move
        assert (np.diff(ra[P_COLUMNS].to_numpy(), axis=1) >= 0).all()


@PROPERTY
@given(rho=st.floats(0.0, 0.9), more=st.floats(0.02, 0.09))
def test_more_persistence_wider_bands_after_the_first_year(rho, more):
    a = rows(exact(persistence=rho), "share_of_gdp")
    b = rows(exact(persistence=rho + more), "share_of_gdp")
    first = JUMP_OFF + 1
    assert b.at[first, "p5"] == pytest.approx(a.at[first, "p5"], rel=1e-14)  # Var e[1] = sigma^2
    assert (b.loc[first + 1:, "p5"] < a.loc[first + 1:, "p5"]).all()


# ----------------------------------------------------------------------------------------------
# Command line and chart note
# ----------------------------------------------------------------------------------------------
def run_cli(argv: list[str]) -> int:
    try:
        return cli.main(argv)
    except SystemExit as exc:
        return int(exc.code)


def test_cli_default_is_exact(capsys, real_history):
    code = cli.main(["simulate", "--scenario", "us-ask-3.5pct", "--until", "2036", "--format", "csv"])
    out = capsys.readouterr()
    assert code == 0 and out.err == ""
    got = pd.read_csv(io.StringIO(out.out))
    want = spendcalc.simulate("us-ask-3.5pct", until=2036, history=real_history)
    np.testing.assert_allclose(got[P_COLUMNS].to_numpy(), want[P_COLUMNS].to_numpy(), rtol=1e-9)
    code = cli.main(["simulate", "--scenario", "us-ask-3.5pct"])
    head = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 0 and head.startswith("P(share ≥ 3.5% of same-year GDP in FY2035) = 0.50 ")
    assert "exact under the model" in head and "paths" not in head and "seed" not in head


@pytest.mark.parametrize(("argv", "flag"), [
    (["--paths", "1000000"], "--paths"), (["--seed", "1"], "--seed"),
    (["--chunk-size", "5000"], "--chunk-size"), (["--method", "exact", "--paths", "10"], "--paths"),
])
def test_cli_refuses_monte_carlo_settings_with_the_exact_method(capsys, argv, flag):
    code = run_cli(["simulate", "--scenario", "us-ask-3.5pct", *argv])
    out = capsys.readouterr()
    assert code == 2 and out.out == ""
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"spendcalc: error: {flag}: ")
    assert "--method monte-carlo" in lines[0]


def test_cli_progress_bar_only_for_monte_carlo(capsys, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    for argv, bar in ((["--method", "exact"], False),
                      (["--method", "monte-carlo", "--paths", "5000"], True)):
        term = Terminal()
        monkeypatch.setattr("sys.stderr", term)
        assert cli.main(["simulate", "--scenario", "us-ask-3.5pct", "--format", "csv", *argv]) == 0
        assert ("simulating [" in term.getvalue()) is bar, argv
    capsys.readouterr()


def test_fan_chart_note_names_the_method():
    assert charts.simulation_note(exact(), sources=False).startswith("Exact percentiles")
    mc = charts.simulation_note(exact(method="monte-carlo", paths=3_000), sources=False)
    assert mc.startswith("Monte Carlo: 3,000 paths") and "Exact" not in mc
