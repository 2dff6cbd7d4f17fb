"""How a round changes the board: events drawn and applied, moves and synergies summed, clamped once."""

from __future__ import annotations

from typing import Iterable, Mapping, Optional, Sequence

from game.engine.conditions import Facts
from game.engine.draws import SALT_EVENTS, mix, place_hash, unit_interval
from game.engine.state import FrozenDict, Move, RoundLog
from game.engine.tables import Tables


def played_postures(moves: Sequence[Move]) -> dict[str, str]:
    return {m.character: m.posture for m in moves}


def played_actions(moves: Sequence[Move]) -> frozenset[str]:
    return frozenset(m.action for m in moves)


def played_by(moves: Sequence[Move]) -> dict[str, str]:
    return {m.character: m.action for m in moves}


# What conditions read of one round's moves, by the identity of its moves tuple (held, so that its id is
# never another's): ((postures, played) frozen, the actions played). A round's moves tuple is shared by
# every state after its reveal, so each round's are built once, not at each of the facts that count it.
_OF_MOVES: dict[int, tuple[tuple[Move, ...], tuple[Mapping[str, str], Mapping[str, str]], frozenset[str]]] = {}
_MOVES_KEPT = 256


def _of_moves(moves: tuple[Move, ...]) -> tuple[tuple[Move, ...], tuple[Mapping[str, str], Mapping[str, str]], frozenset[str]]:
    hit = _OF_MOVES.get(id(moves))
    if hit is not None and hit[0] is moves:
        return hit
    hit = (moves, (FrozenDict(played_postures(moves)), FrozenDict(played_by(moves))), played_actions(moves))
    if len(_OF_MOVES) >= _MOVES_KEPT:
        _OF_MOVES.clear()
    _OF_MOVES[id(moves)] = hit
    return hit


class _Seen:
    """What conditions read of a run of rounds: (postures, actions) and verdicts of each, the actions ever played."""

    __slots__ = ("rounds", "past", "verdicts", "ever")

    def __init__(self, rounds: Sequence[RoundLog]):
        self.rounds = rounds
        # Frozen and shared (by the facts of several states, by the runs of rounds that hold the same round):
        # conditions only read them.
        each = [_of_moves(r.moves) for r in rounds]   # a RoundLog's moves are a tuple (state.RoundLog)
        self.past = tuple(seen[1] for seen in each)
        self.verdicts = tuple(r.verdicts for r in rounds)   # frozen already
        self.ever = frozenset().union(*(seen[2] for seen in each))


# The history's _Seen by the identity of its tuple: every state of a round (and of its debrief) shares the
# same history tuple, and the rules build facts from it at several commands of each round (a 20-round replay
# built them 144 times). Only tuples are kept (of rounds, which never change), each with the tuple itself,
# so that its id is never another's.
_SEEN: dict[int, _Seen] = {}
_SEEN_KEPT = 32


def _seen(rounds: Sequence[RoundLog]) -> _Seen:
    if type(rounds) is not tuple:
        return _Seen(rounds)
    hit = _SEEN.get(id(rounds))
    if hit is not None and hit.rounds is rounds:
        return hit
    seen = _Seen(rounds)
    if len(_SEEN) >= _SEEN_KEPT:
        _SEEN.clear()
    _SEEN[id(rounds)] = seen
    return seen


def facts_after_round(log: RoundLog, values: Mapping[str, int], history: Sequence[RoundLog]) -> Facts:
    """Facts for synergies, triggers and endings: the round just revealed, counted in `ever_played`."""
    seen = _seen(history)
    ever = set(seen.ever)
    ever.update(m.action for m in log.moves)
    past = seen.past + ((played_postures(log.moves), played_by(log.moves)),)
    return Facts(log.number, values, played_postures(log.moves), played_actions(log.moves), ever,
                 played_by(log.moves), past, dict(log.verdicts), seen.verdicts + (dict(log.verdicts),))


def facts_before_round(number: int, values: Mapping[str, int], history: Sequence[RoundLog]) -> Facts:
    """Facts for `requires` and events: "the round" is the previous one (none in round 1)."""
    previous: Optional[RoundLog] = history[-1] if history else None
    if previous is None:
        return Facts(number, values, None, None, set())
    seen = _seen(history)
    return Facts(number, values, played_postures(previous.moves), played_actions(previous.moves),
                 set(seen.ever), played_by(previous.moves), seen.past, dict(previous.verdicts), seen.verdicts)


def clamp_sum(tables: Tables, values: Mapping[str, int], deltas: Iterable[Mapping[str, int]]) -> dict[str, int]:
    """Sum every delta per indicator, then clamp each indicator once (order never matters)."""
    totals = dict.fromkeys(tables.indicator_ids, 0)
    for delta in deltas:
        for ident, amount in delta.items():
            totals[ident] += amount
    result = {}
    for ident in tables.indicator_ids:
        low, high = tables.bounds[ident]
        result[ident] = min(high, max(low, values[ident] + totals[ident]))
    return result


def draw_events(tables: Tables, seed: int, number: int, facts: Facts, drawn_before: set[str],
                base: Optional[int] = None) -> tuple[str, ...]:
    """The round's events: among those allowed now and never drawn in this game, by weight.

    The k-th draw of round r uses place_hash(seed, SALT_EVENTS, r, k); `base`, the
    hash of (seed, SALT_EVENTS), may be passed by callers that draw for many rounds.
    """
    candidates = [
        e for e in tables.events
        if e.id not in drawn_before
        and (e.rounds is None or number in e.rounds)
        and (e.when is None or e.when(facts))
    ]
    if not candidates:
        return ()
    if base is None:
        base = place_hash(seed, SALT_EVENTS)
    round_base = mix(base ^ number)
    chosen: list[str] = []
    for draw in range(tables.events_per_round):
        if not candidates:
            break
        total = sum(e.weight for e in candidates)
        target = unit_interval(mix(round_base ^ draw)) * total
        index = len(candidates) - 1
        for position, event in enumerate(candidates):
            target -= event.weight
            if target < 0:
                index = position
                break
        chosen.append(candidates.pop(index).id)
    return tuple(chosen)


def move_sources(tables: Tables, moves: Sequence[Move]) -> list[tuple[str, str, str, dict[str, int]]]:
    """(kind, character, id, deltas) for each non-empty delta of the moves: posture, action, by_posture."""
    sources = []
    for move in moves:
        posture_effects = tables.posture_effects[move.posture]
        if posture_effects:
            sources.append(("posture", move.character, move.posture, posture_effects))
        action = tables.actions[move.action]
        if action.effects:
            sources.append(("action", move.character, move.action, action.effects))
        extra = action.by_posture.get(move.posture)
        if extra:
            sources.append(("by_posture", move.character, move.action, extra))
    return sources


def fired_synergies(tables: Tables, facts: Facts) -> tuple[str, ...]:
    return tuple(ident for ident, when, _ in tables.synergies if when(facts))


def resolve_round(tables: Tables, log: RoundLog, history: Sequence[RoundLog]):
    """The reveal: (sources, synergies fired, indicators after). Synergies see the values before the deltas."""
    facts = facts_after_round(log, log.indicators_before, history)
    synergies = fired_synergies(tables, facts)
    sources = move_sources(tables, log.moves)
    sources.extend(("synergy", "", ident, tables.synergy_effects[ident]) for ident in synergies)
    after = clamp_sum(tables, log.indicators_before, (s[3] for s in sources))
    return sources, synergies, after
