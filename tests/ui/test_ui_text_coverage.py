"""The committed fonts' table of characters (game.ui.coverage) against the fonts themselves: pygame.freetype
asked about every code point of each file (a font file changed without its table fails here)."""

import pygame.freetype
import pytest

from game.paths import FONTS
from game.ui import text as T
from game.ui.coverage import COVERED


@pytest.mark.parametrize("style", sorted(T._FILES))
def test_the_table_is_what_each_committed_font_draws(style):
    pygame.freetype.init()
    face = pygame.freetype.Font(str(FONTS / T._FILES[style]), 16)
    drawn = {chr(code) for code in range(0x110000)
             if not 0xD800 <= code <= 0xDFFF and face.get_metrics(chr(code))[0] is not None}
    assert drawn == set(COVERED)


def test_a_missing_glyph_is_the_fonts_answer():
    for char in "aé«»\u00a0€–œŒ":
        assert not T._missing(char), char
    for char in "αЖ中ب\u202f\U0001F600":
        assert T._missing(char), char
    for arrow in T.ARROWS:
        assert not T._missing(arrow)        # drawn as shapes
