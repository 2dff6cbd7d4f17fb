"""French line breaking measured with the real font: no break before « » ; : ! ?, nor inside numbers."""

from __future__ import annotations

import re

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui import text


@pytest.fixture(scope="module")
def face():
    pygame.font.init()
    return text.font(40)


def test_guillemets_and_high_punctuation_never_start_a_line(face):
    sample = "Elle a dit « nous y arriverons » : vraiment ? Oui ! Et puis ; enfin"
    for width in range(60, 900, 7):
        for line in text.wrap(face, sample, width):
            assert not line.startswith(("»", ":", "?", "!", ";")), (width, line)
            assert not line.rstrip().endswith("«"), (width, line)


def test_a_line_never_begins_with_the_middle_dot_between_parts(face):
    sample = "Adjointe au maire, politique de la ville · équipe 1 · Temps 1 / 3 · Moyens 4"
    starts = set()
    for width in range(260, 1500, 7):           # wide enough for its longest word, at 40 px
        lines = text.wrap(face, sample, width)
        starts.update(line[:1] for line in lines)
        assert not any(line.startswith("\u00b7") for line in lines), (width, lines)
        assert " ".join(lines).replace("\u00a0", " ").split() == sample.split()
    assert len(starts) > 3          # the widths do break the line at many places


def test_numbers_written_with_spaces_stay_on_one_line(face):
    sample = "Un budget de 3 500 € pour 10 000 habitants et 60 000 € de travaux"
    for width in range(150, 900, 11):
        joined = "\n".join(text.wrap(face, sample, width))
        for number in ("3\u00a0500\u00a0€", "10\u00a0000", "60\u00a0000"):
            assert number in joined, (width, joined)


def test_counts_written_with_a_slash_stay_whole(face):
    for width in range(120, 600, 9):
        for line in text.wrap(face, "Ressources : Temps 1 / 3 · Moyens 4 / 4", width):
            assert not line.endswith("/") and not line.startswith("/"), (width, line)


@pytest.mark.parametrize("mark", ["\u00b7", ":", "!"])
def test_a_word_cut_to_fit_never_puts_high_punctuation_first(face, mark):
    """Inclusive writing ("habitant·e·s", the dot inside the word) and any word glued to punctuation."""
    word = f"habitant{mark}e{mark}s{mark}" * 6
    for width in range(60, 400, 3):
        lines = text.wrap(face, word, width)
        assert "".join(lines) == word
        assert not [line for line in lines if line.startswith(mark)], width


def test_a_word_longer_than_the_line_is_cut_to_fit(face):
    word = "Anticonstitutionnellement" * 3
    lines = text.wrap(face, word, 200)
    assert "".join(lines) == word
    assert all(text.measure(face, line) <= 200 for line in lines)


def test_explicit_new_lines_are_kept(face):
    assert text.wrap(face, "un\ndeux", 1000) == ["un", "deux"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aàeéèç «»:;!? 0123456789\n-", max_size=120), st.integers(60, 700))
def test_every_wrapped_line_fits_its_width_and_no_word_is_lost(sample, width):
    face = text.font(30)
    lines = text.wrap(face, sample, width)
    assert all(text.measure(face, line) <= width for line in lines)
    squeeze = lambda s: "".join(s.split()).replace("\u00a0", "")  # noqa: E731
    assert squeeze("".join(lines)) == squeeze(sample)


def test_arrows_are_measured_and_drawn_as_shapes(face):
    surface = pygame.Surface((600, 80))
    surface.fill((255, 255, 255))
    rect = text.render_line(surface, face, "4 \u2192 6 (+2)", (0, 0, 0), (0, 0))
    assert rect.width == text.measure(face, "4 \u2192 6 (+2)")
    assert rect.width > text.measure(face, "4  6 (+2)")
    # Something dark was drawn between the two numbers (the arrow's shaft).
    left = text.measure(face, "4 ")
    middle_row = face.get_ascent() * 2 // 3
    darks = [surface.get_at((x, y))[0] < 128 for x in range(left, left + text.arrow_width(face))
             for y in range(middle_row - 6, middle_row + 6)]
    assert any(darks)


def test_the_zero_has_no_slash_so_it_never_reads_as_a_slashed_o():
    """Atkinson Hyperlegible's zero is slashed ("Ø" from the back of the room): the screens' font has an open
    counter, so the middle of a big zero is background, as in an "O"."""
    import pygame

    from game.ui import text

    for style in ("regular", "bold"):
        face = text.font(200, style)
        for glyph in ("0", "O"):
            ink = pygame.mask.from_surface(face.render(glyph, True, (0, 0, 0)), 128)
            rect = ink.get_bounding_rects()[0]
            assert ink.count() > 0 and ink.get_at(rect.center) == 0, (style, glyph, rect)


# The patterns protect() and the arrows' cutting stood for, kept here as their definition: the game
# scans the text instead (compiling these took 0.4-0.5 ms of every first frame).
_PATTERNS = [(re.compile(r"[ \u202f](?=[»;:!?\u00b7])"), "\u00a0"), (re.compile(r"(?<=«)[ \u202f]"), "\u00a0"),
             (re.compile(r"(?<=\d)[ \u202f](?=\d{3}\b)"), "\u00a0"),
             (re.compile(r"(?<=\d) / (?=\d)"), "\u00a0/\u00a0"),
             (re.compile(r"(?<=\d)[ \u202f](?=(?:€|%|h\b|min\b))"), "\u00a0")]
_ARROW_SPLIT = re.compile("([\u2190-\u2193])")
_UNDRAWABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _protected_by_patterns(sample: str) -> str:
    for pattern, replacement in _PATTERNS:
        sample = pattern.sub(replacement, sample)
    return sample


# Spaces of both kinds, the punctuation, digits (an Arabic-Indic one too), units and word characters.
_TYPOGRAPHY = " \u202f\u00a0«»;:!?·/€%hmin_aé0123٣\t\x07\x85→←↑↓"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TYPOGRAPHY, max_size=40))
def test_the_one_pass_typography_is_what_the_patterns_did(sample):
    assert text.protect(sample) == _protected_by_patterns(sample)
    assert text._arrow_parts(sample) == [p for p in _ARROW_SPLIT.split(sample) if p]
    assert text.drawable(sample) == _UNDRAWABLE.sub("\ufffd", sample.replace("\t", " "))


def test_the_one_pass_typography_on_the_cases_that_matter():
    cases = {"Tour 2 / 5": "Tour 2\u00a0/\u00a05", "1 / 2 / 3": "1\u00a0/\u00a02\u00a0/\u00a03",
             "10 000 habitants": "10\u00a0000 habitants", "10 0000": "10 0000", "3 500 €": "3\u00a0500\u00a0€",
             "2 h 30 min": "2\u00a0h 30\u00a0min", "2 heures": "2 heures", "« oui » : non ?": "«\u00a0oui\u00a0»\u00a0: non\u00a0?",
             "ville · équipe 1": "ville\u00a0· équipe 1", "20 %": "20\u00a0%", "a / b": "a / b"}
    for sample, expected in cases.items():
        assert text.protect(sample) == expected == _protected_by_patterns(sample), sample
