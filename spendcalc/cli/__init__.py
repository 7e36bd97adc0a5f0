"""Command line: ``spendcalc <command>`` (argparse -> public API -> CSV / JSON / table / files).

A shell like ``app.py``: no model logic here. Every bad input exits with status 2 and one line on
stderr naming the field (as the flag typed), the value and what is allowed; no traceback.

Layout (imports run one way: ``options`` <- command modules <- ``parser`` <- this file)::

    options.py    what commands share: schema-derived types, help and choices; the model
                  options (--preset, --growth, ...); Assumptions/Scenarios from the flags; output
    project.py    project                 bundled.py    scenarios, history
    claims.py     claims                  chart.py      chart (files written all at once)
    simulate.py   simulate (exact percentiles; Monte Carlo with a tqdm progress bar)
    parser.py     COMMANDS (the one list of command modules), build_parser, main

To add a command: write ``spendcalc/cli/<name>.py`` with ``register(subparsers)`` (adds the
subparser, ``set_defaults(func=cmd_<name>)``) and ``cmd_<name>(args)``; import it in
``parser.py`` and append it to ``COMMANDS``. Import heavy modules (matplotlib, claims, the
simulation) inside ``cmd_<name>``, never at the top: every module is imported to build the
parser, so a top-level import is paid by every command.

Why argparse, not click or typer
--------------------------------
* Behaviour: the flags, messages and exit codes are pinned by tests (one line, exit 2, naming
  the flag); argparse already gives them, with a two-line ``error`` override. click formats
  usage errors in several lines and exits through its own exception types; reproducing today's
  messages would mean overriding more of it, not less.
* Types and ranges come from :mod:`spendcalc.schema`: an argparse ``type=`` is any callable, so
  :func:`options.schema_type` is the schema's own parser. click would need a ``ParamType``
  subclass per kind for the same effect.
* Cost: argparse is in the standard library and imports in about 2 ms; the CLI's speed target
  (``benchmarks/bench_cli.py``) is a whole process within 1.3x ``import pandas``. click is
  installed (with Streamlit) but would be a new direct dependency of the package for no
  feature the commands lack.
"""

from spendcalc.cli.options import emit
from spendcalc.cli.parser import COMMANDS, build_parser, main

__all__ = ["COMMANDS", "build_parser", "emit", "main"]
