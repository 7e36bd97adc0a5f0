"""spendcalc.simulate, ``method="monte-carlo"``: the seeded simulation of the share of GDP (and USD).

The exact (closed-form, default) method is tested in ``test_simulate_exact.py``, against these
same oracles and against this Monte Carlo.

Oracles:
* iid log-normal growth around the synthetic 10%/yr path from the FY2024 jump-off (GDP 540e12
  JPY): the GDP quantile is ``540e12 * exp(t log 1.1 + z_q sigma sqrt t)``, so the share quantile
  is ``spending_jpy / that`` (the share falls as GDP rises: p5 of the share uses z_0.95).
* ``P(share >= c) = Phi(log(spending / (c GDP_det)) / (sigma sqrt t))`` for the same model.
* Zero volatility must reproduce ``spendcalc.project`` exactly.
Tolerances come from the standard error of a sample quantile,
``sqrt(q (1 - q) / n) / phi(z_q)`` standard deviations.
"""

from __future__ import annotations

import importlib
import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest
from conftest import make_assumptions, make_history

import spendcalc
from spendcalc import cli
from spendcalc.assumptions import Scenario
from spendcalc.errors import SpendcalcError
from spendcalc.simulate import (
    BLOCK_PATHS,
    COLUMNS,
    cumulative_shocks,
    default_volatility,
    shock_quantiles,
    shock_sd,
    simulate,
)

N = NormalDist()
LEVELS = {"p5": 0.05, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p95": 0.95}
SAME_YEAR = Scenario(name="s", target_share=0.03, target_year=2028, denominator="same-year")
FIXED = Scenario(name="f", target_share=0.03, target_year=2028, denominator="fixed-fy2022")


def synthetic(scenario: Scenario = SAME_YEAR, **kw) -> pd.DataFrame:
    kw.setdefault("method", "monte-carlo")
    kw.setdefault("paths", 20_000)
    kw.setdefault("seed", 3)
    kw.setdefault("volatility", 0.03)
    return simulate(scenario, assumptions=make_assumptions(), history=make_history(), **kw)


def rows(df: pd.DataFrame, measure: str) -> pd.DataFrame:
    return df[df["measure"] == measure].set_index("fiscal_year")


def deterministic(scenario: Scenario = SAME_YEAR) -> pd.DataFrame:
    tidy = spendcalc.model.project([scenario], make_assumptions(), make_history(), since=2024)
    return tidy.pivot_table(index="fiscal_year", columns="measure", values="value")


# ----------------------------------------------------------------------------------------------
# Reproducibility
# ----------------------------------------------------------------------------------------------
def test_same_seed_gives_identical_results_for_any_chunk_size():
    a = synthetic(seed=11, chunk_size=5_000)
    b = synthetic(seed=11, chunk_size=5_000)
    c = synthetic(seed=11, chunk_size=50_000)
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    pd.testing.assert_frame_equal(a, c, check_exact=True)
    assert a.attrs["probability"] == b.attrs["probability"] == c.attrs["probability"]


def test_different_seeds_differ():
    a, b = synthetic(seed=1), synthetic(seed=2)
    assert not np.array_equal(rows(a, "share_of_gdp")["p5"], rows(b, "share_of_gdp")["p5"])
    assert a.attrs["probability"] != b.attrs["probability"]


def test_output_columns_years_and_attrs():
    df = synthetic()
    assert list(df.columns) == COLUMNS
    assert set(df["measure"]) == {"share_of_gdp", "spending_usd"}
    assert dict(zip(df["measure"], df["unit"], strict=True)) == {"share_of_gdp": "fraction",
                                                                  "spending_usd": "USD"}
    assert sorted(set(df["fiscal_year"])) == list(range(2024, 2031))  # jump-off FY2024 .. until
    for key in ("scenario", "target_share", "target_year", "probability", "certain", "paths",
                "seed", "volatility", "persistence", "fx_volatility", "denominator",
                "volatility_note"):
        assert key in df.attrs
    assert df.attrs["paths"] == 20_000 and df.attrs["seed"] == 3
    # percentiles are ordered in every row
    p = df[["p5", "p25", "p50", "p75", "p95"]].to_numpy()
    assert np.all(np.diff(p, axis=1) >= 0)


# ----------------------------------------------------------------------------------------------
# Against closed forms
# ----------------------------------------------------------------------------------------------
def test_iid_lognormal_percentiles_match_closed_form():
    sigma, n = 0.03, 200_000
    df = synthetic(paths=n, volatility=sigma, seed=7)
    det = deterministic()
    share = rows(df, "share_of_gdp")
    mu = math.log(1.10)
    for year in range(2025, 2031):
        t = year - 2024
        for col, q in LEVELS.items():
            z = N.inv_cdf(q)
            gdp_q = 540e12 * math.exp(mu * t - z * sigma * math.sqrt(t))  # share level q <-> GDP 1-q
            expected = det.at[year, "spending_jpy"] / gdp_q
            se = math.sqrt(q * (1 - q) / n) / N.pdf(z) * sigma * math.sqrt(t)  # in log points
            assert abs(math.log(share.at[year, col] / expected)) < 4 * se, (year, col)


def test_ar1_spread_matches_stationary_variance_formula():
    sigma, rho, n = 0.02, 0.6, 100_000
    df = synthetic(paths=n, volatility=sigma, persistence=rho, seed=5)
    share = rows(df, "share_of_gdp")
    sd = shock_sd(6, rho) * sigma
    # Var S[t] = t + 2 sum (t - d) rho^d (per sigma^2): 1, 2 + 2 rho, ...
    assert sd[0] == pytest.approx(sigma) and sd[1] == pytest.approx(sigma * math.sqrt(2 + 2 * rho))
    z95 = N.inv_cdf(0.95)
    for year in (2026, 2028, 2030):
        t = year - 2024
        spread = math.log(share.at[year, "p50"] / share.at[year, "p5"])  # = S_95 - S_50
        se = math.sqrt(0.05 * 0.95 / n) / N.pdf(z95) * sd[t - 1]
        assert abs(spread - z95 * sd[t - 1]) < 5 * se
        # with persistence the band is wider than under iid shocks of the same sigma
        assert spread > z95 * sigma * math.sqrt(t) * 1.2


def test_probability_matches_closed_form():
    sigma, n = 0.03, 100_000
    det = deterministic()
    t = 2028 - 2024
    for c in (0.028, 0.03, 0.032):
        p = synthetic(paths=n, volatility=sigma, threshold=c, seed=9).attrs["probability"]
        x = math.log(det.at[2028, "spending_jpy"] / ((c - 1e-12) * det.at[2028, "nominal_gdp_jpy"]))
        expected = N.cdf(x / (sigma * math.sqrt(t)))
        assert abs(p - expected) < 4 * math.sqrt(expected * (1 - expected) / n) + 1e-9, c


def test_plan_on_faster_growth_raises_the_probability_as_the_closed_form_says():
    """Yen planned on 12%/yr GDP growth, GDP simulated around 10%/yr: more yen, higher share."""
    sigma, n, c, t = 0.03, 100_000, 0.03, 2028 - 2024
    plan = make_assumptions(growth_rate=0.12)
    df = synthetic(paths=n, volatility=sigma, plan_assumptions=plan, seed=12)
    plan_tidy = spendcalc.model.project([SAME_YEAR], plan, make_history(), since=2024)
    plan_spend = plan_tidy.pivot_table(index="fiscal_year", columns="measure", values="value")
    spend = plan_spend.at[2028, "spending_jpy"]
    gdp = deterministic().at[2028, "nominal_gdp_jpy"]
    assert spend > deterministic().at[2028, "spending_jpy"]
    expected = N.cdf(math.log(spend / ((c - 1e-12) * gdp)) / (sigma * math.sqrt(t)))
    assert expected > 0.8
    assert abs(df.attrs["probability"] - expected) < 4 * math.sqrt(expected * (1 - expected) / n)
    assert "12.00%" in df.attrs["plan_gdp_assumption"]
    # with zero volatility the share is the planned yen over the simulated (median) GDP, exactly
    flat = synthetic(volatility=0.0, plan_assumptions=plan)
    share = rows(flat, "share_of_gdp")
    want = (plan_spend.loc[share.index, "spending_jpy"]
            / deterministic().loc[share.index, "nominal_gdp_jpy"]).to_numpy()
    np.testing.assert_array_equal(share["p50"].to_numpy(), want)
    assert flat.attrs["probability"] == 1.0


def test_fx_bands_match_closed_form():
    fx_sigma, n = 0.08, 100_000
    df = synthetic(FIXED, paths=n, fx_volatility=fx_sigma, seed=4)
    det = deterministic(FIXED)
    usd = rows(df, "spending_usd")
    assert usd.loc[2024, "p5"] == usd.loc[2024, "p95"] == det.at[2024, "spending_usd"]
    for year in (2025, 2030):
        t = year - 2024
        for col, q in (("p5", 0.05), ("p95", 0.95)):
            z = N.inv_cdf(q)
            expected = det.at[year, "spending_jpy"] / (100.0 * math.exp(-z * fx_sigma * math.sqrt(t)))
            se = math.sqrt(q * (1 - q) / n) / N.pdf(z) * fx_sigma * math.sqrt(t)
            assert abs(math.log(usd.at[year, col] / expected)) < 4 * se


def test_streamed_percentiles_are_exact_order_statistics(monkeypatch):
    """Bracketed streaming equals numpy.percentile on all paths, also after a forced retry."""
    n, horizon, seed = 3 * BLOCK_PATHS + 123, 5, 21
    levels = np.array([0.05, 0.25, 0.5, 0.75, 0.95])
    everything = cumulative_shocks(seed, 0, 0, n, horizon, 0.4)
    direct = np.percentile(everything.astype(float), levels * 100, axis=1).T
    q, _ = shock_quantiles([("gdp", 0, 0.4)], paths=n, seed=seed, horizon=horizon,
                           levels=levels, chunk_size=BLOCK_PATHS)
    np.testing.assert_allclose(q["gdp"], direct, rtol=1e-9, atol=1e-9)
    calls = []
    module = importlib.import_module("spendcalc.simulate")  # the attribute is the function
    monkeypatch.setattr(module, "BRACKETS", (1e-9, math.inf))  # the first pass must miss
    q2, _ = shock_quantiles([("gdp", 0, 0.4)], paths=n, seed=seed, horizon=horizon,
                            levels=levels, chunk_size=BLOCK_PATHS,
                            progress=lambda d, t: calls.append(d))
    np.testing.assert_allclose(q2["gdp"], direct, rtol=1e-9, atol=1e-9)
    assert calls.count(n) == 2  # two passes over all paths


# ----------------------------------------------------------------------------------------------
# Zero volatility, fixed denominator, probabilities
# ----------------------------------------------------------------------------------------------
def test_zero_volatility_reproduces_the_projection_exactly(real_history):
    df = spendcalc.simulate("us-ask-3.5pct", paths=1_000, seed=0, volatility=0.0,
                            history=real_history, method="monte-carlo")
    tidy = spendcalc.project("us-ask-3.5pct", history=real_history)
    det = tidy.pivot_table(index="fiscal_year", columns="measure", values="value")
    for measure in ("share_of_gdp", "spending_usd"):
        got = rows(df, measure)
        assert list(got.index) == list(range(2025, 2041))
        for col in LEVELS:
            np.testing.assert_array_equal(got[col].to_numpy(), det.loc[got.index, measure].to_numpy())
    assert df.attrs["certain"] is True and df.attrs["probability"] == 1.0


def test_fixed_denominator_share_is_certain_and_says_so():
    df = synthetic(FIXED, volatility=0.05)
    det = deterministic(FIXED)
    share = rows(df, "share_of_gdp")
    for col in LEVELS:
        np.testing.assert_array_equal(share[col].to_numpy(), det.loc[share.index, "share_of_gdp"])
    assert df.attrs["probability"] is None and df.attrs["certain"] is True
    assert "certain" in df.attrs["note"] and "does not move" in df.attrs["note"]
    usd = rows(df, "spending_usd")
    assert (usd["p5"] == usd["p95"]).all()  # no FX noise by default


def test_fixed_plan_measured_on_same_year_gdp_matches_closed_form():
    """A fixed-FY2022 plan keeps its yen; tested on same-year GDP its share is uncertain."""
    sigma, n = 0.03, 100_000
    det = deterministic(FIXED)
    t = 2028 - 2024
    df = synthetic(FIXED, paths=n, volatility=sigma, seed=4, measured_on="same-year")
    assert df.attrs["denominator"] == "same-year" and df.attrs["scenario_denominator"] == "fixed-fy2022"
    assert df.attrs["certain"] is False and "same-year GDP" in df.attrs["note"]
    x = math.log(det.at[2028, "spending_jpy"] / ((0.03 - 1e-12) * det.at[2028, "nominal_gdp_jpy"]))
    expected = N.cdf(x / (sigma * math.sqrt(t)))
    p = df.attrs["probability"]
    assert abs(p - expected) < 4 * math.sqrt(expected * (1 - expected) / n) + 1e-9
    median = rows(df, "share_of_gdp").loc[2028, "p50"]
    same_year_det = det.at[2028, "spending_jpy"] / det.at[2028, "nominal_gdp_jpy"]
    assert median == pytest.approx(same_year_det, rel=5e-3)
    assert median != pytest.approx(det.at[2028, "share_of_gdp"], rel=1e-3)  # not the fixed share
    with pytest.raises(SpendcalcError, match="measured_on"):
        synthetic(FIXED, measured_on="nominal")


def test_cli_measure_on_same_year(capsys):
    code = cli.main(["simulate", "--scenario", "original-fy2027", "--method", "monte-carlo",
                     "--paths", "5000", "--measure-on", "same-year"])
    head = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 0 and head.startswith("P(share ≥ 2.0% of same-year GDP in FY2027) = 0.")


@pytest.mark.parametrize("persistence", [0.0, 0.7])
def test_probabilities_in_unit_interval_and_fall_as_target_rises(persistence):
    thresholds = np.linspace(0.024, 0.036, 13)
    probs = [synthetic(paths=4_000, volatility=0.04, persistence=persistence, threshold=float(c),
                       seed=1).attrs["probability"] for c in thresholds]
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert all(b <= a for a, b in zip(probs, probs[1:], strict=False))
    assert probs[0] > 0.9 and probs[-1] < 0.1


def test_default_volatility_is_the_labelled_historical_sd():
    sd, note = default_volatility(make_history(), "synthetic")
    growth = np.log([510 / 500, 520 / 510, 530 / 520, 540 / 530])
    assert sd == pytest.approx(np.std(growth, ddof=1), rel=1e-12)
    assert note.startswith("assumption:") and "FY2021-FY2024" in note and "synthetic" in note
    df = simulate(SAME_YEAR, paths=100, assumptions=make_assumptions(), history=make_history(),
                  method="monte-carlo")
    assert df.attrs["volatility"] == pytest.approx(sd) and df.attrs["volatility_note"] == note


def test_progress_reports_each_chunk():
    calls = []
    synthetic(paths=3 * BLOCK_PATHS + 1, chunk_size=BLOCK_PATHS, progress=lambda d, t: calls.append((d, t)))
    total = 3 * BLOCK_PATHS + 1
    assert calls == [(BLOCK_PATHS, total), (2 * BLOCK_PATHS, total), (3 * BLOCK_PATHS, total),
                     (total, total)]


@pytest.mark.parametrize(("field", "kw"), [
    ("paths", {"paths": -5}), ("paths", {"paths": 0}), ("paths", {"paths": 1.5}),
    ("paths", {"paths": True}), ("paths", {"paths": 50_000_001}), ("seed", {"seed": -1}),
    ("volatility", {"volatility": -0.01}), ("volatility", {"volatility": 1.0}),
    ("volatility", {"volatility": float("nan")}), ("persistence", {"persistence": 1.0}),
    ("persistence", {"persistence": -0.1}), ("fx_volatility", {"fx_volatility": -0.1}),
    ("threshold", {"threshold": 1.5}), ("chunk_size", {"chunk_size": 0}),
])
def test_bad_inputs_name_the_field(field, kw):
    with pytest.raises(SpendcalcError) as err:
        synthetic(**kw)
    assert err.value.field == field
    assert "\n" not in str(err.value)


# ----------------------------------------------------------------------------------------------
# Command line
# ----------------------------------------------------------------------------------------------
def test_cli_csv(capsys):
    code = cli.main(["simulate", "--scenario", "us-ask-3.5pct", "--method", "monte-carlo",
                     "--paths", "5000", "--seed", "2", "--until", "2036", "--format", "csv"])
    out = capsys.readouterr()
    assert code == 0
    lines = out.out.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert len(lines) == 1 + 2 * (2036 - 2025 + 1)
    assert out.err == ""  # no progress bar when stderr is not a terminal


def test_cli_table_headline(capsys):
    code = cli.main(["simulate", "--scenario", "us-ask-3.5pct", "--method", "monte-carlo",
                     "--paths", "5000", "--seed", "2"])
    out = capsys.readouterr().out
    assert code == 0
    head = out.strip().splitlines()[-1]
    assert head.startswith("P(share ≥ 3.5% of same-year GDP in FY2035) = 0.")
    assert "Monte Carlo, 5,000 paths, seed 2" in head and "assumption:" in head
    assert "exact" not in head


def test_cli_plan_growth_is_reported(capsys):
    code = cli.main(["simulate", "--scenario", "us-ask-3.5pct", "--method", "monte-carlo",
                     "--paths", "5000", "--growth", "1 %", "--plan-growth", "3 %"])
    head = capsys.readouterr().out.strip().splitlines()[-1]
    assert code == 0 and "yen planned on constant nominal growth 3.00%" in head
    assert float(head.split("= ")[1].split(" ")[0]) > 0.9


def test_cli_fixed_denominator_prints_certainty(capsys):
    code = cli.main(["simulate", "--scenario", "original-fy2027", "--method", "monte-carlo",
                     "--paths", "100"])
    out = capsys.readouterr().out
    assert code == 0 and "share is certain" in out.strip().splitlines()[-1]


def run_cli(argv: list[str]) -> int:
    """``cli.main`` returns 2 for model errors; argparse exits with 2 for malformed options."""
    try:
        return cli.main(argv)
    except SystemExit as exc:
        return int(exc.code)


@pytest.mark.parametrize("argv", [["--paths=-5"], ["--volatility", "-0.1"], ["--paths", "many"],
                                  ["--persistence", "1"], ["--method", "montecarlo"],
                                  ["--method", "monte-carlo", "--paths", "0"]])
def test_cli_bad_input_is_one_line_exit_2(capsys, argv):
    code = run_cli(["simulate", "--scenario", "us-ask-3.5pct", *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "error" in err


def test_cli_progress_bar_only_on_a_terminal():
    import io

    from spendcalc.cli.simulate import progress_bar

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    assert progress_bar(io.StringIO()) is None  # redirected: no bar
    term = Terminal()
    bar = progress_bar(term)
    bar(500, 1000)
    bar(1000, 1000)
    text = term.getvalue()
    assert "500/1,000 paths" in text and text.endswith("1,000/1,000 paths\n")
    assert text.count("\n") == 1  # one line, redrawn in place


def test_sized_on_central_path_flag():
    assert synthetic(paths=2000).attrs["sized_on_central_path"] is True  # P ~ 0.5 by construction
    assert synthetic(paths=2000, threshold=0.028).attrs["sized_on_central_path"] is False
    assert synthetic(FIXED, paths=2000, measured_on="same-year").attrs["sized_on_central_path"] is False
    assert synthetic(FIXED, paths=2000).attrs["sized_on_central_path"] is False
