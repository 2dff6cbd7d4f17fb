"""Situation of a round: round n / N, the round's text, the event(s) drawn and their effects, the board."""

from __future__ import annotations

from game.engine import round_text
from game.ui import intents as kinds
from game.ui.scenes.game_base import GameScene


class SituationScene(GameScene):
    name = "situation"
    phase_key = "phase_situation"

    def header(self):
        parts = super().header()
        # The workshop's clock for the facilitator, on the laptop (never the wall, nor in autoplay's shots).
        if not getattr(self, "on_wall", False) and not getattr(self.app, "autoplaying", False):
            from game.ui.clock import workshop_clock

            text = workshop_clock(self.play.session, self.state, self.tr, self.app.language)
            if text:
                parts.insert(1, text)
        return parts

    def footer(self):
        keys = [self.tr("key_continue")]
        if self.end_early_available() and (self.state.ended_early or self.state.round < self.state.setup.rounds):
            keys.append(self.end_early_hint())
        return keys + [self.tr("key_help")]

    def draw_body(self, canvas, flow):
        state, scenario = self.state, self.scenario
        # The board needs less width than the texts: a narrower side column keeps two events, their
        # effects and the round's text on one page at 1280x720.
        main, side = self.columns(canvas, flow, side_share=0.36)
        events = state.current.events
        goal = None
        if state.round == 1:
            goal = self.tr("labelled", label=scenario.territory.name, text=scenario.goal)
        if side is not main:
            self.draw_board(side, events)
            # The territory's goal goes under the board when it fits there whole (the column never overflows).
            size = next((kind for kind in ("body", "small") if goal and self.fits(side, goal, kind)), None)
            if size:
                side.gap()
                side.text(goal, size, style="italic")
                goal = None
        main.text(self.round_text(), "title", style="bold", role="accent")
        main.gap()
        text = round_text(scenario, state)
        if text:
            main.text(text)
            main.gap()
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
        if goal:
            main.text(goal, "body", style="italic")
        if side is main:
            main.gap()
            self.draw_board(main, events)
        return main

    def draw_board(self, flow, events) -> None:
        flow.text(self.tr("indicators"), "body", style="bold")
        before = self.state.current.indicators_start if events else None
        self.board(flow, self.state.indicators, before)

    @staticmethod
    def fits(flow, text: str, kind: str) -> bool:
        lines = flow.canvas.wrapped(text, flow.width, kind, "italic")
        return flow.canvas.metrics.gap + len(lines) * flow.canvas.line_height(kind) <= flow.space_left()

    def act(self, intent):
        if intent.kind in (kinds.CONFIRM, kinds.SPACE):
            self.play.advance()
            return True
        return False

    def bot_step(self, bot):
        self.play.advance()
