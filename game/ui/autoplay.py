"""Autoplay: the real screens driven by the engine's bot, one frame (and PNG) per screen shown."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Optional

import pygame

from game.ui.png import write_png

MAX_STEPS = 20_000


class ScreenBot:
    """The engine's bot as the screens ask it: a move for a character, a tally for a move."""

    def __init__(self, policy: str = "random"):
        self.policy = policy
        self.finished = False

    def move(self, scenario, state, character):
        from game.engine import bot_move

        return bot_move(scenario, state, character, self.policy)

    def next_command(self, scenario, state):
        """The engine bot's next command in this state (its tallies follow the move's posture)."""
        from game.engine import bot_next

        return bot_next(scenario, state, self.policy)


def shot_name(number: int, scene) -> str:
    suffix = re.sub(r"[^a-z0-9_]", "_", scene.shot_suffix().lower())
    return f"{number:03d}-{scene.name}" + (f"-{suffix}" if suffix else "") + ".png"


def is_a(scene, module: str, name: str) -> bool:
    """isinstance(scene, module.name) without importing the module: a screen of a module not loaded
    yet cannot be shown, and loading the end screen's module would load the scenario model (pydantic)
    before the first screenshot."""
    kind = getattr(sys.modules.get(module), name, None)
    return kind is not None and isinstance(scene, kind)


def run_autoplay(app, screenshots: Optional[Path], with_title: bool = True) -> int:
    """Draw, save, let the bot act, until the end screen has been shown and its report exported.
    Exit 0 when the end was reached; 1 when the game could not be played (invalid scenario, crash)."""
    if screenshots is not None:
        try:
            screenshots.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            print(f"autoplay: cannot write screenshots to {screenshots}: {error.strerror or error}", file=sys.stderr)
            return 1
    bot = ScreenBot()
    app.autoplaying = True       # no wall-clock time on the screenshots: the same seed gives the same pictures
    shown = 0
    reached_end = False
    for _ in range(MAX_STEPS):
        pygame.event.pump()
        app.safely(app.render)
        scene = app.target
        shown += 1
        if screenshots is not None:
            target = screenshots / shot_name(shown, scene)
            try:
                write_png(app.window.get_surface(), target)
                for display in app.displays[1:]:
                    # Presenter mode: the wall at the same moment, beside the laptop's shot.
                    from game.ui.presenter import wall_shot_name

                    write_png(display.window.get_surface(), screenshots / wall_shot_name(target.name))
            except (OSError, pygame.error) as error:   # a full disk, a folder removed meanwhile
                print(f"autoplay: cannot write {target}: {error}", file=sys.stderr)
                return 1
        if is_a(scene, "game.ui.scenes.overlays", "CrashOverlay"):
            print(f"autoplay: unexpected error, details in {scene.log_path}", file=sys.stderr)
            return 1
        if is_a(scene, "game.ui.scenes.error", "ErrorScene"):
            from game.ui.scenes.error import describe

            for diagnostic in scene.diagnostics:
                print(describe(diagnostic, app.language), file=sys.stderr)
            return 1
        if bot.finished:
            break
        if is_a(scene, "game.ui.scenes.end", "EndScene"):
            reached_end = True
        before = (scene, app.notice)
        app.safely(scene.bot_step, bot)
        if app.notice and before == (app.target, app.notice):
            print(f"autoplay: stuck on {scene.name}: {app.notice}", file=sys.stderr)
            return 1
    else:
        print("autoplay: too many steps", file=sys.stderr)
        return 1
    if not reached_end:
        return 1
    print(f"autoplay: end reached, {shown} screens shown")
    return 0
