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

    @property
    def vote_open(self) -> bool:
        """The room votes on phones: the tallies stay hidden until the facilitator closes the vote."""
        hub = getattr(self.app, "phones", None)
        return hub is not None and hub.vote_open

    def footer(self):
        if self.vote_open:
            return [self.tr("phones_reveal_key"), self.tr("key_help")]
        return [self.tr("verdict_done"), self.tr("verdict_hint"), self.tr("key_help")]

    def shot_suffix(self):
        if self.vote_open:
            return "vote"
        return "tally" if self.filled else ""

    def close_vote(self) -> None:
        """Journal each move's tally (RecordVerdict) and show the result, split moves highlighted."""
        if self.app.phones.close_vote(self.play):
            self.app.notice = self.tr("phones_reveal_done")
        self.play.show_phase()

    def draw_vote(self, canvas, flow):
        """While the room votes: the moves without any count, the public QR code with its short address
        in large text, and how many have voted."""
        from game.ui.phones_panel import qr_block, short_address, votes_text

        hub = self.app.phones
        main, side = self.columns(canvas, flow, side_share=0.45)
        main.text(self.tr("verdict_title"), "title", style="bold", role="accent")
        main.gap()
        for move in self.moves:
            main.text(self.character_name(move.character), style="bold")
            main.text(f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}",
                      "small", role="secondary")
        main.gap()
        main.text(votes_text(self.tr, hub.voters), "title", style="bold")
        url = hub.public_url()
        side.text(short_address(url), "title", style="bold", role="accent")
        side.text(self.tr("phones_vote_hint"), "small", role="secondary")
        side.gap()
        self.qr_rect = qr_block(side, url, side.space_left())
        return None

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
        if self.vote_open:
            return self.draw_vote(canvas, flow)
        if self.scroll == 0 and self.moves:
            # Every move on one screen, as a table: with the question as heading when there is room.
            table = self.table(canvas, flow.width)
            title = canvas.line_height("title") + canvas.metrics.gap
            if table is not None and table[0] <= flow.space_left():
                self.question_in_table = table[0] + title > flow.space_left()
                if not self.question_in_table:
                    flow.text(self.tr("verdict_title"), "title", style="bold", role="accent")
                    flow.gap()
                flow.block(table[0], table[1])
                return None
            if table is not None and self.table_window(canvas, flow, table[2]):
                return None
        flow.text(self.tr("verdict_title"), "title", style="bold", role="accent")
        flow.gap()
        menu = Menu(self._items(), self.focus)
        menu.first = getattr(self, "_first", 0)
        menu.draw(flow, "verdict", columns=2 if canvas.metrics.wide and len(self.moves) > 3 else 1)
        self._first = menu.first
        return None

    def table_window(self, canvas, flow, heights: list[int]) -> bool:
        """Big text: the table's rows around the focused move, with how many are above and below (the
        question stays in the table's head). False when not even the focused row fits."""
        more = canvas.line_height("small")
        room = flow.space_left() - (canvas.line_height("small") + canvas.metrics.gap // 2) - 2 * more
        if heights[self.focus] > room:
            return False
        first = min(getattr(self, "_first", 0), self.focus)
        while sum(heights[first:self.focus + 1]) > room:
            first += 1
        last = self.focus + 1
        while last < len(heights) and sum(heights[first:last + 1]) <= room:
            last += 1
        self._first = first
        self.question_in_table = True
        if first:
            flow.text(f"\u2191 {self.tr('more_items', n=first)}", "small", role="secondary")
        total, draw, _ = self.table(canvas, flow.width, first, last)
        flow.block(total, draw)
        if last < len(heights):
            flow.text(f"\u2193 {self.tr('more_items', n=len(heights) - last)}", "small", role="secondary")
        return True

    def table(self, canvas, width: int, first: int = 0, last: int | None = None):
        """(height, draw, row heights) of the moves `first` to `last` as rows: who and what was played, then
        one column per answer with its count; a split row is tinted and says so in words. None when the
        count columns leave no room."""
        gap = canvas.metrics.gap
        pad = gap // 2
        ring = canvas.metrics.focus_width
        heads = [self.tr("verdict_coop"), self.tr("verdict_not_coop"), self.tr("verdict_depends")]
        count_w = [max(canvas.text_width(h, "small"), canvas.text_width("000", "body", "bold")) + 2 * gap
                   for h in heads]
        name_w = width - sum(count_w) - 2 * (ring + pad)
        if name_w < canvas.metrics.body * 6:
            return None
        body, small = canvas.line_height("body"), canvas.line_height("small")
        rows = []
        for index, move in enumerate(self.moves):
            tally = self.tallies[move.character]
            split = is_split(Verdict(*tally))
            what = f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}"
            if split:
                what = f"{self.tr('verdict_split').upper()} \u2014 {what}"
            name = self.character_name(move.character)
            name_lines = canvas.wrapped(name, name_w, "body", "bold")
            after_name = canvas.text_width(name_lines[-1], "body", "bold") + gap
            if len(name_lines) == 1 and after_name + canvas.text_width(what, "small") <= name_w:
                what_lines, beside = [what], after_name   # on the name's line, after it
            else:
                what_lines, beside = canvas.wrapped(what, name_w, "small"), 0
            height = len(name_lines) * body + (0 if beside else len(what_lines) * small) + 2 * pad
            rows.append((index, tally, "split" if split else "panel", name_lines, what_lines, beside, height))
        heights = [r[-1] + 2 * ring for r in rows]
        rows = rows[first:last]
        total = small + gap // 2 + sum(r[-1] + 2 * ring for r in rows)

        def draw(rect):
            right = rect.right - ring - pad
            question = self.tr("verdict_title")
            if getattr(self, "question_in_table", False) and canvas.text_width(question, "small", "bold") <= name_w:
                # No room for the heading: the question stays, small, above the names.
                canvas.line(question, rect.left + ring + pad, rect.top, "small", style="bold", role="accent",
                            area=rect)
            x = right
            for head, w in reversed(list(zip(heads, count_w))):
                canvas.line(head, x - canvas.text_width(head, "small") - gap, rect.top, "small",
                            role="secondary", area=rect)
                x -= w
            y = rect.top + small + gap // 2
            for index, tally, fill, name_lines, what_lines, beside, height in rows:
                box = pygame.Rect(rect.left + ring, y + ring, rect.width - 2 * ring, height)
                canvas.panel(box, fill)
                if index == self.focus:
                    canvas.focus_ring(box)
                canvas.add_hit(box, ("verdict", index))
                line_y = box.top + pad
                for line in name_lines:
                    canvas.line(line, box.left + pad, line_y, "body", style="bold", on=fill, area=box)
                    line_y += body
                if beside:
                    # Same baseline as the name.
                    dy = canvas.face("body").get_ascent() - canvas.face("small").get_ascent()
                    canvas.line(what_lines[0], box.left + pad + beside, box.top + pad + dy, "small",
                                role="secondary", on=fill, area=box)
                else:
                    for line in what_lines:
                        canvas.line(line, box.left + pad, line_y, "small", role="secondary", on=fill, area=box)
                        line_y += small
                x = right
                for count, w in reversed(list(zip(tally, count_w))):
                    text = str(count)
                    canvas.line(text, x - canvas.text_width(text, "body", "bold") - gap, box.top + pad, "body",
                                style="bold", on=fill, area=box)
                    x -= w
                y += height + 2 * ring

        return total, draw, heights

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
        if self.vote_open:
            if event.key in (pygame.K_v, pygame.K_RETURN, pygame.K_KP_ENTER):
                self.close_vote()
            elif event.key == pygame.K_s and self.play.submit(SkipVerdicts()):
                self.play.show_phase()
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
        if self.vote_open:
            self.close_vote()
            return
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
