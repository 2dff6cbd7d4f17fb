"""The window's pixels reach an X11 screen without OpenGL unless the facilitator asks otherwise."""

import sys

import pytest

from game.ui.app import set_display_hints


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the hint is set on X11 platforms only")
def test_x11_platforms_use_the_shared_memory_path_by_default(monkeypatch):
    monkeypatch.delenv("SDL_FRAMEBUFFER_ACCELERATION", raising=False)
    set_display_hints()
    import os

    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "0"


def test_a_facilitators_own_choice_is_kept(monkeypatch):
    monkeypatch.setenv("SDL_FRAMEBUFFER_ACCELERATION", "opengl")
    set_display_hints()
    import os

    assert os.environ["SDL_FRAMEBUFFER_ACCELERATION"] == "opengl"
