"""The final debrief, the bilan's last pages: the debrief's phases in order (one final prompt each, Q for the
rest), the same large timer as a round's (a fresh one, T, "+" a minute) and notes (N, journaled), the
same on the wall without the notes and the keys."""

from __future__ import annotations

import pygame

from game.engine import bot_next
from game.session import replay_file
from presenter_walk import draw_wall
from ui_long_scenario import write_debrief_scenario
from ui_walk import drawn, key, phase_on_screen

FINAL = ("Final ressenti", "Final faits", "Final transfert", "Final et après")
AWAY = "Final ressenti bis"


def final_scenario(folder):
    return write_debrief_scenario(folder, "final", {
        "every_round": [{"phase": "analyse", "text": "Une question du tour"}],
        "final": [{"phase": "ressenti", "text": "Final ressenti"}, {"phase": "ressenti", "text": AWAY},
                  {"phase": "faits", "text": "Final faits"}, {"phase": "transfert", "text": "Final transfert"},
                  {"phase": "et_apres", "text": "Final et après"}],
    }, rounds=1)


def typed(app, text):
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text, window=None))
    app.step()


def pages(app):
    """Every page of the bilan from the first: (suffix, the laptop's text, the wall's text)."""
    while app.scene.page > 0:
        key(app, pygame.K_LEFT)
    seen = []
    surface = pygame.Surface((1280, 720))
    while True:
        _, wall = draw_wall(app, app.play, surface)
        seen.append((app.scene.shot_suffix(), drawn(app.canvas), drawn(wall)))
        if app.scene.page == len(app.scene.pages) - 1:
            return seen
        key(app, pygame.K_RIGHT)


def test_the_final_debrief_walks_the_phases_in_order_with_the_timer_the_same_on_the_wall(make_app, tmp_path):
    app = phase_on_screen(make_app, final_scenario(tmp_path), "end")
    seen = pages(app)
    suffixes = [suffix for suffix, _, _ in seen]
    assert suffixes == ["ending", "chart", "paths", "secrets", "final_ressenti", "final_faits", "final_transfert",
                        "final_et_apres"]
    for (suffix, laptop, wall), prompt in zip(seen[4:], FINAL):
        assert prompt in laptop and prompt in wall, suffix
        assert "00:30" in laptop and "00:30" in wall               # the large timer, on both screens
        assert "+1 autre question (touche Q)" in laptop and "touche Q" not in wall
    assert all(AWAY not in laptop for _, laptop, _ in seen)
    assert all("00:30" not in laptop for suffix, laptop, _ in seen[:4])
    transfert = dict((s, t) for s, t, _ in seen)["final_transfert"]
    assert transfert.index("On quitte les rôles.") < transfert.index("Final transfert")
    assert "Coups aux avis partagés" in dict((s, t) for s, t, _ in seen)["final_faits"]   # the game's facts
    key(app, pygame.K_q)
    seen = {suffix: (laptop, wall) for suffix, laptop, wall in pages(app)}
    assert AWAY in seen["final_ressenti"][0] and AWAY in seen["final_ressenti"][1]   # the wall follows Q


def test_the_final_debriefs_timer_is_its_own_and_takes_t_and_plus(make_app, tmp_path):
    app = phase_on_screen(make_app, final_scenario(tmp_path), "debrief")
    key(app, pygame.K_t)                                            # the last round's debrief timer runs
    assert app.scene.timer.running
    session = app.play.session
    while session.state.phase != "end":
        session.apply(bot_next(session.scenario, session.state))
    app.play.show_phase()
    app.step()
    while app.scene.final_phase is None:
        key(app, pygame.K_RIGHT)
    timer = app.scene.timer
    assert not timer.running and timer.total_ms == 30_000            # a fresh one for the final debrief
    key(app, pygame.K_t)
    assert timer.running
    key(app, pygame.K_PLUS, unicode="+")
    assert timer.total_ms == 90_000
    assert "En cours" in drawn(app.canvas)


def test_a_final_note_is_journaled_shown_on_the_laptop_and_never_on_the_wall(make_app, tmp_path):
    app = phase_on_screen(make_app, final_scenario(tmp_path), "end")
    while app.scene.final_phase != "transfert":
        key(app, pygame.K_RIGHT)
    key(app, pygame.K_n)
    assert app.scene.wants_text and app.scene.entry_kind == "note"
    typed(app, "Le quartier réel est entré dans la salle")
    key(app, pygame.K_RETURN)
    assert app.play.state.final_notes == ("Le quartier réel est entré dans la salle",)
    assert "Le quartier réel est entré dans la salle" in drawn(app.canvas)
    _, wall = draw_wall(app, app.play, pygame.Surface((1280, 720)))
    assert "Le quartier réel" not in drawn(wall)
    path = app.play.session.path
    app.play.close()
    assert replay_file(path).state.final_notes == ("Le quartier réel est entré dans la salle",)


def help_text(app):
    key(app, pygame.K_F1)
    text = drawn(app.canvas).replace("\u00a0", " ")
    key(app, pygame.K_ESCAPE)
    return text


def test_the_bilans_help_lists_the_keys_that_work_on_its_page(make_app, tmp_path):
    app = phase_on_screen(make_app, final_scenario(tmp_path), "end", screen="end")
    assert app.scene.page == 0 and app.scene.final_phase is None
    text = help_text(app)
    assert "N : écrire une note" in text and "E : exporter" in text
    assert "T : minuteur" not in text                         # no timer before the final debrief's pages
    assert "Q : toutes les questions / une par phase" in text  # a final prompt is left for Q
    assert "trois retenues" not in text                        # the rounds' ration is not the final debrief's
    while app.scene.final_phase is None:
        key(app, pygame.K_RIGHT)
    assert "T : minuteur marche/pause" in help_text(app)


def test_the_bilans_help_leaves_q_out_when_no_prompt_waits_for_it(make_app, tmp_path):
    path = write_debrief_scenario(tmp_path, "one", {"every_round": ["Une question"], "final": ["Que retenez-vous ?"]},
                                  rounds=1)
    app = phase_on_screen(make_app, path, "end", screen="end")
    assert not app.scene.view.final_hidden
    assert "Q :" not in help_text(app)
    key(app, pygame.K_q)
    assert app.notice          # the key does nothing here, and the app says so
