"""spendcalc: scenario calculator for Japan's defense spending (yen, share of GDP, USD, real terms).

The pure layer and the bundled data. Charts live in ``spendcalc.charts`` and the command line in
``spendcalc.cli``; neither is imported here, so ``import spendcalc`` loads no plotting or UI
library.
"""

from spendcalc import units as _units
from spendcalc.api import make_assumptions, project, resolve_scenarios, simulate
from spendcalc.assumptions import Assumptions, Scenario, Source
from spendcalc.data import (
    History,
    builtin_scenarios,
    default_assumptions,
    defaults,
    get_scenario,
    history_table,
    load_history,
    read_budget_history,
    read_gdp_history,
    read_scenario_file,
    read_table,
)
from spendcalc.errors import SpendcalcError
from spendcalc.model import (
    MEASURES,
    break_even_gdp_growth,
    headline_figures,
    methodology_table,
    required_spending_growth,
    sensitivity_sweep,
    target_spending_jpy,
)
from spendcalc.scenarios import scenario_from_yaml, scenario_to_yaml

__all__ = [
    "MEASURES", "Q_", "Assumptions", "History", "Scenario", "Source", "SpendcalcError",
    "break_even_gdp_growth", "builtin_scenarios", "default_assumptions", "defaults", "get_scenario", "headline_figures",
    "history_table", "load_history", "make_assumptions", "methodology_table", "project",
    "read_budget_history", "read_gdp_history", "read_scenario_file", "read_table",
    "required_spending_growth", "resolve_scenarios", "scenario_from_yaml", "scenario_to_yaml",
    "sensitivity_sweep", "simulate", "target_spending_jpy", "ureg",
    "check_claims", "claim_markers", "read_claims",
]


#: names imported on first use (PEP 562): the claims audit reads the articles' claims and is
#: needed by few callers, so ``import spendcalc`` (and every CLI command but ``claims``) skips it
_LAZY = {"check_claims": "spendcalc.claims", "claim_markers": "spendcalc.claims",
         "read_claims": "spendcalc.claims"}


def __getattr__(name: str) -> object:
    """``spendcalc.ureg`` and ``spendcalc.Q_``, built on first use (see ``spendcalc.units.registry``),
    and the names of :data:`_LAZY`, imported on first use."""
    if name in ("ureg", "Q_"):
        return getattr(_units, name)
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | {"ureg", "Q_"})
