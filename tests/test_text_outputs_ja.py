"""``--lang ja`` on the bridge and SIPRI tables: Japanese headers and labels, the same numbers,
CSV and JSON unchanged (their column names are interfaces)."""

from __future__ import annotations

import pytest

from spendcalc.cli import main


def run(capsys: pytest.CaptureFixture, *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def _numbers(text: str) -> list[str]:
    import re

    return re.findall(r"-?\d[\d,]*\.\d+%?", text)


def test_bridge_table_in_japanese_has_the_same_numbers(capsys):
    en = run(capsys, "bridge", "--year", "2025")
    ja = run(capsys, "bridge", "--year", "2025", "--lang", "ja")
    assert ja.startswith("2025年度の積み上げ：防衛関係費から安全保障に関連する経費まで（当初予算＋補正予算）")
    assert "構成要素（原文）" in ja and "実績" in ja and "trillion JPY" not in ja.splitlines()[2]
    assert _numbers(en) == _numbers(ja)
    assert run(capsys, "bridge", "--year", "2025", "--format", "csv", "--lang", "ja") == \
        run(capsys, "bridge", "--year", "2025", "--format", "csv")


def test_sipri_table_in_japanese_has_the_same_numbers(capsys):
    en = run(capsys, "sipri")
    ja = run(capsys, "sipri", "--lang", "ja")
    assert ja.split()[:2] == ["暦年", "歳出額（兆円）"] and "2013年：" in ja and "CY2013" not in ja
    table = [line for line in ja.splitlines() if line[:5].strip().isdigit()]
    assert table and all(("missing" not in line and "estimate" not in line) for line in table)
    # the table's numbers are the same; the reasons below it are written in Japanese (兆円, 億ドル)
    table_part = [text.split("\n\n")[0] for text in (en, ja)]
    assert _numbers(table_part[0]) == _numbers(table_part[1])
    assert "Why" not in ja and "trillion" not in ja.split("計算方法")[0]
    assert run(capsys, "sipri", "--format", "json", "--lang", "ja") == run(capsys, "sipri", "--format", "json")


def test_lang_is_one_schema_field_on_every_text_command(capsys):
    from spendcalc import schema
    from spendcalc.i18n import LANGS

    assert schema.spec("lang").choices == LANGS and schema.spec("lang").flag == "--lang"
    for command in ("answer", "project", "claims", "bridge", "sipri"):
        assert main([command, "--help"]) == 0
        assert "--lang {en,ja}" in capsys.readouterr().out, command
    assert main(["sipri", "--lang", "JA"]) == 2
    err = capsys.readouterr().err
    assert "--lang" in err and err.count("\n") == 1
