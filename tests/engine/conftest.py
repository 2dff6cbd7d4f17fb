"""Shared fixtures of the engine tests: the small hand-made scenario and a game set up on it."""

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import Setup, new_game

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def small():
    return load_scenario(DATA / "small.yaml")


@pytest.fixture
def setup3():
    return Setup(("elue", "bailleur", "habitante"), {"elue": "Équipe A", "bailleur": "Équipe B", "habitante": "Équipe C"}, 3)


@pytest.fixture
def game(small, setup3):
    return new_game(small, setup3, seed=5)



@pytest.fixture
def tiny():
    from engine_samples import tiny_scenario

    return tiny_scenario
