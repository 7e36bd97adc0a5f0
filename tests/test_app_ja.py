"""The app in Japanese (``?lang=ja``): every control and every text of every tab, under AppTest.

The walk reads what a reader sees: each element's label, help text, body (markdown, captions,
metrics), options as displayed, placeholders, tab and expander labels, and the headers of every
table (a column's configured label, else its name). Table cells are data (the articles' quotes,
the sources' titles and quotes, ids in the tidy table) and are not walked; neither are chart specs.

An English word left over is an ASCII word of three letters or more that is not a proper name,
acronym or unit in :data:`ALLOWED`; file paths, addresses and scenario ids are not words.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import spendcalc
from spendcalc.i18n import MESSAGES, t

pytestmark = [pytest.mark.app, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
TABS = ("Trajectories", "Uncertainty", "Claims", "Reconcile", "Data & methodology")

#: proper names, acronyms and units a Japanese page keeps in Latin letters
ALLOWED = {
    "gdp", "sipri", "nato", "mod", "mof", "usd", "jpy", "csv", "yaml", "esri", "pko", "saco", "osa", "frb",
    "url", "pdf", "png", "svg",  # acronyms and file formats
    "english",  # the language selector names each language in itself
    "spendcalc",  # the project's own name (and its command, ``spendcalc sipri``)
}
#: the articles' titles (as published, in English) are the Article filter's options: data, not labels
DATA_OPTIONS = {"claims_article"}

WORD = re.compile(r"[A-Za-z][A-Za-z']*")
NOT_WORDS = re.compile(r"https?://\S+|\S*/\S*|\S+\.(?:csv|md|yaml|yml|py)\b|esri-\d{4}q\d")
TEXT_FIELDS = {"label", "help", "body", "options", "placeholder"}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def scenario_ids() -> list[str]:
    """Scenario names, and the names their downloaded files carry (``spendcalc.bundle``): ids, not words."""
    from spendcalc.bundle import COPY_SUFFIX

    names = [s.name for s in spendcalc.builtin_scenarios()] + ["custom"]
    presets = list(spendcalc.load_history().presets)  # GDP projections' ids, quoted beside their titles
    return sorted(names + [n + COPY_SUFFIX for n in names] + presets, key=len, reverse=True)


def article_names() -> list[str]:
    """The articles' outlets and headlines as published (the key under the share chart): data, not words."""
    from spendcalc.chartdata import article_names as names
    from spendcalc.data import read_articles_index

    return sorted(names(read_articles_index()).values(), key=len, reverse=True)


def english_words(text: str) -> list[str]:
    """ASCII words of 3+ letters in ``text`` that are not allowed proper names, acronyms or units."""
    text = NOT_WORDS.sub(" ", text.replace("\\", ""))
    for name in scenario_ids() + article_names():
        text = text.replace(name, " ")
    return [w for w in WORD.findall(text) if len(w) >= 3 and w.lower() not in ALLOWED]


def test_english_words_flags_words_and_spares_names_paths_and_ids():
    assert english_words("Spending needed in FY2035 (trillion JPY)") == ["Spending", "needed", "trillion"]
    assert english_words("2035年度の対GDP比3.5%（SIPRI・NATO）、data/README.md、1米ドル＝155.2円") == []
    assert english_words("us-ask-3.5pct: 2035年度まで、esri-2026q2版、English / 日本語") == []
    assert english_words("https://www.mod.go.jp/j/budget/ を参照") == []
    assert english_words("Note: 注意") == ["Note"]
    # the key to the claims' article numbers names each article as published
    assert english_words("004：The Asia Business Daily, 2025-10-29") == []
    assert english_words("004：The Asia Business Weekly") == ["The", "Asia", "Business", "Weekly"]


def texts_of(message, found: list[str]) -> None:
    """Every displayed string field of a proto message (recursively), into ``found``."""
    for field, value in message.ListFields():
        if field.name == "columns" and isinstance(value, str):  # a table's column configs
            found += [c["label"] for c in json.loads(value).values() if c.get("label")]
        elif field.type == field.TYPE_MESSAGE:
            for item in [value] if hasattr(value, "ListFields") else value:
                texts_of(item, found)
        elif field.name in TEXT_FIELDS and field.type == field.TYPE_STRING:
            found += [value] if isinstance(value, str) else list(value)


def page_texts(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) for every text a reader sees: labels, helps, bodies, options, table headers."""
    out: list[tuple[str, str]] = []

    def walk(node, where: str) -> None:
        for child in getattr(node, "children", {}).values():
            kind, key = getattr(child, "type", "?"), getattr(child, "key", None)
            proto = getattr(child, "proto", None)
            if proto is not None and key not in DATA_OPTIONS:
                found: list[str] = []
                texts_of(proto, found)
                out.extend((f"{where}/{kind}", text) for text in found)
            elif key in DATA_OPTIONS:
                out.append((f"{where}/{kind}", child.label))
            if kind == "dataframe":  # headers: a column's configured label, else its name
                labels = {c for c, spec in json.loads(proto.columns or "{}").items() if spec.get("label")}
                shown = list(proto.column_order) or list(child.value.columns)
                out.extend((f"{where}/table", str(c)) for c in shown if c not in labels)
            walk(child, where)

    walk(at.main, "main")
    walk(at.sidebar, "sidebar")
    return out


def leftovers(at: AppTest) -> dict[str, list[str]]:
    """Texts with English words left over, by element."""
    bad: dict[str, list[str]] = {}
    for where, text in page_texts(at):
        if english_words(text):
            bad.setdefault(where, []).append(text)
    return bad


def run_app(query: dict[str, str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


@pytest.fixture(scope="module")
def ja_app() -> AppTest:
    return run_app({"lang": "ja"})


def test_every_tab_in_japanese_shows_no_english_left_over(ja_app):
    at, seen = ja_app, set()
    for name in TABS:
        at.session_state["tab"] = name  # a tab's English name (as a link carries it) opens it in Japanese
        at.run()
        assert not at.exception and not at.error, (name, [e.value for e in [*at.exception, *at.error]])
        open_tabs = [tab.label for tab in at.tabs if tab.children]
        assert open_tabs == [t(key, "ja") for n, key in app_module().TAB_LABELS.items() if n == name]
        assert at.query_params.get("tab", TABS[0]) == name  # the link keeps the English name
        assert leftovers(at) == {}, name
        seen |= {text for _, text in page_texts(at)}
    # the Uncertainty tab's computed part (the plan questions, the own target, the fan chart's table)
    at.session_state["tab"] = "Uncertainty"
    at.run()
    at.toggle(key="mc").set_value(True).run()
    assert not at.exception and not at.error and leftovers(at) == {}
    seen |= {text for _, text in page_texts(at)}
    assert any(text.startswith("上の確率の前提：") for text in seen) and "50パーセンタイル" in seen
    # the walk saw the controls of every tab: the sidebar, each tab's own controls and tables
    assert {"言語", "シナリオ", "目標年度", "予算の区分（補正予算を含めるか）", "判定", "年度"} <= seen
    assert {"金額（兆円）", "SIPRIの対GDP比（%）", "すべての判定"} <= seen
    assert any("出典とデータの版" in text for text in seen) and any(x.startswith("判定の理由") for x in seen)


def test_every_control_has_a_japanese_label_and_option_labels(ja_app):
    at = ja_app
    at.session_state["tab"] = "Reconcile"
    at.run()
    for kind in ("radio", "selectbox", "multiselect", "slider", "checkbox", "file_uploader"):
        for widget in getattr(at, kind):
            text = " ".join([widget.label, widget.help or "", *getattr(widget, "options", [])])
            if widget.key in DATA_OPTIONS:
                continue
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", widget.label), (kind, widget.key, widget.label)
            assert not english_words(text), (kind, widget.key, text)
    # option VALUES stay the link's ids; only their display labels are Japanese
    assert at.radio(key="gdp").value == "preset" and at.radio(key="gdp").options[0] == "内閣府の試算（公表時点のもの）"
    assert at.radio(key="bridge_basis").options == ["当初予算＋補正予算", "当初予算"]
    assert at.selectbox(key="bridge_year").options[-1] == "2027年度（計画上の内訳）"


def app_module():
    spec = importlib.util.spec_from_file_location("spendcalc_app_ja", APP)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_english_page_shows_no_japanese_outside_the_language_choice():
    at = run_app({})
    for name in TABS:
        at.session_state["tab"] = name
        at.run()
        for where, text in page_texts(at):
            if "日本語" in text and where.startswith("sidebar/radio"):
                continue
            assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), (name, where, text)
    assert at.radio(key="lang").value == "en" and at.query_params["lang"] == "en"


def test_language_is_in_the_link_and_switching_keeps_the_view_and_the_tab():
    at = run_app({"lang": "ja", "tab": "Reconcile", "gdp": "growth", "growth": "2.5"})
    assert at.radio(key="lang").value == "ja"
    assert [tab.label for tab in at.tabs if tab.children] == ["数値の照合"]
    headline = [m.value for m in at.metric]
    at.radio(key="lang").set_value("en").run()
    assert not at.exception and not at.error
    assert at.query_params["lang"] == "en" and at.query_params["tab"] == "Reconcile"
    assert [tab.label for tab in at.tabs if tab.children] == ["Reconcile"]
    assert at.slider(key="growth").value == 2.5
    assert [m.value for m in at.metric] == headline  # the same numbers in either language
    at.radio(key="lang").set_value("ja").run()
    assert at.query_params["lang"] == "ja" and at.query_params["tab"] == "Reconcile"


@pytest.mark.parametrize("bad", ["fr", "JA", "日本語", "ja;drop"])
def test_a_bad_language_in_the_link_warns_and_shows_english(bad):
    at = run_app({"lang": bad})
    assert at.radio(key="lang").value == "en"
    assert any("Link parameter lang" in w.value and "one of en, ja" in w.value for w in at.warning)
    assert at.query_params["lang"] == "en"


def test_a_tab_that_does_not_exist_warns_and_opens_the_first():
    at = run_app({"lang": "ja", "tab": "記事の主張"})  # a label is not a link value: links carry English names
    assert any("Link parameter tab" in w.value for w in at.warning)
    assert [tab.label for tab in at.tabs if tab.children] == ["推移"]
    assert "tab" not in at.query_params


def test_claims_in_japanese_filter_by_verdict_and_show_japanese_verdicts():
    at = run_app({"lang": "ja", "tab": "Claims"})
    verdict = at.multiselect(key="claims_verdict")
    assert verdict.options and all(english_words(o) == [] for o in verdict.options)
    at.multiselect(key="claims_verdict").set_value(["inconsistent"]).run()
    table = at.dataframe[0].value
    assert len(table) and set(table["verdict"]) == {t("verdict.inconsistent", "ja")}
    caption = next(c.value for c in at.caption if "件の主張" in c.value)
    assert re.search(rf"(\d+)件の主張のうち{len(table)}件を表示", caption)
    # the reasons are the audit's Japanese ones, not the English column under a Japanese header
    shown = list(at.dataframe[0].proto.column_order)
    assert "reason_ja" in shown and "reason" not in shown
    assert all(_JAPANESE.search(r) for r in table["reason_ja"])


def test_reconcile_in_japanese_explains_the_waterfall_in_japanese():
    at = run_app({"lang": "ja", "tab": "Reconcile"})
    caption = next(c.value for c in at.caption if c.value.startswith("2025年度"))
    assert t("app.reconcile.note.2025", "ja") in caption and "560.0兆円" in caption
    assert "2025年度の名目GDP（内閣府経済社会総合研究所 esri-2026q2版、実績）" in caption
    table = [d for d in at.dataframe if "trillion_jpy" in d.value.columns][0]
    assert json.loads(table.proto.columns)["trillion_jpy"]["label"] == "金額（兆円）"
    assert table.value["trillion_jpy"].iloc[-1] == 11.0  # the same numbers as in English
    assert table.value["component"].iloc[-1] == "＝ 安全保障に関連する経費（補正予算を含む）"
    assert set(table.value["status"]) <= {t(f"status.{s}", "ja") for s in ("actual", "plan", "estimate", "projection")}


def test_data_tab_in_japanese_defines_terms_and_labels_the_tidy_table():
    at = run_app({"lang": "ja", "tab": "Data & methodology"})
    assert any("2022年度の名目GDP（固定）" in m.value and "560.0兆円" in m.value for m in at.markdown)
    note = next(c.value for c in at.caption if c.value.startswith("経費の範囲"))
    assert "1米ドル＝155.2円" in note and "過去投影ケース" in note
    tidy = next(d for d in at.dataframe if "measure" in d.value.columns)
    assert json.loads(tidy.proto.columns)["fiscal_year"]["label"] == t("column.fiscal_year", "ja")
    assert t("measure.spending_jpy", "ja") in set(tidy.value["measure"])
    method = next(d.value for d in at.dataframe if "baseline_description" in d.value.columns)
    titles = dict(zip(method["scenario"], method["title"], strict=True))
    assert titles["custom"] == "カスタム: 2035年度までに対GDP比3.0%"
    assert titles["us-ask-3.5pct"] == t("scenario_title.us-ask-3.5pct", "ja")


def test_catalogue_copies_of_data_texts_match_the_data_they_translate():
    """The catalogue's English for bundled texts is the text itself, so its Japanese follows it."""
    from spendcalc.reconcile import BRIDGE_YEARS, NOTES

    for year in BRIDGE_YEARS:
        assert MESSAGES[f"app.reconcile.note.{year}"][0] == NOTES[year], year
    import app_tabs

    components = {c for year in BRIDGE_YEARS for basis in ("initial", "with-supplementary")
                  for c in spendcalc.bridge(year, basis=basis)["component"]}
    assert components == set(app_tabs.COMPONENTS), "every row of the waterfall has its Japanese name"
    for s in spendcalc.builtin_scenarios():
        assert MESSAGES[f"scenario_title.{s.name}"][0] == s.title, s.name
    for name, preset in spendcalc.load_history().presets.items():
        assert preset.title in app_tabs.PRESET_TITLES, name
        assert app_tabs.preset_title(name, "ja") != preset.title and app_tabs.preset_title(name, "en") == preset.title
    app = app_module()
    for prefix, labels in (("app.gdp", app.GDP_MODES), ("app.path", app.PATH_LABELS),
                           ("app.denom", app.DENOMINATOR_LABELS), ("app.basis", app.BASIS_LABELS),
                           ("app.scope", app.SCOPE_LABELS), ("app.baseline", app.BASELINE_LABELS),
                           ("app.fxa", app.FX_ACTUALS_LABELS)):
        assert {k: t(f"{prefix}.{k}") for k in labels} == labels, prefix
    for name, key in app.TAB_LABELS.items():
        assert t(key) == name  # in English a tab's label is its link value


def test_the_japanese_waterfall_caption_calls_a_year_actual_as_the_bridge_does():
    import app_tabs
    from spendcalc.reconcile import BRIDGE_YEARS, NOTES

    for year in BRIDGE_YEARS:
        table = spendcalc.bridge(year)
        actual = table.attrs["gdp_same_year"].split(", ")[2] == "actual"
        caption = app_tabs.bridge_caption(table, year, "ja")
        assert ("、実績）" in caption) is actual and ("延長した試算" in caption) is not actual, year
        assert app_tabs.bridge_caption(table, year, "en").startswith(NOTES[year])


def test_methodology_texts_and_caveats_in_japanese_from_the_same_facts():
    at = run_app({"lang": "ja", "sc": "us-ask-3.5pct", "focus": "us-ask-3.5pct", "fxh": "1"})
    usd = next(m for m in at.metric if "米ドル" in m.label)
    assert "米連邦準備制度の暦年平均" in usd.help and "1米ドル＝155.2円" in usd.help
    notes = [c.value for c in at.caption if c.value.startswith("注：")]
    assert any("政府公表値：2025年度当初予算で1.6%" in n for n in notes) and not any(english_words(n) for n in notes)
    at.session_state["tab"] = "Data & methodology"
    at.run()
    method = next(d.value for d in at.dataframe if "baseline_description" in d.value.columns)
    for field in ("gdp_assumption", "fx_assumption", "deflator", "baseline_description", "fiscal_year",
                  "population", "caveats"):
        assert all(_JAPANESE.search(text) for text in method[field]), field
    assert set(method["baseline"]) == {t("app.baseline.common", "ja")}
    assert method["fx_assumption"].iloc[0] == next(m for m in at.metric if "米ドル" in m.label).help[
        len("同じ歳出額の米ドル換算。為替レート："):-1]


def test_reconcile_shows_shares_as_percent_and_sipri_reasons_in_the_readers_language():
    for lang, why in (("ja", "差の理由"), ("en", "why it differs")):
        at = run_app({"lang": lang, "tab": "Reconcile"})
        table = next(d for d in at.dataframe if "share_of_gdp_same_year" in d.value.columns)
        config = json.loads(table.proto.columns)
        for column in ("share_of_gdp_fixed_fy2022", "share_of_gdp_same_year"):
            assert config[column]["type_config"]["format"] == "percent", (lang, column)
            assert table.value[column].max() < 0.05  # the values stay fractions
        sipri = next(d.value for d in at.dataframe if why in d.value.columns)
        assert all(bool(_JAPANESE.search(text)) is (lang == "ja") for text in sipri[why]), lang


def test_uncertainty_questions_state_the_gdp_assumption_in_japanese():
    at = run_app({"lang": "ja", "tab": "Uncertainty"})
    at.toggle(key="mc").set_value(True).run()
    assert not at.exception and not at.error
    cond = next(m.value for m in at.markdown if m.value.startswith("この確率の前提") and "名目GDPは" in m.value)
    assert "内閣府「中長期の経済財政に関する試算」2026年1月 過去投影ケース" in cond
    assert "preset" not in cond and "Cabinet Office" not in cond
