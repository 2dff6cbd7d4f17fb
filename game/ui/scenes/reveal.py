"""Reveal: all moves of the round together, then the indicators moving from before to after, and the synergies."""

from __future__ import annotations

import pygame

from game.engine import reveal
from game.ui import graphics
from game.ui.scenes.game_base import GameScene


class RevealScene(GameScene):
    name = "reveal"
    phase_key = "phase_reveal"

    def __init__(self, app, play):
        super().__init__(app, play)
        self.step = "moves"
        self.view = reveal(self.scenario, self.state)

    def footer(self):
        key = "reveal_hint_moves" if self.step == "moves" else "key_continue"
        return [self.tr(key), self.tr("key_help")]

    def shot_suffix(self):
        return self.step

    def draw_body(self, canvas, flow):
        if self.step == "moves":
            flow.text(self.tr("reveal_moves"), "title", style="bold", role="accent")
            flow.gap()
            for move in self.view.moves:
                self.draw_move(canvas, flow, move)
            return None
        main, side = self.columns(canvas, flow, side_share=0.4)
        main.text(self.tr("reveal_effects"), "title", style="bold", role="accent")
        main.gap()
        self.board(main, self.view.after, self.view.before)
        if side is main:
            main.gap()
        side.text(self.tr("synergies"), "body", style="bold")
        if not self.view.synergies:
            side.text("\u2014", role="secondary")
        for ident in self.view.synergies:
            synergy = next(s for s in self.scenario.synergies if s.id == ident)
            side.text(synergy.text)
            effects = self.deltas_text(dict(synergy.effects))
            if effects:
                side.text(effects, "small", style="bold")
            side.gap()
        return main

    def draw_move(self, canvas, flow, move) -> None:
        """One row: who, its reading (sign and word on a tint), the posture and the action."""
        reading = self.view.readings[move.character]
        fill = graphics.READING_FILL[reading]
        pad = canvas.metrics.gap
        badge = graphics.reading_text(self.tr, reading)
        who = f"{self.character_name(move.character)} ({self.tr('team_label', team=self.play.team(move.character))})"
        what = f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}"
        inner = flow.width - 2 * pad
        badge_w = graphics.badge_width(canvas, badge, "body")
        who_lines = canvas.wrapped(who, inner - badge_w - pad, "body", "bold")
        what_lines = canvas.wrapped(what, inner, "body")
        lh = canvas.line_height("body")
        height = (len(who_lines) + len(what_lines)) * lh + 2 * pad

        def paint(rect):
            box = rect
            canvas.panel(box, fill)
            y = box.top + pad
            for line in who_lines:
                canvas.line(line, box.left + pad, y, "body", style="bold", on=fill, area=box)
                y += lh
            graphics.badge(canvas, box.right - pad - badge_w, box.top + pad, badge, "panel", "body")
            for line in what_lines:
                canvas.line(line, box.left + pad, y, "body", on=fill, area=box)
                y += lh

        flow.block(height, paint)
        flow.gap(pad // 2)

    def next(self) -> None:
        if self.step == "moves":
            self.step = "effects"
            self.scroll = 0
        else:
            self.play.advance()

    def handle(self, event):
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.next()
            elif event.key in (pygame.K_ESCAPE, pygame.K_BACKSPACE) and self.step == "effects":
                self.step = "moves"

    def click(self, target):
        self.next()

    def bot_step(self, bot):
        self.next()
