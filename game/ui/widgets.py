"""Small keyboard-first widgets: a focusable list of buttons and a text entry fed by TEXTINPUT events."""

from __future__ import annotations

from typing import Callable, Optional

import pygame

from game.ui.canvas import Canvas, Flow
from game.ui.strings import TR


class Item:
    """One line of a menu: its label, whether it can be activated, and why not (shown in words).
    (A plain class, not a dataclass: making one compiles its methods, 0.5 ms of the first frame.)"""

    __slots__ = ("label", "value", "enabled", "detail", "on")

    def __init__(self, label: str, value: object = None, enabled: bool = True, detail: str = "",
                 on: str = "panel"):
        self.label = label
        self.value = value
        self.enabled = enabled
        self.detail = detail      # a second line (cost, reason it is not playable, ...)
        self.on = on              # surface role of its box

    def _fields(self) -> tuple:
        return (self.label, self.value, self.enabled, self.detail, self.on)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()    # type: ignore[attr-defined]

    __hash__ = None    # type: ignore[assignment]  # mutable, compared by value: unhashable, as before

    def __repr__(self) -> str:
        return (f"Item(label={self.label!r}, value={self.value!r}, enabled={self.enabled!r}, "
                f"detail={self.detail!r}, on={self.on!r})")


class Menu:
    """A vertical list with one focused item: ↑ ↓ / Tab move, Enter activates, the mouse hovers and clicks."""

    def __init__(self, items: list[Item], focus: int = 0, wrap: bool = True):
        """`focus` -1: nothing chosen yet (the first move lands on an item); `wrap`: ↓ on the last item
        goes to the first (a list), or stops there (a scale, whose ends mean opposite things)."""
        self.items = items
        self.wrap = wrap
        self.focus = -1 if focus < 0 and items else max(0, min(focus, len(items) - 1)) if items else 0

    @property
    def focused(self) -> Optional[Item]:
        return self.items[self.focus] if self.items and self.focus >= 0 else None

    def move(self, step: int) -> None:
        if not self.items:
            return
        if self.focus < 0:
            self.focus = len(self.items) // 2 if abs(step) == 1 and not self.wrap else (0 if step > 0 else len(self.items) - 1)
        elif self.wrap:
            self.focus = (self.focus + step) % len(self.items)
        else:
            self.focus = max(0, min(len(self.items) - 1, self.focus + step))

    def act(self, intent) -> Optional[str]:
        """One intent: "moved" (↑ ↓ Tab, Home End, Page Up/Down), "activate" (Enter on an enabled item),
        "disabled" (Enter on one that cannot be chosen: the screen says why), None (not the list's)."""
        from game.ui import intents as kinds

        if not self.items:
            return None
        last = len(self.items) - 1
        page = max(1, getattr(self, "page", 5))
        moves = {kinds.UP: lambda: self.move(-1), kinds.DOWN: lambda: self.move(1),
                 kinds.HOME: lambda: self._to(0), kinds.END: lambda: self._to(last),
                 kinds.PAGE_UP: lambda: self._to(max(0, self.focus - page)),
                 kinds.PAGE_DOWN: lambda: self._to(min(last, self.focus + page))}
        if intent.kind in moves:
            moves[intent.kind]()
            return "moved"
        if intent.kind == kinds.CONFIRM:
            if self.focused is None:
                return "nothing"
            return "activate" if self.focused.enabled else "disabled"
        return None

    def _to(self, index: int) -> None:
        self.focus = index

    def handle(self, event: pygame.event.Event) -> Optional[Item]:
        """Returns the item activated by this raw event, if any (disabled items cannot be activated)."""
        from game.ui.intents import Translator

        for intent in Translator().translate(event):
            if self.act(intent) == "activate":
                return self.focused
        return None

    def click(self, index: int) -> Optional[Item]:
        """A mouse click on item `index` focuses it and activates it when it is enabled."""
        if 0 <= index < len(self.items):
            self.focus = index
            item = self.items[index]
            return item if item.enabled else None
        return None

    def draw(self, flow: Flow, tag: str = "menu", kind: str = "body", columns: int = 1,
             max_height: int | None = None, details_beside: bool = False) -> None:
        """Each item is a box in the flow (hit area (tag, index)), `columns` to a row. When the rows do not
        all fit, a window of rows around the focused item is shown, with how many items are above or below.
        `details_beside`: a short second line goes on the label's line, after it, so more items show."""
        canvas = flow.canvas
        pad = canvas.metrics.gap
        ring = canvas.metrics.focus_width
        columns = max(1, min(columns, len(self.items) or 1))
        cell = (flow.width - (columns - 1) * pad) // columns
        width = cell - 2 * (pad + ring)
        rows = [list(range(start, min(start + columns, len(self.items))))
                for start in range(0, len(self.items), columns)]
        focus_row = max(0, self.focus) // columns
        more_line = canvas.line_height("small")
        room = flow.space_left() if max_height is None else min(flow.space_left(), max_height)
        # Big text on a small window: drop the second lines, then the height cap, before hiding the focus.
        for with_details, cap in ((True, room), (False, room), (False, flow.space_left())):
            layout = _Layout(self, canvas, rows, width, kind, with_details, details_beside)
            room = cap
            if layout.height(focus_row) + (2 * more_line if len(rows) > 1 else 0) <= room:
                break
        first, last = 0, len(rows)
        total = 0
        for row_index in range(len(rows)):      # sum(heights) > room, without measuring past the room
            total += layout.height(row_index)
            if total > room:
                break
        if total > room:
            room -= (2 if focus_row > 0 else 1) * canvas.line_height("small")
            first = min(getattr(self, "first", 0), focus_row)
            while first < focus_row and sum(layout.height(r) for r in range(first, focus_row + 1)) > room:
                first += 1
            last = first
            used = 0
            while last < len(rows) and used + layout.height(last) <= room:
                used += layout.height(last)
                last += 1
            last = max(last, first + 1)
        self.first = first
        self.page = max(1, (last - first) * columns)
        shown = not self.items
        if first > 0:
            flow.text(f"\u2191 {TR(canvas.language, 'more_items', n=first * columns)}", "small", role="secondary")
        for row_index in range(first, last):
            row = rows[row_index]

            def paint(rect: pygame.Rect, row=row) -> None:
                for position, index in enumerate(row):
                    label_lines, detail_lines, _, beside = layout.shape(index)
                    item = self.items[index]
                    focused = index == self.focus
                    left = rect.left + position * (cell + pad)
                    box = pygame.Rect(left + ring, rect.top + ring, cell - 2 * ring, rect.height - 3 * ring)
                    canvas.panel(box, item.on)
                    if focused:
                        canvas.focus_ring(box)
                    y = box.top + pad
                    role = "text" if item.enabled else "secondary"
                    for line in label_lines:
                        canvas.line(line, box.left + pad, y, kind, style="bold" if focused else "regular",
                                    role=role, on=item.on, area=box)
                        y += canvas.line_height(kind)
                    if beside:
                        # On the label's baseline.
                        dy = canvas.face(kind).get_ascent() - canvas.face("small").get_ascent()
                        x = box.left + pad + canvas.text_width(label_lines[0], kind, "bold" if focused else "regular")
                        canvas.line(detail_lines[0], x + 2 * pad, box.top + pad + dy, "small",
                                    role="secondary", on=item.on, area=box)
                        detail_lines = []
                    for line in detail_lines:
                        canvas.line(line, box.left + pad, y, "small", role="secondary", on=item.on, area=box)
                        y += canvas.line_height("small")
                    canvas.add_hit(box, (tag, index))

            placed = flow.block(layout.height(row_index), paint, keep=True)
            if row_index == focus_row:
                shown = placed is not None
        below = len(self.items) - min(len(self.items), last * columns)
        if below > 0:
            flow.text(f"\u2193 {TR(canvas.language, 'more_items', n=below)}", "small", role="secondary")
        # The screen scrolls its headings away when the focused item could not be shown (huge text).
        canvas.focus_hidden = canvas.focus_hidden or not shown


class _Layout:
    """A menu's items as one pass of Menu.draw lays them out (with or without their second lines), each
    wrapped and measured only when asked: a long list's items far from the rows shown cost nothing (on
    the setup screen, the glyph work of 12 characters below the fold, on the first frame)."""

    def __init__(self, menu: "Menu", canvas: Canvas, rows: list[list[int]], width: int, kind: str,
                 with_details: bool, details_beside: bool):
        self.menu, self.canvas, self.rows, self.width, self.kind = menu, canvas, rows, width, kind
        self.with_details, self.details_beside = with_details, details_beside
        self.shapes: dict[int, tuple[list[str], list[str], int, int]] = {}
        self.heights: dict[int, int] = {}

    def shape(self, index: int) -> tuple[list[str], list[str], int, int]:
        """(label lines, detail lines, box height, x of a detail beside the label or 0) of item `index`."""
        found = self.shapes.get(index)
        if found is None:
            canvas, width, kind = self.canvas, self.width, self.kind
            pad, ring = canvas.metrics.gap, canvas.metrics.focus_width
            item = self.menu.items[index]
            style = "bold" if index == self.menu.focus else "regular"
            label_lines = canvas.wrapped(item.label, width, kind, style)
            detail_lines = canvas.wrapped(item.detail, width, "small") if item.detail and self.with_details else []
            beside = 0
            if self.details_beside and len(label_lines) == 1 and len(detail_lines) == 1:
                # Measured in bold so that the focus (bold) never pushes the detail out of the box.
                after = canvas.text_width(label_lines[0], kind, "bold") + 2 * pad
                if after + canvas.text_width(detail_lines[0], "small") <= width:
                    beside = after
            height = (len(label_lines) * canvas.line_height(kind)
                      + (0 if beside else len(detail_lines) * canvas.line_height("small")) + 2 * pad + 3 * ring)
            found = self.shapes[index] = (label_lines, detail_lines, height, beside)
        return found

    def height(self, row: int) -> int:
        """The height of a row of boxes: its tallest item's."""
        found = self.heights.get(row)
        if found is None:
            found = self.heights[row] = max(self.shape(index)[2] for index in self.rows[row])
        return found


class TextEntry:
    """A one-line text field: TEXTINPUT gives the characters (accents, dead keys and AZERTY are the system's
    job), TEXTEDITING shows a dead key or IME composition in progress, Backspace deletes."""

    def __init__(self, value: str = "", max_length: int = 60, on_change: Callable[[str], None] | None = None):
        self.value = value
        self.composing = ""
        self.max_length = max_length
        self.on_change = on_change

    def handle(self, event: pygame.event.Event) -> bool:
        """True when the event changed the text."""
        if event.type == pygame.TEXTINPUT:
            self.composing = ""
            text = "".join(ch for ch in event.text if ch.isprintable())
            if not text:
                return False
            self.value = (self.value + text)[: self.max_length]
        elif event.type == pygame.TEXTEDITING:
            self.composing = event.text
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_BACKSPACE:
            if not self.value:
                return False
            if event.mod & pygame.KMOD_CTRL:
                self.value = self.value.rstrip().rpartition(" ")[0]
            else:
                self.value = self.value[:-1]
        else:
            return False
        if self.on_change:
            self.on_change(self.value)
        return True

    def shown(self) -> str:
        """The text with the composition in progress and a caret."""
        return f"{self.value}{self.composing}|"


def draw_entry(canvas: Canvas, flow: Flow, entry: TextEntry, focused: bool, kind: str = "body") -> None:
    """A text field as a boxed block of the flow (wraps when the text is long)."""
    pad = canvas.metrics.gap
    ring = canvas.metrics.focus_width
    lines = canvas.wrapped(entry.shown(), flow.width - 2 * (pad + ring), kind)

    def paint(rect: pygame.Rect) -> None:
        box = rect.inflate(-2 * ring, -2 * ring)
        canvas.panel(box, "panel")
        if focused:
            canvas.focus_ring(box)
        y = box.top + pad
        for line in lines:
            canvas.line(line, box.left + pad, y, kind, on="panel", area=box)
            y += canvas.line_height(kind)

    flow.block(len(lines) * canvas.line_height(kind) + 2 * pad + 2 * ring, paint)
