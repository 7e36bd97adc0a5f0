"""No function in the package is longer than MAX_LINES: a reader takes each in at once.

The length counts the lines from ``def`` to the function's last line, without its docstring (a
numpydoc docstring listing fifteen parameters is documentation, not logic). Nested functions
count towards the function that holds them and are also checked on their own.

``MODULES`` is every module of the package (``spendcalc/*.py`` and ``spendcalc/cli/*.py``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 60
MODULES = sorted(str(p.relative_to(ROOT)) for p in [*(ROOT / "spendcalc").glob("*.py"),
                                                     *(ROOT / "spendcalc" / "cli").glob("*.py")])


def long_functions(path: Path, limit: int = MAX_LINES) -> list[str]:
    """``name (line N): L lines`` for every function in ``path`` longer than ``limit``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        length = node.end_lineno - node.lineno + 1
        first = node.body[0]
        if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)):
            length -= first.end_lineno - first.lineno + 1
        if length > limit:
            found.append(f"{node.name} (line {node.lineno}): {length} lines")
    return found


@pytest.mark.parametrize("module", MODULES)
def test_no_function_is_longer_than_the_limit(module: str):
    path = ROOT / module
    assert path.exists(), f"{module} is listed in MODULES but does not exist"
    long = long_functions(path)
    assert not long, (f"{module}: functions over {MAX_LINES} lines (docstring excluded): {long}; "
                      "split them into named steps")


def test_the_length_count_can_fail(tmp_path: Path):
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    path = tmp_path / "m.py"
    path.write_text(f'def f():\n    """Doc."""\n{body}\n', encoding="utf-8")
    assert long_functions(path) == [f"f (line 1): {MAX_LINES + 1} lines"]
    path.write_text(f'def f():\n    """Doc."""\n{body[: body.rindex(chr(10))]}\n', encoding="utf-8")
    assert long_functions(path) == []
