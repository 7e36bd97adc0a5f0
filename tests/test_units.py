"""spendcalc.units: the registry, user-quantity parsing, and explicit-rate currency conversion."""

from __future__ import annotations

import numpy as np
import pint
import pytest

from spendcalc.errors import SpendcalcError
from spendcalc.units import Q_, convert, fx_context, parse_quantity, ureg


def test_display_units():
    assert Q_(11, "trillion_JPY").to("JPY").magnitude == pytest.approx(11e12)
    assert Q_(1, "oku_JPY").to("JPY").magnitude == pytest.approx(1e8)
    assert Q_(2, "percent").to("fraction").magnitude == pytest.approx(0.02)
    assert convert(9.9, "trillion_JPY", "billion_JPY") == pytest.approx(9900.0)


def test_yen_and_dollars_do_not_mix_without_a_rate():
    with pytest.raises(pint.DimensionalityError):
        Q_(150, "JPY").to("USD")


def test_fx_at_a_stated_rate():
    assert convert(15e12, "JPY", "USD", jpy_per_usd=150.0) == pytest.approx(1e11)
    assert convert(1.0, "billion_USD", "trillion_JPY", jpy_per_usd=155.2) == pytest.approx(0.1552)
    arr = convert(np.array([150.0, 300.0]), "JPY", "USD", jpy_per_usd=150.0)
    np.testing.assert_allclose(arr, [1.0, 2.0])
    with ureg.context(fx_context(100.0)):
        assert Q_(1, "USD").to("JPY").magnitude == pytest.approx(100.0)


@pytest.mark.parametrize("rate", [0.0, -5.0, float("nan"), float("inf")])
def test_fx_context_rejects_bad_rates(rate):
    with pytest.raises(SpendcalcError) as err:
        fx_context(rate)
    assert err.value.field == "fx"


@pytest.mark.parametrize(("value", "unit", "expected"), [
    ("2 %", "fraction", 0.02),
    ("2%", "fraction", 0.02),
    (0.035, "fraction", 0.035),
    ("3.5 percent", "fraction", 0.035),
    ("11 trillion yen", "JPY", 11e12),
    ("11 trillion JPY", "JPY", 11e12),
    ("150 JPY/USD", "JPY/USD", 150.0),
    ("150", "JPY/USD", 150.0),
    ("99000 oku yen", "JPY", 9.9e12),
    ("5 million yen", "JPY", 5e6),
    ("2.5 million USD", "USD", 2.5e6),
    ("40 billion USD", "USD", 4e10),
])
def test_parse_quantity(value, unit, expected):
    assert parse_quantity(value, field="f", unit=unit, allowed="x") == pytest.approx(expected)


@pytest.mark.parametrize(("value", "unit"), [
    ("3 furlongs", "fraction"),
    ("¥9,900 billion", "JPY"),  # a scale word without a currency is ambiguous: rejected
    ("150 EUR", "JPY/USD"),
    ("11 trillion JPY", "fraction"),
    ("2 % ; import os", "fraction"),
    ("__import__('os')", "fraction"),
    ("", "fraction"),
    (True, "fraction"),
    (None, "fraction"),
    ([1, 2], "fraction"),
    (float("nan"), "fraction"),
    ("inf", "fraction"),
])
def test_parse_quantity_rejects_junk_with_field_name(value, unit):
    with pytest.raises(SpendcalcError) as err:
        parse_quantity(value, field="growth", unit=unit, allowed="a growth rate")
    assert err.value.field == "growth"
    assert "\n" not in str(err.value) and str(err.value).startswith("growth: ")
