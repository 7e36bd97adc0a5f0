"""``spendcalc chart``: write the brief chart set (PNG/SVG/PDF) and the data behind each chart.

A shell: argparse -> public API -> :mod:`spendcalc.charts` -> files. No model logic here.
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

from spendcalc import data
from spendcalc.cli.options import (
    add_lang_option,
    add_model_options,
    assumptions_from,
    scenarios_from,
)
from spendcalc.errors import SpendcalcError
from spendcalc.output import terminal_text, write_comments, write_csv
from spendcalc.schema import parse_whole
from spendcalc.text import excerpt

CHART_FORMATS = ("png", "svg", "pdf")
DPI_RANGE = (50, 1200)  # [dots per inch]
#: paths of the fan chart's Monte Carlo: a narrower window than ``simulate``'s (a chart needs
#: no more than a few million paths to be smooth, and fewer than a thousand look ragged)
FAN_PATHS_RANGE = (1000, 5_000_000)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``chart`` command to the spendcalc parser."""
    p = subparsers.add_parser("chart", help="write the brief chart set and the data behind it",
                              description="Write every chart of the brief set (share of GDP with "
                              "the articles' claims, spending in yen and USD, the denominator gap, "
                              "extra yen versus the baseline) plus <name>.csv with the rows behind "
                              "each chart. Fiscal years are Japanese (April-March).")
    p.add_argument("--out", required=True, metavar="DIR",
                   help="output folder (created if missing); files of the set already there are "
                   "replaced, other files are left alone; written all at once or not at all")
    p.add_argument("--format", default="png", metavar="LIST",
                   help="comma-separated image formats from png, svg, pdf (default png)")
    p.add_argument("--dpi", default="100", metavar="N",
                   help=f"resolution of raster output, {DPI_RANGE[0]}-{DPI_RANGE[1]} "
                   "(default 100: 1,000 px wide)")
    p.add_argument("--scenario", action="append", metavar="NAME|FILE",
                   help="built-in name or scenario YAML file; repeatable; default: all built-ins")
    p.add_argument("--simulate", metavar="NAME|FILE|auto|none", default="auto",
                   help="scenario of the fan chart (Monte Carlo, seed 0, default volatility, share "
                   "measured on same-year GDP); auto (default): us-ask-3.5pct if charted, else the "
                   "first charted scenario with a target; none: no fan chart")
    p.add_argument("--paths", default="20000", metavar="N",
                   help=f"paths for --simulate, {FAN_PATHS_RANGE[0]:,} to {FAN_PATHS_RANGE[1]:,} "
                   "(default 20,000)")
    bridge_year = data.default_value("bridge_year")
    p.add_argument("--bridge-year", default=str(bridge_year), metavar="FY",
                   help=f"fiscal year of the scope waterfall 07-bridge-FYnnnn (default {bridge_year}, the "
                   "last year whose components are all published budgets)")
    add_lang_option(p)  # every title, axis, legend and note; file names and CSV columns stay the same
    p.add_argument("--jobs", default="1", metavar="N|auto",
                   help="processes rendering the image files at once, 1-8, or auto (one per core, "
                   "at most 2); default 1")
    add_model_options(p)
    p.set_defaults(func=cmd_chart)


def parse_formats(text: str) -> list[str]:
    """``'png,svg'`` -> ``['png', 'svg']``; unknown or empty entries raise SpendcalcError."""
    items = [t.strip().lower() for t in str(text).split(",")]
    if not items or any(t not in CHART_FORMATS for t in items):
        raise SpendcalcError("--format", text, "a comma-separated list of " + ", ".join(CHART_FORMATS))
    return list(dict.fromkeys(items))


def parse_dpi(text: str) -> int:
    """Whole dots per inch within :data:`DPI_RANGE`; otherwise SpendcalcError."""
    allowed = f"a whole number of dots per inch from {DPI_RANGE[0]} to {DPI_RANGE[1]}"
    dpi = parse_whole(str(text), field="--dpi", allowed=allowed)  # ASCII digits only
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise SpendcalcError("--dpi", text, allowed)
    return dpi


def parse_paths(text: str) -> int:
    """Number of simulated paths within :data:`FAN_PATHS_RANGE`; otherwise SpendcalcError."""
    low, high = FAN_PATHS_RANGE
    allowed = f"a whole number of paths from {low} to {high}"
    n = parse_whole(str(text), field="--paths", allowed=allowed, grouping=True)  # 20,000 or 20_000
    if not low <= n <= high:
        raise SpendcalcError("--paths", text, allowed)
    return n


def csv_comments(key: str, note: str, methodology: dict[str, dict]) -> list[str]:
    """The comment lines that head each chart's CSV: chart, methodology, sources.

    Parameters
    ----------
    key : str
        Chart key (the file name without extension).
    note : str
        The chart's methodology and source note.
    methodology : dict
        Scenario name -> methodology record (``tidy.attrs['methodology']``), shown per scenario.
    """
    lines = [f"spendcalc chart {key}: the rows behind the chart (units in the 'unit' column; "
             "shares are fractions, 0.02 = 2%; fiscal years April-March)"]
    lines += textwrap.wrap(note, 100, break_on_hyphens=False)
    keys = ("title", "scope", "basis", "denominator", "reference_gdp_jpy", "gdp_vintage",
            "jpy_per_usd", "fx_assumption", "deflator", "baseline_description", "target_share",
            "target_year")
    for name, rec in methodology.items():
        lines.append(f"{name}: " + "; ".join(f"{k}={rec[k]}" for k in keys if k in rec))
    return lines


def csv_header(key: str, note: str, methodology: dict[str, dict]) -> str:
    """:func:`csv_comments` as written at the head of the CSV: one ``#,<line>`` row per line,
    quoted by the csv module where needed (:func:`spendcalc.output.write_csv`)."""
    buf = io.StringIO()
    write_comments(buf, csv_comments(key, note, methodology))
    return buf.getvalue()


def fan_scenario(choice: str, scenarios: list) -> object:
    """The scenario of the fan chart: a name or file, ``auto`` or ``none`` (see --simulate)."""
    if choice == "none":
        return None
    if choice != "auto":
        from spendcalc.api import resolve_scenarios

        (chosen,) = resolve_scenarios(choice)
        return next((s for s in scenarios if s.name == chosen.name), chosen)
    with_target = [s for s in scenarios if s.target_share is not None]
    preferred = [s for s in with_target if s.name == "us-ask-3.5pct"]
    return (preferred or with_target or [None])[0]


def out_folder(text: str) -> Path:
    """The ``--out`` folder, checked without touching the disk; SpendcalcError if unusable.

    It must be a non-empty path that is a folder or does not exist yet, and its nearest
    existing ancestor must be a folder (``/dev/null/x`` is refused here, not half way).
    """
    allowed = "a folder path (created if missing), not a file"
    if not str(text).strip():
        raise SpendcalcError("--out", excerpt(text), allowed + "; empty is not a folder")
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise SpendcalcError("--out", excerpt(text), allowed + "; this is an existing file")
    for parent in Path(os.path.abspath(path)).parents:
        if parent.exists():
            if not parent.is_dir():
                raise SpendcalcError("--out", excerpt(text), allowed + f"; {excerpt(str(parent))} is a file")
            break
    return path


def parse_jobs(text: str) -> int:
    """``auto`` (the cores, at most 2) or a whole number of processes from 1 to 8."""
    if str(text) == "auto":
        return max(1, min(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
                          else os.cpu_count() or 1))
    allowed = "auto or a whole number of processes from 1 to 8"
    n = parse_whole(str(text), field="--jobs", allowed=allowed)
    if not 1 <= n <= 8:
        raise SpendcalcError("--jobs", text, allowed)
    return n


def cmd_chart(args: argparse.Namespace) -> None:
    """Write the charts in each requested format and one CSV per chart; print the paths.

    All flags are checked and every chart is drawn before anything is written (with ``--jobs``
    over 1 also rendered, in parallel). The files are written into a temporary folder beside
    ``--out`` and moved into place only when the whole set is complete (:func:`write_set`); on
    any failure nothing is left behind.
    """
    from spendcalc.i18n import check_lang

    formats = parse_formats(args.format)
    dpi = parse_dpi(args.dpi)
    n_paths = parse_paths(args.paths)
    lang = check_lang(args.lang, "--lang")
    jobs = parse_jobs(args.jobs)
    out = out_folder(args.out)
    scenarios = scenarios_from(args)
    assumptions = assumptions_from(args)
    fan = fan_scenario(args.simulate, scenarios)
    try:
        files = chart_files(scenarios, assumptions, fan, n_paths, formats, lang)
        files.update(bridge_files(args, formats, lang))
        if jobs > 1:  # rendered now, in parallel; with one process, each file as it is written
            files = render_images(files, dpi, lang, jobs)
    except SpendcalcError:
        raise
    except Exception as exc:  # a failure while computing or drawing: one line, nothing written
        raise SpendcalcError("chart", f"{type(exc).__name__}: {excerpt(str(exc), 80)}",
                             "a chart set drawn completely (nothing was written)") from None

    def write(path: Path, item: tuple) -> None:
        kind, obj, extra = item
        if kind == "csv":
            with path.open("w", encoding="utf-8", newline="") as fh:
                write_csv(fh, obj, comments=extra)
        elif kind == "bytes":
            path.write_bytes(obj)
        else:
            from spendcalc import charts

            with charts.chart_style(lang):
                obj.savefig(path, format=extra, dpi=dpi)

    written = write_set(out, files, write, shown_as=args.out)
    for path in written:
        sys.stdout.write(terminal_text(path, multiline=False) + "\n")


def chart_files(scenarios: list, assumptions: object, fan: object, n_paths: int,
                formats: list[str], lang: str) -> dict[str, tuple]:
    """The brief set as file name -> ``("image", figure, format)`` or ``("csv", rows, comments)``."""
    # charts build Figure objects directly (no pyplot), so no GUI backend is ever involved
    from spendcalc import chartdata, charts, model
    from spendcalc.api import claim_markers

    history = data.load_history()
    tidy = model.project(scenarios, assumptions, history)
    claims = claim_markers(tidy)
    simulation = None
    if fan is not None:
        from spendcalc.simulate import simulate

        simulation = simulate(fan, paths=n_paths, seed=0, assumptions=assumptions,
                              history=history, measured_on="same-year")
    articles = chartdata.article_names(data.read_articles_index())
    figures = charts.brief_charts(tidy, claims=claims, simulation=simulation, lang=lang,
                                  articles=articles)
    keys = list(figures)
    meta = tidy.attrs.get("methodology", {})
    files: dict[str, tuple] = {}
    for key, fig in figures.items():
        for fmt in formats:
            files[f"{key}.{fmt}"] = ("image", fig, fmt)
        rows = charts.chart_data(tidy, key, claims=claims, simulation=simulation)
        shown = [n for n in meta if n in set(rows.get("scenario", ()))]
        note = charts.methodology_note(tidy, shown, lang)
        if simulation is not None and key == keys[-1]:
            note = charts.fan_note(tidy, simulation, lang)
        files[f"{key}.csv"] = ("csv", rows, csv_comments(key, note, {n: meta[n] for n in shown}))
    return files


_JOBS: list[tuple] = []  # the figures to render, inherited by the forked workers


def _render(i: int) -> bytes:
    from spendcalc import charts

    fig, fmt, dpi, lang = _JOBS[i]
    buf = io.BytesIO()
    with charts.chart_style(lang):
        fig.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()


def render_images(files: dict[str, tuple], dpi: int, lang: str, jobs: int) -> dict[str, tuple]:
    """Render every ``("image", figure, format)`` item to ``("bytes", data, format)``.

    With ``jobs`` > 1 (and a platform that forks) the figures are rendered by that many forked
    processes at once: each inherits the drawn figures, renders some and returns the bytes.
    Rendering dominates the command's time (a PDF embeds its fonts, about 0.2-0.5 s each), and
    the figures are independent, so two cores take about half the time of one.
    """
    import multiprocessing

    global _JOBS
    names = [n for n, item in files.items() if item[0] == "image"]
    _JOBS = [(files[n][1], files[n][2], dpi, lang) for n in names]
    try:
        if jobs > 1 and len(names) > 2 and "fork" in multiprocessing.get_all_start_methods():
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                rendered = list(pool.map(_render, range(len(names))))
        else:
            rendered = [_render(i) for i in range(len(names))]
    finally:
        _JOBS = []
    out = dict(files)
    for name, blob in zip(names, rendered, strict=True):
        out[name] = ("bytes", blob, files[name][2])
    return out


def temp_folder_beside(target: Path) -> Path:
    """A new, empty, hidden folder in ``target``'s parent (default permissions, unlike
    ``tempfile.mkdtemp``'s owner-only ones, since it may become ``target`` itself)."""
    for _ in range(100):
        tmp = target.parent / f".{target.name}.partial-{secrets.token_hex(4)}"
        try:
            tmp.mkdir()
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(17, "no free temporary folder name", str(target.parent))


def write_set(out: Path, files: dict[str, object], write: Callable[[Path, object], None], *,
              shown_as: str) -> list[Path]:
    """Write a set of files into the folder ``out`` all at once, or not at all.

    Every file is written by ``write(path, item)`` into a temporary folder beside ``out`` (same
    parent, so the moves below are renames on one file system). Then:

    * if ``out`` does not exist, the temporary folder is renamed to ``out`` (one atomic step);
    * if ``out`` exists, each file of the set replaces its namesake (``os.replace``, atomic per
      file; the older file is kept aside until the whole set is in place, and put back if a
      move fails); other files in ``out`` are never touched or deleted. A folder in the way of
      a file of the set is an error found before any file is moved.

    On any failure the temporary folder and any parent folders created for it are removed,
    ``out`` is unchanged, and one SpendcalcError (field ``out``) names the problem.
    """
    target = Path(os.path.abspath(out))  # ".." resolved by name, so the parent is the real one
    created: list[Path] = []
    tmp: Path | None = None
    moved: list[tuple[str, bool]] = []  # (name, an older file was kept in tmp/.previous)
    try:
        for parent in reversed(target.parents):
            if not parent.exists():
                parent.mkdir()
                created.append(parent)
        tmp = temp_folder_beside(target)
        for name, item in files.items():
            write(tmp / name, item)
        if target.exists():
            blocked = [n for n in files if (target / n).is_dir() and not (target / n).is_symlink()]
            if blocked:
                raise IsADirectoryError(0, f"{blocked[0]} is a folder in {shown_as}")
            previous = tmp / ".previous"
            previous.mkdir()
            for name in files:
                had = os.path.lexists(target / name)
                if had:
                    os.replace(target / name, previous / name)
                moved.append((name, had))
                os.replace(tmp / name, target / name)
            shutil.rmtree(tmp)
        else:
            os.rename(tmp, target)
        tmp = None
    except Exception as exc:
        for name, had in reversed(moved):  # put the older set back as it was
            try:
                if had:
                    os.replace(tmp / ".previous" / name, target / name)
                elif not (tmp / name).exists():
                    os.unlink(target / name)
            except OSError:
                pass
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        for parent in reversed(created):
            try:
                parent.rmdir()
            except OSError:
                pass
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else (
            f"{type(exc).__name__}: {excerpt(str(exc), 80)}")
        raise SpendcalcError("--out", excerpt(shown_as), f"a writable folder; nothing was written "
                             f"({reason})") from None
    return [out / name for name in files]


def bridge_files(args: argparse.Namespace, formats: list[str], lang: str = "en") -> dict[str, object]:
    """The scope waterfall chart ``07-bridge-FYnnnn`` in each format, and its CSV (the rows of
    :func:`spendcalc.bridge`, with the chart's note as comment lines)."""
    from spendcalc import api, charts, reconcile

    year = reconcile.parse_fiscal_year(args.bridge_year, field="--bridge-year")
    try:
        table = api.bridge(year, vintage=getattr(args, "vintage", None))
    except SpendcalcError as exc:
        if exc.field == "year":
            raise SpendcalcError("--bridge-year", exc.value, exc.allowed) from None
        raise
    key = charts.BRIDGE_CHART_KEY.format(year=year)
    with charts.chart_style(lang):
        fig = charts.plot_bridge(table, lang=lang).get_figure(root=True)
    files: dict[str, object] = {f"{key}.{fmt}": ("image", fig, fmt) for fmt in formats}
    files[f"{key}.csv"] = ("csv", table, [f"spendcalc chart {key}: the rows behind the chart "
                                          "(spendcalc bridge --format csv)", charts.bridge_note(table, lang)])
    return files
