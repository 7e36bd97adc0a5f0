"""Scenario files: YAML text <-> Scenario, validated; safe loading only; exact round trip.

A scenario file is a YAML mapping::

    name: us-ask-3.5pct
    title: 3.5% of GDP by FY2035
    target_share: 0.035        # a fraction, or a quantity string such as "3.5 %"
    target_year: 2035
    scope: security-related    # or mod-budget
    denominator: same-year     # or fixed-fy2022
    basis: initial             # or with-supplementary
    path: linear-yen           # constant-growth, linear-share, hold-flat
    after_target: hold-share   # or hold-yen
    description: ...
    sources:
      - {title: ..., url: ..., quote: ...}

``scenario_to_yaml(scenario_from_yaml(text))`` reproduces a canonical file byte for byte, and
``scenario_from_yaml(scenario_to_yaml(s)) == s`` for every valid Scenario. This module parses
text only; ``spendcalc.data.read_scenario_file`` opens files.
"""

from __future__ import annotations

from dataclasses import fields

import yaml

from spendcalc.assumptions import Scenario, Source
from spendcalc.errors import SpendcalcError
from spendcalc.units import parse_quantity

MAX_BYTES = 64 * 1024
_FIELDS = [f.name for f in fields(Scenario)]
_SOURCE_KEYS = ("title", "url", "quote")


def scenario_from_dict(data: object, *, where: str = "scenario") -> Scenario:
    """Build a Scenario from a mapping (as loaded from YAML), validating every field."""
    if not isinstance(data, dict):
        raise SpendcalcError(where, type(data).__name__, "a YAML mapping of scenario fields")
    unknown = [k for k in data if k not in _FIELDS]
    if unknown:
        raise SpendcalcError(f"{where}.{unknown[0]}", data[unknown[0]],
                             "no such field; allowed fields: " + ", ".join(_FIELDS))
    kwargs = dict(data)
    if "name" not in kwargs:
        raise SpendcalcError(f"{where}.name", None, "a scenario name")
    share = kwargs.get("target_share")
    if share is not None:
        kwargs["target_share"] = parse_quantity(share, field="target_share", unit="fraction",
                                                allowed="a share of GDP strictly between 0 and 1 "
                                                "(0.02 or '2 %')")
    for key in ("title", "description"):
        if kwargs.get(key) is None:
            kwargs[key] = ""
    raw_sources = kwargs.get("sources") or []
    if not isinstance(raw_sources, list):
        raise SpendcalcError("sources", raw_sources, "a list of {title, url, quote} mappings")
    sources = []
    for i, s in enumerate(raw_sources):
        if not isinstance(s, dict) or set(s) - set(_SOURCE_KEYS) or not isinstance(s.get("title"), str):
            raise SpendcalcError(f"sources[{i}]", s, "a mapping with title (text), url and quote")
        if not all(isinstance(s.get(k, ""), str) for k in _SOURCE_KEYS):
            raise SpendcalcError(f"sources[{i}]", s, "text values for title, url and quote")
        sources.append(Source(s["title"], s.get("url", ""), s.get("quote", "")))
    kwargs["sources"] = tuple(sources)
    return Scenario(**kwargs)


def scenario_from_yaml(text: str | bytes, *, where: str = "scenario file") -> Scenario:
    """Parse one scenario from YAML text (``yaml.safe_load`` only: nothing is executed)."""
    if isinstance(text, bytes):
        if len(text) > MAX_BYTES:
            raise SpendcalcError(where, f"{len(text)} bytes", f"at most {MAX_BYTES} bytes")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise SpendcalcError(where, "binary data", "UTF-8 YAML text") from None
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SpendcalcError(where, f"{len(text)} characters", f"at most {MAX_BYTES} bytes")
    if not text.strip():
        raise SpendcalcError(where, "empty", "a YAML mapping of scenario fields")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        raise SpendcalcError(where, f"malformed YAML{at}", "a YAML mapping of scenario fields") from None
    return scenario_from_dict(data, where="scenario")


def scenario_to_dict(sc: Scenario) -> dict:
    """A plain mapping in canonical field order (fractions as floats)."""
    out: dict = {}
    for name in _FIELDS:
        value = getattr(sc, name)
        if name == "sources":
            value = [{"title": s.title, "url": s.url, "quote": s.quote} for s in value]
        out[name] = value
    return out


class _Dumper(yaml.SafeDumper):
    """SafeDumper that double-quotes text containing NEL (U+0085).

    PyYAML's plain and single-quoted styles read NEL back as a line break, so such text would not
    round-trip; the double-quoted style escapes it as ``\\N``.
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if "\x85" in value else None)


_Dumper.add_representer(str, _represent_str)


def scenario_to_yaml(sc: Scenario) -> str:
    """Canonical YAML text for a scenario (UTF-8, block style, fields in declaration order)."""
    return yaml.dump(scenario_to_dict(sc), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
