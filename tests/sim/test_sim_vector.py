"""The vectorised loop (numpy, every game at once) plays the fast loop's games, game for game."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine.draws import game_seed
from game.sim import vector
from game.sim.fastgame import FastGame
from game.sim.simulate import simulate

ROOT = Path(__file__).resolve().parent.parent.parent
SCENARIOS = (sorted((ROOT / "scenarios").glob("*.yaml"))
             + sorted((ROOT / "tests" / "outside" / "scenarios").glob("*.yaml"))
             + [ROOT / "tests" / "sim" / "data" / "five_characters.yaml",
                ROOT / "tests" / "engine" / "data" / "small.yaml",
                ROOT / "tests" / "engine" / "data" / "rich.yaml"])   # tags, moves, character_action, à débattre, costs


def policies(scenario) -> list[str]:
    levels = sorted({p.coop for p in scenario.postures if getattr(p, "coop", None) is not None})
    return (["random", "coop", "solo", f"always:{scenario.postures[0].id}", "coop+observe"]
            + [f"level:{level}" for level in levels[:2]])


def readable(path):
    try:
        return load_scenario(path)
    except Exception:   # an outside file meant to be invalid is no game
        return None


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_every_game_ends_as_in_the_fast_loop(path):
    scenario = readable(path)
    if scenario is None:
        pytest.skip("not a valid scenario")
    for count in sorted({scenario.players.min, scenario.players.max}):
        characters = tuple(c.id for c in scenario.characters[:count])
        for policy in policies(scenario):
            loop = FastGame(scenario, characters, scenario.rounds, policy)
            games = vector.vector_games(scenario, loop)
            assert games is not None, "every condition of the format today has a vector form"
            values, endings, pairs = games.play(vector.game_seeds(5, 0, 120))
            names = [ident for ident, _ in games.endings]
            expected_pairs: Counter = Counter()
            for index in range(120):
                result = loop.play(game_seed(5, index), pair_counts=expected_pairs)
                assert tuple(result.values.values()) == tuple(int(v) for v in values[index]), (policy, index)
                assert result.ending == (names[endings[index]] if endings[index] >= 0 else None), (policy, index)
            got = {(games.posture_ids[p], games.action_ids[a]): int(pairs[p, a])
                   for p in range(pairs.shape[0]) for a in range(pairs.shape[1]) if pairs[p, a]}
            assert got == dict(expected_pairs), policy


def test_the_seeds_of_the_games_are_the_engines():
    seeds = vector.game_seeds(123456789, 10, 60)
    assert [int(s) for s in seeds] == [game_seed(123456789, i) for i in range(10, 60)]


def test_simulate_prints_the_same_numbers_with_or_without_numpy(monkeypatch):
    scenario = load_scenario(ROOT / "scenarios" / "quartier_des_tilleuls.yaml")
    fast = simulate(scenario, 600, 9, "random", players=5)
    monkeypatch.setenv("COOP_SIMULATE_SCALAR", "1")
    assert simulate(scenario, 600, 9, "random", players=5) == fast


def test_without_numpy_the_fast_loop_plays_the_same_games(monkeypatch):
    """numpy missing: the vectorised module cannot be imported (None in sys.modules makes its import fail)."""
    import sys

    from game.sim import simulate as simulate_module

    scenario = load_scenario(ROOT / "scenarios" / "quartier_des_tilleuls.yaml")
    fast = simulate(scenario, 600, 9, "random", players=5)
    monkeypatch.setitem(sys.modules, "game.sim.vector", None)
    assert simulate_module.vector_module() is None
    assert simulate(scenario, 600, 9, "random", players=5) == fast


def test_a_condition_it_does_not_know_sends_the_scenario_to_the_fast_loop(monkeypatch):
    scenario = load_scenario(ROOT / "scenarios" / "quartier_des_tilleuls.yaml")
    characters = tuple(c.id for c in scenario.characters[:5])
    loop = FastGame(scenario, characters, scenario.rounds, "random")
    assert vector.vector_games(scenario, loop) is not None
    monkeypatch.setattr(vector, "KNOWN_TESTS", frozenset({"round_at_least"}))
    assert vector.vector_games(scenario, loop) is None
    expected = simulate(scenario, 400, 2, "random", players=5)
    monkeypatch.setenv("COOP_SIMULATE_SCALAR", "1")
    assert simulate(scenario, 400, 2, "random", players=5) == expected
