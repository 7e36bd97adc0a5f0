"""model.project computes all scenarios in one vectorised step: each scenario's rows must be
exactly (bit for bit) what projecting it alone gives, whatever the others in the batch are."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

import spendcalc
from spendcalc import model
from spendcalc.assumptions import Scenario

OTHERS = [
    Scenario("far-target", 0.03, 2045, scope="security-related", basis="initial", denominator="same-year",
             path="constant-growth"),
    Scenario("past-target", 0.025, 2022, scope="mod-budget", basis="initial", denominator="fixed-fy2022",
             path="linear-share", after_target="hold-yen"),
    Scenario("share-path", 0.04, 2031, scope="security-related", basis="with-supplementary",
             denominator="same-year", path="linear-share"),
]


@pytest.mark.parametrize("baseline", ["own", "common"])
@pytest.mark.parametrize("since", [2012, 2028])
def test_each_scenario_alone_equals_its_rows_in_the_batch(real_history, baseline, since):
    a = replace(spendcalc.default_assumptions(), until=2036)
    batch = [*spendcalc.builtin_scenarios(), *OTHERS]
    together = model.project(batch, a, real_history, since=since, baseline=baseline)
    for sc in batch:
        alone = model.project([sc], a, real_history, since=since, baseline=baseline)
        mine = together[together["scenario"] == sc.name].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone, check_exact=True)
        assert together.attrs["methodology"][sc.name] == alone.attrs["methodology"][sc.name]


def test_the_tidy_frame_keeps_its_column_types(real_history):
    tidy = model.project(spendcalc.builtin_scenarios(), spendcalc.default_assumptions(), real_history)
    text = ["scenario", "status", "measure", "unit", "scope", "denominator", "basis"]
    inferred = pd.DataFrame({c: pd.Series(tidy[c].tolist(), dtype=object).tolist() for c in text})
    assert {c: tidy[c].dtype for c in text} == {c: inferred[c].dtype for c in text}
    assert tidy["fiscal_year"].dtype == "int64" and tidy["value"].dtype == "float64"
