"""Display helpers of the app (spendcalc.present): text for numbers, chart specs, the CSV download."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import spendcalc
from spendcalc import present
from spendcalc.output import read_comments


def test_numbers_as_text():
    assert present.trillion(27_213_000_000_000.0) == "27.21 trillion JPY"
    assert present.trillion_number(1_234_567_000_000_000.0) == "1,234.57"
    assert present.percent(0.035) == "3.50%" and present.percent(0.0349, 1) == "3.5%"
    assert present.percent(None) == present.percent(math.nan) == "n/a"


@pytest.fixture(scope="module")
def tidy() -> pd.DataFrame:
    return spendcalc.project(["original-fy2027", "accelerated-fy2025", "us-ask-3.5pct", "hold-flat"], until=2036)


def test_line_chart_plots_the_projection_in_display_units(tidy):
    colors = {n: f"#{i:06d}" for i, n in enumerate(tidy["scenario"].unique())}
    spec = present.line_chart(tidy, "spending_jpy", "trillion_JPY", "Spending", colors)
    rows = tidy[(tidy["measure"] == "spending_jpy") & (tidy["scenario"] == "us-ask-3.5pct")
                & (tidy["fiscal_year"] == 2035)]
    point = [v for v in spec["data"]["values"] if v["scenario"] == "us-ask-3.5pct" and v["fiscal_year"] == 2035]
    assert len(point) == 1 and point[0]["shown"] == pytest.approx(float(rows["value"].iloc[0]) / 1e12)
    assert point[0]["status"] == "projection"
    color = spec["layer"][0]["encoding"]["color"]["scale"]
    assert color["range"] == [colors[n] for n in color["domain"]]
    assert "[trillion JPY]" in spec["layer"][0]["encoding"]["y"]["title"]


def test_share_chart_marks_each_claimed_point_once(tidy):
    markers = spendcalc.claim_markers(tidy)
    spec = present.line_chart(tidy, "share_of_gdp", "percent", "Share of GDP", {n: "#000" for n in
                              tidy["scenario"].unique()}, present.claim_layers(markers, "percent"))
    diamonds = next(layer for layer in spec["layer"]
                    if isinstance(layer["mark"], dict) and layer["mark"].get("shape") == "diamond")["data"]["values"]
    assert len(diamonds) > 0
    for d in diamonds:  # each diamond sits at a claimed level, in percent
        claimed = markers.loc[markers["fiscal_year"] == d["fiscal_year"], "value"]
        assert any(d["shown"] == pytest.approx(100 * v) for v in claimed), d
    dated = markers.dropna(subset=["fiscal_year"])  # a claim without a year has no place on the axis
    assert {(d["fiscal_year"], round(d["shown"], 9)) for d in diamonds} == {
        (int(y), round(100 * v, 9)) for y, v in zip(dated["fiscal_year"], dated["value"], strict=True)}
    # a claim that names a level but no year (the reported 3.5% request) is a labelled rule
    undated = markers[markers["fiscal_year"].isna()]
    assert len(undated) > 0, "the 3.5% request is among the markers of the built-ins"
    rules = [layer for layer in spec["layer"] if isinstance(layer["mark"], dict) and layer["mark"]["type"] == "rule"]
    assert len(rules) == 1
    levels = {round(d["shown"], 9) for d in rules[0]["data"]["values"]}
    assert levels == {round(100 * v, 9) for v in undated["value"]} and 3.5 in levels
    assert all("no year" in d["label"] for d in rules[0]["data"]["values"])
    assert len(rules[0]["data"]["values"]) == len(levels), "one label per level, naming every article"
    assert all(d["label"].endswith(f"({d['article']})") for d in rules[0]["data"]["values"])


def test_csv_text_is_headed_by_methodology_and_sources(tidy):
    meta = {"gdp": {"title": "GDP table", "publisher": "Cabinet Office", "source_url": "https://example.org"}}
    text = present.csv_text(tidy, meta, "note line one\nnote line two")
    header = read_comments(text)
    assert "note line two" in header
    assert any(line.startswith("source data/gdp.csv: GDP table — Cabinet Office") for line in header)
    assert text.splitlines()[len(header)].split(",")[:2] == ["scenario", "fiscal_year"]


def test_sources_table_has_one_row_per_table():
    table = present.sources_table({"a": {"title": "A", "retrieved_on": "2026-01-01"}, "b": {}})
    assert list(table["table"]) == ["data/a.csv", "data/b.csv"] and table["retrieved_on"][0] == "2026-01-01"


def test_shared_attrs_are_not_copied_by_pandas_and_cannot_be_changed():
    import pickle

    from spendcalc.present import SharedAttrs, share_attrs

    plain = spendcalc.project(["us-ask-3.5pct", "hold-flat"])
    shared = share_attrs(spendcalc.project(["us-ask-3.5pct", "hold-flat"]))
    assert shared.attrs == plain.attrs  # the same methodology, only shared
    selected = shared[shared["measure"] == "spending_jpy"]
    assert selected.attrs["methodology"] is shared.attrs["methodology"]  # not deep-copied
    assert plain[plain["measure"] == "spending_jpy"].attrs["methodology"] is not plain.attrs["methodology"]
    with pytest.raises(TypeError, match="read-only"):
        shared.attrs["methodology"]["x"] = 1
    with pytest.raises(TypeError, match="read-only"):
        shared.attrs["methodology"].update({"x": 1})
    back = pickle.loads(pickle.dumps(shared))  # as st.cache_data stores it
    assert isinstance(back.attrs["methodology"], SharedAttrs) and back.attrs == plain.attrs


def test_the_screens_projection_has_the_same_values_and_charts():
    from spendcalc import chartdata
    from spendcalc.present import SharedAttrs, chart_spec, for_screen

    tidy = spendcalc.project(["us-ask-3.5pct", "hold-flat"])
    shown = for_screen(spendcalc.project(["us-ask-3.5pct", "hold-flat"]))
    assert isinstance(shown.attrs["methodology"], SharedAttrs) and shown.attrs == tidy.attrs
    assert shown["scenario"].dtype == object and shown["value"].dtype == tidy["value"].dtype
    pd.testing.assert_frame_equal(shown.astype(tidy.dtypes.to_dict()), tidy)
    for draw in (chartdata.spending, chartdata.share):
        assert chart_spec(draw(shown, lang="en")) == chart_spec(draw(tidy, lang="en"))
