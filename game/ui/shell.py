"""The program's window and loop: redraws only when something changed, global keys, overlays, crash recovery."""

from __future__ import annotations

import time
import traceback
from pathlib import Path
from typing import Callable, Optional

import pygame

from game.i18n import pick_language
from game.ui import intents as kinds
from game.ui.canvas import Canvas
from game.ui.display import LAPTOP, Display
from game.ui.intents import Intent, Translator
from game.ui.scenes.base import monotonic_ms
from game.ui.settings import Settings, save_settings
from game.ui.theme import THEMES, Metrics


class App:
    """Owns the displays (one window, or the laptop's and the wall's), the settings and the game being
    played. The first display has the keyboard: its screen and the overlays (help, quit, crash) shown
    over it receive the intents."""

    def __init__(self, window: pygame.Window, settings: Settings, lang_override: Optional[str] = None):
        self.displays: list[Display] = [Display(window, LAPTOP)]
        self.settings = settings
        self.lang_override = lang_override
        self.scenario_language: Optional[str] = None
        self.running = True
        self.after_first_frame: Optional[Callable[[], None]] = None   # called once, after the first render
        self.exit_code = 0
        self.play = None            # the game being played (game.ui.play.Play), if any
        self.notice = ""             # a calm one-line message (refused move, missing file), cleared by a key
        self.seed = 0
        self.phones = None           # the phones' hub (game.phones.hub.PhoneHub) while phones are on
        self.phone_options = None    # game.ui.phones_link.PhoneOptions when --phones or the setup asks for them
        self.translator = Translator()

    # -- the displays ------------------------------------------------------------
    @property
    def main(self) -> Display:
        """The display with the keyboard (the laptop in presenter mode)."""
        return self.displays[0]

    def add_display(self, window: pygame.Window, viewer: str, scene_for=None) -> Display:
        """Another window (the wall): it shows `scene_for(play, display)` whenever the game's screen changes."""
        display = Display(window, viewer, scene_for)
        self.displays.append(display)
        if self.play is not None:
            self.play.route()
        return display

    @property
    def window(self) -> pygame.Window:
        return self.main.window

    @property
    def scene(self):
        return self.main.scene

    @scene.setter
    def scene(self, scene) -> None:
        self.main.scene = scene

    @property
    def overlay(self):
        return self.main.overlay

    @overlay.setter
    def overlay(self, overlay) -> None:
        self.main.overlay = overlay

    @property
    def canvas(self) -> Optional[Canvas]:
        return self.main.canvas

    @property
    def dirty(self) -> bool:
        return any(display.dirty for display in self.displays)

    @dirty.setter
    def dirty(self, value: bool) -> None:
        for display in self.displays:
            display.dirty = value

    @property
    def frames(self) -> int:
        return self.main.frames

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
        for display in self.displays:
            display.dirty = True

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
        # Always on: the layout's characters ("+" of AZERTY, Shift+= of QWERTY, shifted digits) come as
        # TEXTINPUT; the translator drops the echo of a key it already read.
        pygame.key.start_text_input()

    def change_settings(self, settings: Settings) -> None:
        fullscreen_changed = settings.fullscreen != self.settings.fullscreen
        if settings.text_scale != self.settings.text_scale:
            # Another text size lays every page out afresh: from its top, columns side by side again.
            for display in self.displays:
                display.forget_layout()
                for screen in (display.scene, display.overlay, getattr(display.overlay, "under", None)):
                    if screen is not None:
                        screen.scroll = 0
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
    def render(self, only_dirty: bool = False) -> None:
        """Draw every display (the keyboard's first); the loops draw only those that need it. The first
        time, `after_first_frame` follows (game.ui.app: the collector back on after the start)."""
        try:
            for display in self.displays:
                if display.dirty or not only_dirty:
                    look = display.look
                    theme, scale = (self.theme, self.settings.text_scale) if look is None else (
                        THEMES[look.theme], look.text_scale)
                    display.render(theme, scale, self.language)
        finally:   # even when drawing failed (the crash screen follows): never left without a collector
            then, self.after_first_frame = self.after_first_frame, None
            if then is not None:
                then()

    # -- input -----------------------------------------------------------------
    def dispatch(self, event: pygame.event.Event) -> None:
        from game.ui.scenes.overlays import QuitOverlay

        kind = event.type
        if len(self.displays) > 1:
            from game.ui.presenter import handle_wall_event

            if handle_wall_event(self, event):   # the wall's window: closed, its own F2/F3/F11, clicks
                return
        if kind == pygame.KEYDOWN and self.notice:
            self.notice = ""
            self.invalidate()
        if kind in (pygame.QUIT, pygame.WINDOWCLOSE):
            if not isinstance(self.overlay, QuitOverlay):
                self.show_overlay(QuitOverlay(self, self.overlay))
            return
        if kind in (pygame.WINDOWRESIZED, pygame.WINDOWSIZECHANGED, pygame.WINDOWEXPOSED,
                    pygame.WINDOWRESTORED, pygame.WINDOWMAXIMIZED):
            for display in self.displays:
                display.forget_layout()
            self.invalidate()
            return
        target = self.target
        canvas = self.canvas
        if kind == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1 and canvas:
            hit = canvas.hit_at(event.pos)
            if hit is not None:
                target.click(hit)
                self.invalidate()
            return
        if kind == pygame.MOUSEMOTION and canvas:
            hit = canvas.hit_at(event.pos)
            if hit is not None and target.hover(hit):
                self.invalidate()
            return
        if kind == pygame.MOUSEWHEEL:
            if not target.wants_text and target.handle_scroll(event):
                self.invalidate()
            return
        if kind not in (pygame.KEYDOWN, pygame.TEXTINPUT, pygame.TEXTEDITING):
            return
        if target.wants_text:
            # A text entry has the keyboard: it reads the raw events (accents, dead keys), except F1 and F11.
            if kind == pygame.KEYDOWN and event.key in (pygame.K_F1, pygame.K_F11):
                for intent in self.translator.translate(event):
                    self.act(intent)
                return
            target.handle(event)
            self.invalidate()
            return
        for intent in self.translator.translate(event):
            self.act(intent)

    def act(self, intent: Intent) -> None:
        """One intent, from a key or any other source: the global ones first, then the screen's, then
        scrolling; an intent that does nothing on this screen says so (a calm line, F1 for the keys)."""
        from game.ui.scenes.overlays import HelpOverlay

        self.invalidate()
        if intent.kind == kinds.HELP:
            if isinstance(self.overlay, HelpOverlay):
                self.close_overlay()
            elif self.overlay is None:
                self.show_overlay(HelpOverlay(self, self.scene))
            return
        if intent.kind == kinds.FULLSCREEN:
            self.change_settings(_replace(self.settings, fullscreen=not self.settings.fullscreen))
            return
        if intent.kind == kinds.THEME:
            other = "contrast" if self.settings.theme == "standard" else "standard"
            self.change_settings(_replace(self.settings, theme=other))
            return
        if intent.kind == kinds.TEXT_SIZE:
            scale = self.settings.next_scale(1)
            if scale.text_scale == self.settings.text_scale:
                scale = _replace(self.settings, text_scale=1.0)
            self.change_settings(scale)
            return
        target = self.target
        if target.act(intent) is not False:
            return
        shared = getattr(target, "facilitator_act", None)     # the keys of the facilitator's flow (F)
        if shared is not None and shared(intent):
            return
        if target.scroll_intent(intent):
            return
        if intent.kind in (kinds.SPACE, kinds.PLUS, kinds.MINUS, kinds.DIGIT, kinds.LETTER, kinds.TEXT,
                           kinds.CONFIRM, kinds.ERASE, kinds.NEXT, kinds.PREVIOUS):
            from game.ui.intents import describe_key
            from game.ui.strings import TR

            self.notice = TR(self.language, "key_no_effect", name=describe_key(intent))

    def safely(self, action, *args):
        """Run a step of the loop; an unexpected error shows the calm crash screen, never a traceback."""
        try:
            return action(*args)
        except Exception as error:  # the last line of defence of a projected session
            self.crash(error)
            return None

    def drain(self) -> int:
        """Apply the commands other threads posted (the phones' web server) on this, the main thread."""
        return self.play.drain() if self.play is not None else 0

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
        self.safely(self.drain)
        if any(display.resized() for display in self.displays):
            self.invalidate()   # resized without an event (some drivers)
        if self.dirty:
            self.safely(self.render, True)

    def run(self) -> int:
        """The interactive loop. It sleeps between short polls instead of pygame.event.wait(), which
        measured 2.4 % of a core while waiting under Xvfb (pygame-ce 2.5.8) against 0.2 % for a 50 ms poll;
        right after a key the poll is 10 ms so that typing stays immediate."""
        last_activity = time.monotonic()
        while self.running:
            if self.dirty:
                self.safely(self.render, True)
                continue
            self.safely(self.pump_phones)
            if self.dirty:
                continue
            events = pygame.event.get()
            for item in events:
                self.safely(self.dispatch, item)
            if self.safely(self.drain):
                continue
            now = time.monotonic()
            if events:
                last_activity = now
                continue
            delay = 0.01 if now - last_activity < 1.0 else 0.05
            ticked = False
            for display in self.displays:
                target = display.target
                if target is None:
                    continue
                try:
                    if target.tick(monotonic_ms()):
                        display.dirty = True
                        ticked = True
                        continue
                    wakeup = target.next_wakeup(monotonic_ms())
                except Exception as error:
                    self.crash(error)
                    ticked = True
                    break
                if wakeup is not None:
                    delay = min(delay, wakeup / 1000)
            if ticked:
                continue
            if self.phones is not None:
                self.phones.server.wakeup.wait(delay)   # a phone's message ends the nap at once
            else:
                time.sleep(delay)
        return self.exit_code


def _replace(settings: Settings, **changes) -> Settings:
    return settings._replace(**changes)


def write_crash_log(error: BaseException) -> Path:
    """Write the error's details for the developers under data_home()/crashes/; returns the file."""
    import datetime

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
