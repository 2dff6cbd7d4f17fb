"""Screens shown over the game: the key help (F1), the quit confirmation, the calm crash screen."""

from __future__ import annotations

from game.ui import intents as kinds
from game.ui.canvas import Canvas, Flow
from game.ui.scenes.base import Scene


class HelpOverlay(Scene):
    name = "help"

    def __init__(self, app, under):
        super().__init__(app)
        self.under = under

    def header(self):
        return [self.tr("app_title"), self.tr("help_title")]

    def footer(self):
        return [self.tr("help_close")]

    def draw_body(self, canvas: Canvas, flow: Flow) -> None:
        flow.text(self.tr("help_title"), "title", style="bold")
        flow.gap()
        own = self.under.help_lines() if self.under is not None else []
        shared = getattr(self.under, "shared_help_lines", None)
        own = list(own) + (shared() if shared is not None else [])
        for line in own:
            if line != self.tr("key_help"):
                flow.text(line)
        flow.gap()
        for key in ("help_f1", "help_f11", "help_f2", "help_f3", "help_page", "help_tab", "help_escape"):
            flow.text(self.tr(key), role="text")

    def act(self, intent):
        if intent.kind in (kinds.BACK, kinds.CONFIRM):
            self.app.close_overlay()
            return True
        return False


class EndEarlyOverlay(Scene):
    """Confirm the facilitator's "end after this round" (or its taking back, once decided): O/Y/Enter
    submits SetLastRound, N/Esc closes; the game's screen stays underneath."""

    name = "end_early"

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play
        state = play.state
        self.undo = state.ended_early      # decided already: the question is whether to take it back

    def header(self):
        return [self.tr("app_title"), self.tr("round_of", n=self.play.state.round, total=self.play.state.setup.rounds)]

    def footer(self):
        return [self.tr("end_early_undo_keys" if self.undo else "end_early_keys")]

    def draw_body(self, canvas, flow):
        state = self.play.state
        values = {"n": state.round if not self.undo else state.final_round, "rounds": state.setup.rounds}
        flow.text(self.tr("end_early_undo_title" if self.undo else "end_early_title", **values), "title", style="bold")
        flow.gap()
        flow.text(self.tr("end_early_undo_body" if self.undo else "end_early_body", **values))

    def act(self, intent):
        if intent.kind == kinds.CONFIRM or intent.kind == kinds.LETTER and intent.value in ("o", "y"):
            from game.engine import SetLastRound

            state = self.play.state
            wanted = state.setup.rounds if self.undo else state.round
            self.app.close_overlay()
            if self.play.submit(SetLastRound(wanted)):
                self.app.notice = (self.tr("end_early_unset", rounds=state.setup.rounds) if self.undo
                                   else self.tr("end_early_set", n=wanted))
            return True
        if intent.kind == kinds.BACK or intent.kind == kinds.LETTER and intent.value == "n":
            self.app.close_overlay()
            return True
        return False


class QuitOverlay(Scene):
    name = "quit"

    def __init__(self, app, previous_overlay=None):
        super().__init__(app)
        self.previous = previous_overlay

    def header(self):
        return [self.tr("app_title")]

    def footer(self):
        return [self.tr("quit_keys")]

    def draw_body(self, canvas, flow):
        flow.text(self.tr("quit_title"), "title", style="bold")
        flow.gap()
        flow.text(self.tr("quit_body"))

    def act(self, intent):
        if intent.kind == kinds.CONFIRM or intent.kind == kinds.LETTER and intent.value in ("o", "y"):
            self.app.quit(0)
            return True
        if intent.kind == kinds.BACK or intent.kind == kinds.LETTER and intent.value == "n":
            self.app.show_overlay(self.previous) if self.previous else self.app.close_overlay()
            return True
        return False


class CrashOverlay(Scene):
    name = "crash"

    def __init__(self, app, log_path):
        super().__init__(app)
        self.log_path = log_path

    def header(self):
        return [self.tr("app_title")]

    def footer(self):
        return [self.tr("crash_resume")]

    def draw_body(self, canvas, flow):
        flow.text(self.tr("crash_title"), "title", style="bold")
        flow.gap()
        flow.text(self.tr("crash_body", path=str(self.log_path)))

    def act(self, intent):
        if intent.kind in (kinds.CONFIRM, kinds.BACK):
            self.app.recover()
            return True
        return False
