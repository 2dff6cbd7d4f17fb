"""The phase machine, declared once: each phase of a round, where it leads and the commands it accepts.

The rules (`rules.apply`) refuse a command its phase does not accept, the session listing counts
the journal's phase-ending commands against `steps_per_round`, and the screens' router reads
`PHASE_TABLE` and `next_phase` instead of knowing the order of phases itself.

    >>> sorted(PHASE_TABLE["verdict"].commands)
    ['AddNote', 'Advance', 'RecordVerdict', 'SetLastRound', 'SetRoomSize', 'SetWorkshop', 'SkipVerdicts']
    >>> next_phase("reveal", verdicts=False, last_round=False)
    'debrief'
"""

from __future__ import annotations

from game.record import record
from typing import Mapping, Optional

from game.engine.state import PHASES, FrozenDict


@record
class Phase:
    """One phase of the machine."""

    name: str
    commands: frozenset[str]   # command types (class names) accepted in this phase
    ended_by: frozenset[str]   # of those, the ones that end the phase whenever they are accepted
    next: tuple[str, ...]      # the phases it may lead to (see next_phase for which one)
    # The choices end by themselves, on the move that completes them (ConfirmMove or SubmitMove), when
    # the setup's reveal is "auto"; with "facilitator" only Reveal ends them.
    ends_on_last_confirmation: bool = False


def _phase(name: str, commands: tuple[str, ...], ended_by: tuple[str, ...], following: tuple[str, ...],
           ends_on_last_confirmation: bool = False) -> Phase:
    # A note and the workshop's place may be written at any moment, the end included; until the end, the
    # facilitator may decide that the current round is the last (SetLastRound), or take that back, and say
    # how many people vote (SetRoomSize).
    always = ("AddNote", "SetWorkshop") + (("SetLastRound", "SetRoomSize") if following else ())
    return Phase(name, frozenset(commands + always), frozenset(ended_by), following, ends_on_last_confirmation)


PHASE_TABLE: Mapping[str, Phase] = FrozenDict({
    "situation": _phase("situation", ("Advance",), ("Advance",), ("choices",)),
    "choices": _phase("choices", ("ChoosePosture", "ChooseAction", "UndoChoice", "ConfirmMove",
                                  "SubmitMove", "TakeBackMove", "Reveal"),
                      ("Reveal",), ("reveal",), ends_on_last_confirmation=True),
    "reveal": _phase("reveal", ("Advance",), ("Advance",), ("verdict", "debrief")),
    "verdict": _phase("verdict", ("RecordVerdict", "SkipVerdicts", "Advance"), ("SkipVerdicts", "Advance"),
                      ("debrief",)),
    "debrief": _phase("debrief", ("ShowDebriefPhase", "AddCommitment", "Advance"), ("Advance",),
                      ("situation", "end")),
    "end": _phase("end", ("AddCommitment", "AddFinalNote"), (), ()),
})
assert tuple(PHASE_TABLE) == PHASES

# Each of these, once accepted, has ended exactly one phase.
STEP_COMMANDS: frozenset[str] = frozenset().union(*(p.ended_by for p in PHASE_TABLE.values()))


def accepts(phase: str, command_type: str) -> bool:
    """Whether a command of that type (class name) may be applied in that phase at all."""
    spec = PHASE_TABLE.get(phase)
    return spec is not None and command_type in spec.commands


def next_phase(phase: str, *, verdicts: bool, last_round: bool) -> Optional[str]:
    """The phase after `phase`: the reveal leads to the verdict only when the setup has one, the
    debrief to the next round's situation, or to the end after the last round (the setup's, or the one
    the facilitator made the last: state.final_round); None after the end."""
    choices = PHASE_TABLE[phase].next
    if not choices:
        return None
    if phase == "reveal":
        return choices[0] if verdicts else choices[1]
    if phase == "debrief":
        return choices[1] if last_round else choices[0]
    return choices[0]


def round_phases(verdicts: bool) -> tuple[str, ...]:
    """The phases one round goes through, from its situation to its debrief."""
    phases = ["situation"]
    while (following := next_phase(phases[-1], verdicts=verdicts, last_round=False)) != "situation":
        assert following is not None
        phases.append(following)
    return tuple(phases)


def steps_per_round(verdicts: bool, reveal: str = "auto") -> int:
    """How many STEP_COMMANDS the journal of one whole round holds (a refused command is never
    written): one per phase of the round, except the choices when the last confirmation reveals."""
    return sum(
        1 for name in round_phases(verdicts)
        if not (PHASE_TABLE[name].ends_on_last_confirmation and reveal == "auto")
    )
