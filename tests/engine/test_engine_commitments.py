"""AddCommitment and SetWorkshop: the room's commitments and the workshop's place, journaled like every step."""

import pytest
from test_engine_debrief_phase import to_debrief

from game.engine import (
    AddCommitment, GameState, IllegalCommand, SetWorkshop, apply, bot_next, command_from_json, command_to_json,
)


def test_a_commitment_is_taken_in_the_debrief_and_in_the_bilan(small, game):
    state = to_debrief(small, game)
    state, happened = apply(small, state, AddCommitment("  Le bailleur réunit l'amicale d'ici juin  "))
    assert state.commitments == ("Le bailleur réunit l'amicale d'ici juin",)
    assert [h.kind for h in happened] == ["commitment_added"]
    while (command := bot_next(small, state)) is not None:
        state, _ = apply(small, state, command)
    assert state.phase == "end" and len(state.commitments) == 1
    state, _ = apply(small, state, AddCommitment("La mairie ouvre la friche en septembre"))
    assert len(state.commitments) == 2


def test_a_commitment_is_refused_outside_the_debrief_and_when_empty(small, game):
    with pytest.raises(IllegalCommand) as refused:
        apply(small, game, AddCommitment("trop tôt"))
    assert refused.value.code == "wrong_phase"
    with pytest.raises(IllegalCommand) as refused:
        apply(small, to_debrief(small, game), AddCommitment("   "))
    assert refused.value.code == "empty_commitment"


def test_the_workshop_place_and_facilitator_can_be_set_any_time_and_cleared(small, game):
    state, _ = apply(small, game, SetWorkshop(" Maison de quartier ", "Zoé"))
    assert (state.place, state.facilitator) == ("Maison de quartier", "Zoé")
    state, _ = apply(small, state, SetWorkshop("", ""))
    assert (state.place, state.facilitator) == ("", "")
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, SetWorkshop("x" * 201, ""))
    assert refused.value.code == "note_too_long"


def test_the_new_commands_and_state_round_trip_and_old_states_still_load(small, game):
    for command in (AddCommitment("a"), SetWorkshop("b", "c")):
        assert command_from_json(command_to_json(command)) == command
    state, _ = apply(small, to_debrief(small, game), AddCommitment("qui fait quoi"))
    state, _ = apply(small, state, SetWorkshop("Lieu", "Animatrice"))
    assert GameState.from_json(state.to_json()) == state
    old = state.to_json()
    for key in ("commitments", "place", "facilitator"):
        del old[key]
    restored = GameState.from_json(old)
    assert restored.commitments == () and restored.place == "" == restored.facilitator
