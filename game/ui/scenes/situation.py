"""Situation of a round: round n / N, the round's text, the event(s) drawn and their effects, the board."""

from __future__ import annotations

import pygame

from game.ui.scenes.game_base import GameScene


class SituationScene(GameScene):
    name = "situation"
    phase_key = "phase_situation"

    def footer(self):
        return [self.tr("key_continue"), self.tr("key_help")]

    def draw_body(self, canvas, flow):
        state, scenario = self.state, self.scenario
        main, side = self.columns(canvas, flow)
        main.text(self.round_text(), "title", style="bold", role="accent")
        main.gap()
        text = scenario.round_texts.get(state.round)
        if text:
            main.text(text)
            main.gap()
        events = state.current.events
        if not events:
            main.text(self.tr("no_event"), role="secondary")
        for ident in events:
            event = next(e for e in scenario.events if e.id == ident)
            main.text(self.tr("event", title=event.title), "body", style="bold")
            main.text(event.text, indent=canvas.metrics.gap)
            effects = self.deltas_text(dict(event.effects))
            if effects:
                main.text(effects, "body", style="bold", indent=canvas.metrics.gap)
            main.gap()
        if state.round == 1:
            main.text(self.tr("labelled", label=scenario.territory.name, text=scenario.goal), "body", style="italic")
        if side is main:
            main.gap()
        side.text(self.tr("indicators"), "body", style="bold")
        before = state.current.indicators_start if events else None
        self.board(side, state.indicators, before)
        return main

    def handle(self, event):
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.play.advance()

    def bot_step(self, bot):
        self.play.advance()
