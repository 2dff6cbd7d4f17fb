"""The scenario's lookups by id, shared by the validated model and its plain copy (no pydantic here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


class ScenarioLookups:
    """`scenario.character(id)` and the like. An unknown id raises KeyError naming it (not
    StopIteration, which a generator calling these would turn into a puzzling RuntimeError)."""

    __slots__ = ()

    if TYPE_CHECKING:   # for the type checker only: at run time these annotations would reorder the
        indicators: Any  # model's fields (pydantic collects annotations from every base)
        postures: Any
        characters: Any
        actions: Any

    def indicator(self, ident: str) -> Any:
        return by_id(self.indicators, ident, "indicator")

    def posture(self, ident: str) -> Any:
        return by_id(self.postures, ident, "posture")

    def character(self, ident: str) -> Any:
        return by_id(self.characters, ident, "character")

    def action(self, ident: str) -> Any:
        """A card of the scenario (the built-in `observer` is not one: see OBSERVER_ID)."""
        return by_id(self.actions, ident, "action")


def by_id(items, ident: str, kind: str) -> Any:
    for item in items:
        if item.id == ident:
            return item
    raise KeyError(f"no {kind} {ident!r} in this scenario")
