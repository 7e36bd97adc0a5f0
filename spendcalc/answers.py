"""The answer as a sentence: one scenario's projection and headline figures -> words and values.

Pure: takes the tidy frame of :func:`spendcalc.model.project` (with its ``attrs['methodology']``)
and the dict of :func:`spendcalc.model.headline_figures` for the same scenario and assumptions.
No arithmetic beyond rounding for print: every number is read from those two inputs, and every
one is also returned exactly (:attr:`Answer.values`), with its unit and definition.

Printed the way a brief prints them: trillion yen with one decimal, US dollars in whole billions,
yen per person to the nearest thousand, shares of GDP in percent with one decimal. A value that
is missing (NaN) reads "not available".
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

#: columns of :attr:`Answer.values`
VALUE_COLUMNS = ("quantity", "fiscal_year", "value", "unit", "definition")
NOT_AVAILABLE = "not available"


@dataclass(frozen=True)
class Answer:
    """The sentence and the exact values it rounds (one row per number in the sentence)."""

    scenario: str
    sentence: str
    values: pd.DataFrame


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def trillion_yen(v: float) -> str:
    """``27.2 trillion yen`` (one decimal), or 'not available'."""
    return NOT_AVAILABLE if _missing(v) else f"{v / 1e12:,.1f} trillion yen"


def usd_bn(v: float) -> str:
    """``$175 bn`` (whole billions), or 'not available'."""
    return NOT_AVAILABLE if _missing(v) else f"${v / 1e9:,.0f} bn"


def per_person(v: float) -> str:
    """``234,000 yen per person`` (nearest thousand yen), or 'not available'."""
    return NOT_AVAILABLE if _missing(v) else f"{round(v, -3):,.0f} yen per person"


def percent(v: float) -> str:
    """``3.5%`` (one decimal), or 'not available'."""
    return NOT_AVAILABLE if _missing(v) else f"{v * 100:.1f}%"


def _at(tidy: pd.DataFrame, scenario: str, year: int, measure: str) -> tuple[float, str]:
    """Value and status of one measure in one year (NaN and '' where the projection has none)."""
    rows = tidy[(tidy["scenario"] == scenario) & (tidy["fiscal_year"] == year) & (tidy["measure"] == measure)]
    if rows.empty:
        return float("nan"), ""
    return float(rows["value"].iloc[0]), str(rows["status"].iloc[0])


def _denominator_text(meta: dict) -> str:
    if meta["denominator"] == "fixed-fy2022":
        return f"FY2022 GDP held fixed at {trillion_yen(meta['reference_gdp_jpy'])}"
    return "same-year nominal GDP"


def _spending(meta: dict) -> str:
    """'security-related spending (with-supplementary)': what is counted, in the scenario's words."""
    return f"{meta['scope']} spending ({meta['basis']})"


def _opening(meta: dict, year: int, status: str) -> str:
    """'Reaching 3.5% of GDP by FY2035 means spending' or the words for a path without a target."""
    share, target = meta.get("target_share"), meta.get("target_year")
    if share is None or target is None:
        return f"Under '{meta['title']}' ({meta['scenario']}), {_spending(meta)} is"
    goal = f"{percent(share)} of GDP ({_denominator_text(meta)})"
    if status and status != "projection":
        return (f"The target of {goal} falls due in FY{target}, a year already budgeted "
                f"({status}): {_spending(meta)} is")
    return f"Reaching {goal} by FY{target} means {_spending(meta)} of"


def _fx_words(meta: dict, status: str) -> str:
    """The exchange rate of a projected year is the stated rate; earlier years: see the values."""
    if status == "projection":
        return f"at {meta['jpy_per_usd']:g} JPY/USD"
    return "at the exchange rate given in the values"


def _gap_words(gap: float, cumulative: float, meta: dict, year: int) -> str:
    first = meta["cumulative_from"]
    if _missing(gap):
        per_year = f"the difference from the baseline is {NOT_AVAILABLE}"
    elif round(gap / 1e12, 1) == 0:
        per_year = "the same as the baseline"
    else:
        per_year = (f"{trillion_yen(abs(gap))} {'more' if gap > 0 else 'less'} in FY{year} than the baseline")
    if year < first:
        total = f"no cumulative total (FY{year} is before FY{first}, the first year it counts)"
    elif _missing(cumulative):
        total = f"the total over FY{first}–FY{year} is {NOT_AVAILABLE}"
    else:
        total = (f"{trillion_yen(abs(cumulative))} {'more' if cumulative >= 0 else 'less'} in total "
                 f"over FY{first}–FY{year}")
    return f"{per_year} ({meta['baseline_description']}); {total}"


def answer(tidy: pd.DataFrame, headline: dict, scenario: str | None = None) -> Answer:
    """The answer for one scenario of ``tidy``, with ``headline`` from ``headline_figures``.

    ``scenario`` defaults to the only scenario of ``tidy``. The year is ``headline['target_year']``
    (the target year, or the last projected year for a path without a target).
    """
    names = list(tidy.attrs.get("methodology", {}))
    name = scenario if scenario is not None else (names[0] if len(names) == 1 else None)
    if name is None or name not in names:
        raise ValueError(f"scenario {scenario!r}: expected one of {names}")
    meta = tidy.attrs["methodology"][name]
    year = int(headline["target_year"])
    spending, status = _at(tidy, name, year, "spending_jpy")
    if _missing(spending):
        spending = headline["target_spending_jpy"]
    gap, _ = _at(tidy, name, year, "gap_to_baseline_jpy")
    cumulative, _ = _at(tidy, name, year, "cumulative_gap_to_baseline_jpy")
    usd, real, person = (headline["spending_usd"], headline["spending_real_jpy"],
                         headline["spending_per_capita_jpy"])
    same, fixed = headline["share_same_year"], headline["share_fixed_fy2022"]
    sentence = (
        f"{_opening(meta, year, status)} {trillion_yen(spending)} in FY{year} "
        f"({usd_bn(usd)} {_fx_words(meta, status)}; {trillion_yen(real).replace(' yen', '')} in "
        f"FY{meta['price_base_year']} prices; {per_person(person)}), "
        f"{_gap_words(gap, cumulative, meta, year)}. "
        f"Measured against same-year nominal GDP that is {percent(same)} of GDP; against FY2022 GDP "
        f"held fixed at {trillion_yen(meta['reference_gdp_jpy'])} it is {percent(fixed)}"
        f" (the scenario's own denominator: {_denominator_text(meta)}).")
    sentence = sentence.replace(f"{NOT_AVAILABLE} in FY{meta['price_base_year']} prices",
                                f"in FY{meta['price_base_year']} prices {NOT_AVAILABLE}")
    first = meta["cumulative_from"]
    rows = [
        ("spending_jpy", spending, "JPY", f"spending in FY{year} ({meta['scope']}, {meta['basis']}), "
         f"status {status or NOT_AVAILABLE}"),
        ("spending_usd", usd, "USD", f"FY{year} spending in US dollars; {meta['fx_assumption']}"),
        ("spending_real_jpy", real, f"JPY of FY{meta['price_base_year']}", meta["deflator"]),
        ("spending_per_capita_jpy", person, "JPY per person", meta["population"]),
        ("gap_to_baseline_jpy", gap, "JPY per year", f"FY{year} spending minus the baseline: "
         f"{meta['baseline_description']}"),
        ("cumulative_gap_to_baseline_jpy", cumulative, "JPY",
         f"sum of the yearly gaps to the baseline over FY{first}-FY{year}" if year >= first else
         f"none: FY{year} is before FY{first}, the first year of the cumulative sum"),
        ("share_of_gdp_same_year", same, "fraction of GDP", f"FY{year} spending / FY{year} nominal GDP "
         f"({meta['gdp_assumption']}; vintage {meta['gdp_vintage']})"),
        ("share_of_gdp_fixed_fy2022", fixed, "fraction of GDP",
         f"FY{year} spending / FY2022 GDP held fixed at {meta['reference_gdp_jpy']:.6g} JPY"),
    ]
    values = pd.DataFrame([(q, year, float(v) if not _missing(v) else float("nan"), u, d)
                           for q, v, u, d in rows], columns=list(VALUE_COLUMNS))
    return Answer(scenario=name, sentence=sentence, values=values)


def answer_sentence(tidy: pd.DataFrame, headline: dict, scenario: str | None = None) -> str:
    """Just the sentence of :func:`answer`."""
    return answer(tidy, headline, scenario).sentence


# ----------------------------------------------------------------------------------------------
# The readable per-year table (``spendcalc project --format table``)
# ----------------------------------------------------------------------------------------------
#: the measures of the readable table when none are chosen, in column order
TABLE_MEASURES = ("spending_jpy", "share_of_gdp_same_year", "share_of_gdp_fixed_fy2022", "spending_usd",
                  "spending_real_jpy", "spending_per_capita_jpy", "gap_to_baseline_jpy",
                  "cumulative_gap_to_baseline_jpy")

#: measure -> (column header with its unit, divisor for print, format); units as the tidy frame's
_READABLE: dict[str, tuple[str, float, str]] = {
    "spending_jpy": ("spending [trn JPY]", 1e12, "{:,.2f}"),
    "nominal_gdp_jpy": ("GDP [trn JPY]", 1e12, "{:,.1f}"),
    "denominator_gdp_jpy": ("denominator GDP [trn JPY]", 1e12, "{:,.1f}"),
    "share_of_gdp": ("own-denominator share [%]", 0.01, "{:.2f}"),
    "share_of_gdp_fixed_fy2022": ("of FY2022 GDP [%]", 0.01, "{:.2f}"),
    "share_of_gdp_same_year": ("of same-year GDP [%]", 0.01, "{:.2f}"),
    "spending_usd": ("spending [USD bn]", 1e9, "{:,.1f}"),
    "spending_real_jpy": ("real [trn JPY of FY{base}]", 1e12, "{:,.2f}"),
    "cumulative_spending_jpy": ("cumulative [trn JPY]", 1e12, "{:,.1f}"),
    "baseline_spending_jpy": ("baseline [trn JPY]", 1e12, "{:,.2f}"),
    "gap_to_baseline_jpy": ("extra vs baseline [trn JPY/yr]", 1e12, "{:+,.2f}"),
    "cumulative_gap_to_baseline_jpy": ("cumulative extra [trn JPY]", 1e12, "{:+,.1f}"),
    "spending_per_capita_jpy": ("per person [JPY]", 1.0, "{:,.0f}"),
    "spending_per_capita_usd": ("per person [USD]", 1.0, "{:,.0f}"),
}


def readable_table(tidy: pd.DataFrame, scenario: str, measures: tuple[str, ...] | list[str] | None = None,
                   ) -> pd.DataFrame:
    """One scenario of ``tidy`` as text cells for a terminal: fiscal years down, measures across,
    each in the unit its header names (trillion yen, %, USD bn), rounded for print only.

    The first columns are ``FY`` and ``status`` (of the year's spending); a measure without a
    value in a year reads ``-``; a year without any of ``measures`` is left out. "trn" is
    trillion (10^12). The tidy frame stays the exact record (CSV, JSON).
    """
    one = tidy[tidy["scenario"] == scenario]
    base = tidy.attrs.get("methodology", {}).get(scenario, {}).get("price_base_year", "")
    chosen = [m for m in (measures or TABLE_MEASURES) if m in set(one["measure"])]
    one = one[one["measure"].isin(chosen)]  # years with none of the chosen measures are left out
    values = one.pivot(index="fiscal_year", columns="measure", values="value")
    status = one.pivot(index="fiscal_year", columns="measure", values="status")
    lead = "spending_jpy" if "spending_jpy" in status else (chosen[0] if chosen else None)
    out = pd.DataFrame({"FY": [f"FY{y}" for y in values.index],
                        "status": [str(s) if isinstance(s, str) else "-" for s in
                                   (status[lead] if lead else [None] * len(values))]})
    for m in chosen:
        header, divisor, fmt = _READABLE[m]
        out[header.format(base=base)] = [("-" if _missing(float(v)) else fmt.format(v / divisor))
                                         for v in values[m]]
    return out
