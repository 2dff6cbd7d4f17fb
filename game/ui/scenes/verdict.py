"""Verdict: for each move, the room's show of hands COOP / pas COOP / ça dépend, typed as counts (`14`),
counted hand by hand (C, P, D), or skipped. The tallies shown are the session's, read each frame: a tally
recorded from elsewhere (a phone, the console) shows at once and is never overwritten by this screen."""

from __future__ import annotations

import pygame

from game.engine import RecordVerdict, SetRoomSize, SkipVerdicts, is_split
from game.ui import graphics
from game.engine.state import Verdict
from game.ui import intents as kinds
from game.ui.scenes.game_base import GameScene
from game.ui.widgets import Item, Menu

ANSWERS = {"c": 0, "p": 1, "d": 2}


class VerdictScene(GameScene):
    name = "verdict"
    phase_key = "phase_verdict"

    def __init__(self, app, play):
        super().__init__(app, play)
        self.focus = 0
        self.column = 0                  # the answer that typed digits go to
        self.typed = ""                  # digits typed into (focus, column), not recorded yet
        self.asked: set[str] = set()     # moves whose empty tally Enter asked about once
        self.filled = False
        self.entered: dict[str, set] = {}  # per move, the answers the facilitator typed or counted here
        self.proposed = False            # `typed` holds the answer completed from the room, not typed
        self.sizing: str | None = None   # N: the room's size being typed (digits), else None
        self.advanced = False            # the last digit made a whole count and moved to the next answer

    @property
    def moves(self):
        return list(self.state.current.moves)

    @property
    def left_out(self) -> set:
        """Moves the room does not vote on (shared by every display, for this round)."""
        return self.play.shared.unvoted(self.state.round)

    def recorded(self, character: str) -> tuple[int, int, int] | None:
        verdict = self.state.current.verdicts.get(character)
        return None if verdict is None else (verdict.coop, verdict.pas_coop, verdict.depends)

    @property
    def room(self) -> int | None:
        """How many people vote, when the facilitator said so (N): the session's (journaled, so a resume keeps
        it), the same for every round of the game and on every display."""
        return getattr(self.state, "room_size", None)

    def completed(self) -> int | None:
        """The focused move's last answer (ça dépend) completed from the room's size: only once the
        facilitator set that size and typed the two other answers of this move, and never over a count
        typed or recorded for it; shown as such and replaced by the first digit typed there."""
        if self.room is None or not self.moves or self.column == 2:
            return None
        character = self.moves[self.focus].character
        entered = set(self.entered.get(character, ()))
        if self.typed:
            entered.add(self.column)
        if 2 in entered or not {0, 1} <= entered:
            return None
        tally = list(self.recorded(character) or (0, 0, 0))
        if self.typed:
            tally[self.column] = int(self.typed)
        rest = self.room - tally[0] - tally[1]
        return rest if rest >= 0 else None

    @property
    def tallies(self) -> dict[str, list[int]]:
        """Each move's tally as the session has it, with the digits being typed in their cell (and the
        last answer completed from the room's size, see `completed`)."""
        shown = {}
        rest = self.completed()
        for index, move in enumerate(self.moves):
            tally = list(self.recorded(move.character) or (0, 0, 0))
            if self.typed and index == self.focus:
                tally[self.column] = int(self.typed)
            if rest is not None and index == self.focus:
                tally[2] = rest
            shown[move.character] = tally
        return shown

    def header(self):
        parts = super().header()
        if self.sizing is not None:
            parts.insert(2, self.tr("verdict_room", n=self.sizing + "\u2026"))
        elif self.room is not None:
            parts.insert(2, self.tr("verdict_room", n=self.room))
        return parts

    @property
    def vote_open(self) -> bool:
        """The room votes on phones: the tallies stay hidden until the facilitator closes the vote."""
        hub = getattr(self.app, "phones", None)
        return hub is not None and hub.vote_open

    def footer(self):
        if self.vote_open:
            return [self.tr("phones_reveal_key"), self.tr("key_help")]
        if self.sizing is not None:
            return [self.tr("verdict_room_hint")]
        return [self.tr("verdict_done"), self.tr("verdict_hint"), self.tr("key_help")]

    def help_lines(self):
        """Every key of this screen (the footer keeps to the main ones)."""
        if self.vote_open:
            return self.footer()
        if self.sizing is not None:
            return self.footer()
        return [self.tr("verdict_done"), self.tr("verdict_help_digits"), self.tr("verdict_help_hands"),
                self.tr("verdict_help_moves"), self.tr("verdict_help_out"), self.tr("verdict_help_room")]

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

    def what_was_played(self, move) -> str:
        return f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}"

    def scenario_says(self, character: str) -> str:
        """Once the room's tally of a move is recorded, the scenario's own reading of its posture
        ("le scénario : + COOP"), unless the setting hides it for good; before that, nothing."""
        setting = getattr(getattr(self.app, "settings", None), "readings", "after")
        if setting == "never" or self.recorded(character) is None:
            return ""
        from game.engine import coop_reading

        move = next(m for m in self.moves if m.character == character)
        reading = coop_reading(getattr(self.scenario.posture(move.posture), "coop", None))
        words = graphics.reading_text(self.tr, reading).replace(" ", "\u00a0")
        return " \u00b7 " + self.tr("scenario_reading", reading=words).replace(" ", "\u00a0")

    def focused_voters(self) -> str:
        """"12 votants · majorité : COOP" for the selected move, or "" before its first vote."""
        if not self.moves:
            return ""
        character = self.moves[self.focus].character
        return self.summary(self.tallies[character], character)

    def summary(self, tally, character: str) -> str:
        """"20 votants · majorité : COOP" (or "hors vote", or nothing yet) for a move's row."""
        if character in self.left_out and not any(tally):
            return self.tr("verdict_left_out")
        total = sum(tally)
        if not total:
            return ""
        best = max(tally)
        leaders = [i for i, n in enumerate(tally) if n == best]
        names = [self.tr("verdict_coop"), self.tr("verdict_not_coop"), self.tr("verdict_depends")]
        majority = (self.tr("verdict_majority", answer=names[leaders[0]]) if len(leaders) == 1
                    else self.tr("verdict_tie"))
        said = f"{self.tr('verdict_voters', n=total)} · {majority}{self.scenario_says(character)}"
        if self.moves and character == self.moves[self.focus].character and (
                self.completed() is not None or self.proposed and self.column == 2):
            said += " \u00b7 " + self.tr("verdict_completed", answer=names[2], n=tally[2], room=self.room)
        return said

    def _items(self) -> list[Item]:
        """Per move: who and the tally in large text, what was played underneath; a split tally is
        highlighted with its words ("Avis partagés"), not by its colour alone."""
        items = []
        for move in self.moves:
            tally = self.tallies[move.character]
            split = is_split(Verdict(*tally))
            counts = (f"{self.tr('verdict_coop')} {tally[0]} \u00b7 {self.tr('verdict_not_coop')} {tally[1]} \u00b7 "
                      f"{self.tr('verdict_depends')} {tally[2]}")
            what = self.what_was_played(move)
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
            # With each answer's share beside its count when every row still fits, without it otherwise.
            # Then tighter rows, so that the 8 moves of a big table stay on one screen at 1280x720.
            table = None
            for shares, compact, tight in ((True, False, 0), (False, False, 0), (False, True, 0), (False, True, 1),
                                           (False, True, 2)):
                table = self.table(canvas, flow.width, shares=shares, compact=compact, tight=tight) or table
                if table is not None and table[0] <= flow.space_left():
                    break
            title = canvas.line_height("title") + canvas.metrics.gap
            if table is not None and table[0] <= flow.space_left():
                self.question_in_table = table[0] + title > flow.space_left()
                if not self.question_in_table:
                    flow.text(self.tr("verdict_title"), "title", style="bold", role="accent")
                    flow.gap()
                flow.block(table[0], table[1])
                return None
            if table is not None and self.table_window(canvas, flow):
                return None
        flow.text(self.tr("verdict_title"), "title", style="bold", role="accent")
        flow.gap()
        menu = Menu(self._items(), self.focus)
        menu.first = getattr(self, "_first", 0)
        menu.draw(flow, "verdict", columns=2 if canvas.metrics.wide and len(self.moves) > 3 else 1)
        self._first = menu.first
        return None

    def table_window(self, canvas, flow) -> bool:
        """Big text: the table's rows around the focused move, with how many are above and below (the
        question stays in the table's head); the rows tight (a name on two lines at most, what was played
        on one, shortened with "…") when the focused one does not fit otherwise. False when not even the
        focused row fits."""
        more = canvas.line_height("small")
        # The lines "↑ 2 more" / "↓ 3 more" only where there are moves above or below the focused one.
        arrows = more * ((self.focus > 0) + (self.focus < len(self.moves) - 1))
        for tight in (0, 1, 2):
            table = self.table(canvas, flow.width, compact=True, tight=tight)
            if table is None:
                continue
            head, heights = table[3], table[2]
            room = flow.space_left() - head - arrows
            if heights[self.focus] <= room:
                break
        else:
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
        total, draw, _, _ = self.table(canvas, flow.width, first, last, compact=True, tight=tight)
        flow.block(total, draw)
        if last < len(heights):
            flow.text(f"\u2193 {self.tr('more_items', n=len(heights) - last)}", "small", role="secondary")
        return True

    def table(self, canvas, width: int, first: int = 0, last: int | None = None, shares: bool = False,
              compact: bool = False, tight: int = 0):
        """(height, draw, row heights, head height) of the moves `first` to `last` as rows: who and what was
        played, then one column per answer with its count; a split row is tinted and says so in words. None
        when the count columns leave no room. `tight` (big text): the answers' names may take two lines
        above their columns, a name two lines at most (1) or one (2) and what was played one line, shortened
        with "…"."""
        from game.ui.text import shorten

        gap = canvas.metrics.gap
        pad = gap // 4 if compact else gap // 2
        ring = canvas.metrics.focus_width
        names = [self.tr("verdict_coop"), self.tr("verdict_not_coop"), self.tr("verdict_depends")]
        # Each count with its share of the voters beside it ("14  70 %") when there is room.
        share_w = canvas.text_width("100\u00a0%", "small") + gap // 2 if shares else 0
        digits_w = canvas.text_width("000", "body", "bold") + share_w
        if tight:
            head_w = [max(canvas.text_width(word, "small") for word in h.split()) for h in names]
        else:
            head_w = [canvas.text_width(h, "small") for h in names]
        count_w = [max(w, digits_w) + 2 * gap for w in head_w]
        heads = [canvas.wrapped(h, w - 2 * gap, "small") for h, w in zip(names, count_w)]
        small = canvas.line_height("small")
        head_h = max(len(lines) for lines in heads) * small + gap // 2
        name_w = width - sum(count_w) - 2 * (ring + pad)
        # Shortened names need more room than wrapped ones to stay readable (a 4:3 window at 200 % shows
        # one move at a time instead, its name whole).
        if name_w < canvas.metrics.body * (6 if tight else 4):
            return None
        body = canvas.line_height("body")
        rows = []
        for index, move in enumerate(self.moves):
            tally = self.tallies[move.character]
            split = is_split(Verdict(*tally))
            what = self.what_was_played(move)
            if split:
                what = f"{self.tr('verdict_split').upper()} \u2014 {what}"
            if move.character in self.left_out and not any(tally):
                what = f"{self.tr('verdict_left_out').upper()} \u2014 {what}"
            name = self.character_name(move.character)
            name_lines = canvas.wrapped(name, name_w, "body", "bold")
            keep = {1: 2, 2: 1}.get(tight, len(name_lines))
            if len(name_lines) > keep:
                rest = " ".join(name_lines[keep - 1:])
                name_lines = name_lines[:keep - 1] + [shorten(canvas.face("body", "bold"), rest, name_w)]
            after_name = canvas.text_width(name_lines[-1], "body", "bold") + gap
            if len(name_lines) == 1 and after_name + canvas.text_width(what, "small") <= name_w:
                what_lines, beside = [what], after_name   # on the name's line, after it
            elif tight:
                what_lines, beside = [shorten(canvas.face("small"), what, name_w)], 0
            else:
                what_lines, beside = canvas.wrapped(what, name_w, "small"), 0
            height = len(name_lines) * body + (0 if beside else len(what_lines) * small) + 2 * pad
            rows.append((index, tally, "split" if split else "panel", name_lines, what_lines, beside, height))
        heights = [r[-1] + 2 * ring for r in rows]
        rows = rows[first:last]
        total = head_h + sum(r[-1] + 2 * ring for r in rows)

        def draw(rect):
            right = rect.right - ring - pad
            # Above the names: the question when there was no room for the heading, and how many voted on
            # the selected move with its majority (live while the count is typed).
            # Once its tally is recorded, the scenario's own reading of the selected move comes last, and is
            # the last thing given up for room (the question first, then the number of voters).
            parts = [self.tr("verdict_title")] if getattr(self, "question_in_table", False) else []
            voters = self.focused_voters()
            if voters:
                parts += voters.split(" \u00b7 ")
            while len(parts) > 1 and canvas.text_width(" \u00b7 ".join(parts), "small", "bold") > name_w:
                parts.pop(0)
            if parts and canvas.text_width(parts[0], "small", "bold") > name_w:
                parts = []
            if parts:
                canvas.line(" \u00b7 ".join(parts), rect.left + ring + pad, rect.top, "small", style="bold",
                            role="accent", area=rect)
            x = right
            for lines, w in reversed(list(zip(heads, count_w))):
                for number, head in enumerate(lines):
                    canvas.line(head, x - canvas.text_width(head, "small") - gap, rect.top + number * small,
                                "small", role="secondary", area=rect)
                x -= w
            y = rect.top + head_h
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
                total = sum(tally)
                dy = canvas.face("body").get_ascent() - canvas.face("small").get_ascent()
                best = max(tally)
                majority = [i for i in range(3) if tally[i] == best]
                for column in reversed(range(3)):
                    count, w = tally[column], count_w[column]
                    # The majority's count in bold, the others regular: the room sees who leads.
                    style = "bold" if total and len(majority) == 1 and majority[0] == column else "regular"
                    share = f"{round(100 * count / total)}\u00a0%" if total and shares else ""
                    if share:
                        canvas.line(share, x - gap - canvas.text_width(share, "small", style), box.top + pad + dy,
                                    "small", style=style, role="text" if style == "bold" else "secondary",
                                    on=fill, area=box)
                    empty = self.recorded(self.moves[index].character) is None and not (
                        self.typed and index == self.focus and column == self.column)
                    proposal = index == self.focus and (column == 2 and self.completed() is not None or
                                                        self.proposed and column == self.column)
                    text = "\u2014" if empty and not proposal else str(count)   # no vote yet is not a vote of zero
                    if proposal:     # completed from the room's size: in italics until it is recorded
                        style = "italic"
                    canvas.line(text, x - gap - share_w - canvas.text_width(text, "body", style), box.top + pad,
                                "body", style=style, on=fill, area=box)
                    if index == self.focus and column == self.column:
                        # The cell that typed digits go to.
                        cell = pygame.Rect(x - w + gap // 2, box.top + pad // 2, w - gap, body + pad)
                        pygame.draw.rect(canvas.surface, canvas.theme.focus, cell,
                                         width=max(2, canvas.metrics.focus_width // 2),
                                         border_radius=max(2, gap // 3))
                    x -= w
                y += height + 2 * ring

        return total, draw, heights, head_h

    # -- input -------------------------------------------------------------------------
    def record(self, index: int, tally) -> bool:
        move = self.moves[index]
        coop, pas_coop, depends = tally
        return self.play.submit(RecordVerdict(move.character, coop, pas_coop, depends))

    def commit(self, complete: bool = False) -> bool:
        """Record the digits typed in the focused cell (the other answers as the session has them); with
        `complete` (Enter), the last answer completed from the room's size too."""
        rest = self.completed() if complete else None
        self.proposed = False
        if not self.typed and rest is None or not self.moves:
            self.typed = ""
            return True
        character = self.moves[self.focus].character
        tally = list(self.recorded(character) or (0, 0, 0))
        entered = self.entered.setdefault(character, set())
        if self.typed:
            tally[self.column] = int(self.typed)
            entered.add(self.column)
        if rest is not None:
            tally[2] = rest
            entered.add(2)
        self.typed = ""
        return self.record(self.focus, tally)

    def bump(self, which: int, step: int) -> None:
        if not self.moves:
            return
        self.commit()
        self.column = which
        character = self.moves[self.focus].character
        self.entered.setdefault(character, set()).add(which)
        tally = list(self.recorded(character) or (0, 0, 0))
        tally[which] = max(0, min(999, tally[which] + step))
        self.record(self.focus, tally)

    def move_focus(self, index: int) -> None:
        self.commit()
        self.focus = max(0, min(len(self.moves) - 1, index))
        self.column = 0

    def enter(self) -> None:
        """Record what was typed, then the next move still to vote on; when none is left, the debrief.
        Enter on a move with no vote asks first; a second Enter leaves that move without a verdict."""
        if not self.commit(complete=True):
            return
        if not self.moves:
            self.play.advance()
            return
        character = self.moves[self.focus].character
        if self.recorded(character) is None and character not in self.left_out:
            if character not in self.asked:
                self.asked.add(character)
                self.app.notice = self.tr("verdict_empty_ask")
                return
            self.left_out.add(character)
        waiting = [i for i, m in enumerate(self.moves)
                   if self.recorded(m.character) is None and m.character not in self.left_out]
        if waiting:
            later = [i for i in waiting if i > self.focus]
            self.focus = (later or waiting)[0]
            self.column = 0
            return
        self.play.advance()

    def act(self, intent):
        kind = intent.kind
        moves = self.moves
        if self.vote_open:
            # The room votes on phones: Enter or R (résultat) closes the vote (and journals it), S skips it;
            # V keeps its meaning of the keyboard tally (a move out of the vote) once the vote is closed.
            if kind == kinds.CONFIRM or kind == kinds.LETTER and intent.value == "r":
                self.close_vote()
            elif kind == kinds.LETTER and intent.value == "s":
                self.play.submit(SkipVerdicts())
            else:
                return False
            return True
        if not moves:
            if kind == kinds.CONFIRM:
                self.play.advance()
                return True
            return False
        if self.sizing is not None:
            return self.size_room(intent)
        advanced, self.advanced = self.advanced, False
        if kind in (kinds.UP, kinds.DOWN):
            self.move_focus(self.focus + (-1 if kind == kinds.UP else 1))
        elif kind == kinds.HOME:
            self.move_focus(0)
        elif kind == kinds.END:
            self.move_focus(len(moves) - 1)
        elif kind in (kinds.PAGE_UP, kinds.PAGE_DOWN):
            self.move_focus(self.focus + (-4 if kind == kinds.PAGE_UP else 4))
        elif kind in (kinds.NEXT, kinds.SPACE) and advanced:
            pass             # the count was whole and the cell moved on by itself: this key is that move
        elif kind in (kinds.NEXT, kinds.PREVIOUS, kinds.SPACE):
            self.next_column(-1 if kind == kinds.PREVIOUS else 1)
        elif kind == kinds.DIGIT:
            if self.proposed:
                self.typed, self.proposed = "", False
            if len(self.typed) < 3:
                self.typed = (self.typed + str(intent.value)).lstrip("0") or "0"
            if self.column < 2 and self.whole():
                self.next_column(1)
                self.advanced = True
        elif kind in (kinds.PLUS, kinds.MINUS):
            self.bump(self.column, 1 if kind == kinds.PLUS else -1)
        elif kind == kinds.LETTER and intent.value in ANSWERS:
            self.bump(ANSWERS[intent.value], -1 if intent.shift else 1)
        elif kind == kinds.LETTER and intent.value == "n":
            self.commit()
            self.sizing = ""
        elif kind == kinds.ERASE:
            if self.proposed:
                self.typed, self.proposed = "", False
            elif self.typed:
                self.typed = self.typed[:-1]
            elif self.recorded(moves[self.focus].character) not in (None, (0, 0, 0)):
                self.record(self.focus, (0, 0, 0))
                self.entered.pop(moves[self.focus].character, None)   # typed afresh: completed again
            else:
                return False
        elif kind == kinds.LETTER and intent.value == "v":
            # Vote on selected moves only: V takes this move out of the vote, or puts it back.
            character = moves[self.focus].character
            self.commit()
            self.left_out.symmetric_difference_update({character})
        elif kind == kinds.LETTER and intent.value == "s":
            # On to the debrief now: with the tallies recorded so far, or none (the vote skipped).
            self.commit()
            if any(self.recorded(m.character) is not None for m in moves):
                self.play.advance()
            else:
                self.play.submit(SkipVerdicts())
        elif kind == kinds.CONFIRM:
            self.enter()
        else:
            return False
        return True

    def next_column(self, step: int) -> None:
        """Record what was typed and go to the next (or previous) answer of the move; into a last answer
        completed from the room, which stays proposed (Enter records it, a digit replaces it)."""
        rest = self.completed()
        self.commit()
        self.column = (self.column + step) % 3
        if rest is not None and self.column == 2:
            self.typed, self.proposed = str(rest), True

    def whole(self) -> bool:
        """The count being typed can take no other digit: "0", or ten times it is more than the room has
        left once this move's other answers are counted (20 people, 14 COOP: "3" is whole, "1" is not).
        Without a room size a count is whole only at Space or Enter."""
        if self.room is None or not self.typed or not self.moves:
            return False
        character = self.moves[self.focus].character
        tally = list(self.recorded(character) or (0, 0, 0))
        others = sum(tally[i] for i in self.entered.get(character, ()) if i != self.column)
        return self.typed == "0" or int(self.typed) * 10 > self.room - others

    def size_room(self, intent) -> bool:
        """N, then the number of people who vote, Enter (Esc: unchanged; Enter on nothing: no size, so
        nothing is completed any more)."""
        if intent.kind == kinds.DIGIT:
            if len(self.sizing) < 3:
                self.sizing = (self.sizing + str(intent.value)).lstrip("0")
        elif intent.kind == kinds.ERASE:
            self.sizing = self.sizing[:-1]
        elif intent.kind == kinds.CONFIRM:
            wanted = int(self.sizing) if self.sizing else None
            self.sizing = None
            if wanted != self.room and not self.play.submit(SetRoomSize(wanted)):
                return True          # refused: the engine's reason is the notice, the size unchanged
            self.app.notice = (self.tr("verdict_room_set", n=self.room) if self.room is not None
                               else self.tr("verdict_room_unset"))
        elif intent.kind == kinds.BACK:
            self.sizing = None
        else:
            return False
        return True

    def click(self, target):
        if isinstance(target, tuple) and target[0] == "verdict":
            self.move_focus(target[1])

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
                if not self.record(index, (command.coop, command.pas_coop, command.depends)):
                    return
                command = bot.next_command(self.scenario, self.state)
            self.focus = 0
            self.filled = True
        else:
            self.play.advance()
