"""The model's inputs as immutable values: :class:`History` and :class:`GdpPreset`. Pure.

A :class:`History` holds the bundled actuals (spending by scope and basis, nominal GDP by ESRI
vintage, GDP presets, exchange rates, deflators, quoted constants) as plain floats: yen and
fractions. It is built by :func:`spendcalc.data.load_history` from the files under ``data/``,
or by hand (the tests build small synthetic ones); this module reads no file.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from dataclasses import FrozenInstanceError, dataclass, field, fields
from types import MappingProxyType
from typing import NamedTuple

import numpy as np
import pandas as pd

from spendcalc.assumptions import Source
from spendcalc.errors import SpendcalcError


@dataclass(frozen=True)
class GdpPreset:
    """A named, dated nominal-GDP projection, applied as growth rates.

    ``growth`` maps fiscal year -> nominal growth [fraction]; after its last year, growth stays at
    ``extend_rate`` (an assumption, stated in ``extend_note``). Frozen: ``growth`` is stored as a
    read-only copy of the mapping given, ``sources`` as a tuple.
    """

    name: str
    title: str
    published: str
    vintage: str
    growth: Mapping[int, float]
    extend_rate: float
    extend_note: str
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "growth", MappingProxyType({int(y): float(g) for y, g in self.growth.items()}))
        object.__setattr__(self, "sources", tuple(self.sources))

    def __reduce__(self) -> tuple:
        return _rebuild, (type(self), _init_values(self))


class SpendingSeries(NamedTuple):
    """Bundled spending of one scope and basis, by fiscal year (ascending; read-only arrays)."""

    years: np.ndarray  # int64 [fiscal year]
    jpy: np.ndarray  # float64 [JPY]
    status: tuple[str, ...]  # 'actual' or 'plan', per year


class GdpSeries(NamedTuple):
    """Actual nominal GDP of one vintage, by fiscal year (ascending; read-only arrays)."""

    years: np.ndarray  # int64 [fiscal year]
    jpy: np.ndarray  # float64 [JPY]


@dataclass(frozen=True)
class _EmptyTable:
    """Default of an optional :class:`FrozenFrame` field (dataclasses refuse a DataFrame default)."""

    columns: tuple[str, ...]


class FrozenFrame:
    """A DataFrame field of :class:`History`: kept as a private copy, handed out as a fresh copy.

    Declared as ``name: pd.DataFrame = FrozenFrame()`` (a required field) or
    ``FrozenFrame(columns=(...))`` (optional; default an empty frame with those columns). The
    frame given to the constructor is copied, so neither the caller's frame nor any frame read
    back from the attribute can change the History.
    """

    def __init__(self, columns: tuple[str, ...] | None = None) -> None:
        self.columns = columns

    def __set_name__(self, owner: type, name: str) -> None:
        self.name, self.slot = name, f"_{name}_frame"

    def __get__(self, obj: object, owner: type | None = None) -> pd.DataFrame:
        if obj is None:  # the dataclass asks for the default
            if self.columns is None:
                raise AttributeError(self.name)  # no default: a required field
            return _EmptyTable(tuple(self.columns))  # hashable stand-in for an empty frame
        return obj.__dict__[self.slot].copy(deep=True)

    def __set__(self, obj: object, value: pd.DataFrame) -> None:
        if self.slot in obj.__dict__:
            raise FrozenInstanceError(f"cannot assign to field '{self.name}'")
        if isinstance(value, _EmptyTable):
            value = pd.DataFrame(columns=list(value.columns))
        if not isinstance(value, pd.DataFrame):
            raise SpendcalcError(self.name, type(value).__name__, "a pandas DataFrame")
        obj.__dict__[self.slot] = value.copy(deep=True)


def frozen_copy(value: object) -> object:
    """A read-only deep copy: mappings as ``MappingProxyType``, lists and tuples as tuples, arrays
    as read-only arrays (strings, numbers, dates and frozen objects as they are)."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: frozen_copy(v) for k, v in value.items()})
    if isinstance(value, list | tuple) and not hasattr(value, "_fields"):
        return tuple(frozen_copy(v) for v in value)
    if isinstance(value, np.ndarray):
        return _read_only(value)
    return value


def _plain(value: object) -> object:
    """Read-only mappings as plain dicts (the constructor freezes them again)."""
    if isinstance(value, MappingProxyType):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _init_values(obj: object) -> dict[str, object]:
    return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj) if f.init}


def _rebuild(cls: type, values: dict[str, object]) -> object:
    """Unpickling: rebuild through the constructor, which copies and freezes everything again."""
    return cls(**values)


def _read_only(values: object, dtype: object = None) -> np.ndarray:
    out = np.array(values, dtype=dtype, copy=True)
    out.flags.writeable = False
    return out


@dataclass(frozen=True, eq=False)
class History:
    """Model inputs read from the bundled data (plain floats: yen, fractions). Immutable.

    spending : columns ``scope, basis, fiscal_year, spending_jpy, status, source`` (status is
        ``actual`` for enacted budgets, ``plan`` for a government draft budget).
    gdp : columns ``vintage, fiscal_year, nominal_gdp_jpy`` (actual ESRI vintages only).
    presets : GDP projection presets by name.
    fx_annual : calendar year -> JPY per USD annual average (Federal Reserve G.5A; default rows).
    deflator : ESRI vintage -> fiscal year -> implicit GDP deflator (nominal / real GDP of that
        vintage; an index whose base cancels in every ratio the model takes).
    fx_fiscal : fiscal year -> JPY per USD fiscal-year (April-March) average.
    constants : name -> value of the ``constants`` section of ``data/defaults.yaml`` (wording
        the model quotes, e.g. in caveats).

    Frozen in substance, so that no caller can change the numbers another caller sees (one
    History is cached per process by :func:`spendcalc.data.load_history` and shared, in the app by every
    session): the constructor copies what it is given; ``spending`` and ``gdp`` (every
    :class:`FrozenFrame` field) return a *fresh copy* on each access, so editing one changes
    nothing else; mapping fields (``presets``, ``fx_annual``, ``deflator``, ``fx_fiscal``,
    ``constants`` and any added later) are stored as read-only ``MappingProxyType`` copies;
    fields cannot be reassigned. The model reads the tables through :meth:`spending_series` and
    :meth:`gdp_series`: read-only numpy arrays keyed by (scope, basis) and by vintage, built
    once here.

    To add a field: a table is declared ``name: pd.DataFrame = FrozenFrame(columns=(...))``, a
    lookup ``name: Mapping[...] = field(default_factory=dict)`` (frozen automatically); both
    need a default, so the constructor stays usable with the fields above.
    """

    spending: pd.DataFrame = FrozenFrame()
    gdp: pd.DataFrame = FrozenFrame()
    presets: Mapping[str, GdpPreset] = field(default_factory=dict)
    fx_annual: Mapping[int, float] = field(default_factory=dict)
    deflator: Mapping[str, Mapping[int, float]] = field(default_factory=dict)
    fx_fiscal: Mapping[int, float] = field(default_factory=dict)
    constants: Mapping[str, object] = field(default_factory=dict)
    #: calendar year (1 October) -> total population [persons]; -> its kind (actual/estimate/projection)
    population: Mapping[int, float] = field(default_factory=dict)
    population_kind: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for f in fields(self):
            if not isinstance(inspect.getattr_static(type(self), f.name, None), FrozenFrame):
                object.__setattr__(self, f.name, frozen_copy(getattr(self, f.name)))
        object.__setattr__(self, "fx_annual",
                           MappingProxyType({int(y): float(v) for y, v in self.fx_annual.items()}))
        s = self.__dict__["_spending_frame"].sort_values("fiscal_year", kind="stable")
        spending = {}
        for (scope, basis), grp in s.groupby(["scope", "basis"], sort=False):
            spending[(str(scope), str(basis))] = SpendingSeries(
                _read_only(grp["fiscal_year"], np.int64), _read_only(grp["spending_jpy"], np.float64),
                tuple(str(x) for x in grp["status"]))
        g = self.__dict__["_gdp_frame"].sort_values("fiscal_year", kind="stable")
        gdp = {str(v): GdpSeries(_read_only(grp["fiscal_year"], np.int64),
                                 _read_only(grp["nominal_gdp_jpy"], np.float64))
               for v, grp in g.groupby("vintage", sort=False)}
        object.__setattr__(self, "_spending_index", MappingProxyType(spending))
        object.__setattr__(self, "_spending_tables", MappingProxyType({
            key: MappingProxyType({int(y): (float(v), st) for y, v, st in zip(
                series.years.tolist(), series.jpy.tolist(), series.status, strict=True)})
            for key, series in spending.items()}))
        object.__setattr__(self, "_gdp_index", MappingProxyType(dict(sorted(gdp.items()))))

    def __copy__(self) -> History:
        return self  # immutable: a copy would be indistinguishable

    def __deepcopy__(self, memo: dict) -> History:
        return self

    def __reduce__(self) -> tuple:
        return _rebuild, (type(self), _init_values(self))

    def __repr__(self) -> str:
        return (f"History(spending={len(self._spending_index)} series, gdp vintages "
                f"{list(self._gdp_index)}, presets {list(self.presets)}, fx_annual "
                f"{len(self.fx_annual)} years)")

    def first_spending_year(self) -> int:
        """The first fiscal year of any bundled spending figure."""
        return min(int(series.years.min()) for series in self._spending_index.values()
                   if series.years.size)

    def spending_table(self, scope: str, basis: str) -> Mapping[int, tuple[float, str]]:
        """``{fiscal_year: (spending_jpy, status)}`` of one scope and basis, read-only (empty if
        none is bundled); built once with the History."""
        return self._spending_tables.get((scope, basis), MappingProxyType({}))

    def spending_series(self, scope: str, basis: str) -> SpendingSeries:
        """Bundled spending of one scope and basis (read-only arrays, ascending years)."""
        series = self._spending_index.get((scope, basis))
        if series is None or series.years.size == 0:
            raise SpendcalcError("scope", f"{scope}/{basis}", "a scope and basis with bundled figures")
        return series

    def gdp_series(self, vintage: str) -> GdpSeries:
        """Actual nominal GDP of one vintage (read-only arrays, ascending years)."""
        series = self._gdp_index.get(vintage)
        if series is None or series.years.size == 0:
            raise SpendcalcError("gdp_vintage", vintage, f"one of {', '.join(self._gdp_index)}")
        return series

    def anchor(self, scope: str, basis: str) -> tuple[int, float]:
        """Last bundled (fiscal_year, spending_jpy) for a scope and basis."""
        series = self.spending_series(scope, basis)
        last = int(np.flatnonzero(series.years == series.years.max())[0])  # first row of the last year
        return int(series.years[last]), float(series.jpy[last])

    def last_actual_year(self, scope: str, basis: str) -> int:
        """Last fiscal year with an enacted (status ``actual``) figure."""
        series = self.spending_series(scope, basis)
        actual = [int(y) for y, st in zip(series.years, series.status, strict=True) if st == "actual"]
        if not actual:
            raise SpendcalcError("scope", f"{scope}/{basis}", "a scope and basis with an enacted figure")
        return max(actual)
