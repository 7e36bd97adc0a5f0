"""Benchmark: the whole ``spendcalc project`` process against ``python -c "import pandas"``.

Run with ``.venv/bin/python benchmarks/bench_cli.py [N]``. Target (speed issue): the command
``spendcalc project --scenario us-ask-3.5pct --format csv``, a fresh process from start to exit,
takes at most 1.3x a fresh ``python -c "import pandas"``. Both run N times (default 7),
interleaved in the same run so that a busy machine slows both alike; the script prints median,
min and max of each, the ratio of the medians (and of the minima, steadier when other work
shares the machine) and the target, and exits 1 if the command fails.

What the command imports (``python -X importtime -m spendcalc project --scenario us-ask-3.5pct
--format csv``, 2-core machine under load, November 2026; microseconds, top lines)::

    import time: self [us] | cumulative | imported package
                    3535 |    1299356 | spendcalc
                    1969 |    1262139 |   spendcalc.api       (pandas 1.12 s of it here; numpy)
                   14407 |      54514 |     spendcalc.data
                   14311 |      46263 |     spendcalc.model
                   24881 |      31837 |     spendcalc.simulate
                    5453 |      33683 |   spendcalc.units     (no pint: imported with the registry)
                    1734 |     171259 | pint                  (imported by data.load_history())
                    1363 |       8350 |   spendcalc.cli.parser  (argparse ~2.6 ms; every command module)

No claims module, matplotlib, tqdm or charts: the commands import those inside ``cmd_*``, and
``spendcalc.check_claims`` & co. are resolved on first use (``spendcalc.__getattr__``). What
remains beyond ``import pandas`` is the bundled data: ``data.load_history()`` converts the CSVs'
unit column with pint (importing pint, ~0.15 s, and building the registry, ~0.04 s) and parses
the YAML provenance sidecars with the pure-Python strict loader (~0.15 s), and resolving a
built-in name reads every built-in scenario file (~0.05 s). Those live in ``spendcalc/data.py``.
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
    best = min(command) / min(floor)  # the least disturbed runs: steadier on a busy machine
    print(f"ratio {ratio:.2f}x import pandas, medians (ratio of minima {best:.2f}x; target <= "
          f"{TARGET}x) {'OK' if ratio <= TARGET else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
