"""The choices timer (setup option, on in the "2 h" preset): a countdown while the teams choose, on the
hand-off, a team's choice (header) and the wall; T pauses it, + gives one more minute; at 0:00 the cue
sounds once and the laptop names the teams that have not chosen, the wall says only "temps écoulé";
nothing is ever chosen for a team. The preset's rounds come from game.pace; both are remembered."""

from __future__ import annotations

import os
from pathlib import Path

import pygame
import pytest

from game.engine import Advance
from ui_walk import key, layout_problems

TILLEULS = Path(__file__).resolve().parents[2] / "scenarios" / "quartier_des_tilleuls.yaml"
SHOTS = os.environ.get("COOP_CLOCK_SHOTS")


def words(app, canvas=None):
    app.render()
    canvas = canvas or app.canvas
    return " ".join(box.text for box in canvas.boxes).replace("\xa0", " ")


def shot(app, name, window=None):
    app.render()
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        window = window or app.window
        w, h = window.size
        pygame.image.save(window.get_surface(), os.path.join(SHOTS, f"{name}-{w}x{h}.png"))


class Clock:
    """The screens' milliseconds, moved by the test."""

    def __init__(self, monkeypatch):
        from game.ui.scenes import base, choices_clock

        self.now = 5_000_000
        # The screens' clock and the one the phones' hub reads (the same function, imported twice).
        monkeypatch.setattr(choices_clock, "monotonic_ms", lambda: self.now)
        monkeypatch.setattr(base, "monotonic_ms", lambda: self.now)

    def run(self, app, seconds):
        self.now += int(seconds * 1000)
        app.scene.tick(self.now)
        app.step()


@pytest.fixture
def choosing(make_app, tmp_path, monkeypatch):
    """A game of three teams with a 2-minute choices timer, at the first hand-off; the cue is counted."""
    from game.engine import Setup
    from game.session import Session
    from game.ui import sound
    from game.ui.play import Play

    sessions = []
    cues = []
    monkeypatch.setattr(sound, "cue", lambda: cues.append(1))

    def build(size=(1280, 720)):
        app = make_app(size)
        characters = ("elue", "bailleur", "amicale")
        setup = Setup(characters, {"elue": "Les Élus", "bailleur": "Bailleurs", "amicale": "L'amicale"}, 3,
                      choices_minutes=2)
        session = Session.create(TILLEULS, setup, 4, folder=tmp_path / f"s{len(sessions)}")
        sessions.append(session)
        clock = Clock(monkeypatch)
        Play(app, session).show_phase()
        app.play.submit(Advance())
        app.step()
        return app, clock, cues

    yield build
    for session in sessions:
        session.close()


def test_at_zero_the_laptop_names_who_has_not_chosen_and_nothing_is_chosen(choosing):
    app, clock, cues = choosing()
    play = app.play
    assert app.scene.name == "handoff" and "Choix : 02:00" in words(app)
    # Both timer keys are listed (the footer may break its line between them).
    shown = words(app)
    assert "T : minuteur marche/pause" in shown and "+ : une minute de plus" in shown
    clock.run(app, 30)
    assert "Choix : 01:30" in words(app)
    # The first team chooses; the next hand-off shows the same countdown going on.
    key(app, pygame.K_RETURN)
    assert app.scene.name == "choice" and "Choix : 01:30" in words(app)
    key(app, pygame.K_1)
    key(app, pygame.K_a)
    key(app, pygame.K_RETURN)
    assert play.state.confirmed == {"elue"} and app.scene.name == "handoff"
    commands = len(play.session.commands)
    clock.run(app, 90)
    assert cues == [1]
    assert app.notice.replace("\xa0", " ") == "Temps écoulé pour les choix. Pas encore choisi : Équipe Bailleurs, Équipe L'amicale"
    text = words(app)
    assert "Choix : temps écoulé" in text and "Pas encore choisi : Équipe Bailleurs, Équipe L'amicale" in text
    assert "Les Élus" not in app.notice
    assert not layout_problems(app.canvas)
    shot(app, "choices-time-up")
    # Nothing is chosen for the teams, and the cue is not given again.
    clock.run(app, 10)
    assert cues == [1] and len(play.session.commands) == commands
    assert play.state.phase == "choices" and play.state.confirmed == {"elue"}
    # + : one minute from now (not from the moment it reached zero), and the cue again at its end.
    key(app, pygame.K_KP_PLUS)
    assert "Choix : 01:00" in words(app)
    clock.run(app, 60)
    assert cues == [1, 1]


def test_t_pauses_and_the_next_round_starts_afresh(choosing):
    app, clock, cues = choosing()
    play = app.play
    clock.run(app, 10)
    key(app, pygame.K_t)
    clock.run(app, 100)
    assert "Choix : 01:50" in words(app) and "En pause" in words(app)
    key(app, pygame.K_t)
    clock.run(app, 20)
    assert "Choix : 01:30" in words(app)
    from game.ui.autoplay import ScreenBot

    bot = ScreenBot()
    while play.state.round == 1:
        app.scene.bot_step(bot)
        app.step()
    play.submit(Advance())
    app.step()
    assert app.scene.name == "handoff" and "Choix : 02:00" in words(app)


def test_without_the_option_there_is_no_countdown(make_app, tmp_path):
    from game.engine import Setup
    from game.session import Session
    from game.ui.play import Play

    app = make_app((1280, 720))
    setup = Setup(("elue", "bailleur", "amicale"), {"elue": "A", "bailleur": "B", "amicale": "C"}, 3)
    with Session.create(TILLEULS, setup, 4, folder=tmp_path / "s") as session:
        Play(app, session).show_phase()
        app.play.submit(Advance())
        app.step()
        assert app.scene.name == "handoff" and "Choix :" not in words(app) and app.scene.timer is None


def test_the_wall_shows_the_time_and_only_temps_ecoule(choosing):
    from game.ui.scenes.wall import wall_scene

    app, clock, cues = choosing()
    window = pygame.Window("wall", (1280, 720))
    try:
        wall = app.add_display(window, "public", lambda play, display: wall_scene(app, play))
        app.step()
        assert wall.scene.name == "choices"
        app.render()
        assert "02:00" in words(app, wall.canvas)
        clock.run(app, 120)
        wall.scene.tick(clock.now)
        text = words(app, wall.canvas)
        assert "Temps écoulé" in text and "Pas encore choisi" not in text and "T :" not in text
        assert cues == [1]
        shot(app, "choices-time-up-wall", window)
    finally:
        app.displays.remove(wall)
        window.destroy()


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_time_up_fits_the_projectors(choosing, size):
    app, clock, cues = choosing(size)
    clock.run(app, 120)
    text = words(app)
    assert "Pas encore choisi : Équipe Les Élus, Équipe Bailleurs, Équipe L'amicale" in text
    assert not layout_problems(app.canvas)
    shot(app, "choices-time-up")


def test_the_2h_preset_shortens_the_game_turns_the_timer_on_and_is_remembered(make_app):
    from game.content import load_scenario
    from game.ui.scenes.setup import SetupScene
    from game.ui.settings import load_settings

    app = make_app((1280, 720))
    scenario = load_scenario(TILLEULS)
    app.show(SetupScene(app, TILLEULS, scenario))
    app.step()
    scene = app.scene
    assert scene.rounds == 6 and scene.choices_minutes == 0
    labels = lambda: [item.label.replace("\xa0", " ") for item in scene.menu.items]  # noqa: E731 - the rows, shown or scrolled
    assert "Format : partie complète (6 tours)" in labels() and "Minuteur des choix : non" in labels()
    scene.menu.focus = next(i for i, item in enumerate(scene.menu.items) if item.value == ("preset", None))
    key(app, pygame.K_RIGHT)
    assert scene.preset == "2h" and scene.rounds == 5 and scene.choices_minutes == 5
    assert "Format : atelier de 2 h — 5 tours à 16 min (rythme du guide), minuteur des choix" in labels()
    assert load_settings().preset == "2h" and load_settings().choices_minutes == 5
    # Its own row: the timer off again, remembered too.
    scene.menu.focus = next(i for i, item in enumerate(scene.menu.items) if item.value == ("choices_minutes", None))
    key(app, pygame.K_LEFT)
    assert scene.choices_minutes == 4 and load_settings().choices_minutes == 4
    key(app, pygame.K_RETURN, mod=pygame.KMOD_CTRL)        # start
    assert app.play.state.setup.rounds == 5 and app.play.state.setup.choices_minutes == 4
    # The next setup starts from the remembered format.
    app.change_settings(load_settings())
    again = SetupScene(app, TILLEULS, scenario)
    assert again.preset == "2h" and again.rounds == 5 and again.choices_minutes == 4
    app.play.close()


def test_with_phones_the_laptop_counts_down_and_names_who_has_not_chosen(make_app, tmp_path, monkeypatch):
    from game.engine import Setup, SubmitMove
    from game.session import Session
    from game.ui.phones_link import PhoneOptions, stop
    from game.ui.play import Play

    app = make_app((1280, 720))
    app.phone_options = PhoneOptions("127.0.0.1", 0)
    characters = ("elue", "bailleur", "amicale")
    setup = Setup(characters, {c: str(i + 1) for i, c in enumerate(characters)}, 2, choices_minutes=1)
    session = Session.create(TILLEULS, setup, 4, folder=tmp_path / "sessions")
    clock = Clock(monkeypatch)
    try:
        Play(app, session).show_phase()
        app.play.submit(Advance())
        app.step()
        assert app.scene.name == "handoff" and app.phones is not None and "Choix : 01:00" in words(app)
        app.play.post(SubmitMove("bailleur", "informer", "observer"), source="phone")
        app.step()
        clock.run(app, 60)
        assert app.notice.replace("\xa0", " ") == "Temps écoulé pour les choix. Pas encore choisi : Équipe 1, Équipe 3"
        assert app.play.state.confirmed == {"bailleur"} and app.play.state.phase == "choices"
    finally:
        stop(app)
        session.close()


def test_a_remembered_2h_preset_never_lengthens_the_rounds_asked_for(make_app):
    """`coop play --rounds 2` with the '2 h' format remembered: 2 rounds, not the 5 that fit two hours."""
    from game.content import load_scenario
    from game.ui.scenes.setup import SetupScene

    app = make_app((1280, 720))
    app.change_settings(app.settings._replace(preset="2h"))
    scenario = load_scenario(TILLEULS)
    assert SetupScene(app, TILLEULS, scenario).rounds == 5
    asked = SetupScene(app, TILLEULS, scenario, rounds=2)
    assert asked.preset == "2h" and asked.rounds == 2 and asked.choices_minutes == 5
    asked.apply_preset("full")
    assert asked.rounds == 2
    asked.apply_preset("2h")
    assert asked.rounds == 2


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_the_hand_off_names_the_team_at_200_percent_with_the_countdown(make_app, tmp_path, size):
    """Big text on a small projector: the countdown's box keeps to a fifth of the height, so that the team
    whose turn it is shows without scrolling (it went below the screen, the time being in the header too)."""
    from game.engine import Setup
    from game.session import Session
    from game.ui.play import Play

    app = make_app(size, scale=2.0)
    setup = Setup(("elue", "bailleur", "amicale"), {"elue": "Les Élus", "bailleur": "Bailleurs", "amicale": "A"}, 3,
                  choices_minutes=5)
    with Session.create(TILLEULS, setup, 4, folder=tmp_path / "s") as session:
        Play(app, session).show_phase()
        app.play.submit(Advance())
        app.step()
        assert app.scene.name == "handoff" and app.scene.timer is not None
        text = words(app)
        assert "05:00" in text and "Les Élus" in text and not layout_problems(app.canvas)
        app.play.close()


def test_the_countdown_takes_the_phase_s_place_in_the_header_which_says_choix_once(choosing):
    """'Tour 1 / 3 · Choix : 02:00 · Équipe 1 / 3 · …', not 'Choix : 02:00 · Choix' (found in review)."""
    app, clock, cues = choosing()
    for screen in ("handoff", "choice"):
        assert app.scene.name == screen
        parts = app.scene.header()
        assert parts[1] == "Choix : 02:00", parts
        assert sum(part.startswith("Choix") for part in parts) == 1, parts
        key(app, pygame.K_RETURN)


def test_rounds_changed_by_hand_make_the_format_the_facilitators_own(make_app):
    """The format row follows the rounds row: it never says '2 h — 5 tours' over 4 rounds (found in review)."""
    from game.content import load_scenario
    from game.ui.scenes.setup import SetupScene

    app = make_app((1280, 720))
    app.show(SetupScene(app, TILLEULS, load_scenario(TILLEULS)))
    app.step()
    scene = app.scene
    labels = lambda: [item.label.replace("\xa0", " ") for item in scene.menu.items]  # noqa: E731
    row = lambda value: next(i for i, item in enumerate(scene.menu.items) if item.value == (value, None))  # noqa: E731
    scene.menu.focus = row("rounds")
    key(app, pygame.K_LEFT)
    assert scene.rounds == 5 and "Format : sur mesure (5 tours)" in labels()
    scene.menu.focus = row("preset")
    key(app, pygame.K_RIGHT)                                  # the 2 h format: 5 rounds, as it happens
    assert scene.preset == "2h" and "Format : atelier de 2 h — 5 tours à 16 min (rythme du guide), " \
        "minuteur des choix" in labels()
    scene.menu.focus = row("rounds")
    key(app, pygame.K_LEFT)
    assert scene.rounds == 4 and "Format : sur mesure (4 tours)" in labels()
    assert not any("atelier de 2 h" in label for label in labels())
    key(app, pygame.K_RIGHT)
    assert "Format : atelier de 2 h — 5 tours à 16 min (rythme du guide), minuteur des choix" in labels()
