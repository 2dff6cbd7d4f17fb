"""Keys become intents here, and only here: what the person meant (confirm, back, a digit, "+"), whatever
the keyboard's layout (AZERTY, QWERTY, the numeric keypad) or the source (a key, a click, a phone).

A key press arrives from SDL as a KEYDOWN and, when text input is on, a TEXTINPUT with the character the
layout made of it. A printable character is taken from the first of the two that carries it and its echo
in the other is dropped, so that Shift+= on QWERTY, the "+" key of AZERTY and the keypad's "+" each give one
`plus`, and AZERTY's unshifted digit row ("&é\"'") still types digits through its TEXTINPUT "1"… only
when Shift gives them (as the layout wants)."""

from __future__ import annotations

from game.record import record
from typing import Optional

import pygame

# The intents a screen may receive. `value` carries the digit (0-9), the letter (lower case) or the text.
CONFIRM, BACK, ERASE = "confirm", "back", "erase"
NEXT, PREVIOUS, UP, DOWN = "next", "previous", "up", "down"
HOME, END, PAGE_UP, PAGE_DOWN = "home", "end", "page_up", "page_down"
SPACE, PLUS, MINUS, DIGIT, LETTER, TEXT = "space", "plus", "minus", "digit", "letter", "text"
HELP, FULLSCREEN, THEME, TEXT_SIZE = "help", "fullscreen", "theme", "text_size"


@record
class Intent:
    kind: str
    value: object = None
    shift: bool = False      # Shift held (Shift+Tab goes up, Shift+C takes a vote back)
    ctrl: bool = False

    def __repr__(self) -> str:
        return f"Intent({self.kind!r}" + (f", {self.value!r}" if self.value is not None else "") + ")"


_NAMED = {
    pygame.K_RETURN: CONFIRM, pygame.K_KP_ENTER: CONFIRM,
    pygame.K_ESCAPE: BACK, pygame.K_BACKSPACE: ERASE, pygame.K_DELETE: ERASE,
    pygame.K_RIGHT: NEXT, pygame.K_LEFT: PREVIOUS, pygame.K_UP: UP, pygame.K_DOWN: DOWN,
    pygame.K_HOME: HOME, pygame.K_END: END, pygame.K_PAGEUP: PAGE_UP, pygame.K_PAGEDOWN: PAGE_DOWN,
    pygame.K_F1: HELP, pygame.K_F11: FULLSCREEN, pygame.K_F2: THEME, pygame.K_F3: TEXT_SIZE,
    pygame.K_KP_PLUS: PLUS, pygame.K_KP_MINUS: MINUS, pygame.K_SPACE: SPACE,
}
_KEYPAD_DIGITS = {getattr(pygame, f"K_KP{n}"): n for n in range(10)}
# The keypad without Num Lock: its arrows and page keys.
_KEYPAD_MOVES = {pygame.K_KP8: UP, pygame.K_KP2: DOWN, pygame.K_KP4: PREVIOUS, pygame.K_KP6: NEXT,
                 pygame.K_KP7: HOME, pygame.K_KP1: END, pygame.K_KP9: PAGE_UP, pygame.K_KP3: PAGE_DOWN}


def _of_character(ch: str, shift: bool, ctrl: bool) -> Optional[Intent]:
    if ch == "+":
        return Intent(PLUS, shift=shift, ctrl=ctrl)
    if ch == "-":
        return Intent(MINUS, shift=shift, ctrl=ctrl)
    if ch.isdigit() and ch.isascii():
        return Intent(DIGIT, int(ch), shift=shift, ctrl=ctrl)
    if ch.isalpha():
        return Intent(LETTER, ch.lower(), shift=shift or ch.isupper(), ctrl=ctrl)
    if ch.isprintable() and ch.strip():
        return Intent(TEXT, ch, shift=shift, ctrl=ctrl)
    return None


class Translator:
    """Turns pygame events into intents; remembers the character of the last KEYDOWN to drop its TEXTINPUT echo."""

    def __init__(self) -> None:
        self._echo: Optional[str] = None

    def translate(self, event: pygame.event.Event) -> list[Intent]:
        if event.type == pygame.KEYDOWN:
            return self._key(event)
        if event.type == pygame.TEXTINPUT:
            text = event.text
            if self._echo is not None and text == self._echo:
                self._echo = None
                return []
            self._echo = None
            return [intent for ch in text for intent in [_of_character(ch, False, False)] if intent]
        return []

    def _key(self, event) -> list[Intent]:
        self._echo = None
        mod = getattr(event, "mod", 0)
        shift, ctrl = bool(mod & pygame.KMOD_SHIFT), bool(mod & pygame.KMOD_CTRL)
        key = event.key
        if key == pygame.K_TAB:
            return [Intent(UP if shift else DOWN, shift=shift)]
        if key in _KEYPAD_DIGITS:
            if mod & pygame.KMOD_NUM or not (getattr(event, "unicode", "") == ""):
                self._echo = str(_KEYPAD_DIGITS[key])
                return [Intent(DIGIT, _KEYPAD_DIGITS[key])]
            if key in _KEYPAD_MOVES:
                return [Intent(_KEYPAD_MOVES[key], shift=shift)]
            return []
        if key in _NAMED:
            kind = _NAMED[key]
            if kind in (PLUS, MINUS, SPACE):
                self._echo = {PLUS: "+", MINUS: "-", SPACE: " "}[kind]
            return [Intent(kind, shift=shift, ctrl=ctrl)]
        ch = getattr(event, "unicode", "") or ""
        if not ch or not ch.isprintable():
            # No character from the layout (text input off, or a test's bare event): the US meaning of the key.
            if key == pygame.K_PLUS or key == pygame.K_EQUALS and shift:
                ch = "+"
            elif key == pygame.K_MINUS and not shift:
                ch = "-"
            elif pygame.K_0 <= key <= pygame.K_9 and not shift:
                ch = chr(key)
            elif pygame.K_a <= key <= pygame.K_z:
                ch = chr(key)
            else:
                return []
        intent = _of_character(ch, shift, ctrl)
        if intent is None:
            return []
        self._echo = ch
        return [intent]


def entry_intent(event: pygame.event.Event) -> Optional[str]:
    """While a text entry has the keyboard: CONFIRM (Enter) or BACK (Esc) end it; None for the entry's keys."""
    if event.type == pygame.KEYDOWN:
        kind = _NAMED.get(event.key)
        if kind in (CONFIRM, BACK):
            return kind
    return None


def describe_key(intent: Intent) -> str:
    """A short name of what was pressed, for "this key does nothing here" ("+", "7", "x", "Entrée")."""
    if intent.kind in (DIGIT, LETTER, TEXT):
        return str(intent.value).upper() if intent.kind == LETTER else str(intent.value)
    return {PLUS: "+", MINUS: "-"}.get(intent.kind, intent.kind)
