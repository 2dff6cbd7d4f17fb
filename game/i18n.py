"""Interface languages (French and English) and the rule that picks one."""

from __future__ import annotations

import re
from typing import Mapping

LANGUAGES = ("fr", "en")


def pick_language(requested: str | None, scenario_language: str | None = None) -> str:
    """The facilitator's choice first, then the scenario's language, then French."""
    for candidate in (requested, scenario_language):
        if candidate in LANGUAGES:
            return candidate
    return "fr"


class Catalog:
    """Messages of one layer in both languages: `tr = Catalog({...}); tr("fr", "key", n=2)`."""

    def __init__(self, messages: Mapping[str, Mapping[str, str]]):
        missing = set(messages["fr"]) ^ set(messages["en"])
        if missing:
            raise ValueError(f"messages missing a translation: {sorted(missing)}")
        self._messages = messages

    def __call__(self, language: str, key: str, **values: object) -> str:
        table = self._messages.get(language) or self._messages["fr"]
        return table[key].format(**values)

    def keys(self) -> set[str]:
        return set(self._messages["fr"])


# A name that already says "team" ("Équipe Zoé", "L'équipe bleue", "Zoé's team") is shown as typed.
# (Compiled only for a name that could hold one: each word has a "p" or an "m", and no other letter
# matches those ignoring case; the setup's default names, digits, never need the pattern.)
_TEAM_WORD = r"(?<!\w)(équipe|equipe|team)(?!\w)"
_TEAM_PREFIX = {"fr": "équipe", "en": "team"}


def team_display(name: str, language: str) -> str:
    """The team's name as people read it, on screen and in reports: "équipe 1", "équipe Les Bleus",
    but "Équipe Zoé" as typed (never "équipe Équipe Zoé"). A non-breaking space keeps the word with the name."""
    if any(letter in name for letter in "pPmM") and re.search(_TEAM_WORD, name, re.IGNORECASE):
        return name
    return f"{_TEAM_PREFIX.get(language, _TEAM_PREFIX['fr'])}\u00a0{name}"
