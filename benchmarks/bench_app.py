"""Median rerun time of the app after a growth-slider change (Streamlit AppTest), vs the target.

Usage: ``python benchmarks/bench_app.py [reruns]``. Each rerun sets a new growth value, so every
cached computation of the view misses: projection, headline and chart specs are recomputed.
AppTest compiles the script on each run (a server keeps the bytecode) and reruns the whole
script where a browser would rerun only the answer fragment (``app.answer``), so the browser
figures of ``bench_app_load.py`` are the reader's; this one isolates the script's own work.

Profile (cProfile of the script thread, 18 reruns, cumulative seconds, profiler overhead
included; Nov 2026, this 2-core machine under other load):

before (app.py of 866 lines, altair charts)::

    8.94  app.py:<module>               per rerun 0.50
    6.40  trajectories_tab              0.36  <- two altair charts
    3.03  line_chart                    0.08 each
    2.84  altair to_dict                0.08 each, of which 1.97 s jsonschema validation
    3.24  streamlit get_bytecode        0.18  (AppTest only: compile + magic on 866 lines)

after (vega-lite dicts, specs cached by the view's inputs, headline before the widgets)::

    5.41  app.py:<module>               per rerun 0.30
    1.45  compute (project twice: once for the table, once inside headline_figures)  0.085
    1.12  present.line_chart            0.033 each (claim diamonds cached by scenario names)
    0.81  st.cache_data hashing         0.045 (was: the projection table; now the View by inputs)
    2.17  streamlit get_bytecode        0.12  (AppTest only)

The model's own cost (``project`` ~20 ms a call here) is the next item: it belongs to the
model's speed work, which the app picks up unchanged.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 0.25


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
          f"{'met' if median <= TARGET_S else 'NOT met'} ({median / TARGET_S:.2f}x the target)")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
