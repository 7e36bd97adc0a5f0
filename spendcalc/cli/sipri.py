"""``spendcalc sipri``: the SIPRI-comparable calendar-year series beside SIPRI's own figures.

A shell: it parses options, calls :func:`spendcalc.sipri_series` and formats rows. The CSV and
JSON keep fractions and yen; the table shows percent of GDP and trillion yen.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from spendcalc.cli.options import FORMATS, emit


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``sipri`` command to the ``spendcalc`` parser."""
    p = subparsers.add_parser(
        "sipri", help="calendar-year spending in SIPRI's scope, beside SIPRI's published figures",
        description="Calendar year t = 3/4 of fiscal year t + 1/4 of fiscal year t-1 (MOD budget "
        "incl. SACO/realignment plus known supplementary budgets), over calendar-year GDP derived "
        "the same way from fiscal-year GDP (an estimate), in USD at the calendar-year average "
        "rate; beside SIPRI's share and dollars, with the difference split into spending and GDP "
        "and explained per year.")
    p.add_argument("--vintage", metavar="NAME", default=None,
                   help="ESRI vintage of the fiscal-year GDP (default: the model's default vintage)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.set_defaults(func=cmd_sipri)


def cmd_sipri(args: argparse.Namespace) -> None:
    from spendcalc import api

    df = api.sipri_series(vintage=args.vintage)
    if args.format != "table":
        emit(df, args.format)
        return
    shown = pd.DataFrame({
        "CY": df["calendar_year"],
        "spending tn JPY": (df["spending_jpy"] / 1e12).round(3),
        "supp.": df["supplementary_status"],
        "GDP tn JPY": (df["nominal_gdp_jpy"] / 1e12).round(1),
        "share %": (df["share_of_gdp"] * 100).round(3),
        "SIPRI %": (df["sipri_share_of_gdp"] * 100).round(3),
        "diff pt": df["difference_share_pt"].round(3),
        "USD bn": (df["spending_usd"] / 1e9).round(1),
        "SIPRI USD bn": (df["sipri_spending_usd"] / 1e9).round(1),
    })
    emit(shown, "table")
    sys.stdout.write("\nWhy each year differs from SIPRI (ours - SIPRI, percentage points):\n")
    for year, text in zip(df["calendar_year"], df["explanation"], strict=True):
        sys.stdout.write(f"CY{year}: {text}\n")
    sys.stdout.write("\nMethod (every row is an estimate): " + df["method"].iloc[-1] + "\n")
