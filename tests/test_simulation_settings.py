"""The simulation's settings object and the split between the pure function and the API wrapper."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import make_assumptions, make_history

import spendcalc
from spendcalc import api, data
from spendcalc.assumptions import Scenario
from spendcalc.errors import SpendcalcError
from spendcalc.simulate import SimulationSettings, simulate

SAME_YEAR = Scenario(name="s", target_share=0.03, target_year=2028, denominator="same-year")


@pytest.mark.parametrize(("field", "value"), [
    ("paths", 0), ("seed", -1), ("chunk_size", 0), ("persistence", 1.0), ("fx_volatility", -0.1),
    ("threshold", 0.5), ("measured_on", "same_year"), ("volatility", 2.0), ("method", "mc"),
])
def test_settings_are_checked_on_construction(field, value):
    with pytest.raises(SpendcalcError) as err:
        SimulationSettings(**{field: value})
    assert err.value.field == field


def test_settings_are_frozen_and_normalised():
    s = SimulationSettings(paths=2_000, threshold=0.02)
    assert (s.paths, s.threshold, s.exact) == (2_000, 0.02, True)
    assert SimulationSettings(method="monte-carlo").exact is False
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.paths = 5  # type: ignore[misc]


def test_pure_simulate_reads_no_files(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the pure simulate read the bundled data")

    for name in ("load_history", "default_assumptions", "get_scenario", "builtin_scenarios"):
        monkeypatch.setattr(data, name, refuse)
        monkeypatch.setattr(api, name, refuse)
    df = simulate(SAME_YEAR, assumptions=make_assumptions(), history=make_history(), volatility=0.03)
    assert set(df["measure"]) == {"share_of_gdp", "spending_usd"}
    assert 0.0 < df.attrs["probability"] < 1.0


def test_pure_simulate_takes_a_scenario_and_the_wrapper_a_name():
    with pytest.raises(SpendcalcError) as err:
        simulate("us-ask-3.5pct", assumptions=make_assumptions(), history=make_history())
    assert err.value.field == "scenario"
    by_name = spendcalc.simulate("us-ask-3.5pct", until=2030)
    sc = spendcalc.get_scenario("us-ask-3.5pct")
    direct = simulate(sc, assumptions=spendcalc.default_assumptions(),
                      history=spendcalc.load_history(), until=2030)
    pd.testing.assert_frame_equal(by_name, direct)
    assert by_name.attrs == direct.attrs


@pytest.mark.slow
def test_package_simulate_stays_the_function_whatever_is_imported_first():
    code = ("import spendcalc.simulate, spendcalc.cli, spendcalc; "
            "print(callable(spendcalc.simulate), spendcalc.simulate.__module__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == ["True", "spendcalc.api"]
