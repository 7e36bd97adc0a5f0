"""The articles' claims as data, audited against the model and the bundled reference figures.

Conventions
-----------
* Claims come from ``data/claims.yaml`` (one entry per factual claim per article, each with a
  verbatim quote); reference rows come from ``data/raw/japan_defense_figures.csv``.
* Shares are fractions (0.02 is 2%); ``fiscal_year`` is a Japanese fiscal year (April-March).

The rubric
----------
Every claim gets one verdict from ``VERDICTS`` and a one-line ``reason`` that starts with the
verdict's lead (``REASON_LEADS``: ``supported:``, ``partly supported:``, ``depends on
definition:``, ``contradicted:``, ``not checked:``), so the reason can never say something else
than the verdict. The same rubric is written out in ``data/README.md`` (a test compares them).

Verdicts and the evidence each requires:

- ``consistent``: a source dated for the claim's time (or the model, for a share of GDP) confirms
  every part of the claim as stated, on every definition checked;
- ``partly-supported``: a source confirms part of the claim only: the figure but not who made it
  or how; a figure for a state of things (troops, bases, distances, budgets) dated more than
  ``MAX_REFERENCE_AGE_YEARS`` year before the claim, or undated; a press report of a request the
  requesting government has not confirmed;
- ``depends-on-definition``: the claimed number holds under some definitions (denominator, scope,
  counting rule) and not others; the reason names the definitions that give it ("holds for …")
  and those that do not ("not for …", by how much). A reference check that merely says "matches"
  is never enough for this verdict;
- ``inconsistent``: a current source, or the model on every definition, contradicts the claim;
- ``not-modelled``: nothing bundled can check it: no reference row, only the article's own
  figure, or only figures that are out of date and do not fit. The reason says which.

Dates of references vs the claim. A claim's date is its ``event_date``, else its article's date.
A figure describing a state of things (``STATE_KINDS``) supports a statement about the present
only if it is at most ``MAX_REFERENCE_AGE_YEARS`` year older than the claim: a 2019 troop count
for a 2025 statement at most partly supports it, and if it does not fit, it refutes nothing
(``not-modelled``). Dates of events are checked against the event's own reference date.

Pledges, plans and requests (``claim_type``). Spending targets ("will reach 2% by…", "the
original target was FY2027") are ``pledge`` claims: the verdict says whether the pledge was made
as stated (the source confirms the announcement, its level and year), never whether the level
has been reached. Whether the plan is on track is a separate finding, per the model, in
``plan_check`` (and at the end of the reason): ``met``/``not met`` in a year with data,
``projected`` in a projected year (the scenario meets its own target by construction: an
assumption, not evidence; ``projected not met`` if the chosen scenario falls short of it). A ``request`` (the reported US 3.5%) is judged on the source that
reports it; the model only shows what the level would mean. Everything else is a ``fact``.

Identical claims get one verdict: claims about the same subject (``cross_article`` group, else
the mapped scenario) with the same kind, value, unit and fiscal year are one fact stated in
several articles. Their wording differences are recorded in ``cross_article_note``; if their
verdicts differ (the data disagree), all get the one with the least support
(``SUPPORT_ORDER``) and the reason says so.

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

In Japanese: :func:`reasons` gives each row's reason in the catalogue's words
(:mod:`spendcalc.i18n`, ``claims.*`` keys; verdict labels ``verdict.*``), built from the row's
own columns; the quotes stay as the articles print them, and ``reason`` stays the English text.

Pure: the claims, reference rows, articles, History and scenarios come in as arguments.
``spendcalc.check_claims()`` (in :mod:`spendcalc.api`) loads the bundled ones; the files are
read by ``spendcalc.data.read_claims``, ``read_reference_rows`` and ``read_articles_index``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

import numpy as np
import pandas as pd

from spendcalc import frames, model
from spendcalc.assumptions import Assumptions, Scenario
from spendcalc.history import History

VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "depends-on-definition", "not-modelled",
                             "partly-supported")
#: verdicts under which the evidence supports the claim (fully or in part)
SUPPORTING: tuple[str, ...] = ("consistent", "partly-supported")
#: verdicts from least to most support, for identical claims whose verdicts differ
SUPPORT_ORDER: tuple[str, ...] = ("inconsistent", "not-modelled", "depends-on-definition",
                                  "partly-supported", "consistent")
#: the first words of every reason, by verdict (the reason cannot say another verdict)
REASON_LEADS: Mapping[str, str] = MappingProxyType({
    "consistent": "supported",
    "partly-supported": "partly supported",
    "depends-on-definition": "depends on definition",
    "inconsistent": "contradicted",
    "not-modelled": "not checked",
})
#: what the verdict says about a claim: a pledge/plan (spending target), a request, or a fact
CLAIM_TYPES: tuple[str, ...] = ("pledge", "request", "fact")
#: claims describing a state of things, whose references must be current (see the rubric)
STATE_KINDS: tuple[str, ...] = ("force-posture", "geography", "budget-figure")
#: a reference figure more than this many years older than the claim at most partly supports
#: it [years] (assumption: counts and distances move slowly, but not over several years)
MAX_REFERENCE_AGE_YEARS = 1
#: separates the verdict's evidence from the separate plan check in a pledge's reason
PLAN_SEPARATOR = " | plan check (model, separate from the verdict): "
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
    "claim_type", "plan_check", "reference_period",
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
# Table of contents
# ----------------------------------------------------------------------------------------------
def check_claims(claims: pd.DataFrame, references: pd.DataFrame, history: History,
                 scenarios: Sequence[Scenario], *, assumptions: Assumptions,
                 articles: pd.DataFrame) -> pd.DataFrame:
    """Give every claim a verdict and a one-line reason.

    ``spendcalc.check_claims()`` calls this with the bundled data and default assumptions.

    Parameters
    ----------
    claims : DataFrame
        As returned by ``spendcalc.data.read_claims``.
    references : DataFrame
        The reference figures, as returned by ``spendcalc.data.read_reference_rows`` (text).
    history : History
        Bundled actuals.
    scenarios : sequence of Scenario
        Scenarios for the claims' ``maps_to.scenario`` names (matched by name; a claim naming
        a scenario not given is not modelled). The spending scope is varied regardless.
    assumptions : Assumptions
        Economic assumptions (GDP preset or growth, vintage).
    articles : DataFrame
        The articles index (``file, date``), as returned by ``spendcalc.data.read_articles_index``.

    Returns
    -------
    DataFrame
        One row per claim, columns ``OUTPUT_COLUMNS``: ``claim_id, article, quote, fiscal_year,
        value, unit, verdict, reason`` first; ``model_*`` columns hold the model's share of GDP
        in ``model_fiscal_year`` per denominator x scope [fraction] (NaN where not modelled);
        ``reference_*`` the reference row the reason cites (``reference_period``: its year or
        fiscal year as the source dates it); ``claim_type`` is ``pledge``, ``request`` or
        ``fact``; ``plan_check`` (pledges with a share of GDP only) says, per the model and apart
        from the verdict, whether the pledged level is ``met``, ``not met``, ``projected`` (met
        by construction in a projected year) or ``projected not met``.
        Verdicts follow the rubric of the module docstring.
    """
    refs = _reference_index(references)
    chosen = {s.name: s for s in scenarios}
    plan = [_model_year(c, chosen) for c in claims.itertuples(index=False)]
    shares = _model_shares(plan, chosen, assumptions, history)
    article_dates = dict(zip(*articles[["file", "date"]].T.to_numpy(), strict=True))
    rows, keys = [], []
    for c, (name, year) in zip(claims.itertuples(index=False), plan, strict=True):
        rows.append(_claim_row(c, name, year, refs=refs, shares=shares, chosen=chosen,
                               assumptions=assumptions, article_dates=article_dates))
        keys.append(claim_identity(c))
    _one_verdict_per_fact(rows, keys)
    return _verdict_frame(rows)


def claim_markers(tidy: pd.DataFrame | None, claims: pd.DataFrame) -> pd.DataFrame:
    """Share-of-GDP levels claimed by the articles, as chart markers.

    ``spendcalc.claim_markers(tidy)`` calls this with the bundled claims.

    Parameters
    ----------
    tidy : DataFrame or None
        A projection (``spendcalc.project``); only claims whose mapped scenario appears in its
        ``scenario`` column are kept (none if none matches, so a chart never shows markers for
        pathways it does not draw). With None, every such claim is returned.
    claims : DataFrame
        As returned by ``spendcalc.data.read_claims``.

    Returns
    -------
    DataFrame
        ``claim_id, article, fiscal_year, value, label, scenario``: ``article`` is the article's
        three-digit index (``'002'``), ``value`` the claimed share [fraction], ``label`` a short
        text such as ``'2% by FY2025 (002)'``. Spending targets with a share of GDP and a printed
        fiscal year are points (``fiscal_year`` set); requests with a share of GDP that name no
        year (the reported US 3.5%) are levels: ``fiscal_year`` is missing (``<NA>``, nullable
        Int64) and the label says "no year", so a chart draws them as a level, never at an
        invented year.
    """
    scen = claims["maps_to"].map(lambda m: m.get("scenario") if isinstance(m, dict) else None)
    share = (claims["kind"] == "spending-target") & (claims["unit"] == "fraction") & scen.notna()
    is_request = pd.Series([claim_type(c) == "request" for c in claims.itertuples(index=False)],
                           index=claims.index, dtype=bool)
    point = share & claims["fiscal_year"].notna() & ~is_request
    level = share & claims["fiscal_year"].isna() & is_request
    keep = point | level
    if tidy is not None:
        keep &= scen.isin(set(tidy["scenario"].unique()))
    sel = claims[keep]
    article = sel["article"].str.slice(0, 3)
    labels = [f"{_pct(v)} by FY{fy} ({a})" if not pd.isna(fy) else
              f"{_pct(v)} request, no year named ({a})"
              for v, fy, a in zip(sel["value"], sel["fiscal_year"], article, strict=True)]
    out = pd.DataFrame({
        "claim_id": sel["claim_id"].to_numpy(),
        "article": article.to_numpy(),
        "fiscal_year": pd.array(sel["fiscal_year"], dtype="Int64"),
        "value": sel["value"].astype(float).to_numpy(),
        "label": labels,
        "scenario": scen[keep].to_numpy(),
    })
    return out.reset_index(drop=True)


# ----------------------------------------------------------------------------------------------
# Model side
# ----------------------------------------------------------------------------------------------
def _maps_to_scenario(c: object) -> str | None:
    m = c.maps_to
    return m.get("scenario") if isinstance(m, dict) and m.get("measure") == "share_of_gdp" else None


def _is_share(c: object) -> bool:
    return c.unit == "fraction" and isinstance(c.value, int | float)


def _claim_row(c: object, name: str | None, year: int | None, *,
               refs: dict[tuple[str, str], list[dict]], shares: dict[tuple[str, int], dict],
               chosen: dict[str, Scenario], assumptions: Assumptions,
               article_dates: dict[str, object]) -> dict[str, object]:
    """One claim's output row: its own fields, the verdict, the model's shares and the
    reference the reason cites."""
    row = {"claim_id": c.claim_id, "article": c.article, "quote": c.quote,
           "fiscal_year": c.fiscal_year, "value": c.value, "unit": c.unit, "kind": c.kind,
           "qualifier": c.qualifier, "claim": c.claim, "reference_check": c.reference_check,
           "cross_article": c.cross_article, "cross_article_note": c.cross_article_note}
    resolved = [_resolve_reference(r, refs) for r in c.reference]
    model_info = shares.get((name, year)) if name else None
    judged = judge_claim(c, resolved, model_info, chosen, assumptions,
                         claim_year=_claim_year(c, article_dates))
    row.update(verdict=judged["verdict"], reason=judged["reason"], model_scenario=name,
               model_fiscal_year=year, model_status=model_info["status"] if model_info else None,
               claim_type=judged["claim_type"], plan_check=judged["plan_check"])
    for col in MODEL_COLUMNS:
        row[col] = model_info[col] if model_info else np.nan
    row.update(_reference_columns(judged["reference"]))
    return row


def _verdict_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """The rows as a frame of ``OUTPUT_COLUMNS``: model shares as floats, years as Int64."""
    out = pd.DataFrame(rows, columns=OUTPUT_COLUMNS, dtype=object)
    for col in MODEL_COLUMNS:
        out[col] = out[col].astype(float)
    for col in ("fiscal_year", "model_fiscal_year"):
        out[col] = pd.array(out[col], dtype="Int64")
    return out


def _model_year(c: object, chosen: dict[str, Scenario]) -> tuple[str | None, int | None]:
    """(scenario, fiscal year) whose model shares a claim is shown against, or (None, None)."""
    name = _maps_to_scenario(c)
    if name is None or not _is_share(c) or name not in chosen:
        return None, None
    if not pd.isna(c.fiscal_year):
        return name, int(c.fiscal_year)
    return name, chosen[name].target_year


def _model_shares(plan: list[tuple[str | None, int | None]], chosen: dict[str, Scenario],
                  assumptions: Assumptions, history: History) -> dict[tuple[str, int], dict]:
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
    sel = frames.select(tidy, measure=measures)
    wide = frames.wide(sel, index=["scenario", "fiscal_year"])
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


def claim_type(c: object) -> str:
    """``request`` (a reported request, e.g. the US 3.5%), ``pledge`` (a spending target or plan),
    else ``fact`` (see the rubric in the module docstring)."""
    name = _maps_to_scenario(c)
    if name == "us-ask-3.5pct" or (name and c.kind == "attribution"):
        return "request"
    if c.kind == "spending-target":
        return "pledge"
    return "fact"


def judge_claim(c: object, refs: list[dict], model_info: dict | None, chosen: dict[str, Scenario],
                assumptions: Assumptions, claim_year: int | None = None) -> dict:
    """Judge one claim (a row of read_claims) by the rubric.

    Returns a dict: ``verdict``, ``reason`` (starting with ``REASON_LEADS[verdict]``),
    ``reference`` (the row cited, or None), ``claim_type`` and ``plan_check`` (pledges only).
    """
    kind = claim_type(c)
    name = _maps_to_scenario(c)
    plan = None
    if kind == "request":
        verdict, body, ref = _judge_request(c, refs, model_info, chosen.get(name))
    elif kind == "pledge" and c.unit == "years":
        verdict, body, ref = _judge_advance(c, chosen)
    elif kind == "pledge":
        verdict, body, ref = _judge_announcement(c, refs)
        if model_info is not None:
            plan = _plan_check(c, refs, model_info, chosen[name], assumptions)
    elif model_info is not None:
        verdict, body, ref = _judge_share(c, refs, model_info, chosen[name], assumptions)
    elif (date_ref := _date_reference(c, refs)) is not None:
        verdict, body, ref = _judge_date(c, date_ref)
    elif count_refs := _count_references(c, refs):
        verdict, body, ref = _judge_count(c, count_refs, claim_year)
    elif c.reference_check == "not-verified":
        ref = _primary(refs)
        note = re.sub(r"^not verified[;:.,]?\s*", "", c.reference_note, flags=re.IGNORECASE)
        verdict, body = "not-modelled", f"not verified: {note} ({_short(ref)})"
    elif refs:
        verdict, body, ref = _judge_on_reference(c, refs, claim_year)
    else:
        verdict, body, ref = "not-modelled", _no_reference_reason(c), None
    reason = f"{REASON_LEADS[verdict]}: {body}"
    if plan is not None:
        reason += PLAN_SEPARATOR + plan
    return {"verdict": verdict, "reason": reason, "reference": ref, "claim_type": kind,
            "plan_check": plan}


def _verdict_of_check(check: str | None) -> str:
    """The verdict a reference check gives when nothing else is computed."""
    return {"matches": "consistent", "partly-supported": "partly-supported",
            "differs": "inconsistent"}.get(check or "", "not-modelled")


def _share_findings(c: object, refs: list[dict], info: dict, sc: Scenario,
                    assumptions: Assumptions) -> tuple[str, str, dict | None]:
    """A share of GDP read on every definition: (verdict over definitions, text, reference)."""
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
    target = ("" if sc.target_share is None else
              f"{_pct(sc.target_share)} of {_denom_text(sc.denominator, sc.target_year)} in FY{sc.target_year}, ")
    ctx = f"FY{year} {status} of scenario {sc.name} ({target}{_basis_text(sc)})"
    if status == "projection":
        gdp = (f"growth {assumptions.growth_rate:.2%}/yr" if assumptions.growth_rate is not None
               else f"preset {assumptions.gdp_preset}")
        ctx += f"; GDP {gdp} (assumption)"
    if pd.isna(c.fiscal_year):
        ctx += f"; the article prints no year, so checked in FY{year}, the scenario's target year"
    text = f"({bounds[3]}; {ctx})"
    if parts_ok:
        text += ": holds for " + "; ".join(parts_ok)
    if parts_bad:
        text += (": " if not parts_ok else "; ") + "not for " + "; ".join(parts_bad)
    ref = _share_reference(refs, year) or _primary(refs)
    if ref is not None:
        text += f"; reference: {_ref_value_text(ref)} ({_short(ref)})"
    return verdict, text, ref


def _basis_text(sc: Scenario) -> str:
    return "initial + supplementary budgets" if sc.basis == "with-supplementary" else "initial budgets"


def _judge_share(c: object, refs: list[dict], info: dict, sc: Scenario,
                 assumptions: Assumptions) -> tuple[str, str, dict | None]:
    """A statement of fact on a share of GDP: judged on the model, definition by definition."""
    verdict, text, ref = _share_findings(c, refs, info, sc, assumptions)
    lead = {"consistent": f"holds on every denominator and scope checked ({_basis_text(sc)})",
            "inconsistent": f"fails on every denominator and scope checked ({_basis_text(sc)})",
            "depends-on-definition": "the claimed figure comes from some definitions only"}[verdict]
    return verdict, f"{lead} {text}", ref


def _plan_check(c: object, refs: list[dict], info: dict, sc: Scenario,
                assumptions: Assumptions) -> str:
    """Whether a pledged share is met / on track per the model, on its own definition first."""
    year = int(c.fiscal_year) if not pd.isna(c.fiscal_year) else sc.target_year
    own = info[MODEL_COLUMNS[DEFINITIONS.index((sc.denominator, sc.scope))]]
    definition = (f"{_DEF_TEXT[sc.scope]} on {_denom_text(sc.denominator, year)}, "
                  f"{_basis_text(sc)}")
    shares = [r for r in refs if "percent" in r["unit"]]
    _, text, _ = _share_findings(c, shares, info, sc, assumptions)
    met = bool(holds(np.array([own]), claim_bounds(float(c.value), c.qualifier, "fraction"))[0])
    if info["status"] == "projection" and met:
        head = (f"projected: FY{year} is a projection, where scenario {sc.name} meets its target "
                f"by construction ({_pct(own, 2)} on {definition}): an assumption, not evidence")
    elif info["status"] == "projection":
        head = (f"projected not met: in FY{year} (a projection) scenario {sc.name} reaches "
                f"{_pct(own, 2)} on {definition}, {_gap(own, float(c.value))}")
    else:
        head = (f"{'met' if met else 'not met'}: FY{year} {info['status']} is {_pct(own, 2)} on "
                f"the pledge's own definition ({definition})")
    return f"{head}; all definitions {text}"


def _judge_announcement(c: object, refs: list[dict]) -> tuple[str, str, dict | None]:
    """A pledge or plan: was it made as stated? (the source confirms the announcement)."""
    ref = _announcement_reference(refs)
    if ref is None:
        return "not-modelled", "a pledge no bundled source reports; whether it was made is not checked", None
    verdict = _verdict_of_check(c.reference_check)
    lead = {"consistent": "the pledge was made as stated",
            "partly-supported": "the pledge was made, but not entirely as stated",
            "inconsistent": "the pledge was not made as stated",
            "not-modelled": "the announcement is not verified"}[verdict]
    return verdict, f"{lead} (judged on the announcement, not on the level reached): " \
                    f"{c.reference_note} ({_short(ref)})", ref


def _judge_request(c: object, refs: list[dict], info: dict | None,
                   sc: Scenario | None) -> tuple[str, str, dict | None]:
    ref = _share_reference(refs, None) or _primary(refs)
    cite = f"{c.reference_note} ({_short(ref)})" if ref else "no bundled reference row"
    verdict = _verdict_of_check(c.reference_check) if ref else "not-modelled"
    lead = {"consistent": "the request is confirmed as stated",
            "partly-supported": "the source confirms the request only in part",
            "inconsistent": "the source contradicts the request as stated",
            "not-modelled": "the request is not verified"}[verdict]
    text = f"{lead} (a request, judged on the source that reports it, not the model): {cite}"
    if info is not None and sc is not None:
        jpy = info["spending_jpy"].get(sc.scope, np.nan)
        col = MODEL_COLUMNS[DEFINITIONS.index(("fixed-fy2022", sc.scope))]
        text += (f"; for scale, scenario {sc.name} ({_pct(sc.target_share)} of "
                 f"{_denom_text(sc.denominator, sc.target_year)} in FY{sc.target_year}, an assumption) "
                 f"is {jpy / 1e12:.1f} trillion JPY, {_pct(info[col], 2)} of the fixed FY2022 GDP")
    return verdict, text, ref


def _judge_advance(c: object, chosen: dict[str, Scenario]) -> tuple[str, str, dict | None]:
    """'Moved up by N years': the gap between the original and accelerated target years."""
    orig, acc = chosen["original-fy2027"], chosen["accelerated-fy2025"]
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


def _judge_count(c: object, refs: list[dict], claim_year: int | None) -> tuple[str, str, dict]:
    """A count against every official count bundled for it (one per definition), by date."""
    claimed = float(c.value)
    bounds = claim_bounds(claimed, c.qualifier, c.unit)
    found = []
    for r in refs:
        official = float(r["value"])
        ok = bool(holds(np.array([official]), bounds)[0])
        age = reference_age(r, claim_year)
        rel = official / claimed - 1.0
        text = (f"{official:,.0f} {r['unit']} ({r['series']}, {r['fiscal_year']}; {_short(r)}), "
                f"{abs(rel):.1%} {'above' if rel >= 0 else 'below'} the claim")
        found.append({"ref": r, "ok": ok, "current": age is not None and age <= MAX_REFERENCE_AGE_YEARS,
                      "age": age, "text": text})
    current = [f for f in found if f["current"]]
    if current:
        oks = [f["ok"] for f in current]
        verdict = ("consistent" if all(oks) else "inconsistent" if not any(oks)
                   else "depends-on-definition")
        ref = next((f["ref"] for f in current if f["ok"]), current[0]["ref"])
    else:
        verdict = "partly-supported" if any(f["ok"] for f in found) else "not-modelled"
        ref = next((f["ref"] for f in found if f["ok"]), found[-1]["ref"])
    used = current or found  # current figures decide; old ones only where there is nothing else
    fits = [f["text"] for f in used if f["ok"]]
    misses = [f["text"] for f in used if not f["ok"]]
    body = f"{bounds[3]}: "
    if verdict == "depends-on-definition":
        body += "holds for " + "; ".join(fits) + "; not for " + "; ".join(misses)
    else:
        body += "; ".join([f"fits {t}" for t in fits] + [f"does not fit {t}" for t in misses])
    stale = [f for f in found if not f["current"]]
    if stale and current:
        body += "; older figures not used: " + "; ".join(f["text"] for f in stale)
    elif stale:
        when = "; ".join(
            f"{f['ref']['fiscal_year']} cannot be dated against the claim" if f["age"] is None
            else f"{f['ref']['fiscal_year']} is {f['age']} years before the claim ({claim_year})"
            for f in stale)
        body += (f"; not current ({when}): an old figure at most partly supports a present-tense "
                 f"claim and refutes nothing")
    if not current and c.reference_check == "partly-supported":
        body += "; no current count was found"
    return verdict, body, ref


def _judge_on_reference(c: object, refs: list[dict], claim_year: int | None) -> tuple[str, str, dict]:
    """A fact checked on the data's reference comparison, limited by the reference's date."""
    ref = _primary(refs)
    verdict = _verdict_of_check(c.reference_check)
    said = {"matches": "the reference confirms it", "differs": "the reference differs",
            "partly-supported": "the reference confirms part of it"}.get(c.reference_check or "", "")
    body = f"{said}: {c.reference_note} ({_short(ref)})"
    age = reference_age(ref, claim_year) if c.kind in STATE_KINDS else 0
    if age is None or age > MAX_REFERENCE_AGE_YEARS:
        when = (f"dated '{ref['fiscal_year']}', which cannot be dated against the claim"
                if age is None
                else f"dated {ref['fiscal_year']}, {age} years before the claim ({claim_year})")
        body += f"; the reference is {when}, so it at most partly supports the claim"
        verdict = "partly-supported" if verdict in SUPPORTING else "not-modelled"
    return verdict, body, ref


def reference_age(ref: dict, claim_year: int | None) -> int | None:
    """Years from a reference's period (its latest 4-digit year) to the claim's year.

    None when either has no year (an undated reference counts as not current).
    """
    years = [int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", str(ref.get("fiscal_year", "")))]
    if not years or claim_year is None:
        return None
    return claim_year - max(years)


def claim_identity(c: object) -> tuple | None:
    """Key under which two claims are the same fact: subject, kind, value, unit, fiscal year.

    The subject is the ``cross_article`` group, else the mapped scenario; claims without a
    value or a subject have no identity (None) and are judged alone.
    """
    value = c.value
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    subject = c.cross_article or _maps_to_scenario(c)
    if not subject:
        return None
    fy = None if pd.isna(c.fiscal_year) else int(c.fiscal_year)
    return (subject, c.kind, float(value) if isinstance(value, int | float) else str(value), c.unit, fy)


def _one_verdict_per_fact(rows: list[dict], keys: list[tuple | None]) -> None:
    """Identical claims get one verdict: the least-supported one, said in the reason (in place)."""
    groups: dict[tuple, list[int]] = {}
    for i, key in enumerate(keys):
        if key is not None:
            groups.setdefault(key, []).append(i)
    for members in groups.values():
        verdicts = {rows[i]["verdict"] for i in members}
        if len(verdicts) < 2:
            continue
        weakest = min(verdicts, key=SUPPORT_ORDER.index)
        source = next(i for i in members if rows[i]["verdict"] == weakest)
        for i in members:
            if rows[i]["verdict"] == weakest:
                continue
            others = ", ".join(rows[j]["claim_id"] for j in members if j != i)
            body = rows[i]["reason"].split(": ", 1)[1]
            rows[i]["reason"] = (f"{REASON_LEADS[weakest]}: the same claim as {others}, judged "
                                 f"once with the least support found ({rows[source]['claim_id']}: "
                                 f"{weakest}); this statement alone: {body}")
            rows[i]["verdict"] = weakest


# ----------------------------------------------------------------------------------------------
# References
# ----------------------------------------------------------------------------------------------
def _reference_index(references: pd.DataFrame) -> dict[tuple[str, str], list[dict]]:
    index: dict[tuple[str, str], list[dict]] = {}
    for row in references.to_dict("records"):
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


def _count_references(c: object, refs: list[dict]) -> list[dict]:
    """The official (non-article) reference counts in the claim's unit (one per definition)."""
    units = _COUNT_UNITS.get(c.unit or "")
    if not units or not isinstance(c.value, int | float):
        return []
    return [r for r in refs if not _is_article_row(r) and r["unit"] in units]


def _announcement_reference(refs: list[dict]) -> dict | None:
    """The row reporting a pledge's announcement: an event row if any, else the first own row."""
    own = [r for r in refs if not _is_article_row(r)]
    return next((r for r in own if r["unit"] == "date"), own[0] if own else None)


def _share_reference(refs: list[dict], year: int | None) -> dict | None:
    """A reference row giving a share of GDP (in the claim's fiscal year if one is given)."""
    for r in refs:
        if "percent" in r["unit"] and (year is None or r["fiscal_year"] == f"FY{year}"):
            return r
    return None


def _reference_columns(ref: dict | None) -> dict:
    if ref is None:
        return {"reference_value": None, "reference_unit": None, "reference_source": None,
                "reference_url": None, "reference_period": None}
    return {"reference_value": ref["value"], "reference_unit": ref["unit"],
            "reference_source": ref["source_title"], "reference_url": ref["source_url"],
            "reference_period": ref["fiscal_year"]}


def _claim_year(c: object, article_dates: Mapping[str, str]) -> int | None:
    """The year a claim speaks of: its event date's, else its article's (None if unknown)."""
    when = c.event_date or article_dates.get(c.article)
    m = re.match(r"(\d{4})", str(when or ""))
    return int(m.group(1)) if m else None


def short_title(title: str) -> str:
    """Short form of a source title, as the reasons cite it.

    Up to the first comma outside parentheses, keeping a trailing ``(YYYY-MM-DD)``; e.g.
    ``'Defense Buildup Program, Ministry of Defense (2022-12-16)'`` ->
    ``'Defense Buildup Program (2022-12-16)'``.
    """
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
    return short_title(ref["source_title"]) if ref else "no source"


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
    return f"{what}{value}; no bundled reference row speaks to it"


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


# ----------------------------------------------------------------------------------------------
# The reason in the reader's language (spendcalc.i18n)
# ----------------------------------------------------------------------------------------------
def reasons(audit: pd.DataFrame, lang: str = "en") -> pd.Series:
    """Each claim's reason in ``lang``, built from the row's own columns (the verdict, the claim
    type, the model's shares on every definition, the reference cited, the plan check).

    ``reason`` (English) stays the full wording, with the source notes bundled in English; this
    is the same finding in the words of the catalogue (:mod:`spendcalc.i18n`, keys
    ``claims.*``), every number read from the row. The claims' quotes are never translated.
    """
    return pd.Series([reason_text(r, lang) for r in audit.to_dict("records")], index=audit.index,
                     dtype=object)


def reason_text(row: Mapping[str, object], lang: str = "en") -> str:
    """One row of :func:`check_claims` as a reason in ``lang`` (see :func:`reasons`)."""
    from spendcalc import i18n

    verdict = str(row["verdict"])
    parts = []
    same = re.search(r"the same claim as (.+?), judged once", str(row.get("reason") or ""))
    if same:
        parts.append(i18n.t("claims.same_claim", lang, others=same.group(1)))
    if row.get("claim_type") in ("pledge", "request"):
        parts.append(i18n.t(f"claims.what.{row['claim_type']}", lang))
    model = _model_parts(row, lang)
    if row.get("claim_type") == "fact":  # judged on the model: its shares first
        parts, model = parts + model, []
    if row.get("reference_source"):
        parts += _reference_parts(row, lang)
    elif verdict == "not-modelled" and not parts:
        key = f"claims.kind.{row.get('kind')}"
        kind = i18n.t(key, lang) if key in i18n.MESSAGES else str(row.get("kind"))
        parts.append(i18n.t("claims.no_reference", lang, kind=kind))
    if row.get("reference_check") == "not-verified":
        parts.append(i18n.t("claims.not_verified", lang))
    plan = row.get("plan_check")
    if isinstance(plan, str) and plan:
        status = plan.split(":", 1)[0]
        key = f"claims.plan.{status}"
        parts.append(i18n.t("claims.plan", lang, status=i18n.t(key, lang) if key in i18n.MESSAGES
                            else status))
    parts += model  # a pledge's or a request's shares: what the level means, after the finding
    return i18n.t("claims.reason", lang, lead=i18n.t(f"claims.lead.{verdict}", lang),
                  body=i18n.t("claims.join", lang).join(parts))


def _reference_parts(row: Mapping[str, object], lang: str) -> list[str]:
    """The reference a reason cites: its source, period and figure; for a count, how far it is
    from the claim; whether it is older than the claim (as the English reason found)."""
    from spendcalc import i18n

    unit = str(row.get("reference_unit") or "")
    unit_key = "claims.unit.date" if unit.startswith("date") else f"claims.unit.{unit}"
    unit_text = i18n.t(unit_key, lang) if unit_key in i18n.MESSAGES else unit
    period = str(row.get("reference_period") or "-")
    if lang == "ja":
        period = re.sub(r"FY(\d{4})", lambda m: i18n.fy(int(m.group(1)), lang), period)
    value = row.get("reference_value")
    counted = _number(value) if unit in _COUNT_UNITS["count"] | {"persons", "km", "years"} else None
    shown = (f"{counted:,.0f}{unit_text}" if lang == "ja" else f"{counted:,.0f} {unit}") \
        if counted is not None else i18n.t("claims.value_unit", lang, value=value, unit=unit_text)
    check = f"claims.check.{row.get('reference_check')}"
    parts = [i18n.t(check, lang)] if check in i18n.MESSAGES and row.get("claim_type") == "fact" else []
    parts.append(i18n.t("claims.reference", lang, source=short_title(str(row["reference_source"])),
                        period=period, value=shown))
    claimed = _number(row.get("value"))
    if counted is not None and claimed and row.get("claim_type") == "fact" and \
            row.get("unit") not in (None, "fraction", "date"):  # a count: how far from the claim
        rel = counted / claimed - 1.0
        key = "claims.above_claim" if rel >= 0 else "claims.below_claim"
        parts.append(i18n.t(key, lang, share=f"{abs(rel):.1%}"))
    old = re.search(r"(\d+) years before the claim \((\d{4})\)", str(row.get("reason") or ""))
    if old:
        parts.append(i18n.t("claims.old", lang, age=int(old.group(1)), year=int(old.group(2))))
    elif "cannot be dated against the claim" in str(row.get("reason") or ""):
        parts.append(i18n.t("claims.undated", lang))
    return parts


def _number(value: object) -> float | None:
    """A number from a row's value (text in the reference columns), or None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if np.isnan(v) else v


def _model_parts(row: Mapping[str, object], lang: str) -> list[str]:
    """The model's shares on every definition, split into those the claim holds for and not."""
    from spendcalc import i18n

    year = row.get("model_fiscal_year")
    if year is None or pd.isna(year) or row.get("unit") != "fraction":
        return []
    claimed = float(row["value"])
    bounds = claim_bounds(claimed, row.get("qualifier"), "fraction")
    status = str(row.get("model_status") or "")
    key = f"status.{status}"
    parts = [i18n.t("claims.model", lang, year=int(year),
                    status=i18n.t(key, lang) if key in i18n.MESSAGES else status or "-"),
             i18n.t("claims.read_as", lang, range=_bounds_words(bounds, lang))]
    if pd.isna(row.get("fiscal_year")):
        parts.append(i18n.t("claims.no_year", lang, year=int(year)))
    good, bad = [], []
    for (denom, scope), col in zip(DEFINITIONS, MODEL_COLUMNS, strict=True):
        v = row.get(col)
        if v is None or pd.isna(v):
            continue
        cell = i18n.t("claims.cell", lang, scope=i18n.t(f"scope.{scope}", lang),
                      denominator=i18n.t(f"claims.denominator.{denom}", lang), share=_pct(float(v), 2))
        (good if holds(np.array([float(v)]), bounds)[0] else bad).append(cell)
    comma = "、" if lang == "ja" else ", "
    if good:
        parts.append(i18n.t("claims.holds", lang, cells=comma.join(good)))
    if bad:
        parts.append(i18n.t("claims.fails", lang, cells=comma.join(bad)))
    return parts


def _bounds_words(bounds: tuple[float, float, bool, str], lang: str) -> str:
    """A share's bounds in words: '1.95%–2.05%', 'above 2%', 'at most 3%'."""
    from spendcalc import i18n

    low, high, strict, _ = bounds
    if np.isinf(high):
        return i18n.t("claims.above" if strict else "claims.at_least", lang, low=_pct(low, 2))
    if np.isinf(low):
        return i18n.t("claims.at_most", lang, high=_pct(high, 2))
    return i18n.t("claims.range", lang, low=_pct(low, 2), high=_pct(high, 2))
