"""Checks that relate one part of a scenario to another: ids unique and existing, bounds, ending order, debrief minimum.

They read the parsed data, not the model, so they still run (and report) when
the model found other problems elsewhere in the file: a trainer sees every
problem of a file in one run. Anything of the wrong type is skipped here: the
model already reports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional, TypeGuard

from game.content.images import check_image
from game.content.locate import ITEM, KEY, VALUE, Finding
from game.content.model import DEFAULT_POSTURES, OBSERVER_ID
from game.content.validation import suggestion_hint

# Suggestions (difflib) are computed for the first unknown references only:
# a file naming thousands of unknown ids must not take minutes to explain.
MAX_SUGGESTIONS = 50
_ID_LISTS = ("indicators", "resources", "postures", "characters", "actions", "events", "synergies", "endings")


def _items(data: Any, key: str) -> list[tuple[int, dict]]:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _mapping(data: Any, key: str) -> dict:
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _is_int(value: Any) -> TypeGuard[int]:
    return type(value) is int


class _Checker:
    """One pass over the parsed data, collecting findings; ids of each list are gathered first."""

    def __init__(self, data: dict, base_folder: Optional[Path]):
        self.data = data
        self.base_folder = base_folder
        self.findings: list[Finding] = []
        self.suggestions_left = MAX_SUGGESTIONS
        self.ids: dict[str, dict[str, int]] = {name: self._collect_ids(name) for name in _ID_LISTS}
        if "postures" not in data:
            self.ids["postures"] = {row[0]: index for index, row in enumerate(DEFAULT_POSTURES["table"])}
        # Tags are not a list of their own: the known ones are those some character carries.
        self.ids["tags"] = {}
        for index, character in _items(data, "characters"):
            tags = character.get("tags")
            for tag in tags if isinstance(tags, list) else ():
                if isinstance(tag, str):
                    self.ids["tags"].setdefault(tag, index)

    def add(self, loc: tuple, target: str, code: str, hint: Optional[str] = None, **params: Any) -> None:
        self.findings.append(Finding(loc, target, code, params, hint))

    def _collect_ids(self, list_name: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for index, item in _items(self.data, list_name):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                self.add((list_name, index, "id"), VALUE, "duplicate_id",
                         id=ident, list=list_name, first_loc=(list_name, seen[ident], "id"))
            else:
                seen[ident] = index
        return seen

    def reference(self, loc: tuple, target: str, ident: Any, list_name: str, extra: tuple = ()) -> None:
        """Reports `ident` when it names nothing in `list_name`."""
        if not isinstance(ident, str) or ident in self.ids[list_name] or ident in extra:
            return
        if self.suggestions_left <= 0:
            self.add(loc, target, "unknown_" + list_name, id=ident)
            return
        self.suggestions_left -= 1
        known = sorted(self.ids[list_name]) + list(extra)
        hint, params = suggestion_hint(ident, known, list_name)
        self.add(loc, target, "unknown_" + list_name, hint, id=ident, **params)

    def deltas(self, loc: tuple, deltas: Any) -> None:
        if isinstance(deltas, dict):
            for key in deltas:
                self.reference(loc + (key,), KEY, key, "indicators")

    def condition(self, loc: tuple, condition: Any, verdicts: bool = False) -> None:
        """Checks the ids a condition names; `verdicts`: it is read after the room's vote (split_verdicts allowed)."""
        if not isinstance(condition, dict):
            return
        for test in ("indicator_at_least", "indicator_at_most"):
            for key in _mapping(condition, test):
                self.reference(loc + (test, key), KEY, key, "indicators")
        for key in _mapping(condition, "posture_count"):
            self.reference(loc + ("posture_count", key), KEY, key, "postures")
        for test in ("action_played", "ever_played"):
            played = condition.get(test)
            if isinstance(played, list):
                for index, action in enumerate(played):
                    self.reference(loc + (test, index), VALUE, action, "actions", extra=(OBSERVER_ID,))
        for character, posture in _mapping(condition, "character_posture").items():
            self.reference(loc + ("character_posture", character), KEY, character, "characters")
            self.reference(loc + ("character_posture", character), VALUE, posture, "postures")
        for character, action in _mapping(condition, "character_action").items():
            self.reference(loc + ("character_action", character), KEY, character, "characters")
            self.reference(loc + ("character_action", character), VALUE, action, "actions", extra=(OBSERVER_ID,))
        moves = _mapping(condition, "moves")
        for key, list_name in (("tag", "tags"), ("character", "characters"), ("posture", "postures"),
                               ("action", "actions")):
            extra = (OBSERVER_ID,) if key == "action" else ()
            self.reference(loc + ("moves", key), VALUE, moves.get(key), list_name, extra=extra)
        self.bounds(loc + ("moves",), moves)
        if "split_verdicts" in condition:
            if not verdicts:
                self.add(loc + ("split_verdicts",), KEY, "verdict_test_not_here")
            splits = _mapping(condition, "split_verdicts")
            self.reference(loc + ("split_verdicts", "tag"), VALUE, splits.get("tag"), "tags")
            self.reference(loc + ("split_verdicts", "character"), VALUE, splits.get("character"), "characters")
            self.bounds(loc + ("split_verdicts",), splits)
        alternatives = condition.get("any")
        if isinstance(alternatives, list):
            for index, alternative in enumerate(alternatives):
                self.condition(loc + ("any", index), alternative, verdicts)
        if "not" in condition:
            self.condition(loc + ("not",), condition["not"], verdicts)

    def bounds(self, loc: tuple, test: dict) -> None:
        least, most = test.get("at_least"), test.get("at_most")
        if _is_int(least) and _is_int(most) and least > most:
            self.add(loc + ("at_most",), VALUE, "bounds_crossed", at_least=least, at_most=most)

    def named(self, loc: tuple, item: Any, condition: Any) -> None:
        """A text with `name_as` (`loc` is the item's place) needs its {word} and a condition that finds characters."""
        if not isinstance(item, dict) or not isinstance(item.get("name_as"), str):
            return
        word, text = item["name_as"], item.get("text")
        if isinstance(text, str) and "{" + word + "}" not in text:
            self.add(loc + ("name_as",), VALUE, "name_as_unused", word=word)
        if not _finds_characters(condition):
            self.add(loc + ("name_as",), KEY, "name_as_without_characters")

    def variants(self, loc: tuple, item: Any) -> None:
        for index, variant in _items(item, "variants"):
            self.condition(loc + ("variants", index, "when"), variant.get("when"), verdicts=True)
            self.named(loc + ("variants", index), variant, variant.get("when"))

    def run(self) -> list[Finding]:
        self.indicators()
        self.players()
        self.characters()
        self.actions()
        postures = _items(self.data, "postures")
        for index, posture in postures:
            self.deltas(("postures", index, "effects"), posture.get("effects"))
            for resource in _mapping(posture, "cost"):
                self.reference(("postures", index, "cost", resource), KEY, resource, "resources")
        costly = [index for index, p in postures if any(_is_int(n) and n > 0 for n in _mapping(p, "cost").values())]
        if postures and len(costly) == len(postures):
            self.add(("postures", costly[-1], "cost"), KEY, "every_posture_costs")
        for index, event in _items(self.data, "events"):
            self.deltas(("events", index, "effects"), event.get("effects"))
            self.condition(("events", index, "when"), event.get("when"))
        for index, synergy in _items(self.data, "synergies"):
            self.deltas(("synergies", index, "effects"), synergy.get("effects"))
            self.condition(("synergies", index, "when"), synergy.get("when"))
        self.debrief()
        self.endings()
        self.round_texts()
        self.round_numbers()
        return self.findings

    def indicators(self) -> None:
        for index, indicator in _items(self.data, "indicators"):
            low, high, start = indicator.get("min", 0), indicator.get("max", 10), indicator.get("start")
            if not (_is_int(low) and _is_int(high)):
                continue
            if low >= high:
                key = "max" if "max" in indicator else "min"
                self.add(("indicators", index, key), VALUE, "min_not_below_max", min=low, max=high)
            elif _is_int(start) and not low <= start <= high:
                self.add(("indicators", index, "start"), VALUE, "start_out_of_bounds", start=start, min=low, max=high)

    def players(self) -> None:
        players = _mapping(self.data, "players")
        characters = len(_items(self.data, "characters"))
        low, high = players.get("min", 2), players.get("max")
        if not _is_int(low) or (high is not None and not _is_int(high)) or characters < 2:
            return  # the model reports wrong types and too few characters
        if high is not None and low > high:
            self.add(("players", "min"), VALUE, "players_min_above_max", min=low, max=high)
        elif high is not None and characters and high > characters:
            self.add(("players", "max"), VALUE, "players_above_characters", max=high, characters=characters)
        elif high is None and "min" in players and low > min(8, characters):
            self.add(("players", "min"), VALUE, "players_above_characters", max=low, characters=characters)

    def characters(self) -> None:
        resources = {item["id"]: item for _, item in _items(self.data, "resources") if isinstance(item.get("id"), str)}
        for index, character in _items(self.data, "characters"):
            for resource, start in _mapping(character, "resources").items():
                loc = ("characters", index, "resources", resource)
                self.reference(loc, KEY, resource, "resources")
                limit = resources.get(resource, {}).get("max")
                if _is_int(start) and _is_int(limit) and start > limit:
                    self.add(loc, VALUE, "resource_above_max", value=start, max=limit, id=resource)
            image = character.get("image")
            if isinstance(image, str) and image and self.base_folder is not None:
                problem = check_image(image, self.base_folder)
                if problem is not None:
                    code, params = problem
                    self.add(("characters", index, "image"), VALUE, code, **params)

    def actions(self) -> None:
        allowed_somewhere: set[str] = set()
        everyone = False
        for index, action in _items(self.data, "actions"):
            loc = ("actions", index)
            if action.get("id") == OBSERVER_ID:
                self.add(loc + ("id",), VALUE, "observer_reserved", id=OBSERVER_ID)
            who = action.get("who")
            if who is None:
                everyone = True
            elif isinstance(who, list):
                for position, character in enumerate(who):
                    self.reference(loc + ("who", position), VALUE, character, "characters")
                    if isinstance(character, str):
                        allowed_somewhere.add(character)
            for resource in _mapping(action, "cost"):
                self.reference(loc + ("cost", resource), KEY, resource, "resources")
            self.deltas(loc + ("effects",), action.get("effects"))
            for posture, deltas in _mapping(action, "by_posture").items():
                self.reference(loc + ("by_posture", posture), KEY, posture, "postures")
                self.deltas(loc + ("by_posture", posture), deltas)
            self.condition(loc + ("requires",), action.get("requires"))
        if everyone or not _items(self.data, "actions"):
            return
        for index, character in _items(self.data, "characters"):
            ident = character.get("id")
            if isinstance(ident, str) and ident not in allowed_somewhere:
                self.add(("characters", index, "id"), VALUE, "character_without_action", id=ident)

    def debrief(self) -> None:
        debrief = self.data.get("debrief")
        if not isinstance(debrief, dict):
            return
        for index, trigger in _items(debrief, "triggers"):
            self.condition(("debrief", "triggers", index, "when"), trigger.get("when"), verdicts=True)
            self.named(("debrief", "triggers", index, "ask"), trigger.get("ask"), trigger.get("when"))
        # name_as anywhere else: a prompt that no condition comes with.
        lists: list[tuple[tuple[Any, ...], Any]] = [(("debrief", key), debrief.get(key)) for key in ("every_round", "final")]
        lists += [(("debrief", "rounds", number), prompts) for number, prompts in _mapping(debrief, "rounds").items()]
        for loc, prompts in lists:
            for index, prompt in enumerate(prompts if isinstance(prompts, list) else ()):
                if isinstance(prompt, dict) and "name_as" in prompt:
                    self.add(loc + (index, "name_as"), KEY, "name_as_not_here")
        every_round = debrief.get("every_round")
        by_round = _mapping(debrief, "rounds")
        has_round_prompt = (isinstance(every_round, list) and every_round) or any(
            isinstance(prompts, list) and prompts for prompts in by_round.values()
        )
        if not has_round_prompt:
            self.add(("debrief", "every_round"), ITEM, "debrief_needs_round_prompt")
        final = debrief.get("final")
        if not (isinstance(final, list) and final):
            self.add(("debrief", "final"), ITEM, "debrief_needs_final_prompt")

    def endings(self) -> None:
        endings = _items(self.data, "endings")
        total = len(self.data.get("endings") or ()) if isinstance(self.data.get("endings"), list) else 0
        for index, ending in endings:
            self.condition(("endings", index, "when"), ending.get("when"), verdicts=True)
            self.variants(("endings", index), ending)
            if ending.get("when") is None and index != total - 1:
                self.add(("endings", index, "id"), ITEM, "default_ending_not_last", id=ending.get("id", "?"))

    def round_texts(self) -> None:
        for number, item in _mapping(self.data, "round_texts").items():
            if isinstance(item, dict):
                self.variants(("round_texts", number), item)

    def round_numbers(self) -> None:
        rounds = self.data.get("rounds")
        if not _is_int(rounds) or not 1 <= rounds <= 20:
            return
        places: list[tuple[tuple, str, Any]] = []
        places += [(("round_texts", key), KEY, key) for key in _mapping(self.data, "round_texts")]
        places += [(("debrief", "rounds", key), KEY, key) for key in _mapping(_mapping(self.data, "debrief"), "rounds")]
        for index, event in _items(self.data, "events"):
            if isinstance(event.get("rounds"), list):
                places += [(("events", index, "rounds", position), VALUE, number)
                           for position, number in enumerate(event["rounds"])]
        for loc, target, number in places:
            if _is_int(number) and 1 <= number <= 20 and number > rounds:
                self.add(loc, target, "round_beyond_rounds", round=number, rounds=rounds)


def check(data: dict, base_folder: Optional[Path]) -> list[Finding]:
    """Every cross-reference problem of the parsed data; images are checked in `base_folder` (None: not checked)."""
    return _Checker(data, base_folder).run()


_NAMING_TESTS = ("moves", "character_posture", "character_action", "split_verdicts")


def _finds_characters(condition: Any) -> bool:
    """Whether a condition has a test that finds characters (outside `not`)."""
    if not isinstance(condition, dict):
        return False
    if any(test in condition for test in _NAMING_TESTS):
        return True
    alternatives = condition.get("any")
    return isinstance(alternatives, list) and any(_finds_characters(a) for a in alternatives)
