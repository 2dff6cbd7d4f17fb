"""The calm screen for a scenario that cannot be opened: its diagnostics, one by one, and a way back."""

from __future__ import annotations

from game.ui import intents as kinds
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

    def lines_of(self, diagnostic) -> list[tuple[str, str]]:
        """(size, text) lines for one diagnostic: its place and message large, its hint and source line
        smaller (no caret: a proportional font cannot point at a column)."""
        language = self.app.language
        message = getattr(diagnostic, "message", None)
        if not callable(message):
            return [("body", line) for line in describe(diagnostic, language).splitlines()]
        line = getattr(diagnostic, "line", 0)
        place = self.tr("error_place", line=line, col=getattr(diagnostic, "col", 0)) if line else ""
        lines = [("body", f"{place}{message(language)}")]
        hint = diagnostic.hint_text(language) if hasattr(diagnostic, "hint_text") else None
        if hint:
            lines.append(("small", hint))
        source = getattr(diagnostic, "source", None)
        if source and source.strip():
            lines.append(("small", f"\u00ab {source.strip()[:200]} \u00bb"))
        return lines

    def draw_body(self, canvas, flow):
        flow.text(self.tr("error_title"), "title", style="bold")
        flow.gap()
        flow.text(self.tr("error_count", count=len(self.diagnostics), path=self.path), role="secondary")
        for diagnostic in self.diagnostics:
            flow.gap()
            for size, line in self.lines_of(diagnostic):
                flow.text(line, size, role="text" if size == "body" else "secondary")

    def act(self, intent):
        if intent.kind in (kinds.BACK, kinds.CONFIRM):
            from game.ui.scenes.title import TitleScene

            self.app.show(TitleScene(self.app))
            return True
        return False
