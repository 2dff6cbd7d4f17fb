"""The projector with phones on: each team's QR on the hand-off (crisp, 14 px a module at 1280x720),
"équipe 1 connectée", the count of teams that chose, the public QR and the count of votes during the
verdict — never a tally until the facilitator closes the vote — then the result, journaled."""

from __future__ import annotations

import os

import pygame
import pytest

from game.engine import Advance, RecordVerdict
from phones_room import TILLEULS, open_phone
from screen_text import drawn_words, save_screen

SHOTS = os.environ.get("COOP_PHONE_SHOTS")     # a folder: save the screens for a look


@pytest.fixture
def app(tmp_path):
    from game.engine import Setup
    from game.session import Session
    from game.ui.phones_link import PhoneOptions, stop
    from game.ui.play import Play
    from game.ui.settings import Settings
    from game.ui.shell import App

    pygame.display.init()
    pygame.font.init()
    window = pygame.Window("test", (1280, 720))
    app = App(window, Settings())
    app.phone_options = PhoneOptions("127.0.0.1", 0)
    characters = ("elue", "bailleur", "amicale")
    setup = Setup(characters, {c: str(i + 1) for i, c in enumerate(characters)}, 2)
    session = Session.create(TILLEULS, setup, 4, folder=tmp_path / "sessions")
    Play(app, session).show_phase()
    yield app
    stop(app)
    session.close()
    window.destroy()


def key(app, code, mod=0):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=""))
    app.step()


def texts(app):
    return drawn_words(app)


def shot(app, name):
    save_screen(app, SHOTS, name)


def test_teams_choose_on_phones_and_the_room_votes(app):
    hub, play = app.phones, app.play
    assert hub is not None and hub.port
    play.advance()
    app.step()
    assert app.scene.name == "handoff"
    words = texts(app)
    assert "Équipe 1 : scannez," in words and "détournent le regard" in words
    assert "0 équipes sur 3 ont choisi" in words
    # A crisp code: whole pixels per module, at least 14 of them at 1280x720.
    rect = app.scene.qr_rect
    from game.phones.qr import matrix

    modules = len(matrix(hub.team_url("elue")))
    assert rect.width % modules == 0 and rect.width // modules >= 14
    shot(app, "handoff-phones")

    phones = {}
    for character in play.state.setup.characters:
        phones[character] = open_phone(hub, app.step, character)
        phones[character].wait(lambda f: f["type"] == "state")
    app.step()
    assert "connectée" in app.notice
    assert "Équipe 1 est connectée" in texts(app)
    for character, phone in reversed(list(phones.items())):
        page = phone.state()
        answer = phone.ask({"type": "move", "posture": page["postures"][0]["id"], "action": "observer"})
        assert answer["type"] == "ok"
    for _ in range(20):
        app.step()
    assert play.state.phase == "reveal" and app.scene.name == "reveal"
    play.advance()
    for _ in range(5):
        app.step()
    assert app.scene.name == "verdict" and hub.vote_open
    voters = [open_phone(hub, app.step) for _ in range(2)]
    for voter, answer in zip(voters, ("coop", "pas_coop")):
        assert voter.ask({"type": "vote", "round": 1, "character": "elue", "answer": answer})["type"] == "ok"
    app.step()
    words = texts(app)
    assert "2 votes" in words and "127.0.0.1:" in words
    assert "Avis partagés".upper() not in words.upper()
    assert app.scene.shot_suffix() == "vote"
    modules = len(matrix(hub.public_url()))
    assert app.scene.qr_rect.width // modules >= 14
    shot(app, "verdict-vote")
    before = len(play.session.commands)
    key(app, pygame.K_r)
    assert not hub.vote_open
    recorded = [c for c in play.session.commands[before:] if isinstance(c, RecordVerdict)]
    assert recorded == [RecordVerdict("elue", 1, 1, 0)]
    assert app.scene.name == "verdict" and app.scene.tallies["elue"] == [1, 1, 0]
    shot(app, "verdict-result")
    # The keyboard still corrects a tally after the vote.
    key(app, pygame.K_c)
    assert play.state.current.verdicts["elue"].coop == 2
