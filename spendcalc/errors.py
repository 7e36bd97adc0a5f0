"""The one error type raised for bad input: it names the field, the value and what is allowed."""

from __future__ import annotations


class SpendcalcError(ValueError):
    """Bad input. ``str(err)`` is one line: ``field: value 'x' is not allowed; expected ...``."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"{field}: {shown} is not allowed; expected {allowed}")
