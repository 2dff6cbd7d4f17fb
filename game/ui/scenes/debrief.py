"""Debrief of a round: its phases in order with their prompts, the round's facts, a large timer, the notes.

The prompts are the engine's ration (`debrief(...).phases`: at most three, triggered ones first, then
the round's, then the every-round ones in turn); Q shows every prompt (`every_phase`) and back. The
`transfert` phase opens by stepping out of the roles."""

from __future__ import annotations

import pygame

from game.engine import AddCommitment, AddNote, ShowDebriefPhase, debrief
from game.ui import graphics
from game.ui.scenes.base import monotonic_ms
from game.ui import intents as kinds
from game.ui.scenes.game_base import GameScene
from game.ui.timer import Countdown
from game.ui.widgets import TextEntry, draw_entry


# Kept under its old name for the callers of the first edition.
DebriefTimer = Countdown


class DebriefPage:
    """What a round's debrief and the final debrief (the bilan's last pages) share: the large countdown kept
    beside the session ("T", "+" a minute), a phase's page (its facts, the transfert's step out of the
    roles, its prompts, the notes and the room's commitments beside), the key that shows every prompt."""

    show_notes = True       # the facilitator's notes: the laptop's, never the wall's
    more = False            # every prompt (Q) rather than the ration
    _shown_seconds = None

    @property
    def timer(self) -> Countdown:
        """This debrief's countdown, kept beside the session: every display shows the same one."""
        return self.play.shared.timer_for(self.state)

    @property
    def timer_on_show(self) -> bool:
        """Whether the countdown is on screen (the bilan shows it on its debrief pages only)."""
        return True

    def more_hint(self, hidden: int) -> str:
        """"+2 autres questions (touche Q)", or how to come back to the ration; "" when nothing is left out."""
        if not hidden:
            return ""
        if self.more:
            return self.tr("prompts_fewer")
        return self.tr("prompts_more_one" if hidden == 1 else "prompts_more", n=hidden)

    # -- time ------------------------------------------------------------------------
    def now(self) -> int:
        return monotonic_ms()

    def next_wakeup(self, now_ms):
        if not self.timer_on_show or not self.timer.running or self.timer.remaining(now_ms) == 0:
            return None
        return self.timer.remaining(now_ms) % 1000 + 1

    def tick(self, now_ms):
        if not self.timer_on_show:
            return False
        if self.timer.due_cue(now_ms) and getattr(self.app.settings, "sound", True):
            from game.ui.sound import cue

            cue()
        seconds = self.timer.text(now_ms)
        if seconds != self._shown_seconds:
            return True
        return False

    def draw_timer(self, canvas, flow, sizes=("huge", "title", "body", "small"), most_height: int = 0) -> None:
        """The countdown in the largest of `sizes` whose box fits the column's width (and, if given, is at most
        `most_height` tall: on one column, big text, the prompts keep their room below)."""
        now = self.now()
        text = self.timer.text(now)
        self._shown_seconds = text
        done = self.timer.remaining(now) == 0
        pad = canvas.metrics.gap
        # The largest size at which the icon, the widest time ("00:00", more with an added hour) and the
        # box's margins fit the column whole: the time is never cut ("06:0…").
        zeros = "".join("0" if c.isdigit() else c for c in text)
        for size in sizes:
            lh = canvas.line_height(size)
            wide = max(canvas.text_width(zeros, size, "bold"), canvas.text_width(text, size, "bold"))
            if 3 * pad + 2 * (lh // 3) + wide <= flow.width and (not most_height or lh + 2 * pad <= most_height):
                break
        # Under the time, in words, whether it runs: the room cannot see a clock that is not moving.
        state = ("timer_done" if done else "timer_running" if self.timer.running
                 else "timer_paused" if self.timer.elapsed_ms else "timer_ready")
        if getattr(self, "on_wall", False):
            state += "_wall"     # the same words without the laptop's key
        state_lines = canvas.wrapped(self.tr(state), flow.width - 2 * pad, "small", "bold")
        extra = len(state_lines) * canvas.line_height("small")
        # On one column (the height is counted) the words go beside the time: one line less to scroll.
        time_right = 3 * pad + 2 * (lh // 3) + max(canvas.text_width(zeros, size, "bold"),
                                                   canvas.text_width(text, size, "bold"))
        beside = (bool(most_height) and len(state_lines) == 1
                  and time_right + canvas.text_width(state_lines[0], "small", "bold") + pad <= flow.width)
        if beside:
            extra = 0

        def paint(rect):
            fill = "split" if done else "panel"
            box = rect
            canvas.panel(box, fill)
            if done:  # the cue at zero: a thick frame and the words, no sound
                pygame.draw.rect(canvas.surface, canvas.theme.text, box, width=canvas.metrics.focus_width * 2)
            radius = lh // 3
            graphics.timer_icon(canvas.surface, canvas.theme.text, (box.left + pad + radius, box.top + pad + lh // 2),
                                radius, max(2, radius // 5))
            canvas.line(text, box.left + 2 * pad + 2 * radius, box.top + pad, size, style="bold", on=fill, area=box)
            if beside:
                canvas.line(state_lines[0], box.left + time_right, box.top + pad + lh - canvas.line_height("small"),
                            "small", style="bold", on=fill, area=box)
                return
            y = box.top + pad + lh
            for line in state_lines:
                canvas.line(line, box.left + pad, y, "small", style="bold", on=fill, area=box)
                y += canvas.line_height("small")

        flow.block(lh + extra + 2 * pad, paint, keep=True)

    def draw_debrief(self, canvas, flow, heading: str, phase: str, texts, facts: list[str], notes, lead=()):
        """One phase's page: `lead` (a notice, small), `heading` ("Débrief · Analyse"), the facts (lines), the
        prompts; the timer, the text entry, the last notes and, where they are typed, the commitments beside."""
        main, side = self.columns(canvas, flow, side_share=0.3)
        for line in lead:
            main.text(line, "small", style="bold")
            main.gap()
        if side is main:
            # One column (4:3, big text): the timer first and smaller, so that it always shows, whatever
            # scrolls below; the header already names the phase.
            self.draw_timer(canvas, main, ("title", "body", "small"), most_height=main.area.height // 5)
            main.gap()
        if side is not main:
            main.text(heading, "title", style="bold", role="accent")
            main.gap()
        if phase == "transfert":
            # Out of the game first: the room speaks of its own neighbourhoods and jobs, not its characters'.
            # (Smaller on one column - a 4:3 projector, big text - so that the question shows beneath it.)
            main.text(self.tr("transfert_step_out"), "small" if side is main else "body", style="bold",
                      role="accent")
            main.gap()
        for line in facts:
            main.text(line, hanging=canvas.metrics.gap * 2)
        if facts:
            main.gap()
        for text in texts:
            main.text(f"« {text} »" if self.app.language == "fr" else f"\u201c{text}\u201d", style="bold")
            main.gap()
        if side is main:
            main.gap()
        else:
            self.draw_timer(canvas, side)
            side.gap()
        if self.entry is not None:
            side.text(self.tr("notes_entry" if self.entry_kind == "note" else "entry_" + self.entry_kind), "small")
            draw_entry(canvas, side, self.entry, True)
        notes = notes if self.show_notes else ()
        for note in notes[-3:]:
            side.text(f"\u2014 {note}", "small", role="secondary")
        if self.takes_commitments and self.state.commitments:
            side.gap()
            side.text(self.tr("end_commitments"), "small", style="bold")
            for commitment in self.state.commitments[-2:]:
                side.text(f"\u2022 {commitment}", "small")
        return main


class DebriefScene(DebriefPage, GameScene):
    name = "debrief"
    phase_key = "phase_debrief"

    def __init__(self, app, play):
        super().__init__(app, play)
        self.view = debrief(self.scenario, self.state)
        # A resumed game comes back to the phase that was on show (journaled), else the first one.
        self.entry: TextEntry | None = None
        self.entry_kind = "note"           # or "commitment" (C, in the "et après ?" phase)
        # Every prompt (Q) rather than the ration; a resumed game on a phase only Q shows comes back to it.
        recorded = self.state.current.debrief_phase
        self.more = recorded is not None and recorded not in [p for p, _ in self.view.phases]

    @property
    def steps(self):
        """The phases walked through: the ration's, or with Q every prompt's."""
        return self.view.every_phase if self.more else self.view.phases

    @property
    def index(self) -> int:
        """The phase on show: the session's (journaled), so every display and a resumed game agree."""
        shown = [phase for phase, _ in self.steps]
        recorded = self.state.current.debrief_phase
        return shown.index(recorded) if recorded in shown else 0

    @property
    def wants_text(self):
        return self.entry is not None

    @property
    def phase(self) -> str:
        return self.steps[self.index][0]

    def header(self):
        phase = self.tr("phase_" + self.phase)
        return [self.round_text(), self.tr("phase_debrief"),
                self.tr("debrief_phase_of", phase=phase, index=self.index + 1, count=len(self.steps))]

    @property
    def takes_commitments(self) -> bool:
        """The room's commitments are typed in the "et après ?" phase, or in the last debrief of the game."""
        final = self.state.round >= self.state.final_round
        return self.phase == "et_apres" or (final and self.index == len(self.steps) - 1)

    def footer(self):
        if self.entry is not None:
            return [self.tr("notes_entry" if self.entry_kind == "note" else "entry_commitment")]
        last = self.index == len(self.steps) - 1
        final = self.state.round >= self.state.final_round
        move_on = "debrief_next" if not last else "debrief_end" if final else "debrief_last"
        more = self.more_hint(self.view.hidden)
        keys = [self.tr(move_on)] + ([more] if more else []) + [
            self.tr("timer_hint"), self.tr("notes_hint")]
        if last and self.end_early_available() and (self.state.ended_early or not final):
            keys.insert(1, self.end_early_hint())     # before the next round: the moment to decide
        if self.takes_commitments:
            keys.append(self.tr("commitment_hint"))
        return keys + [self.tr("key_help")]

    def help_lines(self):
        lines = [self.tr("debrief_next"), self.tr("timer_hint"), self.tr("notes_hint")]
        if self.view.hidden:            # Q: only when the ration leaves prompts for it
            lines.append(self.tr("prompts_hint"))
        if self.takes_commitments:      # C works here (the footer says so too)
            lines.append(self.tr("commitment_hint"))
        return lines + [self.tr("key_back")]

    def shot_suffix(self):
        return self.phase

    # -- drawing -----------------------------------------------------------------------
    def facts_lines(self) -> list[str]:
        """What changed first (so that it shows on a 4:3 screen with eight teams), then why: the events and
        synergies, then each move with the room's answer on its own line."""
        facts = self.view.facts
        lines = []
        # The same numbers as the effects screen: after the events, before -> after the moves and synergies.
        for fact in facts.indicators:
            if fact.after != fact.after_events:
                lines.append(self.tr("labelled", label=self.scenario.indicator(fact.indicator).label,
                                     text=graphics.change_text(fact.after_events, fact.after)))
        for ident in facts.events:
            event = next(e for e in self.scenario.events if e.id == ident)
            lines.append(self.tr("event", title=event.title))
        log = next((r for r in self.state.log if r.number == facts.number), None)
        for ident in (log.synergies if log else ()):
            synergy = next(s for s in self.scenario.synergies if s.id == ident)
            lines.append(self.tr("labelled", label=self.tr("synergies"), text=synergy.text))
        for move in facts.moves:
            what = f"{self.scenario.posture(move.posture).label} · {self.action_title(move.action)}"
            tally = log.verdicts.get(move.character) if log else None
            if tally is not None and tally.total:
                counts = " · ".join(f"{self.tr(key)}\u00a0{n}" for key, n in (
                    ("verdict_coop", tally.coop), ("verdict_not_coop", tally.pas_coop),
                    ("verdict_depends", tally.depends)))
                what = f"{what} \u2014 {counts}"
            lines.append(self.tr("labelled", label=self.character_name(move.character), text=what))
        return lines

    def draw_body(self, canvas, flow):
        phase, texts = self.steps[self.index]
        heading = f"{self.tr('phase_debrief')} · {self.tr('phase_' + phase)}"
        facts = self.facts_lines() if phase == "faits" else []
        return self.draw_debrief(canvas, flow, heading, phase, texts, facts, self.state.current.notes)

    # -- input -----------------------------------------------------------------------------
    def show_phase_at(self, index: int) -> None:
        """Move to another debrief phase through the session, so that a resumed game comes back to it."""
        if self.play.submit(ShowDebriefPhase(self.steps[index][0])):
            self.scroll = 0

    def toggle_more(self) -> None:
        """Q: every prompt, or back to the ration (on its nearest phase at or before the one on show)."""
        if not self.view.hidden:
            return
        current = self.phase
        self.more = not self.more
        shown = [phase for phase, _ in self.steps]
        if current not in shown:
            order = [phase for phase, _ in self.view.every_phase]
            before = [phase for phase in shown if order.index(phase) <= order.index(current)]
            self.show_phase_at(shown.index(before[-1] if before else shown[0]))
        self.app.show(self)

    def next(self) -> None:
        if self.index < len(self.steps) - 1:
            self.show_phase_at(self.index + 1)
        else:
            self.play.advance()

    def back(self) -> bool:
        if self.index > 0:
            self.show_phase_at(self.index - 1)
            return True
        return False

    def save_note(self) -> None:
        text = self.entry.value.strip() if self.entry else ""
        command = AddNote(text) if self.entry_kind == "note" else AddCommitment(text)
        if not text or self.play.submit(command):
            self.entry = None
            self.app.show(self)

    def handle(self, event):
        if self.entry is not None:
            done = kinds.entry_intent(event)
            if done == kinds.CONFIRM:
                self.save_note()
            elif done == kinds.BACK:
                self.entry = None
                self.app.show(self)
            else:
                self.entry.handle(event)
            return
        super().handle(event)

    def act(self, intent):
        kind = intent.kind
        if kind in (kinds.CONFIRM, kinds.NEXT):
            self.next()
        elif kind in (kinds.PREVIOUS, kinds.ERASE):
            return self.back()
        elif kind == kinds.LETTER and intent.value == "t":
            self.timer.toggle(self.now())
        elif kind == kinds.PLUS:
            self.timer.add_minute(self.now())     # at 0:00: one minute from now
        elif kind == kinds.LETTER and intent.value == "q":
            self.toggle_more()
        elif kind == kinds.LETTER and (intent.value == "n" or intent.value == "c" and self.takes_commitments):
            self.entry = TextEntry(max_length=1000)
            self.entry_kind = "note" if intent.value == "n" else "commitment"
            self.app.show(self)
        else:
            return False
        return True

    def bot_step(self, bot):
        self.next()
