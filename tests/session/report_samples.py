"""Played sessions for the report tests: the five-character scenario, plain or with hostile texts everywhere."""

from __future__ import annotations

from pathlib import Path

from game.engine import AddNote, Setup, bot_next
from game.session import Session

FIVE = Path(__file__).resolve().parent.parent / "sim" / "data" / "five_characters.yaml"
CHARACTERS = ("elue", "bailleur", "habitante", "asso", "gusp")

# What a careless or malicious author, team or note could write.
SCRIPT = "<script>document.body.setAttribute('data-pwned','1')</script>"
STYLE_END = "</style><b>x</b>"
JS_LINK = "[clic](javascript:alert(1))"
MD_IMAGE = "![pixel](http://127.0.0.1:{port}/md.png)"
IMG_TAG = "<img src=\"http://127.0.0.1:{port}/tag.png\">"
HOSTILE = (SCRIPT, STYLE_END, JS_LINK)


def hostile_texts(port: int = 9) -> list[str]:
    return [SCRIPT, STYLE_END, JS_LINK, MD_IMAGE.format(port=port), IMG_TAG.format(port=port)]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def hostile_scenario(folder: Path, port: int = 9) -> Path:
    """five_characters.yaml with a hostile title, character name, action title, event text and prompt."""
    texts = hostile_texts(port)
    source = FIVE.read_text(encoding="utf-8")
    source = source.replace("title: Cinq acteurs", f"title: {_quoted('Cinq ' + texts[0])}", 1)
    source = source.replace("name: Élue,", f"name: {_quoted('Élue ' + texts[1])},", 1)
    source = source.replace("title: Réunion publique,", f"title: {_quoted('Réunion ' + texts[2])},", 1)
    source = source.replace("text: Il fait très chaud.,", f"text: {_quoted('Chaud ' + texts[3])},", 1)
    source = source.replace("Qu'est-ce qui vous a surpris ?", _quoted("Surpris ? " + texts[4]), 1)
    path = folder / "hostile.yaml"
    path.write_text(source, encoding="utf-8")
    return path


def play(scenario: Path = FIVE, seed: int = 5, teams: dict | None = None, note: str = "Débat <vif> & riche",
         rounds: int = 4, extra=None) -> Path:
    """A whole game played by the bot, one note per debrief; `extra(session)` runs before closing."""
    named = {c: f"Équipe {c}" for c in CHARACTERS}
    named.update(teams or {})
    setup = Setup(CHARACTERS, named, rounds)
    session = Session.create(scenario, setup, seed)
    while (command := bot_next(session.scenario, session.state)) is not None:
        session.apply(command)
        if session.state.phase == "debrief" and not session.state.current.notes:
            session.apply(AddNote(note))
    if extra is not None:
        extra(session)
    session.close()
    return session.path
