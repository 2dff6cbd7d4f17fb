"""Verdict: for each move, the room's show of hands COOP / pas COOP / ça dépend, entered with a few keys, or skipped."""

from __future__ import annotations

import pygame

from game.engine import RecordVerdict, SkipVerdicts, is_split
from game.engine.state import Verdict
from game.ui.scenes.game_base import GameScene
from game.ui.widgets import Item, Menu

_KEYS = {pygame.K_c: 0, pygame.K_p: 1, pygame.K_d: 2}


class VerdictScene(GameScene):
    name = "verdict"
    phase_key = "phase_verdict"

    def __init__(self, app, play):
        super().__init__(app, play)
        self.moves = list(self.state.current.moves)
        self.focus = 0
        recorded = self.state.current.verdicts
        self.tallies = {m.character: list(self._as_list(recorded.get(m.character))) for m in self.moves}
        self.filled = False

    @staticmethod
    def _as_list(verdict):
        return (0, 0, 0) if verdict is None else (verdict.coop, verdict.pas_coop, verdict.depends)

    def footer(self):
        return [self.tr("verdict_done"), self.tr("verdict_hint"), self.tr("key_help")]

    def shot_suffix(self):
        return "tally" if self.filled else ""

    def _items(self) -> list[Item]:
        """Per move: who and the tally in large text, what was played underneath; a split tally is
        highlighted with its words ("Avis partagés"), not by its colour alone."""
        items = []
        for move in self.moves:
            tally = self.tallies[move.character]
            split = is_split(Verdict(*tally))
            counts = (f"{self.tr('verdict_coop')} {tally[0]} \u00b7 {self.tr('verdict_not_coop')} {tally[1]} \u00b7 "
                      f"{self.tr('verdict_depends')} {tally[2]}")
            what = f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}"
            if split:
                what = f"{self.tr('verdict_split').upper()} \u2014 {what}"
            items.append(Item(f"{self.character_name(move.character)}\n{counts}", move.character, detail=what,
                              on="split" if split else "panel"))
        return items

    def draw_body(self, canvas, flow):
        flow.text(self.tr("verdict_title"), "title", style="bold", role="accent")
        flow.gap()
        menu = Menu(self._items(), self.focus)
        menu.first = getattr(self, "_first", 0)
        menu.draw(flow, "verdict", columns=2 if canvas.metrics.wide and len(self.moves) > 3 else 1)
        self._first = menu.first
        return None

    def record(self, index: int) -> bool:
        move = self.moves[index]
        coop, pas_coop, depends = self.tallies[move.character]
        return self.play.submit(RecordVerdict(move.character, coop, pas_coop, depends))

    def bump(self, which: int, step: int) -> None:
        if not self.moves:
            return
        tally = self.tallies[self.moves[self.focus].character]
        tally[which] = max(0, min(999, tally[which] + step))
        self.record(self.focus)

    def handle(self, event):
        if event.type != pygame.KEYDOWN:
            return
        if event.key in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB) and self.moves:
            step = -1 if event.key == pygame.K_UP or event.mod & pygame.KMOD_SHIFT else 1
            self.focus = (self.focus + step) % len(self.moves)
        elif event.key in _KEYS:
            self.bump(_KEYS[event.key], -1 if event.mod & pygame.KMOD_SHIFT else 1)
        elif event.key == pygame.K_BACKSPACE and self.moves:
            tally = self.tallies[self.moves[self.focus].character]
            self.tallies[self.moves[self.focus].character] = [0, 0, 0]
            if any(tally):
                self.record(self.focus)
        elif event.key == pygame.K_s:
            if self.play.submit(SkipVerdicts()):
                self.play.show_phase()
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.play.advance()

    def click(self, target):
        if isinstance(target, tuple) and target[0] == "verdict":
            self.focus = target[1]

    def bot_step(self, bot):
        """First the show of hands for every move (one frame with the tallies), then on."""
        if not self.filled:
            command = bot.next_command(self.scenario, self.state)
            while isinstance(command, RecordVerdict):
                index = next(i for i, m in enumerate(self.moves) if m.character == command.character)
                self.focus = index
                self.tallies[command.character] = [command.coop, command.pas_coop, command.depends]
                if not self.record(index):
                    return
                command = bot.next_command(self.scenario, self.state)
            self.focus = 0
            self.filled = True
        else:
            self.play.advance()
