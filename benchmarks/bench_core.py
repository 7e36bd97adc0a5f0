"""Benchmarks of the pure core: projection time, vectorised sweep vs a loop, import cost.

Run with ``.venv/bin/python benchmarks/bench_core.py``. Prints each figure with its target and
exits non-zero if the vectorised sweep disagrees with the loop (a correctness check, not a timing).

1. ``spendcalc.project()`` of all built-in scenarios, FY2012-FY2040: median of repeated in-process
   runs after a warm-up (target <= 2 ms), and its ratio to the floor of building the same
   tidy frame from ready numpy columns.
2. A 10,000-combination sweep (growth x target share x target year) with
   ``spendcalc.sensitivity_sweep`` vs a loop calling ``spendcalc.model.project`` once per
   combination; the loop is timed on a few hundred combinations and extrapolated
   (target speed-up >= 20x).
3. ``import spendcalc`` in a fresh interpreter vs ``import pandas, pint`` (median of several runs;
   target ratio <= 1.2x), and neither matplotlib nor streamlit loaded.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spendcalc  # noqa: E402
from spendcalc import model  # noqa: E402
from spendcalc.assumptions import Scenario  # noqa: E402


def timings_ms(fn, repeat: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(1000 * (time.perf_counter() - t0))
    return times


def median_ms(fn, repeat: int, warmup: int = 3) -> float:
    return statistics.median(timings_ms(fn, repeat, warmup))


def bench_project() -> bool:
    """Target <= 2 ms median; the floor is building the same tidy frame from ready numpy columns."""
    import pandas as pd

    history = spendcalc.load_history()
    scenarios = spendcalc.builtin_scenarios()
    a = replace(spendcalc.default_assumptions(), until=2040)
    api = timings_ms(lambda: spendcalc.project(until=2040), repeat=200)
    core = timings_ms(lambda: model.project(scenarios, a, history, since=2012), repeat=200)
    tidy = spendcalc.project(until=2040)
    columns = {c: tidy[c].to_numpy(dtype=object if tidy[c].dtype != float and tidy[c].dtype.kind != "i"
                                   else None) for c in tidy.columns}
    floor = timings_ms(lambda: pd.DataFrame(columns), repeat=200)
    api_ms, floor_ms = statistics.median(api), statistics.median(floor)
    ok = api_ms <= 2.0
    print(f"1. project all {len(scenarios)} built-ins FY2012-FY2040 ({len(tidy)} rows): spendcalc.project "
          f"median {api_ms:.2f} ms (min {min(api):.2f}, max {max(api):.2f}; n=200), model.project "
          f"{statistics.median(core):.2f} ms; target <= 2 ms {'OK' if ok else 'MISSED'}; "
          f"{api_ms / floor_ms:.1f}x the floor (building the same frame from ready columns: "
          f"{floor_ms:.2f} ms)")
    return ok


def bench_sweep() -> tuple[bool, bool]:
    history = spendcalc.load_history()
    a = replace(spendcalc.default_assumptions(), until=2040)
    growth = np.linspace(-0.02, 0.05, 25)
    shares = np.linspace(0.01, 0.05, 20)
    anchor, _ = history.anchor("security-related", "with-supplementary")  # the last decided year
    years = np.arange(anchor + 1, anchor + 21)
    g, sh, ty = (x.ravel() for x in np.meshgrid(growth, shares, years, indexing="ij"))
    n = g.size
    args = ("security-related", "with-supplementary", "same-year")

    def sweep() -> object:
        return model.sensitivity_sweep(*args, g, sh, ty, a, history)

    sweep_ms = median_ms(sweep, repeat=7, warmup=1)
    result = sweep()

    def loop_one(i: int) -> tuple[float, float]:
        sc = Scenario("s", float(sh[i]), int(ty[i]), scope=args[0], basis=args[1], denominator=args[2])
        ai = replace(a, growth_rate=float(g[i]), gdp_preset=None, until=int(ty[i]))
        tidy = model.project([sc], ai, history, since=anchor)
        spend = tidy[tidy["measure"] == "spending_jpy"].set_index("fiscal_year")["value"]
        return float(spend[int(ty[i])]), float(spend.loc[anchor + 1:int(ty[i])].sum())

    rng = np.random.default_rng(0)
    sample = rng.choice(n, size=300, replace=False)
    loop_one(int(sample[0]))  # warm-up
    t0 = time.perf_counter()
    looped = [loop_one(int(i)) for i in sample]
    loop_s = (time.perf_counter() - t0) / sample.size * n
    ratio = loop_s * 1000 / sweep_ms
    got = result.iloc[sample]
    agree = (np.allclose(got["target_spending_jpy"], [x[0] for x in looped], rtol=1e-12)
             and np.allclose(got["cumulative_spending_jpy"], [x[1] for x in looped], rtol=1e-12))
    ok = ratio >= 20
    print(f"2. sweep of {n:,} scenarios: sensitivity_sweep {sweep_ms:.1f} ms; loop over model.project "
          f"~{loop_s:.1f} s (300 timed, extrapolated); speed-up {ratio:,.0f}x (target >= 20x) "
          f"{'OK' if ok else 'MISSED'}; sweep and loop agree on 300 samples: {agree}")
    return ok, agree


def import_ms(statement: str) -> tuple[float, list[str]]:
    code = ("import time, sys, json; t0 = time.perf_counter(); " + statement +
            "; dt = time.perf_counter() - t0; print(json.dumps([dt, "
            "[m for m in ('matplotlib', 'streamlit') if m in sys.modules]]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    dt, loaded = json.loads(out.stdout)
    return 1000 * dt, loaded


def bench_import(runs: int = 7) -> tuple[bool, bool]:
    ours, theirs, leaked = [], [], set()
    import_ms("import spendcalc")  # warm the file-system cache
    for _ in range(runs):  # interleaved so that machine noise hits both
        ms, loaded = import_ms("import spendcalc")
        ours.append(ms)
        leaked.update(loaded)
        theirs.append(import_ms("import pandas, pint")[0])
    a, b = statistics.median(ours), statistics.median(theirs)
    ok = a / b <= 1.2
    print(f"3. import spendcalc {a:.0f} ms vs import pandas, pint {b:.0f} ms (median of {runs}): "
          f"ratio {a / b:.2f}x (target <= 1.2x) {'OK' if ok else 'MISSED'}; "
          f"matplotlib/streamlit loaded: {sorted(leaked) or 'none'}")
    return ok, not leaked


def main() -> int:
    bench_project()
    _, agree = bench_sweep()
    _, clean = bench_import()
    return 0 if agree and clean else 1


if __name__ == "__main__":
    raise SystemExit(main())
