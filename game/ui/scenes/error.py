"""The calm screen for a scenario that cannot be opened: its diagnostics, one by one, and a way back."""

from __future__ import annotations

import pygame

from game.ui.scenes.base import Scene


def describe(diagnostic, language: str) -> str:
    """One diagnostic as text, with the content layer's own rendering when it offers one."""
    for method in ("render", "format"):
        render = getattr(diagnostic, method, None)
        if callable(render):
            try:
                return str(render(language))
            except TypeError:
                try:
                    return str(render())
                except Exception:
                    break
    return str(diagnostic)


class ErrorScene(Scene):
    name = "error"

    def __init__(self, app, path: str, diagnostics: list):
        super().__init__(app)
        self.path = path
        self.diagnostics = diagnostics

    def header(self):
        return [self.tr("app_title"), self.tr("error_title")]

    def footer(self):
        return [self.tr("error_back")]

    def draw_body(self, canvas, flow):
        flow.text(self.tr("error_title"), "title", style="bold")
        flow.gap()
        flow.text(self.tr("error_count", count=len(self.diagnostics), path=self.path), role="secondary")
        for diagnostic in self.diagnostics:
            flow.gap()
            for line in describe(diagnostic, self.app.language).splitlines():
                flow.text(line.replace("\t", "    "), "small" if line.startswith(" ") else "body")

    def handle(self, event):
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            from game.ui.scenes.title import TitleScene

            self.app.show(TitleScene(self.app))
