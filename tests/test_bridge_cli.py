"""spendcalc bridge / convert on the command line: outputs, the chart, hostile input (exit 2,
one line)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from spendcalc import charts, cli


def run(argv, capsys):
    rc = cli.main(argv)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_bridge_table_walks_to_11_trillion(capsys):
    rc, out, err = run(["bridge", "--year", "2025", "--format", "table"], capsys)
    assert rc == 0 and not err
    assert "8.4748" in out and "8.7005" in out and "9.9000" in out and "11.0000" in out
    assert "rounding / unexplained residual" in out


def test_bridge_csv_and_json(capsys):
    rc, out, _ = run(["bridge", "--year", "FY2025", "--format", "csv"], capsys)
    assert rc == 0
    df = pd.read_csv(io.StringIO(out), comment="#")
    assert df["value_jpy"].iloc[-1] == pytest.approx(11e12)
    assert not df["component"].str.startswith(("=", "+")).any()  # the safe writer quotes formulas
    rc, out, _ = run(["bridge", "--year", "2024", "--basis", "initial", "--format", "json"], capsys)
    payload = json.loads(out)
    assert payload["rows"][-1]["value_jpy"] == pytest.approx(8.9e12)
    assert payload["rows"][-1]["component"].startswith("= security-related")


def test_convert_outputs(capsys):
    rc, out, _ = run(["convert", "3.5 %", "--year", "2024", "--calendar", "--vintage",
                      "esri-first-estimate"], capsys)
    assert rc == 0 and "21.325 trillion JPY" in out and "CY2024" in out
    rc, out, _ = run(["convert", "11 trillion JPY", "--year", "2025", "--format", "csv"], capsys)
    df = pd.read_csv(io.StringIO(out))
    assert df.set_index("quantity").loc["share_of_gdp_fixed_fy2022", "value"] == pytest.approx(11 / 560)
    rc, out, _ = run(["convert", "0.02", "--year", "2024", "--format", "json"], capsys)
    assert json.loads(out)[0]["quantity"] == "input_share_of_gdp"


@pytest.mark.parametrize("argv", [
    ["bridge", "--year", "2023"],
    ["bridge", "--year", "abc"],
    ["bridge", "--year", "2025", "--basis", "both"],
    ["bridge", "--year", "2025", "--format", "xml"],
    ["bridge", "--year", "2025", "--vintage", "nope"],
    ["bridge"],
    ["convert", "3.5", "--year", "2024"],
    ["convert", "3.5 USD", "--year", "2024"],
    ["convert", "5 kg", "--year", "2024"],
    ["convert", "1,5 %", "--year", "2024"],
    ["convert", "=1+1", "--year", "2024"],
    ["convert", "3.5 %", "--year", "1800"],
    ["convert", "3.5 %", "--year", "2005"],
    ["convert", "3.5 %", "--year", "FY2024", "--calendar"],
    ["convert", "3.5 %", "--year", "2022", "--calendar"],
    ["convert", "3.5 %", "--year", "2024", "--calendar", "--vintage", "esri-2026q2"],
    ["convert", "3.5 %", "--year", "2024", "--vintage", "esri-first-estimate"],
    ["convert", "3.5 %"],
    ["convert", "\x1b[31m3 %", "--year", "2024"],
])
def test_hostile_input_exit_2_one_line(argv, capsys):
    rc, out, err = run(argv, capsys)
    assert rc == 2, (argv, out, err)
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("spendcalc"), err
    assert "\x1b" not in err


def test_errors_name_the_flag(capsys):
    _, _, err = run(["bridge", "--year", "2023"], capsys)
    assert "--year" in err and "FY2024" in err
    _, _, err = run(["convert", "3.5 %", "--year", "2024", "--calendar", "--vintage", "esri-2026q2"], capsys)
    assert "--vintage" in err and "esri-first-estimate" in err


def test_bridge_chart_draws_every_published_year():
    from spendcalc import api

    for year in (2024, 2025, 2026, 2027):
        table = api.bridge(year)
        ax = charts.plot_bridge(table)
        fig = ax.get_figure(root=True)
        drawn = [p for p in ax.patches]
        assert len(drawn) == int(table["value_jpy"].notna().sum())
        assert charts.NOTE_GID in {t.get_gid() for t in fig.texts}
    assert charts.BRIDGE_CHART_KEY.format(year=2025) == "07-bridge-FY2025"


def test_chart_command_writes_the_bridge_of_a_chosen_year(tmp_path, capsys):
    rc, out, err = run(["chart", "--out", str(tmp_path), "--simulate", "none", "--bridge-year", "2024"],
                       capsys)
    assert rc == 0, err
    assert (tmp_path / "07-bridge-FY2024.png").read_bytes()[:4] == b"\x89PNG"
    df = pd.read_csv(tmp_path / "07-bridge-FY2024.csv", comment="#")
    assert df["value_jpy"].iloc[0] == pytest.approx(7.7249e12)
    rc, _, err = run(["chart", "--out", str(tmp_path / "x"), "--bridge-year", "2019"], capsys)
    assert rc == 2 and "--bridge-year" in err and not (tmp_path / "x").exists()
