"""Conditions of the scenario format, compiled once into small functions of a `Facts` snapshot.

The format page's table is implemented here and nowhere else: `Facts` says which
round the "in the round" tests look at (None: there is none, e.g. `requires`
in round 1, and those tests do not hold) and which indicator values and
played actions the other tests see. Callers build the right `Facts` for
each use (requires, events, synergies, triggers, endings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Optional

if TYPE_CHECKING:
    from game.content.model import Condition


class Facts:
    """What a condition may look at."""

    __slots__ = ("round", "values", "postures", "actions", "ever")

    def __init__(
        self,
        round: int,
        values: Mapping[str, int],
        postures: Optional[Mapping[str, str]],
        actions: Optional[Iterable[str]],
        ever: Iterable[str],
    ):
        self.round = round                  # round_at_least / round_at_most
        self.values = values                # indicator tests
        self.postures = postures            # character -> posture in "the round", or None
        self.actions = actions              # actions played in "the round", or None
        self.ever = ever                    # actions played in the game so far


Test = Callable[[Facts], bool]


def compile_condition(condition: Condition, coop_of: Mapping[str, int]) -> Test:
    """A function telling whether `condition` holds on some Facts (all its tests must hold)."""
    tests = [test for name, test in compile_tests(condition, coop_of)]
    if not tests:
        return _always
    if len(tests) == 1:
        return tests[0]
    return lambda facts: all(test(facts) for test in tests)


def failing_tests(condition: Condition, coop_of: Mapping[str, int], facts: Facts) -> list[str]:
    """Names of the top-level tests of `condition` that do not hold (to tell a player why)."""
    return [name for name, test in compile_tests(condition, coop_of) if not test(facts)]


def _always(facts: Facts) -> bool:
    return True


def compile_tests(condition: Condition, coop_of: Mapping[str, int]) -> list[tuple[str, Test]]:
    tests: list[tuple[str, Test]] = []
    c = condition
    if c.round_at_least is not None:
        low = c.round_at_least
        tests.append(("round_at_least", lambda f: f.round >= low))
    if c.round_at_most is not None:
        high = c.round_at_most
        tests.append(("round_at_most", lambda f: f.round <= high))
    # The one-item forms below are the common case; they skip a generator (the simulator runs them millions of times).
    if c.indicator_at_least is not None:
        tests.append(("indicator_at_least", _indicator_test(c.indicator_at_least, at_least=True)))
    if c.indicator_at_most is not None:
        tests.append(("indicator_at_most", _indicator_test(c.indicator_at_most, at_least=False)))
    if c.posture_count is not None:
        counts = tuple(c.posture_count.items())
        if len(counts) == 1:
            (only, least), = counts

            def posture_count(f: Facts) -> bool:
                return f.postures is not None and list(f.postures.values()).count(only) >= least
        else:
            def posture_count(f: Facts) -> bool:
                if f.postures is None:
                    return False
                taken = list(f.postures.values())
                return all(taken.count(posture) >= n for posture, n in counts)

        tests.append(("posture_count", posture_count))
    if c.coop_average_at_least is not None:
        floor = c.coop_average_at_least
        tests.append(("coop_average_at_least", lambda f: _coop_average(f, coop_of, floor, True)))
    if c.coop_average_at_most is not None:
        ceiling = c.coop_average_at_most
        tests.append(("coop_average_at_most", lambda f: _coop_average(f, coop_of, ceiling, False)))
    if c.action_played is not None:
        wanted = tuple(c.action_played)
        tests.append(("action_played",
                      lambda f: f.actions is not None and all(a in f.actions for a in wanted)))
    if c.ever_played is not None:
        wanted_ever = tuple(c.ever_played)
        tests.append(("ever_played", lambda f: all(a in f.ever for a in wanted_ever)))
    if c.character_posture is not None:
        pairs = tuple(c.character_posture.items())
        tests.append(("character_posture",
                      lambda f: f.postures is not None
                      and all(f.postures.get(ch) == p for ch, p in pairs)))
    if c.any is not None:
        options = tuple(compile_condition(sub, coop_of) for sub in c.any)
        tests.append(("any", lambda f: any(option(f) for option in options)))
    if c.not_ is not None:
        negated = compile_condition(c.not_, coop_of)
        tests.append(("not", lambda f: not negated(f)))
    return tests


def _indicator_test(bounds: Mapping[str, int], at_least: bool) -> Test:
    pairs = tuple(bounds.items())
    if len(pairs) == 1:
        (ident, bound), = pairs
        if at_least:
            return lambda f: f.values[ident] >= bound
        return lambda f: f.values[ident] <= bound
    if at_least:
        return lambda f: all(f.values[k] >= v for k, v in pairs)
    return lambda f: all(f.values[k] <= v for k, v in pairs)


def _coop_average(facts: Facts, coop_of: Mapping[str, int], bound: float, at_least: bool) -> bool:
    if not facts.postures:
        # No round to look at (or nobody in play): the test does not hold.
        return False
    values = [coop_of[p] for p in facts.postures.values()]
    average = sum(values) / len(values)
    return average >= bound if at_least else average <= bound
