"""The message catalogue: every key in both languages, with the same fields; formatters."""

from __future__ import annotations

import re

import pytest

from spendcalc import i18n
from spendcalc.errors import SpendcalcError
from spendcalc.schema import BASES, SCOPES

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize("key", sorted(i18n.MESSAGES))
def test_every_key_has_both_languages_with_the_same_fields(key):
    en, ja = i18n.MESSAGES[key]
    assert en.strip() and ja.strip(), key
    assert i18n.fields(en) == i18n.fields(ja), key


def test_japanese_texts_are_japanese():
    # a Japanese text that is a copy of the English one is a missing translation
    untranslated = [k for k, (en, ja) in i18n.MESSAGES.items() if en == ja and not _JAPANESE.search(ja)
                    and not re.fullmatch(r"[\W\d{}a-z_%$]*", en)]
    assert untranslated == []


def test_every_scope_and_basis_has_a_name():
    for scope in SCOPES:
        assert i18n.t(f"scope.{scope}", "ja")
    for basis in BASES:
        assert i18n.t(f"basis.{basis}", "ja")


def test_lang_is_checked_strictly():
    assert i18n.check_lang("ja") == "ja"
    for bad in ("JA", "jp", "", None, "en-US", "ja "):
        with pytest.raises(SpendcalcError, match="lang"):
            i18n.check_lang(bad)
    with pytest.raises(SpendcalcError):
        i18n.t("common.fy", "fr", year=2035)


def test_formatters_follow_each_language():
    assert i18n.fy(2035) == "FY2035"
    assert i18n.fy(2035, "ja") == "2035年度"
    assert i18n.yen(27.24e12) == "27.2 trillion yen"
    assert i18n.yen(27.24e12, "ja") == "27.2兆円"
    assert i18n.yen(8.5e11, "ja") == "8,500億円"
    assert i18n.usd_bn(175.4e9) == "$175 bn"
    assert i18n.usd_bn(175.4e9, "ja") == "1,754億ドル"
    assert i18n.percent(0.035) == "3.5%"
    assert i18n.t("share.of_gdp", "ja", share=i18n.percent(0.035, "ja")) == "対GDP比3.5%"
    assert i18n.yen(float("nan"), "ja") == "該当なし"


def test_every_tidy_column_and_measure_has_a_label():
    import spendcalc
    from spendcalc.model import MEASURES

    tidy = spendcalc.project()
    for column in tidy.columns:
        assert i18n.t(f"column.{column}", "ja")
    for measure in MEASURES:
        assert i18n.t(f"measure.{measure}", "ja")


def test_every_verdict_has_a_label():
    from spendcalc.schema import VERDICTS

    for verdict in VERDICTS:
        assert i18n.t(f"verdict.{verdict}", "ja") != verdict


def test_per_person_in_man_yen_rounds_like_the_english():
    assert i18n.man_yen(234_219.4) == "234,000 yen"
    assert i18n.man_yen(234_219.4, "ja") == "23.4万円"
    assert i18n.man_yen(92_060.7, "ja") == "9.2万円" and i18n.man_yen(92_060.7) == "92,000 yen"
    assert i18n.man_yen(float("nan"), "ja") == "該当なし"
    for v in (1_499.0, 15_500.0, 99_950.0, 123_456.0, 2_345_678.0):
        en = int(i18n.man_yen(v).removesuffix(" yen").replace(",", ""))
        ja = float(i18n.man_yen(v, "ja").removesuffix("万円").replace(",", ""))
        assert en == round(ja * 1e4), v


def _source_texts() -> str:
    """The quotes and source titles of every bundled source row (data/*.csv, data/raw/*.csv)."""
    import csv
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "data"
    texts = []
    for path in sorted(data.glob("*.csv")) + sorted(data.glob("raw/*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(line for line in f if not line.startswith("#"))]
        texts += [r.get(c) or "" for r in rows for c in ("quote", "source_title")]
    return "\n".join(texts)


def test_official_terms_are_the_bundled_sources_words():
    sources = _source_texts()
    assert "防衛関係費" in sources  # the reader sees quotes and titles, not the definitions we wrote
    missing = [term for term in i18n.OFFICIAL_TERMS if term not in sources]
    assert missing == [], f"not in any quote or title of data/*.csv, data/raw/*.csv: {missing}"


def test_scope_basis_and_status_names_are_made_of_official_terms():
    from spendcalc.schema import BASES, SCOPES

    names = [i18n.t(f"scope.{s}", "ja") for s in SCOPES] + [i18n.t(f"basis.{b}", "ja") for b in BASES]
    names += [i18n.t(f"status.{s}", "ja") for s in ("actual", "plan", "estimate", "projection")]
    for name in names:
        if "本ツールの分類" in name:  # the project's own NATO-style split says it is its own
            continue
        parts = name.split("＋")
        assert all(p in i18n.OFFICIAL_TERMS for p in parts), name
    assert i18n.t("scope.security-related", "ja") == "安全保障に関連する経費"


def test_readme_has_the_generated_japanese_label_table():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = i18n.markdown_table()
    assert table in readme, "README's Japanese label table is stale: paste spendcalc.i18n.markdown_table()"
    assert readme.count("| 列・指標 (column / measure) | English | 日本語 |") == 1
    import spendcalc
    from spendcalc.model import MEASURES

    for column in spendcalc.project("hold-flat").columns:
        assert f"| 列 `{column}` |" in table, column
    for measure in MEASURES:
        assert f"| 指標 `{measure}` |" in table, measure


def test_a_scenario_is_titled_in_one_set_of_words_everywhere():
    import spendcalc

    for sc in spendcalc.builtin_scenarios():
        ja = i18n.scenario_title(sc.name, sc.title, "ja")
        assert ja == i18n.t(f"scenario_title.{sc.name}", "ja") and _JAPANESE.search(ja)
        assert i18n.scenario_title(sc.name, sc.title, "en") == sc.title
        # a built-in's name with the user's own title: the user's words, not a translation
        assert i18n.scenario_title(sc.name, "My own plan", "ja") == "My own plan"
    custom = i18n.t("app.data.custom_title", "en", share="3.0%", year=2035)
    assert i18n.scenario_title("custom", custom, "ja", target_share=0.03, target_year=2035) == \
        "カスタム: 2035年度までに対GDP比3.0%"
    assert i18n.scenario_title("custom", custom, "ja", target_share=0.04, target_year=2035) == custom
