"""Shared fixtures: a tiny synthetic history with round numbers, and the bundled real data.

Synthetic history (all figures invented for arithmetic, not data):

* spending, security-related / initial: FY2023 = 10e12, FY2024 = 11e12 JPY (both ``actual``);
  so the anchor is FY2024 at 11e12 and the last actual year is FY2024.
* spending, mod-budget / initial: FY2022 = 8e12, FY2023 = 9e12 (``actual``), FY2024 = 10e12
  (``plan``, a draft budget); anchor FY2024, last actual FY2023.
* nominal GDP, vintage ``synthetic``: FY2020-FY2024 = 500, 510, 520, 530, 540 e12 JPY;
  vintage ``synthetic-short``: FY2020-FY2022 = 400, 410, 420 e12 JPY.
* GDP preset ``synthetic-10pct``: 10% nominal growth in FY2025-FY2026, then 10% (extend_rate).
"""

from __future__ import annotations

import os
import subprocess
import sys
from types import MappingProxyType

import pandas as pd
import pytest

from spendcalc.assumptions import Assumptions
from spendcalc.history import GdpPreset, History

os.environ.setdefault("MPLBACKEND", "agg")

GDP_SYNTHETIC = {2020: 500e12, 2021: 510e12, 2022: 520e12, 2023: 530e12, 2024: 540e12}
GDP_SHORT = {2020: 400e12, 2021: 410e12, 2022: 420e12}
REFERENCE_GDP = 500e12


@pytest.fixture(autouse=True)
def _unmarked_tests_stay_in_this_process(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the marker scheme true: a test not marked ``slow`` (or ``browser``) may not start a
    subprocess or run the app under AppTest, so ``make test-fast`` stays fast."""
    if request.node.get_closest_marker("slow") or request.node.get_closest_marker("browser"):
        return

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError(f"{request.node.nodeid} starts a subprocess or AppTest run: "
                             "mark it @pytest.mark.slow (and @pytest.mark.app for AppTest)")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    apptest = sys.modules.get("streamlit.testing.v1")
    if apptest is not None:
        for name in ("from_file", "from_string", "from_function"):
            monkeypatch.setattr(apptest.AppTest, name, refuse)


def make_history(gdp_scale: float = 1.0, spending_scale: float = 1.0) -> History:
    """Build the synthetic History; optionally scale every GDP (or spending) figure."""
    spending = pd.DataFrame(
        [
            ("security-related", "initial", 2023, 10e12, "actual", "synthetic"),
            ("security-related", "initial", 2024, 11e12, "actual", "synthetic"),
            ("mod-budget", "initial", 2022, 8e12, "actual", "synthetic"),
            ("mod-budget", "initial", 2023, 9e12, "actual", "synthetic"),
            ("mod-budget", "initial", 2024, 10e12, "plan", "synthetic"),
            ("nato-core", "initial", 2024, 10.5e12, "plan", "synthetic"),
            ("nato-related", "initial", 2024, 0.5e12, "plan", "synthetic"),
        ],
        columns=["scope", "basis", "fiscal_year", "spending_jpy", "status", "source"],
    )
    spending["spending_jpy"] *= spending_scale
    rows = [("synthetic", y, v * gdp_scale, "synthetic") for y, v in GDP_SYNTHETIC.items()]
    rows += [("synthetic-short", y, v * gdp_scale, "synthetic") for y, v in GDP_SHORT.items()]
    gdp = pd.DataFrame(rows, columns=["vintage", "fiscal_year", "nominal_gdp_jpy", "source"])
    preset = GdpPreset(
        name="synthetic-10pct", title="Synthetic constant 10% growth", published="2000-01-01",
        vintage="synthetic", growth=MappingProxyType({2025: 0.10, 2026: 0.10}), extend_rate=0.10,
        extend_note="after FY2026: 10%/yr (synthetic)",
    )
    return History(spending=spending, gdp=gdp, presets=MappingProxyType({preset.name: preset}),
                   population={2020: 100e6, 2040: 100e6},  # synthetic: 100 million, flat
                   population_kind={2020: "actual", 2040: "projection"})


def make_assumptions(**changes: object) -> Assumptions:
    """Synthetic assumptions: 10% preset growth, fixed reference 500e12, 100 JPY/USD, no inflation."""
    base = dict(gdp_preset="synthetic-10pct", growth_rate=None, gdp_vintage="synthetic",
                inflation_rate=0.0, price_base_year=2024, jpy_per_usd=100.0,
                reference_gdp_jpy=REFERENCE_GDP, until=2030, cumulative_from=2025)
    base.update(changes)
    return Assumptions(**base)


@pytest.fixture
def history() -> History:
    return make_history()


@pytest.fixture
def assumptions() -> Assumptions:
    return make_assumptions()


@pytest.fixture(scope="session")
def real_history() -> History:
    import spendcalc

    return spendcalc.load_history()


def wide(tidy: pd.DataFrame, scenario: str | None = None) -> pd.DataFrame:
    """One scenario of a tidy frame as fiscal_year x measure."""
    import spendcalc

    if scenario is not None:
        tidy = spendcalc.select(tidy, scenario=scenario)
    return spendcalc.wide(tidy)


def status_of(tidy: pd.DataFrame, measure: str) -> dict[int, str]:
    sel = tidy[tidy["measure"] == measure]
    return dict(zip(sel["fiscal_year"], sel["status"], strict=True))
