"""Presenter mode: the laptop window shows every screen (private choice, hand-off, the facilitator's keys and
notes); the projector's wall window, fullscreen on the second display, only the public screens.

Who may do what: the keyboard drives the game from either window (a facilitator who clicked on the wall
has not lost the game); F2, F3 and F11 change the window that has the focus; clicks on the wall do
nothing (its screens have nothing to click); closing the wall goes back to one window, the game goes on.
"""

from __future__ import annotations

import sys
from typing import NamedTuple, Optional

import pygame

from game.ui import displays
from game.ui.strings import TR

WALL_TITLE = "COOP ou pas COOP \u2014 projecteur"
_WALL_KEYS = (pygame.K_F2, pygame.K_F3, pygame.K_F11)


class Look(NamedTuple):
    """How one window draws: its own theme, text size and fullscreen (F2, F3, F11 on that window)."""

    theme: str
    text_scale: float
    fullscreen: bool

    def changed_by(self, key: int, settings) -> "Look":
        if key == pygame.K_F2:
            return self._replace(theme="contrast" if self.theme == "standard" else "standard")
        if key == pygame.K_F3:
            scale = settings._replace(text_scale=self.text_scale).next_scale(1).text_scale
            return self._replace(text_scale=1.0 if scale == self.text_scale else scale)
        return self._replace(fullscreen=not self.fullscreen)


def wall_of(app):
    """The wall's display, when one is open."""
    from game.ui.display import WALL

    return next((d for d in app.displays if d.viewer == WALL), None)


def open_wall(app, *, always: bool = False, size: Optional[tuple[int, int]] = None):
    """Open the projector's window. `always` (autoplay): whatever the displays, at `size` (the laptop's).
    Otherwise on the second display of an extended desktop, fullscreen; with one display or mirrored
    ones the facilitator is told why and how (laptop notice and terminal), and the game stays in one
    window. Returns the wall's display, or None."""
    from game.ui.display import WALL
    from game.ui.scenes.wall import WallWaiting, wall_scene

    if wall_of(app) is not None:
        return wall_of(app)
    if always:
        window = pygame.Window(WALL_TITLE, size or app.window.size)
        fullscreen = False
    else:
        plan = displays.plan_for_window(app.window)
        message = displays.advice(plan, app.language)
        if message is not None:
            app.notice = message
            app.invalidate()
            print(message, file=sys.stderr)
            return None
        x, y, width, height = plan.bounds[plan.wall]
        window = pygame.Window(WALL_TITLE, (width, height), position=displays.wall_position(plan.wall))
        fullscreen = True
        try:
            window.set_fullscreen(desktop=True)
        except pygame.error:
            fullscreen = False   # a window as large as the display does as well

    def scene_for(play, display):
        return wall_scene(app, play)

    display = app.add_display(window, WALL, scene_for)
    display.look = Look(app.settings.theme, app.settings.text_scale, fullscreen)
    if display.scene is None:
        display.scene = WallWaiting(app)
    app.invalidate()
    return display


def close_wall(app, display=None) -> None:
    """Back to one window: the game goes on on the laptop."""
    display = display or wall_of(app)
    if display is None:
        return
    app.displays.remove(display)
    try:
        display.window.destroy()
    except pygame.error:
        pass
    app.notice = TR(app.language, "presenter_wall_closed")
    app.invalidate()


def _event_window(event):
    window = getattr(event, "window", None)
    return window


def handle_wall_event(app, event) -> bool:
    """Events of the wall's window: closing it, its own F2/F3/F11, clicks (ignored). True when handled."""
    display = wall_of(app)
    if display is None or _event_window(event) is not display.window:
        return False
    kind = event.type
    if kind == pygame.WINDOWCLOSE:
        close_wall(app, display)
        return True
    if kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL):
        return True   # the wall has nothing to click, and the laptop's click areas are not there
    if kind == pygame.KEYDOWN and event.key in _WALL_KEYS:
        look = display.look.changed_by(event.key, app.settings)
        if look.fullscreen != display.look.fullscreen:
            try:
                display.window.set_fullscreen(desktop=True) if look.fullscreen else display.window.set_windowed()
            except pygame.error:
                look = look._replace(fullscreen=display.look.fullscreen)
        display.look = look
        display.forget_layout()
        display.dirty = True
        return True
    return False


def wall_shot_name(laptop_name: str) -> str:
    """`014-debrief-analyse.png` -> `014-debrief-analyse-wall.png`: the wall's shot beside the laptop's."""
    stem = laptop_name[:-4] if laptop_name.endswith(".png") else laptop_name
    return f"{stem}-wall.png"
