"""The debrief's ration: at most three prompts a round shown by default (triggered ones first, then
this round's, then the every-round ones in turn), spread over the phases, the rest one key away."""

import pytest

from engine_samples import TINY_SETUP, play_round
from game.engine import Advance, IllegalCommand, PROMPTS_SHOWN, ShowDebriefPhase, apply, debrief, new_game, view_for
from game.engine.queries import rationed, rotated

BOTH = {"a": ("still", "act"), "b": ("still", "act")}


def ask(phase, text):
    return {"phase": phase, "text": text}


def always(phase, text):
    """A trigger that holds every round."""
    return {"when": {"round_at_least": 1}, "ask": ask(phase, text)}


def played(tiny, played_rounds=1, **debrief_keys):
    scenario = tiny(debrief={"final": ["f"], **debrief_keys})
    state = new_game(scenario, TINY_SETUP, 1)
    for _ in range(played_rounds):
        state = play_round(scenario, state, BOTH)
    return scenario, state


def texts(phases):
    return [text for _, group in phases for text in group]


def test_at_most_three_are_shown_and_the_rest_is_one_key_away(tiny):
    every = [ask("analyse", f"e{i}") for i in range(5)]
    scenario, state = played(tiny, every_round=every)
    view = debrief(scenario, state, 1)
    assert PROMPTS_SHOWN == 3
    assert len(texts(view.phases)) == 3 and view.hidden == 2
    assert sorted(texts(view.every_phase)) == sorted(p["text"] for p in every)
    assert texts(view.every_phase)[:3] == texts(view.phases)    # the ration leads its phase


def test_triggered_first_then_this_rounds_then_every_rounds(tiny):
    scenario, state = played(
        tiny, every_round=[ask("ressenti", "every")], rounds={1: [ask("transfert", "round")]},
        triggers=[always("analyse", "t1"), always("analyse", "t2")])
    assert texts(debrief(scenario, state, 1).phases) == ["t1", "t2", "round"]
    scenario, state = played(
        tiny, every_round=[ask("ressenti", "every")], rounds={1: [ask("transfert", "r1"), ask("et_si", "r2")]},
        triggers=[always("analyse", "t1"), always("analyse", "t2"), always("et_apres", "t3")])
    view = debrief(scenario, state, 1)
    assert sorted(texts(view.phases)) == ["t1", "t2", "t3"] and view.hidden == 3


def test_inside_a_group_a_phase_not_served_yet_comes_first(tiny):
    scenario, state = played(tiny, every_round=[ask("analyse", "a1"), ask("analyse", "a2"), ask("ressenti", "r1"),
                                                ask("transfert", "t1")])
    view = debrief(scenario, state, 1)
    assert view.phases == (("ressenti", ("r1",)), ("faits", ()), ("analyse", ("a1",)), ("transfert", ("t1",)))
    assert dict(view.every_phase)["analyse"] == ("a1", "a2")


def test_every_round_prompts_come_up_in_turn_from_the_round_number(tiny):
    every = [ask(phase, f"{phase}{i}") for i in range(2) for phase in ("ressenti", "analyse", "transfert")]
    scenario, state = played(tiny, played_rounds=2, every_round=every)
    first, second = texts(debrief(scenario, state, 1).phases), texts(debrief(scenario, state, 2).phases)
    assert len(first) == len(second) == 3
    assert not set(first) & set(second)                          # two rounds, six different prompts
    assert set(first) | set(second) == {p["text"] for p in every}
    again = played(tiny, played_rounds=2, every_round=every)
    assert texts(debrief(again[0], again[1], 2).phases) == second  # deterministic: no random draw


def test_the_rotation_and_the_ration_alone():
    assert rotated(list("abcde"), 1) == list("abcde")
    assert rotated(list("abcde"), 2) == list("deabc")             # starts at (2 - 1) x 3
    assert rotated([], 4) == []

    class P:
        def __init__(self, phase):
            self.phase = phase

    one, two, three = P("analyse"), P("analyse"), P("ressenti")
    assert rationed([[one, two], [three]], limit=2) == [one, two]                # a group is taken whole first
    assert rationed([[one, two, three]], limit=2) == [one, three]                 # spread inside a group
    assert rationed([[one, two, three]], limit=None, one_per_phase=True) == [one, three]


def test_a_phase_one_key_away_may_be_shown_and_the_public_view_holds_the_ration(tiny):
    scenario = tiny(debrief={"every_round": [ask("analyse", "a"), ask("ressenti", "r"), ask("transfert", "t"),
                                            ask("et_si", "s")], "final": ["f"]})
    state = new_game(scenario, TINY_SETUP, 1)
    from engine_samples import play_to_debrief

    state = play_to_debrief(scenario, state, BOTH)
    view = debrief(scenario, state)
    shown = [phase for phase, _ in view.phases]
    away = [phase for phase, _ in view.every_phase if phase not in shown]
    assert away == ["et_si"]
    state, _ = apply(scenario, state, ShowDebriefPhase("et_si"))
    assert state.current.debrief_phase == "et_si"
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, state, ShowDebriefPhase("et_apres"))
    assert refused.value.code == "unknown_debrief_phase"
    assert view_for(scenario, state, "public").debrief == view.phases


def test_a_phase_only_a_trigger_brings_is_shown_when_the_trigger_holds_and_refused_otherwise(tiny):
    from engine_samples import play_to_debrief

    later = {"when": {"round_at_least": 2}, "ask": ask("et_si", "from round 2")}
    scenario = tiny(debrief={"every_round": [ask("analyse", "a")], "triggers": [later], "final": ["f"]})
    state = play_to_debrief(scenario, new_game(scenario, TINY_SETUP, 1), BOTH)
    assert "et_si" not in dict(debrief(scenario, state).every_phase)     # the trigger does not hold in round 1
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, state, ShowDebriefPhase("et_si"))
    assert refused.value.code == "unknown_debrief_phase"
    assert "('faits', 'analyse')" in str(refused.value)                  # what it shows, in the debriefing order
    state, _ = apply(scenario, state, Advance())
    state = play_to_debrief(scenario, state, BOTH)
    assert dict(debrief(scenario, state).every_phase)["et_si"] == ("from round 2",)
    shown, _ = apply(scenario, state, ShowDebriefPhase("et_si"))
    assert shown.current.debrief_phase == "et_si"


@pytest.mark.parametrize("name", ["quartier_des_tilleuls", "riverside_estate", "une_place_a_l_ombre"])
def test_the_phases_the_engine_accepts_are_those_of_the_whole_debrief_on_every_bundled_scenario(name):
    """`debrief_phases` (what ShowDebriefPhase is checked against, without building the debrief) says the
    phases of `debrief(...).every_phase`, for every revealed round of bot-played games."""
    from pathlib import Path

    from game.content import load_scenario
    from game.engine import Setup, bot_next
    from game.engine.queries import debrief_phases

    scenario = load_scenario(Path(__file__).resolve().parents[2] / "scenarios" / f"{name}.yaml")
    ids = tuple(c.id for c in scenario.characters)[:scenario.players.max or None]
    checked = 0
    for seed, policy in enumerate(("random", "coop", "solo", "random")):
        state = new_game(scenario, Setup(ids, {c: c.upper() for c in ids}, scenario.rounds), seed)
        while (command := bot_next(scenario, state, policy)) is not None:
            state, _ = apply(scenario, state, command)
            if state.phase in ("reveal", "verdict", "debrief"):
                for log in state.log:
                    if log.indicators_after is not None:
                        whole = tuple(phase for phase, _ in debrief(scenario, state, log.number).every_phase)
                        assert debrief_phases(scenario, state, log.number) == whole
                        checked += 1
    assert checked > 50
