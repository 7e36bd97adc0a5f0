"""Hostile input and output: YAML bombs and tricks, hostile text, CSV/Markdown/terminal
injection, mathtext in titles, and chart output that is written whole or not at all.

Every bad input must end in one SpendcalcError (exit 2 and one line on the CLI) within a couple
of seconds and a few megabytes, never in a traceback, a hang, or a silently different value.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

import spendcalc
from spendcalc import charts, cli
from spendcalc.assumptions import Scenario, Source
from spendcalc.errors import SpendcalcError
from spendcalc.output import (
    FORMULA_START,
    json_text,
    markdown_text,
    read_comments,
    safe_cell,
    terminal_text,
    write_csv,
)
from spendcalc.scenarios import MAX_DEPTH, load_yaml, scenario_from_yaml, scenario_to_yaml
from spendcalc.text import check_text, excerpt

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = "name: mine\ntarget_share: 0.03\ntarget_year: 2030\n"
INJECTION = "=cmd|' /C calc'!A0, @SUM(1), +1+1, -2+3, \"quoted\", tab"
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def laughs(levels: int = 9) -> str:
    """The "billion laughs" anchors: level k is nine aliases of level k-1 (9**levels strings)."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{k}: &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, levels)]
    return "\n".join(lines)


def bomb_in(field: str) -> str:
    """A ~600-byte scenario file whose ``field`` refers to the last level of the bomb."""
    defs = "\n".join("  " + line for line in laughs().splitlines())
    body = {"title": f"{MINIMAL}title: *l8\n", "target_share": "name: x\ntarget_share: *l8\ntarget_year: 2030\n",
            "name": "name: *l8\ntarget_share: 0.03\ntarget_year: 2030\n",
            "sources": f"{MINIMAL}sources: *l8\n", "unknown": f"{MINIMAL}colour: *l8\n",
            "description": f"{MINIMAL}description: *l8\n"}[field]
    return f"{body}defs:\n{defs}\n" if field != "unknown" else f"defs:\n{defs}\n{body}"


def assert_fast_small_error(fn, *args, field=None, contains=None, **kwargs) -> SpendcalcError:
    """``fn`` raises one short SpendcalcError within 2 s and 10 MB of Python allocations."""
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        with pytest.raises(SpendcalcError) as err:
            fn(*args, **kwargs)
    finally:
        elapsed = time.perf_counter() - t0
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    msg = str(err.value)
    assert elapsed < 2.0, f"took {elapsed:.2f} s: {msg}"
    assert peak < 10 * 2**20, f"peak {peak / 2**20:.1f} MiB: {msg}"
    assert len(msg) < 300 and "\n" not in msg, msg
    if field is not None:
        assert err.value.field == field, msg
    if contains is not None:
        assert contains in msg, msg
    return err.value


# ----------------------------------------------------------------------------------------------
# YAML: bombs, depth, duplicates, tags, strict scalars
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("field", ["title", "target_share", "name", "sources", "unknown", "description"])
def test_billion_laughs_fails_fast_in_every_field(field):
    text = bomb_in(field)
    assert len(text) < 1000
    assert_fast_small_error(scenario_from_yaml, text, contains="YAML anchors/aliases are not allowed")


def test_billion_laughs_in_an_app_link_token():
    app = _app_module()
    token = app.encode_yaml(bomb_in("title"))
    text = app.decode_yaml(token)
    assert_fast_small_error(spendcalc.scenario_from_yaml, text, where="uploaded scenario in the link",
                            contains="anchors/aliases")


def test_single_anchor_or_alias_is_refused_too():
    assert_fast_small_error(scenario_from_yaml, MINIMAL + "title: &t plain\n", contains="anchor &t")
    assert_fast_small_error(scenario_from_yaml, MINIMAL + "title: *nowhere\n", contains="alias")


@pytest.mark.parametrize("text", [
    "a: " + "[" * 5000 + "]" * 5000,
    "a: " + "{b: " * 5000 + "1" + "}" * 5000,
    "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "x: 1\n",
    "- " * 3000 + "x\n",
])
@pytest.mark.slow  # > 1 s (measured with --durations)
def test_deep_nesting_is_refused_not_a_recursion_error(text):
    assert_fast_small_error(load_yaml, text, where="scenario file", contains=f"deeper than {MAX_DEPTH}")


def test_nesting_within_the_limit_loads():
    depth = MAX_DEPTH - 1  # lists inside the top mapping: MAX_DEPTH levels in all
    value = load_yaml("a: " + "[" * depth + "]" * depth, where="w")["a"]
    for _ in range(depth - 1):
        (value,) = value
    assert value == []


@pytest.mark.parametrize(("text", "key", "line"), [
    (MINIMAL + "title: one\ntitle: two\n", "title", 5),
    ("name: a\nname: b\ntarget_share: 0.02\ntarget_year: 2030\n", "name", 2),
    (MINIMAL + "sources:\n- {title: a, url: '', title: b}\n", "title", 5),
    (MINIMAL.replace("target_share: 0.03\n", "target_share: 0.03\ntarget_share: 0.35\n"), "target_share", 3),
])
def test_duplicate_keys_name_the_key_and_line(text, key, line):
    err = assert_fast_small_error(scenario_from_yaml, text, contains=f"duplicate key '{key}'")
    assert f"at line {line}" in str(err)


@pytest.mark.parametrize("text", [
    "!!python/object/apply:os.system ['echo hi']\n",
    MINIMAL + "title: !!python/name:os.system ''\n",
    MINIMAL + "title: !foo bar\n",
    MINIMAL + "title: !!str plain\n",
    MINIMAL + "title: ! plain\n",
    "!!map\n" + MINIMAL,
    MINIMAL + "sources: !!seq []\n",
    MINIMAL + "sources: !<tag:example.org,2026:x> []\n",
    "%TAG !e! tag:example.org,2026:\n---\n" + MINIMAL + "title: !e!x t\n",
])
def test_any_tag_is_reported_as_a_tag(text):
    err = assert_fast_small_error(scenario_from_yaml, text, contains="a tag was found")
    assert "malformed" not in str(err)


@pytest.mark.parametrize("text", ["name: x\x00\n", "name: x\x1b[31m\n", "name: \ud800\n", "name: x\x85y\x07\n"])
def test_raw_special_characters_are_one_error(text):
    for data in (text, text.encode("utf-8", "surrogatepass")):
        assert_fast_small_error(scenario_from_yaml, data, field="scenario file")


def test_merge_keys_are_refused():
    assert_fast_small_error(scenario_from_yaml, "<<: {name: x}\ntarget_share: 0.03\ntarget_year: 2030\n",
                            contains="merge key")


@pytest.mark.parametrize(("value", "field"), [
    ("0755", "target_share"),  # YAML 1.1 octal: stays text, rejected by the field's own check
    ("1:30", "target_share"),  # YAML 1.1 sexagesimal (90)
    ("yes", "target_share"),   # YAML 1.1 boolean
])
def test_yaml_11_scalars_are_not_silently_converted(value, field):
    with pytest.raises(SpendcalcError) as err:
        scenario_from_yaml(f"name: x\ntarget_share: {value}\ntarget_year: 2030\n")
    assert err.value.field == field


@pytest.mark.parametrize("year", ["02030", "2_030", "0x7EE", "1" * 5000])
def test_odd_integers_are_field_errors_not_other_numbers(year):
    assert_fast_small_error(scenario_from_yaml, f"name: x\ntarget_share: 0.02\ntarget_year: {year}\n",
                            field="target_year")


def test_huge_scalar_in_an_error_is_cut_not_expanded():
    text = MINIMAL + "colour: " + "x" * 60_000 + "\n"
    err = assert_fast_small_error(scenario_from_yaml, text, field="scenario.colour")
    assert "x" * 50 not in str(err)


@pytest.mark.slow  # > 1 s (measured with --durations)
def test_structures_in_errors_are_named_by_type_only():
    big = "[" + ", ".join(["[1, 2, 3, 4, 5, 6, 7, 8, 9]"] * 500) + "]"
    for text in (MINIMAL + f"colour: {big}\n", f"name: x\ntarget_share: {big}\ntarget_year: 2030\n",
                 MINIMAL + f"sources: {{a: {big}}}\n", MINIMAL + f"title: {big}\n"):
        err = assert_fast_small_error(scenario_from_yaml, text)
        assert "[1, 2" not in str(err), str(err)


def test_bundled_yaml_loads_with_the_strict_loader():
    import yaml

    files = sorted((ROOT / "data").glob("*.yaml")) + sorted((ROOT / "data" / "scenarios").glob("*.yaml"))
    assert len(files) >= 8
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text, where=path.name, max_bytes=None) == yaml.safe_load(text), path


# ----------------------------------------------------------------------------------------------
# Free text: surrogates, controls, bidi, addresses — in every text field
# ----------------------------------------------------------------------------------------------
TEXT_FIELDS = ["title", "description", "sources[0].title", "sources[0].url", "sources[0].quote"]
BAD_TEXT = {"surrogate": "a\ud800b", "ansi": "\x1b[31mred\x1b[0m", "nul": "a\x00b", "bell": "a\x07",
            "c1": "a\x9bb", "bidi": "abc\u202edcba", "isolate": "a\u2066b", "cr": "a\rb"}


def _scenario_with(field: str, value: str) -> Scenario:
    if field.startswith("sources"):
        part = field.split(".")[1]
        src = {"title": "t", "url": "https://example.org/", "quote": "q"} | {part: value}
        return Scenario("x", 0.02, 2030, sources=(Source(**src),))
    return Scenario("x", 0.02, 2030, **{field: value})


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("kind", sorted(BAD_TEXT))
def test_hostile_text_is_refused_in_every_field(field, kind):
    err = assert_fast_small_error(_scenario_with, field, BAD_TEXT[kind], field=field)
    shown = str(err)
    assert "\x1b" not in shown and "\x00" not in shown and "\u202e" not in shown
    shown.encode("utf-8")  # no lone surrogate in the message itself


@pytest.mark.parametrize("field", ["name"])
@pytest.mark.parametrize("kind", sorted(BAD_TEXT))
def test_hostile_text_is_refused_as_a_name(field, kind):
    assert_fast_small_error(Scenario, BAD_TEXT[kind], 0.02, 2030, field="name")


@pytest.mark.parametrize("field", ["description", "sources[0].quote"])
def test_newlines_and_tabs_are_fine_in_multi_line_fields(field):
    assert _scenario_with(field, "line one\n\tline two")


@pytest.mark.parametrize("field", ["title", "sources[0].title"])
@pytest.mark.parametrize("text", ["a\nb", "a\tb"])
def test_one_line_fields_refuse_line_breaks_and_tabs(field, text):
    assert_fast_small_error(_scenario_with, field, text, field=field)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                                 "ftp://example.org/", "https://", "https://exa mple.org/", "//example.org"])
def test_source_addresses_must_be_http(url):
    assert_fast_small_error(_scenario_with, "sources[0].url", url, field="sources[0].url")


@pytest.mark.parametrize("field", ["title", "description", "sources"])
def test_yaml_escapes_for_control_characters_are_refused_with_the_key(field):
    value = '"\\e[31mred"' if field != "sources" else '[{title: "\\ud800"}]'
    err = assert_fast_small_error(scenario_from_yaml, f"{MINIMAL}{field}: {value}\n")
    assert "line 4" in str(err) and ("'title'" in str(err) or f"'{field}'" in str(err))


def test_bidi_override_in_a_yaml_title_names_the_field():
    err = assert_fast_small_error(scenario_from_yaml, f'{MINIMAL}title: "\\u202Eevil"\n')
    assert "'title'" in str(err) and "U+202E" in str(err)


def test_text_lengths_are_bounded():
    assert_fast_small_error(Scenario, "x", 0.02, 2030, title="t" * 201, field="title")
    assert check_text("f", "t" * 200, max_len=200)


def test_excerpt_never_expands():
    class Boom:
        def __repr__(self):
            raise AssertionError("repr must not be called")

    assert excerpt(Boom()) == "a Boom"
    assert excerpt("x" * 10_000).endswith("…") and len(excerpt("x" * 10_000)) < 50
    assert excerpt("\x1b[31m") == "\\x1b[31m"


# ----------------------------------------------------------------------------------------------
# Output: CSV injection, terminal, JSON, Markdown
# ----------------------------------------------------------------------------------------------
def live_formula_cells(text: str) -> list[str]:
    """Cells a spreadsheet would evaluate: text beginning with = + - @ tab CR, not a number."""
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row
            if cell.startswith(FORMULA_START) and not _NUMBER.fullmatch(cell)]


def test_safe_cell_rules():
    assert safe_cell("=1+1") == "'=1+1" and safe_cell("@SUM(1)") == "'@SUM(1)"
    assert safe_cell("+x") == "'+x" and safe_cell("-x") == "'-x" and safe_cell("\tx") == "'\tx"
    assert safe_cell("\rx") == "'\rx"
    assert safe_cell("-1.5") == "-1.5" and safe_cell("+2e3") == "+2e3" and safe_cell("plain") == "plain"
    assert safe_cell(-1.5) == -1.5


def test_write_csv_neutralises_cells_and_quotes_comment_lines():
    import pandas as pd

    df = pd.DataFrame({"=head": [INJECTION, "-1", "ok"], "value": [-1.0, 2.0, 3.0]})
    buf = io.StringIO()
    write_csv(buf, df, comments=[f"x: title={INJECTION}", "second, with comma"])
    text = buf.getvalue()
    assert live_formula_cells(text) == []
    assert read_comments(text) == [f"x: title={INJECTION}", "second, with comma"]
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["#", f"x: title={INJECTION}"], "a comment line is one cell after '#'"
    back = pd.read_csv(io.StringIO(text), comment="#")
    assert back.columns.tolist() == ["'=head", "value"] and back["value"].tolist() == [-1.0, 2.0, 3.0]
    assert back["'=head"].tolist()[1:] == [-1, "ok"] or back["'=head"].astype(str).tolist()[1:] == ["-1", "ok"]


def _hostile_file(tmp_path: Path, title: str, name: str = "hostile") -> Path:
    path = tmp_path / f"{name}.yaml"
    path.write_text(scenario_to_yaml(Scenario(name, 0.03, 2030, title=title,
                                              description=f"{title}\nmore", sources=(
                                                  Source(title, "https://example.org/?q==1", title),))),
                    encoding="utf-8")
    return path


def test_cli_project_csv_has_no_live_formulas(tmp_path, capsys):
    path = _hostile_file(tmp_path, INJECTION, name="-SUM.1")
    assert cli.main(["project", "--scenario", str(path), "--since", "2024", "--until", "2031"]) == 0
    out = capsys.readouterr().out
    assert live_formula_cells(out) == []
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["scenario"] for r in rows} == {"'-SUM.1"}, "the name is shown, neutralised"
    assert all(_NUMBER.fullmatch(r["value"]) for r in rows), "numbers are left as numbers"


def test_cli_scenarios_csv_has_no_live_formulas(capsys, monkeypatch):
    hostile = Scenario("x", 0.02, 2030, title=INJECTION, description="@SUM(1)",
                       sources=(Source("=1+1", "", "-cmd"),))
    monkeypatch.setattr(spendcalc.data, "builtin_scenarios", lambda: [hostile])
    assert cli.main(["scenarios", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert live_formula_cells(out) == [] and "'=cmd|" in out


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_chart_csvs_carry_a_hostile_title_safely(tmp_path, capsys):
    path = _hostile_file(tmp_path, f"between $5bn and $10bn {INJECTION}")
    out = tmp_path / "charts"
    rc = cli.main(["chart", "--out", str(out), "--scenario", str(path), "--scenario", "hold-flat",
                   "--simulate", "none", "--dpi", "50"])
    assert rc == 0, capsys.readouterr().err
    csvs = sorted(out.glob("*.csv"))
    assert len(csvs) == 6  # five charts of the scenarios + the scope waterfall 07-bridge-FY2025
    for p in csvs:
        text = p.read_text(encoding="utf-8")
        assert live_formula_cells(text) == [], p.name
        comments = read_comments(text)
        lines = text.splitlines()
        assert all(ln.startswith("#,") for ln in lines[:len(comments)])
        assert not lines[len(comments)].startswith("#")
    header = read_comments((out / "01-spending-trillion-yen.csv").read_text(encoding="utf-8"))
    assert any(f"hostile: title=between $5bn and $10bn {INJECTION}" in ln for ln in header), \
        "the title survives intact in one cell"


def test_app_csv_download_is_safe():
    from spendcalc import bundle

    hostile = Scenario("hostile", 0.03, 2030, title=INJECTION)
    tidy = spendcalc.project([hostile, "hold-flat"], until=2031)
    text = bundle.data_csv(tidy)  # the app's "Trajectories (CSV)" and the zip's data.csv
    assert live_formula_cells(text) == []
    meta = bundle.metadata(tidy, {}, version="x", url="u", accessed="d", methodology_note="")
    assert meta["methodology"]["hostile"]["title"] == INJECTION  # kept whole, as data in metadata.json


def test_terminal_text_escapes_controls():
    shown = terminal_text("a\x1b[31mb\x07\u202ec\ud800\n\td")
    assert shown == "a\\x1b[31mb\\x07\\u202ec\\ud800\n\td"
    assert terminal_text("a\nb", multiline=False) == "a\\x0ab"
    shown.encode("utf-8")


def test_cli_table_and_notes_escape_controls(capsys, monkeypatch):
    import pandas as pd

    cli.emit(pd.DataFrame({"title": ["\x1b[2J\x1b[31mred"], "v": [1.0]}), "table")
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\\x1b[31mred" in out
    # a note (caveat) carrying a scenario title reaches stderr escaped
    from spendcalc import model

    real = model.project

    def project(*args, **kwargs):
        tidy = real(*args, **kwargs)
        for meta in tidy.attrs["methodology"].values():
            meta["caveats"] = [*meta.get("caveats", []), "title \x1b]0;pwned\x07 here"]
        return tidy

    monkeypatch.setattr(model, "project", project)
    assert cli.main(["project", "--scenario", "hold-flat", "--since", "2025", "--until", "2026",
                     "--format", "table"]) == 0
    cap = capsys.readouterr()
    assert "\x1b" not in cap.err and "\x07" not in cap.err and "\\x1b]0;pwned" in cap.err
    assert "\x1b" not in cap.out


def test_cli_error_with_ansi_title_is_one_escaped_line(tmp_path, capsys):
    path = tmp_path / "ansi.yaml"
    path.write_text(MINIMAL + 'title: "\\e[2J\\e[31mred"\n', encoding="utf-8")
    assert cli.main(["project", "--scenario", str(path), "--format", "table"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "ANSI escape" in err


def test_json_output_never_fails_on_a_surrogate():
    text = json_text({"title": "a\ud800b", "ok": "対GDP比"})
    text.encode("utf-8")
    assert json.loads(text) == {"title": "a\ud800b", "ok": "対GDP比"}


def test_markdown_text_keeps_user_text_literal():
    link = "[click](https://evil.example) ![img](https://evil.example/x.png) <b>x</b> $x$ **b**"
    shown = markdown_text(link)
    assert "[click](" not in shown and "![img](" not in shown and "<b>" not in shown
    assert "\\[click\\]" in shown and "\\$x\\$" in shown and "https\\://" in shown
    assert markdown_text("snake_case.yaml: 2%") == "snake_case.yaml: 2%", "ordinary text unchanged"
    assert markdown_text("# heading\nline") == "\\# heading line"


# ----------------------------------------------------------------------------------------------
# Charts: user text drawn literally
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["between $5bn and $10bn", r"$\frac{1}{0}$", r"$\undefinedmacro{$",
                                   "cost: $ 5 ^ _ {x}"])
@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_chart_titles_are_drawn_literally(title):
    from matplotlib.text import Text

    sc = Scenario("mathy", 0.03, 2030, title=title)
    tidy = spendcalc.project([sc], until=2031)
    fig = charts.plot_spending(tidy).get_figure(root=True)  # outside chart_style on purpose
    fig2 = charts.plot_denominator_gap(tidy, "mathy").get_figure(root=True)
    for f in (fig, fig2):
        texts = [t for t in f.findobj(Text) if title in t.get_text().replace("\n", " ")]
        assert texts, "the title is drawn"
        for t in texts:
            assert t._preprocess_math(t.get_text()) == (t.get_text(), False), "no mathtext"
        for fmt in ("png", "svg", "pdf"):
            f.savefig(io.BytesIO(), format=fmt, dpi=40)


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_charts_survive_undrawable_text_in_a_frame():
    tidy = spendcalc.project(["hold-flat"], until=2030)
    tidy.attrs["methodology"]["hold-flat"]["title"] = "bad \ud800 \x1b[31m text"
    fig = charts.plot_spending(tidy).get_figure(root=True)
    for fmt in ("png", "svg", "pdf"):
        fig.savefig(io.BytesIO(), format=fmt, dpi=40)


# ----------------------------------------------------------------------------------------------
# chart --out: validated first, written whole or not at all
# ----------------------------------------------------------------------------------------------
def _one_line_exit_2(capsys, args, field="--out"):
    rc = cli.main(["chart", *args])
    cap = capsys.readouterr()
    assert rc == 2, cap
    assert cap.err.count("\n") == 1 and cap.err.startswith(f"spendcalc: error: {field}:"), cap.err
    assert "Traceback" not in cap.err and cap.out == ""
    return cap.err


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_out_empty_is_an_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _one_line_exit_2(capsys, ["--out", ""])
    _one_line_exit_2(capsys, ["--out", "   "])
    assert _leftovers(tmp_path) == []


def test_out_existing_file_is_an_error(tmp_path, capsys):
    f = tmp_path / "file.txt"
    f.write_text("keep")
    _one_line_exit_2(capsys, ["--out", str(f)])
    _one_line_exit_2(capsys, ["--out", str(f / "sub")])
    assert f.read_text() == "keep" and _leftovers(tmp_path) == ["file.txt"]


def test_out_under_dev_null_is_an_error_before_any_work(capsys):
    t0 = time.perf_counter()
    _one_line_exit_2(capsys, ["--out", "/dev/null/x"])
    assert time.perf_counter() - t0 < 1.0, "refused before projecting or drawing"


def test_bad_flags_are_checked_before_the_folder_is_created(tmp_path, capsys):
    target = tmp_path / "new" / "deeper"
    for args, field in ((["--dpi", "5"], "dpi"), (["--paths", "1"], "paths"),
                        (["--scenario", "no-such"], "scenario"), (["--growth", "lots"], "growth")):
        rc = cli.main(["chart", "--out", str(target), *args])
        err = capsys.readouterr().err
        assert rc == 2 and err.count("\n") == 1 and field in err, err
    assert _leftovers(tmp_path) == []


def test_failure_while_drawing_leaves_nothing(tmp_path, capsys, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("drawing failed")

    monkeypatch.setattr(charts, "brief_charts", boom)
    err = _one_line_exit_2(capsys, ["--out", str(tmp_path / "set"), "--scenario", "hold-flat",
                                    "--simulate", "none"], field="chart")
    assert "drawing failed" in err
    assert _leftovers(tmp_path) == []


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_failure_half_way_through_writing_leaves_no_partial_set(tmp_path, capsys, monkeypatch):
    from matplotlib.figure import Figure

    real = Figure.savefig
    calls = []

    def flaky(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", flaky)
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "notes.txt").write_text("mine")
    (existing / "01-spending-trillion-yen.png").write_bytes(b"old")
    for out in (tmp_path / "fresh" / "set", existing):
        err = _one_line_exit_2(capsys, ["--out", str(out), "--scenario", "hold-flat", "--simulate",
                                        "none", "--dpi", "50"])
        assert "No space left on device" in err
        calls.clear()
    assert _leftovers(tmp_path) == ["existing"], "no temporary folder, no created parents"
    assert _leftovers(existing) == ["01-spending-trillion-yen.png", "notes.txt"]
    assert (existing / "01-spending-trillion-yen.png").read_bytes() == b"old"


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_failure_while_moving_into_an_existing_folder_puts_the_old_set_back(tmp_path, capsys,
                                                                          monkeypatch):
    out = tmp_path / "set"
    out.mkdir()
    (out / "unrelated.txt").write_text("keep")
    (out / "01-spending-trillion-yen.csv").write_text("old csv")
    (out / "02-share-of-gdp-with-claims.png").write_bytes(b"old png")
    real = os.replace
    calls = []

    def flaky(src, dst, *args, **kwargs):
        calls.append(dst)
        if len(calls) == 5:  # half way through moving the new set in
            raise OSError(5, "Input/output error")
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", flaky)
    err = _one_line_exit_2(capsys, ["--out", str(out), "--scenario", "hold-flat", "--simulate", "none",
                                    "--dpi", "50"])
    assert "Input/output error" in err
    assert _leftovers(tmp_path) == ["set"], "no temporary folder left"
    assert _leftovers(out) == ["01-spending-trillion-yen.csv", "02-share-of-gdp-with-claims.png",
                               "unrelated.txt"]
    assert (out / "01-spending-trillion-yen.csv").read_text() == "old csv"
    assert (out / "02-share-of-gdp-with-claims.png").read_bytes() == b"old png"


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_a_folder_where_a_file_should_go(tmp_path, capsys):
    out = tmp_path / "set"
    (out / "02-share-of-gdp-with-claims.png").mkdir(parents=True)
    (out / "unrelated.txt").write_text("keep")
    _one_line_exit_2(capsys, ["--out", str(out), "--scenario", "hold-flat", "--simulate", "none",
                              "--dpi", "50"])
    assert _leftovers(tmp_path) == ["set"]
    assert _leftovers(out) == ["02-share-of-gdp-with-claims.png", "unrelated.txt"]


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_new_folder_has_ordinary_permissions(tmp_path, capsys):
    out = tmp_path / "new"
    assert cli.main(["chart", "--out", str(out), "--scenario", "hold-flat", "--simulate", "none",
                     "--dpi", "50", "--format", "svg"]) == 0
    capsys.readouterr()
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~umask


@pytest.mark.slow  # > 1 s (measured with --durations): writes or renders chart files
def test_existing_folder_gets_the_set_and_keeps_other_files(tmp_path, capsys):
    out = tmp_path / "set"
    out.mkdir()
    (out / "unrelated.txt").write_text("keep")
    (out / "01-spending-trillion-yen.csv").write_text("old")
    assert cli.main(["chart", "--out", str(out), "--scenario", "hold-flat", "--simulate", "none",
                     "--dpi", "50"]) == 0
    printed = capsys.readouterr().out.split()
    assert (out / "unrelated.txt").read_text() == "keep"
    assert (out / "01-spending-trillion-yen.csv").read_text() != "old"
    assert len(printed) == 12 and all(Path(p).is_file() for p in printed)  # 6 charts (incl. 07-bridge) x 2
    assert _leftovers(tmp_path) == ["set"], "no temporary folder left beside it"


def test_parent_that_is_a_file_is_one_line(tmp_path, capsys):
    # chmod does not stop root, so "unwritable" is a parent that is a regular file
    parent = tmp_path / "plain-file"
    parent.write_text("x")
    _one_line_exit_2(capsys, ["--out", str(parent / "a" / "b")])
    assert _leftovers(tmp_path) == ["plain-file"]


def test_unwritable_folder_found_while_writing_is_one_line(tmp_path, capsys, monkeypatch):
    from spendcalc.cli import chart as cli_chart

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli_chart, "temp_folder_beside", refuse)
    err = _one_line_exit_2(capsys, ["--out", str(tmp_path / "set"), "--scenario", "hold-flat",
                                    "--simulate", "none", "--dpi", "50"])
    assert "Permission denied" in err and _leftovers(tmp_path) == []


# ----------------------------------------------------------------------------------------------
# End to end: a subprocess and the app
# ----------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_subprocess_bomb_exits_2_quickly(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(bomb_in("title"), encoding="utf-8")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "spendcalc", "project", "--scenario", str(path)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "anchors/aliases" in proc.stderr
    assert time.perf_counter() - t0 < 30


def _app_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("spendcalc_app_hostile", ROOT / "app.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_LIVE_LINK = re.compile(r"(?<!\\)!?\[[^\]]*(?<!\\)\]\(")


def _page_texts(at) -> list[str]:
    out = []
    for kind in ("markdown", "caption", "warning", "error", "info", "title", "subheader"):
        out += [str(e.value) for e in getattr(at, kind)]
    return out


@pytest.mark.app
@pytest.mark.slow
def test_app_shows_uploaded_title_literally():
    from streamlit.testing.v1 import AppTest

    title = "[click](https://evil.example) ![img](https://evil.example/x.png) **bold** $x$"
    text = scenario_to_yaml(Scenario("evil-plan", 0.03, 2030, title=title))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    at.file_uploader[0].upload("evil.yaml", text.encode(), "text/yaml")
    at.run()
    assert not at.exception
    texts = _page_texts(at)
    assert any("\\[click\\]" in t for t in texts), "the title is shown (escaped) in the headline"
    assert not [t for t in texts if _LIVE_LINK.search(t)], "no live link or image anywhere"
    # the same scenario through the link token (?up=) in a fresh session
    link = {k: at.query_params[k] for k in at.query_params}
    again = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in link.items():
        again.query_params[k] = v
    again.run()
    assert not again.exception
    assert not [t for t in _page_texts(again) if _LIVE_LINK.search(t)]


@pytest.mark.app
@pytest.mark.slow
def test_app_link_with_markdown_and_a_bomb_warns_literally():
    from streamlit.testing.v1 import AppTest

    app = _app_module()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["sc"] = "hold-flat,[x](https://evil.example)"
    at.query_params["up"] = app.encode_yaml(bomb_in("title"))
    t0 = time.perf_counter()
    at.run()
    assert time.perf_counter() - t0 < 30
    assert not at.exception
    warnings = [str(w.value) for w in at.warning]
    assert any("anchors/aliases" in w for w in warnings), warnings
    assert any("\\[x\\]" in w for w in warnings), warnings
    assert not [t for t in _page_texts(at) if _LIVE_LINK.search(t)]
