"""A located problem in a scenario file (`Diagnostic`), the loader's one error type, and their GCC-style rendering."""

from __future__ import annotations

from game.record import field, record
from typing import Any, Iterable, Optional


def for_terminal(text: str, **options) -> str:
    """game.neutralise.for_terminal, imported when a diagnostic is first shown (not by every `except ScenarioError`)."""
    from game.neutralise import for_terminal as neutralise

    return neutralise(text, **options)


MAX_SHOWN = 100  # diagnostics listed per file; then how many more


@record
class Diagnostic:
    """One problem: where it is (1-based line and column), what it is (a message code and its values).

    A problem about the whole file (missing, unreadable) has line 0 and is
    rendered `PATH: error: message`.

    The text is produced in the reader's language only when rendered, so the
    same diagnostic can be shown in French or English.
    """

    path: str
    line: int
    col: int
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False)
    hint: Optional[str] = None  # code of an optional hint, rendered with the same params
    source: Optional[str] = None  # the offending source line, shown with a caret under `col`

    def message(self, lang: str = "fr") -> str:
        from game.content.messages import MESSAGES

        return MESSAGES(lang, self.code, **self.params)

    def hint_text(self, lang: str = "fr") -> Optional[str]:
        if self.hint is None:
            return None
        from game.content.messages import MESSAGES

        return MESSAGES(lang, self.hint, **self.params)

    def render(self, lang: str = "fr") -> str:
        """`PATH:LINE:COL: error: message`, then indented lines: the hint, the source line and a caret."""
        # "error:" stays in English in both languages: editors' problem matchers look for it.
        # Paths and values come from files and people: no escape sequence of theirs reaches
        # the terminal, no line break of theirs starts a line (game.neutralise.for_terminal).
        path = for_terminal(self.path)
        place = f"{path}:{self.line}:{self.col}" if self.line > 0 else path
        lines = [f"{place}: error: {for_terminal(self.message(lang))}"]
        hint = self.hint_text(lang)
        if hint:
            lines.append(f"    {for_terminal(hint)}")
        if self.source is not None:
            # Control and bidi characters would garble the terminal (or reorder the
            # line); one replacement character each keeps the caret in place.
            shown = for_terminal(self.source.replace("\t", " "), same_width=True)
            if len(shown) > 160:
                # Keep the caret visible on very long lines: show a window around it.
                start = max(0, self.col - 80)
                shown = shown[start:start + 160]
                caret_at = self.col - 1 - start
            else:
                caret_at = self.col - 1
            lines.append(f"    {shown}")
            lines.append("    " + " " * max(0, caret_at) + "^")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render("fr")


class ScenarioError(Exception):
    """The one error type of the loader: carries every diagnostic found in the file, in file order."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = list(diagnostics)
        first = self.diagnostics[0].render("en").splitlines()[0] if self.diagnostics else "invalid scenario"
        more = len(self.diagnostics) - 1
        super().__init__(first + (f" (+{more} more)" if more > 0 else ""))

    def render(self, lang: str = "fr", limit: Optional[int] = MAX_SHOWN) -> str:
        """Each diagnostic in file order, at most `limit` of them, then how many more (interfaces page)."""
        shown = self.diagnostics if limit is None else self.diagnostics[:limit]
        lines = [diagnostic.render(lang) for diagnostic in shown]
        hidden = len(self.diagnostics) - len(shown)
        if hidden > 0:
            from game.content.messages import MESSAGES

            lines.append(MESSAGES(lang, "more_problems", count=hidden, path=for_terminal(self.diagnostics[0].path)))
        return "\n".join(lines)
