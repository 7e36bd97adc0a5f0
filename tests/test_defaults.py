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
