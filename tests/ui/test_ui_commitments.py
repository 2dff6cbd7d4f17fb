"""The room's commitments and the workshop's place and facilitator, typed on the bilan and in the last debrief."""

from __future__ import annotations

import pygame

from game.engine import bot_next
from game.ui.settings import load_settings
from ui_walk import debrief_on_screen, key


def typed(app, text):
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text, window=None))
    app.step()


def to_the_last_debrief(app):
    session = app.play.session
    while not (session.state.phase == "debrief" and session.state.round == session.state.setup.rounds):
        session.apply(bot_next(session.scenario, session.state))
    app.play.show_phase()
    app.step()
    assert app.scene.name == "debrief"
    while not app.scene.takes_commitments:
        key(app, pygame.K_RIGHT)


def test_the_last_debrief_and_the_bilan_take_commitments_and_the_place(make_app, long_path, coop_home):
    app = debrief_on_screen(make_app, long_path)
    to_the_last_debrief(app)
    key(app, pygame.K_c)
    assert app.scene.wants_text and app.scene.entry_kind == "commitment"
    typed(app, "Le bailleur réunit l'amicale d'ici juin")
    key(app, pygame.K_RETURN)
    assert app.play.session.state.commitments == ("Le bailleur réunit l'amicale d'ici juin",)
    while app.scene.name == "debrief":
        key(app, pygame.K_RIGHT)
    assert app.scene.name == "end"
    key(app, pygame.K_c)
    typed(app, "La mairie ouvre la friche")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_l)
    typed(app, "Maison des Tilleuls")
    key(app, pygame.K_RETURN)
    key(app, pygame.K_a)
    typed(app, "Zoé")
    key(app, pygame.K_RETURN)
    state = app.play.session.state
    assert state.commitments[-1] == "La mairie ouvre la friche"
    assert (state.place, state.facilitator) == ("Maison des Tilleuls", "Zoé")
    assert (load_settings().place, load_settings().facilitator) == ("Maison des Tilleuls", "Zoé")
    texts = " ".join(box.text for box in app.canvas.boxes)
    assert "La mairie ouvre la friche" in texts
    # Esc in a text field cancels it without leaving the bilan.
    key(app, pygame.K_c)
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "end" and not app.scene.wants_text
