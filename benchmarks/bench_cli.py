"""Benchmark: the whole ``spendcalc project`` process against ``python -c "import pandas"``.

Run with ``.venv/bin/python benchmarks/bench_cli.py [N]``. Target (speed issue): the command
``spendcalc project --scenario us-ask-3.5pct --format csv``, a fresh process from start to exit,
takes at most 1.3x a fresh ``python -c "import pandas"`` (the floor). Both run N times (default
9), interleaved in the same run so that a busy machine slows both alike; the script prints the
median and range of each, the ratio of the medians (and of the minima, steadier when other work
shares the machine) and the target, then one ``-X importtime`` run of the command: what it
imports beyond pandas, and that pint and the claims audit are not among it. Exits 1 if the
command fails or its output differs from an in-process ``spendcalc.project``.

Bytecode: this environment sets ``PYTHONDONTWRITEBYTECODE=1``, so the package's own modules
(installed editable) would be compiled from source in every process, while pandas' modules
were compiled when they were installed. The script compiles ``spendcalc/`` once first
(``compileall``, into the ignored ``__pycache__`` folders), as installing the package does,
so that both sides start from bytecode; without it the command pays ~40 ms more.

What the command cost before (``python -X importtime -m spendcalc project --scenario
us-ask-3.5pct --format csv`` and cProfile of the run; 2-core machine, November 2026; ratio
1.76-1.86x)::

    import time: self [us] | cumulative | imported package
                    1261 |      71988 | pint                  (imported by data.load_history())
    spendcalc.units.registry   0.141 s (cProfile; pint import + registry + its disk cache)
    data.load_history          0.225 s (7 strict-YAML sidecar parses, 0.07 s; a Series per row)
    scenarios.load_yaml x13    0.120 s (sidecars, defaults.yaml, all five built-in scenarios)
    spendcalc.simulate, answers imported with the package (~10 ms)

Fixes: the bundled tables' units (trillion JPY, billion JPY) convert with a plain factor table
checked bit for bit against pint for every bundled row (``spendcalc.units.PLAIN_SCALES``,
tests/test_plain_units.py), so no pint; the sidecars are parsed only when metadata is asked for
(``data.read_table`` and the public readers still return it; ``data/defaults.yaml`` and scenario
files still go through the strict loader); a built-in name reads its own file only; the History
is built from the CSVs read with the ``csv`` module and picked in plain Python (tested equal to
``read_table``'s rows, tests/test_data_records.py); the answer module is imported where used (the simulation module stays
imported with ``spendcalc.api``: the package binds the name ``spendcalc.simulate`` to the
function, and importing the submodule later would rebind it). After (same machine; compiled)::

    import time: self [us] | cumulative | imported package
                     156 |     361162 | spendcalc
                     289 |     341960 |   spendcalc.api          (pandas 313 ms of it)
                     589 |      11527 |     spendcalc.data       (yaml 10 ms: defaults.yaml needs the strict loader)
                     456 |       8363 |     spendcalc.model
                    1462 |       2791 |     spendcalc.simulate   (imported with api: see above)
                     106 |       4519 | spendcalc.cli            (argparse; every command module)
    no pint, no spendcalc.claims, no spendcalc.answers, no matplotlib

What remains beyond ``import pandas`` (in-process phases, best of five, compiled): the package's
modules ~27 ms (yaml ~10 ms of it), the CLI modules ~5 ms, parsing data/defaults.yaml with the
strict loader ~9 ms, building the History from the CSVs ~26 ms (pandas frames for the History's
tables; the first pandas sort and groupby), projecting and writing the CSV ~12 ms, reading the one
scenario file ~2 ms. Measured: 1.11-1.24x (medians of 11, six runs), 1.10-1.32x (minima) on
the same machine under other work; the command before these changes was 1.57-1.72x the floor in
the same interleaved runs.
"""

from __future__ import annotations

import compileall
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET = 1.3
COMMAND = ["-m", "spendcalc", "project", "--scenario", "us-ask-3.5pct", "--format", "csv"]
FLOOR = ["-c", "import pandas"]


def run_s(args: list[str]) -> float:
    """Wall time of one fresh interpreter running ``args`` [s]; raises if it fails."""
    t0 = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def same_output() -> bool:
    """The command's CSV equals an in-process ``spendcalc.project`` written by the same writer."""
    import spendcalc
    from spendcalc.output import write_csv

    out = subprocess.run([sys.executable, *COMMAND], cwd=ROOT, check=True, capture_output=True, text=True)
    buf = io.StringIO()
    write_csv(buf, spendcalc.project("us-ask-3.5pct"))
    return out.stdout == buf.getvalue()


def import_report() -> str:
    """One ``-X importtime`` run of the command: cumulative ms of pandas and spendcalc, and which
    of the modules it should not need were imported."""
    out = subprocess.run([sys.executable, "-X", "importtime", *COMMAND], cwd=ROOT, check=True,
                         capture_output=True, text=True)
    cumulative: dict[str, float] = {}
    for line in out.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            cumulative.setdefault(parts[2].strip(), int(parts[1]) / 1000)
    unwanted = [m for m in ("pint", "spendcalc.claims", "spendcalc.answers", "matplotlib",
                            "streamlit", "tqdm") if m in cumulative]
    return (f"-X importtime: pandas {cumulative.get('pandas', 0):.0f} ms, spendcalc "
            f"{cumulative.get('spendcalc', 0):.0f} ms cumulative (pandas included), spendcalc.cli "
            f"{cumulative.get('spendcalc.cli', 0):.0f} ms; imported but not needed: {unwanted or 'none'}")


def main(n: int = 9) -> int:
    compileall.compile_dir(ROOT / "spendcalc", quiet=1)  # as installing the package does
    run_s(FLOOR), run_s(COMMAND)  # warm the file cache
    floor, command = [], []
    for _ in range(n):  # interleaved: a busy machine slows both alike
        floor.append(run_s(FLOOR))
        command.append(run_s(COMMAND))
    for label, times in (('python -c "import pandas" (the floor)', floor),
                         ("spendcalc project --scenario us-ask-3.5pct --format csv", command)):
        q = statistics.quantiles(times, n=4)
        print(f"{label}: median {statistics.median(times):.3f} s (range {min(times):.3f}-{max(times):.3f}, "
              f"quartiles {q[0]:.3f}-{q[2]:.3f} over {n} runs)")
    ratio = statistics.median(command) / statistics.median(floor)
    best = min(command) / min(floor)  # the least disturbed runs: steadier on a busy machine
    per_run = sorted(c / f for c, f in zip(command, floor, strict=True))
    print(f"ratio {ratio:.2f}x the floor, medians (ratio of minima {best:.2f}x; run by run "
          f"{per_run[0]:.2f}-{per_run[-1]:.2f}x); target <= {TARGET}x {'OK' if ratio <= TARGET else 'MISSED'}")
    print(import_report())
    ok = same_output()
    print(f"command output equals spendcalc.project written in-process: {ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 9))
