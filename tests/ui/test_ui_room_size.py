"""The verdict's room size is the session's (SetRoomSize, journaled): a resume keeps it and the answer completed
from it; the wall reads it from the state. A digit on the reveal's last step opens the verdict with that digit
typed, only there and only when the room votes on this keyboard; the footer and the help say so."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.engine import SetRoomSize
from game.paths import SCENARIOS
from ui_walk import key, layout_problems, phase_on_screen

TILLEULS = SCENARIOS / "quartier_des_tilleuls.yaml"
SHOTS = os.environ.get("COOP_ROOM_SHOTS")     # a folder: save the screens for a look
SIZES = [(1280, 720), (1024, 768)]


def typed(app, text):
    for ch in text:
        key(app, pygame.K_0 + int(ch) if ch.isdigit() else getattr(pygame, f"K_{ch}"), unicode=ch)


def words(app):
    app.render()
    return " ".join(box.text for box in app.canvas.boxes).replace("\xa0", " ")


def shot(app, name):
    app.render()
    assert layout_problems(app.canvas) == [], name
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        w, h = app.window.size
        pygame.image.save(app.window.get_surface(), os.path.join(SHOTS, f"{name}-{w}x{h}.png"))


def tally(app, index):
    move = app.play.state.current.moves[index]
    verdict = app.play.state.current.verdicts.get(move.character)
    return None if verdict is None else (verdict.coop, verdict.pas_coop, verdict.depends)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_room_size_survives_a_kill_and_a_resume_and_still_completes_the_tally(make_app, size):
    app = phase_on_screen(make_app, TILLEULS, "verdict", size, players=5)
    typed(app, "n20")
    key(app, pygame.K_RETURN)
    assert app.play.state.room_size == 20
    assert app.play.session.commands[-1] == SetRoomSize(20)      # journaled, not kept on screen only
    typed(app, "143")
    key(app, pygame.K_RETURN)
    assert tally(app, 0) == (14, 3, 3)
    # Killed: the file as it is on disk now (every command fsynced) is all a resume gets.
    path = Path(app.play.session.path)
    kept = path.read_bytes()
    app.play.close()
    path.write_bytes(kept)
    app.play = None
    fresh = resumed_from_title(make_app, path, size)
    assert fresh.scene.name == "verdict" and fresh.play.state.room_size == 20
    assert "salle : 20" in words(fresh)
    # The second move: 9 and 8 typed, "ça dépend" completed from the room (3), in italics until Enter.
    key(fresh, pygame.K_DOWN)
    assert fresh.scene.focus == 1
    typed(fresh, "98")
    assert fresh.scene.column == 2 and fresh.scene.proposed and fresh.scene.typed == "3"
    assert "ça dépend : 3 d'après la salle de 20" in words(fresh)
    shot(fresh, "verdict-resumed")
    key(fresh, pygame.K_RETURN)
    assert tally(fresh, 1) == (9, 8, 3)
    # Cleared (N Enter): journaled too, nothing completed any more.
    typed(fresh, "n")
    key(fresh, pygame.K_RETURN)
    assert fresh.play.state.room_size is None and fresh.play.session.commands[-1] == SetRoomSize(None)
    typed(fresh, "98")
    assert fresh.scene.column == 0 and fresh.scene.completed() is None
    fresh.play.close()


def resumed_from_title(make_app, path, size):
    """A fresh app resuming `path` from the title's first line (as after a crash)."""
    from game.ui.scenes.title import TitleScene

    fresh = make_app(size)
    fresh.show(TitleScene(fresh))
    fresh.step()
    assert fresh.scene.menu.items[0].value == ("resume", path)
    key(fresh, pygame.K_UP)
    key(fresh, pygame.K_RETURN)
    return fresh


def test_setting_the_same_size_again_journals_nothing(make_app):
    app = phase_on_screen(make_app, TILLEULS, "verdict", players=3)
    typed(app, "n20")
    key(app, pygame.K_RETURN)
    count = len(app.play.session.commands)
    typed(app, "n20")
    key(app, pygame.K_RETURN)
    assert len(app.play.session.commands) == count and "20" in app.notice
    app.play.close()


def test_the_wall_reads_the_room_size_from_the_session(make_app):
    from game.ui.scenes.wall import wall_scene

    app = phase_on_screen(make_app, TILLEULS, "verdict", players=3)
    wall = wall_scene(app, app.play)
    assert wall.room is None
    app.play.submit(SetRoomSize(25))                 # from anywhere: the console, a script
    assert wall.room == 25 and app.scene.room == 25
    assert "salle : 25" in " · ".join(wall.header())
    app.play.close()


def on_reveal(make_app, size=(1280, 720), verdicts=True):
    from game.engine import Setup
    from game.session import Session
    from game.ui.play import Play

    app = make_app(size)
    characters = ("elue", "bailleur", "amicale", "collectif", "habitante")
    setup = Setup(characters, {c: f"Les {c}" for c in characters}, 3, verdicts=verdicts)
    session = Session.create(TILLEULS, setup, 4, folder=Path(os.environ["COOP_HOME"]) / "reveal-tests")
    play = Play(app, session)
    from game.engine import bot_next

    while session.state.phase != "reveal":
        session.apply(bot_next(session.scenario, session.state))
    play.show_phase()
    app.step()
    assert app.scene.name == "reveal"
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_digit_on_the_reveals_last_step_opens_the_verdict_with_it_typed(make_app, size):
    app = on_reveal(make_app, size)
    scene = app.scene
    for step in ("moves", "detail"):
        assert scene.step == step
        before = len(app.play.session.commands)
        hint = "chiffres : le vote tout de suite (COOP)"
        assert hint not in words(app)
        typed(app, "1")                                    # before the effects: nothing changes
        assert app.scene is scene and scene.step == step and len(app.play.session.commands) == before
        key(app, pygame.K_RETURN)
    assert scene.step == "effects"
    assert "chiffres : le vote tout de suite (COOP)" in words(app)
    shot(app, "reveal-effects")
    key(app, pygame.K_F1)
    help_text = words(app)
    assert "le vote s'ouvre avec le nombre de COOP du premier coup" in help_text
    assert "← ou Retour arrière : étape précédente" in help_text
    key(app, pygame.K_ESCAPE)
    typed(app, "1")
    assert app.scene.name == "verdict" and app.play.state.phase == "verdict"
    assert app.scene.typed == "1" and app.scene.column == 0 and app.scene.focus == 0
    typed(app, "4")
    key(app, pygame.K_SPACE)
    typed(app, "3")
    key(app, pygame.K_RETURN)
    assert tally(app, 0) == (14, 3, 0)
    app.play.close()


def test_the_help_of_the_first_step_lists_no_digits_and_no_step_back(make_app):
    app = on_reveal(make_app)
    key(app, pygame.K_F1)
    help_text = words(app)
    assert "Entrée : voir les effets" in help_text
    assert "étape précédente" not in help_text and "le vote s'ouvre" not in help_text
    app.play.close()


def test_without_a_verdict_digits_do_nothing_on_the_last_step(make_app):
    app = on_reveal(make_app, verdicts=False)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    scene = app.scene
    assert scene.step == "effects" and not scene.votes_next()
    assert "le vote tout de suite" not in words(app)
    typed(app, "1")
    assert app.scene is scene and app.play.state.phase == "reveal"
    app.play.close()


def test_the_english_footer_says_it_too(make_app):
    app = on_reveal(make_app)
    app.lang_override = "en"
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)
    assert "digits: vote right away (COOP)" in words(app)
    app.play.close()
