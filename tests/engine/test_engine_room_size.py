"""The room's size (SetRoomSize): the facilitator says how many people vote; the engine keeps it for the whole
game (a resume included: it is a journaled command), shows it in the public view (it is not a secret), and
refuses it at the end and outside 1..10 000 with a reason in words."""

from __future__ import annotations

import pytest

from game.engine import (
    GameState, IllegalCommand, SetRoomSize, Setup, apply, command_from_json,
    command_to_json, new_game, view_for,
)
from engine_samples import run_bot as run




@pytest.fixture
def game2(small):
    return new_game(small, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 2), seed=5)


def test_the_room_size_is_kept_through_the_rounds_and_shown_to_everyone(small, game2):
    state = run(small, game2, lambda s: s.phase == "verdict")
    assert state.room_size is None and view_for(small, state, "public").room_size is None
    state, happened = apply(small, state, SetRoomSize(20))
    assert [(h.kind, h.detail) for h in happened] == [("room_size", {"people": 20})]
    state = run(small, state, lambda s: s.round == 2 and s.phase == "verdict")
    assert state.room_size == 20
    assert view_for(small, state, "public").room_size == 20
    assert view_for(small, state, "facilitator").public.room_size == 20
    assert view_for(small, state, "elue").public.room_size == 20
    state, _ = apply(small, state, SetRoomSize(None))            # not said any more
    assert state.room_size is None


def test_it_survives_the_json_of_a_state_and_old_states_read_as_not_said(small, game2):
    state, _ = apply(small, game2, SetRoomSize(25))
    assert GameState.from_json(state.to_json()) == state
    old = state.to_json()
    del old["room_size"]                                         # a state written before the command existed
    assert GameState.from_json(old).room_size is None


@pytest.mark.parametrize("people", [0, -3, 10_001, True])
def test_a_size_outside_one_to_ten_thousand_is_refused_in_words(small, game2, people):
    with pytest.raises(IllegalCommand) as refused:
        apply(small, game2, SetRoomSize(people))
    assert refused.value.code == "bad_room_size"
    assert "10000" in refused.value.describe("fr") and "10000" in refused.value.describe("en")
    assert "personnes" in refused.value.describe("fr") and "people" in refused.value.describe("en")


def test_the_bounds_themselves_are_accepted(small, game2):
    assert apply(small, game2, SetRoomSize(1))[0].room_size == 1
    assert apply(small, game2, SetRoomSize(10_000))[0].room_size == 10_000


def test_the_command_round_trips_through_the_journals_json():
    for command in (SetRoomSize(20), SetRoomSize(None)):
        assert command_from_json(command_to_json(command)) == command
    for bad in ({"type": "SetRoomSize", "people": "20"}, {"type": "SetRoomSize", "people": 2.5},
                {"type": "SetRoomSize"}, {"type": "SetRoomSize", "people": 3, "more": 1}):
        with pytest.raises(IllegalCommand) as refused:
            command_from_json(bad)
        assert refused.value.code == "malformed_command"

