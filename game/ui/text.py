"""Text with the committed font: French-aware line breaking, measuring, and drawing (arrows drawn as shapes)."""

from __future__ import annotations

import re
from functools import lru_cache

import pygame

from game.paths import FONTS

NBSP = "\u00a0"
# The font has no arrows: these characters are drawn as shapes, each the width of "MM".
ARROWS = {"\u2192": "right", "\u2190": "left", "\u2191": "up", "\u2193": "down"}
_ARROW_SPLIT = re.compile("([\u2190-\u2193])")

# French typography: no line break before « » ; : ! ? (nor after «), and none
# inside a number written with spaces ("10 000", "3 500 €").
_BEFORE_PUNCT = re.compile(r"[ \u202f](?=[»;:!?])")
_AFTER_GUILLEMET = re.compile(r"(?<=«)[ \u202f]")
_IN_NUMBER = re.compile(r"(?<=\d)[ \u202f](?=\d{3}\b)")
_BEFORE_UNIT = re.compile(r"(?<=\d)[ \u202f](?=(?:€|%|h\b|min\b))")
_FRACTION = re.compile(r"(?<=\d) / (?=\d)")     # "4 / 10", "Tour 2 / 5" stay whole

_FILES = {
    "regular": "AtkinsonHyperlegible-Regular.ttf",
    "bold": "AtkinsonHyperlegible-Bold.ttf",
    "italic": "AtkinsonHyperlegible-Italic.ttf",
}


@lru_cache(maxsize=128)
def font(size: int, style: str = "regular") -> pygame.font.Font:
    """The committed font at a pixel size (cached: sizes repeat from frame to frame)."""
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.font.Font(str(FONTS / _FILES[style]), max(6, int(size)))


def protect(text: str) -> str:
    """Turn the spaces where French forbids a break into non-breaking spaces."""
    text = _BEFORE_PUNCT.sub(NBSP, text)
    text = _AFTER_GUILLEMET.sub(NBSP, text)
    text = _IN_NUMBER.sub(NBSP, text)
    text = _FRACTION.sub(f"{NBSP}/{NBSP}", text)
    return _BEFORE_UNIT.sub(NBSP, text)


def arrow_width(face: pygame.font.Font) -> int:
    return face.size("M")[0] * 5 // 4


def _has_arrow(text: str) -> bool:
    return any(a in text for a in ARROWS)


def measure(face: pygame.font.Font, text: str) -> int:
    """Width in pixels of one line, arrows included."""
    if not _has_arrow(text):
        return face.size(text)[0] if text else 0
    return sum(arrow_width(face) if p in ARROWS else face.size(p)[0]
               for p in _ARROW_SPLIT.split(text) if p)


_NO_LINE_START = set("»:;!?\u00a0")


def _split_long_word(face: pygame.font.Font, word: str, width: int) -> list[str]:
    """Cut a word wider than the line; a piece never starts with high punctuation or a non-breaking space."""
    pieces, current = [], ""
    for char in word:
        if current and measure(face, current + char) > width:
            carried = ""
            while char in _NO_LINE_START and len(current) > 1 and current[-1:] != "":
                carried = current[-1] + carried
                current = current[:-1]
                if current[-1:] not in _NO_LINE_START:
                    break
            pieces.append(current)
            current = carried + char
        else:
            current += char
    if current:
        pieces.append(current)
    return pieces


def wrap(face: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of `text` that fit `width` with this font; explicit newlines kept; never an empty result."""
    lines: list[str] = []
    for paragraph in protect(text).split("\n"):
        words = paragraph.split(" ")
        current = ""
        for word in words:
            if not word:
                continue
            candidate = f"{current} {word}" if current else word
            if measure(face, candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            if measure(face, word) <= width:
                current = word
            else:
                *full, current = _split_long_word(face, word, width)
                lines.extend(full)
        lines.append(current)
    return lines or [""]


def draw_arrow(surface: pygame.Surface, colour, box: pygame.Rect, direction: str, thickness: int) -> None:
    """An arrow as a shape inside `box` (about two letters wide, one x-height tall)."""
    cx, cy = box.center
    vectors = {"right": (1, 0), "left": (-1, 0), "up": (0, -1), "down": (0, 1)}
    dx, dy = vectors[direction]
    half = (box.width if dx else box.height) // 2
    head = max(4, min(box.width, box.height) * 2 // 5)
    tail = (cx - dx * half, cy - dy * half)
    tip = (cx + dx * half, cy + dy * half)
    base = (tip[0] - dx * head, tip[1] - dy * head)
    pygame.draw.line(surface, colour, tail, base, max(2, thickness))
    side = (dy * head * 0.75, dx * head * 0.75)
    pygame.draw.polygon(surface, colour, [tip, (base[0] + side[0], base[1] + side[1]),
                                          (base[0] - side[0], base[1] - side[1])])


def render_line(surface: pygame.Surface, face: pygame.font.Font, text: str, colour, pos: tuple[int, int]) -> pygame.Rect:
    """Draw one line at `pos` (top-left); returns the rectangle it covers."""
    x, y = pos
    height = face.get_linesize()
    if not _has_arrow(text):
        if text:
            surface.blit(face.render(text, True, colour), (x, y))
        return pygame.Rect(x, y, measure(face, text), height)
    start = x
    ascent = face.get_ascent()
    for part in _ARROW_SPLIT.split(text):
        if not part:
            continue
        if part in ARROWS:
            width = arrow_width(face)
            size = ascent * 3 // 4
            box = pygame.Rect(0, 0, width - 2, size)
            box.center = (x + width // 2, y + ascent - size // 2 - ascent // 12)
            draw_arrow(surface, colour, box, ARROWS[part], max(2, face.get_height() // 14))
            x += width
        else:
            surface.blit(face.render(part, True, colour), (x, y))
            x += face.size(part)[0]
    return pygame.Rect(start, y, x - start, height)
