"""Benchmark ``spendcalc simulate`` (printed, not a timed test).

Run: ``.venv/bin/python benchmarks/bench_simulate.py [--repeat 5]``

1. Wall time of the whole process ``python -m spendcalc simulate --scenario us-ask-3.5pct
   --paths 1000000 --seed 1 --until 2055 --format csv`` (30 simulated fiscal years, FY2026-FY2055,
   from the FY2025 jump-off) against a process that only imports spendcalc and draws the same
   30,000,000 float32 standard normals in chunks of 100,000 paths. Target: ratio <= 1.3.
2. Peak resident memory of the simulate process, read with ``getrusage(RUSAGE_CHILDREN)`` in a
   fresh wrapper process so no other child is counted. Target: <= 300 MB.
3. In-process time of 100,000 paths x 30 fiscal years. Target: <= 0.25 s.
Also printed: the command of the issue's "done when" line (default until FY2040: 15 years).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
SIMULATE = [PY, "-m", "spendcalc", "simulate", "--scenario", "us-ask-3.5pct", "--paths", "1000000",
            "--seed", "1", "--until", "2055", "--format", "csv"]
DONE_WHEN = [PY, "-m", "spendcalc", "simulate", "--scenario", "us-ask-3.5pct", "--paths", "1000000"]
DRAW_ONLY = [PY, "-c", (
    "import numpy as np, spendcalc\n"
    "rng = np.random.default_rng(1)\n"
    "for _ in range(10):\n"
    "    rng.standard_normal((30, 100_000), dtype=np.float32)\n")]
WRAPPER = ("import resource, subprocess, sys\n"
           "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_rss_mb(cmd: list[str]) -> float:
    out = subprocess.run([PY, "-c", WRAPPER, *cmd], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return int(out.stdout.strip()) / 1024  # ru_maxrss is in KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    wall(SIMULATE)  # warm the file cache
    wall(DRAW_ONLY)
    sim, base = [], []
    for _ in range(args.repeat):  # interleaved, so machine load affects both alike
        sim.append(wall(SIMULATE))
        base.append(wall(DRAW_ONLY))
    ratio_median = statistics.median(sim) / statistics.median(base)
    ratio_best = min(sim) / min(base)
    print("1,000,000 paths x 30 fiscal years, whole process (wall time, s)")
    print(f"  spendcalc simulate ... --until 2055 --format csv: median {statistics.median(sim):.3f}"
          f"  best {min(sim):.3f}  all {', '.join(f'{x:.2f}' for x in sim)}")
    print(f"  import spendcalc + 30,000,000 float32 normals:    median {statistics.median(base):.3f}"
          f"  best {min(base):.3f}  all {', '.join(f'{x:.2f}' for x in base)}")
    print(f"  ratio: median {ratio_median:.2f}, best {ratio_best:.2f}  (target <= 1.3: "
          f"{'met' if ratio_median <= 1.3 else 'NOT met'})")

    rss = max(peak_rss_mb(SIMULATE) for _ in range(2))
    rss_base = peak_rss_mb(DRAW_ONLY)
    print(f"peak RSS of the simulate process: {rss:.0f} MB (target <= 300 MB: "
          f"{'met' if rss <= 300 else 'NOT met'}); draw-only process: {rss_base:.0f} MB")

    done = [wall(DONE_WHEN) for _ in range(3)]
    print(f"'spendcalc simulate --scenario us-ask-3.5pct --paths 1000000' (table, FY2026-FY2040): "
          f"median {statistics.median(done):.3f} s")

    sys.path.insert(0, str(ROOT))
    import spendcalc

    history = spendcalc.load_history()
    spendcalc.simulate("us-ask-3.5pct", paths=1000, until=2055, history=history)  # warm-up
    times = []
    for seed in range(args.repeat):
        start = time.perf_counter()
        df = spendcalc.simulate("us-ask-3.5pct", paths=100_000, seed=seed, until=2055,
                                history=history)
        times.append(time.perf_counter() - start)
    print(f"in-process 100,000 paths x 30 fiscal years: best {min(times):.3f} s, median "
          f"{statistics.median(times):.3f} s (target <= 0.25 s: "
          f"{'met' if statistics.median(times) <= 0.25 else 'NOT met'}); "
          f"P = {df.attrs['probability']:.3f}")


if __name__ == "__main__":
    main()
