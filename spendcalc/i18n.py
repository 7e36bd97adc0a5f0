"""The message catalogue: every user-facing text in English and Japanese, side by side.

One keyed table (:data:`MESSAGES`): ``key -> (english, japanese)``. Shells (the app, the CLI,
the charts) and the pure sentence builders (:mod:`spendcalc.answers`) look their words up with
:func:`t`; numbers are printed with the formatters below (:func:`fy`, :func:`yen`,
:func:`usd_bn`, :func:`man_yen`, :func:`percent`), which follow each language's conventions
(English: ``27.2 trillion yen``, ``FY2035``; Japanese: ``27.2兆円``, ``2035年度``, ``対GDP比3.5%``,
億円 below one trillion yen, 万円 per person).

Templates use ``str.format`` fields named in the key's both texts; the catalogue's own texts are
the only templates (user text is only ever a field value, never a template).

Official Japanese terms (:data:`OFFICIAL_TERMS`; ``tests/test_i18n.py`` checks that each appears in
the quotes or source titles of the bundled sources, ``data/*.csv`` and ``data/raw/*.csv``, and
that the names of scopes, bases and statuses are made of them): 防衛関係費 (MOD defense budget),
安全保障に関連する経費 (security-related total: the words of the Ministry of Finance's Fiscal System
Council for the 11 trillion yen of FY2027, "安全保障に関連する経費を11兆円程度まで増額"; the shorter 安全保障関連経費 of the
press is in none of the bundled sources), 当初予算 (initial budget), 補正予算 (supplementary
budget), 防衛力整備計画 (Defense Buildup Program), 国家安全保障戦略 (National Security Strategy),
名目GDP (nominal GDP), 対GDP比 (share of GDP), 年度 (fiscal year, April–March), 暦年 (calendar
year), 実績/計画/推計/試算 (actual/plan/estimate/projection).

Adding a text: add its key with both languages to :data:`MESSAGES` (``tests/test_i18n.py``
fails on a key with an empty language or mismatched fields).
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping

from spendcalc.errors import SpendcalcError

#: the languages every text exists in; the first is the default
LANGS: tuple[str, ...] = ("en", "ja")
DEFAULT_LANG = "en"
#: the name of each language in itself (for the language selector)
LANG_NAMES: Mapping[str, str] = {"en": "English", "ja": "日本語"}

#: key -> (English, Japanese). Keep keys grouped by where they appear; prefix with the area
#: (``common.``, ``scope.``, ``basis.``, ``status.``, ``answer.``, ``chart.``, ``app.``, ``cli.``,
#: ``verdict.``, ...).
MESSAGES: dict[str, tuple[str, str]] = {
    # numbers and years
    "common.not_available": ("not available", "該当なし"),
    "common.fy": ("FY{year}", "{year}年度"),
    "common.cy": ("CY{year}", "{year}年"),
    "common.fy_range": ("FY{start}–FY{end}", "{start}〜{end}年度"),
    "common.fiscal_year_axis": ("Fiscal year (April–March)", "年度（4月〜翌年3月）"),
    "common.calendar_year_axis": ("Calendar year", "暦年"),
    # spending scopes and budget bases (official Japanese names)
    "scope.security-related": ("security-related total", "安全保障に関連する経費"),
    "scope.mod-budget": ("MOD defense budget", "防衛関係費"),
    "scope.nato-core": ("NATO-style core defense (project's mapping)", "NATO基準の中核的防衛費（本ツールの分類）"),
    "scope.nato-related": ("NATO-style related spending (project's mapping)", "NATO基準の関連経費（本ツールの分類）"),
    "basis.initial": ("initial budget", "当初予算"),
    "basis.with-supplementary": ("initial plus supplementary budgets", "当初予算＋補正予算"),
    # figure status
    "status.actual": ("actual", "実績"),
    "status.plan": ("plan", "計画"),
    "status.estimate": ("estimate", "推計"),
    "status.projection": ("projection", "試算"),
    # GDP denominators
    "denominator.same_year": ("same-year GDP", "当該年度の名目GDP"),
    "denominator.fixed_fy2022": ("fixed FY2022 GDP", "2022年度の名目GDP（固定）"),
    "share.of_gdp": ("{share} of GDP", "対GDP比{share}"),
    # verdicts of the claims audit (spendcalc.schema.VERDICTS)
    "verdict.consistent": ("consistent", "整合"),
    "verdict.inconsistent": ("inconsistent", "不整合"),
    "verdict.depends-on-definition": ("depends on the definition", "定義による"),
    "verdict.not-modelled": ("not modelled", "検証対象外"),
    "verdict.partly-supported": ("partly supported", "一部裏付けあり"),
    # columns of the tidy CSV (the names stay English: they are interfaces; these are labels)
    "column.scenario": ("scenario name", "シナリオ名"),
    "column.fiscal_year": ("Japanese fiscal year (April–March)", "年度（4月〜翌年3月）"),
    "column.status": ("status of the figure (actual, plan, estimate, projection)", "数値の区分（実績・計画・推計・試算）"),
    "column.measure": ("measure (see the glossary)", "指標（用語集を参照）"),
    "column.unit": ("unit of value", "単位"),
    "column.value": ("the value, in its unit", "値（単位はunit列）"),
    "column.scope": ("spending scope", "経費の範囲"),
    "column.denominator": ("GDP denominator of the shares", "対GDP比の分母"),
    "column.basis": ("budget basis (initial, or with supplementary)", "予算の区分（当初、または補正後）"),
    # measures of the tidy frame
    "measure.spending_jpy": ("spending (nominal yen)", "歳出額（名目、円）"),
    "measure.spending_real_jpy": ("spending in real terms (base-year prices)", "歳出額（実質、基準年度価格）"),
    "measure.spending_usd": ("spending in US dollars", "歳出額（米ドル換算）"),
    "measure.spending_per_capita_jpy": ("spending per person (yen)", "国民1人当たり歳出額（円）"),
    "measure.spending_per_capita_usd": ("spending per person (US dollars)", "国民1人当たり歳出額（米ドル）"),
    "measure.share_of_gdp": ("share of GDP on the scenario's denominator", "対GDP比（シナリオの分母）"),
    "measure.share_of_gdp_same_year": ("share of same-year nominal GDP", "対GDP比（当該年度の名目GDP）"),
    "measure.share_of_gdp_fixed_fy2022": ("share of fixed FY2022 nominal GDP", "対GDP比（2022年度名目GDP・固定）"),
    "measure.nominal_gdp_jpy": ("nominal GDP of the year (yen)", "当該年度の名目GDP（円）"),
    "measure.denominator_gdp_jpy": ("GDP used as the denominator (yen)", "分母に用いたGDP（円）"),
    "measure.baseline_spending_jpy": ("baseline spending (yen)", "比較基準の歳出額（円）"),
    "measure.gap_to_baseline_jpy": ("extra yen over the baseline in the year", "比較基準からの増加額（当該年度、円）"),
    "measure.cumulative_gap_to_baseline_jpy": ("extra yen over the baseline, cumulative", "比較基準からの増加額（累計、円）"),
    "measure.cumulative_spending_jpy": ("spending, cumulative (yen)", "歳出額（累計、円）"),
    # answer sentence, text outputs of the command line, claims' reasons (spendcalc.answers,
    # spendcalc.cli, spendcalc.claims); English words of the sentence are the catalogue's too
    "answer.sentence": ("{head} {details}, {gap}. {shares}", "{head}{details}。{gap}。{shares}"),
    "answer.what": ("{scope} spending ({basis})", "{scope}（{basis}）"),
    "answer.goal": ("{share} of GDP ({denominator})", "対GDP比{share}（{denominator}）"),
    "answer.denominator.same-year": ("same-year nominal GDP", "当該年度の名目GDP"),
    "answer.denominator.fixed-fy2022": ("FY2022 GDP held fixed at {reference}",
                                        "2022年度の名目GDP（{reference}で固定）"),
    "answer.head.target": ("Reaching {goal} by FY{target} means {what} of {spending} in FY{year}",
                           "{target}年度に{goal}に達するには、{what}を{year}年度に{spending}とする必要がある"),
    "answer.head.budgeted": ("The target of {goal} falls due in FY{target}, a year already budgeted "
                             "({status}): {what} is {spending} in FY{year}",
                             "{goal}の目標年度である{target}年度は既に予算が決まっている（{status}）。"
                             "{what}は{year}年度に{spending}である"),
    "answer.head.path": ("Under '{title}' ({scenario}), {what} is {spending} in FY{year}",
                         "シナリオ「{scenario}」（{title}）では、{what}は{year}年度に{spending}となる"),
    "answer.details": ("({usd} {fx}; {real}; {person})", "（{usd}、{fx}；{real}；{person}）"),
    "answer.fx.stated": ("at {rate} JPY/USD", "1ドル＝{rate}円換算"),
    "answer.fx.values": ("at the exchange rate given in the values", "換算レートは値の一覧を参照"),
    "answer.real": ("{amount} in FY{base} prices", "{base}年度価格で{amount}"),
    "answer.real.missing": ("in FY{base} prices {na}", "{base}年度価格では{na}"),
    "answer.per_person": ("{amount} per person", "国民1人当たり{amount}"),
    "answer.gap": ("{per_year} ({baseline}); {total}", "{per_year}（比較基準：{baseline}）。{total}"),
    "answer.gap.more": ("{amount} more in FY{year} than the baseline", "{year}年度は比較基準より{amount}多い"),
    "answer.gap.less": ("{amount} less in FY{year} than the baseline", "{year}年度は比較基準より{amount}少ない"),
    "answer.gap.same": ("the same as the baseline", "比較基準と同水準である"),
    "answer.gap.missing": ("the difference from the baseline is {na}", "比較基準との差は{na}"),
    "answer.total.none": ("no cumulative total (FY{year} is before FY{first}, the first year it counts)",
                          "累計はない（{year}年度は累計の起点である{first}年度より前）"),
    "answer.total.missing": ("the total over FY{first}–FY{year} is {na}", "{first}〜{year}年度の累計は{na}"),
    "answer.total.more": ("{amount} more in total over FY{first}–FY{year}",
                          "{first}〜{year}年度の累計では{amount}多い"),
    "answer.total.less": ("{amount} less in total over FY{first}–FY{year}",
                          "{first}〜{year}年度の累計では{amount}少ない"),
    # (Japanese only where English keeps its established '0.0 trillion yen more in total')
    "answer.total.same": ("the same as the baseline in total over FY{first}–FY{year}",
                          "{first}〜{year}年度の累計でも比較基準と同水準である"),
    "answer.baseline.common": ("common: the FY{year} {scope} total ({basis}), {level}, held flat in yen "
                               "for every scenario",
                               "{year}年度の{scope}（{basis}）{level}を全シナリオ共通で円建てのまま据え置いた水準"),
    "answer.baseline.own": ("own: the scenario's last decided figure (FY{year} {scope}, {basis}), "
                            "{level}, held flat in yen",
                            "本シナリオの直近の決定額（{year}年度の{scope}、{basis}）{level}を円建てのまま据え置いた水準"),
    "answer.shares": ("Measured against same-year nominal GDP that is {same} of GDP; against FY2022 GDP "
                      "held fixed at {reference} it is {fixed} (the scenario's own denominator: "
                      "{denominator}).",
                      "当該年度の名目GDPに対しては対GDP比{same}、{reference}で固定した2022年度の名目GDPに"
                      "対しては{fixed}となる（本シナリオの分母：{denominator}）。"),
    "table.title": ("{name}: {title} ({scope}, {basis}; its own denominator: {denominator}; "
                    "trn = trillion)",
                    "{name}：{title}（{scope}、{basis}；本シナリオの分母：{denominator}）"),
    "table.methodology": ("Methodology (fiscal years are Japanese, April-March):",
                          "計算方法（年度は4月〜翌年3月。内容はデータの原文・英語）："),
    "table.FY": ("FY", "年度"),
    "table.status": ("status", "区分"),
    "table.spending_jpy": ("spending [trn JPY]", "歳出額［兆円］"),
    "table.nominal_gdp_jpy": ("GDP [trn JPY]", "名目GDP［兆円］"),
    "table.denominator_gdp_jpy": ("denominator GDP [trn JPY]", "分母のGDP［兆円］"),
    "table.share_of_gdp": ("own-denominator share [%]", "対GDP比・本シナリオの分母［%］"),
    "table.share_of_gdp_fixed_fy2022": ("of FY2022 GDP [%]", "対2022年度GDP比［%］"),
    "table.share_of_gdp_same_year": ("of same-year GDP [%]", "対当該年度GDP比［%］"),
    "table.spending_usd": ("spending [USD bn]", "米ドル換算［10億ドル］"),
    "table.spending_real_jpy": ("real [trn JPY of FY{base}]", "実質［{base}年度価格・兆円］"),
    "table.cumulative_spending_jpy": ("cumulative [trn JPY]", "累計［兆円］"),
    "table.baseline_spending_jpy": ("baseline [trn JPY]", "比較基準［兆円］"),
    "table.gap_to_baseline_jpy": ("extra vs baseline [trn JPY/yr]", "比較基準からの増加額［兆円/年］"),
    "table.cumulative_gap_to_baseline_jpy": ("cumulative extra [trn JPY]", "増加額の累計［兆円］"),
    "table.spending_per_capita_jpy": ("per person [JPY]", "国民1人当たり［円］"),
    "table.spending_per_capita_usd": ("per person [USD]", "国民1人当たり［ドル］"),
    "claims.reason": ("{lead}: {body}", "{lead}：{body}"),
    "claims.join": ("; ", "。"),
    "claims.lead.consistent": ("supported", "裏付けあり"),
    "claims.lead.partly-supported": ("partly supported", "一部裏付けあり"),
    "claims.lead.depends-on-definition": ("depends on definition", "定義による"),
    "claims.lead.inconsistent": ("contradicted", "反証あり"),
    "claims.lead.not-modelled": ("not checked", "検証できず"),
    "claims.what.pledge": ("a pledge, judged on its announcement, not on the level reached",
                           "公約・計画であり、達成水準ではなく表明の有無で判定"),
    "claims.what.request": ("a request, judged on the source that reports it, not the model",
                            "要請であり、モデルではなく報じた出典で判定"),
    "claims.read_as": ("read as {range}", "判定の幅：{range}"),
    "claims.range": ("{low}–{high}", "{low}〜{high}"),
    "claims.above": ("above {low}", "{low}超"),
    "claims.at_least": ("at least {low}", "{low}以上"),
    "claims.at_most": ("at most {high}", "{high}以下"),
    "claims.model": ("model FY{year} ({status})", "モデル（{year}年度・{status}）"),
    "claims.no_year": ("the article prints no year: checked in FY{year}, the scenario's target year",
                       "記事に年度の記載がないため、シナリオの目標年度である{year}年度で確認"),
    "claims.cell": ("{scope} on {denominator} {share}", "{scope}・{denominator}比{share}"),
    "claims.denominator.fixed-fy2022": ("the fixed FY2022 GDP", "2022年度名目GDP（固定）"),
    "claims.denominator.same-year": ("same-year GDP", "当該年度名目GDP"),
    "claims.holds": ("holds for {cells}", "成り立つ：{cells}"),
    "claims.fails": ("not for {cells}", "成り立たない：{cells}"),
    "claims.reference": ("reference: {source} ({period}): {value}", "参照：{source}（{period}）：{value}"),
    "claims.value_unit": ("{value} ({unit})", "{value}（{unit}）"),
    "claims.check.matches": ("the reference confirms it", "参照データと一致"),
    "claims.check.differs": ("the reference differs", "参照データと異なる"),
    "claims.check.partly-supported": ("the reference confirms part of it", "参照データは一部のみ裏付け"),
    "claims.above_claim": ("{share} above the claim", "主張より{share}多い"),
    "claims.below_claim": ("{share} below the claim", "主張より{share}少ない"),
    "claims.old": ("the reference is {age} years before the claim ({year}): it at most partly "
                   "supports a present-tense claim",
                   "参照データは主張の時点（{year}年）より{age}年古く、現在についての主張は一部しか裏付けられない"),
    "claims.undated": ("the reference cannot be dated against the claim", "参照データの時点を主張の時点と照合できない"),
    "claims.no_reference": ("{kind}; no bundled reference row speaks to it",
                            "{kind}であり、照合できる参照データは同梱されていない"),
    "claims.not_verified": ("not verified by the source", "出典では確認されていない"),
    "claims.same_claim": ("the same claim as {others}, judged once with the least support found",
                          "{others}と同一の主張として、最も裏付けの弱い判定に統一"),
    "claims.plan": ("plan check (model, separate from the verdict): {status}",
                    "計画の確認（モデル、判定とは別）：{status}"),
    "claims.plan.met": ("met", "達成"),
    "claims.plan.not met": ("not met", "未達"),
    "claims.plan.projected": ("projected (met by construction in a projected year: an assumption)",
                              "試算（試算年度では目標達成を前提とするため根拠ではない）"),
    "claims.plan.projected not met": ("projected not met", "試算でも未達"),
    "claims.kind.attribution": ("an attribution (who said, asked or reported what)", "発言・要請・報道の帰属"),
    "claims.kind.policy": ("a policy statement", "政策に関する記述"),
    "claims.kind.event": ("an event", "出来事"),
    "claims.kind.date": ("a date", "日付"),
    "claims.kind.force-posture": ("a force-posture figure", "部隊・配備の数値"),
    "claims.kind.geography": ("a geographic figure", "地理に関する数値"),
    "claims.kind.spending-target": ("a spending statement without a share and year",
                                    "比率・年度のない支出に関する記述"),
    "claims.kind.budget-figure": ("a budget figure", "予算額"),
    "claims.unit.date": ("date", "日付"),
    "claims.unit.percent of GDP": ("percent of GDP", "対GDP比、%"),
    "claims.unit.years": ("years", "年"),
    "claims.unit.persons": ("persons", "人"),
    "claims.unit.exercises": ("exercises", "回"),
    "claims.unit.facilities": ("facilities", "施設"),
    "claims.table.title": ("Claims in the five articles, checked against the model and the bundled "
                           "reference figures (fiscal years April-March; shares in percent of GDP).",
                           "5本の記事の主張を、モデルと同梱の参照データで検証した結果"
                           "（年度は4月〜翌年3月、比率は対GDP比%）。"),
    "claims.table.verdicts": ("Verdicts", "判定"),
    "claims.table.total": ("total", "計"),
    "claims.table.article": ("{article} ({count} claims)", "{article}（主張{count}件）"),
    "claims.table.reason": ("reason", "理由"),
    "claims.table.cross": ("cross-article", "記事間の注記"),
    "bridge.title": ("Scope waterfall FY{year} ({basis}); Japanese fiscal year, April-March",
                     "{year}年度の積み上げ：防衛関係費から安全保障に関連する経費まで（{basis}）。年度は4月〜翌年3月"),
    "bridge.step": ("step", "段階"),
    "bridge.component": ("component", "構成要素（原文）"),
    "bridge.value": ("trillion JPY", "兆円"),
    "bridge.running": ("running total", "累計（兆円）"),
    "bridge.share_fixed": ("% GDP FY2022", "対2022年度GDP比"),
    "bridge.share_same": ("% GDP same year", "対当該年度GDP比"),
    "bridge.per_person": ("JPY/person", "国民1人当たり（円）"),
    "bridge.status": ("status", "区分"),
    "bridge.source": ("source", "出典"),
    "bridge.note": ("Note: {note}", "注（原文）：{note}"),
    "bridge.gdp_same_year": ("Same-year GDP: {text}", "当該年度の名目GDP（原文）：{text}"),
    "bridge.fixed": ("Fixed denominator: FY2022 reference GDP {value} trillion yen",
                     "固定の分母：2022年度の名目GDP {value}兆円"),
    "bridge.sources": ("Sources (address per step): --format csv or json",
                       "出典（各段階のアドレス）：--format csv または json"),
    "sipri.CY": ("CY", "暦年"),
    "sipri.spending": ("spending tn JPY", "歳出額（兆円）"),
    "sipri.supp": ("supp.", "補正予算"),
    "sipri.missing": ("missing", "不明"),
    "sipri.gdp": ("GDP tn JPY", "名目GDP（兆円）"),
    "sipri.share": ("share %", "対GDP比（%）"),
    "sipri.sipri_share": ("SIPRI %", "SIPRIの対GDP比（%）"),
    "sipri.diff": ("diff pt", "差（ポイント）"),
    "sipri.usd": ("USD bn", "米ドル換算（10億ドル）"),
    "sipri.sipri_usd": ("SIPRI USD bn", "SIPRIの米ドル額（10億ドル）"),
    "sipri.why": ("Why each year differs from SIPRI (ours - SIPRI, percentage points):",
                  "各暦年のSIPRIとの差の理由（本ツール − SIPRI、ポイント。説明は原文・英語）："),
    "sipri.year": ("CY{year}: {text}", "{year}年：{text}"),
    "sipri.method": ("Method (every row is an estimate): {text}", "計算方法（すべて推計。原文・英語）：{text}"),
    "answer.exact_values": ("Exact values (--format csv or json for a table):",
                            "正確な値（表は --format csv または json。定義は原文の英語）："),
}

#: the government's own Japanese terms the catalogue uses, each found in the bundled sources'
#: quotes or titles (tests/test_i18n.py); the names of scopes, bases and statuses are made of them
OFFICIAL_TERMS: Mapping[str, str] = {
    "防衛関係費": "MOD defense budget (scope mod-budget)",
    "安全保障に関連する経費": "security-related total (scope security-related)",
    "当初予算": "initial budget (basis initial)",
    "補正予算": "supplementary budget",
    "防衛力整備計画": "Defense Buildup Program (2022)",
    "国家安全保障戦略": "National Security Strategy (2022)",
    "名目GDP": "nominal GDP",
    "対GDP比": "share of GDP",
    "年度": "fiscal year (April-March)",
    "暦年": "calendar year",
    "実績": "actual (status)",
    "計画": "plan (status)",
    "推計": "estimate (status)",
    "試算": "projection (status)",
}

_FORMATTER = string.Formatter()


def check_lang(lang: object, field: str = "lang") -> str:
    """The language code, or an error naming the field, the text and what is allowed."""
    if isinstance(lang, str) and lang in LANGS:
        return lang
    raise SpendcalcError(field, lang, "one of " + ", ".join(LANGS) + " (e.g. 'ja')")


def fields(template: str) -> frozenset[str]:
    """The ``str.format`` field names of a template."""
    return frozenset(name for _, name, _, _ in _FORMATTER.parse(template) if name)


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text of ``key`` in ``lang``, with its fields filled from ``values``.

    An unknown key is a ``KeyError`` (a programming error, caught by the tests); a field missing
    from ``values`` is a ``KeyError`` too.
    """
    en, ja = MESSAGES[key]
    template = ja if check_lang(lang) == "ja" else en
    return template.format(**values) if values or fields(template) else template


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def fy(year: int, lang: str = DEFAULT_LANG) -> str:
    """A Japanese fiscal year: ``FY2035`` / ``2035年度``."""
    return t("common.fy", lang, year=int(year))


def yen(value_jpy: float, lang: str = DEFAULT_LANG) -> str:
    """Yen as a brief prints them.

    English: ``27.2 trillion yen`` (one decimal). Japanese: ``27.2兆円`` (one decimal) from one
    trillion yen up, ``8,500億円`` (whole 億, 100 million yen) below it.
    """
    if _missing(value_jpy):
        return t("common.not_available", lang)
    if check_lang(lang) == "en":
        return f"{value_jpy / 1e12:,.1f} trillion yen"
    if abs(value_jpy) >= 1e12:
        return f"{value_jpy / 1e12:,.1f}兆円"
    return f"{value_jpy / 1e8:,.0f}億円"


def usd_bn(value_usd: float, lang: str = DEFAULT_LANG) -> str:
    """US dollars in whole billions: ``$175 bn`` / ``1,750億ドル``."""
    if _missing(value_usd):
        return t("common.not_available", lang)
    if check_lang(lang) == "en":
        return f"${value_usd / 1e9:,.0f} bn"
    return f"{value_usd / 1e8:,.0f}億ドル"


def man_yen(value_jpy: float, lang: str = DEFAULT_LANG) -> str:
    """Yen per person, to the nearest thousand yen: ``234,000 yen`` / ``23.4万円`` (万 = 10,000
    yen, one decimal: the same rounding in both languages)."""
    if _missing(value_jpy):
        return t("common.not_available", lang)
    rounded = round(float(value_jpy), -3)
    if check_lang(lang) == "en":
        return f"{rounded:,.0f} yen"
    return f"{rounded / 1e4:,.1f}万円"


def percent(fraction: float, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A fraction as percent with ``digits`` decimals: ``3.5%`` in both languages."""
    if _missing(fraction):
        return t("common.not_available", lang)
    check_lang(lang)
    return f"{fraction * 100:.{digits}f}%"


def markdown_table() -> str:
    """The README's table of the tidy CSV's columns and measures with their labels in both
    languages (``column.*`` and ``measure.*`` of :data:`MESSAGES`; the names stay English)."""
    rows = ["| 列・指標 (column / measure) | English | 日本語 |", "|---|---|---|"]
    for prefix, kind in (("column.", "列"), ("measure.", "指標")):
        for key, (en, ja) in MESSAGES.items():
            if key.startswith(prefix):
                rows.append(f"| {kind} `{key.removeprefix(prefix)}` | {en} | {ja} |")
    return "\n".join(rows) + "\n"
