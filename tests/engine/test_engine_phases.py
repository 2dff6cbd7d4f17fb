"""The phase machine is declared once (game.engine.phases) and the rules follow it exactly."""

import doctest

from hypothesis import given, settings, strategies as st

import game.engine.phases as phases_module
from game.engine import IllegalCommand, apply, bot_next, new_game
from game.engine.commands import COMMAND_TYPES
from game.engine.phases import PHASE_TABLE, accepts, next_phase, round_phases, steps_per_round
from game.engine.state import PHASES

from test_engine_properties import SCENARIO, any_command, setup_of


def test_the_table_names_every_phase_and_only_real_commands():
    assert tuple(PHASE_TABLE) == PHASES
    named = set().union(*(p.commands for p in PHASE_TABLE.values()))
    assert named == set(COMMAND_TYPES)
    for phase in PHASE_TABLE.values():
        assert phase.ended_by <= phase.commands
        assert set(phase.next) <= set(PHASES)
    assert PHASE_TABLE["end"].commands == {"AddNote", "AddCommitment", "AddFinalNote", "SetWorkshop"}


def test_the_docstring_examples_hold():
    assert doctest.testmod(phases_module).failed == 0


def test_a_round_goes_through_its_phases_in_the_order_of_the_rules():
    assert round_phases(True) == ("situation", "choices", "reveal", "verdict", "debrief")
    assert round_phases(False) == ("situation", "choices", "reveal", "debrief")
    assert next_phase("debrief", verdicts=True, last_round=True) == "end"
    assert next_phase("end", verdicts=True, last_round=True) is None
    assert steps_per_round(True) == 4 and steps_per_round(False) == 3
    assert steps_per_round(True, "facilitator") == 5 and steps_per_round(False, "facilitator") == 4


mostly_bot = st.integers(0, 3).map(lambda n: n > 0)   # three steps in four go forward: games reach their end


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 4), st.integers(1, 3), st.booleans(), st.integers(0, 2**32),
       st.lists(st.tuples(any_command, mostly_bot), min_size=20, max_size=150))
def test_the_rules_accept_a_command_only_in_a_phase_the_table_gives_it(count, rounds, verdicts, seed, steps):
    state = new_game(SCENARIO, setup_of(count, rounds, verdicts), seed)
    phases_left = set()
    for command, use_bot in steps:
        if use_bot:
            command = bot_next(SCENARIO, state) or command
        name = type(command).__name__
        try:
            after, _ = apply(SCENARIO, state, command)
        except IllegalCommand as refused:
            if not accepts(state.phase, name):
                assert refused.code in ("wrong_phase", "game_over", "choices_pending")
            continue
        assert accepts(state.phase, name), (state.phase, name)
        if after.phase != state.phase:
            assert after.phase == next_phase(state.phase, verdicts=verdicts, last_round=state.round == rounds)
            spec = PHASE_TABLE[state.phase]
            assert name in spec.ended_by or (spec.ends_on_last_confirmation and name in ("ConfirmMove", "SubmitMove")), name
            phases_left.add(state.phase)
        if name in PHASE_TABLE[state.phase].ended_by:
            assert after.phase != state.phase
        state = after
    # The test must see the phases change, or it proves nothing.
    assert phases_left or len(steps) < 30
