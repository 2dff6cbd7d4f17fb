"""The private choice of one team: its character's card, a posture on the "je → nous" scale, an action, confirm."""

from __future__ import annotations

import pygame

from game.ui import intents as kinds
from game.engine import ChooseAction, ChoosePosture, ConfirmMove, UndoChoice, action_options, postures
from game.ui import graphics, words
from game.ui.scenes.choices_clock import ChoicesClock
from game.ui.scenes.game_base import GameScene
from game.ui.widgets import Item, Menu


# Direct keys: digits 1-9 pick the posture of that place on the je -> nous scale, letters the action of that
# place in the list (shown before each item).
ACTION_KEYS = "abcdefghijklmnopqrstuvwxyz"


CARD_BESIDE_FROM = 4 / 3 - 0.01   # width / height: 1024x768, 1280x960 and wider
HIDDEN_READINGS = frozenset({"later", "room"})   # words.READING_KEY: the scenario's reading not shown


def posture_key(index: int) -> str:
    return str(index + 1)


class ChoiceScene(ChoicesClock, GameScene):
    name = "choice"
    phase_key = "phase_choices"
    offers_end_early = False    # a team's private screen

    def __init__(self, app, play):
        super().__init__(app, play)
        self.character = self.state.turn
        # The scenario's reading (COOP / neutre / pas COOP) waits for the room's verdict by default.
        setting = getattr(getattr(app, "settings", None), "readings", "after")
        self.readings = [(posture, graphics.shown_reading(setting, reading))
                         for posture, reading in postures(self.scenario)]
        self.step = "posture"
        # No posture is chosen for a team: nothing is focused until it moves along the scale (a resumed
        # draft keeps its posture).
        focus = -1
        if self.state.draft_posture:
            focus = next((i for i, (p, _) in enumerate(self.readings) if p.id == self.state.draft_posture), -1)
        self.posture_menu = Menu(self._posture_items(), focus, wrap=False)
        self.action_menu = Menu([])
        self.portrait_rect = None        # where the character's image was drawn in the last frame (tests)

    # -- items -----------------------------------------------------------------
    def _posture_items(self) -> list[Item]:
        items = []
        for posture, reading in self.readings:
            # A reading that waits for the room is the same on every row: the step's label says it once.
            parts = [] if reading in HIDDEN_READINGS else [graphics.reading_text(self.tr, reading)]
            cost = dict(getattr(posture, "cost", {}) or {})
            if cost:   # a posture that costs says so, as an action card does
                parts.append(self._cost_text(cost))
            detail = " · ".join(parts)
            label = f"{posture_key(len(items))} \u00b7 {posture.label}" if len(items) < 9 else posture.label
            items.append(Item(label, posture.id, detail=detail, on=graphics.READING_FILL[reading]))
        return items

    def _cost_text(self, cost: dict[str, int]) -> str:
        return words.cost_text(self.tr, self.scenario, cost)

    def scenario_resource(self, ident: str) -> str:
        return words.resource_label(self.scenario, ident)

    def _reason(self, option) -> str:
        return words.option_reason(self.tr, self.scenario, option)

    def _action_items(self) -> list[Item]:
        from game.content.model import OBSERVER_ID

        items = []
        for option in action_options(self.scenario, self.state, self.character):
            if option.reason == "not_for_character":
                continue  # other characters' cards are not this team's business
            if option.action == OBSERVER_ID:
                items.append(Item(self.tr("observer"), option.action, detail=self.tr("free")))
                continue
            action = self.scenario.action(option.action)
            if option.allowed:
                detail = self._cost_text(dict(action.cost))
                items.append(Item(action.title, action.id, detail=detail))
            else:
                items.append(Item(action.title, action.id, enabled=False,
                                  detail=self.tr("not_playable", reason=self._reason(option))))
        for index, item in enumerate(items[:len(ACTION_KEYS)]):   # its letter before each card: "A · ..."
            item.label = f"{ACTION_KEYS[index].upper()} \u00b7 {item.label}"
        return items

    # -- words -------------------------------------------------------------------
    def header(self):
        parts = super().header()
        if self.clock_header():          # the time left to choose ("Choix : 03:12"), in the phase's place
            parts[1] = self.clock_header()
        return parts

    def footer(self):
        hint = {"posture": "posture_hint", "action": "action_hint", "confirm": "confirm_hint"}[self.step]
        return [self.tr(hint), self.tr("key_help")]

    def help_lines(self):
        """Every key of this step (the footer keeps to the main ones)."""
        return [self.tr({"posture": "posture_help", "action": "action_help", "confirm": "confirm_hint"}[self.step])]

    def shot_suffix(self):
        who = self.character.replace("-", "_")
        return who if self.step == "posture" else f"{who}_action"

    # -- drawing -------------------------------------------------------------------
    def resource_parts(self) -> list[str]:
        held = self.state.resources.get(self.character, {})
        return [f"{r.label}\u00a0{held.get(r.id, 0)} / {r.max}" for r in self.scenario.resources]

    def resources_text(self) -> str:
        return " · ".join(self.resource_parts())

    def draw_resources(self, flow) -> None:
        """"Ressources : Temps 1 / 3 · Moyens 4 / 4" on one line, or one resource a line when that does not
        fit (a wrapped list would leave a "·" at a line's end and a resource cut from its value)."""
        line = self.tr("resources", text=self.resources_text())
        if len(flow.canvas.wrapped(line, flow.width, "body", "bold")) == 1:
            flow.text(line, style="bold")
            return
        flow.text(self.tr("resources", text="").rstrip(), style="bold")
        indent = flow.canvas.metrics.gap * 2
        if len(flow.canvas.wrapped(self.resources_text(), flow.width - indent, "body", "bold")) == 1:
            flow.text(self.resources_text(), style="bold", indent=indent)
            return
        for part in self.resource_parts():
            flow.text(part, style="bold", indent=indent)

    def draw_body(self, canvas, flow):
        character = self.scenario.character(self.character)
        # Side by side from 4:3 on (old projectors in centres sociaux: 1024x768): the team reads its
        # objective and secret beside the list it chooses from, not one page further down.
        main, side = self.columns(canvas, flow, side_share=0.5, min_ratio=CARD_BESIDE_FROM)
        self.draw_identity(canvas, main, character)
        main.gap()
        if side is main:
            # Stacked (4:3, big text): the choice first, kept to part of the height, the card below it.
            self.draw_choice(canvas, main, max_height=main.space_left() * 3 // 5)
            main.gap()
        self.draw_card(character, main)
        if side is not main:
            self.draw_choice(canvas, side)
        return main

    def draw_identity(self, canvas, flow, character) -> None:
        """The name and the role, with the character's portrait beside them when the scenario gives one
        (at most a quarter of the screen's height; a file that cannot be read shows nothing)."""
        self.portrait_rect = None
        role_line = f"{character.role} · {self.team_text(self.character)}"
        side = min(canvas.rect.height // 4, flow.width // 3)
        picture = self.play.portraits.fitted(character, (side, side)) if character.image else None
        if picture is None:
            flow.text(character.name, "title", style="bold", role="accent")
            flow.text(role_line, "small", role="secondary")
            return
        indent = picture.get_width() + canvas.metrics.gap
        lines = [(line, "title", "bold", "accent") for line in
                 canvas.wrapped(character.name, flow.width - indent, "title", "bold")]
        lines += [(line, "small", "regular", "secondary") for line in
                  canvas.wrapped(role_line, flow.width - indent, "small")]
        text_height = sum(canvas.line_height(kind) for _, kind, _, _ in lines)

        def draw(rect):
            canvas.surface.blit(picture, rect.topleft)
            self.portrait_rect = pygame.Rect(rect.topleft, picture.get_size())
            y = rect.top
            for line, kind, style, role in lines:
                canvas.line(line, rect.left + indent, y, kind, style=style, role=role, area=flow.area)
                y += canvas.line_height(kind)

        flow.block(max(picture.get_height(), text_height), draw)

    def draw_card(self, character, flow) -> None:
        flow.text(self.tr("objective", text=character.objective))
        if character.secret:
            flow.text(self.tr("secret", text=character.secret), style="italic")
        if self.scenario.resources:
            self.draw_resources(flow)
        # The list keeps to names and costs; the focused item's description is read here (it may be long).
        described = self.focused_description()
        if described:
            flow.gap()
            flow.text(described[0], style="bold")
            flow.text(described[1])

    def focused_description(self):
        from game.content.model import OBSERVER_ID

        if self.step == "posture":
            if self.posture_menu.focused is None:
                return None
            posture = self.scenario.posture(self.posture_menu.focused.value)
            return (posture.label, posture.description) if posture.description else None
        item = self.action_menu.focused
        if item is None or item.value == OBSERVER_ID:
            return None
        action = self.scenario.action(item.value)
        return (action.title, action.description) if action.description else None

    def draw_choice(self, canvas, flow, max_height: int | None = None) -> None:
        """The posture on the scale, then the step's list (postures, actions) or the confirmation."""
        line_h = canvas.line_height("body")
        count = len(self.readings)
        index = self.posture_menu.focus
        # Each posture has its own place on the scale, in the scenario's order (two postures of the same
        # `coop` value no longer share a dot).
        marks = [(index, True)] if index >= 0 else []
        flow.block(line_h, lambda r: graphics.posture_scale(canvas, r, self.tr, marks, slots=count))
        if index >= 0:
            posture = self.posture_menu.focused.value
            reading = dict((p.id, r) for p, r in self.readings)[posture]
            label = self.scenario.posture(posture).label
            if reading not in HIDDEN_READINGS:
                label = f"{label} · {graphics.reading_text(self.tr, reading)}"
            flow.text(label, "body", style="bold")
        else:
            flow.text(self.tr("posture_none"), "body", style="bold")
        flow.gap()
        if self.step == "confirm":
            item = self.action_menu.focused
            flow.text(self.tr("confirm_title"), "title", style="bold")
            flow.text(item.label, "body", style="bold")
            flow.text(item.detail, "small", role="secondary")
            return
        menu = self.posture_menu if self.step == "posture" else self.action_menu
        step = self.tr("posture_step" if self.step == "posture" else "action_step")
        hidden = {reading for _, reading in self.readings} & HIDDEN_READINGS
        if self.step == "posture" and hidden:
            step = f"{step} · {graphics.reading_text(self.tr, sorted(hidden)[0])}"
        flow.text(step, "small", role="secondary")
        menu.draw(flow, self.step, max_height=max_height, details_beside=True)

    # -- input ---------------------------------------------------------------------
    def choose_posture(self) -> None:
        posture = self.posture_menu.focused.value
        if self.play.submit(ChoosePosture(self.character, posture)):
            self.step = "action"
            self.action_menu = Menu(self._action_items())
            first = next((i for i, it in enumerate(self.action_menu.items) if it.enabled), 0)
            self.action_menu.focus = first

    def choose_action(self) -> None:
        item = self.action_menu.focused
        if item is not None and item.enabled and self.play.submit(ChooseAction(self.character, item.value)):
            self.step = "confirm"

    def confirm(self) -> None:
        self.play.submit(ConfirmMove(self.character))    # the router shows the next team's hand-off

    def back(self) -> bool:
        if self.step == "confirm":
            self.step = "action"
        elif self.step == "action":
            self.play.submit(UndoChoice(self.character))
            self.step = "posture"
        else:
            return False
        return True

    def pick_posture(self, digit: int) -> bool:
        """A digit: the posture of that place on the scale, chosen at once (in the action step, the team
        changes its posture: its choice is undone and made again)."""
        index = digit - 1
        if not 0 <= index < min(9, len(self.posture_menu.items)):
            self.app.notice = self.tr("posture_no_digit", n=min(9, len(self.posture_menu.items)))
            return True
        if self.step == "action":
            self.play.submit(UndoChoice(self.character))
            self.step = "posture"
        self.posture_menu.focus = index
        self.choose_posture()
        return True

    def pick_action(self, letter: str) -> bool:
        """A letter: the action of that place in the list, on to the confirmation (an action that cannot be
        played says why)."""
        index = ACTION_KEYS.index(letter)
        if index >= len(self.action_menu.items):
            return False
        self.action_menu.focus = index
        if self.action_menu.focused.enabled:
            self.choose_action()
        else:
            self.app.notice = self.action_menu.focused.detail
        return True

    def act(self, intent):
        kind = intent.kind
        if kind in (kinds.BACK, kinds.ERASE):
            return self.back()
        if kind == kinds.DIGIT and self.step in ("posture", "action"):
            return self.pick_posture(intent.value)
        if kind == kinds.LETTER and self.step == "action" and intent.value in ACTION_KEYS:
            return self.pick_action(intent.value)
        if self.step == "posture":
            if kind in (kinds.PREVIOUS, kinds.NEXT):
                # The je → nous scale: ← towards "je", → towards "nous"; it stops at its ends.
                self.posture_menu.move(-1 if kind == kinds.PREVIOUS else 1)
                return True
            outcome = self.posture_menu.act(intent)
            if outcome == "activate":
                self.choose_posture()
            elif outcome == "nothing":
                self.app.notice = self.tr("posture_pick_first")
            return outcome is not None
        if self.step == "action":
            outcome = self.action_menu.act(intent)
            if outcome == "activate":
                self.choose_action()
            elif outcome == "disabled":
                self.app.notice = self.action_menu.focused.detail
            return outcome is not None
        if kind == kinds.CONFIRM:
            self.confirm()
            return True
        return False

    def click(self, target):
        if not isinstance(target, tuple):
            return
        tag, index = target
        if tag == "posture" and self.step == "posture" and self.posture_menu.click(index):
            self.choose_posture()
        elif tag == "action" and self.step == "action" and self.action_menu.click(index):
            self.choose_action()

    def hover(self, target):
        if isinstance(target, tuple):
            menu = {"posture": self.posture_menu, "action": self.action_menu}.get(target[0])
            if menu is not None and menu.focus != target[1]:
                menu.focus = target[1]
                return True
        return False

    def bot_step(self, bot):
        """The bot's move, entered the way a team would, in two frames: focus the posture and Enter;
        then focus the action, Enter, and confirm."""
        posture, action = bot.move(self.scenario, self.state, self.character)
        if self.step == "posture":
            self.posture_menu.focus = next(i for i, item in enumerate(self.posture_menu.items)
                                           if item.value == posture)
            self.choose_posture()
            return
        self.action_menu.focus = next(i for i, item in enumerate(self.action_menu.items) if item.value == action)
        self.choose_action()
        self.confirm()
