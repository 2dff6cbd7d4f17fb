"""The simulator's loop for many games at once: the fast loop's games, played as numpy arrays.

`FastGame.play` plays one game at a time in Python (tens of microseconds a
game). Here every game of a batch advances together: one array row per game,
the same hashes (SplitMix64 in wrapping uint64 arithmetic), the same float
arithmetic for the event draw, the same bot choice and the same clamping, so
the results are those of the fast loop, game for game — tests compare the
two on every bundled and outside scenario, for every policy.

Conditions are compiled into functions of whole batches. A scenario whose
conditions use a test this module does not know is refused with
`Unsupported`, and the caller plays it with the fast loop instead: the
vectorised path is a shortcut, never the only way.
"""

from __future__ import annotations

import os
from typing import Callable, Optional, Sequence

# The loop does no linear algebra, yet numpy's OpenBLAS starts a thread per core at import, which spin
# while the games run (0.07-0.11 s of CPU per `coop simulate` of 5,000 games on 2 cores). One thread
# is enough; a value the user set still wins. Set before numpy's first import (no effect after it).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402 - after the thread count

from game.content.constants import OBSERVER_ID
from game.content.plain import fields_in_use
from game.engine.conditions import reading_of
from game.engine.draws import MASK, SALT_BOT, SALT_EVENTS, SALT_GAME, mix
from game.sim.fastgame import FastGame

BATCH = 16_384            # games advanced together: bounds memory (a few MB a batch)
_UNIT = 1.0 / (1 << 53)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)


class Unsupported(Exception):
    """The scenario uses something the vectorised loop does not play: use the fast loop."""


def vmix(values: np.ndarray) -> np.ndarray:
    """`game.engine.draws.mix` on a uint64 array (numpy's uint64 arithmetic wraps like `& MASK`)."""
    v = values + _GOLDEN
    v = (v ^ (v >> np.uint64(30))) * _M1
    v = (v ^ (v >> np.uint64(27))) * _M2
    return v ^ (v >> np.uint64(31))


def game_seeds(seed: int, start: int, stop: int) -> np.ndarray:
    """`game.engine.draws.game_seed(seed, index)` for index in start..stop."""
    base = mix(mix(seed & MASK) ^ SALT_GAME)
    return vmix(np.uint64(base) ^ np.arange(start, stop, dtype=np.uint64)) >> np.uint64(1)


class Batch:
    """What a condition may look at, for every game of a batch (the vector form of `Facts`)."""

    __slots__ = ("round", "values", "postures", "actions", "ever", "size", "played", "past")

    def __init__(self, round: int, values, postures, actions, ever, size: int, played=None, past=()):
        self.round = round          # the round number, the same for every game
        self.values = values        # int64 [games, indicators]
        self.postures = postures    # int [games, characters in play]: posture index, or None (no round)
        self.actions = actions      # bool [games, actions]: played in "the round", or None
        self.ever = ever            # bool [games, actions]: played so far
        self.size = size
        self.played = played        # int [games, characters in play]: action index, or None (no round)
        self.past = past            # (postures, played) of every round counted in `ever`


VTest = Callable[[Batch], np.ndarray]

# The condition tests played here (field names of game.content.model.Condition); any other one
# sends its scenario to the fast loop.
KNOWN_TESTS = frozenset({
    "round_at_least", "round_at_most", "indicator_at_least", "indicator_at_most", "posture_count",
    "coop_average_at_least", "coop_average_at_most", "action_played", "ever_played", "character_posture",
    "character_action", "moves", "split_verdicts", "any", "not_",
})


class Compiler:
    """Turns the scenario's conditions into functions of a Batch (bool array, one value per game)."""

    def __init__(self, loop: FastGame):
        tables = loop.tables
        self.indicator = {ident: k for k, ident in enumerate(tables.indicator_ids)}
        self.posture = {ident: k for k, ident in enumerate(tables.posture_ids)}
        self.action = {ident: k for k, ident in enumerate(tables.action_ids)}
        self.slot = {ident: k for k, ident in enumerate(loop.characters)}
        coop = [tables.coop_of[p] for p in tables.posture_ids]
        self.coop = np.array([0 if value is None else value for value in coop], dtype=np.int64)
        self.coop_read = np.array([value is not None for value in coop], dtype=bool)   # not "à débattre"
        self.readings = [reading_of(value) for value in coop]
        tags_of = getattr(tables, "tags_of", {})
        self.tags = [frozenset(tags_of.get(ident, ())) for ident in loop.characters]

    def compile(self, condition) -> Optional[VTest]:
        """None when the condition always holds (no test)."""
        if condition is None:
            return None
        tests = self._tests(condition)
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]

        def every(batch: Batch) -> np.ndarray:
            held = tests[0](batch)
            for test in tests[1:]:
                held = held & test(batch)
            return held
        return every

    def _tests(self, c) -> list[VTest]:
        used = fields_in_use(c)
        if used - KNOWN_TESTS:
            raise Unsupported(", ".join(sorted(used - KNOWN_TESTS)))
        tests: list[VTest] = []
        if c.round_at_least is not None:
            low = c.round_at_least
            tests.append(lambda b: np.full(b.size, b.round >= low))
        if c.round_at_most is not None:
            high = c.round_at_most
            tests.append(lambda b: np.full(b.size, b.round <= high))
        for bounds, at_least in ((c.indicator_at_least, True), (c.indicator_at_most, False)):
            if bounds is not None:
                columns = np.array([self.indicator[i] for i in bounds], dtype=np.intp)
                limits = np.array(list(bounds.values()), dtype=np.int64)
                if at_least:
                    tests.append(lambda b, k=columns, v=limits: (b.values[:, k] >= v).all(axis=1))
                else:
                    tests.append(lambda b, k=columns, v=limits: (b.values[:, k] <= v).all(axis=1))
        if c.posture_count is not None:
            counts = [(self.posture[p], n) for p, n in c.posture_count.items()]

            def posture_count(b: Batch) -> np.ndarray:
                if b.postures is None:
                    return np.zeros(b.size, dtype=bool)
                held = np.ones(b.size, dtype=bool)
                for index, least in counts:
                    held &= (b.postures == index).sum(axis=1) >= least
                return held
            tests.append(posture_count)
        for bound, at_least in ((c.coop_average_at_least, True), (c.coop_average_at_most, False)):
            if bound is not None:
                tests.append(self._coop_average(bound, at_least))
        if c.action_played is not None:
            columns = np.array([self.action[a] for a in c.action_played], dtype=np.intp)

            def action_played(b: Batch, k=columns) -> np.ndarray:
                if b.actions is None:
                    return np.zeros(b.size, dtype=bool)
                return b.actions[:, k].all(axis=1)
            tests.append(action_played)
        if c.ever_played is not None:
            columns = np.array([self.action[a] for a in c.ever_played], dtype=np.intp)
            tests.append(lambda b, k=columns: b.ever[:, k].all(axis=1))
        if c.character_posture is not None:
            tests.append(self._per_character(c.character_posture, self.posture, "postures"))
        if getattr(c, "character_action", None) is not None:
            tests.append(self._per_character(c.character_action, self.action, "played"))
        if getattr(c, "moves", None) is not None:
            tests.append(self._moves(c.moves))
        if getattr(c, "split_verdicts", None) is not None:
            # Simulated games cast no verdict: no move ever split the room, so the count is 0.
            split = c.split_verdicts
            holds = _within(0, split.at_least, split.at_most)
            tests.append(lambda b: np.full(b.size, holds))
        if c.any is not None:
            options = [self.compile(sub) for sub in c.any]

            def any_of(b: Batch) -> np.ndarray:
                held = np.zeros(b.size, dtype=bool)
                for option in options:
                    held |= np.ones(b.size, dtype=bool) if option is None else option(b)
                return held
            tests.append(any_of)
        if c.not_ is not None:
            negated = self.compile(c.not_)
            tests.append(lambda b: np.zeros(b.size, dtype=bool) if negated is None else ~negated(b))
        return tests

    def _per_character(self, wanted, index_of, column: str) -> VTest:
        """character_posture / character_action: each named character took that posture (played that
        action) in "the round"; a character not in play takes none, so the test does not hold."""
        pairs = [(self.slot.get(ch), index_of[value]) for ch, value in wanted.items()]

        def per_character(b: Batch) -> np.ndarray:
            taken = getattr(b, column)
            if taken is None or any(slot is None for slot, _ in pairs):
                return np.zeros(b.size, dtype=bool)
            held = np.ones(b.size, dtype=bool)
            for slot, index in pairs:
                held &= taken[:, slot] == index
            return held
        return per_character

    def _moves(self, test) -> VTest:
        """`game.engine.conditions.moves_matcher`, counted over whole batches."""
        selected = np.array([(test.character is None or ident == test.character)
                             and (test.tag is None or test.tag in self.tags[k])
                             for k, ident in enumerate(self.slot)], dtype=bool)
        posture = None if test.posture is None else self.posture[test.posture]
        action = None if test.action is None else self.action[test.action]
        reading_ok = None if test.reading is None else np.array(
            [reading == test.reading for reading in self.readings], dtype=bool)
        least, most, every, whole_game = test.at_least, test.at_most, test.every, test.in_ == "game"

        def moves(b: Batch) -> np.ndarray:
            if whole_game:
                rounds = b.past
            elif b.postures is None or b.played is None:
                return np.zeros(b.size, dtype=bool)
            else:
                rounds = ((b.postures, b.played),)
            counts = np.zeros((b.size, len(selected)), dtype=np.int64)
            for taken, done in rounds:
                match = np.broadcast_to(selected, counts.shape).copy()
                if posture is not None:
                    match &= taken == posture
                if action is not None:
                    match &= done == action
                if reading_ok is not None:
                    match &= reading_ok[taken]
                counts += match
            if every:
                if not rounds or not selected.any():
                    return np.zeros(b.size, dtype=bool)      # nobody selected moved: no one to vouch for
                return _within_array(counts[:, selected], least, most).all(axis=1)
            return _within_array(counts.sum(axis=1), least, most)
        return moves

    def _coop_average(self, bound: float, at_least: bool) -> VTest:
        coop, read = self.coop, self.coop_read

        def average(b: Batch) -> np.ndarray:
            if b.postures is None or b.postures.shape[1] == 0:
                return np.zeros(b.size, dtype=bool)
            # A posture à débattre counts in no average; no posture read at all: the test does not hold.
            # The sum of small integers is exact; one true division, as `sum(values) / len(values)`.
            counted = read[b.postures].sum(axis=1)
            mean = coop[b.postures].sum(axis=1) / np.maximum(counted, 1)
            held = mean >= bound if at_least else mean <= bound
            return held & (counted > 0)
        return average


def _bounds(least, most) -> tuple[int, Optional[int]]:
    """`at_least` defaults to 1, or to 0 when only `at_most` is given (as conditions._within)."""
    if least is None:
        least = 0 if most is not None else 1
    return least, most


def _within(count: int, least, most) -> bool:
    least, most = _bounds(least, most)
    return count >= least and (most is None or count <= most)


def _within_array(counts: np.ndarray, least, most) -> np.ndarray:
    least, most = _bounds(least, most)
    held = counts >= least
    return held if most is None else held & (counts <= most)


class VectorGames:
    """The fast loop's games for one scenario, table and policy, played a batch at a time."""

    def __init__(self, scenario, loop: FastGame):
        self.loop = loop
        tables = loop.tables
        compiler = Compiler(loop)
        self.action_ids = tables.action_ids
        self.posture_ids = tables.posture_ids
        action = compiler.action
        n_actions, n_indicators = len(self.action_ids), len(loop.indicator_ids)
        self.lows = np.array(loop.lows, dtype=np.int64)
        self.highs = np.array(loop.highs, dtype=np.int64)
        self.start_values = np.array(loop.start_values, dtype=np.int64)
        self.candidates = np.array([compiler.posture[p] for p in loop.candidates], dtype=np.intp)
        self.observe = loop.observe
        self.char_keys = [np.uint64(key) for key in loop.char_keys]
        # Whole delta of a move: [posture, action, indicator].
        move_vectors = np.zeros((len(self.posture_ids), n_actions, n_indicators), dtype=np.int64)
        for (posture, act), vector in loop.move_vectors.items():
            move_vectors[compiler.posture[posture], action[act]] = vector
        self.move_vectors = move_vectors.reshape(-1, n_indicators)     # row posture * n_actions + action
        # Per slot: the actions it is ever offered, in the engine's order.
        self.offers = [np.array([action[a] for a in offered], dtype=np.intp) for offered in loop.offers]
        self.observer = action[OBSERVER_ID]
        n_resources = len(loop.caps)
        self.caps = np.array(loop.caps, dtype=np.int64)
        self.regain = np.zeros(n_resources, dtype=np.int64)
        for k, amount in loop.regains:
            self.regain[k] = amount
        self.start_held = np.array(loop.start_held, dtype=np.int64).reshape(loop.count, n_resources)
        # Postures that cost: an unaffordable one is not taken; with none affordable, any free one.
        self.posture_cost = None
        if loop.posture_costs:
            self.posture_cost = np.zeros((len(self.posture_ids), n_resources), dtype=np.int64)
            for ident, pairs in loop.posture_costs.items():
                for k, amount in pairs:
                    self.posture_cost[compiler.posture[ident], k] = amount
            self.free = np.array([compiler.posture[p] for p in self.posture_ids if p not in loop.posture_costs],
                                 dtype=np.intp)
            # Per candidate (in order): its (resource, amount) of nonzero cost.
            self.candidate_costs = [_nonzero(self.posture_cost[p]) for p in self.candidates]
            self.posture_cost_columns = _columns(self.posture_cost)
        self.cost = np.zeros((n_actions, n_resources), dtype=np.int64)
        for ident, pairs in loop.costs.items():
            for k, amount in pairs:
                self.cost[action[ident], k] = amount
        # Per slot: (row among its offers, resource, amount) of every nonzero cost, and the resources
        # any of its offers costs, with each action's cost of that resource (a column of `cost`).
        self.offer_costs = [[(row, k, amount) for row, ident in enumerate(offered)
                             for k, amount in _nonzero(self.cost[ident])] for offered in self.offers]
        self.offer_cost_columns = [[(k, column) for k, column in _columns(self.cost)
                                    if column[offered].any()] for offered in self.offers]
        self.rotations = loop.rotations
        self.count = loop.count
        self.rounds = loop.rounds
        # The fast loop holds compiled scalar tests; the vector ones are compiled from the scenario's own.
        requires_of = {a.id: a.requires for a in scenario.actions}
        when_of_event = {e.id: e.when for e in scenario.events}
        when_of_synergy = {s.id: s.when for s in scenario.synergies}
        when_of_ending = {e.id: e.when for e in scenario.endings}
        self.gated = [(action[ident], once, compiler.compile(requires_of.get(ident)), requires is not None)
                      for ident, once, requires in loop.gated]
        events = tables.events
        self.has_events = bool(events) and tables.events_per_round > 0
        self.events_per_round = tables.events_per_round
        self.event_index = {e.id: k for k, e in enumerate(events)}
        # One row per event, and a last row of zeros: what a game that draws nothing adds.
        self.event_vectors = np.array([loop.event_vectors[e.id] for e in events] + [[0] * n_indicators],
                                      dtype=np.int64).reshape(len(events) + 1, n_indicators)
        self.event_pools = {
            number: [(self.event_index[ident], weight, compiler.compile(when_of_event[ident]))
                     for ident, weight, _, _ in loop.event_pools[number]]
            for number in range(1, loop.rounds + 1)
        }
        self.synergies = [(compiler.compile(when_of_synergy[ident]),
                           np.array(loop.synergy_vectors[ident], dtype=np.int64))
                          for ident, _, _ in tables.synergies]
        self.endings = [(ident, compiler.compile(when_of_ending[ident])) for ident, _ in tables.endings]

    def play(self, seeds: np.ndarray):
        """Final values [games, indicators], ending index per game (-1: none), and (posture, action) counts."""
        values_out, endings_out = [], []
        pairs = np.zeros((len(self.posture_ids), len(self.action_ids)), dtype=np.int64)
        for start in range(0, len(seeds), BATCH):
            values, ending = self._play_batch(seeds[start:start + BATCH], pairs)
            values_out.append(values)
            endings_out.append(ending)
        if not values_out:
            return np.zeros((0, len(self.lows)), dtype=np.int64), np.zeros(0, dtype=np.int64), pairs
        return np.concatenate(values_out), np.concatenate(endings_out), pairs

    def _play_batch(self, seeds: np.ndarray, pairs: np.ndarray):
        """One batch of games. Arrays a move reads or writes for every game are laid out games last
        ([resources, games], [offered actions, games]): each step is then an operation on whole rows,
        where a short last axis (a handful of actions or resources) made numpy's reductions and
        cumulative sums crawl (measured: 14.8 µs a game at 5000 games, against 3.5 µs laid out so)."""
        size = len(seeds)
        n_actions = len(self.action_ids)
        values = np.broadcast_to(self.start_values, (size, len(self.start_values))).copy()
        held = np.broadcast_to(self.start_held[:, :, None], self.start_held.shape + (size,)).copy()
        ever = np.zeros((size, n_actions), dtype=bool)
        drawn = np.zeros((max(1, len(self.event_index)), size), dtype=bool)     # [event, game]
        postures = actions = played_by = None
        past: tuple = ()
        seed_hash = vmix(seeds)
        bot_base = vmix(seed_hash ^ np.uint64(SALT_BOT))
        event_base = vmix(seed_hash ^ np.uint64(SALT_EVENTS))
        rows = np.arange(size)
        n_candidates = np.uint64(len(self.candidates))
        for number in range(1, self.rounds + 1):
            if number > 1 and self.regain.any():
                held = np.minimum(self.caps[:, None], held + self.regain[:, None])
            before = Batch(number, values, postures, actions, ever, size, played_by, past)
            if self.has_events:
                values = self._draw_events(number, before, drawn, event_base)
                before.values = values
            closed = np.zeros((n_actions, size), dtype=bool)      # [action, game]
            for index, once, requires, has_requires in self.gated:
                shut = ever[:, index].copy() if once else np.zeros(size, dtype=bool)
                if has_requires:
                    shut |= np.zeros(size, dtype=bool) if requires is None else ~requires(before)
                closed[index] = shut
            round_hash = vmix(bot_base ^ np.uint64(number))
            total = np.zeros_like(values)
            postures = np.zeros((size, self.count), dtype=np.intp)
            played_by = np.zeros((size, self.count), dtype=np.intp)
            played = np.zeros((size, n_actions), dtype=bool)
            for slot in self.rotations[(number - 1) % self.count]:
                draw = vmix(round_hash ^ self.char_keys[slot])
                mine = held[slot]                                   # [resource, game], a view
                if self.posture_cost is None:
                    posture = self.candidates[(draw % n_candidates).astype(np.intp)]
                else:
                    posture = self._costly_posture(draw, mine)
                    for k, column in self.posture_cost_columns:
                        mine[k] -= column[posture]
                if self.observe:
                    action = np.full(size, self.observer, dtype=np.intp)
                else:
                    offered = self.offers[slot]
                    allowed = ~closed[offered]                      # [offered, game]
                    for row, k, amount in self.offer_costs[slot]:
                        allowed[row] &= mine[k] >= amount
                    counts = allowed.sum(axis=0).astype(np.uint64)
                    pick = (draw >> np.uint64(32)) % counts
                    action = offered[_nth_true(allowed, pick)]
                    for k, column in self.offer_cost_columns[slot]:
                        mine[k] -= column[action]
                postures[:, slot] = posture
                played_by[:, slot] = action
                played[rows, action] = True
                move = posture * n_actions + action
                total += self.move_vectors[move]
                pairs += np.bincount(move, minlength=pairs.size).reshape(pairs.shape)
            actions = played
            ever = ever | played
            past = past + ((postures, played_by),)
            if self.synergies:
                facts = Batch(number, values, postures, actions, ever, size, played_by, past)
                for when, vector in self.synergies:
                    fired = np.ones(size, dtype=bool) if when is None else when(facts)
                    total += fired[:, None] * vector
            values = np.clip(values + total, self.lows, self.highs)
        ending = np.full(size, -1, dtype=np.int64)
        if self.endings:
            facts = Batch(self.rounds, values, postures, actions, ever, size, played_by, past)
            open_ = np.ones(size, dtype=bool)
            for k, (_, when) in enumerate(self.endings):
                holds = open_ if when is None else open_ & when(facts)
                ending[holds] = k
                open_ &= ~holds
        return values, ending

    def _costly_posture(self, draw: np.ndarray, held: np.ndarray) -> np.ndarray:
        """The fast loop's posture_choices: the candidates this game can pay (`held`: [resource, game]),
        else the free postures."""
        candidates = self.candidates
        afford = np.ones((len(candidates), len(draw)), dtype=bool)   # [candidate, game]
        for row, pairs in enumerate(self.candidate_costs):
            for k, amount in pairs:
                afford[row] &= held[k] >= amount
        count = afford.sum(axis=0).astype(np.uint64)
        pick = draw % np.maximum(count, np.uint64(1))
        chosen = candidates[_nth_true(afford, pick)]
        fallback = self.free[(draw % np.uint64(len(self.free))).astype(np.intp)]
        return np.where(count > 0, chosen, fallback)

    def _draw_events(self, number: int, before: Batch, drawn: np.ndarray, event_base) -> np.ndarray:
        """The engine's draw_events for every game: weights summed in file order, the same float steps.
        `drawn` ([event, game]) is updated with the events each game draws."""
        size = before.size
        pool = self.event_pools[number]
        if not pool:
            return before.values
        in_pool = np.empty((len(pool), size), dtype=bool)             # [pool entry, game]
        for column, (index, _, when) in enumerate(pool):
            in_pool[column] = ~drawn[index] if when is None else ~drawn[index] & when(before)
        weights = [weight for _, weight, _ in pool]
        nothing = len(self.event_index)                                 # the zero row of event_vectors
        round_base = vmix(event_base ^ np.uint64(number))
        added = np.zeros_like(before.values)
        for draw_index in range(self.events_per_round):
            live = in_pool.any(axis=0)
            if not live.any():
                break
            total = np.zeros(size)
            for column, weight in enumerate(weights):
                total += np.where(in_pool[column], weight, 0.0)       # adding 0.0 keeps the engine's sum
            unit = (vmix(round_base ^ np.uint64(draw_index)) >> np.uint64(11)).astype(np.float64) * _UNIT
            target = unit * total
            chosen = np.full(size, -1, dtype=np.intp)
            last = np.full(size, -1, dtype=np.intp)
            for column, weight in enumerate(weights):
                here = in_pool[column]
                last[here] = column
                np.subtract(target, weight, out=target, where=here)
                chosen[(chosen < 0) & here & (target < 0)] = column
            chosen = np.where(chosen < 0, last, chosen)      # rounding left no step below zero: the last one
            event = np.full(size, nothing, dtype=np.intp)
            for column, (index, _, _) in enumerate(pool):
                hit = chosen == column                       # -1 (nothing left to draw) is no column
                in_pool[column] &= ~hit
                drawn[index] |= hit
                event[hit] = index
            added += self.event_vectors[event]
        return np.clip(before.values + added, self.lows, self.highs)


def _nonzero(costs: np.ndarray) -> list[tuple[int, int]]:
    """(resource, amount) of each nonzero amount of a row of costs."""
    return [(k, int(amount)) for k, amount in enumerate(costs) if amount]


def _columns(costs: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """(resource, column) of each resource that some row of `costs` ([row, resource]) costs."""
    return [(k, np.ascontiguousarray(costs[:, k])) for k in range(costs.shape[1]) if costs[:, k].any()]


def _nth_true(rows: np.ndarray, pick: np.ndarray) -> np.ndarray:
    """For each game (column of `rows`, a bool [options, game]), the index of its (pick+1)-th true
    option; the last option when it has no such one (the fast loop then has nothing to pick either:
    its caller never asks). A running count down the rows in small integers: an option count fits."""
    seen = np.zeros(rows.shape[1], dtype=np.int16)
    index = np.zeros(rows.shape[1], dtype=np.int16)
    wanted = pick.astype(np.int16)
    for row in rows:
        seen += row
        index += seen <= wanted
    return np.minimum(index, len(rows) - 1).astype(np.intp)


def vector_games(scenario, loop: FastGame) -> Optional[VectorGames]:
    """The vectorised form of `loop`, or None when its scenario needs the fast loop."""
    try:
        return VectorGames(scenario, loop)
    except Unsupported:
        return None


def play_range(games: VectorGames, seed: int, start: int, stop: int):
    """The results of games start..stop of a run with `seed` (as `Tally.play` numbers them)."""
    return games.play(game_seeds(seed, start, stop))


def ending_ids(games: VectorGames) -> Sequence[str]:
    return [ident for ident, _ in games.endings]
