"""PURE. A SIPRI-comparable series: Japan's military spending by CALENDAR year, over calendar-year
GDP, side by side with SIPRI's own published figures, each difference split and explained.

Method (the project's estimate, following the method SIPRI describes for countries whose fiscal
year is not the calendar year: spending is spread evenly over the fiscal year)
----------------------------------------------------------------------------------------------
* Japan's fiscal year FY t runs April t to March t+1, so calendar year t holds nine months of
  FY t and three months of FY t-1: ``spending(CY t) = 3/4 x FY t + 1/4 x FY t-1``.
* Scope: the MOD defense budget INCLUDING SACO and US-realignment costs (the headline
  "defense budget", ``mod_budget_initial``) plus the MOD supplementary budgets of that fiscal
  year where known. A supplementary known only approximately (a plan-stage or "more than"
  figure) is used and the year is marked ``estimate`` in ``supplementary_status``; a year whose
  supplementary was not found counts its initial budget only (``missing``).
* GDP: no ESRI calendar-year series is bundled for the project's vintages, so calendar-year GDP
  is derived from fiscal-year GDP of one ESRI vintage the same way (3/4 FY t + 1/4 FY t-1). This
  is an approximation (it assumes GDP spread evenly within each fiscal year). Where ESRI's
  published calendar-year FIRST estimate is bundled, it is shown beside with the share on it.
* USD: yen over the calendar-year average rate (Federal Reserve G.5A, ``jpy_per_usd_annual_avg``).
* SIPRI's own figures: the share of GDP of SIPRI's April-2025 release (all years 2012-2024) and
  the current-dollar figure of each year's release as reported by the press. SIPRI's yen is
  *implied* as its dollars x the same calendar-year average rate (an assumption: SIPRI converts at
  annual average market rates), and SIPRI's GDP as that yen over its share. The difference in
  share (ours - SIPRI) then splits exactly into a spending part
  ``(ours_yen - sipri_yen) / ours_gdp`` and a GDP part ``sipri_yen / ours_gdp - sipri_share``.
  SIPRI computes shares with IMF economic data and counts paramilitary forces when trained and
  equipped for military operations; its dollars of an older release can also differ from the
  release its share comes from. These are the known reasons a difference remains.

Every value here is a derivation from bundled, sourced figures (status ``estimate``); SIPRI's
figures are bundled as published. This module does no I/O: :func:`spendcalc.sipri_series`
reads the data (``spendcalc.data.sipri_inputs``) and calls :func:`compute`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from spendcalc.i18n import t

FIRST_CALENDAR_YEAR = 2013
#: SIPRI's dollars for calendar year t are those of its release in year t+1 (each bundled row
#: names its release); its shares are all from the April-2025 release
SHARE_RELEASE_YEAR = 2025
#: weights of FY t and FY t-1 in calendar year t (April-December and January-March)
WEIGHT_THIS_FY = 0.75
WEIGHT_PREVIOUS_FY = 0.25

COLUMNS = [
    "calendar_year", "spending_jpy", "spending_initial_only_jpy", "supplementary_status",
    "nominal_gdp_jpy", "nominal_gdp_cy_first_estimate_jpy", "share_of_gdp",
    "share_of_gdp_on_first_estimate", "jpy_per_usd", "spending_usd", "sipri_share_of_gdp",
    "sipri_spending_usd", "sipri_spending_jpy_implied", "difference_share_pt", "spending_effect_pt",
    "gdp_effect_pt", "difference_usd", "status", "method", "explanation",
]


def calendar_weighted(values: Mapping[int, float], year: int) -> float:
    """``3/4 x values[FY year] + 1/4 x values[FY year-1]`` (NaN if either fiscal year is missing)."""
    if year not in values or year - 1 not in values:
        return math.nan
    return WEIGHT_THIS_FY * float(values[year]) + WEIGHT_PREVIOUS_FY * float(values[year - 1])


def _trillion(v: float) -> str:
    return f"{v / 1e12:.2f}tn"


def _supp_text(fy: int, supp: Mapping[int, tuple[float, str, str]]) -> str:
    if fy not in supp:
        return f"FY{fy} none found"
    value, status, _ = supp[fy]
    return f"FY{fy} {value / 1e9:,.1f}bn" + (" (approx.)" if status == "estimate" else "")


def compute(inputs: Mapping[str, object], vintage: str) -> pd.DataFrame:
    """The SIPRI-comparable series from plain inputs (see ``spendcalc.data.sipri_inputs``).

    ``vintage`` names the ESRI fiscal-year GDP vintage the calendar-year GDP is derived from.
    One row per calendar year from :data:`FIRST_CALENDAR_YEAR` to the last year with both fiscal
    years' budgets and GDP and a calendar-year exchange rate. Columns: :data:`COLUMNS`.
    """
    series = _series(inputs, vintage)
    initial, gdp_fy, fx = series["initial"], series["gdp_fy"], series["fx"]
    rows = []
    year = FIRST_CALENDAR_YEAR
    while year - 1 in initial and year in initial and year - 1 in gdp_fy and year in gdp_fy and year in fx:
        rows.append(_year_row(year, vintage, series))
        year += 1
    return pd.DataFrame(rows, columns=COLUMNS)


def _series(inputs: Mapping[str, object], vintage: str) -> dict[str, Mapping]:
    """The inputs as plain ``year -> value`` maps (sources dropped; ``supplementary`` kept as
    ``fy -> (value, status, source)``; ``total``: initial plus supplementary budgets)."""
    initial = {fy: v for fy, (v, _src) in inputs["mod_initial"].items()}
    supp: Mapping[int, tuple[float, str, str]] = inputs["supplementary"]
    return {
        "initial": initial,
        "supp": supp,
        "gdp_fy": inputs["gdp_fy"][vintage],
        "fx": inputs["fx"],
        "first": {y: v for y, (v, _s) in inputs["gdp_cy_first"].items()},
        "sipri_share": {y: v for y, (v, _s) in inputs["sipri_share"].items()},
        "sipri_usd": {y: v for y, (v, _s) in inputs["sipri_usd"].items()},
        "total": {fy: v + (supp[fy][0] if fy in supp else 0.0) for fy, v in initial.items()},
    }


def _supplementary_status(year: int, supp: Mapping[int, tuple[float, str, str]]) -> str:
    """``missing`` if either fiscal year's supplementary is, else ``estimate`` if either is,
    else ``actual``."""
    statuses = {supp[fy][1] if fy in supp else "missing" for fy in (year, year - 1)}
    return ("missing" if "missing" in statuses else "estimate" if "estimate" in statuses
            else "actual")


def _year_row(year: int, vintage: str, series: Mapping[str, Mapping]) -> dict[str, object]:
    """One calendar year's row of :data:`COLUMNS`."""
    supp, fx = series["supp"], series["fx"]
    spend = calendar_weighted(series["total"], year)
    spend0 = calendar_weighted(series["initial"], year)
    gdp = calendar_weighted(series["gdp_fy"], year)
    supp_status = _supplementary_status(year, supp)
    share = spend / gdp
    g1 = series["first"].get(year, math.nan)
    usd = spend / fx[year]
    sh = series["sipri_share"].get(year, math.nan)
    su = series["sipri_usd"].get(year, math.nan)
    sy = su * fx[year]
    diff = share - sh
    spend_eff = (spend - sy) / gdp
    gdp_eff = sy / gdp - sh
    method = (f"3/4 FY{year} + 1/4 FY{year - 1} of the MOD budget incl. SACO/realignment plus "
              f"supplementaries ({_supp_text(year, supp)}; {_supp_text(year - 1, supp)}); GDP = "
              f"3/4 FY{year} + 1/4 FY{year - 1} of ESRI {vintage} (estimate); USD at the "
              f"{year} average {fx[year]:.2f} JPY/USD")
    row = {
        "calendar_year": year, "spending_jpy": spend, "spending_initial_only_jpy": spend0,
        "supplementary_status": supp_status, "nominal_gdp_jpy": gdp,
        "nominal_gdp_cy_first_estimate_jpy": g1, "share_of_gdp": share,
        "share_of_gdp_on_first_estimate": spend / g1, "jpy_per_usd": fx[year],
        "spending_usd": usd, "sipri_share_of_gdp": sh, "sipri_spending_usd": su,
        "sipri_spending_jpy_implied": sy, "difference_share_pt": diff * 100,
        "spending_effect_pt": spend_eff * 100, "gdp_effect_pt": gdp_eff * 100,
        "difference_usd": usd - su, "status": "estimate", "method": method,
    }
    row["explanation"] = _explanation(row, vintage)
    return row


def _explanation(row: Mapping[str, object], vintage: str) -> str:
    """The gap to SIPRI's share of a year's ``row`` (English; :func:`explanation` in any language)."""
    return explanation(row, vintage, "en")


def _tn(value: float, lang: str) -> str:
    return _trillion(value) if lang == "en" else f"{value / 1e12:.2f}兆円"


def _split(row: Mapping[str, object], vintage: str, lang: str) -> str:
    """The gap split into its spending and GDP parts, with the yen and GDP behind each."""
    sh, su, sy = row["sipri_share_of_gdp"], row["sipri_spending_usd"], row["sipri_spending_jpy_implied"]
    gdp = row["nominal_gdp_jpy"]
    return t("sipri.x.split", lang, gap=f"{row['difference_share_pt']:+.2f}",
             spend_pt=f"{row['spending_effect_pt']:+.2f}", ours=_tn(row["spending_jpy"], lang),
             with_supp=t("sipri.x.with" if row["supplementary_status"] != "missing" else "sipri.x.partly", lang),
             sipri_yen=_tn(sy, lang), usd=f"${su / 1e9:.1f}bn" if lang == "en" else f"{su / 1e8:,.0f}億ドル",
             rate=f"{row['jpy_per_usd']:.2f}", initial=_tn(row["spending_initial_only_jpy"], lang),
             gdp_pt=f"{row['gdp_effect_pt']:+.2f}", gdp=f"{gdp / 1e12:.1f}", vintage=vintage,
             sipri_gdp=f"{sy / sh / 1e12:.1f}")


def explanation(row: Mapping[str, object], vintage: str, lang: str = "en") -> str:
    """Why a year's ``row`` (of :data:`COLUMNS`) differs from SIPRI's share, in ``lang``: the gap
    split into a spending and a GDP effect, with its caveats (the catalogue's ``sipri.x.*`` texts;
    the English is the ``explanation`` column)."""
    year, supp_status, gap = row["calendar_year"], row["supplementary_status"], row["difference_share_pt"]
    spend, spend0 = row["spending_jpy"], row["spending_initial_only_jpy"]
    sh, su, sy = row["sipri_share_of_gdp"], row["sipri_spending_usd"], row["sipri_spending_jpy_implied"]
    if math.isnan(sh):
        parts = [t("sipri.x.none", lang)]
    elif math.isnan(su):
        parts = [t("sipri.x.unsplit", lang, gap=f"{gap:+.2f}", share=f"{sh:.2%}", year=year)]
    else:
        parts = [_split(row, vintage, lang)]
    if not math.isnan(sy):
        parts.append(t("sipri.x.yen", lang, initial=f"{sy / spend0 - 1:+.1%}", ours=f"{sy / spend - 1:+.1%}"))
        if year + 1 != SHARE_RELEASE_YEAR:
            parts.append(t("sipri.x.release", lang, year=year + 1, share_year=SHARE_RELEASE_YEAR))
    if supp_status in ("missing", "estimate"):
        parts.append(t(f"sipri.x.{supp_status}", lang))
    return t("sipri.x.sep", lang).join(parts)


def explanations(table: pd.DataFrame, vintage: str, lang: str = "en") -> list[str]:
    """:func:`explanation` of every row of ``table`` (from :func:`compute` with ``vintage``), in ``lang``."""
    return [explanation(row, vintage, lang) for row in table.to_dict("records")]
