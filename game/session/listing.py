"""What a session's journal says without a replay: whether it reached its end (no scenario, no pydantic).

The title screen asks this of every session in the data folder before it loads anything heavy:
most sessions there are finished workshops.
"""

from __future__ import annotations

from game.engine.phases import STEP_COMMANDS, steps_per_round
from game.session import journal


def looks_finished(contents: journal.JournalContents) -> bool:
    """Whether a journal reached the end, from its commands alone (no scenario load, no replay).

    Each accepted step command of the phase machine (Advance, SkipVerdicts...)
    ended one phase, and a refused command is never written: so a game is over
    exactly when the journal holds `steps_per_round` of them for every round.
    The facilitator may have ended early: the last accepted SetLastRound says
    which round the bilan followed (it is accepted only from the current round
    on, so it is never below the rounds already played).
    A test checks this against replays.
    """
    try:
        setup = contents.header["setup"]
        per_round = steps_per_round(bool(setup["verdicts"]), setup.get("reveal", "auto"))
        steps = 0
        last = int(setup["rounds"])
        for entry in contents.entries:
            command = entry["command"]
            kind = command.get("type")
            if kind in STEP_COMMANDS:
                steps += 1
            elif kind == "SetLastRound":
                last = int(command["round"])
        return steps >= per_round * last
    except (KeyError, TypeError, ValueError, AttributeError):
        return False
