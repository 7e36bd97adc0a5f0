"""Golden cases: tests/cases/<topic>/<case>.yaml (info.source/note, inputs, expected outputs).

Each case runs ``spendcalc.project(inputs.scenarios, **inputs.options)`` on the bundled data and
checks each expected (scenario, fiscal_year, measure) value, optionally its status and the
percentage the government reports (``reported_percent``, one decimal place).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import spendcalc

# tests/cases/published/ holds published figures with their own runner (test_published.py)
CASES = sorted(p for p in (Path(__file__).parent / "cases").glob("*/*.yaml") if p.parent.name != "published")
ROWS = [(p, i) for p in CASES for i in range(len(yaml.safe_load(p.read_text(encoding="utf-8"))["expected"]))]


def test_cases_exist_and_cite_sources():
    assert len(CASES) >= 8
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert set(case) == {"info", "inputs", "expected"}, path
        assert case["info"]["source"].strip() and case["info"]["note"].strip(), path


@pytest.mark.parametrize(("path", "i"), ROWS, ids=[f"{p.parent.name}/{p.stem}[{i}]" for p, i in ROWS])
def test_case(path, i):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    exp = case["expected"][i]
    tidy = spendcalc.project(case["inputs"]["scenarios"], **case["inputs"]["options"])
    row = tidy[(tidy["scenario"] == exp["scenario"]) & (tidy["fiscal_year"] == exp["fiscal_year"])
               & (tidy["measure"] == exp["measure"])]
    where = f"tests/cases/{path.parent.name}/{path.name} expected[{i}] ({exp['measure']}, FY{exp['fiscal_year']})"
    assert len(row) == 1, f"{where}: no such row in the projection"
    got = float(row["value"].iloc[0])
    want = float(exp["value"])
    hint = (f"{where}: got {got!r}, the case says {want!r}. If the bundled data or the method changed "
            f"on purpose, recompute the value by hand from the case's info.note and update the YAML; "
            f"otherwise the model has a bug.")
    assert got == pytest.approx(want, rel=float(exp.get("rel", 1e-9)), abs=float(exp.get("abs", 0.0))), hint
    if "status" in exp:
        assert row["status"].iloc[0] == exp["status"], f"{where}: status {row['status'].iloc[0]!r}"
    if "reported_percent" in exp:
        assert round(got * 100, 1) == pytest.approx(float(exp["reported_percent"])), (
            f"{where}: {got:.4%} does not round to the reported {exp['reported_percent']}%")
