"""PURE. A NATO-style split of Japan's security-related expenditures into the two categories of
NATO's Hague commitment (25 June 2025): at least 3.5% of GDP on *core* defence (the agreed NATO
definition of defence expenditure) and up to 1.5% on *defence- and security-related* spending
(critical infrastructure, networks, civil preparedness and resilience, innovation, the defence
industrial base).

This is the PROJECT'S ANALYTICAL MAPPING, not a NATO or Japanese government classification.
Japan is not a NATO member and reports no NATO-definition figure; the mapping is stated
component by component in :data:`MAPPING` with its reasoning:

* ``dbp_covered`` -> core. The Ministry of Defense budget covered by the Defense Buildup
  Program (Self-Defense Forces personnel, equipment, operations, facilities) is the armed forces'
  budget, the centre of NATO's definition.
* ``saco_realignment`` -> core. SACO and US-forces-realignment costs are paid from the MOD budget
  for the basing of allied forces; NATO counts a ministry of defence's spending on its forces and
  on host-nation support of allied forces financed from it.
* ``other_ministries`` -> core. Chiefly the Japan Coast Guard (plus peacekeeping and other
  ministries' items counted by the 2% framework). NATO counts "other forces" such as coast guards
  only where they are trained, equipped and able to operate under military command in wartime.
  The Coast Guard is a civilian agency (JCG Act Art. 25), but the Self-Defense Forces Act
  (Art. 80) lets the Defense Minister control it in an armed attack, and the government's own
  trial calculations of a NATO-definition figure (reported September 2022: 1.24% of GDP for
  FY2021) counted the Coast Guard and peacekeeping. The project follows that trial; a stricter
  reading would move this component to *related*.
* ``four_areas`` -> related. The four complementary areas of the 2% framework — research and
  development, public infrastructure, cybersecurity and international cooperation — are civilian
  budgets that support defence: they match the 1.5% category's infrastructure, networks/cyber,
  innovation and resilience items. (International cooperation includes Official Security
  Assistance to partner militaries, which NATO might count as core like aid to Ukraine; it was
  18.1 billion yen in FY2026, about 0.003% of GDP, so the choice does not change the split.)

Not counted anywhere: military pensions (in NATO's definition, absent from Japan's defense
budget: the 2022 trial added them), so ``nato-core`` is a lower bound of a NATO-definition
figure.

The split needs every component of a fiscal year. With the bundled figures that is FY2027 (the
government's plan composition of the 2% target: 8.9 + 0.2 + 0.9 + ~1.0 trillion yen, Defense of
Japan 2024); other years' security-related totals are published without the split between the
other ministries' items and the four areas. ``spendcalc.data`` turns the split into the spending
history of the scopes ``nato-core`` and ``nato-related``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

CORE = "nato-core"
RELATED = "nato-related"


@dataclass(frozen=True)
class Component:
    """One component of Japan's security-related expenditures and its NATO-style category."""

    name: str
    category: str
    label: str
    reasoning: str


MAPPING: tuple[Component, ...] = (
    Component("dbp_covered", CORE, "MOD budget covered by the Defense Buildup Program",
              "the Self-Defense Forces' own budget: the centre of NATO's definition"),
    Component("saco_realignment", CORE, "SACO and US-realignment costs (MOD budget)",
              "MOD spending on the basing of allied forces, financed from the defence budget"),
    Component("other_ministries", CORE, "Coast Guard, peacekeeping and other ministries' items",
              "NATO counts coast guards able to operate under military command in wartime (SDF "
              "Act Art. 80 provides for it) and Japan's 2022 NATO-definition trial counted them"),
    Component("four_areas", RELATED, "four areas: R&D, public infrastructure, cyber, international "
              "cooperation", "civilian budgets matching the 1.5% category (infrastructure, "
              "networks/cyber, innovation, resilience)"),
)

#: framework series (data/framework.csv) -> component, for the FY2027 plan composition
FRAMEWORK_SERIES: Mapping[str, str] = {
    "target_fy2027_dbp_covered": "dbp_covered",
    "target_fy2027_saco_realignment": "saco_realignment",
    "target_fy2027_other_ministries": "other_ministries",
    "target_fy2027_four_areas": "four_areas",
}


def mapping_table() -> pd.DataFrame:
    """The mapping as a table: ``component, category, label, reasoning`` (the project's analysis)."""
    return pd.DataFrame([c.__dict__ for c in MAPPING])


def split(components: Iterable[tuple[int, str, float, str, str]]) -> pd.DataFrame:
    """Component rows ``(fiscal_year, component, value_jpy, status, source)`` -> the split.

    Returns one row per fiscal year and category for the years in which EVERY component of
    :data:`MAPPING` is given: ``fiscal_year, scope, spending_jpy, status, source``. ``status`` is
    the weakest of the components' (``plan`` over ``estimate`` over ``actual``); ``source`` names
    each component's source. Years with a missing component are left out (not guessed).
    """
    by_year: dict[int, dict[str, tuple[float, str, str]]] = {}
    for fy, name, value, status, source in components:
        if name in by_year.setdefault(int(fy), {}):
            raise ValueError(f"component {name} given twice for FY{fy}")
        by_year[int(fy)][name] = (float(value), status, source)
    rank = {"actual": 0, "estimate": 1, "plan": 2}
    rows = []
    for fy, parts in sorted(by_year.items()):
        if any(c.name not in parts for c in MAPPING):
            continue
        for category in (CORE, RELATED):
            members = [c for c in MAPPING if c.category == category]
            value = sum(parts[c.name][0] for c in members)
            status = max((parts[c.name][1] for c in members), key=lambda s: rank.get(s, 3))
            source = "; ".join(f"{c.name}: {parts[c.name][2]}" for c in members)
            rows.append((fy, category, value, status, source))
    return pd.DataFrame(rows, columns=["fiscal_year", "scope", "spending_jpy", "status", "source"])
