"""``spendcalc bridge`` and ``spendcalc convert``: the definitions bridge on the command line.

Each command is one function plus its parser registration (:func:`register`, listed in
``spendcalc.cli.parser.COMMANDS``). CSV goes through :func:`spendcalc.output.write_csv`,
terminal text through :func:`spendcalc.output.terminal_text`.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

import pandas as pd

from spendcalc import schema
from spendcalc.cli.options import add_lang_option
from spendcalc.output import json_text, terminal_text, write_csv

FORMATS = schema.OUTPUT_FORMATS


def _as_flags(call: object) -> object:
    """Run ``call()``; an error about the API argument ``year`` names the flag ``--year``."""
    from spendcalc.errors import SpendcalcError

    try:
        return call()
    except SpendcalcError as exc:
        if exc.field == "year":
            raise SpendcalcError("--year", exc.value, exc.allowed) from None
        raise


def _trillion(v: float) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v / 1e12:,.4f}"


def _pct(v: float) -> str:
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.3%}"


def _table(df: pd.DataFrame, wide_glyphs: bool = False) -> str:
    with pd.option_context("display.max_rows", None, "display.max_columns", None,
                           "display.width", 250, "display.max_colwidth", 70,
                           "display.unicode.east_asian_width", wide_glyphs):
        return df.to_string(index=False)


def cmd_bridge(args: argparse.Namespace) -> None:
    from spendcalc import api, reconcile

    year = reconcile.parse_fiscal_year(args.year, field="--year")
    df = _as_flags(lambda: api.bridge(year, basis=args.basis, vintage=args.vintage))
    if args.format == "csv":
        write_csv(sys.stdout, df, comments=[df.attrs["note"], "same-year GDP: " + df.attrs["gdp_same_year"]])
    elif args.format == "json":
        payload = {"note": df.attrs["note"], "gdp_same_year": df.attrs["gdp_same_year"],
                   "reference_gdp_jpy": df.attrs["reference_gdp_jpy"],
                   "rows": json.loads(df.to_json(orient="records"))}
        sys.stdout.write(json_text(payload, indent=1) + "\n")
    else:
        sys.stdout.write(terminal_text(waterfall_text(df, year, args.basis, args.lang)))


def waterfall_text(df: pd.DataFrame, year: int, basis: str, lang: str = "en") -> str:
    """The waterfall as a readable table with its notes; headers in ``lang`` (the components,
    notes and sources are data, in the words of the bundle)."""
    from spendcalc.i18n import MESSAGES, t

    status = df["status"] if lang == "en" else [t(f"status.{v}", lang) if f"status.{v}" in MESSAGES
                                                else v for v in df["status"]]
    shown = pd.DataFrame({
        t("bridge.step", lang): df["step"], t("bridge.component", lang): df["component"].str.slice(0, 70),
        t("bridge.value", lang): df["value_jpy"].map(_trillion),
        t("bridge.running", lang): df["running_total_jpy"].map(_trillion),
        t("bridge.share_fixed", lang): df["share_of_gdp_fixed_fy2022"].map(_pct),
        t("bridge.share_same", lang): df["share_of_gdp_same_year"].map(_pct),
        t("bridge.per_person", lang): df["spending_per_capita_jpy"].map(
            lambda v: "" if math.isnan(v) else f"{v:,.0f}"),
        t("bridge.status", lang): status, t("bridge.source", lang): df["source_title"].str.slice(0, 60),
    })
    label = basis if lang == "en" else t(f"basis.{basis}", lang)
    return (t("bridge.title", lang, year=year, basis=label) + "\n\n" + _table(shown, lang != "en")
            + "\n\n" + t("bridge.note", lang, note=df.attrs["note"]) + "\n"
            + t("bridge.gdp_same_year", lang, text=df.attrs["gdp_same_year"]) + "\n"
            + t("bridge.fixed", lang, value=f"{df.attrs['reference_gdp_jpy'] / 1e12:g}") + "\n"
            + t("bridge.sources", lang) + "\n")


def cmd_convert(args: argparse.Namespace) -> None:
    from spendcalc import api, reconcile

    reconcile.parse_value(args.value, field="VALUE")
    year = reconcile.parse_fiscal_year(args.year, field="--year", calendar=args.calendar)
    df = _as_flags(lambda: api.convert(args.value, year=year, calendar=args.calendar, vintage=args.vintage))
    if args.format == "csv":
        write_csv(sys.stdout, df)
    elif args.format == "json":
        sys.stdout.write(json_text(json.loads(df.to_json(orient="records")), indent=1) + "\n")
    else:
        def fmt(v: float, unit: str) -> str:
            if math.isnan(v):
                return "n/a"
            if unit == "fraction":
                return f"{v:.3%}"
            if abs(v) >= 1e12:
                return f"{v / 1e12:,.3f} trillion {unit}"
            if abs(v) >= 1e8:
                return f"{v / 1e9:,.2f} billion {unit}"
            return f"{v:,.0f} {unit}"

        lines = [f"{q}: {fmt(v, u)}\n    {d}" for q, v, u, d in
                 zip(df["quantity"], df["value"], df["unit"], df["definition"], strict=True)]
        sys.stdout.write(terminal_text(f"{args.value} in {df['year'].iloc[0]}\n" + "\n".join(lines) + "\n"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bridge", help="scope waterfall: from the MOD budget to the security-related "
                       "total (with the supplementary), one sourced row per step")
    p.add_argument("--year", required=True, metavar="FY",
                   help="fiscal year: 2024, 2025, 2026 (partly estimated) or 2027 (the plan composition)")
    p.add_argument("--basis", choices=schema.BASES, default="with-supplementary",
                   help="stop at the initial security-related total, or add the supplementary "
                   "(default with-supplementary)")
    p.add_argument("--vintage", metavar="NAME", default=None,
                   help="fiscal-year GDP vintage of the same-year share (default: the project's)")
    p.add_argument("--format", choices=FORMATS, default="table")
    add_lang_option(p)  # the table's headers and labels; CSV and JSON names stay English
    p.set_defaults(func=cmd_bridge)

    from spendcalc.data import default_value

    calendar_vintage = default_value("calendar_gdp_vintage")
    p = sub.add_parser("convert", help="a share of GDP in yen/USD/per person, or yen as shares of GDP")
    p.add_argument("value", metavar="VALUE", help="a share ('3.5 %%', 0.035) or yen ('11 trillion JPY')")
    p.add_argument("--year", required=True, metavar="FY", help="fiscal year (or calendar year with --calendar)")
    p.add_argument("--calendar", action="store_true",
                   help=f"use calendar-year nominal GDP (vintage {calendar_vintage} unless --vintage)")
    p.add_argument("--vintage", metavar="NAME", default=None,
                   help="GDP vintage ('spendcalc history' lists them; gov-outlook-at-the-time: the "
                   f"government's outlook of the time; with --calendar: {calendar_vintage})")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_convert)
