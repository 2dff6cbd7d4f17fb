"""Invariants over many random games (hypothesis): bounds, determinism, JSON round-trip."""

import json

from hypothesis import given, settings, strategies as st

from game.content import load_scenario
from game.engine import GameState, IllegalCommand, Setup, action_options, apply, bot_next, new_game, postures
from game.engine.commands import (
    AddNote, Advance, ChooseAction, ChoosePosture, ConfirmMove, RecordVerdict, SkipVerdicts, UndoChoice,
)

from pathlib import Path

DATA = Path(__file__).parent / "data"

SCENARIO = load_scenario(DATA / "small.yaml")
CHARACTERS = ("elue", "bailleur", "habitante", "asso")
POSTURE_IDS = [p.id for p, _ in postures(SCENARIO)]
ACTION_IDS = [a.id for a in SCENARIO.actions] + ["observer", "nope"]

# Commands drawn at random, legal or not: the engine must refuse the illegal ones cleanly.
any_command = st.one_of(
    st.just(Advance()), st.just(SkipVerdicts()),
    st.builds(ChoosePosture, st.sampled_from(CHARACTERS), st.sampled_from(POSTURE_IDS + ["nope"])),
    st.builds(ChooseAction, st.sampled_from(CHARACTERS), st.sampled_from(ACTION_IDS)),
    st.builds(ConfirmMove, st.sampled_from(CHARACTERS)),
    st.builds(UndoChoice, st.sampled_from(CHARACTERS)),
    st.builds(RecordVerdict, st.sampled_from(CHARACTERS), st.integers(-1, 20), st.integers(0, 20), st.integers(0, 5)),
    st.builds(AddNote, st.text(max_size=20)),
)


def setup_of(count, rounds, verdicts):
    chars = CHARACTERS[:count]
    return Setup(chars, {c: c.upper() for c in chars}, rounds, verdicts=verdicts)


def run(state, commands, bot_steps):
    """Apply random commands, with bot steps mixed in so that games go forward."""
    accepted = []
    for command, use_bot in zip(commands, bot_steps):
        if use_bot:
            command = bot_next(SCENARIO, state)
            if command is None:
                break
        try:
            state, _ = apply(SCENARIO, state, command)
        except IllegalCommand:
            continue
        accepted.append(command)
    return state, accepted


game_inputs = st.tuples(
    st.integers(2, 4), st.integers(1, 3), st.booleans(), st.integers(0, 2**63 - 1),
    st.lists(st.tuples(any_command, st.booleans()), max_size=120),
)


@settings(max_examples=60, deadline=None)
@given(game_inputs)
def test_indicators_and_resources_always_stay_within_bounds(inputs):
    count, rounds, verdicts, seed, steps = inputs
    state = new_game(SCENARIO, setup_of(count, rounds, verdicts), seed)
    for command, use_bot in steps:
        command = bot_next(SCENARIO, state) if use_bot else command
        if command is None:
            break
        try:
            state, _ = apply(SCENARIO, state, command)
        except IllegalCommand:
            continue
        for indicator in SCENARIO.indicators:
            assert indicator.min <= state.indicators[indicator.id] <= indicator.max
        for held in state.resources.values():
            assert 0 <= held["temps"] <= 3


@settings(max_examples=60, deadline=None)
@given(game_inputs)
def test_replaying_the_accepted_commands_gives_the_same_state(inputs):
    count, rounds, verdicts, seed, steps = inputs
    start = new_game(SCENARIO, setup_of(count, rounds, verdicts), seed)
    live, accepted = run(start, [c for c, _ in steps], [b for _, b in steps])
    replayed = start
    for command in accepted:
        replayed, _ = apply(SCENARIO, replayed, command)
    assert replayed == live


@settings(max_examples=60, deadline=None)
@given(game_inputs)
def test_a_state_saved_as_json_loads_back_equal(inputs):
    count, rounds, verdicts, seed, steps = inputs
    state, _ = run(new_game(SCENARIO, setup_of(count, rounds, verdicts), seed),
                   [c for c, _ in steps], [b for _, b in steps])
    assert GameState.from_json(json.loads(json.dumps(state.to_json()))) == state


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**63 - 1))
def test_the_bot_only_plays_options_the_screens_show_as_allowed(seed):
    state = new_game(SCENARIO, setup_of(4, 3, True), seed)
    while (command := bot_next(SCENARIO, state)) is not None:
        if isinstance(command, ChooseAction):
            allowed = {o.action for o in action_options(SCENARIO, state, command.character) if o.allowed}
            assert command.action in allowed
        state, _ = apply(SCENARIO, state, command)
    assert state.phase == "end"
