"""The claims audit in Japanese: verdicts and reasons from the catalogue, quotes as printed, every
number of a Japanese reason read from its row; English output unchanged by ``--lang``."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest

import spendcalc
from spendcalc import claims as cl
from spendcalc import cli, i18n

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def audit() -> pd.DataFrame:
    return spendcalc.check_claims()


def test_every_reason_has_a_japanese_version_led_by_its_verdict(audit: pd.DataFrame) -> None:
    ja = cl.reasons(audit, "ja")
    assert ja.index.equals(audit.index) and ja.notna().all()
    for verdict, reason in zip(audit["verdict"], ja, strict=True):
        assert reason.startswith(i18n.t(f"claims.lead.{verdict}", "ja") + "："), reason
        assert _JAPANESE.search(reason.split("：", 1)[1]) and "\n" not in reason
    # the English leads of the catalogue are the audit's own (REASON_LEADS)
    for verdict, lead in cl.REASON_LEADS.items():
        assert i18n.t(f"claims.lead.{verdict}", "en") == lead
    # English summaries of the same rows lead the same way as the full reasons
    for full, short in zip(audit["reason"], cl.reasons(audit, "en"), strict=True):
        assert full.split(":", 1)[0] == short.split(":", 1)[0]


def test_japanese_reason_of_a_share_claim_reads_the_model_shares(audit: pd.DataFrame) -> None:
    rows = audit[audit["model_fiscal_year"].notna()]
    assert len(rows) >= 3
    ja = cl.reasons(rows, "ja")
    for (_, r), reason in zip(rows.iterrows(), ja, strict=True):
        year = int(r["model_fiscal_year"])
        assert f"モデル（{year}年度・{i18n.t('status.' + r['model_status'], 'ja')}）" in reason
        for col in cl.MODEL_COLUMNS:
            if not pd.isna(r[col]):
                assert f"比{r[col] * 100:.2f}%" in reason, (col, reason)
        bounds = cl.claim_bounds(float(r["value"]), r["qualifier"], "fraction")
        holds = [cl.holds([r[c]], bounds)[0] for c in cl.MODEL_COLUMNS if not pd.isna(r[c])]
        assert ("成り立つ：" in reason) == any(holds) and ("成り立たない：" in reason) == (not all(holds))
    pledge = rows[rows["plan_check"].fillna("").str.startswith("met:")].iloc[0]
    assert "計画の確認（モデル、判定とは別）：達成" in cl.reason_text(pledge.to_dict(), "ja")


def test_quotes_stay_original_and_english_is_unchanged(capsys: pytest.CaptureFixture) -> None:
    assert cli.main(["claims", "--format", "table", "--article", "002"]) == 0
    en = capsys.readouterr().out
    assert cli.main(["claims", "--format", "table", "--article", "002", "--lang", "ja"]) == 0
    ja = capsys.readouterr().out
    quotes = [line for line in en.splitlines() if line.startswith("    “")]
    assert quotes and quotes == [line for line in ja.splitlines() if line.startswith("    “")]
    assert "判定：整合" in ja and "理由：" in ja and "reason:" not in ja
    assert "! 記事間の注記（summit-2025-10-28）：" in ja
    assert "reason: " in en and "判定" not in en
    assert cli.main(["claims", "--format", "csv"]) == 0
    plain = capsys.readouterr().out
    assert cli.main(["claims", "--format", "csv", "--lang", "ja"]) == 0
    both = pd.read_csv(io.StringIO(capsys.readouterr().out))
    first = pd.read_csv(io.StringIO(plain))
    assert list(both.columns) == [*first.columns, "verdict_ja", "reason_ja"]
    pd.testing.assert_frame_equal(both[first.columns], first)
    assert set(both["verdict_ja"]) <= {i18n.t(f"verdict.{v}", "ja") for v in cl.VERDICTS}


def test_japanese_reason_says_why_an_old_count_only_partly_supports(audit: pd.DataFrame) -> None:
    ja = cl.reasons(audit, "ja")
    old = audit["reason"].str.extract(r"(\d+) years before the claim \((\d{4})\)").dropna()
    assert len(old) >= 2
    for i, (age, year) in old.iterrows():
        assert f"参照データは主張の時点（{year}年）より{age}年古く" in ja[i], ja[i]
    counts = audit[(audit["claim_type"] == "fact") & audit["unit"].isin(["persons"])
                   & audit["reference_value"].notna()]
    assert len(counts) >= 1
    for i, r in counts.iterrows():
        rel = float(r["reference_value"]) / float(r["value"]) - 1
        said = f"主張より{abs(rel):.1%}{'多い' if rel >= 0 else '少ない'}"
        assert said in ja[i] and f"{float(r['reference_value']):,.0f}人" in ja[i], ja[i]
