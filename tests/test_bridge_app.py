"""The app's Reconcile tab: the scope waterfall of a chosen year and the SIPRI comparison."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.mark.slow
@pytest.mark.app
def test_reconcile_tab_shows_the_bridge_for_a_chosen_year_and_the_sipri_comparison():
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["tab"] = "Reconcile"
    at.run()
    assert not at.exception and not at.error
    bridges = [d for d in at.dataframe if "component" in d.value.columns and "trillion_jpy" in d.value.columns]
    assert len(bridges) == 1
    table = bridges[0].value
    assert table["trillion_jpy"].iloc[-1] == 11.0 and table["fiscal_year"].iloc[0] == "FY2025"
    sipri = [d.value for d in at.dataframe if "SIPRI share (%)" in d.value.columns]
    assert len(sipri) == 1 and 2024 in set(sipri[0]["calendar year"])
    row = sipri[0].set_index("calendar year").loc[2024]
    assert row["SIPRI share (%)"] == pytest.approx(1.371, abs=0.001)  # SIPRI's 2024 share, bundled
    assert sipri[0]["why it differs"].str.len().min() > 20, "every year's difference is explained"
    # numbers stay numbers: a year without a figure is blank, never the text "None"
    numeric = sipri[0].drop(columns=["why it differs"])
    assert all(dtype.kind in "if" for dtype in numeric.dtypes)
    assert numeric["SIPRI share (%)"].isna().any() and not (sipri[0].astype(str) == "None").any().any()
    at.selectbox(key="bridge_year").set_value(2024).run()
    at.radio(key="bridge_basis").set_value("initial").run()
    assert not at.exception and not at.error
    table = [d for d in at.dataframe if "trillion_jpy" in d.value.columns][0].value
    assert table["fiscal_year"].iloc[0] == "FY2024" and table["trillion_jpy"].iloc[-1] == 8.9
