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
import re
import sys
from functools import lru_cache
from pathlib import Path

import pint

from spendcalc.errors import SpendcalcError

_log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    """Return the package's one unit registry, built on first use.

    Building a pint registry costs ~100 ms, so it is not done at import time: ``import spendcalc``
    stays as cheap as importing pandas and pint. ``spendcalc.units.ureg`` and ``Q_`` (and the same
    names on the package) resolve to this registry and its Quantity class.

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


#: canonical unit strings used in tidy frames (all parse with ``ureg``)
JPY = "JPY"
USD = "USD"
FRACTION = "fraction"
JPY_PER_USD = "JPY/USD"
PER_YEAR = "1/year"


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
    ctx = pint.Context(f"fx_{jpy_per_usd!r}")
    rate = registry().Quantity(jpy_per_usd, "JPY/USD")
    ctx.add_transformation("[currency_jpy]", "[currency_usd]", lambda _reg, x: x / rate)
    ctx.add_transformation("[currency_usd]", "[currency_jpy]", lambda _reg, x: x * rate)
    return ctx


_SAFE = re.compile(r"[0-9A-Za-z_ .%/*+\-]{1,60}")
_SCALED = re.compile(r"\b(trillion|billion|million|oku)[\s_]+(JPY|yen|USD)\b", re.IGNORECASE)


def _normalise(text: str) -> str:
    """``"11 trillion yen"`` -> ``"11 trillion_JPY"``; ``"¥"`` dropped; ``"%"`` kept."""
    text = text.strip().replace("¥", "").replace(",", "").replace("%", " percent")

    def repl(m: re.Match[str]) -> str:
        scale, cur = m.group(1).lower(), m.group(2).upper()
        if scale == "million" and cur != "USD":
            return f"1e6 {'JPY' if cur == 'YEN' else cur}"
        return f"{scale}_{'JPY' if cur == 'YEN' else cur}"

    text = _SCALED.sub(repl, text)
    if not _SAFE.fullmatch(text):
        raise ValueError(text)
    return text


def parse_quantity(value: object, *, field: str, unit: str, allowed: str) -> float:
    """Parse a user value into a plain float in ``unit``.

    Accepts a number (taken to be in ``unit`` already), a string such as ``"2 %"``,
    ``"11 trillion JPY"`` or ``"150 JPY/USD"``, or a pint Quantity. Raises
    :class:`SpendcalcError` naming ``field``, the value and ``allowed`` otherwise.
    """
    if isinstance(value, bool):
        raise SpendcalcError(field, value, allowed)
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str | pint.Quantity):
        reg = registry()
        try:
            q = reg.Quantity(_normalise(value)) if isinstance(value, str) else value
        except Exception:  # pint's parser raises many types (even AssertionError) on junk
            raise SpendcalcError(field, value, f"{allowed} (unknown unit or malformed quantity)") from None
        if not isinstance(q, pint.Quantity) or str(q.units) == "dimensionless":  # bare number
            q = reg.Quantity(float(q.magnitude if isinstance(q, pint.Quantity) else q), unit)
        try:
            number = float(q.to(unit).magnitude)
        except pint.errors.DimensionalityError:
            raise SpendcalcError(field, value, f"{allowed} (a quantity convertible to {unit})") from None
    else:
        raise SpendcalcError(field, value, allowed)
    if not math.isfinite(number):
        raise SpendcalcError(field, value, allowed)
    return number


def convert(values: object, from_unit: str, to_unit: str, *, jpy_per_usd: float | None = None) -> object:
    """Convert a number or numpy array between units of the registry (JPY<->USD needs a rate)."""
    reg = registry()
    q = reg.Quantity(values, from_unit)
    if jpy_per_usd is None:
        return q.to(to_unit).magnitude
    with reg.context(fx_context(jpy_per_usd)):
        return q.to(to_unit).magnitude
