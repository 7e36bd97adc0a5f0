"""spendcalc: scenario calculator for Japan's defense spending (yen, share of GDP, USD, real terms).

The pure layer and the bundled data. Charts live in ``spendcalc.charts`` and the command line in
``spendcalc.cli``; neither is imported here, so ``import spendcalc`` loads no plotting or UI
library.
"""

from spendcalc import units as _units
from spendcalc.api import (
    answer,
    bridge,
    check_claims,
    claim_markers,
    convert,
    make_assumptions,
    project,
    resolve_scenarios,
    simulate,
    sipri_series,
)
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
    read_claims,
    read_gdp_history,
    read_scenario_file,
    read_table,
)
from spendcalc.errors import SpendcalcError
from spendcalc.frames import select, wide
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
    "check_claims", "claim_markers", "read_claims", "select", "wide",
    "bridge", "convert", "sipri_series", "answer",
]


def __getattr__(name: str) -> object:
    """``spendcalc.ureg`` and ``spendcalc.Q_``, built on first use (see ``spendcalc.units.registry``)."""
    if name in ("ureg", "Q_"):
        return getattr(_units, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | {"ureg", "Q_"})
