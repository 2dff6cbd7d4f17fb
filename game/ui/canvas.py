"""Drawing context of one frame: themed text and panels, and a record of every text box drawn (tests check them)."""

# No `from __future__ import annotations` here: typing.NamedTuple turns each string annotation into a
# ForwardRef through compile(), about 40 of them before the first frame (1.5-2 ms); these evaluate at once.

from typing import Callable, NamedTuple

import pygame

from game.ui import text as textlib
from game.ui.theme import Metrics, Theme


class TextBox(NamedTuple):
    """One line of text as drawn: where, how big, which colours, and the area it had to stay inside."""

    rect: pygame.Rect
    text: str
    size: int
    fg: tuple
    bg: tuple
    area: pygame.Rect


class Canvas:
    """One frame's surface with its theme and sizes; records text boxes and click areas as it draws."""

    def __init__(self, surface: pygame.Surface, theme: Theme, metrics: Metrics, language: str = "fr"):
        self.surface = surface
        self.theme = theme
        self.metrics = metrics
        self.language = language
        self.boxes: list[TextBox] = []
        self.hits: list[tuple[pygame.Rect, object]] = []
        self.focus_hidden = False    # a list could not show its focused item in this frame

    @property
    def rect(self) -> pygame.Rect:
        return self.surface.get_rect()

    def colour(self, role: str):
        return self.theme.text_roles.get(role) or self.theme.surface_roles[role]

    def size(self, kind: str) -> int:
        if kind == "huge":   # the debrief timer, read from the back of the room
            return self.metrics.title * 3 // 2
        return {"title": self.metrics.title, "body": self.metrics.body, "small": self.metrics.small}[kind]

    def face(self, kind: str, style: str = "regular") -> pygame.font.Font:
        return textlib.font(self.size(kind), style)

    def line_height(self, kind: str) -> int:
        return self.face(kind).get_linesize()

    def clear(self) -> None:
        self.surface.fill(self.theme.background)
        self.boxes.clear()
        self.hits.clear()
        self.focus_hidden = False

    def panel(self, rect: pygame.Rect, on: str = "panel", border: bool = True) -> None:
        radius = max(4, self.metrics.gap // 2)
        pygame.draw.rect(self.surface, self.colour(on), rect, border_radius=radius)
        if border:
            pygame.draw.rect(self.surface, self.theme.rule, rect, width=max(1, self.metrics.height // 540),
                             border_radius=radius)

    def focus_ring(self, rect: pygame.Rect) -> None:
        width = self.metrics.focus_width
        pygame.draw.rect(self.surface, self.theme.focus, rect.inflate(width * 2, width * 2), width=width,
                         border_radius=max(4, self.metrics.gap // 2))

    def line(self, text: str, x: int, y: int, kind: str = "body", *, style: str = "regular",
             role: str = "text", on: str = "background", area: pygame.Rect | None = None) -> pygame.Rect:
        """Draw one line as is (the caller made sure it fits); records its box."""
        face = textlib.font(self.size(kind), style)
        rect = textlib.render_line(self.surface, face, text, self.colour(role), (x, y))
        self.boxes.append(TextBox(rect, text, self.size(kind), self.colour(role), self.colour(on),
                                  area or self.rect))
        return rect

    def wrapped(self, text: str, width: int, kind: str = "body", style: str = "regular") -> list[str]:
        return textlib.wrap(textlib.font(self.size(kind), style), text, max(1, width))

    def text_width(self, text: str, kind: str = "body", style: str = "regular") -> int:
        return textlib.measure(textlib.font(self.size(kind), style), text)

    def add_hit(self, rect: pygame.Rect, target: object) -> None:
        self.hits.append((pygame.Rect(rect), target))

    def hit_at(self, pos) -> object | None:
        for rect, target in reversed(self.hits):
            if rect.collidepoint(pos):
                return target
        return None


class Flow:
    """Stacks blocks top to bottom inside `area`; skips the first `skip` blocks (scrolling) and never draws
    a block that would not fit whole, so nothing is ever cut; `overflow` tells there is more below.
    `continued` holds the blocks that go on a paragraph (its wrapped lines after the first): a scrolled page
    does not start there (Scene.scroll_by); `sentences`, those of them that begin a sentence (the line
    before ends with . ! ? or …), where a page may start inside a paragraph longer than the page."""

    def __init__(self, canvas: Canvas, area: pygame.Rect, skip: int = 0):
        self.canvas = canvas
        self.area = pygame.Rect(area)
        self.y = area.top
        self.skip = skip
        self.index = 0
        self.overflow = False
        self.drawn = 0
        self.continued: set[int] = set()
        self.sentences: set[int] = set()

    @property
    def width(self) -> int:
        return self.area.width

    def space_left(self) -> int:
        return self.area.bottom - self.y

    def block(self, height: int, draw: Callable[[pygame.Rect], None], *, keep: bool = False) -> pygame.Rect | None:
        """Place one block of `height`; `draw` gets its rectangle. Returns it, or None when skipped or out."""
        index = self.index
        self.index += 1
        if index < self.skip and not keep:
            return None
        if self.overflow or self.y + height > self.area.bottom:
            self.overflow = True
            return None
        rect = pygame.Rect(self.area.left, self.y, self.area.width, height)
        draw(rect)
        self.y += height
        self.drawn += 1
        return rect

    def gap(self, size: int | None = None) -> None:
        if self.drawn:
            self.y += self.canvas.metrics.gap if size is None else size

    def text(self, text: str, kind: str = "body", *, style: str = "regular", role: str = "text",
             on: str = "background", indent: int = 0, hanging: int = 0) -> None:
        """A paragraph: each wrapped line is its own block, so a long text scrolls line by line.
        `hanging` sets the lines after the first further in, so that items of a list stand apart."""
        face_height = self.canvas.line_height(kind)
        previous = ""
        for number, line in enumerate(self.canvas.wrapped(text, self.width - indent - hanging, kind, style)):
            left = indent + (hanging if number else 0)
            if number:
                self.continued.add(self.index)
                if previous.rstrip(" \u00a0\u202f").endswith((".", "!", "?", "\u2026")):
                    self.sentences.add(self.index)
            previous = line
            self.block(face_height, lambda r, line=line, left=left: self.canvas.line(
                line, r.left + left, r.top, kind, style=style, role=role, on=on, area=self.area))
