"""The answer as a sentence: one scenario's projection and headline figures -> words and values.

Pure: takes the tidy frame of :func:`spendcalc.model.project` (with its ``attrs['methodology']``)
and the dict of :func:`spendcalc.model.headline_figures` for the same scenario and assumptions.
No arithmetic beyond rounding for print: every number is read from those two inputs, and every
one is also returned exactly (:attr:`Answer.values`), with its unit and definition.

Printed the way a brief prints them: trillion yen with one decimal, US dollars in whole billions,
yen per person to the nearest thousand, shares of GDP in percent with one decimal. A value that
is missing (NaN) reads "not available".

In either language (``lang``, :data:`spendcalc.i18n.LANGS`): every word of the sentence is a
template of the message catalogue (``answer.*`` keys of :mod:`spendcalc.i18n`) filled with the
same numbers, printed by the catalogue's formatters. Japanese follows Japanese conventions
(27.2兆円, 億円 below a trillion, 1,750億ドル, 国民1人当たり23.4万円, 2035年度, 対GDP比3.5%) and
the government's terms for scopes and bases (``scope.*``, ``basis.*``); the English sentence
prints scope and basis codes as before. The values (:attr:`Answer.values`) are the same in
both languages; their ``definition`` is data and stays English (the ``quantity`` names have
Japanese labels as ``measure.<quantity>``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from spendcalc import i18n
from spendcalc.i18n import is_missing

#: columns of :attr:`Answer.values`
VALUE_COLUMNS = ("quantity", "fiscal_year", "value", "unit", "definition")
NOT_AVAILABLE = "not available"


@dataclass(frozen=True)
class Answer:
    """The sentence and the exact values it rounds (one row per number in the sentence)."""

    scenario: str
    sentence: str
    values: pd.DataFrame


def _at(tidy: pd.DataFrame, scenario: str, year: int, measure: str) -> tuple[float, str]:
    """Value and status of one measure in one year (NaN and '' where the projection has none)."""
    rows = tidy[(tidy["scenario"] == scenario) & (tidy["fiscal_year"] == year) & (tidy["measure"] == measure)]
    if rows.empty:
        return float("nan"), ""
    return float(rows["value"].iloc[0]), str(rows["status"].iloc[0])


def _denominator_text(meta: dict, lang: str = "en") -> str:
    """The scenario's own GDP denominator in words."""
    if meta["denominator"] == "fixed-fy2022":
        return i18n.t("answer.denominator.fixed-fy2022", lang, reference=i18n.yen(meta["reference_gdp_jpy"], lang))
    return i18n.t("answer.denominator.same-year", lang)


def _label(kind: str, code: str, lang: str) -> str:
    """A scope, basis or status in a sentence: the code in English (as the scenario names it),
    the official Japanese name in Japanese (``scope.*``, ``basis.*``, ``status.*``)."""
    if lang == "en" or not code:
        return code
    return i18n.t(f"{kind}.{code}", lang)


def _spending(meta: dict, lang: str = "en") -> str:
    """'security-related spending (with-supplementary)' / '安全保障に関連する経費（当初予算＋補正予算）'."""
    return i18n.t("answer.what", lang, scope=_label("scope", meta["scope"], lang),
             basis=_label("basis", meta["basis"], lang))


def _head(meta: dict, year: int, status: str, spending: str, lang: str) -> str:
    """'Reaching 3.5% of GDP (…) by FY2035 means … of 27.2 trillion yen in FY2035', or the
    words for a target already budgeted, or for a path without a target."""
    share, target = meta.get("target_share"), meta.get("target_year")
    what = _spending(meta, lang)
    if share is None or target is None:
        return i18n.t("answer.head.path", lang, title=meta["title"], scenario=meta["scenario"], what=what,
                 spending=spending, year=year)
    goal = i18n.t("answer.goal", lang, share=i18n.percent(share, lang), denominator=_denominator_text(meta, lang))
    if status and status != "projection":
        return i18n.t("answer.head.budgeted", lang, goal=goal, target=target, what=what, spending=spending,
                 year=year, status=_label("status", status, lang))
    return i18n.t("answer.head.target", lang, goal=goal, target=target, what=what, spending=spending,
             year=year)


def _fx_words(meta: dict, status: str, lang: str = "en") -> str:
    """The exchange rate of a projected year is the stated rate; earlier years: see the values."""
    if status == "projection":
        return i18n.t("answer.fx.stated", lang, rate=f"{meta['jpy_per_usd']:g}")
    return i18n.t("answer.fx.values", lang)


def _details(meta: dict, status: str, usd: float, real: float, person: float, lang: str) -> str:
    """The bracket after the spending: dollars at the rate, real terms, per person."""
    base = meta["price_base_year"]
    na = i18n.t("common.not_available", lang)
    if is_missing(real):
        real_text = i18n.t("answer.real.missing", lang, base=base, na=na)
    else:  # English says '22.1 trillion' here (the yen are said once, before)
        real_text = i18n.t("answer.real", lang, base=base, amount=i18n.yen(real, lang).removesuffix(" yen"))
    person_text = na if is_missing(person) else i18n.t("answer.per_person", lang, amount=i18n.man_yen(person, lang))
    return i18n.t("answer.details", lang, usd=i18n.usd_bn(usd, lang), fx=_fx_words(meta, status, lang),
             real=real_text, person=person_text)


def _is_zero(gap: float, lang: str) -> bool:
    """Whether a gap prints as zero: 0.0 trillion yen in English, 0億円 in Japanese."""
    return round(gap / 1e12, 1) == 0 if lang == "en" else round(gap / 1e8) == 0


def _gap_words(gap: float, cumulative: float, meta: dict, year: int, lang: str = "en",
               baseline: str | None = None) -> str:
    first = meta["cumulative_from"]
    na = i18n.t("common.not_available", lang)
    if is_missing(gap):
        per_year = i18n.t("answer.gap.missing", lang, na=na)
    elif _is_zero(gap, lang):
        per_year = i18n.t("answer.gap.same", lang)
    else:
        per_year = i18n.t("answer.gap.more" if gap > 0 else "answer.gap.less", lang,
                     amount=i18n.yen(abs(gap), lang), year=year)
    if year < first:
        total = i18n.t("answer.total.none", lang, year=year, first=first)
    elif is_missing(cumulative):
        total = i18n.t("answer.total.missing", lang, first=first, year=year, na=na)
    elif lang != "en" and _is_zero(cumulative, lang):
        total = i18n.t("answer.total.same", lang, first=first, year=year)
    else:
        total = i18n.t("answer.total.more" if cumulative >= 0 else "answer.total.less", lang,
                  amount=i18n.yen(abs(cumulative), lang), first=first, year=year)
    return i18n.t("answer.gap", lang, per_year=per_year, total=total,
             baseline=baseline if baseline is not None else meta["baseline_description"])


def baseline_words(tidy: pd.DataFrame, meta: dict, year: int, lang: str = "en") -> str:
    """What the extra yen of one scenario are measured against, in words of ``lang``.

    ``tidy`` is a projection (``spendcalc.project``) holding the scenario; ``meta`` is its entry
    in ``tidy.attrs["methodology"]`` (it names the scenario); ``year`` is a projected fiscal year
    (the baseline is held flat, so any projected year gives its level). English: the methodology's
    own words (``meta["baseline_description"]``, as every English output prints them); Japanese:
    the same baseline from its fields and its level in the projection (``baseline_spending_jpy``).
    """
    if lang == "en":
        return meta["baseline_description"]
    level, _ = _at(tidy, meta["scenario"], year, "baseline_spending_jpy")
    if meta.get("baseline") == "common":
        a = tidy.attrs.get("assumptions", {})
        b_year, scope, basis = a.get("baseline_year"), a.get("baseline_scope"), a.get("baseline_basis")
        key = "answer.baseline.common"
    else:
        b_year, scope, basis = meta.get("anchor_year"), meta["scope"], meta["basis"]
        key = "answer.baseline.own"
    return i18n.t(key, lang, year=b_year, scope=_label("scope", scope, lang),
             basis=_label("basis", basis, lang), level=i18n.yen(level, lang))


def _sentence(tidy: pd.DataFrame, meta: dict, year: int, status: str, numbers: dict, lang: str) -> str:
    """The answer sentence in ``lang``, every number from ``numbers`` (the values of the answer)."""
    n = numbers
    head = _head(meta, year, status, i18n.yen(n["spending_jpy"], lang), lang)
    gap = _gap_words(n["gap_to_baseline_jpy"], n["cumulative_gap_to_baseline_jpy"], meta, year, lang,
                     baseline_words(tidy, meta, year, lang))
    shares = i18n.t("answer.shares", lang, same=i18n.percent(n["share_of_gdp_same_year"], lang),
               fixed=i18n.percent(n["share_of_gdp_fixed_fy2022"], lang), reference=i18n.yen(meta["reference_gdp_jpy"], lang),
               denominator=_denominator_text(meta, lang))
    details = _details(meta, status, n["spending_usd"], n["spending_real_jpy"],
                       n["spending_per_capita_jpy"], lang)
    if lang == "ja":
        shares = shares.replace("対GDP比" + i18n.t("common.not_available", lang), i18n.t("common.not_available", lang))
    return i18n.t("answer.sentence", lang, head=head, details=details, gap=gap, shares=shares)


def answer(tidy: pd.DataFrame, headline: dict, scenario: str | None = None, lang: str = "en") -> Answer:
    """The answer for one scenario of ``tidy``, with ``headline`` from ``headline_figures``.

    ``scenario`` defaults to the only scenario of ``tidy``. The year is ``headline['target_year']``
    (the target year, or the last projected year for a path without a target). ``lang`` (one of
    ``spendcalc.i18n.LANGS``) is the language of the sentence; the values are the same in every
    language (their ``definition`` is data, in English; ``spendcalc.i18n`` has the labels of
    the ``quantity`` names, ``measure.<quantity>``).
    """
    names = list(tidy.attrs.get("methodology", {}))
    name = scenario if scenario is not None else (names[0] if len(names) == 1 else None)
    if name is None or name not in names:
        raise ValueError(f"scenario {scenario!r}: expected one of {names}")
    meta = tidy.attrs["methodology"][name]
    year = int(headline["target_year"])
    spending, status = _at(tidy, name, year, "spending_jpy")
    if is_missing(spending):
        spending = headline["target_spending_jpy"]
    gap, _ = _at(tidy, name, year, "gap_to_baseline_jpy")
    cumulative, _ = _at(tidy, name, year, "cumulative_gap_to_baseline_jpy")
    usd, real, person = (headline["spending_usd"], headline["spending_real_jpy"],
                         headline["spending_per_capita_jpy"])
    same, fixed = headline["share_same_year"], headline["share_fixed_fy2022"]
    numbers = {"spending_jpy": spending, "spending_usd": usd, "spending_real_jpy": real,
               "spending_per_capita_jpy": person, "gap_to_baseline_jpy": gap,
               "cumulative_gap_to_baseline_jpy": cumulative, "share_of_gdp_same_year": same,
               "share_of_gdp_fixed_fy2022": fixed}
    sentence = _sentence(tidy, meta, year, status, numbers, i18n.check_lang(lang))
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
    values = pd.DataFrame([(q, year, float(v) if not is_missing(v) else float("nan"), u, d)
                           for q, v, u, d in rows], columns=list(VALUE_COLUMNS))
    return Answer(scenario=name, sentence=sentence, values=values)


def answer_sentence(tidy: pd.DataFrame, headline: dict, scenario: str | None = None,
                    lang: str = "en") -> str:
    """Just the sentence of :func:`answer`."""
    return answer(tidy, headline, scenario, lang).sentence


# ----------------------------------------------------------------------------------------------
# The readable per-year table (``spendcalc project --format table``)
# ----------------------------------------------------------------------------------------------
#: the measures of the readable table when none are chosen, in column order
TABLE_MEASURES = ("spending_jpy", "share_of_gdp_same_year", "share_of_gdp_fixed_fy2022", "spending_usd",
                  "spending_real_jpy", "spending_per_capita_jpy", "gap_to_baseline_jpy",
                  "cumulative_gap_to_baseline_jpy")

#: measure -> (divisor for print, format); units as the tidy frame's. The column header with its
#: unit is the catalogue's ``table.<measure>`` (:mod:`spendcalc.i18n`), in the reader's language.
_READABLE: dict[str, tuple[float, str]] = {
    "spending_jpy": (1e12, "{:,.2f}"),
    "nominal_gdp_jpy": (1e12, "{:,.1f}"),
    "denominator_gdp_jpy": (1e12, "{:,.1f}"),
    "share_of_gdp": (0.01, "{:.2f}"),
    "share_of_gdp_fixed_fy2022": (0.01, "{:.2f}"),
    "share_of_gdp_same_year": (0.01, "{:.2f}"),
    "spending_usd": (1e9, "{:,.1f}"),
    "spending_real_jpy": (1e12, "{:,.2f}"),
    "cumulative_spending_jpy": (1e12, "{:,.1f}"),
    "baseline_spending_jpy": (1e12, "{:,.2f}"),
    "gap_to_baseline_jpy": (1e12, "{:+,.2f}"),
    "cumulative_gap_to_baseline_jpy": (1e12, "{:+,.1f}"),
    "spending_per_capita_jpy": (1.0, "{:,.0f}"),
    "spending_per_capita_usd": (1.0, "{:,.0f}"),
}


def readable_table(tidy: pd.DataFrame, scenario: str, measures: tuple[str, ...] | list[str] | None = None,
                   lang: str = "en") -> pd.DataFrame:
    """One scenario of ``tidy`` as text cells for a terminal: fiscal years down, measures across,
    each in the unit its header names (trillion yen, %, USD bn), rounded for print only.

    The first columns are ``FY`` and ``status`` (of the year's spending); a measure without a
    value in a year reads ``-``; a year without any of ``measures`` is left out. "trn" is
    trillion (10^12). The tidy frame stays the exact record (CSV, JSON). ``lang``: the language
    of the headers, the fiscal years (``2035年度``) and the status (``試算``); the numbers are the
    same in every language.
    """
    lang = i18n.check_lang(lang)
    one = tidy[tidy["scenario"] == scenario]
    base = tidy.attrs.get("methodology", {}).get(scenario, {}).get("price_base_year", "")
    chosen = [m for m in (measures or TABLE_MEASURES) if m in set(one["measure"])]
    one = one[one["measure"].isin(chosen)]  # years with none of the chosen measures are left out
    values = one.pivot(index="fiscal_year", columns="measure", values="value")
    status = one.pivot(index="fiscal_year", columns="measure", values="status")
    lead = "spending_jpy" if "spending_jpy" in status else (chosen[0] if chosen else None)
    out = pd.DataFrame({i18n.t("table.FY", lang): [i18n.fy(y, lang) for y in values.index],
                        i18n.t("table.status", lang): [_label("status", str(s), lang) if isinstance(s, str)
                                                       else "-" for s in
                                                       (status[lead] if lead else [None] * len(values))]})
    for m in chosen:
        divisor, fmt = _READABLE[m]
        out[i18n.t(f"table.{m}", lang, base=base)] = [("-" if is_missing(float(v)) else fmt.format(v / divisor))
                                                      for v in values[m]]
    return out
