"""A validated scenario kept as plain JSON, keyed by the file's hash, for paths that need no pydantic.

`coop simulate` plays thousands of games in a fraction of a second; importing
pydantic and building the scenario model costs more than that (about 100–200
ms on a 2-core laptop). The first time a file is validated for such a path,
the validated model is written to `COOP_HOME/cache/scenarios/` as JSON — never
pickle — with the SHA-256 of the file's bytes, the program version and the
size and date of each image it names. Later runs that find the same bytes read
that copy back as `PlainScenario`: the same field names, the same values, the
same lookups (`scenario.character(id)`...), with no validation and no pydantic.

Anything unexpected — no cache yet, another version, a changed image, an
unreadable or edited cache file, a read-only data folder — falls back to the
ordinary, validating load, which is also the only way diagnostics are produced.
The cache never decides that a file is valid: only the validator that wrote it did.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterator, Optional

from game.content.lookups import ScenarioLookups
from game.digest import sha256_hex

CACHE_FORMAT = 3   # 2: the richer format's optional fields (tags, better, variants, moves...);
                   # 3: every prompt is stored as a {phase, text} Prompt, never as a bare text
MODEL_KEY = "__model__"
MAP_KEY = "__map__"      # a mapping whose keys are not all texts (round numbers): a list of pairs


class Plain:
    """A validated model's fields as attributes, read from JSON (frozen, like the model)."""

    __slots__ = ("_kind", "_fields")

    def __init__(self, kind: str, fields: dict[str, Any]):
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_fields", fields)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._fields[name]
        except KeyError:
            raise AttributeError(f"{self._kind} has no field {name!r}") from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{self._kind} is frozen")

    def __repr__(self) -> str:
        return f"Plain{self._kind}({self._fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plain) and (self._kind, self._fields) == (other._kind, other._fields)

    def __hash__(self) -> int:
        return hash(self._kind)

    def set_fields(self) -> Iterator[str]:
        """Names of the fields that hold a value (not None): what a condition tests."""
        return (name for name, value in self._fields.items() if value is not None)


class PlainScenario(ScenarioLookups, Plain):
    """The scenario's lookups, as `game.content.model.Scenario` has them (game.content.lookups)."""

    __slots__ = ()


def prompt_of(item: Any) -> Any:
    """`game.content.model.prompt_of` for both kinds of scenario (a prompt written as text belongs to
    `analyse`). A plain copy holds every prompt as a Prompt already (see `to_plain_json`), so only a
    model's text prompt needs the model, which is loaded then anyway."""
    if not isinstance(item, str):
        return item
    from game.content.model import prompt_of as model_prompt_of

    return model_prompt_of(item)


def prompt_with_text(prompt: Any, text: str) -> Any:
    """A prompt of either kind with another text (its names filled in), in the same phase."""
    if isinstance(prompt, Plain):
        return Plain("Prompt", {**prompt._fields, "text": text})
    return type(prompt)(phase=prompt.phase, text=text)


def fields_in_use(model: Any) -> set[str]:
    """Fields holding a value, for a pydantic model or a Plain one."""
    if isinstance(model, Plain):
        return set(model.set_fields())
    return {name for name in type(model).model_fields if getattr(model, name) is not None}


# -- writing: a validated pydantic model as tagged JSON ------------------------------------------
def to_plain_json(model: Any) -> Any:
    """The model as JSON-able data where each sub-model says its class and odd mappings keep their keys."""
    fields = getattr(type(model), "model_fields", None)
    if fields is not None:
        kind = type(model).__name__
        data = {MODEL_KEY: kind, **{name: to_plain_json(getattr(model, name)) for name in fields}}
        if kind in _PROMPT_FIELDS:        # a prompt written as text is stored as the Prompt it means
            from game.content.model import prompt_of as model_prompt_of

            for name, shape in _PROMPT_FIELDS[kind]:
                value = getattr(model, name)
                if shape == "one":
                    data[name] = to_plain_json(model_prompt_of(value))
                elif shape == "many":
                    data[name] = [to_plain_json(model_prompt_of(item)) for item in value]
                else:
                    data[name] = to_plain_json({key: tuple(model_prompt_of(item) for item in items)
                                                for key, items in value.items()})
        return data
    if isinstance(model, dict):
        if all(isinstance(key, str) for key in model):
            return {key: to_plain_json(value) for key, value in model.items()}
        return {MAP_KEY: [[key, to_plain_json(value)] for key, value in model.items()]}
    if isinstance(model, (list, tuple)):
        return [to_plain_json(item) for item in model]
    return model


# Fields of the model that hold prompts (PromptItem): one, a sequence, or a mapping to sequences.
_PROMPT_FIELDS = {"Trigger": (("ask", "one"),),
                  "Debrief": (("every_round", "many"), ("rounds", "map"), ("final", "many"))}


def _revive(data: dict) -> Any:
    kind = data.get(MODEL_KEY)
    if kind is not None:
        fields = {key: value for key, value in data.items() if key != MODEL_KEY}
        for key, value in fields.items():
            if isinstance(value, list):
                fields[key] = tuple(value)
        return (PlainScenario if kind == "Scenario" else Plain)(kind, fields)
    if MAP_KEY in data and len(data) == 1:
        return {key: value for key, value in data[MAP_KEY]}
    return data


# -- the cache -------------------------------------------------------------------------------------
def cache_dir() -> Path:
    from game import paths

    return paths.data_home() / "cache" / "scenarios"


def _images(scenario: Any, folder: Path) -> list[list[Any]]:
    """(path, size, mtime_ns) of every image the scenario names, or None for one that cannot be read."""
    found = []
    for character in scenario.characters:
        image = getattr(character, "image", None)
        if image:
            try:
                info = os.stat(folder / image)
                found.append([image, info.st_size, info.st_mtime_ns])
            except (OSError, ValueError):     # ValueError: a NUL in a path
                found.append([image, None, None])
    return found


def _program() -> str:
    import game

    return f"{game.__version__}/{CACHE_FORMAT}"


def load_plain_bytes(data: bytes, shown_path: str, check_images: bool = False) -> Any:
    """The scenario in `data` (a session's frozen copy, named `shown_path`), validated: the scenario this
    process validated already, else a PlainScenario from the cache when this program validated the same
    bytes before, else the ordinary load (ScenarioError, located), whose result is then cached.
    `check_images=False` as for `load_scenario_bytes`: a missing picture is no reason to refuse."""
    from game.content import loaded

    shown_path = str(shown_path)
    digest = sha256_hex(data)
    folder = Path(shown_path).parent
    known = loaded.recall((digest, shown_path, check_images))
    if known is not None:
        if not isinstance(known, Plain) and not (cache_dir() / f"{digest}.json").exists():
            _write_cache(digest, known, folder)    # e.g. the end screen's reports: the next `coop report` is light
        return known
    cached = _read_cache(digest, folder)
    if cached is not None:
        return cached
    from game.content import load_scenario_bytes

    scenario = load_scenario_bytes(data, shown_path, check_images=check_images)
    _write_cache(digest, scenario, folder)
    return scenario


def load_plain(path: Path | str) -> Any:
    """The scenario at `path`, validated: a PlainScenario from the cache when its bytes were validated
    before by this program, else the ordinary load (ScenarioError, located, for a bad file), whose
    result is then cached."""
    path = Path(path)
    digest = _file_digest(path)
    if digest is not None:
        cached = _read_cache(digest, path.parent)
        if cached is not None:
            return cached
    from game.content import load_scenario

    scenario = load_scenario(path)        # the validator: diagnostics, or a valid model
    if digest is not None:
        _write_cache(digest, scenario, path.parent)
    return scenario


def _file_digest(path: Path) -> Optional[str]:
    """The SHA-256 of the file's bytes, or None when it cannot be read or is too large for a scenario."""
    from game.content.constants import MAX_FILE_BYTES

    from game.content.opening import open_scenario_file

    try:
        with open_scenario_file(path) as stream:       # never waits on a named pipe
            data = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError):                       # ValueError: a NUL in the name
        return None
    return sha256_hex(data) if len(data) <= MAX_FILE_BYTES else None


def copy_ready(path: Path | str) -> bool:
    """Whether a validated copy of the file's present bytes is kept (a read, a hash and a look, no
    parse): `load_plain` will then take milliseconds, not the validator's hundreds."""
    digest = _file_digest(Path(path))
    return digest is not None and (cache_dir() / f"{digest}.json").is_file()


def _read_cache(digest: str, folder: Path) -> Optional[PlainScenario]:
    target = cache_dir() / f"{digest}.json"
    try:
        if not target.is_file() or target.stat().st_size > 64 * 1024 * 1024:
            return None
        record = json.loads(target.read_bytes(), object_hook=_revive)
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(record, dict) or record.get("program") != _program() or record.get("sha256") != digest:
        return None
    scenario = record.get("scenario")
    if not isinstance(scenario, PlainScenario):
        return None
    try:
        if record.get("images") != _images(scenario, folder):
            return None
    except (AttributeError, TypeError):
        return None
    return scenario


def _write_cache(digest: str, scenario: Any, folder: Path) -> None:
    """Best effort: a full disk or a read-only data folder only means no shortcut next time."""
    try:
        from game.session.journal import write_atomically

        images = _images(scenario, folder)
        if any(size is None for _, size, _ in images):
            return   # validated without its pictures: a copy must always mean "valid, pictures included"
        record = {"program": _program(), "sha256": digest, "images": images,
                  "scenario": to_plain_json(scenario)}
        folder_out = cache_dir()
        folder_out.mkdir(parents=True, exist_ok=True)
        write_atomically(folder_out / f"{digest}.json", json.dumps(record, ensure_ascii=False).encode("utf-8"))
    except Exception:   # noqa: BLE001 - the cache is a shortcut; failing to write it changes nothing else
        pass
