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
    # FY2026: the Cabinet draft was enacted as drafted on 2026-04-07 (MOF FY2026 budget page)
    assert mod.set_index("fiscal_year").at[2026, "status"] == "actual", "FY2026 MOD budget is enacted"
    # every scope and basis has FY2026 as data (its last decided year)
    fy2026 = 9.0353e12 + (9.9e12 - 8.7005e12)  # FY2026 MOD + FY2025 non-MOD items held (estimate)
    assert real_history.anchor("security-related", "initial") == (2026, pytest.approx(fy2026, rel=1e-12))
    assert real_history.anchor("security-related", "with-supplementary") == (2026, pytest.approx(fy2026, rel=1e-12))
    assert real_history.anchor("mod-budget", "initial") == (2026, 9.0353e12)
    assert real_history.anchor("mod-budget", "with-supplementary") == (2026, 9.0353e12)
    status = s.set_index(["scope", "basis", "fiscal_year"])["status"]
    assert status[("security-related", "initial", 2026)] == "estimate"
    assert status[("security-related", "with-supplementary", 2026)] == "estimate"
    assert status[("mod-budget", "with-supplementary", 2026)] == "estimate"
    assert status[("security-related", "with-supplementary", 2025)] == "actual"
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


def test_estimate_rows_state_their_derivation():
    df, meta = read_table("defense_budget")
    est = df[df["kind"] == "estimate"]
    assert len(est) >= 3
    for _, r in est.iterrows():
        assert "ESTIMATE" in r["definition"] and "Derived" in r["source_title"], r["series"]
        assert r["quote"].strip() and r["source_url"].startswith("http"), r["series"]
    assert "estimate" in meta["derivations"]


def test_deflator_is_the_ratio_of_bundled_nominal_and_real_gdp_and_matches_the_transcribed_index():
    df, meta = read_table("gdp")
    h = spendcalc.load_history()
    for vintage in ("esri-2026q2", "esri-2025q1"):
        index = df[(df["series"] == "gdp_deflator") & (df["vintage"] == vintage)]
        assert len(index) >= 13, vintage
        ours = h.deflator[vintage]
        for _, r in index.iterrows():
            # the transcribed index is rounded to 0.01
            assert ours[int(r["fy"])] * 100 == pytest.approx(float(r["value"]), abs=0.006), (vintage, r["fy"])
    # FY2012 to FY2025 in the default vintage: 93.91 -> 113.14, a ratio of about 1.205
    d = h.deflator[spendcalc.default_assumptions().gdp_vintage]
    assert d[2025] / d[2012] == pytest.approx(113.14 / 93.91, rel=2e-4)
    assert "deflator" in meta["derivations"]


def test_fiscal_year_fx_averages_are_the_mean_of_their_twelve_months():
    df, meta = read_table("fx")
    monthly = df[df["series"] == "jpy_per_usd_monthly_avg"].set_index("fiscal_year")["value"]
    fiscal = df[(df["series"] == "jpy_per_usd_fy_avg") & df["is_default"]]
    assert sorted(fiscal["fy"].astype(int)) == list(range(2012, 2026))
    for _, r in fiscal.iterrows():
        y = int(r["fy"])
        months = [f"{y}-{m:02d}" for m in range(4, 13)] + [f"{y + 1}-{m:02d}" for m in range(1, 4)]
        assert float(r["value"]) == pytest.approx(monthly[months].mean(), abs=5e-4), y
        assert r["kind"] == "derived" and "DERIVED" in r["definition"]
    assert spendcalc.load_history().fx_fiscal[2012] == pytest.approx(83.0533)
    assert "mean of the 12 monthly rows" in meta["derivations"]


def test_defaults_file_has_value_unit_reasoning_and_source_for_every_entry():
    d = spendcalc.defaults()
    for section in ("assumptions", "constants"):
        for name, entry in d[section].items():
            assert set(entry) >= {"value", "unit", "reasoning", "source"}, name
            assert str(entry["reasoning"]).strip() and str(entry["source"]).strip(), name
    assert set(d["presets"]) == set(spendcalc.load_history().presets)


def test_raw_snapshot_is_append_only():
    """The 348 reference rows (the first 195,040 bytes) never change; new figures are appended."""
    raw = (DATA_DIR / "raw" / "japan_defense_figures.csv").read_bytes()
    # the SHA-256 of the reference file as first bundled
    reference = "cbc995dd5fc54a1d4910e7c7916a5b88a0a82caee581b064b817d85963feaa03"
    assert hashlib.sha256(raw[:195_040]).hexdigest() == reference, (
        "a row of the reference snapshot was changed: append a new row instead (data/UPDATING.md)")
    assert raw.endswith(b"\r\n")
