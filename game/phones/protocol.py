"""What a phone may send, checked before anything else looks at it. The team is never in a message:
it is the connection's."""

from __future__ import annotations

import json
from game.record import record
from typing import Union

MAX_MESSAGE = 2048        # bytes; a longer message closes the connection
_ID_MAX = 64


class Refused(Exception):
    """A message that changes nothing; `code` names why (the page shows `text`)."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


@record
class MoveIntent:
    posture: str
    action: str


@record
class TakeBackIntent:
    pass


@record
class VoteIntent:
    round: int
    character: str
    answer: str


Intent = Union[MoveIntent, TakeBackIntent, VoteIntent]

_FIELDS = {"move": {"posture": str, "action": str}, "take_back": {}, "vote": {"round": int, "character": str,
                                                                              "answer": str}}


def parse(text: Union[str, bytes]) -> tuple[Intent, object]:
    """(intent, the message's `ref` echoed in the answer) or Refused('malformed') for anything else:
    not JSON, not an object, an unknown type, a missing, extra or mistyped field."""
    if isinstance(text, bytes):
        raise Refused("malformed")
    try:
        data = json.loads(text)
    except ValueError:
        raise Refused("malformed") from None
    if not isinstance(data, dict) or data.get("type") not in _FIELDS:
        raise Refused("malformed")
    ref = data.get("ref")
    if ref is not None and not (isinstance(ref, int) and not isinstance(ref, bool) and 0 <= ref < 2**53):
        raise Refused("malformed")
    kind = data["type"]
    fields = _FIELDS[kind]
    if set(data) - {"type", "ref"} != set(fields):
        raise Refused("malformed")
    values = {}
    for name, expected in fields.items():
        value = data[name]
        if type(value) is not expected or (expected is str and not 0 < len(value) <= _ID_MAX):
            raise Refused("malformed")
        values[name] = value
    if kind == "move":
        return MoveIntent(**values), ref
    if kind == "take_back":
        return TakeBackIntent(), ref
    return VoteIntent(**values), ref


def _dump(frame: dict) -> str:
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


def hello_frame(device: str, role: str) -> str:
    """The first frame: the device's key (the page keeps it, so that its votes and its team's claim
    follow it across reloads) and its role."""
    return _dump({"type": "hello", "device": device, "role": role})


def refusal_frame(code: str, language: str, *, ref: object = None, text: str | None = None) -> str:
    """A refusal said on that phone only; `text` (the engine's refusal in words) or the code's words."""
    from game.ui.strings import TR

    return _dump({"type": "refused", "code": code, "ref": ref,
                  "text": text if text is not None else TR(language, f"phone_refused_{code}")})


def ok_frame(ref: object, **fields) -> str:
    return _dump({"type": "ok", "ref": ref, **fields})


def ballot_frame(round_number: int | None, mine: dict[str, str]) -> str:
    """This device's own answers in the open vote (never anyone else's, never a tally)."""
    return _dump({"type": "ballot", "round": round_number, "mine": mine})


def dump(frame: dict) -> str:
    return _dump(frame)
