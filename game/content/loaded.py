"""Scenarios already validated in this process, by the SHA-256 of their bytes (no pydantic here).

One game used to validate the same bytes up to four times (title, setup, session, replay); the
loader now validates them once and hands back the same frozen scenario, and the engine keys its
compiled tables by that digest (`source_digest`), so 20 games of one file in a process share them.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Optional

LIMIT = 8
_LOADED: "OrderedDict[tuple[str, str, bool], Any]" = OrderedDict()   # (sha256, path, check_images)
_DIGEST_OF: dict[int, str] = {}                                       # id(scenario) -> sha256


def recall(key: tuple[str, str, bool]) -> Any:
    known = _LOADED.get(key)
    if known is not None:
        _LOADED.move_to_end(key)
    return known


def remember(key: tuple[str, str, bool], scenario: Any) -> None:
    _LOADED[key] = scenario
    _DIGEST_OF[id(scenario)] = key[0]
    while len(_LOADED) > LIMIT:
        _, dropped = _LOADED.popitem(last=False)
        if not any(kept is dropped for kept in _LOADED.values()):
            _DIGEST_OF.pop(id(dropped), None)


def source_digest(scenario: Any) -> Optional[str]:
    """The SHA-256 of the bytes `scenario` was loaded from, while it is held here; else None."""
    digest = _DIGEST_OF.get(id(scenario))
    if digest is not None and any(kept is scenario for kept in _LOADED.values()):
        return digest
    return None
