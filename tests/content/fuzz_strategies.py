"""Hypothesis strategies producing scenario files of every kind of wrongness: mutated, re-encoded, random, restructured."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import strategies as st

from content_cases import FIXTURES

SEEDS = [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "valid").glob("*.yaml"))]
SEED_DATA = [yaml.load(text, Loader=yaml.CSafeLoader) for text in SEEDS]

# Values that YAML or the format treats specially.
TOKENS = [
    "yes", "no", "~", "null", "", "0", "-1", "1e400", ".nan", "-.inf", "99999999999999999999999", "2.5",
    "[", "]", "{", "}", "*a", "&a x", "&a [*a]", "!!str x", "!!python/object/apply:os.system [ls]", "!foo x",
    "'", '"', "\t", "- x", "{a: 1}", "[1, 2]", "observer", '"\\u202e"', '"\\x07"', '"\\ud800"', "@", "`", "%",
    "? x", ": x", "|", ">", "x: y: z", "#", "---", "...", "é" * 5000, "<<: *a", "2024-01-01", "0x1F",
]
KEYS = [
    "format", "id", "title", "language", "summary", "territory", "name", "description", "facts", "goal", "players",
    "min", "max", "rounds", "debrief_minutes", "indicators", "label", "start", "resources", "per_round", "postures",
    "coop", "effects", "characters", "role", "objective", "secret", "image", "actions", "who", "cost", "by_posture",
    "requires", "once", "tags", "events", "text", "when", "weight", "events_per_round", "round_texts", "synergies",
    "debrief", "every_round", "triggers", "ask", "final", "phase", "endings", "round_at_least", "indicator_at_most",
    "posture_count", "coop_average_at_least", "action_played", "ever_played", "character_posture", "any", "not",
]


@st.composite
def mutated_text(draw) -> bytes:
    """A valid scenario with a few line-level edits: deleted, doubled, swapped, re-indented or rewritten lines."""
    lines = draw(st.sampled_from(SEEDS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "double", "swap", "indent", "value", "insert", "truncate"]))
        if operation == "delete":
            del lines[index]
        elif operation == "double":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "indent":
            shift = draw(st.integers(-3, 3))
            lines[index] = " " * shift + lines[index] if shift > 0 else lines[index][-shift:]
        elif operation == "value" and ": " in lines[index]:
            key = lines[index].split(": ", 1)[0]
            lines[index] = key + ": " + draw(st.sampled_from(TOKENS) | st.text(max_size=30))
        elif operation == "insert":
            at = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:at] + draw(st.sampled_from(TOKENS) | st.text(max_size=10)) + lines[index][at:]
        elif operation == "truncate":
            lines = lines[:index] + [lines[index][: draw(st.integers(0, len(lines[index])))]]
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def reencoded_text(draw) -> bytes:
    text = draw(st.sampled_from(SEEDS))
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "utf-8-sig"]))
    return text.encode(encoding, "replace")


@st.composite
def flipped_bytes(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)).encode("utf-8"))
    for _ in range(draw(st.integers(1, 5))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data)


_SCALARS = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True, allow_infinity=True)
            | st.text(max_size=20) | st.sampled_from(["observer", "confiance", "elue", "reunion", "imposer", "analyse"]))
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8),
                                                                      children, max_size=4),
    max_leaves=12,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, prefix + (index,))
    return found


@st.composite
def restructured_data(draw) -> bytes:
    """A valid scenario's data with a few values replaced by random ones, written back as YAML.

    Reaches the model and the cross-reference checks with well-formed YAML of the wrong shape.
    """
    data = copy.deepcopy(draw(st.sampled_from(SEED_DATA)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)[1:]))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = draw(_VALUES)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")


ANY_FILE = (
    mutated_text() | reencoded_text() | flipped_bytes() | restructured_data()
    | st.binary(max_size=2000) | st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass"))
)
