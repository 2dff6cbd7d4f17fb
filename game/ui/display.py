"""A display: one window, the scene (and overlay) it shows and the canvas of its last frame. The app holds
one (the laptop, or the only screen) or two (the laptop and the projector's wall, `--presenter`)."""

from __future__ import annotations

from typing import Callable, Optional

import pygame

from game.ui.canvas import Canvas
from game.ui.theme import Metrics

# Who looks at a display: the laptop shows every screen (the facilitator's and the teams' private ones);
# the wall shows only what the whole room may see.
LAPTOP = "laptop"
WALL = "public"


class Display:
    """One window and what it shows. `scene_for(play, display)` picks its screen when the game's phase
    changes (None: the router's own choice for the laptop); the presenter mode sets it for the wall."""

    def __init__(self, window: pygame.Window, viewer: str = LAPTOP,
                 scene_for: Optional[Callable[[object, "Display"], object]] = None):
        self.window = window
        self.viewer = viewer
        self.scene_for = scene_for
        self.scene = None
        self.overlay = None
        self.canvas: Optional[Canvas] = None
        self.dirty = True
        self.frames = 0
        self.look = None     # the wall's own theme, text size and fullscreen (game.ui.presenter.Look)

    @property
    def target(self):
        return self.overlay or self.scene

    def size(self) -> tuple[int, int]:
        return self.window.get_surface().get_size()

    def resized(self) -> bool:
        """The window's surface no longer has the size of the last frame (some drivers send no event)."""
        return self.canvas is not None and self.size() != (self.canvas.metrics.width, self.canvas.metrics.height)

    def forget_layout(self) -> None:
        """A new size may fit side-by-side columns again."""
        for screen in (self.scene, self.overlay):
            if screen is not None:
                screen._stack = False

    def render(self, theme, text_scale: float, language: str) -> None:
        """Draw the target on this window (again while its layout depends on what did not fit), then show it."""
        target = self.target
        if target is None:
            self.dirty = False
            return
        surface = self.window.get_surface()
        width, height = surface.get_size()   # the surface, not the window: they differ until SDL catches up
        self.canvas = Canvas(surface, theme, Metrics(width, height, text_scale), language=language)
        again = target.draw(self.canvas)
        for _ in range(8):
            # The footer or the layout depended on what did not fit: draw again before showing.
            if not again:
                break
            again = target.draw(self.canvas)
        self.window.flip()
        self.frames += 1
        self.dirty = bool(again)
