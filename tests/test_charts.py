"""Charts: labels, units, line counts, claim markers, source notes and colours (Agg backend)."""

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import spendcalc  # noqa: E402
from spendcalc import charts  # noqa: E402

YEARS = [2024, 2025, 2026, 2027, 2028]
STATUS = ["actual", "actual", "projection", "projection", "projection"]


def _synthetic_tidy():
    """Two scenarios x five years with round numbers; 'flat' is the hold-flat baseline."""
    spend = {"up": [10e12, 11e12, 12e12, 13e12, 14e12], "flat": [10e12, 11e12, 11e12, 11e12, 11e12]}
    gdp_fixed, gdp_same = 500e12, [500e12, 520e12, 540e12, 560e12, 580e12]
    rows = []
    for sc, values in spend.items():
        cum = 0.0
        for i, (fy, st, v) in enumerate(zip(YEARS, STATUS, values, strict=True)):
            gap = v - spend["flat"][i]
            cum += gap if st == "projection" else 0.0
            measures = {
                "spending_jpy": (v, "JPY"),
                "share_of_gdp": (v / gdp_fixed, "fraction"),
                "share_of_gdp_fixed_fy2022": (v / gdp_fixed, "fraction"),
                "share_of_gdp_same_year": (v / gdp_same[i], "fraction"),
                "spending_usd": (v / 150.0, "USD"),
                "gap_to_baseline_jpy": (gap, "JPY"),
            }
            if st == "projection":
                measures["cumulative_gap_to_baseline_jpy"] = (cum, "JPY")
            for m, (val, unit) in measures.items():
                rows.append({"scenario": sc, "fiscal_year": fy, "status": st, "measure": m,
                             "unit": unit, "value": val, "scope": "security-related",
                             "denominator": "fixed-fy2022", "basis": "initial"})
    tidy = pd.DataFrame(rows)
    common = {"scope": "security-related", "basis": "initial", "denominator": "fixed-fy2022",
              "reference_gdp_jpy": 500e12, "gdp_vintage": "test-vintage",
              "gdp_assumption": "constant nominal growth 4.00%/yr (test)", "jpy_per_usd": 150.0}
    tidy.attrs["methodology"] = {
        "up": {**common, "scenario": "up", "title": "Rising to 2.8% (test)", "path": "linear-yen",
               "target_share": 0.028, "target_year": 2028},
        "flat": {**common, "scenario": "flat", "title": "Flat (test baseline)", "path": "hold-flat",
                 "target_share": None, "target_year": None},
    }
    return tidy


@pytest.fixture
def tidy():
    return _synthetic_tidy()


@pytest.fixture(scope="module")
def real_tidy():
    return spendcalc.project()


def _claims():
    return pd.DataFrame({"claim_id": ["c1", "c2", "c3"], "article": ["a.txt", "b.txt", "a.txt"],
                         "fiscal_year": [2025, 2025, 2027], "value": [0.02, 0.02, 0.025],
                         "label": ["2% by FY2025", "2% soon", "2.5% in FY2027"]})


def _summary():
    years = np.arange(2025, 2031)
    med = np.linspace(0.018, 0.03, years.size)
    df = pd.DataFrame({"fiscal_year": years, "measure": "share_of_gdp", "unit": "fraction",
                       "p5": med - 0.004, "p25": med - 0.002, "p50": med, "p75": med + 0.002,
                       "p95": med + 0.004})
    usd = df.assign(measure="spending_usd", unit="USD")
    out = pd.concat([df, usd], ignore_index=True)
    out.attrs = {"scenario": "up", "target_share": 0.03, "target_year": 2030, "probability": 0.37,
                 "paths": 1000, "seed": 7, "denominator": "same-year"}
    return out


def _note(ax):
    return [t for t in ax.get_figure(root=True).texts if t.get_gid() == charts.NOTE_GID]


def _lines(ax, prefix):
    return [ln for ln in ax.lines if (ln.get_gid() or "").startswith(prefix)]


def _tick_texts(ax):
    ax.get_figure(root=True).canvas.draw()
    return [t.get_text() for t in ax.get_xticklabels() if t.get_text()]


# ----------------------------------------------------------------------------------------------
def test_spending_labels_lines_and_note(tidy):
    ax = charts.plot_spending(tidy)
    assert isinstance(ax, Axes)
    assert ax.get_ylabel() == "Spending (trillion JPY, nominal)"
    assert ax.get_xlabel() == "Fiscal year (April–March)"
    # each scenario: one solid (actual) and one dashed (projection) line
    assert len(_lines(ax, "scenario:")) == 4
    dashed = _lines(ax, "scenario:up:projection")[0]
    assert dashed.get_linestyle() == "--"
    # dashed starts at the last actual year, values in trillion yen
    assert list(dashed.get_xdata()) == [2025, 2026, 2027, 2028]
    assert list(dashed.get_ydata()) == pytest.approx([11, 12, 13, 14])
    assert [p for p in ax.patches if p.get_gid() == "projection-region"]
    note = _note(ax)
    assert len(note) == 1
    text = note[0].get_text().replace("\n", " ")
    assert "data/README.md" in text and "500 trillion JPY" in text and "150 JPY per USD" in text
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    # 'up' has the values of 'flat' only in the actual years FY2024-FY2025, which every scenario
    # shares: that is not a hidden line, so neither its entry nor the widths say anything
    assert "Rising to 2.8% (test)" in legend and not any("same as" in e for e in legend)
    flat, up = _lines(ax, "scenario:flat:observed")[0], _lines(ax, "scenario:up:observed")[0]
    assert flat.get_linewidth() == up.get_linewidth()


def _with_copy_of_flat(tidy):
    """The synthetic projection plus 'copy', a scenario with 'flat's values in every year."""
    copy = tidy[tidy["scenario"] == "flat"].assign(scenario="copy")
    out = pd.concat([tidy, copy], ignore_index=True)
    meta = dict(tidy.attrs["methodology"])
    meta["copy"] = {**meta["flat"], "scenario": "copy", "title": "Copy (test)", "path": "linear-yen"}
    out.attrs["methodology"] = meta
    return out


def test_a_series_equal_over_its_projection_says_same_as(tidy):
    ax = charts.plot_spending(_with_copy_of_flat(tidy))
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    # compared over its projected years (FY2026-FY2028) only, where it hides 'flat'
    assert "Copy (test) (same as Flat (test baseline), FY2026–FY2028)" in legend
    assert not any(e.startswith("Rising") and "same as" in e for e in legend)
    flat, copy = _lines(ax, "scenario:flat:projection")[0], _lines(ax, "scenario:copy:projection")[0]
    assert flat.get_linewidth() > copy.get_linewidth()


def test_integer_year_ticks(tidy):
    ax = charts.plot_spending(tidy)
    labels = _tick_texts(ax)
    assert labels and all(lbl.isdigit() and len(lbl) == 4 for lbl in labels), labels


def test_share_claims_targets(tidy):
    claims = _claims()
    ax = charts.plot_share(tidy, claims=claims, articles={"a.txt": "Paper A, 2025-10-29"})
    assert "%" in ax.get_ylabel() and ax.get_xlabel() == charts.FY_LABEL
    markers = _lines(ax, "claim:")
    # one marker per claimed point: c1 and c2 claim the same 2% in FY2025
    assert {m.get_gid() for m in markers} == {"claim:c1,c2", "claim:c3"}
    assert sorted((m.get_xdata()[0], m.get_ydata()[0]) for m in markers) == [(2025, 0.02), (2027, 0.025)]
    targets = _lines(ax, "target:")  # shares as fractions, shown as percent
    assert len(targets) == 1 and targets[0].get_ydata()[0] == pytest.approx(0.028)
    annotations = [c.get_text() for c in ax.texts]
    assert "2% by FY2025 (a.txt, b.txt)" in annotations and "2.5% in FY2027 (a.txt)" in annotations
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    assert "a.txt: Paper A, 2025-10-29" in legend  # the key to the article numbers
    assert "b.txt: article in data/articles" in legend
    ax.get_figure(root=True).canvas.draw()
    assert any(t.get_text().endswith("%") for t in ax.get_yticklabels())
    # no targets, no claims
    ax2 = charts.plot_share(tidy, targets=False)
    assert not _lines(ax2, "target:") and not _lines(ax2, "claim:")


def test_denominator_gap_labels_gap(tidy):
    ax = charts.plot_denominator_gap(tidy, "up")
    assert len(_lines(ax, "scenario:up:fixed-fy2022")) == 2
    assert len(_lines(ax, "scenario:up:same-year")) == 2
    gap = [t for t in ax.texts if t.get_gid() == "denominator-gap"]
    # FY2028: 14/500 - 14/580 = 2.8% - 2.4138% = 0.386 pp
    assert len(gap) == 1 and "+0.39 pp" in gap[0].get_text() and "FY2028" in gap[0].get_text()
    assert ax.get_xlabel() == charts.FY_LABEL and "%" in ax.get_ylabel()


def test_gap_to_baseline_two_panels(tidy):
    ax = charts.plot_gap_to_baseline(tidy)
    fig = ax.get_figure(root=True)
    cax = fig.axes[1]
    assert "trillion JPY" in ax.get_ylabel() and "trillion JPY" in cax.get_ylabel()
    assert ax.get_xlabel() == charts.FY_LABEL == cax.get_xlabel()
    bars = [p for p in ax.patches if p.get_gid() == "bars:up"]
    assert [b.get_height() for b in bars] == pytest.approx([1, 2, 3])  # trillion JPY
    assert not [p for p in ax.patches if p.get_gid() == "bars:flat"]  # baseline left out
    cum = _lines(cax, "scenario:up:cumulative")[0]
    assert list(cum.get_ydata()) == pytest.approx([1, 3, 6])
    # on a caller's axes: cumulative goes on a twin axis
    fig2 = Figure()
    ax2 = charts.plot_gap_to_baseline(tidy, ax=fig2.subplots())
    assert len(fig2.axes) == 2 and _lines(fig2.axes[1], "scenario:up:cumulative")
    assert ax2 is fig2.axes[0]


def test_usd_rate_in_subtitle(tidy):
    ax = charts.plot_usd(tidy)
    assert ax.get_ylabel() == "Spending (billion USD, nominal)"
    assert any("150 JPY per USD" in t.get_text() for t in ax.texts)
    solid = _lines(ax, "scenario:up:observed")[0]
    assert list(solid.get_ydata()) == pytest.approx([10e12 / 150 / 1e9, 11e12 / 150 / 1e9])


def test_fan_bands_median_target_probability():
    summary = _summary()
    ax = charts.plot_fan(summary)
    assert {c.get_gid() for c in ax.collections} >= {"band:5-95", "band:25-75"}
    median = _lines(ax, "median")[0]
    assert list(median.get_ydata()) == pytest.approx(list(summary["p50"][:6]))
    assert _lines(ax, "target")[0].get_ydata()[0] == pytest.approx(0.03)
    assert any("37%" in t.get_text() for t in ax.texts)
    assert ax.get_xlabel() == charts.FY_LABEL and "%" in ax.get_ylabel()
    assert "1,000 paths" in _note(ax)[0].get_text().replace("\n", " ")
    summary.attrs["probability"] = None
    ax2 = charts.plot_fan(summary)
    assert any("share is certain" in t.get_text() for t in ax2.texts)


def test_scenario_colours_stable_across_charts(tidy):
    axes = [charts.plot_spending(tidy), charts.plot_share(tidy), charts.plot_usd(tidy)]
    for name in ("up", "flat"):
        colours = {ln.get_color() for ax in axes for ln in _lines(ax, f"scenario:{name}:")}
        assert colours == {charts.scenario_color(name)}
    assert charts.scenario_color("up") != charts.scenario_color("original-fy2027")
    builtins = [s.name for s in spendcalc.builtin_scenarios()]
    assert len({charts.scenario_color(n) for n in builtins}) == len(builtins)
    assert charts.scenario_color("my-custom") == charts.scenario_color("my-custom")


def test_note_is_an_argument_and_replaced_not_stacked(tidy):
    ax = charts.plot_spending(tidy, note="Custom note.")
    assert [t.get_text() for t in _note(ax)] == ["Custom note."]
    charts.add_source_note(ax, "Second note.")
    assert [t.get_text() for t in _note(ax)] == ["Second note."]
    assert not _note(charts.plot_spending(tidy, note=""))


def test_draws_on_given_axes(tidy):
    fig = Figure()
    ax = fig.subplots()
    assert charts.plot_share(tidy, ax=ax) is ax


def test_brief_charts_and_chart_data_on_real_projection(real_tidy):
    claims = _claims()
    figs = charts.brief_charts(real_tidy, claims=claims, simulation=_summary())
    keys = list(figs)
    assert keys[:2] == ["01-spending-trillion-yen", "02-share-of-gdp-with-claims"]
    assert keys[2] == "03-denominator-gap-accelerated-fy2025" and keys[5] == "06-share-fan-up"
    assert len(figs) == 6
    for key, fig in figs.items():
        assert fig.get_figwidth() * fig.dpi >= 1000
        assert [t for t in fig.texts if t.get_gid() == charts.NOTE_GID], key
        for ax in fig.axes:
            if ax.get_ylabel():
                assert ax.get_xlabel() == charts.FY_LABEL, key
        data = charts.chart_data(real_tidy, key, claims=claims, simulation=_summary())
        assert len(data) > 0
    share_ax = figs["02-share-of-gdp-with-claims"].axes[0]
    assert len(_lines(share_ax, "claim:")) == 2  # FY2025 (c1, c2) and FY2027 (c3)
    assert len(_lines(share_ax, "target:")) == 2  # 2% and 3.5%
    spending = charts.chart_data(real_tidy, "01-spending-trillion-yen")
    assert set(spending["measure"]) == {"spending_jpy"}
    assert len(spending) == int((real_tidy["measure"] == "spending_jpy").sum())
    gap = charts.chart_data(real_tidy, "04-extra-yen-vs-baseline")
    assert "hold-flat" not in set(gap["scenario"])
    with pytest.raises(ValueError, match="unknown chart key"):
        charts.chart_data(real_tidy, "99-nothing")


def test_real_projection_lines_per_scenario(real_tidy):
    ax = charts.plot_spending(real_tidy)
    names = list(dict.fromkeys(real_tidy["scenario"]))
    for name in names:
        assert len(_lines(ax, f"scenario:{name}:projection")) == 1
    note = _note(ax)[0].get_text().replace("\n", " ")
    assert "esri-2026q2" in note and "560 trillion JPY" in note


@pytest.mark.slow
def test_import_does_not_change_rcparams():
    code = ("import matplotlib as mpl, json; before = {k: repr(v) for k, v in mpl.rcParams.items()};"
            "import spendcalc.charts;"
            "after = {k: repr(v) for k, v in mpl.rcParams.items()};"
            "print(json.dumps(sorted(k for k in before if before[k] != after[k])))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    before = dict(matplotlib.rcParams)
    with charts.chart_style():
        assert matplotlib.rcParams["axes.spines.top"] is False
    assert dict(matplotlib.rcParams) == before
