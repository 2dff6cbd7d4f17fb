"""The game's state as plain data, immutable all the way down, that round-trips through JSON.

Every container in a state is a tuple or a `FrozenDict`, every record a frozen record (game.record): two
states may share parts (`apply` reuses what did not change) because no part can ever change.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, NoReturn, Optional, TypeVar

from game.record import evolve, field, record

PHASES = ("situation", "choices", "reveal", "verdict", "debrief", "end")
# When the choices end: "auto", on the move that completes them (one screen, hot-seat: the default,
# and every session written before this option); "facilitator", on the facilitator's Reveal command
# once every team has confirmed (phones: until then any team may still replace its move).
REVEALS = ("auto", "facilitator")

K = TypeVar("K")
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    """A dict that refuses every change once built, hashable, and still a dict for readers and `json`.

    `dict(frozen)`, `frozen | {...}` and `frozen.copy()` give plain, mutable copies.

    >>> FrozenDict({"confiance": 4})["confiance"] = 5
    Traceback (most recent call last):
    TypeError: FrozenDict is immutable
    """

    __slots__ = ()

    def _refuse(self) -> NoReturn:
        raise TypeError(f"{type(self).__name__} is immutable")

    def __setitem__(self, key: K, value: V) -> NoReturn:
        self._refuse()

    def __delitem__(self, key: K) -> NoReturn:
        self._refuse()

    def __ior__(self, other: Any) -> NoReturn:  # type: ignore[misc]
        self._refuse()

    def clear(self) -> NoReturn:
        self._refuse()

    def pop(self, *args: Any) -> NoReturn:
        self._refuse()

    def popitem(self) -> NoReturn:
        self._refuse()

    def setdefault(self, *args: Any) -> NoReturn:
        self._refuse()

    def update(self, *args: Any, **kwargs: Any) -> NoReturn:
        self._refuse()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        # copy, deepcopy and pickle rebuild it whole instead of filling an empty one key by key.
        return (type(self), (dict(self),))


def frozen(mapping: Mapping[K, V]) -> FrozenDict[K, V]:
    """`mapping` itself when already frozen, else a frozen copy (later changes to the original do not reach it)."""
    return mapping if type(mapping) is FrozenDict else FrozenDict(mapping)


def frozen_nested(mapping: Mapping[str, Mapping[K, V]]) -> FrozenDict[str, FrozenDict[K, V]]:
    """A frozen copy of a mapping of mappings (resources: character -> resource -> amount)."""
    if type(mapping) is FrozenDict and all(type(inner) is FrozenDict for inner in mapping.values()):
        return mapping
    return FrozenDict((key, frozen(inner)) for key, inner in mapping.items())


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return items if type(items) is tuple else tuple(items)


def _frozen_or_none(mapping: Optional[Mapping[K, V]]) -> Optional[FrozenDict[K, V]]:
    return None if mapping is None else frozen(mapping)


# Each record below normalises its containers through `__record_normalise__` (game.record): its
# constructor makes tuples and frozen mappings of what it is given, and `evolve` only the changed fields.
# Each function gives back a value that is already normalised as it is (the same object).


@record
class Setup:
    """What the facilitator chose before the first round."""

    characters: tuple[str, ...]
    teams: Mapping[str, str]
    rounds: int
    secret_choices: bool = True
    verdicts: bool = True
    debrief_minutes: float = 5.0
    language: str = "fr"
    reveal: str = "auto"               # one of REVEALS
    # The choices' countdown on the screens (0: none). The rules never read it: a team whose time is up is
    # named to the facilitator, nothing is ever chosen for it.
    choices_minutes: float = 0.0

    __record_normalise__ = {"characters": _tuple, "teams": frozen}

    def to_json(self) -> dict[str, Any]:
        return {
            "characters": list(self.characters),
            "teams": dict(self.teams),
            "rounds": self.rounds,
            "secret_choices": self.secret_choices,
            "verdicts": self.verdicts,
            "debrief_minutes": self.debrief_minutes,
            "language": self.language,
            "reveal": self.reveal,
            "choices_minutes": self.choices_minutes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Setup":
        return cls(
            characters=tuple(data["characters"]),
            teams=dict(data["teams"]),
            rounds=int(data["rounds"]),
            secret_choices=bool(data["secret_choices"]),
            verdicts=bool(data["verdicts"]),
            debrief_minutes=float(data["debrief_minutes"]),
            language=str(data["language"]),
            reveal=str(data.get("reveal", "auto")),   # absent from session files written before it existed
            choices_minutes=float(data.get("choices_minutes", 0.0)),   # likewise: no choices timer then
        )


@record
class Move:
    """One character's confirmed choice in a round."""

    character: str
    posture: str
    action: str


@record
class Correction:
    """A confirmed move changed before the reveal: "replaced" by its team or "taken_back" by the facilitator."""

    kind: str
    character: str
    before: Move
    after: Optional[Move] = None       # the new move of a replacement

    def to_json(self) -> list[Any]:
        after = None if self.after is None else [self.after.character, self.after.posture, self.after.action]
        return [self.kind, self.character, [self.before.character, self.before.posture, self.before.action], after]

    @classmethod
    def from_json(cls, data: list[Any]) -> "Correction":
        kind, character, before, after = data
        return cls(kind, character, Move(*before), None if after is None else Move(*after))


@record
class Verdict:
    """The room's show of hands on one move."""

    coop: int
    pas_coop: int
    depends: int

    @property
    def total(self) -> int:
        return self.coop + self.pas_coop + self.depends


@record
class RoundLog:
    """Everything that happened in one round, filled in as the round goes."""

    number: int
    turn_order: tuple[str, ...]
    events: tuple[str, ...] = ()
    indicators_start: Mapping[str, int] = field(default_factory=FrozenDict)   # before the events
    indicators_before: Mapping[str, int] = field(default_factory=FrozenDict)  # after the events, before the moves
    moves: tuple[Move, ...] = ()                                     # confirmed, in turn order
    synergies: tuple[str, ...] = ()
    indicators_after: Optional[Mapping[str, int]] = None             # after the reveal
    verdicts: Mapping[str, Verdict] = field(default_factory=FrozenDict)
    verdicts_skipped: bool = False
    notes: tuple[str, ...] = ()
    debrief_phase: Optional[str] = None                              # shown in the debrief; None = the first
    corrections: tuple[Correction, ...] = ()                         # replaced and taken-back moves, in order

    __record_normalise__ = {
        "turn_order": _tuple, "events": _tuple, "indicators_start": frozen, "indicators_before": frozen,
        "moves": _tuple, "synergies": _tuple, "indicators_after": _frozen_or_none, "verdicts": frozen,
        "notes": _tuple, "corrections": _tuple,
    }

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "turn_order": list(self.turn_order),
            "events": list(self.events),
            "indicators_start": dict(self.indicators_start),
            "indicators_before": dict(self.indicators_before),
            "moves": [[m.character, m.posture, m.action] for m in self.moves],
            "synergies": list(self.synergies),
            "indicators_after": None if self.indicators_after is None else dict(self.indicators_after),
            "verdicts": {c: [v.coop, v.pas_coop, v.depends] for c, v in self.verdicts.items()},
            "verdicts_skipped": self.verdicts_skipped,
            "notes": list(self.notes),
            "debrief_phase": self.debrief_phase,
            "corrections": [c.to_json() for c in self.corrections],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RoundLog":
        after = data["indicators_after"]
        return cls(
            number=data["number"],
            turn_order=tuple(data["turn_order"]),
            events=tuple(data["events"]),
            indicators_start=dict(data["indicators_start"]),
            indicators_before=dict(data["indicators_before"]),
            moves=tuple(Move(*m) for m in data["moves"]),
            synergies=tuple(data["synergies"]),
            indicators_after=None if after is None else dict(after),
            verdicts={c: Verdict(*v) for c, v in data["verdicts"].items()},
            verdicts_skipped=data["verdicts_skipped"],
            notes=tuple(data["notes"]),
            debrief_phase=data.get("debrief_phase"),   # absent from session files written before it existed
            corrections=tuple(Correction.from_json(c) for c in data.get("corrections", ())),
        )


def turn_in(phase: str, log: RoundLog) -> Optional[str]:
    """GameState.turn of a state in `phase` whose current round is `log` (the rules ask it of a state
    before making it)."""
    if phase != "choices":
        return None
    confirmed = {m.character for m in log.moves}
    for character in log.turn_order:
        if character not in confirmed:
            return character
    return None


@record
class GameState:
    """A whole game at one moment. Never mutated: `apply` returns a new one."""

    seed: int
    setup: Setup
    round: int
    phase: str
    current: RoundLog
    history: tuple[RoundLog, ...]          # rounds whose debrief is over
    indicators: Mapping[str, int]
    resources: Mapping[str, Mapping[str, int]]   # character -> resource -> amount
    draft_posture: Optional[str] = None    # the current player's unconfirmed choice
    draft_action: Optional[str] = None
    ending: Optional[str] = None           # set when the game reaches its end
    commitments: tuple[str, ...] = ()      # the room's, typed in the debrief or the bilan (AddCommitment)
    place: str = ""                        # where the workshop took place (SetWorkshop; "" = not said)
    facilitator: str = ""                  # who facilitated it
    final_notes: tuple[str, ...] = ()      # the facilitator's notes of the final debrief (AddNote at the end)
    last_round: Optional[int] = None       # the facilitator ended early: the bilan follows this round (SetLastRound)
    room_size: Optional[int] = None        # how many people vote, once the facilitator said so (SetRoomSize)

    __record_normalise__ = {
        "history": _tuple, "indicators": frozen, "resources": frozen_nested, "commitments": _tuple,
        "final_notes": _tuple,
    }

    @property
    def turn_order(self) -> tuple[str, ...]:
        return self.current.turn_order

    @property
    def turn(self) -> Optional[str]:
        """The hot-seat turn: the first character in turn order with no confirmed move this round; None
        outside the choices phase, and once every team has confirmed (the reveal waits for the facilitator)."""
        return turn_in(self.phase, self.current)

    @property
    def confirmed(self) -> frozenset[str]:
        """The characters with a confirmed move in the current round (secret until the reveal: never *what*)."""
        return frozenset(m.character for m in self.current.moves)

    @property
    def waiting(self) -> tuple[str, ...]:
        """During the choices: the characters with no confirmed move yet, in turn order."""
        if self.phase != "choices":
            return ()
        confirmed = self.confirmed
        return tuple(c for c in self.current.turn_order if c not in confirmed)

    @property
    def log(self) -> tuple[RoundLog, ...]:
        """Every round so far, the current one last."""
        if self.phase == "end":
            return self.history
        return self.history + (self.current,)

    @property
    def finished(self) -> bool:
        return self.phase == "end"

    @property
    def final_round(self) -> int:
        """The round after whose debrief the bilan comes: the setup's last, or the one the facilitator
        made the last ("end after this round")."""
        return self.setup.rounds if self.last_round is None else self.last_round

    @property
    def ended_early(self) -> bool:
        """The game will end (or ended) before the setup's number of rounds."""
        return self.final_round < self.setup.rounds

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "setup": self.setup.to_json(),
            "round": self.round,
            "phase": self.phase,
            "current": self.current.to_json(),
            "history": [r.to_json() for r in self.history],
            "indicators": dict(self.indicators),
            "resources": {c: dict(r) for c, r in self.resources.items()},
            "draft_posture": self.draft_posture,
            "draft_action": self.draft_action,
            "ending": self.ending,
            "commitments": list(self.commitments),
            "place": self.place,
            "facilitator": self.facilitator,
            "last_round": self.last_round,
            "room_size": self.room_size,
            "final_notes": list(self.final_notes),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "GameState":
        return cls(
            seed=data["seed"],
            setup=Setup.from_json(data["setup"]),
            round=data["round"],
            phase=data["phase"],
            current=RoundLog.from_json(data["current"]),
            history=tuple(RoundLog.from_json(r) for r in data["history"]),
            indicators=dict(data["indicators"]),
            resources={c: dict(r) for c, r in data["resources"].items()},
            draft_posture=data["draft_posture"],
            draft_action=data["draft_action"],
            ending=data["ending"],
            # Absent from states written before commitments and the workshop's place existed.
            commitments=tuple(data.get("commitments", ())),
            place=data.get("place", ""),
            facilitator=data.get("facilitator", ""),
            last_round=data.get("last_round"),   # absent from states written before "end after this round"
            final_notes=tuple(data.get("final_notes", ())),   # absent before the final debrief had its notes
            room_size=data.get("room_size"),   # absent from states written before the room's size was journaled
        )
