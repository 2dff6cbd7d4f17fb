"""The final debrief: its phases in the debrief's order (one prompt each by default, the rest one key away)
and its notes (AddFinalNote, journaled and kept by the state; an AddNote at the end keeps its old place)."""

import pytest

from engine_samples import TINY_SETUP, play_round
from game.engine import AddFinalNote, AddNote, GameState, IllegalCommand, apply, end, new_game, view_for


def finished(tiny, final):
    scenario = tiny(rounds=1, debrief={"every_round": ["q"], "final": final})
    setup = type(TINY_SETUP)(TINY_SETUP.characters, TINY_SETUP.teams, 1)
    state = play_round(scenario, new_game(scenario, setup, 1), {"a": ("still", "act"), "b": ("still", "act")})
    assert state.phase == "end"
    return scenario, state


def test_the_final_debrief_walks_the_phases_in_order_one_prompt_each(tiny):
    final = [{"phase": "transfert", "text": "t"}, {"phase": "ressenti", "text": "r1"},
             {"phase": "ressenti", "text": "r2"}, "a", {"phase": "et_apres", "text": "e"}]
    view = end(*finished(tiny, final))
    assert view.final_phases == (("ressenti", ("r1",)), ("faits", ()), ("analyse", ("a",)), ("transfert", ("t",)),
                                 ("et_apres", ("e",)))
    assert view.final_hidden == 1
    assert dict(view.final_every_phase)["ressenti"] == ("r1", "r2")
    assert [p.text for p in view.final_prompts] == ["t", "r1", "r2", "a", "e"]    # every one, the report's


def test_a_final_debrief_without_prompts_still_has_its_facts(tiny):
    view = end(*finished(tiny, []))
    assert view.final_phases == (("faits", ()),) and view.final_hidden == 0


def test_final_notes_are_the_games_and_survive_the_json_round_trip(tiny):
    scenario, state = finished(tiny, ["f"])
    last = state.history[-1].notes
    state, happened = apply(scenario, state, AddFinalNote("La salle a parlé du vrai quartier."))
    assert state.final_notes == ("La salle a parlé du vrai quartier.",)
    assert state.history[-1].notes == last and [h.kind for h in happened] == ["note_added"]
    assert GameState.from_json(state.to_json()) == state
    assert view_for(scenario, state, "facilitator").notes == state.final_notes
    old = state.to_json()
    del old["final_notes"]                                  # a state written before the final debrief's notes
    assert GameState.from_json(old).final_notes == ()
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, state, AddFinalNote("   "))
    assert refused.value.code == "empty_note"
    # An AddNote at the end keeps the place old session files gave it: the last round's notes.
    noted, _ = apply(scenario, state, AddNote("vieille note"))
    assert noted.history[-1].notes == last + ("vieille note",) and noted.final_notes == state.final_notes


def test_a_final_note_before_the_end_is_refused(tiny):
    scenario = tiny()
    with pytest.raises(IllegalCommand) as refused:
        apply(scenario, new_game(scenario, TINY_SETUP, 1), AddFinalNote("trop tôt"))
    assert refused.value.code == "wrong_phase"
