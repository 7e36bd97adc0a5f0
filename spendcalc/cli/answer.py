"""``spendcalc answer``: one scenario's answer as a sentence, with the exact values it rounds.

A shell: argparse -> :func:`spendcalc.api.answer` -> output. The sentence and the numbers come
from the projection (:mod:`spendcalc.answers`); nothing is computed here.
"""

from __future__ import annotations

import argparse
import sys

from spendcalc import api
from spendcalc.cli.options import (
    FORMATS,
    add_lang_option,
    add_model_options,
    assumptions_from,
    emit,
)
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
    add_lang_option(p)
    p.set_defaults(func=cmd_answer)


def cmd_answer(args: argparse.Namespace) -> None:
    """Write the sentence (and its exact values) in ``--format``."""
    (sc,) = api.resolve_scenarios(args.scenario, denominator=args.denominator, scope=args.scope,
                                  basis=args.basis)
    result = api.answer(sc, assumptions=assumptions_from(args), lang=args.lang)
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
        sys.stdout.write(terminal_text(text_lines(result, args.lang)) + "\n")


def text_lines(result: object, lang: str = "en") -> str:
    """The sentence, then each exact value: its quantity (with its label in Japanese), year,
    all its digits, unit and definition (data, in English)."""
    from spendcalc import i18n

    lines = [result.sentence, "", i18n.t("answer.exact_values", lang)]
    for r in result.values.itertuples():
        what = r.quantity if lang == "en" else f"{i18n.t('measure.' + r.quantity, lang)}（{r.quantity}）"
        lines.append(f"- {what}, {i18n.fy(r.fiscal_year, lang)}: {_exact(r.value, r.unit, lang)}; "
                     f"{r.definition}")
    return "\n".join(lines)


def _exact(value: float, unit: str, lang: str = "en") -> str:
    """All the digits a float has (17 significant) and its unit, or 'not available'."""
    if value != value:
        from spendcalc.i18n import t

        return t("common.not_available", lang)
    return f"{value:.17g} {unit}"
