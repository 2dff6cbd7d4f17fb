"""End-screen pictures: the indicators over the rounds (each line labelled at its end) and posture paths."""

from __future__ import annotations

import pygame

from game.ui.canvas import Canvas
from game.ui.text import shorten


def line_chart(canvas: Canvas, rect: pygame.Rect, series: list[tuple[str, tuple[int, ...], int, int]],
               round_label, short_label=None) -> None:
    """`series`: (label, values from the start then after each round, min, max). Each indicator is drawn on
    its own min–max range (the scales differ), so its end label carries its value. The end labels take
    as many columns beside the chart as their number needs at this text size (each joined to its line);
    `short_label(index)` names a round under the axis when `round_label`'s words do not all fit."""
    theme = canvas.theme
    small = canvas.line_height("small")
    gap = canvas.metrics.gap
    labels = [(label, f" {values[-1]}") for label, values, _, _ in series]
    plot_height = rect.height - small * 3 // 2 - gap
    per_column = max(1, (plot_height + small // 2) // small)
    columns = -(-len(labels) // per_column)
    label_width = min(rect.width // 3 if columns == 1 else rect.width // (2 * columns),
                      max(canvas.text_width(a + b, "small") for a, b in labels) + gap)
    ticks = axis_ticks(series)
    axis_width = max(canvas.text_width(text, "small") for _, text in ticks) + gap
    plot = pygame.Rect(rect.left + axis_width + gap, rect.top + small // 2,
                       rect.width - columns * label_width - axis_width - 2 * gap, plot_height)
    if plot.width < 20 or plot.height < 20:
        return
    thin = max(1, canvas.metrics.height // 540)
    pygame.draw.rect(canvas.surface, theme.panel, plot)
    if plot.height < 3 * small:
        ticks = [ticks[0], ticks[-1]]     # a flat chart (huge text): the middle mark would touch the others
    for fraction, text in ticks:
        y = plot.bottom - round(plot.height * fraction)
        pygame.draw.line(canvas.surface, theme.bar_track, (plot.left, y), (plot.right, y), thin)
        # The scale on the vertical axis, right-aligned against it.
        canvas.line(text, plot.left - gap - canvas.text_width(text, "small"), y - small // 2, "small",
                    role="secondary", area=rect)
    pygame.draw.rect(canvas.surface, theme.rule, plot, thin)
    count = max(len(values) for _, values, _, _ in series)
    step = plot.width / max(1, count - 1)
    for text, left in round_labels(canvas, plot, rect, count, step, round_label, short_label):
        canvas.line(text, left, plot.bottom + gap // 2, "small", role="secondary", area=rect)
    ends = []
    width = max(3, canvas.metrics.height // 180)
    for number, (label, values, low, high) in enumerate(series):
        colour = theme.series[number % len(theme.series)]
        span = max(1, high - low)
        points = [(plot.left + round(i * step), plot.bottom - round(plot.height * (min(max(v, low), high) - low) / span))
                  for i, v in enumerate(values)]
        if len(points) > 1:
            pygame.draw.lines(canvas.surface, colour, False, points, width)
        for point in points:
            pygame.draw.circle(canvas.surface, colour, point, width + 1)
        ends.append((points[-1][1], labels[number], colour))
    # Labels at the line ends, from the top one down, in turn in each column; in a column they are pushed
    # apart so that none overlaps another, and kept above the round numbers.
    ends.sort(key=lambda end: end[0])
    for column in range(columns):
        mine = ends[column::columns]
        placed: list[int] = []
        for y, text, colour in mine:
            placed.append(max(y - small // 2, placed[-1] + small if placed else rect.top))
        overflow = (placed[-1] + small) - plot.bottom if placed else 0
        if overflow > 0:
            placed[-1] -= overflow
            for i in range(len(placed) - 2, -1, -1):
                placed[i] = min(placed[i], placed[i + 1] - small)
        x = plot.right + gap + column * label_width
        for (y, text, colour), top in zip(mine, placed):
            left = x
            if columns == 1:
                pygame.draw.line(canvas.surface, colour, (plot.right, y), (x - 2, top + small // 2),
                                 width // 2 + 1)
            else:
                # Several columns: a line to a far label would cross the near ones; each label starts with
                # a stroke of its line's colour instead, read in order (top line first, left to right).
                swatch = pygame.Rect(x, top + small // 2 - width, gap, 2 * width)
                pygame.draw.rect(canvas.surface, colour, swatch)
                left = swatch.right + gap // 3
            name, value = text
            # A long name is shortened, never the value that ends the line.
            name = shorten(canvas.face("small"), name, min(rect.right, x + label_width - gap // 3) - left, value)
            canvas.line(name + value, left, top, "small", area=rect)


def round_labels(canvas: Canvas, plot: pygame.Rect, rect: pygame.Rect, count: int, step: float, round_label,
                 short_label=None) -> list[tuple[str, int]]:
    """(text, left) of each round's name under the axis, centred on its point: every one in words when they
    fit apart, else every one short ("Départ 1 2 3"), else numbers ("0 1 2 3"), else every second (third…)
    one of those, the first and the last always kept (the last may reach past the plot's right edge,
    under the end labels)."""
    gap = canvas.metrics.gap
    wordings = [round_label] + ([short_label] if short_label is not None else []) + [str]

    def placed(name) -> list[tuple[str, int, int]]:
        out = []
        for index in range(count):
            text = name(index)
            width = canvas.text_width(text, "small")
            x = plot.left + round(index * step)
            out.append((text, min(max(plot.left, x - width // 2), rect.right - width), width))
        return out

    for name in wordings:
        shown = placed(name)
        if all(shown[i][1] > shown[i - 1][1] + shown[i - 1][2] + gap for i in range(1, count)):
            return [(text, left) for text, left, _ in shown]
    # Every second round, every third...: evenly spaced, the last one kept in place of its neighbour.
    kept = shown[:1]
    for stride in range(2, max(2, count)):
        kept = shown[0:count - 1:stride]
        while len(kept) > 1 and kept[-1][1] + kept[-1][2] + gap >= shown[-1][1]:
            kept.pop()
        kept.append(shown[-1])
        if all(kept[i][1] > kept[i - 1][1] + kept[i - 1][2] + gap for i in range(1, len(kept))):
            break
    else:
        kept = shown[:1]
    return [(text, left) for text, left, _ in kept]


def axis_ticks(series: list[tuple[str, tuple[int, ...], int, int]]) -> list[tuple[float, str]]:
    """Marks of the vertical axis as (fraction of the height, text): the shared scale's min, middle and
    max when every indicator has the same range, else the words "min" and "max" (each line on its own)."""
    ranges = {(low, high) for _, _, low, high in series}
    if len(ranges) != 1:
        return [(0.0, "min"), (1.0, "max")]
    low, high = ranges.pop()
    ticks = [(0.0, str(low)), (1.0, str(high))]
    if (high - low) % 2 == 0 and high - low >= 4:
        ticks.insert(1, (0.5, str((low + high) // 2)))
    return ticks


def posture_path(canvas: Canvas, rect: pygame.Rect, name: str, coops: list[int], tr) -> None:
    """One character's journey: a row per round on the je (−2) … nous (+2) scale, dots joined by a line."""
    theme = canvas.theme
    small = canvas.line_height("small")
    gap = canvas.metrics.gap
    canvas.panel(rect, "panel")
    inner = rect.inflate(-2 * gap, -2 * gap)
    fitted = shorten(canvas.face("small", "bold"), name, inner.width)
    canvas.line(fitted, inner.left, inner.top, "small", style="bold", on="panel", area=rect)
    je, nous = tr("scale_je"), tr("scale_nous")
    bottom_y = inner.bottom - small
    canvas.line(je, inner.left, bottom_y, "small", role="secondary", on="panel", area=rect)
    canvas.line(nous, inner.right - canvas.text_width(nous, "small"), bottom_y, "small", role="secondary",
                on="panel", area=rect)
    area = pygame.Rect(inner.left + gap, inner.top + small + gap // 2, inner.width - 2 * gap,
                       bottom_y - inner.top - small - gap)
    if area.height < 4 or not coops:
        return
    thin = max(1, canvas.metrics.height // 540)
    for value in range(-2, 3):
        x = area.left + area.width * (value + 2) // 4
        pygame.draw.line(canvas.surface, theme.bar_track, (x, area.top), (x, area.bottom), thin)
    rows = len(coops)
    row_h = area.height / max(1, rows)
    points = [(area.left + area.width * (c + 2) // 4, area.top + round(row_h * (i + 0.5))) for i, c in enumerate(coops)]
    radius = max(3, min(int(row_h // 3), canvas.metrics.height // 120))
    if len(points) > 1:
        pygame.draw.lines(canvas.surface, theme.focus, False, points, max(2, radius // 2))
    for point in points:
        pygame.draw.circle(canvas.surface, theme.text, point, radius)
