"""Moving between debrief phases goes through the session, so a resumed game comes back to the phase on show."""

from __future__ import annotations

import pygame

from ui_walk import debrief_on_screen, key, resumed


def test_a_resumed_game_lands_on_the_debrief_phase_that_was_on_show(make_app, long_path):
    app = debrief_on_screen(make_app, long_path)
    phases = [phase for phase, _ in app.scene.view.phases]
    assert len(phases) >= 3, "the long scenario needs three debrief phases for this test"
    assert app.scene.phase == phases[0]
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_LEFT)
    key(app, pygame.K_RETURN)
    assert app.scene.phase == phases[2]
    assert app.play.state.current.debrief_phase == phases[2]
    fresh = resumed(make_app, app)
    assert fresh.scene.name == "debrief"
    assert fresh.scene.phase == phases[2]
    assert fresh.play.state.current.debrief_phase == phases[2]


def test_going_back_to_the_first_debrief_phase_is_journaled_too(make_app, long_path):
    app = debrief_on_screen(make_app, long_path)
    first = app.scene.view.phases[0][0]
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_BACKSPACE)
    assert app.scene.phase == first
    assert app.play.state.current.debrief_phase == first
    assert [c.phase for c in app.play.session.commands[-2:]] == [app.scene.view.phases[1][0], first]
