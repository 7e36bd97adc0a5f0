"""Presentation helpers for the app: numbers as text, the interactive line chart, the CSV download.

No Streamlit and no model arithmetic: values are only converted to display units and labelled.
Imported by ``app.py`` (not by ``spendcalc/__init__``), so the core never loads altair.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.chartdata import ChartData, Series, fill_text
from spendcalc.i18n import t
from spendcalc.units import convert

FY_AXIS = "Fiscal year (April–March)"

#: the definitions a reader needs to read any figure (the app's data tab); ``{reference_gdp}``
#: is the fixed FY2022 GDP as text
DEFINITIONS = """
**Scope** — *Security-related total*: the 2% framework's sum of the MOD defense budget and other
security-related spending (coast guard, research, infrastructure, ...). *MOD defense budget*:
the headline Ministry of Defense budget only.

**Denominator** — *Fixed FY2022 GDP*: the government measures the 2% target against one number,
FY2022 nominal GDP as estimated in Dec 2022 ({reference_gdp}).
*Same-year GDP*: each fiscal year's own nominal GDP (a fiscal-year share; SIPRI and NATO count
calendar years, so their figures differ: see the Reconcile tab or `spendcalc sipri`); it moves
with the GDP assumption.

**Fiscal year** — April to March (FY2025 = April 2025 to March 2026). **Status** — *actual*:
enacted budget; *plan*: government draft; *estimate*: a decided year whose total is not
published, derived from published figures (see data/README.md); *projection*: this calculator's
scenario path.
"""

#: :data:`DEFINITIONS` in Japanese (the government's terms); ``{reference_gdp}`` as in English.
#: Lines of a paragraph are joined (a backslash ends them): Japanese puts no space between words.
DEFINITIONS_JA = """
**経費の範囲** — *安全保障に関連する経費*: 「2%」の枠組みで数える、防衛関係費とその他の安全保障に関連する\
経費（海上保安庁、研究開発、公共インフラなど）の合計。*防衛関係費*: 防衛省の予算（公表される防衛関係費の額）のみ。

**分母** — *2022年度の名目GDP（固定）*: 政府は「2%」の目標を、2022年12月時点で見込まれた2022年度の\
名目GDP（{reference_gdp}）という一つの数値に対して測ります。*当該年度の名目GDP*: 各年度の名目GDP\
（年度ベースの比率。SIPRIやNATOは暦年で数えるため数値が異なります。「数値の照合」タブまたは\
`spendcalc sipri` を参照）。名目GDPの前提によって変わります。

**年度** — 4月から翌年3月まで（2025年度 = 2025年4月〜2026年3月）。**数値の区分** — *実績*: 成立した\
予算。*計画*: 政府の案。*推計*: 確定した年度のうち合計額が公表されていないもので、公表値から算出したもの\
（data/README.md を参照）。*試算*: 本ツールのシナリオの経路。
"""


@dataclass(frozen=True)
class View:
    """What every app tab draws from: the chosen scenarios, assumptions and their projection.

    ``headline`` is ``spendcalc.headline_figures`` of ``focus`` plus its baseline and caveats in
    words (``baseline_text``, ``baseline_label``, ``common_year``, ``caveats``).
    """

    scenarios: tuple[Scenario, ...]
    assumptions: Assumptions
    focus: Scenario
    tidy: pd.DataFrame | None  # None while only the headline is drawn (the app adds it after)
    headline: dict
    #: the reader's language (``spendcalc.i18n.LANGS``): every text of the page is looked up in it
    lang: str = "en"


class SharedAttrs(dict):
    """A read-only mapping that pandas shares between frames instead of deep-copying it.

    pandas deep-copies a frame's ``attrs`` on every operation (each selection, comparison and
    column read); a projection's ``attrs`` carry the methodology of every scenario, so in the app
    that copying was the largest single cost of a rerun after Streamlit's own. The values are
    never changed after the projection, so sharing them is safe; changing one raises TypeError.
    """

    def __deepcopy__(self, memo: dict) -> SharedAttrs:
        return self

    def __reduce__(self) -> tuple:  # pickled (st.cache_data) as a plain dict, rebuilt read-only
        return (SharedAttrs, (dict(self),))

    def _read_only(self, *args: object, **kwargs: object) -> None:
        raise TypeError("the methodology of a projection is read-only")

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = __ior__ = _read_only


def share_attrs(tidy: pd.DataFrame) -> pd.DataFrame:
    """``tidy`` (not copied) with each mapping of its ``attrs`` made a :class:`SharedAttrs`."""
    tidy.attrs = {k: SharedAttrs(v) if isinstance(v, Mapping) else v for k, v in tidy.attrs.items()}
    return tidy


def for_screen(tidy: pd.DataFrame) -> pd.DataFrame:
    """The projection as the app's tabs read it: the same values, text columns as plain Python
    strings (selecting rows of pandas' Arrow strings costs ~3x as much on frames this small; the
    chart specs are identical) and the methodology shared (:func:`share_attrs`)."""
    tidy = share_attrs(tidy)  # first: every column read or copy below would deep-copy the methodology
    text = [c for c, dtype in tidy.dtypes.items()  # by dtype: reading each column costs a frame each
            if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_numeric_dtype(dtype)]
    out = tidy.astype({c: object for c in text}) if text else tidy
    out.attrs = tidy.attrs
    return out


def trillion(value_jpy: float) -> str:
    """Yen shown as trillion yen with its unit (display only): ``'27.21 trillion JPY'``."""
    return f"{trillion_number(value_jpy)} trillion JPY"


def trillion_number(value_jpy: float) -> str:
    """Yen as a number of trillion yen, two decimals with thousands separators: ``'27.21'``."""
    return f"{convert(value_jpy, 'JPY', 'trillion_JPY'):,.2f}"


def percent(value: float | None, digits: int = 2) -> str:
    """A fraction shown as percent (display only); ``'n/a'`` for None or NaN."""
    return "n/a" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else f"{value:.{digits}%}"


def probability_text(p: float | None) -> str:
    """A probability as a brief prints it: whole percent, ``< 1%`` and ``> 99%`` at the ends
    (never a bare 0% or 100% for what is only very unlikely or very likely); ``n/a`` for None."""
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "n/a"
    if p == 0 or p == 1:
        return f"{p:.0%}"
    if p < 0.01:
        return "< 1%"
    if p > 0.99:
        return "> 99%"
    return f"{p:.0%}"


def sources_table(table_meta: Mapping[str, dict]) -> pd.DataFrame:
    """One row per bundled table: title, publisher, edition, retrieval date and address."""
    return pd.DataFrame([{"table": f"data/{n}.csv", "title": m.get("title"), "publisher": m.get("publisher"),
                          "edition": m.get("edition"), "retrieved_on": str(m.get("retrieved_on")),
                          "source_url": m.get("source_url")} for n, m in table_meta.items()])


#: the readable table's measures, in column order
READABLE_MEASURES = ("spending_jpy", "share_of_gdp_same_year", "share_of_gdp_fixed_fy2022", "spending_usd",
                     "spending_real_jpy", "spending_per_capita_jpy", "gap_to_baseline_jpy",
                     "cumulative_gap_to_baseline_jpy")


def readable_table(tidy: pd.DataFrame, scenario: str, lang: str = "en") -> pd.DataFrame:
    """One scenario per year as a reader reads it: ``spendcalc.answers.readable_table`` (trillion
    yen, %, USD bn, units in the header, rounded for print; headers, years and statuses in
    ``lang``), the same table as ``spendcalc project --format table``. Text cells only."""
    from spendcalc import answers

    base = tidy.attrs.get("methodology", {}).get(scenario, {}).get("price_base_year", "")
    # read through one numpy array: pandas deep-copies a frame's attrs (the methodology of every
    # scenario) on each selection, which was most of this function's cost
    cols = ("scenario", "fiscal_year", "status", "measure", "value")
    rows = tidy[list(cols)].to_numpy()
    rows = rows[rows[:, 0] == scenario]
    # object columns: pivoting pandas' default (Arrow) strings costs ~3x as much on a table this small
    bare = pd.DataFrame({c: pd.Series(rows[:, i], dtype=object) for i, c in enumerate(cols)}).astype(
        {"value": float, "fiscal_year": int})
    bare.attrs = {"methodology": {scenario: {"price_base_year": base}}}  # what the header needs
    present = set(bare["measure"])
    return answers.readable_table(bare, scenario, [m for m in READABLE_MEASURES if m in present], lang)


#: the on-screen charts' plot height [px] (the legend and title add to it) and width of a legend
#: line [Latin characters; a Japanese character counts as two]
CHART_HEIGHT = 340
LEGEND_WRAP = 48
LEGEND_LABEL_LIMIT = 330  # px: a wrapped line longer than this is cut with an ellipsis


def chart_spec(data: ChartData) -> dict:
    """The vega-lite spec of one :class:`spendcalc.chartdata.ChartData`: the same series, title,
    axis labels, targets, claims and legend entries as the downloaded (matplotlib) chart.

    Lines: solid through decided years, dashed through projections (filled dots: decided,
    hollow: projected); a series another covers is drawn wider underneath. The plot is
    :data:`CHART_HEIGHT` px high and as wide as its container, with the series' legend below it
    (labels wrapped); the legend's other entries (claims, the key to the article numbers) are
    the lines of ``usermeta.caption``, for the page to print under the chart
    (:func:`chart_caption`). Claim markers carry their labels in the tooltip (the caption says so).
    """
    values = [{"scenario": s.key, "label": _legend_text(s), "fiscal_year": x, "shown": y,
               "status": st, "projection": st == "projection", "width": 2.2 * s.width,
               "order": i}
              for i, s in enumerate(data.series) if s.kind == "line" and s.panel == 0
              for x, y, st in zip(s.x, s.y, s.status, strict=True)]
    lines = [s for s in data.series if s.kind == "line" and s.panel == 0]
    labels = [_legend_text(s) for s in lines]
    unit = {"percent": "%"}.get(data.unit, "")
    x = {"field": "fiscal_year", "type": "quantitative", "title": data.xlabel,
         "axis": {"format": "d", "tickMinStep": 1}, "scale": {"zero": False}}
    y = {"field": "shown", "type": "quantitative", "title": data.ylabel,
         "axis": {"labelExpr": f"datum.label + '{unit}'"} if unit else {}}
    color = {"field": "label", "type": "nominal", "title": None,
             "scale": {"domain": labels, "range": [s.color for s in lines]},
             "legend": {"orient": "bottom", "direction": "vertical", "columns": 1,
                        "labelLimit": LEGEND_LABEL_LIMIT, "labelExpr": _wrap_expr(labels),
                        "labelFontSize": 11, "rowPadding": 4}}
    tooltip = [{"field": "label", "type": "nominal", "title": None},
               {"field": "fiscal_year", "type": "quantitative", "format": "d"},
               {"field": "status", "type": "nominal"},
               {"field": "shown", "type": "quantitative", "title": data.ylabel, "format": ",.2f"}]
    enc = {"x": x, "y": y, "color": color, "detail": {"field": "scenario"}}
    width = {"strokeWidth": {"field": "width", "type": "quantitative", "scale": None}}
    layers = [{"mark": {"type": "line"}, "transform": [{"filter": "!datum.projection"}],
               "encoding": enc | width},
              {"mark": {"type": "line", "strokeDash": [6, 3]},
               "transform": [{"filter": "datum.projection || datum.last_decided"}],
               "encoding": enc | width},
              {"mark": {"type": "point", "size": 30, "filled": True},
               "transform": [{"filter": "!datum.projection"}], "encoding": enc | {"tooltip": tooltip}},
              {"mark": {"type": "point", "size": 30, "filled": False},
               "transform": [{"filter": "datum.projection"}], "encoding": enc | {"tooltip": tooltip}}]
    _mark_last_decided(values)
    subtitle = fill_text(data.subtitle, 2 * LEGEND_WRAP).split("\n") if data.subtitle else []
    return {"title": {"text": data.title, "subtitle": subtitle, "anchor": "start"},
            "width": "container", "height": CHART_HEIGHT,
            "autosize": {"type": "fit-x", "contains": "padding"},
            "usermeta": {"caption": chart_caption(data)},
            "data": {"values": values}, "layer": [*layers, *_level_layers(data), *_point_layers(data)]}


def chart_caption(data: ChartData) -> list[str]:
    """The legend entries that are not series (claims, claims naming no year, the key to the
    article numbers), one line each, for the page to print under the on-screen chart."""
    marks = {"claim": "◆ ", "claim_level": "-·- "}
    screen = {"claim": t("chart.screen.claim", data.lang)}  # its label is the tooltip on screen
    return [marks.get(kind, "") + " ".join(screen.get(kind, text).split()) for kind, text in data.legend
            if kind in ("claim", "claim_level", "key")]


def _wrap_expr(labels: Sequence[str]) -> str:
    """A vega expression giving each legend label as its wrapped lines (a label not in the
    table, as it is)."""
    table = {label: fill_text(label, LEGEND_WRAP).split("\n") for label in labels}
    return f"({json.dumps(table, ensure_ascii=False)})[datum.label] || datum.label"


def _legend_text(s: Series) -> str:
    text = " ".join(s.label.split())
    return f"{text} ({s.same_as})" if s.same_as else text


def _mark_last_decided(values: list[dict]) -> None:
    """Flag each series' last decided point, where its dashed projection starts."""
    last: dict[str, dict] = {}
    for v in values:
        v["last_decided"] = False
        if not v["projection"]:
            last[v["scenario"]] = v
    for v in last.values():
        v["last_decided"] = True


def _level_layers(data: ChartData) -> list[dict]:
    """Targets (dotted, label above the line at the right) and claims naming no year (dash-dot,
    label below the line at the left), as the downloaded chart places them."""
    levels = [{"shown": lv.value, "label": lv.label, "kind": lv.kind, "ids": lv.ids}
              for lv in data.levels if lv.kind in ("target", "claim")]
    if not levels:
        return []
    enc = {"y": {"field": "shown", "type": "quantitative"},
           "tooltip": [{"field": f, "type": "nominal"} for f in ("label", "ids")]}
    text = enc | {"text": {"field": "label"}}
    return [{"data": {"values": levels}, "encoding": enc | {"strokeDash": {
                "field": "kind", "type": "nominal", "legend": None,
                "scale": {"domain": ["target", "claim"], "range": [[2, 2], [6, 3, 1, 3]]}}},
             "mark": {"type": "rule", "color": "black"}},
            {"data": {"values": levels}, "encoding": text,
             "transform": [{"filter": "datum.kind == 'target'"}],
             "mark": {"type": "text", "align": "right", "x": "width", "dx": -4, "dy": -8,
                      "fontSize": 11}},
            {"data": {"values": levels}, "encoding": text,
             "transform": [{"filter": "datum.kind == 'claim'"}],
             "mark": {"type": "text", "align": "left", "x": 4, "dy": 10, "fontSize": 11}}]


def _point_layers(data: ChartData) -> list[dict]:
    """One diamond per claimed point; its label (with the article numbers) in the tooltip, so
    that labels of nearby claims never overlap."""
    points = [{"fiscal_year": p.x, "shown": p.y, "label": p.label, "claim_id": p.ids,
               "article": ", ".join(p.articles)} for p in data.claims]
    if not points:
        return []
    enc = {"x": {"field": "fiscal_year", "type": "quantitative"},
           "y": {"field": "shown", "type": "quantitative"},
           "tooltip": [{"field": f, "type": "nominal"} for f in ("label", "claim_id", "article")]}
    return [{"data": {"values": points}, "encoding": enc,
             "mark": {"type": "point", "shape": "diamond", "size": 140, "color": "black",
                      "filled": True}}]
