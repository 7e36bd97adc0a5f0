"""Vintage-specific values live in data/defaults.yaml, never as literals in the Python code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import spendcalc
from spendcalc import data

ROOT = Path(__file__).resolve().parents[1]
CODE = sorted((ROOT / "spendcalc").glob("*.py")) + [ROOT / "app.py"]

#: pattern -> what it is (each was a Python literal before the defaults moved to data/defaults.yaml)
FORBIDDEN = {
    r"155\.2\b": "the stated exchange rate",
    r"0\.0207\b": "the assumed inflation (fraction)",
    r"(?<![\d.])2\.07(?![\d])": "the assumed inflation (percent)",
    r"560e12|560_000_000_000_000|5\.6e14": "the fixed FY2022 reference GDP",
    r"cao-20\d\d[a-z]{3}": "a GDP preset name",
    r"esri-20\d\dq\d": "an ESRI vintage name",
    r"2026-01-22|2025-01-17": "a preset publication date",
    r"(?:until|default)\s*[:=]\s*(?:int\s*=\s*)?2040\b|\"default\":\s*2040\b|default 2040": "the horizon default",
}


def _code_lines(path: Path) -> list[tuple[int, str]]:
    return list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))


@pytest.mark.parametrize("path", CODE, ids=[p.name for p in CODE])
def test_no_vintage_specific_literal_in_python(path):
    found = [f"{path.name}:{n}: {what}: {line.strip()}"
             for n, line in _code_lines(path)
             for pattern, what in FORBIDDEN.items() if re.search(pattern, line)]
    assert not found, ("vintage-specific values belong in data/defaults.yaml (see data/UPDATING.md):\n"
                       + "\n".join(found))


def test_the_grep_would_catch_the_old_literals():
    old = ['    jpy_per_usd: float = 155.2', '    inflation_rate: float = 0.0207',
           '    reference_gdp_jpy: float = 560e12', '    gdp_preset: str | None = "cao-2026jan-past-projection"',
           '    gdp_vintage: str = "esri-2026q2"', '        "2026-01-22", "esri-2026q2"),',
           '    until: int = 2040', 'help="last fiscal year (default 2040)")',
           '(default 2.07%%: the Dec-2025 outlook']
    for line in old:
        assert any(re.search(p, line) for p in FORBIDDEN), line


def test_defaults_reach_the_api_cli_and_app_texts():
    a = spendcalc.default_assumptions()
    d = data.defaults()["assumptions"]
    assert spendcalc.make_assumptions() == a
    assert a.until == d["until"]["value"] and a.jpy_per_usd == d["jpy_per_usd"]["value"]
    from spendcalc import cli

    text = cli.build_parser().format_help() + "".join(
        a.format_help() for a in cli.build_parser()._subparsers._group_actions[0].choices.values())
    assert f"default {d['jpy_per_usd']['value']}" in text
    assert f"default {d['gdp_vintage']['value']}" in text
    assert data.PRESET_INFO[a.gdp_preset][0] == data.defaults()["presets"][a.gdp_preset]["title"]


def test_defaults_read_only():
    d = data.defaults()
    with pytest.raises(TypeError):
        d["assumptions"]["until"] = {"value": 2050}  # type: ignore[index]
    with pytest.raises(TypeError):
        d["assumptions"]["until"]["value"] = 2050  # type: ignore[index]


def test_first_fiscal_year_agrees_with_the_data_and_the_year_bound():
    from spendcalc.assumptions import FIRST_FISCAL_YEAR

    first = data.default_value("first_fiscal_year")
    assert first == FIRST_FISCAL_YEAR == int(spendcalc.load_history().spending["fiscal_year"].min())
    assert spendcalc.project("hold-flat", scope="mod-budget")["fiscal_year"].min() == first


def test_make_assumptions_maps_the_former_baseline_name():
    assert spendcalc.make_assumptions(baseline="hold-flat").baseline == "own"
    assert spendcalc.make_assumptions(baseline="common").baseline == "common"
    with pytest.raises(spendcalc.SpendcalcError, match="^baseline: 'x'"):
        spendcalc.make_assumptions(baseline="x")


def test_build_data_checks_fiscal_year_means_against_their_months():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_data", ROOT / "scripts" / "build_data.py")
    build_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_data)
    months = [f"2020-{m:02d}" for m in range(4, 13)] + [f"2021-{m:02d}" for m in range(1, 4)]
    rows = [{"series": "jpy_per_usd_monthly_avg_boj", "fiscal_year": m, "value": str(100 + i)}
            for i, m in enumerate(months)]
    good = rows + [{"series": "jpy_per_usd_fy_avg", "fiscal_year": "FY2020", "value": "105.5"}]
    build_data.check_fiscal_year_averages(good)
    with pytest.raises(SystemExit, match="not the mean of its 12 monthly rows"):
        build_data.check_fiscal_year_averages(rows + [{"series": "jpy_per_usd_fy_avg",
                                                      "fiscal_year": "FY2020", "value": "105.6"}])
    with pytest.raises(SystemExit, match="monthly rows missing"):
        build_data.check_fiscal_year_averages(rows[1:] + [{"series": "jpy_per_usd_fy_avg",
                                                          "fiscal_year": "FY2020", "value": "105.5"}])
