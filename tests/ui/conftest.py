"""Fixtures of the screen tests: a hidden window, an App on it, the long 8-character scenario."""

from __future__ import annotations

import pygame
import pytest

from ui_long_scenario import write_long_scenario


@pytest.fixture
def long_path(tmp_path):
    return write_long_scenario(tmp_path)


@pytest.fixture
def make_app():
    """make_app((w, h), scale=1.0) -> App on a dummy window; windows are closed after the test."""
    from game.ui.settings import Settings
    from game.ui.shell import App

    windows = []

    def build(size=(1280, 720), scale=1.0, theme="standard", lang=None):
        pygame.display.init()
        pygame.font.init()
        window = pygame.Window("test", size)
        windows.append(window)
        app = App(window, Settings(theme=theme, text_scale=scale), lang)
        app.seed = 7
        return app

    yield build
    for window in windows:
        window.destroy()
