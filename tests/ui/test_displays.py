"""Presenter mode's reading of the displays, on fakes of SDL's answers (no second screen needed)."""

import pygame
import pytest

from game.ui import displays
from game.ui.displays import DisplayPlan, advice, display_of, plan_displays, read_displays

LAPTOP = (0, 0, 1280, 720)
WALL = (1280, 0, 1920, 1080)


def test_one_display_is_the_single_window():
    assert plan_displays([LAPTOP]) == DisplayPlan("single", 0, None, (LAPTOP,))
    assert plan_displays([]).kind == "single"


def test_two_identical_bounds_are_mirrored_screens():
    plan = plan_displays([LAPTOP, LAPTOP])
    assert plan.kind == "mirrored" and plan.wall is None


def test_an_extended_desktop_puts_the_wall_on_the_other_display():
    assert plan_displays([LAPTOP, WALL]) == DisplayPlan("extended", 0, 1, (LAPTOP, WALL))
    # The laptop window stands on display 1 (the primary is the projector): the wall goes on display 0.
    assert plan_displays([WALL, LAPTOP], laptop=1).wall == 0
    # Same size, different places: still extended.
    assert plan_displays([LAPTOP, (1280, 0, 1280, 720)]).wall == 1


def test_three_displays_skip_the_one_mirroring_the_laptop():
    plan = plan_displays([LAPTOP, LAPTOP, WALL])
    assert plan.kind == "extended" and plan.wall == 2


def test_the_laptop_display_is_where_the_window_centre_is():
    assert display_of([LAPTOP, WALL], (2000, 500)) == 1
    assert display_of([LAPTOP, WALL], (640, 360)) == 0
    assert display_of([LAPTOP, WALL], (-50, -50)) == 0


@pytest.mark.parametrize("platform, words", [
    ("win32", "Win+P"), ("darwin", "Recopie"), ("linux", "Joindre les écrans")])
def test_mirrored_says_extend_and_how_on_each_system(platform, words):
    text = advice(plan_displays([LAPTOP, LAPTOP]), "fr", platform)
    assert "étendu" in text and words in text


def test_one_display_says_so_in_both_languages():
    assert "un seul écran" in advice(plan_displays([LAPTOP]), "fr")
    assert "only one display" in advice(plan_displays([LAPTOP]), "en")
    assert advice(plan_displays([LAPTOP, WALL]), "fr") is None


def fake_sdl(monkeypatch, sizes, bounds):
    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: len(sizes))
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: list(sizes))
    monkeypatch.setattr(displays, "_bounds_from_sdl", lambda count: bounds)


def test_read_displays_takes_sdl_bounds(monkeypatch):
    fake_sdl(monkeypatch, [(1280, 720), (1920, 1080)], [LAPTOP, WALL])
    assert read_displays() == [LAPTOP, WALL]


def test_read_displays_without_bounds_falls_back_to_probes_then_sizes(monkeypatch):
    fake_sdl(monkeypatch, [(1280, 720), (1920, 1080)], None)
    monkeypatch.setattr(displays, "_bounds_from_probes", lambda count, sizes: [LAPTOP, (5000, 0, 1920, 1080)])
    assert read_displays()[1] == (5000, 0, 1920, 1080)
    monkeypatch.setattr(displays, "_bounds_from_probes", lambda count, sizes: None)
    assert read_displays() == [LAPTOP, WALL]


def test_read_displays_with_one_display_asks_nothing_more(monkeypatch):
    def never(count):
        raise AssertionError("one display needs no bounds")

    monkeypatch.setattr(pygame.display, "get_num_displays", lambda: 1)
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1024, 768)])
    monkeypatch.setattr(displays, "_bounds_from_sdl", never)
    assert read_displays() == [(0, 0, 1024, 768)]


def test_sdl_bounds_answer_under_the_dummy_driver():
    pygame.display.init()
    found = read_displays()
    assert len(found) == pygame.display.get_num_displays() and all(len(b) == 4 for b in found)
    # The ctypes path finds pygame's own SDL: its answer for display 0 is the desktop size pygame reports.
    direct = displays._bounds_from_sdl(1)
    assert direct is not None and tuple(direct[0][2:]) == pygame.display.get_desktop_sizes()[0]


def test_the_wall_position_names_its_display():
    assert displays.wall_position(1) == (0x2FFF0001, 0x2FFF0001)
