"""Settings screen: theme, text size, interface language, fullscreen; each change is saved at once."""

from __future__ import annotations

from game.ui import intents as kinds
from game.ui.scenes.base import Scene
from game.ui.widgets import Item, Menu


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app, back):
        super().__init__(app)
        self.back = back
        self.menu = Menu(self._items())

    def _items(self) -> list[Item]:
        s = self.app.settings
        language = {None: "language_auto", "fr": "language_fr", "en": "language_en"}[s.language]
        return [
            Item(self.tr("setting_theme", value=self.tr("theme_" + s.theme)), "theme"),
            Item(self.tr("setting_scale", value=round(s.text_scale * 100)), "scale"),
            Item(self.tr("setting_language", value=self.tr(language)), "language"),
            Item(self.tr("setting_fullscreen", value=self.tr("yes" if s.fullscreen else "no")), "fullscreen"),
            Item(self.tr("setting_sound", value=self.tr("yes" if s.sound else "no")), "sound"),
        ]

    def header(self):
        return [self.tr("app_title"), self.tr("settings_title")]

    def footer(self):
        return [self.tr("settings_hint"), self.tr("key_help")]

    def draw_body(self, canvas, flow):
        self.menu.items = self._items()
        flow.text(self.tr("settings_title"), "title", style="bold")
        flow.gap()
        self.menu.draw(flow, "settings")

    def change(self, key: str, step: int) -> None:
        s = self.app.settings
        if key == "theme":
            s = s._replace(theme="contrast" if s.theme == "standard" else "standard")
        elif key == "scale":
            s = s.next_scale(step)
        elif key == "language":
            order = [None, "fr", "en"]
            s = s._replace(language=order[(order.index(s.language) + step) % 3])
        elif key == "fullscreen":
            s = s._replace(fullscreen=not s.fullscreen)
        elif key == "sound":
            s = s._replace(sound=not s.sound)
        self.app.change_settings(s)

    def act(self, intent):
        if intent.kind in (kinds.BACK, kinds.ERASE):
            from game.ui.scenes.title import TitleScene

            # The title's words were made in the language of the time: remake it.
            self.app.show(TitleScene(self.app) if isinstance(self.back, TitleScene) else self.back)
            return True
        if intent.kind in (kinds.PREVIOUS, kinds.NEXT, kinds.SPACE):
            self.change(self.menu.focused.value, -1 if intent.kind == kinds.PREVIOUS else 1)
            return True
        outcome = self.menu.act(intent)
        if outcome == "activate":
            # Enter never changes a setting by surprise: it says which keys do.
            self.app.notice = self.tr("settings_enter")
            return True
        return outcome is not None

    def click(self, target):
        if isinstance(target, tuple) and target[0] == "settings":
            chosen = self.menu.click(target[1])
            if chosen is not None:
                self.change(chosen.value, 1)
