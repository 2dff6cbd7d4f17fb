"""Which displays SDL reports, and where the presenter's projector window goes (one, mirrored, extended).

`plan_displays` is a pure decision on SDL's answers (tests give it fakes); `read_displays` asks SDL;
`wall_position` is where to open the projector window so that it lands on its display.
"""

from __future__ import annotations

import ctypes
import glob
import os
import sys
from typing import NamedTuple, Optional, Sequence

Bounds = tuple[int, int, int, int]     # x, y, width, height on the desktop, as SDL_GetDisplayBounds

# SDL_WINDOWPOS_CENTERED_DISPLAY(i): SDL centres the window on display i, wherever that display is.
_CENTERED_MASK = 0x2FFF0000


class DisplayPlan(NamedTuple):
    """What presenter mode does with these displays.

    kind: "single" (one display: today's single window), "mirrored" (two or more, every one showing the
    laptop's picture: the desktop must be extended), "extended" (the wall window goes on `wall`)."""

    kind: str
    laptop: int
    wall: Optional[int]
    bounds: tuple[Bounds, ...]


def display_of(bounds: Sequence[Bounds], point: tuple[int, int]) -> int:
    """The display holding `point` (e.g. the laptop window's centre); the first one when none does."""
    x, y = point
    for index, (left, top, width, height) in enumerate(bounds):
        if left <= x < left + width and top <= y < top + height:
            return index
    return 0


def plan_displays(bounds: Sequence[Bounds], laptop: int = 0) -> DisplayPlan:
    """Decide from SDL's displays: the projector is the first display that does not show the same part of
    the desktop as the laptop's display. Identical bounds are what SDL reports for mirrored screens."""
    bounds = tuple(tuple(b) for b in bounds)
    if len(bounds) < 2:
        return DisplayPlan("single", 0, None, bounds)
    laptop = laptop if 0 <= laptop < len(bounds) else 0
    for index, rect in enumerate(bounds):
        if index != laptop and rect != bounds[laptop]:
            return DisplayPlan("extended", laptop, index, bounds)
    return DisplayPlan("mirrored", laptop, None, bounds)


def wall_position(index: int) -> tuple[int, int]:
    """The position to give pygame.Window so that SDL opens it on display `index`."""
    return (_CENTERED_MASK | index, _CENTERED_MASK | index)


def advice(plan: DisplayPlan, language: str, platform: str = sys.platform) -> Optional[str]:
    """What the facilitator is told when presenter mode cannot open its wall (None when it can):
    one display, or mirrored displays and how to extend the desktop on this system."""
    from game.ui.strings import TR

    if plan.kind == "single":
        return TR(language, "presenter_one_display")
    if plan.kind == "mirrored":
        return TR(language, "presenter_mirrored", how=TR(language, extend_how_key(platform)))
    return None


def extend_how_key(platform: str = sys.platform) -> str:
    """How to extend the desktop on this system (Windows, macOS, Linux and others)."""
    if platform.startswith("win"):
        return "extend_how_windows"
    if platform == "darwin":
        return "extend_how_macos"
    return "extend_how_linux"


# -- asking SDL ----------------------------------------------------------------------------------------

class _Rect(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("w", ctypes.c_int), ("h", ctypes.c_int)]


def _sdl_library():
    """The SDL2 library that pygame itself loaded (its symbols answer for the display pygame opened);
    None when it cannot be found."""
    import pygame

    candidates: list[str] = []
    if sys.platform.startswith("linux"):
        try:
            with open("/proc/self/maps", encoding="utf-8") as maps:
                paths = {line.split()[-1] for line in maps if "libSDL2" in line}
            candidates += sorted(path for path in paths if path.startswith("/") and "SDL2_" not in path)
        except OSError:
            pass
    here = os.path.dirname(pygame.__file__)
    for pattern in ("SDL2.dll", ".dylibs/libSDL2*.dylib", "../pygame_ce.libs/libSDL2-*.so*"):
        candidates += sorted(glob.glob(os.path.join(here, pattern)))
    for path in candidates:
        try:
            library = ctypes.CDLL(path)
            library.SDL_GetDisplayBounds.argtypes = [ctypes.c_int, ctypes.POINTER(_Rect)]
            return library
        except (OSError, AttributeError):
            continue
    return None


def _bounds_from_sdl(count: int) -> Optional[list[Bounds]]:
    library = _sdl_library()
    if library is None:
        return None
    found = []
    for index in range(count):
        rect = _Rect()
        if library.SDL_GetDisplayBounds(index, ctypes.byref(rect)) != 0:
            return None
        found.append((rect.x, rect.y, rect.w, rect.h))
    return found


def _bounds_from_probes(count: int, sizes: Sequence[tuple[int, int]]) -> Optional[list[Bounds]]:
    """Without SDL's own answer: a small hidden window centred on each display tells where that display is."""
    import pygame

    found = []
    for index in range(count):
        width, height = sizes[index]
        try:
            probe = pygame.Window("probe", (64, 64), position=wall_position(index), hidden=True)
        except (pygame.error, TypeError, ValueError):
            return None
        x, y = probe.position
        probe.destroy()
        found.append((x + 32 - width // 2, y + 32 - height // 2, width, height))
    return found


def read_displays() -> list[Bounds]:
    """Every display SDL reports, with its place on the desktop (pygame.display must be initialised)."""
    import pygame

    count = pygame.display.get_num_displays()
    sizes = pygame.display.get_desktop_sizes()
    if count < 2:
        return [(0, 0, *size) for size in sizes[:1]]
    return (_bounds_from_sdl(count) or _bounds_from_probes(count, sizes)
            # Sizes alone: side by side (mirrored screens cannot be told apart then).
            or [(sum(w for w, _ in sizes[:i]), 0, w, h) for i, (w, h) in enumerate(sizes)])


def plan_for_window(window) -> DisplayPlan:
    """The plan for the laptop window where it stands now."""
    found = read_displays()
    x, y = window.position
    width, height = window.size
    return plan_displays(found, display_of(found, (x + width // 2, y + height // 2)))
