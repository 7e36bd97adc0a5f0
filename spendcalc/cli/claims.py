"""``spendcalc claims``: every factual claim of the five articles with a verdict and a reason.

A shell: it parses options, calls ``spendcalc.check_claims`` and formats rows. Shares are
shown in percent of GDP only here; the CSV and JSON keep fractions.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from spendcalc.cli.options import FORMATS, add_model_options, assumptions_from, emit, scenarios_from
from spendcalc.errors import SpendcalcError
from spendcalc.schema import VERDICTS

QUOTE_WIDTH = 70


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``claims`` command to the ``spendcalc`` parser."""
    p = subparsers.add_parser(
        "claims", help="audit the articles' claims against the model and the reference figures",
        description="One row per factual claim in the five articles: verdict (consistent, "
        "partly-supported, depends-on-definition, inconsistent, not-modelled; the rubric is in "
        "data/README.md), a one-line reason, a plan check for pledges, and for claims on "
        "spending as a share of GDP the model's value on the fixed FY2022 and same-year GDP, for "
        "security-related spending and the MOD budget. Fiscal years are Japanese (April-March).")
    add_model_options(p)
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("--article", action="append", metavar="FILE",
                   help="only claims from this article (file name or its 3-digit index); repeatable")
    p.add_argument("--verdict", action="append", choices=VERDICTS,
                   help="only claims with this verdict; repeatable")
    p.set_defaults(func=cmd_claims)


def cmd_claims(args: argparse.Namespace) -> None:
    """Check every claim and write the rows (filtered by --article and --verdict)."""
    from spendcalc.api import check_claims  # reads the articles' claims: only for this command

    df = check_claims(assumptions=assumptions_from(args), scenarios=scenarios_from(args))
    if args.article:
        files = sorted(df["article"].unique())
        wanted = set()
        for a in args.article:
            hits = [f for f in files if f == a or f.startswith(f"{a}_") or f.split("_")[0] == a]
            if not hits:
                raise SpendcalcError("article", a, "one of " + ", ".join(files) + " (or its 3-digit index)")
            wanted.update(hits)
        df = df[df["article"].isin(wanted)]
    if args.verdict:
        df = df[df["verdict"].isin(args.verdict)]
    if args.format == "table":
        write_table(df, sys.stdout)
    else:
        emit(df.reset_index(drop=True), args.format)


def _shown_value(value: object, unit: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "-"
    if unit == "fraction":
        return f"{float(value) * 100:g}%"
    if isinstance(value, int | float):
        return f"{value:,g} {unit}"
    return str(value)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def write_table(df: pd.DataFrame, out: object) -> None:
    """Readable text: one block per claim (quote truncated), cross-article notes flagged."""
    counts = df["verdict"].value_counts()
    out.write("Claims in the five articles, checked against the model and the bundled reference "
              "figures (fiscal years April-March; shares in percent of GDP).\n")
    out.write("Verdicts: " + ", ".join(f"{v} {int(counts.get(v, 0))}" for v in VERDICTS)
              + f"  (total {len(df)})\n")
    for article, grp in df.groupby("article", sort=True):
        out.write(f"\n== {article} ({len(grp)} claims)\n")
        for r in grp.itertuples(index=False):
            fy = "" if pd.isna(r.fiscal_year) else f" FY{int(r.fiscal_year)}"
            flag = " [x-article]" if isinstance(r.cross_article_note, str) else ""
            out.write(f"{r.claim_id}  {r.verdict:<22} {_shown_value(r.value, r.unit)}{fy}{flag}\n")
            out.write(f"    “{_cut(r.quote, QUOTE_WIDTH)}”\n")
            out.write(f"    reason: {r.reason}\n")
            if not pd.isna(r.model_fiscal_year):
                cells = [f"{label} {v * 100:.2f}%" for label, v in (
                    ("fixed FY2022/security", r.model_fixed_fy2022_security_related),
                    ("same-year/security", r.model_same_year_security_related),
                    ("fixed FY2022/MOD", r.model_fixed_fy2022_mod_budget),
                    ("same-year/MOD", r.model_same_year_mod_budget)) if not pd.isna(v)]
                out.write(f"    model FY{int(r.model_fiscal_year)} ({r.model_status}): "
                          + "; ".join(cells) + "\n")
            if flag:
                out.write(f"    ! cross-article ({r.cross_article}): {r.cross_article_note}\n")
