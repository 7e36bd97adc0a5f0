"""Checks data/claims.yaml (claims in the five news articles) against the articles and the
reference CSV that live in ../shared/ beside the repository checkout."""

import csv
import datetime as dt
import functools
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ARTICLES_DIR = SHARED / "articles"
REFERENCE_CSV = SHARED / "reference" / "japan_defense_figures.csv"
CLAIMS_FILE = REPO / "data" / "claims.yaml"
META_FILE = REPO / "data" / "claims.meta.yaml"

CLAIM_KEYS = [
    "claim_id", "article", "quote", "claim", "kind", "value", "unit", "qualifier",
    "fiscal_year", "event_date", "maps_to", "reference", "reference_check",
    "reference_note", "cross_article", "cross_article_note",
]
ARTICLE_KEYS = ["file", "headline", "outlet", "date", "date_reasoning"]
KINDS = {"spending-target", "budget-figure", "date", "force-posture", "policy",
         "attribution", "event", "geography"}
UNITS = {"fraction", "JPY", "persons", "count", "km", "years", "date"}
SCENARIOS = {"original-fy2027", "accelerated-fy2025", "us-ask-3.5pct"}
CHECKS = {"matches", "differs", "partly-supported", "not-verified"}
REF_KEYS = {"series", "fiscal_year", "value", "unit", "source_title", "source_url", "confidence"}
ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_QUOTE_WORDS = 30


def _norm(text):
    return " ".join(text.split())


def _is_iso_date(value):
    if not isinstance(value, str):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _is_partial_iso(value):
    if not isinstance(value, str) or not ISO_PARTIAL.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    parts += [1] * (3 - len(parts))
    try:
        dt.date(*parts)
    except ValueError:
        return False
    return True


# Loaders are plain cached functions (not fixtures) so that a missing articles folder or CSV
# makes each test FAIL with a clear message rather than error out in setup or be skipped.
@functools.cache
def _load_articles():
    if not ARTICLES_DIR.is_dir():
        return None
    files = sorted(p for p in ARTICLES_DIR.iterdir() if p.is_file() and p.suffix == ".txt")
    return {p.name: _norm(p.read_text(encoding="utf-8")) for p in files}


def _article_texts():
    texts = _load_articles()
    if texts is None:
        pytest.fail(
            f"articles folder not found at {ARTICLES_DIR}: data/claims.yaml is checked against "
            "the article texts in ../shared/articles/ beside the repository checkout"
        )
    if not texts:
        pytest.fail(f"no article .txt files in {ARTICLES_DIR}")
    return texts


@functools.cache
def _load_reference_rows():
    if not REFERENCE_CSV.is_file():
        return None
    with REFERENCE_CSV.open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))


def _reference_rows():
    rows = _load_reference_rows()
    if rows is None:
        pytest.fail(f"reference CSV not found at {REFERENCE_CSV}")
    return rows


@pytest.fixture(scope="module")
def data():
    loaded = yaml.safe_load(CLAIMS_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), "claims.yaml must be a mapping"
    assert set(loaded) == {"articles", "claims"}, sorted(loaded)
    return loaded


@pytest.fixture(scope="module")
def claims(data):
    assert isinstance(data["claims"], list) and data["claims"]
    return data["claims"]


def test_every_article_has_entry_and_claims(data, claims):
    article_texts = _article_texts()
    entries = {a["file"]: a for a in data["articles"]}
    assert len(entries) == len(data["articles"]), "duplicate article entries"
    assert set(entries) == set(article_texts), (
        f"articles: entries {sorted(entries)} != files {sorted(article_texts)}"
    )
    per_article = Counter(c["article"] for c in claims)
    for name in article_texts:
        assert per_article[name] >= 1, f"{name} contributes no claim"
    assert set(per_article) <= set(article_texts)


def test_article_entries(data):
    article_texts = _article_texts()
    for a in data["articles"]:
        assert list(a) == ARTICLE_KEYS, (a.get("file"), list(a))
        text = article_texts[a["file"]]
        assert isinstance(a["headline"], str) and text.startswith(_norm(a["headline"])), a["file"]
        assert _is_iso_date(a["date"]), (a["file"], a["date"])
        assert isinstance(a["date_reasoning"], str) and a["date_reasoning"].strip()
        if a["outlet"] is not None:
            assert _norm(a["outlet"]) in text, f"{a['file']}: outlet not named in the text"


def test_claims_have_all_keys(claims):
    for c in claims:
        assert list(c) == CLAIM_KEYS, (c.get("claim_id"), sorted(set(CLAIM_KEYS) ^ set(c)))


def test_claim_ids_unique_and_well_formed(data, claims):
    ids = [c["claim_id"] for c in claims]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, f"duplicate claim_ids: {dupes}"
    index = {a["file"]: i for i, a in enumerate(data["articles"])}
    for c in claims:
        m = re.fullmatch(r"a(\d{3})-(\d{2})", c["claim_id"])
        assert m, c["claim_id"]
        assert c["article"].startswith(m.group(1) + "_"), (c["claim_id"], c["article"])
        assert c["article"] in index


def test_quotes_verbatim_and_short(claims):
    article_texts = _article_texts()
    for c in claims:
        quote = c["quote"]
        assert isinstance(quote, str) and quote.strip(), c["claim_id"]
        excerpts = quote.split(" ... ")
        words = sum(len(e.split()) for e in excerpts)
        assert words <= MAX_QUOTE_WORDS, f"{c['claim_id']}: quote has {words} words"
        text = article_texts[c["article"]]
        for excerpt in excerpts:
            assert _norm(excerpt) in text, f"{c['claim_id']}: not verbatim in {c['article']}: {excerpt!r}"


def test_kinds_units_values(claims):
    for c in claims:
        cid = c["claim_id"]
        assert c["kind"] in KINDS, (cid, c["kind"])
        assert isinstance(c["claim"], str) and c["claim"].strip(), cid
        value, unit = c["value"], c["unit"]
        assert (value is None) == (unit is None), f"{cid}: value and unit must be set together"
        if unit is None:
            continue
        assert unit in UNITS, (cid, unit)
        if unit == "date":
            assert _is_partial_iso(value), f"{cid}: date value {value!r} is not ISO 8601"
        else:
            assert isinstance(value, (int, float)) and not isinstance(value, bool), (cid, value)
            if unit == "fraction":
                assert 0 < value < 1, f"{cid}: fraction {value} not in (0, 1)"
            else:
                assert value > 0, (cid, value)


def test_dates_and_fiscal_years(claims):
    for c in claims:
        if c["event_date"] is not None:
            assert _is_iso_date(c["event_date"]), (c["claim_id"], c["event_date"])
        fy = c["fiscal_year"]
        if fy is not None:
            assert isinstance(fy, int) and not isinstance(fy, bool), (c["claim_id"], fy)
            assert 2000 <= fy <= 2050, (c["claim_id"], fy)


def test_maps_to(claims):
    seen = set()
    for c in claims:
        m = c["maps_to"]
        if m is None:
            continue
        assert m == {"scenario": m.get("scenario"), "measure": "share_of_gdp"}, (c["claim_id"], m)
        assert m["scenario"] in SCENARIOS, (c["claim_id"], m)
        assert c["unit"] == "fraction", f"{c['claim_id']}: maps_to needs a share-of-GDP value"
        seen.add(m["scenario"])
        if m["scenario"] == "us-ask-3.5pct":
            assert c["value"] == pytest.approx(0.035)
        else:
            assert c["value"] == pytest.approx(0.02)
            expected_fy = 2027 if m["scenario"] == "original-fy2027" else 2025
            assert c["fiscal_year"] in (None, expected_fy), c["claim_id"]
    assert seen == SCENARIOS


def _same_value(ours, theirs):
    if isinstance(ours, (dt.date, dt.datetime)):
        ours = ours.isoformat()
    try:
        return float(ours) == float(theirs)
    except (TypeError, ValueError):
        return str(ours) == theirs


def test_references_match_csv_rows(claims):
    reference_rows = _reference_rows()
    n_refs = 0
    for c in claims:
        cid = c["claim_id"]
        ref = c["reference"]
        if ref is None:
            assert c["reference_check"] is None and c["reference_note"] is None, cid
            continue
        assert c["reference_check"] in CHECKS, (cid, c["reference_check"])
        assert isinstance(c["reference_note"], str) and c["reference_note"].strip(), cid
        refs = ref if isinstance(ref, list) else [ref]
        assert refs, cid
        for r in refs:
            n_refs += 1
            assert set(r) == REF_KEYS, (cid, sorted(r))
            hits = [
                row for row in reference_rows
                if row["series"] == r["series"]
                and row["fiscal_year"] == str(r["fiscal_year"])
                and _same_value(r["value"], row["value"])
            ]
            assert hits, f"{cid}: no CSV row {r['series']} / {r['fiscal_year']} / {r['value']}"
            row = hits[0]
            for key in ("unit", "source_title", "source_url", "confidence"):
                assert r[key] == row[key], f"{cid}: reference {key} differs from the CSV row"
    assert n_refs > 0


def test_cross_article_groups(claims):
    groups = {}
    for c in claims:
        if c["cross_article"] is None:
            assert c["cross_article_note"] is None, c["claim_id"]
            continue
        assert re.fullmatch(r"[a-z0-9.]+(-[a-z0-9.]+)*", c["cross_article"]), c["cross_article"]
        groups.setdefault(c["cross_article"], set()).add(c["article"])
    for key, articles in groups.items():
        assert len(articles) >= 2, f"cross_article group {key!r} spans only {articles}"


def test_meta_sidecar_describes_fields():
    meta = yaml.safe_load(META_FILE.read_text(encoding="utf-8"))
    for key in ("title", "publisher", "source_url", "retrieved_on", "definition", "units",
                "transcribed_by", "fields"):
        assert key in meta, key
    assert meta["publisher"] is None
    assert meta["source_url"] == "../shared/articles/"
    assert _is_iso_date(str(meta["retrieved_on"]))
    missing = (set(CLAIM_KEYS) | set(ARTICLE_KEYS)) - set(meta["fields"])
    assert not missing, f"fields not described in claims.meta.yaml: {sorted(missing)}"


def test_identical_claims_share_one_reference_check(claims):
    """The same fact stated in several articles (same subject, kind, value, unit and fiscal year)
    is compared with its reference once: the data must not judge it two ways."""
    groups = {}
    for c in claims:
        subject = c["cross_article"] or (c["maps_to"] or {}).get("scenario")
        if c["value"] is None or subject is None:
            continue
        key = (subject, c["kind"], str(c["value"]), c["unit"], c["fiscal_year"])
        groups.setdefault(key, []).append(c)
    shared = [members for members in groups.values() if len(members) > 1]
    assert len(shared) >= 5
    for members in shared:
        checks = {c["reference_check"] for c in members}
        assert len(checks) == 1, {c["claim_id"]: c["reference_check"] for c in members}
    request = next(m for m in shared if m[0]["claim_id"] in ("a002-13", "a004-25"))
    assert {c["claim_id"] for c in request} == {"a002-13", "a004-25"}
