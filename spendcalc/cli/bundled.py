"""``spendcalc scenarios`` and ``spendcalc history``: what the package bundles, with sources.

A shell: :mod:`spendcalc.data` -> output. No model logic here.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from spendcalc import data
from spendcalc.cli.options import FORMATS, emit
from spendcalc.errors import SpendcalcError
from spendcalc.output import terminal_text


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``scenarios`` and ``history`` commands."""
    p = subparsers.add_parser("scenarios", help="list the built-in scenarios with targets and sources")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_scenarios)

    p = subparsers.add_parser("history", help="the bundled sourced figures")
    p.add_argument("--series", action="append", metavar="NAME", help="only these series (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.set_defaults(func=cmd_history)


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
