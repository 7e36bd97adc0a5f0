"""The History is built from the bundled tables read with the ``csv`` module (``data._records``);
``read_table`` reads the same files with pandas. Both must give the same rows, value for value."""

from __future__ import annotations

import pandas as pd
import pytest

from spendcalc import data


@pytest.mark.parametrize("table", data.TABLES)
def test_records_equal_the_rows_of_read_table(table):
    frame, _ = data.read_table(table)
    expected = [{k: (None if v is pd.NA else v) for k, v in row.items()} for row in frame.to_dict("records")]
    got = [dict(r) for r in data._records(table)]
    assert len(got) == len(expected) > 0
    for i, (a, b) in enumerate(zip(got, expected, strict=True)):
        assert a.keys() == b.keys(), (table, i)
        for key in a:
            assert a[key] == b[key] and type(a[key]) is type(b[key]), (table, i, key, a[key], b[key])


def test_records_are_read_only_and_shared():
    rows = data._records("gdp")
    with pytest.raises(TypeError):
        rows[0]["value"] = 0.0  # type: ignore[index]
    assert data._records("gdp") is rows


def test_unknown_table_is_refused():
    with pytest.raises(data.SpendcalcError):
        data._records("nothing")
