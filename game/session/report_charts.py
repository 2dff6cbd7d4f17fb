"""The report's three charts as plain drawing data, computed once and drawn as SVG (HTML) or on a PDF page.

A `Figure` is a list of shapes in a box of `width` × `height` points, y growing
downwards like SVG. `to_svg` writes it as inline SVG; game/printing/pdf.py draws
the very same shapes with reportlab. Only standard library imports here: the
report path stays light.

    >>> figure = Figure(100, 50, "t")
    >>> figure.text(10, 20, "<b>")
    >>> "&lt;b&gt;" in to_svg(figure)
    True
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from game.neutralise import for_svg as escape  # one neutralising function per destination
from game.session.report_text import tally_split

# Colour and dash per line: lines differ by pattern, marker and end label too, never by colour alone.
LINE_STYLES = (
    ("#1f4e9c", ""), ("#b3261e", "8 4"), ("#1b7340", "2 3"), ("#7a4a00", "10 3 2 3"),
    ("#6b2c91", "4 4"), ("#00696b", "12 4"), ("#444444", "1 2"), ("#a3005f", "6 2 2 2"),
)
MARKERS = ("circle", "square", "diamond", "triangle")
VERDICT_COLOURS = {"coop": "#1b7340", "depends": "#c9a227", "pas_coop": "#b3261e"}
INK, MUTED, GRID, PANEL = "#1a1a1a", "#555555", "#dddddd", "#fafafa"


class Figure:
    """Shapes in a width × height box. Each shape is a tuple whose first item names its kind.
    (A plain class: `coop report` creates no record class when it renders from its memo.)"""

    def __init__(self, width: float, height: float, title: str, shapes: Optional[list[tuple]] = None):
        self.width = width
        self.height = height
        self.title = title
        self.shapes: list[tuple] = [] if shapes is None else shapes

    def line(self, x1, y1, x2, y2, colour=GRID, width=1.0, dash=""):
        self.shapes.append(("line", x1, y1, x2, y2, colour, width, dash))

    def polyline(self, points, colour, width=2.5, dash=""):
        self.shapes.append(("polyline", tuple(points), colour, width, dash))

    def rect(self, x, y, w, h, fill: Optional[str] = None, stroke: Optional[str] = None, width=1.0):
        self.shapes.append(("rect", x, y, w, h, fill, stroke, width))

    def marker(self, shape, x, y, colour, size=4.0):
        self.shapes.append(("marker", shape, x, y, colour, size))

    def text(self, x, y, text, size=11.0, colour=INK, anchor="start", bold=False):
        """`y` is the text's baseline; `anchor` is start, middle or end."""
        self.shapes.append(("text", x, y, str(text), size, colour, anchor, bold))


# --- SVG -----------------------------------------------------------------------------------------
_ANCHORS = {"start": "start", "middle": "middle", "end": "end"}


def _marker_svg(shape: str, x: float, y: float, colour: str, size: float) -> str:
    if shape == "square":
        return f'<rect x="{x - size * .9:.1f}" y="{y - size * .9:.1f}" width="{size * 1.8:.1f}" height="{size * 1.8:.1f}" fill="{colour}"/>'
    if shape == "diamond":
        return (f'<polygon points="{x:.1f},{y - size * 1.2:.1f} {x + size * 1.2:.1f},{y:.1f} {x:.1f},{y + size * 1.2:.1f} '
                f'{x - size * 1.2:.1f},{y:.1f}" fill="{colour}"/>')
    if shape == "triangle":
        return (f'<polygon points="{x:.1f},{y - size * 1.2:.1f} {x + size * 1.2:.1f},{y + size:.1f} '
                f'{x - size * 1.2:.1f},{y + size:.1f}" fill="{colour}"/>')
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{size:.1f}" fill="{colour}"/>'


def to_svg(figure: Figure, ident: str = "chart") -> str:
    """Inline SVG (no script, no link, no external resource); every text is escaped."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {figure.width:g} {figure.height:g}" '
           f'width="100%" role="img" aria-labelledby="{ident}-title" class="chart-svg" id="{ident}">',
           f'<title id="{ident}-title">{escape(figure.title)}</title>']
    for shape in figure.shapes:
        kind = shape[0]
        if kind == "line":
            _, x1, y1, x2, y2, colour, width, dash = shape
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                       f'stroke-width="{width:g}"{dash_attr}/>')
        elif kind == "polyline":
            _, points, colour, width, dash = shape
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{width:g}"{dash_attr}/>')
        elif kind == "rect":
            _, x, y, w, h, fill, stroke, width = shape
            stroke_attr = f' stroke="{stroke}" stroke-width="{width:g}"' if stroke else ""
            out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" '
                       f'fill="{fill or "none"}"{stroke_attr}/>')
        elif kind == "marker":
            _, name, x, y, colour, size = shape
            out.append(_marker_svg(name, x, y, colour, size))
        elif kind == "text":
            _, x, y, text, size, colour, anchor, bold = shape
            weight = ' font-weight="bold"' if bold else ""
            out.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" fill="{colour}" '
                       f'text-anchor="{_ANCHORS[anchor]}"{weight}>{escape(text)}</text>')
    out.append("</svg>")
    return "\n".join(out)


# --- the charts ------------------------------------------------------------------------------------
def _shorten(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def indicator_series(report: dict, ids: list[str]) -> dict[str, list[int]]:
    """Each indicator's value at the start and after each revealed round."""
    return {i: [report["indicators_start"][i]] + [r["indicators"][i] for r in report["rounds"]] for i in ids}


def indicators_figure(report: dict, indicators: list[tuple[str, str, int, int]], title: str,
                      round_label: Callable[[int], str], width: float = 640, height: float = 300,
                      span: Optional[int] = None) -> Figure:
    """Every indicator from the start through each revealed round, one line each.

    `indicators` holds (id, label, min, max). Gauges of different ranges share a
    0–100 % scale of their own range; each point carries its value, so no reading
    depends on the scale. `round_label(k)` names point k (0 = the start). `span`: the
    number of points of the x axis (several tables drawn on one scale), else this report's.
    """
    figure = Figure(width, height, title)
    ids = [i for i, *_ in indicators]
    labels = {i: label for i, label, *_ in indicators}
    ranges = {i: (low, high) for i, _, low, high in indicators}
    same = len(set(ranges.values())) == 1
    series = indicator_series(report, ids)
    points = max(len(values) for values in series.values()) if series else 1
    points = max(points, span or 0)
    left, right, top, bottom = 44, 160, 14, 34
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(k: int) -> float:
        return left + (plot_w * k / (points - 1) if points > 1 else plot_w / 2)

    def y(ident: str, value: int) -> float:
        low, high = ranges[ident]
        share = (value - low) / (high - low) if high > low else 0.5
        return top + plot_h * (1 - share)

    figure.rect(left, top, plot_w, plot_h, PANEL, "#999999")
    for step in range(5):
        share = step / 4
        gy = top + plot_h * (1 - share)
        figure.line(left, gy, left + plot_w, gy)
        if same:
            low, high = next(iter(ranges.values()))
            label = f"{low + (high - low) * share:g}"
        else:
            label = f"{int(share * 100)} %"
        figure.text(left - 6, gy + 4, label, 10, MUTED, "end")
    every = max(1, -(-points // 14))   # at most about 14 labels under the axis
    for k in range(points):
        if k % every == 0 or k == points - 1:
            figure.text(x(k), height - bottom + 16, round_label(k), 10, INK, "middle")
    points_drawn = max(len(values) for values in series.values()) if series else 1
    ends: list[list[Any]] = []
    for n, ident in enumerate(ids):
        colour, dash = LINE_STYLES[n % len(LINE_STYLES)]
        coords = [(x(k), y(ident, v)) for k, v in enumerate(series[ident])]
        figure.polyline(coords, colour, 2.5, dash)
        for k, ((px, py), value) in enumerate(zip(coords, series[ident])):
            figure.marker(MARKERS[n % len(MARKERS)], px, py, colour, 3.5)
            if points <= 12 or k % every == 0 or k == points_drawn - 1:
                figure.text(px, py - 7, str(value), 9, colour, "middle")
        ends.append([coords[-1][1], ident, colour])
    # End labels pushed apart so that they never overlap.
    ends.sort()
    for k in range(1, len(ends)):
        ends[k][0] = max(ends[k][0], ends[k - 1][0] + 14)
    if ends and ends[-1][0] > height - 8:
        ends[-1][0] = height - 8
        for k in range(len(ends) - 2, -1, -1):
            ends[k][0] = min(ends[k][0], ends[k + 1][0] - 14)
    for label_y, ident, colour in ends:
        figure.text(left + plot_w + 8, label_y + 4, _shorten(labels[ident], 24), 11, colour)
    return figure


def postures_figure(report: dict, rows: list[tuple[str, str]], coop_of: dict[str, int], title: str,
                    round_label: Callable[[int], str], words: tuple[str, str], width: float = 640) -> Figure:
    """Each character's path from "je" (bottom of its strip) to "nous" (top), one strip per character.

    `rows` holds (character id, the name shown); `coop_of` maps a posture id to its
    coop value (-2 … +2); `words` are the scale's ends ("je", "nous").
    """
    strip, gap, top, left, right = 44, 8, 8, 150, 12
    rounds = [r["number"] for r in report["rounds"]]
    height = top + len(rows) * (strip + gap) + 22
    figure = Figure(width, height, title)
    plot_w = width - left - right
    n = max(1, len(rounds))

    def x(k: int) -> float:
        return left + 18 + (plot_w - 36) * (k / (n - 1) if n > 1 else 0.5)

    for row, (ident, name) in enumerate(rows):
        y0 = top + row * (strip + gap)
        figure.rect(left, y0, plot_w, strip, PANEL, "#bbbbbb")
        figure.line(left, y0 + strip / 2, left + plot_w, y0 + strip / 2, GRID, 1, "3 3")
        figure.text(left - 8, y0 + strip / 2 + 4, _shorten(name, 22), 11, INK, "end", True)
        figure.text(left + 3, y0 + 10, words[1], 8, MUTED)
        figure.text(left + 3, y0 + strip - 3, words[0], 8, MUTED)
        colour, dash = LINE_STYLES[row % len(LINE_STYLES)]
        path = [m["posture"] for r in report["rounds"] for m in r["moves"] if m["character"] == ident]
        numbers = [r["number"] for r in report["rounds"] for m in r["moves"] if m["character"] == ident]
        coords = [(x(rounds.index(number)), y0 + strip / 2 - (coop_of[p] / 2) * (strip / 2 - 6))
                  for number, p in zip(numbers, path)]
        if len(coords) > 1:
            figure.polyline(coords, colour, 2.2, dash)
        for px, py in coords:
            figure.marker(MARKERS[row % len(MARKERS)], px, py, colour, 3.5)
    every = max(1, -(-n // 14))
    for k, number in enumerate(rounds):
        if k % every == 0 or k == n - 1:
            figure.text(x(k), height - 6, round_label(number), 10, INK, "middle")
    return figure


def verdicts_figure(report: dict, columns: list[tuple[str, str]], title: str, round_label: Callable[[int], str],
                    split_word: str, legend: dict[str, str], width: float = 640) -> Figure:
    """The room's verdict on each move: a row per round, a column per character, each cell a bar
    split coop / ça dépend / pas coop with its counts; a split verdict has a thick frame and ≠."""
    top, left, right, row_h, gap = 40, 40, 8, 22, 4
    rounds = report["rounds"]
    height = top + len(rounds) * (row_h + gap) + 30
    figure = Figure(width, height, title)
    cell_w = (width - left - right) / max(1, len(columns))
    for c, (_, name) in enumerate(columns):
        figure.text(left + c * cell_w + cell_w / 2, top - 8, _shorten(name, int(cell_w / 6.5)), 10, INK, "middle", True)
    for r, entry in enumerate(rounds):
        y0 = top + r * (row_h + gap)
        figure.text(left - 6, y0 + row_h / 2 + 4, round_label(entry["number"]), 10, INK, "end")
        tallies = {v["character"]: v for v in entry["verdicts"]}
        for c, (ident, _) in enumerate(columns):
            x0 = left + c * cell_w + 3
            w = cell_w - 6
            tally = tallies.get(ident)
            if tally is None:
                figure.rect(x0, y0, w, row_h, None, GRID)
                figure.text(x0 + w / 2, y0 + row_h / 2 + 4, "–", 10, MUTED, "middle")
                continue
            total = tally["coop"] + tally["pas_coop"] + tally["depends"]
            split = tally_split(tally)
            at = x0
            for key in ("coop", "depends", "pas_coop"):
                if total and tally[key]:
                    seg = w * tally[key] / total
                    figure.rect(at, y0, seg, row_h, VERDICT_COLOURS[key])
                    if seg >= 14:
                        figure.text(at + seg / 2, y0 + row_h / 2 + 4, str(tally[key]), 10,
                                    INK if key == "depends" else "#ffffff", "middle", True)
                    at += seg
            if not total:
                figure.rect(x0, y0, w, row_h, None, GRID)
            if split:
                figure.rect(x0 - 1.5, y0 - 1.5, w + 3, row_h + 3, None, INK, 2.5)
                figure.text(x0 + w - 2, y0 - 2, "≠", 10, INK, "end", True)
    # Legend
    ly = height - 12
    lx: float = left
    for key in ("coop", "depends", "pas_coop"):
        figure.rect(lx, ly - 9, 12, 12, VERDICT_COLOURS[key])
        figure.text(lx + 16, ly + 1, legend[key], 10)
        lx += 28 + 6.2 * len(legend[key])
    figure.rect(lx, ly - 9, 12, 12, None, INK, 2.5)
    figure.text(lx + 16, ly + 1, f"≠ {split_word}", 10)
    return figure


def figure_points(figure: Figure) -> list[Any]:
    """Every drawn coordinate (for tests: nothing drawn outside the box)."""
    found = []
    for shape in figure.shapes:
        if shape[0] == "polyline":
            found += list(shape[1])
        elif shape[0] in ("line",):
            found += [(shape[1], shape[2]), (shape[3], shape[4])]
        elif shape[0] in ("rect",):
            found += [(shape[1], shape[2]), (shape[1] + shape[3], shape[2] + shape[4])]
        elif shape[0] in ("marker", "text"):
            found.append((shape[2], shape[3]) if shape[0] == "marker" else (shape[1], shape[2]))
    return found
