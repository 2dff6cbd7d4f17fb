"""The built-in bot (autoplay, simulate): each choice is a pure function of the seed and the move's place.

Postures by policy: `random` any posture, `coop` one of the highest `coop`
value, `solo` one of the lowest, `always:POSTURE` that posture; the audit also
uses `level:N` (the postures whose `coop` is N) and a `+observe` suffix (the
action is always the built-in observer). Then an action at random among those
the character may play now (the built-in observer included). Ties and actions are
broken by a hash of (seed, round, character), never by a shared generator, so
a game killed at any moment and resumed ends as the uninterrupted one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.constants import OBSERVER_ID
from game.engine.commands import (
    Advance, ChooseAction, ChoosePosture, ConfirmMove, RecordVerdict, Reveal, ShowDebriefPhase,
)
from game.engine.draws import SALT_BOT, SALT_VERDICT, place_hash, text_key, unit_interval
from game.engine.rules import action_blocker, posture_blocker
from game.engine.state import GameState
from game.engine.tables import Tables, tables_for

from game.engine.policies import OBSERVE_SUFFIX, POLICIES, observes_only, posture_candidates  # noqa: E402,F401

if TYPE_CHECKING:
    from game.content.model import Scenario


def move_hash(seed: int, number: int, character: str) -> int:
    return place_hash(seed, SALT_BOT, number, text_key(character))


def bot_move(scenario: Scenario, state: GameState, character: str, policy: str = "random") -> tuple[str, str]:
    """(posture, action) the bot plays for `character` in the current round."""
    tables = tables_for(scenario)
    draw = move_hash(state.seed, state.round, character)
    candidates = posture_candidates(tables, policy)
    if any(tables.posture_costs.values()):
        # A posture the team cannot afford is not taken; with none affordable, any free one.
        affordable = tuple(p for p in candidates if posture_blocker(tables, state, character, p) is None)
        candidates = affordable or tuple(p for p in tables.posture_ids if not tables.posture_costs[p])
    posture = candidates[draw % len(candidates)]
    if observes_only(policy):
        return posture, OBSERVER_ID
    allowed = [a for a in tables.action_ids if action_blocker(tables, state, character, a, posture) is None]
    # Low bits pick the posture, high bits the action: one hash per move (cheap for simulate).
    action = allowed[(draw >> 32) % len(allowed)]
    return posture, action


ROOM = 12   # people voting in the bot's imagined room


def bot_verdict(seed: int, number: int, character: str, coop: int | None = None) -> RecordVerdict:
    """A plausible show of hands of a room of 12 on one move.

    With the `coop` value of the move's posture, the room leans as it does
    (a co-construction mostly reads COOP, an imposition mostly pas COOP, a
    neutral posture splits the room); without it, every vote is a coin toss.
    """
    lean = 0.5 if coop is None else 0.5 + 0.2 * coop
    votes = [0, 0, 0]
    for person in range(ROOM):
        draw = unit_interval(place_hash(seed, SALT_VERDICT, number, text_key(character), person))
        if draw >= 0.85:
            votes[2] += 1
        elif draw < 0.85 * lean:
            votes[0] += 1
        else:
            votes[1] += 1
    return RecordVerdict(character, votes[0], votes[1], votes[2])


def bot_next(scenario: Scenario, state: GameState, policy: str = "random"):
    """The one command the bot gives next in any phase (None at the end): it resumes anywhere."""
    phase = state.phase
    if phase == "end":
        return None
    if phase == "choices":
        character = state.turn
        if character is None:      # every team confirmed; the reveal waits for the facilitator
            return Reveal()
        posture, action = bot_move(scenario, state, character, policy)
        if state.draft_posture != posture:
            return ChoosePosture(character, posture)
        if state.draft_action != action:
            return ChooseAction(character, action)
        return ConfirmMove(character)
    if phase == "verdict":
        for move in state.current.moves:
            if move.character not in state.current.verdicts:
                coop = tables_for(scenario).coop_of[move.posture]
                return bot_verdict(state.seed, state.round, move.character, coop)
    if phase == "debrief":
        # Every debrief phase in turn, as the facilitator (and the autoplay screens) go through them, so
        # that a game the engine bot played in part journals the same steps as one played on the screens.
        from game.engine.queries import debrief   # queries builds on the rules: imported when used

        shown = [p for p, _ in debrief(scenario, state).phases]
        at = shown.index(state.current.debrief_phase) if state.current.debrief_phase in shown else 0
        if at < len(shown) - 1:
            return ShowDebriefPhase(shown[at + 1])
    return Advance()
