"""What each chart shows, once, for both renderers: series, titles, axis labels, levels, claims.

The brief charts are drawn twice: on screen as vega-lite specs (:mod:`spendcalc.present`) and as
files (PNG/SVG/PDF) with matplotlib (:mod:`spendcalc.charts`). Both read one
:class:`ChartData` per chart from the functions here, so the numbers, titles, axis labels, legend
entries and notes a reader sees on screen are the ones in the downloaded file
(``tests/test_chartdata.py`` checks that the two renderers agree).

Pure: no matplotlib, no Streamlit, no files. Values are only selected and divided by a display
scale (trillion yen, billion US dollars, percent). Every text comes from
:func:`spendcalc.i18n.t` in the chart's language (``lang``, ``'en'`` or ``'ja'``).

Hidden lines: when two series have the same values in two or more projected years, the one drawn
first is drawn wider underneath (``width``), so neither disappears; the one on top names it in its
legend entry (``same_as``) only when it is the same over its whole projected part (over every year
drawn, for a series with no projection). Scenarios of one scope and basis share their actual
years, so sameness there says nothing and is not marked.
"""

from __future__ import annotations

import hashlib
import math
import re
import textwrap
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from spendcalc.i18n import check_lang, fy, percent, scenario_title, t, yen

TRILLION = 1e12

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
    "nato-hague-fy2035": OKABE_ITO["bluish_green"],  # not the hashed colour of the app's "custom"
}
_OTHER_COLORS = (OKABE_ITO["orange"], OKABE_ITO["sky_blue"], OKABE_ITO["bluish_green"],
                 OKABE_ITO["black"])
OBSERVED = ("actual", "plan", "estimate")  # decided years (estimate: derived from published figures)
_UNDRAWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
#: display unit -> (scale dividing the tidy value, catalogue key of the unit's name)
SCALES = {"trillion_JPY": 1e12, "billion_USD": 1e9, "100m_USD": 1e8, "percent": 0.01}
WIDE_STEP = 0.9  # extra relative width of a series per series drawn on top of it


@dataclass(frozen=True)
class Series:
    """One line (or set of bars) in display units; ``status`` per point (solid/dashed)."""

    key: str
    label: str
    color: str
    x: tuple[int, ...]
    y: tuple[float, ...]
    status: tuple[str, ...]
    kind: str = "line"  # "line" or "bar"
    panel: int = 0  # 0: the main panel; 1: the lower panel (cumulative extra yen)
    marker: str = ""
    width: float = 1.0
    same_as: str = ""  # "same values as <other> in <years>", shown with the legend entry


@dataclass(frozen=True)
class Level:
    """A horizontal line across the chart: a target or a claim that names no year."""

    value: float
    label: str
    kind: str  # "target" or "claim"
    ids: str = ""


@dataclass(frozen=True)
class ClaimPoint:
    """A claimed level in a named year; ``label`` ends with the article numbers in brackets."""

    x: int
    y: float
    label: str
    ids: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class ChartData:
    """Everything both renderers need to draw one chart (values in ``unit``)."""

    key: str
    lang: str
    title: str
    subtitle: str
    xlabel: str
    ylabel: str
    unit: str
    series: tuple[Series, ...]
    levels: tuple[Level, ...] = ()
    claims: tuple[ClaimPoint, ...] = ()
    #: extra legend entries, (kind, text): kinds "observed", "projection", "claim",
    #: "claim_level", "key" (an article's number and name), "bars", "cumulative"
    legend: tuple[tuple[str, str], ...] = ()
    note: str = ""
    projection_from: int | None = None  # first projected year (shaded)
    ylabel2: str = ""  # lower panel (extra-yen chart)
    title2: str = ""


# ----------------------------------------------------------------------------------------------
# Colours, names, notes
# ----------------------------------------------------------------------------------------------
def scenario_color(name: str) -> str:
    """Return the fixed colour of a scenario (hex); built-ins fixed, others by a stable hash."""
    if name in _FIXED_COLORS:
        return _FIXED_COLORS[name]
    digest = hashlib.sha1(name.encode("utf-8")).digest()
    return _OTHER_COLORS[digest[0] % len(_OTHER_COLORS)]


def unique(values: Iterable[object]) -> list:
    """The values in first-seen order, each once."""
    out: list = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def plain(text: str) -> str:
    """User text as one drawable line: control characters and lone surrogates replaced."""
    return _UNDRAWABLE.sub("\ufffd", " ".join(str(text).split()))


def meta_of(tidy: pd.DataFrame) -> dict:
    """The methodology records of a tidy frame (``{}`` when there are none)."""
    return tidy.attrs.get("methodology", {}) or {}


def title_of(tidy: pd.DataFrame, name: str, width: int = 30, lang: str = "en") -> str:
    """A scenario's title (its name when it has none), wrapped for a legend.

    In Japanese, a built-in scenario (or the app's slider scenario) that keeps the title it was
    given gets the catalogue's Japanese title (:func:`spendcalc.i18n.scenario_title`); any other
    title is shown as written.
    """
    meta = meta_of(tidy).get(name, {})
    title = meta.get("title") or name
    shown = scenario_title(name, title, lang, target_share=meta.get("target_share"),
                           target_year=meta.get("target_year"))
    if shown != title:  # the catalogue's words (Japanese): wrapped by display width
        return fill_text(shown, width)
    return textwrap.fill(plain(title), width, break_on_hyphens=False)


_BREAK_AFTER = "、。）」：，,; "
_BREAK_BEFORE = "（「"
#: marks a Japanese line may not start with (kinsoku): they stay at the end of the line before
_NO_LINE_START = "）」』、。，：；"


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def fill_text(text: str, width: int) -> str:
    """Wrap to ``width`` Latin characters; a wide (Japanese) character counts as two.

    Latin text wraps at spaces (``textwrap``); text with Japanese breaks after a comma, colon or
    closing bracket, or before an opening one, where one falls in the second half of the line,
    else at the width; a closing bracket or punctuation never starts a line (it may overhang).
    """
    if not any(_wide(c) for c in text):
        return textwrap.fill(text, width, break_on_hyphens=False)
    lines, line = [], ""
    for c in text:
        if c not in _NO_LINE_START and sum(2 if _wide(x) else 1 for x in line + c) > width:
            cut = max([i + 1 for i, x in enumerate(line) if x in _BREAK_AFTER]
                      + [i for i, x in enumerate(line) if x in _BREAK_BEFORE and i > 0], default=0)
            cut = cut if cut >= len(line) // 2 else len(line)
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        line += c
    return "\n".join([*lines, line])


def baseline_names(tidy: pd.DataFrame, names: Sequence[str]) -> list[str]:
    """The scenarios among ``names`` that hold the baseline flat."""
    meta = meta_of(tidy)
    return [n for n in names if n == "hold-flat" or meta.get(n, {}).get("path") == "hold-flat"]


def names_of(tidy: pd.DataFrame, scenarios: Sequence[str] | None) -> list[str]:
    """Scenarios to draw, baselines first so that scenarios equal to them stay visible on top."""
    present = unique(tidy["scenario"])
    names = [s for s in present if s in set(scenarios)] if scenarios is not None else present
    base = set(baseline_names(tidy, names))
    return [n for n in names if n in base] + [n for n in names if n not in base]


def rows_of(tidy: pd.DataFrame, measure: str, scenarios: Sequence[str] | None = None) -> pd.DataFrame:
    """The rows of one measure (of some scenarios), sorted by scenario and year."""
    sel = tidy[tidy["measure"] == measure]
    if scenarios is not None:
        sel = sel[sel["scenario"].isin(list(scenarios))]
    return sel.sort_values(["scenario", "fiscal_year"])


def _per_scenario(meta: dict, names: Sequence[str], key: str, fmt: object = str) -> str:
    """'a' when all scenarios agree, else 'a (s1, s2); b (s3)'."""
    values = {n: meta[n].get(key) for n in names if meta.get(n, {}).get(key) is not None}
    if not values:
        return ""
    groups = unique(values.values())
    if len(groups) == 1:
        return fmt(groups[0])
    return "; ".join(f"{fmt(g)} ({', '.join(n for n, v in values.items() if v == g)})"
                     for g in groups)


def methodology_note(tidy: pd.DataFrame, scenarios: Sequence[str] | None = None,
                     lang: str = "en") -> str:
    """The source and methodology note of a chart, from ``tidy.attrs['methodology']``.

    Scope, budget basis, denominator, reference GDP [trillion JPY], GDP vintage and projection
    assumption, exchange rate [JPY/USD] and the data sources, in ``lang``.
    """
    meta = meta_of(tidy)
    names = list(scenarios) if scenarios is not None else unique(tidy["scenario"])
    parts = []
    for key, fmt in _note_fields(check_lang(lang)):
        text = _per_scenario(meta, names, key, fmt)
        if not text and key == "fx_assumption":  # a frame without the FX text: the stated rate
            text = _per_scenario(meta, names, "jpy_per_usd",
                                 lambda v: t("chart.note.fx_rate", lang, rate=f"{v:g}"))
        if text:
            parts.append(t(f"chart.note.{key}", lang, text=text))
    parts.append(t("chart.note.fiscal_years", lang))
    return t("chart.note.join", lang).join(parts) + t("chart.note.end", lang) + t("chart.sources", lang)


def _note_fields(lang: str) -> list[tuple[str, object]]:
    """(methodology key, formatter) of the note's parts, in order."""
    if lang == "en":
        return [("scope", str), ("basis", str), ("denominator", str),
                ("reference_gdp_jpy", lambda v: f"{v / TRILLION:,.0f} trillion JPY"),
                ("gdp_vintage", lambda v: f"ESRI vintage {v}"), ("gdp_assumption", str),
                ("fx_assumption", str)]
    return [("scope", lambda v: t(f"scope.{v}", lang)), ("basis", lambda v: t(f"basis.{v}", lang)),
            ("denominator", lambda v: t("denominator." + v.replace("-", "_"), lang)),
            ("reference_gdp_jpy", lambda v: yen(v, lang)),
            ("gdp_vintage", lambda v: t("chart.note.vintage", lang, vintage=v)),
            ("gdp_assumption", _gdp_assumption_ja), ("fx_assumption", _fx_ja)]


def _gdp_assumption_ja(text: str) -> str:
    growth = re.search(r"constant nominal growth ([-\d.]+%)", text)
    if growth:
        return t("chart.note.constant_growth", "ja", rate=growth.group(1))
    preset = re.match(r"preset (\S+?):", text)
    return t("chart.note.preset", "ja", preset=preset.group(1) if preset else plain(text)[:40])


def _fx_ja(text: str) -> str:
    rate = re.search(r"([\d.]+) JPY per USD", text)
    rate_text = rate.group(1) if rate else "?"
    key = ("chart.note.fx_calendar" if "calendar-year" in text  # calendar-year averages first, where used
           else "chart.note.fx_averages" if "averages" in text else "chart.note.fx_rate")
    return t(key, "ja", rate=rate_text)


# ----------------------------------------------------------------------------------------------
# Series
# ----------------------------------------------------------------------------------------------
def _raw_series(rows: pd.DataFrame, names: Sequence[str], tidy: pd.DataFrame, scale: float,
                lang: str = "en", **style: object) -> list[Series]:
    out = []
    for name in names:
        r = rows[rows["scenario"] == name]
        if r.empty:
            continue
        out.append(Series(key=name, label=title_of(tidy, name, lang=lang), color=scenario_color(name),
                          x=tuple(int(y) for y in r["fiscal_year"]),
                          y=tuple(float(v) / scale for v in r["value"]),
                          status=tuple(str(s) for s in r["status"]), **style))
    return out


def same_years(a: Series, b: Series, years: Iterable[int] | None = None) -> list[int]:
    """Years (of ``years``, default all of ``b``'s) in which two series show the same value
    (to a part in a billion)."""
    ya = dict(zip(a.x, a.y, strict=True))
    wanted = set(b.x if years is None else years)
    return [x for x, y in zip(b.x, b.y, strict=True)
            if x in wanted and x in ya and math.isclose(ya[x], y, rel_tol=1e-9, abs_tol=1e-12)]


def compared_years(s: Series) -> list[int]:
    """The years in which sameness counts: a series' projected years, or every year drawn when
    it has none (history shared by every scenario of one scope and basis says nothing)."""
    projected = [x for x, st in zip(s.x, s.status, strict=True) if st == "projection"]
    return projected or list(s.x)


def same_as(a: Series, b: Series) -> list[int]:
    """The years compared when ``b`` shows ``a``'s values in every one of them (:func:`compared_years`
    of ``b``), else ``[]``."""
    years = compared_years(b)
    return years if len(same_years(a, b, years)) == len(years) else []


def mark_overlaps(series: Sequence[Series], lang: str) -> tuple[Series, ...]:
    """Keep every series visible where several show the same values.

    A series covered by a later one (drawn on top) in two or more projected years is drawn wider
    than every series covering it (:data:`WIDE_STEP` wider per layer), so that three equal lines
    show as three nested bands of colour. The later series names the first one it equals over
    its whole projected part (:func:`same_as`) in its legend entry.
    """
    out = list(series)
    covers = {j: [i for i in range(j) if len(same_years(out[i], out[j], compared_years(out[j]))) >= 2]
              for j in range(len(out))}
    for j, below in covers.items():
        equal = [i for i in below if same_as(out[i], out[j])]
        if equal:
            years = same_as(out[equal[0]], out[j])
            span = t("common.fy_range", lang, start=min(years), end=max(years))
            other = out[equal[0]].label.replace("\n", " ")
            out[j] = _replace(out[j], same_as=t(
                "chart.same_as", lang, other=textwrap.shorten(other, 28, placeholder="…"),
                years=span))
    for j in reversed(range(len(out))):  # top layer first: what covers a series is already sized
        for i in covers[j]:
            out[i] = _replace(out[i], width=max(out[i].width, out[j].width + WIDE_STEP))
    return tuple(out)


def _replace(s: Series, **changes: object) -> Series:
    return Series(**{**s.__dict__, **changes})


def _projection_from(rows: pd.DataFrame) -> int | None:
    proj = rows.loc[rows["status"] == "projection", "fiscal_year"]
    return None if proj.empty else int(proj.min())


def _style_legend(lang: str) -> tuple[tuple[str, str], ...]:
    return (("observed", t("chart.legend.observed", lang)),
            ("projection", t("chart.legend.projection", lang)))


# ----------------------------------------------------------------------------------------------
# The charts
# ----------------------------------------------------------------------------------------------
def spending(tidy: pd.DataFrame, *, scenarios: Sequence[str] | None = None, lang: str = "en",
             note: str | None = None) -> ChartData:
    """Spending per scenario [trillion JPY, nominal] (``01-spending-trillion-yen``)."""
    return _money(tidy, "spending_jpy", "trillion_JPY", "01-spending-trillion-yen", "spending",
                  scenarios=scenarios, lang=lang, note=note,
                  subtitle=t("chart.spending.subtitle", lang))


def usd(tidy: pd.DataFrame, *, scenarios: Sequence[str] | None = None, lang: str = "en",
        note: str | None = None) -> ChartData:
    """Spending per scenario [billion USD; 100 million USD in Japanese] (``05-spending-usd``),
    with the exchange rate in the subtitle."""
    names = names_of(tidy, scenarios)
    meta = meta_of(tidy)
    rate = _per_scenario(meta, names, "jpy_per_usd", lambda v: f"{v:g}")
    texts = unique(meta[n]["fx_assumption"] for n in names if "fx_assumption" in meta.get(n, {}))
    if len(texts) == 1 and "averages" in texts[0]:
        subtitle = (t("chart.usd.subtitle_text", lang, text=texts[0]) if lang == "en"
                    else t("chart.usd.subtitle_averages", lang, rate=rate or "?"))
    else:
        subtitle = t("chart.usd.subtitle_rate", lang, rate=rate or "?")
    unit = "billion_USD" if check_lang(lang) == "en" else "100m_USD"
    return _money(tidy, "spending_usd", unit, "05-spending-usd", "usd", scenarios=scenarios,
                  lang=lang, note=note, subtitle=subtitle)


def _money(tidy: pd.DataFrame, measure: str, unit: str, key: str, name: str, *,
           scenarios: Sequence[str] | None, lang: str, note: str | None, subtitle: str) -> ChartData:
    names = names_of(tidy, scenarios)
    rows = rows_of(tidy, measure, names)
    series = mark_overlaps(_raw_series(rows, names, tidy, SCALES[unit], lang), lang)
    return ChartData(key=key, lang=lang, title=t(f"chart.{name}.title", lang),
                     subtitle=subtitle, xlabel=t("common.fiscal_year_axis", lang),
                     ylabel=t(f"chart.{name}.ylabel", lang), unit=unit, series=series,
                     legend=_style_legend(lang), projection_from=_projection_from(rows),
                     note=methodology_note(tidy, names, lang) if note is None else note)


def share(tidy: pd.DataFrame, *, claims: pd.DataFrame | None = None, targets: bool = True,
          scenarios: Sequence[str] | None = None, lang: str = "en",
          articles: Mapping[str, str] | None = None, note: str | None = None) -> ChartData:
    """Share of GDP per scenario [%], targets and the articles' claims
    (``02-share-of-gdp-with-claims``).

    ``claims`` as :func:`spendcalc.claim_markers` returns them; claims on one point are one
    marker labelled with every article's number; ``articles`` (number -> name) gives the legend's
    key to those numbers.
    """
    names = names_of(tidy, scenarios)
    rows = rows_of(tidy, "share_of_gdp", names)
    series = mark_overlaps(_raw_series(rows, names, tidy, SCALES["percent"], lang), lang)
    levels = _target_levels(tidy, names, lang) if targets else []
    points: list[ClaimPoint] = []
    legend = list(_style_legend(lang))
    if claims is not None and len(claims):
        points = claim_points(claims, lang)
        undated = claim_levels(claims, lang)
        levels += undated
        legend.append(("claim", t("chart.legend.claim", lang)))
        if undated:
            legend.append(("claim_level", t("chart.legend.claim_level", lang)))
        legend += [("key", line) for line in article_key(claims, articles or {}, lang)]
    return ChartData(key="02-share-of-gdp-with-claims", lang=lang, title=t("chart.share.title", lang),
                     subtitle=t("chart.share.subtitle", lang),
                     xlabel=t("common.fiscal_year_axis", lang), ylabel=t("chart.share.ylabel", lang),
                     unit="percent", series=series, levels=tuple(levels), claims=tuple(points),
                     legend=tuple(legend), projection_from=_projection_from(rows),
                     note=methodology_note(tidy, names, lang) if note is None else note)


def _target_levels(tidy: pd.DataFrame, names: Sequence[str], lang: str) -> list[Level]:
    meta = meta_of(tidy)
    by_share: dict[float, list[str]] = {}
    for name in names:
        m = meta.get(name, {})
        if m.get("target_share") is not None:
            by_share.setdefault(float(m["target_share"]), []).append(
                fy(m["target_year"], lang) if m.get("target_year") is not None else name)
    return [Level(value=s * 100, kind="target", ids=f"{s:g}",
                  label=t("chart.target", lang, share=percent(s, lang),
                          years=t("chart.list_sep", lang).join(unique(y))))
            for s, y in by_share.items()]


def _claim_base(label: str, value: float, year: object, lang: str) -> str:
    """The claim's words without its article: English as the claim says, Japanese from the
    claimed level and year."""
    if lang == "en":
        return re.sub(r"\s*\([^)]*\)$", "", str(label))
    share_text = f"{round(value * 100, 6):g}%"
    if year is None or pd.isna(year):
        return t("chart.claim.level", lang, share=share_text)
    return t("chart.claim.dated", lang, share=share_text, fy=fy(int(year), lang))


def claim_points(claims: pd.DataFrame, lang: str = "en") -> list[ClaimPoint]:
    """One point per claimed (year, level): every article claiming it named in its label."""
    dated = claims.dropna(subset=["fiscal_year", "value"]).sort_values(
        ["fiscal_year", "value", "article"], kind="stable")
    out = []
    for (year, value), g in dated.groupby(["fiscal_year", dated["value"].astype(float).round(9)],
                                          sort=True):
        articles = tuple(unique(g["article"].astype(str)))
        base = _claim_base(g["label"].iloc[0], float(value), year, lang)
        out.append(ClaimPoint(x=int(year), y=float(value) * 100, ids=",".join(g["claim_id"]),
                              label=f"{base} ({', '.join(articles)})", articles=articles))
    return out


def claim_levels(claims: pd.DataFrame, lang: str = "en") -> list[Level]:
    """Claims that name a level but no year: one level line per value, never a point at an
    invented year."""
    levels = claims[claims["fiscal_year"].isna() & claims["value"].notna()]
    out = []
    for value, g in levels.groupby(levels["value"].astype(float).round(9), sort=True):
        articles = ", ".join(unique(g["article"].astype(str)))
        base = _claim_base(g["label"].iloc[0], float(value), None, lang)
        out.append(Level(value=float(value) * 100, kind="claim", label=f"{base} ({articles})",
                         ids=",".join(g["claim_id"])))
    return out


def article_key(claims: pd.DataFrame, articles: Mapping[str, str], lang: str = "en") -> list[str]:
    """The legend's key to the article numbers in the claim labels: one line per article."""
    codes = sorted(unique(claims["article"].astype(str)))
    return [t("chart.claim.key", lang, code=c,
              name=textwrap.shorten(plain(articles.get(c, "")), 48, placeholder="…")
              or t("chart.claim.key_unnamed", lang)) for c in codes]


def article_names(index: pd.DataFrame) -> dict[str, str]:
    """Article number -> 'outlet, date' (or the headline) from the articles' index table
    (``spendcalc.data.read_articles_index``; its ``file`` column starts with the number)."""
    out = {}
    for r in index.itertuples(index=False):
        code = str(r.file).split("_", 1)[0]
        outlet = r.outlet if isinstance(r.outlet, str) and r.outlet.strip() else None
        name = outlet or textwrap.shorten(str(r.headline), 26, placeholder="…")
        out[code] = f"{name}, {r.date}"
    return out


def denominator_gap(tidy: pd.DataFrame, scenario: str, *, lang: str = "en",
                    note: str | None = None) -> ChartData:
    """One scenario's share on the fixed-FY2022 and the same-year GDP [%]
    (``03-denominator-gap-<scenario>``); the gap in the target (or last) year is a level pair
    in ``levels`` (kind ``gap``)."""
    fixed = rows_of(tidy, "share_of_gdp_fixed_fy2022", [scenario])
    same = rows_of(tidy, "share_of_gdp_same_year", [scenario])
    if fixed.empty:
        raise ValueError(f"scenario {scenario!r} has no share_of_gdp_fixed_fy2022 rows")
    meta = meta_of(tidy).get(scenario, {})
    ref = meta.get("reference_gdp_jpy")
    gdp = (f"{ref / TRILLION:,.0f} trillion JPY" if lang == "en" else yen(ref, lang)) if ref else "?"
    (a,) = _raw_series(fixed, [scenario], tidy, SCALES["percent"], lang, marker="o")
    (b,) = _raw_series(same, [scenario], tidy, SCALES["percent"], lang, marker="s")
    series = (_replace(a, key=f"{scenario}:fixed-fy2022",
                       label=textwrap.fill(t("chart.denominator.fixed", lang, gdp=gdp), 30)),
              _replace(b, key=f"{scenario}:same-year", color="#333333",
                       label=textwrap.fill(t("chart.denominator.same", lang), 30)))
    series = mark_overlaps(series, lang)
    year = meta.get("target_year")
    common = set(a.x) & set(b.x)
    if year not in common:
        year = max(common) if common else None
    levels: tuple[Level, ...] = ()
    if year is not None:
        ya, yb = dict(zip(a.x, a.y, strict=True))[year], dict(zip(b.x, b.y, strict=True))[year]
        levels = (Level(value=ya, kind="gap", ids=str(year),
                        label=t("chart.denominator.gap", lang, pp=f"{ya - yb:+.2f}", fy=fy(year, lang))),
                  Level(value=yb, kind="gap", ids=str(year), label=""))
    return ChartData(key=f"03-denominator-gap-{scenario}", lang=lang,
                     title=t("chart.denominator.title", lang),
                     subtitle=textwrap.shorten(title_of(tidy, scenario, 200, lang), 90),
                     xlabel=t("common.fiscal_year_axis", lang),
                     ylabel=t("chart.denominator.ylabel", lang), unit="percent", series=series,
                     levels=levels, legend=_style_legend(lang),
                     projection_from=_projection_from(pd.concat([fixed, same])),
                     note=methodology_note(tidy, [scenario], lang) if note is None else note)


def baseline_subtitle(tidy: pd.DataFrame, names: Sequence[str], lang: str = "en") -> str:
    """Name the baseline of the extra-yen figures (from ``tidy.attrs['methodology']``)."""
    meta = meta_of(tidy)
    kinds = {meta.get(n, {}).get("baseline") for n in names} - {None}
    levels = rows_of(tidy, "baseline_spending_jpy", names)
    levels = levels[levels["status"] == "projection"].drop_duplicates("scenario")
    if kinds == {"common"}:
        texts = {meta[n]["baseline_description"] for n in names if "baseline_description" in meta[n]}
        if len(texts) == 1:
            text = texts.pop().removeprefix("common: ")
            if lang == "ja":
                year = re.search(r"FY(\d{4})", text)
                value = yen(float(levels["value"].iloc[0]), lang) if len(levels) else "?"
                text = t("chart.gap.common_ja", lang, value=value,
                         fy=fy(int(year.group(1)), lang) if year else "")
            return t("chart.gap.baseline_common", lang, text=text)
    # each scenario's baseline is its own last decided level held flat (same scope and basis)
    level_text = "; ".join(
        f"{r.scenario} {r.value / TRILLION:.1f} "
        f"({fy(meta.get(r.scenario, {}).get('anchor_year', 0), lang)}, "
        f"{t('basis.' + meta[r.scenario]['basis'], lang) if meta.get(r.scenario, {}).get('basis') else '?'})"
        for r in levels.itertuples())
    return t("chart.gap.baseline_own", lang, levels=level_text)


def gap_to_baseline(tidy: pd.DataFrame, *, scenarios: Sequence[str] | None = None,
                    lang: str = "en", note: str | None = None) -> ChartData:
    """Extra yen versus the baseline [trillion JPY]: bars per year (panel 0, decided and
    projected years after the actuals) and cumulative lines (panel 1)
    (``04-extra-yen-vs-baseline``); baseline scenarios are left out."""
    base = baseline_names(tidy, tidy["scenario"])
    names = [n for n in names_of(tidy, scenarios) if n not in base]
    annual = rows_of(tidy, "gap_to_baseline_jpy", names)
    annual = annual[annual["status"] != "actual"]
    cumulative = rows_of(tidy, "cumulative_gap_to_baseline_jpy", names)
    bars = _raw_series(annual, names, tidy, TRILLION, lang, kind="bar")
    lines = mark_overlaps(_raw_series(cumulative, names, tidy, TRILLION, lang, panel=1), lang)
    since = {meta_of(tidy).get(n, {}).get("cumulative_from") for n in names} - {None}
    title2 = (t("chart.gap.cumulative_from", lang, fy=fy(min(since), lang)) if since
              else t("chart.gap.cumulative", lang))
    return ChartData(key="04-extra-yen-vs-baseline", lang=lang, title=t("chart.gap.title", lang),
                     subtitle=baseline_subtitle(tidy, names, lang),
                     xlabel=t("common.fiscal_year_axis", lang), ylabel=t("chart.gap.ylabel", lang),
                     ylabel2=t("chart.gap.ylabel2", lang), title2=title2, unit="trillion_JPY",
                     series=(*bars, *lines),
                     legend=(("bars", t("chart.gap.bars", lang)),
                             ("cumulative", t("chart.gap.lines", lang))),
                     note=methodology_note(tidy, names + base, lang) if note is None else note)


#: the chart-data function of each app chart kind (``app_tabs.CHART_KINDS``)
KINDS = {"spending": spending, "share": share, "denominator": denominator_gap,
         "gap": gap_to_baseline, "usd": usd}
