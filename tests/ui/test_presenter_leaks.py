"""The wall never shows what the room may not see: whole autoplayed games with the wall drawn beside every
laptop frame, for every bundled scenario and an unseen 8-character one."""

from __future__ import annotations

import pygame
import pytest

from game.paths import SCENARIOS
from presenter_walk import (PrivateChanged, draw_wall, leaks, private_texts, public_texts, surface_bytes,
                            unseen_scenario)
from ui_walk import walk_game

BUNDLED = sorted(SCENARIOS.glob("*.yaml"))


def scenario_paths(tmp_path):
    return BUNDLED + [unseen_scenario(tmp_path)]


@pytest.fixture
def presenter_app(make_app):
    """make(size) -> an App with the wall's window open (as autoplay opens it, whatever the displays)."""
    from game.ui.presenter import close_wall, open_wall

    apps = []

    def make(size=(1280, 720)):
        app = make_app(size)
        assert open_wall(app, always=True, size=size) is not None
        apps.append(app)
        return app

    yield make
    for app in apps:
        close_wall(app)


def walk_with_wall(app, path):
    """For each frame of a whole game (bilan excepted): what the wall's window drew (text, pixels), and the
    pixels of the same frame drawn with the private data changed."""
    wall = app.displays[1]
    twin = pygame.Surface(wall.window.get_surface().get_size())
    frames = []

    def check(app, scene):
        play = app.play
        if play is None or play.state.phase == "end":
            return
        drawn = [box.text for box in wall.canvas.boxes]
        draw_wall(app, PrivateChanged(play), twin)
        frames.append((scene.name, play.state.phase, drawn, private_texts(play),
                       surface_bytes(wall.window.get_surface()), surface_bytes(twin)))

    walk_game(app, path, check)
    return frames


@pytest.mark.parametrize("which", range(len(BUNDLED) + 1), ids=[p.stem for p in BUNDLED] + ["inedit_huit"])
def test_the_wall_draws_no_secret_draft_or_unrevealed_move_and_ignores_private_data(presenter_app, tmp_path,
                                                                                     which):
    path = scenario_paths(tmp_path)[which]
    app = presenter_app((1280, 720))
    frames = walk_with_wall(app, path)
    shown = {name for name, *_ in frames}
    assert {"handoff", "choice", "reveal", "debrief"} <= shown     # a whole game was walked
    public = public_texts(app.play.scenario)
    for name, phase, drawn, private, pixels, changed in frames:
        found = leaks(drawn, private, public)
        assert not found, (name, phase, found)
        assert pixels == changed, f"the wall changed with private data on {name} ({phase})"


def test_before_the_first_reveal_the_wall_is_the_same_whatever_the_teams_pick(presenter_app, tmp_path):
    path = unseen_scenario(tmp_path, events=False)
    runs = []
    for seed in (3, 11):
        app = presenter_app((1280, 720))
        app.seed = seed
        pictures = []
        moves = []

        def check(app, scene, pictures=pictures, moves=moves):
            play = app.play
            if play is None or play.state.round > 1 or play.state.phase not in ("situation", "choices"):
                return
            pictures.append(surface_bytes(app.displays[1].window.get_surface()))
            moves[:] = list(play.state.current.moves)

        walk_game(app, path, check)
        runs.append((pictures, moves))
    (first, moves_a), (second, moves_b) = runs
    assert moves_a != moves_b          # the teams did pick differently
    assert len(first) == len(second) and first == second
