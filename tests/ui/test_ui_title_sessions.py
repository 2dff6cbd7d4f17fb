"""Issue 13, sessions a facilitator can manage: `coop play SCENARIO` opens that scenario's setup even with an
unfinished game left; the title highlights a scenario, never the old game; the unfinished game is named and
can be archived (still readable) or deleted (only after a second D)."""

from argparse import Namespace

import pygame

from game import paths
from ui_walk import key


def _leave_unfinished(make_app, scenario):
    from game.ui.scenes.title import open_scenario

    first = make_app((1280, 720))
    open_scenario(first, scenario)
    first.scene.start()
    first.play.advance()
    path = first.play.session.path
    first.play.close()
    return path


def test_play_scenario_opens_its_setup_even_with_an_unfinished_game(make_app, long_path):
    from game.ui.app import start

    left = _leave_unfinished(make_app, long_path)
    app = make_app((1280, 720))
    from game.ui.scenes.title import bundled_scenarios

    target = bundled_scenarios()[0]
    start(app, Namespace(resume=False, scenario=str(target), autoplay=False, no_setup=False))
    assert app.scene.name == "setup" and app.scene.path == target
    key(app, pygame.K_ESCAPE)
    title = app.scene
    if title.name != "title":          # setup may ask before leaving
        key(app, pygame.K_RETURN)
        title = app.scene
    assert title.name == "title"
    assert title.menu.items[0].value == ("resume", left)   # still offered
    assert title.menu.focused.value == ("open", target)


def test_plain_title_highlights_a_scenario_and_names_the_unfinished_game(make_app, long_path):
    from game.ui.scenes.title import TitleScene

    left = _leave_unfinished(make_app, long_path)
    app = make_app((1280, 720))
    app.show(TitleScene(app))
    app.step()
    resume = app.scene.menu.items[0]
    assert resume.value == ("resume", left)
    assert app.scene.menu.focused.value[0] == "open"
    assert "équipe" in resume.detail.lower() or "team" in resume.detail.lower()
    assert "/" in resume.detail                       # the date


def test_the_unfinished_game_is_archived_or_deleted_only_after_confirmation(make_app, long_path):
    from game.session.report import render
    from game.ui.scenes.title import TitleScene

    left = _leave_unfinished(make_app, long_path)
    app = make_app((1280, 720))
    app.show(TitleScene(app))
    app.step()
    key(app, pygame.K_UP)
    key(app, pygame.K_d, unicode="d")
    assert left.exists() and app.notice                 # asked, not deleted
    key(app, pygame.K_DOWN)                              # any other key cancels
    key(app, pygame.K_UP)
    key(app, pygame.K_d, unicode="d")
    key(app, pygame.K_d, unicode="d")
    assert not left.exists()
    assert app.scene.menu.items[0].value[0] != "resume"

    second = _leave_unfinished(make_app, long_path)
    app.show(TitleScene(app))
    app.step()
    key(app, pygame.K_UP)
    key(app, pygame.K_a, unicode="a")
    archived = paths.archive_dir() / second.name
    assert not second.exists() and archived.exists()
    assert render(archived, "md").startswith("# Compte rendu")   # archived files stay readable
    assert app.scene.menu.items[0].value[0] != "resume"
