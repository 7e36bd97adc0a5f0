"""The definitions bridge: scope waterfall and quick conversions (pure: no files, no plotting).

Two questions analysts ask first, answered from the bundled figures only:

* :func:`bridge` — how does the MOD budget (8.5 trillion yen for FY2025) become the
  security-related total (9.9) and, with the supplementary budget, ~11 trillion? One row per
  step, each with its own source; published totals are shown as published, and where the sum of
  published components differs from a published total the difference is its own row
  ("rounding / unexplained residual"), never hidden.
* :func:`convert` — what is 3.5% of a year's GDP in yen (USD, per person), or what share of GDP
  is 11 trillion yen, on a stated definition of GDP (fiscal or calendar year, vintage).

The data come in as arguments (:class:`BridgeInputs`, :class:`ConvertInputs`); the loading
wrappers are :func:`spendcalc.api.bridge` and :func:`spendcalc.api.convert`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from spendcalc.errors import SpendcalcError
from spendcalc.units import parse_quantity

BASES = ("initial", "with-supplementary")
BRIDGE_COLUMNS = [
    "fiscal_year", "step", "row_type", "component", "value_jpy", "running_total_jpy",
    "share_of_gdp_fixed_fy2022", "share_of_gdp_same_year", "spending_per_capita_jpy", "status",
    "derivation", "source_title", "source_url",
]
RESIDUAL = "rounding / unexplained residual"

# ----------------------------------------------------------------------------------------------
# The waterfall recipe: per fiscal year, the steps and the bundled series behind each
# ----------------------------------------------------------------------------------------------
# A step is (row_type, component, how), row_type one of start / add / subtotal / total:
#   ("series", table, canonical series, fiscal year[, status])  a bundled default row (the
#       status overrides the row's: FY2026 draft figures enacted as drafted on 2026-04-07)
#   ("difference", (table, series, fy), (table, series, fy), ...)  first minus the others (estimate)
#   ("missing", why)                                        not published (value NaN)
#   ("sum", why)                                            a subtotal with no published figure
# A subtotal/total with a published figure is compared with the running sum of the rows above;
# a difference gets a RESIDUAL row before it.
DBP = "MOD budget covered by the Defense Buildup Program (DBP-covered expenditures)"
SACO = "+ SACO and US-realignment costs (local-burden part)"
HEADLINE = "= MOD 'defense budget' (headline, incl. SACO/realignment)"
OTHER = "+ Coast Guard, peacekeeping (PKO) and other ministries' items"
FOUR = ("+ four complementary areas (research and development, public infrastructure, "
        "cybersecurity, international cooperation)")
SECURITY = "= security-related expenditures (initial)"
SUPP = "+ supplementary budget (security-related items)"
WITH_SUPP = "= security-related expenditures with the supplementary"

RECIPES: Mapping[int, tuple[tuple, ...]] = {
    2024: (
        ("start", DBP, ("series", "defense_budget", "mod_budget_dbp_covered_initial", 2024)),
        ("add", SACO, ("series", "defense_budget", "mod_saco_plus_realignment_initial", 2024)),
        ("subtotal", HEADLINE, ("series", "defense_budget", "mod_budget_initial", 2024)),
        ("add", OTHER, ("difference", ("defense_budget", "security_related_complementary_initial", 2024),
                        ("defense_budget", "related_four_areas_initial", 2024),
                        ("defense_budget", "mod_saco_plus_realignment_initial", 2024))),
        ("add", FOUR, ("series", "defense_budget", "related_four_areas_initial", 2024)),
        ("subtotal", SECURITY, ("series", "defense_budget", "security_related_initial", 2024)),
        ("add", SUPP, ("missing", "no security-related total of the FY2024 supplementary is bundled "
                       "(the MOD part, 826.8 billion yen, is: series mod_supplementary)")),
        ("total", WITH_SUPP, ("missing", "no FY2024 security-related total with the supplementary is "
                              "bundled")),
    ),
    2025: (
        ("start", DBP, ("series", "defense_budget", "mod_budget_dbp_covered_initial", 2025)),
        ("add", SACO, ("series", "defense_budget", "related_saco_realignment_rounded_initial", 2025)),
        ("subtotal", HEADLINE, ("series", "defense_budget", "mod_budget_initial", 2025)),
        ("add", OTHER, ("series", "defense_budget", "related_other_ministries_initial", 2025)),
        ("add", FOUR, ("series", "defense_budget", "related_four_areas_initial", 2025)),
        ("subtotal", SECURITY, ("series", "defense_budget", "security_related_initial", 2025)),
        ("add", SUPP, ("series", "defense_budget", "security_related_supplementary", 2025)),
        ("total", WITH_SUPP, ("series", "defense_budget", "security_related_with_supplementary", 2025)),
    ),
    2026: (
        ("start", DBP, ("series", "defense_budget", "mod_budget_dbp_covered_initial", 2026, "actual")),
        ("add", SACO, ("series", "defense_budget", "mod_saco_plus_realignment_initial", 2026, "actual")),
        ("subtotal", HEADLINE, ("series", "defense_budget", "mod_budget_initial", 2026)),
        ("add", OTHER.replace("+ ", "+ (not published for FY2026; held at FY2025) ") + " and the four areas",
         ("difference", ("defense_budget", "security_related_initial", 2025),
          ("defense_budget", "mod_budget_initial", 2025))),
        ("subtotal", SECURITY, ("series", "defense_budget", "security_related_initial", 2026)),
        ("add", SUPP, ("difference", ("defense_budget", "security_related_with_supplementary", 2026),
                       ("defense_budget", "security_related_initial", 2026))),
        ("total", WITH_SUPP, ("series", "defense_budget", "security_related_with_supplementary", 2026)),
    ),
    2027: (
        ("start", DBP + " — plan", ("series", "framework", "target_fy2027_dbp_covered", 2027)),
        ("add", SACO, ("series", "framework", "target_fy2027_saco_realignment", 2027)),
        ("subtotal", HEADLINE, ("sum", "no MOD headline total is published for the FY2027 plan")),
        ("add", OTHER, ("series", "framework", "target_fy2027_other_ministries", 2027)),
        ("add", FOUR, ("series", "framework", "target_fy2027_four_areas", 2027)),
        ("subtotal", SECURITY.replace("(initial)", "(FY2027 plan: the ~11 trillion yen 2% level)"),
         ("series", "framework", "two_pct_target_amount", 2027)),
        ("add", SUPP, ("missing", "the FY2027 plan composition has no supplementary budget")),
        ("total", WITH_SUPP, ("missing", "the FY2027 plan composition has no supplementary budget")),
    ),
}
#: fiscal years the waterfall covers (FY2027: the plan composition of the 2% framework)
BRIDGE_YEARS = tuple(sorted(RECIPES))
#: fiscal years whose components are all published (the rest hold estimates or missing steps)
PUBLISHED_YEARS = (2024, 2025, 2027)
NOTES: Mapping[int, str] = {
    2024: "FY2024: the Coast Guard/PKO/other-ministries step is derived (1.2 trillion complementary "
          "total - four areas - SACO/realignment); the supplementary steps are missing.",
    2025: "FY2025: components as charted by MOF (rounded to 0.1 trillion), so residual rows show "
          "the rounding against the precise MOD totals and the 9.9 trillion headline.",
    2026: "FY2026: the MOD steps are published (enacted 2026-04-07); the non-MOD items are not, and "
          "are held at their FY2025 level (estimate); the known FY2026 pieces are the Coast Guard "
          "(297.1 billion yen) and OSA (18.1 billion yen); no FY2026 supplementary with defense money "
          "as of 2026-10-08.",
    2027: "FY2027: the plan composition of the 2% framework (NSS/DBP, December 2022; MOF chart), "
          "not a budget.",
}


@dataclass(frozen=True)
class BridgeInputs:
    """What :func:`bridge` needs, as plain data.

    figures : DataFrame ``table, series, fiscal_year (int), value_jpy, status, definition,
        source_title, source_url`` — the default bundled rows of ``defense_budget`` and
        ``framework``.
    gdp_same_year : fiscal year -> (nominal GDP in yen, text naming its vintage and status).
    reference_gdp_jpy : the FY2022 reference GDP of the 2% target (fixed denominator). [JPY]
    population : fiscal year -> total population on 1 October (persons).
    """

    figures: pd.DataFrame
    gdp_same_year: Mapping[int, tuple[float, str]] = field(default_factory=dict)
    reference_gdp_jpy: float = math.nan
    population: Mapping[int, float] = field(default_factory=dict)


def parse_fiscal_year(value: object, *, field: str = "year", calendar: bool = False) -> int:
    """``2025``, ``"2025"`` or ``"FY2025"`` -> 2025 (``"FY..."`` refused for a calendar year)."""
    allowed = ("a calendar year such as 2024" if calendar else
               "a fiscal year such as 2025 or FY2025 (Japanese fiscal year, April-March)")
    if isinstance(value, bool):
        raise SpendcalcError(field, value, allowed)
    if isinstance(value, int | np.integer):
        year = int(value)
    elif isinstance(value, str):
        m = re.fullmatch(r"\s*(FY)?([0-9]{4})\s*", value)
        if m is None:
            raise SpendcalcError(field, value, allowed)
        if m.group(1) and calendar:
            raise SpendcalcError(field, value, allowed + " (FY names a fiscal year; drop it with "
                                 "--calendar)")
        year = int(m.group(2))
    else:
        raise SpendcalcError(field, value, allowed)
    if not 1990 <= year <= 2100:
        raise SpendcalcError(field, value, allowed + " between 1990 and 2100")
    return year


def _lookup(figures: pd.DataFrame, table: str, series: str, fy: int) -> pd.Series | None:
    sel = figures[(figures["table"] == table) & (figures["series"] == series) & (figures["fiscal_year"] == fy)]
    return None if sel.empty else sel.iloc[0]


def bridge(year: object, *, basis: str = "with-supplementary", inputs: BridgeInputs) -> pd.DataFrame:
    """The scope waterfall of one fiscal year, from the DBP-covered MOD budget to the
    security-related total (and, on ``basis='with-supplementary'``, the total with the
    supplementary budget).

    Returns a DataFrame with :data:`BRIDGE_COLUMNS`: one row per step (``row_type`` start /
    add / subtotal / total), plus a ``residual`` row wherever a published subtotal differs from
    the sum of the rows above it. ``value_jpy`` is the row's own amount (a subtotal's is the
    published total); ``running_total_jpy`` the walk so far; the two shares and the per-person
    figure are of ``value_jpy``. ``status``: actual / plan / estimate (derived: see
    ``derivation``) / missing (not published; value NaN). ``df.attrs['note']`` says what is
    published for the year.
    """
    fy = _bridge_year(year, basis)
    gdp, gdp_text = inputs.gdp_same_year.get(fy, (math.nan, "no same-year GDP bundled"))
    persons = inputs.population.get(fy, math.nan)
    rows: list[dict] = []
    running = 0.0
    broken = False  # a missing step: the walk stops being a sum

    def row(kind: str, component: str, value: float, status: str, derivation: str,
            title: str, url: str) -> None:
        rows.append({
            "fiscal_year": f"FY{fy}", "step": len(rows) + 1, "row_type": kind, "component": component,
            "value_jpy": value, "running_total_jpy": math.nan if broken else running,
            "share_of_gdp_fixed_fy2022": value / inputs.reference_gdp_jpy,
            "share_of_gdp_same_year": value / gdp, "spending_per_capita_jpy": value / persons,
            "status": status, "derivation": derivation, "source_title": title, "source_url": url,
        })

    for kind, component, how in RECIPES[fy]:
        if basis == "initial" and component in (SUPP, WITH_SUPP):
            continue
        value, status, derivation, title, url = _step(how, inputs.figures, rows, running, broken)
        if math.isnan(value):
            broken = True
        elif kind in ("subtotal", "total"):
            residual = value - running
            if not broken and abs(residual) > 0.5e6:  # more than half a million yen: not float noise
                running = value
                row("residual", RESIDUAL, residual, "estimate",
                    _residual_derivation(component, value, residual), "", "")
            running, broken = value, False
        elif not broken:
            running = value if kind == "start" else running + value
        row(kind, component, value, status, derivation, title, url)
    out = pd.DataFrame(rows, columns=BRIDGE_COLUMNS)
    out.attrs["note"] = NOTES[fy]
    out.attrs["gdp_same_year"] = gdp_text
    out.attrs["reference_gdp_jpy"] = inputs.reference_gdp_jpy
    return out


def _bridge_year(year: object, basis: str) -> int:
    """The fiscal year of a bridge, refusing an unknown basis or a year without a recipe."""
    fy = parse_fiscal_year(year)
    if basis not in BASES:
        raise SpendcalcError("basis", basis, "one of " + ", ".join(BASES))
    if fy not in RECIPES:
        raise SpendcalcError("year", year, "a fiscal year with published components: "
                             + ", ".join(f"FY{y}" for y in BRIDGE_YEARS)
                             + " (FY2027: the plan composition)")
    return fy


def _step(how: tuple, figs: pd.DataFrame, rows: list[dict], running: float,
          broken: bool) -> tuple[float, str, str, str, str]:
    """One recipe step's ``(value, status, derivation, source_title, source_url)``."""
    if how[0] == "series":
        return _series_step(how, figs)
    if how[0] == "difference":
        return _difference_step(how, figs)
    if how[0] == "sum":
        value = math.nan if broken else running
        status = "plan" if any(r["status"] == "plan" for r in rows) else "estimate"
        return value, status, f"sum of the rows above ({how[1]})", "sum of the rows above", ""
    return math.nan, "missing", how[1], "", ""  # missing


def _series_step(how: tuple, figs: pd.DataFrame) -> tuple[float, str, str, str, str]:
    """A step that is one bundled row as published (its status overridden where the recipe
    names another)."""
    table, series, sfy = how[1:4]
    r = _lookup(figs, table, series, sfy)
    if r is None:
        raise SpendcalcError("bridge data", f"{series} FY{sfy}", "a bundled default row "
                             "(data/defense_budget.csv or data/framework.csv)")
    value, status = float(r["value_jpy"]), str(r["status"])
    derivation = f"{series} FY{sfy} as published: {r['definition']}"
    if len(how) > 4 and how[4] != status:
        derivation += (f" [status {how[4]}, not {status}: the FY{sfy} budget was enacted as "
                       "drafted on 2026-04-07 (mod_budget_initial FY2026)]")
        status = how[4]
    return value, status, derivation, str(r["source_title"]), str(r["source_url"])


def _difference_step(how: tuple, figs: pd.DataFrame) -> tuple[float, str, str, str, str]:
    """A step derived as the first bundled row minus the others (an estimate)."""
    parts = [_lookup(figs, *p) for p in how[1:]]
    if any(p is None for p in parts):
        raise SpendcalcError("bridge data", how, "bundled default rows")
    value = float(parts[0]["value_jpy"]) - sum(float(p["value_jpy"]) for p in parts[1:])
    derivation = "derived: " + " - ".join(
        f"{p['series']} FY{p['fiscal_year']} ({float(p['value_jpy']) / 1e12:g} trillion)" for p in parts)
    title = " | ".join(dict.fromkeys(str(p["source_title"]) for p in parts))
    url = " | ".join(dict.fromkeys(str(p["source_url"]) for p in parts))
    return value, "estimate", derivation, title, url


def _residual_derivation(component: str, value: float, residual: float) -> str:
    """Why a residual row: the published subtotal against the sum of the rows above it."""
    return (f"published '{component.lstrip('= ')}' ({value / 1e12:g} trillion) minus the sum "
            f"of the rows above ({(value - residual) / 1e12:.4f} trillion): rounding of the "
            "published components, or items not itemised")


# ----------------------------------------------------------------------------------------------
# Quick conversions
# ----------------------------------------------------------------------------------------------
CONVERT_COLUMNS = ["quantity", "value", "unit", "definition"]
VALUE_ALLOWED = ("a share of GDP such as '3.5 %' or 0.035, or a yen amount such as "
                 "'11 trillion JPY' or '11 兆円'")
MAX_YEN = 1e15  # [JPY] 1,000 trillion yen: above Japan's GDP, refused as a likely unit slip


@dataclass(frozen=True)
class ConvertInputs:
    """What :func:`convert` needs, for one year and one definition of GDP.

    gdp_jpy : nominal GDP of the year on the chosen definition. [JPY]
    gdp_definition : text naming it (fiscal or calendar year, vintage, status).
    reference_gdp_jpy : FY2022 reference GDP of the 2% target. [JPY]
    jpy_per_usd, fx_definition : the year's exchange rate and its description.
    population : persons on 1 October of the year (NaN if unknown).
    path_fy2035_jpy, path_name : FY2035 spending of a scenario path (for a share's distance).
    """

    gdp_jpy: float
    gdp_definition: str
    reference_gdp_jpy: float
    jpy_per_usd: float
    fx_definition: str
    population: float = math.nan
    population_definition: str = ""
    path_fy2035_jpy: float = math.nan
    path_name: str = "us-ask-3.5pct"


def parse_value(value: object, *, field: str = "VALUE") -> tuple[str, float]:
    """A share (fraction of GDP) or a yen amount; anything else is an error naming ``field``.

    Returns ``("share", fraction)`` or ``("jpy", yen)``. A plain number is a fraction (0.035);
    a plain number above 1 is refused (``3.5`` is ambiguous: write ``'3.5 %'``).
    """
    if isinstance(value, str) and re.search(r"[A-Za-z円ドル]", value.replace("percent", "")):
        kind, unit = "jpy", "JPY"
    else:
        kind, unit = "share", "fraction"
    number = parse_quantity(value, field=field, unit=unit, allowed=VALUE_ALLOWED)
    if kind == "share" and not 0 < number <= 1:
        raise SpendcalcError(field, value, VALUE_ALLOWED + " (a share above 0 and at most 100 %; "
                             "a plain number is a fraction: 3.5 % is 0.035 or '3.5 %')")
    if kind == "jpy" and not 0 < number <= MAX_YEN:
        raise SpendcalcError(field, value, VALUE_ALLOWED + " (a yen amount above 0 and at most "
                             "1,000 trillion yen)")
    return kind, number


def convert(value: object, *, year: int, calendar: bool = False, inputs: ConvertInputs) -> pd.DataFrame:
    """Convert a share of GDP to yen (USD, per person), or yen to shares of GDP.

    Returns rows ``quantity, value, unit, definition``; every row names the definition it uses
    (which GDP, which vintage, fiscal or calendar year). A share also gets its distance from the
    FY2035 spending of ``inputs.path_name``.
    """
    kind, number = parse_value(value)
    period = f"CY{year}" if calendar else f"FY{year}"
    gdp = inputs.gdp_jpy
    rows = []

    def add(q: str, v: float, unit: str, definition: str) -> None:
        rows.append({"quantity": q, "value": v, "unit": unit, "definition": definition})

    if kind == "share":
        spend = number * gdp
        add("input_share_of_gdp", number, "fraction", f"the value given, a share of {period} GDP")
        add("nominal_gdp_jpy", gdp, "JPY", inputs.gdp_definition)
        add("spending_jpy", spend, "JPY", f"{number:.4%} x {period} nominal GDP (row nominal_gdp_jpy)")
        add("spending_jpy_on_fy2022_reference_gdp", number * inputs.reference_gdp_jpy, "JPY",
            f"{number:.4%} x the FY2022 reference GDP of the 2% target (fixed denominator)")
    else:
        spend = number
        add("input_jpy", number, "JPY", "the value given, in yen")
        add("nominal_gdp_jpy", gdp, "JPY", inputs.gdp_definition)
        add("share_of_gdp_same_year", number / gdp, "fraction",
            f"yen / {period} nominal GDP (row nominal_gdp_jpy)")
        add("share_of_gdp_fixed_fy2022", number / inputs.reference_gdp_jpy, "fraction",
            "yen / the FY2022 reference GDP of the 2% target (fixed denominator, as the government "
            "reports progress to 2%)")
    add("spending_usd", spend / inputs.jpy_per_usd, "USD", f"yen / {inputs.jpy_per_usd:.4g} JPY per USD "
        f"({inputs.fx_definition})")
    add("spending_per_capita_jpy", spend / inputs.population, "JPY",
        f"yen / population ({inputs.population_definition})" if inputs.population_definition
        else "population not known for this year")
    add("spending_per_capita_usd", spend / inputs.jpy_per_usd / inputs.population, "USD",
        "USD / the same population")
    if kind == "share":
        add(f"{inputs.path_name}_fy2035_spending_jpy", inputs.path_fy2035_jpy, "JPY",
            f"FY2035 spending of the {inputs.path_name} path (spendcalc project defaults)")
        add(f"difference_to_{inputs.path_name}_fy2035_jpy", spend - inputs.path_fy2035_jpy, "JPY",
            f"spending_jpy minus the FY2035 spending of {inputs.path_name}: how far this rule of "
            "thumb is from that path's FY2035 cost (negative: below it)")
    out = pd.DataFrame(rows, columns=CONVERT_COLUMNS)
    out.insert(0, "year", period)
    return out
