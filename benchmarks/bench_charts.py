"""Time writing the full brief chart set in PNG, SVG and PDF (in-process, after a warm-up).

Run: ``.venv/bin/python benchmarks/bench_charts.py [--repeat N]``. Prints seconds per format and
for all three, and the ratio to the 3 s target for the whole set in all formats.

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
"""

from __future__ import annotations

import argparse
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
    """As ``spendcalc chart`` writes: figures drawn once, rendered by ``jobs`` forked processes."""
    from spendcalc.cli.chart import render_images

    figures = charts.brief_charts(tidy, claims=claims, lang=lang)
    files = {f"{k}.{fmt}": ("image", fig, fmt) for k, fig in figures.items() for fmt in formats}
    rendered = render_images(files, 100, lang, jobs)
    for name, (_kind, blob, _fmt) in rendered.items():
        (out / name).write_bytes(blob)
    for key in figures:
        charts.chart_data(tidy, key, claims=claims).to_csv(out / f"{key}.csv", index=False)
    return len(rendered)


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tidy = spendcalc.project()
    try:
        from spendcalc.api import claim_markers
    except ImportError:
        claims = None
    else:
        claims = claim_markers(tidy)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_set(tidy, claims, out, ("png", "svg", "pdf"))  # warm-up: fonts, backends
        results = {}
        for formats in (("png",), ("svg",), ("pdf",), ("png", "svg", "pdf")):
            label = ",".join(formats)
            results[label] = best_of(args.repeat, lambda f=formats: write_set(tidy, claims, out, f))
        all3 = ("png", "svg", "pdf")
        for lang in ("en", "ja"):
            write_set_parallel(tidy, claims, out, all3, lang)  # warm-up (fonts)
            results[f"{lang}, 2 processes"] = best_of(
                args.repeat, lambda lang=lang: write_set_parallel(tidy, claims, out, all3, lang))
        t0 = time.perf_counter()
        charts.brief_charts(tidy, claims=claims)
        draw_only = time.perf_counter() - t0
    print(f"draw only (no save): {draw_only:.3f} s")
    for label, seconds in results.items():
        print(f"{label:12} {seconds:.3f} s (best of {args.repeat})")
    total = results["en, 2 processes"]
    print(f"full set in png, svg and pdf as spendcalc chart renders it (2 processes): {total:.3f} s "
          f"= {total / TARGET_S:.2f} x the {TARGET_S:g} s target (one process: "
          f"{results['png,svg,pdf']:.3f} s; Japanese, 2 processes: {results['ja, 2 processes']:.3f} s)")


if __name__ == "__main__":
    main()
