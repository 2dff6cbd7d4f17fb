"""The choices' countdown (setup option, on in the "2 h" preset) on the screens of the choices: the hand-off
and the wall show it large, a team's private choice in its header. T pauses it, + gives one more minute
(on the hand-off, the facilitator's). At 0:00 the cue sounds once and the laptop names the teams that have
not chosen yet; the wall says only "temps écoulé". Nothing is ever chosen for a team: the rules never read
the timer (the room decides what to do).

The countdown is the debrief's machinery (game.ui.timer.Countdown), kept beside the session
(Play.shared.choices_timer_for) so that every display shows the same one; it runs from the start of the
choices of each round, and starts afresh after a resume (as the debrief's does)."""

from __future__ import annotations

from typing import Optional

from game.ui import intents as kinds
from game.ui.scenes.base import monotonic_ms
from game.ui.scenes.debrief import DebriefPage
from game.ui.strings import capitalised
from game.ui.timer import Countdown


class ChoicesClock:
    """For a GameScene of the choices phase: its timer, its tick, its words at 0:00."""

    _shown_seconds: Optional[str] = None

    def now(self) -> int:
        return monotonic_ms()

    @property
    def timer(self) -> Optional[Countdown]:
        return self.play.shared.choices_timer_for(self.state, self.now())

    def waiting_teams(self) -> str:
        """"Équipe 2, Équipe Zoé": the teams with no confirmed move, in turn order."""
        return ", ".join(capitalised(self.team_text(c)) for c in self.state.waiting)

    def time_up(self) -> bool:
        timer = self.timer
        return timer is not None and timer.remaining(self.now()) == 0

    def clock_header(self) -> str:
        """"Choix : 03:12" (or "temps écoulé") for a header; "" without a choices timer."""
        timer = self.timer
        if timer is None:
            return ""
        now = self.now()
        if timer.remaining(now) == 0:
            return self.tr("choices_time_up_short")
        return self.tr("choices_clock", time=timer.text(now))

    def next_wakeup(self, now_ms):
        timer = self.timer
        if timer is None or not timer.running or timer.remaining(now_ms) == 0:
            return None
        return timer.remaining(now_ms) % 1000 + 1

    def tick(self, now_ms):
        timer = self.timer
        if timer is None:
            return False
        if timer.due_cue(now_ms):
            # Once per countdown, whichever display saw it first: the facilitator is told on the laptop
            # (a notice never shows on the wall) who has not chosen; nothing is chosen for them.
            if self.state.waiting:
                self.app.notice = self.tr("choices_time_up", teams=self.waiting_teams())
            if getattr(self.app.settings, "sound", True):
                from game.ui.sound import cue

                cue()
            self.app.invalidate()
            return True
        return timer.text(now_ms) != self._shown_seconds

    def clock_act(self, intent) -> bool:
        """The facilitator's keys of the countdown: T (pause / go on), + (one more minute)."""
        timer = self.timer
        if timer is None:
            return False
        if intent.kind == kinds.LETTER and intent.value == "t":
            timer.toggle(self.now())
            return True
        if intent.kind == kinds.PLUS:
            timer.add_minute(self.now())
            return True
        return False

    def clock_hint(self) -> list[str]:
        return [self.tr("timer_hint")] if self.timer is not None else []

    def draw_clock(self, canvas, flow, sizes=("title", "body", "small"), most_height: int = 0) -> None:
        """The countdown's box (the debrief's drawing; at most `most_height` tall when given); at 0:00 on the
        laptop, the teams still choosing."""
        if self.timer is None:
            return
        self.draw_timer(canvas, flow, sizes, most_height=most_height)
        if self.time_up() and self.state.waiting and not getattr(self, "on_wall", False):
            flow.gap(canvas.metrics.gap // 2)
            flow.text(self.tr("choices_not_chosen", teams=self.waiting_teams()), "body", style="bold")

    # The debrief's countdown box, drawn the same way here (it reads self.timer, self.now(), self.tr).
    draw_timer = DebriefPage.draw_timer
