"""Benchmark: the whole ``spendcalc project`` process against ``python -c "import pandas"``.

Run with ``.venv/bin/python benchmarks/bench_cli.py [N]``. Target (speed issue): the command
``spendcalc project --scenario us-ask-3.5pct --format csv``, a fresh process from start to exit,
takes at most 1.3x a fresh ``python -c "import pandas"``. Both run N times (default 7),
interleaved in the same run so that a busy machine slows both alike; the script prints median,
min and max of each, the ratio of the medians and the target, and exits 1 if the command fails.

What the command imports (``python -X importtime -m spendcalc project --scenario us-ask-3.5pct
--format csv``, 2-core machine, November 2026; cumulative microseconds, top lines)::

    import time: self [us] | cumulative | imported package
                    2350 |    1062564 | spendcalc
                   15553 |     536677 |   spendcalc.units         (pint: ~0.26 s of it)
                    8464 |     523538 |   spendcalc.api           (pandas ~0.42 s, numpy)
                   16735 |      50265 |     spendcalc.data
                     200 |      41455 | spendcalc.cli           (argparse ~2 ms; every command module)
                    8122 |      21689 |   spendcalc.cli.options
                    9918 |      25693 |     spendcalc.model

No claims module, matplotlib, tqdm or charts: the commands import those inside ``cmd_*``, and
``spendcalc.check_claims`` & co. are resolved on first use (``spendcalc.__getattr__``). Beyond
imports, ``data.load_history()`` costs ~0.25-0.35 s (YAML provenance sidecars in pure Python,
the pint registry built to convert the CSVs' unit column, pandas selections); that is the rest of
the gap to ``import pandas``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.3
COMMAND = ["-m", "spendcalc", "project", "--scenario", "us-ask-3.5pct", "--format", "csv"]
FLOOR = ["-c", "import pandas"]


def run_s(args: list[str]) -> float:
    """Wall time of one fresh interpreter running ``args`` [s]; raises if it fails."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main(n: int = 7) -> int:
    run_s(FLOOR), run_s(COMMAND)  # warm the file cache and the bytecode
    floor, command = [], []
    for _ in range(n):  # interleaved: a busy machine slows both alike
        floor.append(run_s(FLOOR))
        command.append(run_s(COMMAND))
    for label, times in (('python -c "import pandas"', floor),
                         ("spendcalc project --scenario us-ask-3.5pct --format csv", command)):
        print(f"{label}: median {statistics.median(times):.3f} s, min {min(times):.3f} s, "
              f"max {max(times):.3f} s (n={n})")
    ratio = statistics.median(command) / statistics.median(floor)
    print(f"ratio {ratio:.2f}x import pandas (target <= {TARGET}x) "
          f"{'OK' if ratio <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
