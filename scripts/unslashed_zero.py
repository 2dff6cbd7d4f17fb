"""Writes the game's fonts: Atkinson Hyperlegible with an open zero (no slash), which read "Ø" from the
back of a room. The font has no `zero` feature nor an unslashed alternate (only `zero.tf`, slashed too: its
OpenType features are aalt, case, ccmp, frac, locl, ordn, pnum, sups, tnum), so this script redraws the
glyph: the outer contour is kept and the two half-counters the slash makes become one oval counter.

    pip install fonttools && python scripts/unslashed_zero.py      (a developer's tool: the result is committed)

Input: assets/fonts/AtkinsonHyperlegible-*.ttf (SIL OFL 1.1, no reserved font name); output:
assets/fonts/AtkinsonHyperlegibleOpenZero-*.ttf, renamed "Atkinson Hyperlegible Open Zero".

The output is also unhinted: its TrueType bytecode (fpgm, prep, cvt and each glyph's instructions) and
the tables made from it (hdmx, LTSH, VDMX) are dropped: FreeType has no program to run for each glyph
it loads. Running that bytecode was the largest single cost of the first screen's glyphs (a fresh process
measuring and drawing the words of a line in 5 faces, medians of 21: 15.4 ms hinted, 11.2 unhinted, 7.8
unhinted and read from memory as game.ui.text does); at 16-73 px the text reads the same, its lines
0-2 % longer or shorter by size.
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


def unhinted(font: TTFont) -> None:
    """Drops the font's TrueType instructions and what only they use."""
    for tag in ("fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"):
        if tag in font:
            del font[tag]
    glyf = font["glyf"]
    for name in glyf.keys():
        glyf[name].removeHinting()
    maxp = font["maxp"]
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1     # the glyph zone only: the OpenType spec wants 1 or 2


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
        unhinted(font)
        rename(font)
        out = FONTS / f"AtkinsonHyperlegibleOpenZero-{style}.ttf"
        font.save(out)
        print(out)


if __name__ == "__main__":
    main()
