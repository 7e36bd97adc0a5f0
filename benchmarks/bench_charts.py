"""Time writing the full brief chart set in PNG, SVG and PDF (in-process, after a warm-up).

Run: ``.venv/bin/python benchmarks/bench_charts.py [--repeat N]``. Prints wall and CPU seconds per
format, for the whole set in English and Japanese in one and in two processes, the load average
while measuring, and the ratio to the 3 s target.

Figures are saved inside ``charts.chart_style()``, as ``spendcalc chart`` saves them, so the
style's save-time settings count: PDF text embedded as TrueType (``pdf.fonttype`` 42, editable
text; about 0.5 s a PDF on a 2-core machine, most of the set's time) and SVG text kept as text
(``svg.fonttype`` none). Saving outside the style, as this script did before, measured about a
second less than the command really takes.

Profile (cProfile, saving the five figures as PDF): ``savefig`` 6.8 s, of which
``backend_pdf.writeFonts`` -> ``embedTTFType42`` -> ``fontTools.subset`` 4.0 s (decompiling the
font's GSUB/GPOS layout tables to subset it, ~0.25 s per embedded font per file) and the figure
draw 2.5 s. ``pdf.fonttype`` 3 takes 1.1 s instead of 2.6 s but its glyphs are not editable text,
so the fix kept here is rendering in two processes (``spendcalc chart --jobs 2``).
Per PDF, matplotlib embeds one subset per font and per "block" of characters: with
``ps.fonttype`` 3 (its default, which the PDF backend also reads) "–", "→" and "…" went to a
second subset of DejaVu Sans; the style now sets 42 (one block), but ligatures (fi, fl, ffi) in
multi-line text still get their own subset, and the bold title a third font. Japanese PDFs embed
IPAex Gothic alone.

Measured (Nov 2026, shared 2-core machine, load average ~6): one process 4.7 s of CPU for the
English set (PDF 2.6, PNG 1.5, SVG 1.0), 4.3 s for the Japanese one; wall times under that load
were 5.9 s (one process) and 15 s (two), so the two-process figure could not be judged there.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import spendcalc  # noqa: E402
from spendcalc import charts  # noqa: E402

TARGET_S = 3.0


def write_set(tidy, claims, out: Path, formats: tuple[str, ...]) -> int:
    """Draw the brief set and save it in each format; return the number of files."""
    figures = charts.brief_charts(tidy, claims=claims)
    n = 0
    for key, fig in figures.items():
        for fmt in formats:
            with charts.chart_style():  # as spendcalc chart saves: the style's SVG/PDF text settings
                fig.savefig(out / f"{key}.{fmt}", format=fmt, dpi=100)
            n += 1
        charts.chart_data(tidy, key, claims=claims).to_csv(out / f"{key}.csv", index=False)
    return n


def write_set_parallel(tidy, claims, out: Path, formats: tuple[str, ...], lang: str = "en",
                       jobs: int = 2) -> int:
    """As ``spendcalc chart --jobs N --lang L`` writes: figures drawn once, rendered by ``jobs``
    forked processes (1: in this process)."""
    from spendcalc.cli.chart import render_images

    figures = charts.brief_charts(tidy, claims=claims, lang=lang)
    files = {f"{k}.{fmt}": ("image", fig, fmt) for k, fig in figures.items() for fmt in formats}
    rendered = render_images(files, 100, lang, jobs)
    for name, (_kind, blob, _fmt) in rendered.items():
        (out / name).write_bytes(blob)
    for key in figures:
        charts.chart_data(tidy, key, claims=claims).to_csv(out / f"{key}.csv", index=False)
    return len(rendered)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children [s] (not inflated by other load)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def best_of(repeat: int, fn) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        c0, t0 = cpu_seconds(), time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0, cpu_seconds() - c0))
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tidy = spendcalc.project()
    from spendcalc.api import claim_markers

    claims = claim_markers(tidy)
    all3 = ("png", "svg", "pdf")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for lang in ("en", "ja"):
            write_set_parallel(tidy, claims, out, all3, lang, jobs=1)  # warm-up: fonts, backends
        for formats in (("png",), ("svg",), ("pdf",)):
            results[",".join(formats)] = best_of(args.repeat, lambda f=formats: write_set(tidy, claims, out, f))
        for lang in ("en", "ja"):
            for jobs in (1, 2):
                results[f"{lang}, {jobs} process{'es' if jobs > 1 else ''}"] = best_of(
                    args.repeat, lambda lang=lang, jobs=jobs: write_set_parallel(
                        tidy, claims, out, all3, lang, jobs))
        c0, t0 = cpu_seconds(), time.perf_counter()
        charts.brief_charts(tidy, claims=claims)
        results["draw only (no save)"] = (time.perf_counter() - t0, cpu_seconds() - c0)
    print(f"load average while measuring: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} cores)")
    for label, (wall, cpu) in results.items():
        print(f"{label:22} {wall:6.3f} s wall, {cpu:6.3f} s CPU (best of {args.repeat})")
    wall, cpu = results["en, 2 processes"]
    serial_cpu = results["en, 1 process"][1]
    print(f"full set in png, svg and pdf as `spendcalc chart --jobs 2` renders it: {wall:.3f} s = "
          f"{wall / TARGET_S:.2f} x the {TARGET_S:g} s target; one process needs {serial_cpu:.3f} s "
          f"of CPU = {serial_cpu / TARGET_S:.2f} x the target (an idle core's time)")


if __name__ == "__main__":
    main()
