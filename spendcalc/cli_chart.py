"""``spendcalc chart``: write the brief chart set (PNG/SVG/PDF) and the data behind each chart.

A shell: argparse -> public API -> :mod:`spendcalc.charts` -> files. No model logic here.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from spendcalc.errors import SpendcalcError

CHART_FORMATS = ("png", "svg", "pdf")
DPI_RANGE = (50, 1200)  # [dots per inch]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``chart`` command to the spendcalc parser."""
    from spendcalc.cli import add_model_options

    p = subparsers.add_parser("chart", help="write the brief chart set and the data behind it",
                              description="Write every chart of the brief set (share of GDP with "
                              "the articles' claims, spending in yen and USD, the denominator gap, "
                              "extra yen versus the baseline) plus <name>.csv with the rows behind "
                              "each chart. Fiscal years are Japanese (April-March).")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory (created)")
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
                   help="paths for --simulate, 1,000 to 5,000,000 (default 20,000)")
    add_model_options(p)
    p.set_defaults(func=cmd_chart)


def parse_formats(text: str) -> list[str]:
    """``'png,svg'`` -> ``['png', 'svg']``; unknown or empty entries raise SpendcalcError."""
    items = [t.strip().lower() for t in str(text).split(",")]
    if not items or any(t not in CHART_FORMATS for t in items):
        raise SpendcalcError("format", text, "a comma-separated list of " + ", ".join(CHART_FORMATS))
    return list(dict.fromkeys(items))


def parse_dpi(text: str) -> int:
    """Whole dots per inch within :data:`DPI_RANGE`; otherwise SpendcalcError."""
    allowed = f"a whole number of dots per inch from {DPI_RANGE[0]} to {DPI_RANGE[1]}"
    try:
        dpi = int(str(text).strip())
    except ValueError:
        raise SpendcalcError("dpi", text, allowed) from None
    if not DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        raise SpendcalcError("dpi", text, allowed)
    return dpi


def parse_paths(text: str) -> int:
    """Number of simulated paths, 1,000 to 5,000,000; otherwise SpendcalcError."""
    allowed = "a whole number of paths from 1000 to 5000000"
    try:
        n = int(str(text).replace(",", "").replace("_", "").strip())
    except ValueError:
        raise SpendcalcError("paths", text, allowed) from None
    if not 1000 <= n <= 5_000_000:
        raise SpendcalcError("paths", text, allowed)
    return n


def csv_header(key: str, note: str, methodology: dict[str, dict]) -> str:
    """The ``# `` comment lines that head each chart's CSV: chart, methodology, sources.

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
    return "".join(f"# {line}\n" for line in lines)


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


def cmd_chart(args: argparse.Namespace) -> None:
    """Write the charts in each requested format and one CSV per chart; print the paths."""
    formats = parse_formats(args.format)
    dpi = parse_dpi(args.dpi)
    parse_paths(args.paths)
    # charts build Figure objects directly (no pyplot), so no GUI backend is ever involved
    from spendcalc import charts, data, model
    from spendcalc.claims import claim_markers
    from spendcalc.cli import assumptions_from, scenarios_from

    scenarios = scenarios_from(args)
    tidy = model.project(scenarios, assumptions_from(args), data.load_history())
    claims = claim_markers(tidy)
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SpendcalcError("out", args.out, f"a writable directory ({exc.strerror})") from None
    simulation = None
    fan = fan_scenario(args.simulate, scenarios)
    if fan is not None:
        from spendcalc.simulate import simulate

        simulation = simulate(fan, paths=parse_paths(args.paths), seed=0,
                              assumptions=assumptions_from(args), measured_on="same-year")
    figures = charts.brief_charts(tidy, claims=claims, simulation=simulation)
    keys = list(figures)
    meta = tidy.attrs.get("methodology", {})
    written: list[Path] = []
    for key, fig in figures.items():
        for fmt in formats:
            path = out / f"{key}.{fmt}"
            with charts.chart_style():
                fig.savefig(path, format=fmt, dpi=dpi)
            written.append(path)
        rows = charts.chart_data(tidy, key, claims=claims, simulation=simulation)
        shown = [n for n in meta if n in set(rows.get("scenario", ()))]
        note = charts.methodology_note(tidy, shown)
        if simulation is not None and key == keys[-1]:
            note = charts.fan_note(tidy, simulation)
        path = out / f"{key}.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            fh.write(csv_header(key, note, {n: meta[n] for n in shown}))
            rows.to_csv(fh, index=False, float_format="%.10g")
        written.append(path)
    for path in written:
        sys.stdout.write(f"{path}\n")
