"""Brief-ready charts of a tidy projection (matplotlib object-oriented API only).

Conventions
-----------
* What a chart shows (series in display units, title, axis labels, levels, claims, legend
  entries, note) comes from :mod:`spendcalc.chartdata`, which also feeds the app's on-screen
  vega-lite charts (:func:`spendcalc.present.chart_spec`): one definition per chart, two
  renderers. This module only draws a :class:`~spendcalc.chartdata.ChartData`.
* Every ``plot_*`` function takes the tidy frame of :func:`spendcalc.project` (or, for
  :func:`plot_fan`, a simulation summary), draws on ``ax`` (a new figure when ``ax`` is None) and
  returns the Axes. Nothing here calls ``pyplot``, shows a window or changes global settings:
  the house style (and the Japanese font) is applied only inside :func:`chart_style`.
* Every text is in the chart's language (``lang``: ``'en'`` or ``'ja'``, through
  :func:`spendcalc.i18n.t`). Japanese text is drawn in IPAex Gothic, shipped by the
  ``matplotlib-fontja`` dependency and registered on first use of :func:`chart_style` (its
  module is never imported: importing it changes matplotlib's global font setting).
* Actual and plan figures are solid lines, projections dashed, and the projected years shaded.
  A scenario keeps the same colour on every chart (:func:`scenario_color`, Okabe-Ito palette).
  A series that another covers is drawn wider underneath, and the one on top says "same values
  as ..." in the legend.
* Each figure carries a source and methodology note at the bottom (:func:`add_source_note`);
  the text is an argument of every plot function, by default :func:`methodology_note`.
* The x axis is the Japanese fiscal year (April-March), with integer ticks.
"""

from __future__ import annotations

import importlib.util
import logging
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from spendcalc import chartdata as cd
from spendcalc.chartdata import OKABE_ITO, ChartData, scenario_color
from spendcalc.i18n import MESSAGES, check_lang, fy, percent, t

__all__ = [
    "CHART_KEYS", "FY_LABEL", "OKABE_ITO", "SOURCES", "add_source_note", "brief_charts",
    "chart_data", "chart_style", "cjk_font_path", "draw", "methodology_note",
    "plot_denominator_gap", "plot_fan", "plot_gap_to_baseline", "plot_share", "plot_spending",
    "plot_usd", "scenario_color",
]

FY_LABEL = t("common.fiscal_year_axis")
SOURCES = t("chart.sources")
TRILLION = 1e12
BILLION = 1e9
FIGSIZE = (10.0, 5.8)  # [in]; at 100 dpi the PNG is 1,000 px wide
NOTE_GID = "spendcalc-source-note"
NOTE_FONTSIZE = 8.0  # [pt]
CJK_FAMILY = "IPAexGothic"  # the family name of matplotlib-fontja's ipaexg.ttf
_LATIN_FAMILY = "DejaVu Sans"  # matplotlib's own font
_OBSERVED = cd.OBSERVED
_STYLE = {
    "font.size": 10.5,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.labelsize": 10.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "grid.linewidth": 0.8,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "lines.linewidth": 2.2,
    "xtick.labelsize": 9.5,
    "ytick.labelsize": 9.5,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "pdf.fonttype": 42,  # read when saving: embed TrueType (editable text in the PDF)
    # the PDF backend groups a font's characters by ps.fonttype's limit: 42 keeps every
    # character of a font in one embedded subset (3 splits off "–", "→", "…" into a second
    # one, which costs a second subsetting of the whole font, ~0.25 s, per file)
    "ps.fonttype": 42,
    "svg.fonttype": "none",  # SVG text stays text (editable in a newsroom's tools; also faster)
    "text.parse_math": False,  # user text (titles) is drawn literally: "$5bn to $10bn" is no formula
}

#: keys of :func:`brief_charts` (``{scenario}`` filled in)
CHART_KEYS = ("01-spending-trillion-yen", "02-share-of-gdp-with-claims",
              "03-denominator-gap-{scenario}", "04-extra-yen-vs-baseline", "05-spending-usd",
              "06-share-fan-{scenario}")


# ----------------------------------------------------------------------------------------------
# Style, fonts, notes
# ----------------------------------------------------------------------------------------------
def cjk_font_path() -> Path | None:
    """The IPAex Gothic file shipped by ``matplotlib-fontja`` (found without importing it)."""
    spec = importlib.util.find_spec("matplotlib_fontja")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "fonts" / "ipaexg.ttf"
        if path.is_file():
            return path
    return None


def _register_cjk_font() -> bool:
    """Add the packaged IPAex Gothic to matplotlib's font list once; True if available."""
    path = cjk_font_path()
    if path is None:
        return False
    if not any(f.fname == str(path) for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(str(path))
    return True


@contextmanager
def chart_style(lang: str = "en") -> Iterator[None]:
    """Apply the house style (fonts, grid, spines, 100 dpi) inside a ``with`` block only.

    Japanese charts use IPAex Gothic first; English ones DejaVu Sans with IPAex Gothic as the
    fallback for Japanese characters in user text (a scenario title in Japanese).
    """
    families = [_LATIN_FAMILY]
    ja = check_lang(lang) == "ja"
    if _register_cjk_font():
        families = [CJK_FAMILY, _LATIN_FAMILY] if ja else [_LATIN_FAMILY, CJK_FAMILY]
    # IPAex Gothic has no bold face: Japanese titles are set in its regular weight, and the font
    # manager's notice that a fallback family lacks bold is kept quiet inside the block
    rc = {**_STYLE, "font.family": families} | ({"axes.titleweight": "normal"} if ja else {})
    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        with mpl.rc_context(rc):
            yield
    finally:
        log.setLevel(level)


def methodology_note(tidy: pd.DataFrame, scenarios: Sequence[str] | None = None,
                     lang: str = "en") -> str:
    """Build the source and methodology note from ``tidy.attrs['methodology']``.

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project`.
    scenarios : sequence of str, optional
        Scenarios the chart shows; default all in the frame.
    lang : str
        ``'en'`` or ``'ja'``.

    Returns
    -------
    str
        Scope, budget basis, denominator, reference GDP [trillion JPY], GDP vintage and
        projection assumption, exchange rate [JPY/USD] and the data sources.
    """
    return cd.methodology_note(tidy, scenarios, lang)


def add_source_note(fig_or_ax: Figure | Axes, text: str, *, fontsize: float = NOTE_FONTSIZE) -> None:
    """Write ``text`` (wrapped) at the bottom of the figure, reserving space for it.

    One note per figure: a second call replaces the first. An empty text removes the note.
    """
    fig = fig_or_ax if isinstance(fig_or_ax, Figure) else fig_or_ax.get_figure(root=True)
    for old in list(fig.texts):
        if old.get_gid() == NOTE_GID:
            old.remove()
    if not text:
        return
    width_in = fig.get_figwidth()
    chars = max(40, int(width_in * 72 / (fontsize * 0.6)))
    wrapped = "\n".join(_fill(p, chars) for p in text.split("\n"))
    n_lines = wrapped.count("\n") + 1
    height = (n_lines * fontsize * 1.25 + 8) / 72 / fig.get_figheight()  # [fraction of figure]
    fig.text(0.01, 0.008, wrapped, ha="left", va="bottom", fontsize=fontsize, color="#444444",
             gid=NOTE_GID, wrap=False)
    engine = fig.get_layout_engine()
    if isinstance(engine, ConstrainedLayoutEngine):
        engine.set(rect=(0, height, 1, 1 - height))
    else:
        fig.subplots_adjust(bottom=max(fig.subplotpars.bottom, height + 0.09))


# ----------------------------------------------------------------------------------------------
# Shared helpers (selection and formatting only)
# ----------------------------------------------------------------------------------------------


_fill = cd.fill_text


# ----------------------------------------------------------------------------------------------
# Shared helpers (drawing only)
# ----------------------------------------------------------------------------------------------
def _new_axes(ax: Axes | None, nrows: int = 1, height: float = FIGSIZE[1]) -> tuple[Figure, list[Axes]]:
    if ax is not None:
        return ax.get_figure(root=True), [ax]
    fig = Figure(figsize=(FIGSIZE[0], height + (1.6 if nrows > 1 else 0)), dpi=100,
                 layout="constrained")
    axes = fig.subplots(nrows, 1, sharex=True, squeeze=False)[:, 0]
    return fig, list(axes)


def _fy_axis(ax: Axes, label: str = FY_LABEL) -> None:
    ax.set_xlabel(label)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0f}"))


def _percent_axis(ax: Axes, scale: float = 100.0) -> None:
    """Values on the axis shown as percent at round steps (``scale``: 100 for fractions, 1 for
    values already in percent)."""
    ax.yaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{round(v * scale, 6):g}%"))


def _shade_projection(ax: Axes, start_year: int | None, end_year: float, lang: str) -> None:
    if start_year is None:
        return
    start, end = start_year - 0.5, end_year + 0.5
    ax.axvspan(start, end, color="#eeeeee", zorder=0, lw=0, gid="projection-region")
    ax.text(start, 1.0, t("chart.projection_region", lang), transform=ax.get_xaxis_transform(),
            ha="left", va="top", fontsize=9, color="#555555")


def _draw_series(ax: Axes, s: cd.Series) -> None:
    """Solid line through decided (actual/plan/estimate) years, dashed from the last through
    projections; a series covered by another is drawn wider (``s.width``) underneath."""
    obs = [(x, y) for x, y, st in zip(s.x, s.y, s.status, strict=True) if st in _OBSERVED]
    proj = [(x, y) for x, y, st in zip(s.x, s.y, s.status, strict=True) if st == "projection"]
    base = mpl.rcParams["lines.linewidth"]
    lw = base * s.width
    z = 2 if s.width == 1 else 1.5
    dashed = (0, (3.7 / s.width, 1.6 / s.width))  # the dashes of a normal line, also when wider
    if obs:
        ax.plot(*zip(*obs, strict=True), color=s.color, ls="-", lw=lw, zorder=z,
                marker=s.marker or ("o" if len(obs) == 1 else None), ms=5,
                gid=f"scenario:{s.key}:observed")
    if proj:
        joined = obs[-1:] + proj
        ax.plot(*zip(*joined, strict=True), color=s.color, ls=dashed, lw=lw, zorder=z,
                marker=s.marker or None, gid=f"scenario:{s.key}:projection")


_LEGEND_HANDLES = {
    "observed": lambda: Line2D([], [], color="#333333", ls="-"),
    "projection": lambda: Line2D([], [], color="#333333", ls="--"),
    "claim": lambda: Line2D([], [], ls="none", marker="D", mfc="white", mec="black", mew=1.5),
    "claim_level": lambda: Line2D([], [], color="black", ls="-.", lw=1.0),
    "key": lambda: Line2D([], [], ls="none"),
    "bars": lambda: Patch(color="#999999"),
    "cumulative": lambda: Line2D([], [], color="#999999", ls="--"),
}


def legend_label(s: cd.Series) -> str:
    """A series' legend text: its label, and which series it covers, if any."""
    return s.label + ("\n" + _fill(f"({s.same_as})", 36) if s.same_as else "")


def _legend_texts(data: ChartData) -> list[str]:
    return ([legend_label(s) for s in data.series if s.kind != "bar" or s.panel == 0]
            + [_fill(text, 40 if kind == "key" else 36) for kind, text in data.legend])


def _height_for(data: ChartData) -> float:
    """Figure height [in] that gives the legend room beside the plot (at least the standard)."""
    texts = _legend_texts(data)
    lines = sum(x.count("\n") + 1 for x in texts)
    return max(FIGSIZE[1], 2.6 + 0.17 * lines + 0.11 * len(texts))


def _legend(ax: Axes, data: ChartData, series: Sequence[cd.Series]) -> None:
    handles = [Line2D([], [], color=s.color, lw=2.5, marker=s.marker or None,
                      label=legend_label(s)) for s in series]
    for kind, text in data.legend:
        handle = _LEGEND_HANDLES[kind]()
        handle.set_label(_fill(text, 40 if kind == "key" else 36))
        handles.append(handle)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0,
              labelspacing=0.8)


def _finish(ax: Axes, note: str) -> Axes:
    add_source_note(ax, note)
    _literal_text(ax.get_figure(root=True))
    return ax


def _literal_text(fig: Figure) -> None:
    """Draw every text of the figure as written (no mathtext), also outside :func:`chart_style`."""
    for text in fig.findobj(Text):
        text.set_parse_math(False)


def _subtitle(ax: Axes, title: str, subtitle: str, width: int = 105) -> None:
    subtitle = textwrap.fill(subtitle, width=width, break_on_hyphens=False) if subtitle else ""
    lines = subtitle.count("\n") + 1 if subtitle else 0
    ax.set_title(title, loc="left", pad=8 + 12 * lines)
    if subtitle:
        ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, 5),
                    textcoords="offset points", ha="left", va="bottom", fontsize=9.5,
                    color="#444444")


def _wrap_width(lang: str, width: int) -> int:
    """Characters per line: a Japanese character is about twice as wide as a Latin one."""
    return width if lang == "en" else width // 2 + 4


def _label_box() -> dict:
    return {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85}


def _draw_claims(ax: Axes, points: Sequence[cd.ClaimPoint], xlim: tuple[float, float]) -> None:
    """One marker per claimed point, labels alternating above and below."""
    mid = (xlim[0] + xlim[1]) / 2
    for i, p in enumerate(points):
        above = i % 2 == 0
        ax.plot([p.x], [p.y], ls="none", marker="D", ms=7, mfc="white", mec="black", mew=1.5,
                zorder=5, gid=f"claim:{p.ids}")
        ax.annotate(p.label, xy=(p.x, p.y), xytext=(0, 16 if above else -16),
                    textcoords="offset points", ha="left" if p.x <= mid else "right",
                    va="bottom" if above else "top", fontsize=8,
                    arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6},
                    bbox=_label_box(), zorder=6)


def _draw_levels(ax: Axes, levels: Sequence[cd.Level]) -> None:
    """Targets (dotted, label at the right) and claims naming no year (dash-dot, label at the
    left, a marker at the right edge)."""
    for lv in levels:
        if lv.kind == "target":
            ax.axhline(lv.value, color="#333333", ls=":", lw=1.2, zorder=1, gid=f"target:{lv.ids}")
            ax.annotate(lv.label, xy=(1, lv.value), xycoords=("axes fraction", "data"),
                        xytext=(-4, 3), textcoords="offset points", fontsize=8.5, color="#333333",
                        ha="right", va="bottom", zorder=4,
                        bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})
        elif lv.kind == "claim":
            ax.axhline(lv.value, color="black", ls="-.", lw=1.0, alpha=0.8, zorder=2,
                       gid=f"claim-level:{lv.ids}")
            ax.plot([1.0], [lv.value], transform=ax.get_yaxis_transform(), ls="none", marker="D",
                    ms=7, mfc="white", mec="black", mew=1.5, clip_on=False, zorder=5,
                    gid=f"claim-level-marker:{lv.ids}")
            ax.annotate(lv.label, xy=(0, lv.value), xycoords=("axes fraction", "data"),
                        xytext=(4, 3), textcoords="offset points", ha="left", va="bottom",
                        fontsize=8, bbox=_label_box(), zorder=6, gid=f"claim-level-label:{lv.ids}")


def _draw_gap_arrow(ax: Axes, levels: Sequence[cd.Level]) -> None:
    gap = [lv for lv in levels if lv.kind == "gap"]
    if len(gap) != 2:
        return
    year, a, b = int(gap[0].ids), gap[0].value, gap[1].value
    ax.annotate("", xy=(year, b), xytext=(year, a),
                arrowprops={"arrowstyle": "<->", "color": "black", "lw": 1.2})
    ax.annotate(gap[0].label, xy=(year, (a + b) / 2), xytext=(8, 0), textcoords="offset points",
                va="center", fontsize=9.5, fontweight="bold", gid="denominator-gap",
                bbox=_label_box(), zorder=6)


# ----------------------------------------------------------------------------------------------
# Drawing a ChartData
# ----------------------------------------------------------------------------------------------
def draw(data: ChartData, *, ax: Axes | None = None, cumulative_ax: Axes | None = None) -> Axes:
    """Draw one :class:`~spendcalc.chartdata.ChartData` (a new figure when ``ax`` is None).

    Line charts on one panel; the extra-yen chart (bars on panel 0, cumulative lines on panel 1)
    on two panels, or, on a caller's ``ax``, with the lines on ``cumulative_ax`` or a twin axis.
    Shares are plotted as fractions (``unit`` percent / 100; the axis shows percent), as the
    projection holds them.
    """
    if any(s.kind == "bar" for s in data.series):
        return _draw_bars_and_cumulative(data, ax, cumulative_ax)
    data = _as_fractions(data) if data.unit == "percent" else data
    _fig, (ax,) = _new_axes(ax, height=_height_for(data))
    last = max((max(s.x) for s in data.series if s.x), default=0)
    _shade_projection(ax, data.projection_from, last, data.lang)
    for s in data.series:
        _draw_series(ax, s)
    _draw_levels(ax, data.levels)
    _draw_gap_arrow(ax, data.levels)
    if data.claims:
        xs = [x for s in data.series for x in s.x] + [p.x for p in data.claims]
        _draw_claims(ax, data.claims, (min(xs), max(xs)))
    ax.set_ylabel(data.ylabel)
    if data.unit == "fraction":
        _percent_axis(ax)
        tops = [lv.value for lv in data.levels] + [p.y for p in data.claims]
        ax.set_ylim(bottom=0, top=max([ax.get_ylim()[1], 0.005, *tops]) * 1.12)
    else:
        ax.set_ylim(bottom=0)
    _fy_axis(ax, data.xlabel)
    _subtitle(ax, data.title, data.subtitle, _wrap_width(data.lang, 105))
    _legend(ax, data, data.series)
    return _finish(ax, data.note)


def _as_fractions(data: ChartData) -> ChartData:
    """The same chart with shares as fractions (0.02, not 2)."""
    def frac(v: float) -> float:
        return v / 100

    series = tuple(cd.Series(**{**s.__dict__, "y": tuple(frac(y) for y in s.y)}) for s in data.series)
    levels = tuple(cd.Level(**{**lv.__dict__, "value": frac(lv.value)}) for lv in data.levels)
    claims = tuple(cd.ClaimPoint(**{**p.__dict__, "y": frac(p.y)}) for p in data.claims)
    return ChartData(**{**data.__dict__, "series": series, "levels": levels, "claims": claims,
                        "unit": "fraction"})


def _draw_bars_and_cumulative(data: ChartData, ax: Axes | None, cax: Axes | None) -> Axes:
    bars = [s for s in data.series if s.kind == "bar"]
    lines = [s for s in data.series if s.kind != "bar"]
    if ax is None:
        _fig, (ax, cax) = _new_axes(None, nrows=2)
    elif cax is None:
        cax = ax.twinx()
    width = 0.8 / max(len(bars), 1)
    for i, s in enumerate(bars):
        ax.bar([x + (i - (len(bars) - 1) / 2) * width for x in s.x], s.y, width=width,
               color=s.color, gid=f"bars:{s.key}")
    for s in lines:
        cax.plot(s.x, s.y, color=s.color, ls="--", lw=mpl.rcParams["lines.linewidth"] * s.width,
                 zorder=2 if s.width == 1 else 1.5, gid=f"scenario:{s.key}:cumulative")
    ax.axhline(0, color="#333333", lw=0.8)
    ax.set_ylabel(data.ylabel)
    cax.set_ylabel(data.ylabel2)
    _subtitle(ax, data.title, data.subtitle, _wrap_width(data.lang, 105))
    _fy_axis(ax, data.xlabel)
    _fy_axis(cax, data.xlabel)
    ax.tick_params(labelbottom=True)  # shared x axis: keep the years on both panels
    cax.set_title(data.title2, loc="left", fontsize=10.5)
    by_key = {s.key: s for s in lines}
    _legend(ax, data, [by_key.get(s.key, s) for s in bars])
    return _finish(ax, data.note)


def _retitled(data: ChartData, title: str | None) -> ChartData:
    return data if title is None else ChartData(**{**data.__dict__, "title": title})


# ----------------------------------------------------------------------------------------------
# Charts
# ----------------------------------------------------------------------------------------------
def plot_spending(tidy: pd.DataFrame, *, ax: Axes | None = None,
                  scenarios: Sequence[str] | None = None, note: str | None = None,
                  title: str | None = None, lang: str = "en") -> Axes:
    """Plot spending per scenario [trillion JPY, nominal]; projections dashed and shaded.

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (measure ``spending_jpy`` [JPY]).
    ax : Axes, optional
        Where to draw; a new 10 x 5.8 in figure when None.
    scenarios : sequence of str, optional
        Scenarios to show; default all.
    note : str, optional
        Source note at the bottom; default :func:`methodology_note`; ``""`` for none.
    title : str, optional
        Replaces the chart's title.
    lang : str
        Language of every text, ``'en'`` (default) or ``'ja'``.
    """
    data = cd.spending(tidy, scenarios=scenarios, lang=lang, note=note)
    return draw(_retitled(data, title), ax=ax)


def plot_share(tidy: pd.DataFrame, *, claims: pd.DataFrame | None = None, targets: bool = True,
               ax: Axes | None = None, scenarios: Sequence[str] | None = None,
               note: str | None = None, title: str | None = None, lang: str = "en",
               articles: dict[str, str] | None = None) -> Axes:
    """Plot the share of GDP per scenario [% of GDP], targets and the articles' claims.

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (measure ``share_of_gdp`` [fraction], each
        scenario on its own denominator).
    claims : DataFrame, optional
        Columns ``claim_id, article, fiscal_year, value [fraction], label``; one marker per
        claimed (year, level), labelled with the numbers of the articles claiming it; the
        legend's key names each article (``articles``: number -> name). Rows without a fiscal
        year (a claim naming no year, such as the reported 3.5% request) are drawn as a labelled
        level line with a marker at the right edge; rows without a value are not drawn.
    targets : bool
        Draw one horizontal line per distinct target share (from the methodology).
    ax, scenarios, note, title, lang
        As in :func:`plot_spending`.
    """
    data = cd.share(tidy, claims=claims, targets=targets, scenarios=scenarios, lang=lang,
                    articles=articles, note=note)
    return draw(_retitled(data, title), ax=ax)


def plot_denominator_gap(tidy: pd.DataFrame, scenario: str, *, ax: Axes | None = None,
                         note: str | None = None, title: str | None = None,
                         lang: str = "en") -> Axes:
    """Plot one scenario's share on the fixed-FY2022 and the same-year GDP basis [% of GDP].

    The gap is labelled in percentage points in the target year (or the last year).

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (measures ``share_of_gdp_fixed_fy2022`` and
        ``share_of_gdp_same_year`` [fraction]).
    scenario : str
        Scenario name.
    ax, note, title, lang
        As in :func:`plot_spending`.
    """
    return draw(_retitled(cd.denominator_gap(tidy, scenario, lang=lang, note=note), title), ax=ax)


def baseline_subtitle(tidy: pd.DataFrame, names: Sequence[str], lang: str = "en") -> str:
    """Name the baseline of the extra-yen figures (see :func:`spendcalc.chartdata.baseline_subtitle`)."""
    return cd.baseline_subtitle(tidy, names, lang)


def plot_gap_to_baseline(tidy: pd.DataFrame, *, ax: Axes | None = None,
                         cumulative_ax: Axes | None = None, scenarios: Sequence[str] | None = None,
                         note: str | None = None, title: str | None = None,
                         lang: str = "en") -> Axes:
    """Plot extra yen versus the baseline per year (bars) and cumulative (lines).

    The subtitle names the baseline (``baseline_subtitle``): one common level for every
    scenario, or each scenario's own last decided level.

    With ``ax=None`` the figure has two panels: annual bars on top (the returned, primary
    Axes) and the cumulative lines below (``ax.figure.axes[1]``). With ``ax`` given, the
    cumulative lines go on ``cumulative_ax`` or, if that is None, on ``ax.twinx()``.

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (``gap_to_baseline_jpy`` and
        ``cumulative_gap_to_baseline_jpy`` [JPY]); baseline scenarios are left out.
    ax, scenarios, note, title, lang
        As in :func:`plot_spending`. Values shown in [trillion JPY, nominal].
    """
    data = cd.gap_to_baseline(tidy, scenarios=scenarios, lang=lang, note=note)
    return draw(_retitled(data, title), ax=ax, cumulative_ax=cumulative_ax)


def plot_usd(tidy: pd.DataFrame, *, ax: Axes | None = None, scenarios: Sequence[str] | None = None,
             note: str | None = None, title: str | None = None, lang: str = "en") -> Axes:
    """Plot spending per scenario [billion USD; 100 million USD in Japanese] at the stated
    exchange rate (in the subtitle).

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (measure ``spending_usd`` [USD]).
    ax, scenarios, note, title, lang
        As in :func:`plot_spending`.
    """
    return draw(_retitled(cd.usd(tidy, scenarios=scenarios, lang=lang, note=note), title), ax=ax)


def plot_kind(kind: str, tidy: pd.DataFrame, *, focus: str | None = None,
              claims: pd.DataFrame | None = None, lang: str = "en",
              articles: dict[str, str] | None = None) -> Figure:
    """One chart of the app's kinds (``spending``, ``share``, ``denominator``, ``gap``, ``usd``)
    as its own figure, the same as in the brief set (the app's downloads)."""
    with chart_style(lang):
        if kind == "share":
            ax = plot_share(tidy, claims=claims, lang=lang, articles=articles)
        elif kind == "denominator":
            ax = plot_denominator_gap(tidy, focus or _gap_scenario(tidy), lang=lang)
        else:
            plot = {"gap": plot_gap_to_baseline, "usd": plot_usd}.get(kind, plot_spending)
            ax = plot(tidy, lang=lang)
    return ax.get_figure(root=True)


def simulation_note(summary: pd.DataFrame, *, sources: bool = True, lang: str = "en") -> str:
    """The default note of :func:`plot_fan`, from ``summary.attrs`` (with the data sources)."""
    a = summary.attrs
    if a.get("method") == "exact":
        bits = [t("chart.fan.exact", lang)]
    else:
        bits = [t("chart.fan.paths", lang, paths=f"{a['paths']:,}") if a.get("paths")
                else t("chart.fan.monte_carlo", lang)]
    if a.get("seed") is not None:
        bits.append(t("chart.fan.seed", lang, seed=a["seed"]))
    if a.get("denominator"):
        key = "denominator." + str(a["denominator"]).replace("-", "_")
        name = t(key, lang) if lang != "en" and key in MESSAGES else a["denominator"]
        bits.append(t("chart.fan.denominator", lang, denominator=name))
    text = t("chart.fan.join", lang).join(bits) + t("chart.fan.end", lang)
    return text + t("chart.fan.fiscal_years", lang) + sources_text(lang) if sources else text


def sources_text(lang: str = "en") -> str:
    """The sources line in ``lang``."""
    return t("chart.sources", lang)


def _fan_headline(a: dict, lang: str) -> str:
    target, year, prob = a.get("target_share"), a.get("target_year"), a.get("probability")
    if target is None:
        return t("chart.fan.no_target", lang)
    if prob is None:
        return t("chart.fan.certain", lang)
    text = t("chart.fan.probability", lang, share=percent(target, lang), fy=fy(year, lang),
             prob=f"{prob:.0%}")
    return text + t("chart.fan.sized", lang) if a.get("sized_on_central_path") else text


def plot_fan(summary: pd.DataFrame, *, ax: Axes | None = None, note: str | None = None,
             measure: str = "share_of_gdp", title: str | None = None, lang: str = "en") -> Axes:
    """Plot a fan chart of simulated share of GDP [% of GDP]: 5–95 and 25–75 bands, median.

    Parameters
    ----------
    summary : DataFrame
        Columns ``fiscal_year, measure, unit, p5, p25, p50, p75, p95``; ``attrs`` with
        ``scenario, target_share, target_year, probability`` (None when certain), ``paths``,
        ``seed``, ``denominator``.
    ax : Axes, optional
        Where to draw; a new figure when None.
    note : str, optional
        Source note; default :func:`simulation_note`; ``""`` for none.
    lang : str
        Language of every text, ``'en'`` (default) or ``'ja'``.
    """
    rows = summary[summary["measure"] == measure].sort_values("fiscal_year")
    a = summary.attrs
    name = a.get("scenario") or "scenario"
    color = scenario_color(name)
    _fig, (ax,) = _new_axes(ax)
    x = rows["fiscal_year"]
    ax.fill_between(x, rows["p5"], rows["p95"], color=color, alpha=0.18, lw=0,
                    label=t("chart.fan.band_outer", lang), gid="band:5-95")
    ax.fill_between(x, rows["p25"], rows["p75"], color=color, alpha=0.38, lw=0,
                    label=t("chart.fan.band_inner", lang), gid="band:25-75")
    ax.plot(x, rows["p50"], color=color, gid="median", label=t("chart.fan.median", lang))
    target, year = a.get("target_share"), a.get("target_year")
    if target is not None:
        ax.axhline(target, color="#333333", ls=":", lw=1.2, gid="target",
                   label=t("chart.fan.target", lang, share=percent(target, lang))
                   + (f" ({fy(year, lang)})" if year else ""))
    ax.set_ylabel(t("chart.fan.ylabel", lang))
    _percent_axis(ax)
    ax.set_ylim(bottom=0, top=max(ax.get_ylim()[1], (target or 0) * 1.15))
    _fy_axis(ax, t("common.fiscal_year_axis", lang))
    _subtitle(ax, title or t("chart.fan.title", lang, name=name), _fan_headline(a, lang),
              _wrap_width(lang, 105))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, labelspacing=0.9)
    return _finish(ax, simulation_note(summary, lang=lang) if note is None else note)


# ----------------------------------------------------------------------------------------------
# The brief set
# ----------------------------------------------------------------------------------------------
def _gap_scenario(tidy: pd.DataFrame) -> str:
    meta = cd.meta_of(tidy)
    names = cd.unique(tidy["scenario"])
    with_target = [n for n in names if meta.get(n, {}).get("target_share") is not None]
    # the question "2% of which GDP?" is sharpest for a target on the government's fixed basis:
    # prefer the earliest such target (the accelerated FY2025 2% among the built-ins)
    fixed = sorted((meta[n].get("target_year") or 9999, i, n) for i, n in enumerate(with_target)
                   if meta[n].get("denominator") == "fixed-fy2022")
    return fixed[0][2] if fixed else (with_target or names)[0]


def brief_keys(tidy: pd.DataFrame, simulation: pd.DataFrame | None = None) -> list[str]:
    """The file-name keys of :func:`brief_charts` for this frame (and simulation)."""
    keys = [k.format(scenario=_gap_scenario(tidy)) for k in CHART_KEYS[:5]]
    if simulation is not None:
        keys.append(CHART_KEYS[5].format(scenario=simulation.attrs.get("scenario") or "scenario"))
    return keys


def fan_note(tidy: pd.DataFrame, simulation: pd.DataFrame, lang: str = "en") -> str:
    """Simulation settings followed by the methodology of the simulated scenario."""
    name = simulation.attrs.get("scenario")
    if name not in set(tidy["scenario"]):
        return simulation_note(simulation, lang=lang)
    return (simulation_note(simulation, sources=False, lang=lang) + " "
            + methodology_note(tidy, [name], lang))


def brief_charts(tidy: pd.DataFrame, *, claims: pd.DataFrame | None = None,
                 simulation: pd.DataFrame | None = None, lang: str = "en",
                 articles: dict[str, str] | None = None) -> dict[str, Figure]:
    """Draw the brief set: key (a file name without extension) -> Figure (10 in wide, 100 dpi).

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project`.
    claims : DataFrame, optional
        Claim markers for the share chart (see :func:`plot_share`).
    simulation : DataFrame, optional
        A simulation summary; adds the fan chart (see :func:`plot_fan`).
    lang : str
        Language of every text, ``'en'`` (default) or ``'ja'``; save the figures inside
        ``chart_style(lang)`` too (the font is looked up when the text is drawn).
    articles : dict, optional
        Article number -> name, the key to the claim labels (:func:`spendcalc.chartdata.article_names`).
    """
    keys = brief_keys(tidy, simulation)
    scenario = _gap_scenario(tidy)
    out: dict[str, Figure] = {}
    with chart_style(lang):
        out[keys[0]] = plot_spending(tidy, lang=lang).get_figure(root=True)
        out[keys[1]] = plot_share(tidy, claims=claims, lang=lang,
                                  articles=articles).get_figure(root=True)
        out[keys[2]] = plot_denominator_gap(tidy, scenario, lang=lang).get_figure(root=True)
        out[keys[3]] = plot_gap_to_baseline(tidy, lang=lang).get_figure(root=True)
        out[keys[4]] = plot_usd(tidy, lang=lang).get_figure(root=True)
        if simulation is not None:
            name = simulation.attrs.get("scenario") or "scenario"
            title = t("chart.fan.title", lang, name=cd.title_of(tidy, name, 200, lang))
            out[keys[5]] = plot_fan(simulation, note=fan_note(tidy, simulation, lang), lang=lang,
                                    title=textwrap.shorten(title, 80)).get_figure(root=True)
    return out


def chart_data(tidy: pd.DataFrame, key: str, *, claims: pd.DataFrame | None = None,
               simulation: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the rows behind one chart of :func:`brief_charts` (tidy rows, units as in tidy).

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project`.
    key : str
        A key of :func:`brief_charts`, e.g. ``'01-spending-trillion-yen'``.
    claims, simulation : DataFrame, optional
        As given to :func:`brief_charts`; claims are appended to the share chart's rows.
    """
    prefix = key.split("-", 1)[0]
    if prefix == "01":
        return cd.rows_of(tidy, "spending_jpy").reset_index(drop=True)
    if prefix == "02":
        rows = cd.rows_of(tidy, "share_of_gdp")
        if claims is not None and len(claims):
            extra = claims.assign(scenario="claim", measure="claim_share_of_gdp", unit="fraction",
                                  status="claim")
            rows = pd.concat([rows, extra], ignore_index=True)
        return rows.reset_index(drop=True)
    if prefix == "03":
        scenario = key.removeprefix("03-denominator-gap-") if key.startswith(
            "03-denominator-gap-") else _gap_scenario(tidy)
        sel = tidy[(tidy["scenario"] == scenario)
                   & tidy["measure"].isin(["share_of_gdp_fixed_fy2022", "share_of_gdp_same_year"])]
        return sel.sort_values(["measure", "fiscal_year"]).reset_index(drop=True)
    if prefix == "04":
        sel = tidy[tidy["measure"].isin(["gap_to_baseline_jpy", "cumulative_gap_to_baseline_jpy"])]
        sel = sel[~sel["scenario"].isin(cd.baseline_names(tidy, tidy["scenario"]))]
        return sel.sort_values(["scenario", "measure", "fiscal_year"]).reset_index(drop=True)
    if prefix == "05":
        return cd.rows_of(tidy, "spending_usd").reset_index(drop=True)
    if prefix == "06":
        if simulation is None:
            raise ValueError(f"chart {key!r} needs the simulation summary")
        return simulation.reset_index(drop=True)
    raise ValueError(f"unknown chart key {key!r}; expected one of {', '.join(CHART_KEYS)}")


# ----------------------------------------------------------------------------------------------
# Scope waterfall (spendcalc.bridge)
# ----------------------------------------------------------------------------------------------
BRIDGE_CHART_KEY = "07-bridge-FY{year}"
_BRIDGE_SHORT = (("held at FY2025", "+ non-MOD items (FY2025 level held)"), ("Defense Buildup Program", "MOD budget, DBP-covered"), ("'defense budget'", "= MOD defense budget"),
                 ("SACO", "+ SACO / US realignment"), ("Coast Guard", "+ Coast Guard, PKO, other ministries"),
                 ("four complementary", "+ four areas (R&D, infrastructure, cyber, intl.)"),
                 ("rounding", "rounding residual"), ("= security-related expenditures with", "= with supplementary"),
                 ("= security-related", "= security-related (initial)"), ("supplementary budget", "+ supplementary"))
#: the same steps in Japanese (official names: 防衛関係費, 安全保障に関連する経費, 当初予算, 補正予算)
_BRIDGE_SHORT_JA = (("held at FY2025", "+ 防衛省以外の経費（2025年度水準）"),
                    ("Defense Buildup Program", "防衛省予算（防衛力整備計画対象）"),
                    ("'defense budget'", "= 防衛関係費"), ("SACO", "+ SACO・米軍再編関係経費"),
                    ("Coast Guard", "+ 海上保安庁・PKO・他省庁"),
                    ("four complementary", "+ 4分野（研究開発・公共インフラ・サイバー・国際協力）"),
                    ("rounding", "端数・差額"), ("= security-related expenditures with", "= 補正予算後"),
                    ("= security-related", "= 安全保障に関連する経費（当初予算）"),
                    ("supplementary budget", "+ 補正予算"))
_BRIDGE_COLORS = {"start": "#1f4e79", "subtotal": "#1f4e79", "total": "#1f4e79", "add": "#6a9fd4",
                  "residual": "#bbbbbb"}


def bridge_note(bridge: pd.DataFrame, lang: str = "en") -> str:
    """The waterfall's note, its denominators, and where each step's source is."""
    if check_lang(lang) == "ja":
        return ("対GDP比の分母：固定＝2022年度名目GDP（"
                f"{bridge.attrs.get('reference_gdp_jpy', float('nan')) / 1e12:g}兆円）、当該年度＝"
                "その年度の名目GDP。灰色：公表された内訳と合計の差（端数など）。各段の出典（資料名・"
                "アドレス・算出方法）はこの図の横のCSV（spendcalc bridge --format csv）と data/README.md。")
    publishers = sorted({u.split("/")[2] for u in bridge["source_url"] if isinstance(u, str) and "://" in u
                         and "|" not in u})
    return (f"{bridge.attrs.get('note', '')} Shares of GDP: fixed = FY2022 reference GDP "
            f"({bridge.attrs.get('reference_gdp_jpy', float('nan')) / 1e12:g} trillion yen); same "
            f"year = {bridge.attrs.get('gdp_same_year', '')}. Grey: rounding / unexplained residual "
            "between published components and a published total. Each step's source (title, "
            "address, derivation) is in the CSV beside this chart (spendcalc bridge --format csv); "
            "sites: " + ", ".join(publishers) + ". Data: data/README.md.")


def plot_bridge(bridge: pd.DataFrame, *, ax: Axes | None = None, note: str | None = None,
                lang: str = "en") -> Axes:
    """Draw the scope waterfall of :func:`spendcalc.bridge` [trillion JPY].

    Totals (start, subtotal, total) are bars from zero; steps (add, residual) float from the
    running total before them to the one after. Missing steps are labelled, not drawn.
    """
    fig, (ax,) = _new_axes(ax)
    labels = []
    for i, r in enumerate(bridge.itertuples(index=False)):
        short = next((b for a, b in (_BRIDGE_SHORT_JA if lang == "ja" else _BRIDGE_SHORT)
                      if a in str(r.component)), str(r.component))
        labels.append(textwrap.fill(cd.plain(short), 14 if lang == "en" else 8, max_lines=4,
                                    placeholder=" ..."))
        v = r.value_jpy / TRILLION
        if pd.isna(v):
            ax.annotate(t("chart.bridge.not_published", lang), (i, 0.3), ha="center", fontsize=8.5, color="#aa3333", rotation=90)
            continue
        if r.row_type in ("start", "subtotal", "total"):
            bottom, height = 0.0, v
        else:
            end = r.running_total_jpy / TRILLION
            bottom, height = end - v, v
        hatch = "//" if r.status in ("estimate", "plan") else None
        ax.bar(i, height, bottom=bottom, color=_BRIDGE_COLORS.get(r.row_type, "#6a9fd4"),
               edgecolor="#333333", linewidth=0.5, hatch=hatch)
        ax.annotate({"add": f"{v:+.2f}", "residual": f"{v:+.3f}"}.get(r.row_type, f"{v:.2f}"),
                    (i, max(bottom, bottom + height)), xytext=(0, 3), textcoords="offset points",
                    ha="center", va="bottom", fontsize=8.5)
    ax.set_xticks(range(len(labels)), labels, fontsize=7.5)
    top = bridge[["value_jpy", "running_total_jpy"]].max().max() / TRILLION
    if top == top:  # not NaN
        ax.set_ylim(0, top * 1.12)
    ax.set_ylabel(t("chart.bridge.ylabel", lang))
    year = bridge["fiscal_year"].iloc[0] if len(bridge) else ""
    digits = str(year).removeprefix("FY")
    year_text = fy(int(digits), lang) if digits.isdigit() else str(year)
    _subtitle(ax, t("chart.bridge.title", lang, year=year_text), t("chart.bridge.subtitle", lang))
    return _finish(ax, bridge_note(bridge, lang) if note is None else note)
