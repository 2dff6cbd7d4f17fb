"""The program's window and loop: redraws only when something changed, global keys, overlays, crash recovery."""

from __future__ import annotations

import datetime
import time
import traceback
from pathlib import Path
from typing import Optional

import pygame

from game.i18n import pick_language
from game.ui.canvas import Canvas
from game.ui.scenes.base import monotonic_ms
from game.ui.settings import Settings, save_settings
from game.ui.theme import THEMES, Metrics


class App:
    """Owns the window, the current screen and the overlays (help, quit, crash) shown instead of it."""

    def __init__(self, window: pygame.Window, settings: Settings, lang_override: Optional[str] = None):
        self.window = window
        self.settings = settings
        self.lang_override = lang_override
        self.scenario_language: Optional[str] = None
        self.scene = None
        self.overlay = None
        self.dirty = True
        self.running = True
        self.exit_code = 0
        self.canvas: Optional[Canvas] = None
        self.play = None            # the game being played (game.ui.play.Play), if any
        self.frames = 0
        self.notice = ""             # a calm one-line message (refused move, missing file), cleared by a key
        self.seed = 0
        self.phones = None           # the phones' hub (game.phones.hub.PhoneHub) while phones are on
        self.phone_options = None    # game.ui.phones_link.PhoneOptions when --phones or the setup asks for them

    # -- state shared by the screens -------------------------------------------
    @property
    def language(self) -> str:
        return pick_language(self.lang_override or self.settings.language, self.scenario_language)

    @property
    def theme(self):
        return THEMES[self.settings.theme]

    def metrics(self) -> Metrics:
        width, height = self.window.size
        return Metrics(width, height, self.settings.text_scale)

    def invalidate(self) -> None:
        self.dirty = True

    def show(self, scene) -> None:
        self.scene = scene
        self._sync_text_input()
        self.invalidate()

    def show_overlay(self, overlay) -> None:
        self.overlay = overlay
        self._sync_text_input()
        self.invalidate()

    def close_overlay(self) -> None:
        self.overlay = None
        self._sync_text_input()
        self.invalidate()

    @property
    def target(self):
        return self.overlay or self.scene

    def _sync_text_input(self) -> None:
        target = self.target
        if target is not None and target.wants_text:
            pygame.key.start_text_input()
        else:
            pygame.key.stop_text_input()

    def change_settings(self, settings: Settings) -> None:
        fullscreen_changed = settings.fullscreen != self.settings.fullscreen
        self.settings = settings
        save_settings(settings)
        if fullscreen_changed:
            self._apply_fullscreen()
        self.invalidate()

    def _apply_fullscreen(self) -> None:
        try:
            if self.settings.fullscreen:
                self.window.set_fullscreen(True)
            else:
                self.window.set_windowed()
        except pygame.error:
            pass  # some drivers have no fullscreen; the window stays as it is

    # -- drawing ---------------------------------------------------------------
    def render(self) -> None:
        surface = self.window.get_surface()
        width, height = surface.get_size()   # the surface, not the window: they differ until SDL catches up
        metrics = Metrics(width, height, self.settings.text_scale)
        self.canvas = Canvas(surface, self.theme, metrics, language=self.language)
        again = self.target.draw(self.canvas)
        for _ in range(8):
            # The footer or the layout depended on what did not fit: draw again before showing.
            if not again:
                break
            again = self.target.draw(self.canvas)
        self.window.flip()
        self.frames += 1
        self.dirty = bool(again)

    # -- input -----------------------------------------------------------------
    def dispatch(self, event: pygame.event.Event) -> None:
        from game.ui.scenes.overlays import HelpOverlay, QuitOverlay

        kind = event.type
        if kind == pygame.KEYDOWN and self.notice:
            self.notice = ""
            self.invalidate()
        if kind in (pygame.QUIT, pygame.WINDOWCLOSE):
            if not isinstance(self.overlay, QuitOverlay):
                self.show_overlay(QuitOverlay(self, self.overlay))
            return
        if kind in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED,
                    pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED):
            for screen in (self.scene, self.overlay):
                if screen is not None:
                    screen._stack = False   # a new size may fit the columns again
            self.invalidate()
            return
        if kind == pygame.KEYDOWN and not self.target.wants_text or kind == pygame.KEYDOWN and event.key in (
                pygame.K_F1, pygame.K_F11):
            if event.key == pygame.K_F1:
                if isinstance(self.overlay, HelpOverlay):
                    self.close_overlay()
                elif self.overlay is None:
                    self.show_overlay(HelpOverlay(self, self.scene))
                return
            if event.key == pygame.K_F11:
                self.change_settings(_replace(self.settings, fullscreen=not self.settings.fullscreen))
                return
            if event.key == pygame.K_F2:
                other = "contrast" if self.settings.theme == "standard" else "standard"
                self.change_settings(_replace(self.settings, theme=other))
                return
            if event.key == pygame.K_F3:
                scale = self.settings.next_scale(1)
                if scale.text_scale == self.settings.text_scale:
                    scale = _replace(self.settings, text_scale=1.0)
                self.change_settings(scale)
                return
        target = self.target
        if kind == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1 and self.canvas:
            hit = self.canvas.hit_at(event.pos)
            if hit is not None:
                target.click(hit)
                self.invalidate()
            return
        if kind == pygame.MOUSEMOTION and self.canvas:
            hit = self.canvas.hit_at(event.pos)
            if hit is not None and target.hover(hit):
                self.invalidate()
            return
        if kind in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.TEXTEDITING, pygame.MOUSEWHEEL):
            if not target.wants_text and target.handle_scroll(event):
                self.invalidate()
                return
            target.handle(event)
            self.invalidate()

    def safely(self, action, *args) -> None:
        """Run a step of the loop; an unexpected error shows the calm crash screen, never a traceback."""
        try:
            action(*args)
        except Exception as error:  # the last line of defence of a projected session
            self.crash(error)

    def crash(self, error: BaseException) -> None:
        from game.ui.scenes.overlays import CrashOverlay

        path = write_crash_log(error)
        self.show_overlay(CrashOverlay(self, path))

    def recover(self) -> None:
        """After a crash: reload the game from its session on disk, or go back to the title."""
        self.overlay = None
        if self.play is not None:
            try:
                self.play.reload()
                return
            except Exception as error:
                write_crash_log(error)
        from game.ui.scenes.title import TitleScene

        self.play = None
        self.show(TitleScene(self))

    def quit(self, code: int = 0) -> None:
        self.exit_code = code
        self.running = False

    # -- the loops -------------------------------------------------------------
    def pump_phones(self) -> None:
        if self.phones is not None:
            from game.ui.phones_link import pump

            pump(self)

    def step(self) -> None:
        """Handle every event already queued, then redraw if needed (tests and autoplay use it)."""
        self.safely(self.pump_phones)
        for item in pygame.event.get():
            self.safely(self.dispatch, item)
        if self.canvas is not None and self.window.get_surface().get_size() != (
                self.canvas.metrics.width, self.canvas.metrics.height):
            self.invalidate()   # resized without an event (some drivers)
        if self.dirty:
            self.safely(self.render)

    def run(self) -> int:
        """The interactive loop. It sleeps between short polls instead of pygame.event.wait(), which
        measured 2.4 % of a core while waiting under Xvfb (pygame-ce 2.5.8) against 0.2 % for a 50 ms poll;
        right after a key the poll is 10 ms so that typing stays immediate."""
        last_activity = time.monotonic()
        while self.running:
            if self.dirty:
                self.safely(self.render)
                continue
            self.safely(self.pump_phones)
            if self.dirty:
                continue
            events = pygame.event.get()
            for item in events:
                self.safely(self.dispatch, item)
            now = time.monotonic()
            if events:
                last_activity = now
                continue
            target = self.target
            if target is not None:
                try:
                    if target.tick(monotonic_ms()):
                        self.invalidate()
                        continue
                except Exception as error:
                    self.crash(error)
                    continue
            delay = 0.01 if now - last_activity < 1.0 else 0.05
            wakeup = target.next_wakeup(monotonic_ms()) if target is not None else None
            if wakeup is not None:
                delay = min(delay, wakeup / 1000)
            if self.phones is not None:
                self.phones.server.wakeup.wait(delay)   # a phone's message ends the nap at once
            else:
                time.sleep(delay)
        return self.exit_code


def _replace(settings: Settings, **changes) -> Settings:
    return settings._replace(**changes)


def write_crash_log(error: BaseException) -> Path:
    """Write the error's details for the developers under data_home()/crashes/; returns the file."""
    from game.paths import data_home

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    folder = data_home() / "crashes"
    path = folder / f"crash-{stamp}.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    except OSError:
        pass
    return path
