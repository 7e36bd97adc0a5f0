"""The articles' claims as data, audited against the model and the bundled reference figures.

Conventions
-----------
* Claims come from ``data/claims.yaml`` (one entry per factual claim per article, each with a
  verbatim quote); reference rows come from ``data/raw/japan_defense_figures.csv``.
* Shares are fractions (0.02 is 2%); ``fiscal_year`` is a Japanese fiscal year (April-March).
* Every claim gets one verdict from ``VERDICTS`` and a one-line ``reason``:

  - ``consistent`` / ``inconsistent``: holds / fails on every denominator and scope checked,
    on the scenario's budget basis (which the reason names: a claim can fail on initial budgets
    and hold with the supplementary);
  - ``depends-on-definition``: holds under some definitions (denominator, scope, reading of the
    attribution) and not others; the reason names which and by how much;
  - ``not-modelled``: nothing bundled can check it (or the reference only partly speaks to it).

* **Modelled claims** are claims on Japan's spending as a share of GDP in a fiscal year
  (``maps_to.measure == 'share_of_gdp'``, a fraction value; the year is the claim's, or the mapped
  scenario's target year where the article prints none). The mapped scenario is projected once
  per spending scope (security-related, MOD budget), keeping its own denominator and basis, and
  the share in the claim's year is read on both denominators (the government's fixed FY2022 GDP
  and same-year GDP). In projected years the scenario meets its own target by construction; the
  informative number is the same yen on the other denominator.
* **Tolerance** (an assumption, stated in every reason): a bare share holds if the model value
  rounds to it at one decimal of a percent (2% -> 1.95-2.05%, as the government calls 1.96% the
  "2% level"); "about", "approximately", "around", "roughly" widen to +/-5% of the claimed value;
  "more than", "over", "at least" are lower bounds; "up to", "as much as", "within" upper bounds;
  "almost", "nearly" mean at most the value and within 5% below it. Counts use +/-0.5 for a bare
  figure.
* A claim that a request was made (the US 3.5%) is an attribution: it is judged on the reference
  row, and the model only shows what 3.5% would mean.

Reading the two bundled files is the only I/O here (``read_claims``, ``read_reference_rows``).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import numpy as np
import pandas as pd

from spendcalc import model
from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.data import (
    DATA_DIR,
    builtin_scenarios,
    default_assumptions,
    frozen_copy,
    load_history,
)
from spendcalc.scenarios import load_yaml

VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "depends-on-definition", "not-modelled")
#: (denominator, scope) definitions checked for every modelled claim, in output order
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("fixed-fy2022", "security-related"),
    ("same-year", "security-related"),
    ("fixed-fy2022", "mod-budget"),
    ("same-year", "mod-budget"),
)
MODEL_COLUMNS: tuple[str, ...] = tuple(
    f"model_{d.replace('-', '_')}_{s.replace('-', '_')}" for d, s in DEFINITIONS)
OUTPUT_COLUMNS: list[str] = [
    "claim_id", "article", "quote", "fiscal_year", "value", "unit", "verdict", "reason",
    "kind", "qualifier", "claim", "model_scenario", "model_fiscal_year", "model_status",
    *MODEL_COLUMNS,
    "reference_value", "reference_unit", "reference_source", "reference_url", "reference_check",
    "cross_article", "cross_article_note",
]
CLAIM_FIELDS: list[str] = [
    "claim_id", "article", "quote", "claim", "kind", "value", "unit", "qualifier", "fiscal_year",
    "event_date", "maps_to", "reference", "reference_check", "reference_note", "cross_article",
    "cross_article_note",
]

APPROXIMATE = ("about", "approximately", "around", "roughly", "some")
LOWER_STRICT = ("more than", "over", "above")
LOWER_INCLUSIVE = ("at least",)
UPPER = ("up to", "as much as", "within", "at most", "no more than")
ALMOST = ("almost", "nearly")
#: relative half-width for approximate qualifiers [fraction of the claimed value] (assumption)
APPROX_RELATIVE = 0.05
#: half-width of a bare figure, by unit: a share rounds at 0.1 percentage point [fraction]
EXACT_HALF_WIDTH = {"fraction": 0.0005}
_COUNT_UNITS = {"persons": {"persons"}, "count": {"count", "facilities", "exercises", "bases"}}
_DEF_TEXT = {
    "fixed-fy2022": "the fixed FY2022 GDP",
    "same-year": "same-year GDP",
    "security-related": "security-related",
    "mod-budget": "MOD budget",
}


# ----------------------------------------------------------------------------------------------
# I/O: the bundled claims and reference rows
# ----------------------------------------------------------------------------------------------
def _load_yaml(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return load_yaml(fh.read(), where=path, max_bytes=None)


@functools.lru_cache(maxsize=4)
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
        Claims YAML file (default ``data/claims.yaml``).

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
    data = _claims_file(str(path or DATA_DIR / "claims.yaml"))
    rows = []
    for c in data["claims"]:
        row = {k: _thawed(c.get(k)) for k in CLAIM_FIELDS}
        ref = row["reference"]
        row["reference"] = [] if ref is None else (list(ref) if isinstance(ref, list) else [ref])
        if row["value"] is not None and not isinstance(row["value"], int | float):
            row["value"] = str(row["value"])
        if row["event_date"] is not None:
            row["event_date"] = str(row["event_date"])
        rows.append(row)
    df = pd.DataFrame(rows, columns=CLAIM_FIELDS, dtype=object)
    df["fiscal_year"] = pd.array(df["fiscal_year"], dtype="Int64")
    return df


def read_articles_index(path: str | Path | None = None) -> pd.DataFrame:
    """The five articles: ``file, headline, outlet, date, date_reasoning`` (date as ISO text)."""
    data = _claims_file(str(path or DATA_DIR / "claims.yaml"))
    df = pd.DataFrame(_thawed(data["articles"]), columns=["file", "headline", "outlet", "date", "date_reasoning"])
    df["date"] = df["date"].astype(str)
    return df


@functools.lru_cache(maxsize=2)
def _reference_rows_cached(path: str) -> tuple[Mapping[str, str], ...]:
    """The reference rows, read once; read-only mappings (callers copy what they hand out)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(MappingProxyType(row) for row in csv.DictReader(fh))


def read_reference_rows(path: str | Path | None = None) -> pd.DataFrame:
    """The bundled reference figures (``data/raw/japan_defense_figures.csv``), all columns as text."""
    rows = _reference_rows_cached(str(path or DATA_DIR / "raw" / "japan_defense_figures.csv"))
    return pd.DataFrame([dict(r) for r in rows])


# ----------------------------------------------------------------------------------------------
# Table of contents
# ----------------------------------------------------------------------------------------------
def check_claims(*, assumptions: Assumptions | None = None,
                 scenarios: Sequence[Scenario] | None = None, history: object = None,
                 claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Give every claim a verdict and a one-line reason.

    Parameters
    ----------
    assumptions : Assumptions, optional
        Economic assumptions (GDP preset or growth, vintage); default ``spendcalc.default_assumptions()``.
    scenarios : sequence of Scenario, optional
        Scenarios to use for the claims' ``maps_to.scenario`` names (matched by name; e.g. the
        built-ins with a denominator or basis override). Names not given fall back to the
        built-ins. The spending scope is varied regardless.
    history : spendcalc.data.History, optional
        Bundled actuals (default ``load_history()``).
    claims : DataFrame, optional
        As returned by ``read_claims`` (default: the bundled claims).

    Returns
    -------
    DataFrame
        One row per claim, columns ``OUTPUT_COLUMNS``: ``claim_id, article, quote, fiscal_year,
        value, unit, verdict, reason`` first; ``model_*`` columns hold the model's share of GDP
        in ``model_fiscal_year`` per denominator x scope [fraction] (NaN where not modelled);
        ``reference_*`` the reference row the reason cites.
    """
    assumptions = assumptions or default_assumptions()
    history = history or load_history()
    claims = read_claims() if claims is None else claims
    refs = _reference_index()
    chosen = _scenario_lookup(scenarios)
    plan = [_model_year(c, chosen) for c in claims.itertuples(index=False)]
    shares = _model_shares(plan, chosen, assumptions, history)
    rows = []
    for c, (name, year) in zip(claims.itertuples(index=False), plan, strict=True):
        row = {"claim_id": c.claim_id, "article": c.article, "quote": c.quote,
               "fiscal_year": c.fiscal_year, "value": c.value, "unit": c.unit, "kind": c.kind,
               "qualifier": c.qualifier, "claim": c.claim, "reference_check": c.reference_check,
               "cross_article": c.cross_article, "cross_article_note": c.cross_article_note}
        resolved = [_resolve_reference(r, refs) for r in c.reference]
        model_info = shares.get((name, year)) if name else None
        verdict, reason, primary = judge_claim(c, resolved, model_info, chosen, assumptions)
        row.update(verdict=verdict, reason=reason, model_scenario=name, model_fiscal_year=year,
                   model_status=model_info["status"] if model_info else None)
        for col in MODEL_COLUMNS:
            row[col] = model_info[col] if model_info else np.nan
        row.update(_reference_columns(primary))
        rows.append(row)
    out = pd.DataFrame(rows, columns=OUTPUT_COLUMNS, dtype=object)
    for col in MODEL_COLUMNS:
        out[col] = out[col].astype(float)
    for col in ("fiscal_year", "model_fiscal_year"):
        out[col] = pd.array(out[col], dtype="Int64")
    return out


def claim_markers(tidy: pd.DataFrame | None = None, claims: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share-of-GDP targets claimed by the articles, as chart markers.

    Parameters
    ----------
    tidy : DataFrame, optional
        A projection (``spendcalc.project``); only claims whose mapped scenario appears in its
        ``scenario`` column are kept (none if none matches, so a chart never shows markers for
        pathways it does not draw). Without it, every such claim is returned.
    claims : DataFrame, optional
        As returned by ``read_claims``.

    Returns
    -------
    DataFrame
        ``claim_id, article, fiscal_year, value, label, scenario``: ``article`` is the article's
        three-digit index (``'002'``), ``value`` the claimed share [fraction], ``label`` a short
        text such as ``'2% by FY2025 (002)'``. Only spending-target claims with a share of GDP
        and a printed fiscal year.
    """
    claims = read_claims() if claims is None else claims
    scen = claims["maps_to"].map(lambda m: m.get("scenario") if isinstance(m, dict) else None)
    keep = ((claims["kind"] == "spending-target") & (claims["unit"] == "fraction")
            & claims["fiscal_year"].notna() & scen.notna())
    if tidy is not None:
        keep &= scen.isin(set(tidy["scenario"].unique()))
    sel = claims[keep]
    article = sel["article"].str.slice(0, 3)
    out = pd.DataFrame({
        "claim_id": sel["claim_id"].to_numpy(),
        "article": article.to_numpy(),
        "fiscal_year": sel["fiscal_year"].astype(int).to_numpy(),
        "value": sel["value"].astype(float).to_numpy(),
        "label": [f"{_pct(v)} by FY{fy} ({a})" for v, fy, a in
                  zip(sel["value"], sel["fiscal_year"], article, strict=True)],
        "scenario": scen[keep].to_numpy(),
    })
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# Model side
# ----------------------------------------------------------------------------------------------
def _scenario_lookup(scenarios: Sequence[Scenario] | None) -> dict[str, Scenario]:
    chosen = {s.name: s for s in builtin_scenarios()}
    for s in scenarios or ():
        chosen[s.name] = s
    return chosen


def _maps_to_scenario(c: object) -> str | None:
    m = c.maps_to
    return m.get("scenario") if isinstance(m, dict) and m.get("measure") == "share_of_gdp" else None


def _is_share(c: object) -> bool:
    return c.unit == "fraction" and isinstance(c.value, int | float)


def _model_year(c: object, chosen: dict[str, Scenario]) -> tuple[str | None, int | None]:
    """(scenario, fiscal year) whose model shares a claim is shown against, or (None, None)."""
    name = _maps_to_scenario(c)
    if name is None or not _is_share(c) or name not in chosen:
        return None, None
    if not pd.isna(c.fiscal_year):
        return name, int(c.fiscal_year)
    return name, chosen[name].target_year


def _model_shares(plan: list[tuple[str | None, int | None]], chosen: dict[str, Scenario],
                  assumptions: Assumptions, history: object) -> dict[tuple[str, int], dict]:
    """Project each needed scenario once per scope; read both shares in each needed year."""
    needed = {(n, y) for n, y in plan if n is not None and y is not None}
    if not needed:
        return {}
    names = sorted({n for n, _ in needed})
    scopes = sorted({s for _, s in DEFINITIONS})
    variants = [replace(chosen[n], name=f"{n}.{s}", scope=s) for n in names for s in scopes]
    years = [y for _, y in needed]
    a = replace(assumptions, until=max(assumptions.until, max(years)))
    tidy = model.project(variants, a, history, since=min(years))
    measures = ["share_of_gdp_fixed_fy2022", "share_of_gdp_same_year", "spending_jpy",
                "nominal_gdp_jpy"]
    sel = tidy[tidy["measure"].isin(measures)]
    wide = sel.pivot_table(index=["scenario", "fiscal_year"], columns="measure", values="value",
                           aggfunc="first")
    status = sel.drop_duplicates(["scenario", "fiscal_year"]).set_index(
        ["scenario", "fiscal_year"])["status"]
    out = {}
    for name, year in needed:
        info: dict = {"status": None, "spending_jpy": {}, "nominal_gdp_jpy": np.nan}
        for (denom, scope), col in zip(DEFINITIONS, MODEL_COLUMNS, strict=True):
            key = (f"{name}.{scope}", year)
            measure = "share_of_gdp_fixed_fy2022" if denom == "fixed-fy2022" else "share_of_gdp_same_year"
            info[col] = float(wide.loc[key, measure]) if key in wide.index else np.nan
            if scope != chosen[name].scope and status.get(key) == "projection":
                # a projected year of the scenario re-targeted on another scope says nothing:
                # it meets the target by construction; only that scope's data years inform
                info[col] = np.nan
            if key in wide.index:
                info["spending_jpy"][scope] = float(wide.loc[key, "spending_jpy"])
                info["nominal_gdp_jpy"] = float(wide.loc[key, "nominal_gdp_jpy"])
        sec = (f"{name}.security-related", year)
        info["status"] = status.get(sec) if sec in status.index else None
        info["scope_status"] = {s: status.get((f"{name}.{s}", year)) for s in scopes}
        out[(name, year)] = info
    return out


# ----------------------------------------------------------------------------------------------
# Judging
# ----------------------------------------------------------------------------------------------
def claim_bounds(claimed: float, qualifier: str | None, unit: str) -> tuple[float, float, bool, str]:
    """Interval of values under which a numeric claim holds.

    Returns ``(low, high, low_strict, text)``: a value v holds if ``low < v`` (``low <= v``
    unless ``low_strict``) and ``v <= high``; ``text`` states the reading in one phrase.
    """
    q = (qualifier or "").strip().lower()
    half = EXACT_HALF_WIDTH.get(unit, 0.5)
    shown = _fmt_value(claimed, unit)
    if q in APPROXIMATE:
        d = APPROX_RELATIVE * claimed
        return (claimed - d, claimed + d, False,
                f"'{q} {shown}' read as ±5%: {_fmt_value(claimed - d, unit)}–{_fmt_value(claimed + d, unit)}")
    if q in LOWER_STRICT:
        return claimed, np.inf, True, f"'{q} {shown}' read as above {shown}"
    if q in LOWER_INCLUSIVE:
        return claimed - half, np.inf, False, f"'{q} {shown}' read as at least {shown}"
    if q in UPPER:
        return -np.inf, claimed + half, False, f"'{q} {shown}' read as at most {shown}"
    if q in ALMOST:
        d = APPROX_RELATIVE * claimed
        return (claimed - d, claimed + half, False,
                f"'{q} {shown}' read as {_fmt_value(claimed - d, unit)} up to {shown}")
    lo, hi = claimed - half, claimed + half
    return lo, hi, False, f"{shown} read as {_fmt_value(lo, unit, 2)}–{_fmt_value(hi, unit, 2)}"


def holds(values: np.ndarray, bounds: tuple[float, float, bool, str]) -> np.ndarray:
    """Whether each value satisfies a claim's bounds (NaN never holds)."""
    lo, hi, strict, _ = bounds
    v = np.asarray(values, dtype=float)
    above = v > lo if strict else v >= lo - 1e-12
    return above & (v <= hi + 1e-12) & ~np.isnan(v)


def judge_claim(c: object, refs: list[dict], model_info: dict | None, chosen: dict[str, Scenario],
                assumptions: Assumptions) -> tuple[str, str, dict | None]:
    """Verdict, one-line reason and the reference row cited, for one claim (a row of read_claims)."""
    name = _maps_to_scenario(c)
    if name == "us-ask-3.5pct" or (name and c.kind == "attribution"):
        return _judge_request(c, refs, model_info, chosen[name] if name in chosen else None)
    if model_info is not None:
        return _judge_share(c, refs, model_info, chosen[name], assumptions)
    if c.unit == "years" and c.kind == "spending-target":
        return _judge_advance(c, refs)
    if c.reference_check == "not-verified":
        ref = _primary(refs)
        note = re.sub(r"^not verified[;:.,]?\s*", "", c.reference_note, flags=re.IGNORECASE)
        return "not-modelled", f"not verified: {note} ({_short(ref)})", ref
    date_ref = _date_reference(c, refs)
    if date_ref is not None:
        return _judge_date(c, date_ref)
    count_ref = _count_reference(c, refs)
    if count_ref is not None:
        return _judge_count(c, count_ref)
    if refs:
        ref = _primary(refs)
        cite = f"{c.reference_note} ({_short(ref)})"
        if c.reference_check == "matches":
            return "consistent", f"matches the reference: {cite}", ref
        if c.reference_check == "differs":
            return "inconsistent", f"differs from the reference: {cite}", ref
        return "not-modelled", f"partly supported, not modelled: {cite}", ref
    return "not-modelled", _no_reference_reason(c), None


def _judge_share(c: object, refs: list[dict], info: dict, sc: Scenario,
                 assumptions: Assumptions) -> tuple[str, str, dict | None]:
    claimed = float(c.value)
    year = int(c.fiscal_year) if not pd.isna(c.fiscal_year) else sc.target_year
    bounds = claim_bounds(claimed, c.qualifier, "fraction")
    values = np.array([info[col] for col in MODEL_COLUMNS])
    ok = holds(values, bounds)
    valid = ~np.isnan(values)
    if ok[valid].all():
        verdict = "consistent"
    elif not ok[valid].any():
        verdict = "inconsistent"
    else:
        verdict = "depends-on-definition"
    by_construction = (info["status"] == "projection" and year == sc.target_year)
    parts_ok, parts_bad = [], []
    for (denom, scope), v, good in zip(DEFINITIONS, values, ok, strict=True):
        if np.isnan(v):
            continue
        where = f"{_DEF_TEXT[scope]} on {_denom_text(denom, year)} {_pct(v, 2)}"
        if good:
            if by_construction and denom == sc.denominator:
                where += " (the scenario's target, by construction)"
            parts_ok.append(where)
        else:
            parts_bad.append(f"{where} ({_gap(v, claimed)})")
    status = info["status"] or "?"
    basis = "initial + supplementary budgets" if sc.basis == "with-supplementary" else "initial budgets"
    target = ("" if sc.target_share is None else
              f"{_pct(sc.target_share)} of {_denom_text(sc.denominator, sc.target_year)} in FY{sc.target_year}, ")
    ctx = f"FY{year} {status} of scenario {sc.name} ({target}{basis})"
    if status == "projection":
        gdp = (f"growth {assumptions.growth_rate:.2%}/yr" if assumptions.growth_rate is not None
               else f"preset {assumptions.gdp_preset}")
        ctx += f"; GDP {gdp} (assumption)"
    if pd.isna(c.fiscal_year):
        ctx += f"; the article prints no year, so checked in FY{year}, the scenario's target year"
    lead = {"consistent": f"holds on every denominator and scope checked ({basis})",
            "inconsistent": f"fails on every denominator and scope checked ({basis})",
            "depends-on-definition": "depends on definition"}[verdict]
    text = f"{lead} ({bounds[3]}; {ctx})"
    if parts_ok:
        text += ": holds for " + "; ".join(parts_ok)
    if parts_bad:
        text += (": " if not parts_ok else "; ") + "not for " + "; ".join(parts_bad)
    ref = _share_reference(refs, year) or _primary(refs)
    if ref is not None:
        text += f"; reference: {_ref_value_text(ref)} ({_short(ref)})"
    return verdict, text, ref


def _judge_request(c: object, refs: list[dict], info: dict | None,
                   sc: Scenario | None) -> tuple[str, str, dict | None]:
    ref = _share_reference(refs, None) or _primary(refs)
    cite = f"{c.reference_note} ({_short(ref)})" if ref else "no bundled reference row"
    if c.reference_check == "matches":
        verdict, lead = "consistent", "the request matches the reference"
    elif c.reference_check == "partly-supported":
        verdict, lead = "depends-on-definition", ("the figure matches but the attribution holds "
                                                  "only on a broad reading")
    elif c.reference_check == "differs":
        verdict, lead = "inconsistent", "the request differs from the reference"
    else:
        verdict, lead = "not-modelled", "attribution not verified"
    text = f"{lead} (an attribution, checked on the reference, not the model): {cite}"
    if info is not None and sc is not None:
        jpy = info["spending_jpy"].get(sc.scope, np.nan)
        col = MODEL_COLUMNS[DEFINITIONS.index(("fixed-fy2022", sc.scope))]
        text += (f"; for scale, scenario {sc.name} ({_pct(sc.target_share)} of "
                 f"{_denom_text(sc.denominator, sc.target_year)} in FY{sc.target_year}, an assumption) "
                 f"is {jpy / 1e12:.1f} trillion JPY, {_pct(info[col], 2)} of the fixed FY2022 GDP")
    return verdict, text, ref


def _judge_advance(c: object, refs: list[dict]) -> tuple[str, str, dict | None]:
    """'Moved up by N years': the gap between the bundled original and accelerated target years."""
    by_name = {s.name: s for s in builtin_scenarios()}
    orig, acc = by_name["original-fy2027"], by_name["accelerated-fy2025"]
    gap = orig.target_year - acc.target_year
    ref = {"series": "scenario target years (original-fy2027, accelerated-fy2025)",
           "fiscal_year": f"FY{orig.target_year}, FY{acc.target_year}", "value": str(gap),
           "unit": "years", "source_title": f"{orig.sources[0].title}; {acc.sources[0].title}",
           "source_url": f"{orig.sources[0].url} ; {acc.sources[0].url}"}
    verdict = "consistent" if float(c.value) == gap else "inconsistent"
    text = (f"{'matches' if verdict == 'consistent' else 'differs from'} the bundled targets: "
            f"FY{orig.target_year} (original) vs FY{acc.target_year} (accelerated) is {gap} years, "
            f"claim {c.value:g} years ({_short(ref)})")
    return verdict, text, ref


def _judge_date(c: object, ref: dict) -> tuple[str, str, dict]:
    claimed, official = str(c.value), str(ref["value"])
    same = official.startswith(claimed)
    precision = {4: "year", 7: "month"}.get(len(claimed), "day")
    verdict = "consistent" if same else "inconsistent"
    text = (f"date {claimed} {'matches' if same else 'differs from'} the reference date {official} "
            f"({ref['series']}{', to the ' + precision if precision != 'day' else ''}; {_short(ref)})")
    return verdict, text, ref


def _judge_count(c: object, ref: dict) -> tuple[str, str, dict]:
    claimed, official = float(c.value), float(ref["value"])
    bounds = claim_bounds(claimed, c.qualifier, c.unit)
    ok = bool(holds(np.array([official]), bounds)[0])
    rel = official / claimed - 1.0
    verdict = "consistent" if ok else "inconsistent"
    text = (f"{'consistent' if ok else 'inconsistent'} with the closest bundled figure, "
            f"{official:,.0f} {ref['unit']} ({ref['fiscal_year']}; {_short(ref)}), {abs(rel):.1%} "
            f"{'above' if rel >= 0 else 'below'} the claim ({bounds[3]})")
    if c.reference_check == "partly-supported":
        text += f"; partly supported: that figure is dated {ref['fiscal_year']} and no current count was found"
    return verdict, text, ref


# ----------------------------------------------------------------------------------------------
# References
# ----------------------------------------------------------------------------------------------
def _reference_index() -> dict[tuple[str, str], list[dict]]:
    index: dict[tuple[str, str], list[dict]] = {}
    for row in _reference_rows_cached(str(DATA_DIR / "raw" / "japan_defense_figures.csv")):
        index.setdefault((row["series"], row["fiscal_year"]), []).append(row)
    return index


def _same(a: object, b: str) -> bool:
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a) == b


def _resolve_reference(r: dict, index: dict) -> dict:
    """The bundled CSV row a claim's reference copies (falls back to the copy if absent)."""
    for row in index.get((r["series"], str(r["fiscal_year"])), []):
        if _same(r["value"], row["value"]):
            return dict(row)
    return {k: str(v) for k, v in r.items()}


def _is_article_row(ref: dict) -> bool:
    return ref["series"].startswith("claim_")


def _primary(refs: list[dict]) -> dict | None:
    own = [r for r in refs if not _is_article_row(r)]
    return (own or refs or [None])[0]


def _date_reference(c: object, refs: list[dict]) -> dict | None:
    """The reference row dating the very event a date claim is about (same event_date)."""
    if c.unit != "date" or not isinstance(c.value, str) or c.event_date is None:
        return None
    for r in refs:
        if r["unit"] == "date" and r["value"] == c.event_date:
            return r
    return None


def _count_reference(c: object, refs: list[dict]) -> dict | None:
    """The latest official (non-article) reference count in the claim's unit."""
    units = _COUNT_UNITS.get(c.unit or "")
    if not units or not isinstance(c.value, int | float):
        return None
    own = [r for r in refs if not _is_article_row(r) and r["unit"] in units]
    if not own:
        return None
    return max(own, key=lambda r: int(m.group()) if (m := re.search(r"\d{4}", r["fiscal_year"])) else 0)


def _share_reference(refs: list[dict], year: int | None) -> dict | None:
    """A reference row giving a share of GDP (in the claim's fiscal year if one is given)."""
    for r in refs:
        if "percent" in r["unit"] and (year is None or r["fiscal_year"] == f"FY{year}"):
            return r
    return None


def _reference_columns(ref: dict | None) -> dict:
    if ref is None:
        return {"reference_value": None, "reference_unit": None, "reference_source": None,
                "reference_url": None}
    return {"reference_value": ref["value"], "reference_unit": ref["unit"],
            "reference_source": ref["source_title"], "reference_url": ref["source_url"]}


def _short_title(title: str) -> str:
    """Short form of a source title: up to the first comma, keeping a trailing '(YYYY-MM-DD)'."""
    depth, cut = 0, len(title)
    for i, ch in enumerate(title):
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            cut = i
            break
    head = title[:cut].strip()
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\s*$", title)
    if m and m.group(1) not in head:
        head += f" ({m.group(1)})"
    return head


def _short(ref: dict | None) -> str:
    return _short_title(ref["source_title"]) if ref else "no source"


def _ref_value_text(ref: dict) -> str:
    return f"{ref['series']} {ref['fiscal_year']} = {ref['value']} {ref['unit']}"


def _no_reference_reason(c: object) -> str:
    what = {
        "attribution": "an attribution (who said, asked or reported what)",
        "policy": "a policy statement",
        "event": "an event",
        "date": "a date",
        "force-posture": "a force-posture figure",
        "geography": "a geographic figure",
        "spending-target": "a spending statement without a share and year",
        "budget-figure": "a budget figure",
    }.get(c.kind, c.kind)
    value = f" ({_fmt_value(c.value, c.unit)})" if c.value is not None else ""
    return f"not modelled: {what}{value}; no bundled reference row speaks to it"


# ----------------------------------------------------------------------------------------------
# Formatting helpers (labels only)
# ----------------------------------------------------------------------------------------------
def _pct(v: float, decimals: int | None = None) -> str:
    p = float(v) * 100
    if decimals is None:
        return f"{p:g}%"
    return f"{p:.{decimals}f}%"


def _fmt_value(v: object, unit: str | None, decimals: int | None = None) -> str:
    if unit == "fraction":
        return _pct(float(v), decimals)
    if unit in ("persons", "count", "km", "years") and isinstance(v, int | float):
        return f"{v:,.{decimals or 0}f} {unit}"
    return str(v)


def _denom_text(denom: str, year: int | None) -> str:
    return "the fixed FY2022 GDP" if denom == "fixed-fy2022" else f"same-year FY{year} GDP"


def _gap(v: float, claimed: float) -> str:
    """Distance from the claimed share, in percentage points of GDP."""
    if v < claimed:
        return f"{(claimed - v) * 100:.2f} pt short of {_pct(claimed)}"
    return f"{(v - claimed) * 100:.2f} pt over {_pct(claimed)}"
