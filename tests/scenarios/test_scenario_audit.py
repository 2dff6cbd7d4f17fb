"""The rules page's criteria ("The room, not the program, decides what cooperation is") on the bundled scenarios.

Each criterion is measured on the real rules (the simulator's game loop, which
tests elsewhere compare game by game with the engine), with fixed seeds and at
every table size the file allows, with the first N characters as `coop
simulate` takes them. "Best ending" is the one most reached when everyone
takes a most cooperative posture.
"""

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from game.content import load_scenario
from game.content.model import OBSERVER_ID
from game.engine.tables import tables_for
from game.sim.fastgame import FastGame

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
GAMES = 600

# Characters who speak for an institution (the town, the landlord, the State...):
# on their own they must not reach the residents' best ending.
INSTITUTIONS = {
    "une_place_a_l_ombre": ("elue", "gusp", "gardienne"),
}
AUDITED = sorted(INSTITUTIONS)


@lru_cache(maxsize=None)
def scenario(name):
    return load_scenario(SCENARIOS / f"{name}.yaml")


def sizes(name):
    players = scenario(name).players
    return range(players.min, players.max + 1)


def cases():
    return [(name, n) for name in AUDITED for n in sizes(name)]


def endings(name, characters, postures=None, policy="coop", observe=False, games=GAMES):
    """Share of each ending over `games` seeded games; `postures` fixes the postures the bot picks among."""
    sc = scenario(name)
    loop = FastGame(sc, characters, sc.rounds, policy)
    if postures is not None:
        loop.candidates = tuple(postures)
    if observe:
        loop.offers = [(OBSERVER_ID,)] * len(characters)
    counts = Counter(loop.play(seed).ending for seed in range(games))
    return {ending: count / games for ending, count in counts.items()}


def cast(name, n):
    return tuple(c.id for c in scenario(name).characters[:n])


def most_cooperative(name):
    coop = {p.id: p.coop for p in scenario(name).postures}
    top = max(coop.values())
    return [p for p, value in coop.items() if value == top]


def best_ending(name, n):
    shares = endings(name, cast(name, n))
    return max(shares, key=shares.get), shares


def move_deltas(name, action):
    tables = tables_for(scenario(name))
    deltas = {}
    for posture in scenario(name).postures:
        total = Counter(tables.posture_effects[posture.id])
        total.update(action.effects)
        total.update(action.by_posture.get(posture.id, {}))
        deltas[posture.id] = total
    return deltas


@pytest.mark.parametrize("name", AUDITED)
def test_no_most_cooperative_posture_is_best_everywhere_on_more_than_half_of_the_actions(name):
    sc = scenario(name)
    indicators = [i.id for i in sc.indicators]
    tops = most_cooperative(name)
    dominated = []
    for action in sc.actions:
        deltas = move_deltas(name, action)
        if any(all(deltas[top][i] >= deltas[other][i] for other in deltas for i in indicators) for top in tops):
            dominated.append(action.id)
    assert len(dominated) * 2 <= len(sc.actions), dominated


@pytest.mark.parametrize("name", AUDITED)
def test_going_alone_has_a_real_short_term_gain_on_at_least_two_actions(name):
    sc = scenario(name)
    indicators = [i.id for i in sc.indicators]
    tops = most_cooperative(name)
    alone = [p.id for p in sc.postures if p.coop < 0]
    gains = []
    for action in sc.actions:
        deltas = move_deltas(name, action)
        if any(all(deltas[p][i] > deltas[top][i] for top in tops) for p in alone for i in indicators):
            gains.append(action.id)
    assert len(gains) >= 2, gains


@pytest.mark.parametrize("name,n", cases())
def test_consulting_and_co_constructing_reach_the_best_ending_at_clearly_different_rates(name, n):
    best, shares = best_ending(name, n)
    consulted = endings(name, cast(name, n), postures=["consulter"])
    assert shares[best] - consulted.get(best, 0) >= 0.20, (best, shares, consulted)


@pytest.mark.parametrize("name,n", cases())
def test_observing_all_game_never_reaches_the_best_ending(name, n):
    best, _ = best_ending(name, n)
    for posture in scenario(name).postures:
        shares = endings(name, cast(name, n), postures=[posture.id], observe=True, games=50)
        assert shares.get(best, 0) == 0, (posture.id, shares)


@pytest.mark.parametrize("name,n", cases())
def test_cooperation_can_still_fail(name, n):
    best, shares = best_ending(name, n)
    assert 1 - shares[best] >= 0.05, shares


@pytest.mark.parametrize("name,n", cases())
def test_every_ending_is_reached_by_at_least_one_percent_of_random_games(name, n):
    shares = endings(name, cast(name, n), policy="random", games=2000)
    rare = {e.id: shares.get(e.id, 0) for e in scenario(name).endings if shares.get(e.id, 0) < 0.01}
    assert not rare, rare


@pytest.mark.parametrize("name", AUDITED)
@pytest.mark.parametrize("policy", ["coop", "random"])
def test_institutions_alone_cannot_reach_the_residents_best_ending(name, policy):
    best, _ = best_ending(name, scenario(name).players.max)
    shares = endings(name, INSTITUTIONS[name], policy=policy)
    assert shares.get(best, 0) == 0, shares
