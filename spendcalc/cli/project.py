"""``spendcalc project``: scenarios -> tidy pathways as CSV, JSON or a table with the methodology.

A shell: argparse -> :func:`spendcalc.model.project` -> output. No model logic here. Caveats
(estimates, the baseline of the extra yen) go to stderr, so the CSV on stdout stays clean.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from spendcalc import data, model
from spendcalc.cli.options import (
    FORMATS,
    add_lang_option,
    add_model_options,
    assumptions_from,
    emit,
    scenarios_from,
    whole_number,
)
from spendcalc.errors import SpendcalcError
from spendcalc.output import json_text, terminal_text


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``project`` command."""
    p = subparsers.add_parser("project", help="project spending pathways (tidy frame)")
    p.add_argument("--scenario", action="append", metavar="NAME|FILE",
                   help="built-in name or scenario YAML file; repeatable; default: all built-ins")
    add_model_options(p)
    first = data.default_value("first_fiscal_year")
    p.add_argument("--since", type=whole_number("--since"), default=first, metavar="FY",
                   help=f"first fiscal year (default {first})")
    p.add_argument("--measure", dest="measures", action="append", metavar="NAME",
                   help="only these measures (repeatable)")
    p.add_argument("--format", choices=FORMATS, default="csv")
    add_lang_option(p)  # the table's headers; CSV and JSON names stay English (interfaces)
    p.add_argument("--bundle", metavar="FILE.zip",
                   help="also write the newsroom zip the app downloads: data.csv (plain header row, "
                   "opens with pandas.read_csv and spreadsheets), README.md (methodology, sources, "
                   "citation, column labels in English and Japanese; prose in --lang) and metadata.json")
    p.set_defaults(func=cmd_project)


def cmd_project(args: argparse.Namespace) -> None:
    """Project the scenarios and write them in ``--format``; notes on stderr."""
    unknown = [m for m in args.measures or [] if m not in model.MEASURES]
    if unknown:
        raise SpendcalcError("measure", unknown[0], "one of " + ", ".join(model.MEASURES))
    bundle_path = bundle_target(args.bundle) if args.bundle is not None else None
    scenarios, assumptions = scenarios_from(args), assumptions_from(args)
    tidy = model.project(scenarios, assumptions, data.load_history(), since=args.since)
    write_notes(tidy, args.measures)
    if bundle_path is not None:
        command = "spendcalc " + shlex.join(getattr(args, "command_line", None) or ["project"])
        write_bundle(tidy, bundle_path, args.lang, scenarios, assumptions, command)
    if args.format == "table":
        from spendcalc.i18n import t

        write_tables(tidy, args.measures, args.lang)
        sys.stdout.write(t("table.methodology", args.lang) + "\n")
        for name, meta in tidy.attrs["methodology"].items():  # field: value, as stored (no float format)
            lines = [f"{name}:"] + [f"  {key}: {_plain(value)}" for key, value in meta.items()]
            sys.stdout.write(terminal_text("\n".join(lines)) + "\n")
    elif args.format == "json":
        payload = {"methodology": tidy.attrs["methodology"], "assumptions": tidy.attrs["assumptions"],
                   "data": json.loads(tidy.to_json(orient="records"))}
        sys.stdout.write(json_text(payload, indent=1) + "\n")
    else:
        emit(tidy if not args.measures else tidy[tidy["measure"].isin(args.measures)], "csv")


def bundle_target(path: str) -> Path:
    """``--bundle``'s file: a ``.zip`` name in an existing folder (checked before any work)."""
    target = Path(path)
    if target.suffix.lower() != ".zip" or not target.parent.is_dir() or target.is_dir():
        raise SpendcalcError("--bundle", path, "a new or existing .zip file in an existing folder, "
                             "e.g. --bundle spendcalc-data.zip")
    return target


def write_bundle(tidy: object, target: Path, lang: str, scenarios: list, assumptions: object,
                 command: str) -> None:
    """Write :func:`spendcalc.bundle.newsroom_zip` of the whole projection to ``target`` (every
    measure, whatever ``--measure`` shows); the citation names the command line instead of a
    page address (``command``). The file is replaced whole (written beside, then moved)."""
    import datetime
    import os

    from spendcalc import bundle
    from spendcalc.chartdata import methodology_note

    readme = None if lang == "en" else {  # the README's prose and methodology in --lang
        "methodology_note": methodology_note(tidy, lang=lang),
        "methodology": model.localized_methodology(tidy.attrs["methodology"], scenarios, assumptions,
                                                   data.load_history(), lang)}
    blob = bundle.newsroom_zip(tidy, data.tables_meta(), version=data.software_version(), url=command,
                               accessed=datetime.datetime.now(datetime.UTC).date().isoformat(),
                               methodology_note=methodology_note(tidy), lang=lang, readme=readme)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        partial.write_bytes(blob)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    sys.stderr.write(terminal_text(f"wrote {target}", multiline=False) + "\n")


def write_tables(tidy: object, measures: list[str] | None, lang: str = "en") -> None:
    """Per scenario, a readable table: fiscal years down, measures across, units in the header
    (:func:`spendcalc.answers.readable_table`; CSV and JSON keep the exact tidy values)."""
    from spendcalc.answers import readable_table
    from spendcalc.i18n import t, yen

    def label(kind: str, code: str) -> str:  # codes in English, official names in Japanese
        return code if lang == "en" else t(f"{kind}.{code}", lang)

    for name, meta in tidy.attrs["methodology"].items():
        denominator = meta["denominator"] if lang == "en" else t(
            f"answer.denominator.{meta['denominator']}", lang, reference=yen(meta["reference_gdp_jpy"], lang))
        title = t("table.title", lang, name=name, title=meta["title"], scope=label("scope", meta["scope"]),
                  basis=label("basis", meta["basis"]), denominator=denominator)
        sys.stdout.write(terminal_text(title, multiline=False) + "\n")
        emit(readable_table(tidy, name, measures, lang), "table")
        sys.stdout.write("\n")


def _plain(value: object) -> str:
    """A methodology value as text: lists joined, None as 'none', numbers as stored."""
    if isinstance(value, list | tuple):
        return "; ".join(_plain(v) for v in value) or "none"
    return "none" if value is None else str(value)


def write_notes(tidy: object, measures: list[str] | None) -> None:
    """Each scenario's caveats, and what the extra yen are measured against, on stderr."""
    for name, meta in tidy.attrs["methodology"].items():
        for caveat in meta["caveats"]:
            sys.stderr.write(f"spendcalc: note: {name}: {terminal_text(caveat, multiline=False)}\n")
    if not measures or any("gap" in m for m in measures):
        bases: dict[str, list[str]] = {}
        for name, meta in tidy.attrs["methodology"].items():
            bases.setdefault(meta["baseline_description"], []).append(name)
        for text, names in bases.items():
            sys.stderr.write(terminal_text(
                f"spendcalc: note: {', '.join(names)}: extra yen (gap_to_baseline_jpy) are "
                f"measured against the baseline {text}", multiline=False) + "\n")
