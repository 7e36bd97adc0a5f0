"""Hostile and careless input: every value is parsed strictly or refused in one clear line.

Categories: quantities (API and CLI), growth overrides, choices, counts, app links, messages with
huge values, and the schema itself (defaults inside ranges, README table generated from it).
Each refusal must be a SpendcalcError (Python), exit status 2 with exactly one stderr line naming
the flag and the text (CLI), or a warning naming the link parameter with the default kept (app);
never a traceback, never a silent reading, and fast.
"""

from __future__ import annotations

import dataclasses
import inspect
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import spendcalc
from spendcalc import schema
from spendcalc.cli import main
from spendcalc.errors import SpendcalcError
from spendcalc.units import parse_quantity

ROOT = Path(__file__).resolve().parents[1]
FAST_S = 2.0  # seconds: every refusal here is immediate; this only catches hangs


def refused(call, *args, **kwargs) -> SpendcalcError:
    """Run ``call``; assert it raises a one-line SpendcalcError quickly; return the error."""
    start = time.perf_counter()
    with pytest.raises(SpendcalcError) as err:
        call(*args, **kwargs)
    assert time.perf_counter() - start < FAST_S
    text = str(err.value)
    assert "\n" not in text and len(text) < 600, text
    return err.value


def cli(capsys, *args: str) -> tuple[int, str, str]:
    start = time.perf_counter()
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse errors
        code = exc.code
    assert time.perf_counter() - start < 30
    out, err = capsys.readouterr()
    return code, out, err


def assert_cli_refuses(capsys, args: list[str], needles: list[str]) -> str:
    code, out, err = cli(capsys, *args)
    assert code == 2, (code, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {err!r}"
    assert "Traceback" not in err and lines[0].startswith("spendcalc")
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"
    return lines[0]


# ----------------------------------------------------------------------------------------------
# Quantities: the grammar
# ----------------------------------------------------------------------------------------------
GOOD = [
    ("0.02", "fraction", 0.02), ("2 %", "fraction", 0.02), ("2%", "fraction", 0.02),
    ("2 percent", "fraction", 0.02), ("+2 %", "fraction", 0.02), ("-0", "fraction", 0.0),
    ("-1.5 %", "fraction", -0.015), (".5", "fraction", 0.5), ("2E-2", "fraction", 0.02),
    ("  2 %  ", "fraction", 0.02),
    ("150 JPY/USD", "JPY/USD", 150.0), ("150", "JPY/USD", 150.0), ("150 yen per USD", "JPY/USD", 150.0),
    ("560 trillion JPY", "JPY", 560e12), ("560 trillion yen", "JPY", 560e12),
    ("11 兆円", "JPY", 11e12), ("11兆円", "JPY", 11e12), ("9900 億円", "JPY", 9.9e11),
    ("40 billion USD", "USD", 4e10),
]


@pytest.mark.parametrize(("text", "unit", "expected"), GOOD)
def test_grammar_accepts(text, unit, expected):
    got = parse_quantity(text, field="f", unit=unit, allowed="x")
    assert got == pytest.approx(expected, rel=1e-12, abs=0)
    assert not (got == 0 and np.signbit(got)), "-0 is read as 0"


BAD_FRACTION = [
    ("2 %%", "one % sign"), ("2%%", "one % sign"),
    ("1,5 %", "ambiguous"), ("0,5 %", "ambiguous"), ("1,000", "ambiguous"),
    ("2 % 2", "one number"), ("0 5", "one number"), ("1 000", "one number"),
    ("05", "leading zero"), ("007 %", "leading zero"),
    ("2 degree", "degree"), ("2 degrees", "degree"), ("2 radian", "radian"), ("2 m", "'m'"),
    ("2 percent percent", "percent percent"), ("2 % percent", "not a share"),
    ("", "empty"), ("   ", "empty"), ("\t\n", "empty"),
    ("nan", "a number first"), ("NaN %", "a number first"), ("inf", "a number first"),
    ("-inf", "a number first"), ("1e309", "finite"), ("1e99999", "exponent"),
    ("２", "digits 0-9"), ("2\u0662", "one number"), ("\u0662", "digits 0-9"), ("²", "digits 0-9"),
    ("1" * 61, "at most 60"), ("2" + " " * 5000 + "%", "at most 60"),
    ("5.", "after the decimal point"), ("0x10", "one number"), ("1_000", "separators"),
    ("2 ％", "not a share"), ("__import__('os')", "a number first"), ("2 % ; rm -rf /", "not a share"),
]


@pytest.mark.parametrize(("text", "why"), BAD_FRACTION)
def test_grammar_refuses_fraction_junk(text, why):
    err = refused(parse_quantity, text, field="growth", unit="fraction", allowed="a growth rate")
    assert err.field == "growth" and str(err).startswith("growth: ")
    assert why in str(err), str(err)


@pytest.mark.parametrize(("text", "unit", "why"), [
    ("150,5", "JPY/USD", "ambiguous"),
    ("150 USD/JPY", "JPY/USD", "inverted"),
    ("150 USD per JPY", "JPY/USD", "inverted"),
    ("150 EUR", "JPY/USD", "not an exchange rate"),
    ("150 JPY", "JPY/USD", "not an exchange rate"),
    ("560", "JPY", "'560 trillion JPY'"),
    ("560 trillion", "JPY", "currency"),
    ("11 trillion USD", "JPY", "USD where JPY"),
    ("11 兆 USD", "JPY", "USD where JPY"),
    ("11 兆 JPY", "JPY", "go with 円"),
    ("11 trillion billion JPY", "JPY", "one scale word"),
    ("11 gazillion JPY", "JPY", "one scale word"),
    ("11 trillion JPY JPY", "JPY", "one scale word"),
    ("5 trillion JPY", "USD", "JPY where USD"),
])
def test_grammar_refuses_wrong_units(text, unit, why):
    err = refused(parse_quantity, text, field="f", unit=unit, allowed="x")
    assert why in str(err) and repr(text) in str(err)


@pytest.mark.parametrize("value", [True, False, None, [1], {"a": 1}, b"2", 1j, float("nan"), float("inf")])
def test_grammar_refuses_non_numbers(value):
    refused(parse_quantity, value, field="f", unit="fraction", allowed="x")


def test_pint_quantity_of_the_wrong_kind_is_refused():
    q = spendcalc.Q_
    assert parse_quantity(q(2, "percent"), field="f", unit="fraction", allowed="x") == pytest.approx(0.02)
    assert parse_quantity(q(11, "trillion_JPY"), field="f", unit="JPY", allowed="x") == pytest.approx(11e12)
    err = refused(parse_quantity, q(2, "degree"), field="f", unit="fraction", allowed="x")
    assert "degree" in str(err)
    refused(parse_quantity, q(5, "USD"), field="f", unit="JPY", allowed="x")


# ----------------------------------------------------------------------------------------------
# Quantities through the Python API: the grammar, then the schema's plausible range
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("kwargs", "field", "shown"), [
    ({"growth": "2 %%"}, "growth", "'2 %%'"),
    ({"growth": "1,5 %"}, "growth", "'1,5 %'"),
    ({"growth": "0,5 %"}, "growth", "'0,5 %'"),
    ({"growth": "05"}, "growth", "'05'"),
    ({"growth": "0 5"}, "growth", "'0 5'"),
    ({"growth": "2 % 2"}, "growth", "'2 % 2'"),
    ({"growth": "2 degree"}, "growth", "'2 degree'"),
    ({"growth": "2"}, "growth", "did you mean '2 %'"),
    ({"growth": 2}, "growth", "did you mean '2 %'"),
    ({"growth": "-100 %"}, "growth", "'-100 %'"),
    ({"growth": True}, "growth", "True"),
    ({"fx": "150,5"}, "fx", "'150,5'"),
    ({"fx": "1e-300"}, "fx", "'1e-300'"),
    ({"fx": 1e-300}, "fx", "1e-300"),
    ({"fx": 0}, "fx", "0"),
    ({"fx": "150 USD/JPY"}, "fx", "inverted"),
    ({"fx": 1 / 150}, "fx", "USD per JPY"),
    ({"fx": 15000}, "fx", "15000"),
    ({"inflation": -0.999999}, "inflation", "-0.999999"),
    ({"inflation": "-99.9999 %"}, "inflation", "'-99.9999 %'"),
    ({"inflation": "1e309"}, "inflation", "'1e309'"),
    ({"reference_gdp": 560}, "reference_gdp", "'560 trillion JPY'"),
    ({"reference_gdp": "560"}, "reference_gdp", "'560 trillion JPY'"),
    ({"reference_gdp": "560 billion JPY"}, "reference_gdp", "'560 billion JPY'"),
    ({"reference_gdp": "11 trillion USD"}, "reference_gdp", "USD where JPY"),
    ({"until": 2040.0}, "until", "2040.0"),
    ({"until": "２０４０"}, "until", "'２０４０'"),
    ({"until": True}, "until", "True"),
    ({"price_base_year": "2025.0"}, "price_base_year", "'2025.0'"),
    ({"fx_history": "yes please"}, "fx_history", "'yes please'"),
    ({"fx_history": 1.5}, "fx_history", "1.5"),
    ({"growth_overrides": {"²": "1%"}}, "growth_overrides", "'²'"),
    ({"growth_overrides": {2030: "1,5 %"}}, "growth_overrides[2030]", "'1,5 %'"),
    ({"growth_overrides": {99999: "1 %"}}, "growth_overrides", "99999"),
    ({"growth_overrides": [(2030, 0.01)]}, "growth_overrides", "2030"),
])
def test_make_assumptions_refuses(kwargs, field, shown):
    err = refused(spendcalc.make_assumptions, **kwargs)
    assert err.field == field
    assert shown in str(err), str(err)
    assert "e.g." in str(err) or "one of" in str(err) or "true or false" in str(err), \
        "the message shows what is allowed"


@pytest.mark.parametrize(("kwargs", "attr", "expected"), [
    ({"growth": "2%"}, "growth_rate", 0.02),
    ({"growth": "2 %"}, "growth_rate", 0.02),
    ({"growth": "+2 %"}, "growth_rate", 0.02),
    ({"growth": "-0"}, "growth_rate", 0.0),
    ({"growth": np.float64(0.02)}, "growth_rate", 0.02),
    ({"fx": "150 JPY/USD"}, "jpy_per_usd", 150.0),
    ({"fx": np.int64(150)}, "jpy_per_usd", 150.0),
    ({"reference_gdp": "560 兆円"}, "reference_gdp_jpy", 560e12),
    ({"reference_gdp": 560e12}, "reference_gdp_jpy", 560e12),
    ({"until": "2040"}, "until", 2040),
])
def test_make_assumptions_accepts(kwargs, attr, expected):
    assert getattr(spendcalc.make_assumptions(**kwargs), attr) == pytest.approx(expected)


@pytest.mark.parametrize(("share", "shown"), [
    ("'1,5 %'", "ambiguous"), ("'2 %%'", "one % sign"), ("2", "did you mean '2 %'"),
    ("'2 degree'", "not a share"), ("true", "True"), (".nan", "nan"),
])
def test_scenario_yaml_target_share_is_strict(share, shown):
    text = f"name: s\ntarget_share: {share}\ntarget_year: 2030\n"
    err = refused(spendcalc.scenario_from_yaml, text)
    assert err.field.endswith("target_share") and shown in str(err), str(err)


def test_project_refuses_near_miss_choices():
    assert refused(spendcalc.project, "original-fy2027", denominator="same_year").field == "denominator"


def test_project_refuses_bad_quantities_before_computing():
    err = refused(spendcalc.project, "original-fy2027", fx="2 %")
    assert err.field == "fx"


# ----------------------------------------------------------------------------------------------
# Quantities and choices through the command line
# ----------------------------------------------------------------------------------------------
CLI_BAD = [
    (["--growth", "2 %%"], ["--growth: '2 %%'", "one % sign"]),
    (["--growth", "1,5 %"], ["--growth: '1,5 %'", "ambiguous"]),
    (["--growth", "05"], ["--growth: '05'", "leading zero"]),
    (["--growth", "0 5"], ["--growth: '0 5'"]),
    (["--growth", "2 % 2"], ["--growth: '2 % 2'"]),
    (["--growth", "2 degree"], ["--growth: '2 degree'"]),
    (["--growth", "2 percent percent"], ["--growth: '2 percent percent'"]),
    (["--growth", "２"], ["--growth: '２'", "digits 0-9"]),
    (["--growth", " "], ["--growth: ' '", "empty"]),
    (["--growth", ""], ["--growth: ''", "empty"]),
    (["--growth", "x" * 100_000], ["--growth: 'xxx", "..."]),
    (["--growth=-1"], ["--growth: '-1'"]),
    (["--fx", "0"], ["--fx: '0' is not allowed; expected", "JPY/USD"]),
    (["--fx", "150,5"], ["--fx: '150,5'", "ambiguous"]),
    (["--fx", "1e-300"], ["--fx: '1e-300'", "50 to 400 JPY/USD"]),
    (["--fx", "150 USD/JPY"], ["--fx: '150 USD/JPY'", "inverted"]),
    (["--fx", "nan"], ["--fx: 'nan'"]),
    (["--fx", "1e309"], ["--fx: '1e309'"]),
    (["--inflation", "-0.999999"], ["--inflation: '-0.999999'", "-20 to 30 %"]),
    (["--inflation", "11 trillion USD"], ["--inflation: '11 trillion USD'"]),
    (["--until", "２０４０"], ["--until: '２０４０'"]),
    (["--until", "2040.0"], ["--until: '2040.0'"]),
    (["--until", "1e3"], ["--until: '1e3'"]),
    (["--growth-override", "²=1%"], ["--growth-override: '²=1%'", "FY=RATE"]),
    (["--growth-override", "2030="], ["--growth-override: '2030='"]),
    (["--growth-override", "=1%"], ["--growth-override: '=1%'"]),
    (["--growth-override", "99999=1%"], ["--growth-override: '99999=1%'"]),
    (["--growth-override", "１２３４=1%"], ["--growth-override"]),
    (["--growth-override", "2030=1,5%"], ["--growth-override: '1,5%'", "ambiguous"]),
    (["--growth-override", "2030=1%", "--growth-override", "2030=2%"], ["--growth-override", "twice"]),
    (["--denominator", "same_year"], ["--denominator", "same_year"]),
    (["--scope", "Security-Related"], ["--scope", "Security-Related"]),
    (["--preset", "no-such"], ["--preset", "no-such"]),
    (["--vintage", "no-such"], ["--vintage", "no-such"]),
    # a preset runs only on the GDP vintage it was built on; the message names both and what fits
    (["--vintage", "esri-2025q1"], ["--preset", "built on vintage esri-2026q2", "the GDP vintage is esri-2025q1",
                                     "cao-2025jan-past-projection"]),
    (["--preset", "cao-2025jan-past-projection"], ["--preset", "built on vintage esri-2025q1",
                                                   "the GDP vintage is esri-2026q2", "cao-2026jan-past-projection"]),
]


@pytest.mark.parametrize(("args", "needles"), CLI_BAD, ids=[" ".join(a)[:40] for a, _ in CLI_BAD])
def test_cli_project_refuses(capsys, args, needles):
    line = assert_cli_refuses(capsys, ["project", "--scenario", "original-fy2027", *args], needles)
    assert len(line) < 700, "a huge value is cut in the message"


def test_cli_percent_with_and_without_space_agree(capsys):
    runs = [cli(capsys, "project", "--scenario", "us-ask-3.5pct", "--growth", g, "--until", "2030",
                "--measure", "nominal_gdp_jpy") for g in ("2%", "2 %", "0.02", "+2 percent")]
    assert all(code == 0 for code, _, _ in runs)
    assert len({out for _, out, _ in runs}) == 1


SIM_BAD = [
    (["--paths", "0"], ["--paths: '0'"]),
    (["--paths", "1e5"], ["--paths: '1e5'"]),
    (["--paths", "10,00"], ["--paths: '10,00'"]),
    (["--paths", "100000000000"], ["--paths: '100000000000'", "50,000,000"]),
    (["--seed", "-1"], ["--seed: '-1'"]),
    (["--seed", "٣"], ["--seed: '٣'"]),
    (["--volatility", "2"], ["--volatility: '2'", "did you mean '2 %'"]),
    (["--volatility", "-1 %"], ["--volatility: '-1 %'"]),
    (["--persistence", "1"], ["--persistence: '1'", "below 1"]),
    (["--persistence", "50 %"], ["--persistence: '50 %'", "plain number"]),
    (["--fx-volatility", "nan"], ["--fx-volatility: 'nan'"]),
    (["--threshold", "35"], ["--threshold: '35'", "did you mean '35 %'"]),
    (["--threshold", "0"], ["--threshold: '0'"]),
    (["--plan-growth", "3 %%"], ["--plan-growth: '3 %%'"]),
    (["--chunk-size", "0"], ["--chunk-size: '0'"]),
    (["--measure-on", "same_year"], ["--measure-on", "same_year"]),
    (["--method", "montecarlo"], ["--method", "montecarlo"]),
]


@pytest.mark.parametrize(("args", "needles"), SIM_BAD, ids=[" ".join(a) for a, _ in SIM_BAD])
def test_cli_simulate_refuses(capsys, args, needles):
    assert_cli_refuses(capsys, ["simulate", "--scenario", "us-ask-3.5pct", *args], needles)


@pytest.mark.parametrize(("args", "needles"), [
    (["--dpi", "١٠٠"], ["dpi: '١٠٠'", "digits 0-9"]),
    (["--dpi", "100.0"], ["dpi: '100.0'"]),
    (["--paths", "1,0,0,0"], ["paths: '1,0,0,0'"]),
    (["--paths", "２０００"], ["paths: '２０００'"]),
])
def test_cli_chart_counts_are_ascii_and_checked_before_writing(capsys, tmp_path, args, needles):
    out = tmp_path / "brief"
    assert_cli_refuses(capsys, ["chart", "--out", str(out), *args], needles)
    assert not out.exists(), "nothing is written when a flag is refused"


def test_cli_simulate_accepts_grouped_counts(capsys):
    code, out, err = cli(capsys, "simulate", "--scenario", "us-ask-3.5pct", "--method",
                         "monte-carlo", "--paths", "2,000",
                         "--seed", "1_000", "--volatility", "3%", "--format", "csv", "--until", "2030")
    assert code == 0, err
    assert out.startswith("scenario,fiscal_year,measure,unit,p5")


def test_cli_history_unknown_series(capsys):
    line = assert_cli_refuses(capsys, ["history", "--series", "no-such-series"],
                              ["--series: 'no-such-series'", "spendcalc history --format table"])
    assert line.startswith("spendcalc: error:")


def test_cli_help_shows_ranges_and_defaults(capsys):
    code, out, _ = cli(capsys, "project", "--help")
    assert code == 0
    flat = " ".join(out.split())
    assert "50 to 400 JPY/USD" in flat and f"default {spendcalc.default_assumptions().jpy_per_usd:g}" in flat
    assert "-30 to 30 %" in flat and "-20 to 30 %" in flat


@pytest.mark.slow
def test_cli_subprocess_one_line_no_traceback(tmp_path):
    for args, needle in ((["project", "--growth-override", "²=1%"], "--growth-override: '²=1%'"),
                         (["project", "--fx", "0"], "--fx: '0'")):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-m", "spendcalc", *args], capture_output=True,
                             text=True, cwd=tmp_path, timeout=60)
        assert time.perf_counter() - start < 30
        assert out.returncode == 2 and out.stdout == ""
        assert out.stderr.count("\n") == 1 and needle in out.stderr and "Traceback" not in out.stderr


# ----------------------------------------------------------------------------------------------
# Scenario fields, simulate and sensitivity_sweep
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("kwargs", "field"), [
    ({"target_share": float("nan")}, "target_share"),
    ({"target_share": 2.0}, "target_share"),
    ({"target_share": 0.0}, "target_share"),
    ({"target_share": "2 %"}, "target_share"),  # Scenario takes floats; text is parsed by the YAML reader
    ({"target_year": 2030.0}, "target_year"),
    ({"target_year": True}, "target_year"),
    ({"scope": "Security-related"}, "scope"),
    ({"denominator": "same_year"}, "denominator"),
    ({"path": ["linear-yen"]}, "path"),
    ({"after_target": None}, "after_target"),
    ({"basis": "initial "}, "basis"),
])
def test_scenario_fields_are_checked(kwargs, field):
    base = {"name": "s", "target_share": 0.02, "target_year": 2030} | kwargs
    assert refused(spendcalc.Scenario, **base).field == field


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"paths": 0}, "paths"), ({"paths": True}, "paths"), ({"paths": 1e5}, "paths"),
    ({"seed": -1}, "seed"), ({"volatility": float("nan")}, "volatility"),
    ({"volatility": 2.0}, "volatility"), ({"persistence": 1.0}, "persistence"),
    ({"fx_volatility": -0.1}, "fx_volatility"), ({"threshold": float("nan")}, "threshold"),
    ({"chunk_size": 0}, "chunk_size"), ({"measured_on": "same_year"}, "measured_on"),
])
def test_simulate_settings_are_checked(real_history, kwargs, field):
    err = refused(spendcalc.simulate, "us-ask-3.5pct", history=real_history, **kwargs)
    assert err.field == field


@pytest.mark.parametrize(("change", "field"), [
    ({"denominator": "same_year"}, "denominator"),
    ({"path": "zigzag"}, "path"),
    ({"scope": "navy"}, "scope"),
    ({"target_shares": [0.02, float("nan")]}, "target_share"),
    ({"growth_rates": [float("nan")]}, "growth_rate"),
    ({"target_years": [2030.5]}, "target_year"),
])
def test_sensitivity_sweep_validates(real_history, change, field):
    kwargs = {"scope": "security-related", "basis": "initial", "denominator": "same-year",
              "growth_rates": [0.02], "target_shares": [0.02], "target_years": [2030],
              "assumptions": spendcalc.default_assumptions(), "history": real_history} | change
    assert refused(spendcalc.sensitivity_sweep, **kwargs).field == field


def test_sensitivity_sweep_same_year_is_not_the_fixed_denominator(real_history):
    def target(denominator: str) -> float:
        return float(spendcalc.sensitivity_sweep("security-related", "initial", denominator, [0.02], [0.02],
                                                 [2030], spendcalc.default_assumptions(), real_history)
                     ["target_spending_jpy"][0])
    assert target("same-year") != pytest.approx(target("fixed-fy2022"), rel=1e-3)


# ----------------------------------------------------------------------------------------------
# Messages never expand a huge value
# ----------------------------------------------------------------------------------------------
def test_error_message_cuts_huge_values_cheaply():
    nested: list = []
    for _ in range(40):
        nested = [nested] * 10  # 10**40 leaves if expanded
    for value in ("x" * 50_000_000, nested, {"k": nested}, 10**5000, b"y" * 10_000_000):
        start = time.perf_counter()
        text = str(SpendcalcError("title", value, "text"))
        assert time.perf_counter() - start < 0.5
        assert len(text) < 200 and "\n" not in text


def test_error_message_survives_a_hostile_repr():
    class Evil:
        def __repr__(self) -> str:
            raise RuntimeError("boom")

    assert "Evil" in str(SpendcalcError("f", Evil(), "x"))


# ----------------------------------------------------------------------------------------------
# The schema itself
# ----------------------------------------------------------------------------------------------
def test_every_default_lies_inside_its_schema_range():
    a = spendcalc.default_assumptions()
    for f in dataclasses.fields(a):
        value = getattr(a, f.name)
        if f.name in schema.SPECS and value is not None and f.name != "growth_overrides":
            assert schema.check(f.name, value) == value, f.name
    for sc in spendcalc.builtin_scenarios():
        for name in ("target_share", "target_year", "scope", "denominator", "path", "after_target", "basis"):
            if getattr(sc, name) is not None:
                schema.check(name, getattr(sc, name))
    for name, p in inspect.signature(spendcalc.simulate).parameters.items():
        if name in schema.SPECS and p.default is not None:
            schema.check(name, p.default)


def test_schema_covers_every_user_settable_value():
    assumptions = {f.name for f in dataclasses.fields(spendcalc.Assumptions)}
    scenario = {"target_share", "target_year", "scope", "denominator", "path", "after_target", "basis"}
    sim = set(inspect.signature(spendcalc.simulate).parameters) - {
        "scenario", "assumptions", "history", "plan_assumptions", "progress", "until", "since"}
    missing = (assumptions | scenario | sim) - set(schema.SPECS)
    assert not missing, f"not in spendcalc.schema.SPECS: {sorted(missing)}"
    for spec in schema.SPECS.values():
        assert spec.kind in schema.KINDS and spec.help and spec.example
        if spec.kind in ("quantity", "count", "year"):
            assert spec.low is not None and spec.high is not None and spec.low < spec.high
        if spec.kind == "quantity":
            assert spec.reason, f"{spec.name}: a range needs its reasoning"
            example = spec.example.split(" or ")[0].strip("'")
            if spec.name != "growth_overrides":
                assert schema.parse(spec.name, example) is not None, "the example is allowed"
        if spec.ui is not None:
            low, high, _ = spec.ui
            scale = 0.01 if spec.unit == "fraction" else 1
            for end in (low * scale, high * scale):  # parse refuses a value out of the range
                assert schema.parse(spec.name, end) == pytest.approx(end), \
                    f"{spec.name}: the app's slider window lies inside the plausible range"


def test_readme_contains_the_generated_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = schema.markdown_table()
    assert table in readme, "README's 'Input accepted' table is stale: paste spendcalc.schema.markdown_table()"
    assert readme.count("| field | Python keyword | flag | unit | range | example |") == 1


# ----------------------------------------------------------------------------------------------
# App links (AppTest): a bad value warns, names the parameter, and the default is used
# ----------------------------------------------------------------------------------------------
APP_BAD = {
    "share": "abc",          # not a number
    "growth": "99",          # outside the slider window
    "infl": "1,5",           # decimal comma
    "fx": "1e-300",          # implausible
    "year": "２０３５",        # full-width digits
    "until": "2040.5",       # not whole
    "seed": "9" * 5000,      # huge
    "path": "zigzag",        # unknown choice
    "denom": "same_year",    # near miss
    "mc": "yes",             # not 0/1
    "paths": "1e9",          # not one of the choices
}


@pytest.mark.app
@pytest.mark.slow
def test_app_bad_link_values_warn_and_fall_back():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in APP_BAD.items():
        at.query_params[key] = value
    at.query_params["focus"] = "z" * 10_000
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    texts = [w.value for w in at.warning]
    joined = " ".join(texts)
    for key in [*APP_BAD, "focus"]:
        assert f"Link parameter {key}" in joined, (key, texts)
    for internal in ("invalid literal", "could not convert", "Traceback", "Error(", "KeyError"):
        assert internal not in joined
    assert all(len(t) < 600 for t in texts), "huge values are cut"
    specs = {"share": 3.0, "growth": 2.0, "year": 2035, "fx": spendcalc.default_assumptions().jpy_per_usd}
    for key, default in specs.items():
        assert at.slider(key=key).value == pytest.approx(default)
    assert at.query_params["path"] == "linear-yen" and at.query_params["denom"] == "each"
    assert metric_value_exists(at)


def metric_value_exists(at) -> bool:
    return len(at.metric) > 0


@pytest.mark.app
@pytest.mark.slow
def test_app_good_link_values_give_no_warning():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in {"share": "4", "growth": "-3", "fx": "250", "infl": "0", "gdp": "growth"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception and not at.warning, [w.value for w in at.warning]
    assert at.slider(key="share").value == 4.0 and at.slider(key="fx").value == 250.0


def test_quantity_of_pint_default_registry_is_converted_by_unit_name_or_refused():
    """A Quantity built on pint's own default registry (not the package's) is read by its unit
    name: percent converts, a length is one clear error, never a pint traceback."""
    import pint

    from spendcalc.units import parse_quantity

    assert parse_quantity(pint.Quantity(2, "percent"), field="growth", unit="fraction",
                          allowed="a rate") == pytest.approx(0.02)
    with pytest.raises(SpendcalcError, match="growth"):
        parse_quantity(pint.Quantity(2, "meter"), field="growth", unit="fraction", allowed="a rate")
    with pytest.raises(SpendcalcError, match="fx"):
        parse_quantity(pint.Quantity(150, "meter"), field="fx", unit="JPY/USD", allowed="a rate")
