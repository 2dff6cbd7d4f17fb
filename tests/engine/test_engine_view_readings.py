"""The views follow the facilitator's reading setting: with "after" (the default) the wall and the phones
see a move's COOP reading only once the room has decided on it, with "never" not at all, and a team
choosing sees its postures' readings only with "always"."""

import pytest

from engine_samples import play_to_reveal

from game.engine import Advance, ChooseAction, ChoosePosture, ConfirmMove, RecordVerdict, SkipVerdicts, apply, bot_next
from game.engine import coop_reading, view_for

CHOICES = {"elue": ("imposer", "travaux"), "bailleur": ("co_construire", "observer"),
           "habitante": ("consulter", "observer")}


def real(small, character):
    return coop_reading(small.posture(CHOICES[character][0]).coop)


def revealed(small, game):
    state = play_to_reveal(small, game, CHOICES)
    assert state.phase == "reveal"
    return state


def readings(small, state, setting=None):
    view = view_for(small, state, "public") if setting is None else view_for(small, state, "public", setting)
    return {m.character: m.reading for m in view.moves}


def test_after_the_verdict_by_default_a_reading_waits_for_the_rooms_tally(small, game):
    state = revealed(small, game)
    assert set(readings(small, state).values()) == {"later"}            # the reveal: the room has not spoken
    state, _ = apply(small, state, Advance())
    assert set(readings(small, state, "after").values()) == {"later"}   # the verdict, no tally yet
    state, _ = apply(small, state, RecordVerdict("elue", 3, 5, 1))
    shown = readings(small, state)
    assert shown["elue"] == real(small, "elue") and shown["elue"] != "later"
    assert shown["bailleur"] == shown["habitante"] == "later"
    state, _ = apply(small, state, Advance())
    assert state.phase == "debrief"
    assert readings(small, state) == {c: real(small, c) for c in CHOICES}   # past the verdict: every one


def test_never_hides_the_reading_for_good_and_always_shows_it_at_the_reveal(small, game):
    state = revealed(small, game)
    assert readings(small, state, "always") == {c: real(small, c) for c in CHOICES}
    assert set(readings(small, state, "never").values()) == {"room"}
    state, _ = apply(small, state, Advance())
    state, _ = apply(small, state, SkipVerdicts())
    assert set(readings(small, state, "never").values()) == {"room"}
    assert set(m.reading for m in view_for(small, state, "facilitator", "never").public.moves) == {"room"}


@pytest.mark.parametrize("setting, hidden", [("after", "later"), ("never", "room")])
def test_a_team_choosing_sees_its_postures_readings_only_with_always(small, game, setting, hidden):
    state, _ = apply(small, game, Advance())
    team = view_for(small, state, "elue", setting)
    assert {p.reading for p in team.postures} == {hidden}
    for character in state.turn_order[:1]:
        for command in (ChoosePosture(character, "imposer"), ChooseAction(character, "observer"),
                        ConfirmMove(character)):
            state, _ = apply(small, state, command)
    own = view_for(small, state, state.turn_order[0], setting).move
    assert own is not None and own.reading == hidden
    always = view_for(small, state, "elue", "always")
    assert {p.id: p.reading for p in always.postures} == {p.id: coop_reading(p.coop) for p in small.postures}


def test_over_a_whole_game_the_wall_never_reads_a_move_the_room_has_not_judged(small, game):
    state, seen = game, 0
    while (command := bot_next(small, state)) is not None:
        state, _ = apply(small, state, command)
        decided = state.phase in ("debrief", "end")
        for move in view_for(small, state, "public").moves:
            if not decided and move.character not in state.current.verdicts:
                assert move.reading == "later", (state.phase, move)
                seen += 1
    assert seen > 0
