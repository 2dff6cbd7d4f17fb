"""Text with the committed font: French-aware line breaking, measuring, and drawing (arrows drawn as shapes)."""

from __future__ import annotations

import io
import weakref
from functools import lru_cache
from itertools import groupby

import pygame

from game.paths import FONTS
from game.ui.coverage import COVERED

NBSP = "\u00a0"
# The font has no arrows: these characters are drawn as shapes, each the width of "MM".
ARROWS = {"\u2192": "right", "\u2190": "left", "\u2191": "up", "\u2193": "down"}

# French typography: no line break before « » ; : ! ? (nor after «), and none
# inside a number written with spaces ("10 000", "3 500 €"). Nor before the middle dot that separates
# the parts of a line ("ville · équipe 1"): a line never begins with "·". (protect() does it in one
# pass over the text: its patterns, the arrows' and the controls' took 0.4-0.5 ms to compile on every
# first frame.) _NO_LINE_START, below, is the same rule for a word cut because it is wider than the line.
_BREAKABLE = " \u202f"
_HIGH = frozenset("»;:!?\u00b7")
_UNITS = ("€", "%", "h", "min")

# Atkinson Hyperlegible with an open zero: its slashed zero read "Ø" from the back of a room, and the font
# has no unslashed alternate (scripts/unslashed_zero.py redraws the glyph, nothing else changes).
_FILES = {
    "regular": "AtkinsonHyperlegibleOpenZero-Regular.ttf",
    "bold": "AtkinsonHyperlegibleOpenZero-Bold.ttf",
    "italic": "AtkinsonHyperlegibleOpenZero-Italic.ttf",
}


# Faces made by font(), with their size and style, so a missing glyph finds a fallback of the same kind.
_FACE_KIND: "weakref.WeakKeyDictionary[pygame.font.Font, tuple[int, str]]" = weakref.WeakKeyDictionary()


@lru_cache(maxsize=128)
def font(size: int, style: str = "regular") -> pygame.font.Font:
    """The committed font at a pixel size (cached: sizes repeat from frame to frame)."""
    if not pygame.font.get_init():
        pygame.font.init()
    face = pygame.font.Font(io.BytesIO(_font_file(style)), max(6, int(size)))
    _FACE_KIND[face] = (max(6, int(size)), style)
    return face


@lru_cache(maxsize=None)
def _font_file(style: str) -> bytes:
    """A committed font file's bytes, read once for all its sizes. A face opened from a path reads the
    file through unbuffered seeks and reads (some 4,000 system calls before the setup screen); from
    memory, FreeType reads a copy: a fresh process measuring and drawing a line's words in 5 faces took
    7.8 ms instead of 11.2 (medians of 21). With the hinted font the two were even: its bytecode was
    the cost then (scripts/unslashed_zero.py)."""
    with open(FONTS / _FILES[style], "rb") as stream:
        return stream.read()


# The committed font covers Latin scripts only. A scenario may hold Greek, Cyrillic, Arabic or other
# names: their letters are drawn with a system font rather than as empty boxes.
_SYSTEM_FALLBACKS = "segoeui,arial,dejavusans,notosans,freesans,liberationsans,helvetica"


def _missing(char: str) -> bool:
    """Whether the committed font has no glyph for `char` (its table: game.ui.coverage)."""
    return not (char.isascii() or char in COVERED or char in ARROWS)


@lru_cache(maxsize=4)
def _fallback_file(bold: bool) -> str | None:
    return pygame.font.match_font(_SYSTEM_FALLBACKS, bold=bold)


@lru_cache(maxsize=64)
def _fallback_face(size: int, style: str) -> pygame.font.Font | None:
    path = _fallback_file(style == "bold")
    if path is None:
        return None
    try:
        face = pygame.font.Font(path, size)
    except (OSError, pygame.error):
        return None
    face.italic = style == "italic"
    return face


# What no font call accepts (NUL, lone surrogates) or draws (other controls): shown as U+FFFD.
# A text on screen may come from anywhere (a team name typed in, an error screen quoting a
# broken file), so drawing never relies on validation (see game/content/characters.py).
# (Lone surrogates are found by the UTF-8 encoder, which refuses them, rather than by a pattern: a
# character class holding their range took 0.3-0.6 ms to compile, on every first frame.)
_UNDRAWABLE = dict.fromkeys([*range(0x00, 0x09), *range(0x0A, 0x20), *range(0x7F, 0xA0)], "\ufffd")


def drawable(text: str) -> str:
    """`text` as the font calls can take it: tabs as spaces, controls and surrogates as U+FFFD."""
    if text.isascii() and text.isprintable():
        return text
    text = text.replace("\t", " ").translate(_UNDRAWABLE)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:      # a lone surrogate
        text = "".join("\ufffd" if "\ud800" <= char <= "\udfff" else char for char in text)
    return text


def _runs(face: pygame.font.Font, text: str) -> list[tuple[pygame.font.Font, str]]:
    """`text` cut into pieces, each with the face that has its glyphs (the committed one when it can)."""
    text = drawable(text)
    if text.isascii() or not any(map(_missing, set(text))):
        return [(face, text)]
    kind = _FACE_KIND.get(face)
    other = _fallback_face(*kind) if kind else None
    if other is None:
        return [(face, text)]
    return [(other if missing else face, "".join(chars)) for missing, chars in groupby(text, _missing)]


def _text_width(face: pygame.font.Font, text: str) -> int:
    return sum(part_face.size(part)[0] for part_face, part in _runs(face, text))


def _blit_text(surface: pygame.Surface, face: pygame.font.Font, text: str, colour, x: int, y: int) -> int:
    """Draw text without arrows at (x, y), fallback pieces on the committed font's baseline; returns the new x."""
    for part_face, part in _runs(face, text):
        width = part_face.size(part)[0]
        if width <= 0:
            continue  # only zero-width characters (marks, joiners, format characters): nothing to draw
        dy = face.get_ascent() - part_face.get_ascent()
        try:
            surface.blit(part_face.render(part, True, colour), (x, y + dy))
        except (pygame.error, ValueError):
            pass  # a piece the font library refuses is left out; the rest of the line is drawn
        x += width
    return x


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _unit_follows(text: str, start: int) -> bool:
    """Whether a unit begins at `start`: € or %, or the word h or min."""
    for unit in _UNITS:
        if text.startswith(unit, start):
            end = start + len(unit)
            if unit in ("€", "%") or not _word_char(text[end:end + 1]):
                return True
    return False


def protect(text: str) -> str:
    """Turn the spaces where French forbids a break into non-breaking spaces: before « » ; : ! ? ·, after
    «, inside "10 000", before a unit after a number ("3 500 €", "20 %", "2 h", "30 min"), and on both
    sides of the slash of a count ("Tour 2 / 5")."""
    if " " not in text and "\u202f" not in text:
        return text
    chars = list(text)
    for i, char in enumerate(text):
        if char not in _BREAKABLE:
            continue
        before, after = text[i - 1:i], text[i + 1:i + 2]
        if after in _HIGH or before == "«":
            chars[i] = NBSP
        elif before.isdecimal():
            group = text[i + 1:i + 4]
            if (len(group) == 3 and group.isdecimal() and not _word_char(text[i + 4:i + 5])) \
                    or _unit_follows(text, i + 1):
                chars[i] = NBSP
            elif char == " " and text.startswith("/ ", i + 1) and text[i + 3:i + 4].isdecimal():
                chars[i] = chars[i + 2] = NBSP
    return "".join(chars)


def arrow_width(face: pygame.font.Font) -> int:
    return face.size("M")[0] * 5 // 4


def _has_arrow(text: str) -> bool:
    return any(a in text for a in ARROWS)


def measure(face: pygame.font.Font, text: str) -> int:
    """Width in pixels of one line, arrows included."""
    if not _has_arrow(text):
        return _text_width(face, text) if text else 0
    return sum(arrow_width(face) if p in ARROWS else _text_width(face, p) for p in _arrow_parts(text))


def _arrow_parts(text: str) -> list[str]:
    """`text` cut before and after each arrow, the arrows kept as parts of their own; no empty part."""
    parts, start = [], 0
    for i, char in enumerate(text):
        if char in ARROWS:
            if i > start:
                parts.append(text[start:i])
            parts.append(char)
            start = i + 1
    if start < len(text):
        parts.append(text[start:])
    return parts


_NO_LINE_START = _HIGH | {NBSP}


@lru_cache(maxsize=8192)
def _char_width(face: pygame.font.Font, char: str) -> int:
    return measure(face, char)


def _split_long_word(face: pygame.font.Font, word: str, width: int) -> list[str]:
    """Cut a word wider than the line; a piece never starts with high punctuation or a non-breaking space.

    Widths are added character by character (each measured once), never measured prefix after
    prefix: a 4,000-character word is cut in linear time. A piece is measured whole once it is
    closed, and shortened in the rare case kerning made it wider than the sum said.
    """
    pieces, current, current_width = [], "", 0
    for char in word:
        char_width = _char_width(face, char)
        if current and current_width + char_width > width:
            while len(current) > 1 and measure(face, current) > width:
                char, current = current[-1] + char, current[:-1]
            # The next piece takes characters from this one until it begins with one that may start a
            # line (it took one before, which could be high punctuation itself: "nt" then "·e·").
            while char[0] in _NO_LINE_START and len(current) > 1:
                char, current = current[-1] + char, current[:-1]
            pieces.append(current)
            current = char
            current_width = sum(_char_width(face, c) for c in current)
        else:
            current += char
            current_width += char_width
    if current:
        pieces.append(current)
    return pieces


def shorten(face: pygame.font.Font, text: str, width: int, tail: str = "") -> str:
    """`text` cut and ended with "…" so that it and `tail` fit `width` (unchanged when they fit).

    Character widths are added once (linear), not the text measured after each cut.
    """
    if measure(face, text + tail) <= width:
        return text
    room = width - measure(face, "…" + tail)
    kept, used = 0, 0
    for char in text:
        used += _char_width(face, char)
        if used > room:
            break
        kept += 1
    while kept > 1 and measure(face, text[:kept] + "…" + tail) > width:
        kept -= 1
    return text[:max(1, kept)] + "…"


def wrap(face: pygame.font.Font, text: str, width: int) -> list[str]:
    """Lines of `text` that fit `width` with this font; explicit newlines kept; never an empty result.

    Near-linear: each word is measured once and a line's width is the sum of its words and
    spaces; only a line whose sum comes within a few pixels of `width` (where kerning at the
    spaces could matter) is measured whole. A screen lays the same texts out several times a
    frame (to fit, to page, to scroll): the lines are kept per (face, text, width).
    """
    return list(_wrapped(face, text, width))


@lru_cache(maxsize=1024)
def _wrapped(face: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    return tuple(_wrap(face, text, width))


@lru_cache(maxsize=16384)
def _word_width(face: pygame.font.Font, word: str) -> int:
    """`measure` of one word, kept: the same words come back in every text a screen wraps."""
    return measure(face, word)


def _wrap(face: pygame.font.Font, text: str, width: int) -> list[str]:
    lines: list[str] = []
    space = _word_width(face, " ")
    for paragraph in protect(text).split("\n"):
        current, current_width, count = "", 0, 0
        for word in paragraph.split(" "):
            if not word:
                continue
            word_width = _word_width(face, word)
            if current:
                estimate = current_width + space + word_width
                fits = estimate + count <= width or (estimate - count <= width
                                                     and measure(face, f"{current} {word}") <= width)
                if fits:
                    current, current_width, count = f"{current} {word}", estimate, count + 1
                    continue
                lines.append(current)
            if word_width <= width:
                current, current_width, count = word, word_width, 1
            else:
                *full, current = _split_long_word(face, word, width)
                lines.extend(full)
                current_width, count = measure(face, current), 1
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
        end = _blit_text(surface, face, text, colour, x, y) if text else x
        return pygame.Rect(x, y, end - x, height)
    start = x
    ascent = face.get_ascent()
    for part in _arrow_parts(text):
        if part in ARROWS:
            width = arrow_width(face)
            size = ascent * 3 // 4
            box = pygame.Rect(0, 0, width - 2, size)
            box.center = (x + width // 2, y + ascent - size // 2 - ascent // 12)
            draw_arrow(surface, colour, box, ARROWS[part], max(2, face.get_height() // 14))
            x += width
        else:
            x = _blit_text(surface, face, part, colour, x, y)
    return pygame.Rect(start, y, x - start, height)
