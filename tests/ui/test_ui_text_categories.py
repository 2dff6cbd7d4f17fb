"""Class 1 of the hardening issue, on the screen side: the renderer draws every code point of every Unicode
category (hypothesis draws them), alone, repeated, between letters and at line ends, whatever validation says."""

import pygame
import pytest
from hypothesis import given, settings, strategies as st

from game.ui import text as T

CATEGORIES = ["Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf",
              "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"]


def _char(category):
    if category == "Cs":
        return st.integers(0xD800, 0xDFFF).map(chr)
    return st.characters(categories=[category])


@pytest.mark.parametrize("category", CATEGORIES)
@given(data=st.data())
@settings(max_examples=30, deadline=None)
def test_the_renderer_survives_every_code_point_of_every_category(category, data):
    pygame.font.init()
    chars = data.draw(st.lists(_char(category), min_size=1, max_size=4))
    run = "".join(chars)
    surface = pygame.Surface((400, 120))
    for size, style in ((18, "regular"), (30, "bold"), (12, "italic")):
        face = T.font(size, style)
        for text in (run, run * 3, "a" + run + "b", run + " mot " + run, "é" + run + "\n" + run, run * 60):
            lines = T.wrap(face, text, 200)
            assert lines
            for line in lines:
                assert T.measure(face, line) >= 0
                rect = T.render_line(surface, face, line, (0, 0, 0), (0, 0))
                assert rect.width >= 0


@given(text=st.text(alphabet=st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr),
                                       st.sampled_from("\t\n\x00\x7f\x85\x9f\u00a0é«»")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_drawable_replaces_exactly_the_controls_and_the_surrogates(text):
    import re

    expected = re.sub("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]", "\ufffd", text.replace("\t", " "))
    assert T.drawable(text) == expected
