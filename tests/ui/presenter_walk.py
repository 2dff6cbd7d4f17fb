"""Helpers of the presenter tests: the wall drawn beside every laptop frame, what it drew, and the same game
with its private data changed (every secret replaced, every resource changed, drafts cleared)."""

from __future__ import annotations

from pathlib import Path

import pygame
import yaml

from ui_long_scenario import long_scenario

SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def unseen_scenario(folder: Path, events: bool = True) -> Path:
    """8 characters and long texts, each secret long and its own (a marker word in it), optionally no event."""
    data = long_scenario(characters=8, rounds=2)
    for number, person in enumerate(data["characters"]):
        person["secret"] = (f"Projet caché SECRETMARK{number} de l'équipe {number} : racheter discrètement le "
                            f"local commun de la résidence numéro {number} avant la réunion publique, puis le "
                            f"revendre à la foncière en faisant croire à une initiative des habitants {number}.")
    if not events:
        data.pop("events")
        data.pop("events_per_round")
    path = folder / ("inedit_huit.yaml" if events else "inedit_huit_sans_alea.yaml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


class PrivateChanged:
    """The same game as `play` seen with other private data: what the wall shows must not change."""

    def __init__(self, play):
        self._play = play
        scenario = play.scenario
        people = tuple(c.model_copy(update={"secret": f"Autre chose, tout autre {i} : {c.id[::-1]} " * 3})
                       for i, c in enumerate(scenario.characters))
        self.scenario = scenario.model_copy(update={"characters": people})

    @property
    def state(self):
        from game.record import evolve

        state = self._play.state
        resources = {who: {name: amount + 7 for name, amount in held.items()} for who, held in state.resources.items()}
        return evolve(state, draft_posture=None, draft_action=None, resources=resources)

    def team(self, character):
        return self._play.team(character)

    @property
    def portraits(self):
        return self._play.portraits

    @property
    def shared(self):
        return getattr(self._play, "shared", None)


def draw_wall(app, play, surface):
    """Draw the wall's screen of `play` on `surface`; returns its canvas (every string drawn is in .boxes)."""
    from game.ui.canvas import Canvas
    from game.ui.scenes.wall import wall_scene
    from game.ui.theme import Metrics

    scene = wall_scene(app, play)
    width, height = surface.get_size()
    canvas = Canvas(surface, app.theme, Metrics(width, height, app.settings.text_scale), language=app.language)
    again = scene.draw(canvas)
    for _ in range(8):
        if not again:
            break
        again = scene.draw(canvas)
    return scene, canvas


def private_texts(play) -> list[str]:
    """Every secret of the scenario, and the labels of what the teams have confirmed or drafted but not revealed."""
    scenario, state = play.scenario, play.state
    texts = [c.secret for c in scenario.characters if c.secret]
    if state.phase == "choices":
        for move in state.current.moves:
            texts += [scenario.posture(move.posture).label, action_title(scenario, move.action)]
        if state.draft_posture:
            texts.append(scenario.posture(state.draft_posture).label)
        if state.draft_action:
            texts.append(action_title(scenario, state.draft_action))
    return texts


def action_title(scenario, ident):
    from game.content.model import OBSERVER_ID

    return "Observer" if ident == OBSERVER_ID else scenario.action(ident).title


def public_texts(scenario) -> list[str]:
    """Every text of the scenario but the secrets (a title may share words with a secret)."""
    texts = []

    def walk(value, key=None):
        if isinstance(value, dict):
            for name, inner in value.items():
                if name != "secret":
                    walk(inner, name)
        elif isinstance(value, (list, tuple)):
            for inner in value:
                walk(inner, key)
        elif isinstance(value, str):
            texts.append(value.translate(SPACES))

    walk(scenario.model_dump())
    return texts


def leaks(drawn: list[str], private: list[str], public: list[str] = (), shortest: int = 12) -> list[str]:
    """Drawn lines that are a piece of a private text and of no public one (wrapped lines are pieces of their
    paragraph), lines that hold a whole private label, and any secret's marker word."""
    found = []
    normal = [p.translate(SPACES) for p in private]
    for text in drawn:
        line = text.translate(SPACES).strip()
        if not line:
            continue
        if "SECRETMARK" in line:
            found.append(repr(line))
            continue
        for secret in normal:
            piece = len(line) >= shortest and line in secret and not any(line in p for p in public)
            if piece or len(secret) >= 4 and secret in line:
                found.append(f"{line!r} from {secret[:40]!r}")
    return found


def surface_bytes(surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")
