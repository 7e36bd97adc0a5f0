"""Published figures as golden tests: tests/cases/published/*.yaml (see spendcalc.published).

Each reproducible case runs its whitelisted spendcalc call and must land within the tolerance
its rounding allows; each other case states in one line why it cannot be reproduced. Cases
marked ``requires`` name the function or measure they need (``bridge``, ``convert``, the
per-person measure); a missing one fails the case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import spendcalc
from spendcalc import published
from spendcalc.errors import SpendcalcError

ROOT = Path(__file__).resolve().parents[1]
CASES = published.load_cases()
IDS = [c["_name"] for c in CASES]


def test_at_least_fifteen_cases_with_sources_in_two_languages():
    assert len(CASES) >= 15
    assert sum("call" in c for c in CASES) >= 15, "at least 15 figures are reproduced"
    assert {"ja", "en"} <= {c["language"] for c in CASES}
    for c in CASES:
        assert c["url"].startswith(("http://", "https://")), c["_name"]
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?|undated.*", c["date"]), c["_name"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_published_figure(case):
    if "not_reproducible" in case:
        reason = case["not_reproducible"]
        assert reason.strip() and "\n" not in reason.strip() and len(reason) <= 250, case["_name"]
        return
    missing = published.missing_requirements(case)
    assert not missing, f"{case['_name']}: spendcalc lacks {', '.join(missing)}"
    ok, got, want, tol = published.check(case)
    assert ok, (f"tests/cases/published/{case['_name']}.yaml: spendcalc gives {got!r}, the published "
                f"figure is {want!r} +- {tol!r} ({case['figure']})")


def test_requires_names_only_known_extensions():
    for c in CASES:
        for name in c.get("requires", ()):
            assert name in ("bridge", "convert", "spending_per_capita_jpy"), (c["_name"], name)
        if "call" in c and c["call"]["function"] in ("bridge", "convert"):
            assert c["call"]["function"] in c.get("requires", ()), c["_name"]


def test_the_tolerance_would_catch_a_wrong_figure():
    """A case fails when the published figure is moved by more than its tolerance."""
    case = next(c for c in CASES if c["_name"] == "fy2024-1_6pct-fixed-japan-times")
    ok, got, _, _ = published.check(case)
    assert ok and got == pytest.approx(8.9 / 560)
    assert not published.check({**case, "expected": "1.7 %"})[0]
    assert not published.check({**case, "tolerance": "0.005 %"})[0]


def test_case_files_are_validated(tmp_path):
    good = (published.CASE_DIR / "fy2025-mod-budget-8_7005.yaml").read_text(encoding="utf-8")
    bad = {
        "eval.yaml": good.replace("function: project", "function: __import__"),
        "both.yaml": good + "not_reproducible: also\n",
        "extra.yaml": good + "python: x\n",
        "tag.yaml": good.replace("unit: JPY", "unit: !!python/name:os.system"),
        "noquote.yaml": re.sub(r"(?m)^quote:.*$", "quote: ''", good),
    }
    for name, text in bad.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(SpendcalcError):
            published.load_case(path)


def test_readme_has_the_generated_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Reconciling published figures" in readme
    assert published.markdown_table() in readme, (
        "README's 'Reconciling published figures' table is stale: paste `python -m spendcalc.published`")


def test_whitelist_is_public_api():
    for name in published.FUNCTIONS:
        assert name in ("project", "sipri_series", "bridge", "convert")
    assert published.functions()["project"] is spendcalc.project
