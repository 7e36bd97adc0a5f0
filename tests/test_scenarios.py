"""spendcalc.scenarios (YAML <-> Scenario) and the scenario-file loaders of spendcalc.data."""

from __future__ import annotations

from pathlib import Path

import pytest

import spendcalc
from spendcalc.assumptions import Scenario, Source
from spendcalc.data import BUILTIN_ORDER, SCENARIO_DIR, read_scenario_file
from spendcalc.errors import SpendcalcError
from spendcalc.scenarios import MAX_BYTES, scenario_from_yaml, scenario_to_yaml

MINIMAL = "name: mine\ntarget_share: 0.03\ntarget_year: 2030\n"


def test_minimal_file_gets_defaults():
    s = scenario_from_yaml(MINIMAL)
    assert s == Scenario("mine", 0.03, 2030)
    assert s.scope == "security-related" and s.denominator == "fixed-fy2022" and s.path == "linear-yen"


@pytest.mark.parametrize(("share", "expected"), [("'3 %'", 0.03), ("3.5%", 0.035), ("0.02", 0.02)])
def test_target_share_as_quantity_string(share, expected):
    s = scenario_from_yaml(f"name: x\ntarget_share: {share}\ntarget_year: 2030\n")
    assert s.target_share == pytest.approx(expected)


def test_round_trip_with_unicode_and_sources():
    s = Scenario("x-1", 0.025, 2031, denominator="same-year", path="linear-share", after_target="hold-yen",
                 title="対GDP比2.5%", description="説明: 'quotes' and \"more\"\nsecond line",
                 sources=(Source("防衛白書", "https://example.org/a?b=1", "約560兆円"), Source("t")))
    text = scenario_to_yaml(s)
    assert scenario_from_yaml(text) == s
    assert "防衛白書" in text, "unicode is written as text, not escapes"


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_builtin_files_round_trip_byte_for_byte(name):
    path = SCENARIO_DIR / f"{name}.yaml"
    assert scenario_to_yaml(read_scenario_file(path)) == path.read_text(encoding="utf-8"), (
        f"{path} is not in canonical form: rewrite it with scenario_to_yaml(read_scenario_file(path))")


def test_builtins_and_lookup():
    names = [s.name for s in spendcalc.builtin_scenarios()]
    assert names == list(BUILTIN_ORDER)
    assert spendcalc.get_scenario("us-ask-3.5pct").target_share == 0.035
    assert spendcalc.get_scenario(SCENARIO_DIR / "hold-flat.yaml").path == "hold-flat"


def test_resolve_scenarios_applies_overrides():
    chosen = spendcalc.resolve_scenarios(["original-fy2027", "hold-flat"], denominator="same-year",
                                         scope="mod-budget", basis="with-supplementary")
    assert [s.denominator for s in chosen] == ["same-year", "same-year"]
    assert {s.scope for s in chosen} == {"mod-budget"} and {s.basis for s in chosen} == {"with-supplementary"}
    assert spendcalc.get_scenario("original-fy2027").denominator == "fixed-fy2022", "built-ins unchanged"


# ----------------------------------------------------------------------------------------------
# Bad files: one SpendcalcError, one line, naming what is wrong
# ----------------------------------------------------------------------------------------------
BAD_TEXT = [
    ("", "scenario file", "empty"),
    ("   \n", "scenario file", "empty"),
    ("name: [unclosed\n", "scenario file", "malformed YAML"),
    ("- a\n- b\n", "scenario", "list"),
    ("just a string\n", "scenario", "str"),
    (MINIMAL + "colour: red\n", "scenario.colour", "red"),
    ("target_share: 0.02\ntarget_year: 2030\n", "scenario.name", None),
    ("name: x\ntarget_share: 0.02\ntarget_year: soon\n", "target_year", "soon"),
    ("name: x\ntarget_share: [1]\ntarget_year: 2030\n", "target_share", None),
    ("name: x\ntarget_share: 2 furlongs\ntarget_year: 2030\n", "target_share", "furlongs"),
    ("name: x\ntarget_share: 150%\ntarget_year: 2030\n", "target_share", None),
    ("name: x\ntarget_share: 0.02\ntarget_year: 2101\n", "target_year", "2101"),
    (MINIMAL + "sources: nope\n", "sources", "nope"),
    (MINIMAL + "sources:\n- {title: 1}\n", "sources[0]", None),
    (MINIMAL + "sources:\n- {title: t, page: 3}\n", "sources[0]", None),
    (MINIMAL + "sources:\n- {title: t, url: 3}\n", "sources[0]", None),
    (MINIMAL + "description: [1, 2]\n", "description", None),
    ("!!python/object/apply:os.system ['echo hi']\n", "scenario file", "a tag was found"),
    ("name: !!python/object/apply:os.getcwd []\n", "scenario file", "tag !!python/object/apply:os.getcwd"),
]


@pytest.mark.parametrize(("text", "field", "shown"), BAD_TEXT)
def test_bad_scenario_text(text, field, shown):
    with pytest.raises(SpendcalcError) as err:
        scenario_from_yaml(text)
    msg = str(err.value)
    assert err.value.field == field, msg
    assert "\n" not in msg
    if shown is not None:
        assert shown in msg


def test_binary_and_oversized_input():
    with pytest.raises(SpendcalcError, match="binary data"):
        scenario_from_yaml(b"\xff\xfe\x00garbage\x89PNG")
    with pytest.raises(SpendcalcError, match=f"at most {MAX_BYTES} bytes"):
        scenario_from_yaml(MINIMAL + "description: " + "x" * MAX_BYTES + "\n")
    with pytest.raises(SpendcalcError, match=f"at most {MAX_BYTES} bytes"):
        scenario_from_yaml(b"#" * (MAX_BYTES + 1))


def test_read_scenario_file_errors(tmp_path: Path):
    with pytest.raises(SpendcalcError) as err:
        read_scenario_file(tmp_path / "missing.yaml")
    assert err.value.field == "scenario file" and "missing.yaml" in str(err.value)
    with pytest.raises(SpendcalcError):
        read_scenario_file(tmp_path)  # a directory
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (2 * MAX_BYTES))
    with pytest.raises(SpendcalcError, match="bytes"):
        read_scenario_file(big)
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL, encoding="utf-8")
    assert read_scenario_file(good).name == "mine"
    assert spendcalc.get_scenario(str(good)).name == "mine"


@pytest.mark.parametrize("text", ["\u2028", "a\u2029b", " lead", "trail ", "yes", "no", "on", "null", "0.02",
                                  "0755", "1:30", "2_035", "#x", ": x", "---", "'", '"', "\ufeff",
                                  "😀 対GDP比"])
def test_awkward_text_round_trips(text):
    """Text PyYAML could misread (line separators, YAML keywords, numbers) survives the round trip."""
    s = Scenario("x", 0.02, 2030, title=text, description=f"{text}\n\t{text}",
                 sources=(Source(text, "https://example.org/?q=1", f"{text}\n{text}"),))
    assert scenario_from_yaml(scenario_to_yaml(s)) == s


@pytest.mark.parametrize("text", ["\x85", "a\x85b", "x\r\ny", "a\nb", "\t", "\x1b[31mred", "\u202eevil"])
def test_control_characters_in_one_line_text_are_refused(text):
    """NEL, CR, line breaks, tabs, ANSI escapes and bidi overrides have no place in a title."""
    with pytest.raises(SpendcalcError) as err:
        Scenario("x", 0.02, 2030, title=text)
    assert err.value.field == "title" and "\n" not in str(err.value)
