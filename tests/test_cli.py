"""The command line: output formats, every option, and one-line errors (exit 2) for bad input."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from spendcalc.cli import main
from spendcalc.data import BUILTIN_ORDER

ROOT = Path(__file__).resolve().parents[1]
HEADER = "scenario,fiscal_year,status,measure,unit,value,scope,denominator,basis"
GDP_FY2025 = 672.6695e12  # ESRI 2026q2 vintage, the default (data/gdp.csv)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def frame(capsys, *args: str) -> pd.DataFrame:
    code, out, err = cli(capsys, "project", "--format", "csv", *args)
    assert code == 0, err
    return pd.read_csv(io.StringIO(out))


def value(df: pd.DataFrame, scenario: str, year: int, measure: str) -> float:
    sel = df[(df["scenario"] == scenario) & (df["fiscal_year"] == year) & (df["measure"] == measure)]
    assert len(sel) == 1, (scenario, year, measure)
    return float(sel["value"].iloc[0])


# ----------------------------------------------------------------------------------------------
# project
# ----------------------------------------------------------------------------------------------
def test_project_csv_all_builtins(capsys):
    code, out, err = cli(capsys, "project", "--format", "csv")
    assert code == 0
    # stderr: notes only (caveats, the estimated FY2026 figures, the baseline); stdout is pure CSV
    lines = err.splitlines()
    assert all(line.startswith("spendcalc: note: ") for line in lines)
    assert sum("us-ask-3.5pct: same-year GDP" in line for line in lines) == 1
    # every built-in but the NATO-style one (anchored at the FY2027 plan) has an FY2026 estimate
    assert sum("for FY2026 is an estimate" in line for line in lines) == len(BUILTIN_ORDER) - 1
    assert lines[-1] == ("spendcalc: note: " + ", ".join(BUILTIN_ORDER) + ": extra yen (gap_to_baseline_jpy) "
                         "are measured against the baseline common: the FY2025 security-related total "
                         "(with-supplementary, actual), 11.00 trillion JPY, held flat in yen for every scenario")
    assert out.splitlines()[0] == HEADER
    df = pd.read_csv(io.StringIO(out))
    assert list(df["scenario"].unique()) == list(BUILTIN_ORDER)
    assert df["fiscal_year"].min() == 2012 and df["fiscal_year"].max() == 2040
    # 'plan': the FY2027 plan composition that anchors nato-hague-fy2035
    assert set(df["status"]) == {"actual", "estimate", "projection", "plan"}
    assert set(df[df["status"] == "plan"]["scenario"]) == {"nato-hague-fy2035"}
    assert value(df, "original-fy2027", 2027, "spending_jpy") == pytest.approx(11.2e12, rel=1e-9)


def test_project_json(capsys):
    code, out, _ = cli(capsys, "project", "--format", "json", "--scenario", "us-ask-3.5pct", "--until", "2036")
    assert code == 0
    payload = json.loads(out)
    assert payload["methodology"]["us-ask-3.5pct"]["denominator"] == "same-year"
    assert payload["assumptions"]["until"] == 2036
    rows = [r for r in payload["data"] if r["fiscal_year"] == 2035 and r["measure"] == "share_of_gdp"]
    assert rows[0]["value"] == pytest.approx(0.035)


def test_project_table(capsys):
    code, out, _ = cli(capsys, "project", "--format", "table", "--scenario", "hold-flat", "--until", "2030")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("hold-flat: Hold flat in yen") and "fixed-fy2022" in lines[0]
    assert lines[1].split()[:4] == ["FY", "status", "spending", "[trn"]
    for header in ("spending [trn JPY]", "of same-year GDP [%]", "of FY2022 GDP [%]", "spending [USD bn]",
                   "real [trn JPY of FY2025]", "per person [JPY]", "extra vs baseline [trn JPY/yr]"):
        assert header in lines[1], header
    assert "e+1" not in out and "nan" not in out.lower()  # no raw floats, no missing-value noise
    years = [line.split()[0] for line in lines[2:] if line.startswith("FY")]
    assert years == [f"FY{y}" for y in range(2025, 2031)]  # years down, each once
    tidy = frame(capsys, "--scenario", "hold-flat", "--until", "2030")
    fy2030 = lines[2 + years.index("FY2030")].split()
    assert fy2030[2] == f"{value(tidy, 'hold-flat', 2030, 'spending_jpy') / 1e12:.2f}"
    assert fy2030[3] == f"{value(tidy, 'hold-flat', 2030, 'share_of_gdp_same_year') * 100:.2f}"
    assert fy2030[5] == f"{value(tidy, 'hold-flat', 2030, 'spending_usd') / 1e9:.1f}"
    assert "Methodology" in out and "April-March" in out and "  target_year: none" in out
    assert "  baseline_description: common: the FY2025" in out


def test_project_table_measure_choice_and_one_table_per_scenario(capsys):
    code, out, _ = cli(capsys, "project", "--format", "table", "--scenario", "us-ask-3.5pct",
                       "--scenario", "original-fy2027", "--until", "2035", "--measure", "spending_jpy")
    assert code == 0
    assert out.count("spending [trn JPY]") == 2 and "[USD bn]" not in out
    assert "us-ask-3.5pct: 3.5% of GDP by FY2035" in out and "original-fy2027: 2% of GDP" in out
    assert "FY2035 projection              27.16" in out
    assert "  target_year: 2035" in out and "2,035" not in out


def test_scenario_by_name_and_file(capsys, tmp_path):
    df = frame(capsys, "--scenario", "hold-flat")
    assert set(df["scenario"]) == {"hold-flat"}
    f = tmp_path / "mine.yaml"
    f.write_text("name: mine\ntarget_share: '3 %'\ntarget_year: 2030\nscope: mod-budget\n", encoding="utf-8")
    df = frame(capsys, "--scenario", str(f), "--scenario", "original-fy2027")
    assert list(df["scenario"].unique()) == ["mine", "original-fy2027"]
    assert value(df, "mine", 2030, "spending_jpy") == pytest.approx(0.03 * 560e12)


def test_preset_changes_gdp(capsys):
    base = frame(capsys, "--scenario", "us-ask-3.5pct")
    high = frame(capsys, "--scenario", "us-ask-3.5pct", "--preset", "cao-2026jan-high-growth")
    assert value(base, "us-ask-3.5pct", 2025, "nominal_gdp_jpy") == value(high, "us-ask-3.5pct", 2025, "nominal_gdp_jpy")
    # high-growth: FY2026 3.4%, FY2027 2.7% (data/gdp.csv)
    assert value(high, "us-ask-3.5pct", 2027, "nominal_gdp_jpy") == pytest.approx(GDP_FY2025 * 1.034 * 1.027)
    assert value(high, "us-ask-3.5pct", 2035, "spending_jpy") > value(base, "us-ask-3.5pct", 2035, "spending_jpy")


@pytest.mark.parametrize("growth", ["0.02", "2 %", "2%"])
def test_growth(capsys, growth):
    df = frame(capsys, "--scenario", "us-ask-3.5pct", "--growth", growth)
    assert value(df, "us-ask-3.5pct", 2030, "nominal_gdp_jpy") == pytest.approx(GDP_FY2025 * 1.02**5)
    assert value(df, "us-ask-3.5pct", 2035, "spending_jpy") == pytest.approx(0.035 * GDP_FY2025 * 1.02**10)


FY2026_SECURITY = 9.0353e12 + (9.9e12 - 8.7005e12)  # estimate: FY2026 MOD + FY2025 non-MOD items


def test_inflation_and_fx(capsys):
    df = frame(capsys, "--scenario", "hold-flat", "--inflation", "5 %", "--fx", "100")
    # the assumed inflation applies after FY2025, the last year of the bundled deflator
    assert value(df, "hold-flat", 2030, "spending_real_jpy") == pytest.approx(FY2026_SECURITY / 1.05**5)
    assert value(df, "hold-flat", 2030, "spending_usd") == pytest.approx(FY2026_SECURITY / 100)
    df = frame(capsys, "--scenario", "hold-flat", "--fx", "150 JPY/USD")
    assert value(df, "hold-flat", 2030, "spending_usd") == pytest.approx(FY2026_SECURITY / 150)


def test_denominator_scope_until_since_measure(capsys):
    df = frame(capsys, "--scenario", "original-fy2027", "--denominator", "same-year")
    assert set(df["denominator"]) == {"same-year"}
    assert value(df, "original-fy2027", 2030, "share_of_gdp") == pytest.approx(0.02)
    df = frame(capsys, "--scenario", "original-fy2027", "--scope", "mod-budget")
    assert set(df["scope"]) == {"mod-budget"}
    assert value(df, "original-fy2027", 2024, "spending_jpy") == pytest.approx(7.9496e12)
    enacted = df[(df["fiscal_year"] == 2026) & (df["measure"] == "spending_jpy")]
    assert enacted["status"].tolist() == ["actual"], "FY2026 MOD budget was enacted unamended"
    assert enacted["value"].tolist() == [pytest.approx(9.0353e12)]
    df = frame(capsys, "--until", "2030", "--since", "2020", "--measure", "nominal_gdp_jpy")
    assert (df["fiscal_year"].min(), df["fiscal_year"].max()) == (2020, 2030)
    assert set(df["measure"]) == {"nominal_gdp_jpy"}


# ----------------------------------------------------------------------------------------------
# scenarios, history
# ----------------------------------------------------------------------------------------------
def test_scenarios_lists_the_builtins(capsys):
    code, out, _ = cli(capsys, "scenarios")
    assert code == 0
    for name, target, year in [("original-fy2027", "2.0%", "FY2027"), ("accelerated-fy2025", "2.0%", "FY2025"),
                               ("us-ask-3.5pct", "3.5%", "FY2035")]:
        block = out.split(f"{name}:")[1].split("\n\n")[0]
        assert f"target {target} of GDP in {year}" in block
        assert "sources:" in block and "http" in block
    assert "hold-flat:" in out
    code, out, _ = cli(capsys, "scenarios", "--format", "csv")
    df = pd.read_csv(io.StringIO(out))
    assert df["name"].tolist() == list(BUILTIN_ORDER)
    assert df["description"].str.len().min() > 20 and df["sources"].str.contains("http").all()


@pytest.mark.parametrize("fmt", ["csv", "table"])
def test_history(capsys, fmt):
    code, out, _ = cli(capsys, "history", "--format", fmt, "--series", "mod_budget_initial")
    assert code == 0
    header = out.splitlines()[0]
    if fmt == "csv":
        assert header.startswith("series,fiscal_year,value,unit,source")
        df = pd.read_csv(io.StringIO(out))
        assert set(df["series"]) == {"mod_budget_initial"} and len(df) >= 15
    else:
        cols = header.split()
        assert [c for c in cols if c in {"series", "fiscal_year", "value", "unit", "source"}] == [
            "series", "fiscal_year", "value", "unit", "source"]
        assert "FY2026" in out and "9.0353" in out


# ----------------------------------------------------------------------------------------------
# Bad input: exit 2, one stderr line naming the field and the value, no traceback
# ----------------------------------------------------------------------------------------------
SCENARIO_FILES = {
    "early.yaml": "name: early\ntarget_share: 0.02\ntarget_year: 2023\n",
    "late.yaml": "name: late\ntarget_share: 0.02\ntarget_year: 2101\n",
    "share0.yaml": "name: s\ntarget_share: 0\ntarget_year: 2030\n",
    "share1.yaml": "name: s\ntarget_share: 1\ntarget_year: 2030\n",
    "share15.yaml": "name: s\ntarget_share: 1.5\ntarget_year: 2030\n",
    "shareneg.yaml": "name: s\ntarget_share: -0.1\ntarget_year: 2030\n",
    "empty.yaml": "",
    "malformed.yaml": "name: [unclosed\n  target_share: 0.02\n",
    "list.yaml": "- name: x\n",
    "unknown.yaml": "name: x\ntarget_share: 0.02\ntarget_year: 2030\ncolour: red\n",
    "wrongtype.yaml": "name: x\ntarget_share: 0.02\ntarget_year: soon\n",
    "big.yaml": "# padding\n" * 7000,
}
BAD = [
    (["--scenario", "no-such"], ["scenario", "no-such"]),
    (["--preset", "no-such-preset"], ["--preset", "no-such-preset"]),
    (["--scenario", "{tmp}/early.yaml"], ["target_year", "2023"]),
    (["--scenario", "{tmp}/late.yaml"], ["target_year", "2101"]),
    (["--until", "2101"], ["until", "2101"]),
    (["--until", "soon"], ["until", "soon"]),
    (["--scenario", "{tmp}/share0.yaml"], ["target_share", "0"]),
    (["--scenario", "{tmp}/share1.yaml"], ["target_share", "1"]),
    (["--scenario", "{tmp}/share15.yaml"], ["target_share", "1.5"]),
    (["--scenario", "{tmp}/shareneg.yaml"], ["target_share", "-0.1"]),
    (["--growth=-1"], ["growth", "-1"]),
    (["--growth=-150%"], ["growth", "-1.5"]),
    (["--fx", "0"], ["--fx: '0'"]),
    (["--fx=-5"], ["--fx: '-5'"]),
    (["--growth", "3 furlongs"], ["growth", "3 furlongs"]),
    (["--fx", "150 EUR"], ["fx", "150 EUR"]),
    (["--inflation", "lots"], ["inflation", "lots"]),
    (["--denominator", "gnp"], ["denominator", "gnp"]),
    (["--scope", "navy"], ["scope", "navy"]),
    (["--format", "xml"], ["format", "xml"]),
    (["--growth-override", "2030"], ["--growth-override", "2030"]),
    (["--measure", "foo"], ["measure", "foo"]),
    (["--since", "1990"], ["since", "1990"]),
    (["--since", "2050"], ["since", "2050"]),
    (["--until", "2020"], ["until", "2020"]),
    (["--growth-override=2030=-200%"], ["--growth-override", "-200%"]),
    (["--growth-override=1999=1%"], ["--growth-override", "1999"]),
    (["--scenario", "{tmp}/missing.yaml"], ["scenario file", "missing.yaml"]),
    (["--scenario", "{tmp}/empty.yaml"], ["empty.yaml", "empty"]),
    (["--scenario", "{tmp}/malformed.yaml"], ["malformed.yaml", "malformed YAML"]),
    (["--scenario", "{tmp}/list.yaml"], ["scenario", "list"]),
    (["--scenario", "{tmp}/unknown.yaml"], ["colour", "red"]),
    (["--scenario", "{tmp}/wrongtype.yaml"], ["target_year", "soon"]),
    (["--scenario", "{tmp}/garbage.yaml"], ["garbage.yaml", "binary"]),
    (["--scenario", "{tmp}/big.yaml"], ["big.yaml", "bytes"]),
]


@pytest.fixture
def scenario_dir(tmp_path: Path) -> Path:
    for name, text in SCENARIO_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "garbage.yaml").write_bytes(bytes(range(256)) * 3)
    return tmp_path


def assert_one_line_error(code: int, out: str, err: str, needles: list[str]) -> None:
    assert code == 2, (code, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got: {err!r}"
    assert "Traceback" not in err and lines[0].startswith("spendcalc")
    for needle in needles:
        assert needle in lines[0], f"{needle!r} not in {lines[0]!r}"


@pytest.mark.parametrize(("args", "needles"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input(capsys, scenario_dir, args, needles):
    args = [a.replace("{tmp}", str(scenario_dir)) for a in args]
    code, out, err = cli(capsys, "project", *args)
    assert_one_line_error(code, out, err, needles)


def test_hostile_scenario_file_is_not_executed(capsys, tmp_path):
    marker = tmp_path / "pwned"
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    code, out, err = cli(capsys, "project", "--scenario", str(hostile))
    assert_one_line_error(code, out, err, ["hostile.yaml"])
    nested = tmp_path / "nested.yaml"
    nested.write_text(f'name: !!python/object/apply:os.system ["touch {marker}"]\ntarget_share: 0.02\n'
                      "target_year: 2030\n", encoding="utf-8")
    code, out, err = cli(capsys, "project", "--scenario", str(nested))
    assert_one_line_error(code, out, err, ["nested.yaml"])
    assert not marker.exists(), "a YAML tag executed code"


# ----------------------------------------------------------------------------------------------
# Real processes: python -m spendcalc and the console script
# ----------------------------------------------------------------------------------------------
def console_script() -> str:
    found = shutil.which("spendcalc")
    path = Path(found) if found else Path(sys.executable).parent / "spendcalc"
    assert path.is_file(), "the spendcalc console script is not installed in the environment"
    return str(path)


@pytest.mark.slow
def test_python_dash_m(tmp_path):
    out = subprocess.run([sys.executable, "-m", "spendcalc", "project", "--scenario", "original-fy2027",
                          "--until", "2027"], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == HEADER
    df = pd.read_csv(io.StringIO(out.stdout))
    assert value(df, "original-fy2027", 2027, "spending_jpy") == pytest.approx(11.2e12)


@pytest.mark.slow
def test_console_script(tmp_path):
    out = subprocess.run([console_script(), "scenarios", "--format", "csv"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=60)
    assert out.returncode == 0, out.stderr
    assert pd.read_csv(io.StringIO(out.stdout))["name"].tolist() == list(BUILTIN_ORDER)


@pytest.mark.slow
def test_console_script_hostile_file(tmp_path):
    marker = tmp_path / "pwned"
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(f'!!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    out = subprocess.run([console_script(), "project", "--scenario", str(hostile)], capture_output=True,
                         text=True, cwd=tmp_path, timeout=60)
    assert_one_line_error(out.returncode, out.stdout, out.stderr, ["hostile.yaml"])
    assert not marker.exists()
    out = subprocess.run([console_script(), "project", "--fx=-5"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=60)
    assert_one_line_error(out.returncode, out.stdout, out.stderr, ["--fx: '-5'"])


def test_basis_and_vintage(capsys):
    df = frame(capsys, "--scenario", "original-fy2027", "--basis", "with-supplementary")
    assert set(df["basis"]) == {"with-supplementary"}
    assert value(df, "original-fy2027", 2025, "spending_jpy") == pytest.approx(11e12)
    old = frame(capsys, "--scenario", "us-ask-3.5pct", "--vintage", "esri-2025q1",
                "--preset", "cao-2025jan-past-projection")
    new = frame(capsys, "--scenario", "us-ask-3.5pct")
    assert value(old, "us-ask-3.5pct", 2024, "nominal_gdp_jpy") < value(new, "us-ask-3.5pct", 2024, "nominal_gdp_jpy")


def test_growth_override_holds_until_the_next_one(capsys):
    df = frame(capsys, "--scenario", "us-ask-3.5pct", "--until", "2034",
               "--growth-override", "2030=0%", "--growth-override", "2033=5 %")
    gdp = {y: value(df, "us-ask-3.5pct", y, "nominal_gdp_jpy") for y in range(2029, 2035)}
    assert gdp[2030] == gdp[2029] and gdp[2032] == gdp[2029]  # 0% from FY2030 until FY2033
    assert gdp[2033] == pytest.approx(gdp[2032] * 1.05) and gdp[2034] == pytest.approx(gdp[2033] * 1.05)
    base = frame(capsys, "--scenario", "us-ask-3.5pct", "--until", "2034")
    assert value(base, "us-ask-3.5pct", 2029, "nominal_gdp_jpy") == gdp[2029]  # earlier years untouched


def test_fx_history_uses_the_annual_average_for_past_years(capsys):
    stated = frame(capsys, "--scenario", "original-fy2027", "--fx", "150", "--fx-rate-for-actuals", "stated")
    hist = frame(capsys, "--scenario", "original-fy2027", "--fx", "150", "--fx-history",
                 "--fx-rate-for-actuals", "stated")
    fx2024 = 151.4551  # Federal Reserve G.5A 2024 average (data/fx.csv)
    assert value(hist, "original-fy2027", 2024, "spending_usd") == pytest.approx(8.9e12 / fx2024)
    assert value(stated, "original-fy2027", 2024, "spending_usd") == pytest.approx(8.9e12 / 150)
    assert value(hist, "original-fy2027", 2027, "spending_usd") == pytest.approx(
        value(stated, "original-fy2027", 2027, "spending_usd"))


def test_fiscal_year_averages_for_actual_years_by_default(capsys):
    default = frame(capsys, "--scenario", "original-fy2027", "--fx", "150")
    fy2024 = 152.4892  # mean of the BOJ monthly averages April 2024 - March 2025 (data/fx.csv)
    assert value(default, "original-fy2027", 2024, "spending_usd") == pytest.approx(8.9e12 / fy2024)
    mod = frame(capsys, "--scenario", "original-fy2027", "--scope", "mod-budget")
    assert value(mod, "original-fy2027", 2012, "spending_usd") == pytest.approx(4.7138e12 / 83.0533)
    assert value(default, "original-fy2027", 2027, "spending_usd") == pytest.approx(11.2e12 / 150)
    # --fx-history wins where it applies (calendar-year average), the stated rate after
    both = frame(capsys, "--scenario", "original-fy2027", "--fx", "150", "--fx-history")
    assert value(both, "original-fy2027", 2024, "spending_usd") == pytest.approx(8.9e12 / 151.4551)
    code, out, err = cli(capsys, "project", "--fx-rate-for-actuals", "daily")
    assert code == 2 and "--fx-rate-for-actuals" in err


def test_baseline_flag(capsys):
    common = frame(capsys, "--scenario", "original-fy2027", "--scenario", "us-ask-3.5pct")
    own = frame(capsys, "--scenario", "original-fy2027", "--scenario", "us-ask-3.5pct", "--baseline", "own")
    for name in ("original-fy2027", "us-ask-3.5pct"):
        assert value(common, name, 2030, "baseline_spending_jpy") == pytest.approx(11e12)
        assert value(own, name, 2030, "baseline_spending_jpy") == pytest.approx(FY2026_SECURITY)
    code, out, err = cli(capsys, "project", "--scenario", "hold-flat", "--baseline", "own")
    assert "hold-flat: extra yen (gap_to_baseline_jpy) are measured against the baseline own: " in err
    code, out, err = cli(capsys, "project", "--baseline", "mine")
    assert code == 2 and "--baseline" in err


def test_mod_budget_scope_warns_that_the_target_is_applied_to_the_mod_budget(capsys):
    code, out, err = cli(capsys, "project", "--scenario", "original-fy2027", "--scope", "mod-budget")
    assert code == 0 and out.startswith(HEADER)
    assert "note: original-fy2027: the 2.0% target is applied to the MOD defense budget alone" in err
    code, out, err = cli(capsys, "project", "--scenario", "original-fy2027")
    assert "MOD defense budget" not in err


def test_every_command_module_is_in_the_one_list():
    """spendcalc/cli/: each module other than options/parser is a command group in COMMANDS."""
    from spendcalc import cli

    modules = {p.stem for p in Path(cli.__file__).parent.glob("*.py")} - {"__init__", "options", "parser"}
    assert {m.__name__.rsplit(".", 1)[1] for m in cli.COMMANDS} == modules
    commands = set(cli.build_parser()._subparsers._group_actions[0].choices)
    assert commands == {"project", "answer", "scenarios", "history", "claims", "chart", "simulate", "bridge", "convert", "sipri"}


def test_verdict_choices_are_the_claims_verdicts():
    from spendcalc import claims, schema

    assert schema.VERDICTS == claims.VERDICTS


@pytest.mark.slow
def test_project_command_imports_only_what_it_needs():
    """The speed target's command loads no plotting library, claims audit or progress bar."""
    code = ("import io, sys, contextlib; from spendcalc.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            "    assert main(['project', '--scenario', 'us-ask-3.5pct', '--format', 'csv']) == 0\n"
            "print(' '.join(sorted(sys.modules)))")
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                check=True, cwd=Path(__file__).resolve().parents[1]).stdout.split())
    assert "spendcalc.cli.project" in loaded
    for heavy in ("matplotlib", "spendcalc.charts", "spendcalc.claims", "tqdm", "streamlit"):
        assert heavy not in loaded, heavy
