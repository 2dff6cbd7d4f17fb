"""Last-pass polish: team names read naturally, refusals name labels, setup errors, portraits, the situation."""

from __future__ import annotations

import pytest

from game.ui.scenes.title import open_scenario


def texts_of(app) -> list[str]:
    return [b.text.replace("\u00a0", " ") for b in app.canvas.boxes]


def started_game(make_app, path, teams=None, lang=None, size=(1280, 720)):
    """The app at the first screen of round 1's choices, with `teams` typed at setup (by character order)."""
    app = make_app(size, lang=lang)
    open_scenario(app, path)
    setup = app.scene
    for ident, name in zip(setup.chosen(), teams or []):
        setup.teams[ident] = name
    setup.start()
    app.play.advance()
    app.step()
    return app


@pytest.mark.parametrize("lang, headline, team", [("fr", "À vous de jouer :", "Équipe Zoé"),
                                                  ("en", "Your turn:", "Équipe Zoé")])
def test_the_hand_off_names_a_team_called_equipe_something_once(make_app, long_path, lang, headline, team):
    app = started_game(make_app, long_path, ["Équipe Zoé"] * 8, lang)
    texts = texts_of(app)
    assert app.scene.name == "handoff"
    assert headline in texts and team in texts
    assert not [t for t in texts if "équipe Équipe" in t or "team Équipe" in t]


def test_a_default_team_number_keeps_the_word_team_and_a_capital(make_app, long_path):
    app = started_game(make_app, long_path, lang="fr")
    turn = app.play.state.turn
    number = app.play.state.setup.teams[turn]
    assert f"Équipe {number}" in texts_of(app)


def test_the_choice_card_shows_a_team_that_says_team_as_typed(make_app, long_path):
    app = started_game(make_app, long_path, ["Équipe Zoé"] * 8, lang="fr")
    app.scene.ready()
    app.step()
    role = app.play.scenario.character(app.play.state.turn).role
    assert app.scene.name == "choice"
    assert f"{role} · Équipe Zoé" in " ".join(texts_of(app))


def test_a_refusal_for_lack_of_resources_names_the_resource_label_not_its_id(make_app, monkeypatch):
    from game.engine import IllegalCommand, UndoChoice
    from game.paths import SCENARIOS

    app = started_game(make_app, SCENARIOS / "quartier_des_tilleuls.yaml", lang="fr")

    def refuse(command):
        raise IllegalCommand("cannot_afford", "test", resource="temps", cost=2, have=1)

    monkeypatch.setattr(app.play.session, "apply", refuse)
    assert not app.play.submit(UndoChoice(app.play.state.turn))
    assert "(Temps : 1 sur 2)" in app.notice and "temps" not in app.notice


def test_a_scenario_broken_between_opening_and_starting_shows_its_diagnostics_in_french(make_app, tmp_path):
    from game.paths import SCENARIOS

    path = tmp_path / "tilleuls.yaml"
    text = (SCENARIOS / "quartier_des_tilleuls.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    app = make_app((1280, 720), lang="fr")
    open_scenario(app, path)
    path.write_text(text.replace("rounds:", "rounds: [", 1), encoding="utf-8")
    app.scene.start()
    app.step()
    assert app.play is None and app.scene.name == "error"
    assert "Ce scénario ne peut pas être ouvert" in texts_of(app)
    assert any(t.startswith("Ligne ") for t in texts_of(app))


def scenario_with_portraits(tmp_path, picture: bytes):
    """Les Tilleuls copied into tmp_path with `picture` as every character's image."""
    from game.paths import SCENARIOS

    (tmp_path / "portrait.png").write_bytes(picture)
    text = (SCENARIOS / "quartier_des_tilleuls.yaml").read_text(encoding="utf-8")
    text = text.replace("\n    role: ", "\n    image: portrait.png\n    role: ")
    path = tmp_path / "tilleuls.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def png_bytes(tmp_path, size=(60, 30), colour=(200, 30, 40)) -> bytes:
    import pygame

    surface = pygame.Surface(size)
    surface.fill(colour)
    made = tmp_path / "made.png"
    pygame.image.save(surface, str(made))
    return made.read_bytes()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_choice_card_shows_the_portrait_beside_the_name_keeping_its_proportions(make_app, tmp_path, size):
    path = scenario_with_portraits(tmp_path, png_bytes(tmp_path))
    app = started_game(make_app, path, lang="fr", size=size)
    assert app.scene.name == "handoff"
    assert app.scene.portrait_rect is not None
    app.scene.ready()
    app.step()
    box = app.scene.portrait_rect
    assert box is not None and box.height <= size[1] // 4
    assert abs(box.width / box.height - 2) < 0.1                        # 60 x 30 stays twice as wide as high
    assert app.canvas.surface.get_at(box.center)[:3] == (200, 30, 40)
    name = app.play.scenario.character(app.play.state.turn).name
    name_box = next(b.rect for b in app.canvas.boxes if name.startswith(b.text))
    assert name_box.left >= box.right and name_box.top < box.bottom      # beside it, not below


def test_a_truncated_portrait_shows_nothing_and_the_card_still_draws(make_app, tmp_path):
    path = scenario_with_portraits(tmp_path, png_bytes(tmp_path)[:60])
    app = started_game(make_app, path, lang="fr")
    app.scene.ready()
    app.step()
    assert app.scene.name == "choice" and app.scene.portrait_rect is None
    name = app.play.scenario.character(app.play.state.turn).name
    assert any(name.startswith(b.text) for b in app.canvas.boxes)


def test_two_events_their_effects_the_round_text_and_the_goal_fit_one_page_at_1280x720(make_app):
    from game.paths import SCENARIOS

    app = make_app((1280, 720), lang="fr")
    open_scenario(app, SCENARIOS / "quartier_des_tilleuls.yaml")
    app.scene.start()
    app.step()
    scene, scenario, state = app.scene, app.play.scenario, app.play.state
    assert scene.name == "situation" and len(state.current.events) == 2
    shown = " ".join(texts_of(app))
    for ident in state.current.events:
        event = next(e for e in scenario.events if e.id == ident)
        assert scene.deltas_text(dict(event.effects)).replace("\u00a0", " ") in shown
    assert scenario.round_texts[1].split()[-1] in shown
    assert "gèrent eux-mêmes." in shown                                   # the goal's last words
    assert not any(t.startswith("Suite") for t in texts_of(app))


@pytest.mark.parametrize("lang, words", [("fr", "condition non remplie : après « "), ("en", "condition not met: after “")])
def test_an_action_waiting_for_another_names_that_action_by_its_title(make_app, lang, words):
    from game.paths import SCENARIOS

    app = started_game(make_app, SCENARIOS / "quartier_des_tilleuls.yaml", lang=lang)
    app.scene.ready()
    app.step()
    app.scene.posture_menu.focus = 0      # no posture is chosen for a team: pick the first
    app.scene.choose_posture()
    scenario = app.play.scenario
    waiting = [item for item in app.scene.action_menu.items if not item.enabled and words in item.detail]
    assert waiting, [item.detail for item in app.scene.action_menu.items]
    for item in waiting:
        requires = scenario.action(item.value).requires
        played = list(requires.ever_played or []) + [a for o in requires.any or [] for a in o.ever_played or []]
        assert any(scenario.action(ident).title in item.detail for ident in played)
        assert not any(f"« {ident} »" in item.detail or f"“{ident}”" in item.detail for ident in played)
