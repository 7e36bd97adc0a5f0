"""Benchmarks of the pure core: projection time, vectorised sweep vs a loop, import cost.

Run with ``.venv/bin/python benchmarks/bench_core.py [ROUNDS]``. Prints each figure with its
target, its spread over ROUNDS rounds (default 5) and its ratio to a floor measured in the same
run; exits non-zero if the vectorised sweep disagrees with the loop or ``import spendcalc`` loads
matplotlib or streamlit (correctness checks, not timings).

1. ``spendcalc.project()`` of all built-in scenarios, FY2012-FY2040: median of 200 in-process
   runs after a warm-up, per round (target <= 2 ms); floors: building the same tidy frame from
   its ready columns (the string columns already of pandas' string type: the least a frame of
   these rows costs) and from ready object columns (what it cost before the text columns were
   taken by index).
2. A 10,000-combination sweep (growth x target share x target year) with
   ``spendcalc.sensitivity_sweep`` vs a loop calling ``spendcalc.model.project`` once per
   combination; the loop is timed on a few hundred combinations and extrapolated
   (target speed-up >= 20x).
3. ``import spendcalc`` in a fresh interpreter vs ``import pandas, pint`` (median of several runs;
   target ratio <= 1.2x), and neither matplotlib nor streamlit loaded. The package's bytecode is
   compiled first, as pandas' and pint's is (``PYTHONDONTWRITEBYTECODE=1`` is set here; see
   bench_cli.py).

Profile of 200 ``spendcalc.project(until=2040)`` calls (``cProfile``, sorted by cumulative
time; 2-core machine shared with other work, November 2026). Before (median 2.2-2.4 ms)::

    ncalls  cumtime  function
       200    0.936  api.py project
       200    0.894  model.py project
       200    0.413  model.py _tidy
       200    0.340  pandas frame.py DataFrame.__init__
      1000    0.246  model.py scenario_spending_jpy   (once per scenario; 'own' baseline: twice)
      2000    0.225  pandas construction.py sanitize_array
      1000    0.163  model.py spending_paths_jpy
      1600    0.140  pandas string_arrow.py _from_sequence  (every row's strings converted)
      1000    0.062  numpy select
      1000    0.045  model.py methodology_for

Causes: the tidy frame's text columns were object arrays converted row by row to pandas' string
type (1,200 rows x 7 columns per call); each scenario ran its own path computation with
per-year dict lookups into the bundled history. Fixes (spendcalc/model.py): ``_tidy`` stacks the
measures to (scenario, measure, year) arrays and takes each text column by index from a small
cached string array (same dtype, same values); ``scenarios_spending_jpy`` computes every
scenario (and its own baseline) in one ``spending_paths_jpy`` call, with the bundled spending and
GDP indexed once per History into dense arrays (``_HistoryIndex``). After (median ~1.3-1.6 ms)::

    ncalls  cumtime  function
       200    0.500  api.py project
       200    0.477  model.py project
       200    0.225  model.py _tidy
       200    0.108  pandas frame.py DataFrame.__init__  (columns already typed)
       200    0.087  model.py scenarios_spending_jpy      (once for all scenarios)
      1400    0.067  pandas arrow array.py take            (the text columns, by index)
       200    0.046  model.py spending_paths_jpy
      1000    0.028  model.py methodology_for
      1000    0.026  model.py derived_measures

What remains is pandas' own frame construction and the per-scenario methodology and measures
(small dicts and 30-element arrays).
"""

from __future__ import annotations

import compileall
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


def spread(values: list[float], unit: str = "ms", fmt: str = ".2f") -> str:
    """``median X (min-max over n)``: the spread of a figure over its rounds or runs."""
    return (f"{statistics.median(values):{fmt}} {unit} (range {min(values):{fmt}}-{max(values):{fmt}} "
            f"over {len(values)})")


def bench_project(rounds: int = 5) -> bool:
    """Target <= 2 ms median; floors: the same tidy frame built from ready columns."""
    import pandas as pd

    history = spendcalc.load_history()
    scenarios = spendcalc.builtin_scenarios()
    a = replace(spendcalc.default_assumptions(), until=2040)
    tidy = spendcalc.project(until=2040)
    typed = {c: tidy[c].array for c in tidy.columns}
    objects = {c: tidy[c].to_numpy(dtype=object if tidy[c].dtype.kind not in "fi" else None)
               for c in tidy.columns}
    api, core, floor, floor_obj = [], [], [], []
    for _ in range(rounds):  # interleaved rounds: machine noise hits every figure alike
        api.append(median_ms(lambda: spendcalc.project(until=2040), repeat=200))
        core.append(median_ms(lambda: model.project(scenarios, a, history, since=2012), repeat=200))
        floor.append(median_ms(lambda: pd.DataFrame(typed), repeat=200))
        floor_obj.append(median_ms(lambda: pd.DataFrame(objects), repeat=200))
    api_ms = statistics.median(api)
    ok = api_ms <= 2.0
    print(f"1. project all {len(scenarios)} built-ins FY2012-FY2040 ({len(tidy)} rows): spendcalc.project "
          f"median {spread(api)} (each a median of 200 calls); target <= 2 ms "
          f"{'OK' if ok else 'MISSED'}; model.project {spread(core)}; "
          f"{api_ms / statistics.median(floor):.1f}x the floor of building the same frame from ready "
          f"typed columns, {spread(floor, fmt='.3f')}; {api_ms / statistics.median(floor_obj):.1f}x "
          f"building it from ready object columns, {spread(floor_obj)}")
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

    sweep_runs = timings_ms(sweep, repeat=7, warmup=1)
    sweep_ms = statistics.median(sweep_runs)
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
    print(f"2. sweep of {n:,} scenarios: sensitivity_sweep {spread(sweep_runs, fmt='.1f')}; loop over model.project "
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
    compileall.compile_dir(ROOT / "spendcalc", quiet=1)  # bytecode, as pandas and pint have (see bench_cli)
    import_ms("import spendcalc")  # warm the file-system cache
    for _ in range(runs):  # interleaved so that machine noise hits both
        ms, loaded = import_ms("import spendcalc")
        ours.append(ms)
        leaked.update(loaded)
        theirs.append(import_ms("import pandas, pint")[0])
    a, b = statistics.median(ours), statistics.median(theirs)
    ok = a / b <= 1.2
    print(f"3. import spendcalc {spread(ours, fmt='.0f')} vs import pandas, pint (the floor) "
          f"{spread(theirs, fmt='.0f')}: "
          f"ratio {a / b:.2f}x (target <= 1.2x) {'OK' if ok else 'MISSED'}; "
          f"matplotlib/streamlit loaded: {sorted(leaked) or 'none'}")
    return ok, not leaked


def main(rounds: int = 5) -> int:
    bench_project(rounds)
    _, agree = bench_sweep()
    _, clean = bench_import()
    return 0 if agree and clean else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
