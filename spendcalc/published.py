"""Published figures as checks: each file in ``tests/cases/published/`` is one figure from the
press, a ministry, SIPRI or a think tank — quote, address, date, language — with the spendcalc
call that reproduces it and the tolerance its rounding allows, or the one-line reason it cannot
be reproduced.

A case's call is declarative, never evaluated: ``function`` is a name in :data:`FUNCTIONS` (a
whitelist of public functions), ``kwargs`` its keyword arguments, ``select`` the row (column ->
value, exactly one row must match; or ``row: -1`` for the last row) and ``column`` the value
read. ``expected`` and ``tolerance`` are quantities in the case's ``unit`` (``JPY``, ``USD``,
``fraction``), parsed with :func:`spendcalc.units.parse_quantity`. Files are read with the
project's strict YAML loader. :func:`markdown_table` renders the README's "Reconciling published
figures" section from the cases; ``python -m spendcalc.published`` prints it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from spendcalc.errors import SpendcalcError

CASE_DIR = Path(__file__).resolve().parents[1] / "tests" / "cases" / "published"
REQUIRED = ("figure", "quote", "source_title", "url", "date", "language", "measures")
OPTIONAL = ("call", "unit", "expected", "tolerance", "note", "not_reproducible", "requires")
CALL_KEYS = ("function", "kwargs", "select", "row", "column")
UNITS = ("JPY", "USD", "fraction")


def functions() -> dict[str, Callable[..., pd.DataFrame] | None]:
    """The public spendcalc functions a case may call, by name (None where absent): a whitelist,
    so a case file never names arbitrary code."""
    import spendcalc

    return {name: getattr(spendcalc, name, None) for name in ("project", "sipri_series", "bridge", "convert")}


#: the whitelist: names a case may call (a name whose function is absent is None)
FUNCTIONS: tuple[str, ...] = ("project", "sipri_series", "bridge", "convert")


def load_case(path: Path) -> dict:
    """One case file, read with the strict loader and checked for its keys."""
    from spendcalc.scenarios import load_yaml

    case = load_yaml(path.read_bytes(), where=f"published case {path.name}")
    if not isinstance(case, dict):
        raise SpendcalcError(f"published case {path.name}", type(case).__name__, "a mapping")
    unknown = set(case) - set(REQUIRED) - set(OPTIONAL)
    missing = [k for k in REQUIRED if not str(case.get(k, "")).strip()]
    if unknown or missing:
        raise SpendcalcError(f"published case {path.name}", sorted(unknown) or missing,
                             f"keys {', '.join(REQUIRED)} (required) and {', '.join(OPTIONAL)}")
    has_call = "call" in case
    if has_call == ("not_reproducible" in case):
        raise SpendcalcError(f"published case {path.name}", "call/not_reproducible",
                             "exactly one of call (with expected, tolerance, unit) or not_reproducible")
    if has_call:
        call = case["call"]
        if (not isinstance(call, dict) or set(call) - set(CALL_KEYS) or call.get("function") not in FUNCTIONS
                or ("select" in call) == ("row" in call) or "column" not in call):
            raise SpendcalcError(f"published case {path.name}", "call",
                                 f"function (one of {', '.join(FUNCTIONS)}), kwargs, select or row, column")
        if case.get("unit") not in UNITS or "expected" not in case or "tolerance" not in case:
            raise SpendcalcError(f"published case {path.name}", case.get("unit"),
                                 f"unit one of {', '.join(UNITS)} with expected and tolerance")
    else:
        reason = case["not_reproducible"]
        if not isinstance(reason, str) or not reason.strip() or "\n" in reason.strip():
            raise SpendcalcError(f"published case {path.name}", "not_reproducible", "a one-line reason")
    case["_name"] = path.stem
    return case


def load_cases(directory: Path | None = None) -> list[dict]:
    """Every case in ``directory`` (default ``tests/cases/published``), in file-name order."""
    return [load_case(p) for p in sorted((directory or CASE_DIR).glob("*.yaml"))]


def missing_requirements(case: Mapping) -> list[str]:
    """Names a case requires that this installation lacks (functions or model measures)."""
    import spendcalc

    return [name for name in case.get("requires", ())
            if getattr(spendcalc, name, None) is None and name not in spendcalc.MEASURES]


def quantity(text: object, unit: str, what: str) -> float:
    from spendcalc.units import parse_quantity

    return parse_quantity(text, field=what, unit=unit, allowed=f"a quantity in {unit}")


def compute(case: Mapping) -> float:
    """Run a case's call and return the selected value (in the case's unit)."""
    call = case["call"]
    func = functions()[call["function"]]
    if func is None:
        raise SpendcalcError("function", call["function"], "a function present in spendcalc")
    df = func(**dict(call.get("kwargs") or {}))
    if "row" in call:
        row = df.iloc[[int(call["row"])]]
    else:
        mask = pd.Series(True, index=df.index)
        for col, value in call["select"].items():
            mask &= df[col] == value
        row = df[mask]
    if len(row) != 1:
        raise SpendcalcError(f"published case {case['_name']}", f"{len(row)} rows", "exactly one selected row")
    return float(row[call["column"]].iloc[0])


def check(case: Mapping) -> tuple[bool, float, float, float]:
    """``(ok, got, expected, tolerance)`` of a reproducible case."""
    unit = case["unit"]
    want = quantity(case["expected"], unit, "expected")
    tol = quantity(case["tolerance"], unit, "tolerance")
    got = compute(case)
    return (not math.isnan(got)) and abs(got - want) <= tol * (1 + 1e-12), got, want, tol


def _call_text(case: Mapping) -> str:
    call = case["call"]
    args = ", ".join(f"{k}={v!r}" for k, v in (call.get("kwargs") or {}).items())
    args = args.replace("'", '"')
    where = (f"row {call['row']}" if "row" in call
             else ", ".join(f"{k}={v}" for k, v in call["select"].items()))
    return f"`{call['function']}({args})` [{where}] `{call['column']}`"


def _cell(text: object) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def markdown_table(cases: list[dict] | None = None) -> str:
    """The README's table: figure, source and date, how spendcalc reproduces it (call and
    tolerance) or why it cannot. (What each figure measures is in its case file.)"""
    rows = ["| figure | source (date, language) | spendcalc |", "|---|---|---|"]
    for c in cases if cases is not None else load_cases():
        if "call" in c:
            how = f"{_call_text(c)} = {c['expected']} ± {c['tolerance']}"
        else:
            how = f"not reproducible: {c['not_reproducible']}"
        rows.append(f"| {_cell(c['figure'])} | [{_cell(c['source_title'])}]({c['url']}) ({c['date']}, "
                    f"{c['language']}) | {_cell(how)} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
