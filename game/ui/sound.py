"""The audible cue at 0:00 of a countdown: a short tone made in memory (no sound file), played once. Silent
when the setting is off, when SDL's audio driver is "dummy" (tests, CI) or when there is no sound device."""

from __future__ import annotations

import math
import os
import struct

RATE = 22050
_sound = None
_failed = False


def _tone() -> bytes:
    """Two short notes (880 Hz then 660 Hz), 16-bit mono, faded at both ends so that they do not click."""
    frames = []
    for frequency, seconds in ((880.0, 0.18), (660.0, 0.28)):
        count = int(RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / 300, (count - n) / 300)
            frames.append(int(12000 * fade * math.sin(2 * math.pi * frequency * n / RATE)))
    return struct.pack(f"<{len(frames)}h", *frames)


def cue() -> bool:
    """Play the cue; True when a sound device took it. Never raises (a workshop goes on without sound)."""
    global _sound, _failed
    if _failed or os.environ.get("SDL_AUDIODRIVER", "").lower() == "dummy":
        return False
    try:
        import pygame

        if _sound is None:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            _sound = pygame.mixer.Sound(buffer=_tone())
        _sound.play()
        return True
    except Exception:  # noqa: BLE001 - no device, no driver, a busy card: the frame and the words remain
        _failed = True
        return False
