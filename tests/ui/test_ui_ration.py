"""The debrief's screens show the engine's ration of prompts (three), the rest one key away (Q), the same
on the wall; the transfert phase opens by stepping out of the roles."""

from __future__ import annotations

import pygame

from presenter_walk import draw_wall
from ui_long_scenario import write_debrief_scenario
from ui_walk import debrief_on_screen, drawn, key, resumed

SHOWN = ("Ressenti un", "Analyse un", "Transfert un")
AWAY = ("Analyse deux", "Et si un")


def ration_scenario(folder):
    return write_debrief_scenario(folder, "ration", {
        "every_round": [{"phase": "ressenti", "text": "Ressenti un"}, {"phase": "analyse", "text": "Analyse un"},
                        {"phase": "analyse", "text": "Analyse deux"}, {"phase": "transfert", "text": "Transfert un"},
                        {"phase": "et_si", "text": "Et si un"}],
        "final": ["Que retenez-vous ?"],
    })


def walk(app, surface):
    """Every step of the debrief from its first: (phase, the laptop's text, the wall's text)."""
    while app.scene.index > 0:
        key(app, pygame.K_LEFT)
    seen = []
    while True:
        _, wall = draw_wall(app, app.play, surface)
        seen.append((app.scene.phase, drawn(app.canvas), drawn(wall)))
        if app.scene.index == len(app.scene.steps) - 1:
            return seen
        key(app, pygame.K_RIGHT)


def questions(text) -> set[str]:
    return {q for q in SHOWN + AWAY if q in text}


def test_three_prompts_by_default_the_rest_with_q_and_the_wall_shows_the_same(make_app, tmp_path):
    app = debrief_on_screen(make_app, ration_scenario(tmp_path))
    surface = pygame.Surface((1280, 720))
    seen = walk(app, surface)
    assert [phase for phase, _, _ in seen] == ["ressenti", "faits", "analyse", "transfert"]
    assert set().union(*(questions(laptop) for _, laptop, _ in seen)) == set(SHOWN)
    for phase, laptop, wall in seen:
        assert questions(laptop) == questions(wall), phase
        assert "+2 autres questions (touche Q)" in laptop
        assert "touche Q" not in wall                       # the key is the laptop's business
    key(app, pygame.K_q)
    seen = walk(app, surface)
    assert [phase for phase, _, _ in seen] == ["ressenti", "faits", "analyse", "transfert", "et_si"]
    assert set().union(*(questions(laptop) for _, laptop, _ in seen)) == set(SHOWN + AWAY)
    for phase, laptop, wall in seen:
        assert questions(laptop) == questions(wall), phase
        assert "Q : revenir aux questions retenues" in laptop
    # Back to the ration from a phase only Q shows: on the nearest one before it, journaled.
    assert app.scene.phase == "et_si"
    key(app, pygame.K_q)
    assert app.scene.phase == "transfert" == app.play.state.current.debrief_phase
    assert len(app.scene.steps) == 4


def test_the_transfert_phase_opens_by_stepping_out_of_the_roles(make_app, tmp_path):
    app = debrief_on_screen(make_app, ration_scenario(tmp_path))
    seen = dict((phase, laptop) for phase, laptop, _ in walk(app, pygame.Surface((1280, 720))))
    step_out = "On quitte les rôles."
    assert step_out in seen["transfert"]
    assert seen["transfert"].index(step_out) < seen["transfert"].index("Transfert un")
    assert all(step_out not in text for phase, text in seen.items() if phase != "transfert")


def test_the_help_lists_the_key_of_the_other_prompts(make_app, tmp_path):
    app = debrief_on_screen(make_app, ration_scenario(tmp_path))
    key(app, pygame.K_F1)
    assert "Q : toutes les questions / seulement les trois retenues" in drawn(app.canvas)


def test_a_resumed_game_on_a_phase_only_q_shows_comes_back_to_it(make_app, tmp_path):
    app = debrief_on_screen(make_app, ration_scenario(tmp_path))
    key(app, pygame.K_q)
    while app.scene.phase != "et_si":
        key(app, pygame.K_RIGHT)
    fresh = resumed(make_app, app)
    assert fresh.scene.name == "debrief" and fresh.scene.phase == "et_si"
    assert "Et si un" in drawn(fresh.canvas)


def test_the_help_lists_c_where_a_commitment_can_be_typed(make_app, tmp_path):
    from game.engine import SetLastRound

    app = debrief_on_screen(make_app, ration_scenario(tmp_path))

    def help_text():
        key(app, pygame.K_F1)
        text = drawn(app.canvas).replace("\u00a0", " ")
        key(app, pygame.K_ESCAPE)
        return text

    assert app.play.state.round < app.play.state.setup.rounds and not app.scene.takes_commitments
    assert "C : noter un engagement" not in help_text()
    assert app.play.submit(SetLastRound(app.play.state.round))     # this debrief is now the game's last
    while app.scene.index < len(app.scene.steps) - 1:
        key(app, pygame.K_RIGHT)
    assert app.scene.takes_commitments
    assert "C : noter un engagement" in help_text()


def test_the_help_leaves_q_out_when_the_ration_shows_every_prompt(make_app, tmp_path):
    path = write_debrief_scenario(tmp_path, "few", {"every_round": [{"phase": "analyse", "text": "Analyse un"}],
                                                    "final": ["Que retenez-vous ?"]})
    app = debrief_on_screen(make_app, path)
    assert not app.scene.view.hidden
    key(app, pygame.K_F1)
    text = drawn(app.canvas)
    assert "Q : toutes les questions" not in text and "T : minuteur" in text
