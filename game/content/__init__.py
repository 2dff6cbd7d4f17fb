"""Scenario files: YAML with places -> a frozen `Scenario`, or a `ScenarioError` listing located `Diagnostic`s.

    >>> from game.content import load_scenario, ScenarioError
    >>> try:
    ...     scenario = load_scenario("scenarios/mon_quartier.yaml")
    ... except ScenarioError as error:
    ...     print(error.render("en"))   # PATH:LINE:COL: error: message, one per problem

The names are loaded on first use, so that importing a light submodule
(`game.content.parsing`, `game.content.background`) does not load pydantic.
"""

from typing import Any

__all__ = ["Diagnostic", "ScenarioError", "load_scenario", "load_scenario_bytes"]

_HOMES = {
    "Diagnostic": "game.content.diagnostics",
    "ScenarioError": "game.content.diagnostics",
    "load_scenario": "game.content.loader",
    "load_scenario_bytes": "game.content.loader",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'game.content' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(home), name)
    globals()[name] = value  # later lookups skip this function
    return value
