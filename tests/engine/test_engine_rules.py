"""The phases, turns, choices and costs of a round, on the small hand-made scenario with fixed seeds."""

import pytest

from game.engine import (
    AddNote, Advance, ChooseAction, ChoosePosture, ConfirmMove, IllegalCommand, RecordVerdict,
    Setup, SkipVerdicts, UndoChoice, apply, new_game,
)


def play(scenario, state, *commands):
    for command in commands:
        state, _ = apply(scenario, state, command)
    return state


def move(character, posture, action):
    return [ChoosePosture(character, posture), ChooseAction(character, action), ConfirmMove(character)]


def test_a_game_starts_in_round_one_at_the_situation_with_its_event_applied(small, game):
    assert (game.round, game.phase) == (1, "situation")
    assert game.current.events == ("presse",)          # seed 5 draws the weighted press article
    assert game.current.indicators_start["tension"] == 1
    assert game.indicators["tension"] == 3


def test_turn_order_rotates_each_round_from_the_next_character(small, game):
    assert game.turn_order == ("elue", "bailleur", "habitante")
    state = play(small, game, Advance(),
                 *move("elue", "informer", "observer"),
                 *move("bailleur", "informer", "observer"),
                 *move("habitante", "informer", "observer"),
                 Advance(), SkipVerdicts(), Advance())
    assert state.round == 2
    assert state.turn_order == ("bailleur", "habitante", "elue")


def test_only_the_player_whose_turn_it_is_may_choose(small, game):
    state = play(small, game, Advance())
    assert state.turn == "elue"
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ChoosePosture("bailleur", "imposer"))
    assert refused.value.code == "not_your_turn"
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ChoosePosture("asso", "imposer"))
    assert refused.value.code == "not_in_play"


def test_choosing_before_the_choices_phase_is_refused_as_wrong_phase(small, game):
    with pytest.raises(IllegalCommand) as refused:
        apply(small, game, ChoosePosture("elue", "imposer"))
    assert refused.value.code == "wrong_phase"


def test_confirming_needs_a_posture_and_an_action(small, game):
    state = play(small, game, Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ConfirmMove("elue"))
    assert refused.value.code == "no_posture_chosen"
    state = play(small, state, ChoosePosture("elue", "consulter"))
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ConfirmMove("elue"))
    assert refused.value.code == "no_action_chosen"


def test_undo_forgets_the_unconfirmed_choice_and_then_has_nothing_to_undo(small, game):
    state = play(small, game, Advance(), ChoosePosture("elue", "imposer"), ChooseAction("elue", "travaux"))
    state = play(small, state, UndoChoice("elue"))
    assert (state.draft_posture, state.draft_action) == (None, None)
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, UndoChoice("elue"))
    assert refused.value.code == "nothing_to_undo"


def test_a_confirmed_move_cannot_be_undone_because_the_turn_has_passed(small, game):
    state = play(small, game, Advance(), *move("elue", "imposer", "travaux"))
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, UndoChoice("elue"))
    assert refused.value.code == "not_your_turn"


def test_an_action_for_other_characters_is_refused(small, game):
    state = play(small, game, Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ChooseAction("elue", "petition"))
    assert refused.value.code == "not_for_character"


def test_an_unaffordable_action_is_refused_with_the_missing_resource(small, game):
    state = play(small, game, Advance())  # the élue starts with 1 temps; a réunion costs 2
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ChooseAction("elue", "reunion"))
    assert refused.value.code == "cannot_afford"
    assert refused.value.params == {"action": "reunion", "resource": "temps", "cost": 2, "have": 1}


def test_the_cost_is_paid_at_confirmation_and_resources_regain_per_round_up_to_max(small, game):
    state = play(small, game, Advance(), ChoosePosture("elue", "informer"), ChooseAction("elue", "observer"),
                 ConfirmMove("elue"), ChoosePosture("bailleur", "informer"), ChooseAction("bailleur", "reunion"))
    assert state.resources["bailleur"]["temps"] == 3       # chosen, not yet paid
    state = play(small, state, ConfirmMove("bailleur"))
    assert state.resources["bailleur"]["temps"] == 1
    state = play(small, state, *move("habitante", "informer", "observer"), Advance(), SkipVerdicts(), Advance())
    assert state.resources == {"elue": {"temps": 2}, "bailleur": {"temps": 2}, "habitante": {"temps": 3}}


def test_the_last_confirmation_reveals_the_round(small, game):
    state = play(small, game, Advance(), *move("elue", "informer", "observer"),
                 *move("bailleur", "informer", "observer"))
    assert state.phase == "choices"
    state = play(small, state, *move("habitante", "informer", "observer"))
    assert state.phase == "reveal"
    assert state.current.indicators_after == state.indicators


def test_advance_is_refused_while_choices_are_pending(small, game):
    state = play(small, game, Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, Advance())
    assert refused.value.code == "choices_pending"


def test_the_verdict_phase_is_skipped_when_verdicts_are_off(small, setup3):
    setup = Setup(setup3.characters, setup3.teams, 3, verdicts=False)
    state = play(small, new_game(small, setup, 5), Advance(), *move("elue", "informer", "observer"),
                 *move("bailleur", "informer", "observer"), *move("habitante", "informer", "observer"),
                 Advance())
    assert state.phase == "debrief"


def test_verdicts_are_recorded_replaced_and_refused_when_negative(small, game):
    state = play(small, game, Advance(), *move("elue", "informer", "observer"),
                 *move("bailleur", "informer", "observer"), *move("habitante", "informer", "observer"),
                 Advance())
    assert state.phase == "verdict"
    state = play(small, state, RecordVerdict("elue", 3, 1, 0), RecordVerdict("elue", 4, 4, 1))
    assert (state.current.verdicts["elue"].coop, state.current.verdicts["elue"].pas_coop) == (4, 4)
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, RecordVerdict("bailleur", -1, 0, 0))
    assert refused.value.code == "bad_tally"


def test_notes_attach_to_the_current_round_and_empty_notes_are_refused(small, game):
    state = play(small, game, AddNote("  Beaucoup de débat.  "))
    assert state.current.notes == ("Beaucoup de débat.",)
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, AddNote("   "))
    assert refused.value.code == "empty_note"


def test_the_game_ends_after_the_setup_rounds_and_refuses_further_moves(small, setup3):
    setup = Setup(setup3.characters, setup3.teams, 1)
    state = play(small, new_game(small, setup, 5), Advance(), *move("elue", "informer", "observer"),
                 *move("bailleur", "informer", "observer"), *move("habitante", "informer", "observer"),
                 Advance(), SkipVerdicts(), Advance())
    assert state.phase == "end"
    assert state.ending == "enlisement"
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, Advance())
    assert refused.value.code == "game_over"
    state = play(small, state, AddNote("Bilan riche."))
    assert state.history[-1].notes == ("Bilan riche.",)


def test_a_setup_outside_the_scenario_limits_is_refused(small):
    with pytest.raises(IllegalCommand) as refused:
        new_game(small, Setup(("elue",), {"elue": "A"}, 3), 1)
    assert refused.value.code == "bad_setup"
    with pytest.raises(IllegalCommand) as refused:
        new_game(small, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 4), 1)
    assert refused.value.code == "bad_setup"


def test_a_refused_command_leaves_the_state_unchanged(small, game):
    state = play(small, game, Advance())
    before = state.to_json()
    with pytest.raises(IllegalCommand):
        apply(small, state, ChooseAction("elue", "reunion"))
    assert state.to_json() == before


def test_a_note_that_cannot_be_saved_as_utf8_is_refused(small, game):
    with pytest.raises(IllegalCommand) as refused:
        apply(small, game, AddNote("moitié \ud800 d'un caractère"))
    assert refused.value.code == "bad_text"


def test_a_blank_team_name_is_refused(small):
    with pytest.raises(IllegalCommand) as refused:
        new_game(small, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "  "}, 3), 1)
    assert refused.value.code == "bad_setup"


def test_every_refusal_code_has_a_french_and_english_description(small, game):
    from game.engine.errors import DESCRIPTIONS

    state, _ = apply(small, game, Advance())
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ChooseAction("elue", "reunion"))
    assert refused.value.describe("fr") == "Pas assez de ressources pour cette action (temps : 1 sur 2)."
    assert refused.value.describe("en") == "Not enough resources for this action (temps: 1 of 2)."
    import game.engine as engine

    for code in DESCRIPTIONS.keys():
        assert code in engine.__doc__, f"{code} is not in the API documentation"


@pytest.mark.parametrize("minutes", [0, -1, float("nan"), 500])
def test_a_debrief_timer_out_of_range_is_refused(small, minutes):
    with pytest.raises(IllegalCommand) as refused:
        new_game(small, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 3, debrief_minutes=minutes), 1)
    assert refused.value.code == "bad_setup"
