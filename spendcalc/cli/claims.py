"""``spendcalc claims``: every factual claim of the five articles with a verdict and a reason.

A shell: it parses options, calls ``spendcalc.check_claims`` and formats rows. Shares are
shown in percent of GDP only here; the CSV and JSON keep fractions.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from spendcalc.cli.options import (
    FORMATS,
    add_lang_option,
    add_model_options,
    assumptions_from,
    emit,
    scenarios_from,
)
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
    add_lang_option(p)  # table: verdicts and reasons in Japanese (quotes stay original);
    # csv/json: --lang ja adds the columns verdict_ja and reason_ja
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
        write_table(df, sys.stdout, args.lang)
    elif args.lang == "en":
        emit(df.reset_index(drop=True), args.format)
    else:
        emit(with_language_columns(df, args.lang).reset_index(drop=True), args.format)


def with_language_columns(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The audit with ``verdict_<lang>`` and ``reason_<lang>`` appended (names stay ASCII)."""
    from spendcalc.claims import reasons
    from spendcalc.i18n import t

    out = df.copy()
    out[f"verdict_{lang}"] = [t(f"verdict.{v}", lang) for v in df["verdict"]]
    out[f"reason_{lang}"] = reasons(df, lang)
    return out


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


def write_table(df: pd.DataFrame, out: object, lang: str = "en") -> None:
    """Readable text: one block per claim (quote truncated), cross-article notes flagged. In
    Japanese the verdicts and reasons are Japanese (:func:`spendcalc.claims.reasons`) and the
    quotes stay as the articles print them."""
    from spendcalc.claims import reasons
    from spendcalc.i18n import fy as fiscal_year
    from spendcalc.i18n import t

    def verdict(v: str) -> str:
        return v if lang == "en" else t(f"verdict.{v}", lang)

    counts = df["verdict"].value_counts()
    shown = df["reason"] if lang == "en" else reasons(df, lang)
    sep, comma, paren = (": ", ", ", " ({})") if lang == "en" else ("：", "、", "（{}）")
    out.write(t("claims.table.title", lang) + "\n")
    out.write(t("claims.table.verdicts", lang) + sep
              + comma.join(f"{verdict(v)} {int(counts.get(v, 0))}" for v in VERDICTS)
              + " " + paren.format(f"{t('claims.table.total', lang)} {len(df)}") + "\n")
    for article, grp in df.groupby("article", sort=True):
        out.write(f"\n== {t('claims.table.article', lang, article=article, count=len(grp))}\n")
        for r, reason in zip(grp.itertuples(index=False), shown[grp.index], strict=True):
            year = "" if pd.isna(r.fiscal_year) else " " + fiscal_year(int(r.fiscal_year), lang)
            flag = " [x-article]" if isinstance(r.cross_article_note, str) else ""
            label = f"{r.verdict:<22}" if lang == "en" else verdict(r.verdict) + " "
            out.write(f"{r.claim_id}  {label} {_shown_value(r.value, r.unit)}{year}{flag}\n")
            out.write(f"    “{_cut(r.quote, QUOTE_WIDTH)}”\n")
            out.write(f"    {t('claims.table.reason', lang)}{sep}{reason}\n")
            if lang == "en" and not pd.isna(r.model_fiscal_year):  # Japanese: in the reason
                cells = [f"{label} {v * 100:.2f}%" for label, v in (
                    ("fixed FY2022/security", r.model_fixed_fy2022_security_related),
                    ("same-year/security", r.model_same_year_security_related),
                    ("fixed FY2022/MOD", r.model_fixed_fy2022_mod_budget),
                    ("same-year/MOD", r.model_same_year_mod_budget)) if not pd.isna(v)]
                out.write(f"    model FY{int(r.model_fiscal_year)} ({r.model_status}): "
                          + "; ".join(cells) + "\n")
            if flag:
                out.write(f"    ! {t('claims.table.cross', lang)}{paren.format(r.cross_article)}{sep}"
                          f"{r.cross_article_note}\n")
