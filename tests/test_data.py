"""The bundled data: each table matches its sidecar, every row is sourced, scenarios load."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest
import yaml

import spendcalc
from spendcalc.data import (
    BUILTIN_ORDER,
    DATA_DIR,
    SCENARIO_DIR,
    TABLES,
    read_scenario_file,
    read_table,
)

ROOT = DATA_DIR.parent
CSV_TABLES = sorted(p.stem for p in DATA_DIR.glob("*.csv"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


def meta(name: str) -> dict:
    return yaml.safe_load((DATA_DIR / f"{name}.meta.yaml").read_text(encoding="utf-8"))


def test_every_csv_is_a_known_table():
    assert set(CSV_TABLES) == set(TABLES), "data/*.csv and spendcalc.data.TABLES disagree"


@pytest.mark.parametrize("name", CSV_TABLES)
def test_table_matches_sidecar(name):
    m, df = meta(name), raw(name)
    fix = f"regenerate data/{name}.csv with scripts/build_data.py (it rewrites the sidecar) or fix the sidecar"
    assert m["sha256"] == sha256(DATA_DIR / f"{name}.csv"), f"sha256 of data/{name}.csv changed: {fix}"
    assert m["columns"] == list(df.columns), f"columns of data/{name}.csv changed: {fix}"
    assert m["rows"] == len(df), f"row count of data/{name}.csv changed: {fix}"
    for key in ("title", "publisher", "edition", "source_url", "retrieved_on", "licence",
                "table_or_quote", "definition", "units", "transcribed_by"):
        assert m.get(key), f"data/{name}.meta.yaml: '{key}' is missing or empty"


@pytest.mark.parametrize("name", CSV_TABLES)
def test_raw_snapshot_hash(name):
    snap = meta(name)["raw_snapshot"]
    path = ROOT / snap["path"]
    assert path.is_file(), f"{snap['path']} is missing"
    assert sha256(path) == snap["sha256"], f"{snap['path']} changed; raw snapshots are immutable"


@pytest.mark.parametrize("name", CSV_TABLES)
def test_every_row_is_sourced(name):
    df = raw(name)
    for col in ("source_title", "source_url", "quote"):
        empty = df[df[col].str.strip() == ""]
        assert empty.empty, f"data/{name}.csv: empty {col} in rows {empty.index.tolist()}"
    bad = df[~df["confidence"].isin(["official", "secondary"])]
    assert bad.empty, f"data/{name}.csv: confidence not official/secondary in rows {bad.index.tolist()}"
    assert df["is_default"].isin(["true", "false"]).all()
    assert pd.to_numeric(df["value"], errors="coerce").notna().all(), f"data/{name}.csv: non-numeric value"


@pytest.mark.parametrize("name", CSV_TABLES)
def test_at_most_one_default_per_figure(name):
    df = raw(name)
    d = df[df["is_default"] == "true"]
    dup = d[d.duplicated(["series", "fiscal_year", "vintage", "stage"], keep=False)]
    assert dup.empty, f"data/{name}.csv: several is_default rows for {dup[['series', 'fiscal_year']].values.tolist()}"


def test_read_table_returns_canonical_frame():
    df, m = read_table("defense_budget")
    assert df["value"].dtype == float and df["is_default"].dtype == bool
    assert m["rows"] == len(df)


@pytest.mark.parametrize("series", ["mod_budget_initial", "mod_budget_dbp_covered_initial"])
def test_mod_budget_covers_fy2012_to_fy2026(series):
    df, _ = read_table("defense_budget")
    d = df[(df["series"] == series) & df["is_default"]]
    assert sorted(d["fy"].dropna().astype(int)) == list(range(2012, 2027)), f"{series}: FY2012-FY2026 expected"
    assert (d["unit"] == "trillion JPY").all() and d["value"].between(4, 10).all()


def test_history_loads_both_scopes_and_the_default_vintage(real_history):
    s = real_history.spending
    mod = s[(s["scope"] == "mod-budget") & (s["basis"] == "initial")]
    assert mod["fiscal_year"].tolist() == list(range(2012, 2027))
    assert mod.set_index("fiscal_year").at[2026, "status"] == "plan", "FY2026 is the Cabinet draft"
    assert real_history.anchor("security-related", "initial") == (2025, 9.9e12)
    assert real_history.anchor("security-related", "with-supplementary") == (2025, 11e12)
    gdp = real_history.gdp
    assert set(gdp[gdp["vintage"] == spendcalc.default_assumptions().gdp_vintage]["fiscal_year"]) >= set(range(2012, 2026))
    assert spendcalc.default_assumptions().gdp_preset in real_history.presets


def test_history_table_columns():
    df = spendcalc.history_table()
    assert list(df.columns[:5]) == ["series", "fiscal_year", "value", "unit", "source"]
    assert set(df["table"]) == set(CSV_TABLES)
    assert len(df) == sum(meta(n)["rows"] for n in CSV_TABLES)


@pytest.mark.parametrize("name", BUILTIN_ORDER)
def test_builtin_scenario_files_load_with_provenance(name):
    sc = read_scenario_file(SCENARIO_DIR / f"{name}.yaml")
    assert sc.name == name, f"data/scenarios/{name}.yaml: name field differs from the file name"
    assert sc.description.strip() and sc.title.strip()
    assert sc.sources, f"data/scenarios/{name}.yaml: needs at least one source"
    for s in sc.sources:
        assert s.title.strip() and s.url.startswith("http"), f"data/scenarios/{name}.yaml: source {s}"


def test_every_scenario_file_is_built_in():
    assert sorted(p.stem for p in SCENARIO_DIR.glob("*.yaml")) == sorted(BUILTIN_ORDER)


def test_data_readme_indexes_every_table():
    readme = DATA_DIR / "README.md"
    assert readme.is_file(), "data/README.md is missing: it must index every data/*.csv table"
    text = readme.read_text(encoding="utf-8")
    for name in CSV_TABLES:
        assert f"{name}.csv" in text, f"data/README.md does not mention {name}.csv"
