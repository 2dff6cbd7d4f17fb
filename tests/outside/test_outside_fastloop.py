"""`coop simulate`'s fast loop plays exactly the engine's games on the outside scenarios (edge cases of the format)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine.draws import game_seed
from game.sim.fastgame import FastGame
from game.sim.reference import engine_game

SCENARIOS = sorted((Path(__file__).resolve().parent / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_the_fast_loop_plays_the_engine_games_of_every_outside_scenario(path):
    scenario = load_scenario(path)
    for count in sorted({scenario.players.min, scenario.players.max}):
        characters = tuple(c.id for c in scenario.characters[:count])
        for policy in ("random", "coop", "solo"):
            loop = FastGame(scenario, characters, scenario.rounds, policy)
            for index in range(3):
                seed = game_seed(11, index)
                result = loop.play(seed, keep_moves=True)
                assert (result.values, result.ending, result.moves) == engine_game(scenario, characters, seed, policy)
