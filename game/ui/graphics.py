"""Shapes that carry meaning with words beside them: reading badges (+ = −), gauges, the "je → nous" scale, marks."""

from __future__ import annotations

import pygame

from game.ui.canvas import Canvas, Flow

from game.ui.words import READING_KEY, READING_SIGN, reading_text, shown_reading  # noqa: F401 - re-exported for the scenes

READING_FILL = {"coop": "coop", "neutre": "neutral", "pas_coop": "not_coop", "a_debattre": "neutral",
                "later": "neutral", "room": "neutral"}


def badge(canvas: Canvas, x: int, y: int, text: str, fill: str, kind: str = "small") -> pygame.Rect:
    """A filled pill with dark text on a light tint (or the high-contrast equivalent)."""
    pad = canvas.metrics.gap // 2
    width = canvas.text_width(text, kind, "bold") + 2 * pad
    rect = pygame.Rect(x, y, width, canvas.line_height(kind))
    canvas.panel(rect, fill, border=True)
    canvas.line(text, x + pad, y, kind, style="bold", on=fill, area=rect)
    return rect


def badge_width(canvas: Canvas, text: str, kind: str = "small") -> int:
    return canvas.text_width(text, kind, "bold") + canvas.metrics.gap


def gauge_stacks(canvas: Canvas, width: int, label: str, low: int, high: int, value_width: int) -> bool:
    """Whether a gauge needs its label on a line of its own (too long a label, or too narrow a bar beside it)."""
    gap = canvas.metrics.gap
    value_width = max(value_width, canvas.text_width("00", "body"))
    label_width = max(canvas.metrics.body * 3, int(width * 0.34))
    bar_width = (width - label_width - value_width - canvas.text_width(str(low), "small")
                 - canvas.text_width(str(high), "small") - 4 * gap)
    one_line = canvas.text_width(label, "body") <= label_width - gap
    return bar_width < canvas.metrics.body * 3 or not one_line


def gauge(flow: Flow, label: str, value: int, low: int, high: int, change: str = "",
          before: int | None = None, value_width: int = 0, stacked: bool | None = None) -> None:
    """One indicator: label, min, a filled bar (a lighter mark where it was before), max, then the value.
    `stacked` puts the label above the bar (a board passes the same choice to all its gauges)."""
    canvas = flow.canvas
    gap = canvas.metrics.gap
    value_text = change or str(value)
    value_width = max(value_width, canvas.text_width(value_text, "body", "bold"), canvas.text_width("00", "body"))
    low_text, high_text = str(low), str(high)
    low_w, high_w = canvas.text_width(low_text, "small"), canvas.text_width(high_text, "small")
    label_width = max(canvas.metrics.body * 3, int(flow.width * 0.34))
    bar_width = flow.width - label_width - value_width - low_w - high_w - 4 * gap
    if stacked is None:
        stacked = gauge_stacks(canvas, flow.width, label, low, high, value_width)
    if stacked:
        label_width = flow.width
        bar_width = flow.width - value_width - low_w - high_w - 3 * gap
    label_lines = canvas.wrapped(label, label_width - gap, "body")
    lh = canvas.line_height("body")
    height = len(label_lines) * lh + (lh if stacked else 0)

    def paint(rect: pygame.Rect) -> None:
        y = rect.top
        for line in label_lines:
            canvas.line(line, rect.left, y, "body", area=flow.area)
            y += lh
        row_top = rect.top + (len(label_lines) * lh if stacked else 0)
        x = rect.left + (0 if stacked else label_width)
        small_dy = (lh - canvas.line_height("small")) // 2
        canvas.line(low_text, x, row_top + small_dy, "small", role="secondary", area=flow.area)
        x += low_w + gap // 2
        bar = pygame.Rect(x, row_top + lh // 4, max(4, bar_width), lh // 2)
        pygame.draw.rect(canvas.surface, canvas.theme.bar_track, bar)
        span = max(1, high - low)
        filled = bar.copy()
        filled.width = round(bar.width * (min(max(value, low), high) - low) / span)
        pygame.draw.rect(canvas.surface, canvas.theme.bar, filled)
        if before is not None and before != value:
            mark_x = bar.left + round(bar.width * (min(max(before, low), high) - low) / span)
            pygame.draw.line(canvas.surface, canvas.theme.text, (mark_x, bar.top - lh // 8),
                             (mark_x, bar.bottom + lh // 8), max(2, canvas.metrics.focus_width // 2))
        pygame.draw.rect(canvas.surface, canvas.theme.rule, bar, width=max(1, canvas.metrics.height // 540))
        x = bar.right + gap // 2
        canvas.line(high_text, x, row_top + small_dy, "small", role="secondary", area=flow.area)
        x += high_w + gap
        canvas.line(value_text, x, row_top, "body", style="bold", area=flow.area)

    flow.block(height, paint)


def change_text(before: int, after: int) -> str:
    """"4 → 6 (+2)", "5 → 5 (=)", "6 → 3 (−3)"."""
    delta = after - before
    sign = "=" if delta == 0 else f"+{delta}" if delta > 0 else f"\u2212{-delta}"
    return f"{before} \u2192 {after} ({sign})"


def triangle(surface, colour, centre, size: int, direction: str) -> None:
    x, y = centre
    h = size // 2
    points = {"left": [(x - h, y), (x + h, y - h), (x + h, y + h)],
              "right": [(x + h, y), (x - h, y - h), (x - h, y + h)]}[direction]
    pygame.draw.polygon(surface, colour, points)


def posture_scale(canvas: Canvas, rect: pygame.Rect, tr, marks: list[tuple[int, bool]],
                  slots: int | None = None) -> None:
    """The "je ◀ ─●─ ▶ nous" line: -2 at the left, +2 at the right; `marks` are (coop value, emphasised).
    With `slots`, the line has that many places (one per posture, in order) and marks are their indexes."""
    theme = canvas.theme
    lh = canvas.line_height("body")
    left_word, right_word = tr("scale_je"), tr("scale_nous")
    y = rect.top + lh // 2
    canvas.line(left_word, rect.left, rect.top, "body", style="bold", area=rect)
    right_w = canvas.text_width(right_word, "body", "bold")
    canvas.line(right_word, rect.right - right_w, rect.top, "body", style="bold", area=rect)
    size = max(10, lh // 2)
    start = rect.left + canvas.text_width(left_word, "body", "bold") + size
    stop = rect.right - right_w - size
    triangle(canvas.surface, theme.text, (start, y), size, "left")
    triangle(canvas.surface, theme.text, (stop, y), size, "right")
    line_left, line_right = start + size * 3 // 2, stop - size * 3 // 2
    pygame.draw.line(canvas.surface, theme.rule, (line_left, y), (line_right, y), max(2, lh // 16))
    low, steps = (-2, 4) if slots is None else (0, max(1, slots - 1))
    for value in range(low, low + steps + 1):
        x = line_left + (line_right - line_left) * (value - low) // steps
        pygame.draw.line(canvas.surface, theme.rule, (x, y - lh // 6), (x, y + lh // 6), max(2, lh // 20))
    for value, strong in marks:
        if value is None:   # a posture à débattre has no place on the scale
            continue
        x = line_left + (line_right - line_left) * (value - low) // steps
        radius = lh // 4 if strong else lh // 6
        pygame.draw.circle(canvas.surface, theme.focus if strong else theme.text, (x, y), radius)


def timer_icon(surface, colour, centre, radius: int, width: int) -> None:
    pygame.draw.circle(surface, colour, centre, radius, width)
    x, y = centre
    pygame.draw.line(surface, colour, (x, y), (x, y - radius * 2 // 3), width)
    pygame.draw.line(surface, colour, (x, y), (x + radius // 2, y), width)
    pygame.draw.line(surface, colour, (x - radius // 3, y - radius - width), (x + radius // 3, y - radius - width), width)
