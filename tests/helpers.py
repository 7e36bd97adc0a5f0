"""Helpers the test modules share (not tests themselves)."""

from __future__ import annotations

import pytest

from spendcalc.cli import main


def run_cli(capsys: pytest.CaptureFixture, *args: str) -> tuple[int, str, str]:
    """Run ``spendcalc ARGS`` in this process: exit status (argparse's too), stdout, stderr."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err
