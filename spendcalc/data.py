"""I/O edge: read the bundled, sourced tables into canonical frames and the model's History.

Every table in ``data/`` has one row per figure with its source (title, address, quote) and a
``.meta.yaml`` sidecar. ``read_table`` returns ``(df, meta)``; ``load_history`` turns the default
rows into the plain-float inputs of the model (yen, fractions), converting units here, once
(:func:`spendcalc.units.to_unit`: a plain factor for the units the bundled tables use, checked
against pint; pint for any other). It reads the rows only: a sidecar is parsed (with the strict
YAML loader) when its metadata is asked for. Nothing here is computed from memory: where a
figure is missing it stays missing.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from spendcalc.assumptions import Assumptions, Scenario, Source
from spendcalc.errors import SpendcalcError
from spendcalc.history import (  # noqa: F401  (re-exported: spendcalc.data.History etc. keep working)
    FrozenFrame,
    GdpPreset,
    GdpSeries,
    History,
    SpendingSeries,
    frozen_copy,
)
from spendcalc.scenarios import MAX_BYTES, load_yaml, scenario_from_yaml
from spendcalc.units import to_unit

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TABLES = ("defense_budget", "framework", "gdp", "fx", "population")
#: statuses of bundled spending: enacted, government draft, derived from published figures
STATUSES = ("actual", "plan", "estimate")


def _fy(text: str) -> int | None:
    text = str(text).strip()
    if text.startswith("FY") and text[2:].isdigit():
        return int(text[2:])
    return int(text) if text.isdigit() else None


@lru_cache(maxsize=16)
def _read_table_cached(name: str, data_dir: str) -> tuple[pd.DataFrame, str]:
    """The table with its typed columns, and its sidecar as text: read once, never handed out."""
    base = Path(data_dir)
    df = pd.read_csv(base / f"{name}.csv", dtype=str, keep_default_na=False)
    meta_text = (base / f"{name}.meta.yaml").read_text(encoding="utf-8")
    df["value"] = df["value"].astype(float)
    df["fy"] = pd.array([_fy(v) for v in df["fiscal_year"]], dtype="Int64")
    df["is_default"] = df["is_default"].eq("true")
    return df, meta_text


def _rows(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """One bundled table as :func:`read_table` returns it (a fresh copy), without parsing its
    sidecar: the model's inputs need the rows only, and the strict YAML loader is pure Python."""
    if name not in TABLES:
        raise SpendcalcError("table", name, "one of " + ", ".join(TABLES))
    return _read_table_cached(name, str(data_dir or DATA_DIR))[0].copy()


@lru_cache(maxsize=16)
def _records_cached(name: str, data_dir: str) -> tuple[Mapping[str, object], ...]:
    base = Path(data_dir)
    (base / f"{name}.meta.yaml").read_text(encoding="utf-8")  # a table without its sidecar is an error
    with open(base / f"{name}.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r.update(value=float(r["value"]), fy=_fy(r["fiscal_year"]), is_default=r["is_default"] == "true")
    return tuple(MappingProxyType(r) for r in rows)


def _records(name: str, data_dir: Path | None = None) -> tuple[Mapping[str, object], ...]:
    """The rows of :func:`_rows` as read-only mappings, read with the ``csv`` module (``fy`` None
    where the frame has <NA>): the History's inputs are picked from these in plain Python, which
    for tables of a few hundred rows is many times faster than pandas' reader and a pandas
    selection per series (tests/test_data_records.py checks they equal the frame's rows)."""
    if name not in TABLES:
        raise SpendcalcError("table", name, "one of " + ", ".join(TABLES))
    return _records_cached(name, str(data_dir or DATA_DIR))


def _sidecar(name: str, data_dir: Path | None = None) -> dict:
    """The ``.meta.yaml`` sidecar of one table, parsed with the strict loader (a fresh dict)."""
    _, meta_text = _read_table_cached(name, str(data_dir or DATA_DIR))
    return load_yaml(meta_text, where=f"{name}.meta.yaml", max_bytes=None)


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
    df = _rows(name, data_dir)
    return df, _sidecar(name, data_dir)


def tables_meta(data_dir: Path | None = None) -> dict[str, dict]:
    """The provenance sidecar of every bundled table (:data:`TABLES`): what a download cites."""
    return {name: _sidecar(name, data_dir) for name in TABLES}


def software_version() -> str:
    """The installed spendcalc version, or ``'unknown'`` in a checkout that is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spendcalc")
    except PackageNotFoundError:
        return "unknown"


def _to(values: Sequence[float], units: Sequence[str], target: str) -> np.ndarray:
    """Convert each value from its row's unit ('trillion JPY', 'percent', ...) to ``target``
    (:func:`spendcalc.units.to_unit`: a plain factor for the bundled units, pint for others)."""
    out = np.empty(len(values))
    for i, (v, u) in enumerate(zip(values, units, strict=True)):
        out[i] = to_unit(float(v), u, target)
    return out


def _source(row: pd.Series) -> str:
    return f"{row['source_title']} <{row['source_url']}>"


_BUDGET_COLUMNS = ["scope", "basis", "fiscal_year", "spending_jpy", "status", "source"]


def _budget_rows_without_nato(data_dir: Path | None = None) -> list[tuple[str, str, int, float, str, str]]:
    """Spending actuals by scope and basis, in yen, without the NATO-style scopes (rows of
    :func:`read_budget_history`, in the order they are derived: unsorted). ``basis=
    'with-supplementary'`` adds every known supplementary round to the initial budget and exists
    only for fiscal years whose supplementary budget is bundled.
    """
    d = [r for r in _records("defense_budget", data_dir) if r["is_default"]]
    jpy = _to([r["value"] for r in d], [r["unit"] for r in d], "JPY")
    series: dict[str, list[tuple[Mapping, float]]] = {}
    for r, j in zip(d, jpy.tolist(), strict=True):
        series.setdefault(r["series"], []).append((r, j))
    rows = []

    def add(scope: str, basis: str, name: str) -> None:
        for r, j in series.get(name, []):
            status = r["kind"] if r["kind"] in STATUSES else (
                "plan" if "draft" in r["definition"].lower() else "actual")
            rows.append((scope, basis, int(r["fy"]), j, status, _source(r)))

    add("mod-budget", "initial", "mod_budget_initial")
    add("security-related", "initial", "security_related_initial")
    add("security-related", "with-supplementary", "security_related_with_supplementary")
    add("mod-budget", "with-supplementary", "mod_budget_with_supplementary")
    init = {r["fy"]: (r, j) for r, j in series.get("mod_budget_initial", [])}
    stated = {r["fy"] for r, _ in series.get("mod_budget_with_supplementary", [])}
    supp: dict[int, list[tuple[Mapping, float]]] = {}
    for r, j in series.get("mod_supplementary", []):
        if r["fy"] is not None:
            supp.setdefault(r["fy"], []).append((r, j))
    for fy in sorted(supp):
        if fy in init and fy not in stated:
            r, j = init[fy]
            total = j + float(np.array([x for _, x in supp[fy]]).sum())
            src = _source(r) + " + supplementary: " + "; ".join(_source(x) for x, _ in supp[fy])
            rows.append(("mod-budget", "with-supplementary", int(fy), total, "actual", src))
    return rows


def read_gdp_history(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Actual nominal GDP by fiscal year for each ESRI vintage, in yen.

    Returns ``(df, meta)`` with columns ``vintage, fiscal_year, nominal_gdp_jpy, source``.
    """
    return _gdp_history_rows(data_dir), _sidecar("gdp", data_dir)


def _gdp_history_rows(data_dir: Path | None = None) -> pd.DataFrame:
    """The rows of :func:`read_gdp_history`."""
    d = [r for r in _records("gdp", data_dir) if r["series"] == "nominal_gdp"
         and ((r["kind"] == "actual" and r["vintage"].startswith("esri"))
              or (r["vintage"] in OUTLOOK_VINTAGES and r["is_default"]))]
    out = pd.DataFrame({
        "vintage": np.array([r["vintage"] for r in d], dtype=object),
        "fiscal_year": np.array([int(r["fy"]) for r in d], dtype=np.int64),
        "nominal_gdp_jpy": _to([r["value"] for r in d], [r["unit"] for r in d], "JPY"),
        "source": [_source(r) for r in d],
    })
    return out.sort_values(["vintage", "fiscal_year"], ignore_index=True)


def _freeze(obj: object) -> object:
    """Nested dicts/lists -> read-only mappings/tuples."""
    if isinstance(obj, dict):
        return MappingProxyType({k: _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list):
        return tuple(_freeze(v) for v in obj)
    return obj


@lru_cache(maxsize=4)
def _defaults_cached(data_dir: str) -> Mapping:
    text = (Path(data_dir) / "defaults.yaml").read_text(encoding="utf-8")
    raw = load_yaml(text, where="defaults.yaml", max_bytes=None)
    if not isinstance(raw, dict) or not {"assumptions", "constants", "presets"} <= set(raw):
        raise SpendcalcError("defaults.yaml", "(file)", "sections assumptions, constants and presets")
    for section in ("assumptions", "constants"):
        for name, entry in raw[section].items():
            if not (isinstance(entry, dict) and {"value", "unit", "reasoning", "source"} <= set(entry)):
                raise SpendcalcError(f"defaults.yaml {section}.{name}", entry,
                                     "an entry with value, unit, reasoning and source")
    return _freeze(raw)


def defaults(data_dir: Path | None = None) -> Mapping:
    """``data/defaults.yaml``: defaults and vintage-specific constants (cached, read-only).

    Sections ``assumptions`` and ``constants`` map a name to ``{value, unit, reasoning, source}``;
    ``presets`` maps a GDP preset name to ``{title, published, vintage}``.
    """
    return _defaults_cached(str(data_dir or DATA_DIR))


def default_value(name: str, data_dir: Path | None = None) -> object:
    """The value of one default (``assumptions`` section first, then ``constants``)."""
    d = defaults(data_dir)
    entry = d["assumptions"].get(name) or d["constants"].get(name)
    if entry is None:
        raise SpendcalcError("default", name, "a name in data/defaults.yaml")
    return entry["value"]


def default_assumptions(data_dir: Path | None = None) -> Assumptions:
    """The default Assumptions, built from ``data/defaults.yaml`` (see data/UPDATING.md)."""
    return _default_assumptions_cached(str(data_dir or DATA_DIR))


@lru_cache(maxsize=4)
def _default_assumptions_cached(data_dir: str) -> Assumptions:
    a = {k: v["value"] for k, v in defaults(Path(data_dir))["assumptions"].items()}
    ref = a.pop("reference_gdp")
    unit = defaults(Path(data_dir))["assumptions"]["reference_gdp"]["unit"]
    ref_jpy = float(round(to_unit(float(ref), unit, "JPY")))
    return Assumptions(reference_gdp_jpy=ref_jpy, **a)


class _PresetInfo(Mapping):
    """``PRESET_INFO[name] -> (title, published, vintage)``, read from ``data/defaults.yaml``."""

    def _table(self) -> Mapping:
        return defaults()["presets"]

    def __getitem__(self, name: str) -> tuple[str, str, str]:
        p = self._table()[name]
        return (p["title"], str(p["published"]), p["vintage"])

    def __iter__(self):  # noqa: ANN204
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


PRESET_INFO = _PresetInfo()


def read_gdp_presets(data_dir: Path | None = None) -> dict[str, GdpPreset]:
    """Named GDP projection presets: year-by-year nominal growth from the Cabinet Office tables.

    After a preset's last year, growth stays at the case's stated long-run rate where the source
    gives one (past-projection 'around 1%', growth-transition 'around 3%'), otherwise at its
    last tabulated rate. That extension is an assumption and is labelled as one.
    """
    rows = _records("gdp", data_dir)
    presets = {}
    for name, info in defaults(data_dir)["presets"].items():
        title, published, vintage = info["title"], str(info["published"]), info["vintage"]
        g = [r for r in rows if r["vintage"] == name and r["series"] == "nominal_gdp_growth"
             and r["fy"] is not None]
        growth = {int(r["fy"]): round(float(r["value"]) / 100, 12) for r in g}
        lr = [r for r in rows if r["vintage"] == name and r["series"] == "nominal_gdp_growth_longrun"]
        last = max(growth)
        if len(lr):
            rate = round(float(lr[0]["value"]) / 100, 12)
            note = (f"after FY{last}: {rate:.1%}/yr, the case's stated medium/long-run nominal growth "
                    "— an assumption beyond the table")
        else:
            rate = growth[last]
            note = f"after FY{last}: {rate:.1%}/yr, the last tabulated rate held constant — an assumption"
        sources = tuple(dict.fromkeys(Source(r["source_title"], r["source_url"]) for r in g))
        presets[name] = GdpPreset(name, title, published, vintage, MappingProxyType(growth), rate, note, sources)
    return presets


@lru_cache(maxsize=4)
def _history_cached(data_dir: str) -> History:
    path = Path(data_dir)
    spending = _budget_rows(path)
    gdp = _gdp_history_rows(path)
    fx = [r for r in _records("fx", path) if r["is_default"]]
    fx_annual = MappingProxyType({int(r["fy"]): r["value"] for r in fx if r["series"] == "jpy_per_usd_annual_avg"})
    fx_fiscal = MappingProxyType({int(r["fy"]): r["value"] for r in fx if r["series"] == "jpy_per_usd_fy_avg"})
    pop = _population_rows(path)
    return History(spending=spending, gdp=gdp, presets=MappingProxyType(read_gdp_presets(path)),
                   fx_annual=fx_annual, deflator=read_deflators(path), fx_fiscal=fx_fiscal,
                   constants=MappingProxyType({k: v["value"] for k, v in defaults(path)["constants"].items()}),
                   population=dict(zip(pop["year"], pop["population"], strict=True)),
                   population_kind=dict(zip(pop["year"], pop["kind"], strict=True)))


def read_deflators(data_dir: Path | None = None) -> Mapping[str, Mapping[int, float]]:
    """Implicit GDP deflator by ESRI vintage and fiscal year: nominal / real GDP of one vintage.

    Both levels are bundled rows of ``data/gdp.csv`` (series ``nominal_gdp`` and ``real_gdp``,
    kind ``actual``); the ratio is ESRI's own definition of the deflator (its published index
    is the same ratio x 100). Vintages are never mixed; a year missing either level is absent.
    """
    by_vintage: dict[str, list[Mapping]] = {}
    for row in _records("gdp", data_dir):
        if row["kind"] == "actual" and row["is_default"] and row["fy"] is not None:
            by_vintage.setdefault(row["vintage"], []).append(row)
    out = {}
    for vintage in sorted(by_vintage):
        nom = [x for x in by_vintage[vintage] if x["series"] == "nominal_gdp"]
        real = [x for x in by_vintage[vintage] if x["series"] == "real_gdp"]
        if not real:
            continue
        n = {int(x["fy"]): float(x["value"]) for x in nom}
        r = {int(x["fy"]): float(x["value"]) for x in real}
        if {x["unit"] for x in nom} != {"trillion JPY"} or not all(x["unit"].startswith("trillion JPY") for x in real):
            raise SpendcalcError("gdp.csv units", sorted({x["unit"] for x in nom} | {x["unit"] for x in real}),
                                 "nominal and real GDP in trillion JPY")
        out[str(vintage)] = MappingProxyType({y: n[y] / r[y] for y in sorted(n) if y in r})
    return MappingProxyType(out)


def load_history(data_dir: Path | None = None) -> History:
    """The model's inputs from the bundled data.

    Cached: every call returns the same :class:`History`, which is immutable (its tables come back
    as fresh copies, its lookups are read-only), so what one caller does with it cannot change
    another caller's numbers.
    """
    return _history_cached(str(data_dir or DATA_DIR))


def read_fx(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Yen per dollar rows (calendar-year averages and fiscal-year outlook assumptions)."""
    return read_table("fx", data_dir)


def history_table(data_dir: Path | None = None) -> pd.DataFrame:
    """All bundled figures as one long table: ``series, fiscal_year, value, unit, source, ...``."""
    frames = []
    for name in TABLES:
        df = _rows(name, data_dir).assign(table=name)
        df["source"] = df["source_title"] + " <" + df["source_url"] + ">"
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    cols = ["series", "fiscal_year", "value", "unit", "source", "table", "is_default", "vintage",
            "stage", "scope", "confidence", "definition", "quote"]
    return out[cols]


# ----------------------------------------------------------------------------------------------
# Claims of the articles and the reference figures they are checked against
# ----------------------------------------------------------------------------------------------
def _load_yaml(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return load_yaml(fh.read(), where=path, max_bytes=None)


@lru_cache(maxsize=4)
def _claims_file(path: str) -> Mapping:
    """The claims file, read once and frozen (read-only mappings, tuples): shared, never handed out."""
    return frozen_copy(_load_yaml(path))


def _thawed(value: object) -> object:
    """A fresh, plain copy (dicts and lists) of a frozen value, for the caller to own."""
    if isinstance(value, Mapping):
        return {k: _thawed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thawed(v) for v in value]
    return value


def read_claims(path: str | Path | None = None) -> pd.DataFrame:
    """Read the articles' claims.

    Parameters
    ----------
    path : str or Path, optional
        Claims YAML file (default ``data/claims.yaml``); fields ``spendcalc.claims.CLAIM_FIELDS``.

    Returns
    -------
    DataFrame
        One row per claim with the fields of ``claims.meta.yaml``: ``claim_id, article, quote,
        claim, kind, value, unit, qualifier, fiscal_year, event_date, maps_to, reference,
        reference_check, reference_note, cross_article, cross_article_note``. ``value`` is a
        fraction, count, or ISO date string in ``unit``; ``reference`` is always a list of row
        mappings (empty when none); ``fiscal_year`` is nullable Int64.

        The file is read once per process and kept frozen; each call returns a fresh frame whose
        cells (the ``maps_to`` and ``reference`` dicts and lists too) belong to the caller, so
        editing it changes no other caller's claims or verdicts.
    """
    from spendcalc.claims import CLAIM_FIELDS as claim_fields  # the audit module, on first use

    data = _claims_file(str(path or DATA_DIR / "claims.yaml"))
    rows = []
    for c in data["claims"]:
        row = {k: _thawed(c.get(k)) for k in claim_fields}
        ref = row["reference"]
        row["reference"] = [] if ref is None else (list(ref) if isinstance(ref, list) else [ref])
        if row["value"] is not None and not isinstance(row["value"], int | float):
            row["value"] = str(row["value"])
        if row["event_date"] is not None:
            row["event_date"] = str(row["event_date"])
        rows.append(row)
    df = pd.DataFrame(rows, columns=claim_fields, dtype=object)
    df["fiscal_year"] = pd.array(df["fiscal_year"], dtype="Int64")
    return df


def read_articles_index(path: str | Path | None = None) -> pd.DataFrame:
    """The five articles: ``file, headline, outlet, date, date_reasoning`` (date as ISO text)."""
    data = _claims_file(str(path or DATA_DIR / "claims.yaml"))
    df = pd.DataFrame(_thawed(data["articles"]), columns=["file", "headline", "outlet", "date", "date_reasoning"])
    df["date"] = df["date"].astype(str)
    return df


@lru_cache(maxsize=2)
def _reference_rows_cached(path: str) -> tuple[Mapping[str, str], ...]:
    """The reference rows, read once; read-only mappings (callers copy what they hand out)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(MappingProxyType(row) for row in csv.DictReader(fh))


def read_reference_rows(path: str | Path | None = None) -> pd.DataFrame:
    """The bundled reference figures (``data/raw/japan_defense_figures.csv``), all columns as text."""
    rows = _reference_rows_cached(str(path or DATA_DIR / "raw" / "japan_defense_figures.csv"))
    return pd.DataFrame([dict(r) for r in rows])


# ----------------------------------------------------------------------------------------------
# Scenario files
# ----------------------------------------------------------------------------------------------
SCENARIO_DIR = DATA_DIR / "scenarios"
BUILTIN_ORDER = ("original-fy2027", "accelerated-fy2025", "us-ask-3.5pct", "hold-flat", "nato-hague-fy2035")


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
    return tuple(_builtin(name) for name in BUILTIN_ORDER)


@lru_cache(maxsize=len(BUILTIN_ORDER))
def _builtin(name: str) -> Scenario:
    """One built-in scenario, read from ``data/scenarios/<name>.yaml`` once per process."""
    return read_scenario_file(SCENARIO_DIR / f"{name}.yaml")


def builtin_scenarios() -> list[Scenario]:
    """The built-in scenarios, in their fixed order."""
    return list(_builtins())


def get_scenario(name_or_path: str | Path | Scenario) -> Scenario:
    """A built-in scenario by name, or a scenario file by path."""
    if isinstance(name_or_path, Scenario):
        return name_or_path
    text = str(name_or_path)
    if text in BUILTIN_ORDER:  # one built-in: read its own file only (each is checked when read)
        sc = _builtin(text)
        if sc.name == text:
            return sc
    for sc in _builtins():
        if sc.name == text:
            return sc
    if text.endswith((".yaml", ".yml")) or "/" in text:
        return read_scenario_file(text)
    raise SpendcalcError("scenario", text, "one of " + ", ".join(BUILTIN_ORDER) + ", or a .yaml file")


# ----------------------------------------------------------------------------------------------
# Bridge data: population, calendar-year GDP, the government's GDP outlook at budget time
# ----------------------------------------------------------------------------------------------
#: GDP vintages that are government outlooks (not ESRI actuals) but selectable as a denominator
OUTLOOK_VINTAGES = ("gov-outlook-at-the-time",)


def read_population(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Total population on 1 October by calendar year (default rows), in persons.

    Returns ``(df, meta)`` with columns ``year, population, kind, source`` (``kind``: actual,
    estimate = derived by one addition, projection = IPSS 2023 medium variant).
    """
    return _population_rows(data_dir), _sidecar("population", data_dir)


def _population_rows(data_dir: Path | None = None) -> pd.DataFrame:
    """The rows of :func:`read_population`."""
    d = [r for r in _records("population", data_dir) if r["series"] == "population_total" and r["is_default"]]
    if {r["unit"].replace("million persons", "1e6") for r in d} != {"1e6"}:
        raise SpendcalcError("population.csv units", sorted({r["unit"] for r in d}), "million persons")
    out = pd.DataFrame({
        "year": np.array([int(r["fy"]) for r in d], dtype=np.int64),
        "population": np.array([r["value"] for r in d], dtype=float) * 1e6,
        "kind": np.array([r["kind"] for r in d], dtype=object),
        "source": [_source(r) for r in d],
    })
    return out.sort_values("year", ignore_index=True)


def read_calendar_gdp(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Calendar-year nominal GDP (series ``nominal_gdp_cy``) by vintage, in yen.

    Returns ``(df, meta)`` with columns ``vintage, calendar_year, nominal_gdp_jpy, kind,
    definition, source_title, source_url``.
    """
    df, meta = read_table("gdp", data_dir)
    d = df[(df["series"] == "nominal_gdp_cy") & df["is_default"]]
    out = pd.DataFrame({
        "vintage": d["vintage"].to_numpy(),
        "calendar_year": d["fy"].astype(int).to_numpy(),
        "nominal_gdp_jpy": _to(d["value"], d["unit"], "JPY"),
        "kind": d["kind"].to_numpy(),
        "definition": d["definition"].to_numpy(),
        "source_title": d["source_title"].to_numpy(),
        "source_url": d["source_url"].to_numpy(),
    })
    return out.sort_values(["vintage", "calendar_year"], ignore_index=True), meta


def bridge_figures(data_dir: Path | None = None) -> pd.DataFrame:
    """The default yen rows of ``defense_budget`` and ``framework`` for the scope waterfall.

    Columns ``table, series, fiscal_year (int), value_jpy, status, definition, source_title,
    source_url``; ``status`` is the row's ``kind`` where it is one (actual / plan / estimate),
    ``plan`` for the framework's FY2027 composition and for draft budgets, else ``actual``.
    """
    frames = []
    for table in ("defense_budget", "framework"):
        df = _rows(table, data_dir)
        d = df[df["is_default"] & df["unit"].str.endswith("JPY") & df["fy"].notna()].copy()
        status = [k if k in STATUSES else ("plan" if table == "framework" or "draft" in str(dfn).lower()
                                           else "actual")
                  for k, dfn in zip(d["kind"], d["definition"], strict=True)]
        frames.append(pd.DataFrame({
            "table": table, "series": d["series"].to_numpy(), "fiscal_year": d["fy"].astype(int).to_numpy(),
            "value_jpy": _to(d["value"], d["unit"], "JPY"), "status": status,
            "definition": d["definition"].to_numpy(), "source_title": d["source_title"].to_numpy(),
            "source_url": d["source_url"].to_numpy(),
        }))
    return pd.concat(frames, ignore_index=True)


# ----------------------------------------------------------------------------------------------
# SIPRI comparison and calendar-year GDP (table data/sipri.csv); approximate MOD supplementaries
# ----------------------------------------------------------------------------------------------
TABLES = (*TABLES, "sipri")


def read_sipri_table(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """SIPRI's published figures for Japan and calendar-year nominal GDP (``fy`` = calendar year)."""
    return read_table("sipri", data_dir)


def _jpy(value: float, unit: str) -> float:
    """Yen from a row whose unit starts with 'trillion JPY' or 'billion JPY' (a note may follow)."""
    for word, scale in (("trillion JPY", 1e12), ("billion JPY", 1e9)):
        if unit.startswith(word):
            return float(value) * scale
    raise SpendcalcError("unit", unit, "trillion JPY or billion JPY")


def sipri_inputs(data_dir: Path | None = None) -> dict[str, object]:
    """Inputs of :func:`spendcalc.sipri.sipri_series`, read from the bundled tables.

    Returns a dict of plain mappings keyed by year: ``mod_initial`` (FY -> (yen, source)),
    ``supplementary`` (FY -> (yen, status, source); exact rounds summed, else the approximate
    figure as ``estimate``), ``gdp_fy`` (vintage -> FY -> yen), ``gdp_cy_first`` (CY -> yen),
    ``fx`` (CY -> JPY per USD), ``sipri_share``/``sipri_usd``/``sipri_jpy`` (CY -> value, source).
    """
    budget = _rows("defense_budget", data_dir)
    d = budget[budget["is_default"]]
    mod_initial = {int(r["fy"]): (_jpy(r["value"], r["unit"]), _source(r))
                   for _, r in d[d["series"] == "mod_budget_initial"].iterrows()}
    supplementary: dict[int, tuple[float, str, str]] = {}
    for fy, grp in d[d["series"] == "mod_supplementary"].groupby("fy"):
        supplementary[int(fy)] = (sum(_jpy(r["value"], r["unit"]) for _, r in grp.iterrows()), "actual",
                                  "; ".join(_source(r) for _, r in grp.iterrows()))
    s, _ = read_sipri_table(data_dir)
    s = s[s["is_default"]]
    for _, r in s[s["series"] == "mod_supplementary_approx"].iterrows():
        supplementary.setdefault(int(r["fy"]), (_jpy(r["value"], r["unit"]), "estimate",
                                                f"{_source(r)} (approximate: {r['unit']})"))
    gdp = _gdp_history_rows(data_dir)
    gdp_fy = {str(v): dict(zip(g["fiscal_year"].astype(int), g["nominal_gdp_jpy"], strict=True))
              for v, g in gdp.groupby("vintage")}

    def by_year(series: str, scale: float, vintage: str | None = None) -> dict[int, tuple[float, str]]:
        sel = s[(s["series"] == series) & ((s["vintage"] == vintage) if vintage else True)]
        return {int(r["fy"]): (float(r["value"]) * scale, _source(r)) for _, r in sel.iterrows()}

    cy, _ = read_calendar_gdp(data_dir)  # ESRI first estimates, in data/gdp.csv
    cy = cy[cy["vintage"] == default_value("calendar_gdp_vintage", data_dir)]
    fx = _rows("fx", data_dir)
    annual = fx[(fx["series"] == "jpy_per_usd_annual_avg") & fx["is_default"]]
    return {
        "mod_initial": mod_initial,
        "supplementary": supplementary,
        "gdp_fy": gdp_fy,
        "gdp_cy_first": {int(y): (float(v), f"{t} <{u}>") for y, v, t, u in zip(
            cy["calendar_year"], cy["nominal_gdp_jpy"], cy["source_title"], cy["source_url"], strict=True)},
        "fx": dict(zip(annual["fy"].astype(int), annual["value"].astype(float), strict=True)),
        "sipri_share": by_year("sipri_share_of_gdp", 0.01),
        "sipri_usd": by_year("sipri_spending_usd", 1e9),
        "sipri_jpy": by_year("sipri_spending_jpy_reported", 1e12),
    }


# ----------------------------------------------------------------------------------------------
# NATO-style scopes (spendcalc.nato): spending history of 'nato-core' and 'nato-related'
# ----------------------------------------------------------------------------------------------
def nato_components(data_dir: Path | None = None) -> list[tuple[int, str, float, str, str]]:
    """Component rows ``(fiscal_year, component, value_jpy, status, source)`` of the NATO split:
    the FY2027 plan composition of the 2% target (data/framework.csv, status ``plan``)."""
    from spendcalc.nato import FRAMEWORK_SERIES

    return [(int(r["fy"]), FRAMEWORK_SERIES[r["series"]], _jpy(r["value"], r["unit"]), "plan", _source(r))
            for r in _records("framework", data_dir) if r["is_default"] and r["series"] in FRAMEWORK_SERIES]


def nato_split(data_dir: Path | None = None) -> pd.DataFrame:
    """Bundled spending of the scopes ``nato-core`` and ``nato-related`` (see spendcalc.nato)."""
    from spendcalc.nato import split

    return split(nato_components(data_dir))


def read_budget_history(data_dir: Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Spending actuals by scope and basis, in yen, including the NATO-style scopes.

    Returns ``(df, meta)`` with columns ``scope, basis, fiscal_year, spending_jpy, status,
    source``. ``basis='with-supplementary'`` adds every known supplementary round to the initial
    budget and exists only for fiscal years whose supplementary budget is bundled. ``nato-core``
    and ``nato-related`` (initial basis) exist for the fiscal years whose components are all
    bundled (:func:`nato_split`).
    """
    return _budget_rows(data_dir), _sidecar("defense_budget", data_dir)


def _budget_rows(data_dir: Path | None = None) -> pd.DataFrame:
    """The rows of :func:`read_budget_history`."""
    rows = _budget_rows_without_nato(data_dir)
    nato = nato_split(data_dir)
    rows += zip(nato["scope"].tolist(), ["initial"] * len(nato), nato["fiscal_year"].tolist(),
                nato["spending_jpy"].tolist(), nato["status"].tolist(), nato["source"].tolist(), strict=True)
    rows.sort(key=lambda r: r[:3])  # stable, as pandas' sort on several columns: one frame, built once
    return pd.DataFrame(rows, columns=_BUDGET_COLUMNS)
