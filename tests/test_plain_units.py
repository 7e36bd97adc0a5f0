"""The bundled data is converted without pint (spendcalc.units.PLAIN_SCALES), exactly as pint would.

Loading the bundled data used to import pint and build its registry (~0.1-0.2 s of a
``spendcalc project`` run) for two unit names. The plain table must give the very same floats as
pint, for every bundled row that uses it, and the bundled data must need nothing else.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spendcalc import data
from spendcalc.units import PLAIN_SCALES, pint_to_unit, registry, to_unit

ROOT = Path(__file__).resolve().parents[1]


def _bundled_rows() -> list[tuple[str, str, float, str]]:
    """(table, series, value, unit) of every bundled row whose unit the plain table converts."""
    rows = []
    for table in data.TABLES:
        df, _ = data.read_table(table)
        for series, value, unit in zip(df["series"], df["value"], df["unit"], strict=True):
            if any(unit == u for u, _ in PLAIN_SCALES):
                rows.append((table, series, float(value), unit))
    return rows


def test_every_plain_scale_is_used_by_the_bundled_data():
    used = {unit for _, _, _, unit in _bundled_rows()}
    assert used == {unit for unit, _ in PLAIN_SCALES}


@pytest.mark.parametrize(("unit", "target"), sorted(PLAIN_SCALES))
def test_plain_scale_equals_pint_for_every_bundled_row(unit, target):
    rows = [r for r in _bundled_rows() if r[3] == unit]
    assert rows
    for table, series, value, _ in rows:
        plain = to_unit(value, unit, target)
        exact = registry().Quantity(value, unit.replace(" JPY", "_JPY")).to(target).magnitude
        assert plain == exact, (table, series, value, unit, plain, exact)  # bit for bit, no tolerance


def test_plain_scale_equals_pint_on_awkward_values():
    for value in (0.1, 0.3, 1 / 3, 9.9, 11.0, 560.0, 1e-9, 123456.789, 1e300 / 1e12):
        for (unit, target) in PLAIN_SCALES:
            exact = registry().Quantity(value, unit.replace(" JPY", "_JPY")).to(target).magnitude
            assert to_unit(value, unit, target) == exact


def test_other_units_go_through_pint():
    assert to_unit(2.0, "percent of GDP", "fraction") == pytest.approx(0.02)
    assert to_unit(150.0, "JPY per USD", "JPY/USD") == 150.0
    assert pint_to_unit(9.9, "trillion JPY", "billion_JPY") == pytest.approx(9900.0)
    with pytest.raises(Exception):  # noqa: B017 - pint raises its own error types
        to_unit(1.0, "trillion JPY", "USD")  # another currency: no silent conversion


@pytest.mark.slow
def test_loading_the_bundled_data_imports_no_pint():
    code = ("import sys, spendcalc; spendcalc.load_history(); spendcalc.default_assumptions(); "
            "spendcalc.project(['us-ask-3.5pct']); print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"
