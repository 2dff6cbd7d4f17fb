"""Scenario files: YAML with places -> a frozen `Scenario`, or diagnostics with FILE:LINE:COL.

TEMPORARY bootstrap loader (to be replaced by the located loader of issue 2):
it only parses with PyYAML and validates with the model.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from game.content.model import Scenario


class ScenarioError(Exception):
    """The one error type of the loader: carries the list of diagnostics."""

    def __init__(self, diagnostics):
        super().__init__("invalid scenario")
        self.diagnostics = list(diagnostics)


def load_scenario_bytes(data: bytes, path: str | Path = "<memory>") -> Scenario:
    try:
        return Scenario.model_validate(yaml.load(data, Loader=yaml.CSafeLoader))
    except Exception as error:  # bootstrap only
        raise ScenarioError([str(error)]) from None


def load_scenario(path: str | Path) -> Scenario:
    return load_scenario_bytes(Path(path).read_bytes(), path)
