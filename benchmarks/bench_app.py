"""Median rerun time of the app after a growth-slider change (Streamlit AppTest), vs the target.

Usage: ``python benchmarks/bench_app.py [reruns]``. Each rerun sets a new growth value, so every
cached computation misses and the projection, headline and charts are recomputed.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.35


def main(reruns: int = 20) -> int:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    start = time.perf_counter()
    at.run()
    first = time.perf_counter() - start
    at.radio(key="gdp").set_value("growth").run()
    values = [round(-3.0 + 0.1 * i, 1) for i in range(90)]
    step = max(1, len(values) // reruns)
    times = []
    for value in values[::step][:reruns]:
        at.slider(key="growth").set_value(value)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            print(f"app raised: {at.exception[0].value}")
            return 1
    median = statistics.median(times)
    print(f"first run: {first:.2f} s")
    print(f"growth-slider rerun, median of {len(times)}: {median:.3f} s "
          f"(min {min(times):.3f}, max {max(times):.3f}); target <= {TARGET_S:.2f} s: "
          f"{'met' if median <= TARGET_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
