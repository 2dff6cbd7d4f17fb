"""End after this round (SetLastRound): the facilitator makes the current round the last; the game goes to
the bilan after that round's debrief, with the rounds played, and its ending is judged on that last round
played. A pure, journaled command, refused where it makes no sense, taken back by giving the planned rounds."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content import load_scenario
from game.engine import (
    PHASE_TABLE, AddNote, Advance, ConfirmMove, ChooseAction, ChoosePosture, GameState, IllegalCommand,
    SetLastRound, SetRoomSize, Setup, apply, bot_next, command_from_json, command_to_json, end, new_game, view_for,
)
from engine_samples import run_bot as run

SMALL = Path(__file__).parent / "data" / "small.yaml"


@pytest.fixture
def six(small):
    return new_game(small, Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 3), seed=5)


def test_ending_after_this_round_goes_to_the_bilan_after_its_debrief(small, six):
    state = run(small, six, lambda s: s.round == 2 and s.phase == "verdict")
    state, happened = apply(small, state, SetLastRound(2))
    assert [h.kind for h in happened] == ["last_round"]
    assert state.last_round == 2 and state.final_round == 2 and state.ended_early
    assert view_for(small, state, "public").last_round == 2
    state = run(small, state, lambda s: s.phase == "debrief")
    assert state.round == 2
    state, happened = apply(small, state, Advance())
    assert state.phase == "end" and [r.number for r in state.history] == [1, 2]
    assert "ending" in [h.kind for h in happened] and state.ended_early
    series = end(small, state).series
    assert all(len(values) == 3 for values in series.values())      # the start, then rounds 1 and 2


def test_it_is_taken_back_by_giving_the_planned_rounds(small, six):
    state, _ = apply(small, six, SetLastRound(1))
    state, _ = apply(small, state, SetLastRound(3))
    assert state.last_round is None and not state.ended_early
    state = run(small, state, lambda s: s.round == 2)
    assert state.round == 2 and state.phase == "situation"


def test_it_survives_the_rounds_and_the_json_of_a_state(small, six):
    state, _ = apply(small, six, SetLastRound(2))
    state = run(small, state, lambda s: s.round == 2)
    assert state.last_round == 2
    assert GameState.from_json(state.to_json()) == state
    old = state.to_json()
    del old["last_round"]                     # a state written before the command existed
    assert GameState.from_json(old).last_round is None


@pytest.mark.parametrize("wanted, code", [(0, "bad_last_round"), (4, "bad_last_round"), (3, "same_last_round")])
def test_a_last_round_out_of_reach_or_unchanged_is_refused(small, six, wanted, code):
    with pytest.raises(IllegalCommand) as refused:
        apply(small, six, SetLastRound(wanted))
    assert refused.value.code == code
    assert refused.value.describe("fr") and refused.value.describe("en")


def test_a_round_already_played_cannot_be_made_the_last(small, six):
    state = run(small, six, lambda s: s.round == 2)
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, SetLastRound(1))
    assert refused.value.code == "bad_last_round" and refused.value.params["min"] == 2


@pytest.mark.parametrize("command", [SetLastRound(3), SetRoomSize(20)], ids=lambda c: type(c).__name__)
def test_every_phase_but_the_end_accepts_it(small, six, command):
    """The facilitator's decisions about the game's course (the last round, the room's size)."""
    assert {name for name, phase in PHASE_TABLE.items() if type(command).__name__ in phase.commands} == \
        set(PHASE_TABLE) - {"end"}
    state = run(small, six, lambda s: False)
    assert state.phase == "end"
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, command)
    assert refused.value.code == "game_over"


def test_the_command_round_trips_through_the_journals_json():
    assert command_from_json(command_to_json(SetLastRound(2))) == SetLastRound(2)
    with pytest.raises(IllegalCommand):
        command_from_json({"type": "SetLastRound", "round": "2"})


ENDINGS = """endings:
  - {id: tenu, title: Tenu jusqu'au bout, text: Trois tours., when: {round_at_least: 3}}
  - {id: deux_fois, title: Deux fois ensemble, text: Deux tours ensemble., when: {moves: {posture: co_construire, in: game, at_least: 4}}}
  - {id: court, title: Court, text: Rien d'autre.}
"""


@pytest.fixture
def judged(tmp_path):
    text = SMALL.read_text(encoding="utf-8")
    head, _, _ = text.partition("endings:")
    path = tmp_path / "judged.yaml"
    path.write_text(head + ENDINGS, encoding="utf-8")
    return load_scenario(path)


def play_round(scenario, state, posture):
    """Every team plays `posture` and observes, up to the round's debrief."""
    state, _ = apply(scenario, state, Advance())
    while state.phase == "choices":
        who = state.turn
        for command in (ChoosePosture(who, posture), ChooseAction(who, "observer"), ConfirmMove(who)):
            state, _ = apply(scenario, state, command)
    while state.phase != "debrief":
        state, _ = apply(scenario, state, Advance())
    return state


def test_the_ending_is_judged_on_the_last_round_played(judged):
    setup = Setup(("elue", "bailleur"), {"elue": "A", "bailleur": "B"}, 3, verdicts=False)
    start = new_game(judged, setup, seed=5)
    # The whole game: round 3 reached, the round condition holds.
    state = start
    for number in (1, 2, 3):
        state = play_round(judged, state, "imposer")
        state, _ = apply(judged, state, Advance())
    assert state.ending == "tenu"
    # Ended after round 2: "round 3 reached" does not hold; the moves of the rounds played count.
    state = play_round(judged, start, "co_construire")
    state, _ = apply(judged, state, Advance())
    state, _ = apply(judged, state, AddNote("on manque de temps"))
    state, _ = apply(judged, state, SetLastRound(2))
    state = play_round(judged, state, "co_construire")
    state, _ = apply(judged, state, Advance())
    assert state.phase == "end" and len(state.history) == 2
    assert state.ending == "deux_fois"
    # The same game ended after round 1: two moves together only.
    state = play_round(judged, apply(judged, start, SetLastRound(1))[0], "co_construire")
    state, _ = apply(judged, state, Advance())
    assert state.ending == "court" and len(state.history) == 1
