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
    state = types.SimpleNamespace(round=3, phase="situation", setup=setup, final_round=6, history=())
    text = workshop_clock(session, state, tr, "fr", now=start + 50 * 60).replace("\u00a0", " ")
    expected = __import__("time").localtime(start + 150 * 60)
    assert text == f"séance : 50 min · fin vers {expected.tm_hour} h {expected.tm_min:02d}"
    first = types.SimpleNamespace(round=1, phase="situation", setup=setup, final_round=6, history=())
    assert workshop_clock(session, first, tr, "fr", now=start + 65 * 60).replace("\u00a0", " ") == "séance : 1 h 05"
    # The facilitator made round 4 the last: 2 rounds left at the same pace, 50 minutes more.
    early = types.SimpleNamespace(round=3, phase="situation", setup=setup, final_round=4, history=())
    text = workshop_clock(session, early, tr, "fr", now=start + 50 * 60).replace("\u00a0", " ")
    expected = __import__("time").localtime(start + 100 * 60)
    assert text == f"séance : 50 min · fin vers {expected.tm_hour} h {expected.tm_min:02d}"


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


def test_direct_keys_a_digit_takes_the_keyboard_with_its_posture_a_letter_picks_the_action(make_app):
    """Three presses a team: the posture's digit on the hand-off (which showed nothing of the previous
    move), the action's letter, Enter. The digits and letters are shown where they are typed."""
    from game.engine import postures
    from game.ui.scenes.title import open_scenario

    app = make_app((1280, 720))
    open_scenario(app, TILLEULS)
    app.scene.start()
    app.step()
    key(app, pygame.K_RETURN)                     # situation -> choices
    assert app.scene.name == "handoff"
    state = app.play.state
    labels = [p.label for p, _ in postures(app.play.scenario)]
    texts = " ".join(b.text for b in app.canvas.boxes).replace("\u00a0", " ")
    assert f"3 {labels[2]}" in texts, texts       # the scale's digits, on the hand-off
    first = state.turn
    key(app, pygame.K_3, unicode="3")
    scene = app.scene
    assert scene.name == "choice" and scene.step == "action"
    assert app.play.state.draft_posture == app.play.scenario.postures[2].id
    assert scene.action_menu.items[1].label.startswith("B \u00b7 ")
    key(app, pygame.K_2, unicode="2")             # a digit in the action step: another posture
    assert app.play.state.draft_posture == app.play.scenario.postures[1].id and scene.step == "action"
    playable = [i for i, item in enumerate(scene.action_menu.items) if item.enabled]
    letter = "abcdefghijklmnopqrstuvwxyz"[playable[-1]]
    key(app, getattr(pygame, f"K_{letter}"), unicode=letter)
    assert scene.step == "confirm" and app.play.state.draft_action == scene.action_menu.items[playable[-1]].value
    key(app, pygame.K_RETURN)
    move = app.play.state.current.moves[-1]
    assert move.character == first and move.posture == app.play.scenario.postures[1].id
    # The next team's hand-off: its progress, never the previous move.
    assert app.scene.name == "handoff"
    texts = " ".join(b.text for b in app.canvas.boxes)
    action = app.play.scenario.action(move.action).title if move.action != "observer" else None
    assert action is None or action not in texts
    # A digit beyond the scale says so and chooses nothing.
    key(app, pygame.K_RETURN)
    key(app, pygame.K_9, unicode="9")
    assert app.scene.step == "posture" and app.play.state.draft_posture is None and app.notice


def test_the_last_answer_is_completed_from_the_room_size_only_once_it_is_set_shown_and_correctable(make_app,
                                                                                                  monkeypatch):
    from game.ui.canvas import Canvas

    styles = []
    line = Canvas.line
    monkeypatch.setattr(Canvas, "line", lambda self, text, *a, **k: styles.append((text, k.get("style")))
                        or line(self, text, *a, **k))
    app = verdict_on_screen(make_app, players=5)
    # No room size: two answers typed and Enter record those two only (nothing invented).
    for text in ("1", "4"):
        typed(app, text)
    key(app, pygame.K_SPACE)
    typed(app, "3")
    key(app, pygame.K_RETURN)
    assert tally(app, 0) == (14, 3, 0)
    # N 2 0 Enter: the room's size, said in the header.
    key(app, pygame.K_n, unicode="n")
    typed(app, "2")
    typed(app, "0")
    key(app, pygame.K_RETURN)
    assert app.play.state.room_size == 20
    assert [c for c in app.play.session.commands if type(c).__name__ == "SetRoomSize"][-1].people == 20
    assert any("salle : 20" in b.text.replace("\u00a0", " ") for b in app.canvas.boxes)
    assert app.scene.focus == 1
    for text in ("1", "4"):
        typed(app, text)
    key(app, pygame.K_SPACE)
    styles.clear()
    typed(app, "3")
    # Shown before it is recorded: the completed count in italics and said in words.
    texts = [b.text.replace("\u00a0", " ") for b in app.canvas.boxes]
    assert any("ça dépend : 3 d'après la salle de 20" in t for t in texts), texts
    assert ("3", "italic") in styles and sum(style == "italic" for _, style in styles) == 1
    key(app, pygame.K_RETURN)
    assert tally(app, 1) == (14, 3, 3) and app.scene.focus == 2
    # Correctable: Space into the completed answer, a digit replaces it.
    typed(app, "9")
    key(app, pygame.K_SPACE)
    typed(app, "9")
    key(app, pygame.K_SPACE)
    assert app.scene.typed == "2" and app.scene.proposed
    typed(app, "1")
    key(app, pygame.K_RETURN)
    assert tally(app, 2) == (9, 9, 1)
    # Backspace on a recorded move puts it back to zero: its counts typed afresh are completed again.
    key(app, pygame.K_UP)
    key(app, pygame.K_BACKSPACE)
    assert tally(app, 2) == (0, 0, 0)
    for text in ("1", "6", "2"):
        typed(app, text)
    key(app, pygame.K_RETURN)
    assert tally(app, 2) == (16, 2, 2)
    # Never over a count already there, nor more than the room.
    key(app, pygame.K_UP)
    assert app.scene.focus == 2
    typed(app, "5")
    key(app, pygame.K_SPACE)
    typed(app, "9")
    assert app.scene.completed() is None             # its "ça dépend" was recorded: kept
    assert app.scene.tallies[app.play.state.current.moves[2].character] == [5, 9, 2]
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    typed(app, "1")
    typed(app, "5")
    key(app, pygame.K_SPACE)
    typed(app, "9")
    assert app.scene.completed() is None             # 15 + 9 > 20


def test_a_whole_count_moves_to_the_next_answer_by_itself_once_the_room_size_is_set(make_app):
    app = verdict_on_screen(make_app, players=5)
    scene = app.scene
    for text in ("1", "4"):                       # no room size: a count ends at Space or Enter only
        typed(app, text)
    assert scene.column == 0 and scene.typed == "14"
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_BACKSPACE)
    key(app, pygame.K_n, unicode="n")
    typed(app, "2")
    typed(app, "0")
    key(app, pygame.K_RETURN)
    typed(app, "1")
    assert scene.column == 0                      # 1 may be 10 to 19
    typed(app, "4")
    assert scene.column == 1                      # 140 > 20: 14 is whole
    typed(app, "3")                               # 30 > 6 left: whole, on to the completed answer
    assert scene.column == 2 and scene.typed == "3" and scene.proposed
    key(app, pygame.K_SPACE)                      # the Space of habit after a whole count: no second move
    assert scene.column == 2
    key(app, pygame.K_RETURN)
    assert tally(app, 0) == (14, 3, 3) and scene.focus == 1
    typed(app, "2")
    assert scene.column == 0                      # 2 may be 20
    typed(app, "0")
    assert scene.column == 1
    typed(app, "0")
    key(app, pygame.K_RETURN)
    assert tally(app, 1) == (20, 0, 0)
    for text in ("1", "5", "1"):                 # 15 COOP: 5 left, so "1" of pas COOP is whole
        typed(app, text)
    assert scene.column == 2 and scene.typed == "4"


def test_the_help_lists_the_direct_keys_where_they_work(make_app):
    from game.ui.scenes.title import open_scenario

    def help_text(app):
        key(app, pygame.K_F1)
        text = " ".join(b.text for b in app.canvas.boxes).replace("\u00a0", " ")
        key(app, pygame.K_ESCAPE)
        return text

    app = make_app((1920, 1080))
    open_scenario(app, TILLEULS)
    app.scene.start()
    app.step()
    key(app, pygame.K_RETURN)
    assert "chiffre : prête, avec cette posture" in help_text(app)
    key(app, pygame.K_RETURN)
    assert "Chiffre : la posture de ce numéro" in help_text(app)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RETURN)
    text = help_text(app)
    assert "Lettre : l'action de cette lettre" in text and "Chiffre : changer de posture" in text
    app = verdict_on_screen(make_app, (1920, 1080))
    assert "N : nombre de personnes qui votent" in help_text(app)


def test_a_scrolled_page_starts_at_the_top_of_a_paragraph(make_app, long_path):
    """Page Down, ↓ and the wheel used to scroll wrapped line by wrapped line: the page then began in the
    middle of a sentence. Now its top is the first line of a paragraph (only a paragraph longer than the
    page is scrolled into), and a new size lays it out from a paragraph's top again."""
    from game.ui.settings import Settings

    app = phase_on_screen(make_app, long_path, "situation", (1280, 720))
    scene = app.scene

    def top_line():
        body = [b for b in app.canvas.boxes if b.area != app.canvas.rect and b.rect.top > 0]
        return min(body, key=lambda b: b.rect.top).text if body else ""

    assert scene._overflow and scene._continued
    tops = []
    for code in (pygame.K_PAGEDOWN, pygame.K_DOWN, pygame.K_PAGEDOWN, pygame.K_UP, pygame.K_PAGEUP):
        before = scene.scroll
        key(app, code)
        if scene.scroll == before:
            continue
        page = scene._page_units()
        start = scene.paragraph_start(scene.scroll)
        following = next(i for i in range(scene.scroll + 1, scene._units + 1) if i not in scene._continued)
        assert scene.scroll == start or following - start > page, (code, scene.scroll, start, following)
        tops.append(top_line())
    assert tops, "the page never scrolled"
    # Seen on the screen: each page begins as a paragraph does (its lines after the first go on a sentence).
    assert all(t[:1].isupper() for t in tops), tops
    # The same scroll laid out at another text size and width starts at its paragraph's top.
    key(app, pygame.K_PAGEDOWN)
    scene.scroll = next(i for i in sorted(scene._continued) if i > scene.scroll)
    app.window.size = (1024, 768)
    app.step()
    assert scene.scroll not in scene._continued and scene.scroll > 0
    app.change_settings(Settings(text_scale=2.0))
    app.step()
    assert scene.scroll == 0                        # a new text size: from the top
    scene.scroll = 3
    app.change_settings(Settings(text_scale=1.0))   # back to 100 %: from the top, never a page past the end
    app.step()
    assert scene.scroll == 0 and top_line()


def test_inside_a_paragraph_longer_than_the_page_a_page_starts_at_a_sentence_when_one_is_near(make_app, long_path):
    from game.ui.settings import Settings

    app = phase_on_screen(make_app, long_path, "situation", (1024, 768))
    app.change_settings(Settings(text_scale=2.0))
    app.step()
    scene = app.scene
    tops = []
    for code in (pygame.K_PAGEDOWN, pygame.K_PAGEDOWN, pygame.K_DOWN):   # past the heading, into the
        key(app, code)                                                    # first sentence, the next one
        tops.append(min((b for b in app.canvas.boxes if b.area != app.canvas.rect), key=lambda b: b.rect.top).text)
    # The scenario's first sentence is longer than the page (5 lines at 200 %): a page goes into it; the
    # next starts with the next sentence, "Pourquoi ?", not in the middle of a line's sentence.
    assert scene.scroll in scene._sentences
    assert tops[-1].startswith("Pourquoi"), tops


def test_the_wall_shows_the_answer_completed_from_the_room_as_the_laptop_does(make_app):
    from game.ui.scenes.wall import wall_scene

    app = verdict_on_screen(make_app, players=5)
    window = pygame.Window("wall", (1280, 720))
    try:
        wall = app.add_display(window, "public", lambda play, display: wall_scene(app, play))
        app.step()
        key(app, pygame.K_n, unicode="n")
        typed(app, "2")
        app.render()
        assert any("salle : 2…" in b.text.replace("\u00a0", " ") for b in wall.canvas.boxes)
        typed(app, "0")
        key(app, pygame.K_RETURN)
        for text in ("1", "4", "3"):
            typed(app, text)
        app.render()
        for canvas in (app.canvas, wall.canvas):
            texts = [b.text.replace("\u00a0", " ") for b in canvas.boxes]
            assert any("ça dépend : 3 d'après la salle de 20" in t for t in texts), texts
    finally:
        app.displays.remove(wall)
        window.destroy()
