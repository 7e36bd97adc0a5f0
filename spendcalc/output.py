"""Safe output: the one CSV writer, and text made harmless for terminals, JSON and Markdown.

User text is validated where it enters (:mod:`spendcalc.text`); these functions make output safe
even so, because a file may be opened in a spreadsheet and a terminal obeys escape codes:

* :func:`write_csv` writes every CSV the project produces (CLI, chart data, app download).
  A text cell that begins with ``=``, ``+``, ``-``, ``@``, tab or carriage return is a live formula
  in a spreadsheet; such a cell gets a leading ``'`` (the OWASP rule), unless it is a plain
  number such as ``-1.5``. Comment lines (methodology, sources) are rows of two cells,
  ``#`` and the line, written by the ``csv`` module and therefore quoted where needed: a title
  cannot start a new cell. ``pandas.read_csv(path, comment="#")`` skips them;
  ``csv.reader`` reads each back whole as ``["#", line]``.
* :func:`terminal_text` shows control characters (ANSI escapes included), bidirectional
  overrides and lone surrogates as visible escapes (``\\x1b``), so printing cannot recolour,
  move the cursor or reorder what the reader sees.
* :func:`json_text` never fails on a lone surrogate (it is written as a ``\\udXXX`` escape).
* :func:`markdown_text` escapes Markdown and HTML, for the app.

Imports neither matplotlib nor streamlit.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import TextIO

import pandas as pd

from spendcalc.text import BIDI_CONTROLS

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNSAFE_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff"
                              + "".join(sorted(BIDI_CONTROLS)) + "]")
_UNSAFE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff" + "".join(sorted(BIDI_CONTROLS)) + "]")
# Markdown that text on one line can trigger, escaped with a backslash (CommonMark allows it
# before any ASCII punctuation): links and images need "[", autolinks and HTML "<", emphasis
# "*", "~" and word-boundary "_" ("snake_case" is literal), code "`", formulas "$", colour
# directives ":red[...]" again "["; block markers only at the start ("#", "-", "+", ">", "1.");
# bare addresses (GFM autolinks) are broken by escaping the ":" of "://" and the "." of "www.".
_MARKDOWN_SPECIAL = re.compile(r"[\\`*\[\]<>~$]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])|^[#+\->=]"
                               r"|(?<=^[0-9])[.)]|(?<=^[0-9]{2})[.)]|:(?=//)|(?<=www)\.",
                               re.IGNORECASE)


def _escape(match: re.Match) -> str:
    c = match.group()
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def terminal_text(text: object, *, multiline: bool = True) -> str:
    """``text`` with control characters, bidi overrides and lone surrogates shown as escapes.

    Newline and tab are kept when ``multiline`` (else shown as ``\\x0a``, ``\\x09``).
    """
    text = str(text)
    return (_UNSAFE_TERMINAL if multiline else _UNSAFE_LINE).sub(_escape, text)


def unicode_safe(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (so it can be encoded as UTF-8)."""
    return _SURROGATE.sub("\ufffd", text)


def safe_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text, not as a formula (see the module doc)."""
    if not isinstance(value, str) or not value:
        return value
    value = unicode_safe(value)
    if value.startswith(FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    text_cols = [c for c in df.columns
                 if not (pd.api.types.is_numeric_dtype(df[c]) or pd.api.types.is_bool_dtype(df[c]))]
    out = df.copy() if text_cols else df.rename(columns=str)
    for c in text_cols:
        out[c] = out[c].map(safe_cell, na_action="ignore")
    out.columns = [safe_cell(str(c)) for c in df.columns]
    return out


def write_csv(out: TextIO, df: pd.DataFrame, *, comments: Iterable[str] = (),
              float_format: str | None = "%.10g") -> None:
    """Write ``comments`` (one ``#`` row per line) and then ``df`` as CSV to ``out``.

    Parameters
    ----------
    out : text stream
        Opened with ``newline=""`` when it is a file.
    df : DataFrame
        Written without its index; text cells neutralised (:func:`safe_cell`).
    comments : iterable of str
        Methodology and source lines; each line (split at line breaks) becomes the row
        ``#,<line>``, quoted by the csv module where needed.
    float_format : str or None
        As in ``DataFrame.to_csv``.
    """
    write_comments(out, comments)
    _safe_frame(df).to_csv(out, index=False, float_format=float_format, lineterminator="\n")


def write_comments(out: TextIO, comments: Iterable[str]) -> None:
    """Write comment lines as CSV rows ``#,<line>`` (the head of :func:`write_csv`)."""
    writer = csv.writer(out, lineterminator="\n")
    for comment in comments:
        for line in str(comment).splitlines() or [""]:
            writer.writerow(["#", safe_cell(line)])


def csv_text(df: pd.DataFrame, *, comments: Iterable[str] = (), float_format: str | None = "%.10g") -> str:
    """:func:`write_csv` into a string."""
    import io

    buf = io.StringIO()
    write_csv(buf, df, comments=comments, float_format=float_format)
    return buf.getvalue()


def read_comments(text: str) -> list[str]:
    """The comment lines at the head of a CSV written by :func:`write_csv` (inverse of it)."""
    out = []
    for row in csv.reader(text.splitlines()):
        if not row or row[0] != "#":
            break
        line = row[1] if len(row) > 1 else ""
        out.append(line[1:] if line.startswith("'") and line[1:2] in FORMULA_START else line)
    return out


def json_text(obj: object, *, indent: int | None = 1) -> str:
    """``json.dumps`` (UTF-8 text, not ASCII escapes) that cannot fail on a lone surrogate."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def markdown_text(text: object) -> str:
    """``text`` escaped for Markdown (Streamlit): shown literally, never as a link, image,
    emphasis, heading, HTML, colour directive or formula. Line breaks become spaces."""
    flat = terminal_text(" ".join(str(text).split()), multiline=False)
    return _MARKDOWN_SPECIAL.sub(_md_escape, flat)


def _md_escape(match: re.Match) -> str:
    return "\\" + match.group()
