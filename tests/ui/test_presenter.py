"""Presenter mode: the wall's window beside the laptop's, what happens with one or mirrored displays, closing
the wall, F2/F3/F11 per window, autoplay's shots of both windows."""

from __future__ import annotations

import re

import pygame
import pytest

from game.cli import main
from game.paths import SCENARIOS
from game.ui import displays, presenter
from game.ui.displays import DisplayPlan

PLACE = SCENARIOS / "une_place_a_l_ombre.yaml"


@pytest.fixture
def wall_app(make_app):
    apps = []

    def make(size=(640, 360)):
        app = make_app(size)
        apps.append(app)
        return app

    yield make
    for app in apps:
        for display in app.displays[1:]:
            display.window.destroy()


def post(app, event_type, **fields):
    pygame.event.post(pygame.event.Event(event_type, **fields))
    app.step()


def test_one_display_says_so_and_stays_in_one_window(wall_app, monkeypatch, capsys):
    app = wall_app()
    monkeypatch.setattr(displays, "read_displays", lambda: [(0, 0, 1280, 720)])
    assert presenter.open_wall(app) is None
    assert len(app.displays) == 1
    assert "un seul écran" in app.notice and "un seul écran" in capsys.readouterr().err


def test_mirrored_displays_say_the_desktop_must_be_extended(wall_app, monkeypatch):
    app = wall_app()
    monkeypatch.setattr(displays, "read_displays", lambda: [(0, 0, 1280, 720), (0, 0, 1280, 720)])
    assert presenter.open_wall(app) is None
    assert len(app.displays) == 1 and "étendu" in app.notice


def test_an_extended_desktop_opens_the_wall_on_the_other_display(wall_app, monkeypatch):
    app = wall_app()
    plan = DisplayPlan("extended", 0, 1, ((0, 0, 1280, 720), (1280, 0, 800, 600)))
    monkeypatch.setattr(displays, "plan_for_window", lambda window: plan)
    opened = []
    real_window = pygame.Window

    def window(title, size, **options):
        opened.append((title, size, options))
        return real_window(title, size)

    monkeypatch.setattr(pygame, "Window", window)
    wall = presenter.open_wall(app)
    assert wall is app.displays[1] and wall.viewer == "public"
    assert opened == [(presenter.WALL_TITLE, (800, 600), {"position": displays.wall_position(1)})]
    assert presenter.open_wall(app) is wall      # asked twice: still one wall


def test_closing_the_wall_goes_back_to_one_window_and_the_game_goes_on(wall_app):
    from game.ui.scenes.overlays import QuitOverlay

    app = wall_app()
    wall = presenter.open_wall(app, always=True)
    app.step()
    post(app, pygame.WINDOWCLOSE, window=wall.window)
    assert len(app.displays) == 1 and app.running
    assert not isinstance(app.overlay, QuitOverlay)
    assert "projecteur fermée" in app.notice
    # The laptop's own close button still asks.
    post(app, pygame.WINDOWCLOSE, window=app.window)
    assert isinstance(app.overlay, QuitOverlay)


def test_f2_f3_f11_change_the_window_that_has_the_focus(wall_app):
    from game.ui.scenes.title import TitleScene

    app = wall_app()
    app.show(TitleScene(app))
    wall = presenter.open_wall(app, always=True)
    app.step()
    before = app.settings
    post(app, pygame.KEYDOWN, key=pygame.K_F3, mod=0, unicode="", scancode=0, window=wall.window)
    post(app, pygame.KEYDOWN, key=pygame.K_F2, mod=0, unicode="", scancode=0, window=wall.window)
    assert wall.look.text_scale > before.text_scale and wall.look.theme == "contrast"
    assert app.settings == before                       # the laptop did not change
    assert wall.canvas.metrics.body > app.canvas.metrics.body
    wall_look = wall.look
    post(app, pygame.KEYDOWN, key=pygame.K_F3, mod=0, unicode="", scancode=0, window=app.window)
    assert app.settings.text_scale > before.text_scale and wall.look == wall_look
    post(app, pygame.KEYDOWN, key=pygame.K_F11, mod=0, unicode="", scancode=0, window=wall.window)
    assert wall.look.fullscreen is True and app.settings.fullscreen == before.fullscreen


def test_a_click_on_the_wall_never_reaches_the_laptop_screen(wall_app):
    from game.ui.scenes.title import TitleScene

    app = wall_app()
    app.show(TitleScene(app))
    wall = presenter.open_wall(app, always=True)
    app.step()
    clicked = []
    app.scene.click = lambda target: clicked.append(target)
    rect, _ = app.canvas.hits[0]
    post(app, pygame.MOUSEBUTTONUP, button=1, pos=rect.center, window=wall.window)
    assert clicked == []
    post(app, pygame.MOUSEBUTTONUP, button=1, pos=rect.center, window=app.window)
    assert len(clicked) == 1


def test_the_setup_option_is_remembered_and_opens_the_wall(wall_app, monkeypatch):
    from game.content import load_scenario
    from game.ui.scenes.setup import SetupScene
    from game.ui.settings import load_settings

    app = wall_app()
    monkeypatch.setattr(displays, "read_displays", lambda: [(0, 0, 1280, 720)])
    setup = SetupScene(app, PLACE, load_scenario(PLACE))
    app.show(setup)
    setup.change("presenter", None, 1)
    assert load_settings().presenter is True
    assert "un seul écran" in app.notice and len(app.displays) == 1     # one display here: said, not opened
    setup.change("presenter", None, 1)
    assert load_settings().presenter is False


SHOT = re.compile(r"^(\d{3})-([a-z]+)(-[a-z0-9_]+)?\.png$")


def test_autoplay_presenter_saves_the_wall_beside_every_laptop_shot(tmp_path, capsys):
    shots = tmp_path / "shots"
    assert main(["play", str(PLACE), "--autoplay", "--presenter", "--seed", "2", "--size", "640x360",
                 "--screenshots", str(shots)]) == 0
    names = sorted(p.name for p in shots.iterdir())
    laptop = [n for n in names if not n.endswith("-wall.png")]
    walls = [n for n in names if n.endswith("-wall.png")]
    assert walls == [n[:-4] + "-wall.png" for n in laptop]
    assert all(SHOT.match(n) for n in laptop)
    screens = [SHOT.match(n).group(2) for n in laptop]
    assert {"situation", "handoff", "choice", "reveal", "verdict", "debrief", "end"} <= set(screens)
    assert screens.index("end") > max(i for i, s in enumerate(screens) if s == "debrief")
    # The wall at the moment of a private choice is not the laptop's picture.
    choice = next(n for n in laptop if n.split("-")[1] == "choice")
    assert (shots / choice).read_bytes() != (shots / (choice[:-4] + "-wall.png")).read_bytes()


def test_the_wall_shows_no_path_clock_or_session_id_before_the_bilan(tmp_path, monkeypatch):
    """Two autoplays of the same game at different times, into different data folders: the wall's pictures
    before the bilan are the same bytes, so nothing on them comes from a clock, a path or the session."""
    pictures = []
    for run in ("a", "b"):
        shots = tmp_path / run
        monkeypatch.setenv("COOP_HOME", str(tmp_path / f"home-{run}"))
        assert main(["play", str(PLACE), "--autoplay", "--presenter", "--seed", "5", "--size", "640x360",
                     "--screenshots", str(shots)]) == 0
        pictures.append({p.name: p.read_bytes() for p in shots.iterdir()
                         if p.name.endswith("-wall.png") and p.name.split("-")[1] != "end"})
    assert pictures[0] and pictures[0] == pictures[1]
