"""The screens' router (Play._follow): it follows what a screen depends on, the phase and whose turn it
is. A phone that confirms, replaces (the engine's `move_replaced`) or takes back the move of a team that is
not at the keyboard leaves the laptop where it is: the team choosing there keeps its step."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.engine import Advance, SubmitMove, TakeBackMove
from ui_walk import key

TILLEULS = Path(__file__).resolve().parents[2] / "scenarios" / "quartier_des_tilleuls.yaml"


@pytest.fixture
def laptop(make_app, tmp_path):
    from game.engine import Setup
    from game.session import Session
    from game.ui.play import Play

    app = make_app((1280, 720))
    characters = ("elue", "bailleur", "amicale")
    setup = Setup(characters, {c: str(i + 1) for i, c in enumerate(characters)}, 3)
    session = Session.create(TILLEULS, setup, 4, folder=tmp_path / "sessions")
    play = Play(app, session)
    play.show_phase()
    play.submit(Advance())
    app.step()
    yield app
    session.close()


def at_the_action_step(app):
    """The first team takes the laptop and picks a posture: its choice is at the action step."""
    key(app, pygame.K_RETURN)                 # the hand-off: the team is at the keyboard
    assert app.scene.name == "choice" and app.scene.character == "elue"
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    assert app.scene.step == "action"
    return app.scene


def phone(app, command):
    """A command as the phones send it: posted from the server's thread, drained by the main loop."""
    app.play.post(command, source="phone")
    app.step()


def test_a_phone_replacing_another_teams_move_leaves_the_laptops_choice_where_it_is(laptop):
    app = laptop
    scene = at_the_action_step(app)
    phone(app, SubmitMove("amicale", "co_construire", "observer"))
    assert app.play.state.confirmed == {"amicale"}
    assert app.scene is scene and scene.step == "action"
    phone(app, SubmitMove("amicale", "imposer", "observer"))     # replaced: the engine says move_replaced
    assert app.play.state.current.corrections[-1].kind == "replaced"
    assert app.scene is scene and scene.step == "action"
    phone(app, TakeBackMove("amicale"))
    assert app.play.state.confirmed == frozenset()
    assert app.scene is scene and scene.step == "action" and app.play.handed_to == "elue"


def test_a_move_that_changes_the_turn_shows_the_next_teams_hand_off(laptop):
    app = laptop
    at_the_action_step(app)
    phone(app, SubmitMove("elue", "co_construire", "observer"))       # the team at the laptop chose by phone
    assert app.play.state.turn == "bailleur"
    assert app.scene.name == "handoff" and app.scene.progress().startswith("Équipe 2")
    phone(app, TakeBackMove("elue"))                             # its turn again: through its hand-off
    assert app.play.state.turn == "elue" and app.play.handed_to is None
    assert app.scene.name == "handoff"
