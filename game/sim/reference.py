"""The reference for the fast simulation loop: one whole game played by the real engine, command by command."""

from __future__ import annotations

from game.content.model import Scenario
from game.engine import Setup, apply, bot_next, new_game


def engine_game(scenario: Scenario, characters: tuple[str, ...], seed: int, policy: str,
                rounds: int | None = None):
    """(final indicators, ending id, [(round, character, posture, action)]) of the game the bot plays.

    The fast loop (`game.sim.fastgame`) must give exactly this for the same
    arguments; the tests compare the two on every scenario they know.
    """
    setup = Setup(characters, {c: c for c in characters}, rounds or scenario.rounds, verdicts=False)
    state = new_game(scenario, setup, seed)
    while (command := bot_next(scenario, state, policy)) is not None:
        state, _ = apply(scenario, state, command)
    moves = [(r.number, m.character, m.posture, m.action) for r in state.history for m in r.moves]
    return state.indicators, state.ending, moves
