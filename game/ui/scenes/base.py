"""What every screen shares: the header (where the room is), the footer (which key moves on), scrolling."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Optional

import pygame

from game.ui import intents as kinds
from game.ui.canvas import Canvas, Flow
from game.ui.intents import Intent, Translator
from game.ui.strings import TR

if TYPE_CHECKING:
    from game.ui.shell import App


def monotonic_ms() -> int:
    """The clock of timers and wake-ups. Not pygame.time.get_ticks(): it stays at 0 unless pygame.init()
    started SDL's timer, which `coop play` does not do (it opens only the display and fonts)."""
    return time.monotonic_ns() // 1_000_000


def footer_wrap(canvas: Canvas, hints: list[str], width: int) -> list[str]:
    """The key hints as lines, each "key : what it does" kept whole on one line when it fits (a line never
    ends with "Retour" and the next begins with "arrière : zéro")."""
    units = [unit for hint in hints for unit in hint.split(" \u00b7 ")]
    lines: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current} \u00b7 {unit}" if current else unit
        if canvas.text_width(candidate, "small") <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        *whole, current = canvas.wrapped(unit, width, "small")
        lines.extend(whole)
    if current:
        lines.append(current)
    # The same French typography as any wrapped text (no line break before ":").
    return [line for text in lines for line in canvas.wrapped(text, width, "small")] or [""]


class Scene:
    """A screen. Subclasses fill `draw_body`, `handle` and, for autoplay, `bot_step`."""

    name = "scene"          # used in screenshot names
    wants_text = False      # True while a text entry has the keyboard

    def __init__(self, app: "App"):
        self.app = app
        self.scroll = 0
        self._overflow = False
        self._units = 0
        self._stack = False     # columns did not fit side by side: stack them in one scrolling flow
        self._side = None
        self._continued: set[int] = set()   # blocks that go on a paragraph, in the last frame
        self._sentences: set[int] = set()   # ... and of those, the ones that begin a sentence
        self._layout = None                 # (window size, body size, width) of the last frame
        self._scrolled_in = None            # the layout a scroll into a long paragraph was made in

    # -- words ---------------------------------------------------------------
    def tr(self, key: str, **values) -> str:
        return TR(self.app.language, key, **values)

    def header(self) -> list[str]:
        """Where the room is: shown at the top of the screen, e.g. ["Tour 2 / 5", "Situation"]."""
        return [self.tr("app_title")]

    def footer(self) -> list[str]:
        """The keys that move on, shown at the bottom."""
        return [self.tr("key_continue")]

    def help_lines(self) -> list[str]:
        """This screen's own keys, listed by the help overlay."""
        return self.footer()

    def shot_suffix(self) -> str:
        return ""

    # -- time ------------------------------------------------------------------
    def next_wakeup(self, now_ms: int) -> Optional[int]:
        """Milliseconds until this screen needs a redraw on its own (a running timer), or None."""
        return None

    def tick(self, now_ms: int) -> bool:
        return False

    # -- input -----------------------------------------------------------------
    def act(self, intent: Intent):
        """One intent (game.ui.intents); False when it means nothing on this screen (the app then
        scrolls, or says the key does nothing here). Anything else means it was taken."""
        return False

    def handle(self, event: pygame.event.Event) -> None:
        """A raw event: the screens with a text entry read them while it is open; otherwise its intents."""
        for intent in Translator().translate(event):
            self.act(intent)

    def click(self, target: object) -> None:
        pass

    def hover(self, target: object) -> bool:
        return False

    def bot_step(self, bot) -> None:
        """Autoplay: do what the room would do on this screen (through the same intents as keys)."""
        self.act(Intent(kinds.CONFIRM))

    def handle_scroll(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self.scroll_by(-event.y * 2)
            return True
        if event.type == pygame.KEYDOWN:
            return any(self.scroll_intent(intent) for intent in Translator().translate(event))
        return False

    def scroll_intent(self, intent: Intent) -> bool:
        """Page Up / Page Down / Home / End / ↑ ↓ on a page longer than the screen."""
        if intent.kind in (kinds.PAGE_DOWN, kinds.PAGE_UP):
            step = max(1, self._page_units())
            self.scroll_by(step if intent.kind == kinds.PAGE_DOWN else -step)
            return True
        if intent.kind == kinds.HOME:
            self.scroll = 0
            return True
        if intent.kind == kinds.END:
            self.scroll_by(self._units)
            return True
        if intent.kind in (kinds.UP, kinds.DOWN) and (self._overflow or self.scroll):
            self.scroll_by(1 if intent.kind == kinds.DOWN else -1)
            return True
        return False

    def scroll_by(self, units: int) -> None:
        """Scroll about `units` blocks, to the top of a paragraph: the furthest paragraph start within
        `units`, else the next one when it is less than a page away; only a paragraph longer than a page
        is scrolled into, at a sentence's start when one is that near, else line by line (never a line
        cut: blocks are whole)."""
        if units > 0 and not self._overflow:
            return
        last = max(0, self._units - 1)
        target = max(0, min(last, self.scroll + units))
        page = self._page_units()
        self._scrolled_in = self._layout
        paragraphs = [i for i in range(last + 1) if i not in self._continued]
        for starts in (paragraphs, sorted(set(paragraphs) | self._sentences)):
            if units > 0:
                within = [i for i in starts if self.scroll < i <= target]
                beyond = [i for i in starts if target < i <= last and i - self.scroll <= page]
                found = max(within) if within else min(beyond) if beyond else None
            else:
                within = [i for i in starts if target <= i < self.scroll]
                beyond = [i for i in starts if i < target and self.scroll - i <= page]
                found = min(within) if within else max(beyond) if beyond else None
            if found is not None:
                self.scroll = found
                return
        if units:
            self.scroll = target

    def paragraph_start(self, unit: int) -> int:
        """The first block of the paragraph that block `unit` belongs to."""
        while unit > 0 and unit in self._continued:
            unit -= 1
        return unit

    def _page_units(self) -> int:
        return max(1, getattr(self, "_drawn_units", 4) - 1)

    # -- drawing ---------------------------------------------------------------
    def draw(self, canvas: Canvas, _depth: int = 0) -> bool:
        """Draw the whole screen; returns True when the footer must change (another frame is needed)."""
        canvas.clear()
        m = canvas.metrics
        full = canvas.rect.inflate(-2 * m.margin, -2 * m.margin)
        top = full.top
        parts = [part for part in self.header() if part]
        # One line of "where we are": with big text the least useful parts (at the end) give way.
        while len(parts) > 1 and len(canvas.wrapped(" · ".join(parts), full.width, "small")) > 1:
            parts.pop()
        header_text = " · ".join(parts)
        for line in canvas.wrapped(header_text, full.width, "small"):
            canvas.line(line, full.left, top, "small", role="secondary")
            top += canvas.line_height("small")
        pygame.draw.line(canvas.surface, canvas.theme.rule, (full.left, top + m.gap // 2),
                         (full.right, top + m.gap // 2), max(1, m.height // 540))
        top += m.gap

        footer_lines = footer_wrap(canvas, self._hints(self.footer()), full.width)
        if len(footer_lines) > 2:
            # Big text on a small window: the key that moves on and F1; the help lists the others.
            short = self.footer()[:1] + [self.tr("key_help")]
            footer_lines = footer_wrap(canvas, self._hints(short), full.width)
        if len(footer_lines) > 2:
            footer_lines = footer_wrap(canvas, self._hints([self.tr("key_help")]), full.width)
        bottom = full.bottom - len(footer_lines) * canvas.line_height("small")
        y = bottom
        for line in footer_lines:
            canvas.line(line, full.left, y, "small", role="text")
            y += canvas.line_height("small")
        bottom -= m.gap

        area = pygame.Rect(full.left, top + m.gap // 2, full.width, max(0, bottom - top - m.gap // 2))
        flow = Flow(canvas, area, skip=self.scroll)
        self._side = None
        # A screen with columns returns the flow that scrolls; otherwise the body flow does.
        flow = self.draw_body(canvas, flow) or flow
        self._continued, self._sentences = flow.continued, flow.sentences
        self._layout = (canvas.rect.size, canvas.size("body"), flow.width)
        if self.scroll in flow.continued and self._scrolled_in != self._layout and _depth < 200:
            # Laid out afresh (another size, a scroll mirrored from another display): the page starts at
            # its paragraph's top again (a scroll into a paragraph longer than the page keeps its line).
            self.scroll = self.paragraph_start(self.scroll)
            return self.draw(canvas, _depth + 1)
        again = False
        if self._side is not None and self._side.overflow and not self._stack:
            self._stack = True
            again = True
        elif canvas.focus_hidden and flow.overflow and self.scroll < flow.index and _depth < 200:
            # Make room for the focused item by scrolling the headings away, then draw again (by whole
            # paragraphs).
            self.scroll += 1
            while self.scroll in flow.continued and self.scroll < flow.index:
                self.scroll += 1
            return self.draw(canvas, _depth + 1)
        was = self._overflow
        self._overflow = flow.overflow
        self._units = flow.index
        self._drawn_units = flow.drawn
        return again or was != self._overflow

    def _hints(self, hints: list[str]) -> list[str]:
        hints = list(hints)
        if self.app.notice:
            hints.insert(0, self.app.notice)
        if self._overflow:
            hints.insert(0, self.tr("more_below"))
        elif self.scroll > 0:
            hints.insert(0, self.tr("more_above"))
        return hints

    def draw_body(self, canvas: Canvas, flow: Flow) -> Optional[Flow]:
        return None

    def columns(self, canvas: Canvas, flow: Flow, side_share: float = 0.42,
                min_ratio: float | None = None) -> tuple[Flow, Flow]:
        """Main and side columns side by side on a wide window, stacked (side below) on a narrow one.
        `min_ratio`: side by side from that width/height ratio on (default: the metrics' `wide`); they
        stack anyway when the side column does not fit (`draw` tries again)."""
        area = flow.area
        gap = canvas.metrics.margin
        wide = canvas.metrics.wide if min_ratio is None else canvas.rect.width >= canvas.rect.height * min_ratio
        if wide and not self._stack:
            side_width = int(area.width * side_share)
            main = pygame.Rect(area.left, area.top, area.width - side_width - gap, area.height)
            side = pygame.Rect(main.right + gap, area.top, side_width, area.height)
            self._side = Flow(canvas, side)
            return Flow(canvas, main, skip=self.scroll), self._side
        return flow, flow
