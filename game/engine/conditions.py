"""Conditions of the scenario format, compiled once into small functions of a `Facts` snapshot.

The format page's table is implemented here and nowhere else: `Facts` says which
round the "in the round" tests look at (None: there is none, e.g. `requires`
in round 1, and those tests do not hold) and which indicator values and
played actions the other tests see. Callers build the right `Facts` for
each use (requires, events, synergies, triggers, endings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Optional, Sequence

if TYPE_CHECKING:
    from game.content.model import Condition


# A verdict is split ("avis partagés") when the room really disagrees: no answer has more than half of
# the votes cast, or the two largest answers are less than a fifth of the voters apart (11 / 9 / 0).
# 12 / 3 / 5 is a clear COOP (60 %, 7 votes ahead), not a split. The first edition flagged any answer
# under two thirds, 17 moves of 25 in a real workshop; scripts/split_rule.py measures both rules.
SPLIT_MAJORITY = 1 / 2
SPLIT_MARGIN = 1 / 5


def is_split(verdict) -> bool:
    """Real disagreement in the room: votes were cast, and no answer has more than half of them, or the
    two largest answers are less than a fifth of the voters apart.

        >>> from game.engine.state import Verdict
        >>> is_split(Verdict(12, 3, 5)), is_split(Verdict(11, 9, 0)), is_split(Verdict(8, 6, 6))
        (False, True, True)
    """
    total = verdict.coop + verdict.pas_coop + verdict.depends
    if total <= 0:
        return False
    first, second, _ = sorted((verdict.coop, verdict.pas_coop, verdict.depends), reverse=True)
    return first <= SPLIT_MAJORITY * total or first - second < SPLIT_MARGIN * total


class Facts:
    """What a condition may look at."""

    __slots__ = ("round", "values", "postures", "actions", "ever", "played", "past", "verdicts", "past_verdicts")

    def __init__(
        self,
        round: int,
        values: Mapping[str, int],
        postures: Optional[Mapping[str, str]],
        actions: Optional[Iterable[str]],
        ever: Iterable[str],
        played: Optional[Mapping[str, str]] = None,
        past: Sequence[tuple[Mapping[str, str], Mapping[str, str]]] = (),
        verdicts: Optional[Mapping[str, Any]] = None,
        past_verdicts: Sequence[Mapping[str, Any]] = (),
    ):
        self.round = round                  # round_at_least / round_at_most
        self.values = values                # indicator tests
        self.postures = postures            # character -> posture in "the round", or None
        self.actions = actions              # actions played in "the round", or None
        self.ever = ever                    # actions played in the game so far
        self.played = played                # character -> action in "the round", or None
        self.past = past                    # (postures, played) of every round counted in `ever`
        self.verdicts = verdicts            # character -> Verdict of "the round" (None: no verdicts)
        self.past_verdicts = past_verdicts  # character -> Verdict, for every round counted in `ever`


class Lookups:
    """What compiling a condition needs from the scenario: each posture's `coop` and each character's tags."""

    __slots__ = ("coop_of", "tags_of")

    def __init__(self, coop_of: Mapping[str, Optional[int]], tags_of: Optional[Mapping[str, Iterable[str]]] = None):
        self.coop_of = coop_of
        self.tags_of = {c: frozenset(t) for c, t in (tags_of or {}).items()}


def reading_of(coop: Optional[int]) -> str:
    """'coop' above 0, 'neutre' at 0, 'pas_coop' below 0, 'a_debattre' without a value."""
    if coop is None:
        return "a_debattre"
    return "coop" if coop > 0 else "pas_coop" if coop < 0 else "neutre"


Test = Callable[[Facts], bool]


def _lookups(given) -> Lookups:
    return given if isinstance(given, Lookups) else Lookups(given)


def compile_condition(condition: Condition, lookups) -> Test:
    """A function telling whether `condition` holds on some Facts (all its tests must hold).

    `lookups` is a Lookups, or a plain posture -> coop mapping when no test names tags.
    """
    tests = [test for name, test in compile_tests(condition, lookups)]
    if not tests:
        return _always
    if len(tests) == 1:
        return tests[0]
    return lambda facts: all(test(facts) for test in tests)


def failing_tests(condition: Condition, lookups, facts: Facts) -> list[str]:
    """Names of the top-level tests of `condition` that do not hold (to tell a player why)."""
    return [name for name, test in compile_tests(condition, lookups) if not test(facts)]


def _always(facts: Facts) -> bool:
    return True


def compile_tests(condition: Condition, lookups) -> list[tuple[str, Test]]:
    lookups = _lookups(lookups)
    coop_of = lookups.coop_of
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
    if c.character_action is not None:
        chosen = tuple(c.character_action.items())
        tests.append(("character_action",
                      lambda f: f.played is not None and all(f.played.get(ch) == a for ch, a in chosen)))
    if c.moves is not None:
        matcher = moves_matcher(c.moves, lookups)
        tests.append(("moves", lambda f: matcher(f)[0]))
    if c.split_verdicts is not None:
        splits = splits_matcher(c.split_verdicts, lookups)
        tests.append(("split_verdicts", lambda f: splits(f)[0]))
    if c.any is not None:
        options = tuple(compile_condition(sub, lookups) for sub in c.any)
        tests.append(("any", lambda f: any(option(f) for option in options)))
    if c.not_ is not None:
        negated = compile_condition(c.not_, lookups)
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


def _coop_average(facts: Facts, coop_of: Mapping[str, Optional[int]], bound: float, at_least: bool) -> bool:
    if not facts.postures:
        # No round to look at (or nobody in play): the test does not hold.
        return False
    # A posture without a `coop` value (à débattre) counts in no average.
    values = [value for p in facts.postures.values() if (value := coop_of[p]) is not None]
    if not values:
        return False
    average = sum(values) / len(values)
    return average >= bound if at_least else average <= bound


def _within(count: int, least: Optional[int], most: Optional[int]) -> bool:
    """`at_least` defaults to 1, or to 0 when only `at_most` is given ("at most 0": none)."""
    if least is None:
        least = 0 if most is not None else 1
    return count >= least and (most is None or count <= most)


def moves_matcher(test, lookups: Lookups) -> Callable[[Facts], tuple[bool, tuple[str, ...]]]:
    """(holds, characters whose moves matched) for a `moves` test.

    The characters selected are those in play (who moved in the span looked at)
    with the tag, or the one named; each of their moves matching the posture,
    reading and action given counts once. With `every`, each selected character
    must have a count within the bounds (and someone must be selected);
    otherwise the total count must be.
    """
    tags_of, coop_of = lookups.tags_of, lookups.coop_of
    tag, only, posture, reading, action = test.tag, test.character, test.posture, test.reading, test.action
    least, most, every, whole_game = test.at_least, test.at_most, test.every, test.in_ == "game"

    def selected(character: str) -> bool:
        return (only is None or character == only) and (tag is None or tag in tags_of.get(character, ()))

    def matches(taken: str, done: str) -> bool:
        return ((posture is None or taken == posture) and (action is None or done == action)
                and (reading is None or reading_of(coop_of.get(taken)) == reading))

    def match(facts: Facts) -> tuple[bool, tuple[str, ...]]:
        if whole_game:
            rounds = facts.past
        elif facts.postures is None or facts.played is None:
            return False, ()
        else:
            rounds = ((facts.postures, facts.played),)
        counts: dict[str, int] = {}
        for postures, played in rounds:
            for character, taken in postures.items():
                if selected(character):
                    counts[character] = counts.get(character, 0) + matches(taken, played.get(character, ""))
        matched = tuple(ch for ch, n in counts.items() if n)
        if every:
            return bool(counts) and all(_within(n, least, most) for n in counts.values()), matched
        return _within(sum(counts.values()), least, most), matched

    return match


def splits_matcher(test, lookups: Lookups) -> Callable[[Facts], tuple[bool, tuple[str, ...]]]:
    """(holds, characters whose move split the room) for a `split_verdicts` test; no verdicts: none split."""
    tags_of = lookups.tags_of
    tag, only, least, most, whole_game = test.tag, test.character, test.at_least, test.at_most, test.in_ == "game"

    def match(facts: Facts) -> tuple[bool, tuple[str, ...]]:
        rounds = facts.past_verdicts if whole_game else ((facts.verdicts or {}),)
        split = [ch for verdicts in rounds for ch, verdict in verdicts.items()
                 if (only is None or ch == only) and (tag is None or tag in tags_of.get(ch, ()))
                 and is_split(verdict)]
        return _within(len(split), least, most), tuple(dict.fromkeys(split))

    return match


def matched_characters(condition: Condition, lookups, facts: Facts) -> tuple[str, ...]:
    """The characters a holding condition is about, in order of first mention: those its
    `character_posture`, `character_action`, `moves` and `split_verdicts` tests matched
    (in `any`, the alternatives that hold; nothing under `not`)."""
    lookups = _lookups(lookups)
    found: dict[str, None] = {}
    c = condition
    if c.character_posture is not None and facts.postures is not None:
        found.update((ch, None) for ch, p in c.character_posture.items() if facts.postures.get(ch) == p)
    if c.character_action is not None and facts.played is not None:
        found.update((ch, None) for ch, a in c.character_action.items() if facts.played.get(ch) == a)
    if c.moves is not None:
        found.update((ch, None) for ch in moves_matcher(c.moves, lookups)(facts)[1])
    if c.split_verdicts is not None:
        found.update((ch, None) for ch in splits_matcher(c.split_verdicts, lookups)(facts)[1])
    for sub in c.any or ():
        if compile_condition(sub, lookups)(facts):
            found.update((ch, None) for ch in matched_characters(sub, lookups, facts))
    return tuple(found)
