"""``spendcalc simulate``: argparse -> spendcalc.simulate -> CSV or a table with a headline.

No model logic here: the command parses options, calls ``simulate`` and formats its result.
``--method exact`` (the default) gives the percentiles and the probability in closed form;
``--method monte-carlo`` simulates the same model as a cross-check. ``--paths``, ``--seed`` and
``--chunk-size`` belong to the Monte Carlo only: given with the exact method they are refused (one
line, exit 2) rather than silently ignored. A progress bar goes to stderr only for the Monte Carlo
and only when stderr is a terminal, so CSV on stdout stays clean.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from spendcalc import schema
from spendcalc.api import make_assumptions
from spendcalc.cli.options import (
    FORMATS,
    add_model_options,
    assumptions_from,
    emit,
    scenarios_from,
    schema_help,
    schema_type,
)
from spendcalc.errors import SpendcalcError

#: Monte Carlo settings: (argparse dest, default); None on the command line means "not given"
MONTE_CARLO_ONLY = (("paths", 100_000), ("seed", 0), ("chunk_size", 100_000))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``simulate`` command."""
    p = subparsers.add_parser(
        "simulate",
        help="probability of meeting the target under GDP and exchange-rate uncertainty",
        description="Hold the scenario's yen path fixed, treat nominal GDP as uncertain (log-normal "
        "growth around the GDP assumption, optional AR(1) persistence) and optionally the exchange "
        "rate, and report percentile bands of the share of GDP [fraction] and of spending [USD] by "
        "fiscal year (April-March), with the probability that the share reaches the target. The "
        "figures are exact under that model (closed form); --method monte-carlo simulates it "
        "instead, as a cross-check.")
    p.add_argument("--scenario", required=True, metavar="NAME|FILE",
                   help="built-in scenario name or scenario YAML file")
    p.add_argument("--method", choices=schema.METHODS, default=schema.METHODS[0],
                   help="exact: percentiles and probability in closed form, no sampling error "
                   "(default); monte-carlo: simulate seeded paths, a cross-check")
    p.add_argument("--paths", type=schema_type("paths"), metavar="N",
                   help=schema_help("paths", "100,000", "--method monte-carlo only"))
    p.add_argument("--seed", type=schema_type("seed"), metavar="S",
                   help=schema_help("seed", 0, "--method monte-carlo only"))
    p.add_argument("--volatility", metavar="V", type=schema_type("volatility"),
                   help=schema_help("volatility", note="default: the historical s.d. of nominal "
                                    "growth in the ESRI vintage, an assumption"))
    p.add_argument("--persistence", metavar="RHO", type=schema_type("persistence"), default=0.0,
                   help=schema_help("persistence", "0", "iid shocks"))
    p.add_argument("--fx-volatility", metavar="V", type=schema_type("fx_volatility"), default=0.0,
                   help=schema_help("fx_volatility", "0", "no exchange-rate noise"))
    p.add_argument("--threshold", metavar="SHARE", type=schema_type("threshold"),
                   help=schema_help("threshold", note="default: the scenario's target; the yen "
                                    "path does not change"))
    p.add_argument("--plan-preset", metavar="NAME",
                   help="GDP preset the yen path was planned on (default: the simulated one)")
    p.add_argument("--plan-growth", metavar="RATE", type=schema_type("growth_rate", "--plan-growth"),
                   help=schema_help("growth_rate", note="the constant nominal growth the yen "
                                    "path was planned on"))
    p.add_argument("--measure-on", choices=schema.DENOMINATORS, metavar="DENOMINATOR",
                   help="denominator on which the share is simulated and tested (default: the "
                   "scenario's own); e.g. a fixed-FY2022 plan measured on same-year GDP")
    p.add_argument("--chunk-size", type=schema_type("chunk_size"), metavar="N",
                   help=schema_help("chunk_size", "100,000", "--method monte-carlo only"))
    add_model_options(p)
    p.add_argument("--format", choices=[f for f in FORMATS if f != "json"], default="table")
    p.set_defaults(func=cmd_simulate)


def cmd_simulate(args: argparse.Namespace) -> None:
    """Simulate one scenario and write the percentile bands (and, as a table, the headline)."""
    from spendcalc import data
    from spendcalc.simulate import simulate

    monte_carlo = monte_carlo_settings(args)
    (scenario,) = scenarios_from(args)
    assumptions = assumptions_from(args)
    plan = None
    if args.plan_preset is not None or args.plan_growth is not None:
        plan = make_assumptions(preset=args.plan_preset, growth=args.plan_growth, base=assumptions)
    result = simulate(
        scenario, assumptions=assumptions, plan_assumptions=plan, measured_on=args.measure_on,
        history=data.load_history(), method=args.method,
        volatility=args.volatility, persistence=args.persistence,
        fx_volatility=args.fx_volatility, threshold=args.threshold, **monte_carlo)
    if args.format == "csv":
        emit(result, "csv")
        return
    emit(result, "table")
    sys.stdout.write("\n" + headline(result.attrs) + "\n")


def monte_carlo_settings(args: argparse.Namespace) -> dict:
    """``paths``, ``seed``, ``chunk_size`` and the progress bar for ``simulate``.

    With ``--method exact`` none applies: a flag given anyway is refused (SpendcalcError naming
    it), since a reader of the command would otherwise believe the figures came from those paths.
    """
    given = {dest: getattr(args, dest) for dest, _ in MONTE_CARLO_ONLY
             if getattr(args, dest) is not None}
    if args.method == "exact":
        for dest, value in given.items():
            raise SpendcalcError(dest, value, f"{schema.spec(dest).flag} only with --method "
                                 "monte-carlo (the default exact method draws no random paths)")
        return {}
    settings = {dest: default for dest, default in MONTE_CARLO_ONLY} | given
    return settings | {"progress": progress_bar(sys.stderr)}


def headline(attrs: dict) -> str:
    """One line: the probability (or why there is none) and the assumptions behind it."""
    a = attrs
    vol = (f"volatility {a['volatility']:.2%}/yr ({a['volatility_note']})"
           if a["denominator"] != "fixed-fy2022" else "GDP volatility not applied")
    extra = []
    if a["persistence"]:
        extra.append(f"persistence {a['persistence']:g}")
    if a["fx_volatility"]:
        extra.append(f"FX volatility {a['fx_volatility']:.2%}/yr")
    if a.get("plan_gdp_assumption", a.get("gdp_assumption")) != a.get("gdp_assumption"):
        extra.append(f"yen planned on {a['plan_gdp_assumption'].split(':')[0]}")
    more = "; " + ", ".join(extra) if extra else ""
    how = ("exact under the model" if a.get("method") == "exact"
           else f"Monte Carlo, {a['paths']:,} paths, seed {a['seed']}")
    run = f"{how}; {vol}{more}"
    if a["probability"] is None or a["certain"]:
        lead = a["note"]
        if a["probability"] is not None:
            lead = (f"P(share ≥ {a['threshold']:.1%} of GDP in FY{a['target_year']}) = "
                    f"{a['probability']:.2f}: {a['note']}")
        return f"{lead} ({run})"
    basis = "same-year GDP" if a["denominator"] == "same-year" else "GDP"
    return (f"P(share ≥ {a['threshold']:.1%} of {basis} in FY{a['target_year']}) = "
            f"{a['probability']:.2f} ({run})")


def progress_bar(stream: object) -> Callable[[int, int], None] | None:
    """A one-line tqdm bar on a terminal (``simulating [###...] 5,000/20,000 paths``); nothing
    when the stream is redirected, so CSV on stdout and logs on stderr stay clean.

    Returns ``progress(done_paths, total_paths)`` as :func:`spendcalc.simulate.simulate` calls
    it after each chunk; the bar is closed (one newline) when ``done >= total``.
    """
    if not getattr(stream, "isatty", lambda: False)():
        return None
    from tqdm import tqdm  # only when a bar is drawn

    bar: list = []

    def show(done: int, total: int) -> None:
        if not bar:
            bar.append(tqdm(total=total, file=stream, ascii=".#", mininterval=0, leave=True,
                            bar_format="simulating [{bar:30}] {n:,}/{total:,} paths"))
        bar[0].update(done - bar[0].n)
        if done >= total:
            bar[0].close()

    return show
