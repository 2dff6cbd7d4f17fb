"""One command path and keys as intents: commands from elsewhere show at once and are never overwritten,
"+" works on every layout, lists answer Home/End/Page keys, the timer lives beside the session."""

from __future__ import annotations

import threading

import pygame
import pytest

from game.paths import SCENARIOS
from ui_walk import debrief_on_screen, key, phase_on_screen

TILLEULS = SCENARIOS / "quartier_des_tilleuls.yaml"


def typed(app, text):
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text, window=None))
    app.step()


def verdict_on_screen(make_app, size=(1280, 720), players=None):
    return phase_on_screen(make_app, TILLEULS, "verdict", size, players)


def tally(app, index):
    move = app.play.state.current.moves[index]
    verdict = app.play.state.current.verdicts.get(move.character)
    return None if verdict is None else (verdict.coop, verdict.pas_coop, verdict.depends)


def test_a_tally_recorded_from_elsewhere_shows_at_once_and_is_never_overwritten(make_app):
    from game.engine import RecordVerdict

    app = verdict_on_screen(make_app)
    first = app.play.state.current.moves[0].character
    # A phone's web server posts from its own thread; the main loop drains it.
    worker = threading.Thread(target=app.play.post, args=(RecordVerdict(first, 10, 2, 1),))
    worker.start()
    worker.join()
    app.step()
    assert tally(app, 0) == (10, 2, 1)
    assert any(b.text == "10" for b in app.canvas.boxes)          # shown on the screen
    key(app, pygame.K_p)                                          # one more "pas COOP" hand on the same move
    assert tally(app, 0) == (10, 3, 1)                            # added to it, not to a stale copy


def test_typed_counts_go_to_their_answer_and_enter_moves_to_the_next_move(make_app):
    app = verdict_on_screen(make_app, players=5)
    for text in ("1", "4"):
        typed(app, text)
    key(app, pygame.K_RIGHT)
    typed(app, "3")
    key(app, pygame.K_SPACE)
    typed(app, "3")
    # Voters, shares and the majority as the room raises its hands, before Enter.
    texts = [b.text.replace("\u00a0", " ") for b in app.canvas.boxes]
    assert any("70 %" in t for t in texts), texts
    assert any("20 votants" in t and "majorité : COOP" in t for t in texts), texts
    key(app, pygame.K_RETURN)
    assert tally(app, 0) == (14, 3, 3)
    assert app.scene.focus == 1


def test_enter_on_an_empty_tally_asks_before_leaving_the_move_without_a_verdict(make_app):
    app = verdict_on_screen(make_app)
    key(app, pygame.K_RETURN)
    assert app.scene.focus == 0 and app.notice and tally(app, 0) is None
    key(app, pygame.K_RETURN)
    assert app.scene.focus == 1 and app.play.state.phase == "verdict"


def test_only_the_selected_moves_are_voted_on(make_app):
    app = verdict_on_screen(make_app)
    count = len(app.play.state.current.moves)
    key(app, pygame.K_HOME)
    for index in range(1, count):                   # every move but the first is out of the vote
        key(app, pygame.K_DOWN)
        key(app, pygame.K_v)
    key(app, pygame.K_HOME)
    typed(app, "9")
    key(app, pygame.K_RETURN)
    assert app.play.state.phase == "debrief"
    verdicts = app.play.state.log[-1].verdicts
    assert list(verdicts) == [app.play.state.log[-1].moves[0].character]


@pytest.mark.parametrize("events", [
    [("key", pygame.K_KP_PLUS, 0, "+"), ("text", "+")],                       # the keypad
    [("key", pygame.K_EQUALS, pygame.KMOD_LSHIFT, "+"), ("text", "+")],       # QWERTY: Shift + =
    [("key", pygame.K_EQUALS, pygame.KMOD_LSHIFT, ""), ("text", "+")],        # AZERTY's "+" key, no unicode
    [("key", pygame.K_PLUS, 0, "")],                                          # a layout with a "+" key
    [("text", "+")],                                                          # only the layout's character
], ids=["keypad", "qwerty", "azerty", "plus-key", "textinput"])
def test_plus_adds_exactly_one_minute_on_every_layout(make_app, events):
    app = debrief_on_screen(make_app, TILLEULS)
    before = app.scene.timer.total_ms
    for event in events:
        if event[0] == "key":
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=event[1], mod=event[2], unicode=event[3],
                                                 scancode=0, window=None))
        else:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=event[1], window=None))
    app.step()
    assert app.scene.timer.total_ms == before + 60_000


def test_the_debrief_timer_is_the_same_on_every_display(make_app):
    from game.ui.scenes.debrief import DebriefScene

    app = debrief_on_screen(make_app, TILLEULS)
    wall = pygame.Window("wall", (1024, 768))
    try:
        display = app.add_display(wall, "public", lambda play, d: DebriefScene(play.app, play))
        app.render()
        key(app, pygame.K_t)                   # started on the laptop
        key(app, pygame.K_PLUS)
        assert display.scene is not app.scene
        assert display.scene.timer is app.scene.timer and display.scene.timer.running
        assert display.scene.timer.total_ms == app.scene.timer.total_ms
    finally:
        wall.destroy()


def test_home_end_and_page_keys_move_in_every_list(make_app):
    from game.ui.scenes.title import open_scenario

    app = make_app((1280, 720))
    open_scenario(app, TILLEULS)
    app.step()
    menu = app.scene.menu
    key(app, pygame.K_END)
    assert menu.focus == len(menu.items) - 1
    key(app, pygame.K_HOME)
    assert menu.focus == 0
    key(app, pygame.K_PAGEDOWN)
    assert 0 < menu.focus < len(menu.items)
    key(app, pygame.K_PAGEUP)
    assert menu.focus == 0


def test_enter_never_changes_a_setting_row_and_ctrl_enter_starts_the_game(make_app):
    from game.ui.scenes.title import open_scenario

    app = make_app((1280, 720))
    open_scenario(app, TILLEULS)
    app.step()
    scene = app.scene
    rounds = next(i for i, item in enumerate(scene.menu.items) if item.value[0] == "rounds")
    scene.menu.focus = rounds
    before = scene.rounds
    key(app, pygame.K_RETURN)
    assert scene.rounds == before and app.notice
    key(app, pygame.K_LEFT)
    assert scene.rounds == before - 1
    key(app, pygame.K_RETURN, mod=pygame.KMOD_LCTRL)
    assert app.play is not None and app.scene.name == "situation"
    assert app.play.state.setup.rounds == before - 1


def test_no_posture_is_chosen_for_a_team_and_the_scale_stops_at_its_ends(make_app):
    from game.ui.scenes.title import open_scenario

    app = make_app((1280, 720))
    open_scenario(app, TILLEULS)
    app.scene.start()
    app.step()
    key(app, pygame.K_RETURN)          # situation -> choices
    key(app, pygame.K_RETURN)          # hand-off
    scene = app.scene
    assert scene.name == "choice" and scene.posture_menu.focused is None
    key(app, pygame.K_RETURN)          # nothing chosen: asks, chooses nothing
    assert app.play.state.draft_posture is None and app.notice
    count = len(scene.posture_menu.items)
    for _ in range(count + 2):
        key(app, pygame.K_LEFT)
    assert scene.posture_menu.focus == 0              # stopped at "je", never wrapped to "nous"
    for _ in range(count + 2):
        key(app, pygame.K_RIGHT)
    assert scene.posture_menu.focus == count - 1


def test_two_postures_of_the_same_value_have_their_own_place_on_the_scale(make_app):
    from game.ui import graphics
    from game.ui.canvas import Canvas
    from game.ui.strings import TR
    from game.ui.theme import THEMES, Metrics

    surface = pygame.Surface((800, 60))
    canvas = Canvas(surface, THEMES["standard"], Metrics(800, 60, 1.0))
    tr = lambda key, **v: TR("fr", key, **v)  # noqa: E731
    shots = []
    for index in (4, 5):       # Co-construire and Faire confiance: both coop +2 in the Tilleuls
        canvas.clear()
        graphics.posture_scale(canvas, surface.get_rect(), tr, [(index, True)], slots=6)
        shots.append(pygame.image.tobytes(surface, "RGB"))
    assert shots[0] != shots[1]


def test_a_key_that_does_nothing_here_says_so(make_app):
    from game.ui.scenes.title import TitleScene

    app = make_app((1280, 720))
    app.show(TitleScene(app))
    app.step()
    key(app, pygame.K_x, unicode="x")
    assert "X" in app.notice
    key(app, pygame.K_DOWN)
    assert not app.notice


def test_all_eight_moves_stay_on_screen_at_1280x720_once_their_tallies_are_in(make_app):
    from game.engine import RecordVerdict, bot_next

    app = verdict_on_screen(make_app, (1280, 720))
    session = app.play.session
    command = bot_next(session.scenario, session.state)
    while isinstance(command, RecordVerdict):      # the tallies make split rows, two lines high
        app.play.submit(command)
        command = bot_next(session.scenario, session.state)
    app.step()
    assert len(app.play.state.current.moves) == 8
    assert sorted(t[1] for _, t in app.canvas.hits if t[0] == "verdict") == list(range(8))


def test_the_hand_off_says_how_far_the_round_has_gone(make_app):
    app = phase_on_screen(make_app, TILLEULS, "choices", players=5, screen="handoff")
    assert app.scene.name == "handoff"
    texts = [b.text.replace("\u00a0", " ") for b in app.canvas.boxes]
    assert "Équipe 1 / 5" in texts
    from game.ui.autoplay import ScreenBot

    key(app, pygame.K_RETURN)                    # the first team takes the keyboard
    app.scene.bot_step(ScreenBot())              # its posture, then its action and confirmation
    app.scene.bot_step(ScreenBot())
    app.step()
    assert app.scene.name == "handoff"
    assert "Équipe 2 / 5" in [b.text.replace("\u00a0", " ") for b in app.canvas.boxes]


def test_a_new_text_size_starts_the_page_from_its_top(make_app):
    app = debrief_on_screen(make_app, TILLEULS, (1024, 768))
    key(app, pygame.K_F3)               # 125 %
    app.scene.scroll = 3                # scrolled down at big text
    while app.settings.text_scale != 1.0:   # ... up to 200 %, then back to 100 %
        key(app, pygame.K_F3)
        assert app.scene.scroll == 0
        app.scene.scroll = 2
    app.scene.scroll = 0
    assert app.settings.text_scale == 1.0


def test_the_facilitator_takes_back_a_confirmed_move_before_the_reveal(make_app):
    from game.ui.autoplay import ScreenBot

    app = phase_on_screen(make_app, TILLEULS, "choices", players=5, screen="handoff")
    first = app.play.state.turn
    before = dict(app.play.state.resources[first])
    key(app, pygame.K_RETURN)
    app.scene.bot_step(ScreenBot())
    app.scene.bot_step(ScreenBot())              # the first team confirmed (and paid)
    app.step()
    assert app.scene.name == "handoff" and app.play.state.turn != first
    key(app, pygame.K_BACKSPACE)                  # a slip: the facilitator takes it back
    state = app.play.state
    assert state.current.moves == () and dict(state.resources[first]) == before
    assert state.turn == first and app.scene.name == "handoff" and app.notice
    assert [c.kind for c in state.current.corrections] == ["taken_back"]


def test_the_session_clock_estimates_the_end_from_the_rounds_pace():
    import types

    from game.ui.clock import workshop_clock
    from game.ui.strings import TR

    tr = lambda key, **v: TR("fr", key, **v)  # noqa: E731
    setup = types.SimpleNamespace(rounds=6)
    start = 1_000_000.0
    session = types.SimpleNamespace(header={"created": start}, times=[start + 10])
    # Situation of round 3 after 50 minutes: 25 minutes a round, 4 rounds left, 100 minutes more.
    state = types.SimpleNamespace(round=3, phase="situation", setup=setup)
    text = workshop_clock(session, state, tr, "fr", now=start + 50 * 60).replace("\u00a0", " ")
    expected = __import__("time").localtime(start + 150 * 60)
    assert text == f"séance : 50 min · fin vers {expected.tm_hour} h {expected.tm_min:02d}"
    first = types.SimpleNamespace(round=1, phase="situation", setup=setup)
    assert workshop_clock(session, first, tr, "fr", now=start + 65 * 60).replace("\u00a0", " ") == "séance : 1 h 05"


def test_the_cue_at_zero_is_given_once_silently_under_the_dummy_driver(make_app, monkeypatch):
    from game.ui import sound

    app = debrief_on_screen(make_app, TILLEULS)
    played = []
    monkeypatch.setattr(sound, "cue", lambda: played.append(1) or sound.__dict__["_failed"])
    timer = app.scene.timer
    timer.toggle(0)
    app.scene.tick(timer.total_ms - 1)
    assert played == []
    app.scene.tick(timer.total_ms + 5)
    app.scene.tick(timer.total_ms + 900)
    assert played == [1]                          # once, at 0:00
    timer.add_minute()
    app.scene.tick(timer.total_ms + 10)
    assert played == [1, 1]                       # again after a minute more
    monkeypatch.undo()
    assert sound.cue() is False                   # SDL_AUDIODRIVER=dummy: nothing is played, nothing raised


def test_the_cue_can_be_turned_off_in_the_settings(make_app, monkeypatch):
    from game.ui import sound
    from game.ui.scenes.settings_scene import SettingsScene
    from game.ui.scenes.title import TitleScene

    app = make_app((1280, 720))
    app.show(SettingsScene(app, back=TitleScene(app)))
    app.step()
    scene = app.scene
    scene.menu.focus = next(i for i, item in enumerate(scene.menu.items) if item.value == "sound")
    assert app.settings.sound is True
    key(app, pygame.K_RIGHT)
    assert app.settings.sound is False
    played = []
    monkeypatch.setattr(sound, "cue", lambda: played.append(1))
    debrief = debrief_on_screen(make_app, TILLEULS)
    debrief.settings = app.settings
    timer = debrief.scene.timer
    timer.toggle(0)
    debrief.scene.tick(timer.total_ms + 5)
    assert played == []


def test_the_posture_paths_of_eight_teams_show_their_dots_at_1024x768(make_app):
    from ui_walk import walk_game

    app = make_app((1024, 768))
    seen = []

    def check(app, scene):
        if scene.name == "end" and scene.shot_suffix() == "paths":
            surface = app.window.get_surface()
            dots = app.canvas.theme.focus
            seen.append(sum(1 for x in range(0, surface.get_width(), 2) for y in range(0, surface.get_height(), 2)
                            if tuple(surface.get_at((x, y)))[:3] == tuple(dots)[:3]))
            raise StopIteration

    try:
        walk_game(app, TILLEULS, check)
    except StopIteration:
        pass
    assert seen and seen[0] > 50        # the lines joining each team's dots are drawn
