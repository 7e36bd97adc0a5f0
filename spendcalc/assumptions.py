"""Assumptions and scenarios: frozen, validated dataclasses (no behaviour beyond validation).

Conventions
-----------
* Shares are fractions (0.02 is 2%); growth and inflation are fractions per year (0.03 is 3%/yr).
* Money is in yen (float); the exchange rate is JPY per USD.
* ``fiscal_year`` is a Japanese fiscal year: FY2025 runs from April 2025 to March 2026.
* Types, units and plausible ranges are declared once, in :mod:`spendcalc.schema`, and checked
  on construction; the error names the field, the value, the allowed range and an example.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass, field
from typing import Literal

from spendcalc import schema
from spendcalc.errors import SpendcalcError
from spendcalc.schema import (  # noqa: F401  (re-exported: the names predate the schema)
    AFTER_TARGET,
    BASELINES,
    BASES,
    DENOMINATORS,
    FIRST_FISCAL_YEAR,
    FX_RATES_FOR_ACTUALS,
    LAST_FISCAL_YEAR,
    PATHS,
    SCOPES,
)
from spendcalc.text import check_text, check_url, excerpt

Scope = Literal["security-related", "mod-budget", "nato-core", "nato-related"]
Denominator = Literal["fixed-fy2022", "same-year"]
PathShape = Literal["linear-yen", "constant-growth", "linear-share", "hold-flat"]
AfterTarget = Literal["hold-share", "hold-yen"]
Basis = Literal["initial", "with-supplementary"]

#: vintage-specific fields without a default here: their values live in data/defaults.yaml
REQUIRED_FIELDS: tuple[str, ...] = ("gdp_vintage", "inflation_rate", "price_base_year", "jpy_per_usd",
                                    "reference_gdp_jpy", "until", "cumulative_from")


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """``value`` if it is one of ``choices`` (exact text); SpendcalcError otherwise."""
    if not isinstance(value, str) or value not in choices:
        raise SpendcalcError(name, value, "one of " + ", ".join(choices))
    return str(value)


def check_year(name: str, value: object, low: int = FIRST_FISCAL_YEAR, high: int = LAST_FISCAL_YEAR) -> int:
    """A whole fiscal year from ``low`` to ``high`` (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not low <= value <= high:
        raise SpendcalcError(name, value, f"a fiscal year from {low} to {high}")
    return int(value)


#: most characters of each free-text field of a Scenario (checked by ``spendcalc.text.check_text``)
TEXT_LIMITS: dict[str, int] = {"title": 200, "description": 5000, "source_title": 500,
                               "source_url": 2000, "source_quote": 2000}


@dataclass(frozen=True)
class Source:
    """Where a figure or a scenario comes from."""

    title: str
    url: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Assumptions:
    """Economic assumptions shared by all scenarios of a projection.

    Parameters
    ----------
    gdp_preset : str or None
        Named, dated nominal-GDP projection (see ``spendcalc.data.GDP_PRESETS``), applied as growth
        rates from the last actual year of ``gdp_vintage``. Ignored where ``growth_rate`` is set.
    growth_rate : float or None
        Constant nominal GDP growth after the last actual year. [1/year, fraction]
    growth_overrides : tuple of (fiscal_year, rate)
        Sparse per-year nominal growth; each value holds until the next listed year. [fraction]
    gdp_vintage : str
        Which ESRI vintage supplies actual nominal GDP (and the actual GDP deflator).
    inflation_rate : float
        Deflator growth assumed after the vintage's last actual deflator year (real terms of
        earlier years use the bundled deflator). [1/year, fraction]
    price_base_year : int
        Real terms are in yen of this fiscal year.
    jpy_per_usd : float
        Stated exchange rate for USD figures of projected years (and of every year with
        ``fx_rate_for_actuals='stated'`` and no ``fx_history``). [JPY/USD]
    fx_history : bool
        Convert fiscal years with a bundled calendar-year average at that average: FYnnnn uses the
        calendar-year-nnnn Federal Reserve average (9 of its 12 months overlap the fiscal
        year; an approximation). Takes precedence over ``fx_rate_for_actuals`` where both apply.
    reference_gdp_jpy : float
        The fixed denominator of the 2% framework (FY2022 GDP as estimated in Dec 2022). [JPY]
    until : int
        Last fiscal year projected.
    cumulative_from : int
        Cumulative measures sum from this fiscal year.
    fx_rate_for_actuals : {'stated', 'fiscal-year-average'}
        ``fiscal-year-average``: fiscal years with a bundled April-March average use it, later
        years the stated rate. ``stated`` (the default of this class): one stated rate.
    baseline : {'own', 'common'}
        What extra yen are measured against. ``own`` (the default of this class): spending held
        flat at each scenario's last decided level in its own scope and basis. ``common``: one
        level for every scenario, the bundled ``baseline_scope``/``baseline_basis`` figure of
        ``baseline_year``, held flat after that year.
    baseline_scope, baseline_basis : str
        Scope and basis of the common baseline.
    baseline_year : int or None
        Fiscal year of the common baseline level (None: the last ``actual`` figure of that
        scope and basis).

    The vintage-specific fields (``REQUIRED_FIELDS``) have no default in Python: their values
    live in ``data/defaults.yaml``, and ``spendcalc.default_assumptions()`` builds the default
    Assumptions from it. ``Assumptions()`` with one of them missing raises SpendcalcError.
    """

    gdp_preset: str | None = None
    growth_rate: float | None = None
    growth_overrides: tuple[tuple[int, float], ...] = ()
    gdp_vintage: str | None = None
    inflation_rate: float | None = None
    price_base_year: int | None = None
    jpy_per_usd: float | None = None
    fx_history: bool = False
    reference_gdp_jpy: float | None = None
    until: int | None = None
    cumulative_from: int | None = None
    fx_rate_for_actuals: str = "stated"
    baseline: str = "own"
    baseline_scope: str = "security-related"
    baseline_basis: str = "with-supplementary"
    baseline_year: int | None = None

    def __post_init__(self) -> None:
        check = schema.check
        for name in REQUIRED_FIELDS:
            if getattr(self, name) is None:
                raise SpendcalcError(name, None, "a value (vintage-specific; spendcalc.default_assumptions() "
                                     "gives the bundled defaults of data/defaults.yaml)")
        if self.growth_rate is not None:
            object.__setattr__(self, "growth_rate", check("growth_rate", self.growth_rate))
        elif self.gdp_preset is None:
            raise SpendcalcError("gdp_preset", None, "a GDP preset name, or a growth_rate "
                                 "(spendcalc.default_assumptions() gives the bundled defaults)")
        overrides = []
        for item in self.growth_overrides:
            if not (isinstance(item, tuple | list) and len(item) == 2):
                raise SpendcalcError("growth_overrides", item, "pairs of (fiscal_year, growth rate)")
            overrides.append((check_year("growth_overrides", item[0]), check("growth_overrides", item[1])))
        if len({year for year, _ in overrides}) < len(overrides):
            raise SpendcalcError("growth_overrides", self.growth_overrides, "one rate per fiscal year")
        object.__setattr__(self, "growth_overrides", tuple(sorted(overrides)))
        for name in ("inflation_rate", "jpy_per_usd", "reference_gdp_jpy"):
            object.__setattr__(self, name, check(name, getattr(self, name)))
        check("fx_history", self.fx_history)
        for name in ("gdp_preset", "gdp_vintage"):
            if name != "gdp_preset" or self.gdp_preset is not None:
                check(name, getattr(self, name))
        for name in ("price_base_year", "until", "cumulative_from"):
            object.__setattr__(self, name, check_year(name, getattr(self, name)))
        for name in ("fx_rate_for_actuals", "baseline", "baseline_scope", "baseline_basis"):
            check(name, getattr(self, name))
        if self.baseline_year is not None:
            object.__setattr__(self, "baseline_year", check_year("baseline_year", self.baseline_year))


@dataclass(frozen=True)
class Scenario:
    """A spending pathway: a target share of GDP reached in a target year, or a flat baseline.

    Parameters
    ----------
    name : str
        Identifier (lowercase letters, digits, ``.``, ``-``, ``_``).
    target_share : float or None
        Share of GDP to reach in ``target_year``. [fraction] None only for ``path='hold-flat'``.
    target_year : int or None
        Fiscal year in which the target is reached.
    scope : {'security-related', 'mod-budget', 'nato-core', 'nato-related'}
        Which spending is counted: the 2% framework's security-related total, the headline MOD
        defense budget (including SACO and US-realignment costs), or the project's NATO-style
        split of the security-related total (:mod:`spendcalc.nato`: core and related).
    denominator : {'fixed-fy2022', 'same-year'}
        GDP the share is measured against: the government's fixed FY2022 GDP (~560 trillion yen),
        or each fiscal year's own nominal GDP (the share of the same fiscal year's GDP, not
        SIPRI's calendar-year figure: see :func:`spendcalc.sipri_series`).
    path : {'linear-yen', 'constant-growth', 'linear-share', 'hold-flat'}
        Shape from the last bundled figure to the target.
    after_target : {'hold-share', 'hold-yen'}
        What happens after the target year.
    basis : {'initial', 'with-supplementary'}
        Whether bundled actuals are initial budgets, or initial plus supplementary budgets.
    """

    name: str
    target_share: float | None = None
    target_year: int | None = None
    scope: Scope = "security-related"
    denominator: Denominator = "fixed-fy2022"
    path: PathShape = "linear-yen"
    after_target: AfterTarget = "hold-share"
    basis: Basis = "initial"
    title: str = ""
    description: str = ""
    sources: tuple[Source, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name or len(self.name) > 60 or not all(
            c.isalnum() or c in ".-_" for c in self.name
        ):
            raise SpendcalcError("name", self.name, "1-60 characters: letters, digits, '.', '-', '_'")
        for name in ("scope", "denominator", "path", "after_target", "basis"):
            schema.check(name, getattr(self, name))
        if self.path == "hold-flat":
            for name in ("target_share", "target_year"):
                if getattr(self, name) is not None:
                    raise SpendcalcError(name, getattr(self, name), "no target (null) for path "
                                         "'hold-flat', which freezes spending; or another path")
        else:
            if self.target_share is None:
                raise SpendcalcError("target_share", None, schema.spec("target_share").allowed())
            object.__setattr__(self, "target_share", schema.check("target_share", self.target_share))
            object.__setattr__(self, "target_year", check_year("target_year", self.target_year))
        check_text("title", self.title, max_len=TEXT_LIMITS["title"])
        check_text("description", self.description, max_len=TEXT_LIMITS["description"], multiline=True)
        srcs = tuple(self.sources) if isinstance(self.sources, tuple | list) else None
        if srcs is None or not all(isinstance(s, Source) for s in srcs):
            raise SpendcalcError("sources", excerpt(self.sources), "a list of {title, url, quote} entries")
        for i, s in enumerate(srcs):
            check_text(f"sources[{i}].title", s.title, max_len=TEXT_LIMITS["source_title"])
            check_url(f"sources[{i}].url", s.url, max_len=TEXT_LIMITS["source_url"])
            check_text(f"sources[{i}].quote", s.quote, max_len=TEXT_LIMITS["source_quote"], multiline=True)
        object.__setattr__(self, "sources", srcs)
