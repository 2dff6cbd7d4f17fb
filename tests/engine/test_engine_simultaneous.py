"""Simultaneous choices: SubmitMove from any team in any order, replacements and take-backs before the
reveal (costs refunded exactly), the reveal in turn order, and the facilitator-gated reveal."""

import pytest

from game.engine import (
    Advance, ChooseAction, ChoosePosture, ConfirmMove, Correction, GameState, IllegalCommand, Reveal, Setup,
    SubmitMove, TakeBackMove, apply, new_game,
)
from game.engine.state import Move

CHARS = ("elue", "bailleur", "habitante")
TEAMS = {"elue": "A", "bailleur": "B", "habitante": "C"}


def choosing(small, reveal="auto"):
    state = new_game(small, Setup(CHARS, TEAMS, 3, reveal=reveal), seed=5)
    return apply(small, state, Advance())[0]


def run(small, state, *commands):
    for command in commands:
        state, _ = apply(small, state, command)
    return state


def refused(small, state, command):
    with pytest.raises(IllegalCommand) as caught:
        apply(small, state, command)
    return caught.value.code


def test_moves_sent_in_any_order_are_revealed_in_turn_order_with_the_same_result(small):
    state = choosing(small)
    moves = {"elue": ("consulter", "observer"), "bailleur": ("imposer", "travaux"), "habitante": ("co_construire", "observer")}
    backwards = run(small, state, *(SubmitMove(c, *moves[c]) for c in reversed(state.turn_order)))
    hot_seat = state
    for c in state.turn_order:
        hot_seat = run(small, hot_seat, ChoosePosture(c, moves[c][0]), ChooseAction(c, moves[c][1]), ConfirmMove(c))
    assert backwards.phase == hot_seat.phase == "reveal"
    assert [m.character for m in backwards.current.moves] == list(state.turn_order)
    assert backwards.current.moves == hot_seat.current.moves
    assert backwards.indicators == hot_seat.indicators and backwards.resources == hot_seat.resources
    assert backwards.current.corrections == ()


def test_the_cost_is_paid_at_confirmation_and_refunded_exactly_on_replacement_and_take_back(small):
    state = choosing(small)
    start = state.resources["bailleur"]["temps"]
    paid = run(small, state, SubmitMove("bailleur", "consulter", "reunion"))
    assert paid.resources["bailleur"]["temps"] == start - 2
    replaced = run(small, paid, SubmitMove("bailleur", "imposer", "observer"))
    assert replaced.resources["bailleur"]["temps"] == start
    again = run(small, replaced, SubmitMove("bailleur", "consulter", "reunion"))
    assert again.resources["bailleur"]["temps"] == start - 2
    taken = run(small, again, TakeBackMove("bailleur"))
    assert taken.resources == state.resources
    assert "bailleur" not in taken.confirmed
    assert [c.kind for c in taken.current.corrections] == ["replaced", "replaced", "taken_back"]
    assert taken.current.corrections[0] == Correction("replaced", "bailleur", Move("bailleur", "consulter", "reunion"),
                                                      Move("bailleur", "imposer", "observer"))
    assert taken.current.corrections[-1].after is None


def test_a_replacement_may_spend_what_the_move_it_replaces_had_paid(small):
    state = choosing(small)
    # The bailleur has 3 temps: one reunion (2) leaves 1, too little for another, but replacing refunds first.
    paid = run(small, state, SubmitMove("bailleur", "consulter", "reunion"))
    replaced = run(small, paid, SubmitMove("bailleur", "co_construire", "reunion"))
    assert replaced.resources["bailleur"]["temps"] == 1
    # The élue holds 1 temps: a reunion is refused, whoever sends it and however.
    assert refused(small, state, SubmitMove("elue", "consulter", "reunion")) == "cannot_afford"


def test_a_submitted_move_is_checked_like_a_chosen_action(small):
    state = choosing(small)
    assert refused(small, state, SubmitMove("habitante", "consulter", "travaux")) == "not_for_character"
    assert refused(small, state, SubmitMove("habitante", "consulter", "fete")) == "requirement_not_met"
    assert refused(small, state, SubmitMove("habitante", "nope", "observer")) == "unknown_posture"
    assert refused(small, state, SubmitMove("habitante", "consulter", "nope")) == "unknown_action"
    assert refused(small, state, SubmitMove("asso", "consulter", "observer")) == "not_in_play"
    assert refused(small, state, TakeBackMove("habitante")) == "nothing_to_take_back"
    assert refused(small, state, TakeBackMove("asso")) == "not_in_play"
    situation = new_game(small, Setup(CHARS, TEAMS, 3), seed=5)
    assert refused(small, situation, SubmitMove("elue", "consulter", "observer")) == "wrong_phase"


def test_with_the_automatic_reveal_the_completing_move_reveals_and_nothing_changes_after(small):
    state = choosing(small)
    two = run(small, state, SubmitMove("habitante", "consulter", "observer"), SubmitMove("elue", "consulter", "observer"))
    assert two.phase == "choices" and two.turn == "bailleur"
    revealed = run(small, two, SubmitMove("bailleur", "consulter", "observer"))
    assert revealed.phase == "reveal" and revealed.current.indicators_after is not None
    assert refused(small, revealed, SubmitMove("elue", "imposer", "observer")) == "wrong_phase"
    assert refused(small, revealed, TakeBackMove("elue")) == "wrong_phase"


def test_with_the_facilitators_reveal_the_choices_stay_open_until_reveal(small):
    state = choosing(small, reveal="facilitator")
    everyone = run(small, state, *(SubmitMove(c, "consulter", "observer") for c in CHARS))
    assert everyone.phase == "choices" and everyone.turn is None and everyone.waiting == ()
    assert refused(small, everyone, Advance()) == "reveal_pending"
    assert refused(small, state, Reveal()) == "choices_pending"
    changed = run(small, everyone, TakeBackMove("elue"))
    assert changed.turn == "elue" and refused(small, changed, Reveal()) == "choices_pending"
    changed = run(small, changed, SubmitMove("elue", "imposer", "observer"), SubmitMove("bailleur", "co_construire", "observer"))
    revealed = run(small, changed, Reveal())
    assert revealed.phase == "reveal"
    assert {(m.character, m.posture) for m in revealed.current.moves} == {
        ("elue", "imposer"), ("bailleur", "co_construire"), ("habitante", "consulter")}
    assert [c.kind for c in revealed.current.corrections] == ["taken_back", "replaced"]


def test_hot_seat_confirmations_do_not_reveal_by_themselves_with_the_facilitators_reveal(small):
    state = choosing(small, reveal="facilitator")
    for c in state.turn_order:
        state = run(small, state, ChoosePosture(c, "consulter"), ChooseAction(c, "observer"), ConfirmMove(c))
    assert state.phase == "choices" and state.turn is None
    assert refused(small, state, ChoosePosture("elue", "consulter")) == "not_your_turn"
    assert run(small, state, Reveal()).phase == "reveal"


def test_the_hot_seat_draft_stays_with_the_team_at_the_keyboard(small):
    state = choosing(small)
    first, second, third = state.turn_order
    drafting = run(small, state, ChoosePosture(first, "imposer"))
    # Another team's phone confirms: the team at the keyboard keeps its half-made choice.
    other = run(small, drafting, SubmitMove(third, "consulter", "observer"))
    assert other.turn == first and other.draft_posture == "imposer"
    # The team at the keyboard confirms from its phone: the turn passes, and its draft goes.
    moved_on = run(small, other, SubmitMove(first, "consulter", "observer"))
    assert moved_on.turn == second and moved_on.draft_posture is None
    # A take-back gives the turn back to the earlier team: the later team's draft is not handed to it.
    drafting = run(small, moved_on, ChoosePosture(second, "informer"))
    back = run(small, drafting, TakeBackMove(first))
    assert back.turn == first and back.draft_posture is None


def test_corrections_and_the_reveal_option_round_trip_through_json(small):
    state = choosing(small, reveal="facilitator")
    state = run(small, state, SubmitMove("elue", "consulter", "observer"), SubmitMove("elue", "imposer", "observer"),
                TakeBackMove("elue"))
    back = GameState.from_json(state.to_json())
    assert back == state and back.setup.reveal == "facilitator" and len(back.current.corrections) == 2


def test_a_setup_with_an_unknown_reveal_is_refused(small):
    with pytest.raises(IllegalCommand) as caught:
        new_game(small, Setup(CHARS, TEAMS, 3, reveal="never"), seed=1)
    assert caught.value.code == "bad_setup"


def test_an_old_setup_without_the_option_reads_as_the_automatic_reveal():
    data = Setup(CHARS, TEAMS, 3).to_json()
    del data["reveal"]
    assert Setup.from_json(data).reveal == "auto"
