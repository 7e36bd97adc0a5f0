"""Free text at the boundary: one check for user text, and short, safe excerpts for messages.

User text (scenario names, titles, descriptions, source titles, addresses and quotes) reaches
terminals, CSV files, charts and the app. It is checked once, where it enters (``check_text``,
called by ``Scenario``), so that no later output has to guess:

* no lone surrogates (they cannot be written as UTF-8: JSON, CSV and charts would fail later);
* no C0/C1 control characters — this also excludes ANSI terminal escapes, which start with ESC —
  except newline and tab in multi-line fields;
* no bidirectional override or isolate characters (they reorder what a reader sees);
* a length limit per field.

``excerpt`` cuts a value for an error message *before* turning it into text, so that a huge
or deeply nested value never gets expanded just to be shown.
"""

from __future__ import annotations

import re

from spendcalc.errors import SpendcalcError

#: bidirectional embedding, override and isolate characters (U+202A-U+202E, U+2066-U+2069)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
EXCERPT_CHARS = 40


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """A short, printable stand-in for ``value`` in an error message.

    Text is cut to ``limit`` characters *first* and then escaped (control characters and lone
    surrogates shown as ``\\x1b``, ``\\ud800``); any other type is named by its type only, so a
    large or nested value is never expanded.
    """
    if isinstance(value, str):
        shown = _UNPRINTABLE.sub(_escape, value[:limit])
        return shown + ("…" if len(value) > limit else "")
    if value is None or isinstance(value, bool | int | float):
        return repr(value)[:limit]
    return f"a {type(value).__name__}"


def _escape(match: re.Match) -> str:
    c = match.group()
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """What is wrong with ``value`` as user text (see the module doc), or None if nothing."""
    m = _SURROGATE.search(value)
    if m:
        return f"a lone surrogate U+{ord(m.group()):04X} at character {m.start() + 1}"
    for m in _CONTROL.finditer(value):
        if multiline and m.group() in "\n\t":
            continue
        what = "an ANSI escape (ESC)" if m.group() == "\x1b" else (
            "a line break" if m.group() in "\n\r" else f"a control character U+{ord(m.group()):04X}")
        return f"{what} at character {m.start() + 1}"
    for i, c in enumerate(value):
        if c in BIDI_CONTROLS:
            return f"a bidirectional control character U+{ord(c):04X} at character {i + 1}"
    return None


def check_text(field: str, value: object, *, max_len: int, multiline: bool = False) -> str:
    """Return ``value`` if it is acceptable user text; raise SpendcalcError naming the field.

    Parameters
    ----------
    field : str
        Name shown in the error (``title``, ``sources[0].url``, ...).
    value : object
        The candidate text.
    max_len : int
        Most characters allowed.
    multiline : bool
        Allow newline and tab (descriptions, quotes); otherwise one line of text.
    """
    kind = "text" if multiline else "one line of text"
    if not isinstance(value, str):
        raise SpendcalcError(field, excerpt(value), kind)
    if len(value) > max_len:
        raise SpendcalcError(field, excerpt(value), f"{kind} of at most {max_len} characters "
                             f"(this one has {len(value)})")
    problem = text_problem(value, multiline=multiline)
    if problem:
        raise SpendcalcError(field, excerpt(value), f"{kind} without {problem.split(' at ')[0]} "
                             f"(found {problem}); control, bidirectional-override and lone "
                             "surrogate characters are not allowed")
    return value


def check_url(field: str, value: object, *, max_len: int = 2000) -> str:
    """An ``http(s)://`` address, or empty; otherwise SpendcalcError naming the field."""
    text = check_text(field, value, max_len=max_len)
    if text and (not re.match(r"(?i)https?://[^\s/]", text) or any(c.isspace() for c in text)):
        raise SpendcalcError(field, excerpt(text), "an http:// or https:// address without "
                             "spaces, or empty")
    return text
