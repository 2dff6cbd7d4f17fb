"""End screen (bilan), in pages: the ending, the indicators chart, the posture paths, the lifting of
secrets, then the final debrief - its phases in the debrief's order, one page each (the final prompts,
one per phase by default, Q for the rest; the split verdicts in its `faits`; the `transfert` steps out
of the roles), with the large timer and the notes (N, journaled: AddFinalNote) - and the export of the
report. The room's commitments (C), the workshop's place (L) and facilitator (A) are typed here,
journaled, and lead the report."""

from __future__ import annotations

import pygame

from game.engine import AddCommitment, AddFinalNote, SetWorkshop, end
from game.ui import chart
from game.ui import intents as kinds
from game.ui.scenes.debrief import DebriefPage
from game.ui.scenes.game_base import GameScene
from game.ui.widgets import TextEntry, draw_entry

# Key → what its text entry holds.
ENTRY_KEYS = {"c": "commitment", "l": "place", "a": "facilitator", "n": "note"}

# The bilan's own pages; the final debrief's (one per phase, "final_<phase>") follow them. The secrets are
# lifted after the paths: what each one wanted, then "what would it have changed?".
BILAN_PAGES = ("ending", "chart", "paths", "secrets")
FINAL = "final_"


class EndScene(DebriefPage, GameScene):
    name = "end"
    phase_key = "phase_end"
    offers_end_early = False    # the game is over

    def __init__(self, app, play):
        super().__init__(app, play)
        self.view = end(self.scenario, self.state)
        self.page = 0
        self.exported: list[str] = []
        self.export_error = ""
        self.entry: TextEntry | None = None
        self.entry_kind = "commitment"

    @property
    def wants_text(self):
        return self.entry is not None

    @property
    def steps(self):
        """The final debrief's phases: one prompt each, or with Q every final prompt."""
        return self.view.final_every_phase if self.more else self.view.final_phases

    @property
    def pages(self) -> tuple[str, ...]:
        return BILAN_PAGES + tuple(FINAL + phase for phase, _ in self.steps)

    @property
    def final_phase(self):
        """The final debrief's phase on show, or None on the bilan's own pages."""
        page = self.pages[min(self.page, len(self.pages) - 1)]
        return page[len(FINAL):] if page.startswith(FINAL) else None

    @property
    def timer_on_show(self) -> bool:
        return self.final_phase is not None

    @property
    def takes_commitments(self) -> bool:
        return True     # C, anywhere in the bilan

    def header(self):
        return self.where([self.tr("end_page", index=self.page + 1, count=len(self.pages))])

    def where(self, page: list[str]) -> list[str]:
        """The title, "Bilan" and the page; on the final debrief's pages "Débrief final · Analyse" first (the
        one-column layout has no heading; a header too long for the window loses its last parts)."""
        if self.final_phase is None:
            return [self.scenario.title, self.tr("phase_end")] + page
        return [self.tr("final_debrief"), self.tr("phase_" + self.final_phase)] + page + [self.scenario.title]

    def footer(self):
        if self.entry is not None:
            return [self.tr("notes_entry" if self.entry_kind == "note" else "entry_" + self.entry_kind)]
        if self.final_phase is not None:    # the debrief's keys first; C, L, A and Esc are in the help
            more = self.more_hint(self.view.final_hidden)
            return ([more] if more else []) + [self.tr("timer_hint"), self.tr("notes_hint"), self.tr("end_export"),
                                               self.tr("key_help")]
        return [self.tr("end_export"), self.tr("end_workshop_keys"), self.tr("end_quit"), self.tr("key_help")]

    def help_lines(self):
        """The keys that work here: T and + on the final debrief's pages (where its timer shows), Q when the
        final debrief leaves prompts for it (one a phase)."""
        lines = [self.tr("end_export"), self.tr("end_workshop_keys")]
        if self.timer_on_show:
            lines.append(self.tr("timer_hint"))
        lines.append(self.tr("notes_hint"))
        if self.view.final_hidden:
            lines.append(self.tr("final_prompts_hint"))
        return lines + [self.tr("end_quit")]

    def shot_suffix(self):
        return self.pages[self.page]

    def draw_body(self, canvas, flow):
        page = self.pages[min(self.page, len(self.pages) - 1)]
        if self.final_phase is not None:     # the timer, the entry and the notes beside
            return self.draw_final(canvas, flow, self.final_phase)
        for line in self.export_lines():
            flow.text(line, "small", style="bold")
            flow.gap()
        if self.entry is not None:
            flow.text(self.tr("notes_entry" if self.entry_kind == "note" else "entry_" + self.entry_kind),
                      "small", style="bold")
            draw_entry(canvas, flow, self.entry, True)
            flow.gap()
        getattr(self, "draw_" + page)(canvas, flow)
        return None

    def export_lines(self) -> list[str]:
        """Where the report was written, or why it was not."""
        if self.exported:
            # One line for the three files: the first path, then the other files' extensions.
            others = " · ".join(path[path.rfind("."):] for path in self.exported[1:])
            return [self.tr("end_exported", path=f"{self.exported[0]} · {others}" if others else self.exported[0])]
        if self.export_error:
            return [self.tr("end_export_failed", error=self.export_error)]
        return []

    def draw_final(self, canvas, flow, phase: str):
        """A page of the final debrief: like a round's, its `faits` the moves the room was split on."""
        texts = dict(self.steps)[phase]
        heading = f"{self.tr('final_debrief')} · {self.tr('phase_' + phase)}"
        facts = self.split_lines() if phase == "faits" else []
        return self.draw_debrief(canvas, flow, heading, phase, texts, facts, self.state.final_notes,
                                 self.export_lines())

    def draw_ending(self, canvas, flow):
        ending = self.view.ending
        if ending is not None:
            flow.text(ending.title, "title", style="bold", role="accent")
            flow.gap()
            flow.text(self.view.ending_text)
        else:
            flow.text(self.tr("end_title"), "title", style="bold", role="accent")
            flow.gap()
            flow.text(self.tr("end_no_ending"))
        flow.gap()
        if self.state.ended_early:
            flow.text(self.tr("end_ended_early", n=len(self.state.history), rounds=self.state.setup.rounds),
                      "body", style="bold")
            flow.gap()
        if self.state.place or self.state.facilitator:
            flow.text(self.tr("end_workshop", place=self.state.place or "\u2014",
                              facilitator=self.state.facilitator or "\u2014"), "small", role="secondary")
            flow.gap()
        if self.state.commitments:
            flow.text(self.tr("end_commitments"), "body", style="bold")
            for commitment in self.state.commitments:
                flow.text(f"\u2022 {commitment}", hanging=canvas.metrics.gap * 2)
            flow.gap()
        series = self.view.series
        self.board(flow, {i: v[-1] for i, v in series.items()}, {i: v[0] for i, v in series.items()})

    def picture_heading(self, canvas, flow, title: str, need: int, hint: str = "") -> None:
        """A picture page's title (and its hint) in body size when `need` still fits below them, else in
        small letters, then without the hint: at 200 % on a small window the chart and the paths kept to
        their title on the page's first screen."""
        small, gap = canvas.line_height("small"), canvas.metrics.gap

        def height(kind: str, with_hint: bool) -> int:
            lines = len(canvas.wrapped(title, flow.width, kind, "bold")) * canvas.line_height(kind)
            return lines + (len(canvas.wrapped(hint, flow.width, "small")) * small if with_hint else 0) + gap

        tiers = [("body", bool(hint)), ("small", bool(hint)), ("small", False)]
        kind, with_hint = next(((k, h) for k, h in tiers if flow.space_left() - height(k, h) >= need), tiers[-1])
        flow.text(title, kind, style="bold")
        if with_hint:
            flow.text(hint, "small", role="secondary")
        flow.gap()

    def draw_chart(self, canvas, flow):
        minimum = canvas.line_height("small") * 4
        self.picture_heading(canvas, flow, self.tr("end_chart"), minimum)
        series = [(i.label, self.view.series[i.id], i.min, i.max) for i in self.scenario.indicators]
        height = max(minimum, flow.space_left())

        def label(index: int) -> str:
            return self.tr("chart_start") if index == 0 else self.tr("round_short", n=index)

        def short(index: int) -> str:
            return self.tr("chart_start") if index == 0 else str(index)

        flow.block(height, lambda r: chart.line_chart(canvas, r, series, label, short))

    def draw_paths(self, canvas, flow):
        played = len(self.state.history)
        characters = list(self.state.setup.characters)
        gap, small = canvas.metrics.gap, canvas.line_height("small")
        # Four to a row on a 4:3 projector too when there are more than four: two rows of cells tall
        # enough for their dots (four rows of 2 left them empty at 1024x768).
        columns = 4 if canvas.metrics.wide or len(characters) > 4 else 2
        columns = min(columns, max(1, len(characters)))
        rows = -(-len(characters) // columns)
        # A cell shows its dots only with room for its name, "je … nous" and a row per round between them.
        least = 2 * small + 3 * gap + max(small, played * max(6, small // 8))
        # Which way time runs in each small picture.
        hint = self.tr("end_paths_hint_early" if self.state.ended_early else "end_paths_hint", last=played)
        self.picture_heading(canvas, flow, self.tr("end_paths"), rows * least + gap * (rows - 1), hint)
        height = flow.space_left() - small * 2
        cell_h = max(small * 3, (height - gap * (rows - 1)) // rows)
        cell_w = (flow.width - gap * (columns - 1)) // columns

        def paint(rect, first=0, count=rows, cell_h=cell_h):
            for index, ident in enumerate(characters[first * columns:(first + count) * columns]):
                row, col = divmod(index, columns)
                cell = pygame.Rect(rect.left + col * (cell_w + gap), rect.top + row * (cell_h + gap), cell_w, cell_h)
                # A posture à débattre (no coop value) sits in the middle of the je → nous path.
                coops = [self.scenario.posture(p).coop or 0 for p in self.view.posture_paths.get(ident, ())]
                chart.posture_path(canvas, cell, self.character_name(ident), coops, self.tr)

        if cell_h >= least or rows == 1:
            flow.block(rows * cell_h + gap * (rows - 1), paint)
            return
        # Big text: one block a row, each tall enough for its dots; the rows below scroll into view.
        row_h = max(least, min(flow.space_left(), height // rows))
        for row in range(rows):
            flow.block(row_h, lambda rect, row=row: paint(rect, row, 1, row_h))
            flow.gap(gap)

    def draw_secrets(self, canvas, flow):
        """The lifting of secrets: each character's hidden agenda, then the question it opens."""
        flow.text(self.tr("end_secrets"), "body", style="bold")
        flow.gap()
        for ident in self.state.setup.characters:
            character = self.scenario.character(ident)
            flow.text(f"{self.character_name(ident)} ({self.team_text(ident)})", "body", style="bold")
            secret = getattr(character, "secret", None)
            flow.text(secret if secret else self.tr("end_no_secret"), role="text" if secret else "secondary",
                      hanging=canvas.metrics.gap * 2)
            flow.gap()
        question = self.tr("end_secrets_question")
        flow.text(f"« {question} »" if self.app.language == "fr" else f"\u201c{question}\u201d", style="bold")

    def split_lines(self) -> list[str]:
        """The facts of the final debrief: the moves the room was split on, with their counts."""
        lines = [self.tr("end_splits")]
        if not self.view.split_moves:
            lines.append(self.tr("end_no_splits"))
        for split in self.view.split_moves:
            v = split.verdict
            # Each count stays whole with its answer ("pas COOP 3" never split over two lines).
            counts = ", ".join(f"{self.tr(key)} {n}".replace(" ", "\u00a0") for key, n in (
                ("verdict_coop", v.coop), ("verdict_not_coop", v.pas_coop), ("verdict_depends", v.depends)))
            lines.append(f"{self.tr('round_short', n=split.round)} · "
                         f"{self.character_name(split.character)} · {self.scenario.posture(split.posture).label}"
                         f" · {self.action_title(split.action)} \u2014 {counts}")
        return lines

    def export(self) -> None:
        """Write the md and html reports into the data folder's reports/ and show where."""
        try:
            from game.session.report import write_reports

            paths = write_reports(self.play.session, self.app.language)
            self.exported = [str(p) for p in paths]
            self.export_error = ""
        except Exception as error:  # an export that fails must not end the workshop
            self.export_error = error.message(self.app.language) if hasattr(error, "code") else str(error)

    def open_entry(self, kind: str) -> None:
        """A text field for a commitment, or the place or facilitator (offered as last typed, from the settings)."""
        settings = getattr(self.app, "settings", None)
        value = ""
        if kind == "place":
            value = self.state.place or getattr(settings, "place", "")
        elif kind == "facilitator":
            value = self.state.facilitator or getattr(settings, "facilitator", "")
        self.entry = TextEntry(value, max_length=1000 if kind in ("commitment", "note") else 200)
        self.entry_kind = kind
        self.app.show(self)

    def save_entry(self) -> None:
        text = self.entry.value.strip() if self.entry else ""
        kind = self.entry_kind
        if kind == "commitment":
            done = not text or self.play.submit(AddCommitment(text))
        elif kind == "note":    # the final debrief's, journaled
            done = not text or self.play.submit(AddFinalNote(text))
        else:
            place = text if kind == "place" else self.state.place
            facilitator = text if kind == "facilitator" else self.state.facilitator
            done = self.play.submit(SetWorkshop(place, facilitator))
            settings = getattr(self.app, "settings", None)
            if done and settings is not None and hasattr(self.app, "change_settings"):
                self.app.change_settings(settings._replace(**{kind: text}))   # remembered for the next workshop
        if done:
            self.entry = None
            self.app.show(self)

    def handle(self, event):
        if self.entry is not None:
            done = kinds.entry_intent(event)
            if done == kinds.CONFIRM:
                self.save_entry()
            elif done == kinds.BACK:
                self.entry = None
                self.app.show(self)
            else:
                self.entry.handle(event)
            return
        super().handle(event)

    def act(self, intent):
        kind = intent.kind
        if kind == kinds.LETTER and intent.value in ENTRY_KEYS:
            self.open_entry(ENTRY_KEYS[intent.value])
        elif kind == kinds.LETTER and intent.value == "t" and self.timer_on_show:
            self.timer.toggle(self.now())
        elif kind == kinds.PLUS and self.timer_on_show:
            self.timer.add_minute(self.now())     # at 0:00: one minute from now
        elif kind == kinds.LETTER and intent.value == "q" and self.view.final_hidden:
            self.toggle_more()
        elif kind in (kinds.NEXT, kinds.CONFIRM, kinds.SPACE):
            if self.page == len(self.pages) - 1:
                return False        # the last page: nothing further (the app says so)
            self.page += 1
            self.scroll = 0
        elif kind == kinds.PREVIOUS:
            if self.page == 0:
                return False
            self.page -= 1
            self.scroll = 0
        elif kind == kinds.LETTER and intent.value == "e":
            self.export()
        elif kind == kinds.BACK:
            from game.ui.scenes.title import TitleScene

            self.play.close()
            self.app.play = None
            self.app.show(TitleScene(self.app))
        else:
            return False
        return True

    def toggle_more(self) -> None:
        """Q: every final prompt, or one a phase again (on the nearest page at or before the one on show)."""
        current = self.pages[self.page]
        self.more = not self.more
        pages = self.pages
        if current not in pages:
            order = [FINAL + phase for phase, _ in self.view.final_every_phase]
            self.page = max(i for i, p in enumerate(pages) if p in BILAN_PAGES or order.index(p) <= order.index(current))
        self.app.show(self)

    def bot_step(self, bot):
        if self.page < len(self.pages) - 1:
            self.page += 1
        else:
            self.export()
            bot.finished = True
