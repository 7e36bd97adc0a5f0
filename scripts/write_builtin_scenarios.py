"""Write the built-in scenarios to data/scenarios/*.yaml in canonical form (run once, then edit
the YAML files by hand if needed: they are the source of truth and are tested for exact round trip)."""

from pathlib import Path

from spendcalc.assumptions import Scenario, Source
from spendcalc.scenarios import scenario_to_yaml

NSS = Source(
    "MOF ファイナンス 2023年4月号 p.34 (quoting the National Security Strategy, 2022-12-16)",
    "https://www.mof.go.jp/public_relations/finance/denshi/202304/pageindices/index38.html",
    "2027年度において…予算水準が現在の国内総生産(GDP)の2%に達するよう、所要の措置を講ずる",
)
DOJ = Source(
    "Defense of Japan 2024 (防衛白書 令和6年版), column on the 2% of GDP target",
    "http://www.clearing.mod.go.jp/hakusho_data/2024/html/nc014000.html",
    "GDP(2022年度実績見込み。約560兆円)の2%(11兆円程度)",
)
SPEECH = Source(
    "Yomiuri/Japan News, Takaichi Says She'll Get Japan's Security Spending up to 2% of GDP in FY25 (2025-10-24)",
    "https://japannews.yomiuri.co.jp/?p=288420",
    "Takaichi said her administration will \"move this target\" to sometime within fiscal 2025",
)
KIHARA = Source(
    "KHB (TV) report of Chief Cabinet Secretary Kihara's press conference (2025-11-28)",
    "https://www.khb-tv.co.jp/news/16188893",
    "当初予算の9.9兆円程度と合わせた合計額は11兆円程度となります。その結果、令和7年度において国家安全保障戦略に定める対GDP比2%水準を前倒しで措置したことになります",
)
US = Source(
    "Jiji via Nippon.com, U.S. Demands Japan Raise Defense Spending to 3.5 Pct of GDP: FT (2025-06-21)",
    "https://www.nippon.com/en/news/yjj2025062100227/u-s-demands-japan-raise-defense-spending-to-3-5-pct-of-gdp-ft.html",
    "has urged Japan to increase its defense spending to 3.5 pct of its gross domestic product",
)
NATO = Source(
    "Qazinform quoting The Hague Summit Declaration (NATO, 2025-06-25)",
    "https://qazinform.com/news/nato-allies-agree-to-raise-defense-spending-4099de",
    "Allies will allocate at least 3.5% of GDP annually based on the agreed definition of NATO defense expenditure by 2035",
)

NATO_RELATED = Source(
    "Qazinform quoting The Hague Summit Declaration (NATO, 2025-06-25)",
    "https://qazinform.com/news/nato-allies-agree-to-raise-defense-spending-4099de",
    "the Allies will account for up to 1.5% of GDP annually \u201cto inter alia protect critical "
    "infrastructure, defend networks, ensure civil preparedness and resilience, unleash innovation, "
    "and strengthen defense industrial base.\u201d",
)
DOJ_COMPOSITION = Source(
    "Defense of Japan 2024 (防衛白書 令和6年版), column on the 2% of GDP target",
    "http://www.clearing.mod.go.jp/hakusho_data/2024/html/nc014000.html",
    "防衛力整備計画対象経費については、2027年度において8.9兆円程度となることを見込んでいます",
)

BUILTINS = [
    Scenario(
        name="original-fy2027", target_share=0.02, target_year=2027, scope="security-related",
        denominator="fixed-fy2022", path="linear-yen", after_target="hold-share", basis="initial",
        title="2% of GDP in FY2027 (December 2022 plan)",
        description=(
            "The National Security Strategy of December 2022: security-related expenditures reach "
            "2% of the FY2022 GDP (~560 trillion yen, so ~11 trillion yen) in FY2027. Counted on "
            "initial budgets, as the government counted FY2023-FY2025. FY2025 (9.9 trillion yen) and "
            "FY2026 are decided years, taken as data: FY2026's security-related total was not "
            "published, so it is an estimate (~10.2 trillion yen: the enacted FY2026 MOD budget plus "
            "the FY2025 items of other ministries; see data/README.md); the path rises in equal yen "
            "steps from FY2027."),
        sources=(NSS, DOJ),
    ),
    Scenario(
        name="accelerated-fy2025", target_share=0.02, target_year=2025, scope="security-related",
        denominator="fixed-fy2022", path="linear-yen", after_target="hold-yen",
        basis="with-supplementary",
        title="2% level reached in FY2025 (accelerated, 24 Oct 2025)",
        description=(
            "Prime Minister Takaichi's policy speech of 24 Oct 2025 moved the 2% target from FY2027 "
            "to FY2025; the FY2025 supplementary budget (~1.1 trillion yen security-related) on top "
            "of the initial 9.9 trillion made ~11 trillion yen, the '2% level' of the fixed FY2022 "
            "GDP (1.96%). Counts initial plus supplementary budgets. After FY2025 it holds the ~11 "
            "trillion yen reached, which is also the FY2027 level of the plan ('11兆円程度'), "
            "rather than rounding up to exactly 2.00% (11.2 trillion). FY2026 is a decided year and "
            "is data: the estimated security-related total (~10.2 trillion yen) with no FY2026 "
            "supplementary defense money enacted as of October 2026; the ~11 trillion yen hold "
            "from FY2027."),
        sources=(SPEECH, KIHARA, DOJ),
    ),
    Scenario(
        name="us-ask-3.5pct", target_share=0.035, target_year=2035, scope="security-related",
        denominator="same-year", path="linear-yen", after_target="hold-share",
        basis="with-supplementary",
        title="3.5% of GDP by FY2035 (reported informal US request)",
        description=(
            "The reported informal US request (Financial Times, 20 June 2025) that Japan spend 3.5% "
            "of GDP on defense; FY2035 by default, the year NATO's Hague declaration set for its "
            "3.5% core target. Measured on the same fiscal year's GDP (NATO counts calendar years). "
            "FY2026 is a decided year "
            "and is data (the estimated security-related total, ~10.2 trillion yen, with no FY2026 "
            "supplementary defense money enacted as of October 2026); the path ramps in equal yen "
            "steps from FY2027. Not an adopted Japanese target. "
            "Caveats: the numerator is Japan's security-related total, a hybrid that includes the "
            "Coast Guard and four new areas (research, infrastructure, cyber, international "
            "cooperation) that resemble NATO's separate 'up to 1.5%' category rather than its "
            "3.5% core; and years are Japanese fiscal years, where NATO counts calendar years. "
            "The scenario nato-hague-fy2035 applies NATO's two categories separately (3.5% core "
            "on the project's NATO-style split)."),
        sources=(US, NATO),
    ),
    Scenario(
        name="nato-hague-fy2035", target_share=0.035, target_year=2035, scope="nato-core",
        denominator="same-year", path="linear-yen", after_target="hold-share", basis="initial",
        title="NATO Hague pledge applied to Japan: 3.5% core by FY2035 (+ up to 1.5% related)",
        description=(
            "NATO's Hague commitment (25 June 2025) applied to Japan: at least 3.5% of GDP on core "
            "defence by 2035, plus up to 1.5% on defence- and security-related spending. The "
            "scenario targets the 3.5% CORE on the scope nato-core, the project's NATO-style split "
            "of the security-related total (MOD budget incl. SACO/realignment plus Coast Guard, "
            "peacekeeping and other ministries' items; an analytical mapping, see spendcalc.nato "
            "and the README); the related part is stated, not added: the four areas (research, "
            "public infrastructure, cyber, international cooperation) are planned at ~1.0 trillion "
            "yen in FY2027, about 0.14% of GDP, far below 1.5% (project them with scope "
            "nato-related). One 5% target on a combined scope would let the loosely defined "
            "'up to 1.5%' items stand in for the 3.5% floor, which the declaration does not allow. "
            "Measured on the same fiscal year's GDP (NATO counts calendar years), initial budgets: "
            "the split is known only for the FY2027 plan composition of the 2% target (10.0 "
            "trillion yen core), the anchor; the path ramps in equal yen steps to FY2035. Not an "
            "adopted Japanese target; nato-core leaves out military pensions, which NATO counts."),
        sources=(NATO, NATO_RELATED, DOJ_COMPOSITION),
    ),
    Scenario(
        name="hold-flat", target_share=None, target_year=None, scope="security-related",
        denominator="fixed-fy2022", path="hold-flat", after_target="hold-share",
        basis="with-supplementary",
        title="Hold flat in yen (baseline)",
        description=(
            "Security-related spending frozen in nominal yen at its last decided level (FY2026, "
            "initial plus supplementary: an estimate of ~10.2 trillion yen, no FY2026 supplementary "
            "defense money being enacted as of October 2026). With --baseline own, every "
            "scenario's extra yen are measured against this rule in its own scope and basis; the "
            "default common baseline is the FY2025 total with supplementary (~11 trillion yen)."),
        sources=(KIHARA,),
    ),
]

if __name__ == "__main__":
    out = Path(__file__).resolve().parents[1] / "data" / "scenarios"
    out.mkdir(parents=True, exist_ok=True)
    for sc in BUILTINS:
        (out / f"{sc.name}.yaml").write_text(scenario_to_yaml(sc), encoding="utf-8")
        print("wrote", sc.name)
