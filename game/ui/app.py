"""`coop play`: opens the window and shows the title at once, then loads the rest; interactive or autoplay."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

DEFAULT_SIZE = (1280, 720)


def first_frame(window, settings) -> None:
    """The title and a loading line, drawn before any heavy import (scenario model, engine, sessions)."""
    from game.ui.canvas import Canvas
    from game.ui.strings import TR
    from game.ui.theme import THEMES, Metrics

    language = settings.language or "fr"
    width, height = window.size
    canvas = Canvas(window.get_surface(), THEMES[settings.theme], Metrics(width, height, settings.text_scale))
    canvas.clear()
    margin = canvas.metrics.margin
    canvas.line(TR(language, "app_title"), margin, margin * 2, "title", style="bold", role="accent")
    canvas.line(TR(language, "loading"), margin, margin * 2 + canvas.line_height("title"), "body", role="secondary")
    window.flip()


def first_screen_comes_at_once(args) -> bool:
    """Whether the first real screen is drawn within milliseconds: then it is the first frame, with no
    loading line flashed before it. The title (autoplay's first screen too) needs nothing heavy unless
    an unfinished game must be replayed to be offered; a scenario's setup, unless its file was never
    validated (or changed since: no validated copy of these bytes); a resumed or `--no-setup` game
    always loads the scenario model first."""
    if args.resume or getattr(args, "no_setup", False):
        return False
    from game.ui.scenes.title import any_unfinished_journal

    if any_unfinished_journal():
        return False
    if args.scenario and not args.autoplay:
        from game.content.plain import copy_ready

        return copy_ready(Path(os.path.expanduser(args.scenario)))
    return True


def open_window(args, settings):
    import pygame

    pygame.display.init()
    pygame.font.init()
    size = args.size or DEFAULT_SIZE
    window = pygame.Window("COOP ou pas COOP", size, resizable=True)
    window.minimum_size = (320, 240)
    if (args.fullscreen or settings.fullscreen) and not args.autoplay:
        try:
            window.set_fullscreen(True)
        except pygame.error:
            pass
    return window


def set_display_hints() -> None:
    """How the window's pixels reach the screen, decided before SDL starts (a facilitator's own
    SDL_FRAMEBUFFER_ACCELERATION in the environment still wins).

    Our screens are slides redrawn a few times a second at most, from a surface we fill ourselves.
    On X11, SDL 2 copies that surface through an OpenGL streaming texture whenever any OpenGL is
    present — Mesa's software rasteriser included (llvmpipe: laptops without a GPU driver, virtual
    machines, Xvfb) — where a flip measured 14–30 ms at 1920x1080 and 56–167 ms at 3840x2160, and
    the process grew from 33 to 142 MB (237 MB at 4K). X11's shared-memory path (XShm) needs no GL:
    0.6 ms a flip at 1080p, 6.5–8.7 ms at 4K (benchmarks/bench_flip.py). With a real GPU the texture
    path saves little for a still picture (one upload per change either way) and still costs a GL
    context at start. Windows already takes its GDI path by default; macOS and Wayland have no
    path without GL, so in practice the hint changes X11 only.
    """
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly")):
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


def run_play(args) -> int:
    # pygame's banner on standard output is noise for a facilitator (and for scripts reading our output).
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # SDL would turn SIGINT/SIGTERM into a window-close event (and so into our "quit?" question); the
    # interfaces page wants them to end the program at once, as game.cli arranged.
    os.environ.setdefault("SDL_NO_SIGNAL_HANDLERS", "1")
    set_display_hints()
    from game.ui.settings import load_settings

    settings = load_settings()
    if args.fullscreen and not settings.fullscreen:
        settings = settings._replace(fullscreen=True)
    if args.resume:
        # Say "none" before opening a window for nothing.
        from game.ui.play import session_layer

        if session_layer().latest_unfinished() is None:
            from game.i18n import pick_language
            from game.ui.strings import TR

            language = pick_language(args.lang or settings.language)
            print(TR(language, "resume_none"), file=sys.stderr)
            damage = latest_session_damage(language)
            if damage:
                print(TR(language, "resume_damaged", error=damage), file=sys.stderr)
            return 3
    window = open_window(args, settings)
    if os.environ.get("COOP_BENCH_FIRST_FRAME") or not first_screen_comes_at_once(args):
        first_frame(window, settings)
    if os.environ.get("COOP_BENCH_FIRST_FRAME"):
        # benchmarks/bench_ui.py times the process up to this line.
        print("first-frame", flush=True)
        return 0

    from game.ui.shell import App

    app = App(window, settings, args.lang)
    from game.cli import collect_after_start

    app.after_first_frame = collect_after_start
    app.seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    app.seed_fixed = args.seed is not None
    app.requested_players = args.players
    app.requested_rounds = args.rounds
    if getattr(args, "phones", False):
        from game.ui.phones_link import PhoneOptions

        app.phone_options = PhoneOptions(args.bind, args.port, args.phones_info)
    try:
        start(app, args)
        if os.environ.get("COOP_BENCH_FIRST_SCREEN"):
            # benchmarks/bench_first_screen.py times the process up to the first real screen drawn.
            app.safely(app.render, True)
            print("first-screen", flush=True)
            return 0
        if getattr(args, "presenter", False) or settings.presenter and not args.autoplay:
            from game.ui.presenter import open_wall

            # Autoplay draws both windows whatever the displays, at the laptop's size.
            open_wall(app, always=args.autoplay, size=window.size)
        if args.autoplay:
            from game.ui.autoplay import run_autoplay

            return run_autoplay(app, Path(args.screenshots) if args.screenshots else None,
                                with_title=not args.resume)
        return app.run()
    finally:
        if app.play is not None:
            app.play.close()
            keep_report_after(app.play, args.autoplay)
        for display in app.displays[1:]:
            display.window.destroy()
        window.destroy()


def latest_session_damage(language: str) -> str | None:
    """Why the most recently written session cannot be read, if it cannot: a damaged game is not
    offered for resuming, but the facilitator must not be told that there was none."""
    from game import paths
    from game.session import SessionError, replay_file

    try:
        latest = max((p for p in paths.sessions_dir().iterdir() if not p.name.startswith(".")),
                     key=lambda p: p.stat().st_mtime, default=None)
        if latest is None:
            return None
        replay_file(latest)
    except OSError:
        return None
    except SessionError as error:
        return error.message(language)
    return None


def start(app, args) -> None:
    """The first screen: the resumed game, the scenario's setup (title first in autoplay), or the title."""
    from game.ui.scenes.title import TitleScene, open_scenario, resume_into

    if args.resume:
        from game.ui.play import session_layer

        if not resume_into(app, session_layer().latest_unfinished()):
            # The session could not be reopened (e.g. a read-only data folder): the title says why.
            app.show(TitleScene(app))
    elif args.scenario and getattr(args, "no_setup", False):
        start_at_once(app, Path(os.path.expanduser(args.scenario)))
    elif args.scenario:
        path = Path(os.path.expanduser(args.scenario))
        if args.autoplay:
            app.show(TitleScene(app, highlight=path))
        else:
            # That scenario's setup, even when an unfinished game exists: Escape there goes to the title,
            # which keeps offering that game, with this scenario highlighted. The title is made only when
            # the scenario cannot be opened (its reason shown there): listing the scenarios and looking
            # for unfinished games is not on the way to the setup screen (2 ms of its first frame).
            open_scenario(app, path)
            if app.scene is None:
                notice = app.notice
                app.show(TitleScene(app, highlight=path))
                app.notice = notice
    else:
        app.show(TitleScene(app))


def start_at_once(app, path: Path) -> None:
    """`--no-setup`: the scenario's defaults (the first players.max characters in file order, default team
    names, its rounds), at the situation of round 1 — even with an unfinished game left, which the title
    screen keeps offering. A scenario that does not load shows its diagnostics; a session that cannot be
    written, the title with the reason."""
    from game.ui.scenes.title import TitleScene, open_scenario

    open_scenario(app, path)
    setup = app.scene
    if setup is None or setup.name != "setup":
        if app.scene is None:
            app.show(TitleScene(app))
        return
    setup.start()
    if app.play is None:
        notice = app.notice
        app.show(TitleScene(app, highlight=path))
        app.notice = notice


def keep_report_after(play, autoplay: bool) -> None:
    """When `coop play` ends on a finished game, its report's data is prepared in the background (a
    detached process, after the last frame: nothing waits for it), so that `coop report latest` right
    after the workshop reads it instead of replaying the journal. Not for autoplay (demos, screenshots)."""
    if autoplay or play is None or getattr(play.session, "state", None) is None or play.session.state.phase != "end":
        return
    try:
        from game.session.report import keep_memo_later

        keep_memo_later(play.session.path)
    except Exception:  # noqa: BLE001 - quitting must never end on a traceback; the report replays without it
        pass
