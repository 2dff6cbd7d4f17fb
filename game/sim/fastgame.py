"""The simulator's game loop: the engine's rules replayed on precomputed tables, without state objects.

It plays exactly the games that `game.engine` plays with `bot_next` and no
verdicts, but skips commands, immutable states and queries, so that thousands
of games take a fraction of a second. Conditions and hashes are the engine's
own functions; the event draw, the bot's choice and the resolution are written
again here on flat tables, and tests compare the two game by game, on the test
scenarios and on every bundled one, for each policy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from operator import add
from typing import TYPE_CHECKING, Optional, Sequence


from game.content.constants import OBSERVER_ID
from game.engine.policies import observes_only, posture_candidates
from game.engine.conditions import Facts
from game.engine.draws import MASK, SALT_BOT, SALT_EVENTS, mix, text_key
from game.engine.tables import tables_for

if TYPE_CHECKING:
    from game.content.model import Scenario


UNIT = 1.0 / (1 << 53)   # as in game.engine.draws.unit_interval
CACHE_LIMIT = 200_000    # entries of the allowed-actions cache, in case resources take many values


@dataclass
class GameResult:
    values: dict[str, int]
    ending: Optional[str]
    moves: list[tuple[int, str, str, str]]   # (round, character, posture, action), only when asked


class FastGame:
    """A scenario, the characters in play, a number of rounds and a policy, ready to play many games."""

    def __init__(self, scenario: Scenario, characters: Sequence[str], rounds: int, policy: str):
        tables = tables_for(scenario)
        self.tables = tables
        self.characters = tuple(characters)
        self.rounds = rounds
        self.indicator_ids = tables.indicator_ids
        self.lows = tuple(tables.bounds[i][0] for i in self.indicator_ids)
        self.highs = tuple(tables.bounds[i][1] for i in self.indicator_ids)
        self.start_values = tuple(tables.start_values[i] for i in self.indicator_ids)
        self.candidates = posture_candidates(tables, policy)   # raises ValueError on an unknown policy
        self.observe = observes_only(policy)
        self.char_keys = tuple(text_key(c) for c in self.characters)
        index = {ident: k for k, ident in enumerate(self.indicator_ids)}

        def vector(deltas) -> tuple[int, ...]:
            values = [0] * len(index)
            for ident, amount in deltas.items():
                values[index[ident]] += amount
            return tuple(values)

        # Whole delta of one move (posture + action + by_posture), per (posture, action).
        self.move_vectors = {
            (p, a): vector(_merged(tables.posture_effects[p], spec.effects, spec.by_posture.get(p, {})))
            for p in tables.posture_ids for a, spec in tables.actions.items()
        }
        self.synergy_vectors = {ident: vector(effects) for ident, _, effects in tables.synergies}
        self.event_vectors = {e.id: vector(e.effects) for e in tables.events}
        # Per round number: the events its `rounds` allow, as (id, weight, when, deltas), in file order.
        self.event_pools = {
            number: tuple((e.id, e.weight, e.when, self.event_vectors[e.id]) for e in tables.events
                          if e.rounds is None or number in e.rounds)
            for number in range(1, rounds + 1)
        }
        # Actions each character may ever play (`who`), in the engine's order; their costs when not free.
        self.offers = []
        for character in self.characters:
            offered = tuple(ident for ident, spec in tables.actions.items()
                            if spec.who is None or character in spec.who)
            self.offers.append(offered)
        # Resources as lists in the scenario's order; costs as (index, amount).
        resource_index = {r: k for k, (r, _, _) in enumerate(tables.resources)}
        self.caps = tuple(cap for _, cap, _ in tables.resources)
        self.regains = tuple((k, regain) for k, (_, _, regain) in enumerate(tables.resources) if regain)
        self.count = len(self.characters)
        self.start_held = tuple(
            tuple(tables.start_resources[c][r] for r, _, _ in tables.resources) for c in self.characters
        )
        self.costs = {
            ident: tuple((resource_index[r], n) for r, n in spec.cost)
            for ident, spec in tables.actions.items() if spec.cost
        }
        # Turn order of each round, as slots: round r starts with the ((r-1) mod n)-th character.
        count = len(self.characters)
        self.rotations = tuple(tuple((first + k) % count for k in range(count)) for first in range(count))
        # (slot, closed actions, resources held) -> actions the bot may pick: the same few keys recur.
        self.allowed_cache: dict = {}
        # Resources held -> after the round's regain / after paying an action: computed once each.
        regain_one = _regain_of(self.caps, self.regains)
        self.regained = _Memo(lambda everyone: tuple(regain_one(held) for held in everyone))
        self.paid = _Memo(lambda key: tuple(
            held - dict(self.costs[key[1]]).get(k, 0) for k, held in enumerate(key[0])))
        # Postures that cost (as the engine's bot: an unaffordable one is not taken; with none affordable,
        # any free one), paid before the action is drawn among those still affordable.
        self.posture_costs = {p: tuple((resource_index[r], n) for r, n in cost)
                              for p, cost in tables.posture_costs.items() if cost}
        free = tuple(p for p in tables.posture_ids if p not in self.posture_costs)
        self.posture_choices = _Memo(lambda held: tuple(
            p for p in self.candidates if p not in self.posture_costs or _affordable(held, self.posture_costs[p])
        ) or free)
        self.posture_paid = _Memo(lambda key: tuple(
            held - dict(self.posture_costs[key[1]]).get(k, 0) for k, held in enumerate(key[0])))
        # Actions whose availability changes during a game (once, requires): checked once per round.
        self.gated = tuple((ident, spec.once, spec.requires) for ident, spec in tables.actions.items()
                           if spec.once or spec.requires is not None)

    def play(self, seed: int, keep_moves: bool = False, pair_counts: Optional[Counter] = None) -> GameResult:
        """One whole game; each move's (posture, action) is counted in `pair_counts` when given."""
        tables = self.tables
        ids = self.indicator_ids
        lows, highs = self.lows, self.highs
        candidates = self.candidates
        n_candidates = len(candidates)
        move_vectors = self.move_vectors
        characters = self.characters
        char_keys = self.char_keys
        offers = self.offers
        observe = self.observe
        posture_costs, posture_choices, posture_paid = self.posture_costs, self.posture_choices, self.posture_paid
        costs = self.costs
        gated = self.gated
        allowed_cache = self.allowed_cache
        regained = self.regained
        paid = self.paid
        synergies = tables.synergies
        synergy_vectors = self.synergy_vectors
        values = dict(zip(ids, self.start_values))
        resources = list(self.start_held)       # one tuple per slot, replaced (never mutated)
        ever: frozenset[str] = frozenset()
        once_used: set[str] = set()
        drawn: set[str] = set()
        postures = actions = by = None
        past: tuple = ()
        moves = [] if keep_moves else None
        counting = pair_counts is not None
        has_events = bool(tables.events) and tables.events_per_round > 0
        event_pools = self.event_pools
        events_per_round = tables.events_per_round
        # The engine's place_hash(seed, SALT_BOT, round, character), unrolled (see game.engine.bot).
        seed_hash = mix(seed & MASK)
        bot_base = mix(seed_hash ^ SALT_BOT)
        event_base = mix(seed_hash ^ SALT_EVENTS)
        for number in range(1, self.rounds + 1):
            if number > 1 and self.regains:
                resources = list(regained[tuple(resources)])
            before_facts = Facts(number, values, postures, actions, ever, by, past)
            if has_events:
                # The engine's draw_events, on this round's pool (same order, same float arithmetic).
                pool = [e for e in event_pools[number] if e[0] not in drawn and (e[2] is None or e[2](before_facts))]
                if pool:
                    round_base = mix(event_base ^ number)
                    chosen = []
                    for draw_index in range(events_per_round):
                        if not pool:
                            break
                        total = sum(e[1] for e in pool)
                        target = (mix(round_base ^ draw_index) >> 11) * UNIT * total
                        index = len(pool) - 1
                        for position, event in enumerate(pool):
                            target -= event[1]
                            if target < 0:
                                index = position
                                break
                        chosen.append(pool.pop(index))
                    drawn.update(e[0] for e in chosen)
                    totals = chosen[0][3] if len(chosen) == 1 else map(sum, zip(*[e[3] for e in chosen]))
                    values = _clamped(ids, values, totals, lows, highs)
                    before_facts.values = values
            closed = frozenset(
                ident for ident, once, requires in gated
                if (once and ident in once_used) or (requires is not None and not requires(before_facts))
            )
            round_hash = mix(bot_base ^ number)
            vectors = []
            postures = {}
            by = {}
            played = []
            for slot in self.rotations[(number - 1) % self.count]:
                # mix(round_hash ^ character key), inlined: this runs for every move
                draw = ((round_hash ^ char_keys[slot]) + 0x9E3779B97F4A7C15) & MASK
                draw = ((draw ^ (draw >> 30)) * 0xBF58476D1CE4E5B9) & MASK
                draw = ((draw ^ (draw >> 27)) * 0x94D049BB133111EB) & MASK
                draw ^= draw >> 31
                held = resources[slot]
                if posture_costs:
                    choices = posture_choices[held]
                    posture = choices[draw % len(choices)]
                    if posture in posture_costs:
                        held = posture_paid[held, posture]
                else:
                    posture = candidates[draw % n_candidates]
                key = (slot, closed, held)
                allowed = (OBSERVER_ID,) if observe else allowed_cache.get(key)
                if allowed is None:
                    allowed = tuple(
                        ident for ident in offers[slot]
                        if ident not in closed and (ident not in costs or _affordable(held, costs[ident]))
                    )
                    if len(allowed_cache) > CACHE_LIMIT:
                        allowed_cache.clear()
                    allowed_cache[key] = allowed
                action = allowed[(draw >> 32) % len(allowed)]
                if action in costs:
                    resources[slot] = paid[held, action]
                elif posture_costs:
                    resources[slot] = held
                move = (posture, action)
                vectors.append(move_vectors[move])
                postures[characters[slot]] = posture
                by[characters[slot]] = action
                played.append(action)
                if counting:
                    pair_counts[move] += 1
                if keep_moves:
                    moves.append((number, characters[slot], posture, action))
            actions = frozenset(played)
            ever = ever | actions
            past = past + ((postures, by),)
            if synergies:
                facts = Facts(number, values, postures, actions, ever, by, past, {}, ())
                for ident, when, _ in synergies:
                    if when(facts):
                        vectors.append(synergy_vectors[ident])
            values = _clamped(ids, values, map(sum, zip(*vectors)), lows, highs)
            once_used.update(actions)   # only `once` actions are ever looked up in it
        ending = None
        if tables.endings:
            facts = Facts(self.rounds, values, postures, actions, ever, by, past, {}, ())
            for ident, when in tables.endings:
                if when is None or when(facts):
                    ending = ident
                    break
        return GameResult(values, ending, moves)


class _Memo(dict):
    """A dict that computes a missing value once with `compute(key)`."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value


def _affordable(held: list[int], cost) -> bool:
    for k, amount in cost:
        if held[k] < amount:
            return False
    return True


def _regain_of(caps, regains):
    def regain(held: tuple[int, ...]) -> tuple[int, ...]:
        grown = list(held)
        for k, amount in regains:
            grown[k] = min(caps[k], grown[k] + amount)
        return tuple(grown)
    return regain


def _merged(*deltas) -> dict[str, int]:
    total: dict[str, int] = {}
    for delta in deltas:
        for ident, amount in delta.items():
            total[ident] = total.get(ident, 0) + amount
    return total


def _clamped(ids, values, totals, lows, highs) -> dict[str, int]:
    """Add the round's totals (in indicator order) and clamp each indicator once."""
    return {
        ident: low if value < low else high if value > high else value
        for ident, value, low, high in zip(ids, map(add, values.values(), totals), lows, highs)
    }
