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
import re
from dataclasses import replace
from pathlib import Path

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
    return spendcalc.check_claims()


def _row(df: pd.DataFrame, claim_id: str) -> pd.Series:
    sel = df[df["claim_id"] == claim_id]
    assert len(sel) == 1, claim_id
    return sel.iloc[0]


# ----------------------------------------------------------------------------------------------
# Coverage: every claim, every article, a verdict and a one-line reason
# ----------------------------------------------------------------------------------------------
def test_every_claim_has_a_verdict_and_one_line_reason(audit: pd.DataFrame) -> None:
    claims = spendcalc.read_claims()
    assert len(audit) == len(claims) == 109
    assert list(audit["claim_id"]) == list(claims["claim_id"])
    assert list(audit.columns[:8]) == HEAD
    assert list(audit.columns[-3:]) == ["claim_type", "plan_check", "reference_period"]
    assert set(audit["verdict"]) <= set(cl.VERDICTS)
    assert set(audit["claim_type"]) == set(cl.CLAIM_TYPES)
    for r in audit.itertuples():
        assert isinstance(r.reason, str) and r.reason.strip(), r.claim_id
        assert "\n" not in r.reason, r.claim_id
        # the reason opens with its own verdict's lead, never another's
        assert r.reason.startswith(cl.REASON_LEADS[r.verdict] + ": "), (r.claim_id, r.reason)
    # traceable: quote and article are the claim's own
    merged = audit.merge(claims, on="claim_id", suffixes=("", "_data"))
    assert (merged["quote"] == merged["quote_data"]).all()
    assert (merged["article"] == merged["article_data"]).all()


def test_every_article_contributes_claims(audit: pd.DataFrame) -> None:
    files = set(spendcalc.data.read_articles_index()["file"])
    assert len(files) == 5
    counts = audit["article"].value_counts()
    assert set(counts.index) == files
    assert (counts >= 1).all()


def test_reasons_citing_a_reference_name_its_source(audit: pd.DataFrame) -> None:
    cited = audit[audit["reference_source"].notna() & (audit["verdict"] != "not-modelled")]
    assert len(cited) > 20
    for r in cited.itertuples():
        short = cl.short_title(r.reference_source)
        assert short in r.reason, (r.claim_id, short, r.reason)


# ----------------------------------------------------------------------------------------------
# (a) "2% by FY2025": a pledge, judged on the announcement; the plan check depends on definition
# ----------------------------------------------------------------------------------------------
def _evidence(reason: str) -> str:
    """The part of a reason that supports the verdict (before a pledge's separate plan check)."""
    return reason.split(cl.PLAN_SEPARATOR)[0]


def test_two_percent_fy2025_pledges_are_judged_as_pledges(audit: pd.DataFrame, figures: dict) -> None:
    fixed = figures["security_fy2025_with_supp"] / figures["reference_gdp"]
    same = figures["security_fy2025_with_supp"] / figures["gdp_fy2025"]
    mod_fixed = (figures["mod_fy2025_initial"] + figures["mod_fy2025_supp"]) / figures["reference_gdp"]
    assert fixed == pytest.approx(11 / 560) and same == pytest.approx(11 / 672.6695)
    two_pct = audit[(audit["model_scenario"] == "accelerated-fy2025") & (audit["fiscal_year"] == 2025)]
    assert set(two_pct["claim_id"]) == {"a000-06", "a002-04", "a003-10", "a004-14"}
    for r in two_pct.itertuples():
        # the pledge was made as stated (Jiji / Yomiuri report the announcement) ...
        assert r.claim_type == "pledge" and r.verdict == "consistent", r.claim_id
        assert "the pledge was made as stated" in _evidence(r.reason)
        assert "%" not in _evidence(r.reason).split("(judged on the announcement")[0]
        # ... and, separately, the model says whether the level was met, definition by definition
        assert r.model_fixed_fy2022_security_related == pytest.approx(fixed, rel=1e-9)
        assert r.model_same_year_security_related == pytest.approx(same, rel=1e-9)
        assert r.model_fixed_fy2022_mod_budget == pytest.approx(mod_fixed, rel=1e-9)
        assert r.plan_check.startswith("met: FY2025 actual is 1.96% on the pledge's own "  # 11/560
                                       "definition (security-related on the fixed FY2022 GDP")
        assert "holds for security-related on the fixed FY2022 GDP 1.96%" in r.plan_check
        assert "0.36 pt short" in r.plan_check  # 2% - 11/672.6695 = 0.365 pt
        assert r.reason.endswith(cl.PLAN_SEPARATOR + r.plan_check)


def test_claim_without_year_is_checked_in_the_scenario_target_year(audit: pd.DataFrame) -> None:
    r = _row(audit, "a003-18")  # "pledged ... around two percent", no year printed
    assert pd.isna(r["fiscal_year"]) and r["model_fiscal_year"] == 2025
    assert r["verdict"] == "consistent" and r["claim_type"] == "pledge"
    assert "prints no year" in r["plan_check"] and "±5%" in r["plan_check"]
    assert "Yomiuri/Japan News" in _evidence(r["reason"])  # the speech that made the pledge


def test_every_pledge_is_judged_on_its_announcement(audit: pd.DataFrame) -> None:
    """A pledge's verdict follows the announcement check alone; the model only fills plan_check."""
    expected = {"matches": "consistent", "partly-supported": "partly-supported",
                "differs": "inconsistent"}
    pledges = audit[(audit["claim_type"] == "pledge") & (audit["unit"] == "fraction")]
    assert len(pledges) == 6
    for r in pledges.itertuples():
        assert r.verdict == expected[r.reference_check], r.claim_id
        assert r.plan_check.split(":")[0] in ("met", "not met", "projected", "projected not met")
    assert set(audit.loc[audit["claim_type"] != "pledge", "plan_check"].dropna()) == set()


# ----------------------------------------------------------------------------------------------
# (b) where the claim fails; initial budgets; facts on a share of GDP
# ----------------------------------------------------------------------------------------------
def test_reason_says_where_the_claim_fails(audit: pd.DataFrame, figures: dict) -> None:
    r = _row(audit, "a000-06")
    same = figures["security_fy2025_with_supp"] / figures["gdp_fy2025"]
    assert same == pytest.approx(11 / 672.6695)
    assert "not for security-related on same-year FY2025 GDP 1.64%" in r["plan_check"]  # 1.635%


def test_initial_budgets_leave_the_pledge_made_but_not_met(figures: dict) -> None:
    scenarios = spendcalc.resolve_scenarios(basis="initial")
    out = spendcalc.check_claims(scenarios=scenarios)
    r = _row(out, "a000-06")
    initial = figures["security_fy2025_initial"] / figures["reference_gdp"]  # 9.9/560 = 1.77%
    assert r["model_fixed_fy2022_security_related"] == pytest.approx(initial, rel=1e-9)
    # "2% not reached" never makes the pledge wrong: it was made as stated
    assert r["verdict"] == "consistent"
    assert r["plan_check"].startswith("not met: FY2025 actual is 1.77%")  # 9.9/560 = 1.768%
    assert "initial budgets" in r["plan_check"]
    assert "0.23 pt short" in r["plan_check"]  # 2% - 1.768% = 0.232 pt


def _as_fact(claim_id: str, **changes: object) -> pd.DataFrame:
    """A claim turned into a statement of fact ('Japan spends X% in FY...'), not a pledge."""
    claims = spendcalc.read_claims()
    one = claims[claims["claim_id"] == claim_id].copy()
    one["kind"] = "budget-figure"
    for key, value in changes.items():
        one[key] = value
    return one


def test_share_facts_are_judged_on_every_definition(figures: dict) -> None:
    """A stated share (not a pledge) depends on definition; the reason names the one that gives it."""
    r = spendcalc.check_claims(claims=_as_fact("a000-06")).iloc[0]
    assert r["claim_type"] == "fact" and r["verdict"] == "depends-on-definition"
    assert "holds for security-related on the fixed FY2022 GDP 1.96%" in r["reason"]
    assert "not for security-related on same-year FY2025 GDP" in r["reason"]
    initial = spendcalc.check_claims(claims=_as_fact("a000-06"),
                              scenarios=spendcalc.resolve_scenarios(basis="initial")).iloc[0]
    assert initial["verdict"] == "inconsistent"
    assert "fails on every denominator and scope checked (initial budgets)" in initial["reason"]
    same = figures["security_fy2025_with_supp"] / figures["gdp_fy2025"]
    low = spendcalc.check_claims(claims=_as_fact("a000-06", value=round(same, 4))).iloc[0]
    assert low["verdict"] == "depends-on-definition"  # 1.64% holds on same-year GDP only
    assert "holds for security-related on same-year FY2025 GDP 1.64%" in low["reason"]  # 11/672.6695


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
    claims = spendcalc.read_claims()
    wrong = claims[claims["claim_id"] == "a000-01"].copy()
    wrong["value"] = "2025-10-30"
    r = spendcalc.check_claims(claims=wrong).iloc[0]
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
        # a 2019 count for a 2025 statement supports it only in part
        assert r["verdict"] == "partly-supported" and "57,217" in r["reason"], r["reason"]
        assert r["reference_period"] == "2019"
        assert "2019 is 6 years before the claim (2025)" in r["reason"]
    claims = spendcalc.read_claims()
    # an old figure that does not fit refutes nothing: not checked
    changed = claims[claims["claim_id"] == "a002-17"].copy()
    changed["value"] = 50000  # 57,217 is 14% above 'approximately 50,000'
    r = spendcalc.check_claims(claims=changed).iloc[0]
    assert r["verdict"] == "not-modelled" and "does not fit 57,217" in r["reason"]
    # the same figures dated for the claim's time decide it
    current = changed.assign(event_date="2019-09-30")
    assert spendcalc.check_claims(claims=current).iloc[0]["verdict"] == "inconsistent"
    current = claims[claims["claim_id"] == "a002-17"].assign(event_date="2019-09-30")
    assert spendcalc.check_claims(claims=current).iloc[0]["verdict"] == "consistent"


def test_bases_count_names_both_definitions(audit: pd.DataFrame) -> None:
    r = _row(audit, "a002-18")  # "almost 120 bases": 78 exclusive-use (2020) vs 132 (undated)
    assert r["verdict"] == "not-modelled"
    assert "does not fit 78 facilities (us_exclusive_use_facilities" in r["reason"]
    assert "does not fit 132 facilities (us_facilities_incl_shared" in r["reason"]
    # a claim dated with the 2020 count is decided by it; the undated 132 is not used
    claims = spendcalc.read_claims()
    one = claims[claims["claim_id"] == "a002-18"].copy()
    one["event_date"], one["qualifier"], one["value"] = "2020-01-31", None, 78
    r = spendcalc.check_claims(claims=one).iloc[0]
    assert r["verdict"] == "consistent" and "fits 78 facilities" in r["reason"]
    assert "older figures not used: 132 facilities" in r["reason"]
    one["value"] = 120
    assert spendcalc.check_claims(claims=one).iloc[0]["verdict"] == "inconsistent"


def test_other_cross_article_notes(audit: pd.DataFrame) -> None:
    docs = _row(audit, "a000-08")
    assert docs["verdict"] == "inconsistent" and "pre-2022 titles" in docs["cross_article_note"]
    fy = _row(audit, "a002-04")["cross_article_note"]
    assert "next March" in fy and "fiscal year 2025" in fy
    flagged = audit[audit["cross_article"].notna()]
    assert flagged.groupby("cross_article")["article"].nunique().min() >= 2


def test_us_request_is_judged_on_the_reference(audit: pd.DataFrame) -> None:
    white_house, united_states = _row(audit, "a002-13"), _row(audit, "a004-25")
    for r in (white_house, united_states):
        assert r["claim_type"] == "request" and r["verdict"] == "partly-supported"
        assert "Colby" in r["reason"] and pd.isna(r["plan_check"])
    assert "White House" in white_house["reason"]
    assert united_states["model_fiscal_year"] == 2035
    assert united_states["model_same_year_security_related"] == pytest.approx(0.035)


def test_identical_claims_get_one_verdict(audit: pd.DataFrame) -> None:
    """Same subject, kind, value, unit and year in several articles: one fact, one verdict."""
    claims = spendcalc.read_claims()
    groups: dict[tuple, set[str]] = {}
    for c in claims.itertuples(index=False):
        scenario = c.maps_to.get("scenario") if isinstance(c.maps_to, dict) else None
        subject = c.cross_article or scenario
        if c.value is None or subject is None:
            continue
        fy = None if pd.isna(c.fiscal_year) else int(c.fiscal_year)
        groups.setdefault((subject, c.kind, str(c.value), c.unit, fy), set()).add(c.claim_id)
    shared = {k: ids for k, ids in groups.items() if len(ids) > 1}
    assert {"a002-13", "a004-25"} in shared.values()  # the reported 3.5% request
    assert {"a000-06", "a002-04", "a003-10", "a004-14"} in shared.values()
    verdicts = audit.set_index("claim_id")["verdict"]
    for key, ids in shared.items():
        assert verdicts[sorted(ids)].nunique() == 1, (key, verdicts[sorted(ids)].to_dict())


def test_disagreeing_identical_claims_get_the_least_support() -> None:
    claims = spendcalc.read_claims()
    pair = claims[claims["claim_id"].isin(["a002-13", "a004-25"])].copy()
    pair.loc[pair["claim_id"] == "a004-25", "reference_check"] = "matches"
    out = spendcalc.check_claims(claims=pair).set_index("claim_id")
    assert set(out["verdict"]) == {"partly-supported"}
    assert "the same claim as a002-13" in out.loc["a004-25", "reason"]
    assert "the request is confirmed as stated" in out.loc["a004-25", "reason"]
    alone = spendcalc.check_claims(claims=pair[pair["claim_id"] == "a004-25"]).iloc[0]
    assert alone["verdict"] == "consistent"  # judged alone, its own check would decide


def test_verdict_never_contradicts_its_reference_check(audit: pd.DataFrame) -> None:
    merged = audit.merge(spendcalc.read_claims()[["claim_id", "reference"]], on="claim_id")
    checked = 0
    for r in merged.itertuples():
        evidence = _evidence(r.reason)
        if r.reference_check == "matches":
            assert r.verdict in cl.SUPPORTING, r.claim_id
        elif r.reference_check in ("partly-supported", "not-verified", "differs"):
            assert r.verdict != "consistent", r.claim_id
        if r.reference_check in ("not-verified", "differs"):
            assert r.verdict not in cl.SUPPORTING, r.claim_id
        if not r.reference:
            assert r.verdict == "not-modelled", r.claim_id
        if r.verdict not in cl.SUPPORTING:
            assert "matches" not in evidence and "confirms it" not in evidence, r.claim_id
        if r.verdict == "consistent":
            for word in ("differs", "does not fit", "not current", "partly", "not verified"):
                assert word not in evidence, (r.claim_id, word)
        if r.verdict == "depends-on-definition":
            assert "holds for " in evidence and "not for " in evidence, r.claim_id
        checked += r.reference_check is not None
    assert checked >= 40


def test_old_references_never_fully_support_a_present_claim(audit: pd.DataFrame) -> None:
    """A figure for a state of things dated more than a year before the claim (or undated)."""
    dates = dict(zip(spendcalc.data.read_articles_index()["file"], spendcalc.data.read_articles_index()["date"], strict=True))
    claims = spendcalc.read_claims().set_index("claim_id")
    verdicts = audit.set_index("claim_id")["verdict"]
    old = []
    for cid, c in claims.iterrows():
        official = [r for r in c["reference"] if not r["series"].startswith("claim_")]
        if c["kind"] not in ("force-posture", "geography", "budget-figure") or not official:
            continue
        claim_year = int(str(c["event_date"] or dates[c["article"]])[:4])
        years = [max(map(int, y)) if (y := re.findall(r"\d{4}", str(r["fiscal_year"]))) else None
                 for r in official]
        if all(y is None or claim_year - y > 1 for y in years):
            old.append(cid)
            assert verdicts[cid] != "consistent", cid
    assert set(old) >= {"a002-17", "a003-19", "a002-20", "a002-18"}


def test_rubric_in_data_readme_lists_the_vocabulary() -> None:
    text = (Path(spendcalc.data.DATA_DIR) / "README.md").read_text(encoding="utf-8")
    section = text.split("## Claim verdicts: the rubric", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| `([a-z ]+):` \|", section, flags=re.MULTILINE)
    assert sorted(v for v, _ in rows) == sorted(cl.VERDICTS)
    assert dict(rows) == dict(cl.REASON_LEADS)
    doc = cl.__doc__
    for verdict in cl.VERDICTS:
        assert f"``{verdict}``" in doc, verdict


# ----------------------------------------------------------------------------------------------
# (e) model options move same-year values of future years only
# ----------------------------------------------------------------------------------------------
def test_growth_changes_same_year_future_values_only(figures: dict) -> None:
    flat = spendcalc.check_claims(assumptions=spendcalc.make_assumptions(growth=0.0))
    fast = spendcalc.check_claims(assumptions=spendcalc.make_assumptions(growth=0.05))
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
    r = _row(spendcalc.check_claims(scenarios=[lower]), "a004-13")
    assert r["model_fixed_fy2022_security_related"] == pytest.approx(0.015)
    assert r["verdict"] == "consistent"  # the FY2027 target was set as stated ...
    assert r["plan_check"].startswith("projected not met")  # ... this path falls short of it
    assert "0.50 pt short of 2%" in r["plan_check"]
    default = _row(spendcalc.check_claims(), "a004-13")
    assert default["plan_check"].startswith("projected: FY2027 is a projection")




# ----------------------------------------------------------------------------------------------
# Chart markers
# ----------------------------------------------------------------------------------------------
def test_claim_markers() -> None:
    every = spendcalc.claim_markers()
    assert list(every.columns) == ["claim_id", "article", "fiscal_year", "value", "label", "scenario"]
    assert set(every["claim_id"]) == {"a000-06", "a002-04", "a003-10", "a004-13", "a004-14",
                                      "a002-13", "a004-25"}
    assert "2% by FY2027 (004)" in set(every["label"])
    levels = every[every["fiscal_year"].isna()]  # the 3.5% request names no year: a level
    assert set(levels["claim_id"]) == {"a002-13", "a004-25"}
    assert np.allclose(levels["value"].to_numpy(dtype=float), 0.035)
    assert all("no year" in lbl and "FY" not in lbl for lbl in levels["label"])
    tidy = spendcalc.project(["original-fy2027"], until=2030)
    only = spendcalc.claim_markers(tidy)
    assert list(only["claim_id"]) == ["a004-13"] and only["value"].iloc[0] == pytest.approx(0.02)
    assert spendcalc.claim_markers(spendcalc.project(["hold-flat"], until=2030)).empty


def test_share_chart_draws_the_request_as_a_level() -> None:
    """Read the drawn artists back: a horizontal line across the axes, no point at any year."""
    from spendcalc import charts

    tidy = spendcalc.project()
    markers = spendcalc.claim_markers(tidy)
    ax = charts.plot_share(tidy, claims=markers)
    gids = [ln.get_gid() or "" for ln in ax.lines]
    assert not any(g in ("claim:a002-13", "claim:a004-25") for g in gids)  # no invented year
    (level,) = [ln for ln in ax.lines if (ln.get_gid() or "") == "claim-level:a002-13,a004-25"]
    assert list(level.get_ydata()) == pytest.approx([0.035, 0.035])
    ax.set_xlim(2010, 2050)  # it spans the axes whatever the years shown
    ends = level.get_transform().transform(np.column_stack([level.get_xdata(), level.get_ydata()]))
    assert ends[0][0] == pytest.approx(ax.bbox.x0) and ends[1][0] == pytest.approx(ax.bbox.x1)
    assert ends[0][1] == pytest.approx(ax.transData.transform((2030, 0.035))[1])
    (edge,) = [ln for ln in ax.lines if (ln.get_gid() or "") == "claim-level-marker:a002-13,a004-25"]
    x_disp = edge.get_transform().transform((edge.get_xdata()[0], edge.get_ydata()[0]))[0]
    assert x_disp == pytest.approx(ax.bbox.x1)  # the marker sits at the right edge
    labels = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("claim-level-label:")]
    assert labels == ["3.5% request, no year named (002, 004)"]
    # the dated pledges are still points at their fiscal year
    point = [ln for ln in ax.lines if ln.get_gid() == "claim:a004-13"]
    assert len(point) == 1 and point[0].get_xdata()[0] == 2027
    # without the 3.5% pathway, no level is drawn
    flat = spendcalc.project(["original-fy2027"], until=2030)
    ax2 = charts.plot_share(flat, claims=spendcalc.claim_markers(flat))
    assert not [ln for ln in ax2.lines if (ln.get_gid() or "").startswith("claim-level")]


# ----------------------------------------------------------------------------------------------
# CLI
# ----------------------------------------------------------------------------------------------
def test_cli_csv_lists_every_claim(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["claims", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:8] == HEAD
    assert len(rows) == 1 + 109
    assert rows[0][-3:] == ["claim_type", "plan_check", "reference_period"]
    verdicts = {r[rows[0].index("verdict")] for r in rows[1:]}
    assert verdicts <= set(cl.VERDICTS) and "partly-supported" in verdicts


def test_cli_filters_and_table(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["claims", "--format", "table", "--article", "002",
                     "--verdict", "consistent"]) == 0
    out = capsys.readouterr().out
    assert "002_bd14a4dec13efcc6.txt" in out and "000_cd9be613e2ab0eaa.txt" not in out
    assert "! cross-article (summit-2025-10-28)" in out
    assert "! cross-article (us-troops-in-japan)" not in out  # partly supported, filtered out
    assert "depends-on-definition 0" in out and "partly-supported 0" in out


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
    out = spendcalc.check_claims()
    r = _row(out, "a004-13")  # "2% ... by FY2027": a projected year of original-fy2027
    assert r["model_fixed_fy2022_security_related"] == pytest.approx(0.02, rel=1e-9)
    assert pd.isna(r["model_fixed_fy2022_mod_budget"]) and pd.isna(r["model_same_year_mod_budget"])
    assert "MOD budget" not in r["reason"]
    r = _row(out, "a000-06")  # FY2025: the MOD budget is data there, so it is shown
    assert not pd.isna(r["model_fixed_fy2022_mod_budget"])


def test_check_claims_takes_its_data_as_arguments() -> None:
    """The pure check judges the rows it is given: no file is read behind the caller's back."""
    claims = spendcalc.read_claims()
    refs = spendcalc.data.read_reference_rows()
    articles = spendcalc.data.read_articles_index()
    history = spendcalc.load_history()
    scenarios = spendcalc.builtin_scenarios()
    a = spendcalc.default_assumptions()
    direct = cl.check_claims(claims, refs, history, scenarios, assumptions=a, articles=articles)
    pd.testing.assert_frame_equal(direct, spendcalc.check_claims())
    # a claim whose scenario is not given is not modelled; its reference row decides alone
    share = claims[claims["maps_to"].map(lambda m: isinstance(m, dict) and m.get("scenario") == "accelerated-fy2025"
                                         and m.get("measure") == "share_of_gdp")]
    assert len(share), "the bundled claims map a share of GDP to accelerated-fy2025"
    without = [s for s in scenarios if s.name != "accelerated-fy2025"]
    out = cl.check_claims(share, refs, history, without, assumptions=a, articles=articles)
    assert out["model_scenario"].isna().all() and out["model_fixed_fy2022_security_related"].isna().all()


@pytest.mark.parametrize(("title", "short"), [
    ("Defense Buildup Program, Ministry of Defense (2022-12-16)", "Defense Buildup Program (2022-12-16)"),
    ("Budget (draft, FY2026), Ministry of Finance", "Budget (draft, FY2026)"),
    ("One title without a comma", "One title without a comma"),
    ("Report (2025-01-17), annex", "Report (2025-01-17)"),
])
def test_short_title_cuts_at_the_first_top_level_comma(title: str, short: str) -> None:
    assert cl.short_title(title) == short
