"""Command line: argparse -> public API -> CSV / JSON / table. No model logic here.

Every bad input exits with status 2 and one line on stderr naming the field, the value and what
is allowed; no traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

import pandas as pd

from spendcalc import api, data, schema
from spendcalc.errors import SpendcalcError
from spendcalc.output import json_text, terminal_text, write_csv

FORMATS = ("csv", "json", "table")


def schema_type(name: str, flag: str | None = None) -> Callable[[str], object]:
    """An argparse type reading one schema field: strict parsing and the plausible range.

    A bad value makes argparse print one line naming the flag, e.g.
    ``spendcalc project: error: --fx: '0' is not allowed; expected ...``, and exit with status 2.
    """
    spec = schema.spec(name)

    def parse(text: str) -> object:
        try:
            return spec.parse(text, flag or spec.flag or name)
        except SpendcalcError as exc:
            raise argparse.ArgumentTypeError(schema.cli_error(exc)) from None

    parse.__name__ = name  # argparse names the type in some messages
    return parse


def schema_help(name: str, default: object = None, note: str = "") -> str:
    """``--help`` text of a schema field: meaning, range, example and default (``%`` escaped)."""
    spec = schema.spec(name)
    text = f"{spec.help}; {spec.range_text()}; e.g. {spec.example}"
    if default is not None:
        text += f" (default {default}{': ' + note if note else ''})"
    elif note:
        text += f" ({note})"
    return text.replace("%", "%%")


def _default(name: str) -> str:
    """``'<value>: <reasoning>'`` of one default in data/defaults.yaml, for help texts (unescaped)."""
    entry = data.defaults()["assumptions"][name]
    value = f"{entry['value']:.2%}" if entry["unit"] == "fraction per year" else str(entry["value"])
    return f"{value}: {entry['reasoning']}"


def add_model_options(p: argparse.ArgumentParser) -> None:
    """The model options shared by project, claims, chart and simulate (defaults: data/defaults.yaml)."""
    g = p.add_argument_group("model options")
    g.add_argument("--preset", metavar="NAME",
                   help=(f"GDP preset (default {_default('gdp_preset')}); one of "
                         + ", ".join(data.PRESET_INFO)).replace("%", "%%"))
    g.add_argument("--growth", metavar="RATE", type=schema_type("growth_rate"),
                   help=schema_help("growth_rate", note="overrides --preset"))
    g.add_argument("--growth-override", dest="growth_overrides", action="append", metavar="FY=RATE",
                   type=_override_type,
                   help=schema_help("growth_overrides", note="repeatable, one per fiscal year"))
    g.add_argument("--inflation", metavar="RATE", type=schema_type("inflation_rate"),
                   help=schema_help("inflation_rate", _default("inflation_rate"),
                                    "applies after the last year of ESRI's GDP deflator"))
    g.add_argument("--fx", metavar="JPY_PER_USD", type=schema_type("jpy_per_usd"),
                   help=schema_help("jpy_per_usd", _default("jpy_per_usd"),
                                    "the rate of projected years"))
    g.add_argument("--fx-rate-for-actuals", dest="fx_rate_for_actuals",
                   choices=schema.FX_RATES_FOR_ACTUALS,
                   help=schema_help("fx_rate_for_actuals", _default("fx_rate_for_actuals")))
    g.add_argument("--fx-history", action="store_true", default=None,
                   help="convert past fiscal years at the Federal Reserve calendar-year average "
                   "(FYnnnn at year nnnn's average; an approximation) and later years at --fx; "
                   "where it applies it replaces the fiscal-year average")
    g.add_argument("--baseline", choices=schema.BASELINES,
                   help=("what extra yen are measured against: own = each scenario's last decided "
                         "level in its own scope and basis, held flat; common = one level for every "
                         f"scenario (default {_default('baseline')}; the common level: the FY"
                         f"{data.default_value('baseline_year')} {data.default_value('baseline_scope')} "
                         f"total, {data.default_value('baseline_basis')})").replace("%", "%%"))
    g.add_argument("--denominator", choices=schema.DENOMINATORS,
                   help="override each scenario's GDP denominator")
    g.add_argument("--scope", choices=schema.SCOPES, help="override each scenario's spending scope")
    g.add_argument("--basis", choices=schema.BASES,
                   help="override each scenario's budget basis (initial, or with supplementary)")
    g.add_argument("--until", metavar="FY", type=schema_type("until"),
                   help=schema_help("until", _default("until")))
    g.add_argument("--vintage", metavar="NAME",
                   help=f"ESRI GDP vintage for actuals (default {_default('gdp_vintage')})".replace("%", "%%"))


def _override_type(text: str) -> tuple[int, float]:
    try:
        return schema.parse_override(text, "--growth-override")
    except SpendcalcError as exc:
        raise argparse.ArgumentTypeError(schema.cli_error(exc)) from None


def whole_number(field: str, expected: str = "a whole fiscal year such as 2035",
                 grouping: bool = False) -> Callable[[str], int]:
    """An argparse type: a whole number in ASCII digits (with ``grouping``, ``1,000,000`` and
    ``1_000_000`` too)."""
    def parse(text: str) -> int:
        try:
            return schema.parse_whole(text, field=field, allowed=expected, grouping=grouping)
        except SpendcalcError as exc:
            raise argparse.ArgumentTypeError(schema.cli_error(exc)) from None
    return parse


def assumptions_from(args: argparse.Namespace) -> api.Assumptions:
    return api.make_assumptions(preset=args.preset, growth=args.growth, inflation=args.inflation,
                                fx=args.fx, until=args.until, vintage=args.vintage,
                                fx_history=args.fx_history,
                                fx_rate_for_actuals=getattr(args, "fx_rate_for_actuals", None),
                                baseline=getattr(args, "baseline", None),
                                growth_overrides=_overrides(args.growth_overrides))


def _overrides(items: list[tuple[int, float]] | None) -> dict[int, float] | None:
    """``[(2030, 0.01), (2035, 0.005)]`` (parsed by argparse) -> ``{2030: 0.01, 2035: 0.005}``."""
    if not items:
        return None
    out: dict[int, float] = {}
    for year, rate in items:
        if year in out:
            raise SpendcalcError("--growth-override", f"{year}=", f"one rate per fiscal year "
                                 f"(FY{year} is given twice)")
        out[year] = rate
    return out


def scenarios_from(args: argparse.Namespace) -> list:
    return api.resolve_scenarios(getattr(args, "scenario", None) or None, denominator=args.denominator,
                                 scope=args.scope, basis=args.basis)


def emit(df: pd.DataFrame, fmt: str, out: object = None) -> None:
    """Write a frame as CSV (:func:`spendcalc.output.write_csv`: no live spreadsheet formulas),
    JSON records or an aligned text table (control characters shown as escapes)."""
    out = out or sys.stdout
    if fmt == "csv":
        write_csv(out, df)
    elif fmt == "json":
        out.write(df.to_json(orient="records", force_ascii=False, indent=1))
        out.write("\n")
    else:
        with pd.option_context("display.max_rows", None, "display.max_columns", None,
                               "display.width", 250, "display.max_colwidth", 80):
            out.write(terminal_text(df.to_string(index=False, float_format=lambda v: f"{v:,.6g}")))
            out.write("\n")


# ----------------------------------------------------------------------------------------------
# Commands
# ----------------------------------------------------------------------------------------------
def cmd_project(args: argparse.Namespace) -> None:
    from spendcalc import model

    unknown = [m for m in args.measures or [] if m not in model.MEASURES]
    if unknown:
        raise SpendcalcError("measure", unknown[0], "one of " + ", ".join(model.MEASURES))
    tidy = model.project(scenarios_from(args), assumptions_from(args), data.load_history(),
                         since=args.since)
    for name, meta in tidy.attrs["methodology"].items():
        for caveat in meta["caveats"]:
            sys.stderr.write(f"spendcalc: note: {name}: {terminal_text(caveat, multiline=False)}\n")
    if not args.measures or any("gap" in m for m in args.measures):
        bases: dict[str, list[str]] = {}
        for name, meta in tidy.attrs["methodology"].items():
            bases.setdefault(meta["baseline_description"], []).append(name)
        for text, names in bases.items():
            sys.stderr.write(terminal_text(
                f"spendcalc: note: {', '.join(names)}: extra yen (gap_to_baseline_jpy) are "
                f"measured against the baseline {text}", multiline=False) + "\n")
    if args.format == "table":
        shown = tidy[tidy["measure"].isin(args.measures or ["spending_jpy", "share_of_gdp",
                                                           "spending_usd", "gap_to_baseline_jpy"])]
        emit(shown, "table")
        meta = model.methodology_table(tidy)
        sys.stdout.write("\nMethodology (fiscal years are Japanese, April-March):\n")
        emit(meta, "table")
    elif args.format == "json":
        payload = {"methodology": tidy.attrs["methodology"], "assumptions": tidy.attrs["assumptions"],
                   "data": json.loads(tidy.to_json(orient="records"))}
        sys.stdout.write(json_text(payload, indent=1) + "\n")
    else:
        emit(tidy if not args.measures else tidy[tidy["measure"].isin(args.measures)], "csv")


def cmd_scenarios(args: argparse.Namespace) -> None:
    rows = []
    for sc in data.builtin_scenarios():
        rows.append({
            "name": sc.name,
            "target_share": sc.target_share,
            "target_year": sc.target_year,
            "scope": sc.scope,
            "denominator": sc.denominator,
            "basis": sc.basis,
            "path": sc.path,
            "title": sc.title,
            "description": sc.description,
            "sources": " | ".join(f"{s.title} <{s.url}>" for s in sc.sources),
        })
    df = pd.DataFrame(rows)
    if args.format == "table":
        for r in rows:
            share = "-" if r["target_share"] is None else f"{r['target_share']:.1%}"
            year = "-" if r["target_year"] is None else f"FY{r['target_year']}"
            sys.stdout.write(terminal_text(
                f"{r['name']}: {r['title']}\n  target {share} of GDP in {year}; "
                f"scope {r['scope']}, denominator {r['denominator']}, basis {r['basis']}, "
                f"path {r['path']}\n  {r['description']}\n  sources: {r['sources']}\n\n"))
    else:
        emit(df, args.format)


def cmd_history(args: argparse.Namespace) -> None:
    df = data.history_table()
    if args.series:
        known = set(df["series"])
        unknown = [name for name in args.series if name not in known]
        if unknown:
            raise SpendcalcError("--series", unknown[0], "a bundled series name; "
                                 "'spendcalc history --format table' lists them")
        df = df[df["series"].isin(args.series)]
    if args.format == "table":
        shown = df[["series", "fiscal_year", "value", "unit", "is_default", "source"]].copy()
        shown["source"] = shown["source"].str.slice(0, 90)
        emit(shown, "table")
    else:
        emit(df, args.format)


# ----------------------------------------------------------------------------------------------
# Parser
# ----------------------------------------------------------------------------------------------
class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, naming the flag as typed
        message = message.removeprefix("argument ").replace("\n", " ")
        self.exit(2, f"{self.prog}: error: {terminal_text(message, multiline=False)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="spendcalc", description="Japan defense-spending scenario calculator. "
                     "Fiscal years are Japanese (April-March); shares are fractions of GDP.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("project", help="project spending pathways (tidy frame)")
    p.add_argument("--scenario", action="append", metavar="NAME|FILE",
                   help="built-in name or scenario YAML file; repeatable; default: all built-ins")
    add_model_options(p)
    first = data.default_value("first_fiscal_year")
    p.add_argument("--since", type=whole_number("--since"), default=first, metavar="FY",
                   help=f"first fiscal year (default {first})")
    p.add_argument("--measure", dest="measures", action="append", metavar="NAME",
                   help="only these measures (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.set_defaults(func=cmd_project)

    p = sub.add_parser("scenarios", help="list the built-in scenarios with targets and sources")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_scenarios)

    p = sub.add_parser("history", help="the bundled sourced figures")
    p.add_argument("--series", action="append", metavar="NAME", help="only these series (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.set_defaults(func=cmd_history)

    for register in EXTRA_COMMANDS:
        register(sub)
    return parser


#: functions ``register(subparsers)`` adding further commands (claims, chart, simulate)
EXTRA_COMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []


def _load_extra_commands() -> None:
    """Import optional command modules; each appends its register function."""
    import importlib

    for module in ("spendcalc.cli_claims", "spendcalc.cli_chart", "spendcalc.cli_simulate",
                   "spendcalc.cli_bridge", "spendcalc.cli_sipri"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        if mod.register not in EXTRA_COMMANDS:
            EXTRA_COMMANDS.append(mod.register)


def main(argv: Sequence[str] | None = None) -> int:
    _load_extra_commands()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a bad flag (2, one line already written)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        args.func(args)
    except SpendcalcError as exc:
        sys.stderr.write(f"spendcalc: error: {terminal_text(_as_typed(exc), multiline=False)}\n")
        return 2
    except BrokenPipeError:
        return 0
    return 0


def _as_typed(exc: SpendcalcError) -> str:
    """The error with a schema field name (``jpy_per_usd``, ``fx``) replaced by its flag (``--fx``)."""
    flags = {k: spec.flag for spec in schema.SPECS.values() if spec.flag
             for k in (spec.name, spec.api) if k}
    text = str(exc).replace("\n", " ")
    flag = flags.get(exc.field)
    return f"{flag}{text[len(exc.field):]}" if flag else text


if __name__ == "__main__":
    raise SystemExit(main())
