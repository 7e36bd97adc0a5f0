"""What the commands share: schema-derived argparse types and help, the model options, output.

Every flag that sets a user value takes its type, range and help text from
:mod:`spendcalc.schema` (:func:`schema_type`, :func:`schema_help`); every choice list is a schema
constant. A bad value makes argparse print one line naming the flag and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

import pandas as pd

from spendcalc import api, data, schema
from spendcalc.errors import SpendcalcError
from spendcalc.output import terminal_text, write_csv

#: output formats of the table commands (project, scenarios, history, claims)
FORMATS = schema.OUTPUT_FORMATS


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


def add_lang_option(p: argparse.ArgumentParser) -> None:
    """``--lang``: the language of the text written for people (schema field ``lang``; the
    choices are ``spendcalc.i18n.LANGS``). CSV and JSON column names stay English."""
    p.add_argument("--lang", choices=schema.spec("lang").choices, default="en",
                   help=schema_help("lang", "en"))


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
                               "display.width", 250, "display.max_colwidth", 80,
                               "display.unicode.east_asian_width", True):  # 兆円 is two columns wide
            out.write(terminal_text(df.to_string(index=False, float_format=lambda v: f"{v:,.6g}")))
            out.write("\n")


