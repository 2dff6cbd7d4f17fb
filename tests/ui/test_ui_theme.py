"""Contrast of both themes by the WCAG formula, and the sizes relative to the window height."""

from __future__ import annotations

import pytest

from game.ui.theme import HIGH_CONTRAST, STANDARD, Metrics, contrast_ratio


def test_the_contrast_formula_gives_the_known_extremes():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((120, 120, 120), (120, 120, 120)) == pytest.approx(1.0)
    # The design page's figure for body text on the warm background.
    assert contrast_ratio(STANDARD.text, STANDARD.background) == pytest.approx(16.1, abs=0.2)


@pytest.mark.parametrize("theme", [STANDARD, HIGH_CONTRAST], ids=lambda t: t.name)
def test_body_text_reaches_seven_to_one_on_every_surface(theme):
    for surface, colour in theme.surface_roles.items():
        for role in ("text", "accent"):
            ratio = contrast_ratio(theme.text_roles[role], colour)
            assert ratio >= 7.0, f"{theme.name}: {role} on {surface} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", [STANDARD, HIGH_CONTRAST], ids=lambda t: t.name)
def test_every_text_colour_reaches_four_and_a_half_to_one_on_every_surface(theme):
    for surface, colour in theme.surface_roles.items():
        for role, text in theme.text_roles.items():
            ratio = contrast_ratio(text, colour)
            assert ratio >= 4.5, f"{theme.name}: {role} on {surface} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", [STANDARD, HIGH_CONTRAST], ids=lambda t: t.name)
def test_the_focus_ring_stands_out_from_the_background(theme):
    assert contrast_ratio(theme.focus, theme.background) >= 3.0


def test_sizes_follow_the_window_height_and_the_text_scale():
    m = Metrics(1920, 1080)
    assert (m.title, m.body, m.small) == (73, 48, 36)
    assert m.margin == 43
    assert m.focus_width >= 4
    doubled = Metrics(1920, 1080, 2.0)
    assert doubled.body == 96 and doubled.floor == m.floor
    assert Metrics(1280, 720).body >= 0.044 * 720
