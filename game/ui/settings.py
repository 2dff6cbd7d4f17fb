"""The facilitator's settings (theme, text size, language, fullscreen; the workshop's usual place and the
facilitator's name for the report), kept in data_home()/settings.json."""

# No `from __future__ import annotations` here: typing.NamedTuple turns each string annotation into a
# ForwardRef through compile(), about 40 of them before the first frame (1.5-2 ms); these evaluate at once.

import json
from typing import NamedTuple, Optional
from pathlib import Path

from game.paths import data_home
from game.ui.theme import TEXT_SCALES, THEMES


PRESETS = ("full", "2h")
MAX_CHOICES_MINUTES = 30


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value   # not NaN


class Settings(NamedTuple):
    """Immutable; change with `settings._replace(theme=...)`."""

    theme: str = "standard"
    text_scale: float = 1.0
    language: Optional[str] = None   # None: follow the scenario's language
    fullscreen: bool = False
    presenter: bool = False          # two windows: the projector's public wall and the laptop
    place: str = ""                  # last place typed on the bilan, offered again next time
    facilitator: str = ""            # last facilitator's name typed on the bilan
    sound: bool = True               # an audible cue when a countdown reaches 0:00
    readings: str = "after"          # the scenario's COOP reading: "after" the verdict, "always", "never"
    preset: str = "full"             # the setup's format: "full" (the scenario's rounds) or "2h" (game.pace)
    choices_minutes: float = 0.0     # the choices timer of the setup (0: none)

    def cleaned(self) -> "Settings":
        """Settings with any out-of-range value (hand-edited file) put back to its default."""
        theme = self.theme if self.theme in THEMES else "standard"
        scale = self.text_scale if isinstance(self.text_scale, (int, float)) and 1.0 <= self.text_scale <= 2.0 else 1.0
        language = self.language if self.language in ("fr", "en") else None
        place = self.place[:200] if isinstance(self.place, str) else ""
        facilitator = self.facilitator[:200] if isinstance(self.facilitator, str) else ""
        return self._replace(theme=theme, text_scale=float(scale), language=language,
                             fullscreen=bool(self.fullscreen), presenter=self.presenter is True, place=place,
                             facilitator=facilitator, sound=self.sound is not False,
                             readings=self.readings if self.readings in ("after", "always", "never") else "after",
                             preset=self.preset if self.preset in PRESETS else "full",
                             choices_minutes=float(self.choices_minutes)
                             if _number(self.choices_minutes) and 0 <= self.choices_minutes <= MAX_CHOICES_MINUTES else 0.0)

    def next_scale(self, step: int) -> "Settings":
        index = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - self.text_scale))
        index = max(0, min(len(TEXT_SCALES) - 1, index + step))
        return self._replace(text_scale=TEXT_SCALES[index])


def settings_path() -> Path:
    return data_home() / "settings.json"


def load_settings() -> Settings:
    """The saved settings, or the defaults when there are none or the file is unreadable."""
    try:
        raw = json.loads(settings_path().read_text(encoding="utf-8"))
        known = {k: raw[k] for k in Settings._fields if k in raw}
        return Settings(**known).cleaned()
    except (OSError, ValueError, TypeError, RecursionError):   # RecursionError: brackets nested thousands deep
        return Settings()


def save_settings(settings: Settings) -> bool:
    """Write atomically (the sessions' own temporary file, fsync, rename); False when the folder cannot be written."""
    from game.session.journal import write_atomically

    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(settings._asdict(), indent=2).encode("utf-8"))
        return True
    except OSError:
        return False
