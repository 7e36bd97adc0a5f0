"""Execute the tutorial notebooks; they are stored without outputs and must run top to bottom."""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import nbformat  # noqa: E402
import pytest  # noqa: E402
from nbclient import NotebookClient  # noqa: E402

NB_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOKS = ["01-quickstart.ipynb", "02-reconciling-published-figures.ipynb", "03-brief.ipynb"]


def _run(name):
    nb = nbformat.read(NB_DIR / name, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NB_DIR)}}).execute()
    return nb


def _text(nb):
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            out.append(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")))
    return "\n".join(out)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_without_outputs(name):
    nb = nbformat.read(NB_DIR / name, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert any(c.cell_type == "markdown" for c in nb.cells)


@pytest.mark.slow
def test_quickstart_runs(monkeypatch):
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = _run("01-quickstart.ipynb")
    text = _text(nb)
    for name in ("original-fy2027", "accelerated-fy2025", "us-ask-3.5pct", "hold-flat"):
        assert name in text
    assert "growth 1%/yr" in text and "growth 3%/yr" in text
    assert "fixed-fy2022" in text and "same-year" in text
    assert "verdict" in text or "no claims audit" in text
    assert "round-trips exactly: True" in text and "three-pct-fy2030" in text
    assert "SpendcalcError: growth: '2' is not allowed" in text and "SpendcalcError: fx: '150 USD/JPY'" in text
    assert "growth 2 %/yr, 150 JPY/USD" in text  # the one cell a reader edits feeds the projection
    # the answer sentence, from the same inputs: 3.5% by FY2035 at 150 JPY/USD
    assert "Reaching 3.5% of GDP (same-year nominal GDP) by FY2035 means" in text
    assert "at 150 JPY/USD" in text and "nan" not in text.split("Reaching 3.5%")[1][:600]


@pytest.mark.slow
def test_reconciling_published_figures_runs(monkeypatch):
    monkeypatch.delenv("MPLBACKEND", raising=False)
    text = _text(_run("02-reconciling-published-figures.ipynb"))
    # each step quotes its published figure with its source and reproduces it
    for figure in ("11兆円程度", "1.6% (FY2024, FY2022 base)", "1.4% (SIPRI, 2024)", "3.5% ≈ 21 trillion yen",
                   "国民1人当たり約4万円"):
        assert f"Published: {figure}" in text
    assert text.count("https://") >= 8 and "NOT reproduced" not in text
    assert text.count(": reproduced") >= 7
    assert "nato-core" in text and "nato-related" in text and "gap " in text
    assert "trillion yen more than today's 3.5%" in text


@pytest.mark.slow
def test_brief_charts_runs(monkeypatch):
    monkeypatch.delenv("MPLBACKEND", raising=False)
    nb = _run("03-brief.ipynb")
    images = [o for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the brief share chart and the customised chart are shown
    text = _text(nb)
    assert "01-spending-trillion-yen" in text and "share-2pct.png" in text and "share-2pct.svg" in text
    for fmt in ("png", "svg", "pdf", "csv"):  # every chart of the set, with the data behind it
        assert f"06-share-fan-original-fy2027.{fmt}" in text and f"05-spending-usd.{fmt}" in text
    assert "exact" in text and "same-year" in text
    # the paragraph is generated from the frames: its numbers match the model's
    import spendcalc

    cost = spendcalc.select(spendcalc.project("us-ask-3.5pct"), fiscal_year=2035).set_index("measure")["value"]
    sim = spendcalc.simulate("original-fy2027", measured_on="same-year")
    assert f"Reaching 3.5% of same-year GDP by FY2035 (us-ask-3.5pct) means spending about " \
           f"{cost['spending_jpy'] / 1e12:.1f} trillion yen" in text
    assert f"{cost['spending_per_capita_jpy']:,.0f} yen per person" in text
    band = sim[(sim["fiscal_year"] == 2027) & (sim["measure"] == "share_of_gdp")].iloc[0]
    assert f"most likely {band['p50']:.2%} (90% range {band['p5']:.2%} to {band['p95']:.2%})" in text
