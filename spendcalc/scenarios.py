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

import re
from dataclasses import fields

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import MappingNode, ScalarNode

from spendcalc.assumptions import Scenario, Source
from spendcalc.errors import SpendcalcError
from spendcalc.text import excerpt, text_problem
from spendcalc.units import parse_quantity

MAX_BYTES = 64 * 1024
MAX_DEPTH = 20  # nested mappings/sequences; a scenario file needs 3 (sources: - {title: ...})
_FIELDS = [f.name for f in fields(Scenario)]
_SOURCE_KEYS = ("title", "url", "quote")


# ----------------------------------------------------------------------------------------------
# The one YAML loader: safe, strict, bounded
# ----------------------------------------------------------------------------------------------
class _Refused(yaml.YAMLError):
    """A YAML construct that the strict loader does not accept (``what`` at ``mark``)."""

    def __init__(self, what: str, allowed: str, mark: yaml.Mark | None) -> None:
        super().__init__(what)
        self.what, self.allowed, self.mark = what, allowed, mark


_TAG = "tag:yaml.org,2002:"
_DROPPED = {_TAG + t for t in ("bool", "int", "float", "value", "yaml")}


class StrictLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` for data written by people, refusing what can hurt or mislead.

    * No anchors or aliases: "billion laughs" (nested aliases) would expand a few hundred bytes
      into gigabytes; the loader stops at the first anchor, before anything is expanded.
    * No explicit tags (``!!python/object``, ``!foo``, even ``!!str``): a tag is reported as a
      tag, not as malformed YAML. No merge keys (``<<``).
    * At most :data:`MAX_DEPTH` nested collections (deeper input would exhaust the recursion
      limit of the composer).
    * A key may occur once per mapping; a duplicate is an error naming the key and its line
      (plain PyYAML keeps the last value silently).
    * Plain scalars resolve as in YAML 1.2's core schema, not 1.1: ``true``/``false`` only
      (``yes``, ``no``, ``on``, ``off`` stay text); integers are decimal without leading zeros
      and at most 18 digits (``0755`` would be octal, ``1:30`` sexagesimal, ``2_035`` 2035 in
      YAML 1.1: here all three stay text, so the field's own check rejects them by name).
    * Text may not contain lone surrogates or control characters other than newline and tab.
    """

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in _DROPPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor is not None):
            kind = "alias *" if isinstance(event, AliasEvent) else "anchor &"
            raise _Refused(f"{kind}{excerpt(event.anchor, 20)}",
                           "YAML without anchors or aliases (YAML anchors/aliases are not allowed)",
                           event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None:
            shown = "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag
            raise _Refused(f"tag {excerpt(shown, 40)}",
                           "YAML without tags (a tag was found; write plain values instead)",
                           event.start_mark)
        if isinstance(event, CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise _Refused(f"nesting deeper than {MAX_DEPTH} levels",
                               f"at most {MAX_DEPTH} nested mappings or lists", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            if isinstance(event, CollectionStartEvent):
                self._depth -= 1

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict:
        if not isinstance(node, MappingNode):
            return super().construct_mapping(node, deep=deep)
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _TAG + "merge":
                raise _Refused("merge key <<", "each key written out (YAML merge keys are not "
                               "allowed)", key_node.start_mark)
            if isinstance(key_node, ScalarNode):
                key = key_node.value
                if key in seen:
                    raise _Refused(f"duplicate key {excerpt(key)!r} (first at line {seen[key]})",
                                   "each key once per mapping", key_node.start_mark)
                seen[key] = line
                if isinstance(value_node, ScalarNode) and value_node.tag == _TAG + "str":
                    self._check_text(value_node.value, value_node.start_mark, f"text of {excerpt(key)!r}")
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_str(self, node: yaml.Node) -> str:
        value = super().construct_yaml_str(node)
        self._check_text(value, node.start_mark, "text")
        return value

    def construct_yaml_int(self, node: yaml.Node) -> int:
        return int(self.construct_scalar(node))

    @staticmethod
    def _check_text(value: str, mark: yaml.Mark, what: str) -> None:
        problem = text_problem(value, multiline=True)
        if problem:
            raise _Refused(f"{what} with {problem}", "text without control characters (other than "
                           "newline and tab), bidirectional overrides or lone surrogates", mark)


StrictLoader.add_constructor(_TAG + "str", StrictLoader.construct_yaml_str)
StrictLoader.add_constructor(_TAG + "int", StrictLoader.construct_yaml_int)
StrictLoader.add_implicit_resolver(_TAG + "bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))
StrictLoader.add_implicit_resolver(_TAG + "int", re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$"),
                                   list("-+0123456789"))
StrictLoader.add_implicit_resolver(
    _TAG + "float",
    re.compile(r"^(?:[-+]?(?:(?:0|[1-9][0-9]*)\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."))


def load_yaml(text: str | bytes, *, where: str, max_bytes: int | None = MAX_BYTES) -> object:
    """Parse one YAML document with :class:`StrictLoader`; any problem is one SpendcalcError.

    Parameters
    ----------
    text : str or bytes
        YAML text (bytes must be UTF-8).
    where : str
        What is being read, named in errors (``scenario file mine.yaml``, ``data/claims.yaml``).
    max_bytes : int or None
        Largest accepted input [bytes]; None for bundled files.

    The message names the line and what was found, cut short: a value is never expanded or
    printed whole.
    """
    if isinstance(text, bytes):
        if max_bytes is not None and len(text) > max_bytes:
            raise SpendcalcError(where, f"{len(text)} bytes", f"at most {max_bytes} bytes")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise SpendcalcError(where, "binary data", "UTF-8 YAML text") from None
    if max_bytes is not None and (len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes):
        raise SpendcalcError(where, f"{len(text)} characters", f"at most {max_bytes} bytes")
    loader = None
    try:
        loader = StrictLoader(text)  # the reader checks every character here already
        return loader.get_single_data()
    except _Refused as exc:
        at = f" at line {exc.mark.line + 1}" if exc.mark is not None else ""
        raise SpendcalcError(where, f"{exc.what}{at}", exc.allowed) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = excerpt(getattr(exc, "problem", None) or "", 60)
        raise SpendcalcError(where, f"malformed YAML{at}" + (f": {problem}" if problem else ""),
                             "a YAML mapping of scenario fields" if max_bytes == MAX_BYTES
                             else "well-formed YAML") from None
    except RecursionError:  # not reachable within MAX_DEPTH; kept as a last line of defence
        raise SpendcalcError(where, "nesting too deep", f"at most {MAX_DEPTH} nested levels") from None
    finally:
        if loader is not None:
            loader.dispose()


def scenario_from_dict(data: object, *, where: str = "scenario") -> Scenario:
    """Build a Scenario from a mapping (as loaded from YAML), validating every field."""
    if not isinstance(data, dict):
        raise SpendcalcError(where, type(data).__name__, "a YAML mapping of scenario fields")
    unknown = [k for k in data if k not in _FIELDS]
    if unknown:
        raise SpendcalcError(f"{where}.{excerpt(unknown[0])}", excerpt(data[unknown[0]]),
                             "no such field; allowed fields: " + ", ".join(_FIELDS))
    kwargs = dict(data)
    if "name" not in kwargs:
        raise SpendcalcError(f"{where}.name", None, "a scenario name")
    share = kwargs.get("target_share")
    if share is not None and not isinstance(share, str | int | float):
        raise SpendcalcError("target_share", excerpt(share), "a share of GDP strictly between 0 and 1 "
                             "(0.02 or '2 %')")
    if share is not None:
        kwargs["target_share"] = parse_quantity(share, field="target_share", unit="fraction",
                                                allowed="a share of GDP strictly between 0 and 1 "
                                                "(0.02 or '2 %')")
    for key in ("title", "description"):
        if kwargs.get(key) is None:
            kwargs[key] = ""
    raw_sources = kwargs.get("sources") or []
    if not isinstance(raw_sources, list):
        raise SpendcalcError("sources", excerpt(raw_sources), "a list of {title, url, quote} mappings")
    sources = []
    for i, s in enumerate(raw_sources):
        if not isinstance(s, dict) or set(s) - set(_SOURCE_KEYS) or not isinstance(s.get("title"), str):
            raise SpendcalcError(f"sources[{i}]", excerpt(s), "a mapping with title (text), url and quote")
        if not all(isinstance(s.get(k, ""), str) for k in _SOURCE_KEYS):
            raise SpendcalcError(f"sources[{i}]", excerpt(s), "text values for title, url and quote")
        sources.append(Source(s["title"], s.get("url", ""), s.get("quote", "")))
    kwargs["sources"] = tuple(sources)
    return Scenario(**kwargs)


def scenario_from_yaml(text: str | bytes, *, where: str = "scenario file") -> Scenario:
    """Parse one scenario from YAML text (:func:`load_yaml`: nothing is executed or expanded)."""
    if isinstance(text, str) and len(text) > MAX_BYTES:  # before any work on a huge text
        raise SpendcalcError(where, f"{len(text)} characters", f"at most {MAX_BYTES} bytes")
    if not (text.strip() if isinstance(text, str) else text[: MAX_BYTES + 1].strip()):
        raise SpendcalcError(where, "empty", "a YAML mapping of scenario fields")
    data = load_yaml(text, where=where, max_bytes=MAX_BYTES)
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
