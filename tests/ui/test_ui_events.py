"""Real SDL events posted through the screens: keyboard-only play, text entry with accents, mouse, overlays."""

from __future__ import annotations

import pygame
import pytest

from game.ui.scenes.title import TitleScene
from ui_walk import debrief_on_screen, key


def typed(app, text):
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text, window=None))
    app.step()


def click_on(app, target):
    rect = next(r for r, t in app.canvas.hits if t == target)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=rect.center, button=1, touch=False,
                                         window=None))
    app.step()


@pytest.fixture
def started(make_app, long_path):
    """An app on the title screen with the long scenario listed first."""
    app = make_app((1280, 720))
    app.show(TitleScene(app, highlight=long_path))
    app.step()
    return app


def test_a_whole_round_is_played_with_the_keyboard_alone(started):
    app = started
    key(app, pygame.K_RETURN)                       # open the highlighted scenario
    assert app.scene.name == "setup"
    # Name the first team with accents typed as the system delivers them (dead keys, AZERTY: TEXTINPUT).
    key(app, pygame.K_RETURN)
    assert app.scene.wants_text
    for chunk in ("Les ", "É", "lu", "·", "es ", "ç", "à", "ô"):
        typed(app, chunk)
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_RETURN)
    assert app.scene.teams["perso0"] == "Les Élu·es çà"
    # Down to "start" and go.
    for _ in range(len(app.scene.menu.items) - 1):
        key(app, pygame.K_DOWN)
    assert app.scene.menu.focused.value == ("start", None)
    key(app, pygame.K_RETURN)
    play = app.play
    assert play is not None and app.scene.name == "situation"
    assert play.state.setup.teams["perso0"] == "Les Élu·es çà"
    key(app, pygame.K_RETURN)                       # situation -> choices
    for character in play.state.turn_order:
        assert app.scene.name == "handoff"
        key(app, pygame.K_RETURN)
        assert app.scene.name == "choice" and app.scene.character == character
        key(app, pygame.K_RETURN)                   # no posture is chosen for the team: Enter asks
        assert app.scene.step == "posture" and app.notice
        key(app, pygame.K_RIGHT)                    # the first move lands in the middle of the scale
        key(app, pygame.K_RIGHT)                    # one step towards "nous"
        key(app, pygame.K_RETURN)                   # -> action step
        key(app, pygame.K_RETURN)                   # first playable action -> confirm step
        key(app, pygame.K_RETURN)                   # confirm
    assert play.state.phase == "reveal"
    assert [m.character for m in play.state.current.moves] == list(play.state.turn_order)
    chosen = play.scenario.postures[len(play.scenario.postures) // 2 + 1].id
    assert all(m.posture == chosen for m in play.state.current.moves)
    key(app, pygame.K_RETURN)
    assert app.scene.name == "reveal" and app.scene.step == "detail"   # what each move did
    key(app, pygame.K_RETURN)
    assert app.scene.name == "reveal" and app.scene.step == "effects"
    key(app, pygame.K_RETURN)
    assert app.scene.name == "verdict"
    key(app, pygame.K_c)
    key(app, pygame.K_c)
    key(app, pygame.K_p)
    key(app, pygame.K_d)
    key(app, pygame.K_c, mod=pygame.KMOD_SHIFT)
    first = play.state.current.moves[0].character
    tally = play.state.current.verdicts[first]
    assert (tally.coop, tally.pas_coop, tally.depends) == (1, 1, 1)
    key(app, pygame.K_RETURN)                       # recorded: on to the next move
    assert app.scene.name == "verdict" and app.scene.focus == 1
    key(app, pygame.K_s)                            # the rest is not voted on: on to the debrief
    assert app.scene.name == "debrief"
    key(app, pygame.K_n)
    typed(app, "Le groupe a hésité, à juste titre.")
    key(app, pygame.K_RETURN)
    assert play.state.current.notes[-1] == "Le groupe a hésité, à juste titre."
    # Everything confirmed is in the journal: a fresh replay of the file shows it.
    from game.session import replay_file

    replayed = replay_file(play.session.path).state
    assert replayed.current.notes == play.state.current.notes
    assert replayed.current.verdicts == play.state.current.verdicts


def test_going_back_before_confirming_undoes_the_choice(started):
    app = started
    key(app, pygame.K_RETURN)
    app.scene.start()
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)     # hand-off
    key(app, pygame.K_LEFT)       # a posture on the scale
    key(app, pygame.K_RETURN)     # posture chosen
    assert app.play.state.draft_posture is not None
    key(app, pygame.K_ESCAPE)     # back to postures: the engine forgets the draft
    assert app.scene.step == "posture"
    assert app.play.state.draft_posture is None and app.play.state.current.moves == ()


def test_the_mouse_hovers_and_clicks_on_the_title_screen(started):
    app = started
    second = next(r for r, t in app.canvas.hits if t == ("title", 1))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=second.center, rel=(0, 0), buttons=(0, 0, 0),
                                         touch=False, window=None))
    app.step()
    assert app.scene.menu.focus == 1
    chosen = app.scene.menu.items[1].value
    click_on(app, ("title", 1))
    assert chosen[0] == "open" and app.scene.name == "setup" and app.scene.path == chosen[1]


def test_help_lists_keys_and_closes_with_escape(started):
    app = started
    key(app, pygame.K_F1)
    assert app.overlay is not None and app.overlay.name == "help"
    texts = " ".join(b.text for b in app.canvas.boxes)
    assert "F11" in texts and "F1" in texts
    key(app, pygame.K_ESCAPE)
    assert app.overlay is None and app.scene.name == "title"


def test_closing_the_window_asks_first(started):
    app = started
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.step()
    assert app.overlay.name == "quit" and app.running
    key(app, pygame.K_n)
    assert app.overlay is None and app.running
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.step()
    key(app, pygame.K_RETURN)
    assert not app.running and app.exit_code == 0


def test_settings_are_remembered_between_runs(started):
    from game.ui.settings import load_settings

    app = started
    key(app, pygame.K_F2)                 # high-contrast theme
    key(app, pygame.K_F3)                 # text 125 %
    saved = load_settings()
    assert saved.theme == "contrast" and saved.text_scale == 1.25
    assert app.canvas.theme.name == "contrast"


def test_an_unexpected_error_shows_a_calm_screen_and_writes_a_crash_log(started):
    from game.paths import data_home

    app = started

    def broken(intent):
        raise RuntimeError("boom")

    app.scene.act = broken
    key(app, pygame.K_a)
    assert app.overlay.name == "crash"
    logs = list((data_home() / "crashes").glob("crash-*.log"))
    assert len(logs) == 1 and "RuntimeError: boom" in logs[0].read_text()
    assert not any("Traceback" in b.text for b in app.canvas.boxes)
    key(app, pygame.K_RETURN)             # "reprendre"
    assert app.overlay is None and app.scene.name == "title"


def test_an_invalid_scenario_shows_its_diagnostics(make_app, tmp_path):
    from game.ui.scenes.title import open_scenario

    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: x\ntitle: [\n", encoding="utf-8")
    app = make_app((1280, 720))
    app.show(TitleScene(app))
    open_scenario(app, bad)
    app.step()
    assert app.scene.name == "error"
    texts = " ".join(b.text for b in app.canvas.boxes)
    assert "bad.yaml" in texts
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "title"


def test_the_debrief_timer_counts_pauses_and_extends():
    from game.ui.scenes.debrief import DebriefTimer

    timer = DebriefTimer(1.0)
    assert timer.text(0) == "01:00"
    timer.toggle(1_000)
    assert timer.text(31_000) == "00:30"
    timer.toggle(31_000)                  # pause
    assert timer.text(90_000) == "00:30"
    timer.add_minute()
    assert timer.text(90_000) == "01:30"
    timer.toggle(90_000)
    assert timer.remaining(10**6) == 0 and timer.text(10**6) == "00:00"


def test_an_unfinished_game_is_offered_first_on_the_title_screen_and_resumes_one_line_up(make_app, long_path):
    from game.ui.scenes.title import open_scenario

    app = make_app((1280, 720))
    open_scenario(app, long_path)
    app.scene.start()
    app.play.advance()                              # situation -> choices: round 1 under way
    path = app.play.session.path
    app.play.close()
    fresh = make_app((1280, 720))
    fresh.show(TitleScene(fresh))
    fresh.step()
    first = fresh.scene.menu.items[0]
    assert first.value == ("resume", path) and fresh.scene.menu.focus == 1   # a scenario is highlighted
    key(fresh, pygame.K_UP)
    key(fresh, pygame.K_RETURN)
    assert fresh.play is not None and fresh.play.state.phase == "choices"
    assert fresh.scene.name == "handoff"


def test_an_unwritable_data_folder_is_said_calmly_on_the_setup_screen(make_app, long_path, tmp_path, monkeypatch):
    from game.ui.scenes.title import open_scenario

    blocker = tmp_path / "not_a_folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("COOP_HOME", str(blocker))
    app = make_app((1280, 720))
    open_scenario(app, long_path)
    app.scene.start()
    app.step()
    assert app.play is None and app.scene.name == "setup"
    assert app.notice and any(app.notice[:20] in b.text for b in app.canvas.boxes)


def test_the_debrief_timer_shows_a_silent_cue_at_zero_and_t_starts_it(make_app, long_path):
    app = debrief_on_screen(make_app, long_path)
    scene = app.scene
    assert not scene.timer.running
    assert "Temps écoulé" not in [b.text for b in app.canvas.boxes]
    key(app, pygame.K_t)
    assert scene.timer.running and scene.next_wakeup(scene.now()) <= 1001
    scene.timer.total_ms = 0
    app.invalidate()
    app.step()
    assert "Temps écoulé" in [b.text for b in app.canvas.boxes]
    assert scene.next_wakeup(scene.now()) is None      # nothing left to count: the loop sleeps


def test_a_scenario_file_is_opened_by_typing_its_path(make_app, long_path):
    app = make_app((1280, 720))
    app.show(TitleScene(app))
    app.step()
    ask = next(i for i, item in enumerate(app.scene.menu.items) if item.value[0] == "ask")
    app.scene.menu.focus = ask
    key(app, pygame.K_RETURN)
    assert app.scene.wants_text
    typed(app, str(long_path.parent) + "/")
    typed(app, "nowhere.yaml")
    key(app, pygame.K_RETURN)
    assert app.scene.name == "title" and "nowhere.yaml" in app.notice
    app.scene.menu.focus = ask
    key(app, pygame.K_RETURN)
    typed(app, str(long_path))
    key(app, pygame.K_RETURN)
    assert app.scene.name == "setup" and app.scene.path == long_path


def test_without_secret_choices_there_is_no_hand_off(started):
    app = started
    key(app, pygame.K_RETURN)
    secret = next(i for i, item in enumerate(app.scene.menu.items) if item.value[0] == "secret")
    app.scene.menu.focus = secret
    key(app, pygame.K_RIGHT)
    assert app.scene.secret is False
    app.scene.start()
    app.step()
    key(app, pygame.K_RETURN)
    assert app.scene.name == "choice"


