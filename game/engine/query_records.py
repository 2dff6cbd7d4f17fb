"""The records of the queries only the screens ask (game.engine.queries): a move's options, the reveal,
the verdicts, the bilan. Apart from the queries, so that what the report needs (the debrief, the ending's
text) creates none of these classes: a report of a session file is a short process, and every class
created counts in it (a record costs about 45 µs, game.record)."""

from __future__ import annotations

from game.record import record
from typing import TYPE_CHECKING, Optional

from game.engine.state import Move, Verdict

if TYPE_CHECKING:
    from game.content.model import Ending, Prompt
    from game.engine.queries import PhasePrompts


@record
class ActionOption:
    action: str                 # action id (the built-in `observer` last)
    allowed: bool
    reason: Optional[str]       # not_for_character | once_played | requirement_not_met | cannot_afford
    params: dict                # e.g. {"resource": "temps", "cost": 2, "have": 1}, {"failing": ["indicator_at_least"]}


@record
class DeltaSource:
    kind: str                   # posture | action | by_posture | synergy
    character: Optional[str]    # None for a synergy
    source: str                 # posture, action or synergy id
    deltas: dict[str, int]


@record
class RevealView:
    number: int
    moves: tuple[Move, ...]
    readings: dict[str, str]            # character -> coop reading of its posture
    sources: tuple[DeltaSource, ...]
    synergies: tuple[str, ...]
    totals: dict[str, int]              # summed deltas per indicator, before clamping
    before: dict[str, int]
    after: dict[str, int]


@record
class VerdictLine:
    character: str
    verdict: Optional[Verdict]
    split: bool


@record
class SplitMove:
    round: int
    character: str
    posture: str
    action: str
    verdict: Verdict


@record
class EndView:
    ending: Optional[Ending]
    ending_text: Optional[str]                       # the ending's text or the variant what was played chose
    series: dict[str, tuple[int, ...]]               # indicator -> value at start, then after each round
    posture_paths: dict[str, tuple[str, ...]]        # character -> posture of each round
    split_moves: tuple[SplitMove, ...]
    final_prompts: tuple[Prompt, ...]                # every final prompt, in the scenario's order
    final_phases: PhasePrompts = ()                  # the final debrief: one prompt per phase, `faits` always
    final_every_phase: PhasePrompts = ()             # one key away: every final prompt by phase
    final_hidden: int = 0                            # how many the final debrief leaves for the key
