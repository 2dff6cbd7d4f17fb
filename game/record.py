"""Frozen records: what the game asked of `@dataclass(frozen=True)`, without the dataclasses module.

Why not dataclasses: each frozen dataclass compiles six methods when its class is created (0.3-0.4 ms
a class here), and the module imports `inspect` (4-5 ms). A `coop report` needs some thirty classes
(the commands to decode its journal, the state to replay it), so about 15 ms of a process whose floor
is 16 ms went to building classes. A record compiles one method, its `__init__`, when it is first used
(game.record._LazyInit), and shares the rest.

A record is declared as a dataclass is, and means the same:

    @record
    class Move:
        character: str
        posture: str
        action: str = "wait"
        notes: tuple[str, ...] = field(default_factory=tuple)

    - `__init__(self, character, posture, action="wait", notes=<a new tuple()>)`, then
      `self.__post_init__()` when the class defines one;
    - equality between records of the same class only, over the compared fields in order, and a hash
      of the same (`field(compare=False)` leaves a field out of both);
    - `repr`: `Move(character='elue', posture='imposer', action='wait', notes=())`;
    - no field can be assigned or deleted after `__init__` (`FrozenRecordError`, an AttributeError);
      `__post_init__` normalises through `object.__setattr__`, as with a frozen dataclass;
    - `__match_args__`; the defaults stay class attributes; copy and pickle work as for any class.

Fields come from the class's own annotations (read as written: modules here use
`from __future__ import annotations`); `ClassVar[...]` ones are not fields. A record may extend a plain
class (the views' `ViewData`), not another record: nothing here needs it, and it is refused.
`fields_of`, `as_dict` and `evolve` stand for `dataclasses.fields`, `asdict` (one level deep) and `replace`.

Normalising without `__post_init__`: a class may instead map some fields to a function of their value
(`__record_normalise__ = {"notes": tuple}`), which its `__init__` applies to what it is given (defaults
and factories' values included), field by field in order, as a `__post_init__` setting each would.
`evolve` then applies only the functions of the changed fields: the others are already normalised. So
each function must give back what it is given when that is already normalised (`tuple` of a tuple, a
frozen copy of a frozen mapping); the rules make a new state for every command of a replay, and
re-normalising every field of it took a third of that.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Callable, Optional, TypeVar, dataclass_transform

T = TypeVar("T")

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "<missing>"})()


class FrozenRecordError(AttributeError):
    """A field of a record was assigned or deleted."""


class _FieldSpec:
    __slots__ = ("default", "default_factory", "compare")

    def __init__(self, default: Any, default_factory: Any, compare: bool) -> None:
        self.default, self.default_factory, self.compare = default, default_factory, compare


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] = _MISSING, compare: bool = True) -> Any:
    """A field's default, or its factory (called for each new record), and whether it takes part in
    equality and the hash; as `dataclasses.field(default=, default_factory=, compare=)`."""
    if default is not _MISSING and default_factory is not _MISSING:
        raise ValueError("a field has a default or a default factory, not both")
    return _FieldSpec(default, default_factory, compare)


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of a {type(self).__name__} record")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r} of a {type(self).__name__} record")


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_key__
    return self is other or key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def _repr(self: Any) -> str:
    values = self.__dict__
    inside = ", ".join(f"{name}={values[name]!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({inside})"


def _one_key(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The key of a record with one compared field or none (attrgetter needs two to give a tuple)."""
    if not names:
        return lambda record: ()
    get = attrgetter(names[0])
    return lambda record: (get(record),)


def _is_class_var(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__qualname__", "")
    return text.startswith(("ClassVar", "typing.ClassVar"))


class _LazyInit:
    """A record's `__init__` until it is first looked up: then its source is compiled, and the function
    replaces this in the class (later instances call it directly). Compiling takes 0.06 ms a record, and a
    `coop report` defines thirty of which it makes about half (most commands are never in its journal).
    Any look-up compiles it, so what reads the constructor (`inspect.signature`) sees the real one."""

    __slots__ = ("owner", "source", "scope")

    def __init__(self, owner: type, source: str, scope: dict[str, Any]) -> None:
        self.owner, self.source, self.scope = owner, source, scope

    def __get__(self, instance: Any, owner: Optional[type] = None) -> Any:
        init = self.compiled()
        return init if instance is None else init.__get__(instance, owner)

    def compiled(self) -> Callable[..., None]:
        cls = self.owner
        installed: Any = cls.__dict__.get("__init__")
        if installed is not self:   # another thread compiled it first
            return installed
        # exec of the text, not of compile(): the first builtins.compile of a process costs 1 ms more
        # (it builds the ast module's types to check whether it was given a tree); the name of the code
        # (what tracebacks show) is set after.
        exec(self.source, self.scope)
        init: Any = self.scope["__init__"]
        init.__code__ = init.__code__.replace(co_filename=f"<record {cls.__qualname__}>")
        init.__qualname__ = f"{cls.__qualname__}.__init__"
        init.__module__ = cls.__module__
        type.__setattr__(cls, "__init__", init)
        return init


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[T]) -> type[T]:
    """Make `cls` a frozen record (see the module's docstring)."""
    names: list[str] = []
    compared: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    if any(is_record(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: a record does not extend another record (no record here needs it)")
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if _is_class_var(annotation):
            continue
        value = cls.__dict__.get(name, _MISSING)
        compare = True
        if isinstance(value, _FieldSpec):
            compare = value.compare
            if value.default_factory is not _MISSING:
                factories[name] = value.default_factory
                delattr(cls, name)
            elif value.default is not _MISSING:
                setattr(cls, name, value.default)
            else:
                delattr(cls, name)
            value = value.default
        names.append(name)
        if compare:
            compared.append(name)
        if value is not _MISSING:
            defaults[name] = value
    normalise = dict(cls.__dict__.get("__record_normalise__", {}))
    for name in normalise:
        if name not in names:
            raise TypeError(f"{cls.__name__}: __record_normalise__ names {name!r}, which is not a field")
    parameters, lines = [], []
    for name in names:
        given = name
        if name in factories:
            parameters.append(f"{name}=_MISSING")
            given = f"(_factories[{name!r}]() if {name} is _MISSING else {name})"
        elif name in defaults:
            parameters.append(f"{name}=_defaults[{name!r}]")
        elif parameters and "=" in parameters[-1]:
            raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with a default")
        else:
            parameters.append(name)
        if name in normalise:
            given = f"_normalise[{name!r}]({given})"
        lines.append(f"    values[{name!r}] = {given}")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = (f"def __init__(self, {', '.join(parameters)}):\n    values = self.__dict__\n" + "\n".join(lines)
              if names else "def __init__(self):\n" + ("\n".join(lines) or "    pass"))
    scope = {"_MISSING": _MISSING, "_defaults": defaults, "_factories": factories, "_normalise": normalise}
    init = _LazyInit(cls, source, scope)
    ordered = tuple(compared)   # in the fields' order
    key: Callable[[Any], Any] = attrgetter(*ordered) if len(ordered) > 1 else _one_key(ordered)
    made: dict[str, Any] = {
        "__init__": init, "__record_fields__": tuple(names), "__record_key__": staticmethod(key),
        "__record_normalise__": normalise, "__record_names__": frozenset(names),
        "__record_post_init__": getattr(cls, "__post_init__", None),
        "__match_args__": tuple(names),
        "__setattr__": _frozen_setattr, "__delattr__": _frozen_delattr, "__eq__": _eq, "__hash__": _hash,
    }
    if "__repr__" not in cls.__dict__:
        made["__repr__"] = _repr
    for name, value in made.items():
        setattr(cls, name, value)
    return cls


def is_record(value: Any) -> bool:
    """Whether `value` is a record or a record class."""
    return hasattr(value, "__record_fields__")


def fields_of(value: Any) -> tuple[str, ...]:
    """The field names of a record or a record class, in order; TypeError for anything else."""
    try:
        names: tuple[str, ...] = value.__record_fields__
        return names
    except AttributeError:
        raise TypeError(f"{type(value).__name__} is not a record") from None


def as_dict(value: Any) -> dict[str, Any]:
    """The fields of a record and their values, in order (one level: inner records stay records)."""
    values = value.__dict__
    return {name: values[name] for name in fields_of(value)}


def evolve(value: T, **changes: Any) -> T:
    """A copy of the record `value` with `changes`, normalised as its constructor would: the changed
    fields by the class's `__record_normalise__` (the others are already), then the whole copy by
    `__post_init__` when the class has one; an unknown field is a TypeError. As `dataclasses.replace`,
    without calling `__init__`: the fields' dict is copied once (the rules make a new state for every
    command of a replay)."""
    kind = type(value)
    try:
        names: frozenset[str] = kind.__record_names__   # type: ignore[attr-defined]
    except AttributeError:
        raise TypeError(f"{kind.__name__} is not a record") from None
    if not names.issuperset(changes):
        unknown = next(name for name in changes if name not in names)
        raise TypeError(f"{kind.__name__} has no field {unknown!r}")
    new = object.__new__(kind)
    values = new.__dict__
    values.update(value.__dict__)
    normalise = kind.__record_normalise__   # type: ignore[attr-defined]
    if normalise:
        for name, given in changes.items():
            function = normalise.get(name)
            values[name] = given if function is None else function(given)
    else:
        values.update(changes)
    post_init = kind.__record_post_init__   # type: ignore[attr-defined]
    if post_init is not None:
        post_init(new)
    return new
