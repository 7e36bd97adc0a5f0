"""The one error type raised for bad input: it names the field, the value and what is allowed."""

from __future__ import annotations

import reprlib

# Cut before expanding: reprlib shows at most a few items, levels and characters of a value, so a
# huge or self-similar value (a long string, a YAML alias bomb) costs nothing to describe.
_REPR = reprlib.Repr()
for _name, _limit in (("maxlevel", 2), ("maxtuple", 4), ("maxlist", 4), ("maxarray", 4),
                      ("maxdict", 4), ("maxset", 4), ("maxfrozenset", 4), ("maxdeque", 4),
                      ("maxstring", 80), ("maxlong", 40), ("maxother", 80)):
    setattr(_REPR, _name, _limit)


def shorten(value: object) -> str:
    """``repr(value)`` cut to about 80 characters without building the full repr first."""
    try:
        shown = _REPR.repr(value)
    except Exception:  # a hostile __repr__ must not replace the real error
        shown = f"<{type(value).__name__}>"
    return shown if len(shown) <= 80 else shown[:77] + "..."


class SpendcalcError(ValueError):
    """Bad input. ``str(err)`` is one line: ``field: value 'x' is not allowed; expected ...``."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field}: {shorten(value)} is not allowed; expected {allowed}")
