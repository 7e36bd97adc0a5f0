"""The ``spendcalc`` parser: one list of command modules, one error policy, ``main``.

Every command lives in its own module of this package with two public functions: ``register(
subparsers)`` adds its subparser(s) and sets ``func=cmd_<name>``; ``cmd_<name>(args)`` runs it.
:data:`COMMANDS` lists those modules in the order ``--help`` shows them; that list is the only
place a command is wired in.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from spendcalc import schema
from spendcalc.cli import answer, bridge, bundled, chart, claims, project, simulate, sipri
from spendcalc.errors import SpendcalcError
from spendcalc.output import terminal_text

#: the command modules, in --help order; each has ``register(subparsers)``
COMMANDS = (project, answer, bundled, claims, chart, simulate, bridge, sipri)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, naming the flag as typed
        message = message.removeprefix("argument ").replace("\n", " ")
        self.exit(2, f"{self.prog}: error: {terminal_text(message, multiline=False)}\n")


def build_parser() -> argparse.ArgumentParser:
    """The ``spendcalc`` parser with every command of :data:`COMMANDS`."""
    parser = _Parser(prog="spendcalc", description="Japan defense-spending scenario calculator. "
                     "Fiscal years are Japanese (April-March); shares are fractions of GDP.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status (0, or 2 with one line on stderr)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a bad flag (2, one line already written)
        return exc.code if isinstance(exc.code, int) else 2
    args.command_line = list(sys.argv[1:] if argv is None else argv)  # what a citation names
    try:
        args.func(args)
    except SpendcalcError as exc:
        sys.stderr.write(f"spendcalc: error: {terminal_text(_as_typed(exc), multiline=False)}\n")
        return 2
    except BrokenPipeError:
        return 0
    return 0


def _as_typed(exc: SpendcalcError) -> str:
    """The error with a schema field name (``jpy_per_usd``, ``fx``) replaced by its flag (``--fx``)."""
    flags = {k: spec.flag for spec in schema.SPECS.values() if spec.flag
             for k in (spec.name, spec.api) if k}
    text = str(exc).replace("\n", " ")
    flag = flags.get(exc.field)
    return f"{flag}{text[len(exc.field):]}" if flag else text
