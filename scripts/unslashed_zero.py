"""Writes the game's fonts: Atkinson Hyperlegible with an open zero (no slash), which read "Ø" from the
back of a room. The font has no `zero` feature nor an unslashed alternate (only `zero.tf`, slashed too: its
OpenType features are aalt, case, ccmp, frac, locl, ordn, pnum, sups, tnum), so this script redraws the
glyph: the outer contour is kept and the two half-counters the slash makes become one oval counter.

    pip install fonttools && python scripts/unslashed_zero.py      (a developer's tool: the result is committed)

Input: assets/fonts/AtkinsonHyperlegible-*.ttf (SIL OFL 1.1, no reserved font name); output:
assets/fonts/AtkinsonHyperlegibleOpenZero-*.ttf, renamed "Atkinson Hyperlegible Open Zero".
"""

from __future__ import annotations

import math
from pathlib import Path

from fontTools.pens.recordingPen import RecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FAMILY, NEW_FAMILY = "Atkinson Hyperlegible", "Atkinson Hyperlegible Open Zero"


def contours(recording: RecordingPen) -> list[list]:
    shapes, current = [], []
    for operator, operands in recording.value:
        current.append((operator, operands))
        if operator in ("closePath", "endPath"):
            shapes.append(current)
            current = []
    return shapes


def bounds(shape) -> tuple[float, float, float, float]:
    points = [p for _, operands in shape for p in operands]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def signed_area(shape) -> float:
    points = [p for _, operands in shape for p in operands]
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(points, points[1:] + points[:1])) / 2


def oval(pen, box, clockwise: bool, steps: int = 16) -> None:
    """An ellipse in `box` of quadratic segments (on-curve points on it, off-curve on the tangents)."""
    left, bottom, right, top = box
    cx, cy, rx, ry = (left + right) / 2, (bottom + top) / 2, (right - left) / 2, (top - bottom) / 2
    sign = -1 if clockwise else 1
    step = 2 * math.pi / steps
    at = [(cx + rx * math.cos(sign * k * step), cy + ry * math.sin(sign * k * step)) for k in range(steps)]
    stretch = 1 / math.cos(step / 2)
    off = [(cx + rx * stretch * math.cos(sign * (k + 0.5) * step),
            cy + ry * stretch * math.sin(sign * (k + 0.5) * step)) for k in range(steps)]
    pen.moveTo(tuple(round(v) for v in at[0]))
    for k in range(steps):
        pen.qCurveTo(tuple(round(v) for v in off[k]), tuple(round(v) for v in at[(k + 1) % steps]))
    pen.closePath()


def open_zero(font: TTFont) -> None:
    glyphs = font.getGlyphSet()
    for name in ("zero", "zero.tf"):
        if name not in font["glyf"].keys():
            continue
        recording = RecordingPen()
        glyphs[name].draw(recording)
        shapes = contours(recording)
        if len(shapes) != 3:        # outer, and the two halves of the counter the slash cuts
            continue
        outer, inner = shapes[0], shapes[1:]
        boxes = [bounds(shape) for shape in inner]
        box = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
               max(b[3] for b in boxes))
        pen = TTGlyphPen(glyphs)
        for operator, operands in outer:
            getattr(pen, operator)(*operands)
        oval(pen, box, clockwise=signed_area(inner[0]) < 0)
        glyph = pen.glyph()
        font["glyf"][name] = glyph
        font["hmtx"][name] = font["hmtx"][name]


def rename(font: TTFont) -> None:
    for record in font["name"].names:
        text = record.toUnicode()
        if FAMILY in text and NEW_FAMILY not in text:
            record.string = text.replace(FAMILY, NEW_FAMILY)
        elif record.nameID == 6:
            record.string = text.replace("AtkinsonHyperlegible", "AtkinsonHyperlegibleOpenZero")


def main() -> None:
    for style in ("Regular", "Bold", "Italic"):
        font = TTFont(FONTS / f"AtkinsonHyperlegible-{style}.ttf")
        open_zero(font)
        rename(font)
        out = FONTS / f"AtkinsonHyperlegibleOpenZero-{style}.ttf"
        font.save(out)
        print(out)


if __name__ == "__main__":
    main()
