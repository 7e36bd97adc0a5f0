"""Import boundaries: the core loads no plotting or UI library, and says so in its source."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "spendcalc"
FORBIDDEN = ("streamlit", "matplotlib")


def loaded_after(statement: str) -> list[str]:
    code = (f"import sys, json; {statement}; "
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent)
    return json.loads(out.stdout)


@pytest.mark.slow
@pytest.mark.parametrize("statement", [
    "import spendcalc",
    "import spendcalc; import spendcalc.model, spendcalc.data, spendcalc.api",
    "import spendcalc.units, spendcalc.assumptions, spendcalc.scenarios, spendcalc.errors",
    "import spendcalc, spendcalc.scenarios; spendcalc.project()",
])
def test_core_loads_no_plotting_or_ui(statement):
    loaded = loaded_after(statement)
    assert "spendcalc" in loaded and "pandas" in loaded
    for name in FORBIDDEN:
        assert name not in loaded, f"'{statement}' loaded {name}"


@pytest.mark.slow
def test_package_init_does_not_import_shells():
    loaded = subprocess.run([sys.executable, "-c", "import spendcalc, sys; print(sorted(sys.modules))"],
                            capture_output=True, text=True, check=True, cwd=PACKAGE.parent).stdout
    for shell in ("spendcalc.charts", "spendcalc.cli"):
        assert f"'{shell}'" not in loaded, f"spendcalc/__init__.py imports {shell}"


IMPORT_RE = re.compile(r"^\s*(import|from)\s+(streamlit|matplotlib)\b", re.MULTILINE)


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_plotting_or_ui_import_in_the_source(path: Path):
    hits = [m.group(0).strip() for m in IMPORT_RE.finditer(path.read_text(encoding="utf-8"))]
    if path.name == "charts.py":
        hits = [h for h in hits if "streamlit" in h]  # charts.py may use matplotlib, never streamlit
    assert not hits, (f"spendcalc/{path.name}: {hits}; only spendcalc/charts.py may import matplotlib "
                      "(put backend selection and figure handling in charts.py)")


@pytest.mark.slow
def test_import_does_not_build_the_unit_registry():
    """Building the pint registry costs ~100 ms; ``import spendcalc`` must leave it for first use."""
    code = ("import spendcalc, spendcalc.units as u; before = u.registry.cache_info().currsize; "
            "spendcalc.Q_(1, 'trillion_JPY'); print(before, u.registry.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent).stdout.split()
    assert out == ["0", "1"]


PURE = ("units", "errors", "assumptions", "scenarios", "history", "model", "claims", "frames")
IO_IMPORT_RE = re.compile(r"^\s*(?:from\s+spendcalc(?:\.(?:data|api))?\s+import\s+(?:\(\s*)?.*\b(?:data|api)\b"
                          r"|from\s+spendcalc\.(?:data|api)\b|import\s+spendcalc\.(?:data|api)\b)",
                          re.MULTILINE)


@pytest.mark.parametrize("name", PURE)
def test_pure_modules_do_not_import_the_io_layer(name):
    """The pure layer takes its data as arguments: only data.py reads files, api.py joins the two."""
    source = (PACKAGE / f"{name}.py").read_text(encoding="utf-8")
    hits = [m.group(0).strip() for m in IO_IMPORT_RE.finditer(source)]
    assert not hits, f"spendcalc/{name}.py imports the I/O layer: {hits}; take the data as an argument"
    assert not re.search(r"\bopen\(|read_text\(|read_csv\(", source), f"spendcalc/{name}.py reads a file"
