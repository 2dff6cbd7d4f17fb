"""ShowDebriefPhase: the debrief phase on show is part of the game, journaled and restored like every step."""

from game.record import evolve as replace

import pytest

from game.engine import (
    AddNote, Advance, ChooseAction, ChoosePosture, ConfirmMove, GameState, IllegalCommand, RoundLog,
    ShowDebriefPhase, SkipVerdicts, apply, command_from_json, command_to_json, debrief,
)

CHOICES = {"elue": ("imposer", "travaux"), "bailleur": ("imposer", "observer"), "habitante": ("consulter", "observer")}


def to_debrief(scenario, state):
    """From a round's situation to its debrief, verdicts skipped."""
    state, _ = apply(scenario, state, Advance())
    for character in state.turn_order:
        posture, action = CHOICES[character]
        for command in (ChoosePosture(character, posture), ChooseAction(character, action), ConfirmMove(character)):
            state, _ = apply(scenario, state, command)
    for command in (Advance(), SkipVerdicts()):
        state, _ = apply(scenario, state, command)
    assert state.phase == "debrief"
    return state


def test_a_debrief_starts_with_no_phase_recorded_and_records_the_one_shown(small, game):
    state = to_debrief(small, game)
    assert state.current.debrief_phase is None
    assert [p for p, _ in debrief(small, state).phases] == ["ressenti", "faits", "analyse", "et_si"]
    shown, happened = apply(small, state, ShowDebriefPhase("analyse"))
    assert shown.current.debrief_phase == "analyse"
    assert [h.kind for h in happened] == ["debrief_phase"]
    back, _ = apply(small, shown, ShowDebriefPhase("faits"))
    assert back.current.debrief_phase == "faits"


def test_showing_a_debrief_phase_changes_nothing_else(small, game):
    state = to_debrief(small, game)
    shown, _ = apply(small, state, ShowDebriefPhase("et_si"))
    assert shown.indicators == state.indicators and shown.resources == state.resources
    assert (shown.phase, shown.round) == (state.phase, state.round)
    assert shown.current == replace(state.current, debrief_phase="et_si")


def test_a_phase_this_debrief_does_not_show_is_refused_with_its_own_code(small, game):
    state = to_debrief(small, game)
    for missing in ("transfert", "nimportequoi", ""):   # transfert has no prompt in this round
        with pytest.raises(IllegalCommand) as refused:
            apply(small, state, ShowDebriefPhase(missing))
        assert refused.value.code == "unknown_debrief_phase"
    with pytest.raises(IllegalCommand) as refused:
        apply(small, state, ShowDebriefPhase("transfert"))
    assert refused.value.describe("fr") == "Ce débriefing n'a pas d'étape « transfert »."
    assert refused.value.describe("en") == "This debrief has no \u201ctransfert\u201d step."


def test_showing_a_debrief_phase_outside_the_debrief_is_refused(small, game):
    with pytest.raises(IllegalCommand) as refused:
        apply(small, game, ShowDebriefPhase("faits"))
    assert refused.value.code == "wrong_phase"


def test_advance_from_a_debrief_moves_on_and_the_next_round_starts_at_its_first_phase(small, game):
    state = to_debrief(small, game)
    shown, _ = apply(small, state, ShowDebriefPhase("analyse"))
    following, _ = apply(small, shown, Advance())
    plain, _ = apply(small, state, Advance())
    assert (following.round, following.phase) == (2, "situation")
    assert following.current == plain.current and following.indicators == plain.indicators
    assert following.history[-1].debrief_phase == "analyse"
    assert following.current.debrief_phase is None


def test_the_command_round_trips_through_json():
    command = ShowDebriefPhase("et_apres")
    assert command_to_json(command) == {"type": "ShowDebriefPhase", "phase": "et_apres"}
    assert command_from_json(command_to_json(command)) == command
    with pytest.raises(IllegalCommand) as refused:
        command_from_json({"type": "ShowDebriefPhase", "phase": 3})
    assert refused.value.code == "malformed_command"


def test_the_state_round_trips_with_the_debrief_phase_and_reads_older_files_without_it(small, game):
    state = to_debrief(small, game)
    state, _ = apply(small, state, AddNote("une note"))
    state, _ = apply(small, state, ShowDebriefPhase("analyse"))
    data = state.to_json()
    assert data["current"]["debrief_phase"] == "analyse"
    assert GameState.from_json(data) == state
    older = state.to_json()
    del older["current"]["debrief_phase"]
    for past in older["history"]:
        past.pop("debrief_phase", None)
    read = GameState.from_json(older)
    assert read.current.debrief_phase is None
    assert read.current.notes == ("une note",)
    assert RoundLog.from_json(older["current"]) == read.current


def test_the_bot_goes_through_every_debrief_phase_then_advances_even_when_resumed_midway(small, game):
    from game.engine import bot_next

    state = to_debrief(small, game)
    shown = [p for p, _ in debrief(small, state).phases]
    given = []
    while state.phase == "debrief":
        command = bot_next(small, state)
        given.append(command)
        state, _ = apply(small, state, command)
    assert given == [ShowDebriefPhase(p) for p in shown[1:]] + [Advance()]
    midway = apply(small, to_debrief(small, game), ShowDebriefPhase(shown[2]))[0]
    assert bot_next(small, midway) == ShowDebriefPhase(shown[3])
