"""Selecting rows of a tidy projection and turning it wide. Pure.

A tidy frame (``spendcalc.project``) has one row per ``scenario, fiscal_year, measure`` with its
``unit`` and ``value``. :func:`select` keeps the rows matching column filters (pyam's
``filter``); :func:`wide` pivots the values to one column per measure. Both return new frames
and leave the input untouched.

Example: ``spendcalc.wide(spendcalc.select(tidy, scenario="original-fy2027",
measure=["spending_jpy", "share_of_gdp"]))`` is a fiscal_year x measure table of one scenario.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from spendcalc.errors import SpendcalcError


def select(tidy: pd.DataFrame, **filters: object) -> pd.DataFrame:
    """Keep the rows of ``tidy`` whose columns match every filter.

    Parameters
    ----------
    tidy : DataFrame
        A tidy frame, e.g. from ``spendcalc.project``.
    **filters
        ``column=value`` keeps rows equal to ``value``; ``column=[v1, v2, ...]`` (a list, tuple,
        set or range) keeps rows equal to any of them. ``fiscal_year=range(2025, 2031)`` keeps
        FY2025 to FY2030.

    Returns
    -------
    DataFrame
        The matching rows, a copy, in their original order with a fresh 0..n-1 index.

    Raises
    ------
    SpendcalcError
        A filter names a column the frame does not have.
    """
    keep = pd.Series(True, index=tidy.index)
    for column, wanted in filters.items():
        if column not in tidy.columns:
            raise SpendcalcError("select", column, "a column of the frame: " + ", ".join(map(str, tidy.columns)))
        if isinstance(wanted, list | tuple | set | frozenset | range):
            keep &= tidy[column].isin(list(wanted))
        else:
            keep &= tidy[column] == wanted
    return tidy[keep].reset_index(drop=True)


def wide(tidy: pd.DataFrame, index: str | Sequence[str] = "fiscal_year", columns: str = "measure",
         values: str = "value") -> pd.DataFrame:
    """One column per ``columns`` value (default: per measure), one row per ``index`` value.

    Parameters
    ----------
    tidy : DataFrame
        A tidy frame, e.g. one scenario of ``spendcalc.project`` (select it first).
    index : str or list of str
        Column(s) that identify a row of the result (default ``fiscal_year``; use
        ``["scenario", "fiscal_year"]`` for several scenarios).
    columns : str
        Column whose values become the result's columns (default ``measure``).
    values : str
        Column holding the numbers (default ``value``).

    Returns
    -------
    DataFrame
        Indexed by ``index`` (sorted), with one column per distinct ``columns`` value (sorted);
        a missing combination is NaN.

    Raises
    ------
    SpendcalcError
        Two rows share an ``index`` and ``columns`` value (e.g. two scenarios, not selected or
        put in ``index``): a pivot would have to pick or average one, silently.
    """
    keys = [index] if isinstance(index, str) else list(index)
    duplicated = tidy.duplicated([*keys, columns])
    if duplicated.any():
        first = tidy.loc[duplicated, [*keys, columns]].iloc[0].to_dict()
        raise SpendcalcError("wide", first, f"one row per {', '.join([*keys, columns])}: select one scenario "
                             "first, or add 'scenario' to index")
    out = tidy.pivot(index=index, columns=columns, values=values)
    return out.sort_index().sort_index(axis=1)
