"""`game.record` keeps the promises the game relied on from `@dataclass(frozen=True)`: each check
declares the same class both ways and compares what they do."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from typing import ClassVar, Optional

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.record import FrozenRecordError, as_dict, evolve, field, fields_of, is_record, record


@record
class Point:
    """A record with a default, a factory, a field left out of equality and a normalising __post_init__."""

    x: int
    y: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    note: str = field(default="", compare=False)
    LIMIT: ClassVar[int] = 10

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tuple(self.tags))


@dataclasses.dataclass(frozen=True)
class DataPoint:
    x: int
    y: int = 0
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)
    note: str = dataclasses.field(default="", compare=False)
    LIMIT: ClassVar[int] = 10

    def __post_init__(self) -> None:
        object.__setattr__(self, "tags", tuple(self.tags))


@record
class Empty:
    """No field at all (Advance, Reveal)."""


@record
class One:
    text: Optional[str]


values = st.integers(-3, 3)
words = st.lists(st.sampled_from(["a", "b", "é"]), max_size=3)


def test_the_constructor_takes_what_a_dataclass_takes():
    ours, theirs = inspect.signature(Point).parameters, inspect.signature(DataPoint).parameters
    assert [(p.name, p.kind, p.default is p.empty) for p in ours.values()] == \
        [(p.name, p.kind, p.default is p.empty) for p in theirs.values()]
    assert Point(1).tags == () and Point(1, 2, ["a"], "n") == Point(x=1, y=2, tags=("a",), note="other")
    assert "LIMIT" not in fields_of(Point)
    with pytest.raises(TypeError):
        Point()                  # x has no default
    with pytest.raises(TypeError):
        Point(1, z=3)            # no such field
    with pytest.raises(TypeError):
        Empty(1)
    assert Point.y == 0 and not hasattr(Point, "tags")   # defaults stay class attributes, factories do not
    assert fields_of(Point) == tuple(f.name for f in dataclasses.fields(DataPoint))
    assert Point.__match_args__ == DataPoint.__match_args__


@given(values, values, words, words, st.text(max_size=2), st.text(max_size=2))
def test_equality_hash_and_repr_are_a_dataclass_s(x1, x2, tags1, tags2, note1, note2):
    a, b = Point(x1, x2, tags1, note1), Point(x2, x1, tags2, note2)
    da, db = DataPoint(x1, x2, tags1, note1), DataPoint(x2, x1, tags2, note2)
    assert (a == b) == (da == db) and (a != b) == (da != db)
    assert hash(a) == hash(Point(x1, x2, tags1, "else"))   # the note is not compared
    assert repr(a) == repr(da).replace("DataPoint", "Point")
    assert as_dict(a) == dataclasses.asdict(da)


def test_records_of_other_classes_are_never_equal():
    assert Point(1) != DataPoint(1) and Point(1).__eq__(DataPoint(1)) is NotImplemented
    assert Empty() == Empty() and hash(Empty()) == hash(Empty()) and One(None) != Empty()
    assert One("a") == One("a") and One("a") != One("b") and hash(One("a")) == hash(One("a"))
    assert {One("a"), One("a"), One("b")} == {One("a"), One("b")}


def test_nothing_can_be_assigned_or_deleted():
    point = Point(1, tags=["a"])
    with pytest.raises(FrozenRecordError):
        point.x = 2
    with pytest.raises(AttributeError):          # FrozenRecordError is one
        del point.y
    with pytest.raises(FrozenRecordError):
        point.other = 1
    assert point.x == 1 and point.tags == ("a",)


def test_evolve_is_replace():
    point = Point(1, 2, ["a"], "n")
    changed = evolve(point, y=5, tags=["b"])
    assert as_dict(changed) == dataclasses.asdict(dataclasses.replace(DataPoint(1, 2, ["a"], "n"), y=5, tags=["b"]))
    assert changed.tags == ("b",) and point.y == 2     # __post_init__ ran on the copy; the original is untouched
    with pytest.raises(TypeError):
        evolve(point, z=1)
    with pytest.raises(TypeError):
        fields_of(DataPoint(1))
    assert is_record(point) and is_record(Point) and not is_record(DataPoint(1))


def test_copies_and_pickles_are_equal_records():
    point = Point(1, 2, ("a",), "n")
    for twin in (copy.copy(point), copy.deepcopy(point), pickle.loads(pickle.dumps(point))):
        assert twin == point and type(twin) is Point and twin.note == "n"


def test_a_field_without_a_default_cannot_follow_one_with_a_default():
    with pytest.raises(TypeError):
        @record
        class Wrong:
            a: int = 0
            b: int
    with pytest.raises(ValueError):
        field(default=1, default_factory=list)


def test_a_record_may_extend_a_plain_class_not_a_record():
    class Plain:
        def double(self) -> int:
            return 2 * self.x   # type: ignore[attr-defined]

    @record
    class Extended(Plain):
        x: int

    assert Extended(3).double() == 6 and fields_of(Extended) == ("x",)
    with pytest.raises(TypeError):
        @record
        class Labelled(Point):
            label: str = "x"


CALLS: list[str] = []


def _counted(name, function):
    def normalise(value):
        CALLS.append(name)
        return function(value)
    return normalise


@record
class Normalised:
    """Normalised by `__record_normalise__` (as the game's state is): tuples of any iterable."""

    x: int
    tags: tuple[str, ...] = ()
    more: tuple[str, ...] = field(default_factory=list)
    rest: tuple[str, ...] = field(default=(), compare=False)
    __record_normalise__ = {"tags": _counted("tags", tuple), "more": _counted("more", tuple),
                            "rest": _counted("rest", tuple)}


@dataclasses.dataclass(frozen=True)
class PostInitNormalised:
    """The same through a __post_init__ that normalises every field, as the state's records used to."""

    x: int
    tags: tuple[str, ...] = ()
    more: tuple[str, ...] = dataclasses.field(default_factory=list)
    rest: tuple[str, ...] = dataclasses.field(default=(), compare=False)

    def __post_init__(self) -> None:
        for name in ("tags", "more", "rest"):
            object.__setattr__(self, name, tuple(getattr(self, name)))


def _fields_and_types(value):
    return [(name, getattr(value, name), type(getattr(value, name))) for name in fields_of(Normalised)]


@given(values, st.one_of(st.none(), words), st.one_of(st.none(), words), st.one_of(st.none(), words))
def test_a_normalising_constructor_does_what_a_post_init_does(x, tags, more, rest):
    given_ = {name: value for name, value in (("tags", tags), ("more", more), ("rest", rest)) if value is not None}
    ours, theirs = Normalised(x, **given_), PostInitNormalised(x, **given_)
    assert [(n, v, t) for n, v, t in _fields_and_types(ours)] == \
        [(n, getattr(theirs, n), type(getattr(theirs, n))) for n in fields_of(Normalised)]
    assert repr(ours) == repr(theirs).replace("PostInitNormalised", "Normalised")


@given(values, words, words, st.dictionaries(st.sampled_from(["x", "tags", "more", "rest"]),
                                             st.one_of(values, words), max_size=4))
def test_evolve_normalises_only_the_changed_fields_and_equals_the_constructor(x, tags, more, changes):
    changes = {name: value for name, value in changes.items() if (name == "x") == isinstance(value, int)}
    start = Normalised(x, tags, more)
    CALLS.clear()
    changed = evolve(start, **changes)
    assert sorted(CALLS) == sorted(name for name in changes if name != "x")   # the others are normalised
    rebuilt = Normalised(**{**as_dict(start), **changes})
    assert changed == rebuilt and _fields_and_types(changed) == _fields_and_types(rebuilt)
    assert list(changed.__dict__) == list(rebuilt.__dict__) == list(fields_of(Normalised))
    assert start == Normalised(x, tags, more)   # the original is untouched


def test_a_normaliser_must_name_a_field():
    with pytest.raises(TypeError, match="not a field"):
        @record
        class Wrong:
            a: tuple[int, ...] = ()
            __record_normalise__ = {"b": tuple}
    with pytest.raises(TypeError, match="has no field 'z'"):
        evolve(Normalised(1), tags=[], z=1)
    with pytest.raises(TypeError, match="is not a record"):
        evolve(DataPoint(1), x=2)


def test_the_constructor_is_compiled_on_first_use_and_reads_the_same_before_it():
    from game.record import _LazyInit

    @record
    class Late:
        a: int
        b: str = "x"

    assert isinstance(Late.__dict__["__init__"], _LazyInit)          # defined, never made: not compiled
    parameters = inspect.signature(Late).parameters                 # a look-up compiles it
    assert [(p.name, p.default) for p in parameters.values()] == [("a", inspect.Parameter.empty), ("b", "x")]
    assert inspect.isfunction(Late.__dict__["__init__"]) and Late.__init__.__qualname__.endswith("Late.__init__")

    @record
    class Later:
        a: int

    assert isinstance(Later.__dict__["__init__"], _LazyInit)
    first = Later(1)                                                 # the first instance compiles it
    assert inspect.isfunction(Later.__dict__["__init__"]) and first == Later(a=1) and first.a == 1
    with pytest.raises(TypeError):
        Later()
    with pytest.raises(TypeError):
        Later(1, 2)


def test_a_failure_inside_a_constructor_names_its_record():
    import traceback

    @record
    class Strict:
        items: tuple[int, ...] = ()
        __record_normalise__ = {"items": tuple}

    with pytest.raises(TypeError) as failed:
        Strict(5)                                      # tuple(5) fails inside the generated __init__
    frames = traceback.extract_tb(failed.value.__traceback__)
    assert any(frame.filename.startswith("<record ") and frame.filename.endswith("Strict>") for frame in frames)
