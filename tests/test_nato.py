"""The NATO-style split (spendcalc.nato) and its scopes nato-core / nato-related."""

from __future__ import annotations

import pandas as pd
import pytest

import spendcalc
from spendcalc import nato, schema
from spendcalc.assumptions import Scenario
from spendcalc.cli import main
from spendcalc.data import load_history, nato_components, nato_split, read_table

T = 1e12


def test_every_component_is_mapped_once_with_its_reasoning():
    table = nato.mapping_table()
    assert list(table["name"]) == ["dbp_covered", "saco_realignment", "other_ministries", "four_areas"]
    assert set(table["category"]) == {"nato-core", "nato-related"}
    assert table["reasoning"].str.len().min() > 30
    assert set(nato.FRAMEWORK_SERIES.values()) == set(table["name"])
    assert "PROJECT'S ANALYTICAL MAPPING" in nato.__doc__


def test_fy2027_plan_split_by_hand_and_sums_to_the_security_related_total():
    split = nato_split().set_index("scope")
    assert list(split["fiscal_year"]) == [2027, 2027]
    assert split.at["nato-core", "spending_jpy"] == pytest.approx((8.9 + 0.2 + 0.9) * T, rel=1e-12)
    assert split.at["nato-related", "spending_jpy"] == pytest.approx(1.0 * T, rel=1e-12)
    assert set(split["status"]) == {"plan"}
    fw, _ = read_table("framework")
    total = fw[(fw["series"] == "two_pct_target_amount") & fw["is_default"]]["value"].item() * T
    assert split["spending_jpy"].sum() == pytest.approx(total, rel=1e-12)  # 11 trillion yen
    assert "Defense of Japan 2024" in split.at["nato-core", "source"]


def test_a_year_with_a_missing_component_is_left_out():
    rows = [(2025, "dbp_covered", 8.5 * T, "actual", "s"), (2025, "saco_realignment", 0.2 * T, "actual", "s"),
            (2025, "four_areas", 0.9 * T, "actual", "s")]
    assert nato.split(rows).empty
    rows.append((2025, "other_ministries", 0.4 * T, "estimate", "s"))
    out = nato.split(rows).set_index("scope")
    assert out.at["nato-core", "spending_jpy"] == pytest.approx(9.1 * T)
    assert out.at["nato-core", "status"] == "estimate" and out.at["nato-related", "status"] == "actual"
    with pytest.raises(ValueError, match="twice"):
        nato.split([*rows, rows[0]])


def test_scopes_are_in_the_schema_and_the_history():
    assert {"nato-core", "nato-related"} <= set(schema.SCOPES)
    assert len(nato_components()) == 4
    h = load_history()
    assert h.anchor("nato-core", "initial") == (2027, 10.0 * T)
    assert h.anchor("nato-related", "initial") == (2027, 1.0 * T)
    with pytest.raises(spendcalc.SpendcalcError, match="scope"):
        h.anchor("nato-core", "with-supplementary")  # no supplementary split: said so


def test_project_with_the_nato_scopes_reaches_the_targets():
    core = Scenario("core", 0.035, 2035, scope="nato-core", denominator="same-year")
    related = Scenario("related", 0.015, 2035, scope="nato-related", denominator="same-year")
    tidy = spendcalc.project([core, related], until=2036)
    w = tidy.pivot_table(index=["scenario", "fiscal_year"], columns="measure", values="value")
    assert w.loc[("core", 2035), "share_of_gdp_same_year"] == pytest.approx(0.035, rel=1e-12)
    assert w.loc[("related", 2035), "share_of_gdp_same_year"] == pytest.approx(0.015, rel=1e-12)
    assert w.loc[("core", 2027), "spending_jpy"] == 10.0 * T
    assert ("core", 2026) not in w.index or pd.isna(w.loc[("core", 2026), "spending_jpy"])


def test_builtin_nato_hague_scenario():
    sc = spendcalc.get_scenario("nato-hague-fy2035")
    assert (sc.scope, sc.target_share, sc.target_year, sc.denominator, sc.basis) == (
        "nato-core", 0.035, 2035, "same-year", "initial")
    assert "1.5%" in sc.description and "analytical mapping" in sc.description
    assert any("Hague" in s.title for s in sc.sources)
    assert "nato-hague-fy2035" in spendcalc.get_scenario("us-ask-3.5pct").description


def test_cli_scope_choice_and_bad_scope(capsys):
    code = main(["project", "--scenario", "nato-hague-fy2035", "--measure", "share_of_gdp",
                 "--format", "csv", "--until", "2035"])
    out, _ = capsys.readouterr()
    assert code == 0 and "nato-hague-fy2035,2035" in out
    try:
        code = main(["project", "--scope", "nato"])
    except SystemExit as exc:
        code = exc.code
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "nato-core" in err
    code = main(["project", "--scenario", "hold-flat", "--scope", "nato-core"])  # with-supplementary
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "nato-core/with-supplementary" in err
