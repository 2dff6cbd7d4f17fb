"""Hand-off between teams when choices are secret: who plays now, and nothing of the previous choice."""

from __future__ import annotations

import pygame

from game.ui.scenes.game_base import GameScene
from game.ui.strings import capitalised


class HandoffScene(GameScene):
    name = "handoff"
    phase_key = "phase_choices"

    def footer(self):
        return [self.tr("handoff_ready"), self.tr("key_help")]

    def draw_body(self, canvas, flow):
        character = self.state.turn
        flow.y += max(0, flow.area.height // 4 - canvas.line_height("title"))
        # The headline, then the team's name on its own: whatever the team typed reads naturally.
        flow.text(self.tr("handoff_line"), "title", role="accent")
        flow.text(capitalised(self.team_text(character)), "title", style="bold", role="accent")
        flow.gap()
        flow.text(self.tr("handoff_look_away"))
        flow.gap()
        flow.text(self.tr("handoff_character", name=self.character_name(character)), role="secondary")
        self.draw_portrait(canvas, flow, self.scenario.character(character))

    def draw_portrait(self, canvas, flow, character) -> None:
        """The character's image below, when the scenario gives one and it fits (a quarter of the height
        at most); nothing otherwise."""
        self.portrait_rect = None
        if not character.image:
            return
        flow.gap()
        side = min(canvas.rect.height // 4, flow.space_left(), flow.width // 3)
        if side < canvas.line_height("title") * 2:
            return
        picture = self.play.portraits.fitted(character, (side, side))
        if picture is None:
            return

        def draw(rect):
            canvas.surface.blit(picture, rect.topleft)
            self.portrait_rect = pygame.Rect(rect.topleft, picture.get_size())

        flow.block(picture.get_height(), draw)

    def shot_suffix(self):
        return self.state.turn.replace("-", "_")

    def ready(self) -> None:
        self.play.handed_to = self.state.turn
        self.play.show_phase()

    def handle(self, event):
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.ready()

    def click(self, target):
        self.ready()

    def bot_step(self, bot):
        self.ready()
