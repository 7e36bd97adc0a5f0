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
    # app: answers (headline, Trajectories and Uncertainty tabs, downloads)
    "app.h.spending": ("Spending needed in FY{year} (trillion JPY)", "{year}年度に必要な歳出額（兆円）"),
    "app.h.spending_help": ("Yen spent in FY{year} on this scenario ({scope}), with {denominator} as the target's "
                            "denominator.", "このシナリオの{year}年度の歳出額（{scope}）。目標の分母は{denominator}。"),
    "app.h.share_fixed": ("Share of fixed FY2022 GDP in FY{year}", "{year}年度の対GDP比（2022年度GDP固定）"),
    "app.h.share_fixed_help": ("The same yen divided by the government's fixed FY2022 GDP ({gdp}), as the 2% "
                               "framework counts.", "同じ歳出額を、政府がGDP比2%の枠組みで用いる2022年度の名目GDP（{gdp}、固定）で割った比率。"),
    "app.h.share_same": ("Share of same-year GDP in FY{year}", "{year}年度の対GDP比（当該年度の名目GDP）"),
    "app.h.share_same_help": ("The same yen divided by FY{year}'s own nominal GDP under the GDP assumption: a "
                              "fiscal-year share, not SIPRI's or NATO's calendar-year figure (see the Reconcile tab).",
                              "同じ歳出額を、GDPの前提のもとでの{year}年度の名目GDPで割った比率（年度ベース。SIPRIやNATOの暦年ベースの数値とは異なります。"
                              "「Reconcile」タブを参照）。"),
    "app.h.baseline_common": ("FY{year} common level", "{year}年度の共通水準"),
    "app.h.baseline_own": ("flat FY{year}", "{year}年度の水準で横ばい"),
    "app.h.extra": ("Extra per year vs {baseline} (trillion JPY)", "{baseline}からの年平均の増加額（兆円）"),
    "app.h.extra_help": ("Average yearly spending above the baseline, FY{start} to FY{end}. Baseline — {baseline}.",
                         "{start}〜{end}年度の、比較基準を上回る歳出額の年平均。比較基準：{baseline}。"),
    "app.h.growth": ("Spending growth needed FY{start}–FY{end} (%/yr)", "必要な歳出の伸び率 {start}〜{end}年度（年率）"),
    "app.h.growth_help": ("Constant yearly growth of spending in yen from the last bundled figure to the target. "
                          "n/a where the target is already due or the path is flat.",
                          "収録済みの最新の数値から目標年度までの、円建て歳出の一定の年伸び率。目標年度が到来済みか横ばいの経路では該当なし。"),
    "app.h.cumulative": ("Extra in total FY{start}–FY{end} (trillion JPY)", "増加額の累計 {start}〜{end}年度（兆円）"),
    "app.h.cumulative_help": ("Sum of the yearly extra yen over the baseline, FY{start} to FY{end}. Baseline — "
                              "{baseline}.", "{start}〜{end}年度の、比較基準からの各年度の増加額の合計。比較基準：{baseline}。"),
    "app.h.cumulative_none": ("No cumulative total: FY{year} is before FY{start}, the first year it counts.",
                              "累計なし：{year}年度は累計の初年度（{start}年度）より前です。"),
    "app.h.usd": ("In US dollars, FY{year} (billion USD)", "{year}年度の米ドル換算（10億ドル）"),
    "app.h.usd_help": ("The same yen in dollars; exchange rate: {rate}.", "同じ歳出額の米ドル換算。為替レート：{rate}。"),
    "app.h.real": ("In FY{base} prices (trillion JPY)", "{base}年度価格の実質額（兆円）"),
    "app.h.real_help": ("The same yen deflated to prices of that fiscal year: ESRI's GDP deflator for actual years, "
                        "then {inflation}/yr assumed inflation.",
                        "同じ歳出額を当該年度の価格に換算（実績年度は内閣府のGDPデフレーター、以降は年{inflation}の想定インフレ率）。"),
    "app.h.person": ("Per person, FY{year} (JPY)", "{year}年度の国民1人当たり（円）"),
    "app.h.person_help": ("The same yen divided by Japan's total population (Statistics Bureau estimates; after the "
                          "last one, interpolated to the IPSS 2023 medium projection — an assumption).",
                          "同じ歳出額を総人口で割った額（総務省統計局の推計人口。以降は社人研2023年推計の中位推計へ補間した想定）。"),
    "app.h.break_even": ("What GDP would have to do: these FY{year} yen are {share} of the same fiscal year's GDP "
                         "only if nominal GDP changes by {rate} a year from FY{start}{shrink}. Under the GDP "
                         "assumption they are {same} of it.",
                         "GDPの条件：この{year}年度の歳出額が当該年度の名目GDPの{share}になるのは、名目GDPが{start}年度から"
                         "年{rate}変化する場合に限られます{shrink}。GDPの前提のもとでは{same}です。"),
    "app.h.shrink": (" (a negative rate: GDP would have to shrink)", "（マイナスはGDPの縮小を意味します）"),
    "app.h.controls": ("Change the assumptions in the sidebar (on a phone: the » button at the top left) and the "
                       "scenario under these numbers.",
                       "前提はサイドバーで変更できます（スマートフォンでは左上の » ボタン）。シナリオはこの数値の下で選べます。"),
    "table.fy": ("Fiscal year", "年度"),
    "table.status": ("Status", "区分"),
    "table.spending_jpy": ("Spending [trillion JPY]", "歳出額［兆円］"),
    "table.share_same_year": ("Share of same-year GDP [%]", "対GDP比・当該年度［%］"),
    "table.share_fixed": ("Share of fixed FY2022 GDP [%]", "対GDP比・2022年度固定［%］"),
    "table.spending_usd": ("Spending [billion USD]", "米ドル換算［10億ドル］"),
    "table.spending_real_jpy": ("Real, FY{base} prices [trillion JPY]", "実質・{base}年度価格［兆円］"),
    "table.per_person": ("Per person [JPY]", "1人当たり［円］"),
    "table.gap": ("Extra vs baseline [trillion JPY/yr]", "比較基準からの増加額［兆円／年］"),
    "table.cumulative_gap": ("Cumulative extra [trillion JPY]", "増加額の累計［兆円］"),
    "app.traj.table": ("**{title}, year by year** (trillion = 10^12 yen; rounded for reading — the exact values "
                       "are in the downloads)",
                       "**{title}：年度別**（兆円は10^12円。読みやすさのため丸めています。正確な値はダウンロードにあります）"),
    "app.traj.table_scenario": ("Table for", "表示するシナリオ"),
    "app.dl.heading": ("**Downloads**", "**ダウンロード**"),
    "app.dl.zip": ("Data, methodology and sources (zip)", "データ・方法・出典（zip）"),
    "app.dl.zip_help": ("data.csv (opens as it is in spreadsheets and pandas), README.md (methodology, sources, "
                        "column labels in English and Japanese) and metadata.json.",
                        "data.csv（表計算ソフトやpandasでそのまま開けます）、README.md（方法、出典、日英の列の説明）、metadata.json。"),
    "app.dl.csv": ("Trajectories (CSV)", "年度別データ（CSV）"),
    "app.dl.csv_help": ("The tidy table, exact values, one plain header row (the methodology and sources are in "
                        "the zip).", "整然形式の表（正確な値、1行目が列名）。方法と出典はzipにあります。"),
    "app.dl.yaml": ("Scenario (YAML)", "シナリオ（YAML）"),
    "app.dl.yaml_help": ("The headline scenario ({name}), with the method choices applied, saved as '{saved}'; "
                         "load it again with 'Load a scenario file' or `spendcalc project --scenario FILE`.",
                         "見出しのシナリオ（{name}）を、選んだ方法を反映して「{saved}」として保存します。"
                         "「Load a scenario file」または `spendcalc project --scenario FILE` で読み込めます。"),
    "app.dl.cite": ("Cite this view", "このページの引用"),
    "app.uq.heading": ("**Questions whose answer is not fixed by construction**", "**前提で答えが決まらない問い**"),
    "app.uq.plan": ("Yen plan held fixed", "固定する円建ての計画"),
    "app.uq.plan_fy2027": ("The government's FY2027 plan ({name}, bundled data)", "政府の2027年度計画（{name}、収録データ）"),
    "app.uq.plan_focus": ("This scenario's yen path ({name})", "このシナリオの円建て経路（{name}）"),
    "app.uq.case": ("GDP case the yen path was sized on", "円建て経路を決めたときのGDPの前提"),
    "app.uq.case_current": ("The GDP assumption in the sidebar", "サイドバーのGDPの前提"),
    "app.uq.share": ("Share of GDP tested (%)", "判定する対GDP比（%）"),
    "app.uq.usd": ("Dollar amount tested (billion USD)", "判定する米ドル額（10億ドル）"),
    "app.uq.q_share": ("Chance the plan's FY{year} yen are at least {share} of the GDP that actually happens",
                       "計画の{year}年度の歳出額が、実際の名目GDPの{share}以上になる確率"),
    "app.uq.cond_share": ("What this is conditional on: {spend} in FY{year}, held fixed in yen (sized on {plan_gdp}); "
                          "nominal GDP uncertain around {gdp}, with a median of {median_gdp} and a log standard "
                          "deviation of {sd} by FY{year} ({vol_note}); exact under this model. On the median GDP path "
                          "the plan is {median_share} of GDP.",
                          "この確率の前提：{year}年度の{spend}を円建てで固定（{plan_gdp}にもとづいて決定）。名目GDPは{gdp}を"
                          "中心に不確実で、中央値は{median_gdp}、{year}年度までの対数標準偏差は{sd}（{vol_note}）。"
                          "このモデルのもとでの厳密解です。GDPが中央値の経路なら計画は対GDP比{median_share}です。"),
    "app.uq.by_construction": ("The yen were sized to reach this share on the very GDP path simulated around, so "
                               "this chance is one half by construction: it says nothing about the plan. Choose "
                               "another GDP case or another share to ask a real question.",
                               "この歳出額は、確率計算の中心となるGDP経路でちょうどこの比率になるよう決めたものなので、"
                               "確率は定義上ほぼ2分の1であり、計画について何も語りません。別のGDPの前提か別の比率を選んでください。"),
    "app.uq.q_usd": ("Chance the plan's FY{year} yen are more than {usd} at the exchange rate that actually happens",
                     "計画の{year}年度の歳出額が、実際の為替レートで{usd}を超える確率"),
    "app.uq.cond_usd": ("What this is conditional on: {spend} in FY{year}, held fixed in yen; the JPY/USD rate "
                        "uncertain around {rate:g} JPY per USD (median), with a log standard deviation of {sd} by "
                        "FY{year}: {fx_vol} a year ({fx_note}); GDP plays no part. At the median rate the plan is {median}.",
                        "この確率の前提：{year}年度の{spend}を円建てで固定。円ドルレートは1ドル{rate:g}円（中央値）を中心に"
                        "不確実で、{year}年度までの対数標準偏差は{sd}（年{fx_vol}、{fx_note}）。GDPは関係しません。"
                        "中央値のレートでは計画は{median}です。"),
    "app.uq.q_growth": ("Nominal GDP growth needed for {share} in FY{year}", "{year}年度に{share}となるのに必要な名目GDP成長率"),
    "app.uq.growth_text": ("{spend} is {share} of FY{year}'s nominal GDP only if nominal GDP grows by {rate} a year "
                           "(constant) from FY{start}, the last actual year{shrink}. No probability: this is the "
                           "growth rate itself.",
                           "{spend}が{year}年度の名目GDPの{share}になるのは、名目GDPが最新の実績年度である{start}年度から"
                           "年{rate}（一定）で伸びる場合に限られます{shrink}。確率ではなく、必要な成長率そのものです。"),
    "app.uq.certain": ("FY{year}'s GDP is already actual: nothing about this plan is uncertain here.",
                       "{year}年度のGDPは実績値のため、この計画に不確実性はありません。"),
    "app.uq.own_note": ("What the probability above is conditional on: {note}.", "上の確率の前提：{note}。"),
    "app.h.about": ("**{title}**. Counts the {scope} ({basis}); target measured against {denominator}; path: "
                    "{path}. Fiscal years run April–March. Hover over a number for its definition. Extra yen are "
                    "measured against the baseline {baseline}.",
                    "**{title}**。対象：{scope}（{basis}）。目標の分母：{denominator}。経路：{path}。年度は4月〜翌年3月。"
                    "数値にカーソルを合わせると定義が表示されます。増加額の比較基準：{baseline}。"),
    "app.h.note": ("Note: {note}.", "注：{note}。"),
    "app.path.linear-yen": ("straight line in yen", "円建てで直線的に増加"),
    "app.path.constant-growth": ("constant % growth of spending", "歳出が一定の伸び率で増加"),
    "app.path.linear-share": ("straight line in share of GDP", "対GDP比で直線的に増加"),
    "app.traj.dots": ("Filled dots: enacted budgets, government plans and estimates derived from published figures; "
                      "hollow dots: this calculator's projection. The share chart uses each scenario's own "
                      "denominator. Diamonds: targets as the articles state them (details in the Claims tab).",
                      "塗りつぶしの点：成立した予算、政府の計画、公表値からの推計。白抜きの点：本ツールの試算。対GDP比のグラフは"
                      "各シナリオの分母によります。ひし形：記事が述べる目標（詳細は「Claims」タブ）。"),
    "app.traj.baselines": ("Extra yen (downloads and the extra-yen chart) are measured against the baseline {bases}.",
                           "増加額（ダウンロードと増加額のグラフ）の比較基準：{bases}。"),
    "app.dl.chart_kind": ("Chart to download", "ダウンロードするグラフ"),
    "app.dl.chart": ("Chart ({fmt})", "グラフ（{fmt}）"),
    "app.dl.preview": ("Preview the chart as downloaded (slower)", "ダウンロードされるグラフを表示（時間がかかります）"),
    "app.uq.run": ("Simulate uncertain GDP growth", "GDP成長の不確実性を計算"),
    "app.uq.run_help": ("Percentiles of same-year GDP around the GDP assumption, holding the scenario's yen fixed. "
                        "Off by default so that slider changes stay instant.",
                        "シナリオの円建て歳出を固定し、GDPの前提を中心とした当該年度GDPの分位点を計算します。"
                        "スライダー操作を速く保つため、既定ではオフです。"),
    "app.uq.measure": ("Share measured on", "対GDP比の分母"),
    "app.uq.measure_same": ("Same-year GDP (uncertain)", "当該年度の名目GDP（不確実）"),
    "app.uq.measure_own": ("The scenario's own denominator", "シナリオの分母"),
    "app.uq.measure_help": ("A plan fixed on FY2022 GDP is certain on that basis; on same-year GDP it asks whether "
                            "the yen are really that share of the GDP of the target year.",
                            "2022年度GDPを分母とする計画は、その基準では確定しています。当該年度GDPを分母にすると、"
                            "その歳出額が目標年度のGDPに対して本当にその比率になるかを問います。"),
    "app.uq.paths": ("Paths", "経路数"),
    "app.uq.seed": ("Seed", "乱数シード"),
    "app.uq.off": ("Switch on to compute the uncertainty of '{name}' ({paths} paths for the Monte Carlo "
                   "cross-check; the figures shown are exact).",
                   "オンにすると「{name}」の不確実性を計算します（モンテカルロ法による検算は{paths}経路。表示される数値は厳密解です）。"),
    "app.uq.own_prob": ("Probability of reaching {share} of {basis} in FY{year}", "{year}年度に{basis}の{share}に達する確率"),
    "app.uq.own_prob_none": ("Probability of reaching the target", "目標に達する確率"),
    "app.uq.own_prob_help": ("Probability, exact under the stated GDP model (log-normal growth around the GDP "
                             "assumption), that the scenario's yen meet the target share in the target year.",
                             "記載のGDPモデル（GDPの前提を中心とする対数正規の成長）のもとで、シナリオの歳出額が目標年度に"
                             "目標の比率に達する確率（厳密解）。"),
    "app.uq.no_prob": ("No probability for this scenario.", "このシナリオには確率がありません。"),
    "app.title": ("##### Japan's defense spending: what do the targets mean in yen?",
                  "##### 日本の防衛費：目標は円でいくらになるか"),
    "bundle.title": ("Japan's defense spending scenarios (spendcalc)", "日本の防衛費シナリオ（spendcalc）"),
    "bundle.intro": ("Data behind the page: yearly spending paths of the chosen scenarios under the stated "
                     "assumptions. Fiscal years run April to March; shares of GDP are fractions (0.02 = 2%); "
                     "money is in the unit the unit column names. Figures for past years are budgets as "
                     "published; later years are this calculator's projection, not forecasts.",
                     "このページのデータです。選んだシナリオの年度別歳出額を、記載の前提で示します。年度は4月〜翌年3月、"
                     "対GDP比は小数（0.02＝2%）、金額の単位はunit列のとおりです。過去の年度は公表された予算、"
                     "以降の年度は本ツールによる試算であり、予測ではありません。"),
    "bundle.h_files": ("Files", "ファイル"),
    "bundle.file_data": ("the data, one row per scenario, fiscal year and measure; the first row names the "
                         "columns (opens in pandas.read_csv and spreadsheet programs as it is)",
                         "データ（シナリオ・年度・指標ごとに1行、1行目が列名。pandas.read_csvや表計算ソフトでそのまま開けます）"),
    "bundle.file_readme": ("this file: methodology, sources, versions, column labels", "このファイル（方法、出典、版、列の説明）"),
    "bundle.file_metadata": ("the same as data: assumptions, methodology, versions, sources, columns",
                             "同じ内容の機械可読版（前提、方法、版、出典、列）"),
    "bundle.h_cite": ("Cite this", "引用"),
    "bundle.cite": ("spendcalc {version}, Japan defense spending scenarios, data version {data_version}, "
                    "{url} (accessed {accessed}).",
                    "spendcalc {version}「日本の防衛費シナリオ」データ版 {data_version}、{url}（{accessed}閲覧）。"),
    "bundle.h_columns": ("Columns", "列"),
    "bundle.h_measures": ("Measures (column measure)", "指標（measure列）"),
    "bundle.h_methodology": ("Methodology", "方法"),
    "bundle.methodology_intro": ("As computed for this download:", "このダウンロードの計算方法："),
    "bundle.h_assumptions": ("Assumptions", "前提"),
    "bundle.h_sources": ("Sources of the bundled data", "収録データの出典"),
    "bundle.retrieved": ("retrieved {date}", "{date}取得"),
    "bundle.h_versions": ("Versions", "版"),
    "bundle.versions": ("Software: spendcalc {version}. Data: {data_version} (a fingerprint of the bundled "
                        "tables; any changed figure changes it).",
                        "ソフトウェア：spendcalc {version}。データ：{data_version}（収録表の指紋。数値が1つでも変われば変わります）。"),
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
