"""Rewrite the golden outputs tests/golden/<scenario>.csv and print what changed, for review.

Run from the repository root after an intended change of data or method::

    python scripts/regenerate_golden.py            # rewrite and print the differences
    python scripts/regenerate_golden.py --check    # only print; exit 1 if anything differs

Each file is the full projection of one built-in scenario under the default assumptions
(``spendcalc.default_assumptions()``: every measure, every fiscal year). The printed summary
lists, per scenario and measure, how many years changed, the largest relative change and the
first few ``FYnnnn old -> new`` pairs: paste it into the commit message with the reason.
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from spendcalc.data import builtin_scenarios
from spendcalc.testing import (
    diff_tidy,
    golden_path,
    golden_projection,
    read_golden,
    summarise_diff,
    write_golden,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="print the differences only; exit 1 if any")
    args = parser.parse_args(argv)
    changed = 0
    for sc in builtin_scenarios():
        new = golden_projection(sc.name)
        path = golden_path(sc.name)
        old = read_golden(sc.name) if path.exists() else pd.DataFrame(columns=new.columns)
        diff = diff_tidy(old, new, rtol=0.0) if len(old) else None
        if diff is None:
            print(f"{sc.name}: new file ({len(new)} rows)")
            changed += 1
        elif diff.empty:
            print(f"{sc.name}: unchanged ({len(new)} rows)")
        else:
            changed += 1
            print(f"{sc.name}: {len(diff)} row(s) changed (old -> new)")
            print("  " + summarise_diff(diff, max_rows=1000).replace("\n", "\n  "))
        if not args.check:
            write_golden(sc.name, new)
    if args.check:
        return 1 if changed else 0
    print(f"wrote {len(builtin_scenarios())} files to tests/golden/ ({changed} changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
