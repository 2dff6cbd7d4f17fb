"""Deterministic chance: a 64-bit hash of (seed, place) instead of any shared random generator.

Every random choice of the game (events drawn in a round, the bot's choice for
one move) is a pure function of the seed and of where it happens, so a replay,
a resume or a simulation always draws the same thing, whatever came before.
"""

from __future__ import annotations

from functools import lru_cache

MASK = (1 << 64) - 1

# Salts that keep the different kinds of draws independent of each other.
SALT_EVENTS = 0x45564E54  # "EVNT"
SALT_BOT = 0x424F5420     # "BOT "
SALT_VERDICT = 0x56524454  # "VRDT"
SALT_GAME = 0x47414D45    # "GAME"


def mix(value: int) -> int:
    """SplitMix64 finaliser: spreads any 64-bit integer over 64 well-mixed bits."""
    value = (value + 0x9E3779B97F4A7C15) & MASK
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & MASK
    return value ^ (value >> 31)


@lru_cache(maxsize=4096)
def text_key(text: str) -> int:
    """A stable 64-bit number for an id (Python's own hash of a str changes between runs)."""
    data = text.encode("utf-8")
    value = len(data)
    for start in range(0, len(data), 8):
        value = mix(value ^ int.from_bytes(data[start:start + 8], "little"))
    return value


def place_hash(seed: int, *parts: int) -> int:
    """Hash of a seed and the integers that name a place in the game."""
    value = mix(seed & MASK)
    for part in parts:
        value = mix(value ^ (part & MASK))
    return value


def unit_interval(value: int) -> float:
    """A 64-bit hash as a float in [0, 1)."""
    return (value >> 11) * (1.0 / (1 << 53))


def game_seed(seed: int, index: int) -> int:
    """The seed of the index-th game of a simulation run with `seed`."""
    return place_hash(seed, SALT_GAME, index) >> 1
