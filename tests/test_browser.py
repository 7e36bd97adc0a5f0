"""The app in a real browser, used as a reader would.

Move the growth slider, the headline changes, the link reproduces it; the answer sentence is on the
first screen of a laptop (1440x900) and of a phone (390x844); a download is opened with plain
``pandas.read_csv``; the scenario YAML download is uploaded back. Screenshots of the first screen at
both sizes are kept in ``tests/artifacts/`` (ignored by git) for a person to look at.

Drives Debian's Chromium (``apt-get install -y chromium``) with Playwright's sync API against
``streamlit run app.py``. Where Chromium is missing the test is skipped with that message on a
developer machine, and fails in CI (``SPENDCALC_REQUIRE_BROWSER=1``, set by ``.ci/run``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
GROWTH = "Nominal GDP growth (%/yr)"
HEADLINE = "Spending needed in FY"
SENTENCE = "Reaching 3.5% of GDP"
ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots for a person to look at (ignored by git)
SAME_YEAR = "Share of same-year GDP in FY"

pytestmark = pytest.mark.browser


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"Chromium not found at {CHROMIUM}: apt-get install -y chromium"
    if os.environ.get("SPENDCALC_REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (required here: SPENDCALC_REQUIRE_BROWSER=1)")
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int, server: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not answer on port {port} within {timeout:.0f} s:\n{log.read_text()}")


def settle(page) -> None:
    """Wait until Streamlit has finished the current run (see the stack notes)."""
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=\"true\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000)


def metric_text(page, label_start: str) -> str:
    """The value of the one headline metric whose label starts with ``label_start``."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text=label_start)
    assert metric.count() == 1, f"expected one metric labelled {label_start!r}"
    return metric.locator('[data-testid="stMetricValue"]').inner_text().strip()


def start_app(tmp_path: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    log = tmp_path / "streamlit.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_healthy(port, server, log)
    except BaseException:  # a server that never became healthy is stopped, not left behind
        stop_app(server)
        raise
    return server, port


def stop_app(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def test_growth_slider_headline_and_shared_link(tmp_path):
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    server, port = start_app(tmp_path)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1600})
                page.goto(f"http://127.0.0.1:{port}/", timeout=60_000)
                page.get_by_text(HEADLINE).first.wait_for(timeout=60_000)
                settle(page)
                # switch the GDP assumption to the growth slider, then move it with the keyboard
                page.get_by_text("Constant nominal growth (slider)").click()
                slider = page.get_by_role("slider", name=GROWTH)
                expect(slider).to_be_enabled(timeout=30_000)
                settle(page)
                before_yen, before_share = metric_text(page, HEADLINE), metric_text(page, SAME_YEAR)
                before_value = slider.get_attribute("aria-valuetext") or slider.get_attribute("aria-valuenow")
                slider.focus()
                for _ in range(5):
                    page.keyboard.press("ArrowRight")
                page.wait_for_function(
                    "([label, before]) => { const m = [...document.querySelectorAll("
                    "'[data-testid=stMetric]')].find(e => e.innerText.includes(label));"
                    " return m && !m.innerText.includes(before); }",
                    arg=[HEADLINE, before_yen], timeout=30_000)
                settle(page)
                after_value = slider.get_attribute("aria-valuetext") or slider.get_attribute("aria-valuenow")
                assert after_value != before_value
                after_yen, after_share = metric_text(page, HEADLINE), metric_text(page, SAME_YEAR)
                assert after_yen != before_yen
                # faster GDP growth: a same-year share target needs more yen
                assert float(after_yen.replace(",", "")) > float(before_yen.replace(",", ""))
                assert after_share == before_share == "3.50%"  # us-ask-3.5pct, the default headline
                page.screenshot(path=str(tmp_path / "after-slider.png"))
                url = page.url
                assert "growth=2.5" in url and "gdp=growth" in url

                shared = browser.new_page(viewport={"width": 1400, "height": 1600})
                shared.goto(url, timeout=60_000)
                shared.get_by_text(HEADLINE).first.wait_for(timeout=60_000)
                settle(shared)
                assert metric_text(shared, HEADLINE) == after_yen
                assert metric_text(shared, SAME_YEAR) == after_share
                shared_slider = shared.get_by_role("slider", name=GROWTH)
                assert (shared_slider.get_attribute("aria-valuetext")
                        or shared_slider.get_attribute("aria-valuenow")) == after_value
                shared.screenshot(path=str(tmp_path / "shared-link.png"))
                assert (tmp_path / "shared-link.png").stat().st_size > 10_000
            finally:
                browser.close()
    finally:
        stop_app(server)


def test_missing_chromium_is_said_plainly(monkeypatch, tmp_path):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("SPENDCALC_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium"):
        require_chromium()
    monkeypatch.setenv("SPENDCALC_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="Chromium not found"):
        require_chromium()


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require_chromium()
    server, port = start_app(tmp_path_factory.mktemp("server"))
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_app(server)


@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


#: headline metric labels cut short by the page ("…" instead of their end): [label, text width, box width]
TRUNCATED_LABELS_JS = """() => [...document.querySelectorAll('[data-testid=stMetricLabel]')].flatMap(l =>
  [l, ...l.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => [l.innerText, e.scrollWidth, e.clientWidth]))"""


@pytest.mark.parametrize(("width", "height"), [(1440, 900), (390, 844)])
def test_the_answer_is_on_the_first_screen(app_url, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=width < 500,
                                  has_touch=width < 500)
    try:
        page = context.new_page()
        page.goto(app_url, timeout=60_000)
        sentence = page.get_by_text(SENTENCE).first
        sentence.wait_for(timeout=60_000)
        settle(page)
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"first-screen-{width}x{height}.png"
        page.screenshot(path=str(shot))  # the viewport only: what the reader sees without scrolling
        assert shot.stat().st_size > 10_000
        box = sentence.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height, box
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, box  # no sideways scrolling to read it
        text = sentence.inner_text()
        assert "trillion yen in FY2035" in text and "JPY/USD" in text  # with its units and year
        # the title takes a line, not the screen, and the reader is told where the controls are
        title = page.get_by_text("Japan's defense spending: what do the targets mean in yen?").first
        assert title.bounding_box()["height"] < 0.1 * height
        hint = page.get_by_text("Change the assumptions in the sidebar").first
        assert hint.bounding_box()["y"] < height  # on the first screen too
        assert page.evaluate(TRUNCATED_LABELS_JS) == []  # every headline label reads to its end
    finally:
        context.close()


@pytest.mark.parametrize("query", ["?lang=ja", "?lang=ja&baseline=own", "?baseline=own"])
def test_headline_labels_read_in_full_on_a_laptop(app_url, browser, query):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto(app_url + query, timeout=60_000)
        page.wait_for_selector("[data-testid=stMetricValue]", timeout=60_000)
        settle(page)
        assert len(page.query_selector_all("[data-testid=stMetricLabel]")) >= 9
        assert page.evaluate(TRUNCATED_LABELS_JS) == []
    finally:
        context.close()


def test_downloads_open_in_pandas_and_the_yaml_uploads_back(app_url, browser, tmp_path):
    import io
    import zipfile

    import pandas as pd

    context = browser.new_context(viewport={"width": 1440, "height": 1800}, accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(app_url + "?sc=custom,hold-flat&focus=custom&share=4.0&year=2032", timeout=60_000)
        page.get_by_text(HEADLINE).first.wait_for(timeout=60_000)
        settle(page)
        files = {}
        for label in ("Trajectories (CSV)", "Data, methodology and sources (zip)", "Scenario (YAML)"):
            with page.expect_download(timeout=60_000) as info:
                page.get_by_role("button", name=label).click()
            files[label] = tmp_path / info.value.suggested_filename
            info.value.save_as(files[label])
        data = pd.read_csv(files["Trajectories (CSV)"])  # plain, as a newsroom opens it
        assert list(data.columns[:6]) == ["scenario", "fiscal_year", "status", "measure", "unit", "value"]
        assert set(data["scenario"]) == {"custom", "hold-flat"}
        with zipfile.ZipFile(files["Data, methodology and sources (zip)"]) as zf:
            assert sorted(zf.namelist()) == ["README.md", "data.csv", "metadata.json"]
            inner = pd.read_csv(io.BytesIO(zf.read("data.csv")))
            assert "share=4.0" in zf.read("README.md").decode()  # cites the page address
        assert len(inner) == len(data)
        before = metric_text(page, HEADLINE)
        assert files["Scenario (YAML)"].name == "custom-copy.yaml"
        page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(str(files["Scenario (YAML)"]))
        page.get_by_text("Loaded 'custom-copy'").first.wait_for(timeout=60_000)
        settle(page)
        assert not page.locator('[data-testid="stAlertContentError"]').count()
        assert "focus=custom-copy" in page.url  # the headline describes the uploaded file
        assert metric_text(page, HEADLINE) == before  # the uploaded file is the same scenario
    finally:
        context.close()
