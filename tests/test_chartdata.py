"""One chart, two renderers: the on-screen vega-lite spec and the downloaded matplotlib figure
are drawn from one ChartData (spendcalc.chartdata), and must show the same numbers and words;
Japanese charts draw every glyph (a missing-glyph warning is an error here)."""

import io
import json
import unicodedata
import warnings

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import spendcalc  # noqa: E402
from spendcalc import chartdata, charts, present  # noqa: E402
from spendcalc.data import read_articles_index  # noqa: E402

MISSING_GLYPH = r"Glyph .* missing from font"


@pytest.fixture(scope="module")
def tidy():
    return spendcalc.project()


@pytest.fixture(scope="module")
def claims(tidy):
    return spendcalc.claim_markers(tidy)


def _plotted(ax, scale=1.0):
    """(scenario, year) -> value of every line point the figure draws (solid and dashed), times
    ``scale`` (100: the figure's fractions as the screen's percent)."""
    out = {}
    for line in ax.lines:
        gid = line.get_gid() or ""
        if gid.startswith("scenario:"):
            key = gid.split(":")[1]
            for x, y in zip(line.get_xdata(), line.get_ydata(), strict=True):
                out[(key, int(x))] = float(y) * scale
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("kind", ["spending", "share", "usd"])
def test_screen_and_download_agree(tidy, claims, kind, lang):
    articles = chartdata.article_names(read_articles_index())
    extra = {"claims": claims, "articles": articles} if kind == "share" else {}
    data = chartdata.KINDS[kind](tidy, lang=lang, **extra)
    spec = present.chart_spec(data)
    fig = charts.plot_kind(kind, tidy, claims=claims, lang=lang, articles=articles)
    ax = fig.axes[0]
    # the same words: title, axis titles, and every series' legend entry
    assert ax.get_title(loc="left") == spec["title"]["text"] == data.title
    assert ax.get_xlabel() == spec["layer"][0]["encoding"]["x"]["title"] == data.xlabel
    assert ax.get_ylabel() == spec["layer"][0]["encoding"]["y"]["title"] == data.ylabel
    legend = [t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts()]
    screen = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert len(screen) == len(data.series) >= 4
    def norm(text):  # line breaks differ (wrapped in the file), the words do not
        return "".join(text.split())

    assert {norm(e) for e in screen} <= {norm(x) for x in legend}
    # the same numbers, in the same display unit
    on_screen = {(v["scenario"], v["fiscal_year"]): v["shown"] for v in spec["data"]["values"]}
    assert _plotted(ax, 100.0 if data.unit == "percent" else 1.0) == pytest.approx(on_screen)
    assert len(on_screen) == sum(len(s.x) for s in data.series)
    # and they are the projection's own values divided by the display scale
    measure = {"spending": "spending_jpy", "share": "share_of_gdp", "usd": "spending_usd"}[kind]
    row = tidy[(tidy["measure"] == measure) & (tidy["scenario"] == "us-ask-3.5pct")
               & (tidy["fiscal_year"] == 2035)]["value"].iloc[0]
    assert on_screen[("us-ask-3.5pct", 2035)] == pytest.approx(row / chartdata.SCALES[data.unit])


def test_share_claims_and_key_agree(tidy, claims):
    articles = chartdata.article_names(read_articles_index())
    data = chartdata.share(tidy, claims=claims, articles=articles)
    spec = present.chart_spec(data)
    ax = charts.draw(data)
    diamonds = [x for layer in spec["layer"] if isinstance(layer.get("mark"), dict)
                and layer["mark"].get("shape") == "diamond" for x in layer["data"]["values"]]
    drawn = {(ln.get_xdata()[0], round(100 * ln.get_ydata()[0], 9)) for ln in ax.lines
             if (ln.get_gid() or "").startswith("claim:")}
    assert drawn == {(d["fiscal_year"], d["shown"]) for d in diamonds} == {(2025, 2.0), (2027, 2.0)}
    label = next(d["label"] for d in diamonds if d["fiscal_year"] == 2025)
    assert label == "2% by FY2025 (000, 002, 003, 004)"
    assert label in [t.get_text() for t in ax.texts]
    # on screen the label is the diamond's tooltip: no text layer to overlap its neighbours
    assert not any(layer["mark"].get("type") == "text" and "fiscal_year" in layer["encoding"]
                   for layer in spec["layer"] if isinstance(layer.get("mark"), dict))
    # the key names every article number, on screen (the caption under the chart, not the
    # subtitle) and in the file (legend)
    legend = " ".join(t.get_text().replace("\n", " ") for t in ax.get_legend().get_texts())
    for code in ("000", "002", "003", "004"):
        entry = next(text for kind, text in data.legend if kind == "key" and text.startswith(code))
        assert entry in spec["usermeta"]["caption"] and entry.replace("\n", " ") in legend
        assert not any(line.startswith(code) for line in spec["title"]["subtitle"])
    assert "The Asia Business Daily" in legend
    # the caption says where the claims' words are on screen (the diamonds' tooltips)
    assert "◆ Claim in an article: point at a diamond" in spec["usermeta"]["caption"][0]
    assert {"label", "claim_id", "article"} == {f["field"] for f in next(
        layer for layer in spec["layer"] if layer.get("mark", {}).get("shape") == "diamond")[
        "encoding"]["tooltip"]}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_screen_chart_has_room_and_readable_legend(tidy, claims, lang):
    """The on-screen plot has a fixed height whatever the legend's size, the subtitle is short,
    and every legend label is wrapped to lines that fit a phone's width."""
    data = chartdata.share(tidy, claims=claims, lang=lang,
                           articles=chartdata.article_names(read_articles_index()))
    spec = present.chart_spec(data)
    assert spec["height"] == present.CHART_HEIGHT >= 300 and spec["width"] == "container"
    assert spec["title"]["subtitle"] == [data.subtitle]
    legend = spec["layer"][0]["encoding"]["color"]["legend"]
    assert legend["orient"] == "bottom" and legend["labelLimit"] <= 340
    table = json.loads(legend["labelExpr"].split("[datum.label]")[0].strip("()"))
    labels = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert set(table) == set(labels)
    wide = lambda text: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)  # noqa: E731
    for label, lines in table.items():
        assert "".join(lines).replace(" ", "") == label.replace(" ", "")
        assert all(wide(line) <= present.LEGEND_WRAP for line in lines), lines
    assert any(len(lines) > 1 for lines in table.values())  # the long titles do wrap


def test_identical_series_stay_visible(tidy):
    data = chartdata.spending(tidy)
    by_key = {s.key: s for s in data.series}
    # the NATO path equals the 3.5% ask from FY2035: the one underneath is drawn wider, but the
    # paths differ before, so neither is "the same as" the other
    nato = by_key["nato-hague-fy2035"]
    assert by_key["us-ask-3.5pct"].width > nato.width == 1.0
    # every scenario shares the actual years: that is no reason for a "same as" or a wider line
    assert not any(s.same_as for s in data.series)
    assert by_key["hold-flat"].width == 1.0
    ax = charts.draw(data)
    widths = {ln.get_gid(): ln.get_linewidth() for ln in ax.lines}
    assert widths["scenario:us-ask-3.5pct:projection"] > widths["scenario:nato-hague-fy2035:projection"]


def _series(key, y, status):
    return chartdata.Series(key=key, label=key.title(), color="#000000", x=tuple(range(2025, 2025 + len(y))),
                            y=tuple(y), status=tuple(status))


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_same_as_only_over_the_whole_projection(lang):
    decided, projected = ["actual", "estimate"], ["projection"] * 3
    base = _series("base", [11, 10, 10, 10, 10], decided + projected)
    copy = _series("copy", [11, 10, 10, 10, 10], decided + projected)
    partly = _series("partly", [11, 10, 12, 10, 10], decided + projected)  # two equal projected years
    history = _series("history", [11, 10, 13, 14, 15], decided + projected)
    undecided = _series("undecided", [9, 10, 10, 10, 10], ["projection"] * 5)  # all projected
    out = {s.key: s for s in chartdata.mark_overlaps([base, copy, partly, history, undecided], lang)}
    assert out["copy"].same_as == chartdata.t("chart.same_as", lang, other="Base", years=chartdata.t(
        "common.fy_range", lang, start=2027, end=2029))
    assert not out["partly"].same_as and not out["history"].same_as and not out["undecided"].same_as
    assert out["base"].width > out["copy"].width > 1.0 == out["history"].width  # nested bands
    # with no projection, sameness counts over every year drawn
    a = _series("a", [1, 2, 3], ["actual"] * 3)
    assert chartdata.mark_overlaps([a, _series("b", [1, 2, 3], ["actual"] * 3)], lang)[1].same_as
    assert not chartdata.mark_overlaps([a, _series("b", [1, 2, 4], ["actual"] * 3)], lang)[1].same_as


def test_both_renderers_say_same_as_alike(tidy):
    """A copy of the baseline's path under another name: both renderers name what it hides."""
    copy = tidy[tidy["scenario"] == "hold-flat"].assign(scenario="copy")
    both = pd.concat([tidy, copy], ignore_index=True)
    both.attrs["methodology"] = {**tidy.attrs["methodology"], "copy": {
        **tidy.attrs["methodology"]["hold-flat"], "title": "Copy", "path": "linear-yen"}}
    data = chartdata.spending(both)
    (entry,) = [s for s in data.series if s.same_as]
    assert entry.key == "copy" and "same as Hold flat in yen" in entry.same_as
    labels = present.chart_spec(data)["layer"][0]["encoding"]["color"]["scale"]["domain"]
    legend = [t.get_text().replace("\n", " ") for t in charts.draw(data).get_legend().get_texts()]
    assert [x for x in labels if "same as" in x] == [x for x in legend if "same as" in x]


def _render_all(tidy, claims, lang):
    summary = spendcalc.simulate("us-ask-3.5pct", measured_on="same-year")
    figs = charts.brief_charts(tidy, claims=claims, simulation=summary, lang=lang,
                               articles=chartdata.article_names(read_articles_index()))
    with charts.chart_style(lang):
        figs["07-bridge"] = charts.plot_bridge(spendcalc.bridge(2025), lang=lang).get_figure(root=True)
        for fig in figs.values():
            for fmt in ("png", "svg", "pdf"):
                fig.savefig(io.BytesIO(), format=fmt, dpi=40)
    return figs


@pytest.mark.slow  # renders 7 charts x 3 formats
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_chart_draws_every_glyph(tidy, claims, lang):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph ... missing from font(s)" fails the test
        figs = _render_all(tidy, claims, lang)
    if lang == "ja":
        texts = " ".join(t.get_text() for f in figs.values() for t in f.findobj(matplotlib.text.Text))
        for term in ("防衛費の対GDP比", "年度", "兆円", "安全保障に関連する経費", "補正予算", "当初予算"):
            assert term in texts, term


def test_the_glyph_check_can_fail(tidy):
    """Drawn with a font that has no Japanese glyphs, the same check raises."""
    ax = charts.plot_spending(tidy, lang="ja")
    with warnings.catch_warnings(), pytest.raises(UserWarning, match=MISSING_GLYPH):
        warnings.simplefilter("error")
        with charts.chart_style("ja"), matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
            ax.get_figure(root=True).savefig(io.BytesIO(), format="png", dpi=40)


def test_the_japanese_font_comes_from_the_package_and_style_only():
    path = charts.cjk_font_path()
    assert path is not None and "matplotlib_fontja" in path.parts and path.name == "ipaexg.ttf"
    before = list(matplotlib.rcParams["font.family"])
    with charts.chart_style("ja"):
        assert matplotlib.rcParams["font.family"][0] == charts.CJK_FAMILY
        from matplotlib import font_manager

        found = font_manager.findfont(font_manager.FontProperties(family=charts.CJK_FAMILY),
                                      fallback_to_default=False)
        assert found.endswith("ipaexg.ttf")
    assert list(matplotlib.rcParams["font.family"]) == before


def test_japanese_charts_need_only_the_packaged_font(tidy, monkeypatch):
    """A fresh machine has no system Japanese font: hide every other IPA font and draw."""
    from matplotlib import font_manager

    assert charts._register_cjk_font()
    packaged = str(charts.cjk_font_path())
    fm = font_manager.fontManager
    monkeypatch.setattr(fm, "ttflist", [f for f in fm.ttflist
                                        if "IPA" not in f.name or f.fname == packaged])
    font_manager.FontManager._findfont_cached.cache_clear()
    try:
        with charts.chart_style("ja"):
            found = font_manager.findfont(font_manager.FontProperties(family=charts.CJK_FAMILY),
                                          fallback_to_default=False)
            assert found == packaged
            fig = charts.plot_share(tidy, lang="ja").get_figure(root=True)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                for fmt in ("png", "pdf"):
                    fig.savefig(io.BytesIO(), format=fmt, dpi=40)
    finally:
        font_manager.FontManager._findfont_cached.cache_clear()


def test_the_app_slider_scenario_is_titled_in_the_readers_language():
    from test_linkstate import real_params  # the app's link parameters on the bundled data

    from spendcalc import linkstate

    names, params = real_params()
    query = {"sc": ["custom"], "share": ["3.0"], "year": ["2035"]}
    _, scenarios, a = linkstate.model_inputs(linkstate.read_link(query, params, names).values)
    tidy = spendcalc.project(list(scenarios), assumptions=a)
    assert chartdata.title_of(tidy, "custom", width=200) == "Custom: 3.0% of GDP by FY2035"
    assert chartdata.title_of(tidy, "custom", width=200, lang="ja") == "カスタム: 2035年度までに対GDP比3.0%"


def test_japanese_lines_never_start_with_closing_punctuation():
    title = "2035年度までに対GDP比3.5%（報じられた米国の非公式な要請）"
    for width in range(12, 60):
        lines = chartdata.fill_text(title, width).split("\n")
        assert "".join(lines) == title
        assert not any(line[:1] in "）」、。" for line in lines), (width, lines)
