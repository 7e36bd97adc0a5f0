"""The package's one pint registry, and parsing of user-supplied quantities.

Conventions
-----------
* Each currency is its own base dimension (``[currency_jpy]``, ``[currency_usd]``), so yen and
  dollars never mix silently: JPY <-> USD converts only inside :func:`fx_context`, built for one
  stated rate (JPY per USD).
* Display units: ``billion_JPY``, ``trillion_JPY`` (兆円), ``oku_JPY`` (億円, 1e8 yen),
  ``billion_USD``; ``fraction`` (a share: 0.02) and pint's ``percent``.
* The model computes in plain floats (yen, USD, fractions). pint is used at the edges: parsing
  user input, converting source tables, and labelling output. Every ``unit`` string in a tidy
  frame parses with :data:`ureg`.
"""

from __future__ import annotations

import hashlib
import logging
import math
import numbers
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from spendcalc.errors import SpendcalcError

if TYPE_CHECKING:  # pint is imported when a registry is built, not with the package (~0.15 s)
    import pint

_log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """Return the package's one unit registry, built on first use.

    Building a pint registry costs ~100 ms and importing pint ~150 ms, so neither happens at
    import time: ``import spendcalc`` stays as cheap as importing pandas. ``spendcalc.units.ureg``
    and ``Q_`` (and the same names on the package) resolve to this registry and its Quantity
    class.

    pint's parsed definitions are cached on disk in a folder that belongs to this environment
    (:func:`pint_cache_folder`), never in the user cache folder that every environment shares:
    pint's entries there hold absolute paths of the environment that wrote them, and deleting
    that environment breaks every other one (``FileNotFoundError .../constants_en.txt``, pint
    issue 1572). Any cache failure (unwritable folder, corrupt or stale entries) falls back to
    building the registry without a cache: slower, never wrong.

    The registry is deliberately *not* made pint's process-wide application registry
    (``pint.set_application_registry``): that is only needed to unpickle Quantities, and nothing
    here pickles one (the model and ``st.cache_data`` in the app handle plain floats and frames;
    pint is used at the edges only). Leaving it alone keeps other libraries in the same process
    on pint's default registry.
    """
    return build_registry(pint_cache_folder())


def pint_cache_folder() -> Path | None:
    """The folder for pint's disk cache: this environment's own, keyed by pint's path and version.

    ``<sys.prefix>/var/cache/spendcalc/pint-<version>-<hash of pint's install folder>``: it is
    removed with the environment, and no other environment or pint installation reads it. The
    cached files are pickles, loaded only from inside the environment whose code they describe
    (whoever can write there can already change that code).
    """
    import pint

    pint_dir = Path(pint.__file__).resolve().parent
    key = hashlib.sha256(str(pint_dir).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return Path(sys.prefix) / "var" / "cache" / "spendcalc" / f"pint-{pint.__version__}-{key}"


def build_registry(cache_folder: Path | None = None) -> pint.UnitRegistry:
    """Build a registry with the package's units, caching pint's definitions in ``cache_folder``.

    With a cache folder: ~15 ms once the cache is filled (~100 ms without). On *any* failure of
    the cached build (folder not creatable or writable, corrupt or truncated entries, entries
    naming files of a deleted environment) or a registry that fails a sanity check, the cache's
    entries are removed where possible and the registry is built again without a cache.
    """
    if cache_folder is not None:
        try:
            return _checked(_new_registry(cache_folder))
        except Exception as exc:  # noqa: BLE001 - whatever the cache did, build without it
            _log.debug("pint disk cache in %s unusable (%s: %s); building without it",
                       cache_folder, type(exc).__name__, exc)
            _clear_cache(cache_folder)
    return _checked(_new_registry(None))


def _new_registry(cache_folder: Path | None) -> pint.UnitRegistry:
    import pint

    reg = pint.UnitRegistry(on_redefinition="raise", cache_folder=cache_folder)
    reg.define("JPY = [currency_jpy] = yen")
    reg.define("USD = [currency_usd] = usd")
    reg.define("oku_JPY = 1e8 * JPY = oku_yen")
    reg.define("billion_JPY = 1e9 * JPY")
    reg.define("trillion_JPY = 1e12 * JPY = cho_yen")
    reg.define("million_USD = 1e6 * USD")
    reg.define("billion_USD = 1e9 * USD")
    reg.define("fraction = 1 = share")
    reg.define("year_fy = year")  # not used for arithmetic; keeps '1/year' explicit
    return reg


def _checked(reg: pint.UnitRegistry) -> pint.UnitRegistry:
    """The registry, if pint's units the package relies on convert as they must (else raise)."""
    q = reg.Quantity
    ok = (math.isclose(q(2, "percent").to("fraction").magnitude, 0.02)
          and math.isclose(q(1, "year").to("day").magnitude, 365.25)
          and math.isclose(q(1, "trillion_JPY").to("JPY").magnitude, 1e12))
    if not ok:
        raise RuntimeError("pint registry fails its sanity check")
    return reg


_CACHE_FILE = re.compile(r"[0-9a-f]{40}\.(pickle|json)")


def _clear_cache(folder: Path) -> None:
    """Remove pint's cache entries (and nothing else) from ``folder``, ignoring every error."""
    try:
        for entry in folder.iterdir():
            if _CACHE_FILE.fullmatch(entry.name) and entry.is_file():
                entry.unlink(missing_ok=True)
    except OSError:
        pass


def __getattr__(name: str) -> object:
    """``ureg`` and ``Q_``: the registry and its Quantity class, built lazily (PEP 562)."""
    if name == "ureg":
        return registry()
    if name == "Q_":
        return registry().Quantity
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=64)
def fx_context(jpy_per_usd: float) -> pint.Context:
    """Return a pint context converting JPY <-> USD at one stated rate.

    Parameters
    ----------
    jpy_per_usd : float
        Exchange rate. [JPY/USD]
    """
    if not (jpy_per_usd > 0 and math.isfinite(jpy_per_usd)):
        raise SpendcalcError("fx", jpy_per_usd, "a positive number of JPY per USD")
    import pint

    ctx = pint.Context(f"fx_{jpy_per_usd!r}")
    rate = registry().Quantity(jpy_per_usd, "JPY/USD")
    ctx.add_transformation("[currency_jpy]", "[currency_usd]", lambda _reg, x: x / rate)
    ctx.add_transformation("[currency_usd]", "[currency_jpy]", lambda _reg, x: x * rate)
    return ctx


#: ``(unit as the bundled tables write it, target unit) -> factor``: the conversions the bundled
#: data needs, done as one float multiplication without pint (importing pint and building its
#: registry costs ~0.1-0.2 s, more than all the rest of a ``spendcalc project`` run).
#: tests/test_plain_units.py checks each against pint, for every bundled row that uses it.
PLAIN_SCALES = MappingProxyType({
    ("trillion JPY", "JPY"): 1e12,
    ("billion JPY", "JPY"): 1e9,
})


def to_unit(value: float, unit: str, target: str) -> float:
    """``value`` in ``unit`` (a bundled table's spelling: ``'trillion JPY'``, ``'percent of GDP'``,
    ``'JPY per USD'``) converted to ``target``: by :data:`PLAIN_SCALES` where it has the pair,
    else with pint (which raises on a unit it does not know or of another dimension)."""
    factor = PLAIN_SCALES.get((unit, target))
    if factor is not None:
        return float(value) * factor
    return pint_to_unit(value, unit, target)


def pint_to_unit(value: float, unit: str, target: str) -> float:
    """``value`` in a bundled table's ``unit`` converted to ``target`` with the pint registry."""
    name = (unit.replace("trillion JPY", "trillion_JPY").replace("billion JPY", "billion_JPY")
            .replace("percent of GDP", "percent").replace("JPY per USD", "JPY/USD"))
    return registry().Quantity(float(value), name).to(target).magnitude


# ----------------------------------------------------------------------------------------------
# Strict quantity grammar
# ----------------------------------------------------------------------------------------------
#: longest text accepted as a quantity (anything longer is refused before it is looked at)
MAX_QUANTITY_CHARS = 60
_NUMBER = re.compile(r"[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?",
                     re.ASCII)
_SCALES = MappingProxyType({"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                            "oku": 1e8, "cho": 1e12, "万": 1e4, "億": 1e8, "兆": 1e12})
_FRACTION_UNITS = MappingProxyType({"": 1.0, "%": 0.01, "percent": 0.01, "fraction": 1.0})
_RATE_UNITS = frozenset({"", "jpy/usd", "yen/usd", "jpy per usd", "yen per usd", "yen per dollar",
                         "円/ドル"})
_INVERTED_RATE = frozenset({"usd/jpy", "usd/yen", "usd per jpy", "usd per yen", "dollar per yen",
                            "dollars per yen", "ドル/円"})
_CURRENCIES = MappingProxyType({"jpy": "JPY", "yen": "JPY", "円": "JPY", "usd": "USD",
                                "dollar": "USD", "dollars": "USD"})
_EXAMPLES = MappingProxyType({"fraction": "0.02, '2 %' or '2 percent'",
                              "JPY/USD": "150 or '150 JPY/USD'",
                              "JPY": "'560 trillion JPY' or '560 兆円'",
                              "USD": "'40 billion USD'"})


def parse_quantity(value: object, *, field: str, unit: str, allowed: str) -> float:
    """Parse a user value into a plain float in ``unit`` (``fraction``, ``JPY/USD``, ``JPY``, ``USD``,
    or ``-`` for a pure number).

    One grammar: a number, an optional scale word, an optional unit —
    ``0.02``, ``"2 %"``, ``"2%"``, ``"2 percent"``, ``"150 JPY/USD"``, ``"560 trillion JPY"``,
    ``"11 兆円"``. A number is ASCII digits with an optional ``.`` decimal part and a short
    exponent (``1e-3``); scale words are thousand, million, billion, trillion, oku (1e8), and
    万/億/兆 before 円. Refused, with an error naming ``field``, the text and ``allowed``:

    * anything else: a doubled or repeated unit (``"2 %%"``, ``"2 percent percent"``), two
      numbers (``"2 % 2"``, ``"0 5"``), a leading zero (``"05"``), non-ASCII digits;
    * any comma: ``"1,5"`` may be a decimal comma or a thousands separator (ambiguous);
    * a unit of another dimension, checked by name (pint counts ``degree`` as dimensionless);
      an inverted rate (``"150 USD/JPY"``); dollars where yen are expected and vice versa;
    * money given as text without a unit (``"560"``: yen or trillion yen?);
    * empty or whitespace-only text, NaN, infinities, exponents that overflow.

    A Python number (not a bool) is taken to be in ``unit`` already; a pint Quantity is
    converted if its unit is one of the names above. Ranges are the schema's business
    (:mod:`spendcalc.schema`), applied after this.
    """
    if isinstance(value, bool) or value is None:
        raise SpendcalcError(field, value, allowed)
    if isinstance(value, numbers.Real):
        number = float(value)
    elif isinstance(value, str):
        number = _parse_text(value, field, unit, allowed)
    elif _is_quantity(value):
        number = _from_quantity(value, field, unit, allowed)
    else:
        raise SpendcalcError(field, value, allowed)
    if not math.isfinite(number):
        raise SpendcalcError(field, value, f"{allowed} (a finite number)")
    return number + 0.0  # -0.0 -> 0.0


def _parse_text(text: str, field: str, unit: str, allowed: str) -> float:
    def fail(why: str) -> SpendcalcError:
        return SpendcalcError(field, text, f"{allowed} ({why})")

    if len(text) > MAX_QUANTITY_CHARS:
        return _raise(fail(f"at most {MAX_QUANTITY_CHARS} characters"))
    s = text.strip()
    if not s:
        return _raise(fail("empty"))
    if "," in s or "，" in s:
        return _raise(fail("a comma is ambiguous: decimal comma or thousands separator? "
                           "write 1.5 or 1500"))
    m = _NUMBER.match(s)
    if m is None:
        odd = next((c for c in s if not c.isascii()), None)
        return _raise(fail(f"digits 0-9 only, not {odd!r}" if odd and odd.isdigit()
                           else "a number first, e.g. " + _EXAMPLES.get(unit, "2")))
    rest = s[m.end():]
    if rest and (rest[0].isdigit() or rest[0] in "._eE"):
        if re.match(r"[+-]?0[0-9]", s):
            return _raise(fail("a leading zero is ambiguous: write 5 or 0.5"))
        if rest[0] == ".":
            return _raise(fail("digits after the decimal point"))
        return _raise(fail("an exponent of at most three digits" if rest[0].isdigit()
                           and m.group()[-1:].isdigit() and "e" in m.group().lower()
                           else "one number, written without separators"))
    rest = rest.strip()
    if any(c.isdigit() for c in rest):
        return _raise(fail("one number only"))
    try:
        number = float(m.group())
    except ValueError:  # pragma: no cover - the regex admits only what float() reads
        return _raise(fail("a number"))
    if not math.isfinite(number):
        return _raise(fail("a finite number"))
    words = rest.replace("_", " ").lower()
    if unit == "fraction":
        factor = _FRACTION_UNITS.get(" ".join(words.split()))
        if factor is None:
            why = ("one % sign" if words.count("%") > 1 else
                   f"{rest!r} is not a share or a rate: give a plain number, % or percent")
            return _raise(fail(why))
        return number * factor
    if unit == "-":  # a pure number (an AR coefficient): no unit at all
        if rest:
            return _raise(fail(f"a plain number, without {rest!r}"))
        return number
    if unit == "JPY/USD":
        key = " ".join(words.replace(" / ", "/").split())
        if key in _INVERTED_RATE:
            return _raise(fail("that is USD per JPY, inverted: give JPY per USD"))
        if key not in _RATE_UNITS:
            return _raise(fail(f"{rest!r} is not an exchange rate in JPY per USD"))
        return number
    if unit in ("JPY", "USD"):
        return number * _money_factor(words, rest, unit, number, fail)
    raise TypeError(f"parse_quantity: unsupported unit {unit!r}")  # a programming error


def _money_factor(words: str, rest: str, unit: str, number: float,
                  fail: Callable[[str], SpendcalcError]) -> float:
    """Scale x currency for ``"trillion JPY"``, ``"兆円"``, ``"oku yen"``; the currency is required."""
    tokens = re.sub(r"([万億兆円])", r" \1 ", words).split()
    if not tokens:
        return _raise(fail(f"a unit: {number:g} what? e.g. '{number:g} trillion {unit}'"))
    *scales, currency = tokens
    cur = _CURRENCIES.get(currency)
    if cur is None:
        return _raise(fail(f"{rest!r} does not end in a currency ({unit})"))
    if cur != unit:
        return _raise(fail(f"{cur} where {unit} are expected: convert at a stated exchange rate"))
    if len(scales) > 1 or (scales and scales[0] not in _SCALES):
        return _raise(fail(f"one scale word (thousand, million, billion, trillion, oku, 万, 億, 兆), "
                           f"not {' '.join(scales)!r}"))
    if scales and scales[0] in "万億兆" and currency != "円":
        return _raise(fail("万, 億 and 兆 go with 円, e.g. '11 兆円'"))
    return _SCALES[scales[0]] if scales else 1.0


def _is_quantity(value: object) -> bool:
    """True for a pint Quantity; without importing pint (none can exist before it is imported)."""
    pint = sys.modules.get("pint")
    return pint is not None and isinstance(value, pint.Quantity)


def _from_quantity(q: pint.Quantity, field: str, unit: str, allowed: str) -> float:
    names = {"fraction": {"percent", "fraction", "dimensionless"},
             "JPY/USD": {"JPY / USD"}}.get(unit)
    units_text = str(q.units)
    reg = registry()
    if q._REGISTRY is not reg:  # a Quantity of another registry (e.g. pint's default): by unit name
        try:
            q = reg.Quantity(float(q.magnitude), units_text)
        except Exception:  # pint raises many types on unknown units
            raise SpendcalcError(field, q, f"{allowed} (a quantity in {unit}, not {units_text})") from None
    ok = units_text in names if names is not None else q.check(reg.get_dimensionality(unit))
    if not ok:
        raise SpendcalcError(field, q, f"{allowed} (a quantity in {unit}, not {units_text})")
    return float(q.to(unit).magnitude)


def _raise(exc: Exception) -> float:
    raise exc


def convert(values: object, from_unit: str, to_unit: str, *, jpy_per_usd: float | None = None) -> object:
    """Convert a number or numpy array between units of the registry (JPY<->USD needs a rate)."""
    reg = registry()
    q = reg.Quantity(values, from_unit)
    if jpy_per_usd is None:
        return q.to(to_unit).magnitude
    with reg.context(fx_context(jpy_per_usd)):
        return q.to(to_unit).magnitude
