"""The bot's policies: which postures a policy picks among (no pydantic: the simulator imports it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.engine.tables import Tables

POLICIES = ("random", "coop", "solo")   # and always:POSTURE; for the audit level:N and the +observe suffix
OBSERVE_SUFFIX = "+observe"


def posture_candidates(tables: Tables, policy: str) -> tuple[str, ...]:
    """The postures a policy picks among (ValueError for a policy that names nothing of the scenario)."""
    base = policy[: -len(OBSERVE_SUFFIX)] if policy.endswith(OBSERVE_SUFFIX) else policy
    if base in POLICIES:
        candidates = tables.posture_candidates(base)
    elif base.startswith("always:"):
        candidates = tuple(p for p in tables.posture_ids if p == base[len("always:"):])
    elif base.startswith("level:") and base[len("level:"):].lstrip("-").isdigit():
        level = int(base[len("level:"):])
        candidates = tuple(p for p in tables.posture_ids if tables.coop_of[p] == level)
    else:
        candidates = ()
    if not candidates:
        raise ValueError(f"unknown policy {policy!r}")
    return candidates


def observes_only(policy: str) -> bool:
    """Whether the policy always plays the built-in observer."""
    return policy.endswith(OBSERVE_SUFFIX)
