"""Brief-ready charts of a tidy projection (matplotlib object-oriented API only).

Conventions
-----------
* Every ``plot_*`` function takes the tidy frame of :func:`spendcalc.project` (or, for
  :func:`plot_fan`, a simulation summary), draws on ``ax`` (a new figure when ``ax`` is None) and
  returns the Axes. Nothing here calls ``pyplot``, shows a window or changes global settings:
  the house style is applied only inside :func:`chart_style`.
* The only arithmetic is selecting rows and dividing by a display scale (1e12 for trillion yen,
  1e9 for billion USD); shares stay fractions and the axis formats them as percent.
* Actual and plan figures are solid lines, projections dashed, and the projected years shaded.
  A scenario keeps the same colour on every chart (:func:`scenario_color`, Okabe-Ito palette).
* Each figure carries a source and methodology note at the bottom (:func:`add_source_note`);
  the text is an argument of every plot function, by default :func:`methodology_note`.
* The x axis is the Japanese fiscal year (April-March), with integer ticks.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import matplotlib as mpl
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

__all__ = [
    "CHART_KEYS", "FY_LABEL", "SOURCES", "add_source_note", "brief_charts", "chart_data",
    "chart_style", "methodology_note", "plot_denominator_gap", "plot_fan", "plot_gap_to_baseline",
    "plot_share", "plot_spending", "plot_usd", "scenario_color",
]

FY_LABEL = "Fiscal year (April–March)"
SOURCES = "Sources: MOD/MOF budgets; ESRI GDP; Cabinet Office projections; see data/README.md."
TRILLION = 1e12
BILLION = 1e9
FIGSIZE = (10.0, 5.8)  # [in]; at 100 dpi the PNG is 1,000 px wide
NOTE_GID = "spendcalc-source-note"
NOTE_FONTSIZE = 8.0  # [pt]

#: Okabe-Ito colour-blind-safe palette
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
}
_FIXED_COLORS = {
    "original-fy2027": OKABE_ITO["blue"],
    "accelerated-fy2025": OKABE_ITO["vermillion"],
    "us-ask-3.5pct": OKABE_ITO["reddish_purple"],
    "hold-flat": "#555555",
}
_OTHER_COLORS = (OKABE_ITO["orange"], OKABE_ITO["sky_blue"], OKABE_ITO["bluish_green"],
                 OKABE_ITO["black"])
_OBSERVED = ("actual", "plan", "estimate")  # decided years (estimate: derived from published figures)
_UNDRAWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
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
    "svg.fonttype": "none",  # SVG text stays text (editable in a newsroom's tools; also faster)
    "text.parse_math": False,  # user text (titles) is drawn literally: "$5bn to $10bn" is no formula
}

#: keys of :func:`brief_charts` (``{scenario}`` filled in)
CHART_KEYS = ("01-spending-trillion-yen", "02-share-of-gdp-with-claims",
              "03-denominator-gap-{scenario}", "04-extra-yen-vs-baseline", "05-spending-usd",
              "06-share-fan-{scenario}")


# ----------------------------------------------------------------------------------------------
# Style, colours, notes
# ----------------------------------------------------------------------------------------------
@contextmanager
def chart_style() -> Iterator[None]:
    """Apply the house style (fonts, grid, spines, 100 dpi) inside a ``with`` block only."""
    with mpl.rc_context(_STYLE):
        yield


def scenario_color(name: str) -> str:
    """Return the fixed colour of a scenario (hex); built-ins fixed, others by a stable hash."""
    if name in _FIXED_COLORS:
        return _FIXED_COLORS[name]
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return _OTHER_COLORS[digest[0] % len(_OTHER_COLORS)]


def _unique(values: Iterable[object]) -> list:
    out: list = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _per_scenario(meta: dict, names: Sequence[str], key: str, fmt: object = str) -> str:
    """'a' when all scenarios agree, else 'a (s1, s2); b (s3)'."""
    values = {n: meta[n].get(key) for n in names if meta.get(n, {}).get(key) is not None}
    if not values:
        return ""
    groups = _unique(values.values())
    if len(groups) == 1:
        return fmt(groups[0])
    return "; ".join(f"{fmt(g)} ({', '.join(n for n, v in values.items() if v == g)})"
                     for g in groups)


def methodology_note(tidy: pd.DataFrame, scenarios: Sequence[str] | None = None) -> str:
    """Build the source and methodology note from ``tidy.attrs['methodology']``.

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project`.
    scenarios : sequence of str, optional
        Scenarios the chart shows; default all in the frame.

    Returns
    -------
    str
        Scope, budget basis, denominator, reference GDP [trillion JPY], GDP vintage and
        projection assumption, exchange rate [JPY/USD] and the data sources.
    """
    meta = tidy.attrs.get("methodology", {}) or {}
    names = list(scenarios) if scenarios is not None else _unique(tidy["scenario"])
    parts = []
    for label, key, fmt in (
            ("Scope", "scope", str), ("Budget basis", "basis", str),
            ("GDP denominator", "denominator", str),
            ("Fixed-FY2022 reference GDP", "reference_gdp_jpy",
             lambda v: f"{v / TRILLION:,.0f} trillion JPY"),
            ("Actual GDP", "gdp_vintage", lambda v: f"ESRI vintage {v}"),
            ("Projected GDP", "gdp_assumption", str),
            ("FX", "fx_assumption", str)):
        text = _per_scenario(meta, names, key, fmt)
        if not text and key == "fx_assumption":  # a frame without the FX text: the stated rate
            text = _per_scenario(meta, names, "jpy_per_usd",
                                 lambda v: f"{v:g} JPY per USD (one rate for all years)")
        if text:
            parts.append(f"{label}: {text}")
    parts.append("Fiscal years April–March")
    return ". ".join(parts) + ". " + SOURCES


def add_source_note(fig_or_ax: Figure | Axes, text: str, *, fontsize: float = NOTE_FONTSIZE) -> None:
    """Write ``text`` (wrapped) at the bottom of the figure, reserving space for it.

    One note per figure: a second call replaces the first. An empty text removes the note.
    """
    fig = fig_or_ax if isinstance(fig_or_ax, Figure) else fig_or_ax.get_figure(root=True)
    for t in list(fig.texts):
        if t.get_gid() == NOTE_GID:
            t.remove()
    if not text:
        return
    width_in = fig.get_figwidth()
    chars = max(40, int(width_in * 72 / (fontsize * 0.6)))
    wrapped = "\n".join(textwrap.fill(p, chars, break_on_hyphens=False)
                         for p in text.split("\n"))
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
def _new_axes(ax: Axes | None, nrows: int = 1) -> tuple[Figure, list[Axes]]:
    if ax is not None:
        return ax.get_figure(root=True), [ax]
    fig = Figure(figsize=(FIGSIZE[0], FIGSIZE[1] + (1.6 if nrows > 1 else 0)), dpi=100,
                 layout="constrained")
    axes = fig.subplots(nrows, 1, sharex=True, squeeze=False)[:, 0]
    return fig, list(axes)


def _rows(tidy: pd.DataFrame, measure: str, scenarios: Sequence[str] | None = None) -> pd.DataFrame:
    sel = tidy[tidy["measure"] == measure]
    if scenarios is not None:
        sel = sel[sel["scenario"].isin(list(scenarios))]
    return sel.sort_values(["scenario", "fiscal_year"])


def _names(tidy: pd.DataFrame, scenarios: Sequence[str] | None) -> list[str]:
    """Scenarios to draw, baselines first so that scenarios equal to them stay visible on top."""
    present = _unique(tidy["scenario"])
    names = [s for s in present if s in set(scenarios)] if scenarios is not None else present
    base = set(_baseline_names(tidy, names))
    return [n for n in names if n in base] + [n for n in names if n not in base]


def _title_of(tidy: pd.DataFrame, name: str, width: int = 30) -> str:
    title = (tidy.attrs.get("methodology", {}) or {}).get(name, {}).get("title") or name
    return textwrap.fill(_plain(title), width, break_on_hyphens=False)


def _plain(text: str) -> str:
    """User text as one drawable line: control characters and lone surrogates replaced."""
    return _UNDRAWABLE.sub("\ufffd", " ".join(str(text).split()))


def _fy_axis(ax: Axes) -> None:
    ax.set_xlabel(FY_LABEL)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: f"{x:.0f}"))


def _percent_axis(ax: Axes) -> None:
    """Fractions on the axis, shown as percent at round steps (0.1, 0.2, 0.5 ... points)."""
    ax.yaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{round(v * 100, 6):g}%"))


def _shade_projection(ax: Axes, rows: pd.DataFrame) -> None:
    proj = rows.loc[rows["status"] == "projection", "fiscal_year"]
    if proj.empty:
        return
    start, end = int(proj.min()) - 0.5, int(rows["fiscal_year"].max()) + 0.5
    ax.axvspan(start, end, color="#eeeeee", zorder=0, lw=0, gid="projection-region")
    ax.text(start, 1.0, "  Projection →", transform=ax.get_xaxis_transform(), ha="left", va="top",
            fontsize=9, color="#555555")


def _status_lines(ax: Axes, rows: pd.DataFrame, scale: float, color: str, name: str,
                  marker: str | None = None) -> None:
    """Solid line through decided (actual/plan/estimate) years, dashed from the last through projections."""
    observed = rows[rows["status"].isin(_OBSERVED)]
    projected = rows[rows["status"] == "projection"]
    if not observed.empty:
        ax.plot(observed["fiscal_year"], observed["value"] / scale, color=color, ls="-",
                marker=marker or ("o" if len(observed) == 1 else None), ms=5,
                gid=f"scenario:{name}:observed")
    if not projected.empty:
        joined = pd.concat([observed.tail(1), projected]) if not observed.empty else projected
        ax.plot(joined["fiscal_year"], joined["value"] / scale, color=color, ls="--",
                marker=marker, gid=f"scenario:{name}:projection")


def _legend(ax: Axes, tidy: pd.DataFrame, names: Sequence[str], *, styles: bool = True,
            extra: Sequence[object] = ()) -> None:
    handles = [Line2D([], [], color=scenario_color(n), lw=2.5, label=_title_of(tidy, n))
               for n in names]
    if styles:
        handles += [Line2D([], [], color="#333333", ls="-", label="Actual / plan / estimate"),
                    Line2D([], [], color="#333333", ls="--", label="Projection")]
    handles += list(extra)
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0,
              labelspacing=0.9)


def _finish(ax: Axes, note: str) -> Axes:
    add_source_note(ax, note)
    _literal_text(ax.get_figure(root=True))
    return ax


def _literal_text(fig: Figure) -> None:
    """Draw every text of the figure as written (no mathtext), also outside :func:`chart_style`."""
    for text in fig.findobj(Text):
        text.set_parse_math(False)


def _subtitle(ax: Axes, title: str, subtitle: str) -> None:
    subtitle = textwrap.fill(subtitle, width=105, break_on_hyphens=False) if subtitle else ""
    lines = subtitle.count("\n") + 1 if subtitle else 0
    ax.set_title(title, loc="left", pad=8 + 12 * lines)
    if subtitle:
        ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, 5),
                    textcoords="offset points", ha="left", va="bottom", fontsize=9.5,
                    color="#444444")


# ----------------------------------------------------------------------------------------------
# Charts
# ----------------------------------------------------------------------------------------------
def plot_spending(tidy: pd.DataFrame, *, ax: Axes | None = None,
                  scenarios: Sequence[str] | None = None, note: str | None = None,
                  title: str = "Defense spending by scenario") -> Axes:
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
    """
    return _plot_money(tidy, "spending_jpy", TRILLION, "Spending (trillion JPY, nominal)", ax=ax,
                       scenarios=scenarios, note=note, title=title,
                       subtitle="Scope and budget basis per scenario as in the note below")


def _plot_money(tidy: pd.DataFrame, measure: str, scale: float, ylabel: str, *, ax: Axes | None,
                scenarios: Sequence[str] | None, note: str | None, title: str,
                subtitle: str) -> Axes:
    """One money measure per scenario: actual solid, projection dashed, projection shaded."""
    names = _names(tidy, scenarios)
    rows = _rows(tidy, measure, names)
    _fig, (ax,) = _new_axes(ax)
    _shade_projection(ax, rows)
    for name in names:
        _status_lines(ax, rows[rows["scenario"] == name], scale, scenario_color(name), name)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    _fy_axis(ax)
    _subtitle(ax, title, subtitle)
    _legend(ax, tidy, names)
    return _finish(ax, methodology_note(tidy, names) if note is None else note)


def _claim_annotations(ax: Axes, claims: pd.DataFrame, xlim: tuple[float, float]) -> None:
    """One marker per claim row, labels stacked where several claims share a point."""
    claims = claims.dropna(subset=["fiscal_year", "value"]).sort_values(["fiscal_year", "value"],
                                                                         kind="stable")
    groups = _unique(zip(claims["fiscal_year"], claims["value"].round(6), strict=True))
    mid = (xlim[0] + xlim[1]) / 2
    for gi, key in enumerate(groups):
        members = claims[(claims["fiscal_year"] == key[0]) & (claims["value"].round(6) == key[1])]
        above = gi % 2 == 0
        for k, (_, row) in enumerate(members.iterrows()):
            x, y = float(row["fiscal_year"]), float(row["value"])
            ax.plot([x], [y], ls="none", marker="D", ms=7, mfc="white", mec="black", mew=1.5,
                    zorder=5, gid=f"claim:{row['claim_id']}")
            dy = (16 + 13 * k) * (1 if above else -1)
            label, article = str(row["label"]), str(row["article"])
            text = label if label.endswith(f"({article})") else f"{label} ({article})"
            ax.annotate(text, xy=(x, y), xytext=(0, dy),
                        textcoords="offset points", ha="left" if x <= mid else "right",
                        va="bottom" if above else "top", fontsize=8,
                        arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6},
                        bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                              "alpha": 0.85}, zorder=6)


def _claim_levels(ax: Axes, claims: pd.DataFrame) -> bool:
    """Claims that name no year (missing ``fiscal_year``): one labelled level line per value,
    with a marker at the right edge, never a point at an invented year. True if any drawn."""
    levels = claims[claims["fiscal_year"].isna() & claims["value"].notna()]
    for value in _unique(levels["value"].astype(float).round(6)):
        members = levels[levels["value"].astype(float).round(6) == value]
        ids = ",".join(members["claim_id"].astype(str))
        ax.axhline(value, color="black", ls="-.", lw=1.0, alpha=0.8, zorder=2,
                   gid=f"claim-level:{ids}")
        ax.plot([1.0], [value], transform=ax.get_yaxis_transform(), ls="none", marker="D", ms=7,
                mfc="white", mec="black", mew=1.5, clip_on=False, zorder=5,
                gid=f"claim-level-marker:{ids}")
        label = str(members["label"].iloc[0])
        base = label.rsplit(" (", 1)[0] if label.endswith(")") else label
        articles = ", ".join(_unique(members["article"].astype(str)))
        ax.annotate(f"{base} ({articles})", xy=(0, value), xycoords=("axes fraction", "data"),
                    xytext=(4, 3), textcoords="offset points", ha="left", va="bottom", fontsize=8,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                    zorder=6, gid=f"claim-level-label:{ids}")
    return bool(len(levels))


def plot_share(tidy: pd.DataFrame, *, claims: pd.DataFrame | None = None, targets: bool = True,
               ax: Axes | None = None, scenarios: Sequence[str] | None = None,
               note: str | None = None, title: str = "Defense spending as a share of GDP") -> Axes:
    """Plot the share of GDP per scenario [% of GDP], targets and the articles' claims.

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (measure ``share_of_gdp`` [fraction], each
        scenario on its own denominator).
    claims : DataFrame, optional
        Columns ``claim_id, article, fiscal_year, value [fraction], label``; one marker per row,
        annotated ``"label (article)"``. Rows without a fiscal year (a claim naming no year, such
        as the reported 3.5% request) are drawn as a labelled level line with a marker at the
        right edge; rows without a value are not drawn.
    targets : bool
        Draw one horizontal line per distinct target share (from the methodology).
    ax, scenarios, note
        As in :func:`plot_spending`.
    """
    names = _names(tidy, scenarios)
    rows = _rows(tidy, "share_of_gdp", names)
    meta = tidy.attrs.get("methodology", {}) or {}
    _fig, (ax,) = _new_axes(ax)
    _shade_projection(ax, rows)
    for name in names:
        _status_lines(ax, rows[rows["scenario"] == name], 1.0, scenario_color(name), name)
    extra = []
    if targets:
        by_share: dict[float, list[str]] = {}
        for name in names:
            m = meta.get(name, {})
            if m.get("target_share") is not None:
                by_share.setdefault(float(m["target_share"]), []).append(
                    f"FY{m['target_year']}" if m.get("target_year") is not None else name)
        for share, years in by_share.items():
            ax.axhline(share, color="#333333", ls=":", lw=1.2, zorder=1, gid=f"target:{share:g}")
            ax.annotate(f"{share:.1%} target ({', '.join(_unique(years))})", xy=(1, share),
                        xycoords=("axes fraction", "data"), xytext=(-4, 3),
                        textcoords="offset points", fontsize=8.5, color="#333333", ha="right",
                        va="bottom", bbox={"boxstyle": "square,pad=0.1", "fc": "white",
                                           "ec": "none", "alpha": 0.8}, zorder=4)
    if claims is not None and len(claims):
        years = pd.concat([rows["fiscal_year"], claims["fiscal_year"].astype(float)])
        _claim_annotations(ax, claims, (float(years.min()), float(years.max())))
        extra.append(Line2D([], [], ls="none", marker="D", mfc="white", mec="black", mew=1.5,
                            label="Claim in an article"))
        if _claim_levels(ax, claims):
            extra.append(Line2D([], [], color="black", ls="-.", lw=1.0, label="Claim naming no year"))
    ax.set_ylabel("Share of GDP (%, each scenario's denominator)")
    _percent_axis(ax)
    ax.set_ylim(bottom=0, top=max(ax.get_ylim()[1], 0.005) * 1.12)
    _fy_axis(ax)
    _subtitle(ax, title, "Defense spending ÷ nominal GDP; dotted lines: targets")
    _legend(ax, tidy, names, extra=extra)
    return _finish(ax, methodology_note(tidy, names) if note is None else note)


def plot_denominator_gap(tidy: pd.DataFrame, scenario: str, *, ax: Axes | None = None,
                         note: str | None = None, title: str | None = None) -> Axes:
    """Plot one scenario's share on the fixed-FY2022 and the same-year GDP basis [% of GDP].

    The gap is labelled in percentage points in the target year (or the last year).

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (measures ``share_of_gdp_fixed_fy2022`` and
        ``share_of_gdp_same_year`` [fraction]).
    scenario : str
        Scenario name.
    ax, note
        As in :func:`plot_spending`.
    """
    fixed = _rows(tidy, "share_of_gdp_fixed_fy2022", [scenario])
    same = _rows(tidy, "share_of_gdp_same_year", [scenario])
    if fixed.empty:
        raise ValueError(f"scenario {scenario!r} has no share_of_gdp_fixed_fy2022 rows")
    meta = (tidy.attrs.get("methodology", {}) or {}).get(scenario, {})
    color = scenario_color(scenario)
    _fig, (ax,) = _new_axes(ax)
    _shade_projection(ax, pd.concat([fixed, same]))
    _status_lines(ax, fixed, 1.0, color, f"{scenario}:fixed-fy2022", marker="o")
    _status_lines(ax, same, 1.0, "#333333", f"{scenario}:same-year", marker="s")
    year = meta.get("target_year")
    common = set(fixed["fiscal_year"]) & set(same["fiscal_year"])
    if year not in common:
        year = max(common) if common else None
    if year is not None:
        a = float(fixed.loc[fixed["fiscal_year"] == year, "value"].iloc[0])
        b = float(same.loc[same["fiscal_year"] == year, "value"].iloc[0])
        ax.annotate("", xy=(year, b), xytext=(year, a),
                    arrowprops={"arrowstyle": "<->", "color": "black", "lw": 1.2})
        ax.annotate(f"gap {(a - b) * 100:+.2f} pp\nin FY{year}", xy=(year, (a + b) / 2),
                    xytext=(8, 0), textcoords="offset points", va="center", fontsize=9.5,
                    fontweight="bold", gid="denominator-gap")
    ref = meta.get("reference_gdp_jpy")
    ref_text = f"fixed FY2022 GDP ({ref / TRILLION:,.0f} trillion JPY)" if ref else "fixed FY2022 GDP"
    handles = [Line2D([], [], color=color, marker="o", label=textwrap.fill(f"÷ {ref_text}", 30)),
               Line2D([], [], color="#333333", marker="s",
                      label=textwrap.fill("÷ same-year nominal GDP (ESRI actual, projected after)",
                                          30)),
               Line2D([], [], color="#333333", ls="-", label="Actual / plan / estimate"),
               Line2D([], [], color="#333333", ls="--", label="Projection")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0,
              labelspacing=0.9)
    ax.set_ylabel("Share of GDP (%)")
    _percent_axis(ax)
    ax.set_ylim(bottom=0, top=ax.get_ylim()[1] * 1.1)
    _fy_axis(ax)
    _subtitle(ax, title or "Same spending, two denominators",
              textwrap.shorten(_title_of(tidy, scenario, 200), 90))
    return _finish(ax, methodology_note(tidy, [scenario]) if note is None else note)


def _baseline_names(tidy: pd.DataFrame, names: Sequence[str]) -> list[str]:
    meta = tidy.attrs.get("methodology", {}) or {}
    return [n for n in names if n == "hold-flat" or meta.get(n, {}).get("path") == "hold-flat"]


def baseline_subtitle(tidy: pd.DataFrame, names: Sequence[str]) -> str:
    """Name the baseline of the extra-yen figures (from ``tidy.attrs['methodology']``)."""
    meta = tidy.attrs.get("methodology", {}) or {}
    kinds = {meta.get(n, {}).get("baseline") for n in names} - {None}
    if kinds == {"common"}:
        texts = {meta[n]["baseline_description"] for n in names if "baseline_description" in meta[n]}
        if len(texts) == 1:
            return "Baseline (the same for every scenario): " + texts.pop().removeprefix("common: ")
    # each scenario's baseline is its own last decided level held flat (same scope and basis)
    levels = _rows(tidy, "baseline_spending_jpy", names)
    levels = levels[levels["status"] == "projection"].drop_duplicates("scenario")
    level_text = "; ".join(
        f"{r.scenario} {r.value / TRILLION:.1f} (FY{meta.get(r.scenario, {}).get('anchor_year', '?')}, "
        f"{meta.get(r.scenario, {}).get('basis', '?')})" for r in levels.itertuples())
    return ("Baseline: each scenario's last decided level held flat in yen, same scope and budget "
            f"basis (not comparable across scenarios) — trillion JPY: {level_text}")


def plot_gap_to_baseline(tidy: pd.DataFrame, *, ax: Axes | None = None,
                         cumulative_ax: Axes | None = None, scenarios: Sequence[str] | None = None,
                         note: str | None = None,
                         title: str = "Extra spending versus a baseline held flat in yen") -> Axes:
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
    ax, scenarios, note
        As in :func:`plot_spending`. Values shown in [trillion JPY, nominal].
    """
    names = [n for n in _names(tidy, scenarios) if n not in _baseline_names(tidy, tidy["scenario"])]
    annual = _rows(tidy, "gap_to_baseline_jpy", names)
    annual = annual[annual["status"] != "actual"]
    cumulative = _rows(tidy, "cumulative_gap_to_baseline_jpy", names)
    if ax is None:
        _fig, (ax, cax) = _new_axes(None, nrows=2)
    else:
        cax = cumulative_ax if cumulative_ax is not None else ax.twinx()
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        r = annual[annual["scenario"] == name]
        ax.bar(r["fiscal_year"] + (i - (len(names) - 1) / 2) * width, r["value"] / TRILLION,
               width=width, color=scenario_color(name), gid=f"bars:{name}")
        c = cumulative[cumulative["scenario"] == name]
        cax.plot(c["fiscal_year"], c["value"] / TRILLION, color=scenario_color(name), ls="--",
                 gid=f"scenario:{name}:cumulative")
    ax.axhline(0, color="#333333", lw=0.8)
    ax.set_ylabel("Extra per year\n(trillion JPY, nominal)")
    cax.set_ylabel("Cumulative extra\n(trillion JPY, nominal)")
    base = _baseline_names(tidy, tidy["scenario"])
    meta = tidy.attrs.get("methodology", {}) or {}
    _subtitle(ax, title, baseline_subtitle(tidy, names))
    _fy_axis(ax)
    _fy_axis(cax)
    ax.tick_params(labelbottom=True)  # shared x axis: keep the years on both panels
    since = {meta.get(n, {}).get("cumulative_from") for n in names} - {None}
    cax.set_title(f"Cumulative from FY{min(since)}" if since else "Cumulative", loc="left",
                  fontsize=10.5)
    _legend(ax, tidy, names, styles=False,
            extra=[Patch(color="#999999", label="Bars: per year"),
                   Line2D([], [], color="#999999", ls="--", label="Lines: cumulative")])
    return _finish(ax, methodology_note(tidy, names + base) if note is None else note)


def plot_usd(tidy: pd.DataFrame, *, ax: Axes | None = None, scenarios: Sequence[str] | None = None,
             note: str | None = None, title: str = "Defense spending in US dollars") -> Axes:
    """Plot spending per scenario [billion USD] at the stated exchange rate (in the subtitle).

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project` (measure ``spending_usd`` [USD]).
    ax, scenarios, note
        As in :func:`plot_spending`.
    """
    names = _names(tidy, scenarios)
    meta = tidy.attrs.get("methodology", {}) or {}
    rate = _per_scenario(meta, names, "jpy_per_usd", lambda v: f"{v:g}")
    texts = list(dict.fromkeys(meta[n]["fx_assumption"] for n in names if "fx_assumption" in meta.get(n, {})))
    if len(texts) == 1 and "averages" in texts[0]:
        subtitle = f"Converted at {texts[0]} (the stated rate is an assumption, not a forecast)"
    else:
        subtitle = (f"Converted at {rate or '?'} JPY per USD for every year (an assumption, "
                    "not a forecast of the exchange rate)")
    return _plot_money(tidy, "spending_usd", BILLION, "Spending (billion USD, nominal)", ax=ax,
                       scenarios=scenarios, note=note, title=title, subtitle=subtitle)


def simulation_note(summary: pd.DataFrame, *, sources: bool = True) -> str:
    """The default note of :func:`plot_fan`, from ``summary.attrs`` (with the data sources)."""
    a = summary.attrs
    if a.get("method") == "exact":
        bits = ["Exact percentiles under the stated GDP model (closed form)"]
    else:
        bits = [f"Monte Carlo: {a['paths']:,} paths" if a.get("paths") else "Monte Carlo simulation"]
    if a.get("seed") is not None:
        bits.append(f"seed {a['seed']}")
    if a.get("denominator"):
        bits.append(f"denominator {a['denominator']}")
    text = "; ".join(bits) + "."
    return text + " Fiscal years April–March. " + SOURCES if sources else text


def plot_fan(summary: pd.DataFrame, *, ax: Axes | None = None, note: str | None = None,
             measure: str = "share_of_gdp", title: str | None = None) -> Axes:
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
    """
    rows = summary[summary["measure"] == measure].sort_values("fiscal_year")
    a = summary.attrs
    name = a.get("scenario") or "scenario"
    color = scenario_color(name)
    _fig, (ax,) = _new_axes(ax)
    x = rows["fiscal_year"]
    ax.fill_between(x, rows["p5"], rows["p95"], color=color, alpha=0.18, lw=0,
                    label="5–95th percentile", gid="band:5-95")
    ax.fill_between(x, rows["p25"], rows["p75"], color=color, alpha=0.38, lw=0,
                    label="25–75th percentile", gid="band:25-75")
    ax.plot(x, rows["p50"], color=color, gid="median", label="Median")
    target, year = a.get("target_share"), a.get("target_year")
    if target is not None:
        ax.axhline(target, color="#333333", ls=":", lw=1.2, gid="target",
                   label=f"Target {target:.1%}" + (f" (FY{year})" if year else ""))
    prob = a.get("probability")
    if target is None:
        headline = "no target"
    elif prob is None:
        headline = ("no probability: the share is certain on the fixed FY2022 denominator, which "
                    "does not move")
    else:
        headline = f"probability of reaching {target:.1%} in FY{year}: {prob:.0%}"
        if a.get("sized_on_central_path"):
            headline += (" — the yen are sized to reach the target on the central GDP path, so "
                         "about one half by construction")
    ax.set_ylabel("Share of GDP (%)")
    _percent_axis(ax)
    ax.set_ylim(bottom=0, top=max(ax.get_ylim()[1], (target or 0) * 1.15))
    _fy_axis(ax)
    _subtitle(ax, title or f"Simulated share of GDP: {name}", headline[:1].upper() + headline[1:])
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0, labelspacing=0.9)
    return _finish(ax, simulation_note(summary) if note is None else note)


# ----------------------------------------------------------------------------------------------
# The brief set
# ----------------------------------------------------------------------------------------------
def _gap_scenario(tidy: pd.DataFrame) -> str:
    meta = tidy.attrs.get("methodology", {}) or {}
    names = _unique(tidy["scenario"])
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


def fan_note(tidy: pd.DataFrame, simulation: pd.DataFrame) -> str:
    """Simulation settings followed by the methodology of the simulated scenario."""
    name = simulation.attrs.get("scenario")
    if name not in set(tidy["scenario"]):
        return simulation_note(simulation)
    return simulation_note(simulation, sources=False) + " " + methodology_note(tidy, [name])


def brief_charts(tidy: pd.DataFrame, *, claims: pd.DataFrame | None = None,
                 simulation: pd.DataFrame | None = None) -> dict[str, Figure]:
    """Draw the brief set: key (a file name without extension) -> Figure (10 in wide, 100 dpi).

    Parameters
    ----------
    tidy : DataFrame
        Output of :func:`spendcalc.project`.
    claims : DataFrame, optional
        Claim markers for the share chart (see :func:`plot_share`).
    simulation : DataFrame, optional
        A simulation summary; adds the fan chart (see :func:`plot_fan`).
    """
    keys = brief_keys(tidy, simulation)
    scenario = _gap_scenario(tidy)
    out: dict[str, Figure] = {}
    with chart_style():
        out[keys[0]] = plot_spending(tidy).get_figure(root=True)
        out[keys[1]] = plot_share(tidy, claims=claims).get_figure(root=True)
        out[keys[2]] = plot_denominator_gap(tidy, scenario).get_figure(root=True)
        out[keys[3]] = plot_gap_to_baseline(tidy).get_figure(root=True)
        out[keys[4]] = plot_usd(tidy).get_figure(root=True)
        if simulation is not None:
            name = simulation.attrs.get("scenario") or "scenario"
            title = f"Simulated share of GDP: {_title_of(tidy, name, 200)}"
            out[keys[5]] = plot_fan(simulation, note=fan_note(tidy, simulation),
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
        return _rows(tidy, "spending_jpy").reset_index(drop=True)
    if prefix == "02":
        rows = _rows(tidy, "share_of_gdp")
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
        sel = sel[~sel["scenario"].isin(_baseline_names(tidy, tidy["scenario"]))]
        return sel.sort_values(["scenario", "measure", "fiscal_year"]).reset_index(drop=True)
    if prefix == "05":
        return _rows(tidy, "spending_usd").reset_index(drop=True)
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
_BRIDGE_COLORS = {"start": "#1f4e79", "subtotal": "#1f4e79", "total": "#1f4e79", "add": "#6a9fd4",
                  "residual": "#bbbbbb"}


def bridge_note(bridge: pd.DataFrame) -> str:
    """The waterfall's note, its denominators, and where each step's source is."""
    publishers = sorted({u.split("/")[2] for u in bridge["source_url"] if isinstance(u, str) and "://" in u
                         and "|" not in u})
    return (f"{bridge.attrs.get('note', '')} Shares of GDP: fixed = FY2022 reference GDP "
            f"({bridge.attrs.get('reference_gdp_jpy', float('nan')) / 1e12:g} trillion yen); same "
            f"year = {bridge.attrs.get('gdp_same_year', '')}. Grey: rounding / unexplained residual "
            "between published components and a published total. Each step's source (title, "
            "address, derivation) is in the CSV beside this chart (spendcalc bridge --format csv); "
            "sites: " + ", ".join(publishers) + ". Data: data/README.md.")


def plot_bridge(bridge: pd.DataFrame, *, ax: Axes | None = None, note: str | None = None) -> Axes:
    """Draw the scope waterfall of :func:`spendcalc.bridge` [trillion JPY].

    Totals (start, subtotal, total) are bars from zero; steps (add, residual) float from the
    running total before them to the one after. Missing steps are labelled, not drawn.
    """
    fig, (ax,) = _new_axes(ax)
    labels = []
    for i, r in enumerate(bridge.itertuples(index=False)):
        short = next((b for a, b in _BRIDGE_SHORT if a in str(r.component)), str(r.component))
        labels.append(textwrap.fill(_plain(short), 14, max_lines=4, placeholder=" ..."))
        v = r.value_jpy / TRILLION
        if pd.isna(v):
            ax.annotate("not published", (i, 0.3), ha="center", fontsize=8.5, color="#aa3333", rotation=90)
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
    ax.set_ylabel("trillion yen (nominal)")
    year = bridge["fiscal_year"].iloc[0] if len(bridge) else ""
    _subtitle(ax, f"From the MOD budget to the security-related total, {year}",
              "Each step is one published figure (hatched: estimate or plan); Japanese fiscal year, "
              "April-March")
    return _finish(ax, bridge_note(bridge) if note is None else note)
