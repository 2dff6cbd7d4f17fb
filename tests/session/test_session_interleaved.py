"""Commands from several sources interleaved in any order — hot-seat keys, the bot, phones' submitted,
replaced and taken-back moves, the facilitator's reveal and notes — journal to a file that replays to the
live state; costs are refunded exactly and resources never go negative."""

import tempfile
from pathlib import Path

from hypothesis import event, given, settings, strategies as st

from game.content import load_scenario
from game.engine import (
    AddNote, ChooseAction, ChoosePosture, ConfirmMove, IllegalCommand, Reveal, Setup, SubmitMove, TakeBackMove,
    UndoChoice, bot_move, bot_next,
)
from game.engine.rules import move_cost
from game.engine.tables import tables_for
from game.session import Session, replay_file

SMALL = Path(__file__).resolve().parent.parent / "engine" / "data" / "small.yaml"
SCENARIO = load_scenario(SMALL)
CHARS = ("elue", "bailleur", "habitante", "asso")
POSTURES = [p.id for p in SCENARIO.postures]
ACTIONS = [a.id for a in SCENARIO.actions] + ["observer"]

# Each step names a source; the command is built from the state when the step comes.
bot_step = st.tuples(st.just("bot"), st.none())
step = st.one_of(
    *([bot_step] * 10),                                                  # most steps: games go on
    st.tuples(st.just("key"), st.integers(0, 3)),                       # the team at the keyboard
    st.tuples(st.just("phone"), st.tuples(st.sampled_from(CHARS), st.sampled_from(POSTURES), st.sampled_from(ACTIONS))),
    st.tuples(st.just("phone_bot"), st.sampled_from(CHARS)),            # a phone sends the bot's move for its team
    st.tuples(st.just("take_back"), st.sampled_from(CHARS)),
    st.tuples(st.just("reveal"), st.none()),
    st.tuples(st.just("note"), st.text(min_size=1, max_size=12)),
)


def command_for(state, source, detail):
    if source == "bot":
        return bot_next(SCENARIO, state)
    if source == "key":
        turn = state.turn or CHARS[0]
        return (ChoosePosture(turn, POSTURES[detail % len(POSTURES)]), ChooseAction(turn, "observer"),
                ConfirmMove(turn), UndoChoice(turn))[detail]
    if source == "phone":
        return SubmitMove(*detail)
    if source == "phone_bot":
        if state.phase != "choices" or detail not in state.setup.characters:
            return SubmitMove(detail, POSTURES[0], "observer")
        return SubmitMove(detail, *bot_move(SCENARIO, state, detail))
    if source == "take_back":
        return TakeBackMove(detail)
    if source == "reveal":
        return Reveal()
    return AddNote(detail)


def check_costs(state, round_start):
    """During the choices, each team holds exactly what it held when they began, less its move's cost."""
    tables = tables_for(SCENARIO)
    for character, held in state.resources.items():
        assert all(amount >= 0 for amount in held.values()), (character, held)
        if state.phase != "choices" or round_start is None:
            continue
        expected = dict(round_start[character])
        for move in state.current.moves:
            if move.character == character:
                for resource, amount in move_cost(tables, move):
                    expected[resource] -= amount
        assert dict(held) == expected, (character, dict(held), expected)


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 4), st.integers(1, 2), st.booleans(), st.sampled_from(("auto", "facilitator")),
       st.integers(0, 2**32), st.lists(step, min_size=40, max_size=160))
def test_interleaved_sources_replay_to_the_live_state_with_exact_refunds(count, rounds, verdicts, reveal, seed, steps):
    chars = CHARS[:count]
    setup = Setup(chars, {c: c.upper() for c in chars}, rounds, verdicts=verdicts, reveal=reveal)
    with tempfile.TemporaryDirectory() as folder:
        with Session.create(SMALL, setup, seed, folder=Path(folder)) as session:
            round_start = None
            corrections = 0
            for source, detail in steps:
                command = command_for(session.state, source, detail)
                if command is None:
                    break
                before = session.state
                try:
                    session.apply(command)
                except IllegalCommand:
                    assert session.state is before
                    continue
                state = session.state
                if state.phase == "choices" and before.phase != "choices":
                    round_start = state.resources
                corrections = max(corrections, len(state.current.corrections))
                check_costs(state, round_start)
            live = session.state
            event("some move corrected" if corrections else "no correction")
            event(f"reached {live.phase} of round {live.round}")
            journaled = len(session.commands)
        replayed = replay_file(next(Path(folder).iterdir()))
    assert replayed.state == live
    assert len(replayed.commands) == journaled
    assert live.to_json() == replayed.state.to_json()
