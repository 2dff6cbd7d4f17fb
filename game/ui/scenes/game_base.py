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

    # The facilitator's "end after this round" (F) works on the screens of the facilitator's flow; not on a
    # team's private choice, nor on the bilan, nor on the wall.
    offers_end_early = True

    def round_text(self) -> str:
        state = self.state
        key = "round_of_last" if state.ended_early and state.round == state.final_round else "round_of"
        return self.tr(key, n=state.round, total=state.setup.rounds)

    def end_early_available(self) -> bool:
        return self.offers_end_early and not getattr(self, "on_wall", False) and self.state.phase != "end"

    def end_early_hint(self) -> str:
        """"F : finir après ce tour" (or, once decided, the key that takes it back)."""
        return self.tr("end_early_undo_key" if self.state.ended_early else "end_early_key")

    def facilitator_act(self, intent) -> bool:
        """The facilitator's keys that every screen of its flow shares (the shell asks once the screen's
        own `act` did not take the key): F asks whether to end after this round, or to take that back."""
        from game.ui import intents as kinds

        if not (intent.kind == kinds.LETTER and intent.value == "f" and self.end_early_available()):
            return False
        state = self.state
        if not state.ended_early and state.round >= state.setup.rounds:
            from game.engine import SetLastRound

            self.play.submit(SetLastRound(state.round))    # already the last: the engine's refusal says so
            return True
        from game.ui.scenes.overlays import EndEarlyOverlay

        self.app.show_overlay(EndEarlyOverlay(self.app, self.play))
        return True

    def shared_help_lines(self) -> list[str]:
        """The facilitator's keys of `facilitator_act`, listed by the help overlay under the screen's own."""
        state = self.state
        # Not on the planned last round (F only says that it is the last already), unless it takes back.
        if self.end_early_available() and (state.ended_early or state.round < state.setup.rounds):
            return [self.tr("help_end_early", rounds=state.setup.rounds)]
        return []

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
