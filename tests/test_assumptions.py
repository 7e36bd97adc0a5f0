"""spendcalc.assumptions and spendcalc.api.make_assumptions: validation at construction."""

from __future__ import annotations

import dataclasses

import pytest

import spendcalc
from spendcalc import schema
from spendcalc.assumptions import Assumptions, Scenario, Source
from spendcalc.data import default_assumptions, defaults
from spendcalc.errors import SpendcalcError


def test_dataclasses_are_frozen_and_hashable():
    a = default_assumptions()
    s = Scenario("s", 0.02, 2027, sources=[Source("t", "https://example.org/u", "q")])
    assert isinstance(s.sources, tuple), "sources are stored as a tuple so the scenario hashes"
    assert hash(a) == hash(dataclasses.replace(a)) and hash(s) == hash(dataclasses.replace(s))
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.jpy_per_usd = 1.0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.target_share = 0.5  # type: ignore[misc]


def test_defaults_are_documented_values():
    a = default_assumptions()
    d = defaults()["assumptions"]
    assert a.reference_gdp_jpy == d["reference_gdp"]["value"] * 1e12
    assert d["reference_gdp"]["unit"] == "trillion JPY"
    assert a.gdp_vintage == d["gdp_vintage"]["value"] and a.gdp_preset == d["gdp_preset"]["value"]
    for name in ("inflation_rate", "price_base_year", "jpy_per_usd", "until", "cumulative_from",
                 "fx_history", "fx_rate_for_actuals", "baseline", "baseline_year"):
        assert getattr(a, name) == d[name]["value"], name


def test_assumptions_without_vintage_fields_is_an_error_that_points_to_the_defaults():
    full = dataclasses.asdict(default_assumptions())
    for name in ("gdp_vintage", "inflation_rate", "jpy_per_usd", "reference_gdp_jpy", "until"):
        with pytest.raises(SpendcalcError, match=f"^{name}: None .*default_assumptions"):
            Assumptions(**{**full, name: None})
    with pytest.raises(SpendcalcError, match="default_assumptions"):
        Assumptions()


@pytest.mark.parametrize(("field", "bad", "good"), [
    ("target_share", [0.0, 0.0005, 0.21, 1.0, 1.5, -0.1, float("inf"), "2%", True], [0.001, 0.02, 0.2]),
    ("growth_rate", [-1.0, -0.31, 0.31, 1.0, float("nan")], [-0.3, 0.0, 0.3]),
    ("inflation_rate", [-1.0, -0.999999, -0.21, 2.0], [-0.2, 0.0, 0.02, 0.3]),
    ("jpy_per_usd", [0.0, -5.0, 1e-300, 49.9, 400.1, float("nan")], [50.0, 150.0, 400.0]),
    ("reference_gdp_jpy", [0.0, -1.0, 560.0, 99e12, 2001e12], [100e12, 560e12, 2000e12]),
])
def test_schema_ranges(field, bad, good):
    spec = schema.spec(field)
    for value in good:
        assert schema.check(field, value) == float(value)
    for value in bad:
        with pytest.raises(SpendcalcError) as err:
            schema.check(field, value)
        assert err.value.field == field
        assert spec.range_text() in str(err.value), "the message states the allowed range"
        assert spec.example in str(err.value), "the message gives an allowed example"


def test_hold_flat_needs_no_target_but_others_do():
    assert Scenario("f", path="hold-flat").target_share is None
    with pytest.raises(SpendcalcError, match="target_share.*hold-flat"):
        Scenario("f", path="hold-flat", target_share=0.02)
    with pytest.raises(SpendcalcError, match="target_year.*hold-flat"):
        Scenario("f", path="hold-flat", target_year=2030)
    with pytest.raises(SpendcalcError) as err:
        Scenario("s", target_share=0.02)  # no target_year
    assert err.value.field == "target_year"


def test_growth_requires_preset_or_rate():
    with pytest.raises(SpendcalcError) as err:
        dataclasses.replace(default_assumptions(), gdp_preset=None, growth_rate=None)
    assert err.value.field == "gdp_preset"


def test_growth_overrides_are_sorted_and_validated():
    d = default_assumptions()
    a = dataclasses.replace(d, growth_overrides=((2030, 0.01), (2027, 0.02)))
    assert a.growth_overrides == ((2027, 0.02), (2030, 0.01))
    with pytest.raises(SpendcalcError) as err:
        dataclasses.replace(d, growth_overrides=((2027, -1.0),))
    assert err.value.field == "growth_overrides"
    with pytest.raises(SpendcalcError, match="one rate per fiscal year"):
        dataclasses.replace(d, growth_overrides=((2027, 0.01), (2027, 0.02)))
    with pytest.raises(SpendcalcError) as err:
        dataclasses.replace(d, growth_overrides=((2027,),))
    assert err.value.field == "growth_overrides"


@pytest.mark.parametrize(("kwargs", "attr", "expected"), [
    ({"growth": "2 %"}, "growth_rate", 0.02),
    ({"growth": 0.03}, "growth_rate", 0.03),
    ({"inflation": "1.5%"}, "inflation_rate", 0.015),
    ({"fx": "150 JPY/USD"}, "jpy_per_usd", 150.0),
    ({"fx": 140}, "jpy_per_usd", 140.0),
    ({"reference_gdp": "567 trillion JPY"}, "reference_gdp_jpy", 567e12),
    ({"preset": "cao-2026jan-high-growth"}, "gdp_preset", "cao-2026jan-high-growth"),
    ({"until": 2050}, "until", 2050),
    ({"vintage": "esri-2025q1"}, "gdp_vintage", "esri-2025q1"),
    ({"growth_overrides": {2030: "1 %"}}, "growth_overrides", ((2030, 0.01),)),
])
def test_make_assumptions_parses_user_values(kwargs, attr, expected):
    a = spendcalc.make_assumptions(**kwargs)
    got = getattr(a, attr)
    assert got == (pytest.approx(expected) if isinstance(expected, float) else expected)


def test_make_assumptions_preset_clears_growth():
    a = spendcalc.make_assumptions(growth=0.02)
    b = spendcalc.make_assumptions(preset="cao-2026jan-high-growth", base=a)
    assert b.growth_rate is None and b.gdp_preset == "cao-2026jan-high-growth"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"growth": -1}, "growth"),
    ({"growth": "-150%"}, "growth"),
    ({"growth": "3 furlongs"}, "growth"),
    ({"fx": 0}, "fx"),
    ({"fx": "-5"}, "fx"),
    ({"fx": "150 EUR"}, "fx"),
    ({"inflation": "lots"}, "inflation"),
    ({"until": 2101}, "until"),
])
def test_make_assumptions_errors_name_the_keyword_used(kwargs, field):
    with pytest.raises(SpendcalcError) as err:
        spendcalc.make_assumptions(**kwargs)
    assert err.value.field == field
    assert "\n" not in str(err.value)
