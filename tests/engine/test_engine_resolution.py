"""Resolution: deltas summed per indicator then clamped once, once-actions, synergies, events drawn."""

from collections import Counter

import pytest

from engine_samples import TINY_SETUP, play_to_reveal
from game.engine import (
    Advance, ChooseAction, IllegalCommand, Setup, SkipVerdicts, apply,
    new_game, reveal,
)


def play_round(scenario, state, choices):
    """Plays one whole round: choices maps character -> (posture, action)."""
    return play_to_reveal(scenario, state, choices)


def finish_round(scenario, state):
    for command in (Advance(), SkipVerdicts(), Advance()):
        state, _ = apply(scenario, state, command)
    return state


def test_deltas_are_summed_then_clamped_once_so_order_of_play_never_matters(tiny):
    scenario = tiny()
    state = play_round(scenario, new_game(scenario, TINY_SETUP, 1), {"a": ("up", "act"), "b": ("down", "act")})
    assert state.indicators["g"] == 9          # +3 -3 from 9; clamping after each move would give 7
    swapped = Setup(("b", "a"), TINY_SETUP.teams, 3)
    state = play_round(scenario, new_game(scenario, swapped, 1), {"a": ("up", "act"), "b": ("down", "act")})
    assert state.indicators["g"] == 9


def test_indicators_are_clamped_to_their_bounds(tiny):
    scenario = tiny()
    state = play_round(scenario, new_game(scenario, TINY_SETUP, 1), {"a": ("up", "act"), "b": ("up", "act")})
    assert state.indicators["g"] == 10


def test_reveal_lists_every_delta_source_and_before_after(tiny):
    scenario = tiny(
        actions=[{"id": "act", "title": "Act", "effects": {"g": -1}, "by_posture": {"down": {"g": -2}}}],
        synergies=[{"id": "mixed", "text": "Mixed", "when": {"posture_count": {"up": 1, "down": 1}}, "effects": {"g": 1}}],
    )
    state = play_round(scenario, new_game(scenario, TINY_SETUP, 1), {"a": ("up", "act"), "b": ("down", "act")})
    view = reveal(scenario, state)
    kinds = [(s.kind, s.character, s.source, s.deltas["g"]) for s in view.sources]
    assert kinds == [("posture", "a", "up", 3), ("action", "a", "act", -1),
                     ("posture", "b", "down", -3), ("action", "b", "act", -1), ("by_posture", "b", "act", -2),
                     ("synergy", None, "mixed", 1)]
    assert view.totals == {"g": -3}
    assert (view.before, view.after) == ({"g": 9}, {"g": 6})
    assert view.readings == {"a": "coop", "b": "pas_coop"}


def test_synergies_see_the_indicators_before_the_round_deltas(tiny):
    scenario = tiny(synergies=[{"id": "high", "text": "High", "when": {"indicator_at_least": {"g": 9}},
                                "effects": {"g": -5}}])
    state = play_round(scenario, new_game(scenario, TINY_SETUP, 1), {"a": ("down", "act"), "b": ("down", "act")})
    assert state.current.synergies == ("high",)       # g was 9 before the moves took it to 3
    assert state.indicators["g"] == 0


def test_a_once_action_may_be_chosen_by_several_in_its_round_then_never_again(small, game):
    state = play_round(small, game, {"elue": ("informer", "travaux"), "bailleur": ("informer", "travaux"),
                                     "habitante": ("informer", "observer")})
    assert state.indicators["avancement"] == 6       # 2 + 2 + 2: each move counts
    state, _ = apply(small, finish_round(small, state), Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ChooseAction("bailleur", "travaux"))
    assert refused.value.code == "once_played"
    assert refused.value.params["round"] == 1


def test_events_are_drawn_only_in_their_rounds_and_never_twice(small, setup3):
    for seed in range(60):
        state = new_game(small, setup3, seed)
        choices = {c: ("informer", "observer") for c in setup3.characters}
        drawn = []
        while state.phase != "end":
            drawn.append(state.current.events)
            state = finish_round(small, play_round(small, state, choices))
        flat = [e for events in drawn for e in events]
        assert len(flat) == len(set(flat))
        assert "pluie" not in drawn[2]


def test_an_event_condition_looks_at_the_start_of_the_round(tiny):
    scenario = tiny(events=[{"id": "bonus", "title": "B", "text": "t", "when": {"indicator_at_most": {"g": 5}},
                             "effects": {"g": 1}}])
    state = new_game(scenario, TINY_SETUP, 3)
    assert state.current.events == ()                  # g = 9 at the start
    state = finish_round(scenario, play_round(scenario, state, {"a": ("down", "act"), "b": ("down", "act")}))
    assert state.current.events == ("bonus",)          # g = 3 at the start of round 2
    assert state.current.indicators_start["g"] == 3 and state.indicators["g"] == 4


def test_events_are_drawn_by_weight(tiny):
    scenario = tiny(events=[{"id": "rare", "title": "R", "text": "t", "weight": 1},
                            {"id": "common", "title": "C", "text": "t", "weight": 3}])
    counts = Counter(new_game(scenario, TINY_SETUP, seed).current.events[0] for seed in range(4000))
    assert 0.72 < counts["common"] / 4000 < 0.78


def test_events_per_round_draws_that_many_or_fewer_when_fewer_are_allowed(tiny):
    events = [{"id": f"e{i}", "title": "E", "text": "t"} for i in range(4)]
    scenario = tiny(events=events, events_per_round=3)
    state = new_game(scenario, TINY_SETUP, 8)
    assert len(state.current.events) == 3
    state = finish_round(scenario, play_round(scenario, state, {"a": ("still", "act"), "b": ("still", "act")}))
    assert len(state.current.events) == 1


def test_the_same_seed_draws_the_same_events_and_another_seed_may_not(small, setup3):
    draws = {new_game(small, setup3, seed).current.events for seed in range(30)}
    assert new_game(small, setup3, 11).current.events == new_game(small, setup3, 11).current.events
    assert len(draws) > 1
