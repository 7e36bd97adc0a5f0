"""``spendcalc sipri``: the SIPRI-comparable calendar-year series beside SIPRI's own figures.

A shell: it parses options, calls :func:`spendcalc.sipri_series` and formats rows. The CSV and
JSON keep fractions and yen; the table shows percent of GDP and trillion yen.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from spendcalc.cli.options import FORMATS, add_lang_option, emit


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
    add_lang_option(p)  # the table's headers and labels; CSV and JSON names stay English
    p.set_defaults(func=cmd_sipri)


def cmd_sipri(args: argparse.Namespace) -> None:
    from spendcalc import api

    df = api.sipri_series(vintage=args.vintage)
    if args.format != "table":
        emit(df, args.format)
        return
    from spendcalc.i18n import t

    lang = args.lang
    shown = pd.DataFrame({
        t("sipri.CY", lang): df["calendar_year"],
        t("sipri.spending", lang): (df["spending_jpy"] / 1e12).round(3),
        t("sipri.supp", lang): [_supplementary(s, lang) for s in df["supplementary_status"]],
        t("sipri.gdp", lang): (df["nominal_gdp_jpy"] / 1e12).round(1),
        t("sipri.share", lang): (df["share_of_gdp"] * 100).round(3),
        t("sipri.sipri_share", lang): (df["sipri_share_of_gdp"] * 100).round(3),
        t("sipri.diff", lang): df["difference_share_pt"].round(3),
        t("sipri.usd", lang): (df["spending_usd"] / 1e9).round(1),
        t("sipri.sipri_usd", lang): (df["sipri_spending_usd"] / 1e9).round(1),
    })
    emit(shown, "table")
    sys.stdout.write("\n" + t("sipri.why", lang) + "\n")
    from spendcalc import sipri

    vintage = args.vintage or api.default_assumptions().gdp_vintage
    texts = df["explanation"] if lang == "en" else sipri.explanations(df, vintage, lang)
    for year, text in zip(df["calendar_year"], texts, strict=True):
        sys.stdout.write(t("sipri.year", lang, year=year, text=text) + "\n")
    sys.stdout.write("\n" + t("sipri.method", lang, text=df["method"].iloc[-1]) + "\n")


def _supplementary(status: str, lang: str) -> str:
    """The status of a year's supplementary budgets: the code in English, its label in Japanese."""
    from spendcalc.i18n import MESSAGES, t

    key = "sipri.missing" if status == "missing" else f"status.{status}"
    return status if lang == "en" or key not in MESSAGES else t(key, lang)
