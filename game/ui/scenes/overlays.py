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
