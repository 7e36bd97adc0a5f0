"""ARCHITECTURE.md stays true: every path, module and name it mentions exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
# paths: anything with a slash or a known file suffix, in backticks or in the text diagram
PATH_RE = re.compile(r"(?<![\w./-])((?:[a-z_.][\w.-]*/)+[\w.*-]*|[\w-]+\.(?:py|md|toml|yaml|csv|ipynb))(?![\w/-])")
CODE_RE = re.compile(r"`([^`]+)`")


def named_paths() -> list[str]:
    paths = set()
    for m in PATH_RE.finditer(TEXT):
        path = m.group(1).rstrip(".")
        if path.startswith(("http", "Makefile")):
            continue
        paths.add(path)
    return sorted(paths)


def named_identifiers() -> list[str]:
    """Bare identifiers in backticks (``project``, ``MEASURES``, ``plot_*``) and calls (``select(...)``)."""
    names = set()
    prose = re.sub(r"```.*?```", "", TEXT, flags=re.DOTALL)  # the diagram is checked for paths only
    for code in CODE_RE.findall(prose):
        m = re.fullmatch(r"(?:spendcalc\.)?([A-Za-z_][A-Za-z0-9_]*\*?)(?:\(.*\))?(?:\s*->.*)?", code.strip())
        if m and "/" not in code and not code.endswith((".py", ".md", ".yaml", ".csv")):
            names.add(m.group(1))
    return sorted(names - {"app", "browser", "slow", "spendcalc"})


def test_the_document_names_paths_and_identifiers():
    assert len(named_paths()) > 20 and len(named_identifiers()) > 10


@pytest.mark.parametrize("path", named_paths())
def test_every_named_path_exists(path: str):
    if "*" in path:
        assert list(ROOT.glob(path)), f"ARCHITECTURE.md names {path}, which matches no file: update it"
    else:
        assert (ROOT / path).exists(), f"ARCHITECTURE.md names {path}, which does not exist: update it"


MODULES = [p.stem for p in (ROOT / "spendcalc").glob("*.py") if p.stem not in ("__main__", "cli")]


@pytest.mark.parametrize("name", named_identifiers())
def test_every_named_function_or_constant_exists(name: str):
    found = []
    cli = [f"spendcalc.cli.{p.stem}" for p in (ROOT / "spendcalc" / "cli").glob("*.py")]
    for module in ("spendcalc", *(f"spendcalc.{m}" for m in MODULES if m != "__init__"), *cli):
        mod = importlib.import_module(module)
        attrs = [a for a in vars(mod) if (a.startswith(name[:-1]) if name.endswith("*") else a == name)]
        found += attrs
    assert found, f"ARCHITECTURE.md names `{name}`, which no spendcalc module defines: update it"


def test_every_module_of_the_package_is_described():
    """A new module gets its line in the table of jobs."""
    for path in sorted((ROOT / "spendcalc").glob("*.py")):
        if path.name in ("__init__.py", "__main__.py") or path.stem.startswith("cli_"):
            continue
        assert f"`spendcalc/{path.name}`" in TEXT, f"spendcalc/{path.name} is missing from ARCHITECTURE.md"
