"""Scenario files: YAML with places -> a frozen `Scenario`, or a `ScenarioError` listing located `Diagnostic`s.

    >>> from game.content import load_scenario, ScenarioError
    >>> try:
    ...     scenario = load_scenario("scenarios/mon_quartier.yaml")
    ... except ScenarioError as error:
    ...     print(error.render("en"))   # PATH:LINE:COL: error: message, one per problem
"""

from game.content.diagnostics import Diagnostic, ScenarioError
from game.content.loader import load_scenario, load_scenario_bytes

__all__ = ["Diagnostic", "ScenarioError", "load_scenario", "load_scenario_bytes"]
