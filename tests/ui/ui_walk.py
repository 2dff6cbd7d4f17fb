"""Helpers of the screen tests: walk every screen of a game with the bot, checking each frame's text boxes."""

from __future__ import annotations

from game.ui.theme import contrast_ratio


def layout_problems(canvas) -> list[str]:
    """Every text box that is clipped (outside the window or its area), too small, low in contrast,
    or overlapping another text box."""
    problems = []
    window = canvas.rect
    floor = canvas.metrics.floor
    boxes = [b for b in canvas.boxes if b.text.strip()]
    for box in boxes:
        if not window.contains(box.rect):
            problems.append(f"outside the window: {box.text!r} {box.rect}")
        if not box.area.contains(box.rect):
            problems.append(f"outside its area {box.area}: {box.text!r} {box.rect}")
        if box.size < floor:
            problems.append(f"below the floor ({box.size} < {floor}): {box.text!r}")
        if contrast_ratio(box.fg, box.bg) < 4.5:
            problems.append(f"contrast {contrast_ratio(box.fg, box.bg):.1f}: {box.text!r}")
    for i, first in enumerate(boxes):
        for second in boxes[i + 1:]:
            if first.rect.colliderect(second.rect):
                problems.append(f"overlap: {first.text!r} {first.rect} / {second.text!r} {second.rect}")
    return problems


def walk_game(app, scenario_path, check=None, limit: int = 2000) -> list[str]:
    """Play a whole game from the title with the screens' bot steps; returns the screen names shown."""
    from game.ui.autoplay import ScreenBot
    from game.ui.scenes.title import TitleScene

    app.show(TitleScene(app, highlight=scenario_path))
    bot = ScreenBot()
    shown = []
    for _ in range(limit):
        app.render()
        scene = app.target
        shown.append(scene.name)
        if check is not None:
            check(app, scene)
        if bot.finished:
            break
        scene.bot_step(bot)
    return shown


def focus_problems(canvas, scene) -> list[str]:
    """A screen with a list must show its focused item (a list that fits nothing would show nothing)."""
    expected = None
    if scene.name in ("title", "setup") and getattr(scene, "entry", None) is None:
        expected = (scene.name, scene.menu.focus)
    elif scene.name == "choice" and scene.step in ("posture", "action"):
        menu = scene.posture_menu if scene.step == "posture" else scene.action_menu
        expected = (scene.step, menu.focus) if menu.focus >= 0 else None   # no posture chosen yet
    elif scene.name == "verdict" and scene.moves:
        expected = ("verdict", scene.focus)
    if expected is None or any(target == expected for _, target in canvas.hits):
        return []
    return [f"focused item {expected} not shown"]


def drawn(canvas) -> str:
    """Every text a frame drew, in one string (no-break spaces as spaces)."""
    return " ".join(box.text for box in canvas.boxes).replace("\u00a0", " ").replace("\u202f", " ")


def key(app, code, mod=0, unicode=""):
    """Post one real key press and let the app handle it."""
    import pygame

    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode, scancode=0,
                                         window=None))
    app.step()


def phase_on_screen(make_app, scenario_path, phase, size=(1280, 720), players=None, screen=None):
    """An app showing the first screen of `phase` in a game opened from `scenario_path`, reached with the
    engine's bot (`players`: the first N characters)."""
    from game.engine import bot_next
    from game.ui.scenes.title import open_scenario

    app = make_app(size)
    app.requested_players = players
    open_scenario(app, scenario_path)
    app.scene.start()
    session = app.play.session
    while session.state.phase != phase:
        session.apply(bot_next(session.scenario, session.state))
    app.play.show_phase()
    app.step()
    assert app.scene.name == (screen or phase)
    return app


def resumed(make_app, app, size=(1280, 720)):
    """Close `app`'s game and resume it from the title of a fresh app (the game is the first line)."""
    import pygame
    from game.ui.scenes.title import TitleScene

    path = app.play.session.path
    app.play.close()
    fresh = make_app(size)
    fresh.show(TitleScene(fresh))
    fresh.step()
    assert fresh.scene.menu.items[0].value == ("resume", path)
    key(fresh, pygame.K_UP)                 # the title highlights a scenario; the game is one line up
    key(fresh, pygame.K_RETURN)
    return fresh


def debrief_on_screen(make_app, scenario_path, size=(1280, 720)):
    """An app showing the first debrief of a game opened from `scenario_path`, reached with the engine's bot."""
    return phase_on_screen(make_app, scenario_path, "debrief", size)
