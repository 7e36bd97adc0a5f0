"""PURE. The methodology's texts and caveats in English or Japanese, from one set of structured facts.

:func:`spendcalc.model.methodology_facts` gathers the facts of one scenario's methodology (plain
values: years, rates, ids, levels); :func:`text` and :func:`caveats` render them in either
language through the catalogue (``method.*`` keys of :mod:`spendcalc.i18n`). The English texts of
``tidy.attrs['methodology']`` (``fx_assumption``, ``gdp_assumption``, ``deflator``,
``baseline_description``, ``fiscal_year``, ``population``, ``caveats``) ARE these renderings in
English, so both languages always say the same thing. Texts that are data (a GDP preset's
``extend_note``, the reported same-year ratio of ``data/defaults.yaml``) are quoted as they are in
English and rendered from their parsed values in Japanese (quoted, marked 原文, if they do not parse).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spendcalc.i18n import MESSAGES, check_lang, fy, t

#: the methodology's text fields (each a string in every language)
TEXT_FIELDS: tuple[str, ...] = ("gdp_assumption", "fx_assumption", "deflator", "baseline_description",
                                "fiscal_year", "population")
_REPORTED = re.compile(r"FY(\d{4}) (initial|with-supplementary), (\d+(?:\.\d+)?%) reported")


def _label(prefix: str, value: str, lang: str) -> str:
    """English: the id itself (as the methodology has always written it); else its catalogue label."""
    return value if lang == "en" or f"{prefix}.{value}" not in MESSAGES else t(f"{prefix}.{value}", lang)


def _years(years: list[int], lang: str) -> str:
    return t("method.list_sep", lang).join(fy(y, lang) for y in years)


def _fx(f: Mapping, lang: str) -> str:
    parts = []
    if f["calendar"]:
        parts.append(t("method.fx.calendar", lang, start=f["calendar"][0], end=f["calendar"][1]))
    if f["fiscal"]:
        parts.append(t("method.fx.fiscal_where" if parts else "method.fx.fiscal", lang,
                       start=f["fiscal"][0], end=f["fiscal"][1]))
    rate = f"{f['rate']:g}"
    if not parts:
        return t("method.fx.every", lang, rate=rate)
    return t("method.fx.other", lang, parts=t("method.list_sep", lang).join(parts), rate=rate)


def _extend(g: Mapping, lang: str) -> str:
    """A preset's extension beyond its table: the data's own note in English; in Japanese the same
    facts in the catalogue's words, if the note is one of the catalogue's English forms."""
    if lang == "en":
        return g["extend_note"]
    for kind in ("stated", "held"):
        fields = {"year": g["extend_last"], "rate": f"{g['extend_rate']:.1%}"}
        if t(f"method.gdp.extend_{kind}", "en", **fields) == g["extend_note"]:
            return t(f"method.gdp.extend_{kind}", lang, **fields)
    return t("method.original", lang, text=g["extend_note"])


def _gdp(g: Mapping, lang: str) -> str:
    if "growth_rate" in g:
        return t("method.gdp.growth", lang, rate=f"{g['growth_rate']:.2%}", year=g["last_gdp_year"])
    title = g["title"]
    if lang != "en":
        key = next((k for k, (en, _) in MESSAGES.items() if k.startswith("app.preset_title.") and en == title), None)
        title = t(key, lang) if key else title
    return t("method.gdp.preset", lang, name=g["preset"], title=title, published=g["published"],
             extend=_extend(g, lang))


def _deflator(d: Mapping, lang: str) -> str:
    rate = f"{d['inflation']:.2%}"
    if d["last"] is None:
        return t("method.deflator.assumed", lang, rate=rate, base=d["base"])
    return t("method.deflator", lang, vintage=d["vintage"], last=d["last"], rate=rate, base=d["base"])


def _baseline(b: Mapping, lang: str) -> str:
    fields = {"year": b["year"], "scope": _label("scope", b["scope"], lang),
              "basis": _label("basis", b["basis"], lang), "level": f"{b['level'] / 1e12:.2f}"}
    if b["kind"] == "common":
        return t("method.baseline.common", lang, status=_label("status", b["status"], lang), **fields)
    return t("method.baseline.own", lang, **fields)


def text(facts: Mapping, field: str, lang: str = "en") -> str:
    """The methodology's text ``field`` (one of :data:`TEXT_FIELDS`) in ``lang`` from ``facts``."""
    lang = check_lang(lang)
    render = {"gdp_assumption": lambda: _gdp(facts["gdp"], lang), "fx_assumption": lambda: _fx(facts["fx"], lang),
              "deflator": lambda: _deflator(facts["deflator"], lang),
              "baseline_description": lambda: _baseline(facts["baseline"], lang),
              "fiscal_year": lambda: t("method.fiscal_year", lang),
              "population": lambda: t("method.population", lang)}
    if field not in render:
        raise KeyError(f"{field!r}: expected one of {', '.join(TEXT_FIELDS)}")
    return render[field]()


def _reported(text_en: str | None, lang: str) -> str:
    """The government's reported same-year ratio (data, in English) in ``lang``; '' if none."""
    if not text_en:
        return ""
    m = _REPORTED.fullmatch(text_en)
    if lang == "en":
        inner = text_en
    elif m:
        inner = t("method.caveat.reported_parsed", lang, year=m[1], basis=t(f"basis.{m[2]}", lang), share=m[3])
    else:
        inner = t("method.original", lang, text=text_en)
    return t("method.caveat.reported", lang, text=inner)


def caveat(kind: str, fields: Mapping, lang: str = "en") -> str:
    """One caveat (``kind`` and ``fields`` as :func:`spendcalc.model.caveat_facts` gives them) in ``lang``."""
    lang = check_lang(lang)
    if kind == "mod_target":
        return t("method.caveat.mod_target", lang, share=f"{fields['share']:.1%}")
    if kind == "early_target":
        return t("method.caveat.early_target", lang, year=fields["year"], anchor=fields["anchor"],
                 next=fields["anchor"] + 1, scope=_label("scope", fields["scope"], lang))
    if kind == "same_year":
        return t("method.caveat.same_year", lang, vintage=fields["vintage"],
                 reported=_reported(fields.get("reported"), lang))
    if kind == "estimate":
        return t("method.caveat.estimate", lang, scope=_label("scope", fields["scope"], lang),
                 basis=_label("basis", fields["basis"], lang), years=_years(fields["years"], lang))
    raise KeyError(f"{kind!r}: expected one of mod_target, early_target, same_year, estimate")


def caveats(facts: Mapping, lang: str = "en") -> list[str]:
    """The methodology's caveats in ``lang`` (empty when there are none)."""
    return [caveat(kind, fields, lang) for kind, fields in facts["caveats"]]


def texts(facts: Mapping, lang: str = "en") -> dict[str, str | list[str]]:
    """Every text field of the methodology and its ``caveats``, in ``lang``."""
    return {field: text(facts, field, lang) for field in TEXT_FIELDS} | {"caveats": caveats(facts, lang)}


def localized(meta: Mapping, facts: Mapping, lang: str) -> dict:
    """A methodology record (``tidy.attrs['methodology'][name]``) with its texts in ``lang``."""
    return dict(meta) if check_lang(lang) == "en" else dict(meta) | texts(facts, lang)
