"""Commands: the plain, frozen data that screens, bots and the journal hand to the engine."""

from __future__ import annotations

from game.record import as_dict, fields_of, record
from typing import Any, Optional, Union

from game.engine.errors import IllegalCommand


@record
class Advance:
    """Go on to the next phase (situation → choices, reveal → verdict, verdict → debrief, debrief → next round or end)."""


@record
class ChoosePosture:
    character: str
    posture: str


@record
class ChooseAction:
    character: str
    action: str


@record
class ConfirmMove:
    """The current player confirms its posture and action; its cost is paid now."""

    character: str


@record
class UndoChoice:
    """Before confirming: forget the current player's posture and action."""

    character: str


@record
class RecordVerdict:
    """The room's tally for one move of the round (entering it again replaces it)."""

    character: str
    coop: int
    pas_coop: int
    depends: int


@record
class SkipVerdicts:
    """No tally this round: go straight to the debrief."""


@record
class AddNote:
    """A facilitator's note, attached to the current round."""

    text: str


@record
class AddFinalNote:
    """A facilitator's note of the final debrief (the bilan), kept in state.final_notes. (An AddNote at the
    end still goes to the last round, as it always did: old session files replay to the same state.)"""

    text: str


@record
class ShowDebriefPhase:
    """The facilitator moves the debrief to one of the round's debrief phases (e.g. "analyse")."""

    phase: str


@record
class AddCommitment:
    """One of the room's commitments ("qui fait quoi d'ici quand"), typed in the debrief or the bilan."""

    text: str


@record
class SetWorkshop:
    """Where the workshop took place and who facilitated it, for the report (empty text: not said)."""

    place: str
    facilitator: str


@record
class SubmitMove:
    """A team's whole move at once, at any moment of the choices while it is not revealed (phones,
    any order); again for a team already confirmed = its move replaced, the old cost refunded."""

    character: str
    posture: str
    action: str


@record
class TakeBackMove:
    """The facilitator takes back a team's confirmed move before the reveal; its cost is refunded."""

    character: str


@record
class Reveal:
    """The facilitator reveals the choices once every team has confirmed (setup reveal "facilitator")."""


@record
class SetLastRound:
    """The facilitator decides after which round the game goes to the bilan: the current round ("end after
    this round"), or back to the planned number of rounds (taken back). From the current round to the
    setup's rounds; in any phase but the end."""

    round: int


@record
class SetRoomSize:
    """The facilitator says how many people vote (the verdict's N), so that the screens complete a tally's
    last answer from it; None = not said any more. 1 to MAX_ROOM people; in any phase but the end; kept
    for the whole game (state.room_size), a resume included."""

    people: Optional[int]


Command = Union[Advance, ChoosePosture, ChooseAction, ConfirmMove, UndoChoice,
                RecordVerdict, SkipVerdicts, AddNote, AddFinalNote, ShowDebriefPhase, AddCommitment, SetWorkshop,
                SubmitMove, TakeBackMove, Reveal, SetLastRound, SetRoomSize]

COMMAND_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (Advance, ChoosePosture, ChooseAction, ConfirmMove, UndoChoice,
                RecordVerdict, SkipVerdicts, AddNote, AddFinalNote, ShowDebriefPhase, AddCommitment, SetWorkshop,
                SubmitMove, TakeBackMove, Reveal, SetLastRound, SetRoomSize)
}


def command_to_json(command: Command) -> dict[str, Any]:
    """`ChoosePosture("elue", "imposer")` → `{"type": "ChoosePosture", "character": "elue", "posture": "imposer"}`."""
    return {"type": type(command).__name__, **as_dict(command)}


def command_from_json(data: Any) -> Command:
    """The inverse of `command_to_json`; anything malformed raises IllegalCommand('malformed_command')."""
    if not isinstance(data, dict) or data.get("type") not in COMMAND_TYPES:
        raise IllegalCommand("malformed_command", f"not a command: {data!r:.200}")
    cls = COMMAND_TYPES[data["type"]]
    values = {}
    for name, expected, optional in _field_checks(cls):
        if name not in data:
            raise IllegalCommand("malformed_command", f"{cls.__name__} lacks {name!r}")
        value = data[name]
        if type(value) is not expected and not (optional and value is None):
            raise IllegalCommand("malformed_command", f"{cls.__name__}.{name} must be {expected.__name__}"
                                 + (" or null" if optional else ""))
        values[name] = value
    if len(data) != len(values) + 1:   # its type, its fields (all found above), and something else
        raise IllegalCommand("malformed_command", f"{cls.__name__} has unknown fields")
    return cls(**values)


_CHECKS: dict[type, tuple[tuple[str, type, bool], ...]] = {}


def _field_checks(cls: type) -> tuple[tuple[str, type, bool], ...]:
    """(name, expected type, may be null) of each field of a command class, read once from its fields
    (a journal replays hundreds of commands)."""
    checks = _CHECKS.get(cls)
    if checks is None:
        checks = _CHECKS[cls] = tuple(
            (name, int if kind in ("int", "Optional[int]") else str, kind.startswith("Optional["))
            for name in fields_of(cls) for kind in (cls.__annotations__[name],))
    return checks
