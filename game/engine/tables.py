"""A scenario compiled once into the lookups the rules use on every move (no pydantic in hot loops)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Optional

from typing import TYPE_CHECKING

from game.content.constants import OBSERVER_ID
# At the top, not in tables_for: an import statement there cost a microsecond on each of the rules'
# calls (some 600 in a 20-round replay).
from game.content.loaded import source_digest
from game.content.plain import prompt_of
from game.engine.conditions import Lookups, Test, compile_condition

if TYPE_CHECKING:
    from game.content.model import Condition, Scenario


class EventSpec:
    __slots__ = ("id", "rounds", "when", "weight", "effects")

    def __init__(self, id, rounds, when, weight, effects):
        self.id = id
        self.rounds = rounds
        self.when = when
        self.weight = weight
        self.effects = effects


class ActionSpec:
    __slots__ = ("id", "who", "cost", "requires", "once", "effects", "by_posture")

    def __init__(self, id, who, cost, requires, once, effects, by_posture):
        self.id = id
        self.who: Optional[frozenset[str]] = who
        self.cost: tuple[tuple[str, int], ...] = cost
        self.requires: Optional[Test] = requires
        self.once: bool = once
        self.effects: dict[str, int] = effects
        self.by_posture: dict[str, dict[str, int]] = by_posture


OBSERVER = ActionSpec(OBSERVER_ID, None, (), None, False, {}, {})


class Tables:
    """Everything the rules need from a scenario, as plain dicts, tuples and compiled conditions."""

    def __init__(self, scenario: Scenario):
        self.indicator_ids = tuple(i.id for i in scenario.indicators)
        self.bounds = {i.id: (i.min, i.max) for i in scenario.indicators}
        self.start_values = {i.id: i.start for i in scenario.indicators}
        self.posture_ids = tuple(p.id for p in scenario.postures)
        self.coop_of = {p.id: p.coop for p in scenario.postures}
        self.posture_effects = {p.id: dict(p.effects) for p in scenario.postures}
        # A posture's cost (cooperation takes time) is paid with the action's, at confirmation.
        self.posture_costs = {p.id: tuple((r, n) for r, n in getattr(p, "cost", {}).items() if n > 0)
                              for p in scenario.postures}
        self.tags_of = {c.id: frozenset(c.tags) for c in scenario.characters}
        self.lookups = Lookups(self.coop_of, self.tags_of)
        self._compiled: dict[int, tuple] = {}

        def compile_(condition: Optional[Condition]) -> Optional[Test]:
            return None if condition is None else compile_condition(condition, self.lookups)

        def required(condition: Condition) -> Test:   # synergies and triggers always have one
            return compile_condition(condition, self.lookups)

        self.actions: dict[str, ActionSpec] = {}
        for a in scenario.actions:
            self.actions[a.id] = ActionSpec(
                a.id,
                None if a.who is None else frozenset(a.who),
                tuple((r, n) for r, n in a.cost.items() if n > 0),
                compile_(a.requires),
                a.once,
                dict(a.effects),
                {p: dict(d) for p, d in a.by_posture.items()},
            )
        self.actions[OBSERVER_ID] = OBSERVER
        # Offered in file order, the built-in observer last.
        self.action_ids = tuple(self.actions)
        self.events = tuple(
            EventSpec(e.id, None if e.rounds is None else frozenset(e.rounds), compile_(e.when),
                      float(e.weight), dict(e.effects))
            for e in scenario.events
        )
        self.event_effects = {e.id: e.effects for e in self.events}
        self.events_per_round = scenario.events_per_round or 0
        self.synergies = tuple((s.id, required(s.when), dict(s.effects)) for s in scenario.synergies)
        self.synergy_effects = {s.id: dict(s.effects) for s in scenario.synergies}
        self.triggers = tuple((required(t.when), prompt_of(t.ask)) for t in scenario.debrief.triggers)
        self.endings = tuple((e.id, compile_(e.when)) for e in scenario.endings)
        self.resources = tuple((r.id, r.max, r.per_round) for r in scenario.resources)
        self.start_resources = {
            c.id: {r.id: c.resources.get(r.id, r.max) for r in scenario.resources}
            for c in scenario.characters
        }

    def test_of(self, condition) -> Test:
        """The compiled test of any condition of the scenario (variants, name_as), compiled once."""
        key = id(condition)
        hit = self._compiled.get(key)
        if hit is None or hit[0] is not condition:
            hit = self._compiled[key] = (condition, compile_condition(condition, self.lookups))
        return hit[1]

    def posture_candidates(self, policy: str) -> tuple[str, ...]:
        """Postures the bot picks among: all (random), the highest `coop` (coop), the lowest (solo)."""
        if policy == "random":
            return self.posture_ids
        # Postures without a `coop` value (à débattre) are read by the room, not by a policy.
        read = [v for v in self.coop_of.values() if v is not None]
        if not read:
            return self.posture_ids
        target = (max if policy == "coop" else min)(read)
        return tuple(p for p in self.posture_ids if self.coop_of[p] == target)


_CACHE: "OrderedDict[int | str, tuple[Scenario, Tables]]" = OrderedDict()


def tables_for(scenario: Scenario) -> Tables:
    """The compiled tables of a scenario, built on first use and kept for the few scenarios in use:
    by the SHA-256 of the bytes it was loaded from when the loader knows it (the same file loaded
    again shares its tables), else by identity."""
    key = source_digest(scenario) or id(scenario)
    hit = _CACHE.get(key)
    if hit is not None and (hit[0] is scenario or isinstance(key, str)):
        _CACHE.move_to_end(key)
        return hit[1]
    tables = Tables(scenario)
    _CACHE[key] = (scenario, tables)
    while len(_CACHE) > 16:
        _CACHE.popitem(last=False)
    return tables
