"""Regenerate the bundled tables in ``data/`` from the sourced reference snapshot.

Run from the repository root::

    python scripts/build_data.py [--reference path/to/japan_defense_figures.csv]

The snapshot ``data/raw/japan_defense_figures.csv`` holds one row per figure, each with its
source title, address and quote; new figures are appended to it (see data/UPDATING.md). Every
other ``data/raw/*.csv`` with the same columns is read too, in name order. With
``--reference``, the snapshot is first replaced by that file. This script selects rows, gives
them canonical series names (``SERIES_MAP``), marks the default where sources disagree
(``DEFAULTS``), and writes one CSV per table plus a ``.meta.yaml`` sidecar with its SHA-256.
No value is changed here: every value in data/*.csv is a value of the snapshot. The one
computation is a check (``check_fiscal_year_averages``): each fiscal-year exchange-rate average
of the snapshot must equal the mean of its twelve monthly rows (April-March), or the build stops.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw" / "japan_defense_figures.csv"
RAW_DIR = RAW.parent  # every data/raw/*.csv is a snapshot file with the same columns (RAW first)


def raw_files() -> list[Path]:
    """Every raw snapshot file, in name order: the reference snapshot and its sourced additions."""
    return sorted((ROOT / "data" / "raw").glob("*.csv"))

# reference series -> (table, canonical series, extra columns)
SERIES_MAP: dict[str, tuple[str, str, dict[str, str]]] = {
    # --- defense budgets (MOD) ---
    "mod_defense_related_initial_incl": ("defense_budget", "mod_budget_initial", {"scope": "mod-budget", "stage": "initial"}),
    "mod_defense_related_initial_excl": ("defense_budget", "mod_budget_dbp_covered_initial", {"scope": "mod-budget-excl-saco", "stage": "initial"}),
    "mod_saco_initial": ("defense_budget", "mod_saco_initial", {"scope": "component", "stage": "initial"}),
    "mod_realignment_local_burden_initial": ("defense_budget", "mod_realignment_local_burden_initial", {"scope": "component", "stage": "initial"}),
    "mod_saco_plus_realignment_initial": ("defense_budget", "mod_saco_plus_realignment_initial", {"scope": "component", "stage": "initial"}),
    "mod_new_gov_aircraft_initial": ("defense_budget", "mod_new_gov_aircraft_initial", {"scope": "component", "stage": "initial"}),
    "mod_disaster_resilience_initial": ("defense_budget", "mod_disaster_resilience_initial", {"scope": "component", "stage": "initial"}),
    "mod_defense_related_initial_incl_mod_only": ("defense_budget", "mod_budget_initial_mod_only", {"scope": "mod-budget-mod-only", "stage": "initial"}),
    "mod_supplementary": ("defense_budget", "mod_supplementary", {"scope": "mod-budget", "stage": "supplementary"}),
    "mod_supplementary_1st": ("defense_budget", "mod_supplementary", {"scope": "mod-budget", "stage": "supplementary-1st"}),
    "mod_supplementary_2nd": ("defense_budget", "mod_supplementary", {"scope": "mod-budget", "stage": "supplementary-2nd"}),
    "mod_supplementary_3rd": ("defense_budget", "mod_supplementary", {"scope": "mod-budget", "stage": "supplementary-3rd"}),
    "mod_budget_request": ("defense_budget", "mod_budget_request", {"scope": "mod-budget", "stage": "request"}),
    # --- security-related expenditures (the 2% framework) ---
    "security_related_total": ("defense_budget", "security_related_initial", {"scope": "security-related", "stage": "initial"}),
    "security_related_supplementary": ("defense_budget", "security_related_supplementary", {"scope": "security-related", "stage": "supplementary"}),
    "security_related_total_incl_supp": ("defense_budget", "security_related_with_supplementary", {"scope": "security-related", "stage": "initial+supplementary"}),
    # decided-year figures derived from published ones (status in `kind`; derivation in `definition`)
    "mod_defense_related_initial_incl_enacted": ("defense_budget", "mod_budget_initial", {"scope": "mod-budget", "stage": "initial", "kind": "actual"}),
    "security_related_total_estimate": ("defense_budget", "security_related_initial", {"scope": "security-related", "stage": "initial", "kind": "estimate"}),
    "security_related_total_incl_supp_estimate": ("defense_budget", "security_related_with_supplementary", {"scope": "security-related", "stage": "initial+supplementary", "kind": "estimate"}),
    "mod_budget_with_supplementary_estimate": ("defense_budget", "mod_budget_with_supplementary", {"scope": "mod-budget", "stage": "initial+supplementary", "kind": "estimate"}),
    "mod_budget_request_reported_nhk": ("defense_budget", "mod_budget_request", {"scope": "mod-budget", "stage": "request"}),
    "mod_budget_request_reported_yomiuri": ("defense_budget", "mod_budget_request", {"scope": "mod-budget", "stage": "request"}),
    "mod_jurisdiction_initial": ("defense_budget", "mod_budget_initial_mod_only", {"scope": "mod-budget-mod-only", "stage": "initial"}),
    "mod_jurisdiction_after_supp": ("defense_budget", "mod_budget_mod_only_with_supplementary", {"scope": "mod-budget-mod-only", "stage": "initial+supplementary"}),
    "mod_jurisdiction_supplementary": ("defense_budget", "mod_supplementary_mod_only", {"scope": "mod-budget-mod-only", "stage": "supplementary"}),
    "related_jcg_initial": ("defense_budget", "related_jcg_initial", {"scope": "component", "stage": "initial"}),
    "related_jcg_supplementary": ("defense_budget", "related_jcg_supplementary", {"scope": "component", "stage": "supplementary"}),
    "related_osa_initial": ("defense_budget", "related_osa_initial", {"scope": "component", "stage": "initial"}),
    "related_rd_important_tech_matching_initial": ("defense_budget", "related_rd_important_tech_matching_initial", {"scope": "component", "stage": "initial"}),
    "related_expenditures_total": ("defense_budget", "security_related_complementary_initial", {"scope": "component", "stage": "initial"}),
    "dbp_part_of_security_related": ("defense_budget", "security_related_dbp_part_initial", {"scope": "component", "stage": "initial"}),
    # --- the 2% framework: targets, composition, Defense Buildup Program, reported ratios ---
    "two_pct_target": ("framework", "two_pct_target_share", {}),
    "two_pct_denominator_gdp_fy2022": ("framework", "two_pct_reference_gdp", {}),
    "two_pct_denominator_gdp_fy2022_reported": ("framework", "two_pct_reference_gdp_reported", {}),
    "two_pct_target_amount": ("framework", "two_pct_target_amount", {}),
    "dbp_expenditure_target": ("framework", "target_fy2027_dbp_covered", {}),
    "complementary_saco_realignment_target": ("framework", "target_fy2027_saco_realignment", {}),
    "complementary_other_ministries_target": ("framework", "target_fy2027_other_ministries", {}),
    "complementary_four_areas_target": ("framework", "target_fy2027_four_areas", {}),
    "dbp_total_level": ("framework", "dbp_total_level", {}),
    "dbp_annual_budgets_sum": ("framework", "dbp_annual_budgets_sum", {}),
    "dbp_facility_acceleration": ("framework", "dbp_facility_acceleration", {}),
    "dbp_settlement_surplus": ("framework", "dbp_settlement_surplus", {}),
    "dbp_new_contracts_total": ("framework", "dbp_new_contracts_total", {}),
    "security_related_pct_gdp_fy2022base": ("framework", "security_related_share_fixed_fy2022_reported", {}),
    "security_related_pct_gdp_sameyear": ("framework", "security_related_share_same_year_reported", {}),
    "defense_pct_gdp_initial_reported": ("framework", "mod_budget_share_reported", {}),
    "us_request_pct_gdp": ("framework", "us_request_share", {}),
    "us_request_pct_gdp_earlier": ("framework", "us_request_share_earlier", {}),
    "us_nds_allies_pct_gdp": ("framework", "us_nds_allies_share", {}),
    "nato_hague_total_pct_gdp": ("framework", "nato_hague_total_share", {}),
    "nato_hague_core_pct_gdp": ("framework", "nato_hague_core_share", {}),
    "nato_hague_related_pct_gdp": ("framework", "nato_hague_related_share", {}),
    "nato_2014_guideline_pct_gdp": ("framework", "nato_2014_guideline_share", {}),
    # --- nominal GDP by fiscal year: actuals (vintages), outlooks, projections ---
    "nominal_gdp_fy_esri_vintage_2026q2": ("gdp", "nominal_gdp", {"vintage": "esri-2026q2", "kind": "actual"}),
    "nominal_gdp_fy_esri_vintage_2026q1": ("gdp", "nominal_gdp", {"vintage": "esri-2026q1", "kind": "actual"}),
    "nominal_gdp_fy_esri_vintage_2025q1": ("gdp", "nominal_gdp", {"vintage": "esri-2025q1", "kind": "actual"}),
    "nominal_gdp_fy_esri_vintage_2023q1": ("gdp", "nominal_gdp", {"vintage": "esri-2023q1", "kind": "actual"}),
    "nominal_gdp_fy_reported": ("gdp", "nominal_gdp", {"vintage": "reported", "kind": "actual"}),
    "real_gdp_fy_esri_vintage_2026q2": ("gdp", "real_gdp", {"vintage": "esri-2026q2", "kind": "actual"}),
    "real_gdp_fy_esri_vintage_2025q1": ("gdp", "real_gdp", {"vintage": "esri-2025q1", "kind": "actual"}),
    "gdp_deflator_fy_esri_vintage_2026q2": ("gdp", "gdp_deflator", {"vintage": "esri-2026q2", "kind": "derived"}),
    "gdp_deflator_fy_esri_vintage_2025q1": ("gdp", "gdp_deflator", {"vintage": "esri-2025q1", "kind": "derived"}),
    "nominal_gdp_fy_gov_outlook": ("gdp", "nominal_gdp", {"vintage": "gov-outlook", "kind": "outlook"}),
    "nominal_gdp_growth_gov_outlook": ("gdp", "nominal_gdp_growth", {"vintage": "gov-outlook", "kind": "outlook"}),
    "real_gdp_growth_gov_outlook": ("gdp", "real_gdp_growth", {"vintage": "gov-outlook", "kind": "outlook"}),
    "nominal_gdp_growth_gov_midyear": ("gdp", "nominal_gdp_growth", {"vintage": "gov-midyear", "kind": "outlook"}),
    "cao_projection_past_projection_nominal_gdp": ("gdp", "nominal_gdp", {"vintage": "cao-2025jan-past-projection", "kind": "projection"}),
    "cao_projection_past_projection_nominal_growth": ("gdp", "nominal_gdp_growth", {"vintage": "cao-2025jan-past-projection", "kind": "projection"}),
    "cao_projection_2026jan_past_projection_nominal_gdp": ("gdp", "nominal_gdp", {"vintage": "cao-2026jan-past-projection", "kind": "projection"}),
    "cao_projection_2026jan_past_projection_nominal_growth": ("gdp", "nominal_gdp_growth", {"vintage": "cao-2026jan-past-projection", "kind": "projection"}),
    "cao_projection_2026jan_growth_transition_nominal_gdp": ("gdp", "nominal_gdp", {"vintage": "cao-2026jan-growth-transition", "kind": "projection"}),
    "cao_projection_2026jan_growth_transition_nominal_growth": ("gdp", "nominal_gdp_growth", {"vintage": "cao-2026jan-growth-transition", "kind": "projection"}),
    "cao_projection_2026jan_high_growth_nominal_gdp": ("gdp", "nominal_gdp", {"vintage": "cao-2026jan-high-growth", "kind": "projection"}),
    "cao_projection_2026jan_high_growth_nominal_growth": ("gdp", "nominal_gdp_growth", {"vintage": "cao-2026jan-high-growth", "kind": "projection"}),
    "cao_projection_2026jan_past_projection_nominal_growth_longrun": ("gdp", "nominal_gdp_growth_longrun", {"vintage": "cao-2026jan-past-projection", "kind": "projection"}),
    "cao_projection_2026jan_growth_transition_nominal_growth_longrun": ("gdp", "nominal_gdp_growth_longrun", {"vintage": "cao-2026jan-growth-transition", "kind": "projection"}),
    # --- exchange rates ---
    "jpy_per_usd_annual_avg_fed": ("fx", "jpy_per_usd_annual_avg", {"basis": "calendar-year", "kind": "actual"}),
    "jpy_per_usd_annual_avg_imf": ("fx", "jpy_per_usd_annual_avg_imf", {"basis": "calendar-year", "kind": "actual"}),
    "jpy_per_usd_gov_outlook_assumption": ("fx", "jpy_per_usd_gov_outlook", {"basis": "fiscal-year", "kind": "assumption"}),
    "jpy_per_usd_gov_outlook_assumption_midyear": ("fx", "jpy_per_usd_gov_midyear", {"basis": "fiscal-year", "kind": "assumption"}),
    "jpy_per_usd_monthly_avg_boj": ("fx", "jpy_per_usd_monthly_avg", {"basis": "month", "kind": "actual"}),
    "jpy_per_usd_monthly_avg_fed": ("fx", "jpy_per_usd_monthly_avg_fed", {"basis": "month", "kind": "actual"}),
    "jpy_per_usd_fy_avg": ("fx", "jpy_per_usd_fy_avg", {"basis": "fiscal-year", "kind": "derived"}),
    "jpy_per_usd_fy_avg_fed": ("fx", "jpy_per_usd_fy_avg_fed", {"basis": "fiscal-year", "kind": "derived"}),
}

# --- bridge (scope waterfall, conversions, per person): data/raw/bridge_a_figures.csv ---
SERIES_MAP.update({
    # calendar-year nominal GDP, first estimates (ESRI 1st preliminary of the following February)
    "nominal_gdp_cy_first_estimate": ("gdp", "nominal_gdp_cy", {"vintage": "esri-first-estimate", "kind": "actual", "basis": "calendar-year"}),
    # the government's GDP outlook at the time of each budget (denominator of its same-year ratios)
    "nominal_gdp_fy_gov_outlook_at_the_time": ("gdp", "nominal_gdp", {"vintage": "gov-outlook-at-the-time", "kind": "outlook"}),
    "nominal_gdp_fy_gov_outlook_at_the_time_estimate": ("gdp", "nominal_gdp", {"vintage": "gov-outlook-at-the-time", "kind": "estimate"}),
    # scope-waterfall components already in the reference snapshot, not mapped before
    "related_four_areas": ("defense_budget", "related_four_areas_initial", {"scope": "component", "stage": "initial"}),
    "complementary_four_areas": ("defense_budget", "related_four_areas_initial", {"scope": "component", "stage": "initial"}),
    "complementary_jcg_pko_etc": ("defense_budget", "related_other_ministries_initial", {"scope": "component", "stage": "initial"}),
    "complementary_saco_realignment": ("defense_budget", "related_saco_realignment_rounded_initial", {"scope": "component", "stage": "initial"}),
    # total population on 1 October (Statistics Bureau), census, derived years, IPSS projection
    "population_total_oct1": ("population", "population_total", {"kind": "actual"}),
    "population_census_2015": ("population", "population_total", {"kind": "actual"}),
    "population_total_oct1_derived": ("population", "population_total", {"kind": "estimate"}),
    "population_projection_ipss2023_medium": ("population", "population_total", {"kind": "projection"}),
})

# fiscal-year average series -> the monthly series it is the April-March mean of
FISCAL_YEAR_AVERAGES: dict[str, str] = {
    "jpy_per_usd_fy_avg": "jpy_per_usd_monthly_avg_boj",
    "jpy_per_usd_fy_avg_fed": "jpy_per_usd_monthly_avg_fed",
}

# Where sources disagree (several rows for one series and year), the row used by the model.
# (series, fiscal_year) -> (value as written in the source CSV, reason[, reference series]); the
# optional third item picks among rows of the same value (e.g. the enacted over the draft row).
DEFAULTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("mod_budget_initial", "FY2026"): (
        "9.0353",
        "The enacted budget: enacted 2026-04-07 as the Cabinet draft of 2025-12-26 (MOF FY2026 "
        "budget page: 政府案どおり成立); the draft row is kept with its source.",
        "mod_defense_related_initial_incl_enacted",
    ),
    ("mod_budget_request", "FY2027"): (
        "8.89",
        "NHK's '8兆8900億円余' is the most precise published figure; the rounded 8.9 (Nikkei, Yomiuri) "
        "rows are kept. Scope not stated in any source.",
    ),
    ("security_related_initial", "FY2025"): (
        "9.9",
        "Defense Minister Nakatani's figure (2025-04-15), the one the government itself divided by "
        "FY2022 GDP to report 1.8%; Nikkei's 9.93 and MOF's rounded chart total (~10) are kept as "
        "alternatives.",
    ),
    ("mod_budget_share_reported", "FY2022"): (
        "0.95",
        "Asahi's figure, also given by The Diplomat; Nikkei's 0.96 (a different GDP vintage) is "
        "kept as an alternative. Reported ratios are comparison points, not model inputs.",
    ),
    ("nominal_gdp", "FY2023"): (
        "597",
        "Government outlook of Dec 2023 (the later edition); the Dec-2022 outlook's 571.9 is kept: "
        "it implies the ~560 trillion FY2022 base of the 2% target.",
    ),
    ("nominal_gdp_growth", "FY2024"): (
        "2.9",
        "Jan-2025 outlook (actual-estimate, the later edition); the Jan-2024 forecast of 3.0% is kept.",
    ),
    ("nominal_gdp_growth", "FY2025"): (
        "4.2",
        "Dec-2025 outlook (revised estimate, the later edition); the Jan-2025 forecast of 2.7% is kept.",
    ),
    ("mod_budget_initial", "FY2014"): (
        "4.8848",
        "Official derived value (Defense of Japan 2015); the Reuters row agrees and is kept as a "
        "second source.",
    ),
    ("mod_budget_dbp_covered_initial", "FY2014"): ("4.7838", "Official derived value (Defense of Japan 2015)."),
}

TABLES = {
    "defense_budget": {
        "title": "Japan: defense budgets (MOD defense-related expenditures, both scopes and components) "
        "and security-related expenditures (the 2% framework), by fiscal year",
        "definition": "Initial (当初) budgets unless `stage` says otherwise; expenditure basis. "
        "`scope` mod-budget = MOD defense-related expenditures INCLUDING SACO, US-realignment "
        "(local-burden part) and, where applicable, new government aircraft and disaster-resilience "
        "items (the headline 'defense budget'); mod-budget-excl-saco = the same EXCLUDING them "
        "(from FY2023 named 'DBP-covered expenditures'); security-related = the 2%-framework total "
        "(DBP-covered + SACO/realignment + other ministries' NATO-like items + four new areas).",
        "derivations": "Rows whose `kind` is `estimate` are derived from published figures (no total "
        "was published); the derivation is in their `definition`. FY2026 security-related (initial "
        "and with supplementary) = FY2026 MOD total + the FY2025 non-MOD items (FY2025 "
        "security-related 9.9 - FY2025 MOD 8.7005) held at their FY2025 level; FY2026 "
        "with-supplementary figures add no supplementary money (none enacted as of 2026-10-08: the "
        "only FY2026 supplementary, No.1 of June 2026, had no defense component). `kind` `actual` on "
        "mod_budget_initial FY2026 records the enactment of the Cabinet draft as drafted on "
        "2026-04-07 (see its definition).",
    },
    "framework": {
        "title": "The 2% framework (NSS December 2022): target, reference GDP, FY2027 composition, "
        "Defense Buildup Program totals, reported ratios, and US/NATO reference points",
        "definition": "Shares are given in percent of GDP as published; the model stores fractions.",
    },
    "gdp": {
        "title": "Japan: nominal GDP by fiscal year (ESRI vintages), government outlooks and "
        "Cabinet Office medium-term projections (中長期試算)",
        "definition": "Nominal GDP, expenditure approach, fiscal year (April-March). Vintages are "
        "never mixed: the June-2025 ESRI vintage (2015 base) is about 1-5% lower than the 2026 "
        "vintages (post benchmark revision). Real GDP (chained prices of the vintage's benchmark "
        "year) pairs with the nominal GDP of the same vintage; the implicit GDP deflator is their "
        "ratio.",
        "derivations": "gdp_deflator rows (`kind` derived) = nominal / real GDP x 100 of one vintage "
        "as transcribed with the source rows; the model computes the same ratio from the bundled "
        "levels (spendcalc.data.read_deflators) and a test checks the two agree.",
    },
    "fx": {
        "title": "Yen per US dollar: annual averages and government-outlook assumptions",
        "definition": "Federal Reserve G.5A annual averages are CALENDAR years; government-outlook "
        "assumptions are fiscal years. Fiscal-year averages (April-March) are the simple mean of "
        "the twelve monthly averages of the same table (Bank of Japan Tokyo 17:00 rate; the Federal "
        "Reserve series as a cross-check).",
        "derivations": "jpy_per_usd_fy_avg and jpy_per_usd_fy_avg_fed (`kind` derived) = mean of the "
        "12 monthly rows April-March of jpy_per_usd_monthly_avg / jpy_per_usd_monthly_avg_fed; "
        "scripts/build_data.py checks each against its months (tolerance 0.0005 JPY).",
    },
}
TABLES["population"] = {
    "title": "Japan: total population on 1 October (Statistics Bureau estimates, census, IPSS projection)",
    "definition": "Total population including foreign residents on 1 October of the year in "
    "`fiscal_year` (a calendar year; 1 October falls in fiscal year FYnnnn, so it is used as the "
    "population of FYnnnn). `kind` actual = printed Statistics Bureau estimate or census count; "
    "estimate = derived by one addition (see definition); projection = IPSS 2023 medium variant.",
    "derivations": "2017 and 2020 (`kind` estimate) = the next year's printed level + the printed "
    "year-on-year decrease (each row's definition). The model fills the years between the last "
    "bundled estimate and the IPSS 2045 projection by linear interpolation (an assumption, stated "
    "in the methodology).",
}

COLUMNS = [
    "series", "fiscal_year", "value", "unit", "scope", "stage", "vintage", "kind", "basis",
    "is_default", "default_reason", "definition", "source_title", "source_url", "quote",
    "confidence", "reference_series",
]


# ==============================================================================================
# SIPRI comparison, calendar-year GDP and the missing MOD supplementary budgets
# (rows in data/raw/bridge_b_figures.csv; read by spendcalc.data.read_sipri_table)
# ==============================================================================================
SERIES_MAP.update({
    "sipri_milex_share_gdp_owid_2025release": ("sipri", "sipri_share_of_gdp", {"vintage": "sipri-2025apr", "basis": "calendar-year", "kind": "actual"}),
    "sipri_milex_share_gdp_reported": ("sipri", "sipri_share_of_gdp_reported", {"basis": "calendar-year", "kind": "actual"}),
    "sipri_milex_usd_current_reported": ("sipri", "sipri_spending_usd", {"basis": "calendar-year", "kind": "actual"}),
    "sipri_milex_jpy_reported": ("sipri", "sipri_spending_jpy_reported", {"basis": "calendar-year", "kind": "actual"}),
    "nominal_gdp_cy_imf_weo_2022apr": ("sipri", "nominal_gdp_cy", {"vintage": "imf-weo-2022apr", "basis": "calendar-year", "kind": "actual"}),
    "nominal_gdp_cy_reported": ("sipri", "nominal_gdp_cy", {"vintage": "reported", "basis": "calendar-year", "kind": "actual"}),
    # approximate MOD supplementary budgets (plan-stage or 'more than' figures): used only by the
    # SIPRI-comparable series, labelled estimate there; never by the model's with-supplementary basis
    "mod_supplementary_approx": ("sipri", "mod_supplementary_approx", {"scope": "mod-budget", "stage": "supplementary", "kind": "estimate"}),
})
DEFAULTS.update({
    ("mod_supplementary", "FY2012"): (
        "212.4",
        "The MOD figure 212.4bn (three sources, two of them rows of this snapshot); the Chief "
        "Cabinet Secretary's rounded ~210bn is kept as an alternative.",
    ),
})
TABLES["sipri"] = {
    "title": "SIPRI's published figures for Japan and calendar-year nominal GDP",
    "definition": "CALENDAR years (the fiscal_year column holds a bare calendar year). "
    "sipri_share_of_gdp = SIPRI military burden, percent of GDP, April-2025 release (copy of "
    "SIPRI's data); sipri_share_of_gdp_reported / sipri_spending_usd / sipri_spending_jpy_reported "
    "= figures of each year's SIPRI release as reported by the press (release in the definition "
    "column); nominal_gdp_cy = calendar-year nominal GDP by vintage (ESRI first estimates, the "
    "IMF World Economic Outlook of April 2022, a press citation). mod_supplementary_approx = MOD "
    "supplementary budgets known only approximately (FISCAL years; the unit column keeps the "
    "source's qualifier, e.g. plan stage or lower bound), used by the SIPRI-comparable series "
    "as estimates.",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_fiscal_year_averages(rows: list[dict[str, str]]) -> None:
    """Each fiscal-year average row must be the mean of its 12 monthly rows (April-March)."""
    for fy_series, monthly_series in FISCAL_YEAR_AVERAGES.items():
        monthly = {r["fiscal_year"]: float(r["value"]) for r in rows if r["series"] == monthly_series}
        for r in rows:
            if r["series"] != fy_series:
                continue
            year = int(r["fiscal_year"].removeprefix("FY"))
            months = [f"{year}-{m:02d}" for m in range(4, 13)] + [f"{year + 1}-{m:02d}" for m in range(1, 4)]
            missing = [m for m in months if m not in monthly]
            if missing:
                raise SystemExit(f"{fy_series} {r['fiscal_year']}: monthly rows missing: {missing}")
            mean = sum(monthly[m] for m in months) / 12
            if abs(mean - float(r["value"])) > 5e-4:
                raise SystemExit(f"{fy_series} {r['fiscal_year']}: {r['value']} is not the mean of "
                                 f"its 12 monthly rows ({mean:.4f})")


def build(reference: Path | None) -> None:
    if reference is not None and reference.resolve() != RAW.resolve():
        shutil.copyfile(reference, RAW)
    rows = [row for path in raw_files() for row in csv.DictReader(path.open(encoding="utf-8"))]
    check_fiscal_year_averages(rows)
    out: dict[str, list[dict[str, str]]] = {t: [] for t in TABLES}
    for row in rows:
        if row["series"] not in SERIES_MAP:
            continue
        table, series, extra = SERIES_MAP[row["series"]]
        rec = {c: "" for c in COLUMNS}
        rec.update({k: row[k] for k in ("fiscal_year", "value", "unit", "definition", "source_title",
                                         "source_url", "quote", "confidence")})
        rec.update(extra)
        rec["series"] = series
        if series.endswith("_reported") and "share" in series:
            # reported ratios: initial budgets, or initial + supplementary where the row says so
            text = row["definition"].lower()
            rec["stage"] = "initial+supplementary" if "supplementary" in text else "initial"
        rec["reference_series"] = row["series"]
        out[table].append(rec)
    for table, recs in out.items():
        seen: dict[tuple[str, str, str, str], list[dict[str, str]]] = {}
        for rec in recs:
            seen.setdefault((rec["series"], rec["fiscal_year"], rec["vintage"], rec["stage"]), []).append(rec)
        for (series, fy, _v, _s), group in seen.items():
            if len(group) == 1:
                group[0]["is_default"] = "true"
                continue
            chosen = DEFAULTS.get((series, fy))
            if chosen is None:
                # identical duplicate rows (same figure, several sources): the first official one
                values = {float(g["value"]) for g in group}
                if len(values) > 1:
                    raise SystemExit(f"sources disagree on {series} {fy}: {sorted(values)}; add to DEFAULTS")
                group.sort(key=lambda g: g["confidence"] != "official")
                group[0]["is_default"] = "true"
                group[0]["default_reason"] = "same value in several sources; first official row used"
                for g in group[1:]:
                    g["is_default"] = "false"
                continue
            value, reason = chosen[0], chosen[1]
            wanted = chosen[2] if len(chosen) > 2 else None
            done = False
            for g in group:
                if not done and g["value"] == value and wanted in (None, g["reference_series"]):
                    g["is_default"], g["default_reason"], done = "true", reason, True
                else:
                    g["is_default"] = "false"
            if not done:
                raise SystemExit(f"default {value} for {series} {fy} not among the rows")
        path = ROOT / "data" / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(recs)
        meta = {
            "title": TABLES[table]["title"],
            "publisher": "Various official publishers (MOD, MOF, Cabinet Office/ESRI, Kantei, "
            "Federal Reserve) and press reports; the publisher of each figure is in its "
            "source_title column",
            "edition": "Reference snapshot of November 2026 (material read up to 2026-10-09)",
            "source_url": "per row: source_url column",
            "retrieved_on": "2026-11 (per-row sources were read between 2026-10 and 2026-11)",
            "licence": "Facts transcribed from public documents; quotes are short excerpts for "
            "attribution",
            "table_or_quote": "per row: quote column (mostly the original Japanese passage)",
            "definition": TABLES[table]["definition"] + " Per row: definition column.",
            "derivations": TABLES[table].get("derivations", "none: every value is a transcribed figure"),
            "units": {
                "fiscal_year": "Japanese fiscal year FYnnnn = April nnnn to March nnnn+1; a bare "
                "year (FX, NATO, US requests) is a CALENDAR year",
                "value": "in the unit of the `unit` column (trillion JPY, billion JPY, percent, "
                "percent of GDP, JPY per USD) exactly as in the source; data.py converts with pint",
            },
            "transcribed_by": "Rows selected and renamed by scripts/build_data.py from "
            "data/raw/japan_defense_figures.csv; values unchanged. `confidence` is official "
            "(government publication, possibly read through a verbatim mirror named in "
            "source_title) or secondary (press, third-party copies of official data).",
            "rows": len(recs),
            "sha256": None,
            "raw_snapshot": {"path": "data/raw/japan_defense_figures.csv", "sha256": sha256(RAW)},
            "raw_snapshots": [{"path": str(p.relative_to(ROOT)), "sha256": sha256(p)} for p in raw_files()],
            "columns": COLUMNS,
        }
        meta["sha256"] = sha256(path)
        with (ROOT / "data" / f"{table}.meta.yaml").open("w", encoding="utf-8") as fh:
            yaml.safe_dump(meta, fh, allow_unicode=True, sort_keys=False, width=100)
        print(f"{path.relative_to(ROOT)}: {len(recs)} rows")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=None,
                        help="replace the snapshot by this file first (default: build from the "
                        "snapshot as it is)")
    build(parser.parse_args().reference)
