"""Test helpers: compare tidy projections, and the golden (expected) outputs of the built-ins.

``assert_tidy_equal`` compares two tidy frames (``spendcalc.project`` output) row by row on their
keys and values to a relative tolerance, and fails with a message that lists the differences
and says how to regenerate the expected outputs when the change is intended. The golden files
``tests/golden/<scenario>.csv`` hold every measure of every year of each built-in scenario under
the default assumptions; ``scripts/regenerate_golden.py`` rewrites them and prints the
differences for review.

Imports pandas and numpy only (no plotting, no UI).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

KEYS = ["scenario", "fiscal_year", "measure", "status", "unit", "scope", "denominator", "basis"]
GOLDEN_DIR = Path(__file__).resolve().parents[1] / "tests" / "golden"
REGENERATE = "python scripts/regenerate_golden.py"
MAX_SHOWN = 12


def diff_tidy(left: pd.DataFrame, right: pd.DataFrame, *, rtol: float = 1e-9,
              atol: float = 0.0) -> pd.DataFrame:
    """Rows that differ between two tidy frames.

    Returns a frame with ``scenario, measure, fiscal_year, old, new, change`` where ``old`` is
    the value in ``left`` and ``new`` in ``right`` (NaN where a row exists on one side only),
    and ``change`` says ``value``, ``status``/``unit``/... (a key column differs: the row is
    matched on scenario, fiscal year and measure), ``added`` or ``removed``.
    """
    idx = ["scenario", "fiscal_year", "measure"]
    for name, df in (("left", left), ("right", right)):
        missing = [c for c in [*KEYS, "value"] if c not in df.columns]
        if missing:
            raise ValueError(f"{name} frame lacks columns {missing}")
        if df.duplicated(idx).any():
            raise ValueError(f"{name} frame has duplicate (scenario, fiscal_year, measure) rows")
    a = left[[*KEYS, "value"]].copy()
    b = right[[*KEYS, "value"]].copy()
    a["fiscal_year"] = a["fiscal_year"].astype(int)
    b["fiscal_year"] = b["fiscal_year"].astype(int)
    m = a.merge(b, on=idx, how="outer", suffixes=("_old", "_new"), indicator="side")
    out = []
    for d in m.to_dict("records"):
        if d["side"] == "left_only":
            change = "removed"
        elif d["side"] == "right_only":
            change = "added"
        else:
            differing = [k for k in KEYS if k not in idx and str(d[f"{k}_old"]) != str(d[f"{k}_new"])]
            old, new = float(d["value_old"]), float(d["value_new"])
            same_value = (np.isnan(old) and np.isnan(new)) or (
                abs(old - new) <= atol + rtol * max(abs(old), abs(new)))
            if differing:
                change = "/".join(differing) + f" {d[f'{differing[0]}_old']} -> {d[f'{differing[0]}_new']}"
            elif not same_value:
                change = "value"
            else:
                continue
        out.append({"scenario": d["scenario"], "measure": d["measure"], "fiscal_year": int(d["fiscal_year"]),
                    "old": d["value_old"], "new": d["value_new"], "change": change})
    cols = ["scenario", "measure", "fiscal_year", "old", "new", "change"]
    return pd.DataFrame(out, columns=cols).sort_values(cols[:3], ignore_index=True)


def summarise_diff(diff: pd.DataFrame, *, max_rows: int = MAX_SHOWN) -> str:
    """A readable summary: per scenario and measure, how many years changed, the largest
    relative change and the first few ``FYnnnn old -> new`` pairs."""
    if diff.empty:
        return "no differences"
    lines = []
    for (scenario, measure), g in diff.groupby(["scenario", "measure"], sort=True):
        with np.errstate(divide="ignore", invalid="ignore"):
            rel = np.abs(g["new"] - g["old"]) / np.abs(g["old"])
        largest = f", largest relative change {np.nanmax(rel):.3g}" if np.isfinite(rel).any() else ""
        shown = "; ".join(f"FY{r.fiscal_year} {r.old:.10g} -> {r.new:.10g}"
                          + ("" if r.change == "value" else f" ({r.change})")
                          for r in g.head(3).itertuples())
        more = f"; ... {len(g) - 3} more" if len(g) > 3 else ""
        lines.append(f"{scenario} / {measure}: {len(g)} year(s){largest}: {shown}{more}")
    if len(lines) > max_rows:
        lines = lines[:max_rows] + [f"... and {len(lines) - max_rows} more scenario/measure pairs"]
    return "\n".join(lines)


def assert_tidy_equal(left: pd.DataFrame, right: pd.DataFrame, *, rtol: float = 1e-9,
                      atol: float = 0.0, what: str = "tidy frames") -> None:
    """Assert two tidy projections are equal: same rows (keys) and values to ``rtol``.

    ``left`` is the expected frame (e.g. a golden file), ``right`` the computed one. The
    failure message lists the differences (``old -> new``) and how to regenerate the expected
    outputs if the change is intended.
    """
    diff = diff_tidy(left, right, rtol=rtol, atol=atol)
    if diff.empty:
        return
    raise AssertionError(
        f"{what}: {len(diff)} row(s) differ (expected -> computed, rtol={rtol:g}):\n"
        f"{summarise_diff(diff)}\n"
        f"If this change is intended (new data or a reviewed method change), run `{REGENERATE}`, "
        "review the differences it prints and commit the new tests/golden/*.csv with the reason; "
        "otherwise a number changed silently and this is a bug.")


def golden_projection(name: str) -> pd.DataFrame:
    """The golden output of one built-in: ``spendcalc.project(name)`` under the default
    assumptions (every measure, every year), sorted, without attrs."""
    from spendcalc.api import project

    tidy = project(name)
    return tidy[[*KEYS, "value"]].sort_values(["measure", "fiscal_year"], ignore_index=True)


def golden_path(name: str, directory: Path | None = None) -> Path:
    return (directory or GOLDEN_DIR) / f"{name}.csv"


def read_golden(name: str, directory: Path | None = None) -> pd.DataFrame:
    """A stored golden output (values as written, with 17 significant digits)."""
    df = pd.read_csv(golden_path(name, directory), keep_default_na=False, na_values=[""],
                     dtype={k: str for k in KEYS if k != "fiscal_year"})
    df["fiscal_year"] = df["fiscal_year"].astype(int)
    return df


def write_golden(name: str, tidy: pd.DataFrame, directory: Path | None = None) -> Path:
    path = golden_path(name, directory)
    path.parent.mkdir(parents=True, exist_ok=True)
    tidy.to_csv(path, index=False, float_format="%.17g", lineterminator="\n")
    return path
