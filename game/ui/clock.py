"""The workshop's clock for the facilitator: how long the session has run and when, at the rounds' pace so
far, it should end ("1 h 12 · fin vers 16 h 05"). From the session's own times (its header's creation and
each command's), so a resumed game keeps them; shown on the laptop only (the wall shows no clock time)."""

from __future__ import annotations

import time
from typing import Optional


def _duration(seconds: float, language: str) -> str:
    minutes = int(seconds // 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}\u00a0h\u00a0{minutes:02d}"
    return f"{minutes}\u00a0min"


def _clock(moment: float, language: str) -> str:
    local = time.localtime(moment)
    return f"{local.tm_hour}\u00a0h\u00a0{local.tm_min:02d}" if language == "fr" else f"{local.tm_hour}:{local.tm_min:02d}"


def workshop_clock(session, state, tr, language: str, now: Optional[float] = None) -> str:
    """"1 h 12 · fin vers 16 h 05" (the estimate once a round is done), or "" without times."""
    header = getattr(session, "header", None) or {}
    times = [t for t in getattr(session, "times", []) if t]
    start = header.get("created") or (times[0] if times else None)
    if not start:
        return ""
    now = time.time() if now is None else now
    elapsed = max(0.0, now - start)
    text = tr("clock_elapsed", time=_duration(elapsed, language))
    # The rounds still to play end with the last one: the setup's, or the one the facilitator made the last.
    total = state.final_round
    done = state.round - 1 if state.phase != "end" else len(state.history)
    if 0 < done < total:
        pace = elapsed / done                # per round, the debriefs included
        left = total - done
        if state.phase != "situation":
            # Part of the current round is already played: count it from the last round's pace.
            left = max(0.0, left - min(1.0, (elapsed - pace * done) / pace))
        text = f"{text} \u00b7 {tr('clock_end', time=_clock(now + pace * left, language))}"
    return text
