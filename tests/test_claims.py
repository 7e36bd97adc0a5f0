"""The claims audit: every claim gets a verdict and a reason; hand-worked verdicts.

Expected shares are computed here from the bundled tables (``data/*.csv`` read with
``spendcalc.read_table``), not copied from model output:

* FY2025 security-related spending incl. the supplementary budget: 11 trillion JPY
  (``security_related_with_supplementary``); the fixed denominator: 560 trillion JPY
  (``two_pct_reference_gdp``); FY2025 nominal GDP, vintage esri-2026q2: 672.6695 trillion JPY.
  So 11/560 = 1.964% (the government's "2% level") and 11/672.6695 = 1.635% on same-year GDP.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

import spendcalc
from spendcalc import claims as cl
from spendcalc import cli

HEAD = ["claim_id", "article", "quote", "fiscal_year", "value", "unit", "verdict", "reason"]


def _figure(table: str, series: str, fiscal_year: str, vintage: str | None = None) -> float:
    """A default bundled figure in yen."""
    df, _ = spendcalc.read_table(table)
    sel = df[(df["series"] == series) & (df["fiscal_year"] == fiscal_year) & df["is_default"]]
    if vintage is not None:
        sel = sel[sel["vintage"] == vintage]
    assert len(sel) == 1, (series, fiscal_year, vintage, len(sel))
    scale = {"trillion JPY": 1e12, "billion JPY": 1e9}[sel["unit"].iloc[0]]
    return float(sel["value"].iloc[0]) * scale


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    gdp_vintage = spendcalc.default_assumptions().gdp_vintage
    return {
        "security_fy2025_with_supp": _figure("defense_budget", "security_related_with_supplementary", "FY2025"),
        "security_fy2025_initial": _figure("defense_budget", "security_related_initial", "FY2025"),
        "mod_fy2025_initial": _figure("defense_budget", "mod_budget_initial", "FY2025"),
        "mod_fy2025_supp": _figure("defense_budget", "mod_supplementary", "FY2025"),
        "reference_gdp": _figure("framework", "two_pct_reference_gdp", "FY2022"),
        "gdp_fy2025": _figure("gdp", "nominal_gdp", "FY2025", vintage=gdp_vintage),
    }


@pytest.fixture(scope="module")
def audit() -> pd.DataFrame:
    return cl.check_claims()


def _row(df: pd.DataFrame, claim_id: str) -> pd.Series:
    sel = df[df["claim_id"] == claim_id]
    assert len(sel) == 1, claim_id
    return sel.iloc[0]


# ----------------------------------------------------------------------------------------------
# Coverage: every claim, every article, a verdict and a one-line reason
# ----------------------------------------------------------------------------------------------
def test_every_claim_has_a_verdict_and_one_line_reason(audit: pd.DataFrame) -> None:
    claims = cl.read_claims()
    assert len(audit) == len(claims) == 109
    assert list(audit["claim_id"]) == list(claims["claim_id"])
    assert list(audit.columns[:8]) == HEAD
    assert set(audit["verdict"]) <= set(cl.VERDICTS)
    for r in audit.itertuples():
        assert isinstance(r.reason, str) and r.reason.strip(), r.claim_id
        assert "\n" not in r.reason, r.claim_id
    # traceable: quote and article are the claim's own
    merged = audit.merge(claims, on="claim_id", suffixes=("", "_data"))
    assert (merged["quote"] == merged["quote_data"]).all()
    assert (merged["article"] == merged["article_data"]).all()


def test_every_article_contributes_claims(audit: pd.DataFrame) -> None:
    files = set(cl.read_articles_index()["file"])
    assert len(files) == 5
    counts = audit["article"].value_counts()
    assert set(counts.index) == files
    assert (counts >= 1).all()


def test_reasons_citing_a_reference_name_its_source(audit: pd.DataFrame) -> None:
    cited = audit[audit["reference_source"].notna() & (audit["verdict"] != "not-modelled")]
    assert len(cited) > 20
    for r in cited.itertuples():
        short = cl._short_title(r.reference_source)
        assert short in r.reason, (r.claim_id, short, r.reason)


# ----------------------------------------------------------------------------------------------
# (a) "2% by FY2025": depends on the denominator and scope
# ----------------------------------------------------------------------------------------------
def test_two_percent_fy2025_depends_on_definition(audit: pd.DataFrame, figures: dict) -> None:
    fixed = figures["security_fy2025_with_supp"] / figures["reference_gdp"]
    same = figures["security_fy2025_with_supp"] / figures["gdp_fy2025"]
    mod_fixed = (figures["mod_fy2025_initial"] + figures["mod_fy2025_supp"]) / figures["reference_gdp"]
    assert fixed == pytest.approx(11 / 560) and same == pytest.approx(11 / 672.6695)
    two_pct = audit[(audit["model_scenario"] == "accelerated-fy2025") & (audit["fiscal_year"] == 2025)]
    assert set(two_pct["claim_id"]) == {"a000-06", "a002-04", "a003-10", "a004-14"}
    for r in two_pct.itertuples():
        assert r.verdict == "depends-on-definition", r.claim_id
        assert r.model_fixed_fy2022_security_related == pytest.approx(fixed, rel=1e-9)
        assert r.model_same_year_security_related == pytest.approx(same, rel=1e-9)
        assert r.model_fixed_fy2022_mod_budget == pytest.approx(mod_fixed, rel=1e-9)
        assert "holds for security-related on the fixed FY2022 GDP 1.96%" in r.reason
        assert f"{(0.02 - same) * 100:.2f} pt short" in r.reason  # 0.36 pt


def test_claim_without_year_is_checked_in_the_scenario_target_year(audit: pd.DataFrame) -> None:
    r = _row(audit, "a003-18")  # "around two percent", no year printed
    assert pd.isna(r["fiscal_year"]) and r["model_fiscal_year"] == 2025
    assert r["verdict"] == "depends-on-definition"
    assert "prints no year" in r["reason"] and "±5%" in r["reason"]


# ----------------------------------------------------------------------------------------------
# (b) inconsistent under some definition, and under all of them on initial budgets
# ----------------------------------------------------------------------------------------------
def test_reason_says_where_the_claim_fails(audit: pd.DataFrame, figures: dict) -> None:
    r = _row(audit, "a000-06")
    same = figures["security_fy2025_with_supp"] / figures["gdp_fy2025"]
    assert f"not for security-related on same-year FY2025 GDP {same * 100:.2f}%" in r["reason"]


def test_initial_budgets_make_the_fy2025_claim_inconsistent(figures: dict) -> None:
    scenarios = spendcalc.resolve_scenarios(basis="initial")
    out = cl.check_claims(scenarios=scenarios)
    r = _row(out, "a000-06")
    initial = figures["security_fy2025_initial"] / figures["reference_gdp"]  # 9.9/560 = 1.77%
    assert r["model_fixed_fy2022_security_related"] == pytest.approx(initial, rel=1e-9)
    assert r["verdict"] == "inconsistent"
    assert "fails on every denominator and scope checked (initial budgets)" in r["reason"]
    assert f"{(0.02 - initial) * 100:.2f} pt short" in r["reason"]


def test_bounds_by_qualifier() -> None:
    exact = cl.claim_bounds(0.02, None, "fraction")
    assert list(cl.holds(np.array([0.0196, 0.0195, 0.0194, 0.0206, np.nan]), exact)) == [
        True, True, False, False, False]
    around = cl.claim_bounds(0.02, "around", "fraction")
    assert list(cl.holds(np.array([0.0191, 0.0189]), around)) == [True, False]
    more = cl.claim_bounds(50000, "more than", "persons")
    assert list(cl.holds(np.array([50000, 50001]), more)) == [False, True]
    up_to = cl.claim_bounds(0.035, "up to", "fraction")
    assert list(cl.holds(np.array([0.03, 0.036]), up_to)) == [True, False]
    almost = cl.claim_bounds(120, "almost", "count")
    assert list(cl.holds(np.array([117, 120, 121, 132, 78]), almost)) == [
        True, True, False, False, False]  # "almost 120": at most 120, within 5% below
    at_least = cl.claim_bounds(0.02, "at least", "fraction")
    assert list(cl.holds(np.array([0.0195, 0.02, 0.05, 0.0194]), at_least)) == [
        True, True, True, False]  # lower bound 2% at one-decimal rounding


# ----------------------------------------------------------------------------------------------
# (c) dates against the reference rows
# ----------------------------------------------------------------------------------------------
def test_meeting_date_is_consistent_and_cites_source(audit: pd.DataFrame) -> None:
    for cid in ("a000-01", "a003-02", "a004-02"):
        r = _row(audit, cid)
        assert r["verdict"] == "consistent", cid
        assert "2025-10-29" in r["reason"] and "Jiji via Nippon.com" in r["reason"], r["reason"]
    assert _row(audit, "a004-11")["verdict"] == "consistent"  # speech of 24 Oct 2025
    assert "Yomiuri/Japan News" in _row(audit, "a004-11")["reason"]
    assert _row(audit, "a001-01")["verdict"] == "consistent"  # Pentagon 2026-01-15
    jjoc = _row(audit, "a002-14")  # 'last March' -> 2025-03 vs 2025-03-24
    assert jjoc["verdict"] == "consistent" and "to the month" in jjoc["reason"]


def test_a_wrong_date_is_inconsistent() -> None:
    claims = cl.read_claims()
    wrong = claims[claims["claim_id"] == "a000-01"].copy()
    wrong["value"] = "2025-10-30"
    r = cl.check_claims(claims=wrong).iloc[0]
    assert r["verdict"] == "inconsistent"
    assert "differs from the reference date 2025-10-29" in r["reason"]


# ----------------------------------------------------------------------------------------------
# (d) cross-article differences and troop counts
# ----------------------------------------------------------------------------------------------
def test_troop_counts_cross_article_and_closest_figure(audit: pd.DataFrame) -> None:
    a, b = _row(audit, "a002-17"), _row(audit, "a003-19")
    assert a["cross_article"] == b["cross_article"] == "us-troops-in-japan"
    for r in (a, b):
        assert "approximately 55,000" in r["cross_article_note"]
        assert "more than 50,000" in r["cross_article_note"]
        assert r["verdict"] == "consistent" and "57,217" in r["reason"] and "2019" in r["reason"]
    # the same official figure does not fit "approximately 50,000" (14% above)
    claims = cl.read_claims()
    changed = claims[claims["claim_id"] == "a002-17"].copy()
    changed["value"] = 50000
    assert cl.check_claims(claims=changed).iloc[0]["verdict"] == "inconsistent"


def test_other_cross_article_notes(audit: pd.DataFrame) -> None:
    docs = _row(audit, "a000-08")
    assert docs["verdict"] == "inconsistent" and "pre-2022 titles" in docs["cross_article_note"]
    fy = _row(audit, "a002-04")["cross_article_note"]
    assert "next March" in fy and "fiscal year 2025" in fy
    flagged = audit[audit["cross_article"].notna()]
    assert flagged.groupby("cross_article")["article"].nunique().min() >= 2


def test_us_request_is_judged_on_the_reference(audit: pd.DataFrame) -> None:
    partly, full = _row(audit, "a002-13"), _row(audit, "a004-25")
    assert partly["verdict"] == "depends-on-definition" and "White House" in partly["reason"]
    assert full["verdict"] == "consistent" and "Colby" in full["reason"]
    assert full["model_fiscal_year"] == 2035
    assert full["model_same_year_security_related"] == pytest.approx(0.035)


# ----------------------------------------------------------------------------------------------
# (e) model options move same-year values of future years only
# ----------------------------------------------------------------------------------------------
def test_growth_changes_same_year_future_values_only(figures: dict) -> None:
    flat = cl.check_claims(assumptions=spendcalc.make_assumptions(growth=0.0))
    fast = cl.check_claims(assumptions=spendcalc.make_assumptions(growth=0.05))
    f27, g27 = _row(flat, "a004-13"), _row(fast, "a004-13")  # 2% in FY2027 (projection)
    target = 0.02 * figures["reference_gdp"]  # 11.2 trillion JPY
    assert f27["model_fixed_fy2022_security_related"] == pytest.approx(0.02)
    assert g27["model_fixed_fy2022_security_related"] == pytest.approx(0.02)
    # zero growth after FY2025: FY2027 GDP equals FY2025 GDP
    assert f27["model_same_year_security_related"] == pytest.approx(target / figures["gdp_fy2025"], rel=1e-9)
    assert g27["model_same_year_security_related"] == pytest.approx(
        target / (figures["gdp_fy2025"] * 1.05 ** 2), rel=1e-9)
    f25, g25 = _row(flat, "a000-06"), _row(fast, "a000-06")  # FY2025 is actual data
    for col in cl.MODEL_COLUMNS:
        assert f25[col] == pytest.approx(g25[col], rel=1e-12)


def test_scenario_override_by_name_is_used() -> None:
    base = {s.name: s for s in spendcalc.builtin_scenarios()}
    lower = replace(base["original-fy2027"], target_share=0.015)
    r = _row(cl.check_claims(scenarios=[lower]), "a004-13")
    assert r["model_fixed_fy2022_security_related"] == pytest.approx(0.015)
    assert r["verdict"] == "inconsistent"




# ----------------------------------------------------------------------------------------------
# Chart markers
# ----------------------------------------------------------------------------------------------
def test_claim_markers() -> None:
    every = cl.claim_markers()
    assert list(every.columns) == ["claim_id", "article", "fiscal_year", "value", "label", "scenario"]
    assert set(every["claim_id"]) == {"a000-06", "a002-04", "a003-10", "a004-13", "a004-14"}
    assert "2% by FY2027 (004)" in set(every["label"])
    tidy = spendcalc.project(["original-fy2027"], until=2030)
    only = cl.claim_markers(tidy)
    assert list(only["claim_id"]) == ["a004-13"] and only["value"].iloc[0] == pytest.approx(0.02)
    assert cl.claim_markers(spendcalc.project(["hold-flat"], until=2030)).empty


# ----------------------------------------------------------------------------------------------
# CLI
# ----------------------------------------------------------------------------------------------
def test_cli_csv_lists_every_claim(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["claims", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:8] == HEAD
    assert len(rows) == 1 + 109
    verdicts = {r[rows[0].index("verdict")] for r in rows[1:]}
    assert verdicts <= set(cl.VERDICTS) and "depends-on-definition" in verdicts


def test_cli_filters_and_table(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["claims", "--format", "table", "--article", "002",
                     "--verdict", "consistent"]) == 0
    out = capsys.readouterr().out
    assert "002_bd14a4dec13efcc6.txt" in out and "000_cd9be613e2ab0eaa.txt" not in out
    assert "! cross-article (us-troops-in-japan)" in out
    assert "depends-on-definition 0" in out


def test_cli_bad_options_exit_2(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["claims", "--format", "xml"]) == 2
    assert "--format" in capsys.readouterr().err
    assert cli.main(["claims", "--growth", "abc"]) == 2  # refused while parsing the flags
    assert "--growth" in capsys.readouterr().err
    assert cli.main(["claims", "--article", "999"]) == 2
    err = capsys.readouterr().err
    assert "article" in err and err.count("\n") == 1


def test_other_scope_is_not_reported_for_projected_years() -> None:
    """Re-targeting a scenario on the MOD budget meets the target by construction: no value."""
    out = cl.check_claims()
    r = _row(out, "a004-13")  # "2% ... by FY2027": a projected year of original-fy2027
    assert r["model_fixed_fy2022_security_related"] == pytest.approx(0.02, rel=1e-9)
    assert pd.isna(r["model_fixed_fy2022_mod_budget"]) and pd.isna(r["model_same_year_mod_budget"])
    assert "MOD budget" not in r["reason"]
    r = _row(out, "a000-06")  # FY2025: the MOD budget is data there, so it is shown
    assert not pd.isna(r["model_fixed_fy2022_mod_budget"])
