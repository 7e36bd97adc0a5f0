"""I/O edge: read the bundled, sourced tables into canonical frames and the model's History.

Every table in ``data/`` has one row per figure with its source (title, address, quote) and a
``.meta.yaml`` sidecar. ``read_table`` returns ``(df, meta)``; ``load_history`` turns the default
rows into the plain-float inputs of the model (yen, fractions), converting units with pint here,
once. Nothing here is computed from memory: where a figure is missing it stays missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from spendcalc.assumptions import Scenario, Source
from spendcalc.errors import SpendcalcError
from spendcalc.scenarios import MAX_BYTES, load_yaml, scenario_from_yaml
from spendcalc.units import registry

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TABLES = ("defense_budget", "framework", "gdp", "fx")


@dataclass(frozen=True)
class GdpPreset:
    """A named, dated nominal-GDP projection, applied as growth rates.

    ``growth`` maps fiscal year -> nominal growth [fraction]; after its last year, growth stays at
    ``extend_rate`` (an assumption, stated in ``extend_note``).
    """

    name: str
    title: str
    published: str
    vintage: str
    growth: Mapping[int, float]
    extend_rate: float
    extend_note: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, eq=False)
class History:
    """Model inputs read from the bundled data (plain floats: yen, fractions).

    spending : columns ``scope, basis, fiscal_year, spending_jpy, status, source`` (status is
        ``actual`` for enacted budgets, ``plan`` for a government draft budget).
    gdp : columns ``vintage, fiscal_year, nominal_gdp_jpy`` (actual ESRI vintages only).
    presets : GDP projection presets by name.
    fx_annual : calendar year -> JPY per USD annual average (Federal Reserve G.5A; default rows).
    """

    spending: pd.DataFrame
    gdp: pd.DataFrame
    presets: Mapping[str, GdpPreset] = field(default_factory=dict)
    fx_annual: Mapping[int, float] = field(default_factory=dict)

    def anchor(self, scope: str, basis: str) -> tuple[int, float]:
        """Last bundled (fiscal_year, spending_jpy) for a scope and basis."""
        s = self.spending
        sel = s[(s["scope"] == scope) & (s["basis"] == basis)]
        if sel.empty:
            raise SpendcalcError("scope", f"{scope}/{basis}", "a scope and basis with bundled figures")
        last = sel.loc[sel["fiscal_year"].idxmax()]
        return int(last["fiscal_year"]), float(last["spending_jpy"])

    def last_actual_year(self, scope: str, basis: str) -> int:
        """Last fiscal year with an enacted (status ``actual``) figure."""
        s = self.spending
        sel = s[(s["scope"] == scope) & (s["basis"] == basis) & (s["status"] == "actual")]
        return int(sel["fiscal_year"].max())


def _fy(text: str) -> int | None:
    text = str(text).strip()
    if text.startswith("FY") and text[2:].isdigit():
        return int(text[2:])
    return int(text) if text.isdigit() else None


@lru_cache(maxsize=8)
def _read_table_cached(name: str, data_dir: str) -> tuple[pd.DataFrame, str]:
    base = Path(data_dir)
    df = pd.read_csv(base / f"{name}.csv", dtype=str, keep_default_na=False)
    meta_text = (base / f"{name}.meta.yaml").read_text(encoding="utf-8")
    return df, meta_text


def read_table(name: str, data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Read one bundled table and its provenance sidecar.

    Returns
    -------
    df : DataFrame
        One row per figure: ``series, fiscal_year, value, unit, ..., source_title, source_url,
        quote, confidence``; ``value`` as float, ``fiscal_year`` as the source wrote it, plus
        ``fy`` (int fiscal or calendar year, or <NA> for ranges), ``is_default`` (bool).
    meta : dict
        The ``.meta.yaml`` sidecar (title, publisher, definition, units, sha256, ...).
    """
    if name not in TABLES:
        raise SpendcalcError("table", name, "one of " + ", ".join(TABLES))
    raw, meta_text = _read_table_cached(name, str(data_dir or DATA_DIR))
    df = raw.copy()
    df["value"] = df["value"].astype(float)
    df["fy"] = pd.array([_fy(v) for v in df["fiscal_year"]], dtype="Int64")
    df["is_default"] = df["is_default"].eq("true")
    return df, load_yaml(meta_text, where=f"{name}.meta.yaml", max_bytes=None)


def _to(values: pd.Series, units: pd.Series, target: str) -> np.ndarray:
    """Convert each value from its row's unit ('trillion JPY', 'percent', ...) with pint."""
    out = np.empty(len(values))
    Q_ = registry().Quantity
    for i, (v, u) in enumerate(zip(values, units, strict=True)):
        unit = (u.replace("trillion JPY", "trillion_JPY").replace("billion JPY", "billion_JPY")
                 .replace("percent of GDP", "percent").replace("JPY per USD", "JPY/USD"))
        out[i] = Q_(float(v), unit).to(target).magnitude
    return out


def _source(row: pd.Series) -> str:
    return f"{row['source_title']} <{row['source_url']}>"


def read_budget_history(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Spending actuals by scope and basis, in yen.

    Returns ``(df, meta)`` with columns ``scope, basis, fiscal_year, spending_jpy, status,
    source``. ``basis='with-supplementary'`` adds every known supplementary round to the initial
    budget and exists only for fiscal years whose supplementary budget is bundled.
    """
    df, meta = read_table("defense_budget", data_dir)
    d = df[df["is_default"]].copy()
    d["jpy"] = _to(d["value"], d["unit"], "JPY")
    rows = []

    def add(scope: str, basis: str, sel: pd.DataFrame) -> None:
        for _, r in sel.iterrows():
            status = "plan" if "draft" in r["definition"].lower() else "actual"
            rows.append((scope, basis, int(r["fy"]), float(r["jpy"]), status, _source(r)))

    add("mod-budget", "initial", d[d["series"] == "mod_budget_initial"])
    add("security-related", "initial", d[d["series"] == "security_related_initial"])
    add("security-related", "with-supplementary", d[d["series"] == "security_related_with_supplementary"])
    init = d[d["series"] == "mod_budget_initial"].set_index("fy")
    supp = d[d["series"] == "mod_supplementary"]
    for fy, grp in supp.groupby("fy"):
        if fy in init.index:
            r = init.loc[fy]
            total = float(r["jpy"]) + float(grp["jpy"].sum())
            src = _source(r) + " + supplementary: " + "; ".join(_source(x) for _, x in grp.iterrows())
            rows.append(("mod-budget", "with-supplementary", int(fy), total, "actual", src))
    out = pd.DataFrame(rows, columns=["scope", "basis", "fiscal_year", "spending_jpy", "status", "source"])
    return out.sort_values(["scope", "basis", "fiscal_year"], ignore_index=True), meta


def read_gdp_history(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Actual nominal GDP by fiscal year for each ESRI vintage, in yen.

    Returns ``(df, meta)`` with columns ``vintage, fiscal_year, nominal_gdp_jpy, source``.
    """
    df, meta = read_table("gdp", data_dir)
    d = df[(df["series"] == "nominal_gdp") & (df["kind"] == "actual") & df["vintage"].str.startswith("esri")]
    out = pd.DataFrame({
        "vintage": d["vintage"].to_numpy(),
        "fiscal_year": d["fy"].astype(int).to_numpy(),
        "nominal_gdp_jpy": _to(d["value"], d["unit"], "JPY"),
        "source": [_source(r) for _, r in d.iterrows()],
    })
    return out.sort_values(["vintage", "fiscal_year"], ignore_index=True), meta


PRESET_INFO = {
    "cao-2026jan-past-projection": (
        "Cabinet Office medium-term projection, Jan 2026, past-projection (baseline) case",
        "2026-01-22", "esri-2026q2"),
    "cao-2026jan-growth-transition": (
        "Cabinet Office medium-term projection, Jan 2026, growth-transition case",
        "2026-01-22", "esri-2026q2"),
    "cao-2026jan-high-growth": (
        "Cabinet Office medium-term projection, Jan 2026, high-growth case",
        "2026-01-22", "esri-2026q2"),
    "cao-2025jan-past-projection": (
        "Cabinet Office medium-term projection, Jan 2025, past-projection case (old GDP level)",
        "2025-01-17", "esri-2025q1"),
}


def read_gdp_presets(data_dir: Path | None = None) -> dict[str, GdpPreset]:
    """Named GDP projection presets: year-by-year nominal growth from the Cabinet Office tables.

    After a preset's last year, growth stays at the case's stated long-run rate where the source
    gives one (past-projection 'around 1%', growth-transition 'around 3%'), otherwise at its
    last tabulated rate. That extension is an assumption and is labelled as one.
    """
    df, _meta = read_table("gdp", data_dir)
    presets = {}
    for name, (title, published, vintage) in PRESET_INFO.items():
        g = df[(df["vintage"] == name) & (df["series"] == "nominal_gdp_growth") & df["fy"].notna()]
        growth = {int(fy): round(float(v) / 100, 12) for fy, v in zip(g["fy"], g["value"], strict=True)}
        lr = df[(df["vintage"] == name) & (df["series"] == "nominal_gdp_growth_longrun")]
        last = max(growth)
        if len(lr):
            rate = round(float(lr["value"].iloc[0]) / 100, 12)
            note = (f"after FY{last}: {rate:.1%}/yr, the case's stated medium/long-run nominal growth "
                    "— an assumption beyond the table")
        else:
            rate = growth[last]
            note = f"after FY{last}: {rate:.1%}/yr, the last tabulated rate held constant — an assumption"
        sources = tuple(dict.fromkeys(Source(r["source_title"], r["source_url"]) for _, r in g.iterrows()))
        presets[name] = GdpPreset(name, title, published, vintage, MappingProxyType(growth), rate, note, sources)
    return presets


@lru_cache(maxsize=4)
def _history_cached(data_dir: str) -> History:
    path = Path(data_dir)
    spending, _ = read_budget_history(path)
    gdp, _ = read_gdp_history(path)
    fx, _ = read_fx(path)
    annual = fx[(fx["series"] == "jpy_per_usd_annual_avg") & fx["is_default"]]
    fx_annual = MappingProxyType(dict(zip(annual["fy"].astype(int), annual["value"], strict=True)))
    return History(spending=spending, gdp=gdp, presets=MappingProxyType(read_gdp_presets(path)),
                   fx_annual=fx_annual)


def load_history(data_dir: Path | None = None) -> History:
    """The model's inputs from the bundled data (cached; treat as read-only)."""
    return _history_cached(str(data_dir or DATA_DIR))


def read_fx(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Yen per dollar rows (calendar-year averages and fiscal-year outlook assumptions)."""
    return read_table("fx", data_dir)


def read_framework(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """The 2% framework rows: target, reference GDP, composition, DBP, reported ratios."""
    return read_table("framework", data_dir)


def history_table(data_dir: Path | None = None) -> pd.DataFrame:
    """All bundled figures as one long table: ``series, fiscal_year, value, unit, source, ...``."""
    frames = []
    for name in TABLES:
        df, _ = read_table(name, data_dir)
        df = df.assign(table=name)
        df["source"] = df["source_title"] + " <" + df["source_url"] + ">"
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    cols = ["series", "fiscal_year", "value", "unit", "source", "table", "is_default", "vintage",
            "stage", "scope", "confidence", "definition", "quote"]
    return out[cols]


# ----------------------------------------------------------------------------------------------
# Scenario files
# ----------------------------------------------------------------------------------------------
SCENARIO_DIR = DATA_DIR / "scenarios"
BUILTIN_ORDER = ("original-fy2027", "accelerated-fy2025", "us-ask-3.5pct", "hold-flat")


def read_scenario_file(path: str | Path) -> Scenario:
    """Read one scenario YAML file (safe loading; size-limited; every field validated)."""
    p = Path(path)
    if not p.is_file():
        raise SpendcalcError("scenario file", str(path), "an existing YAML file")
    with p.open("rb") as fh:
        raw = fh.read(MAX_BYTES + 1)
    return scenario_from_yaml(raw, where=f"scenario file {p.name}")


@lru_cache(maxsize=1)
def _builtins() -> tuple[Scenario, ...]:
    return tuple(read_scenario_file(SCENARIO_DIR / f"{name}.yaml") for name in BUILTIN_ORDER)


def builtin_scenarios() -> list[Scenario]:
    """The built-in scenarios, in their fixed order."""
    return list(_builtins())


def get_scenario(name_or_path: str | Path | Scenario) -> Scenario:
    """A built-in scenario by name, or a scenario file by path."""
    if isinstance(name_or_path, Scenario):
        return name_or_path
    text = str(name_or_path)
    for sc in _builtins():
        if sc.name == text:
            return sc
    if text.endswith((".yaml", ".yml")) or "/" in text:
        return read_scenario_file(text)
    raise SpendcalcError("scenario", text, "one of " + ", ".join(BUILTIN_ORDER) + ", or a .yaml file")
