"""PURE. One declarative table of every user-settable value: name, type, unit, plausible range
with its reasoning, help text and an allowed example. Read by one validator.

Everything a user can set — :class:`~spendcalc.assumptions.Assumptions` fields, the numeric and
choice fields of :class:`~spendcalc.assumptions.Scenario`, and the settings of
:func:`spendcalc.simulate` — is a :class:`Spec` in :data:`SPECS`. The Python API
(``make_assumptions``, ``project``, ``simulate``), the dataclasses' own checks, the command line
(argparse types, choices and ``--help`` text) and the app (slider windows and link parsing) all
read this table, so a range or an example is written once.

Why a table and not a validation library
----------------------------------------
pydantic would give the same checks, but it is a further dependency that adds its own import
time (a compiled core, plus model classes built when the module is imported) to a package whose
import is budgeted at 1.2x ``import pandas, pint`` and whose CLI aims at 1.3x ``import pandas``. It would also coerce: in its default (lax) mode ``"2"`` becomes ``2.0`` and
``True`` becomes ``1``, the silent readings this module exists to forbid, and it knows nothing of
``"2 %"`` or ``"560 trillion JPY"``, which still need this package's own quantity grammar
(:func:`spendcalc.units.parse_quantity`). A frozen table of plain dataclasses read by one
function costs nothing at import, coerces nothing, and renders itself as the README's table
(:func:`markdown_table`).

Ranges are *plausible*, not merely valid: a value outside them is far more likely a slip (2 for
2%, yen for trillion yen, an inverted exchange rate) than an intended input, so it is an error
that names the field, the text and an example. Each range's reasoning is an assumption, stated
in ``reason``. Defaults are not declared here: they live in ``data/defaults.yaml`` (read by
``spendcalc.data``); the schema owns types, units, ranges and their reasoning.

This module does no I/O and imports nothing beyond the standard library, ``spendcalc.units`` and
``spendcalc.i18n.LANGS`` (the languages of the ``lang`` field).
"""

from __future__ import annotations

import numbers
import re
from dataclasses import dataclass
from types import MappingProxyType

from spendcalc.errors import SpendcalcError, shorten
from spendcalc.i18n import LANGS

#: fiscal-year bounds of every year field (the first bundled budget year; a far horizon)
FIRST_FISCAL_YEAR = 2012
LAST_FISCAL_YEAR = 2100

#: spending scopes; ``nato-core``/``nato-related`` are the project's NATO-style split of the
#: security-related total (spendcalc.nato), bundled only where every component is known (FY2027 plan)
SCOPES: tuple[str, ...] = ("security-related", "mod-budget", "nato-core", "nato-related")
DENOMINATORS: tuple[str, ...] = ("fixed-fy2022", "same-year")
PATHS: tuple[str, ...] = ("linear-yen", "constant-growth", "linear-share", "hold-flat")
AFTER_TARGET: tuple[str, ...] = ("hold-share", "hold-yen")
BASES: tuple[str, ...] = ("initial", "with-supplementary")
#: rate for fiscal years with a bundled fiscal-year average: that average, or the stated rate
FX_RATES_FOR_ACTUALS: tuple[str, ...] = ("stated", "fiscal-year-average")
#: what extra yen are measured against: each scenario's own flat level, or one common level
BASELINES: tuple[str, ...] = ("own", "common")
#: how ``simulate`` computes its percentiles: closed form, or the seeded Monte Carlo cross-check
METHODS: tuple[str, ...] = ("exact", "monte-carlo")
#: output formats of the command line's table commands (``--format``)
OUTPUT_FORMATS: tuple[str, ...] = ("csv", "json", "table")
#: verdicts of the claims audit (``spendcalc.claims``; data/README.md has the rubric)
VERDICTS: tuple[str, ...] = ("consistent", "inconsistent", "depends-on-definition", "not-modelled",
                             "partly-supported")

KINDS = ("quantity", "count", "year", "choice", "bool", "name")


@dataclass(frozen=True)
class Spec:
    """One user-settable value.

    Attributes
    ----------
    name : str
        Field name in ``Assumptions``, ``Scenario`` or the ``simulate`` signature.
    kind : str
        ``quantity`` (a real number, parsed with :func:`spendcalc.units.parse_quantity`),
        ``count`` (a whole number), ``year`` (a fiscal year), ``choice``, ``bool`` or ``name``
        (a name looked up in the bundled data: checked there, not here).
    unit : str
        Unit of the stored value: ``fraction``, ``JPY/USD``, ``JPY``, ``fiscal year``, ``-``.
    low, high : float or None
        Plausible range in ``unit``; ``low_open``/``high_open`` exclude the bound itself.
    reason : str
        Why the range is what it is (an assumption, stated).
    help : str
        What the value means (shown by ``--help``, the app and the README).
    example : str
        An allowed value as a user would type it.
    flag : str
        Command-line flag, if any.
    api : str
        Keyword in ``make_assumptions``/``project``/``simulate`` where it differs from ``name``.
    group : str
        ``assumptions``, ``scenario``, ``simulation`` or ``output`` (how results are written,
        e.g. the language of the text).
    ui : tuple of (min, max, step) or None
        The app's slider window in the unit users read (percent for fractions): the everyday
        part of the plausible range, which a link may set and a slider can show.
    """

    name: str
    kind: str
    unit: str
    help: str
    example: str
    group: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    choices: tuple[str, ...] = ()
    reason: str = ""
    flag: str = ""
    api: str = ""
    ui: tuple[float, float, float] | None = None

    # -- text ----------------------------------------------------------------------------------
    def range_text(self) -> str:
        """The range as a user reads it: ``-30 % to 30 %``, ``50 to 400 JPY/USD``, ``one of …``."""
        if self.kind == "choice":
            return "one of " + ", ".join(self.choices)
        if self.kind == "bool":
            return "true or false"
        if self.kind == "name":
            return "a bundled name"
        if self.low is None or self.high is None:
            return "any"
        lo, hi = _show(self.low, self.unit), _show(self.high, self.unit)
        suffix = {"JPY": " trillion JPY", "JPY/USD": " JPY/USD", "fraction": " %"}.get(self.unit, "")
        if self.low_open and self.high_open:
            text = f"above {lo} and below {hi}"
        elif self.low_open:
            text = f"above {lo}, up to {hi}"
        elif self.high_open:
            text = f"{lo} to below {hi}"
        else:
            text = f"{lo} to {hi}"
        return text + suffix

    def allowed(self) -> str:
        """What an error message says is allowed: the range and an example."""
        if self.kind in ("choice", "bool", "name"):
            return self.range_text()
        return f"{self.help}: {self.range_text()}, e.g. {self.example}"

    # -- validation ----------------------------------------------------------------------------
    def check(self, value: object, label: str | None = None) -> object:
        """Validate an already-typed value (float, int, str, bool); return it normalised."""
        field = label or self.name
        if self.kind == "quantity":
            if not _is_real(value):
                raise SpendcalcError(field, value, self.allowed())
            v = float(value) + 0.0  # -0.0 -> 0.0
            if not self._in_range(v):
                raise SpendcalcError(field, value, self.allowed() + self._hint(v))
            return v
        if self.kind in ("count", "year"):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral):
                raise SpendcalcError(field, value, self.allowed())
            if not self._in_range(int(value)):
                raise SpendcalcError(field, value, self.allowed())
            return int(value)
        if self.kind == "choice":
            if not isinstance(value, str) or value not in self.choices:
                raise SpendcalcError(field, value, self.allowed())
            return value
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise SpendcalcError(field, value, self.allowed())
            return value
        if not isinstance(value, str) or not value or len(value) > 100:
            raise SpendcalcError(field, value, "a name (see the bundled data)")
        return value

    def parse(self, value: object, label: str | None = None) -> object:
        """Parse user input (text from a flag or a link, or a Python value) and check it."""
        field = label or self.name
        if self.kind == "quantity":
            from spendcalc.units import parse_quantity

            number = parse_quantity(value, field=field, unit=self.unit, allowed=self.allowed())
            return self._checked_text(number, value, field)
        if isinstance(value, str) and self.kind in ("count", "year"):
            number = parse_whole(value, field=field, allowed=self.allowed(), grouping=self.kind == "count")
            if not self._in_range(number):
                raise SpendcalcError(field, value, self.allowed())
            return number
        if isinstance(value, str) and self.kind == "bool":
            low = value.strip().lower()
            if low in ("true", "1", "yes"):
                return True
            if low in ("false", "0", "no"):
                return False
            raise SpendcalcError(field, value, self.allowed())
        return self.check(value, field)

    def _checked_text(self, number: float, text: object, field: str) -> float:
        if not self._in_range(number):
            raise SpendcalcError(field, text, self.allowed() + self._hint(number))
        return number + 0.0

    def _in_range(self, v: float) -> bool:
        if self.low is None or self.high is None:
            return True
        lo_ok = v > self.low if self.low_open else v >= self.low
        hi_ok = v < self.high if self.high_open else v <= self.high
        return bool(lo_ok and hi_ok)

    def _hint(self, v: float) -> str:
        """A guess at the slip behind an out-of-range value, if there is an obvious one."""
        if self.unit == "fraction" and self.high is not None and 1 <= abs(v) <= 100:
            return f" (did you mean '{v:g} %'?)"
        if self.unit == "JPY" and self.low is not None and 0 < v < self.low:
            return f" (a bare {v:g} is {v:g} yen: write e.g. '{v:g} trillion JPY')"
        if self.unit == "JPY/USD" and self.low is not None and 0 < v < 1:
            return " (that looks like USD per JPY: give JPY per USD, e.g. 150)"
        return ""


def _is_real(value: object) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _show(v: float, unit: str) -> str:
    """A bound as a number in the unit users type (percent, trillion yen)."""
    if unit == "fraction":
        return f"{v * 100:g}"
    if unit == "JPY":
        return f"{v / 1e12:,g}"
    if unit == "-" and float(v).is_integer():
        return f"{int(v):,}"
    if unit == "fiscal year":
        return f"{v:.0f}"
    return f"{v:g}"


def parse_year(value: object, label: str) -> int:
    """A fiscal year (int, or ASCII digits as text) from FIRST_FISCAL_YEAR to LAST_FISCAL_YEAR."""
    allowed = f"a fiscal year from {FIRST_FISCAL_YEAR} to {LAST_FISCAL_YEAR}, e.g. 2030"
    if isinstance(value, str):
        value = parse_whole(value, field=label, allowed=allowed)
    if (isinstance(value, bool) or not isinstance(value, numbers.Integral)
            or not FIRST_FISCAL_YEAR <= value <= LAST_FISCAL_YEAR):
        raise SpendcalcError(label, value, allowed)
    return int(value)


_WHOLE = re.compile(r"[+-]?(0|[1-9][0-9]*)", re.ASCII)
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:(,)[0-9]{3})+|[1-9][0-9]{0,2}(?:(_)[0-9]{3})+", re.ASCII)


def parse_whole(text: str, *, field: str, allowed: str, grouping: bool = False) -> int:
    """A whole number typed as ASCII digits (``2035``, ``-3``; ``100,000``/``100_000`` if
    ``grouping``). Leading zeros, decimals, exponents, non-ASCII digits (``²``, ``２``) and
    anything else raise SpendcalcError naming ``field``."""
    s = text.strip() if isinstance(text, str) else text
    if not isinstance(s, str) or not s or len(s) > 40:
        raise SpendcalcError(field, text, allowed)
    if _WHOLE.fullmatch(s):
        return int(s)
    if grouping and _GROUPED.fullmatch(s):
        return int(s.replace(",", "").replace("_", ""))
    why = ""
    if re.fullmatch(r"[+-]?0[0-9]+", s, re.ASCII):
        why = " (a leading zero is ambiguous)"
    elif "," in s and not grouping:
        why = " (no separators)"
    elif any(not c.isascii() for c in s):
        why = " (digits 0-9 only)"
    raise SpendcalcError(field, text, allowed + why)


# ----------------------------------------------------------------------------------------------
# The table
# ----------------------------------------------------------------------------------------------
_YEARS = dict(kind="year", unit="fiscal year", low=FIRST_FISCAL_YEAR, high=LAST_FISCAL_YEAR,
              reason=f"FY{FIRST_FISCAL_YEAR} is the first year with bundled budgets; beyond "
              f"FY{LAST_FISCAL_YEAR} a projection of a budget rule says nothing")
_SHARE_REASON = ("Japan's defense spending has been near 1% of GDP for decades and the highest "
                 "target discussed in the bundled articles is 5%; 20% is beyond any peacetime "
                 "budget of a large economy, so a larger value is almost surely a slip (2 for 2%). "
                 "Below 0.1% of GDP a target would mean abolishing most of the forces")
_GROWTH_REASON = ("Japan's nominal GDP has not grown or shrunk by anything close to 30% in a "
                  "year since the war (the fastest years, in the early 1970s, were near +20%); "
                  "+-30% leaves room for stress tests and catches 2 typed for 2%")

SPECS: MappingProxyType[str, Spec] = MappingProxyType({s.name: s for s in (
    # --- Assumptions ------------------------------------------------------------------------
    Spec("gdp_preset", "name", "-", "dated nominal-GDP projection",
         "a name from `spendcalc.load_history().presets`", "assumptions", flag="--preset", api="preset", reason="checked against the bundled presets"),
    Spec("growth_rate", "quantity", "fraction", "constant nominal GDP growth a year after the "
         "last actual year", "'2 %' or 0.02", "assumptions", -0.3, 0.3, reason=_GROWTH_REASON,
         flag="--growth", api="growth", ui=(-3.0, 6.0, 0.1)),
    Spec("growth_overrides", "quantity", "fraction", "nominal GDP growth from a fiscal year on "
         "(holds until the next listed year)", "2030=1%", "assumptions", -0.3, 0.3,
         reason=_GROWTH_REASON, flag="--growth-override"),
    Spec("gdp_vintage", "name", "-", "ESRI GDP vintage supplying actual nominal GDP",
         "a vintage listed by `spendcalc history`", "assumptions", flag="--vintage", api="vintage",
         reason="checked against the bundled vintages"),
    Spec("inflation_rate", "quantity", "fraction", "deflator growth a year used for real terms",
         "'2 %' or 0.02", "assumptions", -0.2, 0.3, flag="--inflation", api="inflation",
         ui=(-1.0, 6.0, 0.01),
         reason="Japan's GDP deflator peaked near +20% a year in the mid-1970s and has never "
         "fallen by more than a few percent a year; the band leaves room for stress tests and "
         "catches -0.999999 or 2 typed for 2%"),
    Spec("price_base_year", "year", "fiscal year", "real terms are in yen of this fiscal year",
         "2030", "assumptions", **{k: v for k, v in _YEARS.items() if k not in ("kind", "unit")}),
    Spec("jpy_per_usd", "quantity", "JPY/USD", "stated exchange rate for USD figures",
         "'150 JPY/USD' or 150", "assumptions", 50.0, 400.0, flag="--fx", api="fx",
         ui=(80.0, 250.0, 0.1),
         reason="the yen was fixed at 360 per dollar until 1971 and its strongest level since "
         "has been in the mid-70s (2011); outside 50..400 a rate is implausible for the yen and "
         "more likely inverted (USD per JPY) or mistyped"),
    Spec("fx_history", "bool", "-", "convert past fiscal years at their annual average rate",
         "true", "assumptions", flag="--fx-history"),
    Spec("reference_gdp_jpy", "quantity", "JPY", "fixed GDP denominator of the 2% framework",
         "'600 trillion JPY' or '600 兆円'", "assumptions", 100e12, 2000e12, api="reference_gdp",
         reason="Japan's nominal GDP has been in the hundreds of trillions of yen since the "
         "1980s; 100..2,000 trillion catches a bare 560 (yen) or a wrong scale word"),
    Spec("until", "year", "fiscal year", "last fiscal year projected", "2035", "assumptions",
         flag="--until", **{k: v for k, v in _YEARS.items() if k not in ("kind", "unit")}),
    Spec("cumulative_from", "year", "fiscal year", "cumulative measures sum from this fiscal year",
         "2030", "assumptions", **{k: v for k, v in _YEARS.items() if k not in ("kind", "unit")}),
    Spec("fx_rate_for_actuals", "choice", "-", "rate for fiscal years with a bundled April-March "
         "average: that average, or the stated rate", "fiscal-year-average", "assumptions",
         choices=FX_RATES_FOR_ACTUALS, flag="--fx-rate-for-actuals"),
    Spec("baseline", "choice", "-", "what extra yen are measured against: each scenario's own "
         "flat level, or one common level for every scenario", "common", "assumptions",
         choices=BASELINES, flag="--baseline"),
    Spec("baseline_scope", "choice", "-", "scope of the common baseline", "security-related",
         "assumptions", choices=SCOPES),
    Spec("baseline_basis", "choice", "-", "budget basis of the common baseline",
         "with-supplementary", "assumptions", choices=BASES),
    Spec("baseline_year", "year", "fiscal year", "fiscal year of the common baseline level",
         "2025", "assumptions", **{k: v for k, v in _YEARS.items() if k not in ("kind", "unit")}),
    # --- Scenario -----------------------------------------------------------------------------
    Spec("target_share", "quantity", "fraction", "share of GDP reached in the target year",
         "'2 %' or 0.02", "scenario", 0.001, 0.2, reason=_SHARE_REASON, ui=(1.0, 6.0, 0.1)),
    Spec("target_year", "year", "fiscal year", "fiscal year in which the target is reached",
         "2030", "scenario", **{k: v for k, v in _YEARS.items() if k not in ("kind", "unit")}),
    Spec("scope", "choice", "-", "which spending counts", "security-related", "scenario",
         choices=SCOPES, flag="--scope"),
    Spec("denominator", "choice", "-", "GDP the share is measured against", "same-year",
         "scenario", choices=DENOMINATORS, flag="--denominator"),
    Spec("path", "choice", "-", "shape from the last bundled figure to the target", "linear-yen",
         "scenario", choices=PATHS),
    Spec("after_target", "choice", "-", "what happens after the target year", "hold-share",
         "scenario", choices=AFTER_TARGET),
    Spec("basis", "choice", "-", "initial budgets, or initial plus supplementary", "initial",
         "scenario", choices=BASES, flag="--basis"),
    # --- simulate -----------------------------------------------------------------------------
    Spec("paths", "count", "-", "number of simulated paths", "100000 or 100,000", "simulation",
         1, 50_000_000, flag="--paths",
         reason="50 million paths already take about a minute; beyond it memory and time grow "
         "without a visible gain in precision"),
    Spec("seed", "count", "-", "random seed (the same seed gives the same result)", "0",
         "simulation", 0, 2**63 - 1, flag="--seed", reason="numpy seeds are non-negative",
         ui=(0, 999_999, 1)),
    Spec("chunk_size", "count", "-", "paths per chunk (bounds memory, not the result)",
         "100000", "simulation", 1, 50_000_000, flag="--chunk-size",
         reason="at most the largest number of paths"),
    Spec("volatility", "quantity", "fraction", "s.d. of the annual log shock to nominal GDP",
         "'2 %' or 0.02", "simulation", 0.0, 0.5, flag="--volatility",
         reason="Japan's nominal growth has varied by a few percent a year; 50% a year would be "
         "hyperinflation, so a larger value is a slip"),
    Spec("persistence", "quantity", "-", "AR(1) persistence of the GDP shocks", "0.5",
         "simulation", 0.0, 1.0, high_open=True, flag="--persistence",
         reason="the shocks are stationary only below 1; a negative value would make growth "
         "alternate year to year"),
    Spec("fx_volatility", "quantity", "fraction", "s.d. of the annual log step of JPY per USD",
         "'8 %' or 0.08", "simulation", 0.0, 0.5, flag="--fx-volatility",
         reason="the yen's year-to-year moves are typically around 10%; 50% a year has no "
         "precedent for a major currency"),
    Spec("threshold", "quantity", "fraction", "share of GDP tested in the target year",
         "'3.5 %' or 0.035", "simulation", 0.001, 0.2, flag="--threshold", reason=_SHARE_REASON),
    Spec("measured_on", "choice", "-", "denominator on which the simulated share is tested",
         "same-year", "simulation", choices=DENOMINATORS, flag="--measure-on"),
    Spec("method", "choice", "-", "exact percentiles (closed form) or a Monte Carlo cross-check",
         "exact", "simulation", choices=METHODS, flag="--method"),
    # --- output ---------------------------------------------------------------------------------
    Spec("lang", "choice", "-", "language of the text written for people (sentences, table "
         "headers, verdicts); CSV and JSON column names stay English", "ja", "output",
         choices=LANGS, flag="--lang",
         reason="the languages every text of the message catalogue (spendcalc.i18n) is written "
         "in; a code outside it would leave text untranslated"),
)})


def spec(name: str) -> Spec:
    """The :class:`Spec` of a field (KeyError for a name not in the schema)."""
    return SPECS[name]


def check(name: str, value: object, label: str | None = None) -> object:
    """Validate an already-typed value of field ``name``; SpendcalcError names ``label or name``."""
    return SPECS[name].check(value, label)


def parse(name: str, value: object, label: str | None = None) -> object:
    """Parse user input (text or a Python value) for field ``name`` and check its range."""
    return SPECS[name].parse(value, label)


_OVERRIDE = re.compile(r"\s*([0-9]{4})\s*=\s*(\S(?:.*\S)?)\s*", re.ASCII)


def parse_override(text: str, label: str = "growth_overrides") -> tuple[int, float]:
    """``"2030=1%"`` -> ``(2030, 0.01)``: a four-digit fiscal year, ``=``, a growth rate."""
    m = _OVERRIDE.fullmatch(text) if isinstance(text, str) and len(text) <= 100 else None
    if m is None:
        raise SpendcalcError(label, text, "FY=RATE with a four-digit fiscal year, e.g. 2030=1%")
    year = int(m.group(1))
    if not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR:
        raise SpendcalcError(label, text, f"FY=RATE with a fiscal year from {FIRST_FISCAL_YEAR} "
                             f"to {LAST_FISCAL_YEAR}, e.g. 2030=1%")
    rate = SPECS["growth_overrides"].parse(m.group(2), label)
    return year, rate


def ui_window(name: str) -> dict[str, float]:
    """The app's slider window of a field: ``{"min", "max", "step"}`` in the unit users read."""
    low, high, step = SPECS[name].ui
    return {"min": low, "max": high, "step": step}


def markdown_table() -> str:
    """The README's table of accepted input, generated from :data:`SPECS`."""
    rows = ["| field | Python keyword | flag | unit | range | example |", "|---|---|---|---|---|---|"]
    for s in SPECS.values():
        flag = f"`{s.flag}`" if s.flag else ""
        unit = {"fraction": "fraction (0.02 = 2 %)", "-": ""}.get(s.unit, s.unit)
        rows.append(f"| {s.group}: `{s.name}` | `{s.api or s.name}` | {flag} | {unit} | "
                    f"{s.range_text()} | {s.example} |")
    return "\n".join(rows) + "\n"


def cli_error(exc: SpendcalcError) -> str:
    """The part of a SpendcalcError after its field name (for argparse, which adds the flag)."""
    return shorten(exc.value) + " is not allowed; expected " + exc.allowed

