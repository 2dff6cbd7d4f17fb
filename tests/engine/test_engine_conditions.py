"""The conditions table of the format page, test by test, then where each use looks ("the round")."""

import pytest

from game.content.model import Condition
from game.engine import Advance, ChooseAction, IllegalCommand, apply
from game.engine.conditions import Facts, compile_condition, failing_tests
from engine_samples import play_round

COOP = {"imposer": -2, "decider_seul": -1, "informer": 0, "consulter": 1, "co_construire": 2}


def holds(condition: dict, facts: Facts) -> bool:
    return compile_condition(Condition.model_validate(condition), COOP)(facts)


def facts(round=2, values=None, postures=None, actions=None, ever=()):
    return Facts(round, values or {"confiance": 5, "tension": 2}, postures, actions, set(ever))


PLAYED = {"elue": "imposer", "bailleur": "imposer", "habitante": "co_construire"}


def test_an_empty_condition_always_holds():
    assert holds({}, facts())


@pytest.mark.parametrize("test, value, expected", [
    ("round_at_least", 2, True), ("round_at_least", 3, False),
    ("round_at_most", 2, True), ("round_at_most", 1, False),
])
def test_round_tests_compare_with_the_round_being_played(test, value, expected):
    assert holds({test: value}, facts(round=2)) is expected


def test_indicator_at_least_needs_every_listed_indicator_at_or_above_its_value():
    assert holds({"indicator_at_least": {"confiance": 5, "tension": 2}}, facts())
    assert not holds({"indicator_at_least": {"confiance": 5, "tension": 3}}, facts())


def test_indicator_at_most_needs_every_listed_indicator_at_or_below_its_value():
    assert holds({"indicator_at_most": {"confiance": 5}}, facts())
    assert not holds({"indicator_at_most": {"confiance": 4, "tension": 9}}, facts())


def test_posture_count_needs_at_least_n_characters_on_each_listed_posture():
    assert holds({"posture_count": {"imposer": 2, "co_construire": 1}}, facts(postures=PLAYED))
    assert not holds({"posture_count": {"imposer": 3}}, facts(postures=PLAYED))


def test_coop_average_is_the_mean_coop_of_the_round_postures():
    # (-2 - 2 + 2) / 3 = -0.667
    assert holds({"coop_average_at_most": -0.6}, facts(postures=PLAYED))
    assert not holds({"coop_average_at_most": -0.7}, facts(postures=PLAYED))
    assert holds({"coop_average_at_least": -0.7}, facts(postures=PLAYED))
    assert not holds({"coop_average_at_least": 0}, facts(postures=PLAYED))


def test_action_played_needs_every_listed_action_in_the_round():
    assert holds({"action_played": ["travaux", "fete"]}, facts(actions={"travaux", "fete", "observer"}))
    assert not holds({"action_played": ["travaux", "reunion"]}, facts(actions={"travaux"}))


def test_ever_played_looks_at_the_whole_game():
    assert holds({"ever_played": ["travaux"]}, facts(actions=set(), ever={"travaux"}))
    assert not holds({"ever_played": ["travaux", "fete"]}, facts(ever={"travaux"}))


def test_character_posture_needs_each_listed_character_on_that_posture():
    assert holds({"character_posture": {"elue": "imposer"}}, facts(postures=PLAYED))
    assert not holds({"character_posture": {"elue": "imposer", "habitante": "imposer"}}, facts(postures=PLAYED))


def test_a_character_not_in_play_takes_no_posture():
    assert not holds({"character_posture": {"asso": "imposer"}}, facts(postures=PLAYED))


def test_any_holds_when_one_of_its_conditions_holds():
    assert holds({"any": [{"round_at_least": 9}, {"indicator_at_least": {"confiance": 1}}]}, facts())
    assert not holds({"any": [{"round_at_least": 9}, {"round_at_most": 1}]}, facts())


def test_not_holds_when_its_condition_does_not():
    assert holds({"not": {"round_at_least": 9}}, facts())
    assert not holds({"not": {"round_at_least": 1}}, facts())


def test_all_tests_of_one_condition_must_hold():
    assert not holds({"round_at_least": 1, "indicator_at_least": {"confiance": 9}}, facts())


@pytest.mark.parametrize("condition", [
    {"posture_count": {"imposer": 0}},
    {"coop_average_at_least": -2},
    {"coop_average_at_most": 2},
    {"action_played": []},
    {"character_posture": {}},
])
def test_in_round_tests_do_not_hold_when_there_is_no_round_to_look_at(condition):
    assert not holds(condition, facts(round=1, postures=None, actions=None))


def test_failing_tests_names_the_tests_that_do_not_hold():
    condition = Condition.model_validate({"round_at_least": 1, "indicator_at_least": {"confiance": 9},
                                          "ever_played": ["fete"]})
    assert failing_tests(condition, COOP, facts()) == ["indicator_at_least", "ever_played"]


# Where each use looks, on the small scenario (fete requires a co_construire in the previous round).

def test_requires_looks_at_the_previous_round_and_never_holds_in_round_one(small, game):
    state, _ = apply(small, game, Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ChooseAction("elue", "fete"))
    assert refused.value.code == "requirement_not_met"
    state = play_round(small, game, {"elue": ("co_construire", "observer"), "bailleur": ("informer", "observer"),
                                 "habitante": ("informer", "observer")})
    state, _ = apply(small, state, Advance())
    state, _ = apply(small, state, ChooseAction("bailleur", "fete"))
    assert state.draft_action == "fete"


def test_requires_sees_the_indicators_of_now(small, game):
    # tension is 3 after the press article of round 1: the pétition (tension ≥ 2) is open to the habitante.
    state = play_round(small, game, {"elue": ("informer", "observer"), "bailleur": ("informer", "observer"),
                                 "habitante": ("informer", "petition")})
    assert state.history[0].moves[2].action == "petition"


def test_ever_played_counts_the_round_being_revealed_for_synergies_but_not_for_requires(tiny):
    from engine_samples import TINY_SETUP
    from game.engine import new_game

    scenario = tiny(
        actions=[{"id": "act", "title": "Act"},
                 {"id": "follow", "title": "Follow", "requires": {"ever_played": ["act"]}}],
        synergies=[{"id": "first", "text": "t", "when": {"ever_played": ["act"]}, "effects": {"g": -1}}],
    )
    state, _ = apply(scenario, new_game(scenario, TINY_SETUP, 1), Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, state, ChooseAction("a", "follow"))       # nobody has played `act` yet
    assert refused.value.code == "requirement_not_met"
    state = play_round(scenario, new_game(scenario, TINY_SETUP, 1), {"a": ("still", "act"), "b": ("still", "observer")})
    assert state.history[0].synergies == ("first",)              # the round being revealed counts
    state, _ = apply(scenario, state, Advance())
    state, _ = apply(scenario, state, ChooseAction("b", "follow"))
    assert state.draft_action == "follow"


def test_triggers_see_the_indicators_after_the_round_and_endings_the_last_round(tiny):
    from engine_samples import TINY_SETUP
    from game.engine import debrief, new_game

    scenario = tiny(
        rounds=1,
        debrief={"every_round": ["q"], "final": ["f"],
                 "triggers": [{"when": {"indicator_at_most": {"g": 3}}, "ask": "low"}]},
        endings=[{"id": "last", "title": "t", "text": "t", "when": {"round_at_least": 1, "posture_count": {"down": 2}}},
                 {"id": "other", "title": "t", "text": "t"}],
    )
    setup = type(TINY_SETUP)(TINY_SETUP.characters, TINY_SETUP.teams, 1)
    state = play_round(scenario, new_game(scenario, setup, 1), {"a": ("down", "act"), "b": ("down", "act")})
    assert state.phase == "end" and state.ending == "last"
    assert dict(debrief(scenario, state, 1).phases)["analyse"] == ("low", "q")   # g went 9 → 3; triggered first
