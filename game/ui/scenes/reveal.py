"""Reveal: all moves of the round together, then the indicators moving from before to after, and the synergies."""

from __future__ import annotations

import pygame

from game.ui import intents as kinds
from game.engine import reveal
from game.record import evolve
from game.ui import graphics
from game.ui.scenes.game_base import GameScene


# The moves, then what each did (posture, action, by_posture) and the synergies, then the totals.
STEPS = ("moves", "detail", "effects")


class RevealScene(GameScene):
    name = "reveal"
    phase_key = "phase_reveal"

    def __init__(self, app, play):
        super().__init__(app, play)
        self.step = "moves"
        view = reveal(self.scenario, self.state)
        # Before the verdict the scenario's readings stay hidden (unless the setting says "always").
        setting = getattr(getattr(app, "settings", None), "readings", "after")
        self.view = evolve(view, readings={c: graphics.shown_reading(setting, r) for c, r in view.readings.items()})

    def footer(self):
        key = "reveal_hint_moves" if self.step == "moves" else "key_continue"
        vote = [self.tr("reveal_hint_vote")] if self.votes_next() else []
        return [self.tr(key), *vote, self.tr("key_help")]

    def help_lines(self):
        """Every key of this screen: on to the next step, back to the previous one, and on the last step the
        digits that open the verdict with the first count typed (when the room votes on this keyboard)."""
        key = "reveal_hint_moves" if self.step == "moves" else "key_continue"
        lines = [self.tr(key)]
        if self.step != STEPS[0]:
            lines.append(self.tr("reveal_help_back"))
        if self.votes_next():
            lines.append(self.tr("reveal_help_vote"))
        return lines

    def votes_next(self) -> bool:
        """On the last step, when the verdict follows and is typed on this keyboard (not voted on phones):
        a digit starts it with that digit typed, as the facilitator asks "COOP ou pas COOP ?"."""
        return (self.step == STEPS[-1] and self.state.setup.verdicts and bool(self.state.current.moves)
                and getattr(self.app, "phones", None) is None and not getattr(self, "on_wall", False))

    def shot_suffix(self):
        return self.step

    def draw_body(self, canvas, flow):
        if self.step == "moves":
            if not self.moves_fit(canvas, flow, with_title=False) and self.scroll == 0:
                # Many moves: one row each, so that all of them show together (as the rules want).
                table = self.table(canvas, flow.width, with_team=True)
                if table is None or table[0] > flow.space_left():
                    table = self.table(canvas, flow.width, with_team=False)
                if table is not None and table[0] <= flow.space_left():
                    if table[0] + canvas.line_height("title") + canvas.metrics.gap <= flow.space_left():
                        flow.text(self.tr("reveal_moves"), "title", style="bold", role="accent")
                        flow.gap()
                    flow.block(table[0], table[1])
                    return None
            if not self.moves_fit(canvas, flow, with_title=True) and self.scroll == 0:
                # All moves together matter more than the heading (the header already says "Révélation").
                self.draw_moves(canvas, flow)
                return None
            flow.text(self.tr("reveal_moves"), "title", style="bold", role="accent")
            flow.gap()
            self.draw_moves(canvas, flow)
            return None
        if self.step == "detail":
            self.draw_detail(canvas, flow)
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

    def move_effects(self, character: str) -> list[str]:
        """What one move did, source by source: "Imposer : Confiance −1", "Ouvrir le fonds : Pouvoir d'agir +1"."""
        parts = []
        for source in self.view.sources:
            if source.character != character or not any(source.deltas.values()):
                continue
            if source.kind == "posture":
                name = self.scenario.posture(source.source).label
            elif source.kind == "by_posture":
                move = next(m for m in self.view.moves if m.character == character)
                name = self.tr("reveal_by_posture", posture=self.scenario.posture(move.posture).label)
            else:
                name = self.action_title(source.source)
            parts.append(f"{name}\u00a0: {self.deltas_text(dict(source.deltas))}" if self.app.language == "fr"
                         else f"{name}: {self.deltas_text(dict(source.deltas))}")
        return parts

    def draw_detail(self, canvas, flow) -> None:
        """Move by move what it did (posture, action, the action played with that posture), then the
        synergies; the next step shows the total per indicator. The same numbers as the debrief's facts."""
        hanging = canvas.metrics.gap * 2
        lines = []
        for move in self.view.moves:
            effects = self.move_effects(move.character)
            line = " · ".join(effects) if effects else self.tr("reveal_no_effect")
            lines.append((f"{self.character_name(move.character)} \u2014 {line}", "regular"))
        for ident in self.view.synergies:
            synergy = next(s for s in self.scenario.synergies if s.id == ident)
            effects = self.deltas_text(dict(synergy.effects))
            lines.append((f"{self.tr('synergies')} \u2014 {synergy.text}" + (f" ({effects})" if effects else ""),
                          "bold"))
        with_title, size = self.detail_fit(canvas, flow, lines, hanging)
        if with_title:
            flow.text(self.tr("reveal_detail"), "title", style="bold", role="accent")
            flow.gap()
        for text, style in lines:
            flow.text(text, size, style=style, hanging=hanging)

    def detail_fit(self, canvas, flow, lines, hanging: int) -> tuple[bool, str]:
        """(with the heading?, text size): every move's effects on one screen when they can be, so that the
        room reads them together - eight teams and their synergies included. The heading goes first (the
        header already says "Révélation"), then the text steps down to "small"; past that, the lines scroll
        at their full size (and once scrolled, the layout stays as it began)."""
        width = flow.width - hanging
        room = flow.space_left()
        title = canvas.line_height("title") + canvas.metrics.gap
        for with_title, size in ((True, "body"), (False, "body"), (True, "small"), (False, "small")):
            height = sum(len(canvas.wrapped(text, width, size, style)) for text, style in lines) * canvas.line_height(size)
            if self.scroll == 0 and height + (title if with_title else 0) <= room:
                return with_title, size
        return True, "body"

    def layout(self, canvas, flow):
        moves = list(self.view.moves)
        gap = canvas.metrics.gap
        columns = 2 if canvas.metrics.wide and len(moves) > 3 else 1
        width = (flow.width - gap * (columns - 1)) // columns
        return columns, width, [self.card(canvas, move, width) for move in moves]

    def moves_fit(self, canvas, flow, with_title: bool) -> bool:
        columns, _, cards = self.layout(canvas, flow)
        gap = canvas.metrics.gap
        rows = [max(h for h, _ in cards[i:i + columns]) + gap // 2 for i in range(0, len(cards), columns)]
        title = canvas.line_height("title") + gap if with_title else 0
        return title + sum(rows) <= flow.space_left()

    def draw_moves(self, canvas, flow) -> None:
        """One card per move; on a wide window two cards side by side so that all moves show together."""
        gap = canvas.metrics.gap
        columns, width, cards = self.layout(canvas, flow)
        if any(height > flow.area.height // 2 for height, _ in cards):
            # Huge text on a small window: plain lines that scroll one by one instead of cards.
            for move in self.view.moves:
                badge = self.badge_of(move.character)
                flow.text(self.character_name(move.character) + (f" — {badge}" if badge else ""), style="bold")
                flow.text(f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}")
                flow.gap()
            return
        for start in range(0, len(cards), columns):
            row = cards[start:start + columns]
            height = max(h for h, _ in row)

            def paint(rect, row=row, height=height):
                for index, (_, draw) in enumerate(row):
                    draw(pygame.Rect(rect.left + index * (width + gap), rect.top, width, height))

            flow.block(height, paint)
            flow.gap(gap // 2)

    def table(self, canvas, width: int, with_team: bool):
        """(height, draw) of the moves as rows: the reading (sign and word), who (and the team's name),
        what was played; each row tinted by its reading. None when the columns leave no room for the texts."""
        gap = canvas.metrics.gap
        pad = gap // 2
        lh = canvas.line_height("body")
        badges = {m.character: self.badge_of(m.character) for m in self.view.moves}
        # No badge at all while the readings wait for the verdict: -gap cancels the gap after the badge.
        badge_w = max((graphics.badge_width(canvas, text, "body") for text in badges.values() if text), default=-gap)
        names = {m.character: self.character_name(m.character) for m in self.view.moves}
        if with_team:
            names = {ident: f"{name} ({self.team_text(ident)})"
                     for ident, name in names.items()}
        name_w = max(canvas.text_width(name, "body", "bold") for name in names.values())
        what_w = width - badge_w - name_w - 2 * pad - 2 * gap
        if what_w < canvas.metrics.body * 8:
            return None
        rows = []
        for move in self.view.moves:
            what = f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}"
            lines = canvas.wrapped(what, what_w, "body")
            rows.append((move, lines, len(lines) * lh + 2 * pad))
        total = sum(height for _, _, height in rows) + (len(rows) - 1) * (gap // 2)

        def draw(rect):
            y = rect.top
            for move, lines, height in rows:
                fill = graphics.READING_FILL[self.view.readings[move.character]]
                box = pygame.Rect(rect.left, y, rect.width, height)
                canvas.panel(box, fill)
                if badges[move.character]:
                    graphics.badge(canvas, box.left + pad, box.top + pad, badges[move.character], "panel", "body")
                x = box.left + pad + badge_w + gap
                canvas.line(names[move.character], x, box.top + pad, "body", style="bold", on=fill, area=box)
                x += name_w + gap
                line_y = box.top + pad
                for line in lines:
                    canvas.line(line, x, line_y, "body", on=fill, area=box)
                    line_y += lh
                y += height + gap // 2

        return total, draw

    def card(self, canvas, move, width):
        """(height, draw) of one move: who, its reading (sign and word on a tint), the posture and the action."""
        reading = self.view.readings[move.character]
        fill = graphics.READING_FILL[reading]
        pad = canvas.metrics.gap
        badge = self.badge_of(move.character)
        who = f"{self.character_name(move.character)} ({self.team_text(move.character)})"
        what = f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}"
        inner = width - 2 * pad
        badge_w = graphics.badge_width(canvas, badge, "body") if badge else -pad
        who_lines = canvas.wrapped(who, inner - badge_w - pad, "body", "bold")
        what_lines = canvas.wrapped(what, inner, "body")
        lh = canvas.line_height("body")
        height = (len(who_lines) + len(what_lines)) * lh + 2 * pad

        def draw(box):
            canvas.panel(box, fill)
            y = box.top + pad
            for line in who_lines:
                canvas.line(line, box.left + pad, y, "body", style="bold", on=fill, area=box)
                y += lh
            if badge:
                graphics.badge(canvas, box.right - pad - badge_w, box.top + pad, badge, "panel", "body")
            for line in what_lines:
                canvas.line(line, box.left + pad, y, "body", on=fill, area=box)
                y += lh

        return height, draw

    def badge_of(self, character: str) -> str:
        """The move's reading in words ("+ COOP"), or "" while it waits for the room's verdict."""
        reading = self.view.readings[character]
        return "" if reading in ("later", "room") else graphics.reading_text(self.tr, reading)

    def next(self) -> None:
        if self.step in STEPS[:-1]:
            self.step = STEPS[STEPS.index(self.step) + 1]
            self.scroll = 0
        else:
            self.play.advance()

    def act(self, intent):
        if intent.kind == kinds.DIGIT and self.votes_next():
            # "COOP ou pas COOP ?": the verdict, its first count already typed.
            self.play.advance()
            verdict = self.app.scene
            if getattr(verdict, "name", None) == "verdict":
                verdict.act(intent)
            return True
        if intent.kind in (kinds.CONFIRM, kinds.SPACE, kinds.NEXT):
            self.next()
            return True
        if intent.kind in (kinds.BACK, kinds.ERASE, kinds.PREVIOUS) and self.step != STEPS[0]:
            self.step = STEPS[STEPS.index(self.step) - 1]
            self.scroll = 0
            return True
        return False

    def click(self, target):
        self.next()

    def bot_step(self, bot):
        self.next()
