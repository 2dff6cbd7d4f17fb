"""The rules page's criteria ("The room, not the program, decides what cooperation is") on the bundled scenarios.

`coop simulate --audit` (game.sim.audit) measures them on the real rules with a
fixed seed; here every bundled scenario must pass every criterion at every
table size its file allows (the first N characters, as `coop simulate
--players N` takes them). Institutions alone must never reach the residents'
best ending: stricter than the audit's "less often than the whole table".
"""

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from game.content import load_scenario
from game.sim.audit import audit
from game.sim.fastgame import FastGame

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
GAMES = 1000   # the audit's own default; its seed is fixed

# Characters who speak for an institution (the town, the landlord and its staff,
# the State): on their own they must not reach the residents' best ending.
INSTITUTIONS = {
    "quartier_des_tilleuls": ("elue", "bailleur", "cheffe_projet", "gusp", "delegue_prefet"),
    "riverside_estate": ("councillor", "housing_manager", "organiser"),
    "une_place_a_l_ombre": ("elue", "gusp", "gardienne"),
}
AUDITED = sorted(INSTITUTIONS)
# Scenarios with enough characters tagged `institution` and `habitant` for the audit's criterion 5.
TAGGED_BOTH = {"quartier_des_tilleuls", "riverside_estate"}


@lru_cache(maxsize=None)
def scenario(name):
    return load_scenario(SCENARIOS / f"{name}.yaml")


@lru_cache(maxsize=None)
def report(name, players):
    return audit(scenario(name), players=players, games=GAMES, parallel=False)


def cases():
    return [(name, n) for name in AUDITED
            for n in range(scenario(name).players.min, scenario(name).players.max + 1)]


@pytest.mark.parametrize("name,players", cases())
def test_every_criterion_of_the_audit_passes_at_every_table_size(name, players):
    result = report(name, players)
    failed = {c["id"]: c for c in result["criteria"] if c["verdict"] == "fail"}
    assert not failed, failed
    applied = {c["id"] for c in result["criteria"] if c["verdict"] == "pass"}
    assert {"dominance", "pas_coop_better", "consult_vs_coop", "observe", "can_fail", "random_endings"} <= applied
    if name in TAGGED_BOTH:
        assert "tags" in applied


@pytest.mark.parametrize("name,players", cases())
def test_the_best_ending_is_not_the_default_one(name, players):
    # A default ending (no condition) reached by cooperating would be reached by observing too.
    best = report(name, players)["best_ending"]
    assert scenario(name).endings[-1].id != best


@pytest.mark.parametrize("name", AUDITED)
@pytest.mark.parametrize("policy", ["coop", "random"])
def test_institutions_alone_never_reach_the_residents_best_ending(name, policy):
    sc = scenario(name)
    best = report(name, sc.players.max)["best_ending"]
    loop = FastGame(sc, INSTITUTIONS[name], sc.rounds, policy)
    reached = Counter(loop.play(seed).ending for seed in range(GAMES))
    assert reached[best] == 0, reached


@pytest.mark.parametrize("name", AUDITED)
def test_the_characters_tagged_institution_are_those_the_tests_name(name):
    tagged = tuple(c.id for c in scenario(name).characters if "institution" in c.tags)
    assert tagged == INSTITUTIONS[name]
    assert any("habitant" in c.tags for c in scenario(name).characters)
