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
    # app: language, sidebar, page, link, claims, reconcile and data tabs
    "app.page_title": ("spendcalc — Japan defense spending", "spendcalc — 日本の防衛費"),
    "app.title": ("Japan's defense spending: what do the targets mean in yen?", "日本の防衛費：目標は円でいくらになるのか"),
    "app.language": ("Language", "言語"),
    "app.choose_scenario": ("Choose at least one scenario in the sidebar.", "サイドバーでシナリオを1つ以上選んでください。"),
    "app.cannot_compute": ("These settings cannot be computed: {error}", "この設定では計算できません: {error}"),
    "app.tab_unavailable": ("The {label} tab is unavailable: {error}", "「{label}」タブを表示できません: {error}"),
    "app.link_warning": ("{text}", "リンクの指定の一部を読めませんでした（詳細は英語）: {text}"),
    "app.footer": ("Copy the page address to share this exact view. Sources: data/README.md.",
                   "このページのアドレスをコピーすると、この表示をそのまま共有できます。出典の一覧: data/README.md"),
    "app.tab.trajectories": ("Trajectories", "推移"),
    "app.tab.uncertainty": ("Uncertainty", "不確実性"),
    "app.tab.claims": ("Claims", "記事の主張"),
    "app.tab.reconcile": ("Reconcile", "数値の照合"),
    "app.tab.data": ("Data & methodology", "データと計算方法"),
    "app.scenarios": ("Scenarios", "シナリオ"),
    "app.custom_option": ("Custom (sliders below)", "カスタム（下のスライダーで設定）"),
    "app.custom_focus": ("Custom (sidebar sliders)", "カスタム（サイドバーのスライダーで設定）"),
    "app.uploaded_option": ("{title} (uploaded)", "{title}（読み込んだファイル）"),
    "app.custom_scenario": ("Custom scenario", "カスタムシナリオ"),
    "app.target_share": ("Target share of GDP (%)", "目標の対GDP比（%）"),
    "app.target_year": ("Target fiscal year", "目標年度"),
    "app.path": ("Path shape to the target", "目標までの増え方"),
    "app.path.linear-yen": ("Straight line in yen", "円建てで毎年同額ずつ増加"),
    "app.path.constant-growth": ("Constant % growth of spending", "歳出額を毎年一定の伸び率で増加"),
    "app.path.linear-share": ("Straight line in share of GDP", "対GDP比で毎年同じ幅ずつ上昇"),
    "app.cden": ("Target measured against", "目標の比率の分母"),
    "app.denom.each": ("As each scenario defines", "各シナリオの定義どおり"),
    "app.denom.fixed-fy2022": ("Fixed FY2022 GDP (government's 2% framework)", "2022年度の名目GDPで固定（政府の「2%」の枠組み）"),
    "app.denom.same-year": ("Same fiscal year's GDP (not SIPRI's calendar-year figure)",
                            "当該年度の名目GDP（SIPRIの暦年ベースの数値とは異なる）"),
    "app.economy": ("Economy", "経済の前提"),
    "app.gdp": ("GDP assumption", "名目GDPの前提"),
    "app.gdp.help": ("Nominal GDP after the last actual year: a dated Cabinet Office projection, or one constant "
                     "growth rate you choose.",
                     "実績の最終年度より後の名目GDP: 内閣府の試算（公表時点のもの）か、自分で選ぶ一定の成長率。"),
    "app.gdp.preset": ("Dated projection (Cabinet Office)", "内閣府の試算（公表時点のもの）"),
    "app.gdp.growth": ("Constant nominal growth (slider)", "一定の名目成長率（スライダーで設定）"),
    "app.preset": ("Dated projection", "内閣府の試算"),
    "app.preset.option": ("{title} ({published})", "{title}（{published}公表）"),
    # the dated GDP projections' titles (the English is each preset's title in data/defaults.yaml, tested)
    "app.preset_title.jan2026_past_projection": (
        "Cabinet Office medium-term projection, Jan 2026, past-projection (baseline) case",
        "内閣府「中長期の経済財政に関する試算」2026年1月 過去投影ケース（ベースライン）"),
    "app.preset_title.jan2026_growth_transition": (
        "Cabinet Office medium-term projection, Jan 2026, growth-transition case",
        "内閣府「中長期の経済財政に関する試算」2026年1月 成長移行ケース"),
    "app.preset_title.jan2026_high_growth": (
        "Cabinet Office medium-term projection, Jan 2026, high-growth case",
        "内閣府「中長期の経済財政に関する試算」2026年1月 高成長実現ケース"),
    "app.preset_title.jan2025_past_projection": (
        "Cabinet Office medium-term projection, Jan 2025, past-projection case (old GDP level)",
        "内閣府「中長期の経済財政に関する試算」2025年1月 過去投影ケース（改定前のGDP水準）"),
    "app.growth": ("Nominal GDP growth (%/yr)", "名目GDP成長率（年率、%）"),
    "app.growth.help": ("Used when the GDP assumption is 'Constant nominal growth'. Applies to every year after the "
                        "last actual GDP figure.",
                        "名目GDPの前提が「一定の名目成長率」のときに使います。GDP実績の最終年度より後のすべての年度に"
                        "適用します。"),
    "app.infl": ("Inflation for real terms (%/yr)", "実質化に用いる物価上昇率（年率、%）"),
    "app.infl.help": ("GDP-deflator growth after FY{last} (ESRI's last); real terms are in yen of FY{base}.",
                      "{last}年度（内閣府経済社会総合研究所の最新実績）より後のGDPデフレーター上昇率。"
                      "実質値は{base}年度価格の円です。"),
    "app.fx": ("Exchange rate (JPY per USD)", "為替レート（1米ドル当たり円）"),
    "app.fx.help": ("The stated rate for the USD figures of projected years (and of past years if chosen below).",
                    "試算の年度の米ドル換算に用いるレート（下で選べば過去の年度にも用います）。"),
    "app.fxa": ("Past years' USD at", "過去の年度の米ドル換算"),
    "app.fxa.help": ("Fiscal-year averages of the Bank of Japan's monthly averages, FY{first}–FY{last}, or the "
                     "stated rate.",
                     "日本銀行の月中平均レートの年度平均（{first}〜{last}年度）、または上で指定したレート。"),
    "app.fxa.fiscal-year-average": ("Their fiscal-year average (April–March)", "各年度の平均（4月〜翌年3月）"),
    "app.fxa.stated": ("The stated rate above", "上で指定したレート"),
    "app.fxh": ("Past years at their calendar-year average instead", "過去の年度は暦年平均で換算する"),
    "app.fxh.help": ("FYnnnn at the Federal Reserve's calendar-year-nnnn average (9 of 12 months overlap), "
                     "{first}–{last}.",
                     "各年度を、その年度が始まる暦年の米連邦準備制度（FRB）の年平均レートで換算します"
                     "（12か月のうち9か月が重なります）。{first}〜{last}年。"),
    "app.until": ("Last fiscal year shown", "表示する最終年度"),
    "app.baseline": ("Extra yen measured against", "増加額の比較基準"),
    "app.baseline.help": ("Common: one bundled level held flat for every scenario (comparable across scenarios). "
                          "Own: each scenario's last decided level in its own scope and basis.",
                          "共通: 収録した一つの水準をすべてのシナリオで横ばいとみなします（シナリオ間で比較できます）。"
                          "各シナリオ: それぞれの経費の範囲と予算の区分での直近の確定水準です。"),
    "app.baseline.common": ("One common level for every scenario", "全シナリオ共通の水準"),
    "app.baseline.own": ("Each scenario's own last decided level", "各シナリオの直近の確定水準"),
    "app.method": ("Method", "計算方法"),
    "app.denom": ("Denominator (share of which GDP?)", "分母（どの名目GDPに対する比率か）"),
    "app.scope": ("Scope (which spending counts?)", "範囲（どの経費を数えるか）"),
    "app.scope.each": ("As each scenario defines", "各シナリオの定義どおり"),
    "app.scope.security-related": ("Security-related total (2% framework)", "安全保障に関連する経費（「2%」の枠組み）"),
    "app.scope.mod-budget": ("MOD defense budget only", "防衛関係費のみ"),
    "app.scope.nato-core": ("NATO-style core (project's mapping; FY2027 plan only)",
                            "NATO基準の中核的防衛費（本ツールの分類、2027年度計画のみ）"),
    "app.scope.nato-related": ("NATO-style related (project's mapping; FY2027 plan only)",
                               "NATO基準の関連経費（本ツールの分類、2027年度計画のみ）"),
    "app.basis": ("Budget basis (do supplementary budgets count?)", "予算の区分（補正予算を含めるか）"),
    "app.basis.help": ("The government counted FY2023-FY2025 ratios on initial budgets; the FY2025 '2% level' was "
                       "reached by adding the FY2025 supplementary budget.",
                       "政府は2023〜2025年度の比率を当初予算で計算しました。2025年度の「2%水準」は、2025年度の"
                       "補正予算を加えて達成されました。"),
    "app.basis.each": ("As each scenario defines", "各シナリオの定義どおり"),
    "app.basis.initial": ("Initial budgets only", "当初予算のみ"),
    "app.basis.with-supplementary": ("Initial + supplementary budgets", "当初予算＋補正予算"),
    "app.focus": ("Headline numbers for", "主要な数値を示すシナリオ"),
    "scenario_title.original-fy2027": ("2% of GDP in FY2027 (December 2022 plan)",
                                           "2027年度に対GDP比2%（2022年12月の計画）"),
    "scenario_title.accelerated-fy2025": ("2% level reached in FY2025 (accelerated, 24 Oct 2025)",
                                              "2025年度に「2%水準」を達成（前倒し、2025年10月24日）"),
    "scenario_title.us-ask-3.5pct": ("3.5% of GDP by FY2035 (reported informal US request)",
                                         "2035年度までに対GDP比3.5%（報じられた米国の非公式な要請）"),
    "scenario_title.hold-flat": ("Hold flat in yen (baseline)", "円建てで横ばい（比較基準）"),
    "scenario_title.nato-hague-fy2035": (
        "NATO Hague pledge applied to Japan: 3.5% core by FY2035 (+ up to 1.5% related)",
        "NATOハーグ首脳宣言の目標を日本に当てはめた場合: 2035年度までに中核的防衛費3.5%（＋関連経費最大1.5%）"),
    "app.upload": ("Load a scenario file (YAML)", "シナリオファイル（YAML）を読み込む"),
    "app.upload.help": ("A file downloaded from this app, or one like data/scenarios/*.yaml. It stays in your "
                        "session only.",
                        "このアプリからダウンロードしたファイル、または data/scenarios/*.yaml と同じ形式のファイル。"
                        "このセッションの中だけで使います。"),
    "app.upload.error": ("Could not load {file}: {error}", "{file} を読み込めませんでした: {error}"),
    "app.upload.forget": ("Forget '{name}'", "「{name}」を破棄"),
    "app.upload.carried": ("Loaded '{name}' (this session; carried in the link).",
                           "「{name}」を読み込みました（このセッションのみ。リンクに含まれます）。"),
    "app.upload.too_large": ("Loaded '{name}' (this session; too large for the link).",
                             "「{name}」を読み込みました（このセッションのみ。大きすぎるためリンクには含まれません）。"),
    "app.claims.article": ("Article", "記事"),
    "app.claims.all_articles": ("All articles", "すべての記事"),
    "app.claims.verdict": ("Verdict", "判定"),
    "app.claims.all_verdicts": ("All verdicts", "すべての判定"),
    "app.claims.count": ("{shown} of {total} claims, checked against the bundled data and the model with the "
                         "current assumptions.",
                         "{total}件の主張のうち{shown}件を表示。収録データとモデル（現在の前提）で検証しています。"),
    "app.claims.col.claim_id": ("claim_id", "主張ID"),
    "app.claims.col.verdict": ("verdict", "判定"),
    "app.claims.col.reason": ("reason", "判定の理由"),
    "app.claims.col.reason_untranslated": ("reason", "判定の理由（英語）"),
    "app.claims.col.quote": ("quote", "記事からの引用（原文）"),
    "app.claims.col.article": ("article", "記事"),
    "app.claims.col.fiscal_year": ("fiscal_year", "年度"),
    "app.claims.col.value": ("value", "値"),
    "app.claims.col.unit": ("unit", "単位"),
    "app.reconcile.waterfall": ("Scope waterfall: from the MOD budget to the security-related total",
                                "経費の範囲の積み上げ: 防衛関係費から安全保障に関連する経費まで"),
    "app.reconcile.year": ("Fiscal year", "年度"),
    "app.reconcile.plan_composition": ("{year} (plan composition)", "{year}（計画上の内訳）"),
    "app.reconcile.basis": ("Basis", "予算の区分"),
    "app.reconcile.caption": ("{note} Same-year GDP: {gdp_same_year}. Fixed: the FY2022 reference GDP "
                              "({reference_gdp}).",
                              "{note}当該年度の名目GDP: {gdp_same_year}。固定: 2022年度の基準となる名目GDP"
                              "（{reference_gdp}）。"),
    "app.reconcile.gdp_actual": ("FY{year} nominal GDP, vintage {vintage}, actual",
                                 "{year}年度の名目GDP（内閣府経済社会総合研究所 {vintage}版、実績）"),
    "app.reconcile.gdp_projected": ("FY{year} nominal GDP, vintage {vintage}, projection ({preset})",
                                    "{year}年度の名目GDP（内閣府経済社会総合研究所 {vintage}版の実績を{preset}で"
                                    "延長した試算）"),
    "app.reconcile.note.2024": (
        "FY2024: the Coast Guard/PKO/other-ministries step is derived (1.2 trillion complementary total - four "
        "areas - SACO/realignment); the supplementary steps are missing.",
        "2024年度: 海上保安庁・PKO・他省庁の経費の段は、補完的な経費の合計1.2兆円から4分野とSACO・米軍再編関係"
        "経費を差し引いて算出しています。補正予算の段はありません（未収録）。"),
    "app.reconcile.note.2025": (
        "FY2025: components as charted by MOF (rounded to 0.1 trillion), so residual rows show the rounding "
        "against the precise MOD totals and the 9.9 trillion headline.",
        "2025年度: 内訳は財務省の図表の値（0.1兆円単位に四捨五入）のため、端数の行は、防衛省の正確な合計額"
        "および公表された9.9兆円との端数の差を示します。"),
    "app.reconcile.note.2026": (
        "FY2026: the MOD steps are published (enacted 2026-04-07); the non-MOD items are not, and are held at "
        "their FY2025 level (estimate); the known FY2026 pieces are the Coast Guard (297.1 billion yen) and OSA "
        "(18.1 billion yen); no FY2026 supplementary with defense money as of 2026-10-08.",
        "2026年度: 防衛省の段は公表値です（2026年4月7日成立）。防衛省以外の経費は公表されていないため、"
        "2025年度の水準のまま据え置いています（推計）。判明している2026年度の項目は海上保安庁（2,971億円）と"
        "政府安全保障能力強化支援（OSA、181億円）です。2026年10月8日時点で、防衛関係の経費を含む2026年度"
        "補正予算はありません。"),
    "app.reconcile.note.2027": (
        "FY2027: the plan composition of the 2% framework (NSS/DBP, December 2022; MOF chart), not a budget.",
        "2027年度: 「2%」の枠組みの計画上の内訳（2022年12月の国家安全保障戦略・防衛力整備計画、財務省の図表）"
        "であり、予算ではありません。"),
    # the waterfall's rows (the English is spendcalc.reconcile's own component text, tested)
    "app.bridge.component.dbp_covered": (
        'MOD budget covered by the Defense Buildup Program (DBP-covered expenditures)',
        '防衛力整備計画対象経費'),
    "app.bridge.component.saco_realignment": (
        '+ SACO and US-realignment costs (local-burden part)',
        '＋ SACO関係経費・米軍再編関係経費（地元負担軽減分）'),
    "app.bridge.component.mod_budget": (
        "= MOD 'defense budget' (headline, incl. SACO/realignment)",
        '＝ 防衛関係費（公表額、SACO・米軍再編関係経費を含む）'),
    "app.bridge.component.other_ministries": (
        "+ Coast Guard, peacekeeping (PKO) and other ministries' items",
        '＋ 海上保安庁、PKOなど他省庁の経費'),
    "app.bridge.component.four_areas": (
        '+ four complementary areas (research and development, public infrastructure, cybersecurity, international cooperation)',
        '＋ 補完する4分野（研究開発、公共インフラ、サイバー安全保障、国際的協力）'),
    "app.bridge.component.residual": (
        'rounding / unexplained residual',
        '端数・内訳の不明な差額'),
    "app.bridge.component.security_related_initial": (
        '= security-related expenditures (initial)',
        '＝ 安全保障に関連する経費（当初予算）'),
    "app.bridge.component.supplementary": (
        '+ supplementary budget (security-related items)',
        '＋ 補正予算（安全保障関連の項目）'),
    "app.bridge.component.security_related_with_supplementary": (
        '= security-related expenditures with the supplementary',
        '＝ 安全保障に関連する経費（補正予算を含む）'),
    "app.bridge.component.held_fy2025": (
        "+ (not published for FY2026; held at FY2025) Coast Guard, peacekeeping (PKO) and other ministries' items and the four areas",
        '＋（2026年度は未公表のため2025年度の額で据え置き）海上保安庁、PKOなど他省庁の経費と補完する4分野'),
    "app.bridge.component.dbp_covered_plan": (
        'MOD budget covered by the Defense Buildup Program (DBP-covered expenditures) — plan',
        '防衛力整備計画対象経費（計画）'),
    "app.bridge.component.security_related_plan": (
        '= security-related expenditures (FY2027 plan: the ~11 trillion yen 2% level)',
        '＝ 安全保障に関連する経費（2027年度の計画: 「2%水準」の約11兆円）'),
    "app.reconcile.col.step": ("step", "段"),
    "app.reconcile.col.fiscal_year": ("fiscal_year", "年度"),
    "app.reconcile.col.component": ("component", "項目"),
    "app.reconcile.col.trillion_jpy": ("trillion_jpy", "金額（兆円）"),
    "app.reconcile.col.running_total_trillion_jpy": ("running_total_trillion_jpy", "累計（兆円）"),
    "app.reconcile.col.share_of_gdp_fixed_fy2022": ("share_of_gdp_fixed_fy2022", "対GDP比（2022年度の名目GDP・固定）"),
    "app.reconcile.col.share_of_gdp_same_year": ("share_of_gdp_same_year", "対GDP比（当該年度の名目GDP）"),
    "app.reconcile.col.spending_per_capita_jpy": ("spending_per_capita_jpy", "国民1人当たり（円）"),
    "app.reconcile.col.status": ("status", "数値の区分"),
    "app.reconcile.col.source_title": ("source_title", "出典（原文）"),
    "app.reconcile.col.source_url": ("source_url", "出典のURL"),
    "app.reconcile.col.derivation": ("derivation", "算出方法（英語）"),
    "app.sipri.title": ("SIPRI-comparable calendar years (share of calendar-year GDP) beside SIPRI's figures",
                        "SIPRIと比べられる暦年ベースの数値（暦年の名目GDPに対する比率）とSIPRIの公表値"),
    "app.sipri.caption": (
        "Calendar year t = 3/4 of FY t + 1/4 of FY t-1 (MOD budget incl. SACO/realignment plus known "
        "supplementary budgets), over calendar-year GDP derived the same way; each year's difference from "
        "SIPRI's published share is explained in the last column.",
        "暦年の値 = その年に始まる年度の4分の3 ＋ 前年度の4分の1（防衛関係費（SACO・米軍再編関係経費を含む）に"
        "判明している補正予算を加えた額）。分母の暦年の名目GDPも同じ方法で求めています。SIPRIの公表比率との差は、"
        "年ごとに最後の列で説明しています。"),
    "app.sipri.col.calendar_year": ("calendar year", "暦年"),
    "app.sipri.col.spending": ("spending (trillion JPY)", "歳出額（兆円）"),
    "app.sipri.col.share": ("share of CY GDP (%)", "暦年の名目GDP比（%）"),
    "app.sipri.col.sipri_share": ("SIPRI share (%)", "SIPRIの対GDP比（%）"),
    "app.sipri.col.difference": ("difference (pt)", "差（%ポイント）"),
    "app.sipri.col.first_estimate": ("share of CY GDP, first estimate (%)", "暦年の名目GDP（一次速報）比（%）"),
    "app.sipri.col.usd": ("spending (USD bn)", "歳出額（10億米ドル）"),
    "app.sipri.col.sipri_usd": ("SIPRI (USD bn)", "SIPRI（10億米ドル）"),
    "app.sipri.col.why": ("why it differs", "差の理由"),
    "app.data.methodology": ("Methodology of the current view", "現在の表示の計算方法"),
    "app.data.sources": ("Sources and data vintages", "出典とデータの版"),
    "app.data.tidy": ("Trajectories (tidy table)", "推移（1行に1つの数値の表）"),
    "app.data.all_figures": ("All bundled figures with their sources", "収録したすべての数値と出典"),
    "app.data.note.scope": ("Scope: {value}", "経費の範囲: {value}"),
    "app.data.note.basis": ("Budget basis: {value}", "予算の区分: {value}"),
    "app.data.note.denominator": ("GDP denominator: {value}", "対GDP比の分母: {value}"),
    "app.data.note.reference_gdp": ("Fixed-FY2022 reference GDP: {value}", "2022年度の基準となる名目GDP（固定）: {value}"),
    "app.data.note.vintage": ("Actual GDP: ESRI vintage {value}", "名目GDPの実績: 内閣府経済社会総合研究所 {value}版"),
    "app.data.note.preset": ("Projected GDP: {value}", "名目GDPの試算: {value}"),
    "app.data.note.growth": ("Projected GDP: constant nominal growth of {value} a year",
                             "名目GDPの試算: 一定の名目成長率 年{value}"),
    "app.data.note.fx": ("FX: {rate} JPY per USD for projected years; past years at {past}",
                         "為替: 試算の年度は1米ドル＝{rate}円、過去の年度は{past}"),
    "app.data.note.fx_stated": ("the same rate", "同じレート"),
    "app.data.note.fx_fiscal": ("their fiscal-year average (Bank of Japan)", "各年度の平均（日本銀行）"),
    "app.data.note.fx_calendar": ("their calendar-year average (Federal Reserve)", "暦年平均（米連邦準備制度）"),
    "app.data.note.end": ("Fiscal years April–March. Sources: MOD/MOF budgets; ESRI GDP; Cabinet Office "
                          "projections; see data/README.md.",
                          "年度は4月〜翌年3月。出典: 防衛省・財務省の予算資料、内閣府経済社会総合研究所の名目GDP、"
                          "内閣府の試算（data/README.md を参照）。"),
    "app.method_table.col.scenario": ("scenario", "シナリオ"),
    "app.method_table.col.title": ("title", "名称"),
    "app.method_table.col.target_share": ("target_share", "目標の対GDP比"),
    "app.method_table.col.target_year": ("target_year", "目標年度"),
    "app.method_table.col.scope": ("scope", "経費の範囲"),
    "app.method_table.col.basis": ("basis", "予算の区分"),
    "app.method_table.col.denominator": ("denominator", "対GDP比の分母"),
    "app.method_table.col.reference_gdp_jpy": ("reference_gdp_jpy", "基準となる名目GDP（2022年度、円）"),
    "app.method_table.col.path": ("path", "増え方"),
    "app.method_table.col.after_target": ("after_target", "目標年度より後の扱い"),
    "app.method_table.col.anchor_year": ("anchor_year", "起点の年度"),
    "app.method_table.col.gdp_vintage": ("gdp_vintage", "名目GDP実績の版"),
    "app.method_table.col.last_actual_gdp_year": ("last_actual_gdp_year", "名目GDP実績の最終年度"),
    "app.method_table.col.gdp_assumption": ("gdp_assumption", "名目GDPの前提（英語）"),
    "app.method_table.col.growth_overrides": ("growth_overrides", "成長率の個別指定"),
    "app.method_table.col.jpy_per_usd": ("jpy_per_usd", "為替レート（1米ドル当たり円）"),
    "app.method_table.col.fx_history": ("fx_history", "過去の年度を暦年平均で換算"),
    "app.method_table.col.fx_assumption": ("fx_assumption", "為替の前提（英語）"),
    "app.method_table.col.fx_rate_for_actuals": ("fx_rate_for_actuals", "過去の年度の米ドル換算"),
    "app.method_table.col.inflation_rate": ("inflation_rate", "実質化に用いる物価上昇率"),
    "app.method_table.col.price_base_year": ("price_base_year", "実質値の基準年度"),
    "app.method_table.col.deflator": ("deflator", "デフレーター（英語）"),
    "app.method_table.col.cumulative_from": ("cumulative_from", "累計の起点の年度"),
    "app.method_table.col.baseline": ("baseline", "比較基準"),
    "app.method_table.col.baseline_description": ("baseline_description", "比較基準の説明（英語）"),
    "app.method_table.col.fiscal_year": ("fiscal_year", "年度の定義（英語）"),
    "app.method_table.col.population": ("population", "人口の扱い（英語）"),
    "app.method_table.col.caveats": ("caveats", "注意点（英語）"),
    "app.tidy.col.value": ("value", "値"),
    "app.data.custom_title": ("Custom: {share} of GDP by FY{year}", "カスタム: {year}年度までに対GDP比{share}"),
    "app.data.col.table": ("table", "収録先の表"),
    "app.data.col.title": ("title", "資料名（原文）"),
    "app.data.col.publisher": ("publisher", "公表者（原文）"),
    "app.data.col.edition": ("edition", "版（原文）"),
    "app.data.col.retrieved_on": ("retrieved_on", "取得日"),
    "app.data.col.source_url": ("source_url", "出典のURL"),
    "app.data.col.series": ("series", "系列"),
    "app.data.col.fiscal_year": ("fiscal_year", "年度"),
    "app.data.col.value": ("value", "値"),
    "app.data.col.unit": ("unit", "単位"),
    "app.data.col.source": ("source", "出典（原文）"),
    "app.data.col.is_default": ("is_default", "既定値"),
    "app.data.col.vintage": ("vintage", "版"),
    "app.data.col.stage": ("stage", "予算の段階"),
    "app.data.col.scope": ("scope", "経費の範囲"),
    "app.data.col.confidence": ("confidence", "信頼度"),
    "app.data.col.definition": ("definition", "定義（英語）"),
    "app.data.col.quote": ("quote", "出典からの引用（原文）"),
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
                  "各暦年のSIPRIとの差の理由（本ツール − SIPRI、ポイント）："),
    "sipri.year": ("CY{year}: {text}", "{year}年：{text}"),
    "sipri.method": ("Method (every row is an estimate): {text}", "計算方法（すべて推計。原文・英語）：{text}"),
    "answer.exact_values": ("Exact values (--format csv or json for a table):",
                            "正確な値（表は --format csv または json。定義は原文の英語）："),
    # app: answers (headline, Trajectories and Uncertainty tabs, downloads)
    "app.h.spending": ("Spending needed in FY{year} (trillion JPY)", "{year}年度に必要な歳出額（兆円）"),
    "app.h.spending_help": ("Yen spent in FY{year} on this scenario ({scope}), with {denominator} as the target's "
                            "denominator.", "このシナリオの{year}年度の歳出額（{scope}）。目標の分母は{denominator}。"),
    "app.h.share_fixed": ("Share of fixed FY2022 GDP in FY{year}", "{year}年度の対GDP比（2022年度GDP固定）"),
    "app.h.share_fixed_help": ("The same yen divided by the government's fixed FY2022 GDP ({gdp}), as the 2% "
                               "framework counts.", "同じ歳出額を、政府がGDP比2%の枠組みで用いる2022年度の名目GDP（{gdp}、固定）で割った比率。"),
    "app.h.share_same": ("Share of same-year GDP in FY{year}", "{year}年度の対GDP比（当該年度GDP）"),
    "app.h.share_same_help": ("The same yen divided by FY{year}'s own nominal GDP under the GDP assumption: a "
                              "fiscal-year share, not SIPRI's or NATO's calendar-year figure (see the Reconcile tab).",
                              "同じ歳出額を、GDPの前提のもとでの{year}年度の名目GDPで割った比率（年度ベース。SIPRIやNATOの暦年ベースの数値とは異なります。"
                              "「数値の照合」タブを参照）。"),
    "app.h.baseline_common": ("FY{year} level", "{year}年度水準"),
    "app.h.baseline_own": ("flat FY{year}", "{year}年度横ばい"),
    "app.h.extra": ("Extra a year vs {baseline} (trillion JPY)", "年平均増加額（兆円、{baseline}比）"),
    "app.h.extra_help": ("Average yearly spending above the baseline, FY{start} to FY{end}. Baseline — {baseline}.",
                         "{start}〜{end}年度の、比較基準を上回る歳出額の年平均。比較基準：{baseline}。"),
    "app.h.growth": ("Spending growth FY{start}–FY{end} (%/yr)", "歳出の伸び率 {start}〜{end}年度（年率）"),
    "app.h.growth_help": ("Constant yearly growth of spending in yen needed from the last bundled figure to the target. "
                          "n/a where the target is already due or the path is flat.",
                          "目標に必要な、収録済みの最新の数値から目標年度までの円建て歳出の一定の年伸び率。目標年度が到来済みか横ばいの経路では該当なし。"),
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
    "app.traj.table": ("**{title}, year by year** (trillion = 10^12 yen; rounded for reading — the exact values "
                       "are in the downloads)",
                       "**{title}：年度別**（兆円は10^12円。読みやすさのため丸めています。正確な値はダウンロードにあります）"),
    "app.traj.table_scenario": ("Table for", "表示するシナリオ"),
    "app.dl.heading": ("**Downloads**", "**ダウンロード**"),
    "app.dl.zip": ("Data, methodology and sources (zip)", "データ・方法・出典（圧縮ファイル）"),
    "app.dl.zip_help": ("data.csv (opens as it is in spreadsheets and pandas), README.md (methodology, sources, "
                        "column labels in English and Japanese) and metadata.json.",
                        "data.csv（表計算ソフトなどでそのまま開けます）、README.md（方法、出典、日英の列の説明）と機械可読のメタデータ。"),
    "app.dl.csv": ("Trajectories (CSV)", "年度別データ（CSV）"),
    "app.dl.csv_help": ("The tidy table, exact values, one plain header row (the methodology and sources are in "
                        "the zip).", "整然形式の表（正確な値、1行目が列名）。方法と出典は圧縮ファイルにあります。"),
    "app.dl.yaml": ("Scenario (YAML)", "シナリオ（YAML）"),
    "app.dl.yaml_help": ("The headline scenario ({name}), with the method choices applied, saved as '{saved}'; "
                         "load it again with 'Load a scenario file' or `spendcalc project --scenario FILE`.",
                         "見出しのシナリオ（{name}）を、選んだ方法を反映して「{saved}」として保存します。"
                         "「シナリオファイル（YAML）を読み込む」で読み込めます（コマンドラインでも使えます）。"),
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
    "app.traj.dots": ("Filled dots: enacted budgets, government plans and estimates derived from published figures; "
                      "hollow dots: this calculator's projection. The share chart uses each scenario's own "
                      "denominator. Diamonds: targets as the articles state them (details in the Claims tab).",
                      "塗りつぶしの点：成立した予算、政府の計画、公表値からの推計。白抜きの点：本ツールの試算。対GDP比のグラフは"
                      "各シナリオの分母によります。ひし形：記事が述べる目標（詳細は「記事の主張」タブ）。"),
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
    "app.dl.kind.spending": ("Spending (trillion JPY)", "歳出額（兆円）"),
    "app.dl.kind.share": ("Share of GDP with the articles' claims", "対GDP比と記事の主張"),
    "app.dl.kind.denominator": ("Fixed vs same-year denominator (focus scenario)", "固定の分母と当該年度の分母（見出しのシナリオ）"),
    "app.dl.kind.gap": ("Extra spending versus flat", "横ばいからの増加額"),
    "app.dl.kind.usd": ("Spending in US dollars", "米ドル換算の歳出額"),
    "bundle.title": ("Japan's defense spending scenarios (spendcalc)", "日本の防衛費シナリオ（spendcalc）"),
    "bundle.intro": ("Data behind one view (the page address or command line the citation below names): yearly spending paths of the chosen scenarios under the stated "
                     "assumptions. Fiscal years run April to March; shares of GDP are fractions (0.02 = 2%); "
                     "money is in the unit the unit column names. Figures for past years are budgets as "
                     "published; later years are this calculator's projection, not forecasts.",
                     "下の引用にあるページのアドレスまたはコマンドが示す表示のデータです。選んだシナリオの年度別歳出額を、記載の前提で示します。年度は4月〜翌年3月、"
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
    "chart.bridge.title": ("From the MOD budget to the security-related total, {year}", "防衛関係費から安全保障に関連する経費まで（{year}）"),
    "chart.bridge.subtitle": ("Each step is one published figure (hatched: estimate or plan); Japanese fiscal year, April-March",
                              "各段は公表された1つの数値（斜線は推計または計画）。年度は4月〜翌年3月"),
    "chart.bridge.ylabel": ("trillion yen (nominal)", "兆円（名目）"),
    "chart.bridge.not_published": ("not published", "未公表"),
    # methodology texts and caveats (spendcalc.methodology; the English is the methodology's own text, tested)
    "method.list_sep": (", ", "、"),
    "method.original": ("{text}", "原文（英語）：{text}"),
    "method.fx.calendar": ("calendar-year Federal Reserve averages for FY{start}-FY{end} (FYnnnn at the "
                           "calendar-year-nnnn average)",
                           "{start}〜{end}年度は米連邦準備制度の暦年平均（各年度に、その年度が始まる暦年の平均）"),
    "method.fx.fiscal": ("fiscal-year (April-March) averages for FY{start}-FY{end}",
                         "{start}〜{end}年度は年度平均（4月〜翌年3月）"),
    "method.fx.fiscal_where": ("fiscal-year (April-March) averages for FY{start}-FY{end} where no calendar-year "
                               "average is used", "暦年平均を用いない{start}〜{end}年度は年度平均（4月〜翌年3月）"),
    "method.fx.other": ("{parts}, {rate} JPY per USD (stated rate) for other years",
                        "{parts}、その他の年度は1米ドル＝{rate}円（設定したレート）"),
    "method.fx.every": ("{rate} JPY per USD for every year (stated rate)", "全年度1米ドル＝{rate}円（設定したレート）"),
    "method.gdp.growth": ("constant nominal growth {rate}/yr after FY{year}",
                          "{year}年度より後は一定の名目成長率 年{rate}"),
    "method.gdp.preset": ("preset {name}: {title} ({published}); {extend}",
                          "{title}（{published}公表、{name}）。{extend}"),
    "method.gdp.extend_stated": ("after FY{year}: {rate}/yr, the case's stated medium/long-run nominal growth "
                                 "— an assumption beyond the table",
                                 "{year}年度より後は年{rate}（同ケースが示す中長期の名目成長率。試算表の範囲外は仮定）"),
    "method.gdp.extend_held": ("after FY{year}: {rate}/yr, the last tabulated rate held constant — an assumption",
                               "{year}年度より後は年{rate}（試算表の最終年度の成長率を据え置く仮定）"),
    "method.deflator": ("ESRI GDP deflator (vintage {vintage}) to FY{last}, then {rate}/yr assumed; yen of FY{base}",
                        "{last}年度までは内閣府経済社会総合研究所のGDPデフレーター（{vintage}版）、その後は年{rate}の"
                        "上昇を仮定。{base}年度価格の円"),
    "method.deflator.assumed": ("{rate}/yr assumed for every year; yen of FY{base}",
                                "全年度で年{rate}の上昇を仮定。{base}年度価格の円"),
    "method.baseline.common": ("common: the FY{year} {scope} total ({basis}, {status}), {level} trillion JPY, "
                               "held flat in yen for every scenario",
                               "共通：{year}年度の{scope}（{basis}、{status}）{level}兆円を、全シナリオ共通で円建てのまま"
                               "据え置いた水準"),
    "method.baseline.own": ("own: the scenario's last decided figure (FY{year} {scope}, {basis}), {level} trillion "
                            "JPY, held flat in yen",
                            "個別：本シナリオの直近の決定額（{year}年度の{scope}、{basis}）{level}兆円を円建てのまま"
                            "据え置いた水準"),
    "method.fiscal_year": ("Japanese fiscal year, April to March", "日本の会計年度（4月〜翌年3月）"),
    "method.population": (
        "Per person: spending / total population on 1 October of the fiscal year's first calendar "
        "year (Statistics Bureau estimates; 2017 and 2020 derived by one addition). ASSUMPTION after "
        "the last bundled estimate: population linear between it and the IPSS 2023 medium "
        "projection for 2045, then to its 2070 projection, held at the 2070 level after; the IPSS "
        "projection is the only sourced path (no official figure for the years between), and a "
        "held last figure would overstate the population by ~15 million by 2045.",
        "1人当たり：歳出額 ÷ 年度が始まる暦年の10月1日現在の総人口（総務省統計局の人口推計。2017年と2020年は"
        "1回の加算で導出）。仮定（収録した最後の推計より後）：人口はその値から国立社会保障・人口問題研究所の"
        "2023年（令和5年）推計（出生中位・死亡中位）の2045年の値まで直線で変わり、その後2070年の推計値まで直線、以後は"
        "2070年の水準で一定とします。同研究所の推計が出典のある唯一の経路で（間の年の公式の値はありません）、"
        "最後の値を据え置くと2045年までに人口を約1,500万人多く見積もることになります。"),
    "method.caveat.mod_target": (
        "the {share} target is applied to the MOD defense budget alone; the government's 2% target covers the "
        "larger security-related total (MOD budget plus complementary items of other ministries)",
        "対GDP比{share}の目標を防衛関係費だけに当てはめています。政府の2%目標は、より大きい安全保障に関連する経費"
        "（防衛関係費に他省庁の関連経費を加えたもの）が対象です"),
    "method.caveat.early_target": (
        "target year FY{year} precedes the last bundled {scope} figure (FY{anchor}); the target rule applies "
        "from FY{next}",
        "目標年度の{year}年度は、収録した{scope}の最後の数値（{anchor}年度）より前です。目標の計算は{next}年度から"
        "適用します"),
    "method.caveat.same_year": (
        "same-year GDP is ESRI vintage {vintage}; government same-year ratios were computed on the GDP estimates "
        "of their time, before the benchmark revision that raised nominal GDP, and are higher{reported}",
        "当該年度の名目GDPは内閣府経済社会総合研究所の{vintage}版です。政府の当該年度の対GDP比は、名目GDPを"
        "引き上げた基準改定より前の当時のGDP推計で計算されており、これより高くなります{reported}"),
    "method.caveat.reported": (" ({text})", "（{text}）"),
    "method.caveat.reported_parsed": ("FY{year} {basis}, {share} reported", "政府公表値：{year}年度{basis}で{share}"),
    "method.caveat.estimate": (
        "{scope} ({basis}) for {years} is an estimate derived from published figures (status 'estimate'; "
        "see data/README.md)",
        "{years}の{scope}（{basis}）は公表値から導いた推計です（区分「推計」。data/README.md を参照）"),

    # SIPRI: why each calendar year differs (spendcalc.sipri.explanation; the English is the explanation column)
    "sipri.x.sep": ("; ", "。"),
    "sipri.x.none": ("SIPRI share not bundled for this year: no comparison", "SIPRIの対GDP比を収録していない年のため比較なし"),
    "sipri.x.unsplit": ("gap {gap} pt vs SIPRI {share}; SIPRI dollars not bundled for {year}, so the gap is not "
                        "split into spending and GDP",
                        "差{gap}ポイント（SIPRIは{share}）。{year}年のSIPRIの米ドル額を収録していないため、差を歳出額と"
                        "GDPの要因に分けていません"),
    "sipri.x.split": ("gap {gap} pt = spending {spend_pt} pt (ours {ours} {with_supp} supplementaries vs SIPRI "
                      "~{sipri_yen} = {usd} x {rate}; initial budgets only {initial}) + GDP {gdp_pt} pt (ours "
                      "{gdp}tn from fiscal years, ESRI {vintage}; SIPRI's implied {sipri_gdp}tn, IMF data of its "
                      "release)",
                      "差{gap}ポイント ＝ 歳出額の要因{spend_pt}ポイント（本ツールは補正予算{with_supp}{ours}、SIPRIは"
                      "約{sipri_yen}＝{usd}×{rate}円。当初予算のみでは{initial}）＋ GDPの要因{gdp_pt}ポイント（本ツールは"
                      "年度の値から求めた{gdp}兆円（内閣府経済社会総合研究所 {vintage}版）、SIPRIの比率から逆算した名目GDPは"
                      "{sipri_gdp}兆円（SIPRIの公表時点のIMFのデータ））"),
    "sipri.x.with": ("with", "を含めて"),
    "sipri.x.partly": ("partly without", "を一部含めずに"),
    "sipri.x.yen": ("SIPRI's yen is {initial} from initial budgets only and {ours} from ours with supplementaries",
                    "SIPRIの円換算額は、当初予算のみの値との差が{initial}、本ツールの補正予算を含む値との差が{ours}"),
    "sipri.x.release": ("its dollars are from the {year} release, its share from the {share_year} release "
                        "(SIPRI revises past years)",
                        "SIPRIの米ドル額は{year}年版、対GDP比は{share_year}年版の公表値（SIPRIは過去の年も改定します）"),
    "sipri.x.missing": ("a supplementary budget was not found (counted as zero)",
                        "補正予算が見つからない年度があります（ゼロとして計算）"),
    "sipri.x.estimate": ("an approximate supplementary is used", "補正予算に概算の値を用いています"),
    "chart.note.fx_calendar": ("calendar-year averages for past years, {rate} JPY per USD for other years",
                               "過去の年度は暦年平均（米連邦準備制度）、その他の年度は1ドル＝{rate}円"),

    # charts: on screen (the claims' labels are the diamonds' tooltips)
    "chart.screen.claim": ("Claim in an article: point at a diamond (tap it on a phone) to read the claim and its article numbers",
                           "記事中の主張：ひし形にカーソルを合わせる（スマートフォンではタップする）と、主張の内容と記事番号を表示"),
    # simulation notes (spendcalc.simulate): the assumptions behind a probability
    "simulate.gdp_vol_note": ("assumption: historical s.d. of annual nominal GDP log growth FY{first}-FY{last} "
                              "(ESRI vintage {vintage}, {n} years)",
                              "仮定：名目GDP成長率（対数）の過去の標準偏差、{first}〜{last}年度"
                              "（内閣府経済社会総合研究所 {vintage}版、{n}年分）"),
    "simulate.fx_vol_note": ("assumption: historical s.d. of the yearly log change of the fiscal-year average "
                             "JPY/USD rate, FY{first}-FY{last} ({n} changes, Bank of Japan monthly averages)",
                             "仮定：年度平均の円ドルレートの年間変化率（対数）の過去の標準偏差、{first}〜{last}年度"
                             "（{n}回の変化、日本銀行の月平均から）"),
    "simulate.user_supplied": ("user-supplied", "利用者の指定値"),
    # the Uncertainty tab's own-target probability, stated from the simulation's attributes
    "app.uq.note.exact": ("P(share >= {share} of same-year GDP in FY{year}) exact under the model (Gaussian log GDP); "
                          "spending held fixed in yen{plan}",
                          "{year}年度に当該年度の名目GDPに対する比率が{share}以上となる確率（モデルのもとでの厳密解、"
                          "名目GDPの対数は正規分布）。歳出額は円建てで固定{plan}"),
    "app.uq.note.plan": (" at the {denominator} plan", "（{denominator}を分母とする計画の額）"),
    "app.uq.note.certain": ("the share is certain (GDP for FY{year} is actual, or the volatility is zero)",
                            "比率は確定している（{year}年度のGDPが実績、または変動がゼロ）"),
    "app.uq.note.fixed": ("on the fixed FY2022 denominator the share is certain: spending is fixed in yen and the "
                          "denominator does not move",
                          "2022年度GDP（固定）を分母とすると、歳出額も分母も動かないため比率は確定している"),
    "app.uq.col.p": ("{p}th percentile", "{p}パーセンタイル"),
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


def is_missing(v: object) -> bool:
    """None or NaN: a value a sentence prints as 'not available'."""
    return v is None or (isinstance(v, float) and math.isnan(v))


def scenario_title(name: str, title: str, lang: str = DEFAULT_LANG, *, target_share: float | None = None,
                   target_year: int | None = None) -> str:
    """A scenario's title in ``lang``: a built-in that keeps its built-in title gets the
    catalogue's (``scenario_title.<name>``), and so does the app's slider scenario that keeps the
    title the app gave it (``app.data.custom_title``, from its target); any other title is shown
    as written (a user's own words are not translated)."""
    if check_lang(lang) == DEFAULT_LANG:
        return title
    key = f"scenario_title.{name}"
    if key in MESSAGES and MESSAGES[key][0] == title:
        return t(key, lang)
    if target_share is not None and target_year is not None:
        fields = {"share": percent(target_share, digits=1), "year": target_year}
        if title == t("app.data.custom_title", DEFAULT_LANG, **fields):
            return t("app.data.custom_title", lang, **fields)
    return title


def fy(year: int, lang: str = DEFAULT_LANG) -> str:
    """A Japanese fiscal year: ``FY2035`` / ``2035年度``."""
    return t("common.fy", lang, year=int(year))


def yen(value_jpy: float, lang: str = DEFAULT_LANG) -> str:
    """Yen as a brief prints them.

    English: ``27.2 trillion yen`` (one decimal). Japanese: ``27.2兆円`` (one decimal) from one
    trillion yen up, ``8,500億円`` (whole 億, 100 million yen) below it.
    """
    if is_missing(value_jpy):
        return t("common.not_available", lang)
    if check_lang(lang) == "en":
        return f"{value_jpy / 1e12:,.1f} trillion yen"
    if abs(value_jpy) >= 1e12:
        return f"{value_jpy / 1e12:,.1f}兆円"
    return f"{value_jpy / 1e8:,.0f}億円"


def usd_bn(value_usd: float, lang: str = DEFAULT_LANG) -> str:
    """US dollars in whole billions: ``$175 bn`` / ``1,750億ドル``."""
    if is_missing(value_usd):
        return t("common.not_available", lang)
    if check_lang(lang) == "en":
        return f"${value_usd / 1e9:,.0f} bn"
    return f"{value_usd / 1e8:,.0f}億ドル"


def man_yen(value_jpy: float, lang: str = DEFAULT_LANG) -> str:
    """Yen per person, to the nearest thousand yen: ``234,000 yen`` / ``23.4万円`` (万 = 10,000
    yen, one decimal: the same rounding in both languages)."""
    if is_missing(value_jpy):
        return t("common.not_available", lang)
    rounded = round(float(value_jpy), -3)
    if check_lang(lang) == "en":
        return f"{rounded:,.0f} yen"
    return f"{rounded / 1e4:,.1f}万円"


def percent(fraction: float, lang: str = DEFAULT_LANG, digits: int = 1) -> str:
    """A fraction as percent with ``digits`` decimals: ``3.5%`` in both languages."""
    if is_missing(fraction):
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
