"""Property: whatever bytes it is given, the loader returns a Scenario or raises ScenarioError — nothing else."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from fuzz_strategies import ANY_FILE, mutated_text, restructured_data
from game.content import ScenarioError, load_scenario_bytes
from game.content.model import Scenario

# Base folder for any image path an input names (removed when the run ends).
_FOLDER = tempfile.TemporaryDirectory(prefix="coop-fuzz-")
FOLDER = Path(_FOLDER.name)


def check_loader_on(data: bytes) -> None:
    try:
        scenario = load_scenario_bytes(data, FOLDER / "fuzz.yaml")
    except ScenarioError as error:
        assert error.diagnostics
        for diagnostic in error.diagnostics:
            assert diagnostic.line >= 0 and diagnostic.col >= 0
            assert diagnostic.render("fr").startswith(str(FOLDER / "fuzz.yaml"))
            assert ": error: " in diagnostic.render("en")
            assert not diagnostic.message("en").startswith(diagnostic.code + " {")
    else:
        assert isinstance(scenario, Scenario)


_SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(max_examples=600, **_SETTINGS)
@given(ANY_FILE)
def test_any_input_gives_a_scenario_or_a_scenario_error(data):
    check_loader_on(data)


@settings(max_examples=300, **_SETTINGS)
@given(restructured_data())
def test_well_formed_yaml_of_the_wrong_shape_gives_a_scenario_or_a_scenario_error(data):
    check_loader_on(data)


@settings(max_examples=300, **_SETTINGS)
@given(mutated_text())
def test_hand_edits_gone_wrong_give_a_scenario_or_a_scenario_error(data):
    check_loader_on(data)
