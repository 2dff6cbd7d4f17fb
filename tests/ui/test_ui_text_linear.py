"""Class 2 of the hardening issue: wrapping and shortening a text within the format's limits is near-linear.
Counted, not timed: the characters handed to the font for measuring stay within a constant times the text's
length, whatever text hypothesis builds (long words, marks, scripts the fallback font draws, spaces)."""

import pygame
from hypothesis import given, settings, strategies as st

from game.ui import text as T

pieces = st.sampled_from(["m", "i", "a", " ", "α", "Ж", "\u0301", "\u200d", "«", "»", "!", "\u00a0", "-", "日", "\n"])
texts = st.lists(pieces, min_size=200, max_size=4000).map("".join)


def _measured_chars(monkeypatch):
    counted = [0]
    original = T._text_width

    def counting(face, text):
        counted[0] += len(text)
        return original(face, text)

    monkeypatch.setattr(T, "_text_width", counting)
    T._char_width.cache_clear()
    return counted


@given(text=texts, width=st.sampled_from([80, 240, 700]))
@settings(max_examples=40, deadline=None)
def test_wrapping_measures_each_character_a_bounded_number_of_times(text, width):
    import _pytest.monkeypatch

    patch = _pytest.monkeypatch.MonkeyPatch()
    try:
        pygame.font.init()
        counted = _measured_chars(patch)
        face = T.font(24)
        T.wrap(face, text, width)
        assert counted[0] <= 12 * len(text) + 2000, (counted[0], len(text))
        counted[0] = 0
        T.shorten(face, text.replace("\n", " "), width, " 12")
        assert counted[0] <= 6 * len(text) + 2000, (counted[0], len(text))
    finally:
        patch.undo()


def test_the_same_text_at_the_same_width_is_laid_out_once(monkeypatch):
    from game.ui import text as text_module

    face = text_module.font(36)
    long_text = "Les habitants du Vercors demandent une réunion au pied de l'immeuble. " * 40
    first = text_module.wrap(face, long_text, 700)
    calls = []
    real = text_module.measure
    monkeypatch.setattr(text_module, "measure", lambda *args: calls.append(args) or real(*args))
    first.append("changed by a caller")
    again = text_module.wrap(face, long_text, 700)
    assert calls == [], "a screen drawn again must not measure its texts again"
    assert again == first[:-1]
    laid_out = []
    real_wrap = text_module._wrap
    monkeypatch.setattr(text_module, "_wrap", lambda *args: laid_out.append(args) or real_wrap(*args))
    text_module.wrap(face, long_text, 700)
    assert laid_out == []
    text_module.wrap(face, long_text, 650)
    assert laid_out, "another width is laid out afresh (its words' widths are known already)"


def test_a_word_is_measured_once_whatever_text_it_comes_back_in(monkeypatch):
    """A screen wraps many texts sharing words (« de », « la », « · »): each word's width is kept."""
    face = T.font(30)
    T.wrap(face, "le quartier des Tilleuls et la place", 2000)
    measured = []
    original = T._text_width
    monkeypatch.setattr(T, "_text_width", lambda f, text: measured.append(text) or original(f, text))
    lines = T.wrap(face, "la place et le quartier des Tilleuls", 2000)
    assert lines == ["la place et le quartier des Tilleuls"]
    assert measured == []
    T.wrap(face, "la place nouvelle", 2000)
    assert measured == ["nouvelle"]
