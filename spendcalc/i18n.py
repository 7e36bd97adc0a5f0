"""The message catalogue: every user-facing text in English and Japanese, side by side.

One keyed table (:data:`MESSAGES`): ``key -> (english, japanese)``. Shells (the app, the CLI,
the charts) and the pure sentence builders (:mod:`spendcalc.answers`) look their words up with
:func:`t`; numbers are printed with the formatters below, which follow each language's
conventions (English: ``27.2 trillion yen``, ``FY2035``; Japanese: ``27.2兆円``, ``2035年度``,
``対GDP比3.5%``, 億円 below one trillion yen).

Templates use ``str.format`` fields named in the key's both texts; the catalogue's own texts are
the only templates (user text is only ever a field value, never a template).

Official Japanese terms (checked against the quotes of the bundled sources in
``data/raw/*.csv``): 防衛関係費 (MOD defense budget), 安全保障関連経費 (security-related total),
当初予算 (initial budget), 補正予算 (supplementary budget), 防衛力整備計画 (Defense Buildup Program),
名目GDP (nominal GDP), 年度 (fiscal year, April–March), 暦年 (calendar year).

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
    "scope.security-related": ("security-related total", "安全保障関連経費"),
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
    # charts: brief charts and the app's charts (spendcalc.chartdata, spendcalc.charts)
    "chart.sources": ("Sources: MOD/MOF budgets; ESRI GDP; Cabinet Office projections; see data/README.md.",
                      "出典：防衛省・財務省の予算資料、内閣府の国民経済計算（GDP）、内閣府の中長期試算。詳細は data/README.md。"),
    "chart.note.join": (". ", "。"),
    "chart.list_sep": (", ", "、"),
    "chart.note.end": (". ", "。"),
    "chart.note.scope": ("Scope: {text}", "経費の範囲：{text}"),
    "chart.note.basis": ("Budget basis: {text}", "予算の区分：{text}"),
    "chart.note.denominator": ("GDP denominator: {text}", "対GDP比の分母：{text}"),
    "chart.note.reference_gdp_jpy": ("Fixed-FY2022 reference GDP: {text}", "基準とする2022年度名目GDP：{text}"),
    "chart.note.gdp_vintage": ("Actual GDP: {text}", "GDP実績：{text}"),
    "chart.note.gdp_assumption": ("Projected GDP: {text}", "GDPの見通し：{text}"),
    "chart.note.fx_assumption": ("FX: {text}", "為替レート：{text}"),
    "chart.note.vintage": ("ESRI vintage {vintage}", "内閣府経済社会総合研究所 {vintage}版"),
    "chart.note.constant_growth": ("constant nominal growth {rate}/yr", "名目成長率 年{rate}（一定）"),
    "chart.note.preset": ("preset {preset}", "前提 {preset}（詳細はCSVの注記）"),
    "chart.note.fx_rate": ("{rate} JPY per USD (one rate for all years)", "1ドル＝{rate}円（全年度同じレート）"),
    "chart.note.fx_averages": ("fiscal-year averages for past years, {rate} JPY per USD for other years",
                               "過去の年度は年度平均、その他の年度は1ドル＝{rate}円"),
    "chart.note.fiscal_years": ("Fiscal years April–March", "年度は4月〜翌年3月"),
    "chart.projection_region": ("  Projection →", "  試算 →"),
    "chart.legend.observed": ("Actual / plan / estimate", "実績・計画・推計"),
    "chart.legend.projection": ("Projection", "試算"),
    "chart.legend.claim": ("Claim in an article (article numbers in brackets)", "記事中の主張（括弧内は記事番号）"),
    "chart.legend.claim_level": ("Claim naming no year", "達成年度を示さない主張"),
    "chart.claim.key": ("{code}: {name}", "{code}：{name}"),
    "chart.claim.key_unnamed": ("article in data/articles", "data/articles の記事"),
    "chart.claim.dated": ("{share} by {fy}", "{fy}までに{share}"),
    "chart.claim.level": ("{share}, no year named", "{share}（達成年度の明示なし）"),
    "chart.same_as": ("same as {other}, {years}", "{years}は「{other}」と同じ値"),
    "chart.target": ("{share} target ({years})", "目標 対GDP比{share}（{years}）"),
    "chart.spending.title": ("Defense spending by scenario", "シナリオ別の防衛費"),
    "chart.spending.subtitle": ("Scope and budget basis per scenario as in the note below",
                                "経費の範囲と予算の区分はシナリオごとに異なる（下の注記を参照）"),
    "chart.spending.ylabel": ("Spending (trillion JPY, nominal)", "歳出額（兆円、名目）"),
    "chart.usd.title": ("Defense spending in US dollars", "防衛費の米ドル換算"),
    "chart.usd.ylabel": ("Spending (billion USD, nominal)", "歳出額（億ドル、名目）"),
    "chart.usd.subtitle_text": ("Converted at {text} (the stated rate is an assumption, not a forecast)",
                                "換算レート：{text}（仮定であり為替の予測ではない）"),
    "chart.usd.subtitle_averages": ("Converted at fiscal-year averages for past years and {rate} JPY per USD for other years (an assumption, not a forecast)",
                                    "過去の年度は年度平均レート、その他の年度は1ドル＝{rate}円で換算（仮定であり為替の予測ではない）"),
    "chart.usd.subtitle_rate": ("Converted at {rate} JPY per USD for every year (an assumption, not a forecast of the exchange rate)",
                                "全年度1ドル＝{rate}円で換算（仮定であり為替の予測ではない）"),
    "chart.share.title": ("Defense spending as a share of GDP", "防衛費の対GDP比"),
    "chart.share.subtitle": ("Defense spending ÷ nominal GDP; dotted lines: targets", "防衛費÷名目GDP。点線は目標"),
    "chart.share.ylabel": ("Share of GDP (%, each scenario's denominator)", "対GDP比（%、各シナリオの分母）"),
    "chart.denominator.title": ("Same spending, two denominators", "同じ歳出額、二つの分母"),
    "chart.denominator.ylabel": ("Share of GDP (%)", "対GDP比（%）"),
    "chart.denominator.fixed": ("÷ fixed FY2022 GDP ({gdp})", "÷ 2022年度の名目GDP（固定、{gdp}）"),
    "chart.denominator.same": ("÷ same-year nominal GDP (ESRI actual, projected after)",
                               "÷ 当該年度の名目GDP（実績、以降は見通し）"),
    "chart.denominator.gap": ("gap {pp} pp\nin {fy}", "{fy}の差\n{pp}ポイント"),
    "chart.gap.title": ("Extra spending versus a baseline held flat in yen", "円建てで横ばいの比較基準に対する増加額"),
    "chart.gap.ylabel": ("Extra per year\n(trillion JPY, nominal)", "年度ごとの増加額（兆円、名目）"),
    "chart.gap.ylabel2": ("Cumulative extra\n(trillion JPY, nominal)", "増加額の累計（兆円、名目）"),
    "chart.gap.cumulative_from": ("Cumulative from {fy}", "{fy}からの累計"),
    "chart.gap.cumulative": ("Cumulative", "累計"),
    "chart.gap.bars": ("Bars: per year", "棒：年度ごと"),
    "chart.gap.lines": ("Lines: cumulative", "線：累計"),
    "chart.gap.baseline_common": ("Baseline (the same for every scenario): {text}", "比較基準（全シナリオ共通）：{text}"),
    "chart.gap.common_ja": ("{fy}: {value} held flat in yen", "{fy}の水準{value}を円建てで横ばい"),
    "chart.gap.baseline_own": ("Baseline: each scenario's last decided level held flat in yen, same scope and budget basis (not comparable across scenarios) — trillion JPY: {levels}",
                               "比較基準：各シナリオの直近の確定水準を円建てで横ばい（経費の範囲と予算の区分はシナリオと同じ。シナリオ間で比較できない）— 兆円：{levels}"),
    "chart.fan.title": ("Simulated share of GDP: {name}", "対GDP比の分布：{name}"),
    "chart.fan.ylabel": ("Share of GDP (%)", "対GDP比（%）"),
    "chart.fan.band_outer": ("5–95th percentile", "5〜95パーセンタイル"),
    "chart.fan.band_inner": ("25–75th percentile", "25〜75パーセンタイル"),
    "chart.fan.median": ("Median", "中央値"),
    "chart.fan.target": ("Target {share}", "目標 {share}"),
    "chart.fan.no_target": ("No target", "目標なし"),
    "chart.fan.certain": ("No probability: the share is certain on the fixed FY2022 denominator, which does not move",
                          "確率なし：固定した2022年度名目GDPを分母とする比率は変動しない"),
    "chart.fan.probability": ("Probability of reaching {share} in {fy}: {prob}", "{fy}に対GDP比{share}に達する確率：{prob}"),
    "chart.fan.sized": (" — the yen are sized to reach the target on the central GDP path, so about one half by construction",
                        "（歳出額は中心的なGDP見通しで目標に達するよう設定しているため、定義上ほぼ2分の1）"),
    "chart.fan.exact": ("Exact percentiles under the stated GDP model (closed form)", "記載のGDPモデルによる厳密なパーセンタイル（解析解）"),
    "chart.fan.paths": ("Monte Carlo: {paths} paths", "モンテカルロ法：{paths}通り"),
    "chart.fan.monte_carlo": ("Monte Carlo simulation", "モンテカルロ・シミュレーション"),
    "chart.fan.seed": ("seed {seed}", "乱数シード {seed}"),
    "chart.fan.denominator": ("denominator {denominator}", "分母 {denominator}"),
    "chart.fan.join": ("; ", "、"),
    "chart.fan.end": (".", "。"),
    "chart.fan.fiscal_years": (" Fiscal years April–March. ", "年度は4月〜翌年3月。"),
    "chart.bridge.title": ("From the MOD budget to the security-related total, {year}", "防衛関係費から安全保障関連経費まで（{year}）"),
    "chart.bridge.subtitle": ("Each step is one published figure (hatched: estimate or plan); Japanese fiscal year, April-March",
                              "各段は公表された1つの数値（斜線は推計または計画）。年度は4月〜翌年3月"),
    "chart.bridge.ylabel": ("trillion yen (nominal)", "兆円（名目）"),
    "chart.bridge.not_published": ("not published", "未公表"),
    # titles of the built-in scenarios (used when a scenario keeps its built-in English title)
    "chart.scenario_title.original-fy2027": ("2% of GDP in FY2027 (December 2022 plan)", "2027年度に対GDP比2%（2022年12月の計画）"),
    "chart.scenario_title.accelerated-fy2025": ("2% level reached in FY2025 (accelerated, 24 Oct 2025)", "2025年度に2%水準を達成（前倒し、2025年10月24日表明）"),
    "chart.scenario_title.us-ask-3.5pct": ("3.5% of GDP by FY2035 (reported informal US request)", "2035年度までに対GDP比3.5%（報道された米国の非公式要求）"),
    "chart.scenario_title.hold-flat": ("Hold flat in yen (baseline)", "円建てで横ばい（比較基準）"),
    "chart.scenario_title.nato-hague-fy2035": ("NATO Hague pledge applied to Japan: 3.5% core by FY2035 (+ up to 1.5% related)", "NATOハーグ首脳会議の目標を日本に適用：2035年度までに中核3.5%（＋関連最大1.5%）"),
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


def percent(fraction: float, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A fraction as percent with ``digits`` decimals: ``3.5%`` in both languages."""
    if _missing(fraction):
        return t("common.not_available", lang)
    check_lang(lang)
    return f"{fraction * 100:.{digits}f}%"
