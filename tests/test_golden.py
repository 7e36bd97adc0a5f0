"""Golden outputs: the full projection of every built-in under the default assumptions.

A change of any number (any measure, any year, any status) fails here until the expected
outputs are regenerated with ``python scripts/regenerate_golden.py`` and the printed
differences are reviewed and committed with their reason.
"""

from __future__ import annotations

import pandas as pd
import pytest

from spendcalc.data import BUILTIN_ORDER, get_scenario
from spendcalc.model import MEASURES
from spendcalc.testing import (
    GOLDEN_DIR,
    assert_tidy_equal,
    diff_tidy,
    golden_projection,
    read_golden,
    summarise_diff,
)


def test_every_builtin_has_a_golden_file_and_no_stray_file():
    assert sorted(p.stem for p in GOLDEN_DIR.glob("*.csv")) == sorted(BUILTIN_ORDER)


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_projection_matches_golden_output(name):
    expected = read_golden(name)
    # cumulative measures are all-NaN (so not stored) only for a scope with no figure in the
    # cumulative_from year: the NATO-style scopes start with the FY2027 plan composition
    nato = get_scenario(name).scope.startswith("nato-")
    allowed = {"cumulative_spending_jpy", "cumulative_gap_to_baseline_jpy"} if nato else set()
    assert set(MEASURES) - allowed <= set(expected["measure"]) <= set(MEASURES), "every measure is stored"
    assert expected["fiscal_year"].min() == 2012 and expected["fiscal_year"].max() == 2040
    assert_tidy_equal(expected, golden_projection(name), rtol=1e-9,
                      what=f"tests/golden/{name}.csv vs spendcalc.project({name!r})")


def test_assert_tidy_equal_reports_changes_and_how_to_regenerate():
    base = read_golden("us-ask-3.5pct")
    assert_tidy_equal(base, base.copy())
    changed = base.copy()
    i = changed.index[(changed["measure"] == "spending_jpy") & (changed["fiscal_year"] == 2030)][0]
    changed.loc[i, "value"] *= 1 + 1e-6
    assert_tidy_equal(base, changed, rtol=1e-5)  # within tolerance
    with pytest.raises(AssertionError) as err:
        assert_tidy_equal(base, changed, rtol=1e-9, what="golden")
    text = str(err.value)
    assert "golden: 1 row(s) differ" in text and "us-ask-3.5pct / spending_jpy: 1 year(s)" in text
    assert "FY2030" in text and "python scripts/regenerate_golden.py" in text
    # a status change and a missing row are differences too
    status = base.copy()
    status.loc[i, "status"] = "estimate"
    assert diff_tidy(base, status)["change"].tolist() == ["status projection -> estimate"]
    dropped = base.drop(index=i)
    assert diff_tidy(base, dropped)["change"].tolist() == ["removed"]
    assert diff_tidy(dropped, base)["change"].tolist() == ["added"]
    assert summarise_diff(pd.DataFrame(columns=["scenario", "measure", "fiscal_year", "old", "new",
                                                 "change"])) == "no differences"
