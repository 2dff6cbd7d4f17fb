"""End after this round, on the laptop: F asks (the help lists it), O/Entrée journals SetLastRound, the
debrief of that round leads to the bilan, which says "fin anticipée après le tour N" and shows only the
rounds played; F again takes it back; N/Échap changes nothing; never on a team's private choice."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.engine import Advance, SetLastRound
from screen_text import drawn_words, save_screen
from ui_walk import key, layout_problems

TILLEULS = Path(__file__).resolve().parents[2] / "scenarios" / "quartier_des_tilleuls.yaml"
SHOTS = os.environ.get("COOP_CLOCK_SHOTS")     # a folder: save the screens for a look


def words(app):
    return drawn_words(app)


def shot(app, name):
    w, h = app.window.size
    save_screen(app, SHOTS, f"{name}-{w}x{h}")


@pytest.fixture
def make_game(make_app, tmp_path):
    from game.engine import Setup
    from game.session import Session
    from game.ui.play import Play

    sessions = []

    def build(size=(1280, 720), rounds=3, verdicts=False):
        app = make_app(size)
        characters = ("elue", "bailleur", "amicale")
        setup = Setup(characters, {c: f"Les {c}" for c in characters}, rounds, verdicts=verdicts)
        session = Session.create(TILLEULS, setup, 4, folder=tmp_path / f"sessions{len(sessions)}")
        sessions.append(session)
        Play(app, session).show_phase()
        app.step()
        return app

    yield build
    for session in sessions:
        session.close()


def to_debrief(app):
    """The bot plays the round up to its debrief's last phase."""
    from game.ui.autoplay import ScreenBot

    bot = ScreenBot()
    while not (app.scene.name == "debrief" and app.scene.index == len(app.scene.view.phases) - 1):
        app.scene.bot_step(bot)
        app.step()


def test_f_asks_then_the_bilan_follows_this_rounds_debrief(make_game):
    app = make_game()
    play = app.play
    assert app.scene.name == "situation" and "F : finir après ce tour" in words(app)
    key(app, pygame.K_F1)
    assert "F : finir la partie après ce tour" in words(app)
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_f)
    assert app.overlay is not None and app.overlay.name == "end_early"
    text = words(app)
    assert "Finir la partie après ce tour ?" in text and "(tours joués : 1 sur 3 prévus)" in text
    shot(app, "end-early-confirm")
    key(app, pygame.K_ESCAPE)                     # no: nothing journaled
    assert app.overlay is None and play.state.last_round is None
    assert not any(isinstance(c, SetLastRound) for c in play.session.commands)
    key(app, pygame.K_f)
    key(app, pygame.K_o)                          # yes
    assert app.overlay is None and play.state.last_round == 1
    assert [c for c in play.session.commands if isinstance(c, SetLastRound)] == [SetLastRound(1)]
    assert "le bilan suivra le débrief du tour 1" in app.notice
    assert "Tour 1 / 3 · dernier tour" in words(app)
    to_debrief(app)
    assert "Entrée : voir le bilan" in words(app)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "end" and play.state.phase == "end" and len(play.state.history) == 1
    text = words(app)
    assert "Fin anticipée après le tour 1 (3 tours prévus)." in text
    assert not layout_problems(app.canvas)
    shot(app, "end-early-bilan")
    # The chart and the paths: the rounds played only.
    assert all(len(values) == 2 for values in app.scene.view.series.values())
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)
    assert "le tour 1 en bas (fin anticipée)" in words(app)
    key(app, pygame.K_f)                          # the game is over: F does nothing
    assert app.overlay is None and "n'a pas d'effet" in app.notice


def test_f_again_takes_it_back_and_the_game_goes_on(make_game):
    app = make_game()
    play = app.play
    to_debrief(app)
    assert "F : finir après ce tour" in words(app)
    key(app, pygame.K_f)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_UP)                         # any key: the notice goes, the footer has its room again
    assert play.state.final_round == 1 and "F : jouer tous les tours prévus" in words(app)
    key(app, pygame.K_f)
    assert "Jouer les 3 tours prévus ?" in words(app)
    key(app, pygame.K_RETURN)
    assert play.state.last_round is None and "jusqu'au tour 3" in app.notice
    key(app, pygame.K_RETURN)
    assert app.scene.name == "situation" and play.state.round == 2


def test_f_is_no_key_of_a_teams_private_choice_nor_of_the_planned_last_round(make_game):
    app = make_game(rounds=1)
    play = app.play
    assert "F : finir" not in words(app)           # one round planned: nothing to shorten
    key(app, pygame.K_F1)
    assert "F : finir" not in words(app)           # nor in the help
    key(app, pygame.K_ESCAPE)
    key(app, pygame.K_f)
    assert app.overlay is None and play.state.last_round is None and "déjà le dernier" in app.notice
    play.submit(Advance())
    app.step()
    key(app, pygame.K_RETURN)                      # the hand-off: the team takes the keyboard
    assert app.scene.name == "choice"
    key(app, pygame.K_f)
    assert app.overlay is None


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_the_confirmation_and_the_bilan_fit_the_projectors(make_game, size):
    app = make_game(size)
    key(app, pygame.K_f)
    assert not layout_problems(app.canvas)
    shot(app, "end-early-confirm")
    key(app, pygame.K_RETURN)
    to_debrief(app)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "end"
    assert not layout_problems(app.canvas)
    shot(app, "end-early-bilan")


def test_f_works_on_the_reveal_and_the_verdict_too(make_game):
    from game.ui.autoplay import ScreenBot

    app = make_game(verdicts=True)
    bot = ScreenBot()
    seen = set()
    while app.play.state.phase != "debrief":
        scene = app.scene
        if scene.name in ("reveal", "verdict") and scene.name not in seen:
            seen.add(scene.name)
            key(app, pygame.K_f)
            assert app.overlay is not None and app.overlay.name == "end_early", scene.name
            key(app, pygame.K_n)
            assert app.overlay is None and app.play.state.last_round is None
            key(app, pygame.K_F1)
            assert "F : finir la partie après ce tour" in words(app), scene.name
            key(app, pygame.K_ESCAPE)
        scene.bot_step(bot)
        app.step()
    assert seen == {"reveal", "verdict"}
