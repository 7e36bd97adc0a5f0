"""``spendcalc chart``: every chart in every format, PNG width, CSV headers, one-line errors."""

import os
import struct
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from spendcalc import charts, cli  # noqa: E402
from spendcalc.cli.chart import csv_header  # noqa: E402
from spendcalc.output import read_comments  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FIVE = ["01-spending-trillion-yen", "02-share-of-gdp-with-claims",
        "03-denominator-gap-accelerated-fy2025", "04-extra-yen-vs-baseline", "05-spending-usd"]
SIX = [*FIVE, "06-share-fan-us-ask-3.5pct"]  # the default set includes the fan chart
BRIDGE = "07-bridge-FY2025"  # the scope waterfall, default year (tests in test_bridge_cli.py)


def _png_size(path):
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _check_csv(path, value_column="value"):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = read_comments(text)  # rows "#,<line>" (quoted where needed)
    assert comments[0].startswith("spendcalc chart ")
    assert all(ln.startswith("#,") for ln in lines[:len(comments)])
    joined = " ".join(comments)
    assert "data/README.md" in joined and "denominator" in joined.lower()
    body = lines[len(comments):]
    assert body[0].split(",")[:2] == ["scenario", "fiscal_year"]
    df = pd.read_csv(path, comment="#")
    assert len(df) > 0 and value_column in df.columns
    return df


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_writes_every_chart_in_every_format(tmp_path, capsys):
    rc = cli.main(["chart", "--out", str(tmp_path), "--format", "png,svg,pdf"])
    assert rc == 0
    printed = capsys.readouterr().out.split()
    for key in SIX:
        for ext, magic in (("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")):
            path = tmp_path / f"{key}.{ext}"
            assert path.read_bytes()[:len(magic)] == magic, path
            assert str(path) in printed
        width, height = _png_size(tmp_path / f"{key}.png")
        assert width >= 1000 and height > 400
        _check_csv(tmp_path / f"{key}.csv", "p50" if "fan" in key else "value")
    assert len(printed) == (len(SIX) + 1) * 4
    fan = _check_csv(tmp_path / "06-share-fan-us-ask-3.5pct.csv", "p50")
    assert {"p5", "p50", "p95"} <= set(fan.columns)
    # the data file behind the spending chart holds exactly the spending rows
    df = pd.read_csv(tmp_path / "01-spending-trillion-yen.csv", comment="#")
    assert set(df["measure"]) == {"spending_jpy"} and set(df["unit"]) == {"JPY"}


@pytest.mark.slow  # > 1 s (measured with --durations)
def test_dpi_and_scenario_options(tmp_path, capsys):
    rc = cli.main(["chart", "--out", str(tmp_path), "--dpi", "150", "--scenario", "us-ask-3.5pct",
                   "--scenario", "hold-flat", "--growth", "0.01"])
    assert rc == 0
    capsys.readouterr()
    assert _png_size(tmp_path / "01-spending-trillion-yen.png")[0] == 1500
    assert not list(tmp_path.glob("*.svg")) and not list(tmp_path.glob("*.pdf"))
    assert (tmp_path / "03-denominator-gap-us-ask-3.5pct.png").exists()
    df = _check_csv(tmp_path / "05-spending-usd.csv")
    assert set(df["scenario"]) == {"us-ask-3.5pct", "hold-flat"}
    header = read_comments((tmp_path / "05-spending-usd.csv").read_text())
    assert any("constant nominal growth 1.00%/yr" in ln for ln in header)


@pytest.mark.parametrize("args, field", [
    (["--format", "png,gif"], "--format"),
    (["--format", ""], "--format"),
    (["--dpi", "20"], "--dpi"),
    (["--dpi", "5000"], "--dpi"),
    (["--dpi", "high"], "--dpi"),
])
def test_bad_options_exit_2_with_one_line(tmp_path, capsys, args, field):
    rc = cli.main(["chart", "--out", str(tmp_path / "x"), *args])
    assert rc == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"spendcalc: error: {field}:")
    assert not (tmp_path / "x").exists()


def test_csv_header_lines():
    text = csv_header("k", charts.SOURCES, {"s1": {"title": "T, =1+1", "scope": "mod-budget"}})
    assert all(line.startswith("#,") for line in text.splitlines())
    assert "s1: title=T, =1+1; scope=mod-budget" in read_comments(text)


@pytest.mark.slow
def test_subprocess_python_m(tmp_path):
    env = {**os.environ, "MPLBACKEND": ""}
    env.pop("MPLBACKEND")
    out = subprocess.run([sys.executable, "-m", "spendcalc", "chart", "--out", str(tmp_path),
                          "--format", "svg,png"], capture_output=True, text=True, cwd=REPO, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    paths = out.stdout.split()
    assert len(paths) == (len(SIX) + 1) * 3
    assert all(Path(p).exists() for p in paths)
    bad = subprocess.run([sys.executable, "-m", "spendcalc", "chart", "--out", str(tmp_path),
                          "--dpi", "0"], capture_output=True, text=True, cwd=REPO, env=env,
                         timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "dpi" in bad.stderr


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_fan_chart_choice(tmp_path, capsys):
    rc = cli.main(["chart", "--out", str(tmp_path / "none"), "--simulate", "none"])
    assert rc == 0 and not list((tmp_path / "none").glob("06-*"))
    rc = cli.main(["chart", "--out", str(tmp_path / "fixed"), "--scenario", "original-fy2027",
                   "--paths", "2000"])
    assert rc == 0
    capsys.readouterr()
    # auto picks the only scenario with a target; its fixed-basis yen are tested on same-year GDP
    fan = _check_csv(tmp_path / "fixed" / "06-share-fan-original-fy2027.csv", "p50")
    share = fan[fan["measure"] == "share_of_gdp"].set_index("fiscal_year")
    assert share.loc[2030, "p5"] < share.loc[2030, "p95"]


@pytest.mark.slow  # > 1 s: writes the chart set
def test_japanese_chart_set_has_real_japanese_text(tmp_path, capsys):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "Glyph ... missing from font"
        rc = cli.main(["chart", "--out", str(tmp_path), "--lang", "ja", "--format", "svg",
                       "--simulate", "none", "--jobs", "1"])
    assert rc == 0
    capsys.readouterr()
    svg = (tmp_path / "02-share-of-gdp-with-claims.svg").read_text(encoding="utf-8")
    assert "防衛費の対GDP比" in svg and "年度（4月〜翌年3月）" in svg  # text, not paths
    csv = pd.read_csv(tmp_path / "01-spending-trillion-yen.csv", comment="#")
    assert list(csv.columns[:2]) == ["scenario", "fiscal_year"]  # CSV columns stay English


def test_bad_lang_and_jobs_exit_2(tmp_path, capsys):
    for args, field in ((["--lang", "fr"], "--lang"), (["--jobs", "0"], "--jobs")):
        rc = cli.main(["chart", "--out", str(tmp_path / "x"), *args])
        assert rc == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"error: {field}:" in err
        assert not (tmp_path / "x").exists()


@pytest.mark.slow  # > 1 s: writes the chart set twice
def test_two_processes_write_the_same_images(tmp_path, capsys):
    for jobs in ("1", "2"):
        assert cli.main(["chart", "--out", str(tmp_path / jobs), "--format", "png,pdf",
                         "--simulate", "none", "--scenario", "hold-flat", "--scenario",
                         "us-ask-3.5pct", "--jobs", jobs]) == 0
    printed = capsys.readouterr().out.split()
    one, two = sorted((tmp_path / "1").iterdir()), sorted((tmp_path / "2").iterdir())
    assert [p.name for p in one] == [p.name for p in two] and len(printed) == 2 * len(one)
    for a, b in zip(one, two, strict=True):
        if a.suffix == ".png":
            assert a.read_bytes() == b.read_bytes(), a.name
        if a.suffix == ".pdf":
            assert b.read_bytes()[:5] == b"%PDF-" and b.stat().st_size > 10_000
