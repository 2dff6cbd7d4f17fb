"""Screens of a game in progress: their header says the round and the phase; helpers for indicators."""

from __future__ import annotations

from game.i18n import team_display
from game.ui import graphics
from game.ui.canvas import Flow
from game.ui.scenes.base import Scene


class GameScene(Scene):
    phase_key = "phase_situation"

    def __init__(self, app, play):
        super().__init__(app)
        self.play = play

    @property
    def scenario(self):
        return self.play.scenario

    @property
    def state(self):
        return self.play.state

    def round_text(self) -> str:
        return self.tr("round_of", n=self.state.round, total=self.state.setup.rounds)

    def header(self):
        parts = [self.round_text(), self.tr(self.phase_key), self.scenario.title]
        hub = getattr(self.app, "phones", None)
        if hub is not None and self.state.phase == "choices":
            from game.ui.phones_panel import chosen_text

            parts.insert(2, chosen_text(self.tr, hub.chosen(self.state), len(self.state.setup.characters)))
        return parts

    def deltas_text(self, deltas: dict[str, int]) -> str:
        """"Confiance +1, Tensions −2" with the scenario's labels."""
        parts = []
        for ident, amount in deltas.items():
            if amount:
                sign = f"+{amount}" if amount > 0 else f"\u2212{-amount}"
                # The amount never goes to the next line (or page) without its indicator's name.
                parts.append(f"{self.scenario.indicator(ident).label}\u00a0{sign}")
        return ", ".join(parts)

    def board(self, flow: Flow, values: dict[str, int], before: dict[str, int] | None = None) -> None:
        """Every indicator as a gauge; with `before`, the change "4 → 6 (+2)" beside it."""
        canvas = flow.canvas
        widest = 0
        for indicator in self.scenario.indicators:
            text = str(values[indicator.id]) if before is None else graphics.change_text(
                before[indicator.id], values[indicator.id])
            widest = max(widest, canvas.text_width(text, "body", "bold"))
        # One layout for the whole board: labels all beside their bars, or all above them.
        stacked = any(graphics.gauge_stacks(canvas, flow.width, i.label, i.min, i.max, widest)
                      for i in self.scenario.indicators)
        for indicator in self.scenario.indicators:
            value = values[indicator.id]
            change = ""
            old = None
            if before is not None:
                old = before[indicator.id]
                change = graphics.change_text(old, value)
            graphics.gauge(flow, indicator.label, value, indicator.min, indicator.max, change, old, widest,
                           stacked)
            flow.gap(flow.canvas.metrics.gap // 2)

    def team_text(self, character: str) -> str:
        """"équipe 1", "équipe Les Bleus", "Équipe Zoé": the team of `character`, reading naturally."""
        return team_display(self.play.team(character), self.app.language)

    def character_name(self, ident: str) -> str:
        return self.scenario.character(ident).name

    def action_title(self, ident: str) -> str:
        from game.content.model import OBSERVER_ID

        if ident == OBSERVER_ID:
            return self.tr("observer")
        return self.scenario.action(ident).title
