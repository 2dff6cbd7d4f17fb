"""Rules of game-rules.md and scenario-format.md that the other engine tests left unguarded, one test each."""

from collections import Counter
from game.record import evolve as replace

import pytest

from engine_samples import TINY_SETUP, play_round
from game.engine import (
    Advance, ChooseAction, ChoosePosture, ConfirmMove, IllegalCommand, Setup, action_options,
    apply, bot_move, bot_next, debrief, new_game,
)
from game.engine.tables import tables_for
from game.sim.simulate import characters_in_play

THIRD = {"id": "c", "name": "C", "role": "r", "objective": "o"}


def both(posture, action="act"):
    return {"a": (posture, action), "b": (posture, action)}


# -- events ------------------------------------------------------------------------------------------

def test_the_events_of_a_round_are_summed_then_clamped_once(tiny):
    # g starts at 9 (max 10): +3 then -3 clamped one by one would give 7.
    scenario = tiny(events=[{"id": "rise", "title": "R", "text": "t", "effects": {"g": 3}},
                            {"id": "fall", "title": "F", "text": "t", "effects": {"g": -3}}],
                    events_per_round=2)
    orders = set()
    for seed in range(16):
        state = new_game(scenario, TINY_SETUP, seed)
        orders.add(state.current.events)
        assert state.indicators["g"] == 9
    assert ("rise", "fall") in orders       # the order that clamping one by one would get wrong was drawn


def test_an_event_condition_on_postures_looks_at_the_previous_round_and_never_holds_in_round_one(tiny):
    scenario = tiny(events=[{"id": "backlash", "title": "B", "text": "t",
                             "when": {"character_posture": {"a": "down"}}}])
    state = new_game(scenario, TINY_SETUP, 4)
    assert state.current.events == ()
    calm = play_round(scenario, state, both("up"))
    assert calm.current.events == ()
    harsh = play_round(scenario, state, both("down"))
    assert harsh.current.events == ("backlash",)


def test_an_event_condition_on_the_round_number_looks_at_the_round_being_played(tiny):
    scenario = tiny(events=[{"id": "second", "title": "S", "text": "t", "when": {"round_at_least": 2}}])
    state = new_game(scenario, TINY_SETUP, 2)
    assert state.current.events == ()
    assert play_round(scenario, state, both("still")).current.events == ("second",)


def test_an_event_is_drawn_only_in_the_rounds_it_lists(tiny):
    scenario = tiny(events=[{"id": "late", "title": "L", "text": "t", "rounds": [3]}])
    state = new_game(scenario, TINY_SETUP, 1)
    seen = [state.current.events]
    for _ in range(2):
        state = play_round(scenario, state, both("still"))
        seen.append(state.current.events)
    assert seen == [(), (), ("late",)]


# -- requires, once, resources -----------------------------------------------------------------------

def test_requires_round_tests_look_at_the_round_being_played(tiny):
    scenario = tiny(actions=[{"id": "act", "title": "Act"},
                             {"id": "late", "title": "Late", "requires": {"round_at_least": 2}}])
    state, _ = apply(scenario, new_game(scenario, TINY_SETUP, 1), Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, state, ChooseAction("a", "late"))
    assert refused.value.code == "requirement_not_met"
    state, _ = apply(scenario, play_round(scenario, new_game(scenario, TINY_SETUP, 1), both("still")), Advance())
    assert apply(scenario, state, ChooseAction("b", "late"))[0].draft_action == "late"


def test_a_once_action_confirmed_by_one_team_still_shows_open_to_the_next_team_of_that_round(small, game):
    state, _ = apply(small, game, Advance())
    for command in (ChoosePosture("elue", "informer"), ChooseAction("elue", "travaux"), ConfirmMove("elue")):
        state, _ = apply(small, state, command)
    travaux = next(o for o in action_options(small, state, "bailleur") if o.action == "travaux")
    assert travaux.allowed                  # nothing leaks that the élue chose it


def test_a_once_action_closes_from_the_next_round_for_every_character(small, game):
    state = play_round(small, game, {"elue": ("informer", "travaux"), "bailleur": ("informer", "observer"),
                                     "habitante": ("informer", "observer")})
    state, _ = apply(small, state, Advance())
    for character in ("bailleur", "elue"):  # the one who played it and one who never did
        travaux = next(o for o in action_options(small, state, character) if o.action == "travaux")
        assert (travaux.allowed, travaux.reason, travaux.params) == (False, "once_played", {"round": 1})


def test_resources_regain_nothing_in_round_one_then_per_round_up_to_their_max(tiny):
    scenario = tiny(resources=[{"id": "t", "label": "T", "max": 3, "per_round": 2}],
                    characters=[{"id": "a", "name": "A", "role": "r", "objective": "o", "resources": {"t": 0}},
                                {"id": "b", "name": "B", "role": "r", "objective": "o"}])
    state = new_game(scenario, TINY_SETUP, 1)
    held = [state.resources["a"]["t"]]
    for _ in range(2):
        state = play_round(scenario, state, both("still"))
        held.append(state.resources["a"]["t"])
    assert held == [0, 2, 3]                 # 2 + 2 capped at 3
    assert state.resources["b"]["t"] == 3    # left out: starts at its max and stays there


# -- conditions where they are used -------------------------------------------------------------------

def test_a_character_not_in_play_takes_no_posture(tiny):
    scenario = tiny(characters=[*tiny().model_dump()["characters"], THIRD], synergies=[
        {"id": "c_still", "text": "t", "when": {"character_posture": {"c": "still"}}, "effects": {"g": -1}},
        {"id": "c_not_up", "text": "t", "when": {"not": {"character_posture": {"c": "up"}}}, "effects": {"g": -1}},
        {"id": "two_still", "text": "t", "when": {"posture_count": {"still": 2}}},
        {"id": "three_still", "text": "t", "when": {"posture_count": {"still": 3}}},
    ])
    state = play_round(scenario, new_game(scenario, TINY_SETUP, 1), both("still"))
    assert state.history[0].synergies == ("c_not_up", "two_still")


def test_coop_average_is_the_mean_over_the_postures_taken_in_the_round(tiny):
    scenario = tiny(synergies=[{"id": "warm", "text": "t", "when": {"coop_average_at_least": 0.5}},
                               {"id": "hot", "text": "t", "when": {"coop_average_at_least": 0.6}}])
    state = play_round(scenario, new_game(scenario, TINY_SETUP, 1), {"a": ("up", "act"), "b": ("still", "act")})
    assert state.history[0].synergies == ("warm",)          # (1 + 0) / 2


def test_synergy_round_tests_look_at_the_round_being_revealed(tiny):
    scenario = tiny(synergies=[{"id": "second", "text": "t", "when": {"round_at_least": 2, "round_at_most": 2}}])
    state = new_game(scenario, TINY_SETUP, 1)
    for _ in range(3):
        state = play_round(scenario, state, both("still"))
    assert [r.synergies for r in state.history] == [(), ("second",), ()]


def test_triggers_and_endings_count_the_last_round_in_ever_played(tiny):
    scenario = tiny(
        rounds=2,
        actions=[{"id": "act", "title": "Act"}, {"id": "rare", "title": "Rare"}],
        debrief={"every_round": ["q"], "final": ["f"],
                 "triggers": [{"when": {"ever_played": ["rare"]}, "ask": "rare"}]},
        endings=[{"id": "seen", "title": "t", "text": "t", "when": {"ever_played": ["rare"]}},
                 {"id": "plain", "title": "t", "text": "t"}],
    )
    setup = Setup(("a", "b"), TINY_SETUP.teams, 2)
    state = play_round(scenario, new_game(scenario, setup, 1), both("still"))
    assert "rare" not in dict(debrief(scenario, state, 1).phases)["analyse"]
    state = play_round(scenario, state, {"a": ("still", "rare"), "b": ("still", "act")})
    assert dict(debrief(scenario, state, 2).phases)["analyse"] == ("rare", "q")   # triggered first
    assert state.ending == "seen"


def test_endings_see_the_indicators_after_the_last_round_and_its_number_when_rounds_are_shortened(tiny):
    scenario = tiny(endings=[{"id": "low_at_two", "title": "t", "text": "t",
                              "when": {"round_at_least": 2, "round_at_most": 2, "indicator_at_most": {"g": 0}}},
                             {"id": "other", "title": "t", "text": "t"}])
    setup = Setup(("a", "b"), TINY_SETUP.teams, 2)          # the scenario has 3 rounds
    state = new_game(scenario, setup, 1)
    for _ in range(2):
        state = play_round(scenario, state, both("down"))    # 9 → 3 → 0
    assert (state.phase, state.ending) == ("end", "low_at_two")


def test_the_first_ending_that_holds_wins_and_none_holding_gives_no_ending(tiny):
    endings = [{"id": "low", "title": "t", "text": "t", "when": {"indicator_at_most": {"g": 5}}},
               {"id": "lower", "title": "t", "text": "t", "when": {"indicator_at_most": {"g": 3}}}]
    scenario = tiny(rounds=1, endings=endings)
    setup = Setup(("a", "b"), TINY_SETUP.teams, 1)
    assert play_round(scenario, new_game(scenario, setup, 1), both("down")).ending == "low"
    assert play_round(scenario, new_game(scenario, setup, 1), both("up")).ending is None
    with_default = tiny(rounds=1, endings=[*endings, {"id": "plain", "title": "t", "text": "t"}])
    assert play_round(with_default, new_game(with_default, setup, 1), both("up")).ending == "plain"


# -- the bot and who is in play -------------------------------------------------------------------------

def bot_game(scenario, setup, seed, policy="random"):
    state = new_game(scenario, setup, seed)
    while (command := bot_next(scenario, state, policy)) is not None:
        state, _ = apply(scenario, state, command)
    return state


def test_the_bot_plays_the_same_moves_for_each_character_whatever_the_turn_order(small):
    forward = Setup(("elue", "bailleur", "habitante"), {"elue": "A", "bailleur": "B", "habitante": "C"}, 3)
    backward = Setup(("habitante", "bailleur", "elue"), forward.teams, 3)
    for seed in range(6):
        games = [bot_game(small, setup, seed) for setup in (forward, backward)]
        moves = [sorted((r.number, m.character, m.posture, m.action) for r in g.history for m in r.moves)
                 for g in games]
        assert moves[0] == moves[1]
        assert games[0].indicators == games[1].indicators


def test_the_random_policy_picks_postures_and_allowed_actions_uniformly(small, game):
    state, _ = apply(small, game, Advance())       # the élue may play travaux, fete is closed, reunion too dear
    postures, actions = Counter(), Counter()
    for seed in range(3000):
        posture, action = bot_move(small, replace(state, seed=seed), "elue")
        postures[posture] += 1
        actions[action] += 1
    assert set(postures) == set(tables_for(small).posture_ids)
    assert all(400 < n < 600 for n in postures.values())             # 3000 / 6 postures
    assert set(actions) == {"travaux", "observer"}
    assert all(1350 < n < 1650 for n in actions.values())


def test_the_first_players_max_characters_in_file_order_are_in_play_by_default(small):
    assert characters_in_play(small, None) == ("elue", "bailleur", "habitante", "asso")
    assert characters_in_play(small, 2) == ("elue", "bailleur")


# -- the simulator's fast loop keeps the same rules ----------------------------------------------------------

def every_rule_scenario(tiny):
    """Several events a round, once and requires on earlier rounds, resources, synergies and endings on the game."""
    return tiny(
        rounds=5,
        indicators=[{"id": "g", "label": "G", "start": 5}, {"id": "h", "label": "H", "start": 2, "max": 4}],
        resources=[{"id": "t", "label": "T", "max": 2, "per_round": 1}],
        characters=[{"id": k, "name": k, "role": "r", "objective": "o", "resources": {"t": n}}
                    for k, n in (("a", 0), ("b", 1), ("c", 2))],
        actions=[
            {"id": "act", "title": "Act", "effects": {"h": 1}},
            {"id": "big", "title": "Big", "once": True, "cost": {"t": 1}, "effects": {"g": 3, "h": -2}},
            {"id": "after", "title": "After", "requires": {"ever_played": ["big"], "indicator_at_least": {"g": 4}},
             "by_posture": {"up": {"h": 2}}},
            {"id": "calm", "title": "Calm", "who": ["c"], "requires": {"posture_count": {"down": 1}},
             "effects": {"g": 1}},
        ],
        events=[{"id": f"e{k}", "title": "E", "text": "t", "effects": {"g": k - 2, "h": 1 - k % 2},
                 "weight": 1 + k, **({"when": {"coop_average_at_most": 0}} if k == 3 else {}),
                 **({"rounds": [2, 4]} if k == 1 else {})} for k in range(5)],
        events_per_round=2,
        synergies=[{"id": "all_up", "text": "t", "when": {"coop_average_at_least": 1}, "effects": {"h": 1}},
                   {"id": "big_now", "text": "t", "when": {"action_played": ["big"], "indicator_at_least": {"g": 4}},
                    "effects": {"g": -1}}],
        endings=[{"id": "saw_big", "title": "t", "text": "t",
                  "when": {"ever_played": ["big"], "indicator_at_least": {"g": 6}}},
                 {"id": "mixed", "title": "t", "text": "t", "when": {"posture_count": {"up": 1, "down": 1}}}],
    )


@pytest.mark.parametrize("policy", ["random", "coop", "solo"])
def test_the_fast_simulation_loop_plays_the_engine_games_on_a_scenario_using_every_rule(tiny, policy):
    from game.engine.draws import game_seed
    from game.sim.fastgame import FastGame

    scenario = every_rule_scenario(tiny)
    characters = ("a", "b", "c")
    setup = Setup(characters, {c: c for c in characters}, 5, verdicts=False)
    loop = FastGame(scenario, characters, 5, policy)
    endings = Counter()
    for index in range(40):
        seed = game_seed(3, index)
        state = bot_game(scenario, setup, seed, policy)
        result = loop.play(seed, keep_moves=True)
        moves = [(r.number, m.character, m.posture, m.action) for r in state.history for m in r.moves]
        assert (result.values, result.ending, result.moves) == (state.indicators, state.ending, moves)
        endings[state.ending] += 1
    assert len(endings) >= 2 or policy != "random"     # the random games reach more than one outcome
