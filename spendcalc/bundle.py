"""Downloads a newsroom can open: one zip with ``data.csv``, ``README.md`` and ``metadata.json``.

Pure (no Streamlit, no matplotlib, no file reading): the app passes in the projection, the
bundled tables' sidecars (``spendcalc.read_table(name)[1]``), the methodology note and the page
address, and gets bytes back. The layout follows the way Our World in Data ships chart data:

* ``data.csv`` — the tidy table with one plain header row first (no ``#`` comment lines), so
  ``pandas.read_csv(path)`` and spreadsheet programs open it as it is; text cells that a
  spreadsheet would run as formulas are neutralised by :func:`spendcalc.output.csv_text`.
* ``README.md`` — what the file is, the methodology, the sources, the versions, how to cite it,
  and every column and measure labelled in English and Japanese (``column.*``/``measure.*`` of
  :mod:`spendcalc.i18n`).
* ``metadata.json`` — the same as data: assumptions, methodology per scenario, versions,
  sources, columns and measures.

The zip is deterministic (fixed member dates), so the same view gives the same bytes.

Also here: :func:`scenario_for_download`, the scenario YAML the app offers, named so that the
app's upload and the CLI's ``--scenario FILE`` load it back unchanged.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import replace

import pandas as pd

from spendcalc import i18n
from spendcalc.assumptions import Scenario
from spendcalc.i18n import t
from spendcalc.output import csv_text, json_text, unicode_safe

#: the members of the zip, in order
MEMBERS = ("data.csv", "README.md", "metadata.json")
#: member date in the zip (a fixed date keeps the bytes reproducible)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
#: suffix added to the name of a built-in or the custom scenario in its download
COPY_SUFFIX = "-copy"


def data_version(table_meta: Mapping[str, dict]) -> str:
    """A short fingerprint of the bundled data: sha256 over each table's recorded sha256.

    The sidecars record the hash of each CSV (``scripts/build_data.py``); any changed figure
    changes this text. ``'data-'`` and 12 hex digits.
    """
    digest = hashlib.sha256()
    for name in sorted(table_meta):
        digest.update(f"{name}:{table_meta[name].get('sha256', '')}\n".encode())
    return "data-" + digest.hexdigest()[:12]


def sources(table_meta: Mapping[str, dict]) -> list[dict[str, str]]:
    """One entry per bundled table: file, title, publisher, edition, retrieved, address."""
    return [{"file": f"data/{name}.csv", "title": str(m.get("title", "")), "publisher": str(m.get("publisher", "")),
             "edition": str(m.get("edition", "")), "retrieved_on": str(m.get("retrieved_on", "")),
             "source_url": str(m.get("source_url", ""))} for name, m in table_meta.items()]


def column_labels(columns: Iterable[str], prefix: str) -> list[dict[str, str]]:
    """``[{name, en, ja}]`` for each column (``prefix`` ``'column'``) or measure (``'measure'``)
    with a label in the catalogue; unlabelled names are listed with the name itself."""
    out = []
    for name in columns:
        key = f"{prefix}.{name}"
        en, ja = i18n.MESSAGES.get(key, (name, name))
        out.append({"name": name, "en": en, "ja": ja})
    return out


def cite_text(url: str, version: str, data_version_text: str, accessed: str, lang: str = "en") -> str:
    """The "cite this" line: project, version, data version, page address, date accessed."""
    return t("bundle.cite", lang, version=version, data_version=data_version_text, url=url, accessed=accessed)


def metadata(tidy: pd.DataFrame, table_meta: Mapping[str, dict], *, version: str, url: str,
             accessed: str, methodology_note: str) -> dict:
    """Everything ``metadata.json`` holds (plain JSON types)."""
    measures = list(dict.fromkeys(tidy["measure"]))
    units = dict(zip(tidy["measure"], tidy["unit"], strict=False))
    return {
        "title": t("bundle.title", "en"), "title_ja": t("bundle.title", "ja"),
        "software_version": version, "data_version": data_version(table_meta),
        "page_url": url, "accessed": accessed,
        "cite": cite_text(url, version, data_version(table_meta), accessed),
        "assumptions": tidy.attrs.get("assumptions", {}),
        "methodology": tidy.attrs.get("methodology", {}),
        "methodology_note": methodology_note,
        "sources": sources(table_meta),
        "columns": column_labels(tidy.columns, "column"),
        "measures": [m | {"unit": str(units[m["name"]])} for m in column_labels(measures, "measure")],
        "files": {"data.csv": t("bundle.file_data", "en"), "README.md": t("bundle.file_readme", "en"),
                  "metadata.json": t("bundle.file_metadata", "en")},
    }


def _md_cell(text: object) -> str:
    """Text for one Markdown table cell: one line, pipes escaped."""
    return " ".join(unicode_safe(str(text)).split()).replace("|", "\\|")


def readme_text(meta: dict, lang: str = "en") -> str:
    """``README.md`` of the zip from :func:`metadata`, headings and prose in ``lang``; the
    column and measure labels in both languages."""
    lines = [f"# {t('bundle.title', lang)}", "", t("bundle.intro", lang), "",
             f"## {t('bundle.h_files', lang)}", ""]
    lines += [f"- `{name}`: {t(key, lang)}" for name, key in (
        ("data.csv", "bundle.file_data"), ("README.md", "bundle.file_readme"),
        ("metadata.json", "bundle.file_metadata"))]
    lines += ["", f"## {t('bundle.h_cite', lang)}", "", cite_text(meta["page_url"], meta["software_version"],
                                                               meta["data_version"], meta["accessed"], lang),
              "", f"## {t('bundle.h_columns', lang)}", "", "| column | English | 日本語 |", "|---|---|---|"]
    lines += [f"| `{c['name']}` | {_md_cell(c['en'])} | {_md_cell(c['ja'])} |" for c in meta["columns"]]
    lines += ["", f"## {t('bundle.h_measures', lang)}", "", "| measure | unit | English | 日本語 |", "|---|---|---|---|"]
    lines += [f"| `{m['name']}` | {_md_cell(m['unit'])} | {_md_cell(m['en'])} | {_md_cell(m['ja'])} |"
              for m in meta["measures"]]
    lines += ["", f"## {t('bundle.h_methodology', lang)}", "", t("bundle.methodology_intro", lang), ""]
    lines += [f"    {line}" for line in meta["methodology_note"].splitlines()]
    for name, m in meta["methodology"].items():
        lines += ["", f"### {_md_cell(name)}", ""]
        lines += [f"- {_md_cell(key)}: {_md_cell(value)}" for key, value in m.items() if key != "scenario"]
    lines += ["", f"## {t('bundle.h_assumptions', lang)}", ""]
    lines += [f"- {_md_cell(key)}: {_md_cell(value)}" for key, value in meta["assumptions"].items()]
    lines += ["", f"## {t('bundle.h_sources', lang)}", ""]
    lines += [f"- `{s['file']}`: {_md_cell(s['title'])} — {_md_cell(s['publisher'])}, {_md_cell(s['edition'])}, "
              f"{t('bundle.retrieved', lang, date=_md_cell(s['retrieved_on']))} <{_md_cell(s['source_url'])}>"
              for s in meta["sources"]]
    lines += ["", f"## {t('bundle.h_versions', lang)}", "",
              t("bundle.versions", lang, version=meta["software_version"], data_version=meta["data_version"]), ""]
    return "\n".join(lines)


def data_csv(tidy: pd.DataFrame) -> str:
    """The tidy table as CSV: the header row first, exact values, formula-safe text cells."""
    return csv_text(tidy, float_format=None)


def newsroom_zip(tidy: pd.DataFrame, table_meta: Mapping[str, dict], *, version: str, url: str,
                 accessed: str, methodology_note: str, lang: str = "en",
                 readme: Mapping[str, object] | None = None) -> bytes:
    """The zip (:data:`MEMBERS`) for one projection, README prose in ``lang``.

    ``readme`` replaces, in the README only, the metadata's ``methodology_note`` and
    ``methodology`` (per scenario) with texts in ``lang`` (``spendcalc.methodology``);
    ``metadata.json`` keeps the methodology as the projection carries it (English)."""
    meta = metadata(tidy, table_meta, version=version, url=url, accessed=accessed,
                    methodology_note=methodology_note)
    texts = {"data.csv": data_csv(tidy), "README.md": readme_text(meta | dict(readme or {}), lang),
             "metadata.json": json_text(meta, indent=1) + "\n"}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in MEMBERS:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, texts[name].encode("utf-8"))
    return buf.getvalue()


def scenario_for_download(sc: Scenario, reserved: Iterable[str]) -> Scenario:
    """The scenario as its YAML download holds it: a built-in's or the custom scenario's name
    gets :data:`COPY_SUFFIX` (the upload refuses those names, which belong to the built-ins and
    the sliders); any other name is kept, so a downloaded upload downloads unchanged."""
    if sc.name in set(reserved):
        return replace(sc, name=sc.name + COPY_SUFFIX)
    return sc
