"""A count-down the facilitator starts, pauses and extends (the debrief's, the choices'); it reads the clock
it is given, so that tests and every display agree on what it shows."""

from __future__ import annotations


class Countdown:
    def __init__(self, minutes: float):
        self.total_ms = int(minutes * 60_000)
        self.elapsed_ms = 0
        self.started_at: int | None = None
        self.rang = False        # the cue at 0:00 was given (once, whatever the number of displays)

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def remaining(self, now: int) -> int:
        elapsed = self.elapsed_ms + (now - self.started_at if self.started_at is not None else 0)
        return max(0, self.total_ms - elapsed)

    def toggle(self, now: int) -> None:
        if self.started_at is None:
            self.started_at = now
        else:
            self.elapsed_ms += now - self.started_at
            self.started_at = None

    def add_minute(self, now: int | None = None) -> None:
        """One more minute; given `now`, a countdown already at 0:00 shows 01:00 (a minute from now, not
        from the moment it reached zero)."""
        if now is not None and self.remaining(now) == 0:
            self.total_ms = self.elapsed_ms + (now - self.started_at if self.started_at is not None else 0)
        self.total_ms += 60_000
        self.rang = False

    def due_cue(self, now: int) -> bool:
        """True once, the first time a running countdown is seen at 0:00."""
        if self.running and not self.rang and self.remaining(now) == 0:
            self.rang = True
            return True
        return False

    def text(self, now: int) -> str:
        seconds = (self.remaining(now) + 999) // 1000
        return f"{seconds // 60:02d}:{seconds % 60:02d}"
