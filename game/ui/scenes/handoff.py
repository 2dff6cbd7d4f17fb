"""Hand-off between teams when choices are secret: who plays now, and nothing of the previous choice."""

from __future__ import annotations

import pygame

from game.ui import intents as kinds
from game.ui.scenes.choices_clock import ChoicesClock
from game.ui.scenes.game_base import GameScene
from game.ui.strings import capitalised


class HandoffScene(ChoicesClock, GameScene):
    name = "handoff"
    phase_key = "phase_choices"

    shown = None            # with phones: the team whose link is on show (Tab: the next one)

    @property
    def hub(self):
        return getattr(self.app, "phones", None)

    def progress(self) -> str:
        """"équipe 2 / 5": where the round's choices stand (the teams that chose, plus this one)."""
        order = list(self.state.current.turn_order)
        number = len(self.state.current.moves) + 1
        return self.tr("handoff_progress", n=min(number, len(order)), total=len(order))

    def header(self):
        parts = super().header()
        if self.hub is None:
            parts.insert(2, self.progress())
        if self.clock_header():          # "Choix : 03:12" says the phase too: it takes the phase's place
            parts[1] = self.clock_header()
        return parts

    def footer(self):
        if self.hub is not None:
            return [self.tr("phones_keyboard")] + self.clock_hint() + [self.tr("key_help")]
        if self.previous_team() is not None:
            return [self.tr("handoff_ready"), self.tr("handoff_take_back")] + self.clock_hint() + [self.tr("key_help")]
        return [self.tr("handoff_ready")] + self.clock_hint() + [self.tr("key_help")]

    def previous_team(self):
        """The team that confirmed just before this one, in this round (the one a slip would concern)."""
        confirmed = {move.character for move in self.state.current.moves}
        order = list(self.state.current.turn_order)
        here = order.index(self.state.turn) if self.state.turn in order else len(order)
        return next((c for c in reversed(order[:here]) if c in confirmed), None)

    def take_back(self) -> bool:
        """The facilitator takes back the previous team's confirmed move (refunded, journaled): that team
        chooses again, before the reveal."""
        from game.engine import TakeBackMove

        character = self.previous_team()
        if character is None:
            return False
        team = capitalised(self.team_text(character))
        if self.play.submit(TakeBackMove(character)):
            self.app.notice = self.tr("handoff_taken_back", team=team)
        return True

    def draw_body(self, canvas, flow):
        character = self.state.turn
        if self.hub is not None:
            return self.draw_phone_handoff(canvas, flow)
        if self.timer is not None:
            # The countdown first: at 0:00 the teams still choosing must show whatever follows. At most a fifth
            # of the height (its words beside the time): with big text the team's name must still show.
            self.draw_clock(canvas, flow, ("body", "small"), most_height=flow.area.height // 5)
            flow.gap()
        else:
            flow.y += max(0, flow.area.height // 4 - canvas.line_height("title"))
        # The headline, then the team's name on its own: whatever the team typed reads naturally. (Under the
        # countdown, "Équipe 1 / 3" stays in the header only: the name comes first.)
        if self.timer is None:
            flow.text(self.progress(), "body", style="bold", role="secondary")
        flow.text(self.tr("handoff_line"), "title", role="accent")
        flow.text(capitalised(self.team_text(character)), "title", style="bold", role="accent")
        flow.gap()
        flow.text(self.tr("handoff_look_away"))
        flow.gap()
        flow.text(self.tr("handoff_character", name=self.character_name(character)), role="secondary")
        flow.text(self.posture_keys(), "small", role="secondary")
        self.draw_portrait(canvas, flow, self.scenario.character(character))

    def posture_keys(self) -> str:
        """"Postures : 1 Imposer · 2 Négocier · …": the digits a team may type to take the keyboard with its
        posture (the scale is the same for every team: nothing private)."""
        from game.engine import postures

        listed = [f"{i + 1}\u00a0{p.label}" for i, (p, _) in enumerate(postures(self.scenario)) if i < 9]
        return self.tr("handoff_postures", list=" \u00b7 ".join(listed))

    def draw_phone_handoff(self, canvas, flow):
        """Each team's link in turn, as a QR code and as text, for the team to scan while the others
        look away; once a phone holds it, the projector says so instead of showing it again."""
        from game.ui.phones_panel import qr_block

        characters = self.state.setup.characters
        if self.shown not in characters:
            self.shown = self.state.turn
        team = capitalised(self.team_text(self.shown))
        main, side = self.columns(canvas, flow, side_share=0.5)
        if self.timer is not None:
            self.draw_clock(canvas, main)
            main.gap()
        if self.shown in self.hub.claimed():
            main.text(self.tr("phones_handoff_connected", team=team), "title", style="bold", role="accent")
            main.gap()
            main.text(self.tr("handoff_character", name=self.character_name(self.shown)), role="secondary")
            return None
        main.text(self.tr("phones_handoff_scan", team=team), "title", style="bold", role="accent")
        main.gap()
        main.text(self.tr("handoff_character", name=self.character_name(self.shown)), role="secondary")
        main.gap()
        url = self.hub.team_url(self.shown)
        main.text(url, "small", role="secondary")
        self.qr_rect = qr_block(side, url, side.space_left())
        return None

    def next_team(self) -> None:
        characters = list(self.state.setup.characters)
        start = characters.index(self.shown) if self.shown in characters else -1
        self.shown = characters[(start + 1) % len(characters)]

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
        self.play.hand_to(self.state.turn)

    def act(self, intent):
        if self.clock_act(intent):
            pass
        elif intent.kind in (kinds.CONFIRM, kinds.SPACE):
            self.ready()
        elif self.hub is None and intent.kind == kinds.DIGIT:
            # The team at the keyboard types its posture's digit: it takes the keyboard and chooses it in
            # one press (its card shows with the posture chosen; Esc goes back to the scale). Nothing of
            # the previous team's move was on show.
            self.ready()
            target = self.app.target
            if target is not self and getattr(target, "name", "") == "choice":
                target.act(intent)
        elif self.hub is None and intent.kind == kinds.ERASE:
            return self.take_back()
        elif self.hub is not None and intent.kind == kinds.DOWN:       # Tab: the next team's link
            self.next_team()
        elif self.hub is not None and intent.kind == kinds.LETTER and intent.value == "r" and self.shown is not None:
            self.hub.reset_claim(self.shown)
        else:
            return False
        return True

    def click(self, target):
        self.ready()

    def bot_step(self, bot):
        self.ready()
