"""Display helpers of the app (spendcalc.present): text for numbers, chart specs, the CSV download."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import spendcalc
from spendcalc import present


def test_numbers_as_text():
    assert present.trillion(27_213_000_000_000.0) == "27.21 trillion JPY"
    assert present.trillion_number(1_234_567_000_000_000.0) == "1,234.57"
    assert present.percent(0.035) == "3.50%" and present.percent(0.0349, 1) == "3.5%"
    assert present.percent(None) == present.percent(math.nan) == "n/a"


@pytest.fixture(scope="module")
def tidy() -> pd.DataFrame:
    return spendcalc.project(["original-fy2027", "accelerated-fy2025", "us-ask-3.5pct", "hold-flat"], until=2036)


def test_sources_table_has_one_row_per_table():
    table = present.sources_table({"a": {"title": "A", "retrieved_on": "2026-01-01"}, "b": {}})
    assert list(table["table"]) == ["data/a.csv", "data/b.csv"] and table["retrieved_on"][0] == "2026-01-01"


def test_shared_attrs_are_not_copied_by_pandas_and_cannot_be_changed():
    import pickle

    from spendcalc.present import SharedAttrs, share_attrs

    plain = spendcalc.project(["us-ask-3.5pct", "hold-flat"])
    shared = share_attrs(spendcalc.project(["us-ask-3.5pct", "hold-flat"]))
    assert shared.attrs == plain.attrs  # the same methodology, only shared
    selected = shared[shared["measure"] == "spending_jpy"]
    assert selected.attrs["methodology"] is shared.attrs["methodology"]  # not deep-copied
    assert plain[plain["measure"] == "spending_jpy"].attrs["methodology"] is not plain.attrs["methodology"]
    with pytest.raises(TypeError, match="read-only"):
        shared.attrs["methodology"]["x"] = 1
    with pytest.raises(TypeError, match="read-only"):
        shared.attrs["methodology"].update({"x": 1})
    back = pickle.loads(pickle.dumps(shared))  # as st.cache_data stores it
    assert isinstance(back.attrs["methodology"], SharedAttrs) and back.attrs == plain.attrs


def test_the_screens_projection_has_the_same_values_and_charts():
    from spendcalc import chartdata
    from spendcalc.present import SharedAttrs, chart_spec, for_screen

    tidy = spendcalc.project(["us-ask-3.5pct", "hold-flat"])
    shown = for_screen(spendcalc.project(["us-ask-3.5pct", "hold-flat"]))
    assert isinstance(shown.attrs["methodology"], SharedAttrs) and shown.attrs == tidy.attrs
    assert shown["scenario"].dtype == object and shown["value"].dtype == tidy["value"].dtype
    pd.testing.assert_frame_equal(shown.astype(tidy.dtypes.to_dict()), tidy)
    for draw in (chartdata.spending, chartdata.share):
        assert chart_spec(draw(shown, lang="en")) == chart_spec(draw(tidy, lang="en"))
