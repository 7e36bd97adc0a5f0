"""The app under load in a real browser: first number, slider-to-headline, 8 readers at once.

Usage: ``python benchmarks/bench_app_load.py [--readers 8] [--moves 6] [--opens 5]``

Starts ``streamlit run app.py`` itself on a free loopback port, drives Debian's Chromium
(``/usr/bin/chromium``) with Playwright, prints each figure with its target, and stops the
server. Not a test: machines are noisy, so run it several times and report the spread.

Figures and their targets (also in the README's benchmark table):

* **first number** — a new browser context opens the page on a warm server (one page has
  already loaded it); time until the headline metric shows a value. Target <= 2 s (median).
* **one reader** — the growth slider moved with the keyboard (ArrowRight); time from the key
  event to the first frame with the changed headline, measured in the page. Target <= 0.25 s
  (median).
* **8 readers** — as many tabs, each in its own context, each moving its slider at the same
  moment, several rounds; time from key press to changed headline in each tab. Each reader starts
  at its own growth rate (``reader_link``), so every move is a real rerun, not another reader's
  cached result. Targets: median <= 0.6 s, worst <= 2 s. Readers per core = readers / cores.

What it measures and what it does not: the 8 "readers" are 8 pages of ONE headless Chromium
(one browser process, one compositing process, a renderer per page) on the same two cores as the
server, with software rendering (no GPU here; ``--disable-gpu`` says so rather than letting it
fall back). Real readers would each bring their own machine, so the 8-reader figure is the server
and all eight browsers competing for two cores: it is pessimistic for the server and says nothing
about a reader's own network. The browsers' CPU per move (every Chromium process of this run,
``/proc``) is printed beside the server's so the two can be told apart.

Floor: the time the browser needs for a round trip that does no work (the server's health
endpoint, fetched from the page) is printed beside the figures, as the ratio's denominator.
Also printed: the server's CPU time per slider move (``/proc``), which bounds how many readers
one process serves, since its interpreter runs one rerun at a time.

Profile (29 Nov 2026, this 2-core machine shared with other work, load average 4-10; the
server's script thread timed with ``time.thread_time`` and profiled with cProfile around
``ScriptRunner._run_script``, 20 growth-slider moves from one Chromium tab)::

    before: server CPU per move 140-165 ms, of which the script thread 132 ms:
      gc.collect (Streamlit's runner.postScriptGC, after every rerun)  ~100-150 ms  <- the largest
      copy.deepcopy of the projection's attrs (pandas copies them on    ~45 ms
        every selection: readable table, chart specs, answer sentence)
      socket.send: waking the event loop once per element sent          ~40 ms (under load)
      readable per-year table (two pivots on Arrow strings)             ~20 ms
    after:  server CPU per move 61-68 ms, script thread 49 ms:
      runner.postScriptGC = false (.streamlit/config.toml), and gc.freeze() after the first run
        (a full collection of this process: ~94 ms -> 0.001 ms)
      the projection's attrs are a read-only SharedAttrs that pandas shares (selection 2.3 -> 1.0 ms)
      the nine headline metrics in one wrapping container (12 layout blocks -> 1)
      the readable table pivots object columns (20 -> 7.5 ms)
      the headline is computed and sent before the projection of every scenario; cache keys of
        scenarios and assumptions are their repr (2.8 ms -> 0.05 ms a key)

Measured in the same minutes against main (same machine, same load, this script):

    figure                          main               this version       (three A/B runs; the third
                                                                          after merging main's faster
                                                                          model and new charts, load 1-5)
    first number (warm)             1.52, 1.60, 1.12 s 1.71, 1.83, 1.44 s (all met; noise)
    one reader                      0.19, 0.17, 0.15 s 0.20, 0.24, 0.17 s (all met)
    server CPU per move             140, 165, 162 ms   68, 82, 87 ms
    8 readers median                1.75, 1.40, 1.56 s 1.24, 1.03, 0.97 s (NOT met: 0.6 s)
    8 readers worst                 2.57, 2.08, 2.03 s 2.99, 1.85, 1.77 s (2 s: met in the last two)

After the merge, the tabs also read the projection with plain-string columns (``for_screen``):
main's tidy frame holds Arrow strings, whose row selections cost ~3x as much on frames this
small (the chart data 9 -> 3 ms); script CPU per move 99 -> 70 ms.

Then (29 Nov 2026, later): the growth slider, the headline and the open tab became one
``st.fragment`` (``app.answer``; the slider stays in the sidebar, drawn there by the fragment), so a
growth move reruns and resends the main area only, not the sidebar's twenty widgets; the labels
were shortened to fit; the charts' height follows their legends. Each of the 8 readers now starts
at its own growth rate: before, all eight moved to the same values and seven of eight reruns were
answered from the first one's cache (server CPU per move 28-41 ms in that setting, 79-94 ms
without it). A/B in the same minutes, load average 3-10, this script (distinct readers; a fourth
run of the final version at load 1-6: 1.50 s, 0.125 s, 77 ms, 348 ms, median 1.07 s, worst 1.64 s)::

    figure                          before (902f940)   fragment           target
    first number (warm)             1.47, 1.34 s       1.43, 1.34, 1.39 s <= 2 s    met
    one reader                      0.15, 0.14 s       0.14, 0.12, 0.12 s <= 0.25 s met
    server CPU per move, 1 reader   90, 88 ms          70, 70, 77 ms
    server CPU per move, 8 readers  94, 94 ms          82, 79, 88 ms
    browser CPU per move, 8 readers 466, 411 ms        334, 327, 331 ms
    8 readers median                1.18, 1.12 s       1.07, 1.00, 1.08 s <= 0.6 s  NOT met
    8 readers worst                 2.87, 2.26 s       1.61, 1.75, 2.16 s <= 2 s    met in 2 of 3

Where a fragment rerun's server time goes (cProfile of the script thread, 15 moves, one reader;
cumulative ms per move with the profiler's overhead, ~2x): answer 151 = open tab 102 (chart
specs 50, of which the articles' claim markers and points 18; per-year table 25; downloads 9;
vega-lite data to Arrow 7) + headline 23 + projection 10; waking the event loop once per message
sent 7.

Why 0.6 s is not met here, in CPU: a round of 8 moves costs 8 x (~80 ms server + ~330 ms
browser) = ~3.3 s of CPU, on 2 cores shared with other work: at least ~1.6 s of wall time per
round, and a reader's headline waits for its share of it. The browsers are four fifths of that.
Stripping the page to the headline alone (no charts, table, downloads or sidebar; an experiment,
not kept) still took 152 ms of browser CPU per move and gave a median of 0.71 s: Streamlit's
frontend spends ~100-150 ms of script per rerun however little changes. On separate reader
machines only the server's part remains: 8 x 70-80 ms = 0.56-0.64 s of one interpreter for eight
simultaneous moves, the last reader's bound; see README "Serving many readers". With 4 readers
(``--readers 4``, two runs) the median was 0.46-0.47 s and the worst 0.77-0.94 s: met at 2 readers
per core with the browsers on the same machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
#: the headline metric whose value is timed, and how to switch the GDP assumption to the slider
HEADLINE = "Spending needed in FY"
GROWTH_LINK = "?gdp=growth&growth=1.0"
GROWTH_SLIDER = "Nominal GDP growth (%/yr)"


def reader_link(i: int) -> str:
    """Reader ``i``'s link: the growth slider at -3.0 + i %/yr (its window is -3 to 6 in 0.1 steps)."""
    return f"?gdp=growth&growth={-3.0 + (i % 9):.1f}"
TARGETS = {"first number": 2.0, "one reader": 0.25, "8 readers median": 0.6, "8 readers worst": 2.0}

HEADLINE_JS = """(label) => {
  const m = [...document.querySelectorAll('[data-testid=stMetric]')].find(e => e.innerText.includes(label));
  if (!m) return null;
  const v = m.querySelector('[data-testid=stMetricValue]');
  return v ? v.innerText.trim() : null;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, log: Path) -> subprocess.Popen:
    out = log.open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port),
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"streamlit exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"streamlit did not answer on port {port}:\n{log.read_text()}")


async def headline(page) -> str | None:
    return await page.evaluate(HEADLINE_JS, HEADLINE)


async def wait_headline(page, before: str | None, timeout: float = 30.0) -> float:
    """Seconds until the headline shows a value different from ``before`` (polled every 10 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        value = await headline(page)
        if value and value != before:
            return time.perf_counter() - start
        await asyncio.sleep(0.01)
    raise TimeoutError(f"headline did not change from {before!r} within {timeout:.0f} s")


async def open_reader(browser, url: str) -> tuple[object, float]:
    """A new context and page on ``url``; returns (page, seconds to the first headline value)."""
    context = await browser.new_context(viewport={"width": 1440, "height": 900})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url, timeout=60_000)
    await wait_headline(page, None, timeout=60)
    return page, time.perf_counter() - start


ARM_JS = """(label) => { window.__spendcalcMove = new Promise((resolve, reject) => {
  const value = () => { const m = [...document.querySelectorAll('[data-testid=stMetric]')]
    .find(e => e.innerText.includes(label));
    const v = m && m.querySelector('[data-testid=stMetricValue]'); return v ? v.innerText.trim() : null; };
  const before = value(); let t0 = null;
  document.addEventListener('keydown', () => { t0 = performance.now(); }, {once: true, capture: true});
  const obs = new MutationObserver(() => {
    const v = value();
    if (t0 !== null && v && v !== before) {
      obs.disconnect(); requestAnimationFrame(() => resolve((performance.now() - t0) / 1000)); } });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true});
  setTimeout(() => { obs.disconnect(); reject(new Error('headline did not change within 30 s')); }, 30000);
}); }"""


async def move_slider(page) -> float:
    """Press ArrowRight on the growth slider; seconds from the key event to the changed headline.

    Timed inside the page (the key event's listener to the first animation frame after the
    headline's text changed), so the figure does not include Playwright's own round trips, which
    grow with the number of pages polled at once.
    """
    slider = page.get_by_role("slider", name=GROWTH_SLIDER)
    await slider.focus()
    await page.evaluate(ARM_JS, HEADLINE)
    await page.keyboard.press("ArrowRight")
    elapsed = await page.evaluate("window.__spendcalcMove")
    await asyncio.sleep(0.3)  # let the run finish (late elements) before the next move
    return elapsed


async def floor_round_trip(page, port: int, n: int = 20) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        await page.evaluate(f"fetch('http://127.0.0.1:{port}/_stcore/health').then(r => r.text())")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``), in seconds; NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def browser_cpu_seconds() -> float:
    """User + system CPU time so far of every Chromium process started under this one (the
    browser, its renderers, GPU and utility processes; Linux ``/proc``), in seconds."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    ours, me = set(), os.getpid()
    for pid in parents:
        p = pid
        while p > 1 and p != me:
            p = parents.get(p, 0)
        if p == me:
            ours.add(pid)
    total = 0.0
    for pid in ours:
        try:
            if "chrom" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode(errors="replace"):
                total += cpu_seconds(pid)
        except OSError:
            continue
    return total


def spread(values: list[float]) -> str:
    return (f"median {statistics.median(values):.3f} s (min {min(values):.3f}, "
            f"max {max(values):.3f}, n={len(values)})")


def verdict(name: str, value: float, floor: float) -> str:
    target = TARGETS[name]
    return (f"target <= {target:.2f} s: {'met' if value <= target else 'NOT met'}; "
            f"{value / floor:,.0f}x the {floor * 1000:.1f} ms round-trip floor")


async def run(port: int, readers: int, moves: int, opens: int, server_pid: int) -> int:
    from playwright.async_api import async_playwright

    base = f"http://127.0.0.1:{port}/"
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            warm, cold = await open_reader(browser, base)  # warms the server's caches
            floor = await floor_round_trip(warm, port)
            print(f"floor: browser -> server round trip (health endpoint), median {floor * 1000:.1f} ms")
            print(f"cold first page (server not yet warm): {cold:.2f} s")
            firsts = []
            for _ in range(opens):
                page, seconds = await open_reader(browser, base)
                firsts.append(seconds)
                await page.context.close()
            m = statistics.median(firsts)
            print(f"first number on a warm server: {spread(firsts)}; {verdict('first number', m, floor)}")

            page, _ = await open_reader(browser, base + GROWTH_LINK)
            await asyncio.sleep(0.5)
            cpu = cpu_seconds(server_pid)
            one = [await move_slider(page) for _ in range(moves)]
            cpu = (cpu_seconds(server_pid) - cpu) / moves
            m = statistics.median(one)
            print(f"one reader, slider -> headline: {spread(one)}; {verdict('one reader', m, floor)}")
            print(f"  server CPU per slider move (one reader; the move reruns the answer fragment): {cpu * 1000:.0f} ms; the "
                  f"interpreter runs one rerun at a time, so {readers} readers moving at once need "
                  f"~{readers * cpu:.2f} s of it")
            await page.context.close()

            # each reader starts at its own growth rate, so no reader's rerun is answered from
            # another's cache (readers who all chose the same values would share the work)
            pages = [(await open_reader(browser, base + reader_link(i)))[0] for i in range(readers)]
            await asyncio.sleep(0.5)
            times: list[float] = []
            cpu, browser_cpu = cpu_seconds(server_pid), browser_cpu_seconds()
            for _ in range(moves):
                times += await asyncio.gather(*(move_slider(pg) for pg in pages))
            n = moves * readers
            cpu, browser_cpu = (cpu_seconds(server_pid) - cpu) / n, (browser_cpu_seconds() - browser_cpu) / n
            med, worst = statistics.median(times), max(times)
            print(f"{readers} readers at once, slider -> headline: {spread(times)}")
            print(f"  CPU per slider move: server {cpu * 1000:.0f} ms, browser (all Chromium processes) "
                  f"{browser_cpu * 1000:.0f} ms; one round of {readers} moves needs "
                  f"~{readers * (cpu + browser_cpu):.2f} s of CPU on {os.cpu_count()} cores")
            print(f"  median: {verdict('8 readers median', med, floor)}")
            print(f"  worst:  {verdict('8 readers worst', worst, floor)}")
            cores = os.cpu_count() or 1
            held = "held" if med <= TARGETS["8 readers median"] else "NOT held"
            print(f"  readers per core: {readers / cores:.1f} ({readers} readers, {cores} cores): "
                  f"the median target {held} at this load")
        finally:
            await browser.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--moves", type=int, default=6)
    parser.add_argument("--opens", type=int, default=5)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
        return 1
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "streamlit.log"
        server = start_server(port, log)
        try:
            return asyncio.run(run(port, args.readers, args.moves, args.opens, server.pid))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


if __name__ == "__main__":
    sys.exit(main())
