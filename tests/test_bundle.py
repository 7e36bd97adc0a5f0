"""The newsroom zip (spendcalc.bundle): plain CSV, README and metadata; the scenario download's name."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace

import pandas as pd
import pytest

import spendcalc
from spendcalc import bundle, i18n, linkstate
from spendcalc.cli import main

URL = "http://127.0.0.1:8501/?sc=us-ask-3.5pct,hold-flat&fx=150.0"


@pytest.fixture(scope="module")
def tidy() -> pd.DataFrame:
    return spendcalc.project(["us-ask-3.5pct", "hold-flat"])


@pytest.fixture(scope="module")
def meta() -> dict:
    return spendcalc.data.tables_meta()


def make_zip(tidy, meta, lang="en") -> zipfile.ZipFile:
    data = bundle.newsroom_zip(tidy, meta, version="9.9.9", url=URL, accessed="2026-11-29",
                               methodology_note="Scope: security-related.", lang=lang)
    return zipfile.ZipFile(io.BytesIO(data))


def test_zip_holds_a_csv_plain_pandas_opens_with_the_exact_values(tidy, meta):
    zf = make_zip(tidy, meta)
    assert zf.namelist() == ["data.csv", "README.md", "metadata.json"]
    raw = zf.read("data.csv").decode("utf-8")
    assert raw.splitlines()[0] == "scenario,fiscal_year,status,measure,unit,value,scope,denominator,basis"
    assert not any(line.startswith("#") for line in raw.splitlines())
    back = pd.read_csv(zf.open("data.csv"))  # no comment=, no skiprows: as a newsroom opens it
    assert len(back) == len(tidy)
    pd.testing.assert_series_equal(back["value"], tidy["value"].reset_index(drop=True), check_names=False,
                                   rtol=0, atol=0)
    assert list(back["fiscal_year"]) == list(tidy["fiscal_year"])


def test_csv_cells_cannot_run_as_formulas(tidy):
    hostile = tidy.head(3).assign(status="=HYPERLINK(\"http://x\")", scenario="+1+2")
    text = bundle.data_csv(hostile)
    back = pd.read_csv(io.StringIO(text))
    assert set(back["status"]) == {"'=HYPERLINK(\"http://x\")"}
    assert set(back["scenario"]) == {"'+1+2"}


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_readme_has_methodology_sources_versions_and_bilingual_labels(tidy, meta, lang):
    readme = make_zip(tidy, meta, lang).read("README.md").decode("utf-8")
    assert readme.startswith("# " + i18n.t("bundle.title", lang))
    for column in tidy.columns:  # every column labelled in both languages
        en, ja = i18n.MESSAGES[f"column.{column}"]
        assert f"| `{column}` | {en} | {ja} |" in readme
    for measure in set(tidy["measure"]):
        en, ja = i18n.MESSAGES[f"measure.{measure}"]
        assert en in readme and ja in readme
    assert "data/gdp.csv" in readme and "9.9.9" in readme and bundle.data_version(meta) in readme
    assert URL in readme  # the citation names the page address with its parameters
    assert "baseline_description" in readme and "jpy_per_usd" in readme


def test_metadata_json_carries_assumptions_methodology_sources_and_columns(tidy, meta):
    m = json.loads(make_zip(tidy, meta).read("metadata.json"))
    assert m["assumptions"] == json.loads(json.dumps(tidy.attrs["assumptions"]))
    assert set(m["methodology"]) == {"us-ask-3.5pct", "hold-flat"}
    assert m["software_version"] == "9.9.9" and m["page_url"] == URL
    assert m["data_version"] == bundle.data_version(meta)
    assert [c["name"] for c in m["columns"]] == list(tidy.columns)
    assert {s["file"] for s in m["sources"]} == {f"data/{n}.csv" for n in meta}
    units = {d["name"]: d["unit"] for d in m["measures"]}
    assert units["spending_usd"] == "USD" and units["share_of_gdp"] == "fraction"


def test_zip_is_reproducible_and_data_version_follows_the_data(tidy, meta):
    assert make_zip(tidy, meta).read("data.csv") == make_zip(tidy, meta).read("data.csv")
    one = bundle.newsroom_zip(tidy, meta, version="1", url=URL, accessed="d", methodology_note="")
    assert one == bundle.newsroom_zip(tidy, meta, version="1", url=URL, accessed="d", methodology_note="")
    changed = dict(meta) | {"gdp": dict(meta["gdp"]) | {"sha256": "0" * 64}}
    assert bundle.data_version(changed) != bundle.data_version(meta)
    assert bundle.data_version(meta).startswith("data-") and len(bundle.data_version(meta)) == 17


def test_cite_text_in_both_languages():
    en = bundle.cite_text(URL, "1.0", "data-abc", "2026-11-29", "en")
    ja = bundle.cite_text(URL, "1.0", "data-abc", "2026-11-29", "ja")
    for text in (en, ja):
        assert URL in text and "data-abc" in text and "1.0" in text and "2026-11-29" in text
    assert en != ja


RESERVED = [*spendcalc.data.BUILTIN_ORDER, linkstate.CUSTOM]


@pytest.mark.parametrize("name", ["custom", "us-ask-3.5pct", "my-plan"])
def test_scenario_download_loads_back_into_the_upload_and_the_cli(name, tmp_path, capsys):
    base = spendcalc.resolve_scenarios(["us-ask-3.5pct"], denominator="fixed-fy2022")[0]
    sc = replace(base, name=name, title="A title: with a colon")
    saved = bundle.scenario_for_download(sc, RESERVED)
    text = spendcalc.scenario_to_yaml(saved)
    loaded = spendcalc.scenario_from_yaml(text, where="uploaded file")
    linkstate.check_upload_name(loaded.name, spendcalc.data.BUILTIN_ORDER)  # the app's upload accepts it
    assert loaded == saved and replace(loaded, name=sc.name) == sc  # only a reserved name changes
    assert (saved.name == name) == (name not in RESERVED)
    # downloaded again after the upload: the same file
    assert spendcalc.scenario_to_yaml(bundle.scenario_for_download(loaded, RESERVED)) == text
    # the CLI reads the file and projects exactly what the scenario itself gives
    path = tmp_path / f"{saved.name}.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["project", "--scenario", str(path), "--format", "csv"]) == 0
    out = pd.read_csv(io.StringIO(capsys.readouterr().out))
    expected = spendcalc.project([sc])
    assert set(out["scenario"]) == {saved.name}
    assert list(out["value"]) == pytest.approx(list(expected["value"]), rel=1e-9, nan_ok=True)


def test_cli_bundle_writes_the_same_zip_the_app_offers(tmp_path, capsys):
    path = tmp_path / "brief.zip"
    assert main(["project", "--scenario", "us-ask-3.5pct", "--growth", "1.5%", "--bundle", str(path)]) == 0
    out = capsys.readouterr()
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == list(bundle.MEMBERS)
        frame = pd.read_csv(zf.open("data.csv"))
        meta = json.loads(zf.read("metadata.json"))
        readme = zf.read("README.md").decode("utf-8")
    expected = spendcalc.project(["us-ask-3.5pct"], growth="1.5%")
    # the zip holds the whole projection printed on stdout, with its assumptions and citation
    assert pd.read_csv(io.StringIO(out.out)).shape == frame.shape == expected.shape
    fy2035 = frame[(frame["fiscal_year"] == 2035) & (frame["measure"] == "spending_jpy")]["value"].item()
    assert fy2035 == pytest.approx(spendcalc.select(expected, fiscal_year=2035, measure="spending_jpy")["value"].item(),
                                   rel=1e-12)
    assert meta["assumptions"]["growth_rate"] == pytest.approx(0.015)
    assert "--growth 1.5%" in meta["cite"] and "--growth 1.5%" in readme
    assert not list(tmp_path.glob(".*partial*"))


@pytest.mark.parametrize("bad", ["out.csv", "no-such-folder/out.zip", "."])
def test_cli_bundle_refuses_a_path_it_cannot_write_in_one_line(bad, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["project", "--scenario", "hold-flat", "--bundle", bad]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--bundle" in err and "e.g." in err
    assert list(tmp_path.iterdir()) == []


def test_readme_in_japanese_takes_the_methodology_in_japanese_and_metadata_keeps_english(tidy, meta):
    from spendcalc import methodology, model

    history, a = spendcalc.load_history(), spendcalc.default_assumptions()
    english = tidy.attrs["methodology"]
    local = {}
    for sc in spendcalc.resolve_scenarios(list(english)):
        m = english[sc.name]
        local[sc.name] = methodology.localized(
            m, model.methodology_facts(sc, a, history, m["anchor_year"], m["baseline"]), "ja")
    data = bundle.newsroom_zip(tidy, meta, version="9.9.9", url=URL, accessed="2026-11-29",
                               methodology_note="経費の範囲：安全保障に関連する経費。", lang="ja",
                               readme={"methodology_note": "経費の範囲：安全保障に関連する経費。", "methodology": local})
    zf = zipfile.ZipFile(io.BytesIO(data))
    readme = zf.read("README.md").decode("utf-8")
    assert local["us-ask-3.5pct"]["fx_assumption"] in readme and "1米ドル＝155.2円" in readme
    assert english["us-ask-3.5pct"]["fx_assumption"] not in readme
    assert "当該年度の名目GDPは内閣府経済社会総合研究所" in readme  # the caveat in Japanese
    assert json.loads(zf.read("metadata.json"))["methodology"]["us-ask-3.5pct"]["fx_assumption"] == \
        english["us-ask-3.5pct"]["fx_assumption"]


def test_cli_bundle_in_japanese_has_a_japanese_readme_and_the_same_data(tmp_path, capsys):
    en, ja = tmp_path / "en.zip", tmp_path / "ja.zip"
    for path, lang in ((en, "en"), (ja, "ja")):
        assert main(["project", "--scenario", "us-ask-3.5pct", "--bundle", str(path), "--lang", lang]) == 0
    capsys.readouterr()
    with zipfile.ZipFile(en) as a, zipfile.ZipFile(ja) as b:
        assert a.read("data.csv") == b.read("data.csv")  # the data and its column names do not change
        assert json.loads(a.read("metadata.json"))["methodology"] == json.loads(b.read("metadata.json"))["methodology"]
        readme = b.read("README.md").decode("utf-8")
    assert "安全保障に関連する経費" in readme and "年度平均" in readme and "held flat" not in readme
