"""``spendcalc answer``: one scenario's answer as a sentence, with the exact values it rounds.

A shell: argparse -> :func:`spendcalc.api.answer` -> output. The sentence and the numbers come
from the projection (:mod:`spendcalc.answers`); nothing is computed here.
"""

from __future__ import annotations

import argparse
import sys

from spendcalc import api
from spendcalc.cli.options import FORMATS, add_model_options, assumptions_from, emit
from spendcalc.output import json_text, terminal_text, write_csv


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``answer`` command."""
    p = subparsers.add_parser("answer", help="one scenario's answer as a sentence, with exact values")
    p.add_argument("--scenario", required=True, metavar="NAME|FILE",
                   help="built-in name or scenario YAML file")
    add_model_options(p)
    p.add_argument("--format", choices=("text", *FORMATS), default="text",
                   help="text (default): the sentence, then the exact values; table: the values; "
                   "json: both; csv: the values (the sentence on stderr)")
    p.set_defaults(func=cmd_answer)


def cmd_answer(args: argparse.Namespace) -> None:
    """Write the sentence (and its exact values) in ``--format``."""
    (sc,) = api.resolve_scenarios(args.scenario, denominator=args.denominator, scope=args.scope,
                                  basis=args.basis)
    result = api.answer(sc, assumptions=assumptions_from(args))
    if args.format == "json":
        payload = {"scenario": result.scenario, "sentence": result.sentence,
                   "values": result.values.to_dict(orient="records")}
        sys.stdout.write(json_text(payload, indent=1) + "\n")
    elif args.format == "csv":
        write_csv(sys.stdout, result.values)  # plain CSV: the sentence goes to stderr
        sys.stderr.write(f"spendcalc: note: {terminal_text(result.sentence, multiline=False)}\n")
    elif args.format == "table":
        emit(result.values, "table")
    else:
        lines = [result.sentence, "", "Exact values (--format csv or json for a table):"]
        lines += [f"- {r.quantity}, FY{r.fiscal_year}: {_exact(r.value, r.unit)}; {r.definition}"
                  for r in result.values.itertuples()]
        sys.stdout.write(terminal_text("\n".join(lines)) + "\n")


def _exact(value: float, unit: str) -> str:
    """All the digits a float has (17 significant) and its unit, or 'not available'."""
    return "not available" if value != value else f"{value:.17g} {unit}"
